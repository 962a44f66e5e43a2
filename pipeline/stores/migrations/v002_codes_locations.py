"""Schema version 2 (SPEC revision 2): a claim's actor codes and where it happened.

``claims`` gains the actor codes of its arguments, ``subject_country``/``subject_sector``
and ``object_country``/``object_sector`` (ISO 3166-1 alpha-3; GOV, MIL, ...), and its
location, ``location_text/start/end/id`` and the gazetteer's ``location_geonames``,
``location_country``, ``location_admin1``, ``location_lat``, ``location_lon`` (the
:class:`pipeline.models.Location` fields; all NULL when the claim has none). The codes and
the location's country are indexed, for GROUP BY and WHERE. The ``claim_rows`` view is made
again with the same columns as version 1 followed by the new ones.

Frozen: a later change to the schema is a new migration module, never an edit of this one.
"""

from __future__ import annotations

from sqlalchemy import Column, Connection, Dialect, Float, Index, Integer, MetaData, Select, String, Text, text
from sqlalchemy.schema import CreateColumn
from sqlalchemy.sql.ddl import CreateView

from . import v001_initial

VERSION = 2
NAME = "codes_locations"
VIEW = v001_initial.VIEW

CODE_COLUMNS = ("subject_country", "subject_sector", "object_country", "object_sector")
LOCATION_COLUMNS = (
    "location_text",
    "location_start",
    "location_end",
    "location_id",
    "location_geonames",
    "location_country",
    "location_admin1",
    "location_lat",
    "location_lon",
)
INDEXED = ("subject_country", "subject_sector", "object_country", "object_sector", "location_country")


def _columns() -> list[Column]:
    types = {
        "location_text": Text,
        "location_start": Integer,
        "location_end": Integer,
        "location_geonames": Integer,
        "location_admin1": Text,
        "location_lat": Float,
        "location_lon": Float,
    }
    return [Column(name, types.get(name, String)) for name in (*CODE_COLUMNS, *LOCATION_COLUMNS)]


def define(metadata: MetaData) -> None:
    """Add the version-2 columns and indexes to the ``claims`` table of ``metadata``."""
    claims = metadata.tables["claims"]
    for column in _columns():
        claims.append_column(column)
    for name in INDEXED:
        Index(None, claims.c[name])


def claim_rows_select(metadata: MetaData, dialect: Dialect) -> Select:
    """Version 1's ``claim_rows`` (:func:`~pipeline.stores.migrations.v001_initial.claim_rows_select`)
    followed by the claim's codes and location columns."""
    claims = metadata.tables["claims"]
    return v001_initial.claim_rows_select(metadata, dialect).add_columns(
        *(claims.c[name] for name in (*CODE_COLUMNS, *LOCATION_COLUMNS))
    )


def upgrade(conn: Connection, metadata: MetaData) -> None:
    """Add the columns (``ALTER TABLE ... ADD COLUMN``, on both backends), their indexes, and
    make the view again (``metadata`` is at version 2)."""
    claims = metadata.tables["claims"]
    conn.execute(text(f"DROP VIEW {VIEW}"))
    for column in _columns():
        ddl = CreateColumn(claims.c[column.name]).compile(dialect=conn.dialect)
        conn.execute(text(f"ALTER TABLE {claims.name} ADD COLUMN {ddl}"))
    for index in claims.indexes:
        if len(index.columns) == 1 and next(iter(index.columns)).name in INDEXED:
            index.create(conn)
    conn.execute(CreateView(claim_rows_select(metadata, conn.dialect), VIEW))
