"""``sahel_dates``: temporal expressions normalised against ``doc._.published``.

(Placeholder until the dates issue lands: finds nothing.)
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from . import DATES_KEY


class DateTagger:
    def __init__(self, name: str = "sahel_dates") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[DATES_KEY] = []
        return doc


@Language.factory("sahel_dates", assigns=[f"doc.spans"], requires=["doc.ents"])
def make_date_tagger(nlp: Language, name: str) -> DateTagger:
    return DateTagger(name)
