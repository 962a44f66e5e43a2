"""Versioned schema migrations: ordered steps and the table that records them.

Each step is a module ``vNNN_<name>.py`` with ``VERSION``, ``NAME``,
``define(metadata)`` (adds or changes that version's tables on a :class:`MetaData`, so
the current schema is what all steps define, see :mod:`pipeline.stores.schema`) and
``upgrade(conn, metadata)`` (emits the DDL, with ``metadata`` at that version). Steps are
frozen once released; a change is a new step appended to :data:`STEPS`.

:func:`migrate` applies the missing steps and records each in ``schema_migrations``, all in
one transaction (DDL is transactional on PostgreSQL and SQLite): a failed step leaves the
database as it was. On PostgreSQL an advisory lock serialises concurrent runs.
"""

from __future__ import annotations

import datetime as dt
from types import ModuleType

from sqlalchemy import Column, Connection, DateTime, Integer, MetaData, String, Table, func, insert, select

from ...errors import Errors, StoreError
from . import v001_initial, v002_codes_locations, v003_events, v004_reviews

STEPS: tuple[ModuleType, ...] = (v001_initial, v002_codes_locations, v003_events, v004_reviews)
LATEST = STEPS[-1].VERSION
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "pk": "pk_%(table_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s",
}
_LOCK_KEY = 0x5A4E1  # pg_advisory_xact_lock key of sahel-claims migrations

migrations_table = Table(
    "schema_migrations",
    MetaData(),
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("name", String, nullable=False),
    Column("applied_at", DateTime(timezone=True), nullable=False),
)


def build_metadata(until: int = LATEST) -> MetaData:
    """The schema as defined by steps up to version ``until``."""
    metadata = MetaData(naming_convention=NAMING)
    for step in STEPS:
        if step.VERSION <= until:
            step.define(metadata)
    return metadata


def current_version(conn: Connection) -> int:
    """The highest applied version (0 for an empty database)."""
    if not conn.dialect.has_table(conn, migrations_table.name):
        return 0
    return conn.execute(select(func.max(migrations_table.c.version))).scalar() or 0


def applied_versions(conn: Connection) -> set[int]:
    """Every applied version: a step released after a higher one (branches merged in
    another order) is still applied to a store that lacks it."""
    if not conn.dialect.has_table(conn, migrations_table.name):
        return set()
    return set(conn.execute(select(migrations_table.c.version)).scalars())


def migrate(conn: Connection, *, url: str = "<store>", create: bool = True) -> list[int]:
    """Bring the database to :data:`LATEST`; return the versions applied now.

    ``conn`` must not be in a transaction. Raises :class:`StoreError` when the database is
    newer than this code, or holds no store at all and ``create`` is False.
    """
    applied: list[int] = []
    with conn.begin():
        if conn.dialect.name == "postgresql":
            conn.execute(select(func.pg_advisory_xact_lock(_LOCK_KEY)))
        found = current_version(conn)
        if found == 0 and not create:
            raise StoreError(Errors.E080.format(url=url, why="the database holds no sahel-claims tables"))
        migrations_table.create(conn, checkfirst=True)
        done = applied_versions(conn)
        if found > LATEST:
            raise StoreError(Errors.E072.format(url=url, found=found, known=LATEST))
        metadata = MetaData(naming_convention=NAMING)
        for step in STEPS:
            step.define(metadata)
            if step.VERSION in done:
                continue
            step.upgrade(conn, metadata)
            conn.execute(
                insert(migrations_table).values(
                    version=step.VERSION, name=step.NAME, applied_at=dt.datetime.now(dt.timezone.utc)
                )
            )
            applied.append(step.VERSION)
    return applied
