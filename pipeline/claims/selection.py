"""Selectional restrictions: which arguments a predicate's sense admits.

A trigger word has senses outside the vocabulary ("closing a nine-year mission" is ending
it, not ``close``; "the conditions were no longer met" is no ``meet``). The knowledge is in
configs/predicates.yaml (:class:`pipeline.models.PredicateSpec` ``object_heads``,
``object_actor_if_any``); these functions only read it.

- :func:`admits_objects`: every object head is an allowed lemma (when the predicate lists
  them) and an actor (when the predicate needs one whenever an object is named).
- :func:`reported_event`: "announced the withdrawal" reports an event the article states
  elsewhere; a reporting verb lending its clause to a definite event noun with no
  complement of its own is a back-reference, not a new claim (docs/annotation.md, section 1).
- :func:`designates_an_office`: "designate a transitional president" (a role holder, no
  class named) is ``appoint``, not ``designate``.
- :func:`has_participant`: a verb clause naming neither agent nor patient ("giving him
  72 hours to leave") says nothing about any actor; only an event noun with a date
  ("the upheaval on July 26th") stands alone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from spacy.tokens import Token

from ..models import PredicateSpec
from .vocab import CLASS_DEPS, CONTENT_DEPS, CONTENT_PREPS, DEFINITE_DETERMINERS, TIME_LABELS


def admits_objects(spec: PredicateSpec, objects: Sequence[Token], is_actor: Callable[[Token], bool]) -> bool:
    """Whether the object heads fit the predicate's sense (no objects: always). A time
    is no object of any predicate ("ending a tense weekend" is no ``cancel``)."""
    if any(o.ent_type_ in TIME_LABELS for o in objects):
        return False
    if spec.object_heads and any(o.lemma_.lower() not in spec.object_heads for o in objects):
        return False
    if spec.object_not and any(o.lemma_.lower() in spec.object_not or o.lower_ in spec.object_not for o in objects):
        return False
    if spec.object_actor_if_any and objects and not all(is_actor(o) for o in objects):
        return False
    return True


def reported_event(
    verb: Token, noun: Token | None, objects: Sequence[Token], reporting: Iterable[str], *, preps: Iterable[str] = ()
) -> bool:
    """``verb`` is a reporting verb whose object is the bare definite event ``noun``;
    ``preps`` are the predicate's object prepositions (they give the noun content)."""
    if noun is None or verb.lemma_.lower() not in reporting:
        return False
    if list(objects) not in ([], [noun]):
        return False
    kids = list(noun.children)
    content_preps = CONTENT_PREPS | set(preps)
    if any(c.dep_ in CONTENT_DEPS or (c.dep_ == "prep" and c.lower_ in content_preps) for c in kids):
        return False
    return any(c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS for c in kids)


def designates_an_office(verb: Token, objects: Sequence[Token], is_actor: Callable[[Token], bool]) -> bool:
    """ "is expected to designate a transitional president": a designate verb whose object
    is an actor (a role holder) and that names no class ("as a terrorist group") puts
    someone in office, it does not classify: the sense is ``appoint``."""
    if not objects or not all(o.pos_ == "NOUN" and is_actor(o) for o in objects):
        return False
    if any(c.dep_ in CLASS_DEPS or (c.dep_ == "prep" and c.lower_ == "as") for c in verb.children):
        return False
    return not any(c.dep_ == "prep" and c.lower_ == "as" for o in objects for c in o.children)


def has_participant(rule: str, subjects: Sequence[object], objects: Sequence[object], *, nominal_rule: str) -> bool:
    """Whether a claim found by ``rule`` names a subject or an object (event nouns may not)."""
    return bool(subjects or objects) or rule == nominal_rule
