"""Derive actor codes (SPEC section 4, revision 2) from PETRARCH2's Phoenix dictionaries.

    python3 scripts/derive_actor_codes.py            # writes configs/actor_codes.yaml
    python3 scripts/derive_actor_codes.py --check    # exit 1 when the committed file is stale
    python3 scripts/derive_actor_codes.py --report   # also list what was dropped, and why
    python3 scripts/derive_actor_codes.py --dictionaries DIR

Input: ``Phoenix.agents.txt``, ``Phoenix.Countries.actors.txt``,
``Phoenix.International.actors.txt`` and ``Phoenix.MilNonState.actors.txt`` of PETRARCH2
(openeventdata/petrarch2, data/dictionaries, MIT licence), read from
``../shared/data/petrarch2-dictionaries`` beside the repository; the files themselves are
never copied in. Their format is in ``dictionaries.rst`` beside them:

- agents: ``PHRASE_WORDS {plural} [~SECTOR]`` (``[IGO~]`` for a prefix code), regular
  plurals implied, ``!PERSON!``-style substitution sets;
- actors: a primary phrase with an optional ``[CODE]``, synonyms on ``+`` lines, dated codes
  on tab-indented lines ``[CODE date-date]``, ``[CODE >date]``, ``[CODE <date]`` (YYMMDD or
  YYYYMMDD, limits included), the undated code being the default. A code is a country
  (three letters) then agent codes (``NERGOV``, ``NERELI``), or an international code first
  (``IGOUNO``, ``NGO...``, ``IMG...``, ``MNC...``).

Output: ``configs/actor_codes.yaml`` (validated as ``pipeline.models.ActorCodesConfig``):

- ``countries``: the names, adjectives and city names of each country record (a record
  whose only code is a bare country code: ``NIGER_ [NER]`` with ``+NIGERIEN_``), lower
  case -> ISO alpha-3; a name two countries claim is dropped; COUNTRY_CODES fixes CAMEO
  codes that are not ISO 3166-1.
- ``agents``: agent nouns, lower case, last word singular -> sector. CAMEO's primary agent
  code becomes a sector of the SPEC through SECTOR_MAP (the SPEC's fourteen stay; the
  others map to the nearest one or to none); AGENT_OVERRIDES is the reviewed sense where
  CAMEO disagrees with the SPEC's conventions or with itself; a phrase given two sectors
  is dropped; phrases with a gap, a preposition or more than four words are skipped
  (the codes stage matches the words before an argument's head).
- ``actors``: people and organisations, upper case without accents -> dated codes
  ``[country, sector, start, end]`` in the dictionary's order (the first in force wins),
  the undated default last with null dates. Only actors of the countries in
  ACTOR_COUNTRIES (Africa and the outside powers of the Sahel's news) and international
  ones are kept; two-digit years are 19YY above YEAR_PIVOT, else 20YY.

The project's gazetteer (configs/gazetteer.yaml) stays the authority: its codes win over
these for every entity it links, and it alone knows the Sahel after 2016. Standard
library and PyYAML only.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DICTIONARIES = "../shared/data/petrarch2-dictionaries"  # relative to the repository root
AGENTS_FILE = "Phoenix.agents.txt"
ACTOR_FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")
DEFAULT_OUT = "configs/actor_codes.yaml"
COMMAND = "python3 scripts/derive_actor_codes.py"

SECTORS = ("GOV", "MIL", "COP", "REB", "OPP", "JUD", "LEG", "IGO", "NGO", "MED", "CVL", "BUS", "CRM", "UAF")

# =========================================================================== mapping tables

# CAMEO primary agent codes that are not sectors of the SPEC, and the sector they count as
# (None: no sector). Reasons: intelligence services are state bodies (SPY); occupational,
# religious and social groups are civilians in PLOVER/ACLED terms; parties outside
# government are the opposition; human-rights, development and environmental groups are
# NGOs; international militarised groups and radicals are unaffiliated armed actors; elites
# (former officials) have no sector of their own.
SECTOR_MAP: dict[str, str | None] = {
    "SPY": "GOV",
    "AGR": "CVL", "EDU": "CVL", "HLH": "CVL", "LAB": "CVL", "REF": "CVL", "PPL": "CVL", "SET": "CVL",
    "REL": "CVL", "MUS": "CVL", "CHR": "CVL", "JEW": "CVL", "BUD": "CVL", "HIN": "CVL", "SHI": "CVL",
    "SUN": "CVL", "CTH": "CVL", "ATH": "CVL", "JAN": "CVL", "DRZ": "CVL", "CON": "CVL", "MOS": "CVL",
    "ITH": "CVL", "SIK": "CVL", "TAO": "CVL", "ZRO": "CVL", "JAI": "CVL", "BAH": "CVL",
    "PTY": "OPP",
    "HRI": "NGO", "DEV": "NGO", "ENV": "NGO", "MNC": "BUS",
    "IMG": "UAF", "RAD": "UAF", "INS": "REB",
    "ELI": None, "MOD": None, "UNK": None,
}  # fmt: skip

# Reviewed agent senses (lower case, last word singular), over what CAMEO says:
AGENT_OVERRIDES: dict[str, str | None] = {
    # demonstrators are civilians in ACLED and PLOVER (CAMEO: OPP), as the SPEC's gold has it
    "protester": "CVL", "demonstrator": "CVL", "student protester": "CVL", "youth protester": "CVL",
    # not in CAMEO, or only inside longer phrases ("salafi jihadist" [~MUSRAD])
    "jihadist": "UAF", "jihadi": "UAF", "extremist": "UAF", "islamist fighter": "UAF",
    "attacker": "UAF", "rebel": "REB", "insurgent": "REB", "peacekeeper": "IGO",
    "junta": "GOV", "military junta": "GOV", "putschist": "MIL", "mutineer": "MIL",
    # news' commonest agent nouns, which CAMEO leaves to the actor they belong to: officials
    # and leaders of a state are its government ("Nigerien officials", "West African leaders")
    "official": "GOV", "leader": "GOV",
    # "French forces", "the last French contingent", "Russian personnel": a state's military
    # in news of the Sahel (CAMEO: only in longer phrases); "armed forces" is the military too
    "force": "MIL", "armed force": "MIL", "contingent": "MIL", "military personnel": "MIL",
    # humanitarian and rights groups (CAMEO names only some: "human rights group")
    "humanitarian organization": "NGO", "humanitarian organisation": "NGO", "aid organization": "NGO",
    "aid organisation": "NGO", "aid group": "NGO", "aid agency": "NGO", "rights group": "NGO",
    "humanitarian worker": "NGO", "aid worker": "NGO", "humanitarian": "NGO",
    # parties and the opposition
    "opposition": "OPP", "political party": "OPP", "opposition party": "OPP",
    # CAMEO gives both of these: COP and MIL; CRM and UAF
    "security force": "MIL", "assailant": "UAF",
    # a spokesperson speaks for whoever they serve (CAMEO: MED)
    "spokesman": None, "spokeswoman": None, "spokesperson": None,
    # a body linked by the gazetteer when it is the UN's (CAMEO: GOV)
    "security council": None,
}  # fmt: skip

# CAMEO country codes that are not ISO 3166-1 alpha-3, and what they are (None: no country:
# the West Bank, states that no longer exist)
COUNTRY_CODES: dict[str, str | None] = {"ROM": "ROU", "ZAR": "COD", "TMP": "TLS", "KSV": "XKX", "WSB": None,
                                        "USR": None, "DDR": None, "YUG": None}  # fmt: skip

# Regional codes of CAMEO (Africa, Central Africa, West Africa, the West...): an actor coded
# with one has no country
REGION_CODES = frozenset(
    "AFR ASA BLK CAS CAU CEU CFR CRB EAF EEU EIN EUR LAM MDT MEA NAF NMR PGS SAF SAM SAS SCN SEA WAF WST".split()
)
INTERNATIONAL = {"IGO": "IGO", "NGO": "NGO", "IMG": "UAF", "MNC": "BUS", "UIS": None}

# actors kept: Africa, and the outside powers and neighbours that Sahel news names; of the
# international ones, organisations and armed groups (not companies)
ACTOR_COUNTRIES = frozenset(
    "NER NGA MLI BFA TCD MRT SEN GIN GNB GMB CIV GHA TGO BEN LBR SLE CPV DZA MAR TUN LBY EGY SDN SSD ESH "
    "CMR CAF GAB GNQ COG COD STP ETH ERI DJI SOM KEN UGA RWA BDI TZA MOZ MWI ZMB ZWE BWA NAM ZAF LSO SWZ "
    "AGO MDG MUS COM SYC USA FRA RUS CHN GBR DEU ITA ESP PRT BEL NLD CAN UKR BLR TUR IRN ISR SAU ARE QAT "
    "JPN IND".split()
)

YEAR_PIVOT = 30  # a two-digit year above this is 19YY, else 20YY (the files end in 2014)
MAX_AGENT_WORDS = 4
PREPOSITIONS = frozenset("of to for in on at from with by and or the a an".split())


# =========================================================================== parsing


def _words(phrase: str) -> str:
    """A dictionary phrase as words: ``AIR_FORCE`` -> ``air force`` (lower case)."""
    return " ".join(w for w in re.split(r"[_\s]+", phrase.strip().lower()) if w)


def singular(word: str) -> str:
    """The regular singular PETRARCH assumes (``-ies`` -> ``-y``, ``-sses`` -> ``-ss``,
    ``-s`` dropped): how the agent table is keyed."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("sses"):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def sector_of(agent: str) -> tuple[bool, str | None]:
    """``(known, sector)`` of a CAMEO agent code: its first three-letter part that is a sector
    of the SPEC (``GOVMED`` -> GOV, ``MUSUAF`` -> UAF), else its first part through
    SECTOR_MAP (``EDU`` -> CVL, ``ELI`` -> None)."""
    parts = [agent[i : i + 3] for i in range(0, len(agent), 3)]
    for part in parts:
        if part in SECTORS:
            return True, part
    if parts and parts[0] in SECTOR_MAP:
        return True, SECTOR_MAP[parts[0]]
    return False, None


