"""TriggerIndex: phrases, light verbs, single words and their precedence, on hand-built
parses (no model loaded), with the real configs/predicates.yaml."""

from __future__ import annotations

import random

import pytest
from docbuild import build
from spacy.strings import get_string_id
from spacy.tokens import Doc

from pipeline.claims.triggers import (
    Scan,
    TriggerIndex,
    for_to_clause,
    is_reporting_use,
    light_triggers,
    load_predicates,
    phrase_triggers,
    phrase_words,
    word_triggers,
)
from pipeline.config import CONFIG_DIR, parse_yaml_model
from pipeline.errors import ConfigError
from pipeline.models import PredicatesConfig


@pytest.fixture(scope="module")
def index(vocab_nlp):
    return TriggerIndex(vocab_nlp.vocab, load_predicates(CONFIG_DIR / "predicates.yaml"))


def found(index, doc):
    return [(t.token.i, t.predicate, t.rule) for t in index.find(doc)]


CASES = [
    pytest.param(
        """
        Nigeria Nigeria PROPN NNP 1 nsubj B-GPE
        cut cut VERB VBD 1 ROOT
        off off ADP RP 1 prt
        its its PRON PRP$ 5 poss
        electricity electricity NOUN NN 5 compound
        supply supply NOUN NN 1 dobj
        . . PUNCT . 1 punct
        """,
        [(1, "suspend_cooperation", "phrase")],
        id="phrasal verb: Nigeria cut off its electricity supply.",
    ),
    pytest.param(
        """
        The the DET DT 1 det
        leaders leader NOUN NNS 2 nsubj
        held hold VERB VBD 2 ROOT
        talks talk NOUN NNS 2 dobj
        with with ADP IN 3 prep
        Nuland Nuland PROPN NNP 4 pobj B-PERSON
        . . PUNCT . 2 punct
        """,
        [(2, "meet", "light-verb")],
        id="light verb: The leaders held talks with Nuland.",
    ),
    pytest.param(
        """
        The the DET DT 1 det
        leaders leader NOUN NNS 2 nsubj
        engaged engage VERB VBD 2 ROOT
        in in ADP IN 2 prep
        talks talk NOUN NNS 3 pobj
        . . PUNCT . 2 punct
        """,
        [(2, "meet", "light-verb")],
        id="light verb with in: The leaders engaged in talks.",
    ),
    pytest.param(
        """
        They they PRON PRP 1 nsubj
        rejected reject VERB VBD 1 ROOT
        meetings meeting NOUN NNS 1 dobj
        . . PUNCT . 1 punct
        """,
        [(1, "reject", "verb")],
        id="an event noun that is a trigger's object is no claim: They rejected meetings.",
    ),
    pytest.param(
        """
        There there PRON EX 1 expl
        are be VERB VBP 1 ROOT
        whispers whisper NOUN NNS 1 attr
        that that SCONJ IN 6 mark
        they they PRON PRP 6 nsubj
        have have AUX VBP 6 aux
        been be AUX VBN 2 acl
        in in ADP IN 6 prep
        touch touch NOUN NN 7 pobj
        with with ADP IN 8 prep
        Wagner Wagner PROPN NNP 9 pobj B-ORG
        . . PUNCT . 1 punct
        """,
        [(6, "contact", "phrase")],
        id="a phrase stays in its clause: there are whispers that they have been in touch with Wagner",
    ),
    pytest.param(
        """
        He he PRON PRP 1 nsubj
        suggested suggest VERB VBD 1 ROOT
        that that SCONJ IN 4 mark
        talks talk NOUN NNS 4 nsubj
        failed fail VERB VBD 1 ccomp
        . . PUNCT . 1 punct
        """,
        [(3, "meet", "nominal")],
        id="a reporting use is no trigger: He suggested that talks failed.",
    ),
    pytest.param(
        """
        the the DET DT 2 det
        detained detain VERB VBN 2 amod
        president president NOUN NN 2 ROOT
        """,
        [],
        id="an adjectival participle is no trigger: the detained president",
    ),
    pytest.param(
        """
        ECOWAS ECOWAS PROPN NNP 1 nsubj B-ORG
        threatened threaten VERB VBD 1 ROOT
        military military ADJ JJ 3 amod
        intervention intervention NOUN NN 1 dobj
        . . PUNCT . 1 punct
        """,
        [(1, "threaten", "verb")],
        id="ECOWAS threatened military intervention.",
    ),
    pytest.param(
        """
        Clashes clash NOUN NNS 1 nsubj
        left leave VERB VBD 1 ROOT
        dozens dozen NOUN NNS 3 nsubj
        dead dead ADJ JJ 1 ccomp
        . . PUNCT . 1 punct
        """,
        [(0, "use_force", "nominal")],
        id="a resultative is no event: clashes left dozens dead (the clashes are, as an event noun)",
    ),
]


