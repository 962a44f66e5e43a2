"""Active frames of a verb or verb phrase, one function per construction.

- active clause ("svo-active"): its own subject, else one from control
  (:mod:`.control`: "xcomp-inherit", "object-control", "for-subject"), a participle on
  a noun (:func:`acl_subject`: the noun when it is an actor, else its clause's subject),
  a relative clause's noun; "the need to bring X to justice" names no one ("needed");
- converse verbs ("the plan faced opposition from X": X is the subject, the plan the
  object) and patient verbs (the subject is the object, no agent);
- a phrase whose head the tagger read as a noun ("his calls for a solution");
- a reduced relative ("the officials detained by X") and a participle misparsed as one
  ("the military named X as Y").
"""

from __future__ import annotations

from spacy.tokens import Token

from ...models import PredicateSpec
from ..coref import MentionIndex, pronoun_class
from ..repairs import adjacent_antecedent, partitive_head, stranded_subject
from ..triggers import RULE_CONVERSE, RULE_LIGHT, RULE_PATIENT, Trigger
from ..vocab import REFLEXIVES
from .control import actor_above, controller
from .light import light_objects, shared_target
from .nominal import nominal_agent
from .objects import verb_objects
from .parts import Heads, agents, frame_rule, own_subject, prep_objects


def acl_subject(
    noun: Token, index: MentionIndex, *, object_control: frozenset[str], intent: frozenset[str]
) -> Token | None:
    """A participle hanging on ``noun``: the noun if it denotes an actor, the possessor of an
    intent noun ("Tinubu's plan to intervene"), else the subject of the noun's clause."""
    if index.is_actor(noun):
        return noun
    if noun.lemma_.lower() in intent:
        return nominal_agent(noun, index)
    head = noun.head
    if noun.dep_ in ("dobj", "attr") and head.pos_ in ("VERB", "AUX"):
        sub = own_subject(head)
        if sub is None:
            sub, _ = controller(head, object_control=object_control)
        return sub
    return None


def converse_heads(trig: Trigger, index: MentionIndex, *, object_control: frozenset[str]) -> Heads | None:
    """ "the plan faced opposition from X": the agent is named on the trigger's noun (or
    the verb's by/from phrase), the verb's subject is the object; no agent, no claim."""
    tok = trig.token
    noun = trig.noun
    agent = (
        nominal_agent(noun, index)
        or next(iter(prep_objects(noun, {"from", "by"})), None)
        or next(iter(agents(tok)), None)
        or next(iter(prep_objects(tok, {"from"})), None)
    )
    patient = own_subject(tok) or controller(tok, object_control=object_control)[0]
    if agent is None:
        return None
    return Heads((agent,), (patient,) if patient is not None else (), RULE_CONVERSE)


def patient_heads(trig: Trigger, *, object_control: frozenset[str]) -> Heads:
    """A patient verb: its subject (own or inherited) is the object, no agent."""
    tok = trig.token
    patient = own_subject(tok) or controller(tok, object_control=object_control)[0]
    return Heads((), (patient,) if patient is not None else (), RULE_PATIENT)


def phrase_noun_heads(
    trig: Trigger, spec: PredicateSpec, index: MentionIndex, *, object_control: frozenset[str]
) -> Heads:
    """A verb phrase's head as a noun: "his calls for a solution" (the possessor calls),
    "condemns these actions and calls for X" (a verb the tagger read as a noun coordinated
    with its object: the verb's subject calls)."""
    tok = trig.token
    objs = tuple(verb_objects(tok, spec, trig, index))
    agent = next((c for c in tok.children if c.dep_ == "poss"), None)
    if agent is None and tok.dep_ == "conj" and tok.head.dep_ == "dobj":
        agent = own_subject(tok.head.head) or controller(tok.head.head, object_control=object_control)[0]
    return Heads((agent,) if agent is not None else (), objs, frame_rule(trig, "noun-phrase"))


