"""The gazetteer component and its rules (pipeline/gazetteer/component.py,
pipeline/gazetteer/index.py), on short inline texts and hand-built Docs."""

from __future__ import annotations

import datetime as dt
import warnings

import pytest
from spacy.tokens import Doc, Span

from pipeline import api
from pipeline.config import parse_yaml_model
from pipeline.doc import MENTIONS_KEY
from pipeline.errors import ConfigError, SahelWarning
from pipeline.gazetteer.entities import alias_spans, clean_model_entities, merge_entities, title_spans
from pipeline.gazetteer.index import build_index, build_matchers, resolve_span
from pipeline.gazetteer.mentions import description_mentions
from pipeline.models import Article, ArticleMeta, Gazetteer

MINI = """
titles: [President]
entries:
  - {id: Niger, label: GPE, demonyms: [Nigerien]}
  - {id: Mohamed_Bazoum, label: PERSON}
  - {id: Ouhoumoudou_Mahamadou, label: PERSON}
  - {id: Lloyd_Austin, label: PERSON, surnames: []}
  - id: National_Council_for_the_Safeguard_of_the_Homeland
    label: ORG
    aliases: [CNSP]
    descriptions:
      - {about: [Niger], start: 2023-07-26, phrases: [junta, the military]}
"""


def run(nlp, text: str, published: str | None = "2023-08-09") -> Doc:
    meta = ArticleMeta(id="t", published=published)
    return nlp(api.make_doc(nlp, Article(meta=meta, text=text)))


def ents(doc: Doc) -> list[tuple[str, str, str]]:
    return [
        (e.text, e.label_, e.kb_id_) for e in doc.ents if e.label_ in ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")
    ]


def mentions(doc: Doc) -> list[tuple[str, str]]:
    return [(s.text, s.kb_id_) for s in doc.spans[MENTIONS_KEY]]


# --------------------------------------------------------------------------- full pipeline


@pytest.mark.parametrize(
    "text",
    [
        "Two weeks have passed since the military upheaval in Niger, yet the future remains uncertain.",
        "Niger relies on foreign aid for about 40% of its budget.",
        "The U.S. has yet to label the situation in Niger as a coup.",
        "Niger is once again at the crossroads of international power plays.",
        "Nigeria has cut off its electricity supply to Niger, on which Niger relies.",
    ],
)
def test_gazetteer_niger_is_never_person_or_date(nlp, text):
    found = [(t, label, i) for t, label, i in ents(run(nlp, text)) if t == "Niger"]
    assert found and all(label == "GPE" and i == "Niger" for _, label, i in found)
    assert not [e for e in run(nlp, text).ents if e.text == "Niger" and e.label_ != "GPE"]


@pytest.mark.parametrize(
    "text,name,label,kb_id",
    [
        ("The coup leaders in Niger held a two-hour discussion with Nuland.", "Nuland", "PERSON", "Victoria_Nuland"),
        ("On Tuesday, Prigozhin released an audio message.", "Prigozhin", "PERSON", "Yevgeny_Prigozhin"),
        ("Chiyani has declared himself chairman.", "Chiyani", "PERSON", "Abdourahamane_Tchiani"),
        ("General Tiani addressed the nation on television.", "Tiani", "PERSON", "Abdourahamane_Tchiani"),
        ("Tchiani met the envoys in Niamey.", "Tchiani", "PERSON", "Abdourahamane_Tchiani"),
        ("The CEDEAO summit ended in Abuja.", "CEDEAO", "ORG", "Economic_Community_of_West_African_States"),
        ("ISGS fighters attacked a convoy near Menaka.", "ISGS", "ORG", "Islamic_State_–_Sahel_Province"),
        ("ISGS fighters attacked a convoy near Menaka.", "Menaka", "GPE", "Ménaka"),
        ("JNIM claimed the attack in Tillaberi.", "Tillaberi", "GPE", "Tillabéri_Region"),
        (
            "The military named Ali Mahamane Lamine Zeine as prime minister.",
            "Ali Mahamane Lamine Zeine",
            "PERSON",
            "Ali_Lamine_Zeine",
        ),
        ("Sanctions were imposed by the United States.", "United States", "GPE", "United_States"),
        ("Officials in America disagreed.", "America", "GPE", "United_States"),
        ("Later, Tinubu threatened an intervention.", "Tinubu", "PERSON", "Bola_Tinubu"),
        ("An official told the Associated Press that talks failed.", "Associated Press", "ORG", "Associated_Press"),
    ],
)
def test_gazetteer_links_aliases_and_spellings(nlp, text, name, label, kb_id):
    assert (name, label, kb_id) in ents(run(nlp, text))


