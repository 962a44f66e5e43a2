"""Reports of one event that disagree, each disagreement with its reason.

- ``negated``: one source asserts the event, another says it did not happen ("the junta
  said it had not closed the border");
- ``retracted``: a source says it did not happen after asserting it (in the same article
  or one published later): a report and its retraction;
- ``dates``: dated reports whose dates do not hold one another (never nested with the
  event's date): a one-time event given two days (for a recurring predicate such reports
  are two events, :mod:`.group`);
- ``places``: reports whose places are incompatible with the event's place (:mod:`.places`).

Who says a report is its voices (:attr:`Report.voices`): the claim's sources, else its
article's publisher.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..models import EventConflict, EventPlace
from . import dates as D
from . import places as P
from .reports import Report


def _ids(reports: Iterable[Report]) -> list[str]:
    unique = {r.ref: r for r in reports}
    return [unique[ref].claim_id for ref in sorted(unique)]


def _later_or_same(n: Report, a: Report) -> bool:
    """``n`` was published no earlier than ``a`` (an unknown date counts as the same)."""
    if n.published is None or a.published is None:
        return True
    return n.published >= a.published


def _voices(reports: Iterable[Report]) -> str:
    return ", ".join(sorted({v for r in reports for v in r.voices}))


def negation_conflicts(members: Sequence[Report]) -> list[EventConflict]:
    asserted = [r for r in members if not r.negated]
    negated = [r for r in members if r.negated]
    denied: list[Report] = []
    retracted: list[Report] = []
    for n in negated:
        for a in asserted:
            shared = n.voice_keys & a.voice_keys
            if shared and _later_or_same(n, a):
                retracted.extend((a, n))
            else:
                denied.extend((a, n))
    out = []
    if denied:
        said = _voices(r for r in denied if not r.negated)
        unsaid = _voices(r for r in denied if r.negated)
        detail = f"asserted by {said}; negated by {unsaid}"
        out.append(EventConflict(reason="negated", claims=_ids(denied), detail=detail))
    if retracted:
        who = _voices(r for r in retracted if r.negated)
        detail = f"asserted, then negated, by {who}"
        out.append(EventConflict(reason="retracted", claims=_ids(retracted), detail=detail))
    return out


def date_conflicts(members: Sequence[Report], date: str | None) -> list[EventConflict]:
    best = D.interval(date)
    if best is None:
        return []
    dated = [(r, D.interval(r.date)) for r in members]
    dated = [(r, s) for r, s in dated if s is not None]
    off = [r for r, s in dated if not D.nested(s, best)]
    if not off:
        return []
    agree = [r for r, s in dated if D.nested(s, best)]
    others = sorted({r.date for r in off if r.date})
    detail = f"{date} ({len(agree)} report(s)) against {', '.join(others)} ({len(off)})"
    return [EventConflict(reason="dates", claims=_ids(agree + off), detail=detail)]


def place_conflicts(members: Sequence[Report], place: EventPlace | None) -> list[EventConflict]:
    if place is None:
        return []
    located = [r for r in members if r.location is not None]
    off = [r for r in located if not P.compatible(r.location, place)]
    if not off:
        return []
    agree = [r for r in located if P.compatible(r.location, place)]
    others = sorted({r.location.text for r in off if r.location})
    detail = f"{place.text} ({len(agree)} report(s)) against {', '.join(others)} ({len(off)})"
    return [EventConflict(reason="places", claims=_ids(agree + off), detail=detail)]


def find_conflicts(members: Sequence[Report], *, date: str | None, place: EventPlace | None) -> list[EventConflict]:
    """Every disagreement among the reports of one event, in the order of the reasons
    above. Dates and places are checked for every event; elsewhere than in a one-time
    event, reports that disagree on them are mostly two events (:mod:`.group`)."""
    return [*negation_conflicts(members), *date_conflicts(members, date), *place_conflicts(members, place)]


__all__ = ["date_conflicts", "find_conflicts", "negation_conflicts", "place_conflicts"]