@pytest.mark.parametrize(("table", "expected"), CASES)
def test_triggers_found(index, vocab_nlp, table, expected):
    assert found(index, build(vocab_nlp.vocab, table)) == expected


def test_triggers_phrase_words_alternatives():
    assert phrase_words("call on|upon") == [["call"], ["on", "upon"]]


def test_triggers_phrase_final_preposition_is_object_slot(index, vocab_nlp):
    doc = build(
        vocab_nlp.vocab,
        """
        Mali Mali PROPN NNP 1 nsubj B-GPE
        turned turn VERB VBD 1 ROOT
        to to ADP IN 1 prep
        Wagner Wagner PROPN NNP 2 pobj B-ORG
        . . PUNCT . 1 punct
        """,
    )
    (trig,) = index.find(doc)
    assert (trig.predicate, trig.obj_prep.i) == ("request_aid", 2)


def test_triggers_config_error_names_field():
    text = "predicates:\n  - name: meet\n    cameo: '4'\n"
    with pytest.raises(ConfigError, match=r"predicates.yaml:3: field 'predicates.0.cameo'"):
        parse_yaml_model(text, PredicatesConfig, path="predicates.yaml")


def test_triggers_config_rejects_a_lemma_of_two_predicates():
    text = "predicates:\n  - {name: meet, verbs: [meet]}\n  - {name: visit, verbs: [meet]}\n"
    with pytest.raises(ConfigError, match="triggers both"):
        parse_yaml_model(text, PredicatesConfig)


def test_triggers_config_has_the_spec_vocabulary():
    config = load_predicates(CONFIG_DIR / "predicates.yaml")
    assert len(config.predicates) == 41  # SPEC section 4, revision 2 (tests/test_gold.py checks the names)
    assert {"say", "tell", "disclose", "announce"} <= set(config.reporting_verbs)


# The lookups that replaced spaCy's matchers keep the matchers' semantics: these pin the
# choice among several readings of one token, on a small config of their own.
SMALL = """
light_verbs: [hold]
converse_verbs: [face]
predicates:
  - name: suspend_cooperation
    phrases: ["cut off", "cut off from"]
  - name: contact
    phrases: ["cut off with", "cut tie|link with"]
  - name: meet
    nouns: [talk, meeting]
  - name: protest
    nouns: [protest]
"""


@pytest.fixture(scope="module")
def small(vocab_nlp):
    return TriggerIndex(vocab_nlp.vocab, parse_yaml_model(SMALL, PredicatesConfig))


