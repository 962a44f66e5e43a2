"""Reports of one key grouped into events, and each event's record.

:func:`cluster` is a function of the *set* of reports of a key (they are sorted first),
so the events of a store do not depend on the order its articles were ingested in:

- a ``one_time`` or ``lasting`` predicate makes one event of every report of its key,
  when the key names an actor by id ("soldiers seized power" is said of many coups);
- otherwise reports are taken in a canonical order (dated before undated, the most
  precise date first, then the earliest, the most precise place, the article and claim
  order), and each joins the first event whose date and place it is compatible with
  (:mod:`.dates`, :mod:`.places`), or starts one. An event's date is its first report's
  (the most precise); its place the most precise of its reports so far. An undated
  report counts as falling in the window before its article's ``published`` date; one
  whose article has no date at all joins the first event of its key.

A coarse report compatible with two events ("in July" and two meetings in July) joins
the earlier one: that is the choice the grouping cannot make from the claims.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence

from ..models import Event, EventArg, EventClaim, EventPlace
from . import dates as D
from . import places as P
from .conflicts import find_conflicts
from .reports import ANY_ARG, Report, arg_key, identified
from .rules import EventRules

_FAR = 10**6  # days: the precision of an undated report, after every dated one


def report_interval(report: Report, rules: EventRules) -> tuple[D.Interval | None, bool]:
    """(interval, dated?): the report's date, else the window before its article's date."""
    dated = D.interval(report.date)
    if dated is not None:
        return dated, True
    return D.window(report.published, rules.window(report.predicate)), False


def _order(report: Report, rules: EventRules) -> tuple:
    span, dated = report_interval(report, rules)
    start = span.start.toordinal() if span else _FAR
    precision = span.days if dated and span else _FAR + (0 if span else 1)
    return (precision, start, -P.level(report.location), report.article, report.seq)


def sort_reports(reports: Iterable[Report], rules: EventRules) -> list[Report]:
    return sorted(reports, key=lambda r: _order(r, rules))


def _date_fits(span: D.Interval | None, dated: bool, anchor: D.Interval | None, anchor_dated: bool) -> bool:
    if span is None or anchor is None:
        return True
    if dated and anchor_dated:
        return D.nested(span, anchor)
    return D.overlap(span, anchor)


def cluster(reports: Iterable[Report], rules: EventRules) -> list[list[Report]]:
    """The events of the reports of one key, each a list of reports in canonical order."""
    ordered = sort_reports(reports, rules)
    if not ordered:
        return []
    if rules.single(ordered[0].predicate) and identified(ordered[0].key):
        return [ordered]
    groups: list[tuple[list[Report], D.Interval | None, bool, list[EventPlace | None]]] = []
    for report in ordered:
        span, dated = report_interval(report, rules)
        for members, anchor, anchor_dated, place in groups:
            if _date_fits(span, dated, anchor, anchor_dated) and P.compatible(report.location, place[0]):
                members.append(report)
                if P.level(report.location) > P.level(place[0]):
                    place[0] = report.location
                break
        else:
            groups.append(([report], span, dated, [report.location]))
    return [members for members, *_ in groups]


# --------------------------------------------------------------------------- the record


def best_date(reports: Sequence[Report]) -> str | None:
    """The date most reports agree with, a report agreeing with the dates its own holds
    ("2023-07" agrees with "2023-07-26", not the other way round); ties: the most
    precise, then the earliest."""
    spans = [(r.date, D.interval(r.date)) for r in reports]
    spans = [(v, s) for v, s in spans if s is not None]
    if not spans:
        return None

    def rank(item: tuple[str, D.Interval]) -> tuple:
        value, span = item
        support = sum(other.start <= span.start and span.end <= other.end for _, other in spans)
        return (-support, span.days, span.start, value)

    return min(spans, key=rank)[0]


def best_place(reports: Sequence[Report]) -> EventPlace | None:
    """The place most reports agree with, a report agreeing with the compatible places as
    precise as its own or more ("Niger" agrees with "Niamey"); ties: the most precise,
    then the name."""
    places = [(r.location, r.ref) for r in reports if r.location is not None]
    if not places:
        return None

    def rank(item: tuple[EventPlace, tuple[str, int]]) -> tuple:
        place, ref = item
        support = sum(P.compatible(place, other) and P.level(other) <= P.level(place) for other, _ in places)
        return (-support, -P.level(place), P.name(place), ref)

    return min(places, key=rank)[0]


def _side(reports: Sequence[Report], key_part: str, *, position: str | None) -> EventArg | None:
    """The event's argument for one part of the key: the id, text and codes most of the
    reports use for it (ties: the smallest). ``position``: ``subject`` or ``object``;
    ``None`` for a symmetric predicate, whose argument may stand in either."""

    def common(values: Iterable[str | None]) -> str | None:
        counts = Counter(v for v in values if v is not None)
        return min(counts, key=lambda v: (-counts[v], v)) if counts else None

    positions = (position,) if position else ("subject", "object")
    given = [a for r in reports for p in positions if (a := getattr(r, p)) is not None]
    if key_part == ANY_ARG:  # left out of the key: the argument most reports give
        key_part = common(arg_key(a) for a in given) or key_part
    args = [a for a in given if arg_key(a) == key_part]
    if not args:
        return None

    return EventArg(
        text=common(a.text for a in args) or args[0].text,
        id=common(a.id for a in args),
        country=common(a.country for a in args),
        sector=common(a.sector for a in args),
    )


def event_claim(report: Report) -> EventClaim:
    """How an event lists one of its reports."""
    return EventClaim(
        id=report.claim_id, article=report.article, seq=report.seq, negated=report.negated,
        modality=report.modality, date=report.date, published=report.published, sources=list(report.voices),
    )  # fmt: skip


def event_id(key: str, anchor: str) -> str:
    """``e-`` + 12 hex digits of a SHA-1 over the key and the event's anchor."""
    return "e-" + hashlib.sha1(f"{key}\n{anchor}".encode()).hexdigest()[:12]