@dataclass
class Agents:
    table: dict[str, str] = field(default_factory=dict)
    dropped: list[str] = field(default_factory=list)


def parse_agents(text: str) -> Agents:
    """The agent table of ``Phoenix.agents.txt`` (see the module docstring)."""
    subs: dict[str, list[str]] = {}
    senses: dict[str, set[str | None]] = defaultdict(set)
    out = Agents()
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        sub = re.match(r"^(![A-Z]+!)\s*=\s*(.+)$", line)
        if sub:
            subs[sub.group(1)] = [w.strip() for w in sub.group(2).split(",") if w.strip()]
            continue
        m = re.match(r"^(.+?)\s*(\{[^}]*\})?\s*\[([^\]}]*)[\]}]", line)
        if not m:
            out.dropped.append(f"agents: unreadable line {raw!r}")
            continue
        phrase, plural, code = m.group(1), m.group(2), m.group(3).strip()
        prefix = code.endswith("~")
        agent = code.strip("~")
        known, sector = (
            (True, INTERNATIONAL.get(agent[:3])) if prefix and agent[:3] in INTERNATIONAL else sector_of(agent)
        )
        if not known:
            out.dropped.append(f"agents: {phrase}: code {code} maps to no sector")
            continue
        forms = [phrase]
        for marker, values in subs.items():
            if marker in phrase:
                forms = [phrase.replace(marker, v) for v in values]
        for form in forms:
            if " " in form.strip():
                out.dropped.append(f"agents: {form}: a gap between words")
                continue
            words = _words(form).split()
            if not words or len(words) > MAX_AGENT_WORDS or PREPOSITIONS & set(words):
                out.dropped.append(f"agents: {form}: preposition or too long")
                continue
            if not all(re.fullmatch(r"[a-z][a-z'.-]*", w) for w in words):
                out.dropped.append(f"agents: {form}: not plain words")
                continue
            key = " ".join([*words[:-1], singular(words[-1])]) if plural is None else " ".join(words)
            senses[key].add(sector)
    for key, found in sorted(senses.items()):
        if key in AGENT_OVERRIDES:
            continue
        if len(found) > 1:
            out.dropped.append(f"agents: {key}: CAMEO gives {sorted(map(str, found))}")
            continue
        (sector,) = found
        if sector is not None:
            out.table[key] = sector
    for key, sector in AGENT_OVERRIDES.items():
        if sector is not None:
            out.table[key] = sector
        else:
            out.table.pop(key, None)
    out.table = dict(sorted(out.table.items()))
    return out


