"""pipeline.batch.progress: article counts, log lines off a terminal, the closing figures."""

from __future__ import annotations

import io
import json

import pytest

from pipeline.batch.progress import ProgressReporter, _duration, count_articles


def test_count_articles_counts_txt_files_and_jsonl_lines(tmp_path):
    (tmp_path / "a.txt").write_text("Body.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Body.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    batch = tmp_path / "batch.jsonl"
    batch.write_text(json.dumps({"text": "x"}) + "\n\n" + json.dumps({"text": "y"}) + "\n", encoding="utf-8")
    assert count_articles([tmp_path]) == 4
    assert count_articles([batch]) == 2


def test_count_articles_counts_a_path_to_be_skipped_as_one(tmp_path):
    (tmp_path / "a.txt").write_text("Body.", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    assert count_articles([tmp_path / "missing", tmp_path / "a.txt", tmp_path / "empty"]) == 3


@pytest.mark.parametrize(
    "seconds,text",
    [(1.94, "1.9 s"), (5, "5.0 s"), (9.96, "10 s"), (42.4, "42 s"), (65, "1 min 05 s"), (3725, "1 h 02 min")],
)
def test_duration(seconds, text):
    assert _duration(seconds) == text


def test_log_lines_off_a_terminal_with_time_left():
    stream = io.StringIO()
    with ProgressReporter(total=10, stream=stream, interval=0.0) as progress:
        for done in range(1, 4):
            progress(done)
    lines = stream.getvalue().splitlines()
    assert len(lines) == 3
    assert lines[-1].startswith("progress: 3/10 articles, ")
    assert "left" in lines[-1]
    assert progress.summary().startswith("in ")


def test_no_log_line_before_the_interval():
    stream = io.StringIO()
    with ProgressReporter(total=None, stream=stream, interval=3600.0) as progress:
        progress(1)
    assert stream.getvalue() == ""
    assert progress.done == 1


def test_live_bar_on_a_terminal_renders_to_its_stream():
    stream = io.StringIO()
    with ProgressReporter(total=5, stream=stream, live=True) as progress:
        for done in range(1, 6):
            progress(done)
    assert progress.done == 5


def test_note_writes_a_line_at_once_off_a_terminal():
    stream = io.StringIO()
    with ProgressReporter(total=3, stream=stream, live=False) as progress:
        progress.note("skipped: a.jsonl:2: empty body")
        assert stream.getvalue() == "skipped: a.jsonl:2: empty body\n"


def test_skip_log_echoes_errors_and_writes_everything_to_its_file(tmp_path):
    from pipeline.batch.progress import SkipLog

    echoed: list[str] = []
    path = tmp_path / "skipped.jsonl"
    with SkipLog(path, echo=echoed.append) as log:
        log("error", "E006", "a.jsonl:2: empty body")
        log("warning", "W001", "a.jsonl:3: no 'published' date")
        assert len(path.read_text(encoding="utf-8").splitlines()) == 2  # flushed as it goes
    assert echoed == ["skipped: a.jsonl:2: empty body"]
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert rows == [
        {"kind": "error", "code": "E006", "message": "a.jsonl:2: empty body"},
        {"kind": "warning", "code": "W001", "message": "a.jsonl:3: no 'published' date"},
    ]
