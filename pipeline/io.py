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
                mark = getattr(exc, "problem_mark", None)
                line = mark.line + 2 if mark is not None else 2
                raise InputError(Errors.E003.format(path=path, line=line, reason=exc)) from exc
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


def read_article(path: Path | str) -> Article:
    """Read one ``.txt`` article; the id defaults to the file name without extension."""
    path = Path(path)
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(Errors.E001.format(path=path, pos=exc.start, reason=exc.reason)) from exc
    if text.startswith("\ufeff"):
        text = text[1:]
    return parse_article(text, default_id=path.stem, origin=str(path))


def iter_jsonl(path: Path | str) -> Iterator[Article | InputError]:
    """Articles of a ``.jsonl`` batch, one object a line; bad lines yield an error."""
    path = Path(path)
    with path.open("rb") as handle:
        for lineno, raw in enumerate(handle, start=1):
            where = f"{path}:{lineno}"
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield InputError(Errors.E001.format(path=where, pos=exc.start, reason=exc.reason))
                continue
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                yield InputError(Errors.E008.format(path=path, line=lineno, reason=exc.msg))
                continue
            if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
                yield InputError(Errors.E009.format(path=path, line=lineno))
                continue
            body = obj.pop("text")
            try:
                meta = article_meta(obj, default_id=f"{path.stem}-{lineno}", path=str(path), line=lineno)
            except InputError as exc:
                yield exc
                continue
            if not body.strip():
                yield InputError(Errors.E006.format(path=path, line=lineno))
                continue
            if meta.published is None:
                warn(Warnings.W001.format(path=where))
            yield Article(meta=meta, text=body, origin=where)


def _expand(paths: Iterable[Path | str]) -> Iterator[Path | InputError]:
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.iterdir() if p.suffix in (".txt", ".jsonl") and p.is_file())
        elif not path.exists():
            yield InputError(Errors.E010.format(path=path))
        elif path.suffix in (".txt", ".jsonl"):
            yield path
        else:
            yield InputError(Errors.E011.format(path=path))


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
    for item in _expand(paths):
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