def _date(text: str) -> str:
    """``930417`` -> ``1993-04-17``; ``20070101`` -> ``2007-01-01``; a day or month of 00
    (or a date that does not exist) becomes the first of the month or year."""
    digits = text.strip()
    if len(digits) == 6:
        year = int(digits[:2])
        year += 1900 if year > YEAR_PIVOT else 2000
        month, day = int(digits[2:4]), int(digits[4:6])
    elif len(digits) == 8:
        year, month, day = int(digits[:4]), int(digits[4:6]), int(digits[6:8])
    else:
        raise ValueError(digits)
    month = month if 1 <= month <= 12 else 1
    day = day if 1 <= day <= 28 or (day <= 31 and month not in (2, 4, 6, 9, 11)) or (day <= 30 and month != 2) else 1
    return f"{year:04d}-{month:02d}-{day:02d}"


@dataclass
class Record:
    names: list[str]
    default: str | None = None
    dated: list[tuple[str, str | None, str | None]] = field(default_factory=list)


CODE = re.compile(r"\[\s*([A-Z-]+)\s*([<>]?\s*\d{6,8}(?:\s*-\s*\d{6,8})?)?\s*\]")


def parse_actors(text: str, bad: list[str]) -> list[Record]:
    """The records of a Phoenix actor file (see the module docstring); what cannot be read
    is added to ``bad``."""
    records: list[Record] = []
    current: Record | None = None
    for raw in text.splitlines():
        if not raw.strip() or raw.lstrip().startswith("#") or raw.startswith("<"):
            continue
        body = raw.split("#", 1)[0]
        if raw[0] in " \t" and current is not None:
            pass  # a date restriction of the current record
        elif raw.startswith("+") and current is not None:
            current.names.append(_words(CODE.sub("", body[1:])))
        else:
            current = Record(names=[_words(CODE.sub("", body))])
            records.append(current)
        for m in CODE.finditer(body):
            code, when = m.group(1), (m.group(2) or "").replace(" ", "")
            try:
                restriction = _restriction(when)
            except ValueError:
                bad.append(f"actors: {current.names[0]}: date {when!r} not understood; restriction dropped")
                continue
            if restriction is None:
                if current.default is None:
                    current.default = code
                continue
            current.dated.append((code, *restriction))
    return [r for r in records if any(r.names)]


