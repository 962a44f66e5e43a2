"""The building blocks of TIMEX3 values: the ``Timex`` record, the words of a span,
numbers written in digits or words, duration values and calendar steps."""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from . import calendar as cal
from .lexicon import APPROX_WORDS, NUMBER_WORDS, UNIT_PLURALS, UNITS

WORD_RE = re.compile(
    r"(?:fy'?\d{2,4}|q[1-4])\b|\d{1,4}(?:[/.:-]\d{1,4})+|'?\d+(?:st|nd|rd|th|s)?|[a-z]+(?:\.[a-z])*\.?|'\d0s"
)
YEAR_RE = re.compile(r"^(1[0-9]{3}|20[0-9]{2}|21[0-9]{2})$")
DAY_RE = re.compile(r"^(0?[1-9]|[12][0-9]|3[01])(st|nd|rd|th)?$")
DECADE_RE = re.compile(r"^'?([0-9]{1,3})0s$")
CLOCK_RE = re.compile(r"^([01]?[0-9]|2[0-3])[:.]([0-5][0-9])$")
MILITARY_RE = re.compile(r"^([01][0-9]|2[0-3])([0-5][0-9])$")
NUMERIC_DATE_RE = re.compile(r"^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}$")
FY_RE = re.compile(r"^fy'?(\d{2}|\d{4})$")


class Timex(NamedTuple):
    type: str
    value: str | None


def words_of(text: str) -> list[str]:
    """Lower-cased words of a span: hyphens, commas and brackets dropped, "a.m." kept."""
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    return WORD_RE.findall(text)


def parse_number(words: list[str]) -> float | None:
    """A number written with digits or words ("12", "twenty five", "a", "two and a half")."""
    if not words:
        return None
    if len(words) == 1 and re.fullmatch(r"\d+(\.\d+)?", words[0].replace(",", "")):
        return float(words[0].replace(",", ""))
    total = 0.0
    for i, w in enumerate(words):
        if w == "half" and i > 0 and words[i - 1] in {"a", "and"}:
            total += 0.5
        elif w in {"and"} or (w == "a" and i > 0):
            continue
        elif w == "hundred":
            total = (total or 1) * 100
        elif w in NUMBER_WORDS:
            total += NUMBER_WORDS[w]
        elif w.isdigit():
            total += float(w)
        else:
            return None
    return total


def format_amount(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def unit_of(word: str) -> tuple[str, bool] | None:
    """``(singular, plural?)`` when ``word`` is a calendar unit."""
    if word in UNITS:
        return word, False
    if word in UNIT_PLURALS:
        return UNIT_PLURALS[word], True
    return None


def duration_value(n: float | None, unit: str) -> str:
    """``P2W``, ``PT2H``, ``P10Y`` for a decade, ``PXY`` when the amount is vague."""
    mult, letter = UNITS[unit]
    time = letter in {"H", "S"} or unit == "minute"
    amount = "X" if n is None else format_amount(n * mult)
    return ("PT" if time else "P") + amount + letter


def strip_approx(words: list[str]) -> tuple[list[str], bool]:
    """Drop leading approximators ("about", "more than") and report whether any was there."""
    i = 0
    while i < len(words) - 1 and words[i] in APPROX_WORDS and words[i] not in {"some"}:
        i += 1
    return words[i:], i > 0


def shift_unit(anchor: dt.date, unit: str, delta: int) -> str | None:
    if unit == "day":
        return (anchor + dt.timedelta(days=delta)).isoformat()
    if unit == "week":
        return cal.week_value(anchor + dt.timedelta(weeks=delta))
    if unit == "month":
        y, m = cal.add_months(anchor.year, anchor.month, delta)
        return f"{y:04d}-{m:02d}"
    if unit == "quarter":
        y, m = cal.add_months(anchor.year, anchor.month, 3 * delta)
        return f"{y:04d}-Q{(m - 1) // 3 + 1}"
    if unit == "year":
        return f"{anchor.year + delta:04d}"
    if unit == "decade":
        return f"{anchor.year // 10 + delta:03d}X"
    if unit == "century":
        return f"{anchor.year // 100 + delta:02d}"
    return None
