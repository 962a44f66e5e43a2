"""``sahel_sentences``: rule-based corrections to sentence boundaries.

Placed before the parser: the boundaries it sets (``is_sent_start`` True or False) are
constraints the parser respects, so the dependency trees never cross them. The rules
live in :mod:`pipeline.sentences.rules`; this component only writes what they decide.
Its one option, ``abbreviations``, is saved with the pipeline's config; ``to_disk`` also
writes it to the component's ``cfg``, as spaCy's sentencizer does with its own.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from spacy import util
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

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write ``cfg``: the abbreviations, sorted."""
        cfg = {"abbreviations": sorted(self.abbreviations)}
        util.to_disk(path, {"cfg": lambda p: p.write_text(json.dumps(cfg), encoding="utf-8")}, exclude)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> SentenceRules:
        """Read the abbreviations of ``cfg``, when there is one."""

        def read_cfg(p: Path) -> None:
            if p.exists():
                self.abbreviations = frozenset(json.loads(p.read_text(encoding="utf-8"))["abbreviations"])

        util.from_disk(path, {"cfg": read_cfg}, exclude)
        return self


@Language.factory(
    "sahel_sentences",
    assigns=["token.is_sent_start"],
    default_config={"abbreviations": [], "max_tokens": MAX_SENTENCE_TOKENS},
)
def make_sentence_rules(nlp: Language, name: str, *, abbreviations: list[str], max_tokens: int) -> SentenceRules:
    return SentenceRules(name, abbreviations=abbreviations, max_tokens=max_tokens)
