"""What every argument frame reads of a clause, and what a frame finds.

- :class:`Heads`: the subject and object heads of a trigger and the rule that found
  them; :func:`frame_rule` names that rule after the trigger's kind;
- a clause's own subject (:func:`own_subject`: the nearest of two, a relative pronoun's
  antecedent, an apposed name) and its voice (:func:`is_passive`, :func:`agents`: the
  ``by`` phrase of a passive);
- the objects of a head's prepositional phrase (:func:`prep_objects`);
- :func:`named_actor`: a named state, organisation or nationality.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..coref import MentionIndex
from ..repairs import apposed_name, fronted_apposition, pobjs, real_subject, split_clause_coordination
from ..triggers import Trigger
from ..vocab import NON_ACTOR_LABELS, PASS_SUBJ, RELATIVES, SUBJ

MAX_CLIMB = 8


@dataclass(frozen=True)
class Heads:
    """Argument heads of a trigger and how they were found."""

    subjects: tuple[Token, ...]
    objects: tuple[Token, ...]
    rule: str


def is_passive(verb: Token) -> bool:
    """A passive verb, or a bare participle conjoined to one ("were forced out of X,
    ordered out of Y": the auxiliary is shared)."""
    if any(c.dep_ in PASS_SUBJ or c.dep_ == "auxpass" for c in verb.children):
        return True
    return (
        verb.dep_ in ("conj", "advcl")
        and verb.tag_ == "VBN"
        and not any(c.dep_ in SUBJ or c.dep_ in ("aux", "auxpass") for c in verb.children)
        and any(c.dep_ in PASS_SUBJ or c.dep_ == "auxpass" for c in verb.head.children)
    )


def agents(verb: Token) -> list[Token]:
    """The objects of a passive's ``by`` phrase."""
    out = []
    for child in verb.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by" and is_passive(verb)):
            out.extend(c for c in child.children if c.dep_ == "pobj" and c.ent_type_ not in NON_ACTOR_LABELS)
    return out


def prep_objects(head: Token, preps: frozenset[str] | set[str], *, skip: set[int] = frozenset()) -> list[Token]:
    """Objects of the first preposition child of ``head`` whose lemma is in ``preps``."""
    for child in head.children:
        if child.dep_ in ("prep", "dative", "agent") and child.lower_ in preps and child.i not in skip:
            found = pobjs(child)
            if found:
                return found
    return []


def antecedent_of_relative(subject: Token) -> Token:
    """ "who"/"which"/"that" as subject of a relative clause: the noun it modifies."""
    if subject.lower_ in RELATIVES and subject.tag_ in ("WP", "WDT", "WP$"):
        node = subject.head
        while node.dep_ != "relcl" and node.head.i != node.i:
            node = node.head
        if node.dep_ == "relcl" and node.head.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
            return node.head
    return subject


def own_subject(verb: Token) -> Token | None:
    """The verb's own subject. Two subjects on one verb are a misparse of a phrase before
    it ("UNITED NATIONS (AP) - Mali's foreign minister demanded"): the nearest one before
    the verb is its own."""
    subs = [c for c in verb.children if c.dep_ in SUBJ]
    if not subs:
        return None
    if verb.dep_ == "ccomp" and (split := split_clause_coordination(verb.head)) is not None and split[0] in subs:
        return split[1]  # "seized power and protesters attacked": the protesters attack
    before = [c for c in subs if c.i < verb.i]
    sub = max(before, key=lambda c: c.i) if len(subs) > 1 and before else subs[0]
    sub = apposed_name(subs) or sub
    sub = fronted_apposition(sub) or sub
    return real_subject(antecedent_of_relative(sub))


def named_actor(token: Token, index: MentionIndex) -> bool:
    ent = index.entity_at(token)
    return ent is not None and ent.label_ in ("NORP", "GPE", "ORG")


def frame_rule(trig: Trigger, how: str) -> str:
    if trig.rule in ("verb",):
        return how
    if how in ("svo-active", "none"):
        return trig.rule
    return f"{trig.rule}+{how}"
