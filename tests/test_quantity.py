"""claim_quantity: the number that measures a claim, on hand-built parses."""

from __future__ import annotations

import pytest
from docbuild import build
from spacy.tokens import Doc

from pipeline.claims.attributes.quantity import _is_number, claim_quantity
from pipeline.models import Quantity

CASES = [
    pytest.param(
        """
        Both both DET DT 1 det  # 0
        nations nation NOUN NNS 2 nsubj  # 1
        have have VERB VBP 2 ROOT  # 2
        interests interest NOUN NNS 2 dobj  # 3
        , , PUNCT , 2 punct  # 4
        with with ADP IN 2 prep  # 5
        over over ADP IN 7 quantmod B-CARDINAL  # 6
        1,000 1,000 NUM CD 8 nummod I-CARDINAL  # 7
        troops troop NOUN NNS 5 pobj  # 8
        stationed station VERB VBN 8 acl  # 9
        there there ADV RB 9 advmod  # 10
        . . PUNCT . 2 punct  # 11
        """,
        9,
        (1000, "troops", "over"),
        id="Both nations have interests, with over 1,000 troops statione",
    ),
    pytest.param(
        """
        Over over ADP IN 1 quantmod  # 0
        1,500 1,500 NUM CD 4 nummod B-CARDINAL  # 1
        Wagner Wagner PROPN NNP 3 compound B-ORG  # 2
        Group Group PROPN NNP 4 compound I-ORG  # 3
        members member NOUN NNS 6 nsubjpass  # 4
        are be AUX VBP 6 auxpass  # 5
        stationed station VERB VBN 6 ROOT  # 6
        in in ADP IN 6 prep  # 7
        Mali Mali PROPN NNP 7 pobj B-GPE  # 8
        . . PUNCT . 6 punct  # 9
        """,
        6,
        (1500, "members", "over"),
        id="Over 1,500 Wagner Group members are stationed in Mali.",
    ),
    pytest.param(
        """
        They they PRON PRP 2 nsubj  # 0
        would would AUX MD 2 aux  # 1
        abandon abandon VERB VB 2 ROOT  # 2
        their their PRON PRP$ 8 poss  # 3
        $ $ SYM $ 6 quantmod B-MONEY  # 4
        100 100 NUM CD 6 compound I-MONEY  # 5
        million million NUM CD 8 nummod I-MONEY  # 6
        drone drone NOUN NN 8 compound  # 7
        base base NOUN NN 2 dobj  # 8
        . . PUNCT . 2 punct  # 9
        """,
        2,
        (100000000, "USD", None),
        id="They would abandon their $100 million drone base.",
    ),
    pytest.param(
        """
        Niger Niger PROPN NNP 1 nsubj B-GPE  # 0
        relies rely VERB VBZ 1 ROOT  # 1
        on on ADP IN 1 prep  # 2
        foreign foreign ADJ JJ 4 amod  # 3
        aid aid NOUN NN 2 pobj  # 4
        for for ADP IN 1 prep  # 5
        about about ADV RB 7 advmod B-PERCENT  # 6
        40 40 NUM CD 8 nummod I-PERCENT  # 7
        % % NOUN NN 5 pobj I-PERCENT  # 8
        of of ADP IN 8 prep  # 9
        its its PRON PRP$ 11 poss  # 10
        budget budget NOUN NN 9 pobj  # 11
        , , PUNCT , 11 punct  # 12
        which which PRON WDT 14 nsubj  # 13
        amounts amount VERB VBZ 11 relcl  # 14
        to to ADP IN 14 prep  # 15
        approximately approximately ADV RB 19 advmod B-MONEY  # 16
        $ $ SYM $ 19 quantmod I-MONEY  # 17
        2.2 2.2 NUM CD 19 compound I-MONEY  # 18
        billion billion NUM CD 15 pobj I-MONEY  # 19
        . . PUNCT . 1 punct  # 20
        """,
        1,
        (40, "percent", "about"),
        id="Niger relies on foreign aid for about 40% of its budget, whi",
    ),
    pytest.param(
        """
        The the DET DT 1 det  # 0
        budget budget NOUN NN 2 nsubj  # 1
        amounts amount VERB VBZ 2 ROOT  # 2
        to to ADP IN 2 prep  # 3
        approximately approximately ADV RB 7 advmod B-MONEY  # 4
        $ $ SYM $ 7 quantmod I-MONEY  # 5
        2.2 2.2 NUM CD 7 compound I-MONEY  # 6
        billion billion NUM CD 3 pobj I-MONEY  # 7
        . . PUNCT . 2 punct  # 8
        """,
        2,
        (2200000000, "USD", "about"),
        id="The budget amounts to approximately $2.2 billion.",
    ),
    pytest.param(
        """
        Italy Italy PROPN NNP 2 nsubj B-GPE  # 0
        has have AUX VBZ 2 aux  # 1
        stationed station VERB VBN 2 ROOT  # 2
        300 300 NUM CD 4 nummod B-CARDINAL  # 3
        troops troop NOUN NNS 2 dobj  # 4
        in in ADP IN 2 prep  # 5
        Niger Niger PROPN NNP 5 pobj B-GPE  # 6
        . . PUNCT . 2 punct  # 7
        """,
        2,
        (300, "troops", None),
        id="Italy has stationed 300 troops in Niger.",
    ),
    pytest.param(
        """
        Nigeria Nigeria PROPN NNP 1 nsubj  # 0
        shares share VERB VBZ 1 ROOT  # 1
        a a DET DT 6 det  # 2
        1,500 1,500 NUM CD 5 nummod B-QUANTITY  # 3
        - - PUNCT HYPH 5 punct I-QUANTITY  # 4
        kilometer kilometer NOUN NN 6 compound I-QUANTITY  # 5
        border border NOUN NN 1 dobj  # 6
        with with ADP IN 6 prep  # 7
        Niger Niger PROPN NNP 7 pobj B-GPE  # 8
        . . PUNCT . 1 punct  # 9
        """,
        1,
        (1500, "km", None),
        id="Nigeria shares a 1,500-kilometer border with Niger.",
    ),
    pytest.param(
        """
        The the DET DT 2 det  # 0
        coup coup NOUN NN 2 compound  # 1
        leaders leader NOUN NNS 3 nsubj  # 2
        held hold VERB VBD 3 ROOT  # 3
        a a DET DT 8 det  # 4
        two two NUM CD 7 nummod B-TIME  # 5
        - - PUNCT HYPH 7 punct I-TIME  # 6
        hour hour NOUN NN 8 compound I-TIME  # 7
        discussion discussion NOUN NN 3 dobj  # 8
        with with ADP IN 8 prep  # 9
        Nuland Nuland PROPN NNP 9 pobj B-PERSON  # 10
        . . PUNCT . 3 punct  # 11
        """,
        3,
        (2, "hours", None),
        id="The coup leaders held a two-hour discussion with Nuland.",
    ),
    pytest.param(
        """
        At at ADV RB 1 advmod B-CARDINAL  # 0
        least least ADV RBS 2 advmod I-CARDINAL  # 1
        12 12 NUM CD 3 nummod I-CARDINAL  # 2
        civilians civilian NOUN NNS 5 nsubjpass  # 3
        were be AUX VBD 5 auxpass  # 4
        killed kill VERB VBN 5 ROOT  # 5
        in in ADP IN 5 prep  # 6
        the the DET DT 8 det  # 7
        attack attack NOUN NN 6 pobj  # 8
        . . PUNCT . 5 punct  # 9
        """,
        5,
        (12, "civilians", "at least"),
        id="At least 12 civilians were killed in the attack.",
    ),
    pytest.param(
        """
        Hundreds hundred NOUN NNS 6 nsubjpass B-CARDINAL  # 0
        of of ADP IN 0 prep  # 1
        Wagner Wagner PROPN NNP 3 compound B-ORG  # 2
        personnel personnel NOUN NNS 1 pobj  # 3
        have have AUX VBP 6 aux  # 4
        been be AUX VBN 6 auxpass  # 5
        deployed deploy VERB VBN 6 ROOT  # 6
        . . PUNCT . 6 punct  # 7
        """,
        6,
        None,
        id="Hundreds of Wagner personnel have been deployed.",
    ),
    pytest.param(
        """
        The the DET DT 2 det B-ORG  # 0
        European European PROPN NNP 2 compound I-ORG  # 1
        Union Union PROPN NNP 4 nsubj I-ORG  # 2
        has have AUX VBZ 4 aux  # 3
        deployed deploy VERB VBN 4 ROOT  # 4
        about about ADV RB 6 advmod B-CARDINAL  # 5
        100 100 NUM CD 7 nummod I-CARDINAL  # 6
        soldiers soldier NOUN NNS 4 dobj  # 7
        there there ADV RB 4 advmod  # 8
        . . PUNCT . 4 punct  # 9
        """,
        4,
        (100, "soldiers", "about"),
        id="The European Union has deployed about 100 soldiers there.",
    ),
    pytest.param(
        """
        The the DET DT 1 det  # 0
        U.S. U.S. PROPN NNP 2 nsubj B-GPE  # 1
        launched launch VERB VBD 2 ROOT  # 2
        the the DET DT 4 det  # 3
        base base NOUN NN 2 dobj  # 4
        in in ADP IN 2 prep  # 5
        2019 2019 NUM CD 5 pobj B-DATE  # 6
        . . PUNCT . 2 punct  # 7
        """,
        2,
        None,
        id="The U.S. launched the base in 2019.",
    ),
    pytest.param(
        """
        The the DET DT 1 det  # 0
        junta junta NOUN NN 2 nsubj  # 1
        closed close VERB VBD 2 ROOT  # 2
        the the DET DT 4 det  # 3
        airspace airspace NOUN NN 2 dobj  # 4
        . . PUNCT . 2 punct  # 5
        """,
        2,
        None,
        id="The junta closed the airspace.",
    ),
    pytest.param(
        """
        The the DET DT 1 det  # 0
        U.S. U.S. PROPN NNP 2 nsubj B-GPE  # 1
        operates operate VERB VBZ 2 ROOT  # 2
        two two NUM CD 5 nummod B-CARDINAL  # 3
        drone drone NOUN NN 5 compound  # 4
        bases basis NOUN NNS 2 dobj  # 5
        in in ADP IN 2 prep  # 6
        Niger Niger PROPN NNP 6 pobj B-GPE  # 7
        . . PUNCT . 2 punct  # 8
        """,
        2,
        (2, "drone bases", None),
        id="The U.S. operates two drone bases in Niger.",
    ),
    pytest.param(
        """
        ECOWAS ECOWAS PROPN NNP 7 nsubj  # 0
        , , PUNCT , 0 punct  # 1
        which which PRON WDT 3 nsubj  # 2
        deployed deploy VERB VBD 0 relcl  # 3
        500 500 NUM CD 5 nummod B-CARDINAL  # 4
        troops troop NOUN NNS 3 dobj  # 5
        , , PUNCT , 0 punct  # 6
        imposed impose VERB VBN 7 ROOT  # 7
        sanctions sanction NOUN NNS 7 dobj  # 8
        . . PUNCT . 7 punct  # 9
        """,
        7,
        None,
        id="ECOWAS, which deployed 500 troops, imposed sanctions.",
    ),
    pytest.param(
        """
        ECOWAS ECOWAS PROPN NNP 1 nsubj B-ORG  # 0
        imposed impose VERB VBD 1 ROOT  # 1
        sanctions sanction NOUN NNS 1 dobj  # 2
        and and CCONJ CC 1 cc  # 3
        deployed deploy VERB VBD 1 conj  # 4
        500 500 NUM CD 6 nummod B-CARDINAL  # 5
        troops troop NOUN NNS 4 dobj  # 6
        . . PUNCT . 1 punct  # 7
        """,
        1,
        None,
        id="ECOWAS imposed sanctions and deployed 500 troops.",
    ),
    pytest.param(
        """
        On on ADP IN 9 prep  # 0
        one one NUM CD 2 nummod  # 1
        hand hand NOUN NN 0 pobj  # 2
        , , PUNCT , 9 punct  # 3
        the the DET DT 6 det  # 4
        coup coup NOUN NN 6 compound  # 5
        leaders leader NOUN NNS 9 nsubj  # 6
        have have AUX VBP 9 aux  # 7
        not not PART RB 9 neg  # 8
        reinstated reinstate VERB VBN 9 ROOT  # 9
        Bazoum Bazoum PROPN NNP 9 dobj B-PERSON  # 10
        . . PUNCT . 9 punct  # 11
        """,
        9,
        None,
        id="On one hand, the coup leaders have not reinstated Bazoum.",
    ),
]


