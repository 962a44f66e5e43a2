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

Further scoping rules of news prose:

- A date that is a verb's argument ("ending a tense weekend") is what the event is
  about, not when it happened; so is a date that premodifies the verb's object ("suspended
  a 2018 agreement", "ended the 2015 peace accord": the agreement's year); a gerund after
  "of" is the content of its governor ("accused X of killing civilians in recent years")
  and keeps its own time.
- Verbs coordinated under one subject share a date only in the same tense: "was toppled
  in July and remains in detention", "condemned the coup and is expected to send a
  delegation this week" keep each date in its own conjunct.
- A relative clause on a date ("a weekend in which soldiers seized power", "in December,
  when the two sides agreed") takes that date when it has none of its own; so does a
  "when" clause, from the clause it is simultaneous with ("The standoff began last month,
  when the junta ordered ...").
- A date between a reporting verb and the subject of its complement clause ("said on
  Sunday they were leaving", often parsed into the complement) is the report's date.
- The date of the statement, message or video an act is made in ("praised X in a
  statement released over the weekend") is the act's date.
- A dateline ("OUAGADOUGOU, Oct 3 (Reuters) - ...") dates the dispatch, no event.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

from ..dateline import dateline_dash
from ..vocab import (
    BOUNDARY_SIGNALS,
    FINITE_CLAUSE_DEPS,
    FINITE_OR_MODAL_TAGS,
    OBJECT_DEPS,
    OWN_CLAUSE_DEPS,
    PREMODIFIER_DEPS,
    RELATIVE_WORDS,
    TEMPORAL_RELATIVE_PREPS,
    TIME_ARGUMENT_DEPS,
    TIME_LABELS,
    TIME_SUBJECT_DEPS,
    VEHICLE_NOUNS,
    VEHICLE_PREPS,
    VERBAL_POS,
)


def is_finite(verb: Token) -> bool:
    """A verb with a tense of its own: a finite form, a subject, or a modal/tensed auxiliary.
    A participle or infinitive ("subsequently closing the airspace", "to discuss it")
    takes its time from the clause that governs it."""
    if verb.tag_ in FINITE_OR_MODAL_TAGS:
        return True
    return any(
        c.dep_ in TIME_SUBJECT_DEPS or (c.dep_ in {"aux", "auxpass"} and c.tag_ in FINITE_OR_MODAL_TAGS)
        for c in verb.children
    )


def has_subject(verb: Token) -> bool:
    return any(c.dep_ in TIME_SUBJECT_DEPS for c in verb.children)


def is_clause_head(token: Token) -> bool:
    """A verb that heads a clause with a time of its own: the root; a relative, reduced
    relative ("bases launched in 2019"), complement or paratactic clause; a finite
    adverbial clause; a coordinated verb with its own subject. Participial adverbials,
    infinitives and verbs coordinated under one subject share their governor's time."""
    if token.dep_ == "ROOT" or token.head.i == token.i:
        return True
    if token.pos_ not in VERBAL_POS:
        return False
    if token.dep_ == "acl" and token.head.dep_ == "ROOT" and token.head.pos_ not in VERBAL_POS:
        return False  # a verbless parse ("the military named X"): the participle is the main verb
    if token.dep_ in OWN_CLAUSE_DEPS:
        return True
    if token.dep_ == "conj":
        return has_subject(token)
    if token.dep_ == "pcomp" and token.head.lower_ == "of":
        return True  # "accused X of killing civilians in recent years": the act accused of
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
    the clause head the date belongs to (a misparsed report date or a vehicle's date goes
    on up to the clause above: :func:`_report_date_misparse`, :func:`_vehicle_clause`)."""
    current = span.root
    for _ in range(len(span.doc)):
        passed = is_clause_head(current) and (_report_date_misparse(span, current) or _vehicle_clause(current))
        if not passed and (current == trigger or is_clause_head(current)):
            return current
        if current.head.i == current.i:
            return current
        current = current.head
    return current


def _dates_the_object(span: Span, trigger: Token) -> bool:
    """ "suspended a 2018 agreement": a date that premodifies an object noun (not the
    trigger itself, "the July coup") dates that thing."""
    noun = span.root.head
    return (
        span.root.dep_ in PREMODIFIER_DEPS
        and noun != trigger
        and noun.pos_ in ("NOUN", "PROPN")
        and noun.dep_ in OBJECT_DEPS
        and not span.start <= noun.i < span.end
    )


def is_dateline(span: Span) -> bool:
    """``span`` is the date of a wire dateline (:mod:`pipeline.claims.dateline`)."""
    dash = dateline_dash(span.sent)
    return dash is not None and span.end <= dash.i


def _report_date_misparse(span: Span, clause: Token) -> bool:
    """ "said on Sunday they were withdrawing": a date after the governing verb and before
    both the complement's subject and any "that" belongs to the governing verb, even when
    the parser hangs it in the complement."""
    if clause.dep_ != "ccomp" or clause.head.i >= span.start:
        return False
    subjects = [c for c in clause.children if c.dep_ in TIME_SUBJECT_DEPS]
    if not subjects or span.end > subjects[0].left_edge.i:
        return False
    return not any(c.dep_ == "mark" and c.i < span.start for c in clause.children)


def _vehicle_clause(clause: Token) -> bool:
    """A reduced relative on the statement or video an act is made in ("praised X in a
    statement released over the weekend"): its date is the act's."""
    noun = clause.head
    return (
        clause.dep_ == "acl"
        and clause.tag_ == "VBN"
        and noun.lemma_.lower() in VEHICLE_NOUNS
        and noun.dep_ == "pobj"
        and noun.head.lower_ in VEHICLE_PREPS
    )


def tense_class(verb: Token) -> str | None:
    """ "past" or "present" (a present, future or modal form) for a finite verb; for a bare
    past participle coordinated with a verb that has no auxiliary to share ("operates two
    bases ... and launched in 2019"), "participle"; None when the form says nothing (an
    infinitive, a gerund)."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if not auxes and verb.tag_ == "VBN" and verb.dep_ == "conj":
        auxes = [c for c in verb.head.children if c.dep_ in ("aux", "auxpass")]
        if not auxes:
            return "participle"
    for aux in auxes:
        if aux.lemma_.lower() == "have" and aux.tag_ in FINITE_OR_MODAL_TAGS:
            return "past"  # a perfect reports a past event: "has resigned and left"
        if aux.tag_ == "VBD":
            return "past"
        if aux.tag_ in {"VBZ", "VBP", "MD"}:
            return "present"
    if verb.tag_ == "VBD":
        return "past"
    if verb.tag_ in {"VBZ", "VBP"}:
        return "present"
    return None


def _conjunct(token: Token, head: Token) -> Token:
    """The verb conjunct of ``head``'s clause that ``token`` stands in (``head`` itself
    when it is in the first)."""
    current = token
    for _ in range(len(token.doc)):
        if current == head or current.head.i == current.i:
            return head
        if current.dep_ == "conj" and current.pos_ in VERBAL_POS:
            return current
        current = current.head
    return head


def _same_time(trigger: Token, date_root: Token, head: Token) -> bool:
    """Conjuncts under one subject share a date unless their tenses differ, or the date
    sits inside the first conjunct, after its verb ("said on Sunday that ... and urged
    caution": Sunday is the saying's)."""
    mine, its = _conjunct(trigger, head), _conjunct(date_root, head)
    if mine == its:
        return True
    finite_conjunct = mine.head == head and tense_class(mine) in ("past", "present")
    if its == head and finite_conjunct and head.i < date_root.i < mine.left_edge.i:
        return False
    mine_tense, its_tense = tense_class(mine), tense_class(its)
    return mine_tense is None or its_tense is None or mine_tense == its_tense


def relative_date(head: Token, date_spans: Iterable[Span]) -> Span | None:
    """The date a relative clause headed by ``head`` is about: "a weekend in which soldiers
    seized power", "in December, when the two sides agreed"."""
    if head.dep_ != "relcl":
        return None
    temporal = _has_when(head) or any(
        c.dep_ == "prep"
        and c.lower_ in TEMPORAL_RELATIVE_PREPS
        and any(p.dep_ == "pobj" and p.lower_ in RELATIVE_WORDS for p in c.children)
        for c in head.children
    )
    if not temporal:
        return None
    for span in date_spans:
        if span.label_ in TIME_LABELS and span.start <= head.head.i < span.end:
            return span
    return None


def clause_date(trigger: Token, date_spans: Iterable[Span]) -> Span | None:
    """The date span attached to ``trigger``'s own clause: a dependent (at any depth,
    without crossing a clause boundary) of the trigger or of its clause head. Only points
    in time count (DATE, TIME: a duration such as "a two-hour discussion" is not the
    event's date), and not a bound ("until Friday", "to this point"). When several
    qualify, one attached to the trigger itself wins, then the nearest to it; ``None``
    when there is none."""
    head = clause_head(trigger)
    spans = list(date_spans)
    best: tuple[int, int, Span] | None = None
    sent: Span | None = None  # trigger.sent, read once
    for span in spans:
        if span.label_ not in TIME_LABELS:
            continue
        if sent is None:
            sent = trigger.sent
        if not _in_sentence(span, sent) or span.start <= trigger.i < span.end:
            continue
        if span.root.dep_ == "pobj" and span.root.head.lower_ in BOUNDARY_SIGNALS:
            continue
        if span.root.dep_ in TIME_ARGUMENT_DEPS or is_dateline(span) or _dates_the_object(span, trigger):
            continue
        attached = _attachment(span, trigger)
        if attached != trigger and attached != head:
            continue
        if attached == head and not _same_time(trigger, span.root, head):
            continue
        rank = (0 if attached == trigger else 1, min(abs(span.start - trigger.i), abs(span.end - 1 - trigger.i)))
        if best is None or rank < best[:2]:
            best = (*rank, span)
    if best:
        return best[2]
    found = relative_date(head, spans)
    if found is None and head.dep_ == "advcl" and _has_when(head) and head.head.i != head.i:
        found = clause_date(head.head, spans)
    return found


def _in_sentence(span: Span, sent: Span) -> bool:
    """``span.sent == sent``: spaCy's ``Span.sent`` is the sentence of the span's first
    token (unless a hook of the Doc says otherwise), so no new Span is needed."""
    doc = span.doc
    if doc.user_hooks or doc.user_span_hooks or doc.user_token_hooks:
        return span.sent == sent
    return sent.start <= span.start < sent.end


def _has_when(clause: Token) -> bool:
    return any(c.dep_ in ("advmod", "mark") and c.lower_ == "when" for c in clause.children)
