"""Every user-facing message of sahel-claims, in one place (spaCy's ``errors.py`` style).

Errors are raised as :class:`InputError` (bad article or config: the run skips the item
and reports it) or :class:`GoldError` (a gold file that fails validation). Messages are
formatted with their values, and the code is part of the text: ``Errors.E007`` reads
``"[E007] {path}:{line}: duplicate article id ..."`` (the :class:`ErrorsWithCodes`
metaclass prefixes it on access), so a log line can be searched for and a run summary
counts a message by the code it starts with (:func:`leading_code`).
"""

from __future__ import annotations

import re
import warnings
from typing import Any

OTHER = "other"
"""What :func:`leading_code` returns for a message that does not start with one of our codes."""


def _is_code(name: str) -> bool:
    """``E007``, ``W001``: a message's attribute name."""
    return len(name) == 4 and name[0] in "EW" and name[1:].isdigit()


class ErrorsWithCodes(type):
    """A message class whose code attributes read with their code in front (spaCy's
    ``ErrorsWithCodes``): ``Errors.E010`` is ``"[E010] {path}: no such file or folder"``.
    ``vars(Errors)`` still holds the bare templates."""

    def __getattribute__(cls, name: str) -> Any:
        message = super().__getattribute__(name)
        if not _is_code(name):
            return message
        return f"[{name}] {message}"


class Errors(metaclass=ErrorsWithCodes):
    E001 = "{path}: cannot decode as UTF-8 at byte {pos}: {reason} (save the file as UTF-8)"
    E002 = "{path}:{line}: front matter opened with '---' but never closed"
    E003 = "{path}:{line}: front matter is not valid YAML: {reason}"
    E004 = "{path}:{line}: front matter must be a mapping of keys, got {kind}"
    E005 = "{path}:{line}: field '{field}': {reason}"
    E006 = "{path}:{line}: empty body"
    E007 = "{path}:{line}: duplicate article id '{id}' (first seen at {first})"
    E008 = "{path}:{line}: JSON Lines record is not valid JSON: {reason}"
    E009 = "{path}:{line}: JSON Lines record needs a 'text' field with the body"
    E010 = "{path}: no such file or folder"
    E011 = "{path}: unsupported input (expected .txt, .jsonl or a folder of them)"
    E012 = "{path}: cannot read this input: {reason}"
    E013 = "{path}: the folder holds no .txt or .jsonl file"
    E014 = "nothing to read: {problems}"
    E015 = (
        "{path}:{line}: field '{field}' holds an unpaired surrogate ({escape}), which is not text: "
        "fix the escape (a character outside the BMP is a pair, e.g. \\ud83d\\ude00) or remove it"
    )
    E021 = "{path}: not valid YAML: {reason}"
    E022 = "{path}: cannot read: {reason}"
    E023 = "{path}: not a saved {model}: {reason}"
    E030 = (
        "Cannot load the spaCy model '{model}': {reason}. Install it (README, set-up) or "
        "set 'model:' in configs/pipeline.yaml to an installed pipeline."
    )
    E040 = "{path}: gold entry {entry}: {reason}"
    E041 = "{path}:{line}: gold entry {entry}: text {text!r} does not equal the body at [{start}:{end}], {actual!r}"
    E042 = "{path}:{line}: gold entry {entry}: evidence {evidence!r} occurs {count} times in the body (needs exactly 1)"
    E043 = "{path}:{line}: gold entry {entry}: predicate '{predicate}' is not in the vocabulary"
    E044 = "{path}:{line}: gold entry {entry}: offsets [{start}:{end}] are outside the body (length {length})"
    E045 = "{path}: no body for article '{article}' under {corpus}: pass --corpus (the article .txt files)"
    E046 = "{path}: article '{article}' already has a gold file: {first}"
    E047 = "{path}: no gold files (*.yaml) found"
    E048 = "{path}:{line}: not a valid output record (SPEC section 4): {reason}"
    E049 = "{path}: nothing to read: {reason}"
    E050 = "{path}: processing failed in the pipeline: {reason}"
    E051 = (
        "{path}: article of {length:,} characters, over the {limit:,} a run takes (max_article_chars in the "
        "pipeline config): split it into articles, or raise the limit"
    )
    E060 = "{path}: the worker process running this article's batch died: {reason}"
    E061 = "the ray engine needs the 'ray' extra: pip install -e \".[ray]\" ({reason})"
    E062 = "{path}: not a shard for the ray engine (expected .jsonl or .parquet files, or folders of them)"
    E063 = "{path}: two shards named '{name}' (also {first}): their outputs would collide"
    E064 = "--engine ray writes one file per shard: --output must name a folder, got {output}"
    E065 = "unknown engine '{engine}' (expected one of: {expected})"
    E067 = "the worker pool died {count} times in a row, stopping: {reason}"
    E068 = "{path}: duplicate article id '{id}' (already read from an earlier shard of this run; the first is kept)"
    E069 = "{path}: cannot read the shard (no output written; retried on the next run): {reason}"
    E070 = "{url}: unsupported store URL (expected sqlite:///FILE or postgresql://USER@HOST/DB){hint}"
    E071 = "{url}: cannot open the store: {reason}"
    E072 = "{url}: the store's schema is at version {found}, newer than this sahel-claims knows ({known}): upgrade it"
    E073 = "{path}: article '{article}' not stored (rolled back, the store keeps its previous rows): {reason}"
    E074 = "{url}: cannot read the store: {reason}"
    E075 = "unknown export format '{format}' (expected one of: {expected})"
    E076 = (
        "{url}: ingest --engine ray writes from every Ray actor at once, and SQLite takes one writer "
        "(and lives on one machine): use a PostgreSQL store (postgresql://USER@HOST/DB), the local "
        "engine (--workers N), or extract --engine ray and then load the shards into SQLite"
    )
    E077 = "ingest --engine ray writes no --output file: export the store afterwards (sahel-claims export)"
    E078 = "{path}: no input shard named '{name}' among the --articles given: cannot load its records"
    E079 = "{path}: article '{id}' {reason}: not loaded"
    E080 = "{url}: no such store ({why}): export reads a store that ingest has written"
    E081 = "{url}: the folder {folder} does not exist: create it first (mkdir -p {folder})"
    E082 = (
        "{where} holds a NUL character (U+0000) at offset {offset}, which PostgreSQL cannot store "
        "(neither store takes it): remove it from the input"
    )
    E110 = "unknown events format '{format}' (expected one of: {expected})"
    E111 = "{path}: event cluster '{cluster}': {reason}"
    E112 = "{path}: not a valid event gold file: {reason}"
    E120 = "{field}: {reason}"
    E121 = "{url}: no article '{article}' in the store"
    E122 = "article '{article}' has no claim '{claim}' now (re-ingested since the page was loaded?): reload the page"
    E123 = "{url}: no article has been reviewed yet: nothing to export (review with sahel-claims review first)"
    E124 = "article '{article}' is stored without its body: it cannot be reviewed or exported as gold (ingest it again)"
    E125 = (
        "article '{article}': the {action} of claim '{claim}' by {reviewer} ({when}) is orphaned: its claim is "
        "no longer extracted and its evidence {evidence!r} is not in the body: left out of the gold"
    )
    E126 = "cannot serve the review page on {host}:{port}: {reason}"
    E127 = "{path}: cannot write the gold export: {reason}"
    E095 = "token pattern '{label}': the gated matcher cannot tell which tokens {token} accepts (declare GATE)"


