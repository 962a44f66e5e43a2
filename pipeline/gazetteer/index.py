"""The gazetteer's knowledge as an index, compiled once into phrase matchers.

:func:`build_index` turns the validated :class:`~pipeline.models.Gazetteer`
(configs/gazetteer.yaml) into an :class:`~pipeline.gazetteer.kb.AliasIndex`: plain
tables of names, surnames, names that need an owner, description rules and dated roles
(scispacy's ``linking_utils`` style: a pure function over the typed records of
:mod:`pipeline.gazetteer.kb`). :func:`build_matchers` compiles it into spaCy
``PhraseMatcher`` objects; call it once, in ``initialize``. It tokenises each name
(:func:`matcher_patterns`) and compiles the token ids (:func:`compile_matchers`); a saved
gazetteer keeps those ids and compiles them again.

The functions over a ``Doc`` live in :mod:`pipeline.gazetteer.entities` (names: the
entities layer) and :mod:`pipeline.gazetteer.mentions` (descriptions and roles).
:func:`resolve_span` is the claims stage's entry point: given any noun-phrase ``Span``
of a processed ``Doc`` and the index (``nlp.get_pipe("sahel_gazetteer").index``), it
returns the id of the actor the phrase denotes, or ``None``: the entity that holds the
phrase's head ("President Bazoum", "the U.S."), a mention of
``doc.spans["sahel_mentions"]`` there, else a description ("these coup leaders") or a
role ("Nigeria's president") in the article's context (date, what it is about).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Span
from spacy.vocab import Vocab

from ..errors import Warnings, warn
from ..models import Gazetteer, GazetteerEntry
from . import mentions
from .kb import (
    MATCHER_ATTRS,
    AliasIndex,
    DatedCodes,
    DescriptionRule,
    EntryCodes,
    Holder,
    MatcherPatterns,
    Matchers,
    RoleCodes,
    Target,
)
from .vocab import TITLE_FALLBACKS, TITLE_SYNONYMS


def _display_name(entity_id: str) -> str | None:
    """The id as a name ("Bola_Tinubu" -> "Bola Tinubu", "The_Gambia" -> "Gambia": a
    leading "the" stays outside names); None with a qualifier in brackets."""
    if "(" in entity_id:
        return None
    name = entity_id.replace("_", " ")
    return name[4:] if name.startswith("The ") else name


def _plural(demonym: str) -> str | None:
    return demonym + "s" if demonym[-1:] in ("n", "i") and " " not in demonym else None


def _add(table: dict, key, target: Target, owner: str) -> None:
    other = table.get(key)
    if other is None:
        table[key] = target
    elif other != target:
        warn(Warnings.W003.format(alias=key, id=owner, other=other.id))


def build_index(gazetteer: Gazetteer) -> AliasIndex:
    """The alias, surname, description and role tables of ``gazetteer`` (pure).

    A PERSON's surnames (by default the last word of each multi-word name) are aliases
    unless they are names of another entry or surnames of two people; an alias claimed
    twice keeps its first entry (warning W003)."""
    index = AliasIndex(titles=tuple(gazetteer.titles))
    surnames: dict[str, set[str]] = {}
    for entry in gazetteer.entries:
        index.labels[entry.id] = entry.label
        if entry.state:
            index.states[entry.id] = entry.state
        index.codes[entry.id] = entry_codes(entry)
        target = Target(entry.id, entry.label)
        names = [n for n in [_display_name(entry.id), *entry.aliases] if n]
        for name in names:
            _add(index.names, name, target, entry.id)
            if " " in name and not name.isupper():
                _add(index.lower_names, name.lower(), target, entry.id)
        if entry.label == "PERSON":
            derived = [n.split()[-1] for n in names if " " in n]
            for surname in derived if entry.surnames is None else entry.surnames:
                surnames.setdefault(surname, set()).add(entry.id)
        for demonym in entry.demonyms:
            norp = Target(entry.id, "NORP")
            for form in filter(None, (demonym, _plural(demonym))):
                _add(index.names, form, norp, entry.id)
        for short in entry.short_names:
            _add(index.short_names, (short, entry.owner), target, entry.id)
        for role in entry.roles:
            index.roles.setdefault((role.title, role.of), []).append(Holder(entry.id, role.start, role.end))
        for desc in entry.descriptions:
            rule = DescriptionRule(entry.id, tuple(desc.about), desc.start, desc.end)
            for phrase in desc.phrases:
                index.descriptions.setdefault(phrase.lower(), []).append(rule)
    for entry in gazetteer.entries:
        name = _display_name(entry.id)
        if entry.label == "GPE" and name and " " not in name and len(name) >= 5 and name.upper() not in index.names:
            index.names[name.upper()] = Target(entry.id, entry.label)
    for surname, ids in surnames.items():
        if len(ids) == 1 and surname not in index.names and surname[:1].isupper():
            index.names[surname] = Target(next(iter(ids)), "PERSON")
    return index


def entry_codes(entry: GazetteerEntry) -> EntryCodes:
    """The actor-code records of one gazetteer entry (pure)."""
    dated = tuple(DatedCodes(c.country, c.sector, c.start, c.end) for c in entry.codes)
    roles = tuple(RoleCodes(r.of, r.start, r.end, r.country, r.sector) for r in entry.roles)
    return EntryCodes(dated, roles, DatedCodes(entry.country, entry.sector))


MAX_ROLE_DEPTH = 3  # a role of a body whose codes come from a role of ... (never a cycle)


def codes_at(
    index: AliasIndex, entity_id: str, day: dt.date | None, *, depth: int = 0
) -> tuple[str | None, str | None]:
    """``(country, sector)`` of ``entity_id`` on ``day`` (SPEC section 4, revision 2): its
    first dated codes in force; else its first role in force, whose codes are the role's own
    where the gazetteer gives them, else the country of the entity it is held ``of`` and
    GOV when that is a state (GPE), else that entity's codes on ``day``; else its undated
    codes. ``(None, None)`` for an id the gazetteer does not code. Without a ``day`` only
    the undated codes hold."""
    entry = index.codes.get(entity_id)
    if entry is None:
        return None, None
    for codes in entry.dated:
        if codes.holds(day):
            return codes.country, codes.sector
    if day is not None and depth < MAX_ROLE_DEPTH:
        for role in entry.roles:
            if not DatedCodes(None, None, role.start, role.end).holds(day):
                continue
            if index.labels.get(role.of) == "GPE":
                country, sector = codes_at(index, role.of, day, depth=depth + 1)[0], "GOV"
            else:
                country, sector = codes_at(index, role.of, day, depth=depth + 1)
            country, sector = role.country or country, role.sector or sector
            if country is not None or sector is not None:
                return country, sector
    return entry.default.country, entry.default.sector


def matcher_patterns(nlp: Language, index: AliasIndex) -> MatcherPatterns:
    """The patterns of each matcher for ``index``, tokenised by ``nlp`` (pure but for the
    vocabulary the tokens enter): a key per text, or per group of texts for the roles
    (their synonyms) and titles."""
    held = {t for t, _ in index.roles}
    role_titles = held | {s for s, t in TITLE_SYNONYMS.items() if t in held} | set(TITLE_FALLBACKS)
    keyed = {
        "names": ((n, n) for n in index.names),
        "lower_names": ((n, n) for n in index.lower_names),
        "short_names": ((s, s) for s, _ in index.short_names),
        "descriptions": ((p, p) for p in index.descriptions),
        "roles": ((TITLE_SYNONYMS.get(t, t), t) for t in role_titles),
        "titles": (("TITLE", t) for t in index.titles),
    }
    out: MatcherPatterns = {}
    for name, pairs in keyed.items():
        groups: dict[str, list[tuple[int, ...]]] = {}
        for key, text in pairs:
            groups.setdefault(key, []).append(tuple(nlp.make_doc(text).to_array(MATCHER_ATTRS[name]).tolist()))
        out[name] = list(groups.items())
    return out


def compile_matchers(vocab: Vocab, patterns: MatcherPatterns) -> Matchers:
    """PhraseMatchers of ``patterns``. Each pattern is added as its token ids, the form
    ``PhraseMatcher`` keeps it in (and unpickles it from): no Doc is made, so loading a
    saved gazetteer tokenises nothing."""
    compiled = {}
    for name, attr in MATCHER_ATTRS.items():
        matcher = PhraseMatcher(vocab, attr=attr)
        for key, keywords in patterns[name]:
            matcher.add(key, [tuple(k) for k in keywords])
        compiled[name] = matcher
    return Matchers(**compiled, patterns=patterns)


def build_matchers(nlp: Language, index: AliasIndex) -> Matchers:
    """PhraseMatchers for ``index``, tokenised by ``nlp`` (build once, in ``initialize``)."""
    return compile_matchers(nlp.vocab, matcher_patterns(nlp, index))


def resolve_span(span: Span, index: AliasIndex | None = None, *, ents: Sequence[Span] | None = None) -> str | None:
    """The id of the actor a noun phrase denotes, or None (see the module docstring and
    :func:`pipeline.gazetteer.mentions.resolve_span`; ``ents``: ``doc.ents`` read once)."""
    return mentions.resolve_span(span, index, ents=ents)
