"""A token-pattern ``Matcher`` run only where a match can be.

spaCy's ``Matcher`` tests every pattern at every token, and its ``IN`` and ``REGEX``
predicates run in Python there: on a news article most of the time goes on tokens that
no pattern token accepts ("reporters", "said"). :class:`GatedMatcher` first marks the
tokens some pattern token may accept (its word, a number, or a token mixing digits with
letters or signs: one array of lexical attributes for the whole Doc, ``Doc.to_array``),
then runs the ``Matcher`` over each run of marked tokens that holds an *anchor*: for each
pattern, the one required token that the fewest common (stop) words can fill ("day" in
"the day"), since every match holds a token its anchor accepts. Runs of "the", "of",
"a" alone never reach the ``Matcher``. Patterns look at no token outside a match, so the
matches, their ``greedy="LONGEST"`` filtering and their order are the plain
``Matcher``'s over the whole Doc.

A ``REGEX`` pattern token must declare under :data:`GATE` cheap attributes that every
token it accepts has (``{"IS_DIGIT": True}``, ``{"LIKE_NUM": True}``, or
:data:`MIXED`); a wildcard (``{"OP": "?"}``) may only stand between two word tokens.
Any other pattern token is refused when the matcher is built.
"""

from __future__ import annotations

from typing import Any

import numpy
from spacy.attrs import IS_ALPHA, IS_PUNCT, IS_SPACE, LIKE_NUM, LOWER
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.matcher import Matcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from ..errors import Errors

GATE = "GATE"
# digits mixed with letters or signs: "1990s", "'90", "10:30", "2023-08-09", "FY23", "Q3"
MIXED = {"IS_ALPHA": False, "IS_PUNCT": False, "IS_SPACE": False}
WORD_ATTRS = ("LOWER", "ORTH", "TEXT")
Pattern = list[dict[str, Any]]


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
    return cheap.get("LIKE_NUM") is True or cheap.get("IS_DIGIT") is True or all(
        cheap.get(k) is False for k in MIXED
    )


def _optional(spec: dict[str, Any]) -> bool:
    op = spec.get("OP")
    return op in ("?", "*") or (isinstance(op, str) and op.startswith(("{0", "{,")))


def _ids(words: set[str]) -> numpy.ndarray:
    return numpy.array(sorted(get_string_id(w) for w in words), dtype=numpy.uint64)


def _numeric(token: Token) -> bool:
    """A number, or a token mixing digits with letters or signs (superset of both)."""
    return token.like_num or not (token.is_alpha or token.is_punct or token.is_space)


