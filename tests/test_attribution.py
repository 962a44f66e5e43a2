"""source_spans and is_reporting_verb: attribution of claims, on hand-built parses."""

from __future__ import annotations

import pytest
from docbuild import build
from spacy.tokens import Span

from pipeline.claims.attributes.source import entity_span, is_reporting_verb, source_spans

CASES = [
    pytest.param(
        """
        According accord VERB VBG 7 prep  # 0
        to to ADP IN 0 prep  # 1
        Al Al PROPN NNP 3 compound B-ORG  # 2
        Jazeera Jazeera PROPN NNP 1 pobj I-ORG  # 3
        , , PUNCT , 7 punct  # 4
        ECOWAS ECOWAS PROPN NNP 7 nsubj B-ORG  # 5
        had have AUX VBD 7 aux  # 6
        planned plan VERB VBN 7 ROOT  # 7
        to to PART TO 9 aux  # 8
        send send VERB VB 7 xcomp  # 9
        representatives representative NOUN NNS 9 dobj  # 10
        to to ADP IN 9 prep  # 11
        Niger Niger PROPN NNP 11 pobj B-GPE  # 12
        . . PUNCT . 7 punct  # 13
        """,
        9,
        ["Al Jazeera"],
        id="According to Al Jazeera, ECOWAS had planned to send represen",
    ),
    pytest.param(
        """
        Officials official NOUN NNS 5 nsubj  # 0
        from from ADP IN 0 prep  # 1
        France France PROPN NNP 1 pobj B-GPE  # 2
        and and CCONJ CC 2 cc  # 3
        Mali Mali PROPN NNP 2 conj B-GPE  # 4
        disclosed disclose VERB VBD 5 ROOT  # 5
        that that SCONJ IN 11 mark  # 6
        the the DET DT 9 det  # 7
        coup coup NOUN NN 9 compound  # 8
        leaders leader NOUN NNS 11 nsubj  # 9
        had have AUX VBD 11 aux  # 10
        made make VERB VBN 5 ccomp  # 11
        contact contact NOUN NN 11 dobj  # 12
        with with ADP IN 12 prep  # 13
        Wagner Wagner PROPN NNP 13 pobj B-ORG  # 14
        . . PUNCT . 5 punct  # 15
        """,
        11,
        ["France", "Mali"],
        id="Officials from France and Mali disclosed that the coup leade",
    ),
    pytest.param(
        """
        An an DET DT 4 det  # 0
        anonymous anonymous ADJ JJ 4 amod  # 1
        Western western ADJ JJ 4 amod  # 2
        military military ADJ JJ 4 amod  # 3
        official official NOUN NN 5 nsubj  # 4
        told tell VERB VBD 5 ROOT  # 5
        the the DET DT 8 det  # 6
        Associated Associated PROPN NNP 8 compound B-ORG  # 7
        Press Press PROPN NNP 5 dobj I-ORG  # 8
        that that SCONJ IN 14 mark  # 9
        the the DET DT 12 det  # 10
        Wagner Wagner PROPN NNP 12 compound B-ORG  # 11
        Group Group PROPN NNP 14 nsubj I-ORG  # 12
        is be AUX VBZ 14 aux  # 13
        considering consider VERB VBG 5 ccomp  # 14
        the the DET DT 16 det  # 15
        proposal proposal NOUN NN 14 dobj  # 16
        . . PUNCT . 5 punct  # 17
        """,
        16,
        ["anonymous Western military official", "Associated Press"],
        id="An anonymous Western military official told the Associated P",
    ),
    pytest.param(
        """
        He he PRON PRP 1 nsubj  # 0
        said say VERB VBD 1 ROOT  # 1
        that that SCONJ IN 5 mark  # 2
        ECOWAS ECOWAS PROPN NNP 5 nsubj  # 3
        will will AUX MD 5 aux  # 4
        convene convene VERB VB 1 ccomp  # 5
        on on ADP IN 5 prep  # 6
        Thursday Thursday PROPN NNP 6 pobj B-DATE  # 7
        . . PUNCT . 1 punct  # 8
        """,
        5,
        ["He"],
        id="He said that ECOWAS will convene on Thursday.",
    ),
    pytest.param(
        """
        Tebboune Tebboune PROPN NNP 1 nsubj B-PERSON  # 0
        stated state VERB VBD 1 ROOT  # 1
        that that SCONJ IN 5 mark  # 2
        ECOWAS ECOWAS PROPN NNP 5 nsubj  # 3
        had have AUX VBD 5 aux  # 4
        imposed impose VERB VBN 1 ccomp  # 5
        sanctions sanction NOUN NNS 5 dobj  # 6
        . . PUNCT . 1 punct  # 7
        """,
        5,
        ["Tebboune"],
        id="Tebboune stated that ECOWAS had imposed sanctions.",
    ),
    pytest.param(
        """
        Di Di PROPN NNP 1 compound B-PERSON  # 0
        Maio Maio PROPN NNP 2 nsubj I-PERSON  # 1
        stressed stress VERB VBD 2 ROOT  # 2
        that that SCONJ IN 7 mark  # 3
        Bazoum Bazoum PROPN NNP 7 nsubjpass B-PERSON  # 4
        should should AUX MD 7 aux  # 5
        be be AUX VB 7 auxpass  # 6
        released release VERB VBN 2 ccomp  # 7
        . . PUNCT . 2 punct  # 8
        """,
        7,
        ["Di Maio"],
        id="Di Maio stressed that Bazoum should be released.",
    ),
    pytest.param(
        """
        He he PRON PRP 1 nsubj  # 0
        added add VERB VBD 1 ROOT  # 1
        that that SCONJ IN 5 mark  # 2
        the the DET DT 4 det  # 3
        U.S. U.S. PROPN NNP 5 nsubj B-GPE  # 4
        is be AUX VBZ 1 ccomp  # 5
        cautious cautious ADJ JJ 5 acomp  # 6
        , , PUNCT , 5 punct  # 7
        suggesting suggest VERB VBG 5 advcl  # 8
        it it PRON PRP 10 nsubj  # 9
        's be AUX VBZ 8 ccomp  # 10
        unlikely unlikely ADJ JJ 10 acomp  # 11
        the the DET DT 13 det  # 12
        U.S. U.S. PROPN NNP 15 nsubj B-GPE  # 13
        would would AUX MD 15 aux  # 14
        intervene intervene VERB VB 11 ccomp  # 15
        . . PUNCT . 1 punct  # 16
        """,
        15,
        ["He"],
        id="He added that the U.S. is cautious, suggesting it's unlikely",
    ),
    pytest.param(
        """
        The the DET DT 1 det  # 0
        junta junta NOUN NN 2 nsubj  # 1
        attacked attack VERB VBD 8 ccomp  # 2
        the the DET DT 4 det  # 3
        village village NOUN NN 2 dobj  # 4
        , , PUNCT , 8 punct  # 5
        the the DET DT 7 det  # 6
        minister minister NOUN NN 8 nsubj  # 7
        said say VERB VBD 8 ROOT  # 8
        . . PUNCT . 8 punct  # 9
        """,
        2,
        ["minister"],
        id="The junta attacked the village, the minister said.",
    ),
    pytest.param(
        """
        Prigozhin Prigozhin PROPN NNP 1 nsubj B-PERSON  # 0
        released release VERB VBD 1 ROOT  # 1
        a a DET DT 3 det  # 2
        message message NOUN NN 1 dobj  # 3
        , , PUNCT , 1 punct  # 4
        stating state VERB VBG 1 advcl  # 5
        that that SCONJ IN 9 mark  # 6
        the the DET DT 8 det  # 7
        group group NOUN NN 9 nsubj  # 8
        supports support VERB VBZ 5 ccomp  # 9
        the the DET DT 11 det  # 10
        junta junta NOUN NN 9 dobj  # 11
        . . PUNCT . 1 punct  # 12
        """,
        9,
        ["Prigozhin"],
        id="Prigozhin released a message, stating that the group support",
    ),
    pytest.param(
        """
        ECOWAS ECOWAS PROPN NNP 1 nsubj  # 0
        softened soften VERB VBD 1 ROOT  # 1
        its its PRON PRP$ 3 poss  # 2
        stance stance NOUN NN 1 dobj  # 3
        , , PUNCT , 1 punct  # 4
        with with ADP IN 1 prep  # 5
        its its PRON PRP$ 7 poss  # 6
        spokesperson spokesperson NOUN NN 8 nsubj  # 7
        indicating indicate VERB VBG 5 pcomp  # 8
        that that SCONJ IN 11 mark  # 9
        Niger Niger PROPN NNP 11 nsubj B-GPE  # 10
        leans lean VERB VBZ 8 ccomp  # 11
        toward toward ADP IN 11 prep  # 12
        talks talk NOUN NNS 12 pobj  # 13
        . . PUNCT . 1 punct  # 14
        """,
        11,
        ["its"],
        id="ECOWAS softened its stance, with its spokesperson indicating",
    ),
    pytest.param(
        """
        U.S. U.S. PROPN NNP 1 compound B-GPE  # 0
        officials official NOUN NNS 2 nsubj  # 1
        said say VERB VBD 2 ROOT  # 2
        that that SCONJ IN 5 mark  # 3
        Wagner Wagner PROPN NNP 5 nsubj B-ORG  # 4
        deployed deploy VERB VBD 2 ccomp  # 5
        troops troop NOUN NNS 5 dobj  # 6
        . . PUNCT . 2 punct  # 7
        """,
        5,
        ["U.S."],
        id="U.S. officials said that Wagner deployed troops.",
    ),
    pytest.param(
        """
        The the DET DT 1 det  # 0
        leader leader NOUN NN 8 nsubj  # 1
        of of ADP IN 1 prep  # 2
        the the DET DT 4 det  # 3
        group group NOUN NN 2 pobj  # 4
        , , PUNCT , 1 punct  # 5
        Prigozhin Prigozhin PROPN NNP 1 appos B-PERSON  # 6
        , , PUNCT , 1 punct  # 7
        said say VERB VBD 8 ROOT  # 8
        that that SCONJ IN 11 mark  # 9
        Wagner Wagner PROPN NNP 11 nsubj B-ORG  # 10
        supports support VERB VBZ 8 ccomp  # 11
        the the DET DT 13 det  # 12
        junta junta NOUN NN 11 dobj  # 13
        . . PUNCT . 8 punct  # 14
        """,
        11,
        ["Prigozhin"],
        id="The leader of the group, Prigozhin, said that Wagner support",
    ),
    pytest.param(
        """
        The the DET DT 2 det  # 0
        coup coup NOUN NN 2 compound  # 1
        leaders leader NOUN NNS 3 nsubj  # 2
        closed close VERB VBD 3 ROOT  # 3
        the the DET DT 5 det  # 4
        airspace airspace NOUN NN 3 dobj  # 5
        . . PUNCT . 3 punct  # 6
        """,
        3,
        [],
        id="The coup leaders closed the airspace.",
    ),
    pytest.param(
        """
        Tebboune Tebboune PROPN NNP 1 nsubj B-PERSON  # 0
        warned warn VERB VBD 1 ROOT  # 1
        that that SCONJ IN 6 mark  # 2
        an an DET DT 4 det  # 3
        intrusion intrusion NOUN NN 6 nsubj  # 4
        could could AUX MD 6 aux  # 5
        plunge plunge VERB VB 1 ccomp  # 6
        the the DET DT 8 det  # 7
        region region NOUN NN 6 dobj  # 8
        into into ADP IN 6 prep  # 9
        chaos chaos NOUN NN 9 pobj  # 10
        . . PUNCT . 1 punct  # 11
        """,
        6,
        ["Tebboune"],
        id="Tebboune warned that an intrusion could plunge the region in",
    ),
    pytest.param(
        """
        Di Di PROPN NNP 1 compound B-PERSON  # 0
        Maio Maio PROPN NNP 2 nsubj I-PERSON  # 1
        stressed stress VERB VBD 2 ROOT  # 2
        that that SCONJ IN 7 mark  # 3
        Bazoum Bazoum PROPN NNP 7 nsubjpass B-PERSON  # 4
        should should AUX MD 7 aux  # 5
        be be AUX VB 7 auxpass  # 6
        released release VERB VBN 2 ccomp  # 7
        . . PUNCT . 2 punct  # 8
        """,
        2,
        [],
        id="Di Maio stressed that Bazoum should be released.",
    ),
    pytest.param(
        """
        The the DET DT 1 det  # 0
        U.S. U.S. PROPN NNP 2 nsubj B-GPE  # 1
        remains remain VERB VBZ 2 ROOT  # 2
        hopeful hopeful ADJ JJ 2 acomp  # 3
        about about ADP IN 3 prep  # 4
        a a DET DT 7 det  # 5
        diplomatic diplomatic ADJ JJ 7 amod  # 6
        solution solution NOUN NN 4 pobj  # 7
        to to PART TO 9 aux  # 8
        restore restore VERB VB 7 relcl  # 9
        Bazoum Bazoum PROPN NNP 9 dobj B-PERSON  # 10
        to to ADP IN 9 prep  # 11
        power power NOUN NN 11 pobj  # 12
        . . PUNCT . 2 punct  # 13
        """,
        9,
        ["U.S."],
        id="The U.S. remains hopeful about a diplomatic solution to rest",
    ),
    pytest.param(
        """
        They they PRON PRP 1 nsubj  # 0
        fear fear VERB VBP 1 ROOT  # 1
        that that SCONJ IN 7 mark  # 2
        any any DET DT 5 det  # 3
        military military ADJ JJ 5 amod  # 4
        action action NOUN NN 7 nsubj  # 5
        would would AUX MD 7 aux  # 6
        destabilize destabilize VERB VB 1 ccomp  # 7
        the the DET DT 9 det  # 8
        region region NOUN NN 7 dobj  # 9
        . . PUNCT . 1 punct  # 10
        """,
        5,
        ["They"],
        id="They fear that any military action would destabilize the reg",
    ),
]


