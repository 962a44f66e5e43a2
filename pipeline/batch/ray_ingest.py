"""Ingest on Ray: the articles of JSONL/Parquet shards extracted on Ray Data actors and
stored into PostgreSQL with the local engine's guarantees.

    sahel-claims ingest shards/ --engine ray --workers 8 --store postgresql://USER@HOST/DB

Plan (two passes over the shards, both reading them in Ray tasks that ask for no CPU):

1. ids: every shard's article ids come back to the driver, in shard order, which keeps
   the first of each id (:class:`~pipeline.seen.SeenIds`) and marks a later copy in
   another shard to be skipped (E068), as the local engine skips a repeated id (E007):
   both engines store the same article under an id;
2. ingest: ``flat_map`` reads each shard into article rows (:func:`shard_rows`, the
   ray extract's reader, marked copies as error rows) -> ``map_batches`` over
   :class:`Ingester`, a callable class that loads the pipeline and opens the store once
   per actor: for each batch, one query finds the articles already stored from the same
   content by this pipeline version (left alone, ``unchanged``), the others are
   extracted (:func:`~pipeline.batch.run.process_articles`) and each is written in its
   own transaction by :func:`pipeline.stores.write.write_article`, the write path of the
   local engine too. The driver receives one small row per article (its outcome and
   message) and counts them: ``ingested 172, unchanged 128, skipped 2``.

Where the writes happen: in the actors, each with its own connection. Not in the driver,
because a driver writing every article is one process doing one transaction (~15 round
trips) after another, whatever the cluster's size: on 2 CPUs it keeps up, but at scale
it is the bottleneck (docs/performance.md, "Ingest on Ray", measures it), and every
record would cross the network to it. PostgreSQL takes concurrent writers (``put``
holds an advisory lock on the article id, so two writers of one article never mix);
SQLite takes one writer and lives on one machine, so it is refused (E076): extract with
``--engine ray`` and ``load`` the shards into it, or use the local engine.

Dying: an article is written in one transaction, so an actor or a driver that dies
leaves each article stored whole or not at all (the server rolls back a transaction
whose connection drops; Ray kills a dead driver's actors). A run started again reads
the shards again and stores only what is missing: resumable by the store's content
hashes, with no staging state to clean. Ray retries the batch of an actor that died
on a new actor; its articles written before the death then count as ``unchanged``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from spacy.language import Language

from ..errors import ConfigError, Errors, InputError, StoreError
from ..models import Article, RunSummary
from ..seen import SeenIds
from ..stores import engine_url, open_store
from ..stores.write import unchanged_ids, write_article
from .load import load_pipeline
from .ray_engine import SHARD_FAILED, actor_pool, import_ray, note_warnings, preserving_order, shard_rows, start_ray
from .run import Progress, Report, note, process_articles
from .shards import list_shards, read_shard

INGESTED, UNCHANGED, FAILED = "ingested", "unchanged", "error"


def shard_ids(row: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """``flat_map``, first pass: the id and origin of each article a shard holds (bad
    items, warnings and unreadable shards are reported by the second pass)."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            for seq, item in enumerate(read_shard(row["shard"])):
                if isinstance(item, Article):
                    yield {"index": row["index"], "seq": seq, "id": item.meta.id, "origin": item.origin}
        except Exception:  # noqa: BLE001 - the second pass reads it again and reports it (E069)
            return


def repeated_ids(rows: Iterable[dict[str, Any]]) -> dict[int, dict[int, str]]:
    """From the first pass's rows in shard order: by shard index and position, the E068
    message of each article whose id an earlier shard holds (the first is kept)."""
    seen = SeenIds()
    skips: dict[int, dict[int, str]] = {}
    for row in rows:
        article_id = str(row["id"])
        if not seen.add(article_id):
            message = Errors.E068.format(path=row["origin"], id=article_id)
            skips.setdefault(int(row["index"]), {})[int(row["seq"])] = message
    return skips


