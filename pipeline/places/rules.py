"""Where a claim's event happened: rules over the dependency parse (pure functions).

:func:`clause_place` looks below the claim's trigger (and its event noun) for the place
of the clause: the object of a place preposition ("killed in Niamey", "the arrest of ...
by soldiers in Mali"), a fronted one ("In the capital, Niamey, he met ..."), one on the
subject ("the attack in Djibo killed ..."), "there", or the object itself for a predicate
whose object is a place ("visited Niamey"). It never climbs into a governing clause that
is an event or a report of its own (a statement issued in Washington does not happen
there) nor descends into clauses of their own, but for a "when" clause of the same event.
:func:`place_mention` turns the phrase found into the words that name the place: a GPE or
LOC entity, the named place of a place noun ("the Tillaberi region", "the village of
Mourah", "the capital, Niamey"), a place owning the phrase ("Bamako's airport", "the Kati
military camp"), "the capital" (of the country its modifier or the article names), "the
border with Mali", "the country" (the country last named), "the north" (the article's
country), or a proper noun the place table knows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .vocab import (
    ADMIN1_NOUNS,
    BORDER_NOUNS,
    CAPITAL_NOUNS,
    COMPASS,
    COUNTRY_ANAPHORS,
    DOWN_ARCS,
    MAX_PREP_HOPS,
    PLACE_ADVERBS,
    PLACE_LABELS,
    PLACE_NOUNS,
    PLACE_PREPS,
    SAME_EVENT_MARKERS,
    SAME_WORDS,
    SUBJECT_ARCS,
    TOWN_NOUNS,
)

BORDER = "border"  # Mention.kind of "the border with X": no record


@dataclass(frozen=True)
class Mention:
    """Words that name a place: ``span`` (the text written), ``name`` (the name to look up:
    the entity's text, or a place's id for "the country", "the capital"), ``kb_id`` (the
    gazetteer's, or that id), ``kind`` (``admin1``/``city`` when the text says so,
    ``border``), ``countries`` (names of the countries the sentence attaches to it:
    "Kokorou, Niger")."""

    span: Span
    name: str
    kb_id: str | None = None
    kind: str | None = None
    countries: tuple[str, ...] = ()


@dataclass(frozen=True)
class Context:
    """What the rules may ask of the article and the place table: ``known`` (is this text a
    name of the table?), ``is_country`` (does this name or id denote a country?),
    ``capital_of`` (a country's capital's id), ``country_before`` and ``place_before`` (the
    last country, the last place of a place preposition, named before a token),
    ``main_country`` (the id of the country the article is most about, if one leads),
    ``home_country`` (the id of the country of the article's wire dateline: "the capital"
    of a story filed from Ouagadougou is Ouagadougou)."""

    known: Callable[[str], bool]
    is_country: Callable[[str], bool] = lambda name: False
    capital_of: Callable[[str], str | None] = lambda country: None
    country_before: Callable[[Token], Span | None] = lambda token: None
    place_before: Callable[[Token], Span | None] = lambda token: None
    main_country: str | None = None
    home_country: str | None = None


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


def _entity_mention(ent: Span, countries: tuple[str, ...] = ()) -> Mention:
    return Mention(ent, ent.text, ent.root.ent_kb_id_ or None, None, countries)


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
    stack = [token, *([token.head] if token.dep_ in ("appos", "pobj", "compound") else [])]
    for node in stack:
        for child in node.subtree:
            if inside.start <= child.i < inside.end:
                continue
            ent = entity_at(child)
            if ent is not None and ent.text not in out:
                out.append(ent.text)
    return tuple(out)


def _definite(noun: Token) -> bool:
    return any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "its", "their") for c in noun.children)


def _phrase(noun: Token) -> Span:
    """``noun`` with the words before it in its phrase ("the north", "the capital")."""
    return noun.doc[min(noun.left_edge.i, noun.i) : noun.i + 1]


def place_mention(obj: Token, ctx: Context) -> Mention | None:
    """The place ``obj`` (the object of a place preposition, or a place object) names, or
    None when it names none (see the module docstring). A place that only situates the
    one before it ("in the region of the Sahel, in Burkina Faso") gives that one, the
    more precise, with itself as its country."""
    found = _place_mention(obj, ctx)
    if found is None:
        return None
    earlier = _situated(obj)
    if earlier is not None:
        before = _place_mention(earlier, ctx)
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


def _owner_place(obj: Token, ctx: Context) -> Mention | None:
    """A place that owns or names the phrase: "Bamako's airport", "the nation's airspace",
    "the Kati military camp"."""
    for child in obj.children:
        if child.dep_ == "poss":
            ent = entity_at(child)
            if ent is not None:
                return _entity_mention(ent)
            if child.lemma_.lower() in COUNTRY_ANAPHORS and _definite(child):
                country = ctx.country_before(child)
                if country is not None:
                    return Mention(_phrase(child), country.text, country.root.ent_kb_id_ or None)
        if child.dep_ == "compound" and child.ent_type_ == "GPE":
            return _entity_mention(entity_at(child))
    return None


def _capital(noun: Token, ctx: Context) -> Mention | None:
    """ "the capital", "the Ghanaian capital", "the capital of Mali": the capital's record;
    bare, the capital of the dateline's country, else of the article's."""
    country = None
    for child in noun.children:
        if child.dep_ in ("amod", "compound", "nmod") and child.ent_type_ in ("NORP", "GPE") and child.ent_kb_id_:
            country = child.ent_kb_id_
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj" and entity_at(obj) is not None:
                    country = entity_at(obj).root.ent_kb_id_ or entity_at(obj).text
    if country is None and _definite(noun):
        country = ctx.home_country or ctx.main_country
        if country is None and ctx.country_before(noun) is not None:
            before = ctx.country_before(noun)
            country = before.root.ent_kb_id_ or before.text
    capital = ctx.capital_of(country) if country else None
    return Mention(_phrase(noun), capital, capital) if capital else None


def _place_mention(obj: Token, ctx: Context) -> Mention | None:
    ent = entity_at(obj)
    if ent is not None:
        return _entity_mention(ent, _country_hints(ent.root, ent))
    lemma = obj.lemma_.lower()
    if lemma in PLACE_NOUNS:
        named = _named_below(obj)
        if named is not None:
            kind = "admin1" if lemma in ADMIN1_NOUNS else "city" if lemma in TOWN_NOUNS else None
            return Mention(named, named.text, named.root.ent_kb_id_ or None, kind, _country_hints(obj, named))
        if any(c.lower_ in SAME_WORDS for c in obj.children):  # "in the same area": the place named last
            before = ctx.place_before(obj)
            if before is not None:
                return Mention(_phrase(obj), before.text, before.root.ent_kb_id_ or None)
    if lemma in CAPITAL_NOUNS:
        return _capital(obj, ctx)
    if lemma in BORDER_NOUNS:
        for child in obj.children:
            if child.dep_ == "prep" and child.lower_ == "with":
                for inner in child.children:
                    if inner.dep_ == "pobj" and entity_at(inner) is not None:
                        other = entity_at(inner)
                        return Mention(obj.doc[obj.i : other.end], obj.doc[obj.i : other.end].text, None, BORDER)
    owner = _owner_place(obj, ctx)
    if owner is not None:
        return owner
    if lemma in COUNTRY_ANAPHORS and _definite(obj):
        country = ctx.country_before(obj)
        if country is not None:
            return Mention(_phrase(obj), country.text, country.root.ent_kb_id_ or None)
    if lemma in COMPASS and _definite(obj):
        for child in obj.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for inner in child.children:
                    if inner.dep_ == "pobj":
                        return place_mention(inner, ctx)
        if ctx.main_country is not None:
            return Mention(_phrase(obj), ctx.main_country, ctx.main_country)
    span = proper_name(obj)
    if span is not None and ctx.known(span.text):
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
    Niamey, he met X and thanked him": thanked); the verb of which it is the purpose
    ("rallied in the capital to demand ..."); for an event noun, the verb it is the object
    of when that verb is no event of its own ("the mutiny culminated in the arrest of X in
    Bamako"; not "condemned the arrest ... in Geneva", a claim of its own, see
    ``is_event``); the same for a verb that is the complement of such a verb ("agreed at a
    summit in Accra to shut the borders"); for an event noun that is a subject, its verb
    ("attacks have killed thousands in Burkina Faso")."""
    out = []
    if anchor.dep_ == "conj" and anchor.head.pos_ in ("VERB", "AUX"):
        out.append(anchor.head)
        out.extend(h for h in shared_heads(anchor.head, is_event=is_event) if h not in out)
    if anchor.dep_ in ("xcomp", "advcl") and anchor.head.pos_ in ("VERB", "AUX"):
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in anchor.children)
        if infinitive and (anchor.dep_ == "advcl" or not is_event(anchor.head)):
            out.append(anchor.head)
    if anchor.pos_ in ("NOUN", "PROPN"):
        governs = {"pobj": anchor.head.head, "dobj": anchor.head, "nsubjpass": anchor.head}
        verb = governs.get(anchor.dep_)
        if verb is not None and verb.pos_ == "VERB" and not is_event(verb):
            out.append(verb)
        if anchor.dep_ == "nsubj" and anchor.head.pos_ == "VERB":
            out.append(anchor.head)  # "attacks have killed thousands in Burkina Faso": where they killed
    return out


