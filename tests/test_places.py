"""Where claimed events happened (pipeline/places): rules on hand-built Docs, the place
table, the stage's serialisation, and short sentences through the whole pipeline."""

from __future__ import annotations

import pytest

from pipeline.config import CONFIG_DIR, load_json_model
from pipeline.models import PlacesConfig
from pipeline.places.rules import Context, clause_place, relative_antecedent, shared_heads
from pipeline.places.table import PlaceTable, fold
from tests.docbuild import build


@pytest.fixture(scope="module")
def table() -> PlaceTable:
    return PlaceTable(load_json_model(CONFIG_DIR / "places.json", PlacesConfig))


def _find(table: PlaceTable, doc, anchors, **kw):
    ctx = Context(
        known=lambda text: fold(text) in table.by_name,
        is_country=lambda name: table.country_of(name) is not None,
        main_country=kw.pop("main_country", None),
    )
    return clause_place(anchors, ctx, **kw)


# --------------------------------------------------------------------------- the place table


def test_table_covers_the_sahel_in_french_and_english_spellings(table):
    for name, country, kind in [
        ("Tillabéri", "NER", "city"), ("Tillaberi", "NER", "city"), ("Ménaka", "MLI", "city"),
        ("Menaka", "MLI", "city"), ("Tombouctou", "MLI", "city"), ("Timbuktu", "MLI", "city"),
        ("Ouagadougou", "BFA", "city"), ("Kidal", "MLI", "city"), ("Djibo", "BFA", "city"), ("Diffa", "NER", "city"),
        ("Ouallam", "NER", "city"), ("Agadez", "NER", "city"), ("Tillabéri Region", "NER", "admin1"),
        ("Sahel Region", "BFA", "admin1"), ("Mopti", "MLI", "city"), ("Mali", "MLI", "country"),
    ]:  # fmt: skip
        record = table.resolve([name])
        assert record is not None and (record.country, record.kind) == (country, kind), name
    assert table.resolve(["Timbuktu"]).geonames == table.resolve(["Tombouctou"]).geonames


def test_table_region_keeps_its_admin1_and_a_centre(table):
    region = table.resolve(["Tillaberi"], kind="admin1")
    assert (region.id, region.admin1, region.country) == ("Tillabéri_Region", "Tillabéri", "NER")
    assert 11 < region.lat < 16 and 0 < region.lon < 5


@pytest.mark.parametrize(
    "name,focus,hints,country",
    [
        ("Bama", {"BFA": 3}, (), "BFA"),  # a town of Burkina Faso and of Nigeria: the article's country
        ("Bama", {"NGA": 3}, (), "NGA"),
        ("Gaya", {}, ("NER",), "NER"),  # "Gaya, Niger": the country the sentence names wins
        ("Gaya", {"NER": 5}, ("NGA",), "NGA"),
        ("Illela", {"NER": 1}, (), "NER"),
        ("Niger", {"NGA": 9}, (), "NER"),  # the country before Nigeria's Niger State, even about Nigeria
    ],
)
def test_table_ambiguous_names_resolve_by_the_article_and_the_sentence(table, name, focus, hints, country):
    assert table.resolve([name], focus=focus, countries=hints).country == country


def test_table_gazetteer_id_wins_over_the_name(table):
    assert table.resolve(["Tillabéri"], kb_id="Tillabéri_Region").kind == "admin1"
    assert table.resolve(["Tillabéri"]).kind == "city"
    assert table.resolve(["Kaya"], kb_id="Kaya,_Burkina_Faso").country == "BFA"


def test_table_ids_and_licence(table):
    assert "CC BY 4.0" in table.config.licence and "GeoNames" in table.config.source
    assert table.country_of("Burkina_Faso") == "BFA" and table.country_of("Ivory Coast") == "CIV"
    assert table.by_id[fold("Timbuktu_Region")].admin1 == "Tombouctou"


# --------------------------------------------------------------------------- clause rules (hand-built Docs)

FRONTED = """
In in ADP IN 7 prep
the the DET DT 2 det
capital capital NOUN NN 0 pobj
, , PUNCT , 7 punct
Niamey Niamey PROPN NNP 7 npadvmod B-GPE
, , PUNCT , 7 punct
he he PRON PRP 7 nsubj
met meet VERB VBD 7 ROOT
Bazoum Bazoum PROPN NNP 7 dobj B-PERSON
and and CCONJ CC 7 cc
thanked thank VERB VBD 7 conj
him he PRON PRP 10 dobj
in in ADP IN 10 prep
Paris Paris PROPN NNP 12 pobj B-GPE
. . PUNCT . 7 punct
"""


