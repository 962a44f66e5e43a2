"""The current relational schema as SQLAlchemy Core tables (built from the migrations).

Tables (offsets are code-point indices into the body, ``seq`` keeps each list's order):

- ``articles``: ``id`` (key), ``published``, ``source``, ``url``, ``title``, ``body``,
  ``content_hash``, ``pipeline_version``, ``ingested_at``
- ``sentences``, ``entities``, ``dates``, ``article_warnings``: one row per item, keyed
  by ``(article_id, seq)``
- ``claims``: one row per claim, keyed by ``(article_id, seq)``, the SPEC fields
  flattened (``subject_text/start/end/id``, ``object_...``, ``date_text/value``,
  ``quantity_value/is_int/unit/approx``, ``evidence_start/end``); ``claim_sources``
  holds its ``source`` list; version 2 adds the arguments' actor codes
  (``subject_country/sector``, ``object_country/sector``) and the claim's location
  (``location_text/start/end/id/geonames/country/admin1/lat/lon``)
- ``events`` and ``event_claims`` (version 3): events and the claims that report them
  (:mod:`pipeline.stores.migrations.v003_events`, kept by :mod:`pipeline.stores.events`)
- ``claim_reviews`` (version 4): the review page's audit trail, one row per action on a
  claim, never updated and not touched by ingest (see
  :mod:`pipeline.stores.migrations.v004_reviews`)
- the view ``claim_rows``: one flat row per claim for analysts (see
  :func:`pipeline.stores.migrations.v002_codes_locations.claim_rows_select`)
"""

from __future__ import annotations

from sqlalchemy import Table, TableClause, column, table
from sqlalchemy.dialects import sqlite

from .migrations import LATEST, build_metadata, migrations_table, v002_codes_locations

SCHEMA_VERSION = LATEST
METADATA = build_metadata()

articles: Table = METADATA.tables["articles"]
sentences: Table = METADATA.tables["sentences"]
entities: Table = METADATA.tables["entities"]
dates: Table = METADATA.tables["dates"]
claims: Table = METADATA.tables["claims"]
claim_sources: Table = METADATA.tables["claim_sources"]
article_warnings: Table = METADATA.tables["article_warnings"]
events: Table = METADATA.tables["events"]
event_claims: Table = METADATA.tables["event_claims"]
claim_reviews: Table = METADATA.tables["claim_reviews"]

# An article's rows, parents first (insert order; delete in reverse).
ARTICLE_TABLES: tuple[Table, ...] = (articles, sentences, entities, dates, claims, claim_sources, article_warnings)

claim_rows: TableClause = table(
    v002_codes_locations.VIEW,
    *(
        column(c.key, c.type)
        for c in v002_codes_locations.claim_rows_select(METADATA, sqlite.dialect()).selected_columns
    ),
)

# Event tables: written with an article's rows (event_claims) and its events, never read
# back as part of its record.
EVENT_TABLES: tuple[Table, ...] = (events, event_claims)

__all__ = ["SCHEMA_VERSION", "METADATA", "ARTICLE_TABLES", "EVENT_TABLES", "claim_rows", "migrations_table"]
