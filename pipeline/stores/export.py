"""Writers for ``export``: records as JSON Lines (SPEC section 4) or the ``claim_rows``
view as CSV (one header line, then one line per claim); for ``events``, events as JSON
Lines (:class:`~pipeline.models.Event`) or CSV (:data:`EVENT_COLUMNS`)."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Mapping
from typing import IO, Any

from ..models import Event

EXPORT_FORMATS = ("jsonl", "csv")
EVENT_FORMATS = ("jsonl", "csv")
EVENT_COLUMNS = [
    "id", "predicate",
    "subject_text", "subject_id", "subject_country", "subject_sector",
    "object_text", "object_id", "object_country", "object_sector",
    "date", "location_text", "location_id", "location_country", "location_admin1",
    "mentions", "articles", "sources", "negated", "first_reported", "last_reported",
    "claims", "conflicts",
]  # fmt: skip
"""CSV columns of ``events``: ``claims`` is ``ARTICLE:CLAIM_ID`` joined with ``; ``,
``conflicts`` is ``reason: detail`` joined with ``; `` (empty when none)."""


def csv_cell(value: Any) -> str:
    """A view value as CSV text: empty for NULL, ``true``/``false``, ISO dates."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


def write_csv(rows: Iterable[Mapping[str, Any]], handle: IO[str], *, columns: list[str]) -> int:
    """Write ``rows`` under a header of ``columns``; the number of rows written."""
    writer = csv.writer(handle, lineterminator="\n")
    writer.writerow(columns)
    n = 0
    for row in rows:
        writer.writerow([csv_cell(row[c]) for c in columns])
        n += 1
    return n


def event_csv_row(event: Event) -> dict[str, Any]:
    """One event as a CSV row of :data:`EVENT_COLUMNS`."""
    row: dict[str, Any] = {"id": event.id, "predicate": event.predicate, "date": event.date}
    for side in ("subject", "object"):
        arg = getattr(event, side)
        for field in ("text", "id", "country", "sector"):
            row[f"{side}_{field}"] = getattr(arg, field) if arg else None
    for field in ("text", "id", "country", "admin1"):
        row[f"location_{field}"] = getattr(event.location, field) if event.location else None
    for field in ("mentions", "articles", "sources", "negated", "first_reported", "last_reported"):
        row[field] = getattr(event, field)
    row["claims"] = "; ".join(f"{c.article}:{c.id}" for c in event.claims)
    row["conflicts"] = "; ".join(f"{c.reason}: {c.detail}" for c in event.conflicts)
    return row


def write_events(events: Iterable[Event], handle: IO[str], *, format: str) -> int:
    """Write ``events`` as JSON Lines (one object each) or CSV; the number written."""
    if format == "csv":
        return write_csv((event_csv_row(e) for e in events), handle, columns=EVENT_COLUMNS)
    n = 0
    for event in events:
        handle.write(event.model_dump_json() + "\n")
        n += 1
    return n
