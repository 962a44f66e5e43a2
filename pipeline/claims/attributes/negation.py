"""Does the text say a claim's event did *not* happen? (SPEC section 4, ``negated``.)

Usage (CORE): ``is_negated(trigger)`` with the trigger Token (verb, or event noun); returns
a bool. Pure; reads only the dependency parse (``dep_``, ``lemma_``, ``lower_``).

Rules, from the trigger up:

1. Negation in the trigger's own clause, counted once however many markers it has:
   ``neg`` ("not", "n't", "never"), "never" as ``advmod``, "no longer"/"no more", a subject or
   object determined by "no"/"neither" ("neither Russia nor Wagner had a hand", "imposed no
   sanctions"), a negative pronoun subject ("nobody", "none"). "not only ... but" is not a
   negation.
2. A clause it is the infinitive of (``xcomp``) passes its polarity down, flipped when the
   governing verb is negative-implicative ("failed/declined/refused to meet", "has yet to
   label", "is unable to"); polarities multiply, so "did not decide to impose" is negated
   and "did not fail to release" is not (a double negation is not counted twice).
3. "refrained/abstained/was prevented from using force" (``from`` + gerund), "without
   reinstating", "instead of"/"rather than" negate the gerund; "denied that X" negates X.
4. A verb conjunct that shares its first conjunct's auxiliaries shares its polarity ("did not
   meet or call"); one with its own auxiliary does not ("have not reinstated ... and have
   voided").
5. A nominal trigger takes the polarity of the verb whose argument it is ("have not held
   talks"); "no talks", "without progress" and "the lack/absence of" negate it directly.
   As a subject it takes it only from a verb of occurrence ("the talks did not take
   place"); "attacks have not diminished" negates the diminishing, not the attacks.

"declined/refused/rejected X" as a main verb is the predicate ``reject``, not a negation:
negative-implicative verbs only negate an infinitive they govern. The word lists are
closed-class grammar, so they stay in code (:mod:`pipeline.claims.vocab`) rather than in
configs/.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..clause_chain import event_verb, is_verbal, shares_clause
from ..vocab import (
    ALTERNATIVE_HEADS,
    DENIAL_VERBS,
    FOCUS_AFTER_NOT,
    NEG_DETERMINERS,
    NEG_FROM_VERBS,
    NEG_IMPLICATIVE_ADJECTIVES,
    NEG_IMPLICATIVE_VERBS,
    NEG_NOUN_HEADS,
    NEG_PREPOSITIONS,
    NEG_PRONOUNS,
    NEGATORS,
    NO_LONGER,
    OCCURRENCE_VERBS,
)


def is_negated(trigger: Token) -> bool:
    """True when the text says the trigger's event did not happen (see module docstring)."""
    if not is_verbal(trigger):
        if _noun_negated(trigger):
            return True
        verb = event_verb(trigger)
        if verb is trigger:
            return False
        if trigger.dep_ in ("nsubj", "nsubjpass") and verb.lemma_.lower() not in OCCURRENCE_VERBS:
            # "attacks have not diminished": the negation is the verb's, not the attacks'
            return False
        return _clause_polarity(verb)
    return _clause_polarity(trigger)


def _clause_polarity(verb: Token, depth: int = 0) -> bool:
    """Polarity of ``verb``'s clause: its own negation combined with its governors'."""
    negated = local_negation(verb)
    if depth > 8:
        return negated
    dep, head = verb.dep_, verb.head
    if head.i == verb.i:
        return negated
    if dep == "xcomp" and head.pos_ == "ADJ":
        # "is unable to meet": the infinitive hangs from the adjective, the copula above it.
        flips = head.lemma_ in NEG_IMPLICATIVE_ADJECTIVES
        above = _clause_polarity(head.head, depth + 1) if head.dep_ == "acomp" else False
        return negated ^ flips ^ above
    if dep == "xcomp":
        flips = head.lemma_ in NEG_IMPLICATIVE_VERBS or _yet_to(head) or _unable(head)
        return negated ^ flips ^ _clause_polarity(head, depth + 1)
    if dep == "conj" and any(c.dep_ == "cc" and _after_alternative(c) for c in head.children):
        return negated ^ True  # "negotiated rather than attacking"
    if dep == "conj" and shares_clause(verb):
        return negated ^ _clause_polarity(head, depth + 1)
    if dep == "ccomp" and head.lemma_ in DENIAL_VERBS:
        return negated ^ True
    if dep == "pcomp" and head.dep_ == "prep":
        return negated ^ _gerund_negation(head, depth)
    return negated


def _gerund_negation(prep: Token, depth: int) -> bool:
    """Polarity contributed by the preposition a gerund hangs from."""
    word, governor = prep.lower_, prep.head
    if word in NEG_PREPOSITIONS:
        return True
    if word in ("of", "than") and _after_alternative(prep):
        return True
    if word == "from" and governor.lemma_ in NEG_FROM_VERBS and is_verbal(governor):
        return True ^ _clause_polarity(governor, depth + 1)
    return False


def local_negation(verb: Token) -> bool:
    """Negation marked inside the clause of ``verb`` itself (counted once)."""
    for child in verb.children:
        low = child.lower_
        if child.dep_ == "neg" and low in NEGATORS and not _focus_not(child):
            return True
        if child.dep_ == "advmod" and low == "never":
            return True
        if child.dep_ == "advmod" and low in NO_LONGER and any(g.lower_ == "no" for g in child.children):
            return True
        if child.dep_ in ("nsubj", "nsubjpass", "dobj") and _negative_argument(child):
            return True
        if child.dep_ == "preconj" and low == "neither":
            return True
    return False


def _focus_not(token: Token) -> bool:
    """The "not" of "not only ... but also"."""
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return nxt is not None and nxt.lower_ in FOCUS_AFTER_NOT


def _negative_argument(arg: Token) -> bool:
    """ "no country", "neither Russia nor Wagner", "nobody", "none of them"."""
    if arg.lower_ in NEG_PRONOUNS:
        return True
    return any(c.dep_ in ("det", "preconj", "neg") and c.lower_ in NEG_DETERMINERS for c in arg.children)


def _noun_negated(noun: Token) -> bool:
    """ "no talks", "without progress", "the lack of dialogue"."""
    if any(c.dep_ in ("det", "neg") and c.lower_ in NEG_DETERMINERS for c in noun.children):
        return True
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        prep = noun.head
        if prep.lower_ in NEG_PREPOSITIONS:
            return True
        if prep.lower_ == "of" and prep.head.lemma_ in NEG_NOUN_HEADS:
            return True
    return False


def _after_alternative(word: Token) -> bool:
    """ "instead of", "rather than": ``word`` is "of"/"than" right after "instead"/"rather"."""
    if word.lower_ not in ("of", "than") or word.i == 0:
        return False
    return word.nbor(-1).lower_ in ALTERNATIVE_HEADS


def _yet_to(verb: Token) -> bool:
    """ "has yet to label", "is yet to decide"."""
    return verb.lemma_ in ("have", "be") and any(c.dep_ == "advmod" and c.lower_ == "yet" for c in verb.children)


def _unable(verb: Token) -> bool:
    """ "is unable to meet" (when the parser hangs the infinitive from the copula)."""
    return any(c.dep_ == "acomp" and c.lemma_ in NEG_IMPLICATIVE_ADJECTIVES for c in verb.children)