class Ingester:
    """``map_batches`` callable class: the store is opened and the pipeline loaded once
    per actor (the pipeline when there is a first article to extract, so that a re-run
    over stored articles loads none); each article of a batch is left alone
    (unchanged), or extracted and written in its own transaction."""

    def __init__(self, store: str, config: str | None = None, batch_size: int | None = None, force: bool = False):
        from ..events import load_rules

        self.store = open_store(store, event_rules=load_rules(config))  # events grouped by the run's config
        self.config, self.batch_size, self.force = config, batch_size, force
        self._nlp: Language | None = None

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = load_pipeline(self.config)
        return self._nlp

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        items: list[Article | InputError] = [
            Article.model_validate_json(article) if article else InputError(error)
            for article, error in zip(batch["article"], batch["error"], strict=True)
        ]
        articles = [a for a in items if isinstance(a, Article)]
        same = set() if self.force else unchanged_ids(self.store, articles)
        todo = [a for a in articles if a.meta.id not in same]
        results = iter(process_articles(todo, nlp=self.nlp, batch_size=self.batch_size) if todo else ())
        outcomes, messages = [], []
        for item in items:
            if isinstance(item, InputError):
                outcome, message = FAILED, str(item)
            elif item.meta.id in same:
                outcome, message = UNCHANGED, ""
            else:
                result = next(results)
                failure = str(result) if isinstance(result, InputError) else write_article(self.store, item, result)
                outcome, message = (FAILED, failure) if failure else (INGESTED, "")
            outcomes.append(outcome)
            messages.append(message)
        return {
            "index": list(batch["index"]),
            "seq": list(batch["seq"]),
            "outcome": outcomes,
            "message": messages,
            "warnings": list(batch["warnings"]),
        }

    def __del__(self) -> None:
        store = getattr(self, "store", None)
        if store is not None:
            store.close()


def tally(summary: RunSummary, row: dict[str, Any], report: Report | None = None) -> None:
    """Count one article's outcome (and report its warnings and error) in ``summary``."""
    note_warnings(summary, row, report)
    outcome = str(row["outcome"])
    if outcome == INGESTED:
        summary.processed += 1
    elif outcome == UNCHANGED:
        summary.unchanged += 1
    else:
        if int(row["seq"]) != SHARD_FAILED:  # a shard that cannot be read is no article
            summary.skipped += 1
        note(summary, "error", str(row["message"]), report)


def check_store(url: str) -> None:
    """Refuse SQLite (E076); open the store once here, so that a bad URL or an unreachable
    server stops the run before Ray starts and the schema is migrated by one process."""
    if engine_url(url).get_backend_name() == "sqlite":
        raise StoreError(Errors.E076.format(url=url))
    with open_store(url):
        pass


def ingest_shards(
    paths: Iterable[Path | str],
    *,
    store: str,
    config: Path | str | None = None,
    actors: int = 1,
    batch_size: int | None = None,
    force: bool = False,
    progress: Progress | None = None,
    report: Report | None = None,
) -> RunSummary:
    """Ingest every article of the shards under ``paths`` into ``store`` (PostgreSQL) on
    Ray, ``actors`` actors extracting and writing. ``force``: extract and store again
    even unchanged articles. Returns the run's summary (``processed``: ingested now)."""
    check_store(store)
    shards, problems = list_shards(paths)
    if not shards:
        raise ConfigError(Errors.E014.format(problems="; ".join(problems) or "no path given"))
    summary = RunSummary()
    for problem in problems:
        summary.skipped += 1
        note(summary, "error", problem, report)
    ray = import_ray()
    if batch_size is None:
        from ..config import load_pipeline_config

        batch_size = load_pipeline_config(config)[0].batch_size
    start_ray(ray)
    items = [{"index": i, "shard": str(s)} for i, s in enumerate(shards)]
    with preserving_order(ray):
        ids = ray.data.from_items(items, override_num_blocks=len(shards)).flat_map(shard_ids, num_cpus=0)
        skips = repeated_ids(ids.iter_rows())
        todo = [{**item, "skip": json.dumps(skips.get(item["index"], {}))} for item in items]
        dataset = (
            ray.data.from_items(todo, override_num_blocks=len(shards))
            .flat_map(shard_rows, num_cpus=0)  # light I/O: never waits for a CPU the actors hold
            .map_batches(
                Ingester,
                fn_constructor_kwargs={
                    "store": store,
                    "config": str(Path(config).resolve()) if config else None,
                    "batch_size": batch_size,
                    "force": force,
                },
                batch_size=batch_size,
                compute=actor_pool(ray, actors),
                batch_format="numpy",
            )
        )
        for done, row in enumerate(dataset.iter_rows(), start=1):
            tally(summary, row, report)
            if progress:
                progress(done)
    return summary