@pytest.mark.parametrize("table,trigger,expected", CASES)
def test_source_spans_on_hand_built_parse(vocab_nlp, table, trigger, expected):
    doc = build(vocab_nlp.vocab, table)
    assert [span.text for span in source_spans(doc[trigger])] == expected


SAID_THAT = """
    Tebboune Tebboune PROPN NNP 1 nsubj B-PERSON
    said say VERB VBD 1 ROOT
    that that SCONJ IN 5 mark
    ECOWAS ECOWAS PROPN NNP 5 nsubj B-ORG
    had have AUX VBD 5 aux
    closed close VERB VBN 1 ccomp
    borders border NOUN NNS 5 dobj
"""
ANNOUNCED_SANCTIONS = """
    ECOWAS ECOWAS PROPN NNP 1 nsubj B-ORG
    announced announce VERB VBD 1 ROOT
    sanctions sanction NOUN NNS 1 dobj
"""
DECLARED_HIMSELF = """
    Tchiani Tchiani PROPN NNP 2 nsubj B-PERSON
    has have AUX VBZ 2 aux
    declared declare VERB VBN 2 ROOT
    himself himself PRON PRP 2 dobj
    leader leader NOUN NN 2 oprd
"""
TOLD_THE_AP = """
    officials official NOUN NNS 1 nsubj
    told tell VERB VBD 1 ROOT
    AP AP PROPN NNP 1 dobj B-ORG
"""
HE_SAID = """
    He he PRON PRP 1 nsubj
    said say VERB VBD 1 ROOT
    . . PUNCT . 1 punct
"""


