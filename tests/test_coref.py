"""Pronouns and descriptions to their antecedents (the rule of pipeline.claims.coref),
on hand-built parses."""

from __future__ import annotations

import random

import pytest
from docbuild import build
from spacy.tokens import Doc, Span

from pipeline.claims.coref import (
    Arg,
    MentionIndex,
    description_kind,
    is_definite,
    np_text_span,
    pronoun_class,
)
from pipeline.claims.vocab import REFLEXIVES

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


# ---------------------------------------------------------------------- groups of countries


def _linked(doc):
    """Give every entity a kb id (its text), as the gazetteer would."""
    from spacy.tokens import Span

    doc.ents = [Span(doc, e.start, e.end, label=e.label_, kb_id=e.text.replace(" ", "_")) for e in doc.ents]
    return doc


# "junta" of a country, as the gazetteer's description rules would say it
JUNTAS = {("junta", "Mali"): "Junta_of_Mali", ("junta", "Chad"): "Junta_of_Chad"}
GROUP_ACTORS = ["ruler", "junta", "government", "country", "authority"]

GROUP_TABLE = """
    The the DET DT 1 det
    rulers ruler NOUN NNS 8 nsubj
    of of ADP IN 1 prep
    Mali Mali PROPN NNP 2 pobj B-GPE
    , , PUNCT , 3 punct
    Chad Chad PROPN NNP 3 conj B-GPE
    and and CCONJ CC 5 cc
    Niger Niger PROPN NNP 5 conj B-GPE
    said say VERB VBD 8 ROOT
    they they PRON PRP 10 nsubj
    left leave VERB VBD 8 ccomp
    . . PUNCT . 8 punct
    The the DET DT 13 det
    juntas junta NOUN NNS 14 nsubj
    met meet VERB VBD 14 ROOT
    . . PUNCT . 14 punct
    All all DET DT 17 det
    three three NUM CD 18 nsubj
    agreed agree VERB VBD 18 ROOT
    . . PUNCT . 18 punct
    The the DET DT 22 det
    Malian malian ADJ JJ 22 amod B-NORP
    authorities authority NOUN NNS 23 nsubj
    spoke speak VERB VBD 23 ROOT
    . . PUNCT . 23 punct
"""


@pytest.fixture
def group_index(vocab_nlp):
    doc = _linked(build(vocab_nlp.vocab, GROUP_TABLE))
    # the rulers of a country: its junta when the gazetteer names one, else the country
    describe = lambda phrase, country: JUNTAS.get((phrase, country))  # noqa: E731
    return doc, MentionIndex(doc, actor_nouns=GROUP_ACTORS, describe_owned=describe)


@pytest.mark.parametrize(
    ("i", "expected"),
    [
        pytest.param(1, ["Mali", "Chad", "Niger"], id="rulers of X, Y and Z: ranges over the three"),
        pytest.param(13, ["Mali", "Chad", "Niger"], id="the juntas: the set named before"),
        pytest.param(17, ["Mali", "Chad", "Niger"], id="all three: the set of three"),
        pytest.param(22, [], id="the Malian authorities: one owner, no set"),
    ],
)
def test_coref_group_countries(group_index, i, expected):
    doc, index = group_index
    assert [a.id for a in index.group_countries(doc[i])] == expected


def test_coref_group_members_take_each_countrys_description(group_index):
    doc, index = group_index
    # "junta" has a description for Mali and Chad; Niger has none here, so the country
    assert [a.id for a in index.group_members(doc[13])] == ["Junta_of_Mali", "Junta_of_Chad", "Niger"]
    assert [a.id for a in index.group_members(doc[17])] == ["Mali", "Chad", "Niger"]


def test_coref_plural_pronoun_takes_the_group(group_index):
    doc, index = group_index
    assert [a.id for a in index.resolve(doc[9])] == ["Mali", "Chad", "Niger"]


def test_coref_member_for_a_country_inside_the_group(group_index):
    doc, index = group_index
    assert index.member_for(doc[5]).id == "Chad"
    assert index.member_for(doc[9]) is None


