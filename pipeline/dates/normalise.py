"""TIMEX3 type and value of one temporal expression, from its text alone.

:func:`normalise` takes the span text, the clause's tense (``PAST``, ``FUTURE``,
``PRESENT``, ``NONE``), the anchor (the article's ``published`` date, or ``None``) and an
optional reference date (the last full date the article mentioned, for "the same day").
It never looks at the rest of the document, so every rule is testable without a model.

Conventions (TimeML 1.2, TempEval-3, SPEC section 3): the value has the granularity the
text gives ("July" is ``2023-07``); weekdays, months and days of month follow the tense;
"the 1990s" is ``199X``; durations are ``P2W``, ``PT2H``, ``PXY``; vague references are
``PAST_REF``, ``PRESENT_REF``, ``FUTURE_REF``; sets are ``P1W`` ("weekly") or
``XXXX-WXX-1`` ("every Monday"). A relative expression without an anchor has value
``None``.
"""

from __future__ import annotations

import datetime as dt
import re

from .lexicon import (
    AMPM_WORDS,
    DEICTIC_DAYS,
    EDGE_PREFIX,
    FUTURE_REF_PHRASES,
    MONTHS,
    PARTS_OF_DAY,
    PAST_REF_PHRASES,
    PRESENT_REF_PHRASES,
    RECENT_UNITS,
    RELATIVE_STEP,
    SEASONS,
    SET_ADVERBS,
    UNIT_PLURALS,
    UNITS,
    VAGUE_QUANTIFIERS,
    WEEKDAYS,
    ZONES,
)
from .named import calendar_date, day_of_month, month_or_season, quarter, weekday, weekend, year_like
from .values import (
    CLOCK_RE,
    MILITARY_RE,
    Timex,
    duration_value,
    parse_number,
    shift_unit,
    strip_approx,
    unit_of,
    words_of,
)

__all__ = ["Timex", "normalise", "words_of"]


def _relative_unit(words: list[str], anchor: dt.date | None, ref: dt.date | None) -> Timex | None:
    """ "this week", "last month", "the past decade" (a duration), "the same day", "that year"."""
    if len(words) == 3 and words[0] == "the" and words[1] in UNITS and words[2] in {"before", "previous", "earlier"}:
        base = ref or anchor
        return Timex("DATE", shift_unit(base, words[1], -1) if base else None)
    if words == ["that", "time"]:
        return Timex("DATE", ref.isoformat()) if ref else None
    if len(words) < 2 or words[-1] not in UNITS:
        return None
    unit, head = words[-1], words[:-1]
    if head and head[0] == "the":
        head = head[1:]
    if head == ["past"] or (head == ["last"] and words[0] == "the" and unit in {"decade", "century"}):
        return Timex("DURATION", duration_value(1, unit))
    if head in (["same"], ["that"]):
        base = ref or anchor
        return Timex("DATE", shift_unit(base, unit, 0) if base else None)
    if len(head) == 1 and head[0] in RELATIVE_STEP:
        base = ref if head[0] in {"previous", "following"} and ref else anchor
        return Timex("DATE", shift_unit(base, unit, RELATIVE_STEP[head[0]]) if base else None)
    return None


def _duration(words: list[str], anchor: dt.date | None, ref_or_anchor: dt.date | None = None) -> Timex | None:
    """ "two weeks", "a 20 year", "the past nine days", "nearly five months", "years",
    "two years ago" (a date: the anchor minus two years, at year granularity)."""
    words, _ = strip_approx(words)
    ago = bool(words) and words[-1] == "ago"
    if ago:
        words = words[:-1]
    if len(words) >= 3 and words[-1] in {"earlier", "later"} and unit_of(words[-2]) and ref_or_anchor is not None:
        n = parse_number(words[:-2])  # "a year earlier": from the date in focus
        unit = unit_of(words[-2])[0]
        if n is None or not float(n).is_integer() or unit not in {"day", "week", "month", "year", "decade"}:
            return None
        step = int(n) * (-1 if words[-1] == "earlier" else 1) * UNITS[unit][0]
        return Timex("DATE", shift_unit(ref_or_anchor, "year" if UNITS[unit][0] > 1 else unit, step))
    while words and words[-1] in {"long", "period", "span", "stretch", "history", "running", "straight"}:
        words = words[:-1]
    if not words or unit_of(words[-1]) is None:
        return None
    unit, plural = unit_of(words[-1])  # type: ignore[misc]
    amount = words[:-1]
    if amount[:1] == ["the"] and amount[1:2] and amount[1] in {"past", "last", "next", "coming", "first", "previous"}:
        amount = amount[2:]
    while amount and amount[-1] in {
        "consecutive",
        "straight",
        "full",
        "whole",
        "more",
        "additional",
        "of",
        "trading",
        "business",
        "working",
        "calendar",
    }:
        amount = amount[:-1]
    vague = not amount or amount == ["the"] or any(w in VAGUE_QUANTIFIERS for w in amount)
    if vague and not plural:
        return None
    n = None if vague else parse_number(amount)
    if n is None and not vague:
        return None
    if ago:
        if anchor is None:
            return Timex("DATE", None)
        if n is None:
            return Timex("DATE", "PAST_REF")
        mult, _ = UNITS[unit]
        return Timex("DATE", shift_unit(anchor, unit if mult == 1 else "year", -int(n * mult)))
    return Timex("DURATION", duration_value(n, unit))


