"""Pure scoring of predictions against gold (SPEC section 6): no printing, and no files but the
predicates config that says which predicates are symmetric (when the caller passes none).

:func:`score_article` compares one :class:`DocumentResult` with one :class:`GoldFile` and the
article's body; :func:`micro_total` adds articles up. Every matching is one-to-one and
maximal: :func:`match_pairs` first maximises the number of matched pairs, then, among the
maximal matchings, the number of attributes the pairs agree on (so a duplicate prediction
is a false positive, and the better of two candidates is the one paired).

Normalisation (documented choices where the SPEC is silent):

- ids and texts: Unicode-decomposed without accents, case-folded, ``_`` read as a space,
  whitespace collapsed (:func:`fold`). ``"Mohamed_Bazoum"`` equals ``"mohamed bazoum"``.
- a gold argument is a string, an id or a text: a predicted subject matches when its id
  equals it or, the id being null, its text does; a predicted object also matches when,
  unlinked, its text shares a content word with the gold string (words of
  :func:`content_words`: letters and digits, minus :data:`STOPWORDS`). Null matches null.
- symmetric predicates (``symmetric: true`` in the predicates config: meet, contact,
  cooperate, use_force): the two arguments compare unordered, both by the object rule
  (:func:`args_match`); a prediction and its mirror with the same evidence span count once,
  as do two gold claims that mirror each other in one sentence (:func:`mirror_units`).
  use_force is symmetric in the SPEC only when the text names no side as acting; gold does
  not say which case a claim is, so every use_force claim matches in either order.
- sources: equal as sets of folded strings (a predicted item may be an id or a text).
- dates and values: ISO text, upper-cased; a 3-digit decade gains ``X`` and a 2-digit
  century ``XX`` (``199`` equals ``199X``, as the MEANTIME README asks); a duration with
  hours or seconds but no ``T`` gains it (``P2H`` equals ``PT2H``; ``P2M`` stays months);
  a predicted claim date whose value is null counts as no date. Both null: equal.
- quantities: equal when the values are equal (to 1e-9) and the units fold to the same
  word, a final plural ``s`` ignored; ``approx`` is not compared (annotators disagree on
  "some"/"about" far more than on the number).
- sentence boundaries: end offsets, each moved back over trailing whitespace of the body.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from typing import Any, NamedTuple

from ..models import (
    PRF,
    Accuracy,
    ArticleScores,
    Claim,
    ClaimArg,
    ClaimScores,
    DateExpr,
    DateScores,
    DocumentResult,
    Entity,
    EntityScores,
    GoldClaim,
    GoldDate,
    GoldEntity,
    GoldFile,
    Location,
    Quantity,
    ScoreItem,
    SentenceScores,
)
from .matching import match_pairs

ATTRIBUTES: tuple[str, ...] = ("negated", "modality", "source", "date", "quantity")

# Function words that never make two noun phrases "the same object": articles, determiners,
# pronouns, prepositions, conjunctions, auxiliaries and a few vague quantifiers.
STOPWORDS = frozenset(
    """a an the this that these those its it their them they his her he she its our we us you
    your my me i of to in on at by for from with about into onto over under between among
    against during without within through across after before and or but nor as than s
    is are was were be been being has have had do does did will would can could may might
    shall should must not no all any some such other another more most many much several
    own same very also just new""".split()
)

_WORD = re.compile(r"\w+")
# a duration whose hours or seconds lack the ``T`` (``P2H``): only one reading, ``PT2H``
_BARE_TIME = re.compile(r"P((?:\d+(?:\.\d+)?[YMWD])*)((?:\d+(?:\.\d+)?[HS])+)")


# --------------------------------------------------------------------------- normalisation


def fold(text: str | None) -> str:
    """Case-, accent- and underscore-insensitive form of an id or a text."""
    if text is None:
        return ""
    decomposed = unicodedata.normalize("NFKD", text.replace("_", " "))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.casefold().split())


def same_id(a: str | None, b: str | None) -> bool:
    """Ids (or texts) equal up to case, accents and ``_`` versus space."""
    return a is not None and b is not None and fold(a) == fold(b)


def content_words(text: str | None) -> frozenset[str]:
    """The words of ``text`` that carry content (folded, :data:`STOPWORDS` removed)."""
    return frozenset(w for w in _WORD.findall(fold(text)) if w not in STOPWORDS)


def norm_value(value: str | None) -> str | None:
    """A TIMEX3 value for comparison: upper-cased, ``199`` -> ``199X``, ``19`` -> ``19XX``."""
    if value is None:
        return None
    value = str(value).strip().upper()
    if re.fullmatch(r"\d{3}", value):
        return value + "X"
    if re.fullmatch(r"\d{2}", value):
        return value + "XX"
    bare_time = _BARE_TIME.fullmatch(value)
    if bare_time:
        return f"P{bare_time[1]}T{bare_time[2]}"
    return value


def _unit(unit: str) -> str:
    folded = fold(unit)
    return folded[:-1] if folded.endswith("s") and len(folded) > 3 else folded


def same_quantity(gold: Quantity | None, pred: Quantity | None) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    return abs(float(gold.value) - float(pred.value)) < 1e-9 and _unit(gold.unit) == _unit(pred.unit)


def subject_matches(gold: str | None, pred: ClaimArg | None) -> bool:
    """Same id; or, the prediction unlinked, same text; or both null."""
    if gold is None or pred is None:
        return gold is None and pred is None
    if pred.id is not None:
        return same_id(pred.id, gold)
    return fold(pred.text) == fold(gold)


def object_matches(gold: str | None, pred: ClaimArg | None) -> bool:
    """Same id; or, the prediction unlinked, same text or a shared content word; or both null."""
    if gold is None or pred is None:
        return gold is None and pred is None
    if pred.id is not None:
        return same_id(pred.id, gold)
    return fold(pred.text) == fold(gold) or bool(content_words(pred.text) & content_words(gold))


# --------------------------------------------------------------------------- arithmetic


def prf(tp: int, fp: int, fn: int) -> PRF:
    """Precision, recall and F1 from counts (0.0 when a denominator is 0)."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return PRF(tp=tp, fp=fp, fn=fn, precision=p, recall=r, f1=f)


