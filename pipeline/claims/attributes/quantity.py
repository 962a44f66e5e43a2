"""A number that measures a claim (SPEC section 4, ``quantity``).

Usage (CORE): ``claim_quantity(trigger)`` with the trigger Token -> a
:class:`pipeline.models.Quantity` or ``None``. Pure; reads the parse, ``doc.ents`` and, when
present, ``doc.spans["sahel_dates"]``.

Where: only numbers in the trigger's own clause: its subtree without embedded clauses
(complements, adverbial and relative clauses, verb conjuncts), plus, for a participle
that modifies a noun ("over 1,000 troops stationed there"), that noun phrase. Of several,
the one nearest the trigger in the tree wins (then the leftmost). Years, dates and times
are not quantities: numbers inside a DATE/TIME entity or a ``sahel_dates`` span are
skipped, except a measure used as an adjective ("a two-hour discussion").

What (``unit``):
- money: "$", "US$", "dollars" -> ``USD``; "€"/"euros" -> ``EUR``; "£"/"pounds" -> ``GBP``;
  "CFA francs" -> ``XOF``; scaled by "million"/"billion"/"bn"...: "$2.2 billion" ->
  2200000000.
- percent: "40%", "40 percent" -> ``percent``.
- measures: kilometres -> ``km``, miles, metres -> ``m``, tonnes, hours, days, weeks, months,
  years (the last five only as an adjectival measure, "two-hour", "a 10-year mandate", and
  only on the event itself: the trigger or its direct object, "held a two-hour
  discussion"; "agreed to a 24-month transition" measures the transition, not the claim).
- anything counted: the common noun the number counts, with its common-noun compounds,
  plural, lower case ("troops", "Wagner Group members" -> "members", "two drone bases" ->
  "drone bases"), with a coordinated noun it also counts ("13,000 troops and police" ->
  "troops and police"), also after "of" ("hundreds of Wagner personnel" -> "personnel");
  not "times", "ways", "on one hand" (:data:`NOT_COUNTED`).

How exactly (``approx``): "over"/"more than"/"above"/"upwards of"/"in excess of" ->
``over``; "about"/"approximately"/"around"/"roughly"/"some"/"an estimated" -> ``about``;
"at least"/"no fewer than"/"no less than" -> ``at least``; "nearly"/"almost"/"up to"/"under"/
"less than"/"fewer than"/"close to"/"as many as" -> ``under``; otherwise ``None``. Word
numbers count ("two", "a dozen"); a bare plural round number ("hundreds of", "thousands
of") is vague and measures nothing (``None``), as the annotation guidelines say. The
vocabularies are closed lists and stay in code (:mod:`pipeline.claims.vocab`). A small number after a definite
determiner ("the three governments", "all three") counts actors named before and is no
measure.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation

from spacy.strings import get_string_id
from spacy.tokens import Token

from ...doc import DATES_KEY
from ...models import Quantity
from ..clause_chain import is_verbal
from ..vocab import (
    APPROXIMATORS,
    CURRENCY_NOUNS,
    CURRENCY_SYMBOLS,
    EMBEDDED_CLAUSE_DEPS,
    INVARIANT_PLURALS,
    IRREGULAR_PLURALS,
    MEASURE_UNITS,
    NAME_LABELS,
    NOT_COUNTED,
    PERCENT_WORDS,
    PLURAL_ROUNDS,
    SCALES,
    TIME_LABELS,
    TIME_UNITS,
    WORD_NUMBERS,
)

APPROXIMATOR_LENGTH = max(len(words) for words, _ in APPROXIMATORS)
NUMBER_RE = re.compile(r"^\d[\d,]*(\.\d+)?$")
# number words and the cardinal tag as string ids (``token.lower``, ``token.tag``)
NUMBER_WORD_IDS = frozenset(get_string_id(w) for w in (*WORD_NUMBERS, *PLURAL_ROUNDS, "dozen"))
CD_TAG = get_string_id("CD")
EMBEDDED_CLAUSE_DEP_IDS = frozenset(get_string_id(d) for d in EMBEDDED_CLAUSE_DEPS)
CONJ_DEP = get_string_id("conj")


def claim_quantity(trigger: Token) -> Quantity | None:
    """The quantity that measures the claim of ``trigger``, or ``None`` (module docstring)."""
    best: tuple[int, int, Quantity] | None = None
    seen: set[int] = set()
    for token, depth in clause_tokens(trigger):
        if token.i in seen or not _is_number(token) or _anaphoric_count(token):
            continue
        found = measure(token)
        if found is None:
            continue
        group, quantity = found
        seen.update(t.i for t in group)
        if quantity.unit in TIME_UNITS.values() and not _measures_event(group, trigger):
            continue
        key = (depth, token.i)
        if best is None or key < best[:2]:
            best = (depth, token.i, quantity)
    return best[2] if best else None


def _measures_event(group: list[Token], trigger: Token) -> bool:
    """An adjectival duration ("two-hour") measures the claim only on the trigger or the
    trigger's direct object (the event noun of a light verb), not on another noun."""
    doc = trigger.doc
    last = group[-1]
    unit = doc[last.i + 2] if last.i + 2 < len(doc) and doc[last.i + 1].text == "-" else None
    if unit is None:
        unit = next((t for t in group if t.head not in group), last).head
    measured = unit.head if unit.dep_ in ("compound", "amod", "nmod") else unit
    return measured == trigger or (measured.dep_ == "dobj" and measured.head == trigger)


