"""How the text presents a claim: ``asserted``, ``uncertain``, ``planned`` or
``hypothetical`` (SPEC section 4, ``modality``).

Usage (CORE): ``claim_modality(trigger, reporting_verbs=...)`` with the trigger Token (verb
or event noun) and, optionally, the reporting lemmas of configs/predicates.yaml (default
:data:`pipeline.claims.vocab.REPORTING_VERBS`); returns one of
:data:`pipeline.models.MODALITIES`. Pure; reads the dependency parse only.

Cues are collected on the trigger's own clause and on every clause that governs it, up to
(not beyond) the complement of a reporting verb ("he said that X will..." is planned, not
the "said"): through infinitives (``xcomp``), clausal complements (``ccomp``), shared verb
conjuncts, purpose and participial adverbial clauses, gerunds after prepositions ("without
reinstating"), infinitival modifiers of nouns, and, for an event noun, the verb it is an
argument of ("is considering the proposal", "will hold talks").

- conditional (``hypothetical``, strongest): the clause is, or has, an "if"/"unless"/
  "provided" clause ("if it were to do so", "will intervene unless...").
- ``uncertain``: hedging adverbs ("reportedly", "allegedly", "apparently"), epistemic modals
  ("may", "may have", "might have", "must have"), raising and consideration verbs ("seems
  to", "appears to", "is considering", "is said/believed/reported to"), epistemic
  adjectives ("it's unlikely that", "is likely to"), rumour nouns ("there are whispers that").
- ``hypothetical``: "would", "could", "might", "should", "must"; directives whose
  infinitive is another party's action ("asked the military to reinstate", "urged X to");
  an infinitive that modifies a noun ("a solution to restore Bazoum", "approval to deploy";
  ``planned`` after "plan/decision/intention to"; not after "the first/only/last X to").
  "could not"/"couldn't" is past inability, asserted ("she couldn't meet Bazoum").
- ``planned``: "will"/"shall", "is to", "is set to", "is going to", "is due to", plans and
  intentions ("plans/intends/aims/seeks/hopes/is expected/is scheduled to", a noun "plan to").

Reported speech: a "would" in the complement of a past reporting verb is the reported
"will" ("The government said its forces would complete the withdrawal": ``planned``),
unless a condition makes it hypothetical; an indirect question ("has yet to say whether
they will seek ...") is ``uncertain``; a speech act participle in the reported clause
("said the vacuum could widen, warning that ...") is the reporter's and takes the
modality of the reporting clause, not of the report. A prediction about another party
("diplomats expect the junta to seek closer ties") is ``uncertain``.

When cues of several kinds apply, the strongest wins in the order above (so "it's unlikely
the U.S. would intervene" is uncertain, "will intervene unless" hypothetical, "may plan to"
uncertain); with none the claim is ``asserted``, also when it is attributed. The word lists
are closed-class grammar and stay in code (:mod:`pipeline.claims.vocab`); only the reporting verbs come from configs/.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator

from spacy.tokens import Token

from ..clause_chain import event_verb, has_to_marker, is_verbal, mark_of, shares_clause
from ..vocab import (
    BACKSHIFTED_FUTURE,
    CONDITIONAL_MARKERS,
    DIRECTIVE_GOVERNORS,
    EPISTEMIC_ADJECTIVES,
    EPISTEMIC_MODALS,
    FACTUAL_INFINITIVE_MODIFIERS,
    FUTURE_MODALS,
    HEDGE_ADVERBS,
    HYPOTHETICAL_MODALS,
    INDIRECT_QUESTION_MARKS,
    NOUN_PLANNING_GOVERNORS,
    PAST_TAGS,
    PERFECT_EPISTEMIC_MODALS,
    PLANNING_ADJECTIVES,
    PLANNING_GOVERNORS,
    PLANNING_NOUNS,
    PREDICTION_GOVERNORS,
    REPORTING_VERBS,
    RUMOUR_NOUNS,
    UNCERTAIN_GOVERNORS,
    UNCERTAIN_PASSIVE_GOVERNORS,
)
from .negation import local_negation
from .source import is_reporting_verb, reporters_participle

ASSERTED, UNCERTAIN, PLANNED, HYPOTHETICAL = "asserted", "uncertain", "planned", "hypothetical"
CONDITIONAL = "conditional"  # internal: a hypothetical that outranks everything
RANK = {None: 0, PLANNED: 1, HYPOTHETICAL: 2, UNCERTAIN: 3, CONDITIONAL: 4}


def claim_modality(trigger: Token, *, reporting_verbs: Collection[str] = REPORTING_VERBS) -> str:
    """``asserted`` | ``uncertain`` | ``planned`` | ``hypothetical`` for a trigger token."""
    best: str | None = None
    for cue in _cues(trigger, reporting_verbs):
        if RANK[cue] > RANK[best]:
            best = cue
    if best == CONDITIONAL:
        return HYPOTHETICAL
    return best or ASSERTED


def _cues(trigger: Token, reporting_verbs: Collection[str]) -> Iterator[str | None]:
    """Every modality cue on the trigger's clause and its governing clauses."""
    node = trigger
    if not is_verbal(trigger):
        verb = event_verb(trigger)
        if verb is trigger:
            return
        if trigger.dep_ in ("dobj", "attr", "nsubjpass"):
            yield _governor_cue(verb, trigger)
        node = verb
    finite_below = False  # crossed into the clause above a finite complement ("warned that X")
    for _ in range(12):
        yield _outer(_own_cue(node, reporting_verbs), finite_below)
        step = _step_up(node, reporting_verbs)
        if step is None:
            return
        governor, cue = step
        yield _outer(cue, finite_below)
        if governor is None:
            return
        finite_below = finite_below or node.dep_ == "ccomp"
        node = governor