def test_fronted_place_of_an_apposed_capital_goes_to_both_conjuncts(vocab_nlp, table):
    doc = build(vocab_nlp.vocab, FRONTED.replace("in in ADP IN 10 prep\nParis Paris PROPN NNP 12 pobj B-GPE\n", ""))
    met, thanked = doc[7], doc[10]
    assert _find(table, doc, [met]).span.text == "Niamey"
    shared = shared_heads(thanked, is_event=lambda t: True)
    assert _find(table, doc, [thanked], shared=shared).span.text == "Niamey"


def test_a_conjuncts_own_later_place_is_its_own(vocab_nlp, table):
    doc = build(vocab_nlp.vocab, FRONTED)
    thanked = doc[10]
    assert _find(table, doc, [thanked], shared=shared_heads(thanked, is_event=lambda t: True)).span.text == "Paris"


SITUATED = """
attacks attack NOUN NNS 0 ROOT
perpetrated perpetrate VERB VBN 0 acl
in in ADP IN 1 prep
the the DET DT 4 det
region region NOUN NN 2 pobj
of of ADP IN 4 prep
the the DET DT 7 det
Sahel Sahel PROPN NNP 5 pobj B-LOC
, , PUNCT , 0 punct
in in ADP IN 0 prep
Burkina Burkina PROPN NNP 11 compound B-GPE
Faso Faso PROPN NNP 9 pobj I-GPE
, , PUNCT , 11 punct
in in ADP IN 17 prep
which which PRON WDT 13 pobj
civilians civilian NOUN NNS 17 nsubjpass
were be AUX VBD 17 auxpass
killed kill VERB VBN 11 relcl
. . PUNCT . 0 punct
"""


def test_a_place_that_situates_another_gives_the_more_precise_one(vocab_nlp, table):
    doc = build(vocab_nlp.vocab, SITUATED)
    killed = doc[17]
    antecedent = relative_antecedent(killed)
    assert antecedent is not None and antecedent.text == "Faso"
    found = _find(table, doc, [killed])
    assert (found.span.text, found.kind, found.countries) == ("Sahel", "admin1", ("Burkina Faso",))
    assert _find(table, doc, [doc[0]]).span.text == "Sahel"  # the attacks: the region of the Sahel


STATEMENT = """
Blinken Blinken PROPN NNP 1 nsubj B-PERSON
condemned condemn VERB VBD 1 ROOT
the the DET DT 3 det
attack attack NOUN NN 1 dobj
in in ADP IN 3 prep
Kokorou Kokorou PROPN NNP 4 pobj B-GPE
. . PUNCT . 1 punct
"""


def test_a_statement_is_not_made_where_its_object_happened(vocab_nlp, table):
    doc = build(vocab_nlp.vocab, STATEMENT)
    assert _find(table, doc, [doc[1]], trigger_only=True) is None
    assert _find(table, doc, [doc[1]]).span.text == "Kokorou"  # a physical event would take it
    assert _find(table, doc, [doc[3]]).span.text == "Kokorou"  # the attack itself


REPORTED = """
Officials officials NOUN NNS 1 nsubj
said say VERB VBD 1 ROOT
in in ADP IN 1 prep
Washington Washington PROPN NNP 2 pobj B-GPE
that that SCONJ IN 7 mark
troops troop NOUN NNS 7 nsubjpass
were be AUX VBD 7 auxpass
killed kill VERB VBN 1 ccomp
. . PUNCT . 1 punct
"""


def test_the_place_of_a_report_is_not_the_place_of_the_event(vocab_nlp, table):
    doc = build(vocab_nlp.vocab, REPORTED)
    assert _find(table, doc, [doc[7]]) is None


REGION = """
Jihadists jihadist NOUN NNS 1 nsubj
attacked attack VERB VBD 1 ROOT
a a DET DT 3 det
post post NOUN NN 1 dobj
in in ADP IN 3 prep
the the DET DT 7 det
Tillaberi Tillaberi PROPN NNP 7 compound
region region NOUN NN 4 pobj
. . PUNCT . 1 punct
"""


def test_a_region_noun_names_its_proper_noun_even_untagged(vocab_nlp, table):
    doc = build(vocab_nlp.vocab, REGION)
    found = _find(table, doc, [doc[1]])
    assert (found.span.text, found.kind) == ("Tillaberi", "admin1")


COMPASS = """
Rebels rebel NOUN NNS 1 nsubj
clashed clash VERB VBD 1 ROOT
in in ADP IN 1 prep
the the DET DT 4 det
north north NOUN NN 2 pobj
. . PUNCT . 1 punct
"""


