"""Stores: the schema and its migrations, atomic per-article writes, idempotent ingest,
failure isolation and the export round trip, on SQLite and PostgreSQL (``store_url``).

The store layer is tested with records built by hand; ingest runs the session pipeline
on short inline articles (claims may be few: the round trip holds whatever they are).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import sqlalchemy as sa

from pipeline import __version__, api
from pipeline.errors import StoreError
from pipeline.models import (
    ArticleMeta,
    Claim,
    ClaimArg,
    ClaimDate,
    DateExpr,
    DocumentResult,
    Entity,
    Evidence,
    Location,
    Quantity,
)
from pipeline.stores import engine_url, open_store
from pipeline.stores import schema as S
from pipeline.stores.migrations import LATEST, STEPS, current_version, migrations_table
from pipeline.stores.sql import SqlStore

BODY = "Le président 🇳🇪 Bazoum was detained on Monday. France and Mali said 1,000 troops left."


def record(article_id: str = "a1", *, n_claims: int = 2, url: str | None = "https://example.org/a1") -> DocumentResult:
    """A record exercising every field: null and linked arguments, sources, an int and a
    float quantity, a date with and without value, warnings, non-BMP text before offsets;
    SPEC revision 2: actor codes (both, one, none) and a location (every field, and one
    outside the GeoNames gazetteer)."""
    claims = [
        Claim(
            id="c-000000000001",
            subject=None,
            predicate="detain",
            object=ClaimArg(text="Bazoum", start=16, end=22, id="Mohamed_Bazoum", country="NER"),
            negated=False,
            modality="asserted",
            source=[],
            date=ClaimDate(text="on Monday", value="2023-08-07"),
            quantity=None,
            evidence=Evidence(start=0, end=46),
            rule="svo-passive",
            cameo="17",
            location=Location(
                text="Niamey",
                start=0,
                end=2,
                id="Niamey",
                geonames=2440485,
                country="NER",
                admin1="Niamey",
                lat=13.51366,
                lon=2.1098,
            ),
        ),
        Claim(
            id="c-000000000002",
            subject=ClaimArg(text="troops", start=74, end=80, id=None, country="FRA", sector="MIL"),
            predicate="withdraw",
            object=None,
            negated=True,
            modality="uncertain",
            source=["Mali", "France"],
            date=ClaimDate(text="recently", value=None),
            quantity=Quantity(value=1000, unit="troops", approx="over"),
            evidence=Evidence(start=47, end=86),
            rule="svo-active",
            cameo=None,
            location=Location(text="the border", start=60, end=70),
        ),
        Claim(
            id="c-000000000003",
            predicate="support",
            quantity=Quantity(value=2.5, unit="percent"),
            evidence=Evidence(start=47, end=86),
            rule="svo-active",
        ),
    ][:n_claims]
    return DocumentResult(
        article=ArticleMeta(id=article_id, published="2023-08-09", source="VOA", url=url, title="Niger"),
        sentences=[(0, 46), (47, 86)],
        entities=[
            Entity(text="Bazoum", start=16, end=22, label="PERSON", id="Mohamed_Bazoum"),
            Entity(text="France", start=47, end=53, label="GPE", id="France"),
        ],
        dates=[DateExpr(text="Monday", start=39, end=45, type="DATE", value="2023-08-07")],
        claims=claims,
        warnings=["a warning"],
    )


def put(store, result: DocumentResult, *, digest: str = "h1") -> None:
    store.put(result, body=BODY, content_hash=digest, pipeline_version=__version__)


def dump(url: str) -> dict[str, list[tuple]]:
    """Every row of every table, sorted: two stores are equal when their dumps are."""
    engine = sa.create_engine(engine_url(url))
    try:
        with engine.connect() as conn:
            out = {
                t.name: [tuple(r) for r in conn.execute(sa.select(t).order_by(*t.primary_key))]
                for t in S.ARTICLE_TABLES
            }
            out["schema_migrations"] = [tuple(r)[:2] for r in conn.execute(sa.select(migrations_table))]
            return out
    finally:
        engine.dispose()


# --------------------------------------------------------------------------- store layer


def test_store_round_trip_keeps_every_field(store_url):
    result = record(n_claims=3)
    with open_store(store_url) as store:
        put(store, result)
        back = store.get("a1")
    assert back == result
    assert json.dumps(back.model_dump(mode="json")) == json.dumps(result.model_dump(mode="json"))
    assert type(back.claims[1].quantity.value) is int and type(back.claims[2].quantity.value) is float


def test_store_put_replaces_one_article_and_no_other(store_url):
    with open_store(store_url) as store:
        put(store, record("a1", n_claims=3))
        put(store, record("a2", n_claims=3))
        before = dump(store_url)
        put(store, record("a1", n_claims=1), digest="h2")
        assert store.get("a1") == record("a1", n_claims=1)
        assert store.fingerprint("a1").content_hash == "h2"
    after = dump(store_url)
    for table, rows in after.items():
        assert [r for r in rows if "a2" in r] == [r for r in before[table] if "a2" in r], table
    assert len([r for r in after["claims"] if r[0] == "a1"]) == 1
    assert [r for r in after["claim_sources"] if r[0] == "a1"] == []


def test_store_fingerprints_reads_several_articles_at_once(store_url):
    from pipeline.stores import Fingerprint

    with open_store(store_url) as store:
        put(store, record("a1"), digest="h1")
        put(store, record("a2"), digest="h2")
        found = store.fingerprints(["a2", "nope", "a1"])
        assert found == {"a1": Fingerprint("h1", __version__), "a2": Fingerprint("h2", __version__)}
        assert store.fingerprints([]) == {}


@pytest.mark.parametrize("failing_table", ["sentences", "claims", "claim_sources", "article_warnings"])
def test_store_failed_write_leaves_previous_rows(store_url, monkeypatch, failing_table):
    with open_store(store_url) as store:
        put(store, record("a1", n_claims=3))
        before = dump(store_url)
        original = SqlStore._insert

        def crash(conn, table, rows):
            if table.name == failing_table:
                raise RuntimeError("disk on fire")
            original(conn, table, rows)

        monkeypatch.setattr(SqlStore, "_insert", staticmethod(crash))
        with pytest.raises(RuntimeError):
            put(store, record("a1", n_claims=1), digest="h2")
        assert dump(store_url) == before
        assert store.get("a1") == record("a1", n_claims=3)


def test_store_concurrent_writers_of_one_article_never_mix(store_url):
    """Writers racing on one article: each put succeeds, and the store ends with exactly
    one writer's version (no rows of two versions together)."""
    from concurrent.futures import ThreadPoolExecutor

    versions = {f"h{n}": record("a1", n_claims=n) for n in (1, 2, 3)}
    with open_store(store_url) as store:

        def write(digest: str) -> None:
            put(store, versions[digest], digest=digest)

        with ThreadPoolExecutor(max_workers=3) as pool:
            list(pool.map(write, [d for _ in range(4) for d in versions]))
        final = store.fingerprint("a1").content_hash
        assert store.get("a1") == versions[final]


