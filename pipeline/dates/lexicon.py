"""The dates stage's vocabulary: every word, tag and label set its modules read, defined once.

- closed classes of English temporal expressions (month and weekday names, units, number
  words, reference adverbs, relative steps), shared by the candidate finder and the
  normaliser; what they mean in TIMEX3 terms (``SU`` for summer, ``MO`` for morning,
  ``W`` for week) follows the TimeML 1.2 guidelines;
- the words of the token patterns (:mod:`pipeline.dates.patterns`);
- the context words and entity labels of the candidate finder
  (:mod:`pipeline.dates.candidates`);
- the reference phrases and edge prefixes of the normaliser
  (:mod:`pipeline.dates.normalise`);
- the auxiliaries, governing verbs, part-of-speech tags and dependency labels of the
  tense reader (:mod:`pipeline.dates.tense`).

Imports only :mod:`pipeline.numbers` (the number words both stages read): the bottom
of the stage's imports.
"""

from __future__ import annotations

from ..numbers import CARDINALS

MONTHS: dict[str, int] = {
    "january": 1,
    "jan": 1,
    "jan.": 1,
    "february": 2,
    "feb": 2,
    "feb.": 2,
    "march": 3,
    "mar.": 3,
    "april": 4,
    "apr": 4,
    "apr.": 4,
    "may": 5,
    "june": 6,
    "jun.": 6,
    "july": 7,
    "jul.": 7,
    "august": 8,
    "aug": 8,
    "aug.": 8,
    "september": 9,
    "sept": 9,
    "sept.": 9,
    "sep.": 9,
    "october": 10,
    "oct": 10,
    "oct.": 10,
    "november": 11,
    "nov": 11,
    "nov.": 11,
    "december": 12,
    "dec": 12,
    "dec.": 12,
}
# month names that are also common words: only a month when written as a proper noun
AMBIGUOUS_MONTHS = frozenset({"may", "march", "jan", "mar.", "dec"})

WEEKDAYS: dict[str, int] = {
    "monday": 1,
    "tuesday": 2,
    "wednesday": 3,
    "thursday": 4,
    "friday": 5,
    "saturday": 6,
    "sunday": 7,
}

SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
PARTS_OF_DAY: dict[str, str] = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}

# unit -> (multiplier, TIMEX3 letter); H/M/S are time units (``PT..``)
UNITS: dict[str, tuple[int, str]] = {
    "second": (1, "S"),
    "minute": (1, "M"),
    "hour": (1, "H"),
    "day": (1, "D"),
    "week": (1, "W"),
    "fortnight": (2, "W"),
    "month": (1, "M"),
    "quarter": (1, "Q"),
    "year": (1, "Y"),
    "decade": (10, "Y"),
    "century": (100, "Y"),
}
UNIT_PLURALS: dict[str, str] = {
    "seconds": "second",
    "minutes": "minute",
    "hours": "hour",
    "days": "day",
    "weeks": "week",
    "fortnights": "fortnight",
    "months": "month",
    "quarters": "quarter",
    "years": "year",
    "decades": "decade",
    "centuries": "century",
}
TIME_UNITS = frozenset({"H", "S"})  # "M" is a minute only when the unit word is "minute"

NUMBER_WORDS: dict[str, float] = {"a": 1, "an": 1, "single": 1, **CARDINALS, "couple": 2, "dozen": 12}
VAGUE_QUANTIFIERS = frozenset({"several", "few", "many", "some", "numerous", "multiple"})

ORDINALS: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
    "final": 4,
    "last": 4,
}
ORDINAL_CENTURY = {f"{n}{suf}": n for n, suf in ((19, "th"), (20, "th"), (21, "st"), (18, "th"), (17, "th"))}
ORDINAL_CENTURY.update({"nineteenth": 19, "twentieth": 20, "eighteenth": 18})
ORDINAL_CENTURY["twenty-first"] = 21

