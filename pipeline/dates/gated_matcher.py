"""A token-pattern ``Matcher`` run only where a match can be.

spaCy's ``Matcher`` tests every pattern at every token, and its ``IN`` and ``REGEX``
predicates run in Python there: on a news article most of the time goes on tokens that
no pattern token accepts ("reporters", "said"). :class:`GatedMatcher` first marks the
tokens some pattern token may accept (its word, a number, or a token mixing digits with
letters or signs: one array of lexical attributes for the whole Doc, ``Doc.to_array``),
then runs a ``Matcher`` over each run of marked tokens holding *only the patterns that can
match there*: those each of whose required tokens some token of the run may accept (its
word; a number or mixed token whose ``REGEX``/``LIKE_NUM``/``IS_DIGIT`` test passes).
Runs of "the", "of", "a" alone, or a lone "300", never reach a ``Matcher``; a run with
a number but no unit word meets the few number patterns, not all of them. Patterns look
at no token outside a match, and a ``Matcher`` holding some of the patterns (in the same
order) finds exactly those patterns' matches of the whole set, in the same order: so the
matches, their ``greedy="LONGEST"`` filtering and their order are the plain ``Matcher``'s
over the whole Doc. The ``Matcher`` for each set of patterns is built when first needed
(all its strings were interned by the full ``Matcher`` built in the constructor, so one
built inside a memory zone adds no string to the vocab) and kept.

A ``REGEX`` pattern token must declare under :data:`GATE` cheap attributes that every
token it accepts has (``{"IS_DIGIT": True}``, ``{"LIKE_NUM": True}``, or
:data:`MIXED`); a wildcard (``{"OP": "?"}``) may only stand between two word tokens.
Any other pattern token is refused when the matcher is built.
"""

from __future__ import annotations

import re
from typing import Any

import numpy
from spacy.attrs import IS_ALPHA, IS_DIGIT, IS_PUNCT, IS_SPACE, LIKE_NUM, LOWER, ORTH
from spacy.matcher import Matcher
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.vocab import Vocab

from ..errors import Errors

GATE = "GATE"
# digits mixed with letters or signs: "1990s", "'90", "10:30", "2023-08-09", "FY23", "Q3"
MIXED = {"IS_ALPHA": False, "IS_PUNCT": False, "IS_SPACE": False}
WORD_ATTRS = ("LOWER", "ORTH", "TEXT")
Pattern = list[dict[str, Any]]
KIND_CACHE_SIZE = 100_000  # numeric token texts whose bits are kept
SUBSET_CACHE_SIZE = 4096  # sets of run bits, and sets of patterns with their Matcher, kept


def _words(spec: dict[str, Any]) -> set[str] | None:
    """The words (lower case) a word token accepts, or None if it is no word token."""
    for attr in WORD_ATTRS:
        value = spec.get(attr)
        if isinstance(value, str):
            return {value.lower()}
        if isinstance(value, dict) and set(value) == {"IN"}:
            return {w.lower() for w in value["IN"]}
    return None


def _gated_by_kind(spec: dict[str, Any]) -> bool:
    """Whether every token ``spec`` accepts is a number or mixes digits with other signs."""
    cheap = spec.get(GATE, spec)
    return cheap.get("LIKE_NUM") is True or cheap.get("IS_DIGIT") is True or all(cheap.get(k) is False for k in MIXED)


def _optional(spec: dict[str, Any]) -> bool:
    op = spec.get("OP")
    return op in ("?", "*") or (isinstance(op, str) and op.startswith(("{0", "{,")))


def _kind_test(spec: dict[str, Any]) -> Any:
    """For a pattern token that accepts only numeric tokens: ``test(lower, text, like_num,
    is_digit)``, false only if the token refuses them (its ``REGEX``, ``LIKE_NUM`` and
    ``IS_DIGIT``, as the ``Matcher`` reads them; any other attribute is not looked at)."""
    checks: list[Any] = []
    for attr, value in spec.items():
        if attr in WORD_ATTRS and isinstance(value, dict) and set(value) == {"REGEX"}:
            checks.append((attr == "LOWER", re.compile(value["REGEX"])))
        elif attr in ("LIKE_NUM", "IS_DIGIT") and isinstance(value, bool):
            checks.append((attr, value))

    def test(lower: str, text: str, like_num: bool, is_digit: bool) -> bool:
        for what, check in checks:
            if what == "LIKE_NUM":
                ok = like_num == check
            elif what == "IS_DIGIT":
                ok = is_digit == check
            else:
                ok = check.search(lower if what else text) is not None
            if not ok:
                return False
        return True

    return test