def test_the_north_is_the_articles_country_when_one_leads(vocab_nlp, table):
    doc = build(vocab_nlp.vocab, COMPASS)
    assert _find(table, doc, [doc[1]]) is None
    found = _find(table, doc, [doc[1]], main_country="Chad")
    assert (found.span.text, found.name) == ("the north", "Chad")


# --------------------------------------------------------------------------- the stage


def test_stage_serialises_and_loads_back(tmp_path):
    import spacy

    from pipeline.places.component import PlaceResolver

    nlp = spacy.blank("en")
    stage = PlaceResolver(nlp)
    stage.initialize(nlp=nlp)
    stage.to_disk(tmp_path / "places")
    back = PlaceResolver(nlp).from_disk(tmp_path / "places")
    assert len(back.table) == len(stage.table) > 3000
    assert back.flags == stage.flags and back.flags.predicates["visit"].place_preps == ["to"]
    assert back.flags.predicates["kill"].local_event and back.flags.predicates["criticize"].place_trigger_only


# --------------------------------------------------------------------------- sentences through the pipeline

ABOUT = "{0} faces insecurity. {0} is a country. "
CASES = [
    # (text, article about, predicate, location text, id, country, admin1)
    ("Gunmen killed 12 villagers in Niamey on Sunday.", None, "kill", "Niamey", "Niamey", "NER", "Niamey"),
    ("Jihadists attacked an army post in the Tillaberi region on Monday.", None, "attack", "Tillaberi region",
     "Tillabéri_Region", "NER", "Tillabéri"),
    ("Militants killed five soldiers near Menaka.", None, "kill", "Menaka", "Ménaka", "MLI", "Ménaka"),
    ("The army deployed troops across the border in Burkina Faso.", None, "deploy", "Burkina Faso", "Burkina_Faso",
     "BFA", None),
    ("Jihadists killed 12 civilians in Tombouctou.", None, "kill", "Tombouctou", "Timbuktu", "MLI", "Tombouctou"),
    ("Protesters rallied in Ouagadougou against the junta.", None, "protest", "Ouagadougou", "Ouagadougou", "BFA",
     "Centre"),
    ("Rebels attacked Kidal last week.", None, "attack", "Kidal", "Kidal", "MLI", "Kidal"),
    ("Jihadists killed 20 civilians in Djibo.", None, "kill", "Djibo", "Djibo", "BFA", "Sahel"),
    ("Boko Haram fighters attacked a camp in Diffa.", None, "attack", "Diffa", "Diffa", "NER", "Diffa"),
    ("Gunmen attacked a convoy near Ouallam.", None, "attack", "Ouallam", "Ouallam", "NER", "Tillabéri"),
    ("Soldiers killed ten militants in the Ménaka region.", None, "kill", "Ménaka", "Ménaka_Region", "MLI", "Ménaka"),
    ("The army killed jihadists in the Diffa region.", None, "kill", "Diffa", "Diffa_Region", "NER", "Diffa"),
    ("Militants attacked a convoy in northern Mali.", None, "attack", "Mali", "Mali", "MLI", None),
    ("Jihadists attacked the village of Bama.", "Burkina Faso", "attack", "Bama", "Bama", "BFA", "Boucle du Mouhoun"),
    ("Jihadists attacked the village of Bama.", "Nigeria", "attack", "Bama", "Bama", "NGA", "Borno"),
    ("Gunmen killed three traders in Gaya, Niger.", None, "kill", "Gaya", "Gaya", "NER", "Dosso"),
    ("Gunmen killed three traders in Gaya.", "Nigeria", "kill", "Gaya", "Gaya", "NGA", "Kano"),
    ("Guterres travelled to Ouallam on Tuesday.", None, "visit", "Ouallam", "Ouallam", "NER", "Tillabéri"),
    ("France withdrew its troops from Mali in 2022.", None, "withdraw", "Mali", "Mali", "MLI", None),
    ("Russian mercenaries arrived in Bamako.", None, "deploy", "Bamako", "Bamako", "MLI", "Bamako"),
    ("ECOWAS leaders met in Abuja on Thursday.", None, "meet", "Abuja", "Abuja", "NGA",
     "Abuja Federal Capital Territory"),
    ("In the capital, Niamey, soldiers detained President Bazoum.", None, "detain", "Niamey", "Niamey", "NER",
     "Niamey"),
    ("Militants attacked an army base in Kidal, in northern Mali.", None, "attack", "Kidal", "Kidal", "MLI", "Kidal"),
    ("Clashes erupted. The Chadian army killed 30 rebels in the north.", "Chad", "kill", "the north", "Chad", "TCD",
     None),
    # a wire dateline: a local event with no place in its sentence happened there
    ("BAMAKO, Mali (Reuters) - Soldiers detained the prime minister on Monday.", None, "detain", "BAMAKO", "Bamako",
     "MLI", "Bamako"),
    # "the country": the country named last
    ("Troops were deployed to Niger. The army later withdrew from the country.", None, "withdraw", "the country",
     "Niger", "NER", None),
    # "the capital": of the dateline's country, of the country its modifier names
    ("OUAGADOUGOU, Jan 23 (Reuters) - France was told to go. Protesters rallied in the capital on Friday.", None,
     "protest", "the capital", "Ouagadougou", "BFA", "Centre"),
    ("West African leaders met at a summit in the Ghanaian capital on Sunday.", None, "meet", "the Ghanaian capital",
     "Accra", "GHA", "Greater Accra"),
    # a place's own words when the table holds no record: no id, no coordinates
    ("At least 17 soldiers were killed in an ambush near the border with Mali.", None, "kill", "border with Mali",
     None, None, None),
    # a place that owns the phrase
    ("Forty Ivorian soldiers were arrested at Bamako's airport.", None, "detain", "Bamako", "Bamako", "MLI", "Bamako"),
    ("Jihadists attacked the Kati military camp.", None, "attack", "Kati", "Kati,_Mali", "MLI", "Koulikoro"),
    ("Niger's junta closed the nation's airspace.", None, "close", "the nation", "Niger", "NER", None),
    # "there": the place named last
    ("Rights groups said 300 civilians were killed in the town of Moura. The army said it killed 200 militants there.",
     None, "kill", "there", "Moura,_Mali", None, None),
    # of two places of one word, the more precise
    ("But in Niger, former President Bazoum remains under house arrest in Niamey.", None, "detain", "Niamey", "Niamey",
     "NER", "Niamey"),
    # the gazetteer's id for a place the table does not hold: no coordinates, the id kept
    ("Soldiers killed dozens of people in Moura.", "Mali", "kill", "Moura", "Moura,_Mali", None, None),
]  # fmt: skip
NO_PLACE = [
    ("BAMAKO, Mali (Reuters) - The United States condemned the coup.", "criticize"),  # no local event
    ("WASHINGTON (AP) - The State Department criticized the junta.", "criticize"),
    ("The Security Council condemned the attack in Kokorou.", "criticize"),  # not said in Kokorou
    ("Officials said in Washington that soldiers killed 12 civilians.", "kill"),  # said there, not killed there
    ("DAKAR, July 29 (Reuters) - Rebels in Mali said they killed 47 soldiers.", "kill"),  # a regional bureau
]


