"""The local engine: the pipeline in this process, or in ``workers`` processes.

With ``workers > 1`` a pool of processes is started (``spawn``: no state forked from the
parent), each loading the pipeline once in its initializer. The parent reads the input,
sends batches of articles and receives plain :class:`~pipeline.models.DocumentResult`
records: no ``Doc`` crosses a process boundary, so Doc extension values
(``doc._.published``...) are set and used inside the worker that makes the Doc.

At most ``2 * workers`` batches are in flight, and results are yielded in input order
as soon as the oldest batch is done: memory stays flat however long the input is. A
worker that dies (killed, out of memory) breaks the pool and every batch in flight: a
new pool re-runs those batches one at a time, so that only the batch that kills its
worker again is lost, reported article by article (E060), and the run goes on. After
``MAX_RESTARTS`` batches lost in a row the run stops (E067).

Stopping. Workers are started with SIGINT blocked and ignore it from their initializer
on, so Ctrl-C (which a terminal sends to the whole process group) reaches only the
parent: it raises ``KeyboardInterrupt`` there, the workers are terminated at once and
their batches abandoned, and what was yielded before stays yielded. A worker also
watches its parent (:func:`_watch_parent`) and ends itself when the parent is gone,
killed with SIGKILL included, so no worker outlives a run (nor, with them gone,
multiprocessing's resource tracker).
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
import warnings
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from itertools import islice
from pathlib import Path

from spacy.language import Language

from ..errors import Errors, InputError, SahelError, SahelWarning
from ..io import iter_articles
from ..models import Article, DocumentResult, RunSummary
from .load import load_pipeline
from .run import Progress, Report, note, process_articles

Item = Article | InputError
Result = DocumentResult | InputError

MAX_RESTARTS = 3  # batches lost in a row (each killing its worker) before the run stops
FAULT_ENV = "SAHEL_FAULT_KILL_ARTICLES"
"""Fault injection, for tests and drills: comma-separated article ids. A worker process
about to run a batch holding one of them kills itself (SIGKILL). Read in worker
processes only; unset (the default) it costs one lookup per batch."""

_WORKER_NLP: Language | None = None
_WORKER_ERROR: str | None = None


class PipelineLoadError(SahelError):
    """A worker could not load the pipeline: the run stops, as it would in one process."""


PARENT_POLL = 0.5  # seconds between a worker's checks that its parent is alive


def _watch_parent(parent: int, *, poll: float = PARENT_POLL) -> None:
    """In a worker: a daemon thread that ends this process as soon as its parent
    ``parent`` is gone (the worker is then re-parented: ``os.getppid()`` changes)."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(poll)
        os._exit(1)

    threading.Thread(target=watch, name="sahel-parent-watch", daemon=True).start()


def _init_worker(config: str | None, parent: int | None = None) -> None:
    """Pool initializer: watch the parent, then load the pipeline once per worker
    process. A failure is kept and raised by the first batch, so the parent stops with
    the worker's message."""
    global _WORKER_NLP, _WORKER_ERROR

    # Ctrl-C is the parent's to handle (it ends the workers): ignored here for life, and a
    # SIGINT that arrived while the mask inherited from the parent held it is dropped
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    if parent is not None:
        _watch_parent(parent)
    try:
        _WORKER_NLP = load_pipeline(config)
    except Exception as exc:  # noqa: BLE001 - re-raised in the parent by _work
        _WORKER_ERROR = f"{type(exc).__name__}: {exc}"


def _inject_fault(batch: list[Article]) -> None:
    """Fault injection (:data:`FAULT_ENV`): this worker dies as the kernel's OOM killer
    would kill it, when the batch holds one of the listed article ids."""
    doomed = os.environ.get(FAULT_ENV)
    if doomed and {a.meta.id for a in batch} & set(doomed.split(",")):
        os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))


def _work(batch: list[Article]) -> list[Result]:
    """One batch in a worker: the same code path as in-process extraction."""

    if _WORKER_NLP is None:
        raise PipelineLoadError(_WORKER_ERROR or "worker has no pipeline")
    _inject_fault(batch)
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


class _Batch:
    """One chunk of input items in flight: its future in the pool, or its results once
    known (a batch re-run after a pool failure, or lost with its worker)."""

    def __init__(self, chunk: list[Item], future: Future[list[Result]] | None) -> None:
        self.chunk = chunk
        self.articles = [a for a in chunk if isinstance(a, Article)]
        self.future = future
        self.done: list[Result] | None = None if self.articles else []

    def suspect(self) -> bool:
        """Still to run after the pool broke: not finished, or failed with the pool."""
        if self.done is not None:
            return False
        assert self.future is not None
        return not (self.future.done() and not self.future.cancelled() and self.future.exception() is None)

    def results(self) -> list[Result]:
        if self.done is not None:
            return self.done
        assert self.future is not None
        return self.future.result()


