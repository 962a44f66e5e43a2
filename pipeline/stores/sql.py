"""The SQL store (SQLite and PostgreSQL) over SQLAlchemy Core.

URLs: ``sqlite:///claims.db`` (a file, relative to the current directory, in a folder
that exists), ``sqlite:////abs/path.db``, ``sqlite://`` (in memory), ``postgresql://user@host/db``
(psycopg 3; ``postgres://`` and ``postgresql+psycopg://`` are accepted too). Opening a store
applies the pending schema migrations; a store opened for reading (``create=False``) must
exist already: a missing SQLite file or a database without our tables is an error (E080),
never a new empty store.

SQLite runs in true transactions (``BEGIN`` emitted by us, not pysqlite's implicit ones,
so DDL and reads are transactional too) with foreign keys on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import groupby, islice
from pathlib import Path
from typing import Any

from sqlalchemy import (
    URL,
    ColumnElement,
    Connection,
    Engine,
    Table,
    create_engine,
    delete,
    event,
    func,
    insert,
    make_url,
    select,
)
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from ..errors import Errors, StoreError
from ..events.reports import reports_of
from ..events.rules import EventRules, load_rules
from ..models import ClaimReview, DocumentResult, Event
from . import events as EV
from . import rows as R
from . import schema as S
from .base import Fingerprint, Store
from .migrations import migrate, v003_events

READ_CHUNK = 200
_WRITE = "sahel_write"  # execution option of a connection that writes (BEGIN IMMEDIATE on SQLite)
CONNECT_TIMEOUT = 10  # seconds, PostgreSQL (unless the URL sets connect_timeout)
_DRIVERS = {
    "sqlite": "sqlite",
    "sqlite+pysqlite": "sqlite",
    "postgresql": "postgresql+psycopg",
    "postgres": "postgresql+psycopg",
    "postgresql+psycopg": "postgresql+psycopg",
}


def _hint(url: str) -> str:
    """What the user probably meant by a URL without a scheme: a SQLite file."""
    return f"; for the SQLite file {url}, write sqlite:///{url}" if "://" not in url else ""


def engine_url(url: str | URL) -> URL:
    """The SQLAlchemy URL for a store URL; :class:`StoreError` when it is not supported."""
    shown = str(url)
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreError(Errors.E070.format(url=shown, hint=_hint(shown))) from exc
    driver = _DRIVERS.get(parsed.drivername)
    if driver is None:
        raise StoreError(Errors.E070.format(url=parsed.render_as_string(hide_password=True), hint=""))
    return parsed.set(drivername=driver)


def display_url(url: str | URL) -> str:
    """A store URL as the user wrote it (``postgresql://``, not the driver's
    ``postgresql+psycopg://``), its password hidden."""
    return make_url(url).render_as_string(hide_password=True)


def _sqlite_transactions(engine: Engine) -> None:
    """Real transactions and foreign keys on SQLite (SQLAlchemy's pysqlite recipe)."""

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        # a write takes the write lock at once: a transaction that reads first (the events
        # of an article's keys) and writes then could not wait for another writer's lock
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(_WRITE) else "BEGIN")


