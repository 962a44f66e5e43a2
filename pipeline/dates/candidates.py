"""Candidate temporal expressions: token-pattern matches and the model's DATE/TIME
entities, checked in context and trimmed to TimeML extents.

Extents (TimeML 1.2, as in MEANTIME and TempEval-3): the preposition stays outside ("on
Monday" -> "Monday", "over the weekend" -> "the weekend"); "last/this/next", "the" of "the
1990s", "ago", "early/late" and quantity modifiers ("about two weeks", "over six years")
stay inside; possessives ("its 2023 fiscal year") stay outside.

Numbers that are not times are rejected: percentages, money, counts ("300 troops",
"2000 people"), measures ("1,500-kilometer") and ages ("51-year-old").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans
from spacy.vocab import Vocab

from .gated_matcher import GatedMatcher
from .lexicon import (
    AFTER_NUMBER_REJECT,
    AGE_WORDS,
    AMBIGUOUS_MONTHS,
    APPROX_KEEP,
    BLOCKING_LABELS,
    CUE_WORDS,
    CURRENCY,
    DAY_CONTEXT_PREPS,
    DAY_CONTEXT_VERBS,
    DETERMINERS,
    MODEL_LABELS,
    MONTHS,
    NAME_DETERMINERS,
    OUTER_PREPOSITIONS,
    POSSESSIVES,
    REF_CONTEXT_PREPS,
    UNIT_PLURALS,
    UNIT_WORDS,
    WEEKDAYS,
    ZONE_WORDS,
)
from .patterns import PATTERNS

# labels of candidate spans: the pattern classes, a model entity, an elided number
CANDIDATE_LABELS = (*PATTERNS, "MODEL", "ELIDED")
YEAR_TOKEN = re.compile(r"^(1[6-9][0-9]{2}|20[0-9]{2}|21[0-9]{2})$")


def build_matcher(vocab: Vocab) -> GatedMatcher:
    """The matcher for :data:`pipeline.dates.patterns.PATTERNS` (build once): the
    longest matches of each class, the ``Matcher`` run only where one can be."""
    return GatedMatcher(vocab, PATTERNS)


def _is_number(tok: Token) -> bool:
    return tok.like_num or tok.lower_ in {"a", "an"}


def _approx_number(nxt: Token) -> bool:
    """The word after "about"/"over" that keeps it in the span: a number or "more"."""
    return _is_number(nxt) or nxt.lower_ in {"more"}


def trim(span: Span) -> Span | None:
    """The span without outer prepositions, possessives, punctuation and "'s"."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end:
        tok = doc[start]
        low = tok.lower_
        keep_approx = low in APPROX_KEEP and start + 1 < end and _approx_number(doc[start + 1])
        outer = (low in OUTER_PREPOSITIONS and not keep_approx) or low in POSSESSIVES
        if outer or low in {"just", "only"} or (tok.is_punct and low not in {"'", "\u2019"}) or tok.is_space:
            start += 1
        else:
            break
    while end > start:
        tok = doc[end - 1]
        if tok.is_punct or tok.is_space or tok.lower_ in {"'s", "\u2019s", "'", "and", "or", "of", "the"}:
            end -= 1
        else:
            break
    if start >= end:
        return None
    return Span(doc, start, end, label=span.label)


def _blocked(span: Span) -> bool:
    """Inside a name, a sum of money or a percentage (a time zone may be tagged ORG)."""
    return any(tok.ent_type_ in BLOCKING_LABELS and tok.lower_ not in ZONE_WORDS for tok in span)


def _prev(span: Span, k: int = 1) -> Token | None:
    i = span.start - k
    return span.doc[i] if i >= 0 else None


def _next(span: Span) -> Token | None:
    return span.doc[span.end] if span.end < len(span.doc) else None


def _nominal(tok: Token | None) -> bool:
    return tok is not None and tok.pos_ in {"NOUN", "PROPN", "ADJ", "ADV", "NUM"} and not tok.is_punct


def _not_a_measure(span: Span, label: str) -> bool:
    """Rejects money, percentages, scores and ages: "$2019", "2000 percent", "51-year-old"."""
    prev, nxt, tokens = _prev(span), _next(span), list(span)
    if prev is not None and prev.lower_ in CURRENCY:
        return False
    words = [t.lower_ for t in tokens]
    measure = any(t.like_num for t in tokens) or any(w in UNIT_WORDS for w in words)
    if measure and ("old" in words or (nxt is not None and nxt.lower_ in AGE_WORDS) or _next_word(span, 2) == "old"):
        return False
    if (
        nxt is not None
        and label in {"YEAR", "DURATION", "DECADE"}
        and (nxt.lower_ in AFTER_NUMBER_REJECT or (label == "YEAR" and nxt.lower_ == "per"))
    ):
        return False
    return True


