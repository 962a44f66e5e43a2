"""clause_date's sentence test on hand-built parses (the scoping rules are in test_dates.py)."""

from __future__ import annotations

import pytest
from docbuild import build
from spacy.tokens import Span

from pipeline.claims.attributes.date import _in_sentence, clause_date

TWO_SENTENCES = """
    Troops troop NOUN NNS 1 nsubj  # 0
    left leave VERB VBD 1 ROOT  # 1
    on on ADP IN 1 prep  # 2
    Monday Monday PROPN NNP 2 pobj  # 3
    . . PUNCT . 1 punct  # 4
    Talks talk NOUN NNS 6 nsubj  # 5
    resumed resume VERB VBD 6 ROOT  # 6
    . . PUNCT . 6 punct  # 7
"""


def test_a_date_of_another_sentence_is_not_the_claims(vocab_nlp):
    doc = build(vocab_nlp.vocab, TWO_SENTENCES, spans={"sahel_dates": [(3, 4, "DATE")]})
    dates = doc.spans["sahel_dates"]
    assert clause_date(doc[1], dates).text == "Monday"
    assert clause_date(doc[6], dates) is None


@pytest.mark.parametrize("hook", [None, "doc", "token"])
def test_in_sentence_is_span_sent_equality(vocab_nlp, hook):
    # spaCy's Span.sent is the sentence of the span's first token, also for a span that
    # runs into the next sentence; a Doc with a sentence hook is asked through it
    doc = build(vocab_nlp.vocab, TWO_SENTENCES)
    if hook == "doc":
        doc.user_hooks["sents"] = lambda d: iter([d[0 : len(d)]])
    elif hook == "token":
        doc.user_token_hooks["sent"] = lambda t: t.doc[0 : len(t.doc)]
    spans = [Span(doc, s, e) for s in range(len(doc)) for e in range(s + 1, len(doc) + 1)]
    for token in doc:
        sent = token.sent
        assert [_in_sentence(span, sent) for span in spans] == [span.sent == sent for span in spans]