def _ref(text: str, words: list[str]) -> Timex | None:
    if text in PRESENT_REF_PHRASES or (words[:1] == ["our"] and words[-1:] == ["history"]):
        return Timex("DATE", "PRESENT_REF")
    if text in PAST_REF_PHRASES or (len(words) == 2 and words[0] == "recent" and words[1] in RECENT_UNITS):
        return Timex("DATE", "PAST_REF")
    if text in FUTURE_REF_PHRASES or (len(words) == 3 and words[:2] == ["the", "coming"] and words[2] in RECENT_UNITS):
        return Timex("DATE", "FUTURE_REF")
    if len(words) == 2 and words[0] in {"very", "more", "most", "only", "until", "so"}:
        return _ref(words[1], words[1:])
    return None


def _clock(words: list[str], anchor: dt.date | None, tense: str, ref: dt.date | None) -> Timex | None:
    """ "16:08 UTC", "6:40 p.m.", "0800 GMT", "noon", "12:00 UTC Monday", "16:00 UTC today"."""
    hour = minute = None
    zone = ""
    rest: list[str] = []
    for i, w in enumerate(words):
        m = CLOCK_RE.match(w)
        if hour is None and (m or (MILITARY_RE.match(w) and words[i + 1 : i + 2] and words[i + 1] in ZONES)):
            m = m or MILITARY_RE.match(w)
            hour, minute = int(m.group(1)), int(m.group(2))
        elif hour is None and w.isdigit() and int(w) <= 12 and words[i + 1 : i + 2] and words[i + 1] in AMPM_WORDS:
            hour, minute = int(w), 0
        elif w in {"noon", "midday"}:
            hour, minute = 12, 0
        elif w == "midnight":
            hour, minute = 0, 0
        elif w in {"p.m.", "pm"} and hour is not None and hour < 12:
            hour += 12
        elif w in {"a.m.", "am"} and hour == 12:
            hour = 0
        elif w in ZONES:
            zone = "Z"
        elif w not in {"a.m.", "am", "at", "o'clock", "local", "time", "hours", "hrs"}:
            rest.append(w)
    if hour is None:
        return None
    day = ref or anchor  # a bare clock time is on the day in focus
    if rest:
        inner = normalise(" ".join(rest), tense=tense, anchor=anchor, ref=ref)
        if inner is None or inner.value is None or not re.fullmatch(r"\d{4}-\d\d-\d\d", inner.value):
            return Timex("TIME", None) if anchor is None else None
        day = dt.date.fromisoformat(inner.value)
    if day is None:
        return Timex("TIME", None)
    return Timex("TIME", f"{day.isoformat()}T{hour:02d}:{minute:02d}{zone}")


def _deictic(words: list[str], anchor: dt.date | None) -> Timex | None:
    """ "today", "yesterday morning", "tonight", "earlier today", "this morning"."""
    words = [w for w in words if w not in {"earlier", "later", "early", "late"}]
    if not words:
        return None
    if words[0] in DEICTIC_DAYS and len(words) <= 2:
        pod = "NI" if words[0] == "tonight" else (PARTS_OF_DAY.get(words[1]) if len(words) == 2 else None)
        if len(words) == 2 and pod is None:
            return None
        if anchor is None:
            return Timex("TIME" if pod else "DATE", None)
        day = (anchor + dt.timedelta(days=DEICTIC_DAYS[words[0]])).isoformat()
        return Timex("TIME", f"{day}T{pod}") if pod else Timex("DATE", day)
    if len(words) == 2 and words[0] in {"this", "last"} and words[1] in PARTS_OF_DAY:
        if anchor is None:
            return Timex("TIME", None)
        day = anchor - dt.timedelta(days=1) if words[0] == "last" else anchor
        return Timex("TIME", f"{day.isoformat()}T{PARTS_OF_DAY[words[1]]}")
    return None