def _month_ok(span: Span) -> bool:
    """ "May" and "March" are months only as proper nouns, not the modal or the verb."""
    return not any(
        t.lower_ in AMBIGUOUS_MONTHS and (not t.is_title or t.tag_ in {"MD", "VB", "VBP", "VBZ"}) for t in span
    )


def _not_in_a_name(span: Span) -> bool:
    """ "Black Monday", "Super Tuesday": a capitalised modifier makes a name, not a date."""
    prev = _prev(span)
    return not (
        prev is not None
        and prev.is_title
        and not prev.is_sent_start
        and prev.lower_ not in NAME_DETERMINERS
        and prev.pos_ in {"ADJ", "PROPN", "NOUN"}
        and prev.ent_type_ not in BLOCKING_LABELS
    )


def _day_ord_ok(span: Span) -> bool:
    """ "on the 6th" but not "the 35th most powerful": a preposition before, no noun after."""
    prev = _prev(span)
    return (
        prev is not None
        and prev.lower_ in REF_CONTEXT_PREPS | {"on", "since", "before", "after", "of"}
        and not _nominal(_next(span))
    )


def _year_ok(span: Span) -> bool:
    """A bare number is a year unless it counts something ("2000 soldiers", but "the 2024
    elections", "the 2020 and 2021 coups"), belongs to a name ("the Russell 2000 Index"),
    or is an apostrophe year without a preposition."""
    if len(span) > 2 or not span[-1].is_digit:
        return True
    prev, nxt = _prev(span), _next(span)
    determined = prev is not None and (
        prev.lower_ in DETERMINERS
        or (prev.lower_ in {"and", "or"} and _prev(span, 2) is not None and YEAR_TOKEN.match(_prev(span, 2).text))
    )
    if nxt is not None and nxt.tag_ == "NNS" and nxt.lower_ not in UNIT_PLURALS and not determined:
        return False
    if nxt is not None and nxt.lower_ == "-":
        return False
    if prev is not None and nxt is not None and prev.pos_ == "PROPN" and nxt.pos_ == "PROPN":
        return False
    if span[0].text[:1] in {"'", "\u2019"}:
        return prev is not None and prev.lower_ in {"since", "in", "of", "from", "until", "by", "before", "after"}
    return True


def _duration_ok(span: Span) -> bool:
    """Not "aged 33 years", "a second term", "a quarter of the dealers"."""
    prev, words = _prev(span), [t.lower_ for t in span]
    if prev is not None and prev.lower_ in AGE_WORDS:
        return False
    unit_at = max((i for i, w in enumerate(words) if w in UNIT_WORDS), default=0)
    numbers = [t for t in span[:unit_at] if t.like_num]
    return not (words[unit_at] in {"second", "quarter"} and not numbers)


def _ref_ok(span: Span) -> bool:
    """ "the past" and "the future" as nouns; "this point"/"the moment" after a preposition;
    not "as soon as", "soon after", "now-defunct"."""
    prev, nxt, words = _prev(span), _next(span), [t.lower_ for t in span]
    if words in (["the", "past"], ["the", "future"]):
        return not (_nominal(nxt) and nxt.pos_ != "ADV")
    if words[-1] in {"point", "moment"}:
        return prev is not None and prev.lower_ in REF_CONTEXT_PREPS
    if words[-1] == "soon":
        return not (prev is not None and prev.lower_ == "as") and not (
            nxt is not None and nxt.lower_ in {"after", "before", "as", "thereafter"}
        )
    if words == ["now"]:
        return not (nxt is not None and nxt.lower_ in {"-", "that"})
    return True


def _season_ok(span: Span) -> bool:
    """Not "the fall of Kabul", "the fall in prices"; "the fall" only after a preposition."""
    prev, nxt, words = _prev(span), _next(span), [t.lower_ for t in span]
    if nxt is not None and nxt.lower_ in {"of", "in"} and len(span) <= 2:
        return False
    if words == ["the", "fall"]:
        return prev is not None and prev.lower_ in {"in", "during", "by", "until", "since", "through"}
    return True


def _set_ok(span: Span) -> bool:
    """ "annual" only before a noun ("annual loss")."""
    nxt = _next(span)
    return not ([t.lower_ for t in span] == ["annual"] and nxt is not None and nxt.pos_ not in {"NOUN", "PROPN", "ADJ"})


