"""Shards for cluster runs: JSONL or Parquet files, each read into articles, each giving
one output file. Pure Python (no Ray), so the local tests cover it.

A Parquet shard has the JSONL keys as columns (``text`` the body; ``id``, ``published``,
``source``, ``url``, ``title`` optional); row ``n`` (1-based) plays the JSONL line's part
in messages and default ids (``<shard name>-<n>``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..errors import ConfigError, Errors, InputError, Warnings, warn
from ..io import article_meta, iter_articles
from ..models import Article

SHARD_SUFFIXES = (".jsonl", ".parquet")


def list_shards(paths: Iterable[Path | str]) -> tuple[list[Path], list[str]]:
    """Shard files under ``paths`` (files, or folders of them, sorted), in order, and a
    message for each path that gives none (missing, not a shard, an empty or unreadable
    folder): the run skips those. Two shards with the same name would write the same
    output file: that is an error (:class:`ConfigError`)."""
    shards: list[Path] = []
    problems: list[str] = []
    for raw in paths:
        path = Path(raw)
        try:
            if path.is_dir():
                found = sorted(p for p in path.iterdir() if p.suffix in SHARD_SUFFIXES and p.is_file())
                shards.extend(found)
                if not found:
                    problems.append(Errors.E062.format(path=path))
            elif not path.exists():
                problems.append(Errors.E010.format(path=path))
            elif path.suffix in SHARD_SUFFIXES:
                shards.append(path)
            else:
                problems.append(Errors.E062.format(path=path))
        except OSError as exc:
            problems.append(Errors.E012.format(path=path, reason=exc.strerror or exc))
    seen: dict[str, Path] = {}
    for shard in shards:
        if shard.stem in seen:
            raise ConfigError(Errors.E063.format(path=shard, name=shard.stem, first=seen[shard.stem]))
        seen[shard.stem] = shard
    return shards, problems


def shard_output(output_dir: Path, shard: Path) -> Path:
    """Where a shard's records go: ``<output_dir>/<shard name>.jsonl``."""
    return output_dir / f"{shard.stem}.jsonl"


def record_article(record: dict[str, Any], *, path: Path, row: int) -> Article:
    """A Parquet row as an :class:`Article`, validated as a JSONL record is."""
    where = f"{path}:{row}"
    body = record.pop("text", None)
    if not isinstance(body, str):
        raise InputError(Errors.E009.format(path=path, line=row))
    meta = article_meta(
        {k: v for k, v in record.items() if v is not None}, default_id=f"{path.stem}-{row}", path=str(path), line=row
    )
    if not body.strip():
        raise InputError(Errors.E006.format(path=path, line=row))
    if meta.published is None:
        warn(Warnings.W001.format(path=where))
    return Article(meta=meta, text=body, origin=where)


def iter_parquet(path: Path) -> Iterator[Article | InputError]:
    """Articles of a Parquet shard, streamed a row group at a time; a bad row yields an
    error in its place and a repeated id is skipped, as in a JSONL batch."""
    import pyarrow.parquet as pq

    seen: dict[str, str] = {}
    row = 0
    for batch in pq.ParquetFile(path).iter_batches(batch_size=256):
        for record in batch.to_pylist():
            row += 1
            try:
                article = record_article(record, path=path, row=row)
            except InputError as exc:
                yield exc
                continue
            first = seen.get(article.meta.id)
            if first is not None:
                yield InputError(Errors.E007.format(path=path, line=row, id=article.meta.id, first=first))
                continue
            seen[article.meta.id] = article.origin
            yield article


def read_shard(path: Path | str) -> Iterator[Article | InputError]:
    """Articles (or errors in their place) of one shard, in order."""
    path = Path(path)
    if path.suffix == ".parquet":
        return iter_parquet(path)
    return iter_articles([path])