@pytest.mark.parametrize(
    "text,name,kb_id",
    [
        ("ECOWAS asked the Nigerien military to step back.", "Nigerien", "Niger"),
        ("Anti-French protests grew.", "French", "France"),
        ("Malian soldiers patrolled the border.", "Malian", "Mali"),
        ("Many Nigeriens marched in Niamey.", "Nigeriens", "Niger"),
        ("The Nigerian parliament opposed the plan.", "Nigerian", "Nigeria"),
    ],
)
def test_gazetteer_links_demonyms_to_countries(nlp, text, name, kb_id):
    assert (name, "NORP", kb_id) in ents(run(nlp, text))


@pytest.mark.parametrize(
    "text,expected",
    [
        ("President Bazoum remains in custody.", ("Bazoum", "PERSON", "Mohamed_Bazoum")),
        ("Talks with the U.S. stalled.", ("U.S.", "GPE", "United_States")),
        ("Niger's airspace was closed.", ("Niger", "GPE", "Niger")),
        ("ECOWAS's stance has softened.", ("ECOWAS", "ORG", "Economic_Community_of_West_African_States")),
        ("The sanctions came from the World Bank.", ("World Bank", "ORG", "World_Bank")),
    ],
)
def test_gazetteer_span_conventions(nlp, text, expected):
    assert expected in ents(run(nlp, text))


def test_gazetteer_splits_hyphenated_names(nlp):
    found = ents(run(nlp, "Against a backdrop of U.S.-Russia tensions, talks stalled."))
    assert ("U.S.", "GPE", "United_States") in found and ("Russia", "GPE", "Russia") in found


def test_gazetteer_keeps_model_entities_unlinked(nlp):
    doc = run(nlp, "Kouassi Yao, an analyst in Abidjan, spoke on Monday about the $100 million base.")
    assert ("Kouassi Yao", "PERSON", "") in ents(doc)
    labels = {e.label_ for e in doc.ents}
    assert "DATE" in labels and "MONEY" in labels


@pytest.mark.parametrize(
    "published,expected",
    [("2023-08-09", "Bola_Tinubu"), ("2021-06-01", "Muhammadu_Buhari")],
)
def test_gazetteer_role_depends_on_published_date(nlp, published, expected):
    doc = run(nlp, "The Nigerian president warned the soldiers in Niamey.", published)
    assert ("The Nigerian president", expected) in mentions(doc)


@pytest.mark.parametrize(
    "text,published,expected",
    [
        ("Niger's president spoke on the radio.", "2022-05-01", "Mohamed_Bazoum"),
        ("The president of Niger spoke on the radio.", "2019-05-01", "Mahamadou_Issoufou"),
        ("The ECOWAS chairman spoke on the radio.", "2022-12-01", "Umaro_Sissoco_Embaló"),
        ("The ECOWAS chairman spoke on the radio.", "2023-08-09", "Bola_Tinubu"),
    ],
)
def test_gazetteer_role_titles_with_owner(nlp, text, published, expected):
    assert [m[1] for m in mentions(run(nlp, text, published))] == [expected]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Niger's ousted president remains detained.", [("Niger's ousted president", "Mohamed_Bazoum")]),
        (
            "In Niger, the junta kept the deposed president. Niger waited.",
            [("the deposed president", "Mohamed_Bazoum")],
        ),
        ("In Niger and Mali, the deposed president waited. Mali and Niger talked.", []),
    ],
)
def test_gazetteer_past_role_is_last_holder(nlp, text, expected):
    found = [m for m in mentions(run(nlp, text, "2023-09-01")) if "president" in m[0]]
    assert found == expected


