"""pipeline.api batching: input order, failure isolation, memory zones, progress.

The batching tests run a blank English pipeline with a sentencizer and a component that
fails on one text, so they test the batching code, not the model.
"""

from __future__ import annotations

import json

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from pipeline import api
from pipeline.errors import InputError, Warnings
from pipeline.models import Article, ArticleMeta, DocumentResult, RunSummary

FAIL_WORD = "EXPLODE"


@Language.component("test_fail_on_word")
def fail_on_word(doc: Doc) -> Doc:
    if any(t.text == FAIL_WORD for t in doc):
        raise RuntimeError("component failed on purpose")
    return doc


@pytest.fixture(scope="module")
def blank_nlp() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("test_fail_on_word")
    return nlp


def article(i: int, text: str | None = None) -> Article:
    return Article(
        meta=ArticleMeta(id=f"a{i}", published="2023-08-09"), text=text or f"Article {i} is here.", origin=f"f{i}"
    )


def ids(results: list[DocumentResult | InputError]) -> list[str]:
    return [r.article.id if isinstance(r, DocumentResult) else f"error:{r}"[:12] for r in results]


@pytest.mark.parametrize("batch_size", [1, 2, 3, 16])
def test_process_articles_keeps_input_order(blank_nlp, batch_size):
    items = [article(i) for i in range(7)]
    results = list(api.process_articles(items, nlp=blank_nlp, batch_size=batch_size))
    assert ids(results) == [f"a{i}" for i in range(7)]


@pytest.mark.parametrize("batch_size", [1, 2, 4])
def test_process_articles_passes_input_errors_through_in_place(blank_nlp, batch_size):
    items = [article(0), InputError("bad.txt: empty body"), article(2), InputError("bad.jsonl:4: not JSON")]
    results = list(api.process_articles(items, nlp=blank_nlp, batch_size=batch_size))
    assert isinstance(results[0], DocumentResult) and results[0].article.id == "a0"
    assert results[1] is items[1]
    assert isinstance(results[2], DocumentResult) and results[2].article.id == "a2"
    assert results[3] is items[3]


@pytest.mark.parametrize("position", [0, 2, 4])
@pytest.mark.parametrize("batch_size", [1, 5, 16])
def test_failing_article_is_skipped_and_the_rest_go_on(blank_nlp, position, batch_size):
    items = [article(i) for i in range(5)]
    items[position] = article(position, f"This one will {FAIL_WORD} now.")
    results = list(api.process_articles(items, nlp=blank_nlp, batch_size=batch_size))
    assert len(results) == 5
    failed = results[position]
    assert isinstance(failed, InputError)
    assert f"f{position}" in str(failed) and "RuntimeError" in str(failed)
    others = [r for i, r in enumerate(results) if i != position]
    assert [r.article.id for r in others] == [f"a{i}" for i in range(5) if i != position]


def test_an_article_over_max_article_chars_is_skipped_naming_its_length(blank_nlp, monkeypatch):
    monkeypatch.setitem(blank_nlp.meta, "sahel", {"max_article_chars": 1_000})
    items = [article(0), article(1, "Niger closed its airspace. " * 100), article(2)]
    results = list(api.process_articles(items, nlp=blank_nlp, batch_size=2))
    assert ids(results)[0::2] == ["a0", "a2"]
    assert str(results[1]) == (
        "[E051] f1: article of 2,700 characters, over the 1,000 a run takes (max_article_chars in the pipeline "
        "config): split it into articles, or raise the limit"
    )


def test_the_pipeline_takes_max_article_chars_from_its_config(nlp):
    assert nlp.meta["sahel"]["max_article_chars"] == 200_000


def test_doc_extensions_reach_the_components(blank_nlp):
    seen = []

    @Language.component("test_record_published")
    def record(doc: Doc) -> Doc:
        seen.append((doc._.article_id, doc._.published))
        return doc

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("test_record_published")
    no_date = Article(meta=ArticleMeta(id="x"), text="No date here.")
    results = list(api.process_articles([article(1), no_date], nlp=nlp))
    assert [(i, str(d) if d else None) for i, d in seen] == [("a1", "2023-08-09"), ("x", None)]
    assert results[1].warnings and "published" in results[1].warnings[0]


def test_memory_zone_frees_new_strings_between_batches(blank_nlp):
    strings = len(blank_nlp.vocab.strings)
    words = " ".join(f"zzyzx{i}" for i in range(200))
    list(api.process_articles([article(0, words), article(1, words + " again.")], nlp=blank_nlp, batch_size=1))
    assert len(blank_nlp.vocab.strings) <= strings + 5


