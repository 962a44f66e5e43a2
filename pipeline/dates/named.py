"""TIMEX3 values of expressions built on calendar names and numbers: month-day dates
(read by dateparser), months and seasons, weekdays, days of month, years, decades,
centuries, quarters and weekends. A missing year, month or week follows the clause's
tense (:mod:`pipeline.dates.calendar`)."""

from __future__ import annotations

import datetime as dt
import re

from . import calendar as cal
from .absolute import parse_calendar_date
from .lexicon import MONTHS, ORDINAL_CENTURY, ORDINALS, PARTS_OF_DAY, RELATIVE_STEP, SEASONS, WEEKDAYS
from .values import DAY_RE, DECADE_RE, FY_RE, NUMERIC_DATE_RE, YEAR_RE, Timex, shift_unit


def calendar_date(text: str, words: list[str], anchor: dt.date | None, tense: str) -> Timex | None:
    """Month names with a day and/or a year; numeric dates. Read by dateparser, then a
    missing year is chosen by tense."""
    if len(words) == 4 and words[0] in MONTHS and words[2] in {"this", "last", "next"} and words[3] == "year":
        return _month_day_of_relative_year(words, anchor)  # "July 26 last year"
    months = [w for w in words if w in MONTHS]
    days = [w for w in words if DAY_RE.match(w) and not YEAR_RE.match(w)]
    years = [w for w in words if YEAR_RE.match(w)]
    numeric = len(words) == 1 and NUMERIC_DATE_RE.match(words[0])
    if not numeric and not (len(months) == 1 and (days or years)):
        return None
    if not numeric and any(
        w not in MONTHS
        and w not in WEEKDAYS
        and not DAY_RE.match(w)
        and not YEAR_RE.match(w)
        and w not in {"of", "the", "on"}
        for w in words
    ):
        return None
    month = MONTHS[months[0]] if months else None
    if month and not days and years:
        return Timex("DATE", f"{int(years[0]):04d}-{month:02d}")
    clean = " ".join(w for w in words if w not in WEEKDAYS and w not in {"the", "on"})
    parsed = parse_calendar_date(clean, anchor)
    if parsed is None:
        return None
    day, _ = parsed
    if years or numeric:
        return Timex("DATE", day.isoformat())
    if anchor is None:
        return Timex("DATE", None)

    def make(year: int) -> cal.Period | None:
        try:
            return cal.day_period(dt.date(year, day.month, day.day))
        except ValueError:
            return None

    return Timex("DATE", cal.pick_occurrence(make, anchor, tense))


def _month_day_of_relative_year(words: list[str], anchor: dt.date | None) -> Timex | None:
    day = re.match(r"\d+", words[1])
    if day is None:
        return None
    if anchor is None:
        return Timex("DATE", None)
    try:
        date = dt.date(anchor.year + RELATIVE_STEP[words[2]], MONTHS[words[0]], int(day.group()))
    except ValueError:
        return None
    return Timex("DATE", date.isoformat())


