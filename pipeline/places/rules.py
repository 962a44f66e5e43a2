"""Where a claim's event happened: rules over the dependency parse (pure functions).

:func:`clause_place` looks below the claim's trigger (and its event noun) for the place
of the clause: the object of a place preposition ("killed in Niamey", "the arrest of ...
by soldiers in Mali"), a fronted one ("In the capital, Niamey, he met ..."), one on the
subject ("the attack in Djibo killed ..."), or the object itself for a predicate whose
object is a place ("visited Niamey"). It never climbs into the governing clause (a
statement issued in Washington does not happen there) nor descends into clauses of their
own. :func:`place_mention` turns the phrase found into the words that name the place: a
GPE or LOC entity, the named place of a place noun ("the Tillaberi region", "the village
of Mourah", "the capital, Niamey"), "the country" (the country last named), "the north"
(the article's country), or a proper noun the place table knows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .vocab import (
    ADMIN1_NOUNS,
    COMPASS,
    COUNTRY_ANAPHORS,
    DOWN_ARCS,
    MAX_PREP_HOPS,
    PLACE_LABELS,
    PLACE_NOUNS,
    PLACE_PREPS,
    SUBJECT_ARCS,
    TOWN_NOUNS,
)


@dataclass(frozen=True)
class Mention:
    """Words that name a place: ``span`` (the text written), ``name`` (the name to look up:
    the entity's text, or a country's id for "the country"), ``kb_id`` (the gazetteer's),
    ``kind`` (``admin1``/``city`` when the text says so), ``countries`` (names of the
    countries the sentence attaches to it: "Kokorou, Niger")."""

    span: Span
    name: str
    kb_id: str | None = None
    kind: str | None = None
    countries: tuple[str, ...] = ()


Known = Callable[[str], bool]  # is this text a name of the place table?
CountryBefore = Callable[[Token], "Span | None"]  # the last country named before a token


def entity_at(token: Token) -> Span | None:
    """The GPE or LOC entity ``token`` is part of, or None."""
    if token.ent_type_ not in PLACE_LABELS:
        return None
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=token.ent_type_, kb_id=token.ent_kb_id_)


def proper_name(token: Token) -> Span | None:
    """The place entity of ``token``, else the proper noun it ends ("Mourah", "Kokorou"
    when the model tagged no place), else None."""
    ent = entity_at(token)
    if ent is not None:
        return ent
    if token.pos_ != "PROPN":
        return None
    start = token.i
    while start > token.sent.start and token.doc[start - 1].dep_ == "compound" and token.doc[start - 1].pos_ == "PROPN":
        start -= 1
    return token.doc[start : token.i + 1]


def _named_below(noun: Token) -> Span | None:
    """The name of the place ``noun`` (a place noun) denotes: its compound or modifier ("the
    Tillaberi region"), apposition ("the capital, Niamey", also when the parser hung it
    elsewhere) or of-phrase ("the village of Mourah", "the region of the Sahel"). A proper
    noun there names a place whether or not the model tagged it."""
    for child in noun.children:
        if child.dep_ in ("compound", "amod", "nmod", "appos") and child.i != noun.i:
            name = proper_name(child)
            if name is not None:
                return name
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj" and proper_name(obj) is not None:
                    return proper_name(obj)
    doc = noun.doc
    after = noun.i + 1
    if after + 1 < len(doc) and doc[after].text == "," and entity_at(doc[after + 1]) is not None:
        return entity_at(doc[after + 1])  # "In the capital, Niamey, he met ...": an apposition by position
    return None


def _country_hints(token: Token, inside: Span) -> tuple[str, ...]:
    """Names of the places the sentence attaches to the place at ``token``: its
    appositions and conjuncts ("Kokorou, Niger"), the of/in phrases of its phrase ("the
    Mopti region of central Mali", "the Sahel, in Burkina Faso")."""
    out = []
    head = token
    stack = [head, *([head.head] if head.dep_ in ("appos", "pobj", "compound") else [])]
    for node in stack:
        for child in node.subtree:
            if child.i in range(inside.start, inside.end):
                continue
            ent = entity_at(child)
            if ent is not None and ent.text not in out:
                out.append(ent.text)
    return tuple(out)


def place_mention(
    obj: Token, *, known: Known, country_before: CountryBefore, main_country: str | None
) -> Mention | None:
    """The place ``obj`` (the object of a place preposition, or a place object) names, or
    None when it names none (see the module docstring). A place that only situates the
    one before it ("in the region of the Sahel, in Burkina Faso") gives that one, the
    more precise, with itself as its country."""
    found = _place_mention(obj, known=known, country_before=country_before, main_country=main_country)
    if found is None:
        return None
    earlier = _situated(obj)
    if earlier is not None:
        before = _place_mention(earlier, known=known, country_before=country_before, main_country=main_country)
        if before is not None and before.span.end <= found.span.start:
            return Mention(before.span, before.name, before.kb_id, before.kind, (*before.countries, found.name))
    return found


def _situated(obj: Token) -> Token | None:
    """For the object of "X, in Y" (a place phrase, a comma, then ``obj``'s place
    preposition), the object of X's place preposition; else None."""
    prep = obj.head
    doc = obj.doc
    if obj.dep_ != "pobj" or prep.i < 2 or doc[prep.i - 1].text != ",":
        return None
    node = doc[prep.i - 2]
    for _ in range(6):  # up to the pobj of a place preposition
        if node.dep_ == "pobj" and node.head.lower_ in PLACE_PREPS:
            return node
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def relative_antecedent(anchor: Token) -> Token | None:
    """The antecedent of a relative clause that says where ("the attacks in X, in which
    100 civilians were killed", "Djibo, where ..."): its place is the clause's place."""
    if anchor.dep_ != "relcl":
        return None
    for child in anchor.children:
        if child.dep_ == "advmod" and child.lower_ == "where":
            return anchor.head
        if child.dep_ == "prep" and child.lower_ in PLACE_PREPS:
            if any(g.dep_ == "pobj" and g.lower_ == "which" for g in child.children):
                return anchor.head
    return None


def _place_mention(
    obj: Token, *, known: Known, country_before: CountryBefore, main_country: str | None
) -> Mention | None:
    ent = entity_at(obj)
    if ent is not None:
        return Mention(ent, ent.text, ent.root.ent_kb_id_ or None, None, _country_hints(ent.root, ent))
    lemma = obj.lemma_.lower()
    if lemma in PLACE_NOUNS:
        named = _named_below(obj)
        if named is not None:
            kind = "admin1" if lemma in ADMIN1_NOUNS else "city" if lemma in TOWN_NOUNS else None
            return Mention(named, named.text, named.root.ent_kb_id_ or None, kind, _country_hints(obj, named))
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in obj.children)
    if lemma in COUNTRY_ANAPHORS and definite:
        country = country_before(obj)
        if country is not None:
            span = obj.doc[obj.left_edge.i : obj.i + 1]
            return Mention(span, country.text, country.root.ent_kb_id_ or None)
    if lemma in COMPASS and definite:
        for child in obj.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for inner in child.children:
                    if inner.dep_ == "pobj":
                        return place_mention(
                            inner, known=known, country_before=country_before, main_country=main_country
                        )
        if main_country is not None:
            return Mention(obj.doc[obj.left_edge.i : obj.i + 1], main_country, main_country)
    span = proper_name(obj)
    if span is not None and known(span.text):
        return Mention(span, span.text, None, None, _country_hints(obj, span))
    return None


def _place_objects(head: Token, preps: frozenset[str]) -> Iterable[Token]:
    """The objects of ``head``'s place prepositions ("in Mali"; "across the border in
    Burkina Faso" gives "border", whose own "in" phrase is searched next)."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    yield obj


def shared_heads(anchor: Token, *, is_event: Callable[[Token], bool]) -> list[Token]:
    """Words whose place phrases are the place of ``anchor``'s event too: the verb of a
    coordination it is a conjunct of, for the phrases fronted before that verb ("In
    Niamey, he met X and thanked him": thanked); for an event noun, the verb it is the
    object of when that verb is no event of its own ("the mutiny culminated in the arrest
    of X in Bamako"; not "condemned the arrest ... in Geneva", a claim of its own, see
    ``is_event``)."""
    out = []
    if anchor.dep_ == "conj" and anchor.head.pos_ in ("VERB", "AUX"):
        out.append(anchor.head)
    if anchor.pos_ in ("NOUN", "PROPN"):
        verb = (
            anchor.head.head if anchor.dep_ == "pobj" else anchor.head if anchor.dep_ in ("dobj", "nsubjpass") else None
        )
        if verb is not None and verb.pos_ == "VERB" and not is_event(verb):
            out.append(verb)
    return out


def clause_place(
    anchors: Iterable[Token],
    *,
    extra_preps: Iterable[str] = (),
    place_objects: Iterable[Token] = (),
    shared: Iterable[Token] = (),
    trigger_only: bool = False,
    known: Known,
    country_before: CountryBefore,
    main_country: str | None,
) -> Mention | None:
    """The place of the clause of ``anchors`` (the trigger and its event noun), or None.

    Searched nearest first: the ``place_objects`` (a ``place_object`` predicate's object
    heads), the objects of place prepositions (``PLACE_PREPS`` plus the predicate's
    ``extra_preps``) on the anchors, those of the ``shared`` heads (:func:`shared_heads`:
    only the phrases before a coordinated verb), then breadth first down the phrases of
    ``DOWN_ARCS`` from the anchors and their subjects (at most ``MAX_PREP_HOPS``
    prepositions deep). With ``trigger_only`` (a statement: "condemned the attack in
    Kokorou" is not made in Kokorou) only the anchors' own phrases count."""

    def mention(obj: Token) -> Mention | None:
        return place_mention(obj, known=known, country_before=country_before, main_country=main_country)

    for obj in place_objects:
        found = mention(obj)
        if found is not None:
            return found
    anchors = [a for a in anchors if a is not None]
    own = PLACE_PREPS | frozenset(p.lower() for p in extra_preps)
    for anchor in anchors:
        for obj in _place_objects(anchor, own):
            found = mention(obj) or _nested(obj, mention)
            if found is not None:
                return found
    for head in shared:
        for obj in _place_objects(head, PLACE_PREPS):
            if head.dep_ != "conj" and any(a.dep_ == "conj" and a.head == head for a in anchors) and obj.i > head.i:
                continue  # a coordinated verb's own later phrases are its own
            found = mention(obj) or _nested(obj, mention)
            if found is not None:
                return found
    if trigger_only:
        return None
    frontier = [(a, 0) for a in anchors]
    frontier += [(c, 0) for a in anchors for c in a.children if c.dep_ in SUBJECT_ARCS]
    seen = {t.i for t, _ in frontier}
    while frontier:
        nxt = []
        for node, hops in frontier:
            for child in node.children:
                if child.dep_ not in DOWN_ARCS or child.i in seen:
                    continue
                seen.add(child.i)
                deeper = hops + (child.dep_ == "prep")
                if deeper > MAX_PREP_HOPS:
                    continue
                if child.dep_ == "prep" and child.lower_ in PLACE_PREPS:
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            found = mention(obj)
                            if found is not None:
                                return found
                nxt.append((child, deeper))
        frontier = nxt
    return None


def _nested(obj: Token, mention: Callable[[Token], Mention | None]) -> Mention | None:
    """A place one preposition further down: "across the border in Burkina Faso"."""
    for inner in _place_objects(obj, PLACE_PREPS):
        found = mention(inner)
        if found is not None:
            return found
    return None


def last_country_before(doc: Doc, is_country: Callable[[Span], bool]) -> CountryBefore:
    """A function: the last GPE entity before a token that ``is_country`` accepts."""
    countries = [e for e in doc.ents if e.label_ == "GPE" and is_country(e)]

    def before(token: Token) -> Span | None:
        found = None
        for ent in countries:
            if ent.start >= token.i:
                break
            found = ent
        return found

    return before
