"""``sahel_claims``: rule-based relation extraction into SPEC claims.

(Placeholder until the claims issue lands: extracts nothing.)
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class ClaimExtractor:
    def __init__(self, name: str = "sahel_claims") -> None:
        self.name = name

    def initialize(self, get_examples=None, *, nlp: Language | None = None, path: str | None = None) -> None:
        self.path = path

    def __call__(self, doc: Doc) -> Doc:
        doc._.claims = []
        return doc


@Language.factory("sahel_claims", assigns=["doc._.claims"], requires=["doc.ents", "token.dep"])
def make_claim_extractor(nlp: Language, name: str) -> ClaimExtractor:
    return ClaimExtractor(name)
