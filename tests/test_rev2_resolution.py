"""SPEC sections 2 and 4, revision 2: whom a claim argument denotes. Populations, the
owners of proxy nouns, parallel subject pronouns and listed appositions on hand-built
parses; titles only one office has, statement issuers and short names after their owner
organisation with the gazetteer."""

from __future__ import annotations

import datetime as dt

import pytest
from docbuild import build
from spacy.tokens import Span

import pipeline.doc  # noqa: F401 - registers the Doc extensions
from pipeline import api
from pipeline.claims.argspans import expand, proxy_owner
from pipeline.claims.coref import MentionIndex
from pipeline.config import parse_yaml_model
from pipeline.gazetteer.index import build_index
from pipeline.gazetteer.linker import Linker
from pipeline.gazetteer.mentions import sole_owner
from pipeline.models import Gazetteer

PUBLISHED = "2023-08-09"


def mention_index(doc, config):
    return MentionIndex(doc, actor_nouns=config.actor_nouns)


# ---------------------------------------------------------------- 11. population nouns


@pytest.mark.slow
def test_rev2_the_malian_people_are_the_population_not_the_state(nlp):
    result = api.extract_text("France supports the Malian people.", published=PUBLISHED, nlp=nlp)
    support = [c for c in result.claims if c.predicate == "support"]
    assert [(c.subject.id, c.object.text, c.object.id) for c in support] == [("France", "Malian people", None)]


def test_rev2_a_population_noun_keeps_its_text_an_actor_noun_takes_its_country(config, vocab_nlp):
    doc = build(
        vocab_nlp.vocab,
        """
        the the DET DT 2 det
        Malian malian ADJ JJ 2 amod B-NORP
        people people NOUN NNS 6 nsubj
        and and CCONJ CC 2 cc
        Malian malian ADJ JJ 5 amod B-NORP
        troops troop NOUN NNS 2 conj
        suffered suffer VERB VBD 6 ROOT
        """,
    )
    doc.ents = [Span(doc, 1, 2, label="NORP", kb_id="Mali"), Span(doc, 4, 5, label="NORP", kb_id="Mali")]
    mentions = mention_index(doc, config)
    assert mentions.group_arg(doc[2]).text == "Malian people"
    assert mentions.group_arg(doc[2]).id is None
    assert mentions.group_arg(doc[5]).id == "Mali"


# ---------------------------------------------------------------- 12. proxy owners


PROXY_CASES = [
    pytest.param(
        """
        We we PRON PRP 1 nsubj
        commended commend VERB VBD 1 ROOT
        the the DET DT 3 det
        efforts effort NOUN NNS 1 dobj
        of of ADP IN 3 prep
        UNOWAS UNOWAS PROPN NNP 4 pobj B-ORG
        . . PUNCT . 1 punct
        """,
        3,
        "UNOWAS",
        id="the efforts of X: the of-phrase owns them",
    ),
    pytest.param(
        """
        We we PRON PRP 1 nsubj
        welcomed welcome VERB VBD 1 ROOT
        the the DET DT 3 det
        role role NOUN NN 1 dobj
        MINUSMA MINUSMA PROPN NNP 6 nsubj B-ORG
        has have AUX VBZ 6 aux
        played play VERB VBN 3 relcl
        . . PUNCT . 1 punct
        """,
        3,
        "MINUSMA",
        id="the role X has played: the relative clause's subject owns it",
    ),
    pytest.param(
        """
        We we PRON PRP 1 nsubj
        saluted salute VERB VBD 1 ROOT
        the the DET DT 4 det
        hard hard ADJ JJ 4 amod
        work work NOUN NN 1 dobj
        and and CCONJ CC 4 cc
        peaceful peaceful ADJ JJ 7 amod
        conduct conduct NOUN NN 4 conj
        of of ADP IN 7 prep
        the the DET DT 10 det
        voters voter NOUN NNS 8 pobj
        . . PUNCT . 1 punct
        """,
        4,
        "voters",
        id="the hard work and peaceful conduct of the voters: the owner of the last conjunct, a population",
    ),
]


@pytest.mark.parametrize(("table", "head", "owner"), PROXY_CASES)
def test_rev2_a_proxy_noun_stands_for_its_owner(config, vocab_nlp, table, head, owner):
    doc = build(vocab_nlp.vocab, table)
    found = proxy_owner(doc[head], mention_index(doc, config), frozenset(config.proxy_nouns))
    assert found is not None and found.text == owner


