"""The heads of every trigger: :func:`find_heads` dispatches a trigger to its frame by
construction (event noun, converse, patient, phrase noun, reduced relative, passive,
active); :func:`claim_heads` runs it over a sentence's triggers and settles what they
share: requested events, objects already claimed, ultimatums, raised objects.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from spacy.tokens import Token

from ...models import PredicatesConfig, PredicateSpec
from ..clause_chain import children
from ..coref import MentionIndex
from ..repairs import pobjs, reduced_relative
from ..triggers import RULE_CONVERSE, RULE_NOMINAL, RULE_PATIENT, RULE_PHRASE, RULE_VERB, Trigger, TriggerIndex
from ..vocab import SUBJ
from .nominal import event_subject_agent, nominal_heads
from .objects import raised_object
from .parts import Heads, is_passive
from .passive import passive_heads, passive_participle
from .requests import (
    RULE_ULTIMATUM,
    content_of,
    directive_complement,
    event_agent,
    mandative_clause,
    ultimatum,
    ultimatum_addressee,
)
from .verbal import (
    active_heads,
    active_participle_heads,
    converse_heads,
    misparsed_active_participle,
    patient_heads,
    phrase_noun_heads,
    reduced_relative_heads,
)


def find_heads(
    trig: Trigger,
    spec: PredicateSpec,
    index: MentionIndex,
    *,
    object_control: frozenset[str],
    intent: frozenset[str],
    troops: frozenset[str] = frozenset(),
    needs: frozenset[str] = frozenset(),
) -> Heads | None:
    """Subject and object heads of ``trig`` and the rule that found them (None: no claim),
    from the frame of its construction. ``troops``: nouns of forces, never the object of
    a ``prefer_prep_object`` predicate (what is deployed goes in ``quantity``; the object
    is the place)."""
    tok = trig.token
    if trig.rule == RULE_NOMINAL:
        return nominal_heads(trig, spec, index, intent=intent)
    if trig.rule == RULE_CONVERSE:
        return converse_heads(trig, index, object_control=object_control)
    if trig.rule == RULE_PATIENT:
        return patient_heads(trig, object_control=object_control)
    if trig.rule == RULE_PHRASE and tok.pos_ == "NOUN":
        return phrase_noun_heads(trig, spec, index, object_control=object_control)
    if trig.rule == RULE_VERB and (noun := reduced_relative(tok)) is not None:
        return reduced_relative_heads(trig, noun)
    if misparsed_active_participle(tok, index):
        return active_participle_heads(trig, spec, index)
    if is_passive(tok) or passive_participle(tok):
        return passive_heads(trig, spec, index, object_control=object_control, troops=troops)
    return active_heads(trig, spec, index, object_control=object_control, intent=intent, troops=troops, needs=needs)


def _stationed_in(subject: Token, index: MentionIndex) -> Token | None:
    """The place an actor noun is in ("the U.N. mission in Mali": Mali)."""
    for prep in (c for c in subject.children if c.dep_ == "prep" and c.lower_ == "in"):
        for pobj in pobjs(prep):
            ent = index.entity_at(pobj)
            if ent is not None and ent.label_ in ("GPE", "LOC"):
                return pobj
    return None


def claim_heads(
    triggers: Iterable[Trigger], index: TriggerIndex, mentions: MentionIndex
) -> Iterator[tuple[Trigger, Heads]]:
    """The heads of every trigger that makes a claim, event nouns last: an event noun
    that is already another claim's object ("declined their visit") is no claim of its own."""
    config = index.config
    object_control = frozenset(config.object_control_verbs)
    intent = frozenset(config.intent_nouns)
    content = frozenset(config.content_verbs)
    troops = frozenset(config.troop_nouns)
    needs = frozenset(config.need_nouns)
    # object-control verbs that are claims themselves ("asked", "urged": appeal); causatives
    # ("forced X to leave", "allowed X to stay") keep their complement's claim
    directives = object_control & frozenset(v for p in config.predicates for v in p.verbs)
    triggers = list(triggers)
    # "called for X to V": what was asked for is a requested event (SPEC section 4)
    requested = {t.obj_prep.head.i for t in triggers if t.obj_prep is not None and t.obj_prep.dep_ == "mark"}
    directive_heads = frozenset(t.token.i for t in triggers if index.spec(t.predicate).directive)
    taken: set[int] = set()
    agentive: dict[str, str] | None = None  # nouns whose possessor is the patient, made when first needed
    for trig in sorted(triggers, key=lambda t: (t.rule == RULE_NOMINAL, t.token.i)):
        if trig.rule == RULE_NOMINAL and trig.token.i in taken:
            continue
        if content_of(trig.token, content) is not None:
            continue  # "threatened to use force": the threat's content, no claim of its own
        if trig.token.i in requested or directive_complement(trig.token, directives, directive_heads):
            trig = replace(trig, requested=True)
        spec = index.spec(trig.predicate)
        heads = find_heads(
            trig, spec, mentions, object_control=object_control, intent=intent, troops=troops, needs=needs
        )
        if heads is None:
            continue
        if heads.rule.endswith(("for-subject", "needed")):
            trig = replace(trig, requested=True)  # "the need (for X) to V": asked for, not done
        heads = completed_objects(trig, heads, spec, mentions, content)
        if spec.directive and not heads.objects and trig.rule != RULE_NOMINAL:
            demanded = demanded_clause(trig, heads)
            if demanded is None:
                continue  # "insisted that the guard had repelled the assault": a report
            heads, clause = demanded
            if clause is not None:
                requested.add(clause.i)
        if spec.directive:
            # "gave him 72 hours to leave": what is demanded is no claim of its own
            requested.update(c.i for w in trig.words[1:] for c in w.children if c.dep_ == "acl" and c.tag_ == "VB")
        if spec.event_agent_object and heads.objects:
            # nouns whose possessor is the patient ("his release") name no one to act
            if agentive is None:
                agentive = {n: p for n, p in index.noun_predicate.items() if index.spec(p).possessor == "subject"}
            heads = Heads(heads.subjects, tuple(event_agent(o, agentive) for o in heads.objects), heads.rule)
        heads = acting_event_agent(trig, heads, index.nouns, mentions)
        if spec.directive:
            requested.update(t.i for t in heads.objects)  # "called for the release of X"
        elif not spec.event_object_claim:
            taken.update(t.i for t in heads.objects)  # "threatened military intervention"
        yield from (ultimatum_claims(trig, heads, config) if spec.directive else [(trig, heads)])


