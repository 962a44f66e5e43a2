"""Actor codes of a claim argument: small pure functions over a ``Doc``'s spans.

An argument linked to a coded gazetteer entry takes the entry's codes on the article's
``published`` date (:meth:`pipeline.gazetteer.linker.Linker.codes`: dated codes, then the
roles in force, then the undated codes); a state's agent noun sets the sector ("French
troops" -> France, FRA, MIL; "Nigerien journalists" -> NER, MED). An unlinked phrase is
coded by its parts (with the noun it modifies, when the claims stage kept only a name or
adjective: :func:`governed_phrase`): a linked name, a country name or adjective gives ``country``
("Syrian rebels" -> SYR), its head's agent noun gives ``sector`` (:func:`agent_sector`:
"rebels" -> REB), an older actor's name of the PETRARCH2 dictionaries gives both by date;
a bare agent noun of a state body ("soldiers", "the authorities") takes the country the
article is about (:func:`main_country`). A phrase whose head is no agent noun and no name
denotes no actor and gets no codes ("airspace", "military agreements").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span, Token

from ..models import ClaimArg
from .tables import CodeTables, dated, plain, singular
from .vocab import (
    ACTOR_LABELS,
    MAX_AGENT_WORDS,
    MODIFIER_DEPS,
    NOUN_POS,
    OF,
    STATE_LABEL,
    STATE_SECTOR,
    STATE_SECTORS,
)

Codes = tuple[str | None, str | None]
NONE: Codes = (None, None)


@dataclass
class CodeContext:
    """What coding one Doc's arguments needs: the gazetteer's linker (``None`` without a
    gazetteer), the derived tables, the publication date, the country the article is about
    and the Doc's entities (read once)."""

    linker: Any
    tables: CodeTables
    day: dt.date | None
    main_country: str | None
    ents: tuple[Span, ...]


def main_country(ents: Iterable[Span], linker: Any) -> str | None:
    """The country the article is about: the country whose places (the states and cities
    the gazetteer codes, named or by their demonym) its entities name most; ``None`` on a
    tie or without a gazetteer."""
    if linker is None:
        return None
    totals: dict[str, int] = {}
    for ent in ents:
        if not ent.kb_id_ or linker.label(ent.kb_id_) != STATE_LABEL:
            continue
        country = linker.codes(ent.kb_id_, None)[0]
        if country is not None:
            totals[country] = totals.get(country, 0) + 1
    if not totals:
        return None
    ranked = sorted(totals.values(), reverse=True)
    if len(ranked) > 1 and ranked[0] == ranked[1]:
        return None
    return max(totals, key=totals.__getitem__)


def arg_span(doc: Doc, arg: ClaimArg) -> Span | None:
    """The tokens of ``arg`` (its offsets widened to whole tokens); ``None`` for an argument
    that is not in the body (an issuer named by the front matter)."""
    last = doc[-1] if len(doc) else None
    # the body's length from its last token (``doc.text`` would join every token)
    if last is None or arg.end <= arg.start or arg.end > last.idx + len(last.text_with_ws):
        return None
    return doc.char_span(arg.start, arg.end, alignment_mode="expand")


def governed_phrase(span: Span) -> Span:
    """``span`` with the noun it modifies, when it is a name or adjective before one ("Syrian"
    of "Syrian rebels" -> "Syrian rebels", "Chad's" of "Chad's air force"); else ``span``."""
    root = span.root
    head = root.head
    if (
        root.dep_ in MODIFIER_DEPS
        and head.i >= span.end
        and head.pos_ in NOUN_POS
        and head.i - span.end < MAX_AGENT_WORDS
    ):
        return span.doc[span.start : head.i + 1]
    return span


def _last_forms(token: Token) -> list[str]:
    forms = [token.lemma_.lower(), singular(token.lower_), token.lower_]
    return list(dict.fromkeys(f for f in forms if f))


def _agent_at(head: Token, span: Span, agents: Mapping[str, str]) -> str | None:
    """The sector of the longest agent phrase that ends at ``head`` within ``span``."""
    first = max(span.start, head.i - MAX_AGENT_WORDS + 1)
    for start in range(first, head.i + 1):
        before = [t.lower_ for t in span.doc[start : head.i]]
        for last in _last_forms(head):
            sector = agents.get(" ".join([*before, last]))
            if sector is not None:
                return sector
    return None


