"""Token patterns (spaCy ``Matcher``) for English temporal expressions.

Each key names an expression class; the candidate finder
(:mod:`pipeline.dates.candidates`) checks the context a match needs and trims it to
TimeML extents. Patterns only ever look at tokens, never at free text. A ``REGEX`` token
declares under ``GATE`` what every token it accepts is (a number, digits, digits mixed
with signs), so that :class:`~pipeline.dates.gated_matcher.GatedMatcher` runs the
``Matcher`` only where a pattern can match.
"""

from __future__ import annotations

from typing import Any

from .gated_matcher import GATE, MIXED
from .lexicon import (
    AMPM_WORDS,
    APOSTROPHES,
    APPROX_MODIFIERS,
    DEICTIC_DAYS,
    EDGE_MODIFIERS,
    MONTHS,
    PARTS_OF_DAY,
    QUANTITY_WORDS,
    QUARTER_ORDINALS,
    RELATIVE_MODIFIERS,
    SEASONS,
    SET_ADVERBS,
    UNIT_MODIFIERS,
    UNIT_WORDS,
    UNITS,
    VAGUE_UNIT_PLURALS,
    WEEKDAYS,
    ZONE_WORDS,
)

Pattern = list[dict[str, Any]]


def _in(words: object) -> dict[str, Any]:
    return {"LOWER": {"IN": sorted(words)}}


def _opt(spec: dict[str, Any]) -> dict[str, Any]:
    return {**spec, "OP": "?"}


MONTH = _in(MONTHS)
WEEKDAY = _in(WEEKDAYS)
NUMLIKE = {"LIKE_NUM": True}  # "5", "05", "5th", "31ST"
DIGITS = {"IS_DIGIT": True}
DAYNUM = {"LOWER": {"REGEX": r"^(0?[1-9]|[12][0-9]|3[01])(st|nd|rd|th)?$"}, GATE: NUMLIKE}
DAYORD = {"LOWER": {"REGEX": r"^(0?[1-9]|[12][0-9]|3[01])(st|nd|rd|th)$"}, GATE: NUMLIKE}
YEAR = {"TEXT": {"REGEX": r"^(1[6-9][0-9]{2}|20[0-9]{2}|21[0-9]{2})$"}, GATE: DIGITS}
DECADE = {"LOWER": {"REGEX": r"^(mid-)?'?([0-9]{1,3})0s$"}, GATE: MIXED}
APOSTROPHE = _in(APOSTROPHES)
COMMA = {"ORTH": ","}
HYPHEN = {"ORTH": {"IN": ["-", "\u2013"]}}
THE = {"LOWER": "the"}
OF = {"LOWER": "of"}
EDGE = _in(EDGE_MODIFIERS)
REL = _in(RELATIVE_MODIFIERS)
NUMBER = {"LIKE_NUM": True}
QUANT = _in(QUANTITY_WORDS)
APPROX = _in(APPROX_MODIFIERS)
UNIT = _in(UNIT_WORDS)
UNIT_SG = _in(UNITS)
UNIT_PL_VAGUE = _in(VAGUE_UNIT_PLURALS)
SEASON = _in(set(SEASONS) - {"fall"})
POD = _in(PARTS_OF_DAY)
CLOCK = {"TEXT": {"REGEX": r"^([01]?[0-9]|2[0-3]):[0-5][0-9]$"}, GATE: MIXED}
HOUR = {"TEXT": {"REGEX": r"^(1[0-2]|0?[1-9])$"}, GATE: DIGITS}
MILITARY = {"TEXT": {"REGEX": r"^([01][0-9]|2[0-3])[0-5][0-9]$"}, GATE: DIGITS}
AMPM = _in(AMPM_WORDS)
ZONE = _in(ZONE_WORDS)
UNIT_MOD = _in(UNIT_MODIFIERS)
QORD = _in(QUARTER_ORDINALS)

