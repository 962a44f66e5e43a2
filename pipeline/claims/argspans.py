"""From argument heads to claim arguments: who or what a head token denotes.

- :func:`expand` distributes coordination (with the parse repairs of
  :mod:`pipeline.claims.repairs`) and lets a class given with examples stand for them
  ("countries like Mali and the Central African Republic");
- :func:`head_args` turns a head into :class:`~pipeline.claims.coref.Arg` values: the
  entity (id from ``kb_id_``), the linked description (``doc.spans["sahel_mentions"]``),
  the name in apposition to an actor noun, a role noun's own text when it is predicative
  ("declared himself chairman"), the gazetteer's resolution of a description, the
  antecedent of a pronoun or description (:mod:`pipeline.claims.coref`), the actor a group
  belongs to ("French troops", "its fighters"), else the shortest noun phrase.
"""

from __future__ import annotations

from spacy.tokens import Token

from .coref import Arg, MentionIndex, common_noun, np_text_span, pronoun_class
from .repairs import (
    appositive_conjunct,
    fronted_place,
    listed_appositions,
    partitive_head,
    pobjs,
    preconj_members,
    restated_name,
    split_clause_coordination,
    stranded_conjuncts,
)
from .vocab import (
    AFFILIATION_VERBS,
    BRANCH_NOUNS,
    EXAMPLE_PREPS,
    FIGHTER_NOUNS,
    KIND_NOUNS,
    MEMBER_NOUNS,
    PLACE_PREPS,
    POPULATION_NOUNS,
    PREDICATIVE,
    RELATION_NOUNS,
    RELATIVE_TAGS,
    RELATIVES,
)


def expand(token: Token, index: MentionIndex) -> list[Token]:
    """Distribute coordination; a class noun with examples stands for its examples."""
    token = partitive_head(token)
    if (name := restated_name(token)) is not None:
        return [name]
    if token.dep_ == "conj" or pronoun_class(token) is not None or _split_off(token) or _between(token):
        group = [token]
    else:
        group = [
            token,
            *[c for c in token.conjuncts if c.pos_ in ("NOUN", "PROPN", "PRON") and not appositive_conjunct(c)],
        ]
        group = [
            *stranded_conjuncts(token, index),
            *preconj_members(token, index),
            *group,
            *of_phrase_conjuncts(token, index),
            *listed_appositions(token, index),
        ]
    if any(index.entity_at(m) is not None and index.entity_at(m).label_ == "PERSON" for m in group):
        # "Civilian diplomat and former Foreign Minister Moctar Ouane": a bare singular
        # noun coordinated with a person's name is a title of that person, not another one
        group = [m for m in group if not _bare_title(m, index)]
    named = [a for m in group for a in m.children if a.dep_ == "appos" and index.entity_at(a) is not None]
    if len(group) > 1 and len(named) == 1 and all(index.entity_at(m) is None for m in group):
        return named
    out: list[Token] = []
    for member in group:
        examples = examples_of(member, index)
        out.extend(examples or [member])
    seen: set[int] = set()
    return [t for t in out if not (t.i in seen or seen.add(t.i))]


def _plural_demonym(token: Token) -> bool:
    """ "Nigeriens", "Malians" heading their phrase (the tagger says NNP or NNPS)."""
    return token.dep_ not in ("amod", "compound", "nmod", "poss") and token.text.endswith("s")


def _bare_title(token: Token, index: MentionIndex) -> bool:
    """A singular common noun with no determiner or possessor ("diplomat", "retired
    colonel"): English cannot use it alone as an argument."""
    return (
        token.tag_ == "NN"
        and index.entity_at(token) is None
        and not any(c.dep_ in ("det", "poss", "nummod") for c in token.children)
    )