# modifiers kept inside an extent (TimeML ``mod``), dropped for the value
APPROX_WORDS = frozenset(
    {
        "about",
        "around",
        "approximately",
        "nearly",
        "almost",
        "roughly",
        "some",
        "over",
        "more",
        "than",
        "less",
        "fewer",
        "at",
        "least",
        "most",
        "up",
        "to",
        "just",
        "under",
        "only",
        "barely",
        "well",
    }
)
EDGE_WORDS = frozenset({"early", "late", "mid", "earlier", "later", "end", "beginning", "start", "middle"})

# the relative determiners of "last week", "this Thursday", "next year"
RELATIVE_WORDS = frozenset({"last", "this", "next", "past", "previous", "coming", "following", "current", "that"})

PRESENT_REF_WORDS = frozenset({"now", "currently", "presently", "nowadays", "present"})
PAST_REF_WORDS = frozenset({"recently", "lately"})
FUTURE_REF_WORDS = frozenset({"soon", "future"})
DEICTIC_DAYS: dict[str, int] = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}

SET_ADVERBS: dict[str, str] = {
    "hourly": "PT1H",
    "daily": "P1D",
    "nightly": "P1D",
    "weekly": "P1W",
    "monthly": "P1M",
    "quarterly": "P3M",
    "annually": "P1Y",
    "yearly": "P1Y",
    "annual": "P1Y",
    "biannual": "P6M",
}

ZONES = frozenset({"utc", "gmt", "z"})

# prepositions that stand outside an extent ("on Monday", "in 2019", "over the weekend")
OUTER_PREPOSITIONS = frozenset(
    {
        "on",
        "in",
        "at",
        "by",
        "since",
        "until",
        "till",
        "from",
        "to",
        "during",
        "for",
        "before",
        "after",
        "of",
        "within",
        "throughout",
        "over",
        "around",
        "about",
        "through",
        "into",
        "as",
        "between",
        "than",
    }
)
POSSESSIVES = frozenset({"its", "their", "his", "her", "our", "my", "your"})
# the calendar step of a relative word ("last year": -1)
RELATIVE_STEP: dict[str, int] = {
    "this": 0,
    "current": 0,
    "last": -1,
    "previous": -1,
    "next": 1,
    "coming": 1,
    "following": 1,
}
AMPM_WORDS = frozenset({"a.m.", "p.m.", "am", "pm"})
ZONE_WORDS = frozenset({"utc", "gmt"})  # the zones a pattern matches; ZONES also reads "z"
UNIT_WORDS = frozenset(UNITS) | frozenset(UNIT_PLURALS)

# --- the words of the token patterns (pipeline.dates.patterns) ---
APOSTROPHES = frozenset({"'", "\u2019"})
# "early 2020", "mid-July" (EDGE_WORDS, for the normaliser, also holds "end", "beginning"...)
EDGE_MODIFIERS = frozenset({"early", "late", "mid", "earlier", "later"})
# "last week", "the following month" (RELATIVE_WORDS without "that")
RELATIVE_MODIFIERS = frozenset({"last", "this", "next", "past", "previous", "coming", "following", "current"})
# the amount before a unit: "a few days", "several weeks", "a couple of months"
QUANTITY_WORDS = frozenset(
    {"a", "an", "several", "few", "couple", "many", "some", "single", "dozen", "and", "half", "of"}
)
# "about two weeks", "over six years" (APPROX_WORDS, stripped from a value, holds more)
APPROX_MODIFIERS = frozenset(
    {"about", "around", "approximately", "nearly", "almost", "roughly", "over", "under", "barely", "some"}
)
# "for years", "over the months": a plural unit without a number
VAGUE_UNIT_PLURALS = frozenset({"years", "decades", "months", "weeks", "days", "hours", "minutes"})
UNIT_MODIFIERS = frozenset(
    {"consecutive", "straight", "trading", "business", "working", "calendar", "full", "additional"}
)
QUARTER_ORDINALS = frozenset({"first", "second", "third", "fourth", "final", "last", "1st", "2nd", "3rd", "4th"})

