"""Faults a long run meets (issue 16): input that breaks a reader, files that cannot be
read, Ctrl-C and kill -9 with worker processes. Each is skipped and counted, or ends the
run cleanly; none aborts a batch or leaves a process behind. The store cases (a NUL
character) are in test_stores.py, run on both backends."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT
from typer.testing import CliRunner

from pipeline import api
from pipeline.cli import app
from pipeline.errors import InputError
from pipeline.io import iter_articles
from pipeline.models import Article
from pipeline.scoring.gold import read_predictions

runner = CliRunner()
GOOD = {"id": "good", "published": "2023-08-09", "text": "Niger's junta closed the airspace on Sunday."}


def kinds(items) -> list[str]:
    return [i.meta.id if isinstance(i, Article) else "error" for i in items]


# --------------------------------------------------------------------------- readers


def test_a_json_line_nested_100000_levels_deep_is_skipped_and_the_batch_goes_on(tmp_path):
    batch = tmp_path / "wire.jsonl"
    deep = '{"id": "deep", "text": ' + "[" * 100_000 + "]" * 100_000 + "}"
    batch.write_text(deep + "\n" + json.dumps(GOOD) + "\n", encoding="utf-8")
    items = list(iter_articles([batch]))
    assert kinds(items) == ["error", "good"]
    assert str(items[0]) == (
        f"[E008] {batch}:1: JSON Lines record is not valid JSON: arrays or objects nested too deeply to read"
        " (an article's fields are flat)"
    )


def test_a_prediction_line_nested_too_deeply_is_skipped(tmp_path):
    path = tmp_path / "pred.jsonl"
    path.write_text("[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    records, notes = read_predictions(path)
    assert records == {} and notes[0].startswith(f"[E048] {path}:1: ") and "nested too deeply" in notes[0]


def test_front_matter_nested_too_deeply_is_skipped(tmp_path):
    (tmp_path / "a.txt").write_text("---\ntitle: " + "[" * 5_000 + "\n---\nBody.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("---\npublished: 2023-08-09\n---\nBody.\n", encoding="utf-8")
    items = list(iter_articles([tmp_path]))
    assert kinds(items) == ["error", "b"] and "[E003]" in str(items[0]) and "nested too deeply" in str(items[0])


def test_an_unpaired_surrogate_escape_is_skipped_naming_field_and_line(tmp_path):
    batch = tmp_path / "wire.jsonl"
    batch.write_text('{"id": "bad", "text": "caf\\ud800 au lait"}\n' + json.dumps(GOOD) + "\n", encoding="utf-8")
    items = list(iter_articles([batch]))
    assert kinds(items) == ["error", "good"]
    assert str(items[0]).startswith(f"[E015] {batch}:1: field 'text' holds an unpaired surrogate (\\ud800)")
    # a pair is one character and reads fine
    batch.write_text('{"id": "ok", "text": "Bravo \\ud83d\\ude00"}\n', encoding="utf-8")
    assert kinds(iter_articles([batch])) == ["ok"]


def _deny(monkeypatch, method: str, denied: Path) -> None:
    """Make ``Path.<method>`` raise Permission denied for ``denied`` (the tests run as
    root, whom file modes do not stop)."""
    original = getattr(Path, method)

    def guarded(self, *args, **kwargs):
        if self == denied:
            raise PermissionError(13, "Permission denied", str(self))
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Path, method, guarded)


def test_an_unreadable_file_inside_a_folder_is_skipped_and_counted(tmp_path, monkeypatch):
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.txt").write_text("---\npublished: 2023-08-09\n---\nBody.\n", encoding="utf-8")
    _deny(monkeypatch, "read_bytes", tmp_path / "b.txt")
    items = list(iter_articles([tmp_path]))
    assert kinds(items) == ["a", "error", "c"]
    assert str(items[1]) == f"[E012] {tmp_path / 'b.txt'}: cannot read this input: Permission denied"


def test_an_unreadable_folder_given_as_argument_is_skipped_and_counted(tmp_path, monkeypatch):
    locked = tmp_path / "locked"
    locked.mkdir()
    good = tmp_path / "good.txt"
    good.write_text("---\npublished: 2023-08-09\n---\nBody.\n", encoding="utf-8")
    _deny(monkeypatch, "iterdir", locked)
    items = list(iter_articles([locked, good]))
    assert kinds(items) == ["error", "good"]
    assert str(items[0]) == f"[E012] {locked}: cannot read this input: Permission denied"


def test_a_jsonl_file_that_fails_midway_keeps_what_was_read(tmp_path, monkeypatch):
    batch = tmp_path / "wire.jsonl"
    batch.write_text(json.dumps(GOOD) + "\n" + json.dumps({**GOOD, "id": "two"}) + "\n", encoding="utf-8")

    class Failing:
        def __init__(self, handle):
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def __iter__(self):
            yield next(iter(self.handle))
            raise OSError(5, "Input/output error")

    original = Path.open
    monkeypatch.setattr(Path, "open", lambda self, *a, **k: Failing(original(self, *a, **k)))
    items = list(iter_articles([batch]))
    assert kinds(items) == ["good", "error"]
    assert str(items[1]) == f"[E012] {batch}:2: cannot read this input: Input/output error"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_files_and_folders_by_mode(tmp_path):
    (tmp_path / "in").mkdir()
    for name in ("a", "b"):
        (tmp_path / "in" / f"{name}.txt").write_text("Body.\n", encoding="utf-8")
    (tmp_path / "in" / "b.txt").chmod(0)
    (tmp_path / "locked").mkdir(mode=0)
    try:
        items = list(iter_articles([tmp_path / "in", tmp_path / "locked"]))
    finally:
        (tmp_path / "locked").chmod(0o755)
    assert kinds(items) == ["a", "error", "error"]


def test_cli_counts_the_unreadable_and_exits_1(nlp, tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a", "b"):
        (folder / f"{name}.txt").write_text(f"---\npublished: 2023-08-09\n---\n{GOOD['text']}\n", encoding="utf-8")
    _deny(monkeypatch, "read_bytes", folder / "b.txt")
    out = tmp_path / "o.jsonl"
    result = runner.invoke(app, ["extract", str(folder), "-o", str(out)])
    assert result.exit_code == 1
    assert "skipped by code: E012 1" in result.stderr and "extracted 1 article, skipped 1" in result.stderr
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1


def test_extract_text_with_a_lone_surrogate_never_breaks_the_output(nlp, tmp_path):
    batch = tmp_path / "wire.jsonl"
    batch.write_text('{"id": "bad", "text": "\\udc80"}\n' + json.dumps(GOOD) + "\n", encoding="utf-8")
    out = tmp_path / "o.jsonl"
    summary = api.extract([batch], output=out)
    assert (summary.processed, summary.skipped) == (1, 1) and summary.error_counts == {"E015": 1}
    assert json.loads(out.read_text(encoding="utf-8"))["article"]["id"] == "good"


# --------------------------------------------------------------------------- processes


def wire(folder: Path, n: int) -> Path:
    """A JSON Lines batch of ``n`` articles (the repository's corpora, ids made unique)."""
    articles = [a for a in iter_articles([ROOT / "corpora"]) if not isinstance(a, InputError)]
    batch = folder / "wire.jsonl"
    with batch.open("w", encoding="utf-8") as handle:
        for i in range(n):
            a = articles[i % len(articles)]
            record = {"id": f"{a.meta.id}-{i}", "published": str(a.meta.published), "text": a.text}
            handle.write(json.dumps(record) + "\n")
    return batch


def start(args: list[str], *, cwd: Path) -> subprocess.Popen:
    """The CLI in a new session (its own process group, as a shell job is), SIGINT at
    its default so that it behaves as on a terminal."""
    return subprocess.Popen(
        [sys.executable, "-c", "from pipeline.cli import app; app()", *args],
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )


def group(pgid: int) -> dict[int, str]:
    """The live (not zombie) processes of a process group: pid -> command line."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        state, _ppid, pgrp = stat.rsplit(")", 1)[1].split()[:3]
        if int(pgrp) == pgid and state != "Z":
            found[int(entry.name)] = cmdline
    return found


def wait_for(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(0.2)


def workers_of(pid: int) -> list[int]:
    return [p for p, cmd in group(pid).items() if "multiprocessing.spawn" in cmd]


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")
def test_ctrl_c_with_two_workers_ends_cleanly_with_130_and_no_process_left(tmp_path):
    batch = wire(tmp_path, 200)
    out = tmp_path / "out.jsonl"
    proc = start(["extract", str(batch), "-o", str(out), "--workers", "2", "--batch-size", "1"], cwd=tmp_path)
    try:
        wait_for(lambda: out.exists() and out.stat().st_size > 0, 180, "the first record")
        os.killpg(proc.pid, signal.SIGINT)  # what a terminal does on Ctrl-C: the whole group
        _, stderr = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 130, stderr
    assert "Traceback" not in stderr and "interrupted: " in stderr.splitlines()[-1]
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert 0 < len(records) < 200  # what was written before stays, each line whole
    wait_for(lambda: not group(proc.pid), 10, "the workers and the resource tracker to end")


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")
def test_kill_9_of_the_parent_ends_every_worker(tmp_path):
    batch = wire(tmp_path, 200)
    proc = start(["extract", str(batch), "-o", str(tmp_path / "out.jsonl"), "--workers", "2"], cwd=tmp_path)
    try:
        wait_for(lambda: len(workers_of(proc.pid)) == 2, 120, "two workers")
        time.sleep(1.0)  # the workers are past start-up: loading the pipeline
        proc.kill()
        proc.wait(timeout=10)
        wait_for(lambda: not group(proc.pid), 15, "the orphaned workers and the resource tracker to end")
    finally:
        for pid in group(proc.pid):
            os.kill(pid, signal.SIGKILL)
