"""The codes stage (pipeline/codes): actor codes of claim arguments (SPEC section 4, revision 2).

Three layers: the gazetteer's dated codes (:func:`pipeline.gazetteer.index.codes_at`), the
coding of one argument phrase in a short inline sentence (demonyms, agent nouns, dated roles,
names the gazetteer does not know; :func:`pipeline.codes.rules.code_arg`, the phrase chosen by
the test and linked as the claims stage links it), and the stage in the pipeline (claims
coded, nothing else changed, saved and loaded).
"""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.codes.component import ActorCoder
from pipeline.codes.rules import CodeContext, arg_span, code_arg, main_country
from pipeline.codes.tables import CodeTables, build_tables, dated, plain, singular
from pipeline.config import CONFIG_DIR, load_yaml_model
from pipeline.errors import ConfigError
from pipeline.gazetteer.index import build_index, codes_at
from pipeline.gazetteer.kb import DatedCodes
from pipeline.models import ActorCodesConfig, ClaimArg, Gazetteer

D = dt.date


@pytest.fixture(scope="module")
def gazetteer_index():
    return build_index(load_yaml_model(CONFIG_DIR / "gazetteer.yaml", Gazetteer))


# --------------------------------------------------------------------------- gazetteer codes by date


@pytest.mark.parametrize(
    ("entity", "day", "codes"),
    [
        ("Mohamed_Bazoum", D(2023, 5, 1), ("NER", "GOV")),  # president until 2023-07-26
        ("Mohamed_Bazoum", D(2023, 8, 9), ("NER", None)),  # deposed: SPEC's own example
        ("Abdourahamane_Tchiani", D(2023, 7, 1), ("NER", "MIL")),  # the presidential guard's general
        ("Abdourahamane_Tchiani", D(2023, 8, 9), ("NER", "GOV")),  # leader of Niger from 2023-07-28
        ("Bola_Tinubu", D(2023, 8, 9), ("NGA", "GOV")),  # "the Nigerian president" in 2023
        ("Bola_Tinubu", D(2023, 1, 1), ("NGA", None)),  # before 2023-05-29
        ("Muhammadu_Buhari", D(2020, 1, 1), ("NGA", "GOV")),
        ("Wagner_Group", D(2023, 8, 9), ("RUS", "UAF")),
        ("United_Nations_Security_Council", D(2023, 8, 9), (None, "IGO")),
        ("António_Guterres", D(2024, 1, 1), (None, "IGO")),  # a role of an international body
        ("Omar_Touray", D(2024, 1, 1), (None, "IGO")),
        ("Sylvain_Itté", D(2023, 8, 9), ("FRA", "GOV")),  # France's ambassador
        ("Godswill_Akpabio", D(2024, 1, 1), ("NGA", "LEG")),  # a role with its own sector
        ("Hemedti", D(2022, 1, 1), ("SDN", "MIL")),  # leader of the RSF: the RSF's codes then
        ("Hemedti", D(2024, 1, 1), ("SDN", "REB")),  # ... and after the war began (dated codes)
        ("Ousmane_Sonko", D(2023, 6, 1), ("SEN", "OPP")),
        ("Ousmane_Sonko", D(2024, 6, 1), ("SEN", "GOV")),
        ("National_Council_for_the_Safeguard_of_the_Homeland", D(2023, 8, 9), ("NER", "GOV")),  # a junta
        ("Niger", D(2023, 8, 9), ("NER", "GOV")),
        ("Mohamed_Bazoum", None, ("NER", None)),  # no date: only the undated codes
        ("Sahel", D(2023, 8, 9), (None, None)),  # a region: no actor
    ],
)
def test_codes_at_follows_dated_roles(gazetteer_index, entity, day, codes):
    assert codes_at(gazetteer_index, entity, day) == codes


def _gazetteer(entries: str) -> str:
    return "entries:\n" + entries


def test_gazetteer_rejects_unknown_sector_and_bad_country(tmp_path):
    bad_sector = tmp_path / "s.yaml"
    bad_sector.write_text(_gazetteer("  - {id: Niger, label: GPE, country: NER, sector: ARMY}\n"), encoding="utf-8")
    with pytest.raises(ConfigError, match="sector"):
        load_yaml_model(bad_sector, Gazetteer)
    bad_country = tmp_path / "c.yaml"
    bad_country.write_text(_gazetteer("  - {id: Niger, label: GPE, country: Niger}\n"), encoding="utf-8")
    with pytest.raises(ConfigError, match="country"):
        load_yaml_model(bad_country, Gazetteer)


