"""Schema version 1: articles and their sentences, entities, dates, claims, claim sources
and warnings; indexes for the usual look-ups; the ``claim_rows`` view.

Frozen: a later change to the schema is a new migration module (``v002_...``), never an
edit of this one, so that every store reaches the same schema by the same steps.

Offsets are ``start_char``/``end_char`` (``end`` is an SQL keyword); every list of the
output record keeps its order in a ``seq`` column. A claim's ``quantity.value`` is a
double with ``quantity_is_int`` telling whether it was written as an integer, so that an
export gives back ``1000`` and ``1000.0`` exactly as extracted.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    Date,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    Select,
    String,
    Table,
    Text,
    func,
    select,
)
from sqlalchemy.sql.ddl import CreateView

VERSION = 1
NAME = "initial"
TABLES = ("articles", "sentences", "entities", "dates", "claims", "claim_sources", "article_warnings")
VIEW = "claim_rows"
SOURCE_SEPARATOR = "; "


def _article_fk() -> Column:
    return Column("article_id", String, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)


def define(metadata: MetaData) -> None:
    """Add the version-1 tables and indexes to ``metadata``."""
    Table(
        "articles",
        metadata,
        Column("id", String, primary_key=True),
        Column("published", Date),
        Column("source", Text),
        Column("url", Text),
        Column("title", Text),
        Column("body", Text, comment="the article body the offsets index into (NULL when not given)"),
        Column("content_hash", String(64), nullable=False, comment="sha256 of the article (metadata and body)"),
        Column("pipeline_version", String, nullable=False, comment="pipeline.__version__ that extracted it"),
        Column("ingested_at", DateTime(timezone=True), nullable=False),
    )
    Table(
        "sentences",
        metadata,
        _article_fk(),
        Column("seq", Integer, primary_key=True),
        Column("start_char", Integer, nullable=False),
        Column("end_char", Integer, nullable=False),
    )
    Table(
        "entities",
        metadata,
        _article_fk(),
        Column("seq", Integer, primary_key=True),
        Column("text", Text, nullable=False),
        Column("start_char", Integer, nullable=False),
        Column("end_char", Integer, nullable=False),
        Column("label", String, nullable=False),
        Column("entity_id", String),
        Index(None, "entity_id"),
    )
    Table(
        "dates",
        metadata,
        _article_fk(),
        Column("seq", Integer, primary_key=True),
        Column("text", Text, nullable=False),
        Column("start_char", Integer, nullable=False),
        Column("end_char", Integer, nullable=False),
        Column("type", String, nullable=False),
        Column("value", String),
        Index(None, "value"),
    )
    Table(
        "claims",
        metadata,
        _article_fk(),
        Column("seq", Integer, primary_key=True),
        Column("claim_id", String, nullable=False),
        Column("subject_text", Text),
        Column("subject_start", Integer),
        Column("subject_end", Integer),
        Column("subject_id", String),
        Column("predicate", String, nullable=False),
        Column("object_text", Text),
        Column("object_start", Integer),
        Column("object_end", Integer),
        Column("object_id", String),
        Column("negated", Boolean, nullable=False),
        Column("modality", String, nullable=False),
        Column("date_text", Text),
        Column("date_value", String),
        Column("quantity_value", Float),
        Column("quantity_is_int", Boolean),
        Column("quantity_unit", String),
        Column("quantity_approx", String),
        Column("evidence_start", Integer, nullable=False),
        Column("evidence_end", Integer, nullable=False),
        Column("rule", String, nullable=False),
        Column("cameo", String),
        Index(None, "claim_id"),
        Index(None, "predicate"),
        Index(None, "subject_id"),
        Index(None, "object_id"),
        Index(None, "date_value"),
    )
    Table(
        "claim_sources",
        metadata,
        Column("article_id", String, primary_key=True),
        Column("claim_seq", Integer, primary_key=True),
        Column("seq", Integer, primary_key=True),
        Column("source", Text, nullable=False),
        ForeignKeyConstraint(["article_id", "claim_seq"], ["claims.article_id", "claims.seq"], ondelete="CASCADE"),
        Index(None, "source"),
    )
    Table(
        "article_warnings",
        metadata,
        _article_fk(),
        Column("seq", Integer, primary_key=True),
        Column("message", Text, nullable=False),
    )


def claim_rows_select(metadata: MetaData, dialect: Dialect) -> Select:
    """One row per claim, for analysts' SQL: the claim's fields, its sources joined with
    ``'; '`` in order, and its article's date, source and url and the evidence text."""
    articles, claims, sources = (metadata.tables[n] for n in ("articles", "claims", "claim_sources"))
    own = sources.c.article_id == claims.c.article_id, sources.c.claim_seq == claims.c.seq
    if dialect.name == "sqlite":
        # group_concat takes no ORDER BY before SQLite 3.44: aggregate an ordered subquery
        # (SQLite never flattens an ordered subquery into an aggregate, so the order holds)
        ordered = select(sources.c.source).where(*own).order_by(sources.c.seq).correlate(claims).subquery()
        joined = select(func.aggregate_strings(ordered.c.source, SOURCE_SEPARATOR)).scalar_subquery()
    else:
        agg = func.aggregate_strings(sources.c.source, SOURCE_SEPARATOR).aggregate_order_by(sources.c.seq)
        joined = select(agg).where(*own).scalar_subquery()
    start, end = claims.c.evidence_start, claims.c.evidence_end
    evidence = func.substr(articles.c.body, start + 1, end - start)
    return select(
        claims.c.article_id,
        claims.c.seq.label("claim_seq"),
        claims.c.claim_id,
        claims.c.subject_id,
        claims.c.subject_text,
        claims.c.predicate,
        claims.c.object_id,
        claims.c.object_text,
        claims.c.negated,
        claims.c.modality,
        claims.c.date_text,
        claims.c.date_value,
        joined.label("source"),
        claims.c.quantity_value,
        claims.c.quantity_unit,
        claims.c.quantity_approx,
        claims.c.rule,
        claims.c.cameo,
        claims.c.evidence_start,
        claims.c.evidence_end,
        evidence.label("evidence_text"),
        articles.c.published.label("article_published"),
        articles.c.source.label("article_source"),
        articles.c.url.label("article_url"),
        articles.c.pipeline_version,
    ).join_from(claims, articles, claims.c.article_id == articles.c.id)


def upgrade(conn: Connection, metadata: MetaData) -> None:
    """Create the version-1 tables, indexes and view (``metadata`` is at version 1)."""
    metadata.create_all(conn, tables=[metadata.tables[n] for n in TABLES])
    conn.execute(CreateView(claim_rows_select(metadata, conn.dialect), VIEW))
