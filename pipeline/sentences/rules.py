"""Sentence-boundary constraints, set before the parser so that it respects them.

Each function yields ``(token index, is_sent_start)`` pairs; the sentences component
writes them. Rules: a paragraph break always ends a sentence (and a line break does
when the next line starts like a sentence); a closing quote or bracket stays with the
sentence it closes; an abbreviation such as "U.S." never ends one; and no sentence runs
over ``max_tokens`` tokens without a full stop or a line break (:func:`length_boundaries`:
a bound on the cost of pathological input, which ordinary text never reaches).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import numpy
from spacy.attrs import IDX, IS_SPACE, LENGTH, ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc

from .vocab import CLOSERS, FINAL_PUNCT, OPENERS


@lru_cache(maxsize=16)
def _ids(strings: frozenset[str]) -> numpy.ndarray:
    return numpy.array(sorted(get_string_id(s) for s in strings), dtype=numpy.uint64)


def _tokens_among(doc: Doc, strings: frozenset[str]) -> list[int]:
    """Indices of the tokens whose text is one of ``strings``, in order (one binary
    search of the Doc's ORTH array in their sorted ids: the rules below look at these
    tokens only; ``numpy.isin`` would import ``numpy.ma``, 10 ms at start-up)."""
    ids, orths = _ids(strings), doc.to_array(ORTH)
    if not len(ids) or not len(orths):
        return []
    at = numpy.minimum(numpy.searchsorted(ids, orths), len(ids) - 1)
    return numpy.flatnonzero(ids[at] == orths).tolist()


def _starts_like_sentence(text: str) -> bool:
    first = text[:1]
    return first.isupper() or first.isdigit() or first in OPENERS


def line_break_boundaries(doc: Doc) -> Iterator[tuple[int, bool]]:
    """A blank line always ends a sentence; a single line break does when the next line
    starts like a sentence. The whitespace token stays with the sentence before it."""
    for i in numpy.flatnonzero(doc.to_array(IS_SPACE)).tolist():
        tok = doc[i]
        if "\n" not in tok.text or tok.i == 0:
            continue
        nxt = tok.i + 1
        if nxt >= len(doc):
            yield tok.i, False
            continue
        if tok.text.count("\n") >= 2 or _starts_like_sentence(doc[nxt].text):
            yield tok.i, False
            yield nxt, True


def closing_quote_boundaries(doc: Doc) -> Iterator[tuple[int, bool]]:
    """``concerns."``: the closing quote belongs to the sentence its full stop ends."""
    for i in _tokens_among(doc, CLOSERS):
        if i == 0:
            continue
        tok, prev = doc[i], doc[i - 1]
        if tok.text in CLOSERS and prev.text in FINAL_PUNCT and not prev.whitespace_:
            yield tok.i, False
            nxt = tok.i + 1
            if nxt < len(doc) and tok.whitespace_ and _starts_like_sentence(doc[nxt].text):
                yield nxt, True


def abbreviation_boundaries(doc: Doc, abbreviations: Iterable[str]) -> Iterator[tuple[int, bool]]:
    """The token after an abbreviation ("U.S.", "Gen.") never starts a sentence on the
    same line."""
    for i in _tokens_among(doc, frozenset(abbreviations)):
        if i < len(doc) - 1:
            yield i + 1, False


MAX_SENTENCE_TOKENS = 256
"""Default of :func:`length_boundaries`: twice the longest run without a full stop or a
line break in the 163 articles of corpora/, MEANTIME and the real set (121 tokens)."""


def length_boundaries(doc: Doc, max_tokens: int, starts: Iterable[int] = ()) -> Iterator[tuple[int, bool]]:
    """A stretch of more than ``max_tokens`` tokens with no possible sentence end (a full
    stop, "!", "?", a line break, or a start in ``starts``) is cut every ``max_tokens``
    tokens, at the next token that is not whitespace: the parser and every stage after it
    work sentence by sentence, so a 200,000-token "sentence" (a table flattened into one
    line, a dump without punctuation) costs what a thousand ordinary ones cost. Ordinary
    text never has such a stretch, and is untouched."""
    if len(doc) <= max_tokens:
        return
    space = doc.to_array(IS_SPACE).astype(bool)
    ends = numpy.isin(doc.to_array(ORTH), _ids(FINAL_PUNCT)).tolist()
    for i in numpy.flatnonzero(space).tolist():
        ends[i] = "\n" in doc[i].text
    marks = sorted({-1, *(i for i, end in enumerate(ends) if end), *(i - 1 for i in starts), len(doc)})
    for before, after in zip(marks, marks[1:], strict=False):
        cut = before + 1 + max_tokens
        while cut < after:
            while cut < after and space[cut]:
                cut += 1
            if cut < after:
                yield cut, True
            cut += max_tokens


def sentence_constraints(
    doc: Doc, abbreviations: Iterable[str] = (), *, max_tokens: int | None = MAX_SENTENCE_TOKENS
) -> dict[int, bool]:
    """All constraints, later rules winning over earlier ones: line breaks last, since a
    paragraph break always ends a sentence; then the length bound (``max_tokens``, None:
    no bound), only where no rule has spoken."""
    out: dict[int, bool] = {}
    rules = (abbreviation_boundaries(doc, abbreviations), closing_quote_boundaries(doc), line_break_boundaries(doc))
    for rule in rules:
        out.update(rule)
    if max_tokens is not None:
        starts = [i for i, start in out.items() if start]
        for i, start in length_boundaries(doc, max_tokens, starts):
            out.setdefault(i, start)
    out.pop(0, None)
    return out


def sentence_offsets(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) character offsets of each sentence, without surrounding whitespace."""
    spans = []
    table = doc.to_array([IS_SPACE, IDX, LENGTH])
    for sent in doc.sents:
        words = numpy.flatnonzero(table[sent.start : sent.end, 0] == 0)
        if len(words):
            first, last = table[sent.start + words[0]], table[sent.start + words[-1]]
            spans.append((int(first[1]), int(last[1] + last[2])))
    return spans