def _anchor(members: Sequence[Report], rules: EventRules) -> str:
    """What tells an event from the others of its key: nothing for a one-time predicate;
    else its first report's date (or window) and place."""
    if rules.single(members[0].predicate) and identified(members[0].key):
        return ""
    first = members[0]
    span, dated = report_interval(first, rules)
    when = (first.date if dated else f"~{span.end.isoformat()}") if span else "?"
    where = P.name(first.location) if first.location else ""
    return f"{when}@{where}"


def build_event(key: str, members: Sequence[Report], rules: EventRules, *, event: str) -> Event:
    """The event record of ``members`` (reports of one key, in canonical order)."""
    predicate, subject_key, object_key = key.split("|", 2)
    first = members[0]
    symmetric = predicate in rules.symmetric
    subject = _side(members, subject_key, position=None if symmetric else "subject")
    obj = _side(members, object_key, position=None if symmetric else "object")
    if symmetric and arg_key(first.subject) != subject_key:
        subject, obj = obj, subject  # the first report's orientation
    sentences = {(r.article, r.evidence) for r in members}
    published = [r.published for r in members if r.published is not None]
    date = best_date(members)
    place = best_place(members)
    claims = [event_claim(r) for r in sorted(members, key=lambda r: r.ref)]
    return Event(
        id=event,
        predicate=predicate,
        subject=subject,
        object=obj,
        date=date,
        location=place,
        mentions=len(sentences),
        articles=len({r.article for r in members}),
        sources=len({v for r in members for v in r.voice_keys}),
        negated=len({(r.article, r.evidence) for r in members if r.negated}),
        first_reported=min(published, default=None),
        last_reported=max(published, default=None),
        claims=claims,
        conflicts=find_conflicts(members, date=None if predicate in rules.lasting else date, place=place),
    )


def events_of_key(key: str, reports: Iterable[Report], rules: EventRules) -> list[tuple[Event, list[Report]]]:
    """The events of the reports of one key, each with its reports; ids unique."""
    out = []
    used: set[str] = set()
    for members in cluster(reports, rules):
        base = event_id(key, _anchor(members, rules))
        ident, n = base, 1
        while ident in used:
            n += 1
            ident = f"{base}-{n}"
        used.add(ident)
        out.append((build_event(key, members, rules, event=ident), members))
    return out


def group(reports: Iterable[Report], rules: EventRules) -> list[tuple[Event, list[Report]]]:
    """Every event of ``reports`` (any keys), by key then canonical order."""
    by_key: dict[str, list[Report]] = {}
    for report in reports:
        by_key.setdefault(report.key, []).append(report)
    return [pair for key in sorted(by_key) for pair in events_of_key(key, by_key[key], rules)]