def detail(index, doc):
    return [
        (t.token.i, t.predicate, t.rule, [w.i for w in t.words], t.noun.i if t.noun is not None else None)
        for t in index.find(doc)
    ]


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        pytest.param(
            """
            They they PRON PRP 1 nsubj
            cut cut VERB VBD 1 ROOT
            off off ADP RP 1 prt
            aid aid NOUN NN 1 dobj
            with with ADP IN 1 prep
            Mali Mali PROPN NNP 4 pobj B-GPE
            """,
            [(1, "contact", "phrase", [1, 2, 4], None)],
            id="the longest phrase wins over config order: They cut off aid with Mali",
        ),
        pytest.param(
            """
            They they PRON PRP 1 nsubj
            cut cut VERB VBD 1 ROOT
            off off ADP RP 1 prt
            aid aid NOUN NN 1 dobj
            from from ADP IN 1 prep
            Mali Mali PROPN NNP 4 pobj B-GPE
            with with ADP IN 1 prep
            Niger Niger PROPN NNP 6 pobj B-GPE
            """,
            [(1, "suspend_cooperation", "phrase", [1, 2, 4], None)],
            id="the first phrase in config order among equals: They cut off aid from Mali with Niger",
        ),
        pytest.param(
            """
            They they PRON PRP 1 nsubj
            cut cut VERB VBD 1 ROOT
            ties tie NOUN NNS 1 dobj
            and and CCONJ CC 2 cc
            links link NOUN NNS 2 conj
            with with ADP IN 2 prep
            Mali Mali PROPN NNP 5 pobj B-GPE
            """,
            [(1, "contact", "phrase", [1, 2, 5], None)],
            id="an alternative word, the earliest one: They cut ties and links with Mali",
        ),
        pytest.param(
            """
            They they PRON PRP 1 nsubj
            cut cut VERB VBD 1 ROOT
            ties tie NOUN NNS 1 dobj
            to to ADP IN 2 prep
            groups group NOUN NNS 3 pobj
            with with ADP IN 4 prep
            Mali Mali PROPN NNP 5 pobj B-GPE
            """,
            [],
            id="at most three arcs down: They cut ties to groups with Mali",
        ),
        pytest.param(
            """
            They they PRON PRP 1 nsubj
            held hold VERB VBD 1 ROOT
            protests protest NOUN NNS 1 dobj
            in in ADP IN 1 prep
            talks talk NOUN NNS 3 pobj
            """,
            [(1, "protest", "light-verb", [1, 2], 2), (4, "meet", "nominal", [4], None)],
            id="a light verb's object noun before in + noun: They held protests in talks",
        ),
        pytest.param(
            """
            They they PRON PRP 1 nsubj
            faced face VERB VBD 1 ROOT
            protests protest NOUN NNS 1 dobj
            and and CCONJ CC 2 cc
            talks talk NOUN NNS 1 dobj
            """,
            [(1, "protest", "converse", [1, 2], 2)],
            id="a converse verb's earliest event noun: They faced protests and talks",
        ),
    ],
)
def test_triggers_choice_among_readings(small, vocab_nlp, table, expected):
    assert detail(small, build(vocab_nlp.vocab, table)) == expected


def test_triggers_need_a_parse(index, vocab_nlp):
    doc = Doc(vocab_nlp.vocab, words=["They", "met"], lemmas=["they", "meet"], pos=["PRON", "VERB"])
    with pytest.raises(ValueError, match="parser"):
        index.find(doc)


def test_triggers_for_to_clause_completes_a_phrase(index, vocab_nlp):
    """ "urged ... called for X to V": the complementizer "for" completes "call for"."""
    doc = build(
        vocab_nlp.vocab,
        """
        Clerics cleric NOUN NNS 1 nsubj
        called call VERB VBD 1 ROOT
        for for SCONJ IN 5 mark
        Benin Benin PROPN NNP 5 nsubj B-GPE
        to to PART TO 5 aux
        reopen reopen VERB VB 1 advcl
        the the DET DT 7 det
        border border NOUN NN 5 dobj
        . . PUNCT . 1 punct
        """,
    )
    assert for_to_clause(doc[1]).i == 2
    trig = index.find(doc)[0]
    assert (trig.token.i, trig.predicate, trig.obj_prep.i) == (1, "appeal", 2)
    assert for_to_clause(doc[5]) is None


def test_triggers_misparsed_report_is_no_report(index, vocab_nlp):
    """ "The rebels attacked the base, a charge Lome denies": "denies" does not report the
    main clause, it rejects the charge."""
    doc = build(
        vocab_nlp.vocab,
        """
        The the DET DT 1 det
        rebels rebel NOUN NNS 2 nsubj
        attacked attack VERB VBD 9 ccomp
        the the DET DT 4 det
        base base NOUN NN 2 dobj
        , , PUNCT , 9 punct
        a a DET DT 7 det
        charge charge NOUN NN 9 dobj
        Lome Lome PROPN NNP 9 nsubj B-GPE
        denies deny VERB VBZ 9 ROOT
        . . PUNCT . 9 punct
        """,
    )
    assert not is_reporting_use(doc[9], index.reporting)
    assert (9, "reject", "verb") in found(index, doc)