def test_rev2_a_noun_that_is_no_proxy_has_no_owner(config, vocab_nlp):
    """ "the statement of UNOWAS" is what UNOWAS said, not UNOWAS."""
    doc = build(
        vocab_nlp.vocab,
        """
        We we PRON PRP 1 nsubj
        welcomed welcome VERB VBD 1 ROOT
        the the DET DT 3 det
        statement statement NOUN NN 1 dobj
        of of ADP IN 3 prep
        UNOWAS UNOWAS PROPN NNP 4 pobj B-ORG
        . . PUNCT . 1 punct
        """,
    )
    assert proxy_owner(doc[3], mention_index(doc, config), frozenset(config.proxy_nouns)) is None


# ---------------------------------------------------------------- 13. parallel subject pronouns

MEMBERS_MET = """
The the DET DT 1 det
members member NOUN NNS 5 nsubj
of of ADP IN 1 prep
the the DET DT 4 det
Council Council PROPN NNP 2 pobj B-ORG
met meet VERB VBD 5 ROOT
. . PUNCT . 5 punct
"""
THEY_CONDEMNED = """
They they PRON PRP 1 nsubj
condemned condemn VERB VBD 1 ROOT
the the DET DT 3 det
attack attack NOUN NN 1 dobj
. . PUNCT . 1 punct
"""
THREE_CONTRIBUTE = """
Mali Mali PROPN NNP 5 nsubj B-GPE
, , PUNCT , 0 punct
Niger Niger PROPN NNP 0 conj B-GPE
and and CCONJ CC 2 cc
Chad Chad PROPN NNP 2 conj B-GPE
contribute contribute VERB VBP 5 ROOT
troops troop NOUN NNS 5 dobj
. . PUNCT . 5 punct
"""
THEY_CALLED = """
They they PRON PRP 1 nsubj
called call VERB VBD 1 ROOT
on on ADP IN 1 prep
the the DET DT 4 det
junta junta NOUN NN 2 pobj
. . PUNCT . 1 punct
"""
IDS = {"Council": "United_Nations_Security_Council", "Mali": "Mali", "Niger": "Niger", "Chad": "Chad"}


def statement(vocab, *sentences):
    """One Doc of hand-built sentences (heads relative to each), its names linked."""
    rows, offset = [], 0
    for table in sentences:
        lines = [line.split() for line in table.strip().splitlines()]
        for word, lemma, pos, tag, head, dep, *ent in lines:
            rows.append(f"{word} {lemma} {pos} {tag} {int(head) + offset} {dep} {' '.join(ent)}")
        offset += len(lines)
    doc = build(vocab, "\n".join(rows))
    doc.ents = [Span(doc, t.i, t.i + 1, label=t.ent_type_, kb_id=IDS[t.text]) for t in doc if t.ent_type_]
    return doc


def test_rev2_sentences_opening_with_the_same_pronoun_continue_one_speaker(config, vocab_nlp):
    """ "The members of the Council met. They condemned X. Mali, Niger and Chad contribute
    troops. They called on the junta": the second "They" is the first, the Council."""
    doc = statement(vocab_nlp.vocab, MEMBERS_MET, THEY_CONDEMNED, THREE_CONTRIBUTE, THEY_CALLED)
    assert len(list(doc.sents)) == 4
    they = [t for t in doc if t.text == "They"]
    mentions = mention_index(doc, config)
    assert [a.id for a in mentions.resolve(they[0])] == ["United_Nations_Security_Council"]
    assert [a.id for a in mentions.resolve(they[1])] == ["United_Nations_Security_Council"]


def test_rev2_without_a_parallel_opening_they_takes_the_last_plural_subject(config, vocab_nlp):
    """The contrast: with no earlier sentence opening with "They", the pronoun takes the
    subject of the sentence before (here the coordination of three countries)."""
    doc = statement(vocab_nlp.vocab, MEMBERS_MET, THREE_CONTRIBUTE, THEY_CALLED)
    they = next(t for t in doc if t.text == "They")
    assert [a.id for a in mention_index(doc, config).resolve(they)] == ["Mali", "Niger", "Chad"]


# ---------------------------------------------------------------- 14. listed appositions of actors


def test_rev2_actors_in_apposition_to_an_actor_are_a_list(config, vocab_nlp):
    """ "the arrest of the President, Prime Minister and other officials", parsed with the
    Prime Minister in apposition to the President and the officials its conjunct."""
    doc = build(
        vocab_nlp.vocab,
        """
        the the DET DT 1 det
        arrest arrest NOUN NN 1 ROOT
        of of ADP IN 1 prep
        the the DET DT 4 det
        President President PROPN NNP 2 pobj
        , , PUNCT , 4 punct
        Prime Prime PROPN NNP 7 compound
        Minister Minister PROPN NNP 4 appos
        and and CCONJ CC 7 cc
        other other ADJ JJ 10 amod
        officials official NOUN NNS 7 conj
        """,
    )
    assert [t.text for t in expand(doc[4], mention_index(doc, config))] == ["President", "Minister", "officials"]


