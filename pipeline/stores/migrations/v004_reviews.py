"""Schema version 4: ``claim_reviews``, the audit trail of the review page.

One row per action of an analyst on a machine claim (accept, reject, correct), appended and
never updated: the machine's claims rows are never touched, and a re-ingest, which replaces
an article's claims, leaves the reviews alone (no foreign key to ``claims`` or
``articles``: a review outlives its claim, and is then shown as orphaned).

Keys that re-attach an action to a claim after a re-ingest: ``claim_id`` (stable for the same
article text and pipeline version), else ``article_id`` + ``evidence_start``/``evidence_end``
+ ``evidence_text`` + ``predicate`` (:mod:`pipeline.review.state`). ``fields`` is the JSON of
a :class:`pipeline.models.ClaimCorrection` (``correct`` only), ``claim`` the machine's claim
as the reviewer saw it (JSON, SPEC section 4), ``content_hash`` the article's then.

Independent of versions 2 and 3 (its own table only): it applies on top of version 1.
"""

from __future__ import annotations

from sqlalchemy import Column, Connection, DateTime, Index, Integer, MetaData, String, Table, Text

VERSION = 4
NAME = "reviews"
TABLES = ("claim_reviews",)


def define(metadata: MetaData) -> None:
    """Add the version-4 table and its indexes to ``metadata``."""
    Table(
        "claim_reviews",
        metadata,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("article_id", String, nullable=False),
        Column("claim_id", String, nullable=False, comment="the machine claim's stable id when reviewed"),
        Column("predicate", String, nullable=False, comment="the machine claim's predicate (re-attachment key)"),
        Column("evidence_start", Integer, nullable=False),
        Column("evidence_end", Integer, nullable=False),
        Column("evidence_text", Text, nullable=False, comment="body[evidence_start:evidence_end] when reviewed"),
        Column("action", String, nullable=False, comment="accept, reject or correct"),
        Column("fields", Text, comment="correct: the changed fields (JSON of models.ClaimCorrection)"),
        Column("claim", Text, nullable=False, comment="the machine's claim as reviewed (JSON, SPEC section 4)"),
        Column("content_hash", String(64), comment="the article's content hash when reviewed"),
        Column("reviewer", String, nullable=False),
        Column("reviewed_at", DateTime(timezone=True), nullable=False),
        Column("note", Text),
        Index(None, "article_id"),
        Index(None, "claim_id"),
    )


def upgrade(conn: Connection, metadata: MetaData) -> None:
    """Create the version-4 table (``metadata`` is at version 4)."""
    metadata.create_all(conn, tables=[metadata.tables[n] for n in TABLES])
