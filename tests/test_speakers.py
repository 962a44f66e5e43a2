"""Who speaks (pipeline/claims/speakers.py): first person, quotations, members of a body.

Dependency-level rules on hand-built Docs; the issuer of a publisher line against the real
gazetteer; end to end, one short statement per convention of SPEC section 4 (revision 2).
"""

import pytest
from docbuild import build
from spacy.tokens import Span

from pipeline import api
from pipeline.claims.coref import MentionIndex
from pipeline.claims.speakers import in_quotation, is_first_person, quotation_start, speaker_ids

WE_URGE = """
We we PRON PRP 1 nsubj
urge urge VERB VBP 1 ROOT
Mali Mali PROPN NNP 1 dobj B-GPE
. . PUNCT . 1 punct
"""

MEMBERS = """
The the DET DT 1 det
members member NOUN NNS 5 nsubj
of of ADP IN 1 prep
the the DET DT 4 det
Council Council PROPN NNP 2 pobj B-ORG
condemned condemn VERB VBD 5 ROOT
it it PRON PRP 5 dobj
. . PUNCT . 5 punct
"""

REPRESENTATIVES = """
representatives representative NOUN NNS 4 nsubj
of of ADP IN 0 prep
Mali Mali PROPN NNP 1 pobj B-GPE
and and CCONJ CC 2 cc
met meet VERB VBD 4 ROOT
"""


def test_in_quotation_curly_and_straight_quotes():
    text = 'He said, \u201cWe urge calm.\u201d We left. "We stay," she said.'
    assert in_quotation(text, text.index("We urge"))
    assert not in_quotation(text, text.index("We left"))
    assert in_quotation(text, text.index("We stay"))
    assert not in_quotation(text, text.index("she"))


def test_in_quotation_ends_at_a_paragraph_break():
    text = "\u201cWe urge calm.\n\nWe left."
    assert not in_quotation(text, text.index("We left"))


def test_first_person_is_a_pronoun_not_the_country(vocab_nlp):
    doc = build(vocab_nlp.vocab, WE_URGE)
    assert is_first_person(doc[0]) and not is_first_person(doc[2])
    us = build(vocab_nlp.vocab, "the the DET DT 1 det\nUS US PROPN NNP 1 ROOT B-GPE")
    assert not is_first_person(us[1])


def test_we_outside_quotes_is_the_issuer(vocab_nlp):
    doc = build(vocab_nlp.vocab, WE_URGE)
    index = MentionIndex(doc, speakers=("United_States",))
    assert [a.id for a in index.speaker_args(doc[0])] == ["United_States"]
    assert index.is_actor(doc[0])
    assert MentionIndex(doc).speaker_args(doc[0]) == ()  # no issuer known: nothing


def test_members_of_a_body_denote_the_body(vocab_nlp):
    doc = build(vocab_nlp.vocab, MEMBERS)
    doc.ents = [Span(doc, 4, 5, label="ORG", kb_id="United_Nations_Security_Council")]
    index = MentionIndex(doc, actor_nouns=["member"])
    assert [a.id for a in index.members_of(doc[1])] == ["United_Nations_Security_Council"]
    assert index.group_arg(doc[1]).id == "United_Nations_Security_Council"


def test_leaders_of_a_bloc_denote_the_bloc_one_leader_does_not(vocab_nlp):
    table = """
the the DET DT 1 det
{noun} leader NOUN {tag} 4 nsubj
of of ADP IN 1 prep
ECOWAS ECOWAS PROPN NNP 2 pobj B-ORG
met meet VERB VBD 4 ROOT
"""
    for noun, tag, expected in (
        ("leaders", "NNS", ["Economic_Community_of_West_African_States"]),
        ("leader", "NN", []),
    ):
        doc = build(vocab_nlp.vocab, table.format(noun=noun, tag=tag))
        doc.ents = [Span(doc, 3, 4, label="ORG", kb_id="Economic_Community_of_West_African_States")]
        index = MentionIndex(doc, actor_nouns=["leader"])
        assert [a.id for a in index.members_of(doc[1])] == expected