class SqlStore(Store):
    """A :class:`Store` in a relational database; one schema for SQLite and PostgreSQL."""

    def __init__(self, url: str | URL, *, create: bool = True, event_rules: EventRules | None = None) -> None:
        target = engine_url(url)
        self.event_rules = event_rules if event_rules is not None else load_rules()
        self.url = display_url(url)
        sqlite = target.get_backend_name() == "sqlite"
        if sqlite and target.database not in (None, "", ":memory:"):
            file = Path(target.database)
            if not file.parent.is_dir():
                raise StoreError(Errors.E081.format(url=self.url, folder=file.parent))
            if not create and not file.exists():
                raise StoreError(Errors.E080.format(url=self.url, why=f"the file {file} does not exist"))
        timeout = {} if sqlite or "connect_timeout" in target.query else {"connect_timeout": CONNECT_TIMEOUT}
        try:
            self.engine = create_engine(target, connect_args=timeout)
        except SQLAlchemyError as exc:
            raise StoreError(Errors.E071.format(url=self.url, reason=_reason(exc))) from exc
        try:
            if sqlite:
                _sqlite_transactions(self.engine)
            with self.engine.connect() as conn:
                applied = migrate(conn, url=self.url, create=create)
            if v003_events.VERSION in applied and self.article_ids():
                self.rebuild_events()  # a store written before events existed
        except BaseException as exc:
            self.engine.dispose()
            if isinstance(exc, SQLAlchemyError):
                raise StoreError(Errors.E071.format(url=self.url, reason=_reason(exc))) from exc
            raise

    # ------------------------------------------------------------------ writing

    def put(self, result: DocumentResult, *, body: str | None, content_hash: str, pipeline_version: str) -> None:
        rows = R.to_rows(
            result,
            body=body,
            content_hash=content_hash,
            pipeline_version=pipeline_version,
            ingested_at=dt.datetime.now(dt.timezone.utc),
        )
        nul = R.find_nul(rows)
        if nul is not None:  # PostgreSQL refuses it, SQLite's substr() stops at it: refused on both
            raise StoreError(Errors.E082.format(where=nul[0], offset=nul[1]))
        reports = reports_of(result, self.event_rules)
        try:
            with self._writing() as conn:
                if conn.dialect.name == "postgresql":  # concurrent writers of one article: last one wins
                    conn.execute(select(func.pg_advisory_xact_lock(func.hashtext(result.article.id))))
                keys = EV.release_article(conn, result.article.id, reports)
                self._delete(conn, result.article.id)
                for table in S.ARTICLE_TABLES:
                    self._insert(conn, table, rows[table.name])
                EV.settle_article(conn, keys, reports, self.event_rules)
        except SQLAlchemyError as exc:
            raise StoreError(_reason(exc)) from exc

    @contextmanager
    def _writing(self) -> Iterator[Connection]:
        """A connection in a write transaction, committed when the block ends."""
        with self.engine.connect() as conn:
            conn = conn.execution_options(**{_WRITE: True})
            with conn.begin():
                yield conn

    def delete(self, article_id: str) -> bool:
        with self._writing() as conn:
            if conn.dialect.name == "postgresql":
                conn.execute(select(func.pg_advisory_xact_lock(func.hashtext(article_id))))
            keys = EV.release_article(conn, article_id, [])
            found = self._delete(conn, article_id)
            EV.settle_article(conn, keys, [], self.event_rules)
            return found

    def rebuild_events(self) -> int:
        """Group every stored claim again, from scratch, in one transaction: after a change
        of the event rules, or for a store written before events existed (done when it is
        opened). Returns the number of events. Run it while no one else writes the store."""
        with self._writing() as conn:
            conn.execute(delete(S.event_claims))
            conn.execute(delete(S.events))
            ids = list(conn.execute(select(S.articles.c.id)).scalars())
            keys: set[str] = set()
            for start in range(0, len(ids), READ_CHUNK):
                for result in self._read_chunk(conn, ids[start : start + READ_CHUNK]):
                    reports = reports_of(result, self.event_rules)
                    EV.add_reports(conn, reports)
                    keys.update(r.key for r in reports)
            EV.lock_keys(conn, keys)
            EV.regroup(conn, keys, self.event_rules)
            return conn.execute(select(func.count()).select_from(S.events)).scalar() or 0

    @staticmethod
    def _delete(conn: Connection, article_id: str) -> bool:
        for table in reversed(S.ARTICLE_TABLES[1:]):
            conn.execute(delete(table).where(table.c.article_id == article_id))
        return conn.execute(delete(S.articles).where(S.articles.c.id == article_id)).rowcount > 0

    @staticmethod
    def _insert(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
        if rows:
            conn.execute(insert(table), list(rows))

    # ------------------------------------------------------------------ reading

    def _reading(self) -> Connection:
        conn = self.engine.connect()
        if conn.dialect.name == "postgresql":  # one snapshot for the whole read
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
        return conn

    @contextmanager
    def _read_errors(self) -> Iterator[None]:
        try:
            yield
        except SQLAlchemyError as exc:
            raise StoreError(Errors.E074.format(url=self.url, reason=_reason(exc))) from exc

    def fingerprint(self, article_id: str) -> Fingerprint | None:
        query = select(S.articles.c.content_hash, S.articles.c.pipeline_version).where(S.articles.c.id == article_id)
        with self._read_errors(), self.engine.connect() as conn:
            row = conn.execute(query).first()
        return Fingerprint(*row) if row else None

    def fingerprints(self, article_ids: Iterable[str]) -> dict[str, Fingerprint]:
        ids = list(dict.fromkeys(article_ids))
        a = S.articles.c
        found: dict[str, Fingerprint] = {}
        with self._read_errors(), self.engine.connect() as conn:
            for start in range(0, len(ids), READ_CHUNK):
                chunk = ids[start : start + READ_CHUNK]
                query = select(a.id, a.content_hash, a.pipeline_version).where(a.id.in_(chunk))
                found.update((aid, Fingerprint(digest, version)) for aid, digest, version in conn.execute(query))
        return found

    def article_ids(self) -> list[str]:
        with self._read_errors(), self.engine.connect() as conn:
            return list(conn.execute(select(S.articles.c.id).order_by(_by_code_point(conn, S.articles.c.id))).scalars())

    def results(self, article_ids: Iterable[str] | None = None) -> Iterator[DocumentResult]:
        with self._read_errors(), self._reading() as conn, conn.begin():
            if article_ids is None:
                query = select(S.articles.c.id).order_by(_by_code_point(conn, S.articles.c.id))
                ids: Iterable[str] = conn.execute(query).scalars().all()
            else:
                ids = article_ids
            iterator = iter(ids)
            while chunk := list(islice(iterator, READ_CHUNK)):
                yield from self._read_chunk(conn, chunk)

    @staticmethod
    def _read_chunk(conn: Connection, ids: list[str]) -> Iterator[DocumentResult]:
        found = {r["id"]: r for r in conn.execute(select(S.articles).where(S.articles.c.id.in_(ids))).mappings()}
        children: dict[str, dict[str, list[Any]]] = {aid: {} for aid in found}
        for table in S.ARTICLE_TABLES[1:]:
            order = [c for c in table.primary_key.columns]
            query = select(table).where(table.c.article_id.in_(list(found))).order_by(*order)
            for aid, group in groupby(conn.execute(query).mappings(), key=lambda r: r["article_id"]):
                children[aid][table.name] = list(group)
        for aid in ids:
            if aid in found:
                yield R.from_rows(found[aid], children[aid])

    def events(self, *, article: str | None = None, conflicts_only: bool = False) -> list[Event]:
        with self._read_errors(), self._reading() as conn, conn.begin():
            return EV.read_events(conn, article=article, conflicts_only=conflicts_only)

    def claim_rows(self) -> Iterator[dict[str, Any]]:
        view = S.claim_rows
        with self._read_errors(), self._reading() as conn, conn.begin():
            query = select(view).order_by(_by_code_point(conn, view.c.article_id), view.c.claim_seq)
            for row in conn.execute(query).mappings():
                yield dict(row)

    def body(self, article_id: str) -> str | None:
        query = select(S.articles.c.body).where(S.articles.c.id == article_id)
        with self._read_errors(), self.engine.connect() as conn:
            return conn.execute(query).scalar()

    # ------------------------------------------------------------------ reviews

    def add_review(self, review: ClaimReview) -> int:
        row = R.review_row(review)
        try:
            with self.engine.begin() as conn:
                return conn.execute(insert(S.claim_reviews).values(**row).returning(S.claim_reviews.c.id)).scalar_one()
        except SQLAlchemyError as exc:
            raise StoreError(Errors.E074.format(url=self.url, reason=_reason(exc))) from exc

    def reviews(self, article_ids: Iterable[str] | None = None) -> list[ClaimReview]:
        t = S.claim_reviews
        query = select(t).order_by(t.c.id)
        if article_ids is not None:
            query = query.where(t.c.article_id.in_(list(article_ids)))
        with self._read_errors(), self.engine.connect() as conn:
            return [R.review_from_row(r) for r in conn.execute(query).mappings()]

    def reviewed_article_ids(self) -> list[str]:
        column = S.claim_reviews.c.article_id
        with self._read_errors(), self.engine.connect() as conn:
            return sorted(conn.execute(select(column).distinct()).scalars())  # code-point order, as article_ids

    def close(self) -> None:
        self.engine.dispose()


def _by_code_point(conn: Connection, column: ColumnElement[str]) -> ColumnElement[str]:
    """Order ids as Python does (SQLite's default; PostgreSQL's "C" collation), whatever
    the database's locale, so both backends export in the same order."""
    return column.collate("C") if conn.dialect.name == "postgresql" else column


def _reason(exc: SQLAlchemyError) -> str:
    """The driver's message without SQLAlchemy's statement dump and link."""
    orig = getattr(exc, "orig", None)
    return str(orig if orig is not None else exc).strip().splitlines()[0]
