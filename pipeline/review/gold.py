"""``export-gold``: the reviewed articles of a store as gold files (SPEC section 5).

For each article with at least one review action, ``DIR/gold/<article-id>.yaml`` and the
article itself, ``DIR/corpora/<article-id>.txt`` (front matter and the body as stored, byte
for byte), so that ``sahel-claims validate-gold DIR/gold`` and ``sahel-claims score
PRED.jsonl --gold DIR/gold`` find the bodies without ``--corpus`` (``corpora/`` next to the
gold folder is their default).

What a gold file holds:

- ``claims``: the claims the analyst kept, as corrected (:mod:`pipeline.review.state`):
  accepted and corrected ones, and the orphaned accepted or corrected ones whose evidence is
  still in the body; rejected claims are left out. **Unreviewed claims of a reviewed
  article are left out** (an unreviewed claim is the machine's word, not gold): the gold
  then says what the analyst checked, and a claim the analyst did not get to counts as a
  false positive of a later run. ``keep_unreviewed`` (``--keep-unreviewed``) keeps them
  as the machine wrote them, for an analyst who reviews by rejecting what is wrong.
- Each claim's ``evidence`` is its sentence, verbatim; when that text occurs more than once
  in the body it is extended, a character at a time to the right and then to the left,
  until it is unique (SPEC section 5 wants it once). Arguments are their id, else their
  words; ``date`` the value (else the words), ``location`` the place's id (else its words).
- ``entities`` and ``dates`` as stored (the machine's, not reviewed by the page), and
  ``published``. No ``sentences`` (boundaries are not reviewed: the layer is not scored).

An article whose file name would not be safe (an id with ``/``, spaces...) is written under
a safe name; the gold file's ``article`` field and the front matter keep the real id.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import Errors, StoreError
from ..models import Claim, DocumentResult
from ..scoring.gold import occurrences
from ..stores import Store, open_store
from .state import KEPT, ReviewedClaim, attach

_SAFE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,150}$")


@dataclass
class GoldExport:
    """What :func:`export_gold` wrote: per article the number of claims, and the notes
    (orphaned reviews left out)."""

    articles: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    gold_dir: Path | None = None
    corpus_dir: Path | None = None

    @property
    def claims(self) -> int:
        return sum(self.articles.values())


def file_stem(article_id: str) -> str:
    """The article id when it is a safe file name, else a slug of it and a short hash."""
    if _SAFE.match(article_id):
        return article_id
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", article_id).strip("-.")[:80] or "article"
    return f"{slug}-{hashlib.sha256(article_id.encode()).hexdigest()[:8]}"


def unique_evidence(body: str, start: int, end: int) -> str:
    """``body[start:end]``, extended until it occurs exactly once in ``body`` (module
    docstring); the whole body at worst, which occurs once."""
    text = body[start:end]
    if not text.strip():
        start, end = max(0, start - 1), min(len(body), end + 1)
    while occurrences(body, body[start:end]) != 1:
        if end < len(body):
            end += 1
        elif start > 0:
            start -= 1
        else:
            break
    return body[start:end]


def _arg(arg: Any) -> str | None:
    return None if arg is None else (arg.id or arg.text)


def gold_claim(claim: Claim, body: str, evidence: tuple[int, int]) -> dict[str, Any]:
    """One claim as a gold entry (SPEC section 5)."""
    out: dict[str, Any] = {
        "evidence": unique_evidence(body, *evidence),
        "subject": _arg(claim.subject),
        "predicate": claim.predicate,
        "object": _arg(claim.object),
        "negated": claim.negated,
        "modality": claim.modality,
        "source": list(claim.source),
        "date": None if claim.date is None else (claim.date.value or claim.date.text),
        "quantity": None if claim.quantity is None else claim.quantity.model_dump(mode="json"),
    }
    if claim.location is not None:
        out["location"] = claim.location.id or claim.location.text
    return out


def _kept(item: ReviewedClaim, body: str, keep_unreviewed: bool, notes: list[str]) -> tuple[int, int] | None:
    """The evidence span of ``item`` in ``body`` when it goes into the gold, else None."""
    if item.status not in KEPT and not (keep_unreviewed and item.status == "unreviewed"):
        return None
    claim = item.effective or item.claim
    if not item.orphaned:
        return claim.evidence.start, claim.evidence.end
    evidence = item.reviews[0].evidence_text
    at = body.find(evidence) if evidence.strip() else -1
    if at < 0:
        last = item.reviews[-1]
        notes.append(
            Errors.E125.format(
                article=last.article_id,
                action=last.action,
                claim=item.claim.id,
                reviewer=last.reviewer,
                when=last.reviewed_at.isoformat(timespec="seconds"),
                evidence=evidence[:60],
            )
        )
        return None
    if claim.evidence.start <= len(body) and body[claim.evidence.start : claim.evidence.end] == evidence:
        at = claim.evidence.start
    return at, at + len(evidence)


def gold_document(
    result: DocumentResult,
    body: str,
    items: list[ReviewedClaim],
    *,
    keep_unreviewed: bool = False,
    notes: list[str] | None = None,
) -> dict[str, Any]:
    """The gold file of one reviewed article, as a mapping ready to dump."""
    notes = notes if notes is not None else []
    claims = []
    for item in items:
        span = _kept(item, body, keep_unreviewed, notes)
        if span is not None:
            claims.append((span[0], gold_claim(item.effective or item.claim, body, span)))
    claims.sort(key=lambda c: c[0])
    return {
        "article": result.article.id,
        "published": result.article.published.isoformat() if result.article.published else None,
        "entities": [e.model_dump(mode="json") for e in result.entities],
        "dates": [d.model_dump(mode="json") for d in result.dates],
        "claims": [c for _, c in claims],
    }


def article_file(result: DocumentResult, body: str) -> str:
    """The article as a SPEC section 1 ``.txt`` file: front matter, then the body as stored."""
    meta = {k: v for k, v in result.article.model_dump(mode="json").items() if v is not None}
    head = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000)
    return f"---\n{head}---\n{body}"


def _dump(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000, default_flow_style=None)


def export_reviewed(store: Store, out_dir: Path | str, *, keep_unreviewed: bool = False) -> GoldExport:
    """Write the gold and the article files of every reviewed article of ``store`` under
    ``out_dir`` (``gold/`` and ``corpora/``, created; files of the same names replaced).
    :class:`StoreError` (E123) when nothing was reviewed."""
    out = Path(out_dir)
    done = GoldExport(gold_dir=out / "gold", corpus_dir=out / "corpora")
    reviewed = store.reviewed_article_ids()
    if not reviewed:
        raise StoreError(Errors.E123.format(url=store.url))
    all_reviews = store.reviews(reviewed)
    seen: set[str] = set()
    try:
        done.gold_dir.mkdir(parents=True, exist_ok=True)
        done.corpus_dir.mkdir(parents=True, exist_ok=True)
        for result in store.results(reviewed):
            aid = result.article.id
            seen.add(aid)
            body = store.body(aid)
            if body is None:
                done.notes.append(Errors.E124.format(article=aid))
                continue
            items = attach(result, body, [r for r in all_reviews if r.article_id == aid])
            gold = gold_document(result, body, items, keep_unreviewed=keep_unreviewed, notes=done.notes)
            stem = file_stem(aid)
            (done.gold_dir / f"{stem}.yaml").write_text(_dump(gold), encoding="utf-8")
            with open(done.corpus_dir / f"{stem}.txt", "w", encoding="utf-8", newline="") as handle:
                handle.write(article_file(result, body))
            done.articles[aid] = len(gold["claims"])
    except OSError as exc:
        raise StoreError(Errors.E127.format(path=out, reason=exc.strerror or exc)) from exc
    gone = [a for a in reviewed if a not in seen]  # deleted from the store since reviewed
    done.notes += [Errors.E121.format(url=store.url, article=a) + ": its reviews are kept, not exported" for a in gone]
    return done


def export_gold(store: str, out_dir: Path | str, *, keep_unreviewed: bool = False) -> GoldExport:
    """:func:`export_reviewed` on the store at the URL ``store`` (which must exist)."""
    with open_store(store, create=False) as opened:
        return export_reviewed(opened, out_dir, keep_unreviewed=keep_unreviewed)
