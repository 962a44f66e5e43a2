"""``load``: the records that ``extract --engine ray`` wrote, into a store, later.

    sahel-claims extract shards/ --engine ray --output out/      # on the cluster
    sahel-claims load out/ --articles shards/ --store URL        # later, anywhere

A cluster can extract into object storage and leave the store alone; ``load`` then
stores each record as ``ingest`` would have: the output shard ``out/<name>.jsonl`` is
paired with the input shard ``<name>.jsonl``/``.parquet`` of ``--articles``, whose
articles give each record its body and content hash, and every article is written by
:func:`pipeline.stores.write.write_article` (one transaction each) unless it is stored
already from the same content by this pipeline version (``unchanged``). So a store
loaded from shards equals one ingested from the same articles, and a later ``ingest``
of those articles finds them unchanged. The pipeline version stamped is this one's:
load with the sahel-claims that extracted the shards.

A record is checked against its article before it is stored (E079): same metadata,
and the texts of its entities and dates found at their offsets in the body (an input
shard edited since extraction would otherwise store offsets into another text).
Records are read one line at a time; the articles of one input shard are held in
memory while its output is loaded (a shard is 1,000-10,000 articles). No Ray, no model:
one process writes. Several ``load`` processes on disjoint shards can write one
PostgreSQL store at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path

from pydantic import ValidationError

from ..errors import ConfigError, Errors, InputError
from ..models import Article, DocumentResult, RunSummary
from ..seen import SeenIds
from ..stores import Store, open_store
from ..stores.write import unchanged_ids, write_article
from .run import Progress, Report, note
from .shards import list_shards, read_shard

CHUNK = 200  # records whose fingerprints are looked up in one query


def mismatch(record: DocumentResult, article: Article) -> str | None:
    """Why ``record`` was not extracted from ``article`` as it is now, or None."""
    if record.article != article.meta:
        return "has other metadata in its input shard"
    body = article.text
    spans = [*record.entities, *record.dates]
    if any(body[s.start : s.end] != s.text for s in spans) or any(end > len(body) for _, end in record.sentences):
        return "does not match its body in the input shard (edited since extraction?)"
    return None


def read_records(path: Path) -> Iterator[DocumentResult | InputError]:
    """The records of an output shard, one a line, or an error (E048) in a bad line's place."""
    with path.open(encoding="utf-8") as handle:
        for line_no, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                yield DocumentResult.model_validate_json(line)
            except ValidationError as exc:
                reason = str(exc).splitlines()[0]
                yield InputError(Errors.E048.format(path=path, line=line_no, reason=reason))


def pair_shards(outputs: Iterable[Path | str], articles: Iterable[Path | str]) -> list[tuple[Path, Path]]:
    """Each output shard with the input shard of the same name (E078 when there is none)."""
    inputs_found, problems = list_shards(articles)
    outputs_found, more = list_shards(outputs)
    if problems or more:
        raise ConfigError(Errors.E014.format(problems="; ".join(problems + more)))
    inputs = {shard.stem: shard for shard in inputs_found}
    pairs = []
    for output in outputs_found:
        if output.stem not in inputs:
            raise ConfigError(Errors.E078.format(path=output, name=output.stem))
        pairs.append((output, inputs[output.stem]))
    return pairs


def load_records(
    outputs: Iterable[Path | str],
    *,
    articles: Iterable[Path | str],
    store: str,
    force: bool = False,
    config: Path | str | None = None,
    progress: Progress | None = None,
    report: Report | None = None,
) -> RunSummary:
    """Store the records of the output shards under ``outputs`` with their articles from
    the input shards under ``articles``; ``processed`` counts those stored now."""
    pairs = pair_shards(outputs, articles)
    summary = RunSummary()
    seen = SeenIds()
    done = 0
    from ..events import load_rules

    with open_store(store, event_rules=load_rules(config)) as target:  # events grouped by the config's flags
        for output, shard in pairs:
            bodies = {a.meta.id: a for a in read_shard(shard) if isinstance(a, Article)}
            records = read_records(output)
            while chunk := list(islice(records, CHUNK)):
                found = [bodies.get(r.article.id) for r in chunk if isinstance(r, DocumentResult)]
                same = set() if force else unchanged_ids(target, [a for a in found if a is not None])
                for record in chunk:
                    error = _load_one(target, record, bodies, same, seen, output=output, shard=shard)
                    if error is UNCHANGED:
                        summary.unchanged += 1
                    elif error is not None:
                        summary.skipped += 1
                        note(summary, "error", error, report)
                    else:
                        summary.processed += 1
                    done += 1
                    if progress:
                        progress(done)
    return summary


UNCHANGED = "unchanged"


def _load_one(
    target: Store,
    record: DocumentResult | InputError,
    bodies: dict[str, Article],
    same: set[str],
    seen: SeenIds,
    *,
    output: Path,
    shard: Path,
) -> str | None:
    """Store one record: None when stored, :data:`UNCHANGED` when left alone, otherwise
    the message of why it was not stored."""
    if isinstance(record, InputError):
        return str(record)
    article_id = record.article.id
    if not seen.add(article_id):
        return Errors.E068.format(path=output, id=article_id)
    article = bodies.get(article_id)
    if article is None:
        return Errors.E079.format(path=output, id=article_id, reason=f"is not in its input shard {shard}")
    if article_id in same:
        return UNCHANGED
    reason = mismatch(record, article)
    if reason is not None:
        return Errors.E079.format(path=output, id=article_id, reason=reason)
    return write_article(target, article, record)
