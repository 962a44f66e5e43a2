"""Formulaic calendar dates ("August 8th", "December 10, 2013", "8 August 2023", "7/8/07")
read by dateparser: only ever on such a short span, English only, one parser per anchor
(built once and reused), results cached. The plainest forms, a month name with a day and
perhaps a year ("july 26", "sept. 30", "8 august 2023"), nearly all of a news archive's,
are read directly, with the result dateparser gives them; dateparser reads the rest.

A date without a year comes back with the anchor's year (dateparser's ``current_period``
preference); :func:`pipeline.dates.normalise.normalise` then moves it by tense.

dateparser is imported by the first parser built (~40 ms): a run whose dates are all
plain never imports it.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from .lexicon import MONTHS

LANGUAGES = ["en"]
SETTINGS = {
    "PREFER_DATES_FROM": "current_period",
    "PREFER_DAY_OF_MONTH": "first",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "STRICT_PARSING": False,
}
# anchor used when an article has no ``published`` date: only complete dates are kept then
NO_ANCHOR = dt.date(2000, 1, 1)
if TYPE_CHECKING:
    from dateparser.date import DateDataParser

PLAIN_DATES = (
    re.compile(r"(?P<month>[a-z]+\.?) (?P<day>\d{1,2})(?:st|nd|rd|th)?(?: (?P<year>\d{4}))?"),
    re.compile(r"(?P<day>\d{1,2})(?:st|nd|rd|th)? (?:of )?(?P<month>[a-z]+\.?)(?: (?P<year>\d{4}))?"),
)


@lru_cache(maxsize=32)
def _parser(anchor: dt.date) -> DateDataParser:
    from dateparser.date import DateDataParser

    base = dt.datetime(anchor.year, anchor.month, anchor.day, 12)
    return DateDataParser(languages=LANGUAGES, settings={**SETTINGS, "RELATIVE_BASE": base})


@lru_cache(maxsize=4096)
def parse_calendar_date(text: str, anchor: dt.date | None) -> tuple[dt.date, str] | None:
    """``(date, period)`` for a formulaic date span, ``period`` being dateparser's
    granularity (``day``, ``month``, ``year``); ``None`` when it is not one."""
    plain = _plain_date(text, anchor)
    if plain is not None:
        return plain, "day"
    data = _parser(anchor or NO_ANCHOR).get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    return data.date_obj.date(), data.period or "day"


def _plain_date(text: str, anchor: dt.date | None) -> dt.date | None:
    """A month name with a day and perhaps a year, read without dateparser (the year of
    ``anchor`` when none is written, as dateparser's ``current_period``); ``None`` for any
    other text or an impossible date, which dateparser then reads."""
    for pattern in PLAIN_DATES:
        match = pattern.fullmatch(text.lower())
        if match is not None and match["month"] in MONTHS:
            year = int(match["year"]) if match["year"] else (anchor or NO_ANCHOR).year
            try:
                return dt.date(year, MONTHS[match["month"]], int(match["day"]))
            except ValueError:
                return None
    return None