@pytest.mark.slow
def test_same_article_in_later_batch_gives_same_record(nlp):
    """Catches a stage that adds vocab strings lazily inside a memory zone and uses them
    in a later batch (they are freed when the zone closes)."""
    text = (
        "Niger's junta closed the airspace on Sunday, officials told the Associated Press.\n\n"
        "ECOWAS leaders will meet on Thursday in Abuja to discuss the coup."
    )
    items = [Article(meta=ArticleMeta(id=f"n{i}", published="2023-08-09"), text=text) for i in range(3)]
    first, second, third = (r.model_dump() for r in api.process_articles(items, nlp=nlp, batch_size=1))
    for later in (second, third):
        later["article"]["id"] = first["article"]["id"]
        assert later == first


@pytest.mark.slow
def test_extract_calls_progress_for_every_article_and_skips_bad_lines(nlp, tmp_path):
    batch = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "one", "published": "2023-08-09", "text": "Mali's army said it left the base."}),
        "{not json",
        json.dumps({"id": "two", "published": "2023-08-09", "text": "Burkina Faso recalled its envoy."}),
    ]
    batch.write_text("\n".join(lines) + "\n", encoding="utf-8")
    calls: list[int] = []
    out = tmp_path / "out.jsonl"
    summary = api.extract([batch], output=out, progress=calls.append)
    assert calls == [1, 2, 3]
    assert (summary.processed, summary.skipped) == (2, 1)
    assert "batch.jsonl:2" in summary.errors[0]
    assert [json.loads(x)["article"]["id"] for x in out.read_text().splitlines()] == ["one", "two"]


@pytest.mark.slow
def test_iter_extract_streams_results(nlp, tmp_path):
    batch = tmp_path / "many.jsonl"
    batch.write_text(
        "".join(json.dumps({"id": f"a{i}", "text": f"Article {i}: troops left Gao."}) + "\n" for i in range(40)),
        encoding="utf-8",
    )
    summary = RunSummary()
    stream = api.iter_extract([batch], nlp=nlp, summary=summary, batch_size=4)
    first = next(stream)
    assert first.article.id == "a0" and summary.processed <= 4
    assert [r.article.id for r in stream] == [f"a{i}" for i in range(1, 40)]


# --------------------------------------------------------------------------- bounded summary


def test_summary_of_a_run_with_many_skips_keeps_exact_counts_and_the_first_examples(blank_nlp, tmp_path):
    from pipeline.models import SUMMARY_EXAMPLES

    n_bad, n_empty = SUMMARY_EXAMPLES + 30, 7
    lines = ['{"id": "broken"'] * n_bad + [json.dumps({"id": f"e{i}", "text": " "}) for i in range(n_empty)]
    lines += [json.dumps({"id": "ok", "text": "A body."})]  # no 'published': one warning
    batch = tmp_path / "batch.jsonl"
    batch.write_text("\n".join(lines) + "\n", encoding="utf-8")
    summary, reported = RunSummary(), []
    done = list(api.iter_extract([batch], nlp=blank_nlp, summary=summary, report=lambda *a: reported.append(a)))
    assert [r.article.id for r in done] == ["ok"]
    assert (summary.processed, summary.skipped) == (1, n_bad + n_empty)
    assert summary.error_counts == {"E008": n_bad, "E006": n_empty}
    assert summary.warning_counts == {"W001": 1}
    assert len(summary.errors) == SUMMARY_EXAMPLES
    assert [e.split(": ")[0] for e in summary.errors] == [f"[E008] {batch}:{i}" for i in range(1, SUMMARY_EXAMPLES + 1)]
    # every skip was reported as it happened, in order, with its code
    errors = [(code, message) for kind, code, message in reported if kind == "error"]
    assert len(errors) == n_bad + n_empty
    assert [m.split(": ")[0] for _, m in errors] == [
        f"[{'E008' if i <= n_bad else 'E006'}] {batch}:{i}" for i in range(1, n_bad + n_empty + 1)
    ]
    assert all(message.startswith(f"[{code}] ") for code, message in errors)
    assert errors[-1][0] == "E006"


def test_summary_add_counts_by_code_beyond_the_examples():
    from pipeline.models import SUMMARY_EXAMPLES

    summary = RunSummary()
    for i in range(SUMMARY_EXAMPLES + 5):
        assert summary.add("warning", Warnings.W001.format(path=f"x.jsonl:{i}")) == "W001"
    assert summary.add("error", "not one of ours") == "other"
    assert summary.warning_counts == {"W001": SUMMARY_EXAMPLES + 5} and len(summary.warnings) == SUMMARY_EXAMPLES
    assert summary.error_counts == {"other": 1} and summary.errors == ["not one of ours"]
    assert summary.skipped == 0
