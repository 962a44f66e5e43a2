"""The tokenizer's cache across memory zones, bounded.

Inside ``nlp.memory_zone()`` spaCy's tokenizer caches nothing (an entry could point at
lexemes the zone frees), so every batch splits every word's affixes afresh: about twice
the cost of a warm tokenizer. :class:`TokenizerLearner` lets it learn, after a batch and
outside any zone, the chunks (whitespace-separated strings: "said", "Niger's,") the batch
used at least twice, up to ``limit`` chunks in all; later batches find them in the cache.
Their lexemes then stay in the vocab for good: a bounded cost (~10,000 chunks for 136
news articles, under 2 MB), after which nothing more is learned and memory stays flat.
Tokens are the same either way: the cache holds what the tokenizer made of the chunk
(spaCy never caches a chunk with a special case).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from spacy.language import Language

LEARN_LIMIT = 20_000  # chunks learned at most, per pipeline
MIN_COUNT = 2  # times a batch uses a chunk for it to be learned


class TokenizerLearner:
    """``learner(nlp, texts)`` after a batch's memory zone: caches the batch's frequent chunks
    in ``nlp``'s tokenizer (one learner per pipeline)."""

    def __init__(self, *, limit: int = LEARN_LIMIT, min_count: int = MIN_COUNT) -> None:
        self.limit = limit
        self.min_count = min_count
        self.learned: set[str] = set()

    def __call__(self, nlp: Language, texts: Iterable[str]) -> int:
        """Learn the chunks ``texts`` use at least ``min_count`` times; how many were new."""
        room = self.limit - len(self.learned)
        if room <= 0:
            return 0
        if nlp.vocab.in_memory_zone:  # what is learned inside a zone is freed with it
            return 0
        counts = Counter(chunk for text in texts for chunk in text.split())
        new = [c for c, n in counts.items() if n >= self.min_count and c not in self.learned][:room]
        if new:
            nlp.tokenizer(" ".join(new))
            self.learned.update(new)
        return len(new)