def test_store_delete_removes_every_row(store_url):
    with open_store(store_url) as store:
        put(store, record("a1"))
        assert store.delete("a1") is True
        assert store.delete("a1") is False
        assert store.article_ids() == []
    assert all(rows == [] for name, rows in dump(store_url).items() if name != "schema_migrations")


def test_store_refuses_a_nul_character_on_every_backend(store_url):
    """PostgreSQL cannot store U+0000 in text and SQLite's substr() stops at it (the
    claim_rows view then gave a wrong evidence_text): both stores refuse it, alike."""
    body = BODY.replace("Bazoum was", "Bazoum\x00was")
    with open_store(store_url) as store:
        with pytest.raises(StoreError) as err:
            store.put(record("a1"), body=body, content_hash="h1", pipeline_version=__version__)
        assert str(err.value) == (
            "[E082] articles.body holds a NUL character (U+0000) at offset 22, which PostgreSQL cannot store "
            "(neither store takes it): remove it from the input"
        )
        titled = record("a1").model_copy(update={"article": ArticleMeta(id="a1", title="Ni\x00ger")})
        with pytest.raises(StoreError, match=r"articles.title holds a NUL character \(U\+0000\) at offset 2"):
            put(store, titled)
        assert store.article_ids() == []


def test_ingest_skips_an_article_with_a_nul_alike_on_every_backend(nlp, store_url, tmp_path):
    batch = tmp_path / "wire.jsonl"
    clean = {"id": "clean", "published": "2023-08-09", "text": ARTICLES["a-one"]}
    nul = {"id": "nul", "published": "2023-08-09", "text": ARTICLES["a-two"].replace(" aid", "\x00aid")}
    batch.write_text(json.dumps(nul) + "\n" + json.dumps(clean) + "\n", encoding="utf-8")
    summary = api.ingest([batch], store=store_url)
    assert (summary.processed, summary.skipped) == (1, 1) and summary.error_counts == {"E073": 1}
    assert summary.errors[0].startswith(f"[E073] {batch}:1: article 'nul' not stored (rolled back")
    assert "[E082] articles.body holds a NUL character (U+0000) at offset 27" in summary.errors[0]
    assert [json.loads(line)["article"]["id"] for line in exported(store_url)] == ["clean"]
    with open_store(store_url) as store:
        assert {r["evidence_text"] for r in store.claim_rows()} <= {ARTICLES["a-one"][:44], ARTICLES["a-one"][45:]}