@pytest.mark.parametrize(
    "published,expected",
    [("2021-05-26", [("Mali's president", "Bah_Ndaw")]), ("2021-07-01", [("Mali's president", "Assimi_Goïta")])],
)
def test_gazetteer_role_ended_days_before_with_no_holder_since(nlp, published, expected):
    """Bah N'Daw, president of Mali until his arrest on 24 May 2021: two days later "Mali's
    president" is still him (no one holds the role yet); once Goita holds it, Goita."""
    found = [m for m in mentions(run(nlp, "Mali's president was detained.", published)) if "president" in m[0]]
    assert found == expected


def test_gazetteer_role_unlinked_without_date(nlp):
    assert mentions(run(nlp, "The Nigerian president warned them.", None)) == []


NIGER_TEXT = "The coup in Niger shocked the region. In Niger, the junta closed the airspace."


@pytest.mark.parametrize(
    "text,published,expected",
    [
        (NIGER_TEXT, "2023-08-09", [("the junta", "National_Council_for_the_Safeguard_of_the_Homeland")]),
        (NIGER_TEXT, "2023-01-09", []),
        ("In Ghana, the junta was criticised. Ghana held elections.", "2023-08-09", []),
        ("In Niger, ECOWAS military leaders met. Niger waited.", "2023-08-09", []),
        (
            "Niger's junta closed the airspace.",
            "2023-08-09",
            [("Niger's junta", "National_Council_for_the_Safeguard_of_the_Homeland")],
        ),
    ],
)
def test_gazetteer_descriptions_need_their_context(nlp, text, published, expected):
    doc = run(nlp, text, published)
    assert mentions(doc) == expected
    assert all(e.label_ != "ORG" or "junta" not in e.text for e in doc.ents)


def test_gazetteer_description_not_a_title_before_a_name(nlp):
    doc = run(nlp, "In Niger, Niger's coup leader Chiyani met them.", "2023-08-09")
    assert not [m for m in mentions(doc) if "coup leader" in m[0]]


def test_resolve_span_for_claim_arguments(nlp):
    doc = run(nlp, "In Niger, these coup leaders met President Bazoum. Niger rejected military agreements.")
    index = nlp.get_pipe("sahel_gazetteer").index
    by_text = {c.text: c for c in doc.noun_chunks}
    assert resolve_span(by_text["these coup leaders"], index) == "National_Council_for_the_Safeguard_of_the_Homeland"
    assert resolve_span(by_text["President Bazoum"], index) == "Mohamed_Bazoum"
    assert resolve_span(by_text["military agreements"], index) is None


def test_gazetteer_matchers_built_once(nlp):
    pipe = nlp.get_pipe("sahel_gazetteer")
    before = pipe.matchers
    run(nlp, "Niger and Mali.")
    assert pipe.matchers is before and before is not None


# --------------------------------------------------------------------------- hand-built Docs


@pytest.fixture(scope="module")
def mini(vocab_nlp):
    index = build_index(parse_yaml_model(MINI, Gazetteer))
    return index, build_matchers(vocab_nlp, index)


def test_model_person_ending_in_known_surname_links(vocab_nlp, mini):
    index, matchers = mini
    doc = Doc(vocab_nlp.vocab, words=["Ahmed", "Bazoum", "spoke", "."], ents=["B-PERSON", "I-PERSON", "O", "O"])
    merged = merge_entities(
        alias_spans(doc, matchers, index), clean_model_entities(doc, title_spans(doc, matchers), index)
    )
    assert [(s.text, s.label_, s.kb_id_) for s in merged] == [("Ahmed Bazoum", "PERSON", "Mohamed_Bazoum")]


@pytest.mark.parametrize(
    "words,expected",
    [
        (["Mahamadou", "Ali", "spoke"], [("Mahamadou Ali", "PERSON", "")]),
        (["Ouhoumoudou", "Mahamadou", "spoke"], [("Ouhoumoudou Mahamadou", "PERSON", "Ouhoumoudou_Mahamadou")]),
        (["Lloyd", "Austin", "spoke"], [("Lloyd Austin", "PERSON", "Lloyd_Austin")]),
    ],
)
def test_surname_inside_other_name_stays_unlinked(vocab_nlp, mini, words, expected):
    index, matchers = mini
    doc = Doc(vocab_nlp.vocab, words=words, ents=["B-PERSON", "I-PERSON", "O"])
    model = clean_model_entities(doc, title_spans(doc, matchers), index)
    merged = merge_entities(alias_spans(doc, matchers, index), model)
    assert [(s.text, s.label_, s.kb_id_) for s in merged] == expected


