"""The local engine: the pipeline in this process, or in ``workers`` processes.

With ``workers > 1`` a pool of processes is started (``spawn``: no state forked from the
parent), each loading the pipeline once in its initializer. The parent reads the input,
sends batches of articles and receives plain :class:`~pipeline.models.DocumentResult`
records: no ``Doc`` crosses a process boundary, so Doc extension values
(``doc._.published``...) are set and used inside the worker that makes the Doc.

At most ``2 * workers`` batches are in flight, and results are yielded in input order
as soon as the oldest batch is done: memory stays flat however long the input is. A
worker that dies (killed, out of memory) costs only its batch, reported article by
article; the pool is restarted and the run goes on.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from pathlib import Path

from spacy.language import Language

from ..errors import Errors, InputError, SahelError
from ..models import Article, DocumentResult

Item = Article | InputError
Result = DocumentResult | InputError

MAX_RESTARTS = 3  # consecutive pool failures before the run stops

_WORKER_NLP: Language | None = None
_WORKER_ERROR: str | None = None


class PipelineLoadError(SahelError):
    """A worker could not load the pipeline: the run stops, as it would in one process."""


def _init_worker(config: str | None) -> None:
    """Pool initializer: load the pipeline once per worker process. A failure is kept
    and raised by the first batch, so the parent stops with the worker's message."""
    global _WORKER_NLP, _WORKER_ERROR
    from ..api import load_pipeline

    try:
        _WORKER_NLP = load_pipeline(config)
    except Exception as exc:  # noqa: BLE001 - re-raised in the parent by _work
        _WORKER_ERROR = f"{type(exc).__name__}: {exc}"


def _work(batch: list[Article]) -> list[Result]:
    """One batch in a worker: the same code path as in-process extraction."""
    from ..api import process_articles

    if _WORKER_NLP is None:
        raise PipelineLoadError(_WORKER_ERROR or "worker has no pipeline")
    return list(process_articles(batch, nlp=_WORKER_NLP, batch_size=len(batch)))


def run_local(
    items: Iterable[Item],
    *,
    nlp: Language | None = None,
    config: Path | str | None = None,
    workers: int = 1,
    batch_size: int | None = None,
) -> Iterator[Result]:
    """Results for ``items`` in input order; bad input passes through as :class:`InputError`.

    ``nlp`` (or the pipeline of ``config``) runs in this process when ``workers <= 1``;
    otherwise ``workers`` processes each load the pipeline of ``config``.
    """
    from ..api import load_pipeline, process_articles

    if workers <= 1:
        yield from process_articles(items, nlp=nlp or load_pipeline(config), batch_size=batch_size)
        return
    if batch_size is None:
        from ..config import load_pipeline_config

        batch_size = load_pipeline_config(config)[0].batch_size
    yield from _run_pool(
        items, config=str(Path(config).resolve()) if config else None, workers=workers, size=batch_size
    )


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _run_pool(items: Iterable[Item], *, config: str | None, workers: int, size: int) -> Iterator[Result]:
    def start() -> ProcessPoolExecutor:
        ctx = multiprocessing.get_context("spawn")
        return ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_init_worker, initargs=(config,))

    pool = start()
    restarts = 0
    pending: deque[tuple[list[Item], Future[list[Result]] | None]] = deque()

    def submit(chunk: list[Item]) -> None:
        articles = [a for a in chunk if isinstance(a, Article)]
        pending.append((chunk, pool.submit(_work, articles) if articles else None))

    try:
        chunks = _chunks(items, size)
        for chunk in islice(chunks, 2 * workers):
            submit(chunk)
        while pending:
            chunk, future = pending.popleft()
            try:
                results = iter(future.result()) if future is not None else iter(())
            except BrokenProcessPool as exc:
                restarts += 1
                if restarts > MAX_RESTARTS:
                    raise SahelError(Errors.E067.format(count=restarts, reason=exc)) from exc
                results = iter([_died(a, exc) for a in chunk if isinstance(a, Article)])
                pool.shutdown(wait=False, cancel_futures=True)
                pool = start()
                retry = [c for c, _ in pending]
                pending.clear()
                for again in retry:
                    submit(again)
            else:
                restarts = 0
            for item in chunk:
                yield item if isinstance(item, InputError) else next(results)
            for nxt in islice(chunks, 1):
                submit(nxt)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _died(article: Article, exc: BaseException) -> InputError:
    return InputError(Errors.E060.format(path=article.origin, reason=f"{type(exc).__name__}: {exc}"))