def reduced_relative_heads(trig: Trigger, noun: Token) -> Heads | None:
    """A reduced relative ("the officials detained in Bamako"): the noun the participle
    modifies is the object, no agent; a bare participle makes no claim."""
    tok = trig.token
    if not any(c.dep_ not in ("punct", "cc", "conj") for c in tok.children):
        return None  # "the officials detained": a bare modifier refers back, no claim (SPEC rev 2)
    return Heads((), (noun,), frame_rule(trig, "reduced-relative"))


def misparsed_active_participle(tok: Token, index: MentionIndex) -> bool:
    """A participle on an actor noun with its own object: active, misparsed ("the
    military named X as Y")."""
    own_object = any(c.dep_ in ("dobj", "oprd") for c in tok.children)
    return tok.tag_ == "VBN" and tok.dep_ == "acl" and own_object and index.is_actor(tok.head)


def active_participle_heads(trig: Trigger, spec: PredicateSpec, index: MentionIndex) -> Heads:
    """ "the military named X as Y": the noun the participle hangs on is its subject."""
    tok = trig.token
    objs = verb_objects(tok, spec, trig, index)
    return Heads((tok.head,), tuple(objs), frame_rule(trig, "svo-active"))


def active_subject(
    tok: Token, index: MentionIndex, *, object_control: frozenset[str], intent: frozenset[str], needs: frozenset[str]
) -> tuple[Token | None, str]:
    """The subject of an active verb and how it was found: its own ("svo-active"), else
    from control, a stranded subject, the noun a participle or relative clause hangs on;
    a reflexive is none; an inherited non-actor gives way to the nearest actor above."""
    sub = own_subject(tok)
    if sub is not None:
        sub = adjacent_antecedent(tok, sub, index.is_actor)
    how = "svo-active"
    if sub is None:
        sub, how = controller(tok, object_control=object_control, stranded=lambda v: stranded_subject(v, index))
        if sub is None:
            sub = stranded_subject(tok, index)
            how = "stranded-subject" if sub is not None else how
        if how == "acl" and sub is not None and sub.lemma_.lower() in needs:
            sub, how = None, "needed"  # "underlined the need to bring X to justice": no one named
        elif how == "acl" and sub is not None:
            sub = acl_subject(sub, index, object_control=object_control, intent=intent)
            how = "xcomp-inherit"
        elif how == "relcl":
            sub, how = (sub, "svo-active") if index.is_actor(sub) else (None, "none")
    if sub is not None and sub.lower_ in REFLEXIVES:
        sub = None
    inherited = how.endswith("xcomp-inherit")  # an object-control addressee is whom the verb names
    if sub is not None and inherited and not index.is_actor(partitive_head(sub)) and pronoun_class(sub) is None:
        # "Analysts said the vacuum could widen, warning that ...": a vacuum warns nobody
        sub = actor_above(tok, index)
    return sub, how


def active_heads(
    trig: Trigger,
    spec: PredicateSpec,
    index: MentionIndex,
    *,
    object_control: frozenset[str],
    intent: frozenset[str],
    troops: frozenset[str],
    needs: frozenset[str],
) -> Heads:
    """An active verb (or light verb, or phrase): :func:`active_subject` and the objects
    (:func:`~.objects.verb_objects`, or :func:`~.light.light_objects`); a reflexive object
    is the subject."""
    tok = trig.token
    sub, how = active_subject(tok, index, object_control=object_control, intent=intent, needs=needs)
    if trig.rule == RULE_LIGHT:
        objs = light_objects(trig, spec) or shared_target(tok, spec, index)
    else:
        objs = verb_objects(tok, spec, trig, index)
    objs = [sub if (o.lower_ in REFLEXIVES and sub is not None) else o for o in objs]
    if spec.prefer_prep_object:
        objs = [o for o in objs if partitive_head(o).lemma_.lower() not in troops]
    return Heads((sub,) if sub is not None else (), tuple(objs), frame_rule(trig, how))
