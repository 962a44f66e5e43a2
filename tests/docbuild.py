"""Hand-built ``Doc`` objects for tests of dependency rules (no model is loaded).

A table has one token a line: ``word lemma POS TAG head dep [ent]``, where ``head`` is the
absolute index of the head token (a root points at itself) and ``ent`` an IOB tag such as
``B-GPE`` (default ``O``); text after two spaces and ``#`` is a comment.
Mirrors spaCy's own ``Doc(vocab, words=, heads=, deps=)`` tests.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span
from spacy.vocab import Vocab


def build(vocab: Vocab, table: str, *, spans: dict[str, list[tuple[int, int, str]]] | None = None) -> Doc:
    """A ``Doc`` from ``table``; ``spans`` adds span groups as ``{key: [(start, end, label)]}``."""
    lines = (line.split("  #")[0] for line in table.strip().splitlines())
    rows = [line.split() for line in lines if line.strip()]
    for row in rows:
        if len(row) == 6:
            row.append("O")
        if len(row) != 7:
            raise ValueError(f"bad row {row!r}: want word lemma POS TAG head dep [ent]")
    words, lemmas, pos, tags, heads, deps, ents = (list(col) for col in zip(*rows, strict=True))
    doc = Doc(
        vocab,
        words=words,
        lemmas=lemmas,
        pos=pos,
        tags=tags,
        heads=[int(h) for h in heads],
        deps=deps,
        ents=ents,
    )
    for key, items in (spans or {}).items():
        doc.spans[key] = [Span(doc, s, e, label=label) for s, e, label in items]
    return doc
