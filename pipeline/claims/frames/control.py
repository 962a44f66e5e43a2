"""Control: the subject of a clause that has none, from the clauses governing it.

- verb conjuncts ("rejected ... and closed"), infinitives ("decided to impose"),
  participial and adverbial clauses ("..., seeking their support"), gerunds after a
  preposition ("refrained from using force", "accused the bloc of imposing");
- object control ("asked the military to reinstate X", "called on ECOWAS to seek"):
  the verb's object;
- "the importance for all States to cooperate": the object of "for"
  (:func:`for_subject`);
- a bare infinitive hung on a finite verb is the conjunct of the infinitive before it
  (:func:`hung_infinitive`);
- the nearest actor among the governing clauses (:func:`actor_above`).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from ..clause_chain import has_to_marker, to_infinitives_between
from ..coref import MentionIndex
from ..repairs import pobjs
from ..vocab import FINITE_TAGS, PASS_SUBJ, SUBJ
from .parts import MAX_CLIMB, antecedent_of_relative, is_passive, own_subject, prep_objects

NO_SUBJECT = (None, "none")


def controller(
    verb: Token, *, object_control: frozenset[str], stranded: Callable[[Token], Token | None] | None = None
) -> tuple[Token | None, str]:
    """The subject of a clause that has none, from the clauses governing it: one step up
    at a time (:func:`governing_clause`), until a clause has a subject of its own
    (:func:`clause_subject`)."""
    node = verb
    for _ in range(MAX_CLIMB):
        if node.head.i == node.i:
            return NO_SUBJECT
        if node.dep_ == "conj" and node.pos_ not in ("NOUN", "PROPN"):
            if (infinitive := hung_infinitive(node)) is not None:
                # "underlined the need to hold X accountable and bring them to justice": a
                # bare infinitive hung on the finite verb is the conjunct of the infinitive
                node = infinitive
                continue
        step = governing_clause(node, object_control)
        if isinstance(step, tuple):
            return step
        node = step
        sub = clause_subject(node, stranded)
        if sub is not None:
            return sub, "xcomp-inherit"
    return NO_SUBJECT


def governing_clause(node: Token, object_control: frozenset[str]) -> Token | tuple[Token | None, str]:
    """One step up from ``node``, by its dependency: the clause whose subject it inherits,
    or the answer (the subject and how it was found) when the step settles it."""
    dep, head = node.dep_, node.head
    if dep == "conj":
        return _conjunct_head(node)
    if dep == "xcomp" and head.pos_ == "ADJ" and head.dep_ == "acomp" and head.head.pos_ in ("VERB", "AUX"):
        # "remained ready / willing / able to cooperate": the copula's subject
        return head.head
    if dep in ("xcomp", "ccomp", "advcl") and head.pos_ in ("VERB", "AUX"):
        return _complement_head(node, object_control)
    if dep == "pcomp" and head.dep_ in ("prep",):
        return _gerund_head(node)
    if dep == "acl":
        noun = head
        return noun, "acl"
    if dep == "relcl":
        return (head, "relcl") if head.pos_ in ("NOUN", "PROPN", "PRON") else NO_SUBJECT
    return NO_SUBJECT


def _conjunct_head(node: Token) -> Token | tuple[Token | None, str]:
    """A verb conjunct shares the subject of the verb it is coordinated with."""
    head = node.head
    if node.pos_ in ("NOUN", "PROPN"):
        return NO_SUBJECT
    if node.tag_ in FINITE_TAGS and head.tag_ == "VB" and head.dep_ in ("xcomp", "ccomp"):
        # "ordered X to leave and demanded Y": a finite verb is no conjunct of the
        # infinitive it was hung on, but of the verb that governs it
        head = head.head
        sub = own_subject(head)
        if sub is not None:
            return sub, "xcomp-inherit"
    return head


def _complement_head(node: Token, object_control: frozenset[str]) -> Token | tuple[Token | None, str]:
    """An infinitive, to-clause or adverbial clause: the object of "for" on the verb's
    object, the object of an object-control verb, else the governing verb."""
    head = node.head
    if node.dep_ == "ccomp" and not has_to_marker(node):
        return NO_SUBJECT
    if (for_np := for_subject(head, node)) is not None:
        return for_np, "for-subject"
    if head.lemma_.lower() in object_control:
        ctrl = next((c for c in head.children if c.dep_ in ("dobj", "dative")), None)
        ctrl = ctrl or next(iter(prep_objects(head, {"on", "upon"})), None)
        if ctrl is not None:
            return ctrl, "object-control"
    return head


def _gerund_head(node: Token) -> Token | tuple[Token | None, str]:
    """ "accused the bloc of imposing", "blamed the junta for closing": the object of the
    verb (or the noun the phrase hangs on) does the gerund; else the verb above."""
    head = node.head
    if head.head.pos_ in ("NOUN", "PROPN") and head.head.dep_ in ("dobj", "dative"):
        return head.head, "object-control"
    obj = next((c for c in head.head.children if c.dep_ in ("dobj", "dative")), None)
    if head.lower_ in ("of", "for") and obj is not None and obj.i < head.i:
        return obj, "object-control"
    node = head.head
    if node.pos_ == "ADJ" and node.dep_ == "acomp":
        node = node.head  # "remain committed to working with X": the copula's subject
    if node.pos_ not in ("VERB", "AUX"):
        return NO_SUBJECT
    return node


def clause_subject(node: Token, stranded: Callable[[Token], Token | None] | None) -> Token | None:
    """The subject ``node`` has: its own, one the parser stranded (``stranded``), or its
    passive subject."""
    sub = own_subject(node)
    if sub is not None:
        return sub
    if stranded is not None:
        sub = stranded(node)
        if sub is not None:
            return sub
    if is_passive(node):
        sub = next((c for c in node.children if c.dep_ in PASS_SUBJ), None)
        if sub is not None:
            return antecedent_of_relative(sub)
    return None


def hung_infinitive(verb: Token) -> Token | None:
    """The "to"-infinitive a bare infinitive ``verb`` (VB) coordinates with when the parser
    hung it on a finite verb before them: the nearest such infinitive in between."""
    head = verb.head
    if verb.tag_ != "VB" or head.tag_ not in FINITE_TAGS or any(c.dep_ in SUBJ for c in verb.children):
        return None
    found = to_infinitives_between(head, verb)
    return found[-1] if found else None


def for_subject(head: Token, infinitive: Token) -> Token | None:
    """ "underscored the importance for all States, ..., to cooperate": the object of
    "for" on the governing verb's object is the infinitive's subject (the parser hung the
    infinitive on the verb, past the interruption)."""
    if not has_to_marker(infinitive):
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