def _most_precise(found: list[Mention], ctx: Context) -> Mention | None:
    """Of the places one word takes, the first that is no country ("in Niger, X remains
    under arrest in Niamey": Niamey), else the first."""
    for mention in found:
        if not ctx.is_country(mention.kb_id or mention.name):
            return mention
    return found[0] if found else None


def clause_place(
    anchors: Iterable[Token],
    ctx: Context,
    *,
    extra_preps: Iterable[str] = (),
    place_objects: Iterable[Token] = (),
    shared: Iterable[Token] = (),
    trigger_only: bool = False,
) -> Mention | None:
    """The place of the clause of ``anchors`` (the trigger and its event noun), or None.

    Searched nearest first: the ``place_objects`` (a ``place_object`` predicate's object
    heads); the objects of place prepositions (``PLACE_PREPS`` plus the predicate's
    ``extra_preps``) on the anchors, the most precise of them; "there"; those of the
    ``shared`` heads (:func:`shared_heads`: only the phrases before a coordinated verb);
    the antecedent of a relative clause of place; then breadth first down the phrases of
    ``DOWN_ARCS`` from the anchors and their subjects (at most ``MAX_PREP_HOPS``
    prepositions deep, and into "when" clauses; the predicate's own prepositions one
    phrase down too: "the expulsion of French forces from Burkina Faso"). With ``trigger_only`` (a statement:
    "condemned the attack in Kokorou" is not made in Kokorou) only the anchors' own
    phrases and the shared heads' count."""
    anchors = [a for a in anchors if a is not None]
    for obj in place_objects:
        found = place_mention(obj, ctx)
        if found is not None:
            return found
    own = PLACE_PREPS | frozenset(p.lower() for p in extra_preps)
    direct = []
    for anchor in anchors:
        for obj in _place_objects(anchor, own):
            found = place_mention(obj, ctx) or _nested(obj, ctx)
            if found is not None:
                direct.append(found)
        for obj in _place_objects(anchor, frozenset(c.lower_ for c in anchor.children if c.dep_ == "prep") - own):
            found = _nested(obj, ctx)  # "remains under house arrest in Niamey"
            if found is not None:
                direct.append(found)
    if direct:
        return _most_precise(direct, ctx)
    for anchor in anchors:
        heads = [anchor, *(c for c in anchor.children if c.dep_ == "dobj")]  # "killed 200 militants there"
        for child in (c for h in heads for c in h.children):
            if child.dep_ == "advmod" and child.lower_ in PLACE_ADVERBS:
                before = ctx.place_before(child)
                if before is not None:
                    return Mention(anchor.doc[child.i : child.i + 1], before.text, before.root.ent_kb_id_ or None)
    for head in shared:
        for obj in _place_objects(head, PLACE_PREPS):
            if any(a.dep_ == "conj" and a.head == head for a in anchors) and obj.i > head.i:
                continue  # a coordinated verb's own later phrases are its own
            found = place_mention(obj, ctx) or _nested(obj, ctx)
            if found is not None:
                return found
    for anchor in anchors:
        antecedent = relative_antecedent(anchor)
        if antecedent is not None and (found := place_mention(antecedent, ctx)) is not None:
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
                same_event = child.dep_ == "advcl" and any(g.lower_ in SAME_EVENT_MARKERS for g in child.children)
                if (child.dep_ not in DOWN_ARCS and not same_event) or child.i in seen:
                    continue
                seen.add(child.i)
                deeper = hops + (child.dep_ == "prep")
                if deeper > MAX_PREP_HOPS:
                    continue
                if child.dep_ == "prep" and (child.lower_ in PLACE_PREPS or (hops == 0 and child.lower_ in own)):
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            found = place_mention(obj, ctx)
                            if found is not None:
                                return found
                nxt.append((child, deeper))
        frontier = nxt
    return None


