"""Sentence-boundary constraints, set before the parser so that it respects them.

Each function yields ``(token index, is_sent_start)`` pairs; the sentences component
writes them. Rules: a paragraph break always ends a sentence (and a line break does
when the next line starts like a sentence); a closing quote or bracket stays with the
sentence it closes; an abbreviation such as "U.S." never ends one.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

CLOSERS = frozenset({'"', "”", "'", "’", "»", ")", "]"})
FINAL_PUNCT = frozenset({".", "!", "?", "...", "…"})


def _starts_like_sentence(text: str) -> bool:
    first = text[:1]
    return first.isupper() or first.isdigit() or first in {'"', "“", "'", "‘", "(", "«"}


def line_break_boundaries(doc: Doc) -> Iterator[tuple[int, bool]]:
    """A blank line always ends a sentence; a single line break does when the next line
    starts like a sentence. The whitespace token stays with the sentence before it."""
    for tok in doc:
        if not tok.is_space or "\n" not in tok.text or tok.i == 0:
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
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if tok.text in CLOSERS and prev.text in FINAL_PUNCT and not prev.whitespace_:
            yield tok.i, False
            nxt = tok.i + 1
            if nxt < len(doc) and tok.whitespace_ and _starts_like_sentence(doc[nxt].text):
                yield nxt, True


def abbreviation_boundaries(doc: Doc, abbreviations: Iterable[str]) -> Iterator[tuple[int, bool]]:
    """The token after an abbreviation ("U.S.", "Gen.") never starts a sentence on the
    same line."""
    abbrevs = frozenset(abbreviations)
    for tok in doc[:-1]:
        if tok.text in abbrevs:
            yield tok.i + 1, False


def sentence_constraints(doc: Doc, abbreviations: Iterable[str] = ()) -> dict[int, bool]:
    """All constraints, later rules winning over earlier ones: line breaks last, since a
    paragraph break always ends a sentence."""
    out: dict[int, bool] = {}
    rules = (abbreviation_boundaries(doc, abbreviations), closing_quote_boundaries(doc), line_break_boundaries(doc))
    for rule in rules:
        out.update(rule)
    out.pop(0, None)
    return out


def sentence_offsets(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) character offsets of each sentence, without surrounding whitespace."""
    spans = []
    for sent in doc.sents:
        words = [t for t in sent if not t.is_space]
        if words:
            spans.append((words[0].idx, words[-1].idx + len(words[-1].text)))
    return spans
