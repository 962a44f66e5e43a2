"""Passive frames: "was criticized by Y", "have not been recognized by the U.S.".

The subject is the ``by`` phrase ("passive-by"); else the agent of the event the passive
happens in ("killed in an attack by X": "passive-frame"); else the organisation a
passive excludes from ("suspended from ECOWAS": "passive-from-body"); else the subject
of "have" ("X has troops stationed in Y": "have-participle"); else none ("passive").
The grammatical subject is the object (:func:`passive_objects`), shared by conjoined
participles. Also: light-verb passives between two sides, "sworn in as president"
(``self_object``) and deployments (``prefer_prep_object``: the owner of the force
deploys it, the object is the place).
"""

from __future__ import annotations

from spacy.tokens import Token

from ...models import PredicateSpec
from ..coref import MentionIndex, description_kind
from ..repairs import apposed_name, partitive_head
from ..triggers import RULE_LIGHT, Trigger
from ..vocab import EVENT_FRAME_PREPS, HAVE_VERBS, NON_ACTOR_LABELS, PASS_SUBJ, SUBJ
from .control import controller
from .light import light_objects
from .nominal import between_sides
from .objects import place_objects
from .parts import (
    MAX_CLIMB,
    Heads,
    agents,
    antecedent_of_relative,
    frame_rule,
    is_passive,
    named_actor,
    own_subject,
    prep_objects,
)