def _nested(obj: Token, ctx: Context) -> Mention | None:
    """A place one preposition further down: "across the border in Burkina Faso"."""
    for inner in _place_objects(obj, PLACE_PREPS):
        found = place_mention(inner, ctx)
        if found is not None:
            return found
    return None


def last_entity_before(doc: Doc, accept: Callable[[Span], bool]) -> Callable[[Token], Span | None]:
    """A function: the last GPE or LOC entity before a token that ``accept`` accepts."""
    kept = [e for e in doc.ents if e.label_ in PLACE_LABELS and accept(e)]

    def before(token: Token) -> Span | None:
        found = None
        for ent in kept:
            if ent.start >= token.i:
                break
            found = ent
        return found

    return before


def in_place_phrase(ent: Span) -> bool:
    """``ent`` names the place of a place preposition ("killed in Moura", "in the central
    town of Moura", "in Kokorou, Niger"), not an actor or an owner ("Niger's junta",
    "relations between Paris and Bamako")."""
    node = ent.root
    for _ in range(5):
        if node.dep_ == "pobj" and node.head.lower_ in PLACE_PREPS:
            return True
        if not (node.dep_ in ("pobj", "compound", "appos", "conj") or (node.dep_ == "prep" and node.lower_ == "of")):
            return False
        node = node.head
    return False


def clause_distance(a: Token, b: Token) -> int:
    """How many verbs stand between ``a`` and ``b`` on the dependency path joining them
    (0: the same clause or an adjacent one)."""
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    common = next((t for t in up_a if t in up_b), None)
    if common is None:
        return 99
    path = up_a[1 : up_a.index(common)] + up_b[1 : up_b.index(common)] + [common]
    return sum(1 for t in path if t.pos_ in ("VERB", "AUX") and t not in (a, b))
