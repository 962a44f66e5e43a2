"""Subject and object of a trigger, by voice, control, coordination and light verbs.

Pure functions over the dependency parse (spaCy's ClearNLP labels). A trigger
(:class:`pipeline.claims.triggers.Trigger`) gets its argument *heads* here; the claims
component turns heads into arguments (entity, linked description, pronoun antecedent or
the shortest noun phrase) with :func:`pipeline.claims.argspans.head_args`. The repairs of
frequent misparses it relies on are in :mod:`pipeline.claims.repairs`.

Subject (the agent):

- active clause: its ``nsubj`` ("svo-active"); a relative pronoun stands for the noun
  the relative clause modifies ("Tinubu, who has threatened");
- passive ("was criticized by Y", "have not been recognized by the U.S."): the ``by``
  phrase ("passive-by"); without one the subject is null and the grammatical subject is
  the object ("passive");
- a clause without a subject inherits one from the clause that governs it
  ("xcomp-inherit"): verb conjuncts ("rejected ... and closed"), infinitives ("decided to
  impose"), participial and adverbial clauses ("..., seeking their support"), gerunds
  after a preposition ("refrained from using force"); object-control verbs hand over
  their object ("asked the military to reinstate X", "called on ECOWAS to seek");
  a participle on a noun ("officials seeking") takes that noun when it denotes an actor,
  else the subject of the noun's own clause ("released a video welcoming X");
- "X has troops stationed in Y": the participle's agent is the subject of "have";
- event nouns ("nominal"): a possessor, a name modifying the noun ("ECOWAS ultimatum")
  or a ``by`` phrase; an event noun that names no agent makes no claim (so "Tinubu's
  plan for military intervention" is no ``use_force`` claim: the plan is not the event,
  and the phrase is the object of the claim around it, "faced opposition");
- converse verbs: "the plan faced opposition from X": X is the subject, "the plan" the
  object;
- copular relation nouns ("copular"): "Algeria remains a strategic partner for Russia":
  the copula's subject, and the object of the noun's of/for/to/with phrase.

Object: the direct object; else the object of a phrase's final preposition ("be in touch
with X", "call on X"); else of one of the predicate's ``object_preps`` ("meet with X").
Coordination is distributed ("France, the U.S. and ECOWAS"); a class given with examples
("countries like Mali and the Central African Republic") stands for its examples.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace

from spacy.tokens import Token

from ..models import PredicateSpec
from .clause_chain import children
from .coref import MentionIndex, description_kind, is_definite, pronoun_class
from .repairs import (
    adjacent_antecedent,
    apposed_name,
    compound_participle,
    fronted_apposition,
    partitive_head,
    pobjs,
    real_subject,
    reduced_relative,
    split_clause_coordination,
    stolen_object,
    stranded_subject,
)
from .triggers import (
    RULE_CONVERSE,
    RULE_LIGHT,
    RULE_NOMINAL,
    RULE_PATIENT,
    RULE_PHRASE,
    RULE_VERB,
    Trigger,
    TriggerIndex,
)
from .vocab import (
    AGENTIVE_EVENTS,
    CLAIM_VERBS,
    COPULAS,
    EVENT_FRAME_PREPS,
    FINITE_TAGS,
    HAVE_VERBS,
    NON_ACTOR_LABELS,
    OBJ,
    PASS_SUBJ,
    REFLEXIVES,
    RELATION_PREPS,
    RELATIVES,
    RESPONSIBILITY_NOUNS,
    SUBJ,
    ULTIMATUM_VERBS,
)

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


def passive_participle(verb: Token) -> bool:
    """ "troops stationed in Niger": a past participle on a noun, with no subject or
    perfect "have" of its own (else it is a misattached finite clause)."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ == "acl"
        and not any(c.dep_ in SUBJ or (c.dep_ == "aux" and c.lemma_ == "have") for c in verb.children)
    )


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