def month_or_season(words: list[str], anchor: dt.date | None, tense: str) -> Timex | None:
    """ "July", "early June", "October of next year", "spring", "last summer", "summer 2020"."""
    words = [w for w in words if w not in {"the", "early", "late", "mid", "of", "in"}]
    if not words:
        return None
    name = words[-1] if words[-1] in MONTHS or words[-1] in SEASONS else words[0]
    rest = [w for w in words if w != name]
    if name in MONTHS:
        month = MONTHS[name]

        def make(year: int) -> cal.Period:
            return cal.month_period(year, month)
    elif name in SEASONS:
        code = SEASONS[name]

        def make(year: int) -> cal.Period:
            return cal.season_period(year, code)
    else:
        return None
    if len(rest) == 1 and YEAR_RE.match(rest[0]):
        return Timex("DATE", make(int(rest[0]))[2])
    if anchor is None:
        return Timex("DATE", None) if not rest or rest[0] in RELATIVE_STEP or rest[-1] == "year" else None
    if rest in (["this", "year"], ["next", "year"], ["last", "year"]):
        return Timex("DATE", make(anchor.year + RELATIVE_STEP[rest[0]])[2])
    if rest in (["last"], ["this"], ["next"], ["past"], ["coming"]):
        direction = {"last": "PAST", "past": "PAST", "next": "FUTURE", "coming": "FUTURE"}.get(rest[0], tense)
        if rest[0] in {"last", "next"}:  # strictly before / after the anchor's own period
            step = -1 if rest[0] == "last" else 1
            for offset in (0, step, 2 * step):
                period = make(anchor.year + offset)
                if (period[1] < anchor) if step < 0 else (period[0] > anchor):
                    return Timex("DATE", period[2])
        return Timex("DATE", cal.pick_occurrence(make, anchor, direction))
    if rest:
        return None
    return Timex("DATE", cal.pick_occurrence(make, anchor, tense))


def weekday(words: list[str], anchor: dt.date | None, tense: str) -> Timex | None:
    """ "Monday", "last Sunday", "This Thursday", "Thursday night"."""
    days = [w for w in words if w in WEEKDAYS]
    if len(days) != 1:
        return None
    rel = next((w for w in words if w in {"last", "this", "next", "past", "coming", "on"}), None)
    pod = next((PARTS_OF_DAY[w] for w in words if w in PARTS_OF_DAY), None)
    if any(
        w not in WEEKDAYS
        and w not in PARTS_OF_DAY
        and w not in {"last", "this", "next", "past", "coming", "on", "early", "late"}
        for w in words
    ):
        return None
    if anchor is None:
        return Timex("TIME" if pod else "DATE", None)
    rel = {"past": "last", "coming": "next", "on": None}.get(rel, rel) if rel else None
    day = cal.weekday_date(anchor, WEEKDAYS[days[0]], tense=tense, relative=rel)
    return Timex("TIME", f"{day.isoformat()}T{pod}") if pod else Timex("DATE", day.isoformat())