def agent_sector(span: Span, agents: Mapping[str, str]) -> str | None:
    """The sector of the agent noun that heads ``span`` ("Nigerien soldiers" -> MIL, "security
    forces" -> MIL, "gunmen" -> UAF), or of the object of its "of" phrase when the head is
    none ("members of the junta" -> GOV); ``None`` when neither is an agent noun."""
    head = span.root
    sector = _agent_at(head, span, agents)
    if sector is not None:
        return sector
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == OF:
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and span.start <= pobj.i < span.end:
                    return _agent_at(pobj, span, agents)
    return None


def _inside(ents: Iterable[Span], span: Span) -> list[Span]:
    return [e for e in ents if span.start <= e.start and e.end <= span.end]


def of_phrase(span: Span) -> Span | None:
    """The "of" phrase of ``span``'s head when the argument stops before it ("people" of "the
    people of Niger"): the country it names is the argument's."""
    for prep in span.root.children:
        if prep.dep_ == "prep" and prep.lower_ == OF and prep.i >= span.end:
            tokens = list(prep.subtree)
            return span.doc[tokens[0].i : tokens[-1].i + 1]
    return None


def named_country(span: Span, ctx: CodeContext) -> str | None:
    """The country a phrase names: a coded gazetteer entity in it ("head of Chad's air
    force" -> TCD), else a country name, adjective or city of the derived table
    ("Venezuelan lawmakers" -> VEN); else the same in the "of" phrase the argument leaves
    out ("the people of Niger")."""
    found = _country_in(span, ctx)
    if found is None:
        after = of_phrase(span)
        found = _country_in(after, ctx) if after is not None else None
    return found


def _country_in(span: Span, ctx: CodeContext) -> str | None:
    if ctx.linker is not None:
        for ent in _inside(ctx.ents, span):
            if ent.kb_id_:
                country = ctx.linker.codes(ent.kb_id_, ctx.day)[0]
                if country is not None:
                    return country
    tokens = [t.lower_ for t in span]
    for size in range(min(ctx.tables.longest_country, len(tokens)), 0, -1):
        for i in range(len(tokens) - size + 1):
            country = ctx.tables.countries.get(" ".join(tokens[i : i + size]))
            if country is not None:
                return country
    return None


def named_actor(span: Span, ctx: CodeContext) -> Codes | None:
    """The dated codes of an unlinked name at the phrase's head that the derived table
    knows (older leaders, armed groups, international bodies)."""
    head = span.root
    for ent in _inside(ctx.ents, span):
        if ent.start <= head.i < ent.end and not ent.kb_id_ and ent.label_ in ACTOR_LABELS:
            codes = ctx.tables.actors.get(plain(ent.text))
            return dated(codes, ctx.day) if codes else None
    return None


def code_arg(arg: ClaimArg, span: Span | None, ctx: CodeContext) -> Codes:
    """``(country, sector)`` of one argument (see the module docstring)."""
    linker = ctx.linker
    phrase = governed_phrase(span) if span is not None else None
    if arg.id is not None and linker is not None and linker.coded(arg.id):
        country, sector = linker.codes(arg.id, ctx.day)
        if phrase is not None and linker.label(arg.id) == STATE_LABEL:
            sector = agent_sector(phrase, ctx.tables.agents) or sector
        return country, sector
    if span is None or phrase is None:
        return NONE
    agent = agent_sector(phrase, ctx.tables.agents)
    actor = named_actor(span, ctx)
    head_type = span.root.ent_type_
    if agent is None and actor is None and head_type not in ACTOR_LABELS:
        return NONE
    country = named_country(span, ctx) or (actor[0] if actor else None)
    sector = agent or (actor[1] if actor else None)
    if sector is None and head_type == STATE_LABEL and country is not None:
        sector = STATE_SECTOR
    if country is None and sector in STATE_SECTORS:
        country = ctx.main_country
    return country, sector