def test_coref_kind_noun_with_of_complement_is_no_anaphor(vocab_nlp):
    doc = build(
        vocab_nlp.vocab,
        """
        the the DET DT 1 det
        movement movement NOUN NN 1 ROOT
        of of ADP IN 1 prep
        people people NOUN NNS 2 pobj
        """,
    )
    assert description_kind(doc[1]) is None


def test_coref_the_two_sides_are_the_two_actors_of_the_clause_before(vocab_nlp):
    doc = build(
        vocab_nlp.vocab,
        """
        Tiani Tiani PROPN NNP 1 nsubj B-PERSON
        received receive VERB VBD 1 ROOT
        the the DET DT 3 det
        delegation delegation NOUN NN 1 dobj
        . . PUNCT . 1 punct
        The the DET DT 7 det
        two two NUM CD 7 nummod
        sides side NOUN NNS 8 nsubj
        agreed agree VERB VBD 8 ROOT
        . . PUNCT . 8 punct
        """,
    )
    index = MentionIndex(doc, actor_nouns=["delegation"])
    assert [a.text for a in index.group_members(doc[7])] == ["Tiani", "delegation"]


def test_coref_it_after_a_description_takes_what_the_description_denotes(vocab_nlp):
    doc = _linked(
        build(
            vocab_nlp.vocab,
            """
            ECOWAS ECOWAS PROPN NNP 1 nsubj B-ORG
            met meet VERB VBD 1 ROOT
            . . PUNCT . 1 punct
            The the DET DT 4 det
            bloc bloc NOUN NN 5 nsubj
            said say VERB VBD 5 ROOT
            it it PRON PRP 7 nsubj
            agreed agree VERB VBD 5 ccomp
            . . PUNCT . 5 punct
            """,
        )
    )
    index = MentionIndex(doc, actor_nouns=["bloc"])
    assert [a.id for a in index.resolve(doc[6])] == ["ECOWAS"]


def test_coref_description_naming_its_own_country_is_no_anaphor(vocab_nlp):
    """ "The military government ... . The French government said": the second is France,
    not the government named before; with a description for its country, that one."""
    doc = _linked(
        build(
            vocab_nlp.vocab,
            """
            The the DET DT 2 det
            military military ADJ JJ 2 amod
            government government NOUN NN 3 nsubj
            fell fall VERB VBD 3 ROOT
            . . PUNCT . 3 punct
            The the DET DT 7 det
            French French ADJ JJ 7 amod B-NORP
            government government NOUN NN 8 nsubj
            spoke speak VERB VBD 8 ROOT
            . . PUNCT . 8 punct
            """,
        )
    )
    index = MentionIndex(
        doc, actor_nouns=["government"], describe=lambda span: "Junta" if "military" in span.text else None
    )
    assert [a.id for a in index.resolve(doc[7])] == ["French"]
    owned = MentionIndex(
        doc,
        actor_nouns=["government"],
        describe_owned=lambda phrase, owner: "Cabinet_of_France" if owner == "French" else None,
    )
    assert [a.id for a in owned.resolve(doc[7])] == ["Cabinet_of_France"]


def test_coref_he_takes_a_role_holder(vocab_nlp):
    # "Chad's army chief said he had taken charge": a role mention's holder is a person
    doc = build(
        vocab_nlp.vocab,
        """
        Chad Chad PROPN NNP 3 poss B-GPE
        's 's PART POS 0 case
        army army NOUN NN 3 compound
        chief chief NOUN NN 4 nsubj
        said say VERB VBD 4 ROOT
        he he PRON PRP 7 nsubj
        had have AUX VBD 7 aux
        taken take VERB VBN 4 ccomp
        charge charge NOUN NN 7 dobj
        . . PUNCT . 4 punct
        """,
    )
    doc.spans["sahel_mentions"] = [Span(doc, 0, 4, label="ROLE", kb_id="Army_Chief_Of_Chad")]
    index = MentionIndex(doc, actor_nouns=ACTORS)
    assert [a.id for a in index.resolve(doc[5])] == ["Army_Chief_Of_Chad"]
    doc.spans["sahel_mentions"] = [Span(doc, 0, 4, label="MENTION", kb_id="Army_Chief_Of_Chad")]
    assert [a.id for a in MentionIndex(doc, actor_nouns=ACTORS).resolve(doc[5])] != ["Army_Chief_Of_Chad"]


