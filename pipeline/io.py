"""Read articles (SPEC section 1): ``.txt`` files with optional YAML front matter, folders
of them, and ``.jsonl`` batches. Bad input becomes an :class:`InputError` naming the file
and line; :func:`iter_articles` yields it in place of the article so a batch goes on.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from .errors import Errors, InputError, Warnings, warn
from .models import Article, ArticleMeta
from .seen import SeenIds

META_FIELDS = frozenset(ArticleMeta.model_fields)


class _FrontMatterLoader(yaml.SafeLoader):
    """SafeLoader that keeps dates as text, so pydantic validates them and a bad date is
    reported as a field error (PyYAML would raise a bare ValueError on 2023-13-45)."""


_FrontMatterLoader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def yaml_problem(exc: yaml.YAMLError, *, first_line: int) -> tuple[int, str]:
    """The file line of a PyYAML error in a front matter block that starts at
    ``first_line`` and its reason in one line (PyYAML's own text quotes
    ``"<unicode string>"`` and two lines of the block, over several lines)."""
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    problem = problem.replace("'<stream end>'", "the end of the front matter").replace(
        "end of stream", "end of the front matter"
    )
    mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
    line = first_line + mark.line if mark is not None else first_line
    context = getattr(exc, "context", None)
    column = f"column {mark.column + 1}" if mark is not None else ""
    if context:
        problem += f" ({context} at {column})" if column else f" ({context})"
    elif column:
        problem += f" ({column})"
    return line, f"{problem}; quote a value that holds ':', '#', '[' or '{{'"


def json_problem(exc: ValueError | RecursionError) -> str:
    """A JSON decoding error in one line, with its column (``json``'s own ``msg`` can
    end mid-sentence: "Invalid control character at")."""
    if isinstance(exc, RecursionError):  # the decoder stops at the interpreter's recursion limit
        return "arrays or objects nested too deeply to read (an article's fields are flat)"
    if not isinstance(exc, json.JSONDecodeError):
        return str(exc)
    msg = exc.msg.removesuffix(" at")
    column = min(exc.pos, len(exc.doc.rstrip("\r\n"))) + 1  # a JSON Lines record is one line
    if msg.startswith("Invalid control character") and exc.pos < len(exc.doc):
        char = ord(exc.doc[exc.pos])
        return f"raw control character U+{char:04X} at column {column}: write it escaped (\\u{char:04x})"
    return f"{msg} at column {column}"


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def _unpaired_surrogate(obj: dict[str, Any]) -> tuple[str, str] | None:
    """(field, escape) of the first string value holding a lone UTF-16 surrogate (a JSON
    escape such as ``\\ud800`` decodes to one; no UTF-8 file can hold it)."""
    for key, value in obj.items():
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError as exc:
                return str(key), f"\\u{ord(value[exc.start]):04x}"
    return None


def _field_line(head: str, field: str, first_line: int) -> int:
    """The line of ``field:`` in a front matter block that starts at ``first_line``."""
    for offset, line in enumerate(head.splitlines()):
        if re.match(rf"\s*{re.escape(field)}\s*:", line):
            return first_line + offset
    return first_line


def article_meta(data: dict[str, Any], *, default_id: str, path: str, line: int, head: str = "") -> ArticleMeta:
    """Validate front matter / JSONL keys into :class:`ArticleMeta` (``head``: the front
    matter text, to name the line of a bad field)."""
    clean: dict[str, Any] = {}
    for key, value in data.items():
        if key not in META_FIELDS:
            warn(Warnings.W002.format(path=path, line=line, field=key))
            continue
        clean[key] = value
    published = clean.get("published")
    if isinstance(published, dt.datetime):
        clean["published"] = published.date()
    if clean.get("id") is None:
        clean["id"] = default_id
    clean["id"] = str(clean["id"])
    try:
        return ArticleMeta.model_validate(clean)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"])
        where = _field_line(head, field, line + 1) if head else line
        raise InputError(Errors.E005.format(path=path, line=where, field=field, reason=first["msg"])) from exc


def split_front_matter(text: str, *, path: str = "<string>") -> tuple[dict[str, Any], str, int]:
    """Split ``text`` into (front matter mapping, body, line number where the body starts).

    The body is everything after the closing ``---`` line, byte for byte.
    """
    data, _, body, line = _split(text, path=path)
    return data, body, line


def _split(text: str, *, path: str) -> tuple[dict[str, Any], str, str, int]:
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip("\r\n") != "---":
        return {}, "", text, 1
    for i in range(1, len(lines)):
        if lines[i].rstrip("\r\n") == "---":
            head = "".join(lines[1:i])
            body = "".join(lines[i + 1 :])
            try:
                data = yaml.load(head, Loader=_FrontMatterLoader) if head.strip() else {}
            except yaml.YAMLError as exc:
                line, reason = yaml_problem(exc, first_line=2)
                raise InputError(Errors.E003.format(path=path, line=line, reason=reason)) from exc
            except RecursionError as exc:
                reason = "nested too deeply to read (the fields id, published, source, url, title are flat)"
                raise InputError(Errors.E003.format(path=path, line=2, reason=reason)) from exc
            if not isinstance(data, dict):
                raise InputError(Errors.E004.format(path=path, line=2, kind=type(data).__name__))
            return data, head, body, i + 2
    raise InputError(Errors.E002.format(path=path, line=1))


def parse_article(text: str, *, default_id: str, origin: str = "<string>") -> Article:
    """An :class:`Article` from a ``.txt`` file's decoded text."""
    data, head, body, body_line = _split(text, path=origin)
    meta = article_meta(data, default_id=default_id, path=origin, line=1, head=head)
    if not body.strip():
        raise InputError(Errors.E006.format(path=origin, line=body_line))
    if meta.published is None:
        warn(Warnings.W001.format(path=origin))
    return Article(meta=meta, text=body, origin=origin)


