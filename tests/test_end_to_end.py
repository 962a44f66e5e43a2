"""The seed article, and every annotated article of corpora/, through the full pipeline,
scored against their hand-annotated gold.

Prints the figures (run with ``-s`` to see them). FLOORS holds the minimum figures the
lead sets; a figure below its floor fails the test.
"""

from __future__ import annotations

import pytest
from conftest import ROOT, SEED_ID

from pipeline import api
from pipeline.io import read_article
from pipeline.models import ScoreReport
from pipeline.scoring.gold import load_gold_documents
from pipeline.scoring.report import format_report
from pipeline.scoring.score import micro_total, score_article

GOLD_DIR = ROOT / "gold"
CORPUS_DIR = ROOT / "corpora"

# (layer, measure, field) -> minimum. The issue targets, a little under what the seed
# reaches, so that a regression fails here before it reaches users.
FLOORS: dict[tuple[str, str, str], float] = {
    ("entities", "strict", "f1"): 0.90,
    ("entities", "linking", "accuracy"): 0.90,
    ("dates", "relaxed", "f1"): 0.90,
    ("dates", "value_f1", "f1"): 0.90,
    ("claims", "core", "f1"): 0.85,
    ("claims", "strict", "f1"): 0.80,
    ("sentences", "boundaries", "f1"): 0.95,
}


def assert_floors(figures: dict, floors: dict[tuple[str, str, str], float], what: str) -> None:
    for (layer, measure, field), floor in floors.items():
        value = figures[layer][measure][field]
        assert value >= floor, f"{what} {layer} {measure} {field} = {value:.3f} < floor {floor}"


@pytest.fixture(scope="module")
def seed_gold():
    if not (GOLD_DIR / f"{SEED_ID}.yaml").is_file():
        pytest.skip(f"no gold for the seed at {GOLD_DIR}")
    docs, _ = load_gold_documents(GOLD_DIR, corpus=CORPUS_DIR)
    return docs[SEED_ID]


def test_end_to_end_repo_gold_is_valid(seed_gold):
    gold = seed_gold.gold
    assert seed_gold.body is not None
    assert all(layer is not None for layer in (gold.sentences, gold.entities, gold.dates, gold.claims))


@pytest.mark.slow
def test_end_to_end_seed_scores(nlp, seed_gold):
    article = read_article(CORPUS_DIR / f"{SEED_ID}.txt")
    (result,) = api.process_articles([article], nlp=nlp)
    assert not isinstance(result, Exception), result
    scores = score_article(seed_gold.gold, result, body=seed_gold.body)
    print("\n" + format_report(ScoreReport(articles=[scores], total=micro_total([scores])), max_errors=30))
    figures = scores.model_dump()
    assert_floors(figures, FLOORS, "seed")
    for layer in ("entities", "dates", "claims", "sentences"):
        assert figures[layer] is not None
    assert not scores.contradictions, "a claim whose negation is wrong: the worst error"


# Every annotated article of corpora/ (the seed, ten development articles, the six articles
# first scored blind in November, six development articles in the styles of real text,
# dev3-*, and the seven of them first scored blind in December, blind3-*; README "How good
# it is"): micro totals, floors a little under the figures of 2026-12-07,
# so that a change that helps one article and hurts the others fails here.
CORPUS_FLOORS: dict[tuple[str, str, str], float] = {
    ("entities", "strict", "f1"): 0.95,
    ("entities", "linking", "accuracy"): 0.95,
    ("dates", "value_f1", "f1"): 0.93,
    ("claims", "core", "f1"): 0.55,
    ("claims", "strict", "f1"): 0.46,
    ("sentences", "boundaries", "f1"): 0.97,
}


@pytest.mark.slow
def test_end_to_end_every_annotated_article(nlp):
    docs, _ = load_gold_documents(GOLD_DIR, corpus=CORPUS_DIR)
    if len(docs) < 2:
        pytest.skip("fewer than two annotated articles")
    articles = [read_article(CORPUS_DIR / f"{article_id}.txt") for article_id in sorted(docs)]
    results = api.process_articles(articles, nlp=nlp)
    scores = []
    for result, article_id in zip(results, sorted(docs), strict=True):
        assert not isinstance(result, Exception), result
        scores.append(score_article(docs[article_id].gold, result, body=docs[article_id].body))
    total = micro_total(scores)
    print("\n" + format_report(ScoreReport(articles=scores, total=total), max_errors=0))
    assert_floors(total.model_dump(), CORPUS_FLOORS, "total")
    assert not total.contradictions, "a claim whose negation is wrong: the worst error"


# The real development set (../shared/data/real: U.S. government and UN statements, VOA;
# gold by independent annotators to SPEC revision 2): floors a little under the figures of
# 2026-12-07 (claims core F1 0.458, P 0.613; entities 0.917; date values 0.903); raised the
# same day at the end of session 5 (claims core F1 0.591, P 0.814, facts 0.596).
REAL_FLOORS: dict[tuple[str, str, str], float] = {
    ("entities", "strict", "f1"): 0.90,
    ("dates", "value_f1", "f1"): 0.88,
    ("claims", "core", "f1"): 0.57,
    ("claims", "core", "precision"): 0.78,
    ("claims", "facts", "f1"): 0.57,
}


@pytest.mark.slow
def test_end_to_end_real_development_set(nlp, real_dir):
    docs, _ = load_gold_documents(real_dir / "gold", corpus=real_dir / "corpora")
    articles = [read_article(real_dir / "corpora" / f"{article_id}.txt") for article_id in sorted(docs)]
    scores = []
    for result, article_id in zip(api.process_articles(articles, nlp=nlp), sorted(docs), strict=True):
        assert not isinstance(result, Exception), result
        scores.append(score_article(docs[article_id].gold, result, body=docs[article_id].body))
    total = micro_total(scores)
    print("\n" + format_report(ScoreReport(articles=scores, total=total), max_errors=0))
    assert_floors(total.model_dump(), REAL_FLOORS, "real")
    assert not total.contradictions, "a claim whose negation is wrong: the worst error"
