"""Events in the store (pipeline/stores/events.py): updated by every write of an article
in its transaction, incremental, idempotent, independent of ingest order, safe with
concurrent writers, the same on SQLite and PostgreSQL; ``api.events`` and the ``events``
command."""

from __future__ import annotations

import csv
import io
import json
from concurrent.futures import ThreadPoolExecutor

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from pipeline import __version__, api
from pipeline.cli import app
from pipeline.errors import StoreError
from pipeline.events import EventRules
from pipeline.models import ArticleMeta, Claim, ClaimArg, ClaimDate, DocumentResult, Evidence
from pipeline.stores import engine_url, open_store
from pipeline.stores import schema as S
from pipeline.stores.migrations import migrations_table

RULES = EventRules(symmetric=frozenset({"meet"}), one_time=frozenset({"seize_power"}), default_window=3)
BODY = "Niger's junta closed the airspace on Sunday. It also met Nuland on Monday."


def claim(predicate="close", *, subject=("the junta", "CNSP"), obj=("the airspace", None), date=None,
          negated=False, source=(), n=0) -> Claim:  # fmt: skip
    return Claim(
        id=f"c-{predicate}-{n}-{negated}",
        subject=ClaimArg(text=subject[0], start=0, end=5, id=subject[1]),
        predicate=predicate,
        object=ClaimArg(text=obj[0], start=6, end=10, id=obj[1]),
        negated=negated,
        source=list(source),
        date=None if date is None else ClaimDate(text=date, value=date),
        evidence=Evidence(start=0, end=44) if n == 0 else Evidence(start=45, end=len(BODY)),
        rule="test",
    )


def record(article: str, *claims: Claim, source: str | None = "AFP", published: str = "2023-08-08"):
    return DocumentResult(article=ArticleMeta(id=article, published=published, source=source), claims=list(claims))


def put(store, result: DocumentResult, digest: str = "h1") -> None:
    store.put(result, body=BODY, content_hash=digest, pipeline_version=__version__)


def event_dump(url: str) -> dict[str, list[tuple]]:
    """Every row of the event tables, sorted."""
    engine = sa.create_engine(engine_url(url))
    try:
        with engine.connect() as conn:
            return {t.name: [tuple(r) for r in conn.execute(sa.select(t).order_by(*t.primary_key))]
                    for t in S.EVENT_TABLES}  # fmt: skip
    finally:
        engine.dispose()


def as_json(events) -> list[dict]:
    return [e.model_dump(mode="json") for e in events]


SCENARIO = [
    record("a1", claim(date="2023-08-06"), claim("meet", obj=("Nuland", "Victoria_Nuland"), date="2023-08-07", n=1)),
    record("a2", claim(subject=("Niger's military rulers", "CNSP"), date="2023-08-06"), source="Reuters"),
    record("a3", claim(negated=True, source=["a junta spokesman"]), source="Niger state TV"),
    record("a4", claim("meet", subject=("Nuland", "Victoria_Nuland"), obj=("the junta", "CNSP"), date="2023-09-12"),
           published="2023-09-13"),
]  # fmt: skip


# --------------------------------------------------------------------------- the write path


def test_two_reports_from_different_sources_are_one_event_and_a_denial_flags_it(store_url):
    with open_store(store_url, event_rules=RULES) as store:
        put(store, SCENARIO[0])
        put(store, SCENARIO[1])
        (event,) = store.events(conflicts_only=False, article="a2")
        assert (event.predicate, event.articles, event.sources, event.mentions) == ("close", 2, 2, 2)
        assert event.conflicts == [] and store.events(conflicts_only=True) == []
        put(store, SCENARIO[2])
        (flagged,) = store.events(conflicts_only=True)
    assert flagged.id == event.id and flagged.articles == 3 and flagged.negated == 1
    assert [c.reason for c in flagged.conflicts] == ["negated"]
    assert sorted(c.article for c in flagged.claims) == ["a1", "a2", "a3"]


