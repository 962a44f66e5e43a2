"""Calendar arithmetic for TIMEX3 values: periods, ISO weeks, and picking the occurrence of a
yearless date ("July", "the 6th", "Thursday") that the clause's tense points to.

Tense is one of ``PAST``, ``FUTURE``, ``PRESENT`` or ``NONE`` (see
:mod:`pipeline.dates.tense`); only PAST and FUTURE give a direction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

Period = tuple[dt.date, dt.date, str]  # first day, last day, TIMEX3 value

# a yearless month, day or quarter follows the tense up to about eight months away ("will
# be held in March", written in August, is next March); further than that, the text more
# likely means the occurrence of the anchor's year and the tense is the writer's lag
# ("On July 30th, the country is set to hold a referendum", published August 9th)
TENSE_WINDOW_DAYS = 240


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def month_end(year: int, month: int) -> dt.date:
    ny, nm = add_months(year, month, 1)
    return dt.date(ny, nm, 1) - dt.timedelta(days=1)


def month_period(year: int, month: int) -> Period:
    return dt.date(year, month, 1), month_end(year, month), f"{year:04d}-{month:02d}"


def day_period(day: dt.date) -> Period:
    return day, day, day.isoformat()


def week_value(day: dt.date, *, weekend: bool = False) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}" + ("-WE" if weekend else "")


def quarter_period(year: int, quarter: int) -> Period:
    first = dt.date(year, 3 * quarter - 2, 1)
    return first, month_end(year, 3 * quarter), f"{year:04d}-Q{quarter}"


SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


def season_period(year: int, code: str) -> Period:
    first, last = SEASON_MONTHS[code]
    ly, lm = add_months(year, 1, last - 1)
    return dt.date(year, first, 1), month_end(ly, lm), f"{year:04d}-{code}"


def _distance(period: Period, anchor: dt.date) -> int:
    start, end, _ = period
    if start <= anchor <= end:
        return 0
    return (start - anchor).days if start > anchor else (anchor - end).days


def pick_occurrence(
    make: Callable[[int], Period | None], anchor: dt.date, tense: str, *, window: int = TENSE_WINDOW_DAYS
) -> str | None:
    """The value of a yearless expression: the occurrence in the tense's direction when it
    lies within ``window`` days, else the one in the anchor's year (a future clause about a
    date just past is the writer's lag), unless a past clause would then mean a period still
    to come; with no tense, the nearest occurrence."""
    periods = [p for p in (make(anchor.year + d) for d in (-1, 0, 1)) if p is not None]
    if not periods:
        return None
    this_year = next((p for p in periods if p[0].year == anchor.year), periods[0])
    if tense == "PAST":
        back = [p for p in periods if p[0] <= anchor]
        best = max(back, key=lambda p: p[0]) if back else None
    elif tense == "FUTURE":
        ahead = [p for p in periods if p[1] >= anchor]
        best = min(ahead, key=lambda p: p[0]) if ahead else None
    else:
        return min(periods, key=lambda p: (_distance(p, anchor), p[0] > anchor))[2]
    if best is not None and _distance(best, anchor) <= window:
        return best[2]
    if tense == "PAST" and best is not None and this_year[0] > anchor:
        return best[2]  # a past clause never means a period still to come ("ousted ... in July", in April)
    return this_year[2]


def weekday_date(anchor: dt.date, weekday: int, *, tense: str, relative: str | None = None) -> dt.date:
    """``weekday`` is ISO (Monday 1). ``last`` is strictly before the anchor, ``next``
    strictly after; ``this`` and a bare name include the anchor's own day and follow the
    tense (a bare name with no tense takes the nearer one, the past on a tie)."""
    back = (anchor.isoweekday() - weekday) % 7
    ahead = (weekday - anchor.isoweekday()) % 7
    if relative == "last":
        return anchor - dt.timedelta(days=back or 7)
    if relative == "next":
        return anchor + dt.timedelta(days=ahead or 7)
    if tense == "FUTURE" or (relative == "this" and tense != "PAST"):
        return anchor + dt.timedelta(days=ahead)
    if tense == "PAST":
        return anchor - dt.timedelta(days=back)
    return anchor - dt.timedelta(days=back) if back <= ahead else anchor + dt.timedelta(days=ahead)


def day_of_month(anchor: dt.date, day: int, tense: str) -> str | None:
    """ "the 6th": that day of this, the previous or the next month, by tense."""

    def make(offset: int) -> Period | None:
        y, m = add_months(anchor.year, anchor.month, offset)
        try:
            return day_period(dt.date(y, m, day))
        except ValueError:
            return None

    periods = [p for p in (make(o) for o in (-1, 0, 1)) if p is not None]
    if not periods:
        return None
    if tense == "PAST":
        cands = [p for p in periods if p[0] <= anchor]
        return max(cands, key=lambda p: p[0])[2] if cands else None
    if tense == "FUTURE":
        cands = [p for p in periods if p[0] >= anchor]
        return min(cands, key=lambda p: p[0])[2] if cands else None
    return min(periods, key=lambda p: (_distance(p, anchor), p[0] > anchor))[2]


def weekend_value(anchor: dt.date, *, tense: str, relative: str | None = None) -> str:
    """ "the weekend": the last one in the past tense (this week's on a Saturday or Sunday),
    otherwise the coming one; "last"/"next weekend" step a week."""
    saturday_this_week = anchor + dt.timedelta(days=6 - anchor.isoweekday())
    if relative == "last" or (relative != "next" and tense == "PAST" and anchor.isoweekday() < 6):
        return week_value(saturday_this_week - dt.timedelta(days=7), weekend=True)
    if relative == "next":
        return week_value(saturday_this_week + dt.timedelta(days=7), weekend=True)
    return week_value(saturday_this_week, weekend=True)
