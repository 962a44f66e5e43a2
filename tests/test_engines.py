"""pipeline.batch: the local engine with worker processes, shards, and the Ray engine.

The Ray test runs Ray in local mode (``ray.init(num_cpus=2)``, one actor) and is skipped
when the ``ray`` extra is not installed.
"""

from __future__ import annotations

import json
import os
import signal
import time
from pathlib import Path

import pytest

from pipeline import api
from pipeline.batch.local import run_local
from pipeline.batch.shards import list_shards, read_shard, shard_output
from pipeline.errors import ConfigError, InputError
from pipeline.models import Article, DocumentResult, RunSummary

TEXTS = [
    ("coup", "2023-08-09", "Niger's junta closed the airspace on Sunday. ECOWAS leaders will meet on Thursday."),
    ("undated", None, "The United States suspended aid to Niger last month, officials said."),
    ("troops", "2023-09-01", "France said it would withdraw its 1,500 troops from Niger by the end of the year."),
    ("talks", "2023-08-20", "Algeria proposed a six-month transition plan; the junta rejected it on Monday."),
    ("mali", "2022-02-17", 'Mali\'s government asked France to withdraw its forces "without delay".'),
]


def record(article_id: str, published: str | None, text: str) -> dict:
    out = {"id": article_id, "text": text}
    if published:
        out["published"] = published
    return out


@pytest.fixture
def batch(tmp_path) -> Path:
    path = tmp_path / "wire.jsonl"
    lines = [json.dumps(record(*t)) for t in TEXTS]
    lines.insert(2, '{"id": "broken"')  # a bad line in the middle
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def lines_of(results) -> list[str]:
    return [api.json_line(r) if isinstance(r, DocumentResult) else f"error: {r}\n" for r in results]


@pytest.mark.slow
def test_two_workers_give_the_same_output_as_one(nlp, batch):
    """Workers load the pipeline from the config and make their own Docs: the Doc
    extension values (published, warnings) must be the same as in one process."""
    one = lines_of(run_local(read_shard(batch), nlp=nlp, batch_size=2))
    two = lines_of(run_local(read_shard(batch), workers=2, batch_size=2))
    assert two == one
    assert len(one) == 6 and one[2].startswith("error:")
    records = [json.loads(x) for x in one if not x.startswith("error:")]
    assert [r["article"]["published"] for r in records] == [t[1] for t in TEXTS]
    assert [bool(r["warnings"]) for r in records] == [t[1] is None for t in TEXTS]


@pytest.mark.slow
def test_iter_extract_with_workers_counts_and_reports(batch):
    summary = RunSummary()
    calls: list[int] = []
    ids = [r.article.id for r in api.iter_extract([batch], summary=summary, workers=2, progress=calls.append)]
    assert ids == [t[0] for t in TEXTS]
    assert (summary.processed, summary.skipped) == (5, 1)
    assert calls == [1, 2, 3, 4, 5, 6]


