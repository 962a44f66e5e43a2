"""Events in the SQL store: the grouping of :mod:`pipeline.events` kept up to date by
every write of an article, in the same transaction as its rows.

An article's write (:meth:`pipeline.stores.sql.SqlStore.put`) removes the article's
reports (``event_claims`` rows) from their events, adds its new ones, and regroups only
the keys they touch: each key's events are recomputed from all of that key's reports
(:func:`pipeline.events.group.events_of_key`, a function of the set), so the store's
events do not depend on the order articles were written in, and writing an article again
unchanged changes nothing.

Concurrent writers (Ray actors on PostgreSQL): a write takes a transaction-scoped advisory
lock on each key it touches, in one global order, before it changes any row of those keys
(its article's reports included), and reads a key's reports only once it holds the key's
lock; under READ COMMITTED it then sees every committed report of that key, so the last
writer of a key regroups all of it. SQLite has one writer at a time.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update

from ..events.group import event_claim, events_of_key
from ..events.reports import Report
from ..events.rules import EventRules
from ..models import Event, EventArg, EventConflict, EventPlace
from . import schema as S

_LOCK_CLASS = 0x5A4E3  # first key of pg_advisory_xact_lock(int, int): sahel-claims event keys
_PLACE_FIELDS = ("text", "id", "geonames", "country", "admin1", "lat", "lon")
_ARG_FIELDS = ("text", "id", "country", "sector")

Row = dict[str, Any]


def lock_id(key: str) -> int:
    """A signed 32-bit lock number for an event key (the same in every process)."""
    return int.from_bytes(hashlib.sha1(key.encode()).digest()[:4], "big", signed=True)


def lock_keys(conn: Connection, keys: Iterable[str]) -> None:
    """Hold every key's advisory lock until the transaction ends (PostgreSQL; a no-op on
    SQLite), taken in ascending lock number so that two writers never wait on each other
    in a circle."""
    if conn.dialect.name != "postgresql":
        return
    for number in sorted({lock_id(k) for k in keys}):
        conn.execute(select(func.pg_advisory_xact_lock(_LOCK_CLASS, number)))


# --------------------------------------------------------------------------- rows


def _arg_row(prefix: str, arg: EventArg | None) -> Row:
    return {f"{prefix}_{f}": getattr(arg, f) if arg else None for f in _ARG_FIELDS}


def _place_row(place: EventPlace | None) -> Row:
    return {f"location_{f}": getattr(place, f) if place else None for f in _PLACE_FIELDS}


def _arg_back(row: Mapping[str, Any], prefix: str) -> EventArg | None:
    if row[f"{prefix}_text"] is None:
        return None
    return EventArg(**{f: row[f"{prefix}_{f}"] for f in _ARG_FIELDS})


def _place_back(row: Mapping[str, Any]) -> EventPlace | None:
    if row["location_text"] is None:
        return None
    return EventPlace(**{f: row[f"location_{f}"] for f in _PLACE_FIELDS})


def report_row(report: Report) -> Row:
    return {
        "article_id": report.article,
        "claim_seq": report.seq,
        "claim_id": report.claim_id,
        "key": report.key,
        "event_id": None,
        "predicate": report.predicate,
        **_arg_row("subject", report.subject),
        **_arg_row("object", report.object),
        "negated": report.negated,
        "modality": report.modality,
        "date_value": report.date,
        **_place_row(report.location),
        "sources": json.dumps(list(report.sources), ensure_ascii=False),
        "published": report.published,
        "article_source": report.article_source,
        "evidence_start": report.evidence[0],
        "evidence_end": report.evidence[1],
    }


def report_from_row(row: Mapping[str, Any]) -> Report:
    return Report(
        article=row["article_id"],
        seq=row["claim_seq"],
        claim_id=row["claim_id"],
        key=row["key"],
        predicate=row["predicate"],
        subject=_arg_back(row, "subject"),
        object=_arg_back(row, "object"),
        negated=bool(row["negated"]),
        modality=row["modality"],
        date=row["date_value"],
        published=row["published"],
        article_source=row["article_source"],
        sources=tuple(json.loads(row["sources"])),
        evidence=(row["evidence_start"], row["evidence_end"]),
        location=_place_back(row),
    )


def event_row(key: str, event: Event) -> Row:
    return {
        "id": event.id,
        "key": key,
        "predicate": event.predicate,
        **_arg_row("subject", event.subject),
        **_arg_row("object", event.object),
        "date_value": event.date,
        **_place_row(event.location),
        "mentions": event.mentions,
        "articles": event.articles,
        "sources": event.sources,
        "negated": event.negated,
        "first_reported": event.first_reported,
        "last_reported": event.last_reported,
        "conflicts": json.dumps([c.model_dump(mode="json") for c in event.conflicts], ensure_ascii=False),
        "conflict_reasons": ",".join(c.reason for c in event.conflicts) or None,
    }


def event_from_row(row: Mapping[str, Any], reports: Sequence[Report]) -> Event:
    return Event(
        id=row["id"],
        predicate=row["predicate"],
        subject=_arg_back(row, "subject"),
        object=_arg_back(row, "object"),
        date=row["date_value"],
        location=_place_back(row),
        mentions=row["mentions"],
        articles=row["articles"],
        sources=row["sources"],
        negated=row["negated"],
        first_reported=row["first_reported"],
        last_reported=row["last_reported"],
        claims=[event_claim(r) for r in sorted(reports, key=lambda r: r.ref)],
        conflicts=[EventConflict.model_validate(c) for c in json.loads(row["conflicts"])],
    )


# --------------------------------------------------------------------------- writing


def article_keys(conn: Connection, article_id: str) -> set[str]:
    """The keys of the article's stored reports."""
    ec = S.event_claims
    return set(conn.execute(select(ec.c.key).where(ec.c.article_id == article_id).distinct()).scalars())