def _restriction(when: str) -> tuple[str | None, str | None] | None:
    """``(start, end)`` of a date restriction, ``None`` for none (the default code)."""
    if not when:
        return None
    if when.startswith(">"):
        return _date(when[1:]), None
    if when.startswith("<"):
        return None, _date(when[1:])
    start, end = when.split("-")
    return _date(start), _date(end)


def split_code(code: str, countries: set[str]) -> tuple[bool, str | None, str | None]:
    """``(known, country, sector)`` of an actor code: ``NERGOV`` -> NER, GOV; ``NERELI`` ->
    NER, None; ``IGOUNO`` -> None, IGO; ``AFRREB`` -> None, REB."""
    head, rest = code[:3], code[3:]
    if head in INTERNATIONAL:
        return True, None, INTERNATIONAL[head]
    if head in COUNTRY_CODES:
        country = COUNTRY_CODES[head]
    elif head in countries:
        country = head
    elif head in REGION_CODES:
        country = None
    else:
        return False, None, None
    if not rest:
        return True, country, None
    known, sector = sector_of(rest)
    return known, country, sector


def _is_country(code: str) -> bool:
    return len(code) == 3 and code.isalpha() and code not in REGION_CODES and code not in INTERNATIONAL


def _plain(name: str) -> str:
    """Upper case without accents, single spaces: how the ``actors`` table is keyed."""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return " ".join(folded.upper().split())


@dataclass
class Derived:
    countries: dict[str, str]
    agents: dict[str, str]
    actors: dict[str, list[list[str | None]]]
    dropped: list[str]