def _anaphoric_count(token: Token) -> bool:
    """ "the three governments", "all three": a count of actors named before, not a
    measure of the event (a small word number after a definite determiner)."""
    if token.lower_ not in ("two", "three", "four", "five", "both"):
        return False
    head = token.head if token.dep_ == "nummod" else token
    return any(c.dep_ in ("det", "predet") and c.lower_ in ("the", "these", "those", "all") for c in head.children)


def clause_tokens(trigger: Token) -> Iterator[tuple[Token, int]]:
    """Tokens of the trigger's own clause with their tree distance from the trigger."""
    roots = [(trigger, 0)]
    if trigger.dep_ == "acl" and trigger.head.i != trigger.i:
        roots.append((trigger.head, 1))  # "over 1,000 troops stationed there"
    done: set[int] = set()
    for root, depth0 in roots:
        stack = [(root, depth0)]
        while stack:
            token, depth = stack.pop()
            if token.i in done:
                continue
            done.add(token.i)
            yield token, depth
            for child in token.children:
                dep = child.dep  # a string id: cheaper than ``dep_`` on every token of the clause
                embedded = dep in EMBEDDED_CLAUSE_DEP_IDS or (dep == CONJ_DEP and is_verbal(child))
                if child.i not in done and not embedded:
                    stack.append((child, depth + 1))


def measure(number: Token) -> tuple[list[Token], Quantity] | None:
    """The quantity a number token heads or belongs to, with the tokens it spans."""
    group = _number_group(number)
    if _in_date(group) or _in_name(group):
        return None
    value = _value(group)
    if value is None:
        return None
    first, last = group[0], group[-1]
    doc = number.doc
    before = doc[first.i - 1] if first.i > 0 else None
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    currency = CURRENCY_SYMBOLS.get(before.lower_) if before is not None else None
    lead = first if currency is None else before
    unit = currency or _unit_after(group, after)
    if unit is None:
        return None
    if all(t.lower_ in PLURAL_ROUNDS for t in group):
        return None  # vague: "hundreds of", "thousands of" (docs/annotation.md: quantity null)
    approx = _approximator(lead)
    return group, Quantity(value=value, unit=unit, approx=approx)


def _is_number(token: Token) -> bool:
    # string ids, not strings: this runs on every token of a claim's clause
    return token.tag == CD_TAG or token.lower in NUMBER_WORD_IDS or bool(NUMBER_RE.match(token.text))


def _number_group(number: Token) -> list[Token]:
    """Adjacent number tokens read together: "2.2 billion", "1.5 million", "a dozen"."""
    doc = number.doc
    start = end = number.i
    while start > 0 and _is_number(doc[start - 1]):
        start -= 1
    while (
        end + 1 < len(doc)
        and (_is_number(doc[end + 1]) or doc[end + 1].lower_ in SCALES)
        and not (doc[end + 1].lower_ in ("m", "b") and end + 2 < len(doc) and doc[end + 2].is_alpha)
    ):
        end += 1
    return list(doc[start : end + 1])


def _value(group: list[Token]) -> int | float | None:
    total = Decimal(0)
    current: Decimal | None = None
    for token in group:
        low = token.lower_
        if NUMBER_RE.match(token.text):
            try:
                current = (current or Decimal(0)) + Decimal(token.text.replace(",", ""))
            except InvalidOperation:
                return None
        elif low in PLURAL_ROUNDS:
            current = (current or Decimal(1)) * PLURAL_ROUNDS[low]
        elif low in SCALES and current is not None:
            current *= SCALES[low]
            if SCALES[low] >= 1000:
                total, current = total + current, None
        elif low in WORD_NUMBERS:
            current = (current or Decimal(0)) + WORD_NUMBERS[low]
        elif low == "dozen":
            current = (current or Decimal(1)) * 12
        else:
            return None
    total += current or 0
    if total == 0 and not any(t.lower_ in ("0", "zero") for t in group):
        return None
    return int(total) if total == total.to_integral_value() else float(total)


