"""Schema version 3: events, the claims of many articles that report one event
(:mod:`pipeline.events`), kept up to date by every write of an article.

- ``event_claims``: one row per claim that reports an event, keyed like its claim by
  ``(article_id, claim_seq)``: the event ``key`` it belongs under, its ``event_id``, and
  what the grouping reads of it (arguments with codes, negation, modality, date, place,
  its sources as a JSON list, its article's date and publisher), so that regrouping a key
  reads this table alone. Removed with its claim (and article).
- ``events``: one row per event, ``id`` a hash of its key and anchor: predicate, subject
  and object (text, id, codes), best date and place, counts (``mentions``, ``articles``,
  ``sources``, ``negated``), ``first_reported``/``last_reported``, and its ``conflicts``
  as a JSON list (``conflict_reasons``: their reasons joined by ``,``, NULL when none).

Independent of version 2 (claim codes and location columns): every field the events
need is copied into ``event_claims`` from the record at write time.

Frozen once released, as every step.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    Date,
    Float,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

VERSION = 3
NAME = "events"
TABLES = ("events", "event_claims")


def _arg_columns(prefix: str) -> list[Column]:
    return [
        Column(f"{prefix}_text", Text),
        Column(f"{prefix}_id", String),
        Column(f"{prefix}_country", String),
        Column(f"{prefix}_sector", String),
    ]


def _place_columns() -> list[Column]:
    return [
        Column("location_text", Text),
        Column("location_id", String),
        Column("location_geonames", Integer),
        Column("location_country", String),
        Column("location_admin1", String),
        Column("location_lat", Float),
        Column("location_lon", Float),
    ]


def define(metadata: MetaData) -> None:
    """Add the version-3 tables and indexes to ``metadata``."""
    Table(
        "events",
        metadata,
        Column("id", String, primary_key=True),
        Column("key", Text, nullable=False, comment="predicate|subject|object, as pipeline.events.reports.event_key"),
        Column("predicate", String, nullable=False),
        *_arg_columns("subject"),
        *_arg_columns("object"),
        Column("date_value", String),
        *_place_columns(),
        Column("mentions", Integer, nullable=False),
        Column("articles", Integer, nullable=False),
        Column("sources", Integer, nullable=False),
        Column("negated", Integer, nullable=False),
        Column("first_reported", Date),
        Column("last_reported", Date),
        Column("conflicts", Text, nullable=False, comment="JSON list of {reason, claims, detail}"),
        Column("conflict_reasons", String, comment="the conflicts' reasons joined by ',' (NULL: none)"),
        Index(None, "key"),
        Index(None, "predicate"),
        Index(None, "subject_id"),
        Index(None, "object_id"),
        Index(None, "date_value"),
    )
    Table(
        "event_claims",
        metadata,
        Column("article_id", String, primary_key=True),
        Column("claim_seq", Integer, primary_key=True),
        Column("claim_id", String, nullable=False),
        Column("key", Text, nullable=False),
        Column("event_id", String),
        Column("predicate", String, nullable=False),
        *_arg_columns("subject"),
        *_arg_columns("object"),
        Column("negated", Boolean, nullable=False),
        Column("modality", String, nullable=False),
        Column("date_value", String),
        *_place_columns(),
        Column("sources", Text, nullable=False, comment="JSON list: the claim's sources"),
        Column("published", Date),
        Column("article_source", Text),
        Column("evidence_start", Integer, nullable=False),
        Column("evidence_end", Integer, nullable=False),
        ForeignKeyConstraint(["article_id", "claim_seq"], ["claims.article_id", "claims.seq"], ondelete="CASCADE"),
        Index(None, "key"),
        Index(None, "event_id"),
    )


def upgrade(conn: Connection, metadata: MetaData) -> None:
    """Create the version-3 tables (``metadata`` is at version 3). A store written before
    has claims and no events: :func:`pipeline.stores.events.rebuild` groups them."""
    metadata.create_all(conn, tables=[metadata.tables[n] for n in TABLES])