def test_representatives_of_two_states_are_both(vocab_nlp):
    table = REPRESENTATIVES.replace(
        "and and CCONJ CC 2 cc\n", "and and CCONJ CC 2 cc\nNiger Niger PROPN NNP 2 conj B-GPE\n"
    )
    table = table.replace("met meet VERB VBD 4 ROOT", "met meet VERB VBD 5 ROOT").replace("NNS 4 nsubj", "NNS 5 nsubj")
    doc = build(vocab_nlp.vocab, table)
    doc.ents = [Span(doc, 2, 3, label="GPE", kb_id="Mali"), Span(doc, 4, 5, label="GPE", kb_id="Niger")]
    assert [a.id for a in MentionIndex(doc).members_of(doc[0])] == ["Mali", "Niger"]


def test_speaker_ids_name_the_body_the_speaker_speaks_for(vocab_nlp):
    doc = build(
        vocab_nlp.vocab,
        """
State State PROPN NNP 1 compound B-ORG
Department Department PROPN NNP 3 compound I-ORG
spokesperson spokesperson NOUN NN 3 compound
Ortagus Ortagus PROPN NNP 3 ROOT B-PERSON
""",
    )
    doc.ents = [
        Span(doc, 0, 2, label="ORG", kb_id="United_States_Department_of_State"),
        Span(doc, 3, 4, label="PERSON"),
    ]
    states = {"United_States_Department_of_State": "United_States"}
    assert speaker_ids(doc[3:4], lambda k: states.get(k, k)) == ["United_States"]


def test_quotation_start_finds_the_opening_quote():
    text = 'X said, \u201cWe share it. We urge them.\u201d Then "we left." Later we came.'
    assert quotation_start(text, text.index("We urge")) == text.index("\u201c")
    assert quotation_start(text, text.index("Then")) is None
    assert quotation_start(text, text.index("we left")) == text.index('"')
    assert quotation_start(text, text.index("we came")) is None


def test_speaker_title_cut_off_by_the_parser_still_names_the_body(vocab_nlp):
    """ "..., U.S. Ambassador to the UN Linda Thomas-Greenfield said": the title hung on an
    earlier noun still says whom she speaks for; the UN is where she is posted."""
    doc = build(
        vocab_nlp.vocab,
        """
Mali Mali PROPN NNP 8 npadvmod B-GPE
, , PUNCT , 0 punct
U.S. U.S. PROPN NNP 3 compound B-GPE
Ambassador Ambassador PROPN NNP 0 appos
to to ADP IN 3 prep
the the DET DT 6 det
UN UN PROPN NNP 4 pobj B-ORG
Greenfield Greenfield PROPN NNP 8 nsubj B-PERSON
said say VERB VBD 8 ROOT
""",
    )
    doc.ents = [
        Span(doc, 0, 1, label="GPE", kb_id="Mali"),
        Span(doc, 2, 3, label="GPE", kb_id="United_States"),
        Span(doc, 6, 7, label="ORG", kb_id="United_Nations"),
        Span(doc, 7, 8, label="PERSON"),
    ]
    assert speaker_ids(doc[7:8], lambda k: k) == ["United_States"]


@pytest.mark.slow
def test_issuers_of_a_publisher_line(nlp):
    linker = nlp("Niger.")._.sahel_linker
    assert linker.issuers("U.S. Department of State") == ("United_States",)
    assert linker.issuers("U.S. Africa Command (U.S. Department of Defense)") == ("United_States",)
    assert linker.issuers("U.S. Mission to the United Nations") == ("United_States",)  # the longest name wins
    assert linker.issuers("United Nations") == ("United_Nations",)
    assert linker.issuers("a blog") == () and linker.issuers(None) == ()


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "source", "expected"),
    [
        ("We condemn the attack on the convoy.", "U.S. Department of State", ("United_States", "criticize")),
        (
            "The members of the Security Council condemned the attack. They called on Mali to cooperate.",
            "United Nations",
            ("United_Nations_Security_Council", "appeal"),
        ),
        ("The Secretary-General condemns the attack.", "United Nations", ("António_Guterres", "criticize")),
    ],
)
def test_speakers_end_to_end(nlp, text, source, expected):
    result = api.extract_text(text, published="2023-05-01", source=source, nlp=nlp)
    found = {(c.subject.id if c.subject else None, c.predicate) for c in result.claims}
    assert expected in found
