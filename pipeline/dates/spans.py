"""Candidate spans to normalised TIMEX3 spans, in text order, with the reference date
("the same day", a bare clock time) carried from one expression to the next."""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc, Span

from .normalise import Timex, normalise, words_of
from .tense import span_tense

FULL_DATE_RE = re.compile(r"^\d{4}-\d\d-\d\d")


def _frequency(timex: Timex) -> Timex:
    """ "15 a year": the "a year" of a rate is a SET."""
    return Timex("SET", timex.value) if timex.type == "DURATION" else timex


def date_spans(doc: Doc, candidates: list[Span], anchor: dt.date | None) -> list[Span]:
    """Normalised spans for ``candidates`` (in text order): type as label, value set."""
    out: list[Span] = []
    ref: dt.date | None = None
    for i, cand in enumerate(candidates):
        text = cand.text
        if cand.label_ == "ELIDED" and i + 1 < len(candidates):
            unit = words_of(candidates[i + 1].text)[-1:]
            text = " ".join([text, *unit])
        timex = normalise(text, tense=span_tense(cand), anchor=anchor, ref=ref)
        if timex is None:
            continue
        if cand.label_ == "SET_COUNT":
            timex = _frequency(timex)
        span = Span(doc, cand.start, cand.end, label=timex.type)
        span._.timex_value = timex.value
        out.append(span)
        if timex.value and FULL_DATE_RE.match(timex.value) and timex.type in {"DATE", "TIME"}:
            ref = dt.date.fromisoformat(timex.value[:10])
    return out