def accuracy(correct: int, total: int) -> Accuracy:
    return Accuracy(correct=correct, total=total, accuracy=correct / total if total else None)


# --------------------------------------------------------------------------- context


class Context:
    """The body and its sentences, to show each error in its sentence."""

    def __init__(self, body: str | None, gold_ends: Sequence[int] | None, pred: Sequence[tuple[int, int]]):
        self.body = body
        self.gold_sentences = bool(gold_ends)
        if gold_ends:
            ends = sorted(gold_ends)
            self.spans = list(zip([0, *ends][:-1], ends, strict=True))
        elif pred:
            self.spans = sorted(pred)
        else:
            self.spans = []

    def text(self, start: int, end: int) -> str:
        return self.body[start:end] if self.body is not None else ""

    def sentence_index(self, start: int) -> int | None:
        """The index of the sentence that holds offset ``start`` (``None`` when none does)."""
        for i, (s, e) in enumerate(self.spans):
            if s <= start < e:
                return i
        return None

    def sentence(self, start: int, end: int) -> str:
        """The sentence around ``[start:end]`` (its line when sentences are unknown)."""
        if self.body is None:
            return ""
        for s, e in self.spans:
            if s <= start < e or (start == end == e):
                return self.body[s:e].strip()
        lo = self.body.rfind("\n", 0, start) + 1
        hi = self.body.find("\n", end)
        return self.body[lo : hi if hi >= 0 else len(self.body)].strip()