def test_surnames_opt_out(mini):
    index, _ = mini
    assert index.names["Mahamadou"].id == "Ouhoumoudou_Mahamadou"
    assert "Austin" not in index.names


@pytest.mark.parametrize(
    "words,ents,expected",
    [
        (
            ["the", "Nigerien", "Senate", "'s", "vote"],
            ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "O"],
            [("Nigerien Senate", "ORG")],
        ),
        (["President", "Tebboune", "spoke"], ["B-PERSON", "I-PERSON", "O"], [("Tebboune", "PERSON")]),
        (["they", "spoke"], ["B-PERSON", "O"], []),
        (["the", "junta", "spoke"], ["O", "B-ORG", "O"], []),
        (["Finance", "Minister", "Zeine"], ["B-ORG", "O", "B-PERSON"], [("Zeine", "PERSON")]),
    ],
)
def test_clean_model_entities(vocab_nlp, mini, words, ents, expected):
    index, matchers = mini
    doc = Doc(vocab_nlp.vocab, words=words, ents=ents)
    cleaned = clean_model_entities(doc, title_spans(doc, matchers), index)
    assert [(s.text, s.label_) for s in cleaned] == expected


def test_description_not_linked_as_modifier(vocab_nlp, mini):
    index, matchers = mini
    words = ["the", "military", "upheaval", "in", "Niger", "and", "the", "military", "in", "Niger"]
    heads = [2, 2, 2, 2, 3, 2, 7, 2, 7, 8]
    deps = ["det", "amod", "ROOT", "prep", "pobj", "cc", "det", "conj", "prep", "pobj"]
    doc = Doc(vocab_nlp.vocab, words=words, heads=heads, deps=deps)
    doc.ents = [Span(doc, 4, 5, label="GPE", kb_id="Niger"), Span(doc, 9, 10, label="GPE", kb_id="Niger")]
    doc._.published = dt.date(2023, 8, 9)
    found = description_mentions(doc, matchers, index, {"Niger": 2})
    assert [(s.start, s.end, s.kb_id_) for s in found] == [(6, 8, "National_Council_for_the_Safeguard_of_the_Homeland")]


def test_alias_conflict_warns_and_keeps_first():
    text = "entries:\n  - {id: Guinea, label: GPE, aliases: [Conakry]}\n  - {id: Conakry, label: GPE}\n"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", SahelWarning)
        index = build_index(parse_yaml_model(text, Gazetteer))
    assert index.names["Conakry"].id == "Guinea"
    assert any("Conakry" in str(w.message) for w in caught)


@pytest.mark.parametrize(
    "yaml_text,line,field",
    [
        ("entries:\n  - id: Niger\n    label: COUNTRY\n", 3, "entries.0.label"),
        (
            "entries:\n  - {id: Niger, label: GPE}\n  - id: Bazoum\n    label: PERSON\n    role: []\n",
            5,
            "entries.1.role",
        ),
        (
            "entries:\n  - id: Bazoum\n    label: PERSON\n    roles:\n      - {title: President, of: Niger}\n",
            5,
            "entries.0.roles.0.title",
        ),
        ("entries:\n  - id: Mohamed Bazoum\n    label: PERSON\n", 2, "entries.0.id"),
    ],
)
def test_gazetteer_config_errors_name_line_and_field(yaml_text, line, field):
    with pytest.raises(ConfigError) as err:
        parse_yaml_model(yaml_text, Gazetteer, path="gaz.yaml")
    assert f"gaz.yaml:{line}: field '{field}'" in str(err.value)


def test_gazetteer_config_rejects_unknown_reference():
    text = "entries:\n  - id: Bazoum\n    label: PERSON\n    roles: [{title: president, of: Niger}]\n"
    with pytest.raises(ConfigError, match="unknown id 'Niger'"):
        parse_yaml_model(text, Gazetteer, path="gaz.yaml")