def _set(words: list[str]) -> Timex | None:
    """ "weekly", "every year", "each Monday", "every other week", "a year" (after a count)."""
    if len(words) == 1 and words[0] in SET_ADVERBS:
        return Timex("SET", SET_ADVERBS[words[0]])
    if len(words) == 2 and words[0] == "per" and words[1] in UNITS:
        return Timex("SET", duration_value(1, words[1]))
    if len(words) == 3 and words[0] in {"once", "twice"} and words[1] in {"a", "per", "an"} and words[2] in UNITS:
        return Timex("SET", duration_value(1, words[2]))
    if len(words) >= 2 and words[0] in {"every", "each"}:
        n = 2 if words[1] == "other" else 1
        name = words[-1]
        if name in UNITS:
            return Timex("SET", duration_value(n, name))
        if name in WEEKDAYS:
            return Timex("SET", f"XXXX-WXX-{WEEKDAYS[name]}")
        if name in SEASONS:
            return Timex("SET", f"XXXX-{SEASONS[name]}")
        if name in MONTHS:
            return Timex("SET", f"XXXX-{MONTHS[name]:02d}")
    return None


def _anaphoric_day(words: list[str], anchor: dt.date | None, ref: dt.date | None) -> Timex | None:
    """ "the same day", "that day", "the day" (the day in focus), "the following day"."""
    shifts = {
        ("the", "day"): 0,
        ("that", "day"): 0,
        ("the", "same", "day"): 0,
        ("the", "following", "day"): 1,
        ("the", "next", "day"): 1,
        ("the", "previous", "day"): -1,
        ("the", "day", "before"): -1,
        ("a", "day", "later"): 1,
        ("a", "day", "earlier"): -1,
    }
    key = tuple(words)
    if key not in shifts:
        return None
    base = ref or anchor
    return Timex("DATE", (base + dt.timedelta(days=shifts[key])).isoformat() if base else None)


def _edge(text: str, tense: str, anchor: dt.date | None, ref: dt.date | None) -> Timex | None:
    """ "the end of last month", "the beginning of the year": the value of what it is the
    edge of (the granularity the text gives); "the year" is the anchor's."""
    for prefix in EDGE_PREFIX:
        if text.startswith(prefix + " "):
            inner = text[len(prefix) + 1 :]
            if inner in {"the year", "the month", "the week", "the day"}:
                inner = "this " + inner.split()[1]
            return normalise(inner, tense=tense, anchor=anchor, ref=ref)
    return None


def normalise(
    text: str, *, tense: str = "NONE", anchor: dt.date | None = None, ref: dt.date | None = None
) -> Timex | None:
    """TIMEX3 ``(type, value)`` of a temporal expression's text, or ``None`` when the text
    is not one this module knows. ``value`` is ``None`` when the expression is relative
    and there is no anchor."""
    words = words_of(text)
    if not words:
        return None
    joined = " ".join(words)
    if len(words) > 1 and words[0] in {"earlier", "later", "early", "late", "mid"} and words[1] not in UNIT_PLURALS:
        return normalise(" ".join(words[1:]), tense=tense, anchor=anchor, ref=ref)
    for rule in (
        lambda: _ref(joined, words),
        lambda: _edge(joined, tense, anchor, ref),
        lambda: _set(words),
        lambda: _clock(words, anchor, tense, ref),
        lambda: _deictic(words, anchor),
        lambda: _anaphoric_day(words, anchor, ref),
        lambda: calendar_date(joined, words, anchor, tense),
        lambda: year_like(words, anchor),
        lambda: quarter(words, anchor, tense),
        lambda: weekend(words, anchor, tense),
        lambda: weekday(words, anchor, tense),
        lambda: day_of_month(words, anchor, tense),
        lambda: month_or_season(words, anchor, tense),
        lambda: _relative_unit(words, anchor, ref) if anchor else _relative_unit_no_anchor(words),
        lambda: _duration(words, anchor, ref or anchor),
    ):
        result = rule()
        if result is not None:
            return result
    return None


def _relative_unit_no_anchor(words: list[str]) -> Timex | None:
    found = _relative_unit(words, dt.date(2000, 1, 1), None)
    if found is None or found.type == "DURATION":
        return found
    return Timex(found.type, None)