def proxy_owner(
    token: Token, index: MentionIndex, proxies: frozenset[str], named_owners: frozenset[str] = frozenset()
) -> Token | None:
    """The actor a proxy noun belongs to ("the efforts of UNOWAS", "Niger's commitment",
    "the role MINUSMA has played", "the actions taken by ECOWAS"), else None."""
    if token.lemma_.lower() not in proxies or token.pos_ != "NOUN":
        return None
    candidates = [c for c in token.children if c.dep_ == "poss"]
    candidates += [p for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "of" for p in pobjs(prep)]
    # "the ECOWAS action", "the UN and ECOWAS' leadership" (a curly apostrophe the parser
    # took for a quote): a name modifying one of ``named_owners`` owns it (not "the Niger
    # coup": an event noun's modifier is where it happened)
    if token.lemma_.lower() in named_owners:
        candidates += [c for c in token.children if c.dep_ in ("compound", "nmod") and index.entity_at(c) is not None]
    for clause in (c for c in token.children if c.dep_ in ("relcl", "acl")):
        candidates += [c for c in clause.children if c.dep_ == "nsubj"]
        candidates += [p for c in clause.children if c.dep_ == "agent" for p in pobjs(c)]
    people = lambda c: index.is_actor(c) or c.lemma_.lower() in POPULATION_NOUNS  # noqa: E731
    owner = next((c for c in candidates if people(c) and c.lower_ not in ("which", "that", "who")), None)
    if owner is None and token.dep_ != "conj":
        # "the hard work and peaceful conduct of the voters": the owner of the last conjunct
        for other in token.conjuncts:
            if (found := proxy_owner(other, index, proxies, named_owners)) is not None:
                return found
    return owner


def of_phrase_conjuncts(token: Token, index: MentionIndex) -> list[Token]:
    """Conjuncts the parser hung on an of-phrase that names no actor: in "the President of
    the Republic, Prime Minister and other officials" the Prime Minister and the officials
    are coordinated with the President, not with the Republic."""
    if not index.is_actor(token):
        return []
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
        for pobj in pobjs(prep):
            if index.is_actor(pobj) or index.entity_at(pobj) is not None:
                return []
            conjuncts = [c for c in pobj.conjuncts if c.pos_ in ("NOUN", "PROPN")]
            if conjuncts and all(index.is_actor(c) for c in conjuncts):
                return conjuncts
    return []


def _between(token: Token) -> bool:
    """The first party of "between A and B": its conjuncts are the other side, not more of it."""
    if token.dep_ in ("nmod", "compound", "amod"):
        token = token.head  # "between the U.S. and Nigerien forces": a side in the modifier
    return token.dep_ == "pobj" and token.head.lower_ == "between"


def _split_off(token: Token) -> bool:
    """ "seized power and protesters attacked": "power" is no coordination with
    "protesters" (:func:`pipeline.claims.repairs.split_clause_coordination`)."""
    if token.dep_ != "nsubj" or token.head.dep_ != "ccomp":
        return False
    split = split_clause_coordination(token.head.head)
    return split is not None and split[0].i == token.i


def examples_of(token: Token, index: MentionIndex) -> list[Token]:
    """ "countries (in the region) like Mali and the CAR" -> Mali, the CAR."""
    if index.entity_at(token) is not None or index.mention_at(token) is not None:
        return []
    if token.lemma_.lower() not in index.actor_nouns:
        return []
    children = list(token.children)
    for prep in [c for c in token.children if c.dep_ == "prep" and c.lower_ in PLACE_PREPS]:
        for pobj in pobjs(prep):
            if index.entity_at(pobj) is None:
                children.extend(pobj.children)
    for child in children:
        is_example = child.lower_ in EXAMPLE_PREPS or (
            child.lower_ == "as" and any(g.lower_ == "such" for g in child.children)
        )
        if child.dep_ in ("prep", "acl") and is_example:
            objs = pobjs(child)
            if objs:
                first = objs[0]
                return [first, *[c for c in first.conjuncts if c.pos_ in ("NOUN", "PROPN")]]
    return relative_examples(token, index) or affiliates_of(token, index)


def relative_examples(token: Token, index: MentionIndex) -> list[Token]:
    """ "Several countries that contribute troops, including Sweden and Britain": the
    examples hung on the relative clause's object are the class's when they are names of
    its kind (countries: GPE), not of the object's."""
    kind = KIND_NOUNS.get(token.lemma_.lower())
    if kind is None:
        return []
    for rel in (c for c in token.children if c.dep_ == "relcl"):
        for prep in (t for t in rel.subtree if t.dep_ in ("prep", "acl") and t.lower_ in EXAMPLE_PREPS):
            objs = pobjs(prep)
            if not objs:
                continue
            members = [objs[0], *[c for c in objs[0].conjuncts if c.pos_ in ("NOUN", "PROPN")]]
            ents = [index.entity_at(m) for m in members]
            if all(e is not None and e.label_ == kind for e in ents):
                return members
    return []