def _as_tuple(quantity: Quantity | None) -> tuple | None:
    return None if quantity is None else (quantity.value, quantity.unit, quantity.approx)


@pytest.mark.parametrize("table,trigger,expected", CASES)
def test_claim_quantity_on_hand_built_parse(vocab_nlp, table, trigger, expected):
    doc = build(vocab_nlp.vocab, table)
    assert _as_tuple(claim_quantity(doc[trigger])) == expected


TWO_THOUSAND_TROOPS = """
    France France PROPN NNP 1 nsubj B-GPE
    deployed deploy VERB VBD 1 ROOT
    2000 2000 NUM CD 3 nummod
    troops troop NOUN NNS 1 dobj
"""


def test_a_count_is_not_mistaken_for_a_year(vocab_nlp):
    doc = build(vocab_nlp.vocab, TWO_THOUSAND_TROOPS)
    assert _as_tuple(claim_quantity(doc[1])) == (2000, "troops", None)


def test_numbers_inside_date_spans_are_skipped(vocab_nlp):
    doc = build(vocab_nlp.vocab, TWO_THOUSAND_TROOPS, spans={"sahel_dates": [(2, 3, "DATE")]})
    assert claim_quantity(doc[1]) is None


@pytest.mark.parametrize(
    "phrase,expected",
    [
        ("nearly/nearly/RB 3,000/3,000/CD fighters/fighter/NNS", (3000, "fighters", "under")),
        ("more/more/JJR than/than/IN 50/50/CD people/people/NNS", (50, "people", "over")),
        ("some/some/DT twenty/twenty/CD soldiers/soldier/NNS", (20, "soldiers", "about")),
        ("a/a/DT dozen/dozen/CD hostages/hostage/NNS", (12, "hostages", None)),
        ("one/one/CD soldier/soldier/NN", (1, "soldiers", None)),
        ("1.5/1.5/CD million/million/CD euros/euro/NNS", (1500000, "EUR", None)),
        ("three/three/CD times/time/NNS", None),
    ],
)
def test_approximators_word_numbers_and_units(vocab_nlp, phrase, expected):
    # "They killed <phrase>": a flat object noun phrase, every word hanging from its last noun.
    words, lemmas, tags = zip(*(item.split("/") for item in phrase.split()), strict=True)
    n = len(words) + 2
    doc = Doc(
        vocab_nlp.vocab,
        words=["They", "killed", *words],
        lemmas=["they", "kill", *lemmas],
        tags=["PRP", "VBD", *tags],
        pos=["PRON", "VERB", *("NUM" if t == "CD" else "NOUN" if t.startswith("NN") else "ADV" for t in tags)],
        heads=[1, 1] + [n - 1] * (n - 3) + [1],
        deps=["nsubj", "ROOT"] + ["nummod"] * (n - 3) + ["dobj"],
    )
    assert _as_tuple(claim_quantity(doc[1])) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    "text,trigger,expected",
    [
        ("Italy has stationed 300 troops in Niger.", "stationed", (300, "troops", None)),
        ("At least 12 civilians were killed in the attack.", "killed", (12, "civilians", "at least")),
        ("Nigeria shares a 1,500-kilometer border with Niger.", "shares", (1500, "km", None)),
        ("The U.S. launched the drone base in 2019.", "launched", None),
    ],
)
def test_claim_quantity_with_the_pipeline(nlp, text, trigger, expected):
    doc = nlp(text)
    token = next(t for t in doc if t.text == trigger)
    assert _as_tuple(claim_quantity(token)) == expected


