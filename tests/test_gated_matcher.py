"""The gated matcher gives exactly the plain ``Matcher``'s matches (set, LONGEST filtering
and order) while running a ``Matcher`` only on runs of tokens a pattern token may accept,
with only the patterns whose required tokens the run holds."""

from __future__ import annotations

import random

import pytest
from spacy.matcher import Matcher

from pipeline.dates.gated_matcher import GATE, GatedMatcher
from pipeline.dates.patterns import PATTERNS


def plain_matcher(vocab, patterns):
    matcher = Matcher(vocab)
    for label, label_patterns in patterns.items():
        matcher.add(
            label, [[{k: v for k, v in s.items() if k != GATE} for s in p] for p in label_patterns], greedy="LONGEST"
        )
    return matcher


@pytest.fixture(scope="module")
def matchers(vocab_nlp):
    return plain_matcher(vocab_nlp.vocab, PATTERNS), GatedMatcher(vocab_nlp.vocab, PATTERNS)


@pytest.mark.parametrize(
    "text",
    [
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
    ],
)
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


@pytest.mark.parametrize(
    "pattern",
    [
        [{"TEXT": {"REGEX": r"^[0-9]{4}$"}}],  # REGEX without GATE
        [{"OP": "?"}, {"LOWER": "day"}],  # wildcard at the edge
        [{"LOWER": "the"}, {"OP": "*"}, {"LOWER": "day"}],  # wildcard of any length
        [{"LOWER": {"NOT_IN": ["day"]}}],
        [{"LOWER": "the"}, {"LOWER": "day", "OP": "!"}],  # negated token
    ],
)
def test_ungateable_pattern_is_refused(vocab_nlp, pattern):
    with pytest.raises(ValueError, match="E095|gated matcher cannot tell"):
        GatedMatcher(vocab_nlp.vocab, {"X": [pattern]})


def _possible_labels(gated, doc):
    """The labels of the patterns that can match somewhere in ``doc`` (one run: all of it)."""
    bits = 0
    lower, numeric, table = gated._features(doc)
    for t in range(len(doc)):
        bits |= gated._word_bits.get(int(lower[t]), 0)
        if numeric[t]:
            bits |= gated._kind_bits(doc, t, table, {})
    return {gated.patterns[k][0] for k in gated.possible(bits)}


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("the day", {"ANAPHORIC_DAY"}),  # "the" alone would need a second word
        ("the", set()),
        ("300", set()),  # no number pattern accepts it alone: no Matcher runs
        ("'s", set()),  # not a number, though neither a word nor punctuation
        ("2023", {"YEAR"}),  # not SEASON: "2023 summer" needs the season word too
        ("2023 summer", {"YEAR", "SEASON"}),
        ("Q3", {"QUARTER"}),
        ("10:30", {"TIME"}),
    ],
)
def test_only_patterns_whose_required_tokens_are_present_run(vocab_nlp, matchers, text, labels):
    _, gated = matchers
    possible = _possible_labels(gated, vocab_nlp.make_doc(text))
    assert possible == labels


def test_required_tokens_decide_and_optional_ones_do_not(vocab_nlp):
    patterns = {
        "X": [[{"LOWER": "the", "OP": "?"}, {"LOWER": "day"}, {"LOWER": "after"}]],
        "Y": [[{"LIKE_NUM": True}, {"LOWER": "days"}]],
    }
    gated = GatedMatcher(vocab_nlp.vocab, patterns)
    assert _possible_labels(gated, vocab_nlp.make_doc("day after")) == {"X"}
    assert _possible_labels(gated, vocab_nlp.make_doc("the day")) == set()
    assert _possible_labels(gated, vocab_nlp.make_doc("five days")) == {"Y"}
    assert _possible_labels(gated, vocab_nlp.make_doc("days")) == set()


# words of the patterns, numbers of every form they test, and words no pattern takes
RANDOM_WORDS = [
    "the",
    "of",
    "a",
    "an",
    "last",
    "this",
    "next",
    "early",
    "late",
    "mid",
    "-",
    ",",
    "'",
    "\u2019",
    "day",
    "days",
    "week",
    "year",
    "years",
    "month",
    "weekend",
    "Monday",
    "May",
    "march",
    "August",
    "fall",
    "summer",
    "morning",
    "ago",
    "earlier",
    "later",
    "now",
    "soon",
    "quarter",
    "first",
    "second",
    "half",
    "end",
    "fiscal",
    "fy",
    "FY23",
    "q3",
    "Q5",
    "per",
    "times",
    "every",
    "other",
    "daily",
    "for",
    "in",
    "over",
    "more",
    "than",
    "few",
    "several",
    "2023",
    "1999",
    "1599",
    "5",
    "31st",
    "32nd",
    "10:30",
    "24:00",
    "1430",
    "9",
    "pm",
    "GMT",
    "'90s",
    "1990s",
    "mid-1990s",
    "2023-08-09",
    "8/9/2023",
    "'s",
    "U.S.",
    "300",
    "1,500",
    "3.5",
    "five",
    "said",
    "troops",
    "century",
    "21st",
    "noon",
    "recent",
    "near",
    "future",
    "past",
    "point",
    "same",
    "that",
    "and",
]


def test_random_token_strings_give_the_plain_matches(vocab_nlp, matchers):
    plain, gated = matchers
    rnd = random.Random(7)
    found = 0
    for _ in range(3000):
        doc = vocab_nlp.make_doc(" ".join(rnd.choice(RANDOM_WORDS) for _ in range(rnd.randint(1, 12))))
        expected = plain(doc)
        assert gated(doc) == expected, doc.text
        found += len(expected)
    assert found > 1000  # the strings do hold dates


@pytest.mark.parametrize(
    "text",
    [
        "The end of the talks came in a week of the day.",  # runs of pattern words without an anchor
        "Of the three, the one from the past and the one of the future",
        "a a a the the of 5 of the year",
    ],
)
def test_runs_without_anchor_give_the_plain_matches(vocab_nlp, matchers, text):
    plain, gated = matchers
    doc = vocab_nlp.make_doc(text)
    assert gated(doc) == plain(doc)


def test_matchers_first_built_inside_a_memory_zone_still_match_after_it(vocab_nlp):
    patterns = {"X": [[{"LOWER": "the"}, {"LOWER": "zonal"}, {"LOWER": "day"}]], "Y": [[{"LOWER": "noon"}]]}
    gated, plain = GatedMatcher(vocab_nlp.vocab, patterns), plain_matcher(vocab_nlp.vocab, patterns)
    text = "At noon the zonal day began, the zonal day of Mzyxq."
    with vocab_nlp.memory_zone():
        inside = gated(vocab_nlp.make_doc(text))
    after = vocab_nlp.make_doc(text)
    assert gated(after) == inside == plain(after)
    assert len(inside) == 3