def affiliates_of(token: Token, index: MentionIndex) -> list[Token]:
    """ "groups linked to al-Qaida and the Islamic State" -> the two organisations."""
    for acl in (c for c in token.children if c.dep_ in ("acl", "amod") and c.lemma_.lower() in AFFILIATION_VERBS):
        for prep in (c for c in acl.children if c.dep_ == "prep" and c.lower_ in ("to", "with")):
            objs = pobjs(prep)
            if not objs:
                continue
            orgs = [objs[0], *[c for c in objs[0].conjuncts if c.pos_ in ("NOUN", "PROPN")]]
            ents = [index.entity_at(t) for t in orgs]
            if all(e is not None and e.label_ == "ORG" for e in ents):
                return orgs
    return []


def head_args(token: Token, index: MentionIndex, *, exclude: frozenset[str] = frozenset()) -> list[Arg]:
    """The argument(s) a head token denotes: entity, linked description, the entity in
    apposition, the antecedent of a pronoun or description, a group named by its
    country ("French forces"), or the shortest noun phrase. A relative pronoun left
    unresolved ("which overthrew Keita" cut from its sentence) denotes no one. Each way
    is a function of its own, tried in this order (None: not that way)."""
    if token.tag_ in RELATIVE_TAGS and token.lower_ in RELATIVES:
        return []
    for way in (
        _entity_or_phrase,
        _linked_args,
        _resolved_args,
        _organisation_of_members,
        _nationality_of_group,
        _organisation_of_branch,
        _owner_of_members,
    ):
        found = way(token, index, exclude)
        if found is not None:
            return found
    return _noun_phrase_args(token, index)


def _entity_or_phrase(token: Token, index: MentionIndex, exclude: frozenset[str]) -> list[Arg] | None:
    """The entity at ``token``; a verb's phrase; a predicative noun's phrase."""
    ent = index.entity_at(token)
    if ent is not None and ent.label_ == "NORP" and _plural_demonym(token) and token.i == ent.root.i:
        # "all Nigeriens", "the Chadians who voted": a plural demonym is people, not
        # their state (the entity layer still links the demonym to the country)
        return [Arg.of(np_text_span(token))]
    if ent is not None:
        return [Arg.of(ent, ent.kb_id_)]
    if token.pos_ == "VERB":
        return [Arg.of(verb_phrase(token))]
    if token.dep_ in PREDICATIVE and token.pos_ == "NOUN":
        return [Arg.of(np_text_span(token))]
    return None


def _linked_args(token: Token, index: MentionIndex, exclude: frozenset[str]) -> list[Arg] | None:
    """What the mention layer links: a group's members, a speaker, a description owned by
    a fronted place, a linked mention, an entity in apposition, a linked description."""
    members = index.group_members(token) or index.members_of(token) or index.speaker_args(token)
    if members:
        return list(members)
    place = fronted_place(token)
    if place is not None and index.entity_at(place) is not None:
        owned = index.owned_description(token, index.entity_at(place))
        if owned is not None:
            return [owned]
    mention = index.mention_at(token)
    if mention is not None:
        return [Arg.of(mention, mention.kb_id_)]
    for child in token.children if index.is_actor(token) else ():
        if child.dep_ == "appos":
            app = index.entity_at(child)
            if app is not None and app.label_ in ("PERSON", "ORG", "GPE"):
                return [Arg.of(app, app.kb_id_)]
    if index.is_actor(token) and (named := _stranded_apposition(token, index)) is not None:
        return [Arg.of(named, named.kb_id_)]
    if index.describe is not None and token.pos_ in ("NOUN", "PROPN"):
        kb_id = index.describe(token.doc[token.left_edge.i : token.i + 1])
        if kb_id:
            return [Arg.of(np_text_span(token), kb_id)]
    return None


def _resolved_args(token: Token, index: MentionIndex, exclude: frozenset[str]) -> list[Arg] | None:
    """The antecedent of a pronoun (kept at the pronoun's place) or of a description."""
    if pronoun_class(token) is not None or common_noun(token):
        resolved = index.resolve(token, exclude=exclude)
        if resolved:
            if pronoun_class(token) is not None and all(a.id for a in resolved):
                return [Arg(token.text, token.idx, token.idx + len(token), a.id) for a in resolved]
            return list(resolved)
    return None


def _organisation_of_members(token: Token, index: MentionIndex, exclude: frozenset[str]) -> list[Arg] | None:
    """ "Russian mercenaries from the Wagner Group": the organisation they come from owns
    them, before their nationality."""
    if token.pos_ == "NOUN" and token.lemma_.lower() in MEMBER_NOUNS | FIGHTER_NOUNS:
        for pobj in (
            p for prep in token.children if prep.dep_ == "prep" and prep.lower_ in ("from", "of") for p in pobjs(prep)
        ):
            ent = index.entity_at(pobj)
            if ent is not None and ent.label_ == "ORG":
                return [Arg.of(ent, ent.kb_id_)]
    return None