def test_writing_an_article_again_unchanged_changes_no_event_row(store_url):
    with open_store(store_url, event_rules=RULES) as store:
        for rec in SCENARIO:
            put(store, rec)
        before = event_dump(store_url)
        put(store, SCENARIO[1])
        put(store, SCENARIO[0])
    assert event_dump(store_url) == before


def test_a_changed_article_leaves_its_old_events_and_joins_new_ones(store_url):
    with open_store(store_url, event_rules=RULES) as store:
        for rec in SCENARIO[:3]:
            put(store, rec)
        changed = record("a3", claim(source=["a junta spokesman"]), source="Niger state TV")  # no longer negated
        put(store, changed, digest="h2")
        (event,) = [e for e in store.events() if e.predicate == "close"]
        assert event.conflicts == [] and event.negated == 0 and event.articles == 3
        put(store, record("a3", claim("detain", obj=("Bazoum", "Mohamed_Bazoum"))), digest="h3")
        close = [e for e in store.events() if e.predicate == "close"]
        assert [sorted(c.article for c in e.claims) for e in close] == [["a1", "a2"]]
        assert [e.predicate for e in store.events(article="a3")] == ["detain"]


def test_deleting_an_article_removes_its_reports_from_their_events(store_url):
    with open_store(store_url, event_rules=RULES) as store:
        for rec in SCENARIO:
            put(store, rec)
        assert store.delete("a3") is True
        (event,) = [e for e in store.events() if e.predicate == "close"]
        assert event.conflicts == [] and event.articles == 2
        store.delete("a1")
        store.delete("a2")
        assert [e.predicate for e in store.events()] == ["meet"]


def test_events_do_not_depend_on_the_order_articles_are_written_in(store_url, tmp_path):
    with open_store(store_url, event_rules=RULES) as store:
        for rec in SCENARIO:
            put(store, rec)
        forward = as_json(store.events())
        for rec in SCENARIO:
            store.delete(rec.article.id)
        for rec in reversed(SCENARIO):
            put(store, rec)
        assert as_json(store.events()) == forward
        assert store.rebuild_events() == len(forward)
        assert as_json(store.events()) == forward


def test_symmetric_meetings_are_unordered_and_recurring_ones_on_other_dates_are_two_events(store_url):
    with open_store(store_url, event_rules=RULES) as store:
        for rec in SCENARIO:
            put(store, rec)
        put(store, record("a5", claim("meet", subject=("Nuland", "Victoria_Nuland"), obj=("Tiani", "CNSP"),
                                      date="2023-08-07")), digest="h5")  # fmt: skip
        meetings = [e for e in store.events() if e.predicate == "meet"]
    assert [(e.date, sorted(c.article for c in e.claims)) for e in meetings] == [
        ("2023-08-07", ["a1", "a5"]),
        ("2023-09-12", ["a4"]),
    ]


def test_a_failed_write_leaves_the_events_as_they_were(store_url, monkeypatch):
    from pipeline.stores import events as EV

    with open_store(store_url, event_rules=RULES) as store:
        put(store, SCENARIO[0])
        before = event_dump(store_url)

        def crash(*args, **kwargs):
            raise RuntimeError("disk on fire")

        monkeypatch.setattr(EV, "regroup", crash)
        with pytest.raises(RuntimeError):
            put(store, SCENARIO[1])
        assert store.get("a2") is None
    assert event_dump(store_url) == before


def test_concurrent_writers_of_one_event_lose_no_report(store_url):
    """Writers of different articles that report one event, at once (Ray actors on
    PostgreSQL): the event ends with every article's report, as one writer would leave it."""
    records = [record(f"w{i}", claim(date="2023-08-06"), source=f"S{i % 5}") for i in range(12)]
    with open_store(store_url, event_rules=RULES) as store:

        def write(rec: DocumentResult) -> None:
            if store_url.startswith("sqlite"):  # one writer at a time: SQLite's writers share a store
                put(store, rec)
                return
            with open_store(store_url, event_rules=RULES) as own:  # a connection of its own, as a Ray actor
                put(own, rec)

        with ThreadPoolExecutor(max_workers=4) as pool:
            list(pool.map(write, records))
        (event,) = store.events()
        assert (event.articles, event.sources, event.mentions) == (12, 5, 12)
        concurrent = event_dump(store_url)
        store.rebuild_events()
    assert event_dump(store_url) == concurrent


