"""The gated matcher gives exactly the plain ``Matcher``'s matches (set, LONGEST filtering
and order) while running it only on runs of tokens a pattern token may accept."""

from __future__ import annotations

import pytest
from spacy.matcher import Matcher

from pipeline.rules.gated_matcher import GATE, GatedMatcher
from pipeline.rules.timex_patterns import PATTERNS


def plain_matcher(vocab, patterns):
    matcher = Matcher(vocab)
    for label, label_patterns in patterns.items():
        matcher.add(label, [[{k: v for k, v in s.items() if k != GATE} for s in p] for p in label_patterns],
                    greedy="LONGEST")
    return matcher


@pytest.fixture(scope="module")
def matchers(vocab_nlp):
    return plain_matcher(vocab_nlp.vocab, PATTERNS), GatedMatcher(vocab_nlp.vocab, PATTERNS)


@pytest.mark.parametrize("text", [
    "On Monday, August 9, 2023 at 10:30 a.m. GMT the junta spoke.",
    "Talks resumed 5 May 2023, not May 5, 3000, and ended on the 31st of May; the 32nd of May is no date.",
    "Troops left in the mid-1990s, the '90s and the \u201990s; 1599 is not a year here but 1600 and 2199 are.",
    "In FY23, fy'2023 and Q3 2023 revenue fell; q5 is nothing; see 2023-08-09 and 8/9/2023 and 12/31/23.",
    "At 1430 GMT on Tuesday, not 2430 GMT; at 9 pm and 23:59 but not 24:00.",
    "The past few long days, the last two weeks, the next 48 hours and a year ago.",
    "Reporters said the fall of Niamey was feared; the 21st century; twice a year; 15 times a year.",
    "",
    "2023",
    "the day",
])
def test_same_matches_as_the_plain_matcher(vocab_nlp, matchers, text):
    plain, gated = matchers
    doc = vocab_nlp.make_doc(text)
    assert gated(doc) == plain(doc)


def test_gate_marks_only_tokens_a_pattern_may_accept(vocab_nlp, matchers):
    _, gated = matchers
    doc = vocab_nlp.make_doc("Reporters said 2023 was the worst year, FY23 too")
    marked = {t.text for t, mark in zip(doc, gated.gate(doc), strict=True) if mark}
    assert {"2023", "the", "year", "FY23", ","} <= marked
    assert not marked & {"Reporters", "said", "worst", "was", "too"}


def test_wildcard_between_words_is_bridged(vocab_nlp):
    patterns = {"X": [[{"LOWER": "the"}, {"OP": "?"}, {"LOWER": "day"}]]}
    gated, plain = GatedMatcher(vocab_nlp.vocab, patterns), plain_matcher(vocab_nlp.vocab, patterns)
    doc = vocab_nlp.make_doc("It was the longest day and the day after.")
    assert gated(doc) == plain(doc)
    assert len(gated(doc)) == 2


@pytest.mark.parametrize("pattern", [
    [{"TEXT": {"REGEX": r"^[0-9]{4}$"}}],  # REGEX without GATE
    [{"OP": "?"}, {"LOWER": "day"}],  # wildcard at the edge
    [{"LOWER": "the"}, {"OP": "*"}, {"LOWER": "day"}],  # wildcard of any length
    [{"LOWER": {"NOT_IN": ["day"]}}],
    [{"LOWER": "the"}, {"LOWER": "day", "OP": "!"}],  # negated token
])
def test_ungateable_pattern_is_refused(vocab_nlp, pattern):
    with pytest.raises(ValueError, match="E095|gated matcher cannot tell"):
        GatedMatcher(vocab_nlp.vocab, {"X": [pattern]})


@pytest.mark.parametrize(("pattern", "anchor"), [
    ([{"LOWER": "the"}, {"LOWER": "day"}], {"day"}),  # the required token fewest common words fill
    ([{"LOWER": {"IN": ["a", "an"]}, "OP": "?"}, {"LOWER": "week"}], {"week"}),  # never an optional one
    ([{"LOWER": "the"}, {"LOWER": {"IN": ["past", "future"]}}], {"past", "future"}),
    ([{"LOWER": "the", "OP": "?"}, {"LOWER": "day", "OP": "?"}], {"the", "day"}),  # none required: all
])
def test_anchor_is_a_required_token(vocab_nlp, pattern, anchor):
    gated = GatedMatcher(vocab_nlp.vocab, {"X": [pattern]})
    assert gated.anchor_words == anchor


@pytest.mark.parametrize("text", [
    "The end of the talks came in a week of the day.",  # runs of pattern words without an anchor
    "Of the three, the one from the past and the one of the future",
    "a a a the the of 5 of the year",
])
def test_runs_without_anchor_give_the_plain_matches(vocab_nlp, matchers, text):
    plain, gated = matchers
    doc = vocab_nlp.make_doc(text)
    assert gated(doc) == plain(doc)