def test_shipped_gazetteer_is_valid_and_large():
    from pipeline.config import CONFIG_DIR, load_yaml_model

    gaz = load_yaml_model(CONFIG_DIR / "gazetteer.yaml", Gazetteer)
    assert len(gaz.entries) >= 150
    labels = {e.label for e in gaz.entries}
    assert {"PERSON", "ORG", "GPE", "LOC"} <= labels


# --------------------------------------------------------------------------- junta convention
# docs/annotation.md s.2: descriptions of a ruling military body get the council's id, a named
# leader keeps the person's; a state's army denotes the state (invented sentences).

CNSP_MALI = "National_Committee_for_the_Salvation_of_the_People"
MPSR = "Patriotic_Movement_for_Safeguard_and_Restoration"


@pytest.mark.parametrize(
    "text,published,expected",
    [
        ("In Mali, the junta met envoys. Mali waited.", "2022-08-16", [("the junta", CNSP_MALI)]),
        ("In Mali, the military rulers met envoys. Mali waited.", "2024-05-02", [("the military rulers", CNSP_MALI)]),
        ("Mali's transitional authorities met envoys.", "2023-03-01", [("transitional authorities", "Mali")]),
        ("In Mali, the junta leader met envoys. Mali waited.", "2023-03-01", [("the junta leader", "Assimi_Goïta")]),
        ("In Burkina Faso, the junta met envoys. Burkina Faso waited.", "2023-03-01", [("the junta", MPSR)]),
        (
            "In Guinea, the junta met envoys. Guinea waited.",
            "2022-03-01",
            [("the junta", "National_Committee_of_Reconciliation_and_Development")],
        ),
        ("In Mali, the army said it fired. Mali waited.", "2022-08-16", [("the army", "Mali")]),
        ("The Malian army said it fired.", "2022-08-16", [("The Malian army", "Mali")]),
        ("In Chad, the Defence Ministry said it fired. Chad waited.", "2022-08-16", [("the Defence Ministry", "Chad")]),
        (
            "In Guinea, a government spokesman said so. Guinea waited.",
            "2022-03-01",
            [("government spokesman", "National_Committee_of_Reconciliation_and_Development")],
        ),
        (
            "West African leaders met in Accra.",
            "2022-01-10",
            [("West African leaders", "Economic_Community_of_West_African_States")],
        ),
        (
            "In Mali, the peacekeepers left. Mali waited.",
            "2023-06-17",
            [("the peacekeepers", "United_Nations_Multidimensional_Integrated_Stabilization_Mission_in_Mali")],
        ),
        ("In Mali, peacekeepers may leave. Mali waited.", "2023-06-17", []),
        (
            "In Niger, the officers who ousted President Bazoum met envoys. Niger waited.",
            "2023-08-09",
            [("the officers who ousted", "National_Council_for_the_Safeguard_of_the_Homeland")],
        ),
        (
            "Burkina Faso is like neighbouring Mali, whose junta left. Burkina Faso waited.",
            "2023-01-23",
            [("junta", CNSP_MALI)],
        ),
    ],
)
def test_gazetteer_junta_and_army_descriptions(nlp, text, published, expected):
    assert mentions(run(nlp, text, published)) == expected


def test_gazetteer_leaders_camp_is_the_junta(nlp):
    doc = run(nlp, "In Burkina Faso, Traore's camp blamed the rival officers. Burkina Faso waited.", "2022-10-03")
    assert ("camp", MPSR) in mentions(doc)  # the leader's camp, not any camp
    doc = run(nlp, "In Burkina Faso, Damiba's camp blamed the rival officers. Burkina Faso waited.", "2022-10-03")
    assert not [m for m in mentions(doc) if "camp" in m[0]]


