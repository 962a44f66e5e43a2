"""One-to-one matching: maximal first, then the best preference."""

from __future__ import annotations

from pipeline.scoring.matching import match_pairs


def test_scoring_match_pairs_is_maximal_not_greedy():
    # gold 0 fits both predictions, gold 1 only the first: greedy would pair (0, 0).
    edges = {(0, 0): 5, (0, 1): 0, (1, 0): 0}
    assert match_pairs(2, 2, lambda g, p: edges.get((g, p))) == [(0, 1), (1, 0)]


def test_scoring_match_pairs_prefers_weight_among_maximal():
    edges = {(0, 0): 1, (0, 1): 3, (1, 2): 0}
    assert match_pairs(2, 3, lambda g, p: edges.get((g, p))) == [(0, 1), (1, 2)]


def test_scoring_match_pairs_large_component():
    n = 7
    pairs = match_pairs(n, n, lambda g, p: 1 if g == p else (0 if abs(g - p) == 1 else None))
    assert pairs == [(i, i) for i in range(n)]


def test_matching_more_gold_than_predictions():
    edges = {(0, 0): 0, (1, 0): 2, (2, 0): 1, (2, 1): 0}
    assert match_pairs(3, 2, lambda g, p: edges.get((g, p))) == [(1, 0), (2, 1)]


def test_matching_nothing_compatible():
    assert match_pairs(2, 3, lambda g, p: None) == []
