"""The tokenizer learns a batch's frequent chunks outside memory zones, within a bound,
and tokenizes exactly as before."""

from __future__ import annotations

import pytest

from pipeline.batch.tokenizer_cache import TokenizerLearner

TEXTS = [
    "The junta said on Monday that Niger's borders, closed since July 26, would reopen. "
    "The junta said so again (twice) at 10:30 a.m.; U.S. officials didn't comment.",
    "ECOWAS leaders met in Abuja. ECOWAS leaders said the junta's plan, announced Monday, "
    'was "unacceptable" -- see https://example.org/niger-coup for the U.S. view.',
]


def _tokens(nlp, text):
    return [(t.text, t.whitespace_, t.lower_, t.is_alpha, t.like_num) for t in nlp.make_doc(text)]


@pytest.fixture
def blank():
    import spacy

    return spacy.blank("en")


def test_learned_chunks_tokenize_as_before(blank):
    import spacy

    fresh = spacy.blank("en")
    learner = TokenizerLearner()
    with blank.memory_zone():
        before = [_tokens(blank, t) for t in TEXTS]
    assert learner(blank, TEXTS) > 0
    assert {"junta", "said", "ECOWAS", "leaders", "U.S."} <= learner.learned
    with blank.memory_zone():
        after = [_tokens(blank, t) for t in TEXTS]
    assert before == after == [_tokens(fresh, t) for t in TEXTS]


def test_only_chunks_used_often_enough_are_learned(blank):
    learner = TokenizerLearner(min_count=2)
    learner(blank, ["alpha beta alpha", "gamma beta"])
    assert learner.learned == {"alpha", "beta"}


def test_nothing_is_learned_inside_a_memory_zone(blank):
    learner = TokenizerLearner()
    with blank.memory_zone():
        assert learner(blank, ["zeta zeta"]) == 0
    assert not learner.learned


def test_learning_stops_at_the_limit_and_the_vocab_stops_growing(blank):
    learner = TokenizerLearner(limit=3)
    assert learner(blank, ["w1 w1 w2 w2", "w3 w3 w4 w4"]) == 3
    size = len(blank.vocab)
    assert learner(blank, ["new1 new1 new2 new2"]) == 0
    assert len(learner.learned) == 3
    assert len(blank.vocab) == size