def year_like(words: list[str], anchor: dt.date | None) -> Timex | None:
    """ "2019", "late 2006", "the 2023 fiscal year", "fiscal 2023", "FY2007", "the 1990s",
    "the '90s", "the 20th century"."""
    core = [
        w
        for w in words
        if w not in {"the", "early", "late", "mid", "fiscal", "financial", "model", "calendar", "year", "in", "of"}
    ]
    if len(core) == 1 and YEAR_RE.match(core[0]) and "year" not in words[: words.index(core[0])]:
        return Timex("DATE", core[0])
    if len(core) == 2 and core[0] == "fy":
        core = ["fy" + core[1]]
    if len(core) == 1 and FY_RE.match(core[0]):
        digits = FY_RE.match(core[0]).group(1)
        return Timex("DATE", digits if len(digits) == 4 else f"20{digits}")
    if len(core) == 1 and DECADE_RE.match(core[0]):
        digits = DECADE_RE.match(core[0]).group(1)
        if len(digits) == 3:
            return Timex("DATE", f"{digits}X")
        if len(digits) == 1 or len(digits) == 2:
            decade = int(digits[-1])
            century = (anchor.year // 100) if anchor else 20
            if century * 100 + decade * 10 > (anchor.year if anchor else 1999):
                century -= 1
            return Timex("DATE", f"{century}{decade}X")
    if len(words) == 1 and re.fullmatch(r"'\d\d", words[0]) and anchor is not None:
        year = anchor.year // 100 * 100 + int(words[0][1:])
        return Timex("DATE", str(year if year <= anchor.year else year - 100))
    if len(core) == 2 and core[1] == "century" and core[0] in ORDINAL_CENTURY:
        return Timex("DATE", f"{ORDINAL_CENTURY[core[0]] - 1:02d}")
    return None


def quarter(words: list[str], anchor: dt.date | None, tense: str) -> Timex | None:
    """ "the first quarter of 2009", "the fourth quarter", "third-quarter", "the last
    quarter" (the previous one), "the first half of 2023"."""
    if words and re.fullmatch(r"q[1-4]", words[0]) and len(words) <= 2:
        number = int(words[0][1])
        if len(words) == 2 and YEAR_RE.match(words[1]):
            return Timex("DATE", f"{words[1]}-Q{number}")
        if len(words) == 1 and anchor is not None:
            return Timex("DATE", cal.pick_occurrence(lambda y: cal.quarter_period(y, number), anchor, tense))
        return Timex("DATE", None) if len(words) == 1 else None
    if "quarter" not in words and "half" not in words:
        return None
    unit = "quarter" if "quarter" in words else "half"
    i = words.index(unit)
    before = [w for w in words[:i] if w != "the"]
    after = [w for w in words[i + 1 :] if w != "of"]
    if len(before) != 1 or (before[0] not in ORDINALS):
        return None
    if unit == "half" and before[0] not in {"first", "second", "1st", "2nd"}:
        return None
    if before[0] in {"last", "final"} and not after and unit == "quarter":
        if anchor is None:
            return Timex("DATE", None)
        return Timex("DATE", shift_unit(anchor, "quarter", -1))
    number = ORDINALS[before[0]]
    if after and len(after) == 1 and YEAR_RE.match(after[0]):
        year = int(after[0])
        return Timex("DATE", f"{year}-Q{number}" if unit == "quarter" else f"{year}-H{number}")
    if after and after[-1] == "year" and after[0] in RELATIVE_STEP:
        if anchor is None:
            return Timex("DATE", None)
        year = anchor.year + RELATIVE_STEP[after[0]]
        return Timex("DATE", f"{year}-Q{number}" if unit == "quarter" else f"{year}-H{number}")
    if after or unit == "half" or anchor is None:
        return Timex("DATE", None) if anchor is None and not after else None
    return Timex("DATE", cal.pick_occurrence(lambda y: cal.quarter_period(y, number), anchor, tense))


def weekend(words: list[str], anchor: dt.date | None, tense: str) -> Timex | None:
    if not words or words[-1] != "weekend" or len(words) > 2:
        return None
    rel = words[0] if len(words) == 2 else None
    if rel not in {None, "the", "this", "last", "next", "past", "coming"}:
        return None
    if anchor is None:
        return Timex("DATE", None)
    rel = {"past": "last", "coming": "next", "the": None}.get(rel, rel)
    return Timex("DATE", cal.weekend_value(anchor, tense=tense, relative=rel))


def day_of_month(words: list[str], anchor: dt.date | None, tense: str) -> Timex | None:
    """ "the 6th" alone: that day of the month the tense points to; "the last week of March"."""
    if len(words) == 5 and words[2:4] == ["week", "of"] and words[4] in MONTHS and words[1] in ORDINALS:
        if anchor is None:
            return Timex("DATE", None)
        month = cal.pick_occurrence(lambda y: cal.month_period(y, MONTHS[words[4]]), anchor, tense)
        year, mon = int(month[:4]), int(month[5:7])
        day = (
            cal.month_end(year, mon) - dt.timedelta(days=3)
            if words[1] in {"last", "final"}
            else dt.date(year, mon, 4) + dt.timedelta(weeks=ORDINALS[words[1]] - 1)
        )
        return Timex("DATE", cal.week_value(day))
    if len(words) != 2 or words[0] != "the" or not re.fullmatch(r"\d{1,2}(st|nd|rd|th)", words[1]):
        return None
    day = int(re.match(r"\d+", words[1]).group())
    if not 1 <= day <= 31:
        return None
    return Timex("DATE", cal.day_of_month(anchor, day, tense) if anchor else None)