class Warnings(metaclass=ErrorsWithCodes):
    W001 = "{path}: no 'published' date: relative dates get value null"
    W002 = "{path}:{line}: unknown front matter field '{field}' ignored"
    W003 = "gazetteer: alias '{alias}' of '{id}' also belongs to '{other}'; keeping the first"
    W010 = "no 'published' date: {n} relative date expression(s) left with value null"
    W020 = "pipeline cache {path} could not be loaded, building the pipeline again: {reason}"
    W040 = "predictions for article '{article}' have no gold file: ignored"
    W041 = "no predictions for article '{article}': every gold item counts as a false negative"
    W042 = "{path}: file name does not match its article id '{article}'"
    W043 = "{path}: no body for article '{article}': texts not checked, sentences not shown"
    W044 = "{path}:{line}: second prediction record for article '{article}': ignored"
    W045 = "predictions for '{article}': {layer} text {text!r} does not equal the body at [{start}:{end}]"
    W046 = "{path}: published {gold} differs from the article's {article}"


class SahelError(Exception):
    """Base of the project's errors."""


class InputError(SahelError, ValueError):
    """Bad input: named with its file (and line); the batch skips it and goes on."""


class ConfigError(SahelError, ValueError):
    """A config file failed validation."""


class StoreError(SahelError):
    """A store cannot be opened, migrated or read (a failed write is per article)."""


class GoldError(SahelError, ValueError):
    """A gold file failed validation (SPEC section 5)."""


class SahelWarning(UserWarning):
    """Odd but recoverable state."""


_LEADING_CODE = re.compile(r"\[([EW]\d{3})\] ")


def leading_code(message: str) -> str:
    """The code ``message`` starts with (``"[E007] a.jsonl:3: ..."`` -> ``"E007"``), the
    outermost when a reason quotes another message; :data:`OTHER` for a message that does
    not start with one of ours. Run summaries count skips and warnings by it."""
    found = _LEADING_CODE.match(message)
    if found is None:
        return OTHER
    code = found.group(1)
    return code if code in vars(Errors) or code in vars(Warnings) else OTHER


def warn(message: str) -> None:
    """Emit a :class:`SahelWarning` (one place, so tests can catch them)."""
    warnings.warn(message, SahelWarning, stacklevel=2)
