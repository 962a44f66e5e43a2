"""scripts/derive_actor_codes.py: PETRARCH2's Phoenix dictionaries -> configs/actor_codes.yaml.

The parsing tests run on small snippets in the dictionaries' formats (no ../shared needed);
the last test derives the file again from ../shared/data/petrarch2-dictionaries when it is
there and compares it with the committed one.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
import yaml

from pipeline.models import ActorCodesConfig

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "derive_actor_codes.py"
DICTIONARIES = ROOT.parent / "shared" / "data" / "petrarch2-dictionaries"
COMMITTED = ROOT / "configs" / "actor_codes.yaml"


def _load_script():
    """scripts/ is no package: load the script as module ``derive_actor_codes``."""
    if "derive_actor_codes" in sys.modules:
        return sys.modules["derive_actor_codes"]
    spec = importlib.util.spec_from_file_location("derive_actor_codes", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules["derive_actor_codes"] = module
    spec.loader.exec_module(module)
    return module


AGENTS = """\
!PERSON! = MAN, MEN
SOLDIER [~MIL]
GUNMAN {} [~UAF]
GUNMEN [~UAF]
AIR_FORCE {} [~MIL]
CONGRESS!PERSON! [~LEG]
STUDENT [~EDU]
FOREIGN_MINISTER [~GOVFRM]  # a comment
PROTESTER [~OPP]
SECURITY_FORCE [~COP]
SECURITY_FORCE [~MIL]
TWO_SENSES [~GOV]
TWO_SENSES [~REB]
AMBASSADOR_TO {} [~GOV]
SOMETHING ELSE [~GOV]
UNITED_NATIONS_AGENCY [IGO~]
"""


def test_agents_map_cameo_codes_to_sectors():
    derive = _load_script()
    table = derive.parse_agents(AGENTS).table
    assert table["soldier"] == "MIL" and table["air force"] == "MIL" and table["foreign minister"] == "GOV"
    assert table["gunman"] == table["gunmen"] == "UAF"
    assert table["congressman"] == table["congressmen"] == "LEG"  # substitution set
    assert table["student"] == "CVL"  # EDU is no sector of the SPEC: civilians
    assert table["united nations agency"] == "IGO"  # a prefix code
    assert table["protester"] == "CVL"  # reviewed: ACLED's convention, not CAMEO's OPP
    assert table["security force"] == "MIL"  # CAMEO gives COP and MIL: reviewed
    assert "two senses" not in table  # two sectors and no review: dropped
    assert "ambassador to" not in table and "something else" not in table  # preposition, gap


def test_actor_records_keep_dated_codes_in_order():
    derive = _load_script()
    text = (
        "NIGER_  [NER]\n+NIGERIEN_\n+NIAMEY_\n\n"
        "MAMADOU_TANDJA_  # CountryInfo.txt\n\t[NERELI 560101-000101]\n\t[NERGOV >991222]\n\t[NERELI]\n"
        "BOKO_HARAM [NGAREB]\n"
        "KOFI_ANNAN_\n+K._ANNAN_\n\t[IGOUNO 970101-061231]\n\t[ELI]\n"
    )
    bad: list[str] = []
    records = derive.parse_actors(text, bad)
    assert [r.names for r in records] == [
        ["niger", "nigerien", "niamey"], ["mamadou tandja"], ["boko haram"], ["kofi annan", "k. annan"]
    ]  # fmt: skip
    tandja = records[1]
    assert tandja.dated == [("NERELI", "1956-01-01", "2000-01-01"), ("NERGOV", "1999-12-22", None)]
    assert tandja.default == "NERELI" and not bad
    codes = {"NER", "NGA"}
    assert derive.split_code("NERGOV", codes) == (True, "NER", "GOV")
    assert derive.split_code("NERELI", codes) == (True, "NER", None)
    assert derive.split_code("IGOUNO", codes) == (True, None, "IGO")
    assert derive.split_code("AFRREB", codes) == (True, None, "REB")  # a region: no country
    assert derive.split_code("ZZZGOV", codes)[0] is False


def test_two_digit_years_pivot_and_impossible_days_fall_back():
    derive = _load_script()
    assert derive._date("930417") == "1993-04-17" and derive._date("140101") == "2014-01-01"
    assert derive._date("20070101") == "2007-01-01" and derive._date("990231") == "1999-02-01"
    with pytest.raises(ValueError):
        derive._date("2004017")


def test_committed_file_is_what_the_script_derives(tmp_path):
    if not (DICTIONARIES / "Phoenix.agents.txt").is_file():
        pytest.skip(f"PETRARCH2 dictionaries not found at {DICTIONARIES} (they live in ../shared)")
    derive = _load_script()
    out = tmp_path / "actor_codes.yaml"
    assert derive.main(["--dictionaries", str(DICTIONARIES), "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == COMMITTED.read_text(encoding="utf-8")
    config = ActorCodesConfig.model_validate(yaml.load(out.read_text("utf-8"), Loader=yaml.CSafeLoader))
    assert config.countries["nigerien"] == "NER" and config.agents["soldier"] == "MIL"
    assert config.actors["BOKO HARAM"] == [("NGA", "REB", None, None)]
