"""A claim as the grouping sees it (:class:`Report`), and its event key.

The key of a report is (predicate, subject, object), each argument by its id, else by its
actor codes (``country/sector``), else by the head of its text (the last content word
before a preposition, folded and singular: "the nation's airspace" -> ``airspace``,
"meetings with delegations" -> ``meeting``); the two arguments of a symmetric predicate
are sorted, so "A met B" and "B met A" share a key. A predicate's ``event_args`` may
leave one argument out of the key (``*``) when the other is an id: a coup is told apart
by who made it. A claim enters no event when it
names neither argument (nothing says which event it is) or when its modality is
``planned`` or ``hypothetical`` (a plan, a request or a condition is not a report that
the event happened); ``uncertain`` reports ("reportedly") do enter.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..models import ClaimArg, DocumentResult, EventArg, EventPlace, Location
from ..scoring.score import STOPWORDS, fold
from .rules import EventRules

REPORTED_MODALITIES = frozenset({"asserted", "uncertain"})
"""Modalities of claims that report an event (planned and hypothetical ones do not)."""

# A head noun ends before these: "meetings with delegations", "withdrawal of troops"
_HEAD_STOPS = frozenset("of with to in on at by for from against between among about over into".split())
_WORD = re.compile(r"\w+")
NO_ARG = "-"
ANY_ARG = "*"  # an argument that does not tell the predicate's events apart (``event_args``)
ID = "id:"


@dataclass(frozen=True)
class Report:
    """One claim that reports an event, with what of its article the grouping needs."""

    article: str
    seq: int
    claim_id: str
    key: str
    predicate: str
    subject: EventArg | None
    object: EventArg | None
    negated: bool
    modality: str
    date: str | None
    published: dt.date | None
    article_source: str | None
    sources: tuple[str, ...]
    evidence: tuple[int, int]
    location: EventPlace | None

    @property
    def ref(self) -> tuple[str, int]:
        return (self.article, self.seq)

    @property
    def voices(self) -> tuple[str, ...]:
        """Who says it, as written: the claim's sources, else its article's publisher, else
        the article itself (an unnamed publisher is one voice per article)."""
        if self.sources:
            return tuple(sorted({fold(s): s for s in self.sources}.values()))
        if self.article_source:
            return (self.article_source,)
        return (f"article {self.article}",)

    @property
    def voice_keys(self) -> frozenset[str]:
        """:attr:`voices` folded (case, accents, ``_``): what is compared and counted."""
        return frozenset(fold(v) for v in self.voices)


def head(text: str) -> str:
    """The head word of a noun phrase, folded and crudely singular."""
    words: list[str] = []
    for word in _WORD.findall(fold(text)):
        if word in _HEAD_STOPS and words:
            break
        if word not in STOPWORDS:
            words.append(word)
    if not words:
        return fold(text)
    word = words[-1]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    return word


def arg_key(arg: EventArg | ClaimArg | None) -> str:
    """An argument's part of the key: ``id:...``, ``codes:...``, ``text:...`` or ``-``."""
    if arg is None:
        return NO_ARG
    if arg.id:
        return f"{ID}{fold(arg.id)}"
    if arg.country or arg.sector:
        return f"codes:{fold(arg.country or '')}/{fold(arg.sector or '')}"
    return f"text:{head(arg.text)}"


def event_key(predicate: str, subject: EventArg | ClaimArg | None, obj: EventArg | ClaimArg | None,
              rules: EventRules) -> str | None:  # fmt: skip
    """``predicate|subject|object`` (arguments sorted for a symmetric predicate; ``*`` for
    the argument that ``event_args`` leaves out, when the other is an id: "soldiers" is
    no one actor); ``None`` when the claim names neither argument."""
    s, o = arg_key(subject), arg_key(obj)
    if s == NO_ARG and o == NO_ARG:
        return None
    if predicate in rules.symmetric:
        s, o = sorted((s, o))
    elif rules.args(predicate) == "subject" and s.startswith(ID):
        o = ANY_ARG
    elif rules.args(predicate) == "object" and o.startswith(ID):
        s = ANY_ARG
    return f"{predicate}|{s}|{o}"


def _event_arg(arg: ClaimArg | None) -> EventArg | None:
    if arg is None:
        return None
    return EventArg(text=arg.text, id=arg.id, country=arg.country, sector=arg.sector)


def _place(location: Location | None) -> EventPlace | None:
    if location is None:
        return None
    return EventPlace(**location.model_dump(exclude={"start", "end"}))


def reports_of(result: DocumentResult, rules: EventRules) -> list[Report]:
    """The claims of one article's record that report events, in claim order."""
    out = []
    for seq, claim in enumerate(result.claims):
        if claim.modality not in REPORTED_MODALITIES:
            continue
        key = event_key(claim.predicate, claim.subject, claim.object, rules)
        if key is None:
            continue
        out.append(
            Report(
                article=result.article.id,
                seq=seq,
                claim_id=claim.id,
                key=key,
                predicate=claim.predicate,
                subject=_event_arg(claim.subject),
                object=_event_arg(claim.object),
                negated=claim.negated,
                modality=claim.modality,
                date=claim.date.value if claim.date else None,
                published=result.article.published,
                article_source=result.article.source,
                sources=tuple(claim.source),
                evidence=(claim.evidence.start, claim.evidence.end),
                location=_place(claim.location),
            )
        )
    return out


def identified(key: str) -> bool:
    """The key names an actor by its id: only then may all its reports be one event
    (``one_time``, ``lasting``); "soldiers seized power" is many coups."""
    return any(part.startswith(ID) for part in key.split("|")[1:])