def _outer(cue: str | None, finite_below: bool) -> str | None:
    """Above a finite complement clause only hedges and conditions still reach down: "will
    warn that X attacked" does not make the attack planned, "reportedly believe that" does
    make it uncertain."""
    if finite_below and cue not in (UNCERTAIN, CONDITIONAL):
        return None
    return cue


def _step_up(node: Token, reporting_verbs: Collection[str]) -> tuple[Token | None, str | None] | None:
    """The governing clause of ``node`` and the cue the governor puts on it, or None
    when ``node`` heads an independent clause (or a reporting verb's complement)."""
    dep, head = node.dep_, node.head
    if head.i == node.i:
        return None
    reporter = reporters_participle(node, reporting_verbs)
    if reporter is not None:
        return reporter, None
    if dep in ("ccomp", "parataxis") and is_reporting_verb(head, lemmas=reporting_verbs):
        return (None, UNCERTAIN) if mark_of(node) in INDIRECT_QUESTION_MARKS else None
    if dep == "xcomp":
        if head.pos_ == "ADJ":
            cue = _adjective_cue(head)
            return (head.head if head.dep_ == "acomp" else None), cue
        return head, _governor_cue(head, node)
    if dep == "ccomp":
        if head.lemma_ in PREDICTION_GOVERNORS and has_to_marker(node):
            return head, UNCERTAIN  # "diplomats expect the junta to seek ties": a prediction
        return head, _epistemic_frame(head)
    if dep == "conj":
        return (head, None) if shares_clause(node) else None
    if dep == "advcl":
        if mark_of(node) in CONDITIONAL_MARKERS:
            return None  # the antecedent's own cue already said "conditional"
        return (head, None) if mark_of(node) is None else None
    if dep == "pcomp" and head.dep_ == "prep" and is_verbal(head.head):
        return head.head, None
    infinitival = dep in ("acl", "relcl") and has_to_marker(node)  # parsers use either label
    if (dep in ("acl", "ccomp") or infinitival) and not is_verbal(head):
        if head.lemma_ in RUMOUR_NOUNS:
            return None, UNCERTAIN
        if head.lemma_ in PLANNING_NOUNS:
            return None, PLANNED
        if infinitival and not _factual_head(head):
            # "a solution to restore Bazoum", "approval to deploy troops": a possible event
            verb = event_verb(head)
            return (verb if verb is not head else None), HYPOTHETICAL
    return None


