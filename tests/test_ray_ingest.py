"""Ingest at cluster scale (issue 17): ``ingest --engine ray`` into PostgreSQL stores the
rows the local engine stores, a run killed midway and started again ends equal to a
clean one, a re-run changes nothing; ``load`` of extract's shards leaves the store as
ingest would; SQLite is refused for the Ray engine.

Articles: eight short ones of corpora/ and an undated inline one, in two JSONL shards,
the second ending with a repeat of the first shard's first id. The Ray test runs Ray in
local mode (``ray_local``: ``ray.init(num_cpus=2)``) and is skipped without the ray extra
or without PostgreSQL (``SAHEL_TEST_POSTGRES_URL``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from pipeline import api
from pipeline.errors import ConfigError, StoreError
from pipeline.io import iter_articles
from pipeline.stores import engine_url, open_store
from pipeline.stores import schema as S

ROOT = Path(__file__).resolve().parent.parent
N_CORPUS = 8
UNDATED = {"id": "undated", "text": "The United States suspended aid to Niger last month, officials said."}


def as_line(article) -> str:
    meta = {k: v for k, v in article.meta.model_dump(mode="json").items() if v is not None}
    return json.dumps({**meta, "text": article.text}) + "\n"


@pytest.fixture(scope="module")
def shard_dir(tmp_path_factory) -> Path:
    """``s1.jsonl``: four articles; ``s2.jsonl``: four more, the undated one and a repeat
    of s1's first id (skipped: E007 locally, E068 on Ray). 9 articles, 1 skip."""
    articles = sorted(iter_articles(sorted((ROOT / "corpora").glob("*.txt"))), key=lambda a: (len(a.text), a.meta.id))
    short = articles[:N_CORPUS]
    folder = tmp_path_factory.mktemp("shards")
    (folder / "s1.jsonl").write_text("".join(as_line(a) for a in short[:4]), "utf-8")
    s2 = [as_line(a) for a in short[4:]] + [json.dumps(UNDATED) + "\n", as_line(short[0])]
    (folder / "s2.jsonl").write_text("".join(s2), "utf-8")
    return folder


def dump(url: str, *, stamps: bool = False) -> dict[str, list[tuple]]:
    """Every row of every article table, sorted, from one snapshot (``ingested_at`` left
    out unless ``stamps``)."""
    engine = sa.create_engine(engine_url(url), isolation_level="REPEATABLE READ")
    try:
        with engine.connect() as conn, conn.begin():
            return {
                t.name: [
                    tuple(v for k, v in row._mapping.items() if stamps or k != "ingested_at")
                    for row in conn.execute(sa.select(t).order_by(*t.primary_key))
                ]
                for t in S.ARTICLE_TABLES
            }
    finally:
        engine.dispose()


def of_articles(rows: dict[str, list[tuple]], ids: set[str]) -> dict[str, list[tuple]]:
    return {table: [r for r in found if r[0] in ids] for table, found in rows.items()}


def stored_ids(url: str) -> set[str]:
    with open_store(url) as store:
        return set(store.article_ids())


KILLED_DRIVER = """
import sys
import ray
ray.init(address=sys.argv[1], log_to_driver=False)
from pipeline import api
api.ingest([sys.argv[2]], store=sys.argv[3], engine="ray", workers=1, batch_size=1)
"""