@pytest.mark.parametrize(
    "table,index,expected",
    [
        (SAID_THAT, 1, True),
        (SAID_THAT, 5, False),
        (ANNOUNCED_SANCTIONS, 1, False),
        (DECLARED_HIMSELF, 2, False),
        (TOLD_THE_AP, 1, True),
        (HE_SAID, 1, True),
    ],
)
def test_is_reporting_verb(vocab_nlp, table, index, expected):
    doc = build(vocab_nlp.vocab, table)
    assert is_reporting_verb(doc[index]) is expected


def test_reporting_lemmas_come_from_the_caller(vocab_nlp):
    doc = build(vocab_nlp.vocab, SAID_THAT)
    assert is_reporting_verb(doc[1], lemmas={"state"}) is False
    assert source_spans(doc[5], reporting_verbs={"state"}) == []
    assert [s.text for s in source_spans(doc[5])] == ["Tebboune"]


def test_known_description_is_its_own_span(vocab_nlp):
    # A description the gazetteer linked ("the coup leaders") comes back whole.
    table = """
        the the DET DT 2 det
        coup coup NOUN NN 2 compound
        leaders leader NOUN NNS 3 nsubj
        said say VERB VBD 3 ROOT
        they they PRON PRP 5 nsubj
        closed close VERB VBD 3 ccomp
        borders border NOUN NNS 5 dobj
    """
    doc = build(vocab_nlp.vocab, table, spans={"sahel_mentions": [(0, 3, "ORG")]})
    assert [s.text for s in source_spans(doc[5])] == ["the coup leaders"]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text,trigger,expected",
    [
        ("According to Al Jazeera, ECOWAS had planned to send representatives to Niger.", "send", ["Al Jazeera"]),
        ("Officials from France and Mali disclosed that the junta contacted Wagner.", "contacted", ["France", "Mali"]),
        ("The coup leaders closed the airspace.", "closed", []),
    ],
)
def test_source_spans_with_the_pipeline(nlp, text, trigger, expected):
    doc = nlp(text)
    token = next(t for t in doc if t.text == trigger)
    assert [span.text for span in source_spans(token)] == expected