def _overlap(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1 or (a0 == a1 == b0 == b1)


def _item(kind: str, layer: str, start: int | None, end: int | None, text: str, detail: str, ctx: Context) -> ScoreItem:
    sentence = ctx.sentence(start, end) if start is not None and end is not None else ""
    return ScoreItem(kind=kind, layer=layer, start=start, end=end, text=text, detail=detail, sentence=sentence)


# --------------------------------------------------------------------------- layers


def entity_pairs(gold: Sequence[GoldEntity], pred: Sequence[Entity]) -> list[tuple[int, int]]:
    """Gold and predicted entities paired by overlap (same label, overlapping spans; the most
    exact spans, then ids): the pairs behind the overlap figures and the entity errors."""

    def overlap_w(g: int, p: int) -> int | None:
        a, b = gold[g], pred[p]
        if a.label != b.label or not _overlap(a.start, a.end, b.start, b.end):
            return None
        return 2 * int((a.start, a.end) == (b.start, b.end)) + int(same_id(a.id, b.id))

    return match_pairs(len(gold), len(pred), overlap_w)


def score_entities(
    gold: Sequence[GoldEntity], pred: Sequence[Entity], ctx: Context
) -> tuple[EntityScores, list[ScoreItem]]:
    """Strict (span and label) and overlap P/R/F1, linking accuracy; errors by overlap."""

    def strict_w(g: int, p: int) -> int | None:
        a, b = gold[g], pred[p]
        if (a.start, a.end, a.label) != (b.start, b.end, b.label):
            return None
        return int(same_id(a.id, b.id))

    strict = match_pairs(len(gold), len(pred), strict_w)
    loose = entity_pairs(gold, pred)
    linked = [(g, p) for g, p in strict if gold[g].id is not None]
    right = sum(same_id(gold[g].id, pred[p].id) for g, p in linked)
    scores = EntityScores(
        strict=prf(len(strict), len(pred) - len(strict), len(gold) - len(strict)),
        overlap=prf(len(loose), len(pred) - len(loose), len(gold) - len(loose)),
        linking=accuracy(right, len(linked)),
    )
    errors: list[ScoreItem] = []
    for g, p in loose:
        a, b = gold[g], pred[p]
        if (a.start, a.end) != (b.start, b.end):
            detail = f"span: gold [{a.start}:{a.end}] {a.text!r}, predicted [{b.start}:{b.end}] {b.text!r}"
            errors.append(_item("mismatch", "entities", a.start, a.end, a.text, detail, ctx))
        elif a.id is not None and not same_id(a.id, b.id):
            detail = f"id: gold {a.id}, predicted {b.id}"
            errors.append(_item("mismatch", "entities", a.start, a.end, a.text, detail, ctx))
    matched_g, matched_p = {g for g, _ in loose}, {p for _, p in loose}
    for g, a in enumerate(gold):
        if g not in matched_g:
            errors.append(_item("fn", "entities", a.start, a.end, a.text, f"{a.label} {a.id}", ctx))
    for p, b in enumerate(pred):
        if p not in matched_p:
            errors.append(_item("fp", "entities", b.start, b.end, b.text, f"{b.label} {b.id}", ctx))
    return scores, errors


def date_pairs(gold: Sequence[GoldDate], pred: Sequence[DateExpr]) -> list[tuple[int, int]]:
    """Gold and predicted dates paired by overlap (relaxed; the right values first, then
    exact spans, then types): the pairs behind the relaxed figures and the date errors."""

    def relaxed_w(g: int, p: int) -> int | None:
        a, b = gold[g], pred[p]
        if not _overlap(a.start, a.end, b.start, b.end):
            return None
        value = norm_value(a.value) == norm_value(b.value)
        return 4 * int(value) + 2 * int((a.start, a.end) == (b.start, b.end)) + int(a.type == b.type)

    return match_pairs(len(gold), len(pred), relaxed_w)


def score_dates(gold: Sequence[GoldDate], pred: Sequence[DateExpr], ctx: Context) -> tuple[DateScores, list[ScoreItem]]:
    """Strict (same span) and relaxed (overlap) extraction, value and type accuracy over
    relaxed matches (TempEval-3), and value F1 (relaxed match with the right value)."""

    def value_ok(g: int, p: int) -> bool:
        return norm_value(gold[g].value) == norm_value(pred[p].value)

    def strict_w(g: int, p: int) -> int | None:
        same = (gold[g].start, gold[g].end) == (pred[p].start, pred[p].end)
        return int(value_ok(g, p)) if same else None

    strict = match_pairs(len(gold), len(pred), strict_w)
    relaxed = date_pairs(gold, pred)
    values = sum(value_ok(g, p) for g, p in relaxed)
    types = sum(gold[g].type == pred[p].type for g, p in relaxed)
    scores = DateScores(
        strict=prf(len(strict), len(pred) - len(strict), len(gold) - len(strict)),
        relaxed=prf(len(relaxed), len(pred) - len(relaxed), len(gold) - len(relaxed)),
        value=accuracy(values, len(relaxed)),
        type=accuracy(types, len(relaxed)),
        value_f1=prf(values, len(pred) - values, len(gold) - values),
    )
    errors: list[ScoreItem] = []
    for g, p in relaxed:
        a, b = gold[g], pred[p]
        wrong = []
        if (a.start, a.end) != (b.start, b.end):
            wrong.append(f"span: predicted [{b.start}:{b.end}] {b.text!r}")
        if not value_ok(g, p):
            wrong.append(f"value: gold {a.value}, predicted {b.value}")
        if a.type != b.type:
            wrong.append(f"type: gold {a.type}, predicted {b.type}")
        if wrong:
            errors.append(_item("mismatch", "dates", a.start, a.end, a.text, "; ".join(wrong), ctx))
    matched_g, matched_p = {g for g, _ in relaxed}, {p for _, p in relaxed}
    for g, a in enumerate(gold):
        if g not in matched_g:
            errors.append(_item("fn", "dates", a.start, a.end, a.text, f"{a.type} {a.value}", ctx))
    for p, b in enumerate(pred):
        if p not in matched_p:
            errors.append(_item("fp", "dates", b.start, b.end, b.text, f"{b.type} {b.value}", ctx))
    return scores, errors


def _attribute_ok(name: str, gold: GoldClaim, pred: Claim) -> bool:
    if name == "negated":
        return gold.negated == pred.negated
    if name == "modality":
        return gold.modality == pred.modality
    if name == "source":
        return {fold(s) for s in gold.source} == {fold(s) for s in pred.source}
    if name == "date":
        return norm_value(gold.date) == norm_value(pred.date.value if pred.date else None)
    return same_quantity(gold.quantity, pred.quantity)


def _attribute_text(name: str, claim: GoldClaim | Claim) -> str:
    value = getattr(claim, name)
    if name == "date" and isinstance(claim, Claim):
        value = value.value if value else None
    if name == "quantity" and value is not None:
        value = f"{value.value} {value.unit}" + (f" ({value.approx})" if value.approx else "")
    return str(value)


def _arg_text(arg: ClaimArg | None) -> str:
    if arg is None:
        return "-"
    return f"{arg.text!r}={arg.id}" if arg.id else repr(arg.text)


CODES: tuple[str, ...] = ("country", "sector")


def location_matches(gold: str | None, pred: Location | None) -> bool:
    """A gold ``location`` (an id, or a text) and a predicted one: same id; or, the prediction
    unlinked, the same text (folded); a missing prediction is wrong."""
    if gold is None or pred is None:
        return gold is None and pred is None
    if pred.id is not None:
        return same_id(pred.id, gold)
    return fold(pred.text) == fold(gold)


def _location_text(location: str | Location | None) -> str:
    if isinstance(location, Location):
        return f"{location.text!r}={location.id}" if location.id else repr(location.text)
    return str(location)


def code_checks(gold: GoldClaim, pred: Claim) -> list[tuple[str, str, str, str | None]]:
    """Each non-null actor code of ``gold`` with its prediction: (role, code, gold value,
    predicted value), the prediction oriented as matched (:func:`orientation`)."""
    out = []
    for role, codes, arg in (("subject", gold.subject_codes, pred.subject), ("object", gold.object_codes, pred.object)):
        for code, want in zip(CODES, codes or (None, None), strict=True):
            if want is not None:
                out.append((role, code, want, getattr(arg, code) if arg is not None else None))
    return out


def _code_ok(want: str, got: str | None) -> bool:
    return got is not None and fold(got) == fold(want)


def describe_claim(claim: GoldClaim | Claim) -> str:
    """``subject -predicate-> object`` with the attributes that are not defaults."""
    if isinstance(claim, Claim):
        head = f"{_arg_text(claim.subject)} -{claim.predicate}-> {_arg_text(claim.object)}"
    else:
        head = f"{claim.subject or '-'} -{claim.predicate}-> {claim.object or '-'}"
    extra = [
        f"{name}={_attribute_text(name, claim)}"
        for name, default in (("negated", "False"), ("modality", "asserted"), ("source", "[]"), ("date", "None"),
                              ("quantity", "None"))
        if _attribute_text(name, claim) != default
    ]  # fmt: skip
    if claim.location is not None:
        extra.append(f"location={_location_text(claim.location)}")
    return " ".join([head, *extra])


def _swap(claim: Claim) -> Claim:
    """The mirror of a predicted claim: subject and object exchanged."""
    return claim.model_copy(update={"subject": claim.object, "object": claim.subject})


def args_match(gold: GoldClaim, pred: Claim, *, symmetric: bool = False) -> bool:
    """The predicted arguments match the gold ones (SPEC section 6): the subject by
    :func:`subject_matches`, the object by :func:`object_matches`. For a ``symmetric``
    predicate neither argument is an agent (its subject is only the first-mentioned), so both
    compare by :func:`object_matches`: a rule that depended on the slot would make "A met
    B" and "B met A" score differently against the same prediction."""
    if symmetric:
        return object_matches(gold.subject, pred.subject) and object_matches(gold.object, pred.object)
    return subject_matches(gold.subject, pred.subject) and object_matches(gold.object, pred.object)


def orientation(gold: GoldClaim, pred: Claim, symmetric: frozenset[str]) -> Claim | None:
    """``pred`` as it matches ``gold``'s arguments: itself, or, for a symmetric predicate whose
    arguments match only the other way round, its mirror (so that a pair's subject faces the
    gold subject, for the actor codes); ``None`` when neither matches or the predicates
    differ. Symmetric predicates compare their two arguments unordered (SPEC section 4)."""
    if gold.predicate != pred.predicate:
        return None
    unordered = gold.predicate in symmetric
    if args_match(gold, pred, symmetric=unordered):
        return pred
    if unordered:
        mirror = _swap(pred)
        if args_match(gold, mirror, symmetric=True):
            return mirror
    return None


def _pred_arg_key(arg: ClaimArg | None) -> tuple[str, str] | None:
    if arg is None:
        return None
    return ("id", fold(arg.id)) if arg.id is not None else ("text", fold(arg.text))


def _gold_arg_key(arg: str | None) -> str | None:
    return None if arg is None else fold(arg)


def mirror_units(keys: Sequence[tuple[Any, Any, Any, Any]], symmetric: frozenset[str]) -> list[list[int]]:
    """Items grouped into units that count once: a claim of a symmetric predicate and its
    mirror (the same ``where``, subject and object exchanged) are one unit; every other item
    is a unit of its own (so an exact duplicate stays a second unit). ``keys`` holds each
    item's (predicate, where, subject key, object key)."""
    units: list[list[int]] = []
    paired: set[int] = set()
    for i, (predicate, where, subj, obj) in enumerate(keys):
        if i in paired:
            continue
        unit = [i]
        if predicate in symmetric and where is not None and subj != obj:
            for j in range(i + 1, len(keys)):
                if j not in paired and keys[j] == (predicate, where, obj, subj):
                    unit.append(j)
                    paired.add(j)
                    break
        units.append(unit)
    return units


def _ordered(predicate: str, subj: Any, obj: Any, symmetric: frozenset[str]) -> tuple[Any, Any]:
    """The arguments in a canonical order for a symmetric predicate (a mirror gives the same)."""
    if predicate not in symmetric:
        return subj, obj
    first, second = sorted((subj, obj), key=lambda k: (k is None, k or ""))
    return first, second


def _same_arg(gold: str | None, pred: ClaimArg | None) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    return fold(pred.id if pred.id is not None else pred.text) == fold(gold)


def score_facts(gold: Sequence[GoldClaim], pred: Sequence[Claim], *, symmetric: Iterable[str] = ()) -> PRF:
    """Claims at article level (SPEC section 6, revision 2): each side reduced to its set of
    distinct (subject, predicate, object) triples, evidence and attributes ignored, a
    symmetric predicate's mirror merged; P/R/F1 of a one-to-one matching of the two sets
    with the claims' argument matching (:func:`orientation`).

    Distinct means: for gold, the folded strings; for predictions, the folded id, or the
    folded text of an unlinked argument (what a store keyed on ids would hold). A negated
    or hypothetical claim gives its triple as an asserted one does.
    """
    sym = frozenset(symmetric)
    golds: dict[tuple[Any, ...], GoldClaim] = {}
    for c in gold:
        key = (c.predicate, *_ordered(c.predicate, _gold_arg_key(c.subject), _gold_arg_key(c.object), sym))
        golds.setdefault(key, c)
    preds: dict[tuple[Any, ...], Claim] = {}
    for c in pred:
        key = (c.predicate, *_ordered(c.predicate, _pred_arg_key(c.subject), _pred_arg_key(c.object), sym))
        preds.setdefault(key, c)
    g_facts, p_facts = list(golds.values()), list(preds.values())

    def weight(g: int, p: int) -> int | None:
        oriented = orientation(g_facts[g], p_facts[p], sym)
        if oriented is None:
            return None
        a = g_facts[g]
        return int(_same_arg(a.subject, oriented.subject)) + int(_same_arg(a.object, oriented.object))

    tp = len(match_pairs(len(g_facts), len(p_facts), weight))
    return prf(tp, len(p_facts) - tp, len(g_facts) - tp)


class ClaimAlignment(NamedTuple):
    """How gold and predicted claims pair up (:func:`align_claims`)."""

    pairs: list[tuple[int, int, Claim]]
    """(gold index, prediction index, the prediction as it faces the gold claim: itself, or
    its mirror for a symmetric predicate matched the other way round)."""
    missed: list[list[int]]
    """Gold units (a claim, or a claim and its mirror) that no prediction matched."""
    extra: list[list[int]]
    """Prediction units that match no gold claim."""
    spans: list[int]
    """Each gold claim's evidence offset in the body (-1 when there is no body)."""


def align_claims(
    gold: Sequence[GoldClaim],
    pred: Sequence[Claim],
    ctx: Context,
    *,
    symmetric: Iterable[str] = (),
) -> ClaimAlignment:
    """The one-to-one matching of gold and predicted claims behind the claims figures (see
    :func:`score_claims`): units of mirrors matched as a whole, through their best-agreeing
    members."""
    sym = frozenset(symmetric)
    spans = [ctx.body.find(c.evidence) if ctx.body is not None and c.evidence else -1 for c in gold]

    def gold_where(g: int) -> Any:
        # gold's own sentences only: the gold count must not depend on the predictions
        index = ctx.sentence_index(spans[g]) if ctx.gold_sentences and spans[g] >= 0 else None
        return ("sentence", index) if index is not None else ("evidence", gold[g].evidence)

    gold_units = mirror_units(
        [(c.predicate, gold_where(g), _gold_arg_key(c.subject), _gold_arg_key(c.object)) for g, c in enumerate(gold)],
        sym,
    )
    pred_units = mirror_units(
        [(c.predicate, (c.evidence.start, c.evidence.end), _pred_arg_key(c.subject), _pred_arg_key(c.object))
         for c in pred],
        sym,
    )  # fmt: skip

    def contains(g: int, p: int) -> bool:
        start, evidence = spans[g], pred[p].evidence
        return start >= 0 and evidence.start <= start and start + len(gold[g].evidence) <= evidence.end

    def member_pair(gu: int, pu: int) -> tuple[int, Claim, int, int] | None:
        """The best core-matching (gold, oriented prediction, agreeing attributes, prediction) of two units."""
        best: tuple[int, Claim, int, int] | None = None
        for g in gold_units[gu]:
            for p in pred_units[pu]:
                oriented = orientation(gold[g], pred[p], sym) if contains(g, p) else None
                if oriented is None:
                    continue
                agree = sum(_attribute_ok(n, gold[g], oriented) for n in ATTRIBUTES)
                if best is None or agree > best[2]:
                    best = (g, oriented, agree, p)
        return best

    members = {
        (gu, pu): found
        for gu in range(len(gold_units))
        for pu in range(len(pred_units))
        if (found := member_pair(gu, pu)) is not None
    }
    unit_pairs = match_pairs(
        len(gold_units), len(pred_units), lambda gu, pu: members[(gu, pu)][2] if (gu, pu) in members else None
    )
    pairs = [(members[(gu, pu)][0], members[(gu, pu)][3], members[(gu, pu)][1]) for gu, pu in unit_pairs]
    matched_g, matched_p = {gu for gu, _ in unit_pairs}, {pu for _, pu in unit_pairs}
    missed = [unit for gu, unit in enumerate(gold_units) if gu not in matched_g]
    extra = [unit for pu, unit in enumerate(pred_units) if pu not in matched_p]
    return ClaimAlignment(pairs, missed, extra, spans)


def score_claims(
    gold: Sequence[GoldClaim],
    pred: Sequence[Claim],
    ctx: Context,
    *,
    symmetric: Iterable[str] = (),
) -> tuple[ClaimScores, list[ScoreItem], list[ScoreItem]]:
    """Core and strict P/R/F1, attribute accuracies over matched pairs, errors, contradictions.

    A gold claim's evidence is located in ``ctx.body`` (validated unique); without a body no
    claim can be located, so every gold claim is a false negative. The predicates of
    ``symmetric`` match with their arguments in either order, and a claim together with its
    mirror in the same sentence counts once (:func:`mirror_units`): for predictions the same
    evidence span, for gold evidence in the same gold sentence (without gold sentences, the
    same evidence text). Such
    a unit matches when any of its members does, through its best-agreeing member.
    """
    sym = frozenset(symmetric)
    alignment = align_claims(gold, pred, ctx, symmetric=sym)
    spans = alignment.spans
    pairs = [(g, b) for g, _, b in alignment.pairs]
    right = {n: sum(_attribute_ok(n, gold[g], b) for g, b in pairs) for n in ATTRIBUTES}
    strict = sum(all(_attribute_ok(n, gold[g], b) for n in ATTRIBUTES) for g, b in pairs)
    errors: list[ScoreItem] = []
    contradictions: list[ScoreItem] = []
    placed = [(g, b) for g, b in pairs if gold[g].location is not None]
    checks = [check for g, b in pairs for check in code_checks(gold[g], b)]
    for g, b in pairs:
        a = gold[g]
        wrong = [n for n in ATTRIBUTES if not _attribute_ok(n, a, b)]
        # revision 2, reported but not part of strict: location and actor codes
        also = []
        if a.location is not None and not location_matches(a.location, b.location):
            also.append(f"location: gold {a.location}, predicted {_location_text(b.location)}")
        also += [f"{role} {code}: gold {want}, predicted {got}" for role, code, want, got in code_checks(a, b)
                 if not _code_ok(want, got)]  # fmt: skip
        if not wrong and not also:
            continue
        detail = "; ".join(
            [f"{n}: gold {_attribute_text(n, a)}, predicted {_attribute_text(n, b)}" for n in wrong] + also
        )
        detail += " | " + describe_claim(a)
        item = _item("mismatch", "claims", spans[g], spans[g] + len(a.evidence), a.evidence, detail, ctx)
        errors.append(item)
        if "negated" in wrong:
            contradictions.append(item)
    for unit in alignment.missed:
        a, start = gold[unit[0]], spans[unit[0]]
        near = [b for b in pred if start >= 0 and b.evidence.start <= start < b.evidence.end]
        detail = describe_claim(a)
        if near:
            detail += " | predicted in its sentence: " + "; ".join(describe_claim(b) for b in near[:3])
        where = (start, start + len(a.evidence)) if start >= 0 else (None, None)
        errors.append(_item("fn", "claims", *where, a.evidence, detail, ctx))
    for unit in alignment.extra:
        b = pred[unit[0]]
        text = ctx.text(b.evidence.start, b.evidence.end)
        detail = describe_claim(b) + (" (and its mirror)" if len(unit) > 1 else "")
        errors.append(_item("fp", "claims", b.evidence.start, b.evidence.end, text, detail, ctx))
    tp = len(pairs)
    n_gold, n_pred = tp + len(alignment.missed), tp + len(alignment.extra)
    scores = ClaimScores(
        core=prf(tp, n_pred - tp, n_gold - tp),
        strict=prf(strict, n_pred - strict, n_gold - strict),
        facts=score_facts(gold, pred, symmetric=sym),
        attributes={n: accuracy(right[n], tp) for n in ATTRIBUTES},
        contradictions=len(contradictions),
        location=accuracy(sum(location_matches(gold[g].location, b.location) for g, b in placed), len(placed)),
        codes={
            code: accuracy(sum(_code_ok(want, got) for _, c, want, got in checks if c == code),
                           sum(c == code for _, c, _, _ in checks))
            for code in CODES
        },
    )  # fmt: skip
    return scores, errors, contradictions


def _trim_end(body: str | None, end: int) -> int:
    if body is None:
        return end
    while end > 0 and end <= len(body) and body[end - 1].isspace():
        end -= 1
    return end


def score_sentences(
    gold_ends: Sequence[int], pred: Sequence[tuple[int, int]], ctx: Context
) -> tuple[SentenceScores, list[ScoreItem]]:
    """Boundary P/R/F1 over sentence end offsets (trailing whitespace ignored)."""
    gold_set = {_trim_end(ctx.body, e) for e in gold_ends}
    pred_set = {_trim_end(ctx.body, e) for _, e in pred}
    tp = len(gold_set & pred_set)
    errors = []
    for kind, ends in (("fn", gold_set - pred_set), ("fp", pred_set - gold_set)):
        for end in sorted(ends):
            text = ctx.text(max(0, end - 40), end) + " || " + ctx.text(end, end + 40)
            errors.append(ScoreItem(kind=kind, layer="sentences", start=end, end=end, text=text, detail="boundary"))
    return SentenceScores(boundaries=prf(tp, len(pred_set) - tp, len(gold_set) - tp)), errors


# --------------------------------------------------------------------------- articles


def line_limit(body: str, lines: int) -> int:
    """The offset where line ``lines`` (0-based) of ``body`` starts: the end of the first
    ``lines`` lines (the whole body when it has fewer)."""
    at = 0
    for _ in range(lines):
        nl = body.find("\n", at)
        if nl < 0:
            return len(body)
        at = nl + 1
    return at


def _before(items: list | None, limit: int, start: Callable[[Any], int]) -> list | None:
    return None if items is None else [x for x in items if start(x) < limit]


def clip(gold: GoldFile, pred: DocumentResult, *, body: str, lines: int) -> tuple[GoldFile, DocumentResult]:
    """Gold and predictions restricted to what starts in the first ``lines`` lines of
    ``body``: for gold sets that annotate only the head of each article (MEANTIME: title,
    dateline and four sentences, one a line: ``lines=6``)."""
    limit = line_limit(body, lines)

    def span(x: Any) -> int:
        return x.start

    gold = gold.model_copy(
        update={
            "sentences": None if gold.sentences is None else [e for e in gold.sentences if e <= limit],
            "entities": _before(gold.entities, limit, span),
            "dates": _before(gold.dates, limit, span),
            "claims": _before(gold.claims, limit, lambda c: body.find(c.evidence)),
        }
    )
    pred = pred.model_copy(
        update={
            "sentences": [s for s in pred.sentences if s[1] <= limit],
            "entities": _before(pred.entities, limit, span),
            "dates": _before(pred.dates, limit, span),
            "claims": _before(pred.claims, limit, lambda c: c.evidence.start),
        }
    )
    return gold, pred


def score_article(
    gold: GoldFile,
    pred: DocumentResult | None,
    *,
    body: str | None,
    lines: int | None = None,
    symmetric: Iterable[str] | None = None,
) -> ArticleScores:
    """One article's figures for every layer its gold annotates (``None`` layers are not
    scored; an empty list is). Missing predictions count as empty. With ``lines``, only
    what starts in the first ``lines`` lines of the body is scored (:func:`clip`).
    ``symmetric``: the symmetric predicates (default: those the predicates config flags,
    :func:`pipeline.scoring.gold.symmetric_predicates`)."""
    pred = pred or DocumentResult.model_validate({"article": {"id": gold.article}})
    if lines is not None and body is not None:
        gold, pred = clip(gold, pred, body=body, lines=lines)
    ctx = Context(body, gold.sentences, pred.sentences)
    out = ArticleScores(article=gold.article)
    errors: list[ScoreItem] = []
    if gold.entities is not None:
        out.entities, found = score_entities(gold.entities, pred.entities, ctx)
        errors += found
    if gold.dates is not None:
        out.dates, found = score_dates(gold.dates, pred.dates, ctx)
        errors += found
    if gold.claims is not None:
        if symmetric is None:
            from .gold import symmetric_predicates

            symmetric = symmetric_predicates()
        out.claims, found, out.contradictions = score_claims(gold.claims, pred.claims, ctx, symmetric=symmetric)
        errors += found
    if gold.sentences is not None:
        out.sentences, found = score_sentences(gold.sentences, pred.sentences, ctx)
        errors += found
    order = {"entities": 0, "dates": 1, "claims": 2, "sentences": 3}
    out.errors = sorted(errors, key=lambda e: (order[e.layer], e.start if e.start is not None else -1, e.kind))
    return out


def _sum_prf(items: list[PRF]) -> PRF:
    return prf(sum(i.tp for i in items), sum(i.fp for i in items), sum(i.fn for i in items))


def _sum_acc(items: list[Accuracy]) -> Accuracy:
    return accuracy(sum(i.correct for i in items), sum(i.total for i in items))


def micro_total(articles: Sequence[ArticleScores], *, name: str = "TOTAL") -> ArticleScores:
    """Micro-averaged totals: counts added over the articles that score each layer."""
    total = ArticleScores(article=name)
    ents = [a.entities for a in articles if a.entities is not None]
    if ents:
        total.entities = EntityScores(
            strict=_sum_prf([e.strict for e in ents]),
            overlap=_sum_prf([e.overlap for e in ents]),
            linking=_sum_acc([e.linking for e in ents]),
        )
    dates = [a.dates for a in articles if a.dates is not None]
    if dates:
        total.dates = DateScores(
            strict=_sum_prf([d.strict for d in dates]),
            relaxed=_sum_prf([d.relaxed for d in dates]),
            value=_sum_acc([d.value for d in dates]),
            type=_sum_acc([d.type for d in dates]),
            value_f1=_sum_prf([d.value_f1 for d in dates]),
        )
    claims = [a.claims for a in articles if a.claims is not None]
    if claims:
        total.claims = ClaimScores(
            core=_sum_prf([c.core for c in claims]),
            strict=_sum_prf([c.strict for c in claims]),
            facts=_sum_prf([c.facts for c in claims]),
            attributes={n: _sum_acc([c.attributes[n] for c in claims]) for n in ATTRIBUTES},
            contradictions=sum(c.contradictions for c in claims),
            location=_sum_acc([c.location for c in claims]),
            codes={code: _sum_acc([c.codes[code] for c in claims]) for code in CODES},
        )
    sents = [a.sentences for a in articles if a.sentences is not None]
    if sents:
        total.sentences = SentenceScores(boundaries=_sum_prf([s.boundaries for s in sents]))
    return total


# --------------------------------------------------------------------------- agreement


def _arg(text: str | None, codes: tuple[str | None, str | None] | None = None) -> ClaimArg | None:
    if text is None:
        return None
    country, sector = codes or (None, None)
    return ClaimArg(text=text, start=0, end=0, id=None, country=country, sector=sector)


def gold_as_prediction(gold: GoldFile, body: str, *, sentence_ends: Sequence[int] | None = None) -> DocumentResult:
    """A second annotator's gold file as predictions: arguments as unlinked texts (so that an
    id or a text compares by folding, an object also by content words); absent layers stay
    empty. Each claim's evidence span is the sentence (of ``sentence_ends``, e.g. the first
    annotator's segmentation) that holds its evidence text, as a pipeline's evidence is its
    sentence: two annotators who quote different words of one clause still agree. Without
    sentence ends it is the evidence text's own location."""
    ends = sorted(gold.sentences or [])
    bounds = sorted(sentence_ends or [])
    claims = []
    for i, c in enumerate(gold.claims or []):
        start = body.find(c.evidence)
        stop = start + len(c.evidence)
        if bounds and start >= 0:
            k = bisect.bisect_right(bounds, start)
            start, stop = (bounds[k - 1] if k else 0), max(stop, bounds[k] if k < len(bounds) else len(body))
        claims.append(
            Claim(
                id=f"b-{i}", subject=_arg(c.subject, c.subject_codes), predicate=c.predicate,
                object=_arg(c.object, c.object_codes), negated=c.negated, modality=c.modality,
                source=list(c.source), date=None if c.date is None else {"text": c.date, "value": c.date},
                quantity=c.quantity, evidence={"start": start, "end": stop}, rule="annotator",
                location=None if c.location is None else Location(text=c.location, start=0, end=0),
            )
        )  # fmt: skip
    return DocumentResult(
        article={"id": gold.article},
        sentences=list(zip([0, *ends][:-1], ends, strict=True)),
        entities=[Entity(**e.model_dump()) for e in gold.entities or []],
        dates=[DateExpr(**d.model_dump()) for d in gold.dates or []],
        claims=claims,
    )