def test_gazetteer_rejects_a_body_coded_apart_from_its_state(tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text(
        _gazetteer(
            "  - {id: France, label: GPE, country: FRA, sector: GOV}\n"
            "  - {id: Quai, label: ORG, state: France, country: DEU, sector: GOV}\n"
        ),
        encoding="utf-8",
    )
    with pytest.raises(ConfigError, match="acts for 'France'"):
        load_yaml_model(path, Gazetteer)


def test_gazetteer_rejects_dated_codes_that_end_before_they_start(tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text(
        _gazetteer("  - {id: X, label: PERSON, codes: [{country: NER, start: 2023-01-01, end: 2022-01-01}]}\n"),
        encoding="utf-8",
    )
    with pytest.raises(ConfigError, match="before they start"):
        load_yaml_model(path, Gazetteer)


# --------------------------------------------------------------------------- derived tables


def test_tables_key_agents_and_actors_as_the_derivation_does():
    tables = build_tables(
        ActorCodesConfig(
            countries={"syrian": "SYR"},
            agents={"soldier": "MIL"},
            actors={"MAMADOU TANDJA": [("NER", "GOV", "1999-12-22", "2010-02-18"), ("NER", None, None, None)]},
        )
    )
    assert singular("militias") == "militia" and singular("forces") == "force" and singular("press") == "press"
    assert plain("Mamadou  Tandjá") == "MAMADOU TANDJA"
    assert dated(tables.actors["MAMADOU TANDJA"], D(2005, 1, 1)) == ("NER", "GOV")
    assert dated(tables.actors["MAMADOU TANDJA"], D(2015, 1, 1)) == ("NER", None)
    assert DatedCodes("NER", "GOV", D(2020, 1, 1)).holds(None) is False


def test_actor_codes_config_rejects_a_non_iso_country():
    with pytest.raises(ValueError, match="alpha-3"):
        ActorCodesConfig(countries={"niger": "Niger"})


# --------------------------------------------------------------------------- one argument, inline sentences

# (sentence, argument phrase, published, expected country, expected sector). The phrase is
# linked as the claims stage links it (the gazetteer's resolver); the codes stage codes it.
CASES = [
    # demonyms and country names give the country, agent nouns the sector
    ("Nigerien soldiers patrolled the border.", "Nigerien soldiers", "2023-08-09", "NER", "MIL"),
    ("Syrian rebels shelled the town.", "Syrian rebels", "2023-08-09", "SYR", "REB"),
    ("Malian lawmakers approved the budget.", "Malian lawmakers", "2023-08-09", "MLI", "LEG"),
    ("French troops left Gao.", "French troops", "2022-08-15", "FRA", "MIL"),
    ("Nigerien journalists were arrested.", "Nigerien journalists", "2024-12-12", "NER", "MED"),
    ("Venezuelan officials rejected the report.", "Venezuelan officials", "2023-08-09", "VEN", "GOV"),
    ("Ukrainian diplomats visited Dakar.", "Ukrainian diplomats", "2023-08-09", "UKR", "GOV"),
    ("Chadian police dispersed the crowd.", "Chadian police", "2024-05-10", "TCD", "COP"),
    ("Burkinabe security forces repelled the assault.", "Burkinabe security forces", "2023-08-09", "BFA", "MIL"),
    ("The head of Chad's air force resigned.", "The head of Chad's air force", "2024-05-10", "TCD", "MIL"),
    ("Ghana condemned the coup.", "Ghana", "2023-08-09", "GHA", "GOV"),
    ("Venezuela condemned the coup.", "Venezuela", "2023-08-09", "VEN", "GOV"),
    ("The French ambassador left Niamey.", "The French ambassador", "2023-09-27", "FRA", "GOV"),
    ("Russian mercenaries arrived in Bamako.", "Russian mercenaries", "2022-01-05", "RUS", "UAF"),
    ("The withdrawal of French forces began.", "French forces", "2023-10-10", "FRA", "MIL"),
    ("The last French contingent left.", "French contingent", "2023-12-22", "FRA", "MIL"),
    # agent nouns alone: sector; a state body takes the country the article is about
    ("Gunmen killed ten villagers.", "Gunmen", "2023-08-09", None, "UAF"),
    ("Jihadists attacked the convoy.", "Jihadists", "2023-08-09", None, "UAF"),
    ("Protesters marched on the embassy.", "Protesters", "2023-07-30", None, "CVL"),
    ("Rebels seized the town.", "Rebels", "2023-08-09", None, "REB"),
    ("Bandits kidnapped the pupils.", "Bandits", "2023-08-09", None, "CRM"),
    ("Militants ambushed the patrol.", "Militants", "2023-08-09", None, "UAF"),
    ("Insurgents took the base.", "Insurgents", "2023-08-09", None, "REB"),
    ("The villagers fled.", "The villagers", "2023-08-09", None, "CVL"),
    ("We support the people of Niger.", "people", "2023-08-04", "NER", "CVL"),
    ("Reporters were expelled.", "Reporters", "2023-08-09", None, "MED"),
    ("Judges annulled the vote.", "Judges", "2023-08-09", None, "JUD"),
    ("Armed men stormed the village.", "Armed men", "2023-08-09", None, "UAF"),
    ("The peacekeepers withdrew.", "The peacekeepers", "2022-08-09", None, "IGO"),
    ("Humanitarian organizations warned of famine.", "Humanitarian organizations", "2024-09-18", None, "NGO"),
    ("Political parties were suspended.", "Political parties", "2024-04-12", None, "OPP"),
    # names the gazetteer codes, by the article's date
    ("Bazoum met Blinken in Niamey.", "Bazoum", "2023-03-16", "NER", "GOV"),
    ("Bazoum remains detained.", "Bazoum", "2023-08-09", "NER", None),
    ("Tchiani received the delegation.", "Tchiani", "2023-08-09", "NER", "GOV"),
    ("Tinubu threatened force.", "Tinubu", "2023-08-09", "NGA", "GOV"),
    ("The Nigerian president condemned the coup.", "The Nigerian president", "2023-08-09", "NGA", "GOV"),
    ("Wagner fighters killed civilians.", "Wagner", "2022-04-01", "RUS", "UAF"),
    ("The Security Council met on Niger.", "Security Council", "2023-08-09", None, "IGO"),
    ("ECOWAS imposed sanctions.", "ECOWAS", "2023-08-09", None, "IGO"),
    ("JNIM claimed the attack.", "JNIM", "2023-08-09", None, "UAF"),  # a jihadist group acts across borders
    ("The CMA rejected the accord.", "CMA", "2024-01-26", "MLI", "REB"),  # a separatist movement
    ("The BBC was suspended.", "BBC", "2024-12-12", "GBR", "MED"),
    ("Human Rights Watch documented the killings.", "Human Rights Watch", "2023-08-09", None, "NGO"),
    ("Guterres condemned the coup.", "Guterres", "2023-08-09", None, "IGO"),
    ("Goita dissolved the parties.", "Goita", "2024-04-12", "MLI", "GOV"),
    # not actors: no codes
    ("The junta closed the airspace.", "the airspace", "2023-08-09", None, None),
    ("They signed military agreements.", "military agreements", "2023-08-09", None, None),
    ("The coup shocked the region.", "The coup", "2023-08-09", None, None),
]


def _context(nlp, doc) -> CodeContext:
    coder = nlp.get_pipe("sahel_codes")
    linker = doc._.sahel_linker
    ents = tuple(doc.ents)
    return CodeContext(linker, coder.tables, doc._.published, main_country(ents, linker), ents)


def _code_phrase(nlp, sentence: str, phrase: str, published: str):
    doc = nlp.make_doc(sentence)
    doc._.published = D.fromisoformat(published)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    start = sentence.index(phrase)
    span = doc.char_span(start, start + len(phrase), alignment_mode="expand")
    linker = doc._.sahel_linker
    kb_id = linker.resolver(doc)(span) if linker is not None else None
    arg = ClaimArg(text=phrase, start=start, end=start + len(phrase), id=kb_id)
    return code_arg(arg, arg_span(doc, arg), _context(nlp, doc))


@pytest.mark.parametrize(("sentence", "phrase", "published", "country", "sector"), CASES)
def test_code_arg_inline(nlp, sentence, phrase, published, country, sector):
    assert _code_phrase(nlp, sentence, phrase, published) == (country, sector)


def test_inline_set_is_large_enough():
    assert len(CASES) >= 40


def test_bare_state_agent_takes_the_country_the_article_is_about(nlp):
    text = "Niger's junta met in Niamey. Niger closed its airspace. Soldiers guarded the border of Niger."
    codes = _code_phrase(nlp, text, "Soldiers", "2023-08-09")
    assert codes == ("NER", "MIL")
    # civilians are coded by where they are too; rebels and gunmen belong to no state the text does not say
    assert _code_phrase(nlp, text.replace("Soldiers", "Villagers"), "Villagers", "2023-08-09") == ("NER", "CVL")
    assert _code_phrase(nlp, text.replace("Soldiers", "Gunmen"), "Gunmen", "2023-08-09") == (None, "UAF")


def test_main_country_counts_states_cities_and_demonyms_and_is_none_on_a_tie(nlp):
    doc = nlp("Nigerien troops left Niamey for Mali.")
    linker = doc._.sahel_linker
    assert main_country(doc.ents, linker) == "NER"  # Nigerien, Niamey: 2; Mali: 1
    assert main_country(nlp("Niger and Mali met.").ents, linker) is None
    assert main_country(nlp("The Sahel is vast.").ents, linker) is None
    assert main_country(doc.ents, None) is None


def test_older_actor_from_the_derived_table(nlp):
    # Mamadou Tandja (president of Niger 1999-2010) is not in the gazetteer: PETRARCH2's dictionary codes him
    text = "Former President Mamadou Tandja dissolved parliament."
    doc = nlp.make_doc(text)
    doc._.published = D(2009, 5, 26)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    ents = [e for e in doc.ents if e.text == "Mamadou Tandja"]
    if not ents or ents[0].kb_id_:
        pytest.skip("the model does not tag 'Mamadou Tandja' as an unlinked name")
    start = text.index("Mamadou")
    arg = ClaimArg(text="Mamadou Tandja", start=start, end=start + 14)
    assert code_arg(arg, arg_span(doc, arg), _context(nlp, doc)) == ("NER", "GOV")


def test_arg_outside_the_body_gets_no_span(nlp):
    doc = nlp.make_doc("Niger.")
    assert arg_span(doc, ClaimArg(text="U.S.", start=0, end=0, id="United_States")) is None


# --------------------------------------------------------------------------- the stage in the pipeline


def test_pipeline_codes_claim_arguments(nlp):
    from pipeline.api import extract_text

    result = extract_text("Syrian rebels attacked the convoy.", published="2023-08-09", nlp=nlp)
    (claim,) = [c for c in result.claims if c.predicate == "attack"]
    assert (claim.subject.country, claim.subject.sector) == ("SYR", "REB")
    assert claim.object.country is None and claim.object.sector is None
    record = result.model_dump(mode="json")["claims"][0]
    assert record["subject"]["country"] == "SYR" and "country" not in record["object"]


def test_stage_changes_nothing_but_the_codes(nlp):
    from pipeline.api import extract_text

    text = "Tinubu met Tchiani in Abuja. Nigerien soldiers detained Bazoum on July 26."
    coded = extract_text(text, published="2023-08-09", nlp=nlp)
    with nlp.select_pipes(disable=["sahel_codes"]):
        bare = extract_text(text, published="2023-08-09", nlp=nlp)
    strip = {"subject": {"country", "sector"}, "object": {"country", "sector"}}
    assert [c.model_dump(exclude=strip) for c in coded.claims] == [c.model_dump() for c in bare.claims]
    assert any(c.subject and c.subject.country for c in coded.claims)


def test_component_saves_and_loads_its_tables(nlp, tmp_path):
    coder = nlp.get_pipe("sahel_codes")
    coder.to_disk(tmp_path / "codes")
    loaded = ActorCoder(nlp).from_disk(tmp_path / "codes")
    assert loaded.config == coder.config
    assert loaded.tables.agents["soldier"] == "MIL" and loaded.tables.countries["nigerien"] == "NER"


def test_uninitialised_stage_leaves_claims_alone(nlp):
    coder = ActorCoder(nlp)
    doc = nlp.make_doc("x")
    doc._.claims = []
    assert coder(doc) is doc and doc._.claims == []
    assert isinstance(CodeTables(), CodeTables)
