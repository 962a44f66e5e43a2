"""From triggers and argument heads to :class:`pipeline.models.Claim` records.

- :func:`claim_id`: ``"c-"`` + 12 hex digits of a SHA-1 over (the article text, pipeline
  version, evidence span, predicate, subject and object offsets): the same article text
  and version give the same id (SPEC section 4), whatever id the article is filed under.
- :func:`dedupe`: one claim per (predicate, subject, object, evidence); the first found
  (in text order of the triggers) is kept.
- :func:`attributes`: negation, modality, source, quantity and date of a trigger, from the
  rules of :mod:`pipeline.claims.attributes`.
- :func:`build_claims`: a trigger's subjects times objects, as claims.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from .. import __version__
from ..models import Claim, ClaimArg, ClaimDate, Evidence, Quantity
from .attributes.date import clause_date
from .attributes.modality import claim_modality
from .attributes.negation import is_negated, local_negation
from .attributes.quantity import claim_quantity
from .attributes.source import source_spans
from .clause_chain import event_verb
from .coref import Arg
from .repairs import object_first_report
from .vocab import POLARITY_DEPS


@dataclass(frozen=True)
class Attributes:
    negated: bool
    modality: str
    sources: tuple[Span, ...]
    quantity: Quantity | None
    date: Span | None


def attributes(trigger: Token, date_spans: Sequence[Span], *, reporting_verbs: Iterable[str]) -> Attributes:
    """The attributes of a claim, read off its trigger (the verb of its clause, or the
    event noun of a nominal claim)."""
    verbs = frozenset(reporting_verbs)
    negated = bool(is_negated(trigger))
    sources = tuple(source_spans(trigger, reporting_verbs=verbs))
    misparsed = misparsed_report(trigger)
    if misparsed is not None:
        # "The officers accused France, a charge Paris denies": the apposition's verb,
        # parsed over the main clause, neither negates nor reports it
        report, polar = misparsed
        if polar:
            # the clause's own polarity, without the apposition's "denies" above it
            negated = bool(local_negation(event_verb(trigger)))
        speakers = {c.i for c in report.children if c.dep_ in ("nsubj", "nsubjpass")}
        sources = tuple(s for s in sources if s.root.i not in speakers)
    return Attributes(
        negated=negated,
        modality=claim_modality(trigger, reporting_verbs=verbs),
        sources=sources,
        quantity=claim_quantity(trigger),
        date=clause_date(trigger, list(date_spans)),
    )


def misparsed_report(trigger: Token) -> tuple[Token, bool] | None:
    """The verb of an apposition parsed as governing the trigger's clause
    (:func:`pipeline.claims.repairs.object_first_report`), and whether the path up to it
    is one the negation rules climb; None when there is none."""
    node, polar = event_verb(trigger), True
    for _ in range(12):
        head = node.head
        if head.i == node.i:
            return None
        if node.dep_ == "ccomp" and object_first_report(head):
            return head, polar
        polar = polar and node.dep_ in POLARITY_DEPS
        node = head
    return None


def claim_id(
    article_key: str | None, evidence: tuple[int, int], predicate: str, subject: Arg | None, obj: Arg | None
) -> str:
    parts = [
        article_key or "",
        __version__,
        f"{evidence[0]}:{evidence[1]}",
        predicate,
        _arg_part(subject),
        _arg_part(obj),
    ]
    return "c-" + hashlib.sha1("|".join(parts).encode("utf-8")).hexdigest()[:12]


def _arg_part(arg: Arg | None) -> str:
    """An argument's offsets; a member of a group shares its phrase's offsets ("the
    juntas": one per country), so the id tells them apart."""
    if arg is None:
        return "-"
    return f"{arg.start}:{arg.end}" + (f"={arg.id}" if arg.id else "")


def evidence_of(token: Token) -> tuple[int, int]:
    """The sentence of ``token`` as char offsets, without trailing whitespace."""
    sent = token.sent
    # ``len(sent.text.rstrip())`` without joining the sentence's text: it ends in the
    # last token that is not all whitespace (a line break is a token of its own)
    for last in reversed(sent):
        kept = last.text.rstrip()
        if kept:
            return sent.start_char, last.idx + len(kept)
    return sent.start_char, sent.start_char


def to_claim_arg(arg: Arg | None) -> ClaimArg | None:
    return None if arg is None else ClaimArg(text=arg.text, start=arg.start, end=arg.end, id=arg.id)


def to_claim_date(span: Span | None) -> ClaimDate | None:
    return None if span is None else ClaimDate(text=span.text, value=span._.timex_value)


def text_key(text: str) -> str:
    """The article's part of a claim id: a digest of its text."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def build_claims(
    *,
    article_key: str | None,
    trigger: Token,
    predicate: str,
    subjects: Sequence[Arg],
    objects: Sequence[Arg],
    attrs: Attributes,
    sources: Sequence[str],
    rule: str,
    cameo: str | None,
) -> list[Claim]:
    """One claim per (subject, object) pair; a missing side is null; no claim of an actor
    on itself (two mentions linked to one id are a misreading of one of them)."""
    evidence = evidence_of(trigger)
    out = []
    for subject in subjects or [None]:
        for obj in objects or [None]:
            if subject is not None and obj is not None and subject.key == obj.key and subject.start == obj.start:
                continue
            if subject is not None and obj is not None and subject.id and subject.id == obj.id:
                continue  # "Goita pushed out Mali's interim president" read as Goita: no one acts on himself
            out.append(
                Claim(
                    id=claim_id(article_key, evidence, predicate, subject, obj),
                    subject=to_claim_arg(subject),
                    predicate=predicate,
                    object=to_claim_arg(obj),
                    negated=attrs.negated,
                    modality=attrs.modality,
                    source=list(sources),
                    date=to_claim_date(attrs.date),
                    quantity=attrs.quantity,
                    evidence=Evidence(start=evidence[0], end=evidence[1]),
                    rule=rule,
                    cameo=cameo,
                )
            )
    return out


def _arg_key(arg: ClaimArg | None) -> str:
    return "" if arg is None else (arg.id or arg.text).lower()


def dedupe(claims: Iterable[Claim], *, key: Callable[[Claim], tuple] | None = None) -> list[Claim]:
    """Drop repeated claims of one fact in one sentence (and repeated ids); a claim that
    lacks a subject (or an object) another claim of the sentence has for the same
    predicate and other argument is the same fact, less well said, and goes too."""
    claims = list(claims)
    said = {(c.predicate, c.evidence.start, _arg_key(c.object)) for c in claims if c.subject is not None}
    said_obj = {(c.predicate, c.evidence.start, _arg_key(c.subject)) for c in claims if c.object is not None}
    claims = [
        c
        for c in claims
        if not (c.subject is None and (c.predicate, c.evidence.start, _arg_key(c.object)) in said)
        and not (c.object is None and (c.predicate, c.evidence.start, _arg_key(c.subject)) in said_obj)
    ]
    key = key or (lambda c: (c.predicate, _arg_key(c.subject), _arg_key(c.object), c.evidence.start, c.evidence.end))
    seen: set = set()
    ids: set[str] = set()
    out = []
    for claim in claims:
        k = key(claim)
        if k in seen or claim.id in ids:
            continue
        seen.add(k)
        ids.add(claim.id)
        out.append(claim)
    return out