# --------------------------------------------------------------------------- scope in news prose
# (hand-built parses of invented sentences)

KILLED_AND_WOUNDED_ACCORDING = """
Ten ten NUM CD 1 nummod  # 0
soldiers soldier NOUN NNS 3 nsubjpass  # 1
were be AUX VBD 3 auxpass  # 2
killed kill VERB VBN 3 ROOT  # 3
and and CCONJ CC 3 cc  # 4
dozens dozen NOUN NNS 7 nsubjpass  # 5
were be AUX VBD 7 auxpass  # 6
wounded wound VERB VBN 3 conj  # 7
, , PUNCT , 7 punct  # 8
according accord VERB VBG 7 prep  # 9
to to ADP IN 9 prep  # 10
the the DET DT 12 det  # 11
army army NOUN NN 10 pobj  # 12
. . PUNCT . 3 punct  # 13
"""
RAID_CLAIMED_BY = """
The the DET DT 1 det  # 0
raid raid NOUN NN 6 nsubjpass  # 1
on on ADP IN 1 prep  # 2
the the DET DT 4 det  # 3
base base NOUN NN 2 pobj  # 4
was be AUX VBD 6 auxpass  # 5
claimed claim VERB VBN 6 ROOT  # 6
by by ADP IN 6 agent  # 7
ISWAP ISWAP PROPN NNP 7 pobj B-ORG  # 8
. . PUNCT . 6 punct  # 9
"""
NOT_SAID_WHETHER = """
The the DET DT 1 det  # 0
council council NOUN NN 4 nsubj  # 1
has have AUX VBZ 4 aux  # 2
not not PART RB 4 neg  # 3
said say VERB VBN 4 ROOT  # 4
whether whether SCONJ IN 8 mark  # 5
it it PRON PRP 8 nsubj  # 6
will will AUX MD 8 aux  # 7
send send VERB VB 4 ccomp  # 8
troops troop NOUN NNS 8 dobj  # 9
. . PUNCT . 4 punct  # 10
"""
SAID_WARNING_THAT = """
Experts expert NOUN NNS 1 nsubj  # 0
said say VERB VBD 1 ROOT  # 1
the the DET DT 3 det  # 2
crisis crisis NOUN NN 5 nsubj  # 3
could could AUX MD 5 aux  # 4
deepen deepen VERB VB 1 ccomp  # 5
, , PUNCT , 5 punct  # 6
warning warn VERB VBG 5 advcl  # 7
that that SCONJ IN 11 mark  # 8
rebels rebel NOUN NNS 11 nsubj  # 9
would would AUX MD 11 aux  # 10
advance advance VERB VB 7 ccomp  # 11
. . PUNCT . 1 punct  # 12
"""
ELDERS_WHO_SAID = """
Aid aid NOUN NN 1 nsubj  # 0
came come VERB VBD 1 ROOT  # 1
from from ADP IN 1 prep  # 2
elders elder NOUN NNS 2 pobj  # 3
, , PUNCT , 3 punct  # 4
who who PRON WP 6 nsubj  # 5
said say VERB VBD {said_head} {said_dep}  # 6
that that SCONJ IN 11 mark  # 7
the the DET DT 9 det  # 8
army army NOUN NN 11 nsubj  # 9
had have AUX VBD 11 aux  # 10
freed free VERB VBN 6 ccomp  # 11
hostages hostage NOUN NNS 11 dobj  # 12
. . PUNCT . 1 punct  # 13
"""
A_CLAIM_THE_REBELS_DENY = """
Officials official NOUN NNS 1 nsubj  # 0
said say VERB VBD 1 ROOT  # 1
the the DET DT 3 det  # 2
group group NOUN NN 4 nsubj  # 3
used use VERB VBD 1 ccomp  # 4
drones drone NOUN NNS 4 dobj  # 5
, , PUNCT , 5 punct  # 6
a a DET DT 8 det  # 7
claim claim NOUN NN 5 appos  # 8
the the DET DT 10 det  # 9
rebels rebel NOUN NNS 11 nsubj  # 10
deny deny VERB VBP 8 relcl  # 11
. . PUNCT . 1 punct  # 12
"""
TURKEY_WHICH_ARMS = """
Turkey Turkey PROPN NNP 8 nsubjpass B-GPE  # 0
, , PUNCT , 0 punct  # 1
which which PRON WDT 3 nsubj  # 2
arms arm VERB VBZ 0 relcl  # 3
the the DET DT 5 det  # 4
army army NOUN NN 3 dobj  # 5
, , PUNCT , 0 punct  # 6
is be AUX VBZ 8 auxpass  # 7
expected expect VERB VBN 16 ccomp  # 8
to to PART TO 10 aux  # 9
back back VERB VB 8 xcomp  # 10
the the DET DT 12 det  # 11
plan plan NOUN NN 10 dobj  # 12
, , PUNCT , 16 punct  # 13
a a DET DT 15 det  # 14
diplomat diplomat NOUN NN 16 nsubj  # 15
said say VERB VBD 16 ROOT  # 16
. . PUNCT . 16 punct  # 17
"""
CHAD_WHERE_FRANCE = """
Analysts analyst NOUN NNS 1 nsubj  # 0
said say VERB VBD 1 ROOT  # 1
troops troop NOUN NNS 4 nsubj  # 2
would would AUX MD 4 aux  # 3
go go VERB VB 1 ccomp  # 4
to to ADP IN 4 prep  # 5
Chad Chad PROPN NNP 5 pobj B-GPE  # 6
, , PUNCT , 6 punct  # 7
where where SCONJ WRB 10 advmod  # 8
France France PROPN NNP 10 nsubj B-GPE  # 9
keeps keep VERB VBZ 6 relcl  # 10
a a DET DT 12 det  # 11
base base NOUN NN 10 dobj  # 12
. . PUNCT . 1 punct  # 13
"""
SINCE_IT_RELIES = """
Experts expert NOUN NNS 1 nsubj  # 0
said say VERB VBD 1 ROOT  # 1
the the DET DT 3 det  # 2
ban ban NOUN NN 5 nsubj  # 3
could could AUX MD 5 aux  # 4
hurt hurt VERB VB 1 ccomp  # 5
Chad Chad PROPN NNP 5 dobj B-GPE  # 6
, , PUNCT , 5 punct  # 7
since since SCONJ IN 10 mark  # 8
it it PRON PRP 10 nsubj  # 9
relies rely VERB VBZ 5 advcl  # 10
on on ADP IN 10 prep  # 11
imports import NOUN NNS 11 pobj  # 12
. . PUNCT . 1 punct  # 13
"""

