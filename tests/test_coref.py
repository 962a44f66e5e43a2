"""Pronouns and descriptions to their antecedents (the rule of pipeline.rules.coref),
on hand-built parses."""

from __future__ import annotations

import pytest
from docbuild import build

from pipeline.rules.coref import MentionIndex, description_kind, pronoun_class

ACTORS = ["leader", "country", "legislator", "organization"]

CASES = [
    pytest.param(
        """
        Nuland Nuland PROPN NNP 1 nsubj B-PERSON
        visited visit VERB VBD 1 ROOT
        Niger Niger PROPN NNP 1 dobj B-GPE
        . . PUNCT . 1 punct
        She she PRON PRP 5 nsubj
        proposed propose VERB VBD 5 ROOT
        talks talk NOUN NNS 5 dobj
        . . PUNCT . 5 punct
        """,
        4,
        (),
        ["Nuland"],
        id="she: the nearest person, not the country",
    ),
    pytest.param(
        """
        Mali Mali PROPN NNP 3 nsubj B-GPE
        and and CCONJ CC 0 cc
        Chad Chad PROPN NNP 0 conj B-GPE
        met meet VERB VBD 3 ROOT
        . . PUNCT . 3 punct
        Both both DET DT 6 det
        nations nation NOUN NNS 7 nsubj
        agreed agree VERB VBD 7 ROOT
        . . PUNCT . 7 punct
        """,
        6,
        (),
        ["Mali", "Chad"],
        id="both nations: the coordination of two countries",
    ),
    pytest.param(
        """
        ECOWAS ECOWAS PROPN NNP 1 nsubj B-ORG
        met meet VERB VBD 1 ROOT
        in in ADP IN 1 prep
        Abuja Abuja PROPN NNP 2 pobj B-GPE
        , , PUNCT , 1 punct
        but but CCONJ CC 1 cc
        the the DET DT 7 det
        organization organization NOUN NN 8 nsubj
        waited wait VERB VBD 1 conj
        . . PUNCT . 1 punct
        """,
        7,
        (),
        ["ECOWAS"],
        id="the organization: the nearest organisation",
    ),
    pytest.param(
        """
        Though though SCONJ IN 2 mark
        they they PRON PRP 2 nsubj
        refused refuse VERB VBD 6 advcl
        talks talk NOUN NNS 2 dobj
        , , PUNCT , 6 punct
        legislators legislator NOUN NNS 6 nsubj
        met meet VERB VBD 6 ROOT
        . . PUNCT . 6 punct
        """,
        1,
        (),
        ["legislators"],
        id="a pronoun in a fronted clause takes the main clause's subject",
    ),
    pytest.param(
        """
        The the DET DT 1 det
        leaders leader NOUN NNS 2 nsubj
        contacted contact VERB VBD 2 ROOT
        Wagner Wagner PROPN NNP 2 dobj B-ORG
        , , PUNCT , 2 punct
        seeking seek VERB VBG 2 advcl
        their their PRON PRP$ 7 poss
        support support NOUN NN 5 dobj
        . . PUNCT . 2 punct
        """,
        6,
        ("leaders",),
        ["Wagner"],
        id="the possessor of an object is not the clause's subject",
    ),
]


@pytest.mark.parametrize(("table", "i", "exclude", "expected"), CASES)
def test_coref_resolves(vocab_nlp, table, i, exclude, expected):
    doc = build(vocab_nlp.vocab, table)
    index = MentionIndex(doc, actor_nouns=ACTORS)
    assert [a.text for a in index.resolve(doc[i], exclude=exclude)] == expected


def test_coref_unknown_pronoun_is_empty(vocab_nlp):
    doc = build(vocab_nlp.vocab, "He he PRON PRP 1 nsubj\nleft leave VERB VBD 1 ROOT")
    assert MentionIndex(doc).resolve(doc[0]) == ()


@pytest.mark.parametrize(
    ("table", "i", "expected"),
    [
        ("the the DET DT 1 det\ngroup group NOUN NN 1 ROOT", 1, ("ORG", False)),
        ("both both DET DT 1 det\nnations nation NOUN NNS 1 ROOT", 1, ("GPE", True)),
        ("a a DET DT 1 det\ngroup group NOUN NN 1 ROOT", 1, None),
    ],
)
def test_coref_description_kind(vocab_nlp, table, i, expected):
    assert description_kind(build(vocab_nlp.vocab, table)[i]) == expected


def test_coref_pronoun_classes(vocab_nlp):
    doc = build(vocab_nlp.vocab, "they they PRON PRP 1 nsubj\nsaw see VERB VBD 1 ROOT\nher she PRON PRP 1 dobj")
    assert (pronoun_class(doc[0]), pronoun_class(doc[1]), pronoun_class(doc[2])) == ("plural", None, "person")
