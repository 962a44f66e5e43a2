"""Where a trigger sits in its sentence: the small tree walks that negation, modality,
attribution and quantity share.

- :func:`event_verb` climbs from a nominal trigger ("talks" in "held talks", "touch" in
  "been in touch") to the verb whose clause carries it.
- :func:`shares_clause` tells whether a verb conjunct borrows its first conjunct's
  auxiliaries ("did not meet or call": yes; "have not reinstated ... and have voided": no).
- :func:`has_to_marker`, :func:`to_infinitives_between`, :func:`children` are tiny helpers over the dependency labels of
  spaCy's English models (ClearNLP style: ``nsubj``, ``xcomp``, ``ccomp``, ``neg``...).
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from .vocab import AUX_DEPS, FINITE_TAGS, NOUN_TO_VERB_DEPS, SUBJECT_DEPS


def children(token: Token, deps: Iterable[str]) -> list[Token]:
    """The children of ``token`` whose dependency label is in ``deps``."""
    wanted = set(deps)
    return [c for c in token.children if c.dep_ in wanted]


def mark_of(verb: Token) -> str | None:
    """The subordinator of ``verb``'s clause, lower-cased ("that", "whether", "if", "as")."""
    return next((c.lower_ for c in verb.children if c.dep_ == "mark"), None)


def has_to_marker(token: Token) -> bool:
    """``token`` is a to-infinitive ("to meet")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def to_infinitives_between(head: Token, verb: Token) -> list[Token]:
    """The "to"-infinitives (base form with its "to") after ``head`` and before ``verb``,
    in text order: what a bare infinitive the parser hung on ``head`` may coordinate with."""
    return [t for t in verb.doc[head.i + 1 : verb.i] if t.tag_ == "VB" and has_to_marker(t)]


def is_verbal(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX")


def event_verb(trigger: Token, *, max_steps: int = 4) -> Token:
    """The verb whose clause a trigger belongs to.

    A verb is its own clause head. A nominal trigger climbs through prepositions
    ("been in touch": ``touch`` -> ``been``) and argument labels ("held talks": ``talks`` ->
    ``held``) to the nearest verb; a noun inside another noun phrase ("a $100 million drone
    base"'s ``drone``) or with no verb above stays where it is.
    """
    if is_verbal(trigger):
        return trigger
    node = trigger
    for _ in range(max_steps):
        head = node.head
        if head.i == node.i:
            return trigger
        if node.dep_ == "pobj" and head.dep_ in ("prep", "agent"):
            node = head
            continue
        if node.dep_ in ("prep", "agent") or node.dep_ in NOUN_TO_VERB_DEPS:
            if is_verbal(head):
                return head
            if node.dep_ in ("prep", "agent"):
                node = head
                continue
        return trigger
    return trigger


def shares_clause(conj: Token) -> bool:
    """A verb conjunct that borrows the first conjunct's auxiliaries and subject: it has no
    subject and no auxiliary of its own and is not finite ("did not meet or call",
    "will convene and discuss"), and is not joined by "but"/"yet"."""
    if conj.dep_ != "conj" or not is_verbal(conj):
        return False
    if children(conj, SUBJECT_DEPS | AUX_DEPS):
        return False
    if conj.tag_ in FINITE_TAGS and children(conj.head, AUX_DEPS):
        return False
    head = conj.head
    between = [t for t in head.children if t.dep_ == "cc" and head.i < t.i < conj.i]
    between += [t for t in conj.children if t.dep_ == "cc"]
    return not any(t.lower_ in ("but", "yet") for t in between)
