"""Event nouns ("nominal"): an event noun makes a claim only when it names its agent.

- a possessor, a name modifying the noun ("ECOWAS ultimatum") or a ``by`` phrase
  (:func:`nominal_agent`), shared by coordinated event nouns
  (:func:`coordinated_by_agents`); whoever claimed an attack (:func:`claimant`);
- nouns whose possessor is the patient ("his detainment", "the arrest of X by Y");
- copular relation nouns ("Algeria remains a strategic partner for Russia");
- a between-phrase ("an agreement between Russia and Mali": :func:`between_sides`);
- a participle the parser read as a compound noun ("imposed sanctions, closing borders");
- the prepositional object hung on the verb taking the noun ("reiterate our support to
  X": :func:`stranded_prep_objects`);
- an event noun as a clause's subject ("Attacks by jihadi groups have killed"): its
  by-phrase acts (:func:`event_subject_agent`).
"""

from __future__ import annotations

from spacy.tokens import Token

from ...models import PredicateSpec
from ..coref import MentionIndex, is_definite
from ..repairs import compound_participle
from ..triggers import RULE_NOMINAL, Trigger
from ..vocab import AGENTIVE_EVENTS, CLAIM_VERBS, COPULAS, PASS_SUBJ, RELATION_PREPS, RESPONSIBILITY_NOUNS
from .control import controller
from .parts import Heads, agents, own_subject, prep_objects


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


def nominal_heads(trig: Trigger, spec: PredicateSpec, index: MentionIndex, *, intent: frozenset[str]) -> Heads | None:
    """An event noun makes a claim only when it names its agent (or, for nouns whose
    possessor is the patient, "his detainment", its patient). By construction: a
    participle read as a noun, a copular relation noun, a between-phrase, a noun whose
    possessor is its patient, a noun naming its agent."""
    noun = trig.token
    preps = set(spec.object_preps)
    if (obj := compound_participle(noun)) is not None:
        return participle_heads(obj)
    if noun.dep_ == "attr" and noun.head.lemma_.lower() in COPULAS:
        return copular_heads(noun, preps)
    sides = between_sides(noun)
    if sides:
        # "an agreement between Russia and the transitional authorities": the first named
        # acts, the others are its counterparts (symmetric predicates score unordered);
        # "between the U.S. and Nigerien forces": the sides are states (RULE_STATES)
        how = RULE_STATES if sides[0].dep_ != "pobj" else "nominal-between"
        return Heads((sides[0],), tuple(sides[1:]), how)
    if not spec.nominal:
        return None
    if spec.possessor == "object":
        return patient_noun_heads(noun)
    return agent_noun_heads(noun, spec, preps, index)


def participle_heads(obj: Token) -> Heads | None:
    """ "imposed sanctions, closing borders": a participle the parser read as a compound
    of its object (``obj``) shares the subject of the clause it hangs on."""
    verb = obj.head  # the clause the participle hangs on, through conjuncts and phrases
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    sub = own_subject(verb) or controller(verb, object_control=frozenset())[0]
    return Heads((sub,) if sub is not None else (), (obj,), "participle-repair")


def copular_heads(noun: Token, preps: set[str]) -> Heads | None:
    """ "Algeria remains a strategic partner for Russia": the copula's subject is the
    agent, the object that of the noun's relation phrase."""
    agent = own_subject(noun.head)
    if agent is not None and agent.tag_ in ("WP", "WDT"):
        return None  # "what they said was the deployment of X": no agent named
    objs = prep_objects(noun, preps | RELATION_PREPS)
    return Heads((agent,), tuple(objs), "copular") if agent is not None and objs else None


def patient_noun_heads(noun: Token) -> Heads | None:
    """ "the arrest of X by Y", "his release": the patient names the event (SPEC section
    4, event nouns); the agent when a by-phrase names one."""
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


def agent_noun_heads(noun: Token, spec: PredicateSpec, preps: set[str], index: MentionIndex) -> Heads | None:
    """An event noun naming its agent (:func:`nominal_agent`, a claimant, or the of-phrase
    for ``of_role: subject``) and its objects in ``object_preps`` phrases."""
    of_role = spec.of_role or ("object" if spec.possessor == "object" else None)
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