def test_ingest_of_a_batch_with_a_line_nested_100000_deep_stores_the_rest(nlp, store_url, tmp_path):
    """The reader once raised RecursionError on such a line and the run stored nothing."""
    batch = tmp_path / "wire.jsonl"
    deep = '{"id": "deep", "text": ' + "[" * 100_000 + "]" * 100_000 + "}"
    clean = {"id": "clean", "published": "2023-08-09", "text": ARTICLES["a-one"]}
    batch.write_text(json.dumps(clean) + "\n" + deep + "\n", encoding="utf-8")
    summary = api.ingest([batch], store=store_url)
    assert (summary.processed, summary.skipped) == (1, 1) and summary.error_counts == {"E008": 1}
    assert [json.loads(line)["article"]["id"] for line in exported(store_url)] == ["clean"]


def test_reading_a_store_that_does_not_exist_is_an_error_and_creates_nothing(store_url, tmp_path):
    """export reads an existing store only: a missing SQLite file, or a database (here a
    fresh PostgreSQL schema) without our tables, is E080, and is left as it was."""
    with pytest.raises(StoreError, match=r"\[E080\] .*no such store"):
        api.export(store=store_url, output=tmp_path / "out.jsonl")
    assert not (tmp_path / "claims.db").exists()
    assert not (tmp_path / "out.jsonl").exists()
    engine = sa.create_engine(engine_url(store_url))
    try:
        with engine.connect() as conn:
            assert not conn.dialect.has_table(conn, migrations_table.name)
    finally:
        engine.dispose()


def test_a_store_in_a_folder_that_does_not_exist_is_an_error(tmp_path):
    url = f"sqlite:///{tmp_path / 'missing' / 'claims.db'}"
    with pytest.raises(StoreError, match=r"\[E081\] .*the folder .*missing does not exist: create it first"):
        open_store(url)
    assert not (tmp_path / "missing").exists()


def test_store_errors_show_the_url_as_given():
    with pytest.raises(StoreError) as err:
        open_store("postgres://u:secret@127.0.0.1:1/db?connect_timeout=2")
    assert str(err.value).startswith("[E071] postgres://u:***@127.0.0.1:1/db?connect_timeout=2: cannot open")
    with pytest.raises(StoreError, match="write sqlite:///claims.db"):
        open_store("claims.db")


