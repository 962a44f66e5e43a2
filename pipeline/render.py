"""Claims as lines a person can read: ``sahel-claims show``.

One line per claim, in text order: who (id, and the words the text used), the
predicate, whom or what, then the flags an analyst must not miss (NOT, modality), the
date, the quantity, where it happened and whom it is attributed to::

    [1463] National_Council_for_the_Safeguard_of_the_Homeland ("these leaders") close "airspace"
           date 2023-08-06 ("Last Sunday") | rule xcomp-inherit
"""

from __future__ import annotations

from .models import Claim, ClaimArg, DocumentResult


def _arg(arg: ClaimArg | None) -> str:
    if arg is None:
        return "-"
    if arg.id:
        return arg.id if arg.id.replace("_", " ").lower() == arg.text.lower() else f'{arg.id} ("{arg.text}")'
    return f'"{arg.text}"'


def claim_line(claim: Claim) -> str:
    """A claim in two lines: the fact, then its date, quantity, source and rule."""
    flags = []
    if claim.negated:
        flags.append("NOT")
    if claim.modality != "asserted":
        flags.append(claim.modality.upper())
    head = f"[{claim.evidence.start}] {_arg(claim.subject)} {' '.join(flags + [claim.predicate])} {_arg(claim.object)}"
    details = []
    if claim.date:
        details.append(f'date {claim.date.value or "?"} ("{claim.date.text}")')
    if claim.quantity:
        q = claim.quantity
        details.append(f"quantity {(q.approx + ' ') if q.approx else ''}{q.value:g} {q.unit}")
    if claim.location:
        loc = claim.location
        where = ", ".join(x for x in (loc.admin1 if loc.admin1 and loc.admin1 != loc.id else None, loc.country) if x)
        details.append(f"at {loc.id or loc.text}{f' ({where})' if where else ''}")
    if claim.source:
        details.append("according to " + ", ".join(claim.source))
    details.append(f"rule {claim.rule}")
    return head + "\n" + " " * 7 + " | ".join(details)


def format_result(result: DocumentResult, *, evidence: str | None = None) -> str:
    """An article's claims under a heading with its id, date and counts."""
    art = result.article
    published = art.published.isoformat() if art.published else "undated"
    lines = [
        f"== {art.id} ({published}): {len(result.claims)} claim(s), {len(result.entities)} entities, "
        f"{len(result.dates)} dates"
    ]
    lines += [f"   warning: {w}" for w in result.warnings]
    lines += [claim_line(c) for c in sorted(result.claims, key=lambda c: (c.evidence.start, c.id))]
    return "\n".join(lines)