DATELINE_SUBJECT = """
ACCRA ACCRA PROPN NNP 7 nsubj B-GPE  # 0
, , PUNCT , 0 punct  # 1
May May PROPN NNP 7 npadvmod  # 2
2 2 NUM CD 2 nummod  # 3
- - PUNCT : 7 punct  # 4
The the DET DT 6 det  # 5
minister minister NOUN NN 7 nsubj  # 6
said say VERB VBD 7 ROOT  # 7
troops troop NOUN NNS 9 nsubj  # 8
left leave VERB VBD 7 ccomp  # 9
. . PUNCT . 7 punct  # 10
"""


@pytest.mark.parametrize(
    "table,trigger,expected",
    [
        pytest.param(DATELINE_SUBJECT, 9, ["minister"], id="a dateline parsed as a second subject is no speaker"),
        pytest.param(KILLED_AND_WOUNDED_ACCORDING, 3, ["army"], id="final according-to scopes the first conjunct"),
        pytest.param(KILLED_AND_WOUNDED_ACCORDING, 7, ["army"], id="... and the conjunct it hangs on"),
        pytest.param(RAID_CLAIMED_BY, 1, ["ISWAP"], id="an event noun claimed by X is attributed to X"),
        pytest.param(NOT_SAID_WHETHER, 8, [], id="an indirect question reports nothing"),
        pytest.param(SAID_WARNING_THAT, 7, [], id="the reporter's own warning is no part of the report"),
        pytest.param(SAID_WARNING_THAT, 11, ["Experts"], id="what they warn about is theirs"),
        pytest.param(ELDERS_WHO_SAID.format(said_head=3, said_dep="relcl"), 11, ["elders"], id="who said: antecedent"),
        pytest.param(ELDERS_WHO_SAID.format(said_head=1, said_dep="ccomp"), 11, ["elders"], id="who said, misparsed"),
        pytest.param(A_CLAIM_THE_REBELS_DENY, 11, [], id="an apposition is the writer's aside"),
        pytest.param(A_CLAIM_THE_REBELS_DENY, 4, ["Officials"], id="the report itself is still theirs"),
        pytest.param(TURKEY_WHICH_ARMS, 3, [], id="a relative clause between commas is an aside"),
        pytest.param(TURKEY_WHICH_ARMS, 10, ["diplomat"], id="the reported clause around it is not"),
        pytest.param(CHAD_WHERE_FRANCE, 10, ["Analysts"], id="a relative clause ending the report is reported"),
        pytest.param(SINCE_IT_RELIES, 10, [], id="a since-reason after a comma is the writer's"),
        pytest.param(SINCE_IT_RELIES, 5, ["Experts"], id="the reported clause keeps its source"),
    ],
)
def test_source_spans_scope_in_news_prose(vocab_nlp, table, trigger, expected):
    doc = build(vocab_nlp.vocab, table)
    assert [span.text for span in source_spans(doc[trigger])] == expected