def controller(
    verb: Token, *, object_control: frozenset[str], stranded: Callable[[Token], Token | None] | None = None
) -> tuple[Token | None, str]:
    """The subject of a clause that has none, from the clauses governing it."""
    node = verb
    for _ in range(MAX_CLIMB):
        dep, head = node.dep_, node.head
        if head.i == node.i:
            return None, "none"
        if dep == "conj":
            if node.pos_ in ("NOUN", "PROPN"):
                return None, "none"
            if (infinitive := hung_infinitive(node)) is not None:
                # "underlined the need to hold X accountable and bring them to justice": a
                # bare infinitive hung on the finite verb is the conjunct of the infinitive
                node = infinitive
                continue
            if node.tag_ in FINITE_TAGS and head.tag_ == "VB" and head.dep_ in ("xcomp", "ccomp"):
                # "ordered X to leave and demanded Y": a finite verb is no conjunct of the
                # infinitive it was hung on, but of the verb that governs it
                head = head.head
                sub = own_subject(head)
                if sub is not None:
                    return sub, "xcomp-inherit"
            node = head
        elif dep == "xcomp" and head.pos_ == "ADJ" and head.dep_ == "acomp" and head.head.pos_ in ("VERB", "AUX"):
            # "remained ready / willing / able to cooperate": the copula's subject
            node = head.head
        elif dep in ("xcomp", "ccomp", "advcl") and head.pos_ in ("VERB", "AUX"):
            if dep == "ccomp" and not any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
                return None, "none"
            if (for_np := for_subject(head, node)) is not None:
                return for_np, "for-subject"
            if head.lemma_.lower() in object_control:
                ctrl = next((c for c in head.children if c.dep_ in ("dobj", "dative")), None)
                ctrl = ctrl or next(iter(prep_objects(head, {"on", "upon"})), None)
                if ctrl is not None:
                    return ctrl, "object-control"
            node = head
        elif dep == "pcomp" and head.dep_ in ("prep",):
            # "accused the bloc of imposing", "blamed the junta for closing": the object
            # of the verb (or the noun the phrase hangs on) does the gerund
            if head.head.pos_ in ("NOUN", "PROPN") and head.head.dep_ in ("dobj", "dative"):
                return head.head, "object-control"
            obj = next((c for c in head.head.children if c.dep_ in ("dobj", "dative")), None)
            if head.lower_ in ("of", "for") and obj is not None and obj.i < head.i:
                return obj, "object-control"
            node = head.head
            if node.pos_ == "ADJ" and node.dep_ == "acomp":
                node = node.head  # "remain committed to working with X": the copula's subject
            if node.pos_ not in ("VERB", "AUX"):
                return None, "none"
        elif dep == "acl":
            noun = head
            return noun, "acl"
        elif dep == "relcl":
            return (head, "relcl") if head.pos_ in ("NOUN", "PROPN", "PRON") else (None, "none")
        else:
            return None, "none"
        sub = own_subject(node)
        if sub is not None:
            return sub, "xcomp-inherit"
        if stranded is not None:
            sub = stranded(node)
            if sub is not None:
                return sub, "xcomp-inherit"
        if is_passive(node):
            sub = next((c for c in node.children if c.dep_ in PASS_SUBJ), None)
            if sub is not None:
                return antecedent_of_relative(sub), "xcomp-inherit"
    return None, "none"


def hung_infinitive(verb: Token) -> Token | None:
    """The "to"-infinitive a bare infinitive ``verb`` (VB) coordinates with when the parser
    hung it on a finite verb before them: the nearest such infinitive in between."""
    head = verb.head
    if verb.tag_ != "VB" or head.tag_ not in FINITE_TAGS or any(c.dep_ in SUBJ for c in verb.children):
        return None
    for token in reversed(verb.doc[head.i + 1 : verb.i]):
        if token.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
            return token
    return None