def test_list_shards_rejects_outputs_that_would_collide(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    for folder in ("x", "y"):
        (tmp_path / folder / "day1.jsonl").write_text("", encoding="utf-8")
    with pytest.raises(ConfigError, match="day1"):
        list_shards([tmp_path / "x", tmp_path / "y"])


@pytest.mark.parametrize("name", ["notes.txt", "data.csv"])
def test_list_shards_skips_other_files_and_missing_paths_naming_them(tmp_path, name):
    path = tmp_path / name
    path.write_text("x", encoding="utf-8")
    good = tmp_path / "day1.jsonl"
    good.write_text("", encoding="utf-8")
    shards, problems = list_shards([path, good, tmp_path / "nope.jsonl"])
    assert shards == [good]
    assert (
        problems[0].startswith(f"[E062] {path}: not a shard")
        and problems[1] == f"[E010] {tmp_path / 'nope.jsonl'}: no such file or folder"
    )


def test_extract_ray_with_no_shard_at_all_is_an_error_before_ray_starts(tmp_path):
    with pytest.raises(ConfigError, match="E014"):
        api.extract([tmp_path / "nope"], engine="ray", output=tmp_path / "out")


def test_parquet_shard_reads_like_jsonl(tmp_path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    rows = [record(*t) for t in TEXTS[:2]] + [{"id": "empty", "text": "   "}, {"text": "No id here."}]
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "day.parquet")
    items = list(read_shard(tmp_path / "day.parquet"))
    assert [i.meta.id if isinstance(i, Article) else "error" for i in items] == ["coup", "undated", "error", "day-4"]
    assert "day.parquet:3" in str(items[2])
    assert str(items[0].meta.published) == "2023-08-09" and items[1].meta.published is None


def test_extract_ray_needs_an_output_folder(tmp_path):
    with pytest.raises(ConfigError, match="folder"):
        api.extract([tmp_path], engine="ray", output=None)


def test_extract_rejects_unknown_engine(tmp_path):
    with pytest.raises(ConfigError, match="spark"):
        api.extract([tmp_path], engine="spark", output=tmp_path / "o.jsonl")


@pytest.mark.ray
@pytest.mark.slow
def test_ray_engine_equals_local_engine_and_reruns_skip_finished_shards(nlp, batch, tmp_path, ray_local):
    from pipeline.batch.ray_engine import STAGING, extract_shards

    second = tmp_path / "late.jsonl"  # "late", then a repeat of an id of the first shard
    second.write_text("".join(json.dumps(record(*TEXTS[0]) | {"id": i}) + "\n" for i in ("late", "coup")), "utf-8")
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    out = tmp_path / "out"
    summary = extract_shards([batch, empty, second], output_dir=out, actors=1, batch_size=2)
    for shard in (batch, empty, second):
        local = [x for x in lines_of(run_local(read_shard(shard), nlp=nlp)) if not x.startswith("error:")]
        local = local[:1] if shard == second else local  # its repeat of "coup" is skipped
        assert shard_output(out, shard).read_text(encoding="utf-8") == "".join(local)
    assert (summary.processed, summary.skipped) == (6, 2)
    assert summary.error_counts == {"E008": 1, "E068": 1}
    assert summary.warning_counts == {"W001": 1}  # the undated article, read in a Ray task
    assert any("wire.jsonl:3" in e for e in summary.errors) and any("late.jsonl:2" in e for e in summary.errors)
    assert not (out / STAGING).exists()

    shard_output(out, second).unlink()  # as if the run had died during this shard
    again = extract_shards([batch, empty, second], output_dir=out, actors=1, batch_size=2)
    assert (again.processed, again.skipped) == (1, 1)  # "coup" is known from wire's output
    assert len(shard_output(out, second).read_text(encoding="utf-8").splitlines()) == 1
    assert len(shard_output(out, batch).read_text(encoding="utf-8").splitlines()) == 5

    # loaded later, the shards leave the store as ingest would: ingest then finds all unchanged
    store = f"sqlite:///{tmp_path / 'claims.db'}"
    loaded = api.load([out], articles=[batch, empty, second], store=store)
    assert (loaded.processed, loaded.unchanged, loaded.skipped) == (6, 0, 0)
    ingested = api.ingest([batch, empty, second], store=store)
    assert (ingested.processed, ingested.unchanged) == (0, 6)


def test_input_errors_pass_through_the_local_engine(nlp):
    error = InputError("x.jsonl:1: bad")
    assert list(run_local([error], nlp=nlp)) == [error]


def test_cli_extract_rejects_unknown_engine(tmp_path):
    from typer.testing import CliRunner

    from pipeline.cli import app

    result = CliRunner().invoke(app, ["extract", str(tmp_path), "--engine", "spark", "-o", str(tmp_path / "o.jsonl")])
    assert result.exit_code == 2
    assert "unknown engine 'spark'" in result.output


@pytest.mark.slow
def test_cli_extract_ends_with_a_summary_line(nlp, batch, tmp_path):
    from typer.testing import CliRunner

    from pipeline.cli import app

    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["extract", str(batch), "-o", str(out), "--batch-size", "2"])
    assert result.exit_code == 1  # one skipped
    last = result.output.strip().splitlines()[-1]
    assert last.startswith("extracted 5 articles, skipped 1, in ") and last.endswith("articles/s)")
    assert len(out.read_text(encoding="utf-8").splitlines()) == 5


@pytest.mark.slow
def test_worker_that_cannot_load_the_pipeline_stops_the_run_with_its_reason(batch, tmp_path):
    from pipeline.errors import SahelError

    config = tmp_path / "pipeline.yaml"
    config.write_text("model: no_such_spacy_model\n", encoding="utf-8")
    with pytest.raises(SahelError, match="no_such_spacy_model"):
        list(run_local(read_shard(batch), config=config, workers=2, batch_size=2))


# --------------------------------------------------------------------------- dying workers


def numbered_batch(tmp_path: Path, n: int, *, long: tuple[int, ...] = ()) -> Path:
    """``n`` dated articles ``a0``..``a<n-1>``, one a line: one sentence each, or 150
    sentences for the numbers in ``long`` (a batch still running when another dies)."""
    path = tmp_path / "numbered.jsonl"
    text = "Niger's junta closed the airspace on Sunday. "
    lines = [json.dumps(record(f"a{i}", "2023-08-09", text * (150 if i in long else 1))) for i in range(n)]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


@pytest.mark.slow
def test_worker_killed_on_one_article_costs_its_batch_only(tmp_path, monkeypatch):
    """The worker that takes a5's batch dies (SIGKILL) while the other still runs the
    long batch (a2, a3): the pool breaks under both, yet only a5's batch (a4, a5) is lost
    and reported; the others come out in order. (Charging the oldest batch in flight, as
    the first version did, lost a2 and a3 as well.)"""
    from pipeline.batch.local import FAULT_ENV

    monkeypatch.setenv(FAULT_ENV, "a5")
    path = numbered_batch(tmp_path, 8, long=(2, 3))
    summary = RunSummary()
    ids = [r.article.id for r in api.iter_extract([path], summary=summary, workers=2, batch_size=2)]
    assert ids == ["a0", "a1", "a2", "a3", "a6", "a7"]
    assert (summary.processed, summary.skipped) == (6, 2)
    assert summary.error_counts == {"E060": 2}
    assert [e.split(": ")[0] for e in summary.errors] == [f"[E060] {path}:5", f"[E060] {path}:6"]
    assert all("worker process" in e for e in summary.errors)