def test_claim_rows_view_flattens_a_claim(store_url):
    with open_store(store_url) as store:
        put(store, record("a1", n_claims=2))
        rows = list(store.claim_rows())
    assert [r["claim_id"] for r in rows] == ["c-000000000001", "c-000000000002"]
    first, second = rows
    assert first["object_id"] == "Mohamed_Bazoum" and first["subject_id"] is None
    assert first["source"] is None and first["date_value"] == "2023-08-07"
    # offsets are code points, also past a (two code point) flag emoji
    assert first["evidence_text"] == "Le président 🇳🇪 Bazoum was detained on Monday."
    assert first["article_url"] == "https://example.org/a1"
    assert second["source"] == "Mali; France"
    assert second["negated"] is True and second["modality"] == "uncertain"
    assert second["evidence_text"] == BODY[47:86] == "France and Mali said 1,000 troops left."
    assert second["quantity_value"] == 1000 and second["pipeline_version"] == __version__
    # revision 2: actor codes and the location, columns to GROUP BY
    assert (first["object_country"], first["object_sector"], first["subject_country"]) == ("NER", None, None)
    assert (second["subject_country"], second["subject_sector"]) == ("FRA", "MIL")
    assert first["location_geonames"] == 2440485 and first["location_lat"] == 13.51366
    assert (second["location_text"], second["location_id"], second["location_country"]) == ("the border", None, None)


def test_claim_rows_view_counts_claims_by_country_and_sector(store_url):
    with open_store(store_url) as store:
        put(store, record("a1", n_claims=3))
        put(store, record("a2", n_claims=2))
        view = S.claim_rows
        query = (
            sa.select(view.c.subject_country, view.c.subject_sector, sa.func.count())
            .group_by(view.c.subject_country, view.c.subject_sector)
            .order_by(view.c.subject_country)
        )
        with store.engine.connect() as conn:
            counts = {(c, s): n for c, s, n in conn.execute(query)}
    assert counts == {("FRA", "MIL"): 2, (None, None): 3}


@pytest.mark.parametrize("before", [(1,), (1, 3)], ids=["v1", "v1+v3"])
def test_migration_2_upgrades_an_older_store_and_keeps_its_rows(store_url, before):
    # a store as version 1 left it, or as a checkout with the events (v3) but not the codes
    # (v2) left it: the missing steps are applied, rows kept
    from pipeline.stores.migrations import NAMING, migrate, v001_initial, v003_events

    steps = {1: v001_initial, 3: v003_events}
    engine = sa.create_engine(engine_url(store_url))
    try:
        with engine.connect() as conn, conn.begin():
            metadata = sa.MetaData(naming_convention=NAMING)
            migrations_table.create(conn, checkfirst=True)
            for version in before:
                steps[version].define(metadata)
                steps[version].upgrade(conn, metadata)
                conn.execute(sa.insert(migrations_table).values(version=version, name=steps[version].NAME,
                                                                applied_at=sa.func.now()))  # fmt: skip
            conn.execute(sa.insert(metadata.tables["articles"]).values(
                id="old", content_hash="h", pipeline_version="0", ingested_at=sa.func.now()))  # fmt: skip
        with engine.connect() as conn:
            assert migrate(conn, url=store_url) == sorted({2, 3} - set(before))
    finally:
        engine.dispose()
    with open_store(store_url) as store:
        assert store.article_ids() == ["old"]
        put(store, record("a1", n_claims=3))
        assert store.get("a1") == record("a1", n_claims=3)
        assert [r["subject_country"] for r in store.claim_rows()] == [None, "FRA", None]


def test_migrations_build_the_declared_schema_once(store_url):
    with open_store(store_url):
        pass
    with open_store(store_url) as store:
        engine = store.engine
        with engine.connect() as conn:
            assert current_version(conn) == LATEST
            assert conn.execute(sa.select(sa.func.count()).select_from(migrations_table)).scalar() == len(STEPS)
        inspector = sa.inspect(engine)
        for table in S.METADATA.sorted_tables:
            assert [c["name"] for c in inspector.get_columns(table.name)] == list(table.c.keys())
        assert "claim_rows" in inspector.get_view_names()
        assert [c["name"] for c in inspector.get_columns("claim_rows")] == list(S.claim_rows.c.keys())