class GatedMatcher:
    """``matcher(doc)`` -> ``(match_id, start, end)`` as a ``Matcher`` holding
    ``patterns`` (label -> patterns, each label ``greedy="LONGEST"``) gives."""

    def __init__(self, vocab: Vocab, patterns: dict[str, list[Pattern]]) -> None:
        self.matcher = Matcher(vocab)
        self.words: set[str] = set()
        self.bridges: list[tuple[set[str], set[str]]] = []  # words either side of a wildcard
        # what a match of one token can be: its words, and whether a number or mixed token
        self.single_words: set[str] = set()
        self.single_kind = False
        # every match holds a token one of these accepts (a word, or a number or mixed token)
        self.anchor_words: set[str] = set()
        self.anchor_kind = False
        for label, label_patterns in patterns.items():
            for pattern in label_patterns:
                self._gate(label, pattern)
                self._anchor(pattern)
            self.matcher.add(
                label, [[{k: v for k, v in s.items() if k != GATE} for s in p] for p in label_patterns],
                greedy="LONGEST",
            )
        # the same sets as string hashes, to test a whole Doc's tokens at once
        self._word_ids = _ids(self.words)
        self._single_ids = _ids(self.single_words)
        self._anchor_ids = _ids(self.anchor_words)
        self._bridge_ids = [(_ids(before), _ids(after)) for before, after in self.bridges]

    def _gate(self, label: str, pattern: Pattern) -> None:
        required = [i for i, spec in enumerate(pattern) if not _optional(spec)]
        for i, spec in enumerate(pattern):
            words = _words(spec)
            if spec.get("OP") == "!":  # accepts what the token does not: no gate
                raise ValueError(Errors.E095.format(label=label, token=spec))
            if required in ([], [i]):  # a match of this one token is possible
                self.single_words |= words or set()
                self.single_kind |= words is None
            if words is not None:
                self.words |= words
            elif set(spec) <= {"OP"}:
                before, after = (pattern[i - 1], pattern[i + 1]) if 0 < i < len(pattern) - 1 else ({}, {})
                before_words, after_words = _words(before), _words(after)
                if spec.get("OP") != "?" or before_words is None or after_words is None or _optional(before) \
                        or _optional(after):
                    raise ValueError(Errors.E095.format(label=label, token=spec))
                self.bridges.append((before_words, after_words))
            elif not _gated_by_kind(spec):
                raise ValueError(Errors.E095.format(label=label, token=spec))

    def _anchor(self, pattern: Pattern) -> None:
        """Note the pattern's anchor: the one required token that the fewest common words
        can fill (every match holds a token it accepts); all its tokens if none is required."""
        required = [s for s in pattern if not _optional(s)]

        def cost(spec: dict[str, Any]) -> tuple[int, int]:
            words = _words(spec)
            return (1, 0) if words is None else (len(words & STOP_WORDS), len(words))

        for spec in [min(required, key=cost)] if required else pattern:
            words = _words(spec)
            if words is not None:
                self.anchor_words |= words
            elif not set(spec) <= {"OP"}:
                self.anchor_kind = True

    def _features(self, doc: Doc) -> tuple[Any, Any]:
        """Each token's lower-case hash and whether it is numeric (see :func:`_numeric`)."""
        table = doc.to_array([LOWER, LIKE_NUM, IS_ALPHA, IS_PUNCT, IS_SPACE])
        numeric = (table[:, 1] == 1) | ((table[:, 2] | table[:, 3] | table[:, 4]) == 0)
        return table[:, 0], numeric

    def _marks(self, lower: Any, numeric: Any) -> Any:
        marks = numpy.isin(lower, self._word_ids) | numeric
        for before, after in self._bridge_ids:
            if len(lower) > 2:
                marks[1:-1] |= numpy.isin(lower[:-2], before) & numpy.isin(lower[2:], after)
        return marks

    def gate(self, doc: Doc) -> list[bool]:
        """For each token, whether a pattern token may accept it."""
        if not len(doc):
            return []
        return self._marks(*self._features(doc)).tolist()

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        by_label: dict[int, list[tuple[int, int]]] = {}
        if not len(doc):
            return []
        lower, numeric = self._features(doc)
        marks = self._marks(lower, numeric)
        single = numpy.isin(lower, self._single_ids) | (numeric & self.single_kind)
        anchor = numpy.isin(lower, self._anchor_ids) | (numeric & self.anchor_kind)
        edges = numpy.flatnonzero(numpy.diff(numpy.concatenate(([False], marks, [False])).astype(numpy.int8)))
        # each run of marked tokens; a run of one only if one token can match; a run
        # holding no pattern's anchor cannot hold a match
        for i, end in zip(edges[::2].tolist(), edges[1::2].tolist(), strict=True):
            if (end - i == 1 and not single[i]) or not anchor[i:end].any():
                continue
            for label, start, stop in self.matcher(doc[i:end]):
                by_label.setdefault(label, []).append((i + start, i + stop))
        # the Matcher's order: labels as first matched, each longest first, then earliest
        return [
            (label, start, end)
            for label, pairs in by_label.items()
            for start, end in sorted(pairs, key=lambda p: (p[1] - p[0], -p[0]), reverse=True)
        ]