def test_rev2_an_apposition_with_a_conjunct_that_is_no_actor_is_no_list(config, vocab_nlp):
    """ "the arrest of the general, commander of the army, head of the junta and veteran of
    the war": one person described (a veteran is no actor), not three."""
    doc = build(
        vocab_nlp.vocab,
        """
        the the DET DT 1 det
        arrest arrest NOUN NN 1 ROOT
        of of ADP IN 1 prep
        the the DET DT 4 det
        general general NOUN NN 2 pobj
        , , PUNCT , 4 punct
        commander commander NOUN NN 4 appos
        of of ADP IN 6 prep
        the the DET DT 9 det
        army army NOUN NN 7 pobj
        , , PUNCT , 6 punct
        head head NOUN NN 6 conj
        of of ADP IN 11 prep
        the the DET DT 14 det
        junta junta NOUN NN 12 pobj
        and and CCONJ CC 6 cc
        veteran veteran NOUN NN 6 conj
        of of ADP IN 16 prep
        the the DET DT 19 det
        war war NOUN NN 17 pobj
        """,
    )
    assert [t.text for t in expand(doc[4], mention_index(doc, config))] == ["general"]


# ---------------------------------------------------------------- 15. sole_owner

MINI = """
entries:
  - {id: United_Nations, label: ORG}
  - {id: Niger, label: GPE}
  - {id: Mali, label: GPE}
  - id: António_Guterres
    label: PERSON
    roles: [{title: secretary-general, of: United_Nations, start: 2017-01-01}]
  - id: Mohamed_Bazoum
    label: PERSON
    roles: [{title: president, of: Niger, start: 2021-04-02, end: 2023-07-26}]
  - id: Assimi_Goïta
    label: PERSON
    roles: [{title: president, of: Mali, start: 2021-05-28}]
"""


@pytest.fixture(scope="module")
def mini_index():
    return build_index(parse_yaml_model(MINI, Gazetteer))


def test_rev2_a_title_one_office_has_names_its_owner(mini_index):
    assert sole_owner("secretary-general", mini_index, dt.date(2023, 7, 1)) == "United_Nations"


def test_rev2_a_title_several_offices_have_names_no_owner(mini_index):
    assert sole_owner("president", mini_index, dt.date(2023, 7, 1)) is None


def test_rev2_a_sole_office_is_of_its_date(mini_index):
    """After Bazoum's term only Mali's presidency is held; before Guterres's none is; no
    date, no owner."""
    assert sole_owner("president", mini_index, dt.date(2023, 8, 9)) == "Mali"
    assert sole_owner("secretary-general", mini_index, dt.date(2016, 6, 1)) is None
    assert sole_owner("secretary-general", mini_index, None) is None


@pytest.mark.slow
def test_rev2_the_secretary_general_is_the_holder_and_the_president_is_unresolved(nlp):
    """With the shipped gazetteer: "the Secretary-General" is Guterres in 2023; many
    states have a president, so "the president" alone is nobody in particular."""
    result = api.extract_text(
        "The Secretary-General condemned the coup. The president condemned the coup.", published=PUBLISHED, nlp=nlp
    )
    subjects = [(c.subject.text, c.subject.id) for c in result.claims if c.predicate == "criticize"]
    assert subjects == [("The Secretary-General", "António_Guterres"), ("president", None)]


# ---------------------------------------------------------------- 16. Linker.issuers


@pytest.fixture(scope="module")
def linker(nlp):
    return Linker(nlp.get_pipe("sahel_gazetteer").index)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("source", "issuers"),
    [
        pytest.param("the French and German foreign ministries", ("France", "Germany"), id="a joint line: each"),
        pytest.param(
            "remarks by the UK Mission to the UN at a Security Council briefing on Mali and Niger",
            ("United_Kingdom",),
            id="later names are parents, venues or topics, coordinated or not",
        ),
        pytest.param("U.S. Department of State", ("United_States",), id="a ministry acts for its state"),
        pytest.param("Office of the Spokesperson", (), id="no known actor"),
    ],
)
def test_rev2_issuers_of_a_statement(linker, source, issuers):
    assert linker.issuers(source) == issuers


# ---------------------------------------------------------------- 17. short names after their owner


@pytest.mark.slow
def test_rev2_a_short_name_links_after_its_owner_organisation(nlp):
    doc = nlp("ECOWAS met in Abuja. The Authority decided to deploy troops.")
    authority = [(e.text, e.kb_id_) for e in doc.ents if e.text == "Authority"]
    assert authority == [("Authority", "Economic_Community_of_West_African_States")]


@pytest.mark.slow
def test_rev2_a_short_name_without_its_owner_stays_unlinked(nlp):
    doc = nlp("The Authority decided to deploy troops.")
    assert "Economic_Community_of_West_African_States" not in {e.kb_id_ for e in doc.ents}
