"""Pure conversions between an article's record (SPEC section 4) and its table rows.

``to_rows`` and ``from_rows`` are inverse: ``from_rows(*to_rows(r, ...))`` equals ``r``
field for field, including ``quantity.value`` being an int or a float.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from typing import Any

from ..models import ArticleMeta, Claim, ClaimCorrection, ClaimReview, DateExpr, DocumentResult, Entity

Row = dict[str, Any]


ARG_FIELDS = ("text", "start", "end", "id", "country", "sector")
LOCATION_FIELDS = ("text", "start", "end", "id", "geonames", "country", "admin1", "lat", "lon")


def _fields(prefix: str, item: Any, names: tuple[str, ...]) -> Row:
    """``item``'s fields as ``{prefix}_{name}`` columns (all NULL for no item)."""
    return {f"{prefix}_{name}": None if item is None else getattr(item, name) for name in names}


def _arg(prefix: str, arg: Any) -> Row:
    return _fields(prefix, arg, ARG_FIELDS)


def claim_row(article_id: str, seq: int, claim: Claim) -> Row:
    """A claim as one ``claims`` row (its ``source`` list goes to ``claim_sources``)."""
    q = claim.quantity
    return {
        "article_id": article_id,
        "seq": seq,
        "claim_id": claim.id,
        **_arg("subject", claim.subject),
        "predicate": claim.predicate,
        **_arg("object", claim.object),
        "negated": claim.negated,
        "modality": claim.modality,
        "date_text": claim.date.text if claim.date else None,
        "date_value": claim.date.value if claim.date else None,
        "quantity_value": float(q.value) if q else None,
        "quantity_is_int": isinstance(q.value, int) if q else None,
        "quantity_unit": q.unit if q else None,
        "quantity_approx": q.approx if q else None,
        "evidence_start": claim.evidence.start,
        "evidence_end": claim.evidence.end,
        "rule": claim.rule,
        "cameo": claim.cameo,
        **_fields("location", claim.location, LOCATION_FIELDS),
    }


def to_rows(
    result: DocumentResult,
    *,
    body: str | None,
    content_hash: str,
    pipeline_version: str,
    ingested_at: dt.datetime,
) -> dict[str, list[Row]]:
    """Rows per table name for one article."""
    aid = result.article.id
    meta = result.article
    return {
        "articles": [
            {
                "id": aid,
                "published": meta.published,
                "source": meta.source,
                "url": meta.url,
                "title": meta.title,
                "body": body,
                "content_hash": content_hash,
                "pipeline_version": pipeline_version,
                "ingested_at": ingested_at,
            }
        ],
        "sentences": [
            {"article_id": aid, "seq": i, "start_char": s, "end_char": e} for i, (s, e) in enumerate(result.sentences)
        ],
        "entities": [
            {
                "article_id": aid,
                "seq": i,
                "text": e.text,
                "start_char": e.start,
                "end_char": e.end,
                "label": e.label,
                "entity_id": e.id,
            }
            for i, e in enumerate(result.entities)
        ],
        "dates": [
            {
                "article_id": aid,
                "seq": i,
                "text": d.text,
                "start_char": d.start,
                "end_char": d.end,
                "type": d.type,
                "value": d.value,
            }
            for i, d in enumerate(result.dates)
        ],
        "claims": [claim_row(aid, i, c) for i, c in enumerate(result.claims)],
        "claim_sources": [
            {"article_id": aid, "claim_seq": i, "seq": j, "source": s}
            for i, c in enumerate(result.claims)
            for j, s in enumerate(c.source)
        ],
        "article_warnings": [{"article_id": aid, "seq": i, "message": w} for i, w in enumerate(result.warnings)],
    }


def find_nul(rows: Mapping[str, Sequence[Row]]) -> tuple[str, int] | None:
    """(``table.column``, offset) of the first text value holding a NUL character (U+0000)
    among an article's rows, None when there is none. PostgreSQL cannot store one in a
    text column and SQLite's ``substr()`` stops at it, so no store takes it."""
    for table, table_rows in rows.items():
        for row in table_rows:
            for column, value in row.items():
                if isinstance(value, str) and "\x00" in value:
                    return f"{table}.{column}", value.index("\x00")
    return None


