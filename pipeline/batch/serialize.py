"""A processed ``Doc`` to its SPEC section 4 record."""

from __future__ import annotations

from spacy.tokens import Doc

from ..doc import DATES_KEY
from ..models import ENTITY_LABELS, ArticleMeta, DateExpr, DocumentResult, Entity
from ..sentences.rules import sentence_offsets


def doc_entities(doc: Doc) -> list[Entity]:
    """Named mentions of the six SPEC labels, with their ids (``kb_id_``)."""
    return [
        Entity(text=e.text, start=e.start_char, end=e.end_char, label=e.label_, id=e.kb_id_ or None)
        for e in doc.ents
        if e.label_ in ENTITY_LABELS
    ]


def doc_dates(doc: Doc) -> list[DateExpr]:
    spans = doc.spans[DATES_KEY] if DATES_KEY in doc.spans else []
    return [
        DateExpr(text=s.text, start=s.start_char, end=s.end_char, type=s.label_, value=s._.timex_value)
        for s in sorted(spans, key=lambda s: (s.start, s.end))
    ]


def doc_to_result(doc: Doc, meta: ArticleMeta) -> DocumentResult:
    return DocumentResult(
        article=meta,
        sentences=sentence_offsets(doc),
        entities=doc_entities(doc),
        dates=doc_dates(doc),
        claims=list(doc._.claims or []),
        warnings=list(doc._.sahel_warnings or []),
    )
