"""Requests, demands and ultimatums: what is asked for is no event of its own.

- content verbs ("threatened to use force": :func:`content_of`) and directive verbs
  ("asked X to reinstate Y": :func:`directive_complement`);
- a that-clause of a demand ("demanded that the mission withdraw":
  :func:`mandative_clause`);
- an ultimatum ("asked X to V or face measures": :func:`ultimatum`; "gave the envoy two
  days to leave": :func:`ultimatum_addressee`);
- "demanded its departure": the event noun's possessor is who is to act
  (:func:`event_agent`).
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Token

from ..repairs import pobjs
from ..vocab import PASS_SUBJ, SUBJ, ULTIMATUM_VERBS
from .parts import prep_objects


def content_of(token: Token, content_verbs: frozenset[str]) -> Token | None:
    """The content verb whose infinitive ``token`` is ("threatened to use force": use),
    else None: the infinitive is what is threatened, not an event of its own."""
    if token.dep_ == "xcomp" and token.head.lemma_.lower() in content_verbs:
        return token.head
    return None


def directive_complement(token: Token, directives: frozenset[str], heads: frozenset[int] = frozenset()) -> bool:
    """ "asked / urged X to reinstate Y", "called on X to meet": the infinitive is what
    was asked for, not an event (docs/annotation.md); the directive verb itself makes the
    claim. ``heads`` are the tokens of directive phrase triggers ("call on")."""
    head = token.head
    if token.dep_ != "xcomp" or (head.lemma_.lower() not in directives and head.i not in heads):
        return False
    # "X was ordered to leave": the passive subject is the addressee
    addressee = ("dobj", "dative", *PASS_SUBJ)
    return any(c.dep_ in addressee for c in head.children) or bool(prep_objects(head, {"on", "upon"}))


# predicates of a request that an "or face X" turns into an ultimatum (docs/annotation.md 4)
RULE_ULTIMATUM = "ultimatum"


def ultimatum_addressee(token: Token) -> Token | None:
    """The addressee of an ultimatum whose deadline the requested infinitive hangs on
    ("gave the envoy two days to leave": envoy), else None."""
    if token.dep_ != "acl" or token.head.dep_ != "dobj":
        return None
    return next((c for c in token.head.head.children if c.dep_ == "dative"), None)


def mandative_clause(verb: Token) -> Token | None:
    """The that-clause of a demand with its own subject and a bare (subjunctive or
    modal) verb: "demanded that the mission withdraw", "insisted that France should
    leave"; None for a reported fact ("insisted that it had acted")."""
    for clause in (c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i):
        if not any(c.dep_ in SUBJ for c in clause.children):
            continue
        modal = any(c.dep_ == "aux" and c.lower_ in ("should", "must") for c in clause.children)
        auxless = not any(c.dep_ in ("aux", "auxpass") for c in clause.children)
        bare = clause.tag_ == "VB" or (clause.tag_ == "VBP" and auxless and clause.lemma_ not in ("be", "have"))
        if bare or modal:
            return clause
    return None


def ultimatum(verb: Token) -> tuple[Token, tuple[Token, ...]] | None:
    """ "asked X to reinstate Y or face measures, including Z": the "or face" verb and
    what it threatens (the named examples when given), else None."""
    for comp in (c for c in verb.children if c.dep_ == "xcomp"):
        for alt in (c for c in comp.children if c.dep_ == "conj" and c.lemma_.lower() in ULTIMATUM_VERBS):
            if not any(c.dep_ == "cc" and c.lower_ == "or" for c in comp.children):
                continue
            objs = [c for c in alt.children if c.dep_ == "dobj"]
            if not objs:
                continue
            examples = [p for c in objs[0].children if c.dep_ == "prep" and c.lower_ == "including" for p in pobjs(c)]
            return alt, tuple(examples or objs)
    return None


def event_agent(obj: Token, event_nouns: Mapping[str, str]) -> Token:
    """ "demanded its departure": who is to act (the event noun's possessor);
    ``event_nouns`` are the nouns whose possessor is their agent; any other object is
    returned as it is."""
    if obj.pos_ != "NOUN" or obj.lemma_.lower() not in event_nouns:
        return obj
    agent = next((c for c in obj.children if c.dep_ == "poss"), None)
    # "demands the withdrawal of MINUSMA": with no addressee named, the object is the
    # demanded event itself (docs/annotation.md); a possessor is the addressee
    return agent if agent is not None else obj