# --------------------------------------------------------------------------- the walk to the root

ACCORDING_TO_ON_THE_ROOT = """
    Troops troop NOUN NNS 1 nsubj  # 0
    tried try VERB VBD 1 ROOT  # 1
    to to PART TO 3 aux  # 2
    seize seize VERB VB 1 xcomp  # 3
    the the DET DT 5 det  # 4
    base base NOUN NN 3 dobj  # 5
    , , PUNCT , 1 punct  # 6
    according accord VERB VBG 1 prep  # 7
    to to ADP IN 7 prep  # 8
    the the DET DT 10 det  # 9
    army army NOUN NN 8 pobj  # 10
    . . PUNCT . 1 punct  # 11
"""
NO_SOURCE = """
    Troops troop NOUN NNS 1 nsubj  # 0
    tried try VERB VBD 1 ROOT  # 1
    to to PART TO 3 aux  # 2
    seize seize VERB VB 1 xcomp  # 3
    the the DET DT 5 det  # 4
    base base NOUN NN 3 dobj  # 5
    . . PUNCT . 1 punct  # 6
"""


@pytest.mark.parametrize(
    "table,trigger,expected",
    [
        (ACCORDING_TO_ON_THE_ROOT, 3, ["army"]),  # the root is examined like any clause
        (ACCORDING_TO_ON_THE_ROOT, 1, ["army"]),
        (NO_SOURCE, 3, []),  # the walk stops at the root: nothing above it
        (NO_SOURCE, 1, []),
        (NO_SOURCE, 5, []),
    ],
)
def test_source_spans_up_to_the_root(vocab_nlp, table, trigger, expected):
    doc = build(vocab_nlp.vocab, table)
    assert [span.text for span in source_spans(doc[trigger])] == expected