PATTERNS: dict[str, list[Pattern]] = {
    "MONTH_DAY": [
        [_opt(WEEKDAY), _opt(COMMA), MONTH, DAYNUM, _opt(COMMA), _opt(YEAR)],
        [_opt(WEEKDAY), _opt(COMMA), DAYNUM, MONTH, _opt(COMMA), _opt(YEAR)],
        [_opt(WEEKDAY), _opt(COMMA), THE, DAYORD, OF, MONTH, _opt(COMMA), _opt(YEAR)],
        [MONTH, DAYNUM, _in({"this", "last", "next"}), {"LOWER": "year"}],  # "July 26 last year"
        [{"TEXT": {"REGEX": r"^([0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{1,2}/[0-9]{1,2}/([0-9]{2}|[0-9]{4}))$"}, GATE: MIXED}],
    ],
    "MONTH_YEAR": [
        [_opt(EDGE), _opt(HYPHEN), MONTH, _opt(COMMA), YEAR],
        [_opt(EDGE), MONTH, OF, YEAR],
        [MONTH, _opt(OF), _in({"this", "last", "next"}), {"LOWER": "year"}],  # "March last year"
    ],
    "MONTH": [[_opt(EDGE), _opt(HYPHEN), MONTH], [_in({"last", "this", "next", "past", "coming"}), MONTH]],
    "WEEKDAY": [[_opt(_in({"last", "this", "next", "past", "coming", "early", "late"})), WEEKDAY, _opt(POD)]],
    "DAY_ORD": [[THE, DAYORD]],
    "YEAR": [
        [_opt(EDGE), _opt(HYPHEN), YEAR],
        [YEAR, _in({"fiscal", "financial", "model", "calendar"}), {"LOWER": "year"}],
        [_in({"fiscal", "financial"}), YEAR],
        [{"LOWER": {"REGEX": r"^(fy'?[0-9]{2}([0-9]{2})?|mid-(1[6-9]|20)[0-9]{2})$"}, GATE: MIXED}],
        [APOSTROPHE, {"TEXT": {"REGEX": r"^[0-9]{2}$"}, GATE: DIGITS}],
        [{"TEXT": {"REGEX": r"^['’][0-9]{2}$"}, GATE: MIXED}],
        [{"LOWER": "fy"}, YEAR],
    ],
    "DECADE": [
        [_opt(THE), _opt(EDGE), _opt(HYPHEN), DECADE],
        [_opt(THE), _opt(EDGE), APOSTROPHE, {"LOWER": {"REGEX": r"^[0-9]0s$"}, GATE: MIXED}],
        [
            THE,
            _in({"17th", "18th", "19th", "20th", "21st", "eighteenth", "nineteenth", "twentieth"}),
            {"LOWER": "century"},
        ],
    ],
    "QUARTER": [
        [_opt(THE), QORD, _opt(HYPHEN), {"LOWER": "quarter"}],
        [_opt(THE), QORD, {"LOWER": "quarter"}, OF, YEAR],
        [_opt(THE), QORD, {"LOWER": "quarter"}, OF, _in({"this", "last", "next", "the"}), {"LOWER": "year"}],
        [_opt(THE), _in({"first", "second"}), {"LOWER": "half"}, OF, YEAR],
        [{"LOWER": {"REGEX": r"^q[1-4]$"}, GATE: MIXED}, _opt(YEAR)],
        [_opt(THE), _in({"first", "second"}), {"LOWER": "half"}, OF, _in({"this", "last", "next"}), {"LOWER": "year"}],
    ],
    "SEASON": [
        [_opt(THE), _opt(EDGE), _opt(_in({"last", "this", "next", "past", "coming"})), SEASON, _opt(OF), _opt(YEAR)],
        [_in({"last", "this", "next", "past", "coming", "the"}), {"LOWER": "fall"}],
        [_opt(EDGE), {"LOWER": "fall"}, YEAR],
        [YEAR, _in(SEASONS)],
    ],
    "WEEKEND": [[_opt(_in({"the", "this", "last", "next", "past", "coming"})), {"LOWER": "weekend"}]],
    "RELUNIT": [
        [_opt(_in({"earlier", "later", "early", "late"})), REL, UNIT_SG],
        [THE, REL, UNIT_SG],
        [THE, _in({"same", "following", "previous", "next"}), UNIT_SG],
        [{"LOWER": "that"}, _in({"day", "week", "month", "year", "time"})],
        [THE, UNIT_SG, _in({"before", "previous", "earlier"})],
        [THE, _in({"first", "second", "third", "fourth", "last", "final"}), {"LOWER": "week"}, OF, MONTH],
    ],
    "EDGE_OF": [
        [
            _opt(THE),
            _in({"end", "beginning", "start", "middle", "rest", "remainder", "close", "turn"}),
            OF,
            _opt(_in({"the", "this", "last", "next"})),
            _in(set(UNITS) | set(MONTHS) | set(SEASONS)),
        ],
        [_opt(THE), _in({"end", "beginning", "start", "middle", "close"}), OF, _opt(MONTH), YEAR],
    ],
    "DURATION": [
        [_opt(APPROX), NUMBER, {"LIKE_NUM": True, "OP": "*"}, _opt(HYPHEN), UNIT],
        [
            _opt(APPROX),
            _in({"more", "less", "fewer"}),
            {"LOWER": "than"},
            {"LIKE_NUM": True, "OP": "+"},
            _opt(HYPHEN),
            UNIT,
        ],
        [_opt(APPROX), {"LOWER": {"IN": ["a", "an", "one", "single"]}}, _opt(HYPHEN), UNIT],
        [_opt(APPROX), _in({"a", "an"}), {"LOWER": {"IN": ["few", "couple"]}}, _opt(OF), UNIT],
        [_opt(APPROX), {"LIKE_NUM": True, "OP": "+"}, {"LOWER": "and"}, {"LOWER": "a"}, {"LOWER": "half"}, UNIT],
        [_opt(APPROX), _in({"several", "few", "many", "some", "numerous"}), UNIT],
        [_in({"more", "less"}), {"LOWER": "than"}, _in({"a", "an"}), UNIT],
        [THE, _in({"past", "last", "next", "coming", "first", "previous", "following"}), QUANT, {"OP": "?"}, UNIT],
        [THE, _in({"past", "last", "next", "coming", "first", "previous", "following"}), NUMBER, _opt(UNIT_MOD), UNIT],
        [_opt(APPROX), NUMBER, UNIT_MOD, UNIT],
        [
            _in({"a", "an", "one", "two", "three", "four", "five", "six", "several", "few"}),
            UNIT,
            _in({"earlier", "later"}),
        ],
        [_in({"for", "in", "within"}), _opt(_in({"just", "only"})), UNIT_PL_VAGUE],
        [{"LOWER": "over"}, THE, UNIT_PL_VAGUE],
        [_opt(APPROX), NUMBER, {"LIKE_NUM": True, "OP": "*"}, UNIT, {"LOWER": "ago"}],
        [_in({"a", "an", "one", "several", "few", "many"}), UNIT, {"LOWER": "ago"}],
        [_in({"years", "decades", "months", "weeks", "days"}), {"LOWER": "ago"}],
    ],
    "REF": [
        [_opt(_in({"more", "most", "very"})), _in({"now", "currently", "presently", "recently", "lately", "nowadays"})],
        [_opt(_in({"earlier", "later", "early", "late"})), _in(DEICTIC_DAYS), _opt(POD)],
        [{"LOWER": "recent"}, _in({"years", "months", "weeks", "days", "decades", "times"})],
        [THE, _in({"past", "future"})],
        [THE, _in({"near", "distant", "foreseeable", "immediate"}), {"LOWER": "future"}],
        [THE, _in({"long", "longer", "short", "near", "medium"}), {"LOWER": "term"}],
        [THE, {"LOWER": "time"}, {"LOWER": "being"}],
        [_in({"this", "the"}), _in({"point", "moment"})],
        [{"LOWER": "at"}, {"LOWER": "present"}],
        [{"LOWER": "these"}, {"LOWER": "days"}],
        [_opt(_in({"very", "quite"})), {"LOWER": "soon"}],
        [THE, {"LOWER": "coming"}, _in({"years", "months", "weeks", "days", "decades"})],
    ],
    "POD": [[_in({"this", "yesterday", "tomorrow", "last"}), POD]],
    "TIME": [
        [CLOCK, _opt(AMPM), _opt(ZONE), _opt(_in(set(WEEKDAYS) | {"today", "yesterday", "tomorrow"}))],
        [HOUR, AMPM, _opt(ZONE)],
        [MILITARY, ZONE, _opt(_in(set(WEEKDAYS) | {"today", "yesterday", "tomorrow"}))],
        [_in({"noon", "midnight", "midday"})],
    ],
    "SET": [
        [_in({"every", "each"}), _opt({"LOWER": "other"}), _in(set(UNITS) | set(WEEKDAYS) | set(SEASONS))],
        [_in(SET_ADVERBS)],
        [_in({"once", "twice"}), _in({"a", "per", "an"}), UNIT_SG],
        [{"LOWER": "per"}, _in({"day", "week", "month", "year"})],
    ],
    "SET_COUNT": [[NUMBER, _opt({"LOWER": "times"}), _in({"a", "an", "per"}), _in({"day", "week", "month", "year"})]],
    "ANAPHORIC_DAY": [[THE, {"LOWER": "day"}]],
}