def _factual_head(noun: Token) -> bool:
    """ "the first country to recognize the junta": an infinitival relative after an
    ordinal, a superlative or "only"/"last" states a fact."""
    return any(
        c.dep_ in ("amod", "advmod", "nummod") and (c.tag_ == "JJS" or c.lower_ in FACTUAL_INFINITIVE_MODIFIERS)
        for c in noun.children
    )


def _own_cue(verb: Token, reporting_verbs: Collection[str] = REPORTING_VERBS) -> str | None:
    """The strongest cue marked on ``verb``'s own clause."""
    cues: list[str | None] = []
    backshifted = _reported_in_past(verb, reporting_verbs)
    if mark_of(verb) in CONDITIONAL_MARKERS:
        cues.append(CONDITIONAL)
    for child in verb.children:
        low = child.lower_
        if child.dep_ == "advcl" and mark_of(child) in CONDITIONAL_MARKERS:
            cues.append(CONDITIONAL)
        elif child.dep_ == "advmod" and low in HEDGE_ADVERBS:
            cues.append(UNCERTAIN)
        elif child.dep_ == "aux" and child.tag_ == "MD":
            cues.append(PLANNED if backshifted and low in BACKSHIFTED_FUTURE else _modal_cue(verb, low))
    return max(cues, key=lambda c: RANK[c], default=None)


def _reported_in_past(verb: Token, reporting_verbs: Collection[str]) -> bool:
    """``verb`` heads (a conjunct of) the complement of a reporting verb in the past ("said
    its forces would ...", "said Paris had received it and would respect ..."), where
    "would" is the reported "will"."""
    clause = verb
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    head = clause.head
    return clause.dep_ == "ccomp" and head.tag_ in PAST_TAGS and is_reporting_verb(head, lemmas=reporting_verbs)


def _modal_cue(verb: Token, modal: str) -> str | None:
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    if modal in FUTURE_MODALS:
        return PLANNED
    if perfect and modal in PERFECT_EPISTEMIC_MODALS:
        return UNCERTAIN
    if modal in EPISTEMIC_MODALS:
        return UNCERTAIN
    if modal in ("could", "can") and local_negation(verb):
        return None  # "couldn't meet": past inability, a fact
    if modal in HYPOTHETICAL_MODALS:
        return HYPOTHETICAL
    return None


def _governor_cue(governor: Token, child: Token) -> str | None:
    """The cue a governing verb puts on its infinitive or object event noun."""
    lemma = governor.lemma_
    passive = any(c.dep_ == "auxpass" for c in governor.children)
    if lemma in UNCERTAIN_GOVERNORS or (passive and lemma in UNCERTAIN_PASSIVE_GOVERNORS):
        return UNCERTAIN
    if lemma == "be" and has_to_marker(child):
        return PLANNED  # "is to hold"
    if lemma in (PLANNING_GOVERNORS if child.dep_ == "xcomp" else NOUN_PLANNING_GOVERNORS):
        return PLANNED
    if lemma in DIRECTIVE_GOVERNORS and child.dep_ == "xcomp":
        return HYPOTHETICAL
    return None


def _adjective_cue(adjective: Token) -> str | None:
    if adjective.lemma_ in EPISTEMIC_ADJECTIVES:
        return UNCERTAIN
    if adjective.lemma_ in PLANNING_ADJECTIVES:
        return PLANNED
    return None


def _epistemic_frame(governor: Token) -> str | None:
    """ "it's unlikely (that) X", "it is possible that X": a copula with an epistemic adjective."""
    for child in governor.children:
        if child.dep_ == "acomp" and child.lemma_ in EPISTEMIC_ADJECTIVES:
            return UNCERTAIN
    if governor.lemma_ in UNCERTAIN_GOVERNORS:
        return UNCERTAIN  # "it seems that X"
    return None