@pytest.mark.parametrize(
    "table,column",
    [
        ("claims", "predicate"),
        ("claims", "subject_id"),
        ("claims", "object_id"),
        ("claims", "date_value"),
        ("claims", "subject_country"),
        ("claims", "subject_sector"),
        ("claims", "object_country"),
        ("claims", "object_sector"),
        ("claims", "location_country"),
        ("entities", "entity_id"),
        ("dates", "value"),
        ("claim_sources", "source"),
    ],
)
def test_lookup_columns_are_indexed(store_url, table, column):
    with open_store(store_url) as store:
        indexed = [i["column_names"] for i in sa.inspect(store.engine).get_indexes(table)]
    assert [column] in indexed


def test_claims_by_article_use_the_primary_key(store_url):
    with open_store(store_url) as store:
        pk = sa.inspect(store.engine).get_pk_constraint("claims")
    assert pk["constrained_columns"] == ["article_id", "seq"]


def test_store_newer_schema_is_refused(store_url):
    with open_store(store_url) as store, store.engine.begin() as conn:
        conn.execute(sa.insert(migrations_table).values(version=LATEST + 1, name="future", applied_at=sa.func.now()))
    with pytest.raises(StoreError, match="newer than this sahel-claims"):
        open_store(store_url)


@pytest.mark.parametrize(
    "url,driver",
    [
        ("sqlite:///claims.db", "sqlite"),
        ("sqlite://", "sqlite"),
        ("postgresql://u@localhost/db", "postgresql+psycopg"),
        ("postgres://u:secret@localhost:5433/db", "postgresql+psycopg"),
        ("postgresql+psycopg://u@localhost/db", "postgresql+psycopg"),
    ],
)
def test_store_urls_map_to_drivers(url, driver):
    assert engine_url(url).drivername == driver


@pytest.mark.parametrize("url", ["mysql://u@localhost/db", "claims.db", "postgresql+psycopg2://u@h/db"])
def test_unsupported_store_url_is_an_error(url):
    with pytest.raises(StoreError, match="unsupported store URL"):
        open_store(url)


def test_unreachable_store_is_an_error_without_password():
    with pytest.raises(StoreError, match="cannot open the store") as err:
        open_store("postgresql://u:secret@127.0.0.1:1/db?connect_timeout=2")
    assert "secret" not in str(err.value)


# --------------------------------------------------------------------------- ingest

ARTICLES = {
    "a-one": "Niger's junta closed the airspace on Sunday. ECOWAS condemned the coup.",
    "a-two": "The United States suspended aid to Niger last week, officials said.",
    "a-three": "Mali and Burkina Faso warned that any intervention would be a declaration of war.",
}


def write_article(folder: Path, article_id: str, body: str, *, published: str = "2023-08-09") -> Path:
    path = folder / f"{article_id}.txt"
    path.write_text(f"---\npublished: {published}\nurl: https://example.org/{article_id}\n---\n{body}\n", "utf-8")
    return path


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for article_id, body in ARTICLES.items():
        write_article(folder, article_id, body)
    return folder


def exported(url: str) -> list[str]:
    out = io.StringIO()
    with open_store(url) as store:
        api.write_jsonl(store.results(), out)
    return out.getvalue().splitlines()


def test_ingest_export_round_trip_equals_extract(nlp, store_url, corpus, tmp_path):
    summary = api.ingest([corpus], store=store_url, output=tmp_path / "stored.jsonl")
    assert (summary.processed, summary.unchanged, summary.skipped) == (3, 0, 0)
    api.extract([corpus], output=tmp_path / "extracted.jsonl")
    api.export(store=store_url, output=tmp_path / "exported.jsonl")
    extracted = (tmp_path / "extracted.jsonl").read_text("utf-8")
    assert (tmp_path / "exported.jsonl").read_text("utf-8") == extracted
    assert (tmp_path / "stored.jsonl").read_text("utf-8") == extracted
    assert '"country": ' in extracted and '"sector": ' in extracted  # the actor codes made the trip