def _unit_after(group: list[Token], after: Token | None) -> str | None:
    """Percent, a measure, a currency noun or a counted noun after (or governing) the number."""
    if after is not None and after.lower_ in PERCENT_WORDS:
        return "percent"
    if after is not None and after.lower_ == "per" and after.i + 1 < len(after.doc):
        if after.doc[after.i + 1].lower_ == "cent":
            return "percent"
    hyphen = after is not None and after.text == "-"
    if hyphen:  # "a 1,500-kilometer border", "a two-hour discussion"
        noun = after.doc[after.i + 1] if after.i + 1 < len(after.doc) else None
        lemma = noun.lemma_.lower() if noun is not None else ""
        return MEASURE_UNITS.get(lemma) or TIME_UNITS.get(lemma)
    noun = _counted_noun(group) or after
    if noun is None:
        return None
    lemma = noun.lemma_.lower()
    if lemma in CURRENCY_NOUNS:
        return CURRENCY_NOUNS[lemma]
    if lemma in MEASURE_UNITS:
        return MEASURE_UNITS[lemma]
    if lemma in TIME_UNITS:
        return TIME_UNITS[lemma] if _adjectival(noun) else None
    if noun.pos_ == "NOUN" and lemma not in NOT_COUNTED:
        return _counted_unit(noun)
    return None


def _counted_noun(group: list[Token]) -> Token | None:
    """The noun a number counts: its head ("300 troops"), or the object of "of" after a
    number used as a noun ("hundreds of Wagner personnel", "three of the soldiers")."""
    head_number = next((t for t in group if t.head not in group), group[-1])
    if head_number.dep_ in ("nummod", "quantmod", "compound") and head_number.head.pos_ in ("NOUN", "PROPN"):
        return head_number.head
    for prep in head_number.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None


def _counted_unit(noun: Token) -> str:
    """The counted noun with its common-noun compounds, plural, lower case: "drone bases",
    "troops"; proper-noun compounds are names, not units ("Wagner Group members": "members");
    a bare coordinated noun is counted too ("troops and police")."""
    compounds = [c for c in noun.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"]
    start = compounds[0].i if compounds else noun.i
    words = [t.lower_ for t in noun.doc[start : noun.i] if t.pos_ == "NOUN" and t.dep_ == "compound"]
    unit = " ".join([*words, _plural(noun)])
    for conj in noun.children:
        cc = next((c for c in noun.children if c.dep_ == "cc" and noun.i < c.i < conj.i), None)
        bare = not any(c.dep_ in ("det", "nummod", "quantmod", "poss") for c in conj.children)
        if conj.dep_ == "conj" and conj.pos_ == "NOUN" and cc is not None and bare:
            unit += f" {cc.lower_} {_plural(conj)}"
    return unit


def _adjectival(unit: Token) -> bool:
    """ "a 10 year mandate": a measure modifying a noun."""
    return unit.dep_ in ("compound", "amod", "nmod") and unit.head.pos_ == "NOUN"


def _plural(noun: Token) -> str:
    low, lemma = noun.lower_, noun.lemma_.lower()
    if noun.tag_ in ("NNS", "NNPS") or low in INVARIANT_PLURALS:
        return low
    if lemma in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[lemma]
    if lemma.endswith(("s", "x", "ch", "sh")):
        return lemma + "es"
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return lemma[:-1] + "ies"
    return lemma + "s"


def _approximator(lead: Token) -> str | None:
    """ "over", "about", "at least" or "under" from the words just before the number."""
    before = tuple(t.lower_ for t in lead.doc[max(0, lead.i - APPROXIMATOR_LENGTH) : lead.i])  # read once
    for words, label in APPROXIMATORS:
        if len(words) <= len(before) and before[len(before) - len(words) :] == words:
            return label
    return None


def _in_date(group: list[Token]) -> bool:
    """Inside a date or time expression, unless it is an adjectival measure ("two-hour")."""
    doc = group[0].doc
    last = group[-1]
    if last.i + 2 < len(doc) and doc[last.i + 1].text == "-" and doc[last.i + 2].lemma_.lower() in TIME_UNITS:
        return False
    if any(t.ent_type_ in TIME_LABELS for t in group):
        return True
    spans = doc.spans[DATES_KEY] if DATES_KEY in doc.spans else ()
    return any(s.start <= t.i < s.end for s in spans for t in group) or _looks_like_year(group)


def _looks_like_year(group: list[Token]) -> bool:
    """A bare four-digit year with nothing counted after it ("launched in 2019")."""
    if len(group) != 1 or not re.fullmatch(r"(1[89]|20)\d\d", group[0].text):
        return False
    return _counted_noun(group) is None or _counted_noun(group).pos_ != "NOUN"


def _in_name(group: list[Token]) -> bool:
    return any(t.ent_type_ in NAME_LABELS for t in group)