def _reason(exc: OSError) -> str:
    """``Permission denied``, not ``[Errno 13] Permission denied: '/x/a.txt'``."""
    return exc.strerror or str(exc)


def read_article(path: Path | str) -> Article:
    """Read one ``.txt`` article; the id defaults to the file name without extension."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(Errors.E012.format(path=path, reason=_reason(exc))) from exc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise InputError(Errors.E001.format(path=f"{path}:{line}", pos=exc.start, reason=exc.reason)) from exc
    if text.startswith("\ufeff"):
        text = text[1:]
    return parse_article(text, default_id=path.stem, origin=str(path))


def iter_jsonl(path: Path | str) -> Iterator[Article | InputError]:
    """Articles of a ``.jsonl`` batch, one object a line; bad lines yield an error, and
    so does a file that cannot be read (at the line where reading stopped)."""
    path = Path(path)
    lineno = 0
    try:
        with path.open("rb") as handle:
            for lineno, raw in enumerate(handle, start=1):
                item = _jsonl_item(raw, path=path, lineno=lineno)
                if item is not None:
                    yield item
    except OSError as exc:
        where = f"{path}:{lineno + 1}" if lineno else str(path)
        yield InputError(Errors.E012.format(path=where, reason=_reason(exc)))


def _jsonl_item(raw: bytes, *, path: Path, lineno: int) -> Article | InputError | None:
    """One line of a JSON Lines batch: its article, the error in its place, or None
    for a blank line."""
    where = f"{path}:{lineno}"
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return InputError(Errors.E001.format(path=where, pos=exc.start, reason=exc.reason))
    if not line.strip():
        return None
    try:
        obj = json.loads(line)
    except (ValueError, RecursionError) as exc:
        return InputError(Errors.E008.format(path=path, line=lineno, reason=json_problem(exc)))
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
        return InputError(Errors.E009.format(path=path, line=lineno))
    if _SURROGATE_ESCAPE.search(line):
        bad = _unpaired_surrogate(obj)
        if bad is not None:
            return InputError(Errors.E015.format(path=path, line=lineno, field=bad[0], escape=bad[1]))
    body = obj.pop("text")
    try:
        meta = article_meta(obj, default_id=f"{path.stem}-{lineno}", path=str(path), line=lineno)
    except InputError as exc:
        return exc
    if not body.strip():
        return InputError(Errors.E006.format(path=path, line=lineno))
    if meta.published is None:
        warn(Warnings.W001.format(path=where))
    return Article(meta=meta, text=body, origin=where)


SUFFIXES = (".txt", ".jsonl")


def _folder_files(folder: Path) -> list[Path] | InputError:
    """The article files of a folder, sorted; an error when it cannot be listed or holds
    none."""
    try:
        files = sorted(p for p in folder.iterdir() if p.suffix in SUFFIXES and p.is_file())
    except OSError as exc:
        return InputError(Errors.E012.format(path=folder, reason=_reason(exc)))
    return files or InputError(Errors.E013.format(path=folder))


def expand_paths(paths: Iterable[Path | str]) -> Iterator[Path | InputError]:
    """The input files under ``paths`` in order (a folder's ``.txt`` and ``.jsonl``
    files, sorted), an :class:`InputError` in place of a path that cannot be read: one
    that does not exist, is neither, is a folder that holds none or cannot be listed."""
    for raw in paths:
        path = Path(raw)
        try:
            is_dir, exists = path.is_dir(), path.exists()
        except OSError as exc:
            yield InputError(Errors.E012.format(path=path, reason=_reason(exc)))
            continue
        if is_dir:
            found = _folder_files(path)
            if isinstance(found, InputError):
                yield found
            else:
                yield from found
        elif not exists:
            yield InputError(Errors.E010.format(path=path))
        elif path.suffix in SUFFIXES:
            yield path
        else:
            yield InputError(Errors.E011.format(path=path))


def check_inputs(paths: Iterable[Path | str]) -> None:
    """Raise :class:`InputError` (E014, naming each path's problem) when ``paths`` hold no
    input file at all: a run would read nothing. A path with a problem next to a good
    one is not an error here: the run skips it and reports it."""
    problems = []
    for item in expand_paths(paths):
        if not isinstance(item, InputError):
            return
        problems.append(str(item))
    raise InputError(Errors.E014.format(problems="; ".join(problems) or "no path given"))


FIRST_SEEN_KEPT = 100_000  # ids whose first location a duplicate's message can name


def iter_articles(paths: Iterable[Path | str]) -> Iterator[Article | InputError]:
    """Every article under ``paths`` (files, folders, JSONL), in order.

    A bad item yields an :class:`InputError` in its place; so does a second article with
    an id already seen in this batch (the first one is kept). Ids are remembered as 8-byte
    digests (:class:`~pipeline.seen.SeenIds`), so an archive of millions stays
    small; where the first copy was is kept for the first ``FIRST_SEEN_KEPT`` ids only.
    """
    seen = SeenIds()
    where: dict[str, str] = {}
    for item in expand_paths(paths):
        if isinstance(item, InputError):
            yield item
            continue
        if item.suffix == ".jsonl":
            stream: Iterable[Article | InputError] = iter_jsonl(item)
        else:
            try:
                stream = [read_article(item)]
            except InputError as exc:
                stream = [exc]
        for art in stream:
            if isinstance(art, Article):
                if not seen.add(art.meta.id):
                    path, _, line = art.origin.partition(":")
                    first = where.get(art.meta.id, "an earlier article of this run")
                    yield InputError(Errors.E007.format(path=path, line=line or 1, id=art.meta.id, first=first))
                    continue
                if len(where) < FIRST_SEEN_KEPT:
                    where[art.meta.id] = art.origin
            yield art
