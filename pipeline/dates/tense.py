"""The tense of the clause a temporal expression sits in, from the dependency parse.

``PAST`` ("met on Monday", "has met", "figures released Thursday"), ``FUTURE`` ("will
meet", "is set to hold", "plans to visit", "is expected to"), ``PRESENT`` ("meets") or
``NONE`` (no verb: a headline, a dateline). Modal "would/could/might" give ``NONE``: their
reference time is not the article's.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .lexicon import (
    CLAUSE_DEPS,
    FUTURE_AUX,
    FUTURE_GOVERNORS,
    FUTURE_MODALS,
    PAST_TAGS,
    PRESENT_TAGS,
    SCHEDULED,
    UNSURE_AUX,
)


def governing_verb(token: Token) -> Token | None:
    """The nearest verb (or auxiliary used as main verb) above ``token``, itself included."""
    current = token
    for _ in range(len(token.doc)):
        if current.pos_ in {"VERB", "AUX"} or current.tag_.startswith("VB"):
            return current
        if current.head.i == current.i:  # the root (Token objects are made anew on access)
            return None
        current = current.head
    return None


def verb_tense(verb: Token) -> str:
    """The tense of one verb with its auxiliaries."""
    aux = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    lowers = {a.lower_ for a in aux}
    if lowers & FUTURE_AUX:
        return "FUTURE"
    if lowers & UNSURE_AUX:
        return "NONE"
    if "to" in lowers and verb.dep_ in {"xcomp", "ccomp", "advcl", "acl"} and verb.head.i != verb.i:
        head = verb.head
        if head.lemma_.lower() in FUTURE_GOVERNORS or head.lower_ in FUTURE_GOVERNORS:
            return "FUTURE"
        return verb_tense(head) if head.pos_ in {"VERB", "AUX"} else "NONE"
    if lowers & FUTURE_MODALS:
        return "FUTURE"
    if any(a.tag_ in PAST_TAGS for a in aux) or verb.tag_ in PAST_TAGS:
        return "PAST"
    if verb.tag_ == "VBN":
        if any(a.lemma_ == "have" for a in aux) or not aux:
            return "PAST"
        if verb.lower_ in FUTURE_GOVERNORS and any(c.dep_ == "xcomp" for c in verb.children):
            return "FUTURE"
        if verb.lower_ in SCHEDULED:  # "is scheduled for Tuesday"
            return "FUTURE"
        return "PRESENT"
    if any(a.tag_ in PRESENT_TAGS for a in aux) or verb.tag_ in PRESENT_TAGS:
        if verb.lower_ in {"set", "due", "scheduled", "slated"}:
            return "FUTURE"
        return "PRESENT"
    if verb.tag_ == "VBG" and verb.dep_ in CLAUSE_DEPS - {"ROOT"} and verb.head.i != verb.i:
        return verb_tense(verb.head) if verb.head.pos_ in {"VERB", "AUX"} else "NONE"
    return "NONE"


def span_tense(span: Span) -> str:
    """The tense of the clause that ``span`` belongs to (see module doc)."""
    verb = governing_verb(span.root)
    if verb is None:
        return "NONE"
    # an expression inside a subordinate clause's noun phrase keeps that clause's tense;
    # an infinitive governed by "set/plan/expect" is future
    return verb_tense(verb)
