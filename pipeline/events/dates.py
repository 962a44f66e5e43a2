"""Dates of reports as calendar intervals, and when two are compatible.

A claim's ``date.value`` (SPEC section 3) has a granularity: ``2023-07-26`` is a day,
``2023-W30`` a week (``-WE`` its weekend), ``2023-07`` a month, ``2023-Q3`` a quarter,
``2023`` a year, ``202X`` a decade. Two dated reports are compatible when one interval
holds the other (equal, or one within the other's granularity): ``2023-07`` and
``2023-07-26`` may be one event, ``2023-07-26`` and ``2023-07-27`` are two. A value that
names no interval (``PAST_REF``, a duration, ``null``) leaves the report undated: it is
placed in the ``window`` days up to its article's ``published`` date.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple


class Interval(NamedTuple):
    """Days ``start`` to ``end``, both included."""

    start: dt.date
    end: dt.date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_YEAR = re.compile(r"(\d{4})")
_WEEK = re.compile(r"(\d{4})-W(\d{2})(-WE)?")
_QUARTER = re.compile(r"(\d{4})-Q([1-4])")
_HALF = re.compile(r"(\d{4})-H([12])")
_SEASON = re.compile(r"(\d{4})-(SP|SU|FA|AU|WI)")
_DECADE = re.compile(r"(\d{3})X")


def _month_end(year: int, month: int) -> dt.date:
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def _months(year: int, first: int, last: int) -> Interval:
    return Interval(dt.date(year, first, 1), _month_end(year, last))


def interval(value: str | None) -> Interval | None:
    """The days ``value`` covers; ``None`` when it names no calendar interval."""
    if not value:
        return None
    value = value.strip().upper()
    try:
        if m := _DAY.fullmatch(value):
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return Interval(day, day)
        if m := _WEEK.fullmatch(value):
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            if m[3]:
                return Interval(monday + dt.timedelta(days=5), monday + dt.timedelta(days=6))
            return Interval(monday, monday + dt.timedelta(days=6))
        if m := _MONTH.fullmatch(value):
            return _months(int(m[1]), int(m[2]), int(m[2]))
        if m := _QUARTER.fullmatch(value):
            q = int(m[2])
            return _months(int(m[1]), 3 * q - 2, 3 * q)
        if m := _HALF.fullmatch(value):
            h = int(m[2])
            return _months(int(m[1]), 6 * h - 5, 6 * h)
        if m := _SEASON.fullmatch(value):  # a season straddles years: its year is the bound
            return _months(int(m[1]), 1, 12)
        if m := _YEAR.fullmatch(value):
            return _months(int(m[1]), 1, 12)
        if m := _DECADE.fullmatch(value):
            start = int(m[1]) * 10
            return Interval(dt.date(start, 1, 1), dt.date(start + 9, 12, 31))
    except ValueError:  # 2023-02-30, week 54
        return None
    return None


def window(published: dt.date | None, days: int) -> Interval | None:
    """Where an undated report of an article published on ``published`` may fall."""
    if published is None:
        return None
    return Interval(published - dt.timedelta(days=days), published)


def nested(a: Interval, b: Interval) -> bool:
    """One interval holds the other."""
    return (a.start <= b.start and b.end <= a.end) or (b.start <= a.start and a.end <= b.end)


def overlap(a: Interval, b: Interval) -> bool:
    return a.start <= b.end and b.start <= a.end