# ---------------------------------------------------------------------- candidates from arrays

# word, lemma, POS, tag, entity label (the random parses' vocabulary)
LEXICON = [
    ("they", "they", "PRON", "PRP", ""),
    ("it", "it", "PRON", "PRP", ""),
    ("his", "his", "PRON", "PRP$", ""),
    ("He", "he", "PRON", "PRP", ""),
    ("themselves", "themselves", "PRON", "PRP", ""),
    ("juntas", "junta", "NOUN", "NNS", ""),
    ("junta", "junta", "NOUN", "NN", ""),
    ("Rulers", "Ruler", "NOUN", "NNS", ""),
    ("governments", "government", "NOUN", "NNS", ""),
    ("leader", "leader", "NOUN", "NN", ""),
    ("sides", "side", "NOUN", "NNS", ""),
    ("parties", "party", "NOUN", "NNS", ""),
    ("countries", "country", "NOUN", "NNS", ""),
    ("talks", "talk", "NOUN", "NNS", ""),
    ("three", "three", "NUM", "CD", ""),
    ("two", "two", "NUM", "CD", ""),
    ("both", "both", "DET", "DT", ""),
    ("10", "10", "NUM", "CD", ""),
    ("the", "the", "DET", "DT", ""),
    ("all", "all", "DET", "DT", ""),
    ("of", "of", "ADP", "IN", ""),
    ("and", "and", "CCONJ", "CC", ""),
    ("said", "say", "VERB", "VBD", ""),
    ("met", "meet", "VERB", "VBD", ""),
    ("Mali", "Mali", "PROPN", "NNP", "GPE"),
    ("Chad", "Chad", "PROPN", "NNP", "GPE"),
    ("Niger", "Niger", "PROPN", "NNP", "GPE"),
    ("ECOWAS", "ECOWAS", "PROPN", "NNP", "ORG"),
    ("Bazoum", "Bazoum", "PROPN", "NNP", "PERSON"),
]
RANDOM_DEPS = ["nsubj", "nsubjpass", "dobj", "pobj", "prep", "conj", "cc", "det", "nummod", "amod", "poss", "ccomp"]
RANDOM_ACTORS = ["junta", "government", "ruler", "leader", "country"]


def random_articles(vocab, n, seed):
    """``n`` Docs of one to four random sentences over :data:`LEXICON`, names linked."""
    rng = random.Random(seed)
    for _ in range(n):
        rows, heads, deps = [], [], []
        if rng.random() < 0.6:  # a set of countries first: "Mali and Chad met"
            rows = [next(row for row in LEXICON if row[0] == w) for w in ("Mali", "and", "Chad", "met")]
            heads, deps = [3, 0, 0, 3], ["nsubj", "cc", "conj", "ROOT"]
        for _ in range(rng.randint(1, 4)):
            start, size = len(rows), rng.randint(1, 8)
            rows += [rng.choice(LEXICON) for _ in range(size)]
            order = [start + k for k in rng.sample(range(size), size)]
            heads += [0] * size
            deps += ["ROOT"] * size
            heads[order[0]] = order[0]
            for k, i in enumerate(order[1:], 1):
                heads[i], deps[i] = order[rng.randrange(k)], rng.choice(RANDOM_DEPS)
        words, lemmas, pos, tags, labels = (list(col) for col in zip(*rows, strict=True))
        ents = [f"B-{label}" if label else "O" for label in labels]
        yield _linked(Doc(vocab, words=words, lemmas=lemmas, pos=pos, tags=tags, heads=heads, deps=deps, ents=ents))


