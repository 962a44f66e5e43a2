"""The Ray engine: the same extraction over JSONL or Parquet shards on Ray Data.

    sahel-claims extract shards/ --engine ray --workers 4 --output out/

Plan: one row per pending shard -> ``flat_map`` reads each shard into article rows (in
Ray tasks, with the same reader and messages as the local engine) -> ``map_batches``
over :class:`Extractor`, a callable class that loads the pipeline once per actor and
calls :func:`pipeline.api.process_articles` -> the driver receives the rows in input
order and writes each shard's records to ``out/.staging/<shard>.jsonl``, renamed to
``out/<shard>.jsonl`` once the shard is complete.

So an output file exists only for a finished shard: a re-run skips those and redoes the
rest from scratch (the staging folder is emptied first), and no record is ever written
twice. A shard that cannot be read gets no output file and is retried next time (E069).

Duplicate ids: within a shard the reader skips a repeated id (E007); across shards the
driver keeps the digest of every id it wrote (:class:`~pipeline.seen.SeenIds`,
~8-20 bytes an id) and skips a later copy (E068, naming its shard and line), the first
in shard order kept. A re-run first reads the ids of the shards already done, so a
shard redone later never repeats an article another shard's output holds.

``ray.init()`` is called when Ray is not running yet: it joins the cluster named by
``RAY_ADDRESS`` or starts a local one. The ``pipeline`` package and its model must be
installed on every node (or shipped in a ``runtime_env``), and shard paths must be
readable from every node (a shared file system).
"""

from __future__ import annotations

import json
import shutil
import warnings
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from ..errors import ConfigError, Errors, InputError, SahelWarning
from ..models import Article, RunSummary
from ..seen import SeenIds
from .load import load_pipeline
from .run import Report, json_line, note, process_articles
from .shards import list_shards, read_shard, shard_output

STAGING = ".staging"
SHARD_FAILED = -1  # ``seq`` of the row that reports a shard that could not be read


def import_ray() -> Any:
    """The ``ray`` module with Ray Data, or E061 when the extra is not installed."""
    try:
        import ray
        import ray.data  # noqa: F401
    except ImportError as exc:
        raise ConfigError(Errors.E061.format(reason=exc)) from exc
    return ray


def start_ray(ray: Any) -> None:
    """Join the cluster named by ``RAY_ADDRESS`` (or start Ray here) unless Ray is running."""
    if not ray.is_initialized():
        ray.init(include_dashboard=False, log_to_driver=False)


def actor_pool(ray: Any, actors: int) -> Any:
    """A fixed pool of ``actors`` actors (``compute=``; ``concurrency=`` is deprecated)."""
    return ray.data.ActorPoolStrategy(size=actors)


@contextmanager
def preserving_order(ray: Any) -> Iterator[None]:
    """Ray Data delivers rows in input order inside the block (the setting is restored)."""
    context = ray.data.DataContext.get_current()
    ordered, context.execution_options.preserve_order = context.execution_options.preserve_order, True
    try:
        yield
    finally:
        context.execution_options.preserve_order = ordered


