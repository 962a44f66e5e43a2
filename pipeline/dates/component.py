"""``sahel_dates``: temporal expressions normalised against ``doc._.published``.

For every temporal expression it writes a span to ``doc.spans["sahel_dates"]`` whose
``label_`` is the TIMEX3 type (DATE, TIME, DURATION, SET) and whose ``_.timex_value`` is
the value (SPEC section 3), ``None`` when the expression is relative and the article has
no ``published`` date (the document then carries a warning).

Steps, each a pure function under this package:

1. candidates: token patterns (:mod:`~pipeline.dates.patterns`) and the model's
   DATE/TIME entities, checked in context and trimmed to TimeML extents
   (:func:`~pipeline.dates.candidates.candidate_spans`);
2. for each, in text order (:func:`~pipeline.dates.spans.date_spans`): the tense
   of its clause (:func:`~pipeline.dates.tense.span_tense`) and its value
   (:func:`~pipeline.dates.normalise.normalise`), relative to the anchor and, for
   "the same day" or a bare clock time, to the last full date the article mentioned.

The claims stage finds an event's own date with
:func:`pipeline.claims.attributes.date.clause_date`.

Runs after the parser, the NER and the gazetteer (it reads ``doc.ents``). The ``Matcher``
is built once, in the constructor: its patterns are code, not data, so ``to_disk`` and
``from_disk`` have nothing to write or read.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from spacy import util
from spacy.language import Language
from spacy.tokens import Doc

from ..doc import DATES_KEY
from ..errors import Warnings
from ..models import TIMEX_TYPES
from .candidates import CANDIDATE_LABELS, build_matcher, candidate_spans
from .spans import date_spans

SPAN_LABELS = (*TIMEX_TYPES, *CANDIDATE_LABELS)


class DateTagger:
    """Finds and normalises temporal expressions (see the module doc)."""

    def __init__(self, nlp: Language, name: str = "sahel_dates") -> None:
        self.name = name
        self.matcher = build_matcher(nlp.vocab)
        # intern every label now: strings first added inside a memory zone are freed with it
        for label in SPAN_LABELS:
            nlp.vocab.strings.add(label)

    def __call__(self, doc: Doc) -> Doc:
        anchor = doc._.published
        spans = date_spans(doc, candidate_spans(doc, self.matcher), anchor)
        doc.spans[DATES_KEY] = spans
        if anchor is None and any(s._.timex_value is None for s in spans):
            warnings = doc._.sahel_warnings
            if warnings is None:
                warnings = doc._.sahel_warnings = []
            if not any("published" in w for w in warnings):
                warnings.append(Warnings.W010.format(n=sum(s._.timex_value is None for s in spans)))
        return doc

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """The component's folder, empty: the patterns are code."""
        util.to_disk(path, {}, exclude)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> DateTagger:
        """Nothing to read: the constructor built the matcher."""
        return self


@Language.factory("sahel_dates", assigns=["doc.spans"], requires=["doc.ents", "token.dep"])
def make_date_tagger(nlp: Language, name: str) -> DateTagger:
    return DateTagger(nlp, name)
