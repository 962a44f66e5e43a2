"""source_spans and is_reporting_verb: attribution of claims, on hand-built parses."""

from __future__ import annotations

import pytest
from docbuild import build

from pipeline.rules.attribution import is_reporting_verb, source_spans

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