def _back(row: Mapping[str, Any], prefix: str, names: tuple[str, ...]) -> dict[str, Any] | None:
    """The item the ``{prefix}_...`` columns hold, ``None`` when its text is NULL."""
    if row[f"{prefix}_text"] is None:
        return None
    return {name: row[f"{prefix}_{name}"] for name in names}


def _arg_back(row: Mapping[str, Any], prefix: str) -> dict[str, Any] | None:
    return _back(row, prefix, ARG_FIELDS)


def claim_from_row(row: Mapping[str, Any], sources: Sequence[str]) -> Claim:
    quantity = None
    if row["quantity_unit"] is not None:
        value = row["quantity_value"]
        quantity = {
            "value": int(value) if row["quantity_is_int"] else float(value),
            "unit": row["quantity_unit"],
            "approx": row["quantity_approx"],
        }
    date = None if row["date_text"] is None else {"text": row["date_text"], "value": row["date_value"]}
    return Claim.model_validate(
        {
            "id": row["claim_id"],
            "subject": _arg_back(row, "subject"),
            "predicate": row["predicate"],
            "object": _arg_back(row, "object"),
            "negated": bool(row["negated"]),
            "modality": row["modality"],
            "source": list(sources),
            "date": date,
            "quantity": quantity,
            "evidence": {"start": row["evidence_start"], "end": row["evidence_end"]},
            "rule": row["rule"],
            "cameo": row["cameo"],
            "location": _back(row, "location", LOCATION_FIELDS),
        }
    )


def from_rows(article: Mapping[str, Any], children: Mapping[str, Sequence[Mapping[str, Any]]]) -> DocumentResult:
    """The record of one article from its ``articles`` row and its child rows (each list
    sorted by ``seq``; ``claim_sources`` by ``claim_seq``, ``seq``)."""
    sources: dict[int, list[str]] = {}
    for r in children.get("claim_sources", ()):
        sources.setdefault(r["claim_seq"], []).append(r["source"])
    return DocumentResult(
        article=ArticleMeta(
            id=article["id"],
            published=article["published"],
            source=article["source"],
            url=article["url"],
            title=article["title"],
        ),
        sentences=[(r["start_char"], r["end_char"]) for r in children.get("sentences", ())],
        entities=[
            Entity(text=r["text"], start=r["start_char"], end=r["end_char"], label=r["label"], id=r["entity_id"])
            for r in children.get("entities", ())
        ],
        dates=[
            DateExpr(text=r["text"], start=r["start_char"], end=r["end_char"], type=r["type"], value=r["value"])
            for r in children.get("dates", ())
        ],
        claims=[claim_from_row(r, sources.get(r["seq"], ())) for r in children.get("claims", ())],
        warnings=[r["message"] for r in children.get("article_warnings", ())],
    )


def review_row(review: ClaimReview) -> Row:
    """A review action as one ``claim_reviews`` row (``id`` left to the database)."""
    return {
        "article_id": review.article_id,
        "claim_id": review.claim_id,
        "predicate": review.predicate,
        "evidence_start": review.claim.evidence.start,
        "evidence_end": review.claim.evidence.end,
        "evidence_text": review.evidence_text,
        "action": review.action,
        "fields": None if review.fields is None else json.dumps(review.fields.changes(), ensure_ascii=False),
        "claim": review.claim.model_dump_json(),
        "content_hash": review.content_hash,
        "reviewer": review.reviewer,
        "reviewed_at": review.reviewed_at.astimezone(dt.timezone.utc),
        "note": review.note,
    }


def review_from_row(row: Mapping[str, Any]) -> ClaimReview:
    when = row["reviewed_at"]
    if when.tzinfo is None:  # SQLite keeps no zone: stored as UTC
        when = when.replace(tzinfo=dt.timezone.utc)
    fields = row["fields"]
    return ClaimReview(
        id=row["id"],
        article_id=row["article_id"],
        claim_id=row["claim_id"],
        predicate=row["predicate"],
        evidence_text=row["evidence_text"],
        action=row["action"],
        fields=None if fields is None else ClaimCorrection.model_validate_json(fields),
        claim=Claim.model_validate_json(row["claim"]),
        content_hash=row["content_hash"],
        reviewer=row["reviewer"],
        reviewed_at=when,
        note=row["note"],
    )
