"""What the reviews say about an article's claims: pure functions over a stored record and
its review actions (the ``claim_reviews`` rows), shared by the page and ``export-gold``.

**Attaching an action to a claim.** An action names the machine claim it was made on by its
stable id (the same article text and pipeline version give the same id). After a re-ingest
that changed the ids (a new pipeline version, an edited article), it is re-attached to the
claim with the same predicate and the same evidence text (the sentence, read from the body
when the action was made), preferring the same offsets, then the same subject and object
texts. An action whose claim is found neither way is **orphaned**: it is kept in the store
(nothing is ever deleted), listed on the page under "Orphaned reviews" with the claim as
the reviewer saw it, and exported to gold when its evidence text is still in the body (the
analyst's judgement is about the text, not about what the pipeline extracts now).

**A claim's status** is the fold of its actions, oldest first: ``reject`` makes it
*rejected*; ``accept`` makes it *accepted*, or *corrected* when it has corrections;
``correct`` applies the changed fields on top of the earlier ones and makes it *corrected*.
A later action overrides an earlier verdict (accepting a rejected claim un-rejects it),
corrections accumulate, and the machine's claim is never changed: the *effective* claim
is the machine's with every correction applied.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ..models import Claim, ClaimArg, ClaimCorrection, ClaimDate, ClaimReview, DocumentResult, Location

STATUSES = ("unreviewed", "accepted", "corrected", "rejected")
KEPT = frozenset({"accepted", "corrected"})
"""Statuses whose claims go into an exported gold file."""


@dataclass
class ReviewedClaim:
    """A claim (machine or orphaned) with its review actions, its status and the claim
    with the corrections applied. ``index`` is its place in the article's claims (``None``
    for an orphan); ``key`` the HTML id of its card."""

    claim: Claim
    index: int | None
    reviews: list[ClaimReview] = field(default_factory=list)
    status: str = "unreviewed"
    effective: Claim | None = None

    @property
    def key(self) -> str:
        return f"c{self.index}" if self.index is not None else f"o{self.reviews[0].id}"

    @property
    def corrections(self) -> list[ClaimCorrection]:
        return [r.fields for r in self.reviews if r.fields is not None]

    @property
    def orphaned(self) -> bool:
        return self.index is None


def apply_correction(claim: Claim, correction: ClaimCorrection) -> Claim:
    """``claim`` with the fields ``correction`` sets (a field set to ``None`` removed)."""
    update: dict = {}
    for name in correction.model_fields_set:
        value = getattr(correction, name)
        if name == "date" and value is not None:
            value = ClaimDate(text=value.text, value=value.value)
        elif name in ("subject", "object") and value is not None:
            value = ClaimArg.model_validate(value.model_dump())
        elif name == "location" and value is not None:
            value = Location.model_validate(value.model_dump())
        update[name] = value
    return claim.model_copy(update=update)


def fold(item: ReviewedClaim) -> ReviewedClaim:
    """Set ``item``'s status and effective claim from its actions (module docstring)."""
    status, effective, corrected = "unreviewed", item.claim, False
    for review in item.reviews:
        if review.action == "reject":
            status = "rejected"
        elif review.action == "accept":
            status = "corrected" if corrected else "accepted"
        else:
            assert review.fields is not None
            effective = apply_correction(effective, review.fields)
            corrected, status = True, "corrected"
    item.status, item.effective = status, effective
    return item


def _evidence(body: str | None, claim: Claim) -> str | None:
    return body[claim.evidence.start : claim.evidence.end] if body is not None else None


def _arg_text(arg: ClaimArg | None) -> str | None:
    return arg.text if arg is not None else None


def find_claim(review: ClaimReview, claims: Sequence[Claim], body: str | None) -> int | None:
    """The index of the claim ``review`` was made on among ``claims`` (the module
    docstring's rule), ``None`` when it is orphaned."""
    for i, claim in enumerate(claims):
        if claim.id == review.claim_id:
            return i
    seen = review.claim
    candidates = [
        (
            (claim.evidence.start, claim.evidence.end) == (seen.evidence.start, seen.evidence.end),
            _arg_text(claim.subject) == _arg_text(seen.subject),
            _arg_text(claim.object) == _arg_text(seen.object),
            -i,
            i,
        )
        for i, claim in enumerate(claims)
        if claim.predicate == review.predicate and _evidence(body, claim) == review.evidence_text
    ]
    return max(candidates)[-1] if candidates else None


def attach(result: DocumentResult, body: str | None, reviews: Sequence[ClaimReview]) -> list[ReviewedClaim]:
    """The article's claims in order, each with its actions and status, then the orphaned
    ones (one per reviewed claim id that no longer attaches, in the order first reviewed)."""
    items = [ReviewedClaim(claim=c, index=i) for i, c in enumerate(result.claims)]
    orphans: dict[str, ReviewedClaim] = {}
    for review in reviews:
        if review.article_id != result.article.id:
            continue
        found = find_claim(review, result.claims, body)
        if found is not None:
            items[found].reviews.append(review)
        else:
            orphans.setdefault(review.claim_id, ReviewedClaim(claim=review.claim, index=None)).reviews.append(review)
    return [fold(item) for item in items] + [fold(item) for item in orphans.values()]


def counts(items: Sequence[ReviewedClaim]) -> dict[str, int]:
    """How many claims of each status (orphans under ``orphaned``)."""
    out = dict.fromkeys((*STATUSES, "orphaned"), 0)
    for item in items:
        out["orphaned" if item.orphaned else item.status] += 1
    return out