@contextmanager
def _sigint_held() -> Iterator[None]:
    """SIGINT blocked in this thread while the block runs (the main thread, where Python
    handles signals): a worker started meanwhile inherits the blocked mask through
    ``exec``, so a Ctrl-C sent to the process group waits in it until its initializer
    ignores SIGINT (and the pending one is dropped); here the signal is delivered when the
    block ends, so a Ctrl-C that lands while a batch is submitted is never lost (ignoring
    it instead, as before, dropped it: the run then went on to the end)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "pthread_sigmask"):
        yield
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


class _Pool:
    """A ``spawn`` process pool that is replaced when a worker dies."""

    def __init__(self, config: str | None, workers: int) -> None:
        self.config, self.workers = config, workers
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        ctx = multiprocessing.get_context("spawn")
        return ProcessPoolExecutor(
            max_workers=self.workers, mp_context=ctx, initializer=_init_worker, initargs=(self.config, os.getpid())
        )

    def submit(self, articles: list[Article]) -> Future[list[Result]]:
        """Run ``articles`` in a worker (submitting may start one: without SIGINT)."""
        with _sigint_held():
            return self.executor.submit(_work, articles)

    def batch(self, chunk: list[Item]) -> _Batch:
        batch = _Batch(chunk, None)
        if batch.articles:
            batch.future = self.submit(batch.articles)
        return batch

    def restart(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self._start()

    def shutdown(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)

    def stop(self) -> None:
        """Interrupted: end the workers now, abandoning their batches."""
        processes = list((getattr(self.executor, "_processes", None) or {}).values())
        self.executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.terminate()
        for process in processes:
            process.join(timeout=10)


def _recover(pool: _Pool, pending: deque[_Batch], lost: int) -> tuple[int, SahelError | None]:
    """After a worker died: a new pool re-runs every unfinished batch *one at a time*, so
    a batch that kills its worker again is the one that did, and only it is lost (E060);
    the others come out as usual. Returns the number of batches lost in a row and, once
    that reaches ``MAX_RESTARTS``, the error that stops the run (E067), raised by the
    caller after yielding every batch before it."""
    pool.restart()
    for batch in [b for b in pending if b.suspect()]:
        try:
            batch.done = pool.submit(batch.articles).result()
        except BrokenProcessPool as exc:
            lost += 1
            batch.done = [_died(a, exc) for a in batch.articles]
            if lost >= MAX_RESTARTS:
                return lost, SahelError(Errors.E067.format(count=lost, reason=exc))
            pool.restart()
        else:
            lost = 0
    return lost, None


def _run_pool(items: Iterable[Item], *, config: str | None, workers: int, size: int) -> Iterator[Result]:
    pool = _Pool(config, workers)
    lost = 0  # batches lost with their worker since the last batch that came through
    stop: SahelError | None = None
    pending: deque[_Batch] = deque()
    try:
        chunks = _chunks(items, size)
        pending.extend(pool.batch(chunk) for chunk in islice(chunks, 2 * workers))
        while pending:
            if stop is not None and pending[0].suspect():
                break
            try:
                results = iter(pending[0].results())
            except BrokenProcessPool:
                lost, stop = _recover(pool, pending, lost)
                continue
            batch = pending.popleft()
            if batch.future is not None and batch.done is None:
                lost = 0
            for item in batch.chunk:
                yield item if isinstance(item, InputError) else next(results)
            if stop is None:
                pending.extend(pool.batch(chunk) for chunk in islice(chunks, 1))
    except BaseException:  # Ctrl-C, or the consumer stopped: the workers' batches are abandoned
        pool.stop()
        raise
    else:
        pool.shutdown()
    if stop is not None:
        raise stop


def _died(article: Article, exc: BaseException) -> InputError:
    return InputError(Errors.E060.format(path=article.origin, reason=f"{type(exc).__name__}: {exc}"))


def iter_extract(
    paths: Iterable[Path | str],
    *,
    nlp: Language | None = None,
    summary: RunSummary | None = None,
    config: Path | str | None = None,
    workers: int = 1,
    batch_size: int | None = None,
    progress: Progress | None = None,
    keep: Callable[[Article], bool] | None = None,
    report: Report | None = None,
) -> Iterator[DocumentResult]:
    """Extract every article under ``paths``, streaming, in input order; skipped items are
    counted in ``summary`` and passed to ``report`` as they happen. ``workers > 1`` runs
    that many processes, each loading the pipeline of ``config`` once; ``progress(n)`` is
    called after each article (done or skipped) with the number handled so far.
    ``keep(article)``, called as articles are read, leaves out those it returns False for
    (ingest: already stored, unchanged)."""
    summary = summary if summary is not None else RunSummary()
    items = iter_articles(paths)
    if keep is not None:
        items = (a for a in items if not isinstance(a, Article) or keep(a))
    stream = run_local(items, nlp=nlp, config=config, workers=workers, batch_size=batch_size)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", SahelWarning)
        for item in stream:
            for caught_warning in caught:
                if issubclass(caught_warning.category, SahelWarning):
                    note(summary, "warning", str(caught_warning.message), report)
            caught.clear()
            if isinstance(item, InputError):
                summary.skipped += 1
                note(summary, "error", str(item), report)
            else:
                summary.processed += 1
            if progress:
                progress(summary.processed + summary.skipped + summary.unchanged)
            if not isinstance(item, InputError):
                yield item