def _nationality_of_group(token: Token, index: MentionIndex, exclude: frozenset[str]) -> list[Arg] | None:
    """ "French forces": an actor noun (not a population) acts for the state or body
    named on it."""
    if (
        token.pos_ == "NOUN"
        and token.lemma_.lower() in index.actor_nouns
        and token.lemma_.lower() not in POPULATION_NOUNS
    ):
        for child in token.children:
            ent = index.entity_at(child)
            if child.dep_ in ("compound", "amod", "nmod") and ent is not None and ent.label_ in ("GPE", "ORG", "NORP"):
                if _in_phrase(ent.end, token):
                    return [Arg.of(ent, ent.kb_id_)]
    return None


def _organisation_of_branch(token: Token, index: MentionIndex, exclude: frozenset[str]) -> list[Arg] | None:
    """ "the local branch of Islamic State", "al Qaeda's Sahel affiliate": a branch acts
    for its organisation, as members do."""
    if token.pos_ == "NOUN" and token.lemma_.lower() in BRANCH_NOUNS:
        owners = [c for c in token.children if c.dep_ == "poss"] + [
            p for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "of" for p in pobjs(prep)
        ]
        for owner in owners:
            ent = index.entity_at(owner)
            if ent is not None and ent.label_ == "ORG" and Arg.of(ent, ent.kb_id_).key not in exclude:
                return [Arg.of(ent, ent.kb_id_)]
    return None


def _owner_of_members(token: Token, index: MentionIndex, exclude: frozenset[str]) -> list[Arg] | None:
    """ "its fighters", "Sudan's army": an actor acting through its members."""
    if token.pos_ == "NOUN" and token.lemma_.lower() in MEMBER_NOUNS:
        for child in (c for c in token.children if c.dep_ == "poss"):
            ent = index.entity_at(child)
            if ent is not None and ent.label_ in ("GPE", "ORG") and Arg.of(ent, ent.kb_id_).key not in exclude:
                return [Arg.of(ent, ent.kb_id_)]
            owners = index.resolve(child) if pronoun_class(child) is not None else ()
            if owners and all(a.key not in exclude for a in owners):
                return list(owners)
    return None


def _noun_phrase_args(token: Token, index: MentionIndex) -> list[Arg]:
    """The text itself: "those who ..." with its clause, "Mali's neighbors" with its
    determiner, else the shortest noun phrase."""
    if token.lower_ in ("those", "these") and any(c.dep_ in ("acl", "relcl") for c in token.children):
        span = token.doc[token.left_edge.i : token.right_edge.i + 1]
        return [Arg.of(span)]
    if token.lemma_.lower() in RELATION_NOUNS and any(
        c.dep_ == "poss" and index.entity_at(c) is not None for c in token.children
    ):
        # "Mali's neighbors": an actor named only by its relation to a name keeps the name
        # (not "Niger's authorities": those are the authorities)
        return [Arg.of(np_text_span(token, keep_det=True))]
    return [Arg.of(np_text_span(token))]


def _in_phrase(end: int, head: Token) -> bool:
    """A modifier ending at token ``end`` is inside the head's noun phrase: no punctuation
    between them (a wire dateline, "ACCRA, Jan 10 (Reuters) - West African leaders", is
    no modifier)."""
    between = head.doc[end : head.i]
    return not any(t.is_punct and t.text not in ("-", "'") for t in between)


def verb_phrase(verb: Token):
    """An action as an argument: the verb with its particle and its first object or
    phrase ("stay in power", "hold talks"), not its adjuncts."""
    end = verb.i
    for child in (c for c in verb.rights if c.dep_ in ("prt", "dobj", "prep", "acomp", "attr")):
        end = child.right_edge.i
        if child.dep_ != "prt":
            break
    return verb.doc[verb.i : end + 1]


def _stranded_apposition(token: Token, index: MentionIndex):
    """ "The U.N. mission in Mali, MINUSMA, ended": the organisation's name hung as an
    apposition on the place of the actor noun (a place is not restated by an ORG)."""
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in PLACE_PREPS):
        for pobj in pobjs(prep):
            place = index.entity_at(pobj)
            if place is None or place.label_ not in ("GPE", "LOC"):
                continue
            for app in (c for c in pobj.children if c.dep_ == "appos"):
                ent = index.entity_at(app)
                if ent is not None and ent.label_ == "ORG":
                    return ent
    return None
