"""Which temporal expression belongs to an event's own clause (for the claims stage).

A date belongs to the clause of the first clause head above it in the dependency tree
(:func:`is_clause_head`). Infinitives, participial adverbials and verbs coordinated
under one subject have no time of their own and share their governor's: "planned to
send ... on August 8th" gives the date to "planned" and "send"; "Last Sunday, they
alleged threats, subsequently closing the airspace" gives "Last Sunday" to "closing";
"At the end of last month, he released a video and urged them ..." gives it to
"urged". A date never crosses into another clause with its own time or another
sentence: "On Monday, Nuland visited Niger after the junta said it had met the envoy
on Tuesday" gives Monday to "visited", Tuesday to "met", nothing to "said"; "bases,
one launched in 2019" keeps 2019 in the reduced relative.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

# clauses with a time of their own whatever their form, and those that have one only
# when finite (xcomp never: it shares its governor's subject and time)
OWN_CLAUSE_DEPS = frozenset({"ccomp", "relcl", "acl", "csubj", "csubjpass", "parataxis"})
FINITE_CLAUSE_DEPS = frozenset({"advcl", "pcomp"})
# a date that bounds the event ("until Friday", "to this point") is not its date
BOUNDARY_SIGNALS = frozenset({"until", "till", "to", "through", "up"})
POINT_TYPES = frozenset({"DATE", "TIME"})
VERBAL_POS = frozenset({"VERB", "AUX"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})


def is_finite(verb: Token) -> bool:
    """A verb with a tense of its own: a finite form, a subject, or a modal/tensed auxiliary.
    A participle or infinitive ("subsequently closing the airspace", "to discuss it")
    takes its time from the clause that governs it."""
    if verb.tag_ in FINITE_TAGS:
        return True
    return any(
        c.dep_ in SUBJECT_DEPS or (c.dep_ in {"aux", "auxpass"} and c.tag_ in FINITE_TAGS) for c in verb.children
    )


def has_subject(verb: Token) -> bool:
    return any(c.dep_ in SUBJECT_DEPS for c in verb.children)


def is_clause_head(token: Token) -> bool:
    """A verb that heads a clause with a time of its own: the root; a relative, reduced
    relative ("bases launched in 2019"), complement or paratactic clause; a finite
    adverbial clause; a coordinated verb with its own subject. Participial adverbials,
    infinitives and verbs coordinated under one subject share their governor's time."""
    if token.dep_ == "ROOT" or token.head is token:
        return True
    if token.pos_ not in VERBAL_POS:
        return False
    if token.dep_ == "acl" and token.head.dep_ == "ROOT" and token.head.pos_ not in VERBAL_POS:
        return False  # a verbless parse ("the military named X"): the participle is the main verb
    if token.dep_ in OWN_CLAUSE_DEPS:
        return True
    if token.dep_ == "conj":
        return has_subject(token)
    return token.dep_ in FINITE_CLAUSE_DEPS and is_finite(token)


def clause_head(token: Token) -> Token:
    """The head of the clause ``token`` belongs to (itself when it heads one)."""
    current = token
    for _ in range(len(token.doc)):
        if is_clause_head(current):
            return current
        current = current.head
    return current


def _attachment(span: Span, trigger: Token) -> Token:
    """The trigger, if the walk up from the date reaches it before any clause head, else
    the clause head the date belongs to."""
    current = span.root
    for _ in range(len(span.doc)):
        if current == trigger or is_clause_head(current):
            return current
        current = current.head
    return current


def clause_date(trigger: Token, date_spans: Iterable[Span]) -> Span | None:
    """The date span attached to ``trigger``'s own clause: a dependent (at any depth,
    without crossing a clause boundary) of the trigger or of its clause head. Only points
    in time count (DATE, TIME: a duration such as "a two-hour discussion" is not the
    event's date), and not a bound ("until Friday", "to this point"). When several
    qualify, one attached to the trigger itself wins, then the nearest to it; ``None``
    when there is none."""
    head = clause_head(trigger)
    best: tuple[int, int, Span] | None = None
    for span in date_spans:
        if span.label_ not in POINT_TYPES or span.sent != trigger.sent or span.start <= trigger.i < span.end:
            continue
        if span.root.dep_ == "pobj" and span.root.head.lower_ in BOUNDARY_SIGNALS:
            continue
        attached = _attachment(span, trigger)
        if attached != trigger and attached != head:
            continue
        rank = (0 if attached == trigger else 1, min(abs(span.start - trigger.i), abs(span.end - 1 - trigger.i)))
        if best is None or rank < best[:2]:
            best = (*rank, span)
    return best[2] if best else None