# --- the candidate finder (pipeline.dates.candidates) ---
MODEL_LABELS = frozenset({"DATE", "TIME"})
# entities that a temporal expression never overlaps
BLOCKING_LABELS = frozenset(
    {
        "PERSON",
        "ORG",
        "GPE",
        "NORP",
        "LOC",
        "FAC",
        "PRODUCT",
        "WORK_OF_ART",
        "LAW",
        "LANGUAGE",
        "MONEY",
        "PERCENT",
        "QUANTITY",
    }
)
APPROX_KEEP = frozenset({"over", "about", "around", "under"})
NAME_DETERMINERS = frozenset({"the", "this", "last", "next", "past", "coming", "on", "early", "late", "every", "each"})
CURRENCY = frozenset({"$", "€", "£", "us$", "usd", "eur", "#", "no.", "number"})
AFTER_NUMBER_REJECT = frozenset({"%", "percent", "cent", "points", "point"})
AGE_WORDS = frozenset({"old", "aged", "age"})
DAY_CONTEXT_VERBS = frozenset({"end", "close", "finish", "start", "begin", "open"})
DAY_CONTEXT_PREPS = frozenset({"for", "during", "throughout"})
REF_CONTEXT_PREPS = frozenset({"at", "to", "until", "by", "for", "from", "till"})
DETERMINERS = frozenset({"the", "its", "their", "his", "her", "our", "this", "that", "these", "those", "'s"})
# a model DATE/TIME entity is a candidate only with one of these (or a number)
CUE_WORDS = (
    set(MONTHS)
    | set(WEEKDAYS)
    | set(UNITS)
    | set(UNIT_PLURALS)
    | set(SEASONS)
    | set(PARTS_OF_DAY)
    | set(DEICTIC_DAYS)
    | set(SET_ADVERBS)
    | {"now", "currently", "recently", "weekend", "ago", "future", "past"}
)

# --- the normaliser (pipeline.dates.normalise) ---
PRESENT_REF_PHRASES = frozenset(
    {
        "now",
        "currently",
        "presently",
        "nowadays",
        "present",
        "the present",
        "the moment",
        "this moment",
        "the time being",
        "this point",
        "this time",
        "these days",
        "right now",
        "just now",
    }
)
PAST_REF_PHRASES = frozenset({"recently", "lately", "the past", "recent times", "recent history", "earlier"})
FUTURE_REF_PHRASES = frozenset(
    {
        "the future",
        "the near future",
        "the distant future",
        "the foreseeable future",
        "soon",
        "the long term",
        "the longer term",
        "the short term",
        "the near term",
        "the medium term",
        "the long run",
        "the years to come",
    }
)
RECENT_UNITS = frozenset({"years", "months", "weeks", "days", "decades"})
EDGE_PREFIX = (
    "the end of",
    "the beginning of",
    "the start of",
    "the middle of",
    "the rest of",
    "the remainder of",
    "the close of",
    "the turn of",
    "end of",
    "beginning of",
    "start of",
)

# --- the tense reader (pipeline.dates.tense) ---
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "ll"})
UNSURE_AUX = frozenset({"would", "could", "might", "'d"})
FUTURE_MODALS = frozenset({"may", "should", "must", "can", "ca"})
# "is set to hold", "plans to visit", "is expected to", "is due to", "is going to"
FUTURE_GOVERNORS = frozenset(
    {
        "set",
        "schedule",
        "plan",
        "expect",
        "due",
        "poise",
        "slate",
        "intend",
        "aim",
        "go",
        "prepare",
        "hope",
        "want",
        "scheduled",
        "planned",
        "expected",
        "slated",
        "poised",
    }
)
SCHEDULED = frozenset({"scheduled", "slated", "planned", "set", "due", "expected", "poised"})
PAST_TAGS = frozenset({"VBD"})
PRESENT_TAGS = frozenset({"VBZ", "VBP"})
CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "advcl", "relcl", "conj", "xcomp", "acl", "pcomp", "csubj", "parataxis"})
