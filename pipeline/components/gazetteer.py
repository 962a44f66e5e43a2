"""``sahel_gazetteer``: Sahel actors from configs/gazetteer.yaml override the statistical NER.

(Placeholder until the gazetteer issue lands: keeps the model's entities, unlinked.)
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class Gazetteer:
    def __init__(self, name: str = "sahel_gazetteer") -> None:
        self.name = name

    def initialize(self, get_examples=None, *, nlp: Language | None = None, path: str | None = None) -> None:
        self.path = path

    def __call__(self, doc: Doc) -> Doc:
        return doc


@Language.factory("sahel_gazetteer", assigns=["doc.ents", "doc.spans"], requires=["doc.ents"])
def make_gazetteer(nlp: Language, name: str) -> Gazetteer:
    return Gazetteer(name)