def test_a_definite_count_of_actors_is_no_quantity(vocab_nlp):
    """ "the three governments signed a charter": the number counts actors named before."""
    doc = build(
        vocab_nlp.vocab,
        """
        the the DET DT 2 det
        three three NUM CD 2 nummod
        governments government NOUN NNS 3 nsubj
        signed sign VERB VBD 3 ROOT
        a a DET DT 5 det
        charter charter NOUN NN 3 dobj
        . . PUNCT . 3 punct
        """,
    )
    assert claim_quantity(doc[3]) is None


# --------------------------------------------------------------------------- what a measure measures
# (hand-built parses of invented sentences)

AGREED_TO_A_TRANSITION = """
The the DET DT 1 det  # 0
junta junta NOUN NN 2 nsubj  # 1
agreed agree VERB VBD 2 ROOT  # 2
to to ADP IN 2 prep  # 3
a a DET DT 8 det  # 4
36 36 NUM CD 7 nummod  # 5
- - PUNCT HYPH 7 punct  # 6
month month NOUN NN 8 compound  # 7
transition transition NOUN NN 3 pobj  # 8
. . PUNCT . 2 punct  # 9
"""
HELD_A_SUMMIT = """
The the DET DT 1 det  # 0
sides side NOUN NNS 2 nsubj  # 1
held hold VERB VBD 2 ROOT  # 2
a a DET DT 7 det  # 3
three three NUM CD 6 nummod  # 4
- - PUNCT HYPH 6 punct  # 5
day day NOUN NN 7 compound  # 6
summit summit NOUN NN 2 dobj  # 7
. . PUNCT . 2 punct  # 8
"""
TROOPS_AND_POLICE = """
The the DET DT 1 det  # 0
mission mission NOUN NN 2 nsubj  # 1
has have VERB VBZ 2 ROOT  # 2
some some DET DT 4 quantmod  # 3
9,000 9,000 NUM CD 5 nummod  # 4
troops troop NOUN NNS 2 dobj  # 5
and and CCONJ CC 5 cc  # 6
police police NOUN NNS 5 conj  # 7
there there ADV RB 2 advmod  # 8
. . PUNCT . 2 punct  # 9
"""