def completed_objects(
    trig: Trigger, heads: Heads, spec: PredicateSpec, mentions: MentionIndex, content: frozenset[str]
) -> Heads:
    """``heads`` with what the frame could not see: the addressee of an ultimatum's
    deadline, an object shared with the next verb, where a withdrawing actor was, the
    object of a content verb's infinitive."""
    if trig.requested and (addressee := ultimatum_addressee(trig.token)) is not None:
        # "gave the envoy two days to leave": the one given the time is to act
        heads = Heads((addressee,), heads.objects, heads.rule)
    if not heads.objects and trig.rule == RULE_VERB and (shared := raised_object(trig.token)):
        # "recognize and appreciate the work of X": the object after the last verb
        heads = Heads(heads.subjects, shared, heads.rule)
    if not heads.objects and "from" in spec.object_preps and heads.subjects:
        # "the U.N. mission in Mali ended its operation": what is left is where it was
        place = _stationed_in(heads.subjects[0], mentions)
        if place is not None:
            heads = Heads(heads.subjects, (place,), heads.rule)
    if not heads.objects and trig.token.lemma_.lower() in content:
        act = next((c for c in trig.token.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        objs = tuple(c for c in act.children if c.dep_ == "dobj") if act is not None else ()
        heads = Heads(heads.subjects, objs[:1], heads.rule)
    return heads


def demanded_clause(trig: Trigger, heads: Heads) -> tuple[Heads, Token | None] | None:
    """A directive with no object: "demanded that the mission withdraw": the addressee is
    the that-clause's subject, and the clause (returned with the heads) is what is
    demanded, no claim of its own; None for a report ("insisted that the guard had
    repelled the assault"): no claim."""
    clause = mandative_clause(trig.token)
    if clause is not None:
        return Heads(heads.subjects, tuple(c for c in clause.children if c.dep_ in SUBJ)[:1], heads.rule), clause
    if any(c.dep_ == "ccomp" and children(c, SUBJ) for c in trig.token.children):
        return None
    return heads, None


def acting_event_agent(trig: Trigger, heads: Heads, event_nouns: frozenset[str], mentions: MentionIndex) -> Heads:
    """ "Attacks by jihadi groups have killed thousands": the agent of an event noun that
    is the subject of a verb acts (the attacks stay a claim of their own:
    docs/claims_rules.md)."""
    if not heads.subjects or trig.rule == RULE_NOMINAL:
        return heads
    agent = event_subject_agent(heads.subjects[0], event_nouns, mentions)
    if agent is not None:
        return Heads((agent, *heads.subjects[1:]), heads.objects, heads.rule)
    return heads


def ultimatum_claims(trig: Trigger, heads: Heads, config: PredicatesConfig) -> list[tuple[Trigger, Heads]]:
    """A directive's claims: "asked X to V ... or face measures" is an ultimatum, which
    demands and threatens (the threat is made by the request itself: its clause gives
    mood and date); any other directive is its one claim."""
    threat = ultimatum(trig.token)
    if threat is not None and config.ultimatum_demand and config.ultimatum_threat:
        measures = threat[1]
        return [
            (replace(trig, predicate=config.ultimatum_demand), heads),
            (
                Trigger(trig.token, config.ultimatum_threat, RULE_ULTIMATUM),
                Heads(heads.subjects, measures, RULE_ULTIMATUM),
            ),
        ]
    return [(trig, heads)]