def run_and_kill(ray, shards: Path, url: str, *, after: int, log: Path, timeout: float = 180) -> None:
    """Start ``ingest --engine ray`` in another driver process joined to this Ray, SIGKILL
    that driver once ``after`` articles are in the store, and wait until Ray has killed
    its actor (every CPU free again): nothing writes after this returns."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    address = ray.get_runtime_context().gcs_address
    with log.open("w") as err:
        driver = subprocess.Popen(
            [sys.executable, "-c", KILLED_DRIVER, address, str(shards), url], env=env, stdout=err, stderr=err
        )
    deadline = time.monotonic() + timeout
    try:
        while driver.poll() is None and time.monotonic() < deadline:
            try:
                if len(stored_ids(url)) >= after:
                    break
            except StoreError:  # the schema is being created
                pass
            time.sleep(0.05)
    finally:
        driver.kill()
        driver.wait()
    while ray.available_resources().get("CPU", 0) < ray.cluster_resources()["CPU"] and time.monotonic() < deadline:
        time.sleep(0.1)


@pytest.mark.ray
@pytest.mark.postgres
@pytest.mark.slow
def test_ray_ingest_equals_local_resumes_after_a_kill_and_reingest_changes_nothing(
    nlp, shard_dir, postgres_schemas, ray_local, tmp_path
):
    local_url, ray_url = postgres_schemas(), postgres_schemas()
    local = api.ingest([shard_dir], store=local_url)
    assert (local.processed, local.unchanged, local.skipped) == (N_CORPUS + 1, 0, 1)
    reference = dump(local_url)

    # killed midway: every article in the store is whole (its rows equal the clean run's)
    log = tmp_path / "killed-driver.log"
    run_and_kill(ray_local, shard_dir, ray_url, after=2, log=log)
    killed = dump(ray_url)
    done = {row[0] for row in killed["articles"]}
    assert 2 <= len(done) < N_CORPUS + 1, log.read_text("utf-8")[-3000:]
    assert killed == of_articles(reference, done)

    # started again: only what is missing is ingested, and the store equals the local one
    resumed = api.ingest([shard_dir], store=ray_url, engine="ray", workers=2, batch_size=2)
    assert (resumed.processed, resumed.unchanged, resumed.skipped) == (N_CORPUS + 1 - len(done), len(done), 1)
    assert resumed.error_counts == {"E068": 1} and "s2.jsonl:6" in resumed.errors[0]
    assert resumed.warning_counts == local.warning_counts == {"W001": 1}
    after = dump(ray_url)
    assert after == reference
    assert {t: len(rows) for t, rows in after.items()} == {t: len(rows) for t, rows in reference.items()}
    assert len(reference["claims"]) > 50
    claim_ids = [r[2] for r in after["claims"]]  # (article_id, seq, claim_id, ...)
    assert claim_ids == [r[2] for r in reference["claims"]] and all(c.startswith("c-") for c in claim_ids)

    # ingested again, from the command line: nothing is written (not even the ingestion times)
    from typer.testing import CliRunner

    from pipeline.cli import app

    stamped = dump(ray_url, stamps=True)
    again = CliRunner().invoke(app, ["ingest", str(shard_dir), "--engine", "ray", "-w", "2", "--store", ray_url])
    assert again.exit_code == 1, again.output  # exit status 1: one article skipped (E068)
    last = again.output.strip().splitlines()[-1]
    assert f": ingested 0 articles, unchanged {N_CORPUS + 1}, skipped 1, in " in last
    assert dump(ray_url, stamps=True) == stamped


def test_ray_ingest_refuses_sqlite_before_starting_ray(shard_dir, tmp_path):
    db = tmp_path / "claims.db"
    with pytest.raises(StoreError, match=r"\[E076\].*SQLite takes one writer.*postgresql://"):
        api.ingest([shard_dir], store=f"sqlite:///{db}", engine="ray")
    assert not db.exists()


def test_ray_ingest_writes_no_output_file(shard_dir, tmp_path):
    with pytest.raises(ConfigError, match=r"\[E077\].*sahel-claims export"):
        api.ingest([shard_dir], store="postgresql://u@localhost/db", engine="ray", output=tmp_path / "o.jsonl")


def test_cli_ingest_ray_into_sqlite_exits_2_with_the_reason(shard_dir, tmp_path):
    from typer.testing import CliRunner

    from pipeline.cli import app

    store = f"sqlite:///{tmp_path / 'claims.db'}"
    result = CliRunner().invoke(app, ["ingest", str(shard_dir), "--engine", "ray", "--store", store])
    assert result.exit_code == 2
    assert "[E076]" in result.output and "load the shards into SQLite" in result.output


# --------------------------------------------------------------------------- load


@pytest.fixture
def outputs(nlp, shard_dir, tmp_path) -> Path:
    """What ``extract --engine ray`` writes for the shards: ``out/<shard>.jsonl``, one
    record a line, in input order (here by the local engine, shard by shard, which the
    ray engine's test shows to be the same; the repeat of s1's id is kept in s2)."""
    out = tmp_path / "out"
    out.mkdir()
    for shard in sorted(shard_dir.glob("*.jsonl")):
        api.extract([shard], output=out / shard.name)
    return out


def test_load_leaves_the_store_as_ingest_would(store_url, shard_dir, outputs, tmp_path):
    loaded = api.load([outputs], articles=[shard_dir], store=store_url)
    assert (loaded.processed, loaded.unchanged, loaded.skipped) == (N_CORPUS + 1, 0, 1)
    assert loaded.error_counts == {"E068": 1}
    api.extract([shard_dir], output=tmp_path / "extracted.jsonl")
    api.export(store=store_url, output=tmp_path / "exported.jsonl")
    extracted = (tmp_path / "extracted.jsonl").read_text("utf-8").splitlines()
    by_id = sorted(extracted, key=lambda line: json.loads(line)["article"]["id"])  # export's order
    assert (tmp_path / "exported.jsonl").read_text("utf-8").splitlines() == by_id
    with open_store(store_url) as store:
        assert all(row["evidence_text"] for row in store.claim_rows())  # bodies are stored
    ingested = api.ingest([shard_dir], store=store_url)  # same hashes and version: nothing to do
    assert (ingested.processed, ingested.unchanged) == (0, N_CORPUS + 1)
    again = api.load([outputs], articles=[shard_dir], store=store_url)
    assert (again.processed, again.unchanged, again.skipped) == (0, N_CORPUS + 1, 1)


def test_load_refuses_a_record_whose_article_changed_and_loads_the_others(shard_dir, outputs, tmp_path):
    edited = tmp_path / "edited"
    edited.mkdir()
    lines = (shard_dir / "s1.jsonl").read_text("utf-8").splitlines(keepends=True)
    first = json.loads(lines[0])
    first["text"] = "Breaking: " + first["text"]
    (edited / "s1.jsonl").write_text(json.dumps(first) + "\n" + "".join(lines[1:]), "utf-8")
    (edited / "s2.jsonl").write_text((shard_dir / "s2.jsonl").read_text("utf-8"), "utf-8")
    store = f"sqlite:///{tmp_path / 'claims.db'}"
    summary = api.load([outputs], articles=[edited], store=store)
    assert (summary.processed, summary.skipped) == (N_CORPUS, 2)
    assert summary.error_counts == {"E079": 1, "E068": 1}
    assert f"'{first['id']}' does not match its body" in summary.errors[0]
    assert first["id"] not in stored_ids(store)


def test_load_needs_the_input_shard_of_every_output(outputs, shard_dir, tmp_path):
    (tmp_path / "inputs").mkdir()
    (tmp_path / "inputs" / "s1.jsonl").write_text((shard_dir / "s1.jsonl").read_text("utf-8"), "utf-8")
    with pytest.raises(ConfigError, match=r"\[E078\].*s2\.jsonl: no input shard named 's2'"):
        api.load([outputs], articles=[tmp_path / "inputs"], store=f"sqlite:///{tmp_path / 'c.db'}")


def test_cli_load_ends_with_a_summary_line(outputs, shard_dir, tmp_path):
    from typer.testing import CliRunner

    from pipeline.cli import app

    store = f"sqlite:///{tmp_path / 'claims.db'}"
    result = CliRunner().invoke(app, ["load", str(outputs), "--articles", str(shard_dir), "--store", store])
    assert result.exit_code == 1, result.output  # exit status 1: one article skipped (E068)
    last = result.output.strip().splitlines()[-1]
    assert last.startswith(f"{store}: loaded {N_CORPUS + 1} articles, unchanged 0, skipped 1, in ")