def for_subject(head: Token, infinitive: Token) -> Token | None:
    """ "underscored the importance for all States, ..., to cooperate": the object of
    "for" on the governing verb's object is the infinitive's subject (the parser hung the
    infinitive on the verb, past the interruption)."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in infinitive.children):
        return None
    for noun in (c for c in head.children if c.dep_ in ("dobj", "attr") and c.i < infinitive.i):
        for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "for" and c.i < infinitive.i):
            found = pobjs(prep)
            if found:
                return found[0]
    return None


def actor_above(verb: Token, index: MentionIndex) -> Token | None:
    """The nearest own subject denoting an actor among the clauses governing ``verb``."""
    node = verb
    for _ in range(MAX_CLIMB):
        if node.head.i == node.i or node.head.pos_ not in ("VERB", "AUX"):
            return None
        node = node.head
        sub = own_subject(node)
        if sub is not None and index.is_actor(sub):
            return sub
    return None


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


def nominal_agent(noun: Token, index: MentionIndex, *, possessor: str = "subject") -> Token | None:
    """The agent an event noun names: a possessor, a name modifying it, a by/from phrase."""
    for child in noun.children:
        if child.dep_ == "poss" and possessor == "subject":
            return child
    for child in noun.children:
        ent = index.entity_at(child)
        if child.dep_ in ("compound", "amod", "nmod") and child.i < noun.i and ent is not None:
            if ent.label_ in ("GPE", "ORG", "NORP", "PERSON"):
                return child
    found = prep_objects(noun, {"by"})
    return found[0] if found else None


def claimant(noun: Token) -> Token | None:
    """Who claimed an event: "X claimed (responsibility for) the attack", "the assault
    was claimed by X". Claiming an attack is owning it: the claimant is its agent."""
    if is_definite(noun) and not any(c.dep_ in ("prep", "compound", "amod", "nmod", "poss") for c in noun.children):
        return None  # "The attack was later claimed by X": a back-reference (docs/annotation.md 1)
    node = noun
    if noun.dep_ == "pobj" and noun.head.lower_ == "for" and noun.head.head.lemma_.lower() in RESPONSIBILITY_NOUNS:
        node = noun.head.head
    verb = node.head
    if verb.lemma_.lower() not in CLAIM_VERBS or verb.pos_ != "VERB":
        return None
    if node.dep_ in PASS_SUBJ:
        return next(iter(agents(verb)), None)
    if node.dep_ == "dobj":
        return own_subject(verb)
    return None


def _named_actor(token: Token, index: MentionIndex) -> bool:
    ent = index.entity_at(token)
    return ent is not None and ent.label_ in ("NORP", "GPE", "ORG")


def _own_thing(token: Token) -> bool:
    """A noun its possessive pronoun ties to the clause's own actor: "their countries"."""
    return token.pos_ == "NOUN" and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children)


def verb_objects(verb: Token, spec: PredicateSpec, trig: Trigger, index: MentionIndex) -> list[Token]:
    """Objects of an active trigger verb (or phrase), in this order: the object of the
    phrase's final preposition; the place, for predicates whose object is where
    (``prefer_prep_object``); the direct object; a complement noun ("declared himself
    chairman"); the possessor of the phrase's noun when the predicate's possessor is its
    object ("seeking their support"); an ``object_preps`` phrase; the phrase's own
    noun ("pausing aid"); the subject of a clausal complement (``clause_object``)."""
    phrase = {t.i for t in trig.words}
    preps = set(spec.object_preps)
    if trig.obj_prep is not None and trig.obj_prep.dep_ == "mark":
        # "called for X to V": the subject of the for-to clause is the addressee
        return [c for c in trig.obj_prep.head.children if c.dep_ in SUBJ | PASS_SUBJ][:1]
    if trig.obj_prep is not None:
        found = [antecedent_of_relative(t) for t in pobjs(trig.obj_prep) if t.i not in phrase]
        if found:
            return found
        # "committed to finding a solution": the object of the gerund
        for gerund in (c for c in trig.obj_prep.children if c.dep_ == "pcomp" and c.tag_ == "VBG"):
            found = [c for c in gerund.children if c.dep_ == "dobj"]
            if found:
                return found
    if spec.prefer_prep_object:
        found = place_objects(verb, preps, index, skip=phrase)
        if found:
            return found
    objs = [c for c in verb.children if c.dep_ in OBJ and c.i not in phrase and not concessive(c)]
    if (named := free_relative_object(verb)) is not None:
        return [named]
    if objs and "from" in preps and all(_own_thing(o) for o in objs):
        # "withdrew their troops / its countries from X", "pulled its troops out of X":
        # what is left is the object
        found = [antecedent_of_relative(t) for t in prep_objects(verb, {"from"}, skip=phrase) or out_of(verb)]
        if found:
            return found
    if objs:
        return [antecedent_of_relative(o) for o in objs]
    datives = [c for c in verb.children if c.dep_ == "dative" and c.pos_ in ("PRON", "PROPN", "NOUN")]
    if datives and phrase - {verb.i}:
        # "gave him 72 hours (to leave)", "gave them aid": the phrase's noun is the idiom
        # or the thing given; the indirect object is whom it is done to
        return datives
    if (gap := object_gap(verb)) is not None:
        return [gap]
    comps = [c for c in verb.children if c.dep_ in ("oprd", "ccomp", "xcomp") and c.pos_ in ("NOUN", "PROPN")]
    if comps:
        return comps
    stolen = stolen_object(verb)
    if stolen is not None:
        return [stolen]
    if (split := split_clause_coordination(verb)) is not None:
        return [split[0]]
    nouns = [w for w in trig.words[1:] if w.pos_ == "NOUN"]
    slots = [w for w in nouns if w.i in trig.slots]
    if spec.possessor == "object":
        for word in nouns:
            poss = [c for c in word.children if c.dep_ == "poss"]
            if poss:
                return poss
        for word in (w for w in nouns if w.i in trig.slots and not spec.object_actor):
            # "sought French protection", "requested U.S. help": the actor named on the
            # help is whom it is asked from (not "hold Malians hostage": a role, no help)
            named = [c for c in word.children if c.dep_ in ("amod", "compound", "nmod") and _named_actor(c, index)]
            if len(named) == 1:
                return named
    found = [antecedent_of_relative(t) for t in prep_objects(verb, preps, skip=phrase)]
    if found:
        return found
    for word in nouns:
        found = prep_objects(word, preps, skip=phrase)
        if found:
            return found
    if slots and slots[-1].dep_ in ("dobj", "attr", "pobj"):
        return [slots[-1]]
    if verb.lemma_.lower() in spec.actor_verbs:
        # "help them fight": the helped one parsed as the subject of the complement
        for comp in (c for c in verb.children if c.dep_ in ("ccomp", "xcomp")):
            sub = next((c for c in comp.children if c.dep_ in SUBJ), None)
            if sub is not None:
                return [sub]
    if spec.verb_object:
        # "proposed to stay / staying in power": what is proposed is the action
        comps = [
            c
            for c in verb.children
            if c.dep_ == "xcomp" and c.pos_ == "VERB" and not any(d.dep_ in SUBJ for d in c.children)
        ]
        if comps:
            return comps[:1]
    if spec.clause_object:
        for comp in (c for c in verb.children if c.dep_ == "ccomp"):
            sub = next((c for c in comp.children if c.dep_ in SUBJ | PASS_SUBJ), None)
            if sub is not None:
                return [sub]
    return []


