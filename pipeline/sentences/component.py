"""``sahel_sentences``: rule-based corrections to sentence boundaries.

Placed before the parser: the boundaries it sets (``is_sent_start`` True or False) are
constraints the parser respects, so the dependency trees never cross them. The rules
live in :mod:`pipeline.sentences.rules`; this component only writes what they decide.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc

from .rules import MAX_SENTENCE_TOKENS, sentence_constraints


class SentenceRules:
    def __init__(
        self,
        name: str = "sahel_sentences",
        *,
        abbreviations: Iterable[str] = (),
        max_tokens: int | None = MAX_SENTENCE_TOKENS,
    ) -> None:
        self.name = name
        self.abbreviations = frozenset(abbreviations)
        self.max_tokens = max_tokens

    def __call__(self, doc: Doc) -> Doc:
        for i, start in sentence_constraints(doc, self.abbreviations, max_tokens=self.max_tokens).items():
            doc[i].is_sent_start = start
        return doc


@Language.factory(
    "sahel_sentences",
    assigns=["token.is_sent_start"],
    default_config={"abbreviations": [], "max_tokens": MAX_SENTENCE_TOKENS},
)
def make_sentence_rules(nlp: Language, name: str, *, abbreviations: list[str], max_tokens: int) -> SentenceRules:
    return SentenceRules(name, abbreviations=abbreviations, max_tokens=max_tokens)