@pytest.mark.parametrize(
    "table,trigger,expected",
    [
        pytest.param(AGREED_TO_A_TRANSITION, 2, None, id="a 36-month transition measures the transition"),
        pytest.param(HELD_A_SUMMIT, 2, (3, "days", None), id="a three-day summit measures the event"),
        pytest.param(TROOPS_AND_POLICE, 2, (9000, "troops and police", "about"), id="coordinated nouns counted"),
    ],
)
def test_what_a_measure_measures(vocab_nlp, table, trigger, expected):
    doc = build(vocab_nlp.vocab, table)
    assert _as_tuple(claim_quantity(doc[trigger])) == expected


@pytest.mark.parametrize(
    "words,expected",
    [
        (["Up", "to", "300", "troops", "left"], (300, "troops", "under")),  # two words before, at the start
        (["About", "300", "troops", "left"], (300, "troops", "about")),  # one word before, at the start
        (["300", "troops", "left"], (300, "troops", None)),  # nothing before
        (["In", "excess", "of", "300", "troops", "left"], (300, "troops", "over")),
    ],
)
def test_approximator_at_the_start_of_the_doc(vocab_nlp, words, expected):
    n = len(words)
    number, verb = n - 3, n - 1
    doc = Doc(
        vocab_nlp.vocab,
        words=words,
        lemmas=[w.lower() for w in words[:-2]] + ["troop", "leave"],
        tags=["RB"] * number + ["CD", "NNS", "VBD"],
        pos=["ADV"] * number + ["NUM", "NOUN", "VERB"],
        heads=[number] * number + [n - 2, verb, verb],
        deps=["advmod"] * number + ["nummod", "nsubj", "ROOT"],
    )
    found = claim_quantity(doc[verb])
    assert (found.value, found.unit, found.approx) == expected


@pytest.mark.parametrize(
    "word,tag,expected",
    [
        ("1,000", "NN", True),  # digits, whatever the tag
        ("12.5", "NN", True),
        ("Two", "NN", True),  # number words in any case
        ("dozens", "NNS", True),
        ("dozen", "NN", True),
        ("XII", "CD", True),  # tagged a cardinal
        ("troops", "NNS", False),
        ("1990s", "NNS", False),
        ("-", "HYPH", False),
    ],
)
def test_is_number(vocab_nlp, word, tag, expected):
    doc = Doc(vocab_nlp.vocab, words=[word], tags=[tag])
    assert _is_number(doc[0]) is expected
