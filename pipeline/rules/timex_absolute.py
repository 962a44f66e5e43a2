"""Formulaic calendar dates ("August 8th", "December 10, 2013", "8 August 2023", "7/8/07")
read by dateparser: only ever on such a short span, English only, one parser per anchor
(built once and reused), results cached.

A date without a year comes back with the anchor's year (dateparser's ``current_period``
preference); :func:`pipeline.rules.timex_normalise.normalise` then moves it by tense.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from dateparser.date import DateDataParser

LANGUAGES = ["en"]
SETTINGS = {
    "PREFER_DATES_FROM": "current_period",
    "PREFER_DAY_OF_MONTH": "first",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "STRICT_PARSING": False,
}
# anchor used when an article has no ``published`` date: only complete dates are kept then
NO_ANCHOR = dt.date(2000, 1, 1)


@lru_cache(maxsize=32)
def _parser(anchor: dt.date) -> DateDataParser:
    base = dt.datetime(anchor.year, anchor.month, anchor.day, 12)
    return DateDataParser(languages=LANGUAGES, settings={**SETTINGS, "RELATIVE_BASE": base})


@lru_cache(maxsize=4096)
def parse_calendar_date(text: str, anchor: dt.date | None) -> tuple[dt.date, str] | None:
    """``(date, period)`` for a formulaic date span, ``period`` being dateparser's
    granularity (``day``, ``month``, ``year``); ``None`` when it is not one."""
    data = _parser(anchor or NO_ANCHOR).get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    return data.date_obj.date(), data.period or "day"
