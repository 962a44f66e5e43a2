"""The objects of an active trigger verb or phrase (:func:`verb_objects`).

In order: the object of the phrase's final preposition ("be in touch with X"), or of a
for-to clause ("called for X to V"); the place (``prefer_prep_object``: "deployed
troops in Mali", "there", a where-clause: :func:`place_objects`); the direct object
(with "no matter" phrases left out, a free relative's named noun, what a withdrawal
leaves, an indirect object of an idiom, the gap of a contact relative clause); a
complement noun ("declared himself chairman"); the possessor or named actor on the
phrase's noun ("seeking their support", "sought French protection"); an
``object_preps`` phrase ("meet with X"); the phrase's own noun ("pausing aid"); the
subject of a complement ("help them fight", ``clause_object``) or the action itself
(``verb_object``). A direct object shared with the verb coordinated after it:
:func:`raised_object`.
"""

from __future__ import annotations

from spacy.tokens import Token

from ...models import PredicateSpec
from ..coref import MentionIndex
from ..repairs import pobjs, split_clause_coordination, stolen_object
from ..triggers import Trigger
from ..vocab import NON_ACTOR_LABELS, OBJ, PASS_SUBJ, SUBJ
from .parts import antecedent_of_relative, named_actor, prep_objects


def _own_thing(token: Token) -> bool:
    """A noun its possessive pronoun ties to the clause's own actor: "their countries"."""
    return token.pos_ == "NOUN" and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children)


def verb_objects(verb: Token, spec: PredicateSpec, trig: Trigger, index: MentionIndex) -> list[Token]:
    """Objects of an active trigger verb (or phrase), in this order: the object of the
    phrase's final preposition; the place, for predicates whose object is where
    (``prefer_prep_object``); the direct object; a complement noun ("declared himself
    chairman"); the possessor of the phrase's noun when the predicate's possessor is its
    object ("seeking their support"); an ``object_preps`` phrase; the phrase's own
    noun ("pausing aid"); the subject of a clausal complement (``clause_object``).
    Each step is a function of its own, None when it finds nothing."""
    phrase = {t.i for t in trig.words}
    preps = set(spec.object_preps)
    if trig.obj_prep is not None and (found := final_prep_objects(trig.obj_prep, phrase)) is not None:
        return found
    if spec.prefer_prep_object:
        found = place_objects(verb, preps, index, skip=phrase)
        if found:
            return found
    if (found := direct_objects(verb, preps, phrase)) is not None:
        return found
    nouns = [w for w in trig.words[1:] if w.pos_ == "NOUN"]
    if spec.possessor == "object" and (found := possessor_objects(nouns, spec, trig, index)) is not None:
        return found
    if (found := phrase_objects(verb, nouns, preps, trig, phrase)) is not None:
        return found
    return complement_objects(verb, spec)


def final_prep_objects(obj_prep: Token, phrase: set[int]) -> list[Token] | None:
    """The object of the phrase's final preposition ("be in touch with X"), or of the
    gerund after it ("committed to finding a solution"); "called for X to V": the
    subject of the for-to clause is the addressee."""
    if obj_prep.dep_ == "mark":
        return [c for c in obj_prep.head.children if c.dep_ in SUBJ | PASS_SUBJ][:1]
    found = [antecedent_of_relative(t) for t in pobjs(obj_prep) if t.i not in phrase]
    if found:
        return found
    for gerund in (c for c in obj_prep.children if c.dep_ == "pcomp" and c.tag_ == "VBG"):
        found = [c for c in gerund.children if c.dep_ == "dobj"]
        if found:
            return found
    return None


def direct_objects(verb: Token, preps: set[str], phrase: set[int]) -> list[Token] | None:
    """The direct object (not after "no matter"); a free relative's named noun; what a
    withdrawal leaves ("withdrew their troops from X"); the indirect object of an idiom
    ("gave him 72 hours"); the noun a contact relative clause hangs on ("the accord Mali
    signed"); a complement noun; an object the parser took for the subject of a
    participle or of a clause after it ("seized power and protesters attacked": power)."""
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
    return None


def possessor_objects(
    nouns: list[Token], spec: PredicateSpec, trig: Trigger, index: MentionIndex
) -> list[Token] | None:
    """For a predicate whose possessor is its object: the possessor of the phrase's noun
    ("seeking their support"), else the one actor named on it."""
    for word in nouns:
        poss = [c for c in word.children if c.dep_ == "poss"]
        if poss:
            return poss
    for word in (w for w in nouns if w.i in trig.slots and not spec.object_actor):
        # "sought French protection", "requested U.S. help": the actor named on the
        # help is whom it is asked from (not "hold Malians hostage": a role, no help)
        named = [c for c in word.children if c.dep_ in ("amod", "compound", "nmod") and named_actor(c, index)]
        if len(named) == 1:
            return named
    return None


def phrase_objects(
    verb: Token, nouns: list[Token], preps: set[str], trig: Trigger, phrase: set[int]
) -> list[Token] | None:
    """An ``object_preps`` phrase of the verb ("meet with X") or of the phrase's nouns;
    else the phrase's own slot noun when it is an object ("pausing aid")."""
    found = [antecedent_of_relative(t) for t in prep_objects(verb, preps, skip=phrase)]
    if found:
        return found
    for word in nouns:
        found = prep_objects(word, preps, skip=phrase)
        if found:
            return found
    slots = [w for w in nouns if w.i in trig.slots]
    if slots and slots[-1].dep_ in ("dobj", "attr", "pobj"):
        return [slots[-1]]
    return None


def complement_objects(verb: Token, spec: PredicateSpec) -> list[Token]:
    """The last resort: the subject of the complement of an ``actor_verbs`` verb ("help
    them fight"), the action itself (``verb_object``: "proposed to stay"), the subject
    of a clausal complement (``clause_object``); else no object."""
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