def remove_article(conn: Connection, article_id: str) -> None:
    conn.execute(delete(S.event_claims).where(S.event_claims.c.article_id == article_id))


def add_reports(conn: Connection, reports: Sequence[Report]) -> None:
    if reports:
        conn.execute(insert(S.event_claims), [report_row(r) for r in reports])


def regroup(conn: Connection, keys: Iterable[str], rules: EventRules) -> None:
    """Recompute the events of ``keys`` from all their stored reports (the caller holds
    the keys' locks, :func:`lock_keys`)."""
    ec, ev = S.event_claims, S.events
    for key in sorted(set(keys)):
        rows = conn.execute(select(ec).where(ec.c.key == key)).mappings().all()
        current = {(r["article_id"], r["claim_seq"]): r["event_id"] for r in rows}
        conn.execute(delete(ev).where(ev.c.key == key))
        pairs = events_of_key(key, [report_from_row(r) for r in rows], rules)
        if pairs:
            conn.execute(insert(ev), [event_row(key, event) for event, _ in pairs])
        for event, members in pairs:
            for ref in sorted(m.ref for m in members if current[m.ref] != event.id):
                conn.execute(
                    update(ec).where(ec.c.article_id == ref[0], ec.c.claim_seq == ref[1]).values(event_id=event.id)
                )


def release_article(conn: Connection, article_id: str, reports: Sequence[Report]) -> set[str]:
    """First step of an article's write (its own lock held, before its claims rows are
    replaced): lock every key its stored reports and its new ``reports`` have, and remove
    its stored reports. Returns those keys, for :func:`settle_article`."""
    keys = article_keys(conn, article_id) | {r.key for r in reports}
    lock_keys(conn, keys)
    remove_article(conn, article_id)
    return keys


def settle_article(conn: Connection, keys: set[str], reports: Sequence[Report], rules: EventRules) -> None:
    """Last step of an article's write (its claims rows inserted): add its ``reports`` and
    regroup the ``keys`` :func:`release_article` returned."""
    add_reports(conn, reports)
    regroup(conn, keys, rules)


# --------------------------------------------------------------------------- reading


def read_events(conn: Connection, *, article: str | None = None, conflicts_only: bool = False) -> list[Event]:
    """The stored events (those with a report in ``article`` when given; only those with a
    conflict when ``conflicts_only``), by date (undated last), then id."""
    ev, ec = S.events, S.event_claims
    query = select(ev)
    if article is not None:
        query = query.where(ev.c.id.in_(select(ec.c.event_id).where(ec.c.article_id == article)))
    if conflicts_only:
        query = query.where(ev.c.conflict_reasons.is_not(None))
    rows = conn.execute(query).mappings().all()
    members: dict[str, list[Report]] = {r["id"]: [] for r in rows}
    ids = list(members)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for row in conn.execute(select(ec).where(ec.c.event_id.in_(chunk))).mappings():
            members[row["event_id"]].append(report_from_row(row))
    events = [event_from_row(r, members[r["id"]]) for r in rows]
    return sorted(events, key=lambda e: (e.date is None, e.date or "", e.id))