# ---------------------------------------------------------------------- candidate scan

SCAN_POS = ["VERB", "NOUN", "ADP", "SCONJ", "PART", "PRON", "PROPN", "ADJ", "AUX", "DET"]
SCAN_DEPS = ["nsubj", "dobj", "nsubjpass", "prep", "pobj", "prt", "mark", "aux", "ccomp", "xcomp", "advcl"]
SCAN_DEPS += ["conj", "amod", "oprd", "acomp", "relcl", "agent", "dative", "compound", "det", "acl", "parataxis"]


def random_parses(vocab, index, n, seed):
    """``n`` random trees over the config's words (some capitalised) with random tags."""
    rng = random.Random(seed)
    config = index.config
    words = set(config.light_verbs) | set(config.converse_verbs) | set(config.reporting_verbs)
    for spec in config.predicates:
        words |= set(spec.verbs) | set(spec.nouns)
        for phrase in [*spec.phrases, *spec.patient_phrases]:
            words.update(w for alts in phrase_words(phrase) for w in alts)
    words = sorted(words | {"the", "they", "to", "for", "dead", "Mali"})
    for _ in range(n):
        size = rng.randint(1, 12)
        lemmas = [rng.choice(words) for _ in range(size)]
        lemmas = [w.capitalize() if rng.random() < 0.1 else w for w in lemmas]
        order = rng.sample(range(size), size)  # order[0] is the root; each other hangs on an earlier one
        heads, deps = list(range(size)), ["ROOT"] * size
        for k, i in enumerate(order[1:], 1):
            heads[i], deps[i] = order[rng.randrange(k)], rng.choice(SCAN_DEPS)
        pos = [rng.choice(SCAN_POS) for _ in range(size)]
        yield Doc(vocab, words=lemmas, lemmas=lemmas, pos=pos, heads=heads, deps=deps)


def test_triggers_scan_names_the_tokens_a_walk_over_every_token_tests(index, vocab_nlp):
    """``TriggerIndex.scan`` (one ``to_array``, one binary search) singles out exactly the
    tokens the per-token tests would: a phrase's first word, a light or converse verb, a
    trigger word with its POS; and the phrase bound (each other word must occur after the
    first) drops no phrase a walk over every token would match."""
    rest = {get_string_id(w) for ps in index.phrase_starts.values() for p in ps for alts in p.rest for w in alts}
    kinds, needed = set(), {"phrase", "light-verb", "verb", "nominal"}
    for n, doc in enumerate(random_parses(vocab_nlp.vocab, index, 30000, seed=7)):
        if n >= 3000 and kinds >= needed:
            break  # at least 3,000 parses, and on until every reading has come up
        scan = index.scan(doc)
        assert scan.phrase_starts == [t.i for t in doc if t.lemma_ in index.phrase_starts]
        assert scan.light == [t.i for t in doc if t.lemma_ in index.light | index.converse]
        assert scan.words == [t.i for t in doc if (t.lemma_, t.pos_) in index.word_rules]
        assert scan.last_word == {get_string_id(t.lemma_): t.i for t in doc if get_string_id(t.lemma_) in rest}
        every = Scan(list(range(len(doc))), dict.fromkeys(rest, len(doc)), list(range(len(doc))), [])
        assert trigger_keys(phrase_triggers(doc, index, scan)) == trigger_keys(phrase_triggers(doc, index, every))
        assert trigger_keys(light_triggers(doc, index, scan)) == trigger_keys(light_triggers(doc, index, every))
        assert trigger_keys(word_triggers(doc, index)) == trigger_keys(word_triggers(doc, index, scan))
        kinds.update(t.rule for t in index.find(doc))
    assert kinds >= needed  # the parses exercise every reading


def trigger_keys(triggers):
    return [
        (t.token.i, t.predicate, t.rule, tuple(w.i for w in t.words), t.noun.i if t.noun is not None else None)
        for t in triggers
    ]


def test_triggers_scan_of_an_empty_doc(index, vocab_nlp):
    assert index.scan(Doc(vocab_nlp.vocab, words=[])) == Scan([], {}, [], [])