def concessive(token: Token) -> bool:
    """ "encourage all stakeholders, no matter their political identity, to ...": the
    noun after "no matter" is no object of the verb."""
    start = token.left_edge.i
    return start >= 2 and token.doc[start - 2].lower_ == "no" and token.doc[start - 1].lower_ == "matter"


def free_relative_object(verb: Token) -> Token | None:
    """ "condemned what it called an attempted coup", "condemned what they said was the
    deployment of mercenaries": the object of a free relative is the noun it is called."""
    if verb.i + 1 >= len(verb.doc) or verb.doc[verb.i + 1].lower_ != "what":
        return None
    what = verb.doc[verb.i + 1]
    for clause in (c for c in verb.children if c.dep_ in ("ccomp", "dobj") and c.pos_ in ("VERB", "AUX")):
        if clause.left_edge.i != what.i:
            continue
        named = [t for t in clause.subtree if t.dep_ in ("oprd", "attr") and t.pos_ in ("NOUN", "PROPN")]
        if named:
            return named[0]
    return None


def object_gap(verb: Token) -> Token | None:
    """ "a charge the junta denies", "the accord Mali signed": a relative clause with its
    own subject and no object (nor relative pronoun) leaves a gap for its object, which
    the noun it modifies fills. Not "the day / the town where they attacked"."""
    if verb.dep_ != "relcl" or verb.head.pos_ not in ("NOUN", "PROPN") or verb.head.ent_type_ in NON_ACTOR_LABELS:
        return None
    if verb.left_edge.i != verb.head.i + 1:
        return None  # a contact relative follows its noun at once
    if not any(c.dep_ in SUBJ and c.tag_ not in ("WP", "WDT") for c in verb.children):
        return None
    if any(c.dep_ in ("dobj", "ccomp", "xcomp", "advmod", "npadvmod") and c.i < verb.i for c in verb.children):
        return None
    if any(c.dep_ in ("dobj", "ccomp", "xcomp", "dative") for c in verb.children):
        return None
    return verb.head


