"""Every user-facing message of sahel-claims, in one place (spaCy's ``errors.py`` style).

Errors are raised as :class:`InputError` (bad article or config: the run skips the item
and reports it) or :class:`GoldError` (a gold file that fails validation). Messages are
coded and formatted with their values, so a log line can be searched for.
"""

from __future__ import annotations

import warnings


class Errors:
    E001 = "{path}: cannot decode as UTF-8 at byte {pos}: {reason}"
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
    E020 = "{path}:{line}: field '{field}': {reason}"
    E021 = "{path}: not valid YAML: {reason}"
    E022 = "{path}: cannot read: {reason}"
    E030 = (
        "Cannot load the spaCy model '{model}': {reason}. Install it (README, set-up) or "
        "set 'model:' in configs/pipeline.yaml to an installed pipeline."
    )
    E040 = "{path}: gold entry {entry}: {reason}"
    E050 = "{path}: processing failed in the pipeline: {reason}"


class Warnings:
    W001 = "{path}: no 'published' date: relative dates get value null"
    W002 = "{path}:{line}: unknown front matter field '{field}' ignored"
    W003 = "gazetteer: alias '{alias}' of '{id}' also belongs to '{other}'; keeping the first"


class SahelError(Exception):
    """Base of the project's errors."""


class InputError(SahelError, ValueError):
    """Bad input: named with its file (and line); the batch skips it and goes on."""


class ConfigError(SahelError, ValueError):
    """A config file failed validation."""


class GoldError(SahelError, ValueError):
    """A gold file failed validation (SPEC section 5)."""


class SahelWarning(UserWarning):
    """Odd but recoverable state."""


def warn(message: str) -> None:
    """Emit a :class:`SahelWarning` (one place, so tests can catch them)."""
    warnings.warn(message, SahelWarning, stacklevel=2)