def test_link_surnames_follows_the_full_name_named_before(vocab_nlp):
    from pipeline.gazetteer.entities import link_surnames

    words = ["Colonel", "Awa", "Sangare", "spoke", ".", "Sangare", "left", ",", "Sangare", "said", "."]
    pos = ["PROPN", "PROPN", "PROPN", "VERB", "PUNCT", "PROPN", "VERB", "PUNCT", "PROPN", "VERB", "PUNCT"]
    doc = Doc(vocab_nlp.vocab, words=words, pos=pos)
    found = link_surnames(
        doc,
        [Span(doc, 1, 3, label="PERSON", kb_id="Awa_Sangare"), Span(doc, 5, 6, label="ORG")],
    )
    assert [(s.text, s.start, s.label_, s.kb_id_) for s in found] == [
        ("Awa Sangare", 1, "PERSON", "Awa_Sangare"),
        ("Sangare", 5, "PERSON", "Awa_Sangare"),
        ("Sangare", 8, "PERSON", "Awa_Sangare"),
    ]
    earlier = Doc(vocab_nlp.vocab, words=["Sangare", "met", "Awa", "Sangare"], pos=["PROPN", "VERB", "PROPN", "PROPN"])
    alone = link_surnames(earlier, [Span(earlier, 2, 4, label="PERSON", kb_id="Awa_Sangare")])
    assert [s.text for s in alone] == ["Awa Sangare"]  # only a surname after the full name


@pytest.mark.parametrize(
    "words,expected",
    [
        (["Niger-CNSP", "talks"], [(0, ["Niger", "-", "CNSP"])]),
        (["the", "Nigerien-led", "force", "-", "Niger--CNSP"], [(1, ["Nigerien", "-", "led"])]),  # "--": empty part
        (["well-known", "Niger", "-", "Bazoum"], []),  # no known name in a part; a lone "-"
        (["a", "-".join(["Niger"] + ["x"] * 30), "b"], [(1, ["Niger"] + ["-", "x"] * 30)]),  # shape "LONG"
        ([], []),
    ],
)
def test_hyphen_splits_finds_every_hyphenated_token(vocab_nlp, mini, words, expected):
    """The tokens holding a hyphen are found by their shape: the same as asking each token."""
    from pipeline.gazetteer.entities import hyphen_splits

    index, _ = mini
    doc = Doc(vocab_nlp.vocab, words=words)
    assert hyphen_splits(doc, index) == expected


def test_link_surnames_looks_only_at_uncovered_capitalised_proper_nouns(vocab_nlp):
    from pipeline.gazetteer.entities import link_surnames

    words = ["Awa", "Sangare", "met", "sangare", "and", "Sangare", "Sangare", "of", "Sangare", "Group"]
    pos = ["PROPN", "PROPN", "VERB", "PROPN", "CCONJ", "NOUN", "PROPN", "ADP", "PROPN", "PROPN"]
    doc = Doc(vocab_nlp.vocab, words=words, pos=pos)
    ents = [Span(doc, 0, 2, label="PERSON", kb_id="Awa_Sangare"), Span(doc, 8, 10, label="ORG")]
    found = link_surnames(doc, ents)
    # lower case (3), not a proper noun (5), inside another entity (8): left alone
    assert [(s.start, s.end, s.label_, s.kb_id_) for s in found] == [
        (0, 2, "PERSON", "Awa_Sangare"),
        (6, 7, "PERSON", "Awa_Sangare"),
        (8, 10, "ORG", ""),
    ]


def test_link_surnames_relabels_one_word_entities_only_after_the_full_name(vocab_nlp):
    from pipeline.gazetteer.entities import link_surnames

    words = ["Maiga", "said", "Choguel", "Maiga", "met", "Maïga", "and", "Diallo"]
    pos = ["PROPN", "VERB", "PROPN", "PROPN", "VERB", "PROPN", "CCONJ", "PROPN"]
    doc = Doc(vocab_nlp.vocab, words=words, pos=pos)
    ents = [
        Span(doc, 0, 1, label="ORG"),  # before the full name: left alone
        Span(doc, 2, 4, label="PERSON", kb_id="Choguel_Maiga"),
        Span(doc, 5, 6, label="ORG"),  # the surname, accents folded: that PERSON
        Span(doc, 7, 8, label="PERSON", kb_id="X"),  # another name
    ]
    found = link_surnames(doc, ents)
    assert [(s.start, s.end, s.label_, s.kb_id_) for s in found] == [
        (0, 1, "ORG", ""),
        (2, 4, "PERSON", "Choguel_Maiga"),
        (5, 6, "PERSON", "Choguel_Maiga"),
        (7, 8, "PERSON", "X"),
    ]