def _body(text: str, about: str | None) -> str:
    return text if about is None else ABOUT.format(about) + text


@pytest.mark.slow
@pytest.mark.parametrize("text,about,predicate,where,place_id,country,admin1", CASES)
def test_sentence_location(nlp, text, about, predicate, where, place_id, country, admin1):
    from pipeline.api import extract_text

    result = extract_text(_body(text, about), published="2024-03-01", nlp=nlp)
    claims = [c for c in result.claims if c.predicate == predicate]
    assert claims, f"no {predicate} claim"
    loc = claims[-1].location
    assert loc is not None
    body = _body(text, about)
    assert body[loc.start : loc.end] == loc.text
    assert (loc.text, loc.id, loc.country, loc.admin1) == (where, place_id, country, admin1)
    assert (loc.lat is None) == (country is None)


@pytest.mark.slow
@pytest.mark.parametrize("text,predicate", NO_PLACE)
def test_sentence_without_location(nlp, text, predicate):
    from pipeline.api import extract_text

    result = extract_text(text, published="2024-03-01", nlp=nlp)
    claims = [c for c in result.claims if c.predicate == predicate]
    assert claims and all(c.location is None for c in claims)
    assert "location" not in claims[0].model_dump(mode="json")  # serialised only when set


@pytest.mark.slow
def test_real_set_location_accuracy_floor(real_dir, tmp_path):
    """Location accuracy on matched claims where gold has one (../shared/data/real)."""
    from pipeline import api

    pred = tmp_path / "pred.jsonl"
    api.extract([real_dir / "corpora"], output=pred)
    report = api.score(pred, gold=real_dir / "gold", corpus=real_dir / "corpora")
    location = report.total.claims.location
    assert location.total >= 10 and location.correct / location.total >= 0.85
