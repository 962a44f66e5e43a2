"""Sentence rules: tested on tokenised Docs (no model), and once through the parser."""

from __future__ import annotations

import pytest

from pipeline.sentences.rules import sentence_constraints, sentence_offsets

ABBREVS = ["U.S.", "Gen."]


@pytest.mark.parametrize(
    "text, token, expected",
    [
        ('They cited "security concerns." Then they left.', '"', False),
        ('They cited "security concerns." Then they left.', "Then", True),
        ("He said (in private.) Nothing else.", ")", False),
        ("Talks with the U.S. State Department stalled.", "State", False),
        ("Gen. Tiani spoke.", "Tiani", False),
        ("First paragraph ends here\n\nsecond one starts lowercase.", "second", True),
        ("A title line\nDecember 10, 2013\nBody.", "December", True),
    ],
)
def test_constraints(vocab_nlp, text, token, expected):
    doc = vocab_nlp.make_doc(text)
    constraints = sentence_constraints(doc, ABBREVS)
    idx = max(t.i for t in doc if t.text == token)  # the last one: closing quotes
    assert constraints.get(idx) is expected


def test_hard_wrapped_line_is_not_a_boundary(vocab_nlp):
    doc = vocab_nlp.make_doc("The junta said on Sunday that\nit would close the airspace.")
    idx = next(t.i for t in doc if t.text == "it")
    assert idx not in sentence_constraints(doc, ABBREVS)


def test_paragraph_break_wins_over_abbreviation(vocab_nlp):
    doc = vocab_nlp.make_doc("Troops came from the U.S.\n\nNext, France.")
    idx = next(t.i for t in doc if t.text == "Next")
    assert sentence_constraints(doc, ABBREVS)[idx] is True


def test_pipeline_sentences_keep_quotes_and_paragraphs(nlp):
    text = (
        'However, the coup leaders declined their visit citing "security concerns."\n\n'
        "Talks with the U.S. State Department stalled. The U.S. warned Niger."
    )
    doc = nlp(text)
    offsets = sentence_offsets(doc)
    sents = [text[s:e] for s, e in offsets]
    assert sents == [
        'However, the coup leaders declined their visit citing "security concerns."',
        "Talks with the U.S. State Department stalled.",
        "The U.S. warned Niger.",
    ]


def test_length_bound_cuts_a_run_without_full_stop_every_max_tokens(vocab_nlp):
    from pipeline.sentences.rules import length_boundaries

    doc = vocab_nlp.make_doc(" ".join(["Niger"] * 600) + ". Mali left.")
    assert list(length_boundaries(doc, 256)) == [(256, True), (512, True)]
    assert sentence_constraints(doc, ABBREVS, max_tokens=256) == {256: True, 512: True}
    assert sentence_constraints(doc, ABBREVS, max_tokens=None) == {}


def test_length_bound_counts_from_each_possible_end_and_skips_whitespace(vocab_nlp):
    from pipeline.sentences.rules import length_boundaries

    words = ["w"] * 20 + ["."] + ["w"] * 10 + ["  "] + ["w"] * 5
    doc = vocab_nlp.make_doc(" ".join(words))
    assert doc[20].text == "." and doc[31].is_space  # the extra spaces are a token of their own
    assert list(length_boundaries(doc, 10)) == [(10, True), (32, True)]  # 31 is whitespace: 32
    # a start that a rule set (a paragraph) restarts the count
    assert list(length_boundaries(doc, 10, starts=[25])) == [(10, True), (35, True)]


def test_length_bound_leaves_ordinary_text_alone(vocab_nlp):
    from pipeline.sentences.rules import length_boundaries

    sentence = "The junta, which seized power in July, closed the airspace on Sunday, officials said. "
    assert list(length_boundaries(vocab_nlp.make_doc(sentence * 200), 256)) == []


@pytest.mark.slow
def test_pipeline_keeps_sentences_under_the_bound_on_a_list_without_full_stop(nlp):
    names = ", ".join(["Niger", "Mali", "Burkina Faso", "ECOWAS"] * 150) + " condemned the coup."
    doc = nlp(names)
    assert max(len(s) for s in doc.sents) <= nlp.get_pipe("sahel_sentences").max_tokens == 256
