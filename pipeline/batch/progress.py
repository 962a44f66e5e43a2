"""Progress of a long batch run, on stderr: a live bar on a terminal, log lines otherwise.

>>> with ProgressReporter(total=2000) as progress:  # doctest: +SKIP
...     api.extract(paths, output=out, progress=progress)

On a terminal (``stream.isatty()``) a rich progress bar shows articles done, the rate
and the time left; elsewhere (CI, ``nohup``, a log file) a plain line is written every
``interval`` seconds, so logs stay short and greppable. Either way :meth:`summary`
gives the closing line: how many, how long, how fast.

:class:`SkipLog` is the ``report`` of a run (:data:`pipeline.api.Report`): each skipped
article on stderr as it happens (above the bar), and every skip and warning as a JSON
line in a file when asked (``--skipped-log``), since the run summary keeps only counts
and the first examples.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from types import TracebackType
from typing import IO

from ..errors import InputError
from ..io import expand_paths

LOG_INTERVAL = 30.0  # seconds between log lines when stderr is not a terminal


def count_articles(paths: Iterable[Path | str]) -> int:
    """How many items a run over ``paths`` will handle, for the time-left estimate:
    ``.txt`` files plus non-blank ``.jsonl`` lines, and one for each path or file that
    will be skipped as unreadable. One fast pass over the bytes, no parsing."""
    total = 0
    for item in expand_paths(paths):
        if isinstance(item, InputError) or item.suffix != ".jsonl":
            total += 1
            continue
        try:
            with item.open("rb") as handle:
                total += sum(1 for line in handle if line.strip())
        except OSError:
            total += 1
    return total


def _duration(seconds: float) -> str:
    """``4.2 s``, ``42 s``, ``1 min 05 s``, ``1 h 02 min``: a tenth of a second below 10 s,
    so that a short run's figures agree with its rate."""
    if seconds < 9.95:
        return f"{seconds:.1f} s"
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {seconds:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


def _rate(rate: float) -> str:
    """``41.3``, ``0.52``: two significant figures at least."""
    return f"{rate:.2f}" if rate < 1 else f"{rate:.1f}"


class ProgressReporter:
    """Callable ``progress(done)`` for :func:`pipeline.api.extract`; use as a context manager."""

    def __init__(
        self,
        *,
        total: int | None = None,
        stream: IO[str] | None = None,
        interval: float = LOG_INTERVAL,
        unit: str = "articles",
        live: bool | None = None,
    ) -> None:
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        self.interval = interval
        self.unit = unit
        self.live = self.stream.isatty() if live is None else live
        self.done = 0
        self.started = time.monotonic()
        self._last_log = self.started
        self._bar = None
        self._task = None

    def __enter__(self) -> ProgressReporter:
        self.started = self._last_log = time.monotonic()
        if self.live:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TaskProgressColumn,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            self._bar = Progress(
                TextColumn("[bold]{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TaskProgressColumn(),
                TextColumn("{task.fields[rate]}"),
                TimeElapsedColumn(),
                TextColumn("elapsed,"),
                TimeRemainingColumn(),
                TextColumn("left"),
                console=Console(file=self.stream),
                transient=True,
            )
            self._bar.__enter__()
            self._task = self._bar.add_task(self.unit, total=self.total, rate="")
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._bar is not None:
            self._bar.__exit__(exc_type, exc, tb)
            self._bar = None

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started

    @property
    def rate(self) -> float:
        """Articles per second so far."""
        return self.done / self.elapsed if self.elapsed > 0 else 0.0

    def note(self, line: str) -> None:
        """Write ``line`` on the stream now: above the live bar, or as a log line."""
        if self._bar is not None:
            self._bar.console.print(line, markup=False, highlight=False, style="yellow", soft_wrap=True)
            return
        self.stream.write(line + "\n")
        self.stream.flush()

    def __call__(self, done: int) -> None:
        self.done = done
        if self._bar is not None:
            self._bar.update(self._task, completed=done, rate=f"{_rate(self.rate)}/s")
            return
        now = time.monotonic()
        if now - self._last_log >= self.interval:
            self._last_log = now
            self.stream.write(f"progress: {self.line()}\n")
            self.stream.flush()

    def line(self) -> str:
        """``1200/2000 articles, 41.3/s, 2 min 05 s elapsed, about 19 s left``."""
        of = f"/{self.total}" if self.total is not None else ""
        text = f"{self.done}{of} {self.unit}, {_rate(self.rate)}/s, {_duration(self.elapsed)} elapsed"
        if self.total is not None and self.rate > 0 and self.done < self.total:
            text += f", about {_duration((self.total - self.done) / self.rate)} left"
        return text

    def summary(self) -> str:
        """The closing figures: ``in 48 s (41.3 articles/s)``, from the start of the run
        (loading the pipeline included) to now, over every article handled."""
        return f"in {_duration(self.elapsed)} ({_rate(self.rate)} {self.unit}/s)"


class SkipLog:
    """``report(kind, code, message)`` for :func:`pipeline.api.extract`/``ingest``: an
    error (a skipped article or shard) goes to ``echo`` as ``skipped: <message>`` at
    once; with ``path``, every error and warning is also written to that file as a JSON
    line ``{"kind", "code", "message"}``, flushed, so the whole list survives any run."""

    def __init__(self, path: Path | str | None = None, *, echo: Callable[[str], None] | None = None) -> None:
        self.path = Path(path) if path is not None else None
        self.echo = echo
        self._handle: IO[str] | None = None
        self.written = 0

    def __enter__(self) -> SkipLog:
        if self.path is not None:
            self._handle = self.path.open("w", encoding="utf-8")
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None

    def __call__(self, kind: str, code: str, message: str) -> None:
        if kind == "error" and self.echo is not None:
            self.echo(f"skipped: {message}")
        if self._handle is not None:
            self._handle.write(json.dumps({"kind": kind, "code": code, "message": message}, ensure_ascii=False) + "\n")
            self._handle.flush()
            self.written += 1