def test_sqlite_and_postgresql_store_the_same_events(tmp_path, postgres_schemas):
    found = []
    for url in (f"sqlite:///{tmp_path / 'claims.db'}", postgres_schemas()):
        with open_store(url, event_rules=RULES) as store:
            for rec in SCENARIO:
                put(store, rec)
            found.append(as_json(store.events()))
    assert found[0] == found[1] and len(found[0]) == 3


def test_a_store_written_before_events_gets_them_when_opened(store_url):
    with open_store(store_url, event_rules=RULES) as store:
        for rec in SCENARIO:
            put(store, rec)
        expected = as_json(store.events())
        with store.engine.begin() as conn:  # back to schema version 1
            for table in reversed(S.EVENT_TABLES):
                table.drop(conn)
            conn.execute(sa.delete(migrations_table).where(migrations_table.c.version == 3))
    with open_store(store_url, event_rules=RULES) as store:
        assert as_json(store.events()) == expected


# --------------------------------------------------------------------------- api and command


@pytest.fixture
def articles(tmp_path):
    """Two wire reports of one closure from different publishers, and a denial."""
    folder = tmp_path / "articles"
    folder.mkdir()
    texts = {
        "afp": ("AFP", "Niger's junta closed the country's airspace on Sunday, August 6."),
        "reuters": ("Reuters", "The military junta in Niger closed Niger's airspace on Sunday."),
        "denial": ("Niger state television", "Niger's junta has not closed the airspace, a spokesman said."),
    }
    for name, (source, text) in texts.items():
        front = f"---\nid: {name}\npublished: 2023-08-08\nsource: {source}\n---\n"
        (folder / f"{name}.txt").write_text(front + text + "\n", encoding="utf-8")
    return folder


def test_ingest_two_reports_then_a_denial(nlp, store_url, articles):
    api.ingest([articles / "afp.txt", articles / "reuters.txt"], store=store_url)
    (event,) = [e for e in api.events(store=store_url) if e.predicate == "close"]
    assert (event.articles, event.sources) == (2, 2)
    assert event.subject.id == "National_Council_for_the_Safeguard_of_the_Homeland"
    api.ingest([articles], store=store_url)
    (flagged,) = api.events(store=store_url, conflicts_only=True)
    assert flagged.id == event.id and flagged.articles == 3
    assert [c.reason for c in flagged.conflicts] == ["negated"]
    assert [e.id for e in api.events(store=store_url, article="denial")] == [event.id]


def test_events_command_lists_conflicts_as_jsonl_and_csv(store_url, tmp_path):
    with open_store(store_url, event_rules=RULES) as store:
        for rec in SCENARIO:
            put(store, rec)
    runner = CliRunner()
    result = runner.invoke(app, ["events", "--store", store_url])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 3
    for key in ("id", "predicate", "subject", "object", "date", "location", "mentions", "articles", "sources",
                "claims", "conflicts"):  # fmt: skip
        assert key in lines[0]
    assert lines[0]["subject"]["id"] == "CNSP" and {"id", "article"} <= set(lines[0]["claims"][0])
    out = tmp_path / "conflicts.csv"
    result = runner.invoke(app, ["events", "--store", store_url, "--conflicts", "--format", "csv", "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [(r["predicate"], r["articles"], r["conflicts"].split(":")[0]) for r in rows] == [("close", "3", "negated")]
    assert "1 event with conflicts" in result.stderr


def test_events_of_a_store_that_does_not_exist_is_an_error(tmp_path):
    url = f"sqlite:///{tmp_path / 'nope.db'}"
    with pytest.raises(StoreError, match="E080"):
        api.events(store=url)
    result = CliRunner().invoke(app, ["events", "--store", url])
    assert result.exit_code == 2 and "E080" in result.stderr
    assert not (tmp_path / "nope.db").exists()
    result = CliRunner().invoke(app, ["events", "--store", url, "--format", "xml"])
    assert result.exit_code == 2 and "E110" in result.stderr