def test_ingest_twice_leaves_the_store_identical(nlp, store_url, corpus):
    api.ingest([corpus], store=store_url)
    once = dump(store_url)
    summary = api.ingest([corpus], store=store_url)
    assert (summary.processed, summary.unchanged, summary.skipped) == (0, 3, 0)
    assert dump(store_url) == once


def test_ingest_force_extracts_again(nlp, store_url, corpus):
    api.ingest([corpus], store=store_url)
    summary = api.ingest([corpus], store=store_url, force=True)
    assert (summary.processed, summary.unchanged) == (3, 0)


def test_ingest_replaces_a_changed_article_only(nlp, store_url, corpus):
    api.ingest([corpus], store=store_url)
    before = dump(store_url)
    new_body = "Nigeria's Senate rejected the plan for military intervention in Niger."
    write_article(corpus, "a-two", new_body)
    summary = api.ingest([corpus], store=store_url)
    assert (summary.processed, summary.unchanged) == (1, 2)
    after = dump(store_url)
    for table, rows in after.items():
        others = [r for r in rows if "a-two" not in r]
        assert others == [r for r in before[table] if "a-two" not in r], table
    with open_store(store_url) as store:
        stored = store.get("a-two")
    fresh = api.extract_text(new_body + "\n", published="2023-08-09", article_id="a-two", nlp=nlp)
    assert stored.model_dump(exclude={"article"}) == fresh.model_dump(exclude={"article"})


def test_ingest_stage_failure_skips_that_article_only(nlp, store_url, corpus, monkeypatch):
    from pipeline.batch import run

    real = run.doc_to_result

    def flaky(doc, meta):
        if meta.id == "a-three":
            raise RuntimeError("stage crashed")
        return real(doc, meta)

    monkeypatch.setattr(run, "doc_to_result", flaky)
    summary = api.ingest([corpus], store=store_url)
    assert (summary.processed, summary.skipped) == (2, 1)
    assert "a-three" in summary.errors[0] and "stage crashed" in summary.errors[0]
    with open_store(store_url) as store:
        assert store.article_ids() == ["a-one", "a-two"]
    monkeypatch.undo()
    summary = api.ingest([corpus], store=store_url)
    assert (summary.processed, summary.unchanged, summary.skipped) == (1, 2, 0)


def test_ingest_killed_midway_keeps_completed_articles_and_resumes(nlp, store_url, corpus):
    """A hard stop while the 2nd of 3 articles is being written: the store holds exactly
    the 1st (nothing of the 2nd), and a re-run completes the other two."""
    original = SqlStore._insert
    calls = {"articles": 0}

    def killed(conn, table, rows):
        calls["articles"] += table.name == "articles"
        if calls["articles"] == 2 and table.name == "dates":
            raise KeyboardInterrupt
        original(conn, table, rows)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(SqlStore, "_insert", staticmethod(killed))
        with pytest.raises(KeyboardInterrupt):
            api.ingest([corpus], store=store_url)
    with open_store(store_url) as store:
        assert store.article_ids() == ["a-one"]
    rows = dump(store_url)
    assert {r[0] for r in rows["sentences"]} == {"a-one"}
    summary = api.ingest([corpus], store=store_url)
    assert (summary.processed, summary.unchanged, summary.skipped) == (2, 1, 0)
    with open_store(store_url) as store:
        assert store.article_ids() == ["a-one", "a-three", "a-two"]


def test_ingest_write_failure_rolls_back_that_article_and_goes_on(nlp, store_url, corpus, monkeypatch):
    original = SqlStore._insert

    def refuse(conn, table, rows):
        if table.name == "sentences" and rows[0]["article_id"] == "a-three":
            raise RuntimeError("constraint violated")
        original(conn, table, rows)

    monkeypatch.setattr(SqlStore, "_insert", staticmethod(refuse))
    summary = api.ingest([corpus], store=store_url)
    assert (summary.processed, summary.skipped) == (2, 1)
    assert "'a-three' not stored (rolled back" in summary.errors[0] and "constraint violated" in summary.errors[0]
    assert [r for r in dump(store_url)["articles"] if r[0] == "a-three"] == []
    with open_store(store_url) as store:
        assert store.article_ids() == ["a-one", "a-two"]