def _day_ok(span: Span) -> bool:
    """ "the day" is the day in focus only in "end/close/start the day", "for the day",
    "later in the day"; not "the day of", "the day when"."""
    prev, nxt = _prev(span), _next(span)
    if nxt is not None and nxt.lower_ in {"of", "when", "that", "after", "before", "-", "'s", "on", "which"}:
        return False
    before = _prev(span, 2)
    return (
        (prev is not None and prev.lower_ in DAY_CONTEXT_PREPS)
        or span.root.head.lemma_ in DAY_CONTEXT_VERBS
        or (
            prev is not None
            and prev.lower_ == "in"
            and before is not None
            and before.lower_ in {"earlier", "later", "late", "early"}
        )
    )


LABEL_CHECKS = {
    "MONTH": (_month_ok, _not_in_a_name),
    "MONTH_YEAR": (_month_ok,),
    "MONTH_DAY": (_month_ok, _not_in_a_name),
    "WEEKDAY": (_not_in_a_name,),
    "DAY_ORD": (_day_ord_ok,),
    "YEAR": (_year_ok,),
    "DURATION": (_duration_ok,),
    "REF": (_ref_ok,),
    "SEASON": (_season_ok,),
    "SET": (_set_ok,),
    "ANAPHORIC_DAY": (_day_ok,),
}


def context_ok(span: Span, label: str) -> bool:
    """Whether a match of class ``label`` is a temporal expression in its context."""
    return _not_a_measure(span, label) and all(check(span) for check in LABEL_CHECKS.get(label, ()))


def _next_word(span: Span, k: int) -> str:
    i = span.end + k - 1
    return span.doc[i].lower_ if i < len(span.doc) else ""


def pattern_candidates(doc: Doc, matcher: GatedMatcher) -> list[Span]:
    """Pattern matches that pass :func:`context_ok`, trimmed, longest first when they overlap."""
    found = []
    for match_id, start, end in matcher(doc):
        label = doc.vocab.strings[match_id]
        span = Span(doc, start, end, label=label)
        if _blocked(span) or not context_ok(span, label):
            continue
        trimmed = trim(span)
        if trimmed is not None and label == "SET_COUNT":  # "15 (times) a year" -> "a year"
            start = next(i for i in range(trimmed.start, trimmed.end) if doc[i].lower_ in {"a", "an", "per"})
            trimmed = Span(doc, start, trimmed.end, label=label)
        if trimmed is not None:
            found.append(trimmed)
    return filter_spans(found)


def guess_label(span: Span) -> str:
    """The pattern class a model entity looks like, for :func:`context_ok`."""
    words = [t.lower_ for t in span]
    if words[-1] in UNIT_WORDS:
        return "DURATION"
    if len(words) == 1 and YEAR_TOKEN.match(words[0]):
        return "YEAR"
    if set(words) & set(WEEKDAYS):
        return "WEEKDAY"
    if set(words) & set(MONTHS):
        return "MONTH"
    return "MODEL"


def model_candidates(doc: Doc) -> Iterator[Span]:
    """The model's DATE/TIME entities that hold a temporal cue word, trimmed."""
    for ent in doc.ents:
        if ent.label_ not in MODEL_LABELS:
            continue
        if not any(t.lower_ in CUE_WORDS or t.like_num for t in ent):
            continue
        trimmed = trim(ent)
        if trimmed is None or not context_ok(trimmed, guess_label(trimmed)):
            continue
        yield Span(doc, trimmed.start, trimmed.end, label="MODEL")


def elided_durations(doc: Doc, spans: list[Span]) -> Iterator[Span]:
    """ "between 60 and 90 days": the bare first number shares the unit of the second."""
    for span in spans:
        if span.label_ != "DURATION" or not span[0].like_num or span.start < 2:
            continue
        conj, first = doc[span.start - 1], doc[span.start - 2]
        if conj.lower_ in {"and", "or", "to"} and first.like_num and first.ent_type_ not in BLOCKING_LABELS:
            yield Span(doc, span.start - 2, span.start - 1, label="ELIDED")


def candidate_spans(doc: Doc, matcher: GatedMatcher) -> list[Span]:
    """All candidate temporal expressions of ``doc``, in order, not overlapping. A pattern
    match wins over an overlapping model entity (its extent follows TimeML)."""
    patterns = pattern_candidates(doc, matcher)
    taken = {i for s in patterns for i in range(s.start, s.end)}
    extra = [s for s in model_candidates(doc) if not any(i in taken for i in range(s.start, s.end))]
    extra += [s for s in elided_durations(doc, patterns) if s.start not in taken]
    return sorted(filter_spans(patterns + extra), key=lambda s: s.start)