def derive(folder: Path) -> Derived:
    """Everything of the output, from the four dictionaries in ``folder``."""
    agents = parse_agents((folder / AGENTS_FILE).read_text(encoding="utf-8", errors="replace"))
    dropped = list(agents.dropped)
    records = []
    for name in ACTOR_FILES:
        records += parse_actors((folder / name).read_text(encoding="utf-8", errors="replace"), dropped)
    # country records: those with a bare three-letter code (default or dated: Iraq is
    # [IRQ <20030320] ... [IRQ >20060520]); their names map to the default, else the last one
    country_of: dict[int, str] = {}
    for i, r in enumerate(records):
        bare = [c for c, _, _ in r.dated if _is_country(c)] + (
            [r.default] if r.default and _is_country(r.default) else []
        )
        if bare:
            country_of[i] = bare[-1]
    codes = set(country_of.values())
    claimed: dict[str, set[str]] = defaultdict(set)
    for i, code in country_of.items():
        iso = COUNTRY_CODES.get(code, code)
        if iso is None:
            continue
        for n in records[i].names:
            claimed[n].add(iso)
    countries = {}
    for n, isos in sorted(claimed.items()):
        if len(isos) > 1:
            dropped.append(f"countries: {n}: claimed by {sorted(isos)}")
        elif n:
            countries[n] = next(iter(isos))
    actors: dict[str, list[list[str | None]]] = {}
    seen_twice: set[str] = set()
    for i, r in enumerate(records):
        if i in country_of:
            continue
        entries: list[list[str | None]] = []
        keep = False
        for code, start, end in [*r.dated, *([(r.default, None, None)] if r.default else [])]:
            known, country, sector = split_code(code, codes)
            if not known:
                dropped.append(f"actors: {r.names[0]}: code {code} not understood")
                continue
            keep = keep or (country is None and sector in ("IGO", "NGO", "REB", "UAF")) or country in ACTOR_COUNTRIES
            entries.append([country, sector, start, end])
        if not entries or not keep or all(e[0] is None and e[1] is None for e in entries):
            continue
        for n in r.names:
            key = _plain(n)
            if not key or key.lower() in countries:
                continue
            if key in actors and actors[key] != entries:
                seen_twice.add(key)
            actors.setdefault(key, entries)
    for key in sorted(seen_twice):
        dropped.append(f"actors: {key}: two records disagree; dropped")
        del actors[key]
    return Derived(countries, agents.table, dict(sorted(actors.items())), dropped)


HEADER = """\
# GENERATED by {command}: do not edit by hand (edit the script's tables and run it again).
# Actor codes (SPEC section 4, revision 2) derived from PETRARCH2's Phoenix dictionaries
# (openeventdata/petrarch2, data/dictionaries: Phoenix.agents.txt, Phoenix.Countries.actors.txt,
# Phoenix.International.actors.txt, Phoenix.MilNonState.actors.txt; MIT licence, Copyright (c)
# 2014 Open Event Data Alliance). Validated as pipeline.models.ActorCodesConfig; read by the
# codes stage (pipeline/codes). configs/gazetteer.yaml is the authority for every entity it links.
#   countries: country names, adjectives and cities -> ISO 3166-1 alpha-3
#   agents:    agent nouns (last word singular) -> sector
#   actors:    people and organisations -> dated codes [country, sector, start, end]
"""


def render(derived: Derived) -> str:
    body = {"countries": derived.countries, "agents": derived.agents, "actors": derived.actors}
    lines = [HEADER.format(command=COMMAND)]
    for key, table in body.items():
        lines.append(f"{key}:")
        for name, value in table.items():
            dumped = yaml.safe_dump({name: value}, default_flow_style=True, width=10_000, allow_unicode=True).strip()
            lines.append("  " + dumped[1:-1].strip())
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--dictionaries", help=f"the Phoenix dictionaries' folder (default: {DEFAULT_DICTIONARIES})")
    parser.add_argument("--out", default=str(ROOT / DEFAULT_OUT), help="the generated file")
    parser.add_argument("--check", action="store_true", help="compare with --out instead of writing it")
    parser.add_argument("--report", action="store_true", help="list what was dropped on stderr")
    args = parser.parse_args(argv)
    folder = Path(args.dictionaries) if args.dictionaries else (ROOT / DEFAULT_DICTIONARIES)
    if not (folder / AGENTS_FILE).is_file():
        print(
            f"derive_actor_codes: {folder.resolve() / AGENTS_FILE} not found. The PETRARCH2 dictionaries live "
            f"in {DEFAULT_DICTIONARIES} beside the repository, not in it; pass --dictionaries DIR. Nothing written.",
            file=sys.stderr,
        )
        return 0 if args.dictionaries is None else 2
    derived = derive(folder)
    if args.report:
        for line in derived.dropped:
            print(line, file=sys.stderr)
    text = render(derived)
    target = Path(args.out)
    if args.check:
        current = target.read_text(encoding="utf-8") if target.is_file() else ""
        if current != text:
            print(f"derive_actor_codes: {target} is stale; run `{COMMAND}`", file=sys.stderr)
            return 1
        print(f"derive_actor_codes: {target} is current")
        return 0
    target.write_text(text, encoding="utf-8")
    counts = ", ".join(f"{len(t)} {k}" for k, t in (("countries", derived.countries), ("agents", derived.agents),
                                                        ("actors", derived.actors)))  # fmt: skip
    print(f"derive_actor_codes: wrote {target} ({counts})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