def shard_rows(row: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """``flat_map``: one shard -> one row per article (as JSON) or per bad item (its message).

    ``row["skip"]`` (optional, JSON ``{seq: message}``): items not to process, each
    becoming an error row with its message (ingest: an id an earlier shard holds). Each
    row carries the warnings its item raised when read (``warnings``, a JSON list), so
    the driver reports them as the local engine does."""
    base = {"index": row["index"], "shard": row["shard"]}
    skip = {int(seq): message for seq, message in json.loads(row.get("skip") or "{}").items()}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", SahelWarning)
        try:
            for seq, item in enumerate(read_shard(row["shard"])):
                said = json.dumps([str(w.message) for w in caught if issubclass(w.category, SahelWarning)])
                caught.clear()
                if isinstance(item, InputError) or seq in skip:
                    error = skip.get(seq) or str(item)
                    yield {**base, "seq": seq, "article": "", "error": error, "warnings": said}
                else:
                    yield {**base, "seq": seq, "article": item.model_dump_json(), "error": "", "warnings": said}
        except Exception as exc:  # noqa: BLE001 - the shard is reported and retried next run
            error = Errors.E069.format(path=row["shard"], reason=f"{type(exc).__name__}: {exc}")
            yield {**base, "seq": SHARD_FAILED, "article": "", "error": error, "warnings": "[]"}


def note_warnings(summary: RunSummary, row: dict[str, Any], report: Report | None) -> None:
    """Count and report the warnings a row carries (:func:`shard_rows`)."""
    for message in json.loads(row.get("warnings") or "[]"):
        note(summary, "warning", message, report)


class Extractor:
    """``map_batches`` callable class: the pipeline is loaded once per actor."""

    def __init__(self, config: str | None = None, batch_size: int | None = None) -> None:

        self.nlp = load_pipeline(config)
        self.batch_size = batch_size

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:

        items: list[Article | InputError] = [
            Article.model_validate_json(article) if article else InputError(error)
            for article, error in zip(batch["article"], batch["error"], strict=True)
        ]
        lines, errors, ids, origins = [], [], [], []
        for item, result in zip(items, process_articles(items, nlp=self.nlp, batch_size=self.batch_size), strict=True):
            failed = isinstance(result, InputError)
            lines.append("" if failed else json_line(result))
            errors.append(str(result) if failed else "")
            ids.append("" if failed else result.article.id)
            origins.append(item.origin if isinstance(item, Article) else "")
        return {
            "index": list(batch["index"]),
            "seq": list(batch["seq"]),
            "line": lines,
            "error": errors,
            "id": ids,
            "origin": origins,
            "warnings": list(batch["warnings"]),
        }


def _records(output: Path) -> int:
    """The number of records of a finished shard's output file (one a line)."""
    with output.open("rb") as handle:
        return sum(1 for line in handle if line.strip())


def done_ids(outputs: Iterable[Path]) -> SeenIds:
    """The article ids of finished shards' output files (one record a line)."""
    seen = SeenIds()
    for path in outputs:
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    seen.add(str(json.loads(line)["article"]["id"]))
    return seen


class ShardWriter:
    """Writes rows arriving in input order into staging files, moving each shard's file
    into place when the first row of a later shard (or the end) shows it is complete.
    A row whose article id an earlier row (or ``seen``) had is skipped (E068)."""

    def __init__(
        self,
        output_dir: Path,
        shards: list[Path],
        summary: RunSummary,
        *,
        seen: SeenIds | None = None,
        report: Report | None = None,
    ) -> None:
        self.output_dir, self.shards, self.summary = output_dir, shards, summary
        self.seen = seen if seen is not None else SeenIds()
        self.report = report
        self.staging = output_dir / STAGING
        self.next = 0  # first shard not yet finished
        self.handle: IO[str] | None = None
        self.failed: set[int] = set()

    def _staged(self, index: int) -> Path:
        return self.staging / shard_output(Path(), self.shards[index]).name

    def _finish_before(self, index: int) -> None:
        while self.next < index:
            if self.handle is not None:
                self.handle.close()
                self.handle = None
            staged = self._staged(self.next)
            if self.next in self.failed:
                staged.unlink(missing_ok=True)
            else:
                staged.touch()
                staged.replace(shard_output(self.output_dir, self.shards[self.next]))
            self.next += 1

    def add(self, row: dict[str, Any]) -> None:
        index = int(row["index"])
        self._finish_before(index)
        note_warnings(self.summary, row, self.report)
        error = str(row["error"])
        if int(row["seq"]) == SHARD_FAILED:
            self.failed.add(index)
            note(self.summary, "error", error, self.report)
            return
        article_id = str(row.get("id", ""))
        if not error and article_id and not self.seen.add(article_id):
            error = Errors.E068.format(path=row.get("origin") or self.shards[index], id=article_id)
        if error:
            self.summary.skipped += 1
            note(self.summary, "error", error, self.report)
            return
        if self.handle is None:
            self.handle = open(self._staged(index), "a", encoding="utf-8")  # noqa: SIM115 - closed in _finish_before
        self.handle.write(str(row["line"]))
        self.summary.processed += 1

    def close(self) -> None:
        """The run completed: every remaining shard is finished."""
        self._finish_before(len(self.shards))


def extract_shards(
    paths: Iterable[Path | str],
    *,
    output_dir: Path | str | None,
    config: Path | str | None = None,
    actors: int = 1,
    batch_size: int | None = None,
    progress: Any = None,
    report: Report | None = None,
    summary: RunSummary | None = None,
) -> RunSummary:
    """Extract every shard under ``paths`` on Ray into ``output_dir/<shard>.jsonl``;
    shards whose output exists are skipped (their records count as ``unchanged``).
    Returns the run's summary (``summary``, counted into as the run goes); ``report``
    is called with each skip as it happens (:data:`pipeline.api.Report`), a path that
    is missing or no shard being one."""
    if output_dir is None or (Path(output_dir).exists() and not Path(output_dir).is_dir()):
        raise ConfigError(Errors.E064.format(output=output_dir))
    summary = summary if summary is not None else RunSummary()
    shards, problems = list_shards(paths)
    if not shards:
        raise ConfigError(Errors.E014.format(problems="; ".join(problems) or "no path given"))
    for problem in problems:
        summary.skipped += 1
        note(summary, "error", problem, report)
    ray = import_ray()
    out = Path(output_dir)
    todo = [s for s in shards if not shard_output(out, s).exists()]
    if len(todo) < len(shards):
        done = [shard_output(out, s) for s in shards if s not in todo]
        summary.unchanged += sum(_records(path) for path in done)
        note(summary, "warning", f"{out}: {len(done)} shard(s) already done, skipped", report)
    if not todo:
        return summary
    seen = done_ids([shard_output(out, s) for s in shards if s not in todo])
    staging = out / STAGING
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    if batch_size is None:
        from ..config import load_pipeline_config

        batch_size = load_pipeline_config(config)[0].batch_size
    start_ray(ray)
    with preserving_order(ray):
        dataset = (
            ray.data.from_items(
                [{"index": i, "shard": str(s)} for i, s in enumerate(todo)], override_num_blocks=len(todo)
            )
            .flat_map(shard_rows, num_cpus=0)  # light I/O: never waits for a CPU the actors hold
            .map_batches(
                Extractor,
                fn_constructor_kwargs={
                    "config": str(Path(config).resolve()) if config else None,
                    "batch_size": batch_size,
                },
                batch_size=batch_size,
                compute=actor_pool(ray, actors),
                batch_format="numpy",
            )
        )
        writer = ShardWriter(out, todo, summary, seen=seen, report=report)
        for done, row in enumerate(dataset.iter_rows(), start=1):
            writer.add(row)
            if progress:
                progress(done)
        writer.close()
    shutil.rmtree(staging, ignore_errors=True)
    return summary
