"""The sentences stage's vocabulary: the punctuation sets its boundary rules
(:mod:`pipeline.sentences.rules`) read, defined once.

What opens a sentence (besides a capital or a digit), what closes a quotation or a
bracket, and what ends a sentence. The abbreviations that never end one are
configuration (``abbreviations`` of the ``sahel_sentences`` component), not vocabulary.

Imports nothing of the package.
"""

from __future__ import annotations

# a line that starts with one of these (or a capital, a digit) starts like a sentence
OPENERS = frozenset({'"', "“", "'", "‘", "(", "«"})
CLOSERS = frozenset({'"', "”", "'", "’", "»", ")", "]"})
FINAL_PUNCT = frozenset({".", "!", "?", "...", "…"})