def passive_participle(verb: Token) -> bool:
    """ "troops stationed in Niger": a past participle on a noun, with no subject or
    perfect "have" of its own (else it is a misattached finite clause)."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ == "acl"
        and not any(c.dep_ in SUBJ or (c.dep_ == "aux" and c.lemma_ == "have") for c in verb.children)
    )


def frame_agents(verb: Token) -> list[Token]:
    """ "civilians were killed during an operation by X" / "in an attack by X": an
    agentless passive inside an event named with its agent takes that agent."""
    out: list[Token] = []
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in EVENT_FRAME_PREPS):
        for event in (c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "NOUN"):
            for by in (c for c in event.children if c.dep_ == "prep" and c.lower_ == "by"):
                out.extend(c for c in by.children if c.dep_ == "pobj" and c.ent_type_ not in NON_ACTOR_LABELS)
    return out


def excluding_body(verb: Token, index: MentionIndex) -> Token | None:
    """ "X was suspended from the bloc's bodies / from ECOWAS": an agentless passive
    whose from-phrase is an organisation (or its part) has that organisation as agent."""
    for pobj in prep_objects(verb, {"from"}):
        for cand in (pobj, *(c for c in pobj.children if c.dep_ == "poss")):
            ent = index.entity_at(cand)
            if ent is not None and ent.label_ == "ORG":
                return cand
            kind = description_kind(cand)
            if ent is None and kind is not None and kind[0] == "ORG":
                return cand
    return None


def owner_of(noun: Token, index: MentionIndex) -> Token | None:
    """The actor a force belongs to: "Wagner Group members", "French troops"."""
    for child in noun.children:
        ent = index.entity_at(child)
        if (
            child.dep_ in ("compound", "amod", "nmod", "poss")
            and ent is not None
            and ent.label_ in ("GPE", "ORG", "NORP")
        ):
            return child
    found = prep_objects(noun, {"from"})
    return found[0] if found else None


def passive_objects(verb: Token) -> list[Token]:
    node = verb
    for _ in range(MAX_CLIMB):
        sub = [c for c in node.children if c.dep_ in PASS_SUBJ]
        if not sub and any(c.dep_ == "auxpass" for c in node.children):
            # "Bazoum remains detained": "remains" taken for a passive auxiliary, the
            # subject hung on the verb or on that auxiliary
            auxes = [c for c in node.children if c.dep_ == "auxpass"]
            sub = [c for n in (node, *auxes) for c in n.children if c.dep_ in SUBJ]
        if (name := apposed_name(sub)) is not None:
            return [name]
        if sub:
            # two passive subjects are a misparse of a clause before it ("X suspended
            # rotations after soldiers were arrested"): the one nearest the verb is its own
            return [antecedent_of_relative(min(sub, key=lambda c: abs(node.i - c.i)))]
        if node.dep_ in ("acl", "amod") and node.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return [node.head]
        if node.dep_ == "conj" or (node.dep_ == "advcl" and node.tag_ == "VBN" and is_passive(node.head)):
            node = node.head
            continue
        break
    return []


def passive_agents(tok: Token, index: MentionIndex, *, object_control: frozenset[str]) -> tuple[list[Token], str]:
    """The agent of a passive and how it was found: its by phrase ("passive-by"), the
    agent of the event it happens in ("passive-frame"), the body it excludes from
    ("passive-from-body"), the subject of "have" ("have-participle"), or none ("passive")."""
    subs = agents(tok)
    how = "passive-by" if subs else "passive"
    if not subs and (subs := frame_agents(tok)):
        how = "passive-frame"
    if not subs and (body := excluding_body(tok, index)) is not None:
        subs, how = [body], "passive-from-body"
    if not subs and tok.dep_ == "acl" and tok.head.dep_ == "dobj" and tok.head.head.lemma_.lower() in HAVE_VERBS:
        holder = own_subject(tok.head.head) or controller(tok.head.head, object_control=object_control)[0]
        if holder is not None:
            subs, how = [holder], "have-participle"
    return subs, how


def deployment(
    tok: Token,
    spec: PredicateSpec,
    index: MentionIndex,
    subs: list[Token],
    how: str,
    objs: list[Token],
    troops: frozenset[str],
) -> tuple[list[Token], str, list[Token]]:
    """A passive ``prefer_prep_object`` predicate ("troops were deployed in Mali"): the
    owner of the force deploys it ("passive-owner"), the object is the place, never a
    force noun. Returns the subjects, rule and objects."""
    place = place_objects(tok, set(spec.object_preps), index)
    owner = owner_of(objs[0], index) if objs else None
    owner = owner or next(iter(prep_objects(tok, {"from"})), None)
    if owner is None and objs and named_actor(objs[0], index) and objs[0].lemma_.lower() not in troops:
        # "MINUSMA was deployed in 2013": a named force deploys itself
        owner = objs[0]
    if (place or owner is not None) and not subs and owner is not None:
        subs, how = [owner], "passive-owner"
    objs = place or [o for o in objs if o not in subs]
    objs = [o for o in objs if partitive_head(o).lemma_.lower() not in troops]
    return subs, how, objs


def passive_heads(
    trig: Trigger, spec: PredicateSpec, index: MentionIndex, *, object_control: frozenset[str], troops: frozenset[str]
) -> Heads:
    """A passive (or a bare passive participle on a noun): :func:`passive_agents` and
    :func:`passive_objects`; a light verb's sides or objects; "sworn in as president"
    (``self_object``); a deployment (:func:`deployment`)."""
    tok = trig.token
    subs, how = passive_agents(tok, index, object_control=object_control)
    objs = passive_objects(tok)
    if trig.rule == RULE_LIGHT and trig.noun is not None:
        objs = light_objects(trig, spec)
        if not subs and (sides := between_sides(trig.noun)):
            # "an agreement between Russia and Mali was signed": the sides sign it
            return Heads((sides[0],), tuple(sides[1:]), frame_rule(trig, "passive-between"))
    if spec.self_object and not subs and objs:
        # "Goita was sworn in as president": the one sworn in takes the office
        return Heads(tuple(objs), tuple(prep_objects(tok, {"as"})), frame_rule(trig, "passive-self"))
    if spec.prefer_prep_object:
        subs, how, objs = deployment(tok, spec, index, subs, how, objs, troops)
    return Heads(tuple(subs), tuple(objs), frame_rule(trig, how))