def test_ingest_bad_input_keeps_what_was_stored(nlp, store_url, corpus):
    api.ingest([corpus], store=store_url)
    before = exported(store_url)
    (corpus / "a-two.txt").write_text("---\npublished: 2023-08-09\n---\n   \n", "utf-8")
    (corpus / "broken.txt").write_bytes(b"\xff\xfe not utf-8")
    summary = api.ingest([corpus], store=store_url)
    assert (summary.processed, summary.unchanged, summary.skipped) == (0, 2, 2)
    assert any("empty body" in e for e in summary.errors)
    assert any("cannot decode" in e for e in summary.errors)
    assert exported(store_url) == before


def test_ingest_output_lists_stored_and_unchanged_articles_in_input_order(nlp, store_url, corpus, tmp_path):
    """Records are written as they are settled (streaming), yet in input order: a changed
    article first, unchanged ones after it, a skipped one nowhere."""
    api.ingest([corpus], store=store_url)
    write_article(corpus, "a-one", "Chad closed its border with Niger on Monday.")
    (corpus / "a-bad.txt").write_text("---\npublished: 2023-08-09\n---\n \n", "utf-8")
    out = tmp_path / "stored.jsonl"
    summary = api.ingest([corpus], store=store_url, output=out)
    assert (summary.processed, summary.unchanged, summary.skipped) == (1, 2, 1)
    lines = out.read_text("utf-8").splitlines()
    assert [json.loads(x)["article"]["id"] for x in lines] == ["a-one", "a-three", "a-two"]
    assert lines == exported(store_url)


@pytest.mark.slow
def test_ingest_with_workers_writes_in_this_process_and_a_write_failure_loses_no_other(store_url, corpus, monkeypatch):
    """Two extraction processes; the store is written here (the monkeypatch reaches it),
    one transaction per article: the refused article is rolled back, the others stored."""
    original = SqlStore._insert

    def refuse(conn, table, rows):
        if table.name == "sentences" and rows[0]["article_id"] == "a-three":
            raise RuntimeError("constraint violated")
        original(conn, table, rows)

    monkeypatch.setattr(SqlStore, "_insert", staticmethod(refuse))
    reported: list[tuple[str, str, str]] = []
    summary = api.ingest([corpus], store=store_url, workers=2, batch_size=1, report=lambda *a: reported.append(a))
    assert (summary.processed, summary.skipped) == (2, 1)
    assert [code for _, code, _ in reported] == ["E073"] and "a-three" in reported[0][2]
    with open_store(store_url) as store:
        assert store.article_ids() == ["a-one", "a-two"]


def test_export_csv_gives_the_view_rows(store_url, tmp_path):
    with open_store(store_url) as store:
        put(store, record("a1", n_claims=3))
        put(store, record("a0", n_claims=2))
    n = api.export(store=store_url, format="csv", output=tmp_path / "claims.csv")
    with open(tmp_path / "claims.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert n == len(rows) == 5
    assert list(rows[0]) == list(S.claim_rows.c.keys())
    assert [(r["article_id"], r["claim_seq"]) for r in rows[:3]] == [("a0", "0"), ("a0", "1"), ("a1", "0")]
    assert rows[1]["source"] == "Mali; France" and rows[1]["negated"] == "true"
    assert rows[0]["subject_id"] == "" and rows[0]["article_published"] == "2023-08-09"
    assert rows[1]["subject_country"] == "FRA" and rows[1]["subject_sector"] == "MIL"
    assert rows[0]["object_country"] == "NER" and rows[0]["location_geonames"] == "2440485"


def test_export_unknown_format_is_an_error(store_url):
    with pytest.raises(StoreError, match="unknown export format 'xml'"):
        api.export(store=store_url, format="xml")