@pytest.mark.slow
def test_three_batches_lost_in_a_row_stop_the_run_after_what_was_done(tmp_path, monkeypatch):
    from pipeline.batch.local import FAULT_ENV, MAX_RESTARTS
    from pipeline.errors import SahelError

    assert MAX_RESTARTS == 3
    monkeypatch.setenv(FAULT_ENV, "a2,a4,a6")
    path = numbered_batch(tmp_path, 10)
    out: list = []
    with pytest.raises(SahelError, match="3 times in a row"):
        out.extend(run_local(read_shard(path), workers=2, batch_size=2))
    assert [r.article.id for r in out if isinstance(r, DocumentResult)] == ["a0", "a1"]
    assert [str(r).split(": ")[0] for r in out if isinstance(r, InputError)] == [
        f"[E060] {path}:{n}" for n in range(3, 9)
    ]


# --------------------------------------------------------------------------- duplicates across shards


def test_seen_ids_finds_repeats_across_merges(monkeypatch):
    from pipeline import seen as seen_module

    monkeypatch.setattr(seen_module, "MERGE_AT", 4)  # merge into the sorted array often
    seen = seen_module.SeenIds()
    ids = [f"wire-{i}" for i in range(50)]
    assert all(seen.add(i) for i in ids)
    assert not any(seen.add(i) for i in reversed(ids))
    assert len(seen) == 50 and "wire-7" in seen and "wire-50" not in seen


def shard_row(index: int, seq: int, article_id: str, origin: str) -> dict:
    """A row as :class:`Extractor` returns it for one extracted article."""
    line = json.dumps({"article": {"id": article_id}}) + "\n"
    return {"index": index, "seq": seq, "line": line, "error": "", "id": article_id, "origin": origin}


def test_shard_writer_skips_an_id_already_written_by_an_earlier_shard(tmp_path):
    """Without Ray: the driver's side of the ray engine, fed the rows in order."""
    from pipeline.batch.ray_engine import STAGING, ShardWriter, done_ids

    shards = [tmp_path / "day1.jsonl", tmp_path / "day2.jsonl"]
    out = tmp_path / "out"
    (out / STAGING).mkdir(parents=True)
    summary, reported = RunSummary(), []
    writer = ShardWriter(out, shards, summary, report=lambda *a: reported.append(a))
    rows = [
        shard_row(0, 0, "a", "day1.jsonl:1"),
        shard_row(0, 1, "b", "day1.jsonl:2"),
        shard_row(1, 0, "c", "day2.jsonl:1"),
        shard_row(1, 1, "a", "day2.jsonl:2"),  # a repeat of day1's first article
    ]
    for row in rows:
        writer.add(row)
    writer.close()
    assert [json.loads(x)["article"]["id"] for x in (out / "day1.jsonl").read_text().splitlines()] == ["a", "b"]
    assert [json.loads(x)["article"]["id"] for x in (out / "day2.jsonl").read_text().splitlines()] == ["c"]
    assert (summary.processed, summary.skipped) == (3, 1)
    assert summary.error_counts == {"E068": 1}
    assert summary.errors[0].startswith("[E068] day2.jsonl:2: duplicate article id 'a'")
    assert [code for _, code, _ in reported] == ["E068"]
    # a re-run that redoes day2 only knows day1's ids from its output file
    assert "a" in done_ids([out / "day1.jsonl"]) and "c" not in done_ids([out / "day1.jsonl"])


def test_unreadable_shard_becomes_one_row_that_names_it(tmp_path):
    pytest.importorskip("pyarrow")
    from pipeline.batch.ray_engine import SHARD_FAILED, shard_rows

    shard = tmp_path / "day.parquet"
    shard.write_bytes(b"not parquet at all")
    (row,) = shard_rows({"index": 3, "shard": str(shard)})
    assert (row["index"], row["seq"]) == (3, SHARD_FAILED)
    expected = f"[E069] {shard}: cannot read the shard (no output written; retried on the next run): "
    assert row["error"].startswith(expected)


@pytest.mark.skipif(not hasattr(signal, "pthread_sigmask"), reason="POSIX signal masks")
def test_a_ctrl_c_while_a_batch_is_submitted_is_not_lost():
    """A SIGINT that lands while a batch is submitted (workers may be starting) stops the
    run with KeyboardInterrupt, at the latest when the submit is done (another thread may
    take the signal at once). Before, it was ignored there, and the run went on to the end
    and exited 0."""
    from pipeline.batch.local import _sigint_held

    # Python's own handler, as in the CLI (a Ray test earlier in the session may have put its own)
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        with pytest.raises(KeyboardInterrupt):
            with _sigint_held():
                os.kill(os.getpid(), signal.SIGINT)
                time.sleep(0.05)
            time.sleep(0.05)  # delivered by now
    finally:
        signal.signal(signal.SIGINT, previous)
