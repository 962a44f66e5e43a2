"""What the gazetteer knows, offered to later stages through the Doc.

The claims stage asks which actor a noun phrase denotes ("the coup leaders", "Nigeria's
president") and what a description denotes for a given country ("junta" of Mali). A
:class:`Linker` answers both from the alias index; the gazetteer component registers it
(:func:`pipeline.doc.register_linker`) and marks each Doc it processed, so a later stage
finds it as ``doc._.sahel_linker`` without reaching into the gazetteer pipe.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable

from spacy.tokens import Doc, Span

from .index import codes_at
from .kb import AliasIndex
from .mentions import describe, resolve_span, role_holder

# what may stand between two coordinated issuers in a publisher line
JOINED = re.compile(r"(?:\s|,|&|and|the)*", re.IGNORECASE)


class Linker:
    """Per-Doc resolvers over one :class:`~pipeline.gazetteer.index.AliasIndex`."""

    def __init__(self, index: AliasIndex) -> None:
        self.index = index
        self._publishers: dict[str, tuple[str, ...]] = {}
        self._names_of: dict[str, tuple[str, ...]] | None = None

    def state_of(self, entity_id: str) -> str:
        """The state a government body acts for ("United_States_Department_of_State" ->
        "United_States"); any other id is itself."""
        return self.index.states.get(entity_id, entity_id) if self.index is not None else entity_id

    def codes(self, entity_id: str, day: dt.date | None) -> tuple[str | None, str | None]:
        """The actor codes ``(country, sector)`` of ``entity_id`` on ``day`` (SPEC section 4,
        revision 2; :func:`~pipeline.gazetteer.index.codes_at`); ``(None, None)`` for an id
        the gazetteer does not code."""
        if self.index is None:
            return None, None
        return codes_at(self.index, entity_id, day)

    def coded(self, entity_id: str) -> bool:
        """The gazetteer gives ``entity_id`` actor codes (of its own, dated or by a role)."""
        entry = self.index.codes.get(entity_id) if self.index is not None else None
        return entry is not None and (
            entry.default.country is not None or entry.default.sector is not None or bool(entry.dated or entry.roles)
        )

    def label(self, entity_id: str) -> str | None:
        """The gazetteer label of ``entity_id`` (GPE, ORG, PERSON...), ``None`` if unknown."""
        return self.index.labels.get(entity_id) if self.index is not None else None

    def names_in(self, text: str) -> list[tuple[int, int, str]]:
        """The gazetteer names (demonyms included) in a free text such as a publisher
        line, as (start, end, id): longest names first, no overlaps, in text order."""
        if self.index is None:
            return []
        found: list[tuple[int, int, str]] = []
        for table, haystack in ((self.index.names, text), (self.index.lower_names, text.lower())):
            for name, target in table.items():
                if name not in haystack:
                    continue
                for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", haystack):
                    found.append((m.start(), m.end(), target.id))
        taken: list[tuple[int, int, str]] = []
        for start, end, kb_id in sorted(found, key=lambda f: (f[0] - f[1], f[0])):
            if all(end <= a or start >= b for a, b, _ in taken):
                taken.append((start, end, kb_id))
        return sorted(taken)

    def publishers(self, source: str | None) -> tuple[str, ...]:
        """The bodies a publisher line names first ("U.S. Embassy Niamey (U.S. Department
        of State)" -> the embassy), before :meth:`issuers` maps them to their states."""
        if not source:
            return ()
        if source not in self._publishers:  # every article of a feed has the same line
            names = self.names_in(source)
            ids = [names[0][2]] if names else []
            for (_, end, _), (start, _, kb_id) in zip(names, names[1:], strict=False):
                if not JOINED.fullmatch(source[end:start]):
                    break
                ids.append(kb_id)
            self._publishers[source] = tuple(dict.fromkeys(ids))
        return self._publishers[source]

    def names_of(self, entity_id: str) -> tuple[str, ...]:
        """Every case-sensitive name of ``entity_id`` in the gazetteer."""
        if self.index is None:
            return ()
        if self._names_of is None:
            table: dict[str, list[str]] = {}
            for name, target in self.index.names.items():
                table.setdefault(target.id, []).append(name)
            self._names_of = {k: tuple(v) for k, v in table.items()}
        return self._names_of.get(entity_id, ())

    def issuers(self, source: str | None) -> tuple[str, ...]:
        """Who "we" denotes in a statement published by ``source`` (SPEC section 4, first
        person): the state each named government body acts for, or the body itself (an
        international organisation); empty when the source names no known actor."""
        if not source:
            return ()
        # the first name, and those coordinated with it ("the French and German foreign
        # ministries"); later names are venues or parents ("at the Security Council",
        # "(U.S. Department of State)")
        return tuple(dict.fromkeys(self.state_of(i) for i in self.publishers(source)))

    def resolver(self, doc: Doc, doc_ents: tuple[Span, ...] | None = None) -> Callable[[Span], str | None]:
        """``span -> id | None`` for ``doc`` (its entities ``doc_ents``, else read once;
        each span resolved once: the argument rules ask again for a phrase that is
        subject of one claim and object of another)."""
        ents: list[tuple[Span, ...]] = [] if doc_ents is None else [doc_ents]  # else doc.ents, on the first call
        known: dict[tuple[int, int], str | None] = {}
        index = self.index

        def _resolve(span: Span) -> str | None:
            try:
                if not ents:
                    ents.append(doc.ents)
                return resolve_span(span, index, ents=ents[0])
            except Exception:  # noqa: BLE001 - a resolver failure must not lose the claim
                return None

        def resolve(span: Span) -> str | None:
            key = (span.start, span.end)
            if key not in known:
                known[key] = _resolve(span)
            return known[key]

        return resolve

    def owned(self, doc: Doc) -> Callable[[str, str], str | None]:
        """``(phrase, country id) -> id | None`` for ``doc``: what a description denotes
        for one country ("junta" of Mali), by the description rules, or who held the role
        it names then ("president" of Nigeria)."""
        published = getattr(doc._, "published", None)
        known: dict[tuple[str, str], str | None] = {}  # each (phrase, country) looked up once
        index = self.index

        def _owned(phrase: str, owner: str) -> str | None:
            try:
                found = describe(phrase, index, published, Counter(), [owner], owner)
                return found or role_holder(phrase, owner, index, published)
            except Exception:  # noqa: BLE001 - a resolver failure must not lose the claim
                return None

        def owned(phrase: str, owner: str) -> str | None:
            if (phrase, owner) not in known:
                known[phrase, owner] = _owned(phrase, owner)
            return known[phrase, owner]

        return owned
