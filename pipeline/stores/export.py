"""Writers for ``export``: records as JSON Lines (SPEC section 4) or the ``claim_rows``
view as CSV (one header line, then one line per claim)."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Mapping
from typing import IO, Any

EXPORT_FORMATS = ("jsonl", "csv")


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
