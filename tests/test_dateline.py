"""Wire datelines, on tokenised sentences (no parse needed)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from pipeline.claims.dateline import dateline_dash, in_dateline


@pytest.mark.parametrize(
    "words,dash",
    [
        ("GENEVA ( AP ) - Malian troops killed civilians .", 4),
        ("OUAGADOUGOU , Oct 3 ( Reuters ) - Damiba resigned .", 7),
        ("UNITED NATIONS - Mali demanded the withdrawal .", 2),
        ("NIAMEY , Niger ( AP ) \u2014 A court lifted the immunity .", 6),
        ("NATO on Monday - a spokesman said .", None),  # no comma, parenthesis or upper word
        ("Mali , Burkina Faso and Niger - all three - left .", None),  # not upper case
        ("ECOWAS said the bloc would meet in Abuja on Friday , its commission said - in a statement .", None),
    ],
)
def test_dateline_dash(vocab_nlp, words, dash):
    doc = Doc(vocab_nlp.vocab, words=words.split(), sent_starts=[True] + [False] * (len(words.split()) - 1))
    found = dateline_dash(doc[:])
    assert (found.i if found is not None else None) == dash
    if dash is not None:
        assert in_dateline(doc[0]) and not in_dateline(doc[dash + 1])
