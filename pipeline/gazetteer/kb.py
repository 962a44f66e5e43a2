"""The gazetteer's knowledge base as plain typed records (scispacy's ``linking_utils``
style): what a name links to (:class:`Target`), description rules, role holders, the
:class:`AliasIndex` tables that hold them and the :class:`Matchers` compiled from those.
The synonyms and fallbacks of role titles live in :mod:`pipeline.gazetteer.vocab`.

Built by :func:`pipeline.gazetteer.index.build_index` and
:func:`~pipeline.gazetteer.index.build_matchers`; read by the functions over a ``Doc``
(:mod:`pipeline.gazetteer.entities`, :mod:`pipeline.gazetteer.mentions`). Imports nothing
of the gazetteer: the bottom of its imports.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc


@dataclass(frozen=True)
class Target:
    """What a matched text links to."""

    id: str
    label: str


@dataclass(frozen=True)
class DescriptionRule:
    """A description phrase denotes ``id`` in articles published in [start, end] about
    one of ``about``."""

    id: str
    about: tuple[str, ...]
    start: dt.date | None
    end: dt.date | None


@dataclass(frozen=True)
class Holder:
    """``id`` held a role from ``start`` until ``end``."""

    id: str
    start: dt.date | None
    end: dt.date | None


@dataclass(frozen=True)
class DatedCodes:
    """Actor codes (SPEC section 4, revision 2) from ``start`` until ``end`` (open when
    ``None``, both limits included): ``country`` (ISO 3166-1 alpha-3), ``sector``."""

    country: str | None
    sector: str | None
    start: dt.date | None = None
    end: dt.date | None = None

    def holds(self, day: dt.date | None) -> bool:
        """In force on ``day``; with no day, only codes that are not dated hold."""
        if day is None:
            return self.start is None and self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class RoleCodes:
    """A dated role's part in its holder's codes: held ``of`` an entity from ``start`` until
    ``end``, with its own ``country``/``sector`` when the gazetteer gives them."""

    of: str
    start: dt.date | None
    end: dt.date | None
    country: str | None = None
    sector: str | None = None


@dataclass(frozen=True)
class EntryCodes:
    """Everything an entry says of its codes, in the order they are tried: ``dated`` codes,
    then ``roles``, then the undated ``default``."""

    dated: tuple[DatedCodes, ...] = ()
    roles: tuple[RoleCodes, ...] = ()
    default: DatedCodes = DatedCodes(None, None)


@dataclass
class AliasIndex:
    """Everything the matchers need, as plain dictionaries."""

    names: dict[str, Target] = field(default_factory=dict)
    lower_names: dict[str, Target] = field(default_factory=dict)
    short_names: dict[tuple[str, str], Target] = field(default_factory=dict)
    descriptions: dict[str, list[DescriptionRule]] = field(default_factory=dict)
    roles: dict[tuple[str, str], list[Holder]] = field(default_factory=dict)
    titles: tuple[str, ...] = ()
    labels: dict[str, str] = field(default_factory=dict)
    states: dict[str, str] = field(default_factory=dict)  # government body -> the state it acts for
    codes: dict[str, EntryCodes] = field(default_factory=dict)  # actor codes (revision 2) by id


MatcherPatterns = dict[str, list[tuple[str, list[tuple[int, ...]]]]]
"""Per matcher (a field of :class:`Matchers`), its keys in order, each with its patterns
as token ids (the ``ORTH`` or ``LOWER`` of each token, what the matcher compares)."""

MATCHER_ATTRS = {
    "names": "ORTH",
    "lower_names": "LOWER",
    "short_names": "ORTH",
    "descriptions": "LOWER",
    "roles": "LOWER",
    "titles": "ORTH",
}


@dataclass
class Matchers:
    """The index compiled once against a vocabulary, and the patterns it was compiled
    from (:func:`pipeline.gazetteer.index.matcher_patterns`, what the component saves)."""

    names: PhraseMatcher
    lower_names: PhraseMatcher
    short_names: PhraseMatcher
    descriptions: PhraseMatcher
    roles: PhraseMatcher
    titles: PhraseMatcher
    patterns: MatcherPatterns


def match_key(doc: Doc, match_id: int) -> str:
    """The key a matcher's match was added under."""
    return doc.vocab.strings[match_id]