class GatedMatcher:
    """``matcher(doc)`` -> ``(match_id, start, end)`` as a ``Matcher`` holding
    ``patterns`` (label -> patterns, each label ``greedy="LONGEST"``) gives."""

    def __init__(self, vocab: Vocab, patterns: dict[str, list[Pattern]]) -> None:
        # the full Matcher: checks the patterns and interns every string they use
        self.matcher = Matcher(vocab)
        self.words: set[str] = set()
        self.bridges: list[tuple[set[str], set[str]]] = []  # words either side of a wildcard
        self.patterns: list[tuple[str, Pattern]] = []
        # one bit per required pattern token; a pattern can match in a run of tokens only
        # if every bit of its `needs` is set by some token of the run
        self.needs: list[int] = []
        self._word_bits: dict[int, int] = {}  # lower-case hash -> bits of the tokens accepting it
        self._kind_tests: dict[str, list[Any]] = {}  # numeric pattern token -> [bits, test]
        self._nbits = 0
        for label, label_patterns in patterns.items():
            plain = [[{k: v for k, v in s.items() if k != GATE} for s in p] for p in label_patterns]
            for pattern, bare in zip(label_patterns, plain, strict=True):
                self._gate(label, pattern)
                self._require(pattern)
                self.patterns.append((label, bare))
            self.matcher.add(label, plain, greedy="LONGEST")
        # the same sets as one sorted array of string hashes, each with its flags (a
        # pattern word; before, after the wildcard of bridge j: bits 2j+1, 2j+2), to look
        # up a whole Doc's tokens at once
        flags: dict[int, int] = {get_string_id(w): 1 for w in self.words}
        for j, (before, after) in enumerate(self.bridges):
            for words, bit in ((before, 2 << 2 * j), (after, 4 << 2 * j)):
                for w in words:
                    flags[get_string_id(w)] = flags.get(get_string_id(w), 0) | bit
        self._flag_ids = numpy.array(sorted(flags), dtype=numpy.uint64)
        self._flags = numpy.array([flags[k] for k in sorted(flags)], dtype=numpy.int64)
        self._kind_cache: dict[int, int] = {}  # ORTH hash of a numeric token -> its bits
        self._subsets: dict[int, tuple[int, ...]] = {}  # bits of a run -> patterns that can match
        self._matchers: dict[tuple[int, ...], Matcher] = {}

    def _gate(self, label: str, pattern: Pattern) -> None:
        for i, spec in enumerate(pattern):
            words = _words(spec)
            if spec.get("OP") == "!":  # accepts what the token does not: no gate
                raise ValueError(Errors.E095.format(label=label, token=spec))
            if words is not None:
                self.words |= words
            elif set(spec) <= {"OP"}:
                before, after = (pattern[i - 1], pattern[i + 1]) if 0 < i < len(pattern) - 1 else ({}, {})
                before_words, after_words = _words(before), _words(after)
                if (
                    spec.get("OP") != "?"
                    or before_words is None
                    or after_words is None
                    or _optional(before)
                    or _optional(after)
                ):
                    raise ValueError(Errors.E095.format(label=label, token=spec))
                self.bridges.append((before_words, after_words))
            elif not _gated_by_kind(spec):
                raise ValueError(Errors.E095.format(label=label, token=spec))

    def _require(self, pattern: Pattern) -> None:
        """A bit for each required token of ``pattern``: set by the words it accepts, or
        tested on numeric tokens."""
        needs = 0
        for spec in pattern:
            if _optional(spec):
                continue
            bit = 1 << self._nbits
            self._nbits += 1
            needs |= bit
            words = _words(spec)
            if words is None:
                bare = {k: v for k, v in spec.items() if k not in (GATE, "OP")}
                entry = self._kind_tests.setdefault(repr(sorted(bare.items())), [0, _kind_test(bare)])
                entry[0] |= bit
            else:
                for word in words:
                    key = get_string_id(word)
                    self._word_bits[key] = self._word_bits.get(key, 0) | bit
        self.needs.append(needs)

    def _features(self, doc: Doc) -> tuple[Any, Any, Any]:
        """Each token's lower-case hash, whether it is numeric (a number, or a token mixing
        digits with letters or signs: neither alphabetic, punctuation nor space), and the
        table of its LOWER, ORTH, LIKE_NUM, IS_DIGIT."""
        table = doc.to_array([LOWER, ORTH, LIKE_NUM, IS_DIGIT, IS_ALPHA, IS_PUNCT, IS_SPACE])
        numeric = (table[:, 2] == 1) | ((table[:, 4] | table[:, 5] | table[:, 6]) == 0)
        return table[:, 0], numeric, table

    def _marks(self, lower: Any, numeric: Any) -> Any:
        at = numpy.minimum(numpy.searchsorted(self._flag_ids, lower), len(self._flag_ids) - 1)
        flags = numpy.where(self._flag_ids[at] == lower, self._flags[at], 0)
        marks = (flags & 1).astype(bool) | numeric
        for j in range(len(self.bridges)):
            if len(lower) > 2:
                marks[1:-1] |= ((flags[:-2] >> 2 * j + 1) & (flags[2:] >> 2 * j + 2) & 1).astype(bool)
        return marks

    def gate(self, doc: Doc) -> list[bool]:
        """For each token, whether a pattern token may accept it."""
        if not len(doc):
            return []
        return self._marks(*self._features(doc)[:2]).tolist()

    def possible(self, bits: int) -> tuple[int, ...]:
        """The patterns (indices) that can match in a run whose tokens set ``bits``."""
        subset = self._subsets.get(bits)
        if subset is None:
            if len(self._subsets) >= SUBSET_CACHE_SIZE:
                self._subsets.clear()
            subset = self._subsets[bits] = tuple(k for k, need in enumerate(self.needs) if bits & need == need)
        return subset

    def _matcher_for(self, subset: tuple[int, ...]) -> Matcher:
        matcher = self._matchers.get(subset)
        if matcher is None:
            if len(self._matchers) >= SUBSET_CACHE_SIZE:
                self._matchers.clear()
            matcher = self._matchers[subset] = Matcher(self.matcher.vocab)
            by_label: dict[str, list[Pattern]] = {}
            for k in subset:
                label, pattern = self.patterns[k]
                by_label.setdefault(label, []).append(pattern)
            for label, label_patterns in by_label.items():  # labels, patterns in the full order
                matcher.add(label, label_patterns, greedy="LONGEST")
        return matcher

    def _kind_bits(self, doc: Doc, i: int, table: Any, cache: dict[int, int]) -> int:
        """The bits numeric token ``i`` sets (one test per distinct token text)."""
        orth = int(table[i, 1])
        bits = cache.get(orth)
        if bits is None:
            strings = doc.vocab.strings
            args = (strings[int(table[i, 0])], strings[orth], bool(table[i, 2]), bool(table[i, 3]))
            bits = 0
            for kind_bits, test in self._kind_tests.values():
                if test(*args):
                    bits |= kind_bits
            cache[orth] = bits
        return bits

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        by_label: dict[int, list[tuple[int, int]]] = {}
        if not len(doc):
            return []
        lower, numeric, table = self._features(doc)
        marks = self._marks(lower, numeric)
        edges = numpy.flatnonzero(numpy.diff(numpy.concatenate(([False], marks, [False])).astype(numpy.int8)))
        word_bits = self._word_bits
        lowers, numerics = lower.tolist(), numeric.tolist()
        kind_cache = self._kind_cache
        if len(kind_cache) > KIND_CACHE_SIZE:
            kind_cache.clear()
        for i, end in zip(edges[::2].tolist(), edges[1::2].tolist(), strict=True):
            bits = 0
            for t in range(i, end):
                bits |= word_bits.get(lowers[t], 0)
                if numerics[t]:
                    bits |= self._kind_bits(doc, t, table, kind_cache)
            subset = self.possible(bits)
            if not subset:
                continue
            for label, start, stop in self._matcher_for(subset)(doc[i:end]):
                by_label.setdefault(label, []).append((i + start, i + stop))
        # the Matcher's order: labels as first matched, each longest first, then earliest
        return [
            (label, start, end)
            for label, pairs in by_label.items()
            for start, end in sorted(pairs, key=lambda p: (p[1] - p[0], -p[0]), reverse=True)
        ]