def walk_referents(index):
    """The referents as a walk over every token finds them (what the arrays must match)."""
    doc, out, seen, group_heads = index.doc, [], set(), set()
    for ent in (e for e in doc.ents if e.label_ in ("PERSON", "ORG", "GPE", "NORP")):
        if ent.label_ == "NORP" and (ent.root.pos_ not in ("NOUN", "PROPN") or ent.root.dep_ in ("amod", "compound")):
            continue
        out.append((ent.root.i, ent.label_, (Arg.of(ent, ent.kb_id_),)))
        group = index._coordination(ent.root)
        if group and ent.root.i not in seen:
            seen.add(ent.root.i)
            labels = {index.ent_of[t.i].label_ for t in group}
            kind = labels.pop() if len(labels) == 1 else "GROUP"
            out.append((ent.root.i, kind, tuple(Arg.of(index.ent_of[t.i], index.ent_of[t.i].kb_id_) for t in group)))
    for token in doc:
        if token.i not in index.ent_of and (token.tag_ == "NNS" or token.pos_ == "NUM"):
            if members := index.group_members(token):
                group_heads.add(token.i)
                out.append((token.i, "GROUP", members))
    for token in doc:
        lemma, free = token.lemma_.lower(), token.i not in index.ent_of and token.i not in index.mention_of
        if token.tag_ == "NNS" and lemma in index.actor_nouns and free and token.i not in group_heads:
            out.append((token.i, "GROUP", (index.group_arg(token),)))
        if token.tag_ == "NN" and token.pos_ == "NOUN" and lemma in index.actor_nouns and is_definite(token) and free:
            out.append((token.i, "DESC", (Arg.of(np_text_span(token)),)))
        if pronoun_class(token) is not None and token.lower_ not in REFLEXIVES:
            out.append((token.i, "PRONOUN", ()))
    return sorted(out, key=lambda r: r[0])


def test_coref_candidates_from_arrays_are_those_of_a_walk_over_every_token(vocab_nlp):
    """``MentionIndex`` looks only at the tokens the Doc's arrays single out: a token it
    skips has no countries and no group members, its referents are those a walk over every
    token finds, and its sentence table agrees with ``token.sent``."""
    describe = lambda phrase, country: f"{phrase}_of_{country}" if phrase == "junta" else None  # noqa: E731
    groups = 0
    for doc in random_articles(vocab_nlp.vocab, 1500, seed=3):
        index = MentionIndex(doc, actor_nouns=RANDOM_ACTORS, describe_owned=describe)
        capable = set(index.group_capable())
        for token in doc:
            if token.i not in capable:
                assert index.group_countries(token) == () and index.group_members(token) == ()
            groups += bool(index.group_countries(token)) and token.i not in index.ent_of
            sent = token.sent
            assert index.sentences()[index.sentence_index(token.i)].start == sent.start
        assert [(r.head.i, r.kind, r.args) for r in index.referents] == walk_referents(index)
        by_sentence = [r for n in range(len(index.sentences())) for r in index.referents_in(n)]
        assert [r.head.i for r in by_sentence] == [r.head.i for r in index.referents]
    assert groups > 10  # the parses exercise the group search


def test_a_capitalised_short_form_names_the_body_whose_name_has_that_word(vocab_nlp):
    """ "the Mission" after MINUSMA (United Nations ... Stabilization Mission in Mali): the
    nearest body named before whose name has the word; "the Court" with no such body
    before it stays unresolved."""
    doc = build(
        vocab_nlp.vocab,
        """
        Council Council PROPN NNP 1 nsubj B-ORG
        praised praise VERB VBD 1 ROOT
        MINUSMA MINUSMA PROPN NNP 1 dobj B-ORG
        . . PUNCT . 1 punct
        the the DET DT 5 det
        Mission Mission PROPN NNP 6 nsubj
        left leave VERB VBD 6 ROOT
        the the DET DT 8 det
        Court Court PROPN NNP 6 dobj
        . . PUNCT . 6 punct
        """,
    )
    doc.ents = [
        Span(doc, 0, 1, label="ORG", kb_id="United_Nations_Security_Council"),
        Span(doc, 2, 3, label="ORG", kb_id="United_Nations_Multidimensional_Integrated_Stabilization_Mission_in_Mali"),
    ]
    mentions = MentionIndex(doc, actor_nouns=ACTORS)
    assert [a.id for a in mentions.resolve(doc[5])] == [
        "United_Nations_Multidimensional_Integrated_Stabilization_Mission_in_Mali"
    ]
    assert mentions.resolve(doc[8]) == ()