ENTITIES = """
    the the DET DT 2 det  # 0
    African African PROPN NNP 2 compound B-ORG  # 1
    Union Union PROPN NNP 3 nsubj I-ORG  # 2
    said say VERB VBD 3 ROOT  # 3
    on on ADP IN 3 prep  # 4
    Monday Monday PROPN NNP 4 pobj B-DATE  # 5
    Mali Mali PROPN NNP 7 nsubj B-GPE  # 6
    left leave VERB VBD 3 ccomp  # 7
    Burkina Burkina PROPN NNP 7 dobj B-GPE  # 8
    Faso Faso PROPN NNP 8 flat I-GPE  # 9
"""


def test_entity_span_is_the_entity_of_doc_ents(vocab_nlp):
    doc = build(vocab_nlp.vocab, ENTITIES)
    doc.ents = [Span(doc, e.start, e.end, label=e.label_, kb_id=e.text.replace(" ", "_")) for e in doc.ents]
    found = [entity_span(t) for t in doc]
    assert [(s.text, s.label_, s.kb_id_) if s is not None else None for s in found] == [
        None,
        ("African Union", "ORG", "African_Union"),
        ("African Union", "ORG", "African_Union"),
        None,
        None,
        None,  # a date is no actor
        ("Mali", "GPE", "Mali"),
        None,
        ("Burkina Faso", "GPE", "Burkina_Faso"),
        ("Burkina Faso", "GPE", "Burkina_Faso"),
    ]
    # the same Span as doc.ents gives (label, kb_id and span id included)
    by_token = {t.i: e for e in doc.ents for t in e if e.label_ != "DATE"}
    assert all(s == by_token[t.i] for t, s in zip(doc, found, strict=True) if s is not None)