def out_of(verb: Token) -> list[Token]:
    """The object of "out of" ("pulled its troops out of Mali": Mali)."""
    for out in (c for c in verb.children if c.dep_ in ("prep", "prt", "advmod") and c.lower_ == "out"):
        found = prep_objects(out, {"of"})
        if found:
            return found
    return []


def place_objects(verb: Token, preps: set[str], index: MentionIndex, *, skip: set[int] = frozenset()) -> list[Token]:
    """Where: an ``object_preps`` phrase of the verb or of its direct object, "there", or
    the place a where-clause hangs on ("across the Sahel, where France had deployed
    troops"); a time or number ("deployed in 2013") is no place."""
    found = [t for t in prep_objects(verb, preps, skip=skip) if t.ent_type_ not in NON_ACTOR_LABELS]
    if found:
        return found
    if verb.dep_ == "relcl" and any(c.dep_ == "advmod" and c.lower_ == "where" for c in verb.children):
        return [verb.head]
    for obj in (c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")):
        found = prep_objects(obj, preps)
        for part in (c for c in obj.children if c.dep_ == "acl" and not found):
            found = prep_objects(part, preps)
        if found:
            return found
    for node in [verb, *[c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]]:
        there = next((c for c in node.children if c.dep_ == "advmod" and c.lower_ in ("there", "here")), None)
        if there is not None:
            place = index.place_before(there)
            if place is not None:
                return [place]
    return []


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
    """Subject and object heads of ``trig`` and the rule that found them (None: no claim).
    ``troops``: nouns of forces, never the object of a ``prefer_prep_object`` predicate
    (what is deployed goes in ``quantity``; the object is the place)."""
    tok = trig.token
    if trig.rule == RULE_NOMINAL:
        return nominal_heads(trig, spec, index, intent=intent)
    if trig.rule == RULE_CONVERSE:
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
    if trig.rule == RULE_PATIENT:
        patient = own_subject(tok) or controller(tok, object_control=object_control)[0]
        return Heads((), (patient,) if patient is not None else (), RULE_PATIENT)
    if trig.rule == RULE_PHRASE and tok.pos_ == "NOUN":
        # a verb phrase's head as a noun: "his calls for a solution" (the possessor calls),
        # "condemns these actions and calls for X" (a verb the tagger read as a noun
        # coordinated with its object: the verb's subject calls)
        objs = tuple(verb_objects(tok, spec, trig, index))
        agent = next((c for c in tok.children if c.dep_ == "poss"), None)
        if agent is None and tok.dep_ == "conj" and tok.head.dep_ == "dobj":
            agent = own_subject(tok.head.head) or controller(tok.head.head, object_control=object_control)[0]
        return Heads((agent,) if agent is not None else (), objs, _rule(trig, "noun-phrase"))

    if trig.rule == RULE_VERB and (noun := reduced_relative(tok)) is not None:
        if not any(c.dep_ not in ("punct", "cc", "conj") for c in tok.children):
            return None  # "the officials detained": a bare modifier refers back, no claim (SPEC rev 2)
        return Heads((), (noun,), _rule(trig, "reduced-relative"))
    own_object = any(c.dep_ in ("dobj", "oprd") for c in tok.children)
    if tok.tag_ == "VBN" and tok.dep_ == "acl" and own_object and index.is_actor(tok.head):
        # a participle with its own object is active, misparsed: "the military named X as Y"
        objs = verb_objects(tok, spec, trig, index)
        return Heads((tok.head,), tuple(objs), _rule(trig, "svo-active"))
    if is_passive(tok) or passive_participle(tok):
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
        objs = passive_objects(tok)
        if trig.rule == RULE_LIGHT and trig.noun is not None:
            objs = light_objects(trig, spec)
            if not subs and (sides := between_sides(trig.noun)):
                # "an agreement between Russia and Mali was signed": the sides sign it
                return Heads((sides[0],), tuple(sides[1:]), _rule(trig, "passive-between"))
        if spec.self_object and not subs and objs:
            # "Goita was sworn in as president": the one sworn in takes the office
            return Heads(tuple(objs), tuple(prep_objects(tok, {"as"})), _rule(trig, "passive-self"))
        if spec.prefer_prep_object:
            place = place_objects(tok, set(spec.object_preps), index)
            owner = owner_of(objs[0], index) if objs else None
            owner = owner or next(iter(prep_objects(tok, {"from"})), None)
            if owner is None and objs and _named_actor(objs[0], index) and objs[0].lemma_.lower() not in troops:
                # "MINUSMA was deployed in 2013": a named force deploys itself
                owner = objs[0]
            if (place or owner is not None) and not subs and owner is not None:
                subs, how = [owner], "passive-owner"
            objs = place or [o for o in objs if o not in subs]
            objs = [o for o in objs if partitive_head(o).lemma_.lower() not in troops]
        return Heads(tuple(subs), tuple(objs), _rule(trig, how))

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
    if trig.rule == RULE_LIGHT:
        objs = light_objects(trig, spec) or shared_target(tok, spec, index)
    else:
        objs = verb_objects(tok, spec, trig, index)
    objs = [sub if (o.lower_ in REFLEXIVES and sub is not None) else o for o in objs]
    if spec.prefer_prep_object:
        objs = [o for o in objs if partitive_head(o).lemma_.lower() not in troops]
    return Heads((sub,) if sub is not None else (), tuple(objs), _rule(trig, how))


def _rule(trig: Trigger, how: str) -> str:
    if trig.rule in ("verb",):
        return how
    if how in ("svo-active", "none"):
        return trig.rule
    return f"{trig.rule}+{how}"


def shared_target(verb: Token, spec: PredicateSpec, index: MentionIndex) -> list[Token]:
    """ "suspended Mali from its institutions and imposed sanctions": a light verb whose
    noun names no target ("on X", "against X"), coordinated with a verb whose object is a
    named actor, is aimed at that actor."""
    if verb.dep_ != "conj" or not {"on", "against"} & set(spec.object_preps):
        return []
    return [c for c in verb.head.children if c.dep_ == "dobj" and _named_actor(c, index)][:1]


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


def nominal_heads(trig: Trigger, spec: PredicateSpec, index: MentionIndex, *, intent: frozenset[str]) -> Heads | None:
    """An event noun makes a claim only when it names its agent (or, for nouns whose
    possessor is the patient, "his detainment", its patient)."""
    noun = trig.token
    preps = set(spec.object_preps)
    if (obj := compound_participle(noun)) is not None:
        # "imposed sanctions, closing borders": a participle sharing the clause's subject
        verb = obj.head  # the clause the participle hangs on, through conjuncts and phrases
        for _ in range(4):
            if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
                break
            verb = verb.head
        if verb.pos_ not in ("VERB", "AUX"):
            return None
        sub = own_subject(verb) or controller(verb, object_control=frozenset())[0]
        return Heads((sub,) if sub is not None else (), (obj,), "participle-repair")
    if noun.dep_ == "attr" and noun.head.lemma_.lower() in COPULAS:
        # "Algeria remains a strategic partner for Russia": the copula's subject is the agent
        agent = own_subject(noun.head)
        if agent is not None and agent.tag_ in ("WP", "WDT"):
            return None  # "what they said was the deployment of X": no agent named
        objs = prep_objects(noun, preps | RELATION_PREPS)
        return Heads((agent,), tuple(objs), "copular") if agent is not None and objs else None
    sides = between_sides(noun)
    if sides:
        # "an agreement between Russia and the transitional authorities": the first named
        # acts, the others are its counterparts (symmetric predicates score unordered);
        # "between the U.S. and Nigerien forces": the sides are states (RULE_STATES)
        how = RULE_STATES if sides[0].dep_ != "pobj" else "nominal-between"
        return Heads((sides[0],), tuple(sides[1:]), how)
    if not spec.nominal:
        return None
    of_role = spec.of_role or ("object" if spec.possessor == "object" else None)
    if spec.possessor == "object":
        # "the arrest of X by Y", "his release": the patient names the event (SPEC section 4,
        # event nouns); the agent when a by-phrase names one
        possessor = next((c for c in noun.children if c.dep_ == "poss"), None)
        of_objects = prep_objects(noun, {"of"})
        agent = next(iter(coordinated_by_agents(noun)), None)
        if possessor is not None and of_objects and agent is None:
            # "the transition government's expulsion of MINUSMA": with an of-phrase, the
            # possessor acts
            agent, patients = possessor, of_objects
        else:
            patients = [possessor] if possessor is not None else of_objects
        if not patients or (agent is None and all(_possessive_pronoun(p) for p in patients)):
            return None  # "despite his detainment": a back-reference (SPEC rev 2), no claim
        return Heads((agent,) if agent is not None else (), tuple(patients), RULE_NOMINAL)
    agent = nominal_agent(noun, index)
    how = RULE_NOMINAL
    if agent is None and (agent := claimant(noun)) is not None:
        how = "claimed"
    if agent is None and of_role == "subject":
        # "the withdrawal of French troops from Mali": the of-phrase acts
        agent = next(iter(prep_objects(noun, {"of"})), None)
    objs = prep_objects(noun, preps - {"by"} if of_role == "subject" else preps - {"from", "by"})
    if of_role == "object":
        objs = [*prep_objects(noun, {"of"}), *objs]  # "the suspension of the constitution"
    if not objs:
        objs = stranded_prep_objects(noun, preps - {"from", "by"})
    if agent is None:
        return Heads((), tuple(objs), RULE_NOMINAL) if objs else None
    if not objs and _possessive_pronoun(agent):
        return None  # "their exit": a back-reference to an event told before
    return Heads((agent,), tuple(objs), how)


RULE_STATES = "nominal-between-states"
"""A between-phrase whose sides are the modifiers of one noun: each side's forces or
bodies act for their state, and the arguments are the states."""


def between_sides(noun: Token) -> list[Token]:
    """The sides a "between" phrase names: "between Russia and Mali"; "between the U.S.
    and Nigerien armed forces" (the coordination inside the modifier: each side's forces);
    a conjunct shares its head's phrase ("cooperation and communication between A and B")."""
    between = prep_objects(noun, {"between"})
    if not between and noun.dep_ == "conj" and noun.head.pos_ == "NOUN":
        between = prep_objects(noun.head, {"between"})
    if not between and noun.dep_ in ("nsubj", "nsubjpass") and noun.head.pos_ in ("VERB", "AUX"):
        between = prep_objects(noun.head, {"between"})  # "coordination will continue between A and B"
    if not between:
        return []
    if between[0].conjuncts:
        return [between[0], *between[0].conjuncts]
    if len(between) == 1:
        mods = [c for c in between[0].children if c.dep_ in ("nmod", "compound", "amod") and c.conjuncts]
        if len(mods) == 1:
            return [mods[0], *mods[0].conjuncts]
    return []


def _possessive_pronoun(token: Token) -> bool:
    return token.dep_ == "poss" and token.tag_ == "PRP$"


def stranded_prep_objects(noun: Token, preps: set[str] | frozenset[str]) -> list[Token]:
    """An event noun's prepositional object that the parser hung on the verb taking the
    noun as object ("reiterate our support to X": support to X), when that phrase follows
    the noun."""
    if noun.dep_ != "dobj":
        return []
    return prep_objects(noun.head, preps, skip={c.i for c in noun.head.children if c.i < noun.i})


def raised_object(verb: Token) -> tuple[Token, ...]:
    """The direct object shared by a transitive verb and the verb coordinated after it
    ("We recognize and appreciate the hard work": the parser hangs it on the second)."""
    if any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children):
        return ()
    conj = next((c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.tag_ == verb.tag_), None)
    if conj is None or not any(c.dep_ == "cc" and c.i < conj.i for c in verb.children):
        return ()
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children):
        return ()  # a clause of its own
    return tuple(c for c in conj.children if c.dep_ == "dobj")


