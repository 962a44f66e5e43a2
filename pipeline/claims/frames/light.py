"""Light verbs ("imposed sanctions on X", "signed an agreement with Y"): the object is in
the noun's (or the verb's) prepositional phrase, or the noun itself (``noun_is_object``);
a light verb coordinated after a verb with a named object is aimed at that object
(:func:`shared_target`).
"""

from __future__ import annotations

from spacy.tokens import Token

from ...models import PredicateSpec
from ..coref import MentionIndex
from ..triggers import Trigger
from .parts import named_actor, prep_objects


def light_objects(trig: Trigger, spec: PredicateSpec) -> list[Token]:
    noun = trig.noun
    if spec.noun_is_object:
        return [noun]
    preps = set(spec.object_preps)
    found = prep_objects(noun, preps) or prep_objects(trig.token, preps - {"in"} if noun.dep_ == "pobj" else preps)
    if not found and "from" in preps:
        # what a withdrawal leaves is a place, never the withdrawal itself
        return []
    return found


def shared_target(verb: Token, spec: PredicateSpec, index: MentionIndex) -> list[Token]:
    """ "suspended Mali from its institutions and imposed sanctions": a light verb whose
    noun names no target ("on X", "against X"), coordinated with a verb whose object is a
    named actor, is aimed at that actor."""
    if verb.dep_ != "conj" or not {"on", "against"} & set(spec.object_preps):
        return []
    return [c for c in verb.head.children if c.dep_ == "dobj" and named_actor(c, index)][:1]