def coordinated_by_agents(noun: Token) -> list[Token]:
    """The by-phrase of an event noun, or of the last of the event nouns coordinated with it
    ("the dissolution of the Government and the suspension of the Constitution by the
    military": the military did both)."""
    own = prep_objects(noun, {"by"})
    if own:
        return own
    group = [noun.head, *noun.head.conjuncts] if noun.dep_ == "conj" else [noun, *noun.conjuncts]
    for other in sorted(group, key=lambda t: -t.i):
        if other.i > noun.i and other.pos_ == "NOUN" and (found := prep_objects(other, {"by"})):
            return found
    return []


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


def event_subject_agent(subject: Token, event_nouns: frozenset[str], index: MentionIndex) -> Token | None:
    """The actor of an event noun that is a clause's subject ("Attacks by jihadi groups
    have killed thousands", "Insurgencies by groups linked to al Qaeda have killed"): its
    by-phrase, when that names an actor."""
    if subject.pos_ != "NOUN" or index.is_actor(subject):
        return None
    if subject.lemma_.lower() not in event_nouns and subject.lemma_.lower() not in AGENTIVE_EVENTS:
        return None
    agent = next(iter(prep_objects(subject, {"by"})), None)
    return agent if agent is not None and index.is_actor(agent) else None


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
        heads = find_heads(
            trig,
            index.spec(trig.predicate),
            mentions,
            object_control=object_control,
            intent=intent,
            troops=troops,
            needs=needs,
        )
        if heads is None:
            continue
        if heads.rule.endswith(("for-subject", "needed")):
            trig = replace(trig, requested=True)  # "the need (for X) to V": asked for, not done
        if trig.requested and (addressee := ultimatum_addressee(trig.token)) is not None:
            # "gave the envoy two days to leave": the one given the time is to act
            heads = Heads((addressee,), heads.objects, heads.rule)
        if not heads.objects and trig.rule == RULE_VERB and (shared := raised_object(trig.token)):
            # "recognize and appreciate the work of X": the object after the last verb
            heads = Heads(heads.subjects, shared, heads.rule)
        if not heads.objects and "from" in index.spec(trig.predicate).object_preps and heads.subjects:
            # "the U.N. mission in Mali ended its operation": what is left is where it was
            place = _stationed_in(heads.subjects[0], mentions)
            if place is not None:
                heads = Heads(heads.subjects, (place,), heads.rule)
        if not heads.objects and trig.token.lemma_.lower() in content:
            act = next((c for c in trig.token.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
            objs = tuple(c for c in act.children if c.dep_ == "dobj") if act is not None else ()
            heads = Heads(heads.subjects, objs[:1], heads.rule)
        if index.spec(trig.predicate).directive and not heads.objects and trig.rule != RULE_NOMINAL:
            # "demanded that the mission withdraw": the addressee is the that-clause's
            # subject; what is demanded is no claim of its own
            clause = mandative_clause(trig.token)
            if clause is not None:
                requested.add(clause.i)
                heads = Heads(heads.subjects, tuple(c for c in clause.children if c.dep_ in SUBJ)[:1], heads.rule)
            elif any(c.dep_ == "ccomp" and children(c, SUBJ) for c in trig.token.children):
                continue  # "insisted that the guard had repelled the assault": a report
        if index.spec(trig.predicate).directive:
            # "gave him 72 hours to leave": what is demanded is no claim of its own
            requested.update(c.i for w in trig.words[1:] for c in w.children if c.dep_ == "acl" and c.tag_ == "VB")
        if index.spec(trig.predicate).event_agent_object and heads.objects:
            # nouns whose possessor is the patient ("his release") name no one to act
            if agentive is None:
                agentive = {n: p for n, p in index.noun_predicate.items() if index.spec(p).possessor == "subject"}
            heads = Heads(heads.subjects, tuple(event_agent(o, agentive) for o in heads.objects), heads.rule)
        if heads.subjects and trig.rule != RULE_NOMINAL:
            agent = event_subject_agent(heads.subjects[0], index.nouns, mentions)
            if agent is not None:
                # "Attacks by jihadi groups have killed thousands": the event's agent acts
                # (the attacks stay a claim of their own: docs/claims_rules.md)
                heads = Heads((agent, *heads.subjects[1:]), heads.objects, heads.rule)
        spec = index.spec(trig.predicate)
        if spec.directive:
            requested.update(t.i for t in heads.objects)  # "called for the release of X"
        elif not spec.event_object_claim:
            taken.update(t.i for t in heads.objects)  # "threatened military intervention"
        threat = ultimatum(trig.token) if index.spec(trig.predicate).directive else None
        if threat is not None and config.ultimatum_demand and config.ultimatum_threat:
            # "asked X to V ... or face measures": an ultimatum demands and threatens
            # (the threat is made by the request itself: its clause gives mood and date)
            measures = threat[1]
            yield replace(trig, predicate=config.ultimatum_demand), heads
            yield (
                Trigger(trig.token, config.ultimatum_threat, RULE_ULTIMATUM),
                Heads(heads.subjects, measures, RULE_ULTIMATUM),
            )
            continue
        yield trig, heads
