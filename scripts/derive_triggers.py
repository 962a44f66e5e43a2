"""Derive trigger breadth for the SPEC predicates from PETRARCH2's CAMEO verb dictionary.

    python3 scripts/derive_triggers.py                      # writes configs/cameo_triggers.yaml
    python3 scripts/derive_triggers.py --check              # exit 1 when the committed file is stale
    python3 scripts/derive_triggers.py --cameo DIR_OR_FILE  # another copy of CAMEO.2.0.txt
    python3 scripts/derive_triggers.py --report             # also list what was dropped and why

Input: ``CAMEO.2.0.txt`` of PETRARCH2 (openeventdata/petrarch2, data/dictionaries, MIT
licence), read from ``../shared/data/petrarch2-dictionaries`` beside the repository (the
file itself is never copied in). Its format is in ``dictionaries.rst`` beside it: blocks
``--- NAME [code] ---`` of synonymous verbs (each with an optional code of its own, the
code of the verb used alone), followed by patterns ``- pre * post [code] # VERB`` that
code the verb together with its objects, particles and prepositions.

Output: ``configs/cameo_triggers.yaml``, reviewed configuration data: per SPEC predicate,

- ``verbs``: lemmas whose isolated-verb code maps to the predicate (CODE_MAP, refined by
  BLOCK_MAP and LEMMA_MAP), minus EXCLUDE and the reporting and light verbs of
  configs/predicates.yaml; a lemma goes to one predicate only;
- ``phrases``: multi-word verbs (``+PULL_OUT``) and patterns (``take * &HOSTAGE``) in the
  phrase syntax of configs/predicates.yaml, kept only when their trigger is no bare verb
  trigger of its own (a phrase on "condemn" adds nothing: "condemn" already triggers) or
  the phrase is a particle verb ("pull out"); minus PHRASE_EXCLUDE;
- ``nouns``: nominal forms of the verbs (NOUN_FORMS, then suffix rules filtered by
  NOUN_REJECT) and the event nouns CAMEO puts after light verbs ("stage a *demonstration*").

Everything judged by hand is in the tables below, each entry with the reason. The file
is for review and merging into configs/predicates.yaml; the pipeline does not read it.
Standard library and PyYAML only.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CAMEO = "../shared/data/petrarch2-dictionaries"  # relative to the repository root
CAMEO_FILE = "CAMEO.2.0.txt"
DEFAULT_OUT = "configs/cameo_triggers.yaml"
DEFAULT_PREDICATES = "configs/predicates.yaml"
COMMAND = "python3 scripts/derive_triggers.py"

# --------------------------------------------------------------------------- mapping tables

# CAMEO code -> SPEC predicate (None: no claim). The longest matching prefix wins, so a
# 4-digit entry refines its 3-digit parent and a 3-digit entry its 2-digit root. Codes
# without any matching prefix make no claim.
CODE_MAP: dict[str, str | None] = {
    # 01 make public statement: comments, optimism, denials ... are no claims; reporting
    # verbs only set `source`. (warn/caution are routed by LEMMA_MAP.)
    "01": None,
    # 02 appeal
    "02": "appeal",
    "023": "request_aid",  # appeal for aid (0231 economic, 0232 military, 0233 humanitarian, 0234 protection)
    # 03 express intent (031-039: to cooperate, to meet, to yield ...): the intended event is
    # a `planned` claim of its own predicate, found from its own verb; the intent verbs
    # themselves (plan, intend, prepare, pledge) make none. offer/proffer: LEMMA_MAP.
    "03": None,
    # 04 consult
    "040": "meet",  # consult, not specified
    "041": "contact",  # discuss by telephone
    "042": "visit",  # make a visit
    "043": "visit",  # host a visit (the guest visits)
    "044": "meet",  # meet at a third location
    "045": None,  # mediate: no SPEC predicate
    "046": "meet",  # engage in negotiation
    # 05 engage in diplomatic cooperation
    "050": "cooperate",
    "051": "support",  # praise or endorse
    "052": "support",  # defend verbally
    "053": "support",  # rally support on behalf of
    "054": "recognize",  # grant diplomatic recognition
    "055": None,  # apologize
    "056": None,  # forgive
    "057": "cooperate",  # sign formal agreement
    # 06 engage in material cooperation (061 economic, 062 military, 063 judicial, 064 intelligence)
    "06": "cooperate",
    "063": None,  # judicial cooperation (extradite): no SPEC predicate
    # 07 provide aid (071 economic, 072 military, 073 humanitarian, 074 protection/peacekeeping)
    "07": "provide_aid",
    "075": None,  # grant asylum
    # 08 yield: ease sanctions, accede to demands, allow ... mostly no SPEC predicate
    "08": None,
    "084": "release",  # return, release
    "0841": "release",  # return, release persons
    "0842": None,  # return, release property
    "087": "withdraw",  # de-escalate military engagement
    "0871": None,  # declare truce, ceasefire
    "0872": None,  # ease military blockade
    "0873": "withdraw",  # demobilize armed forces
    "0874": "withdraw",  # retreat or surrender militarily
    # 09 investigate
    "09": "investigate",
    # 10 demand
    "10": "demand",
    # 11 disapprove
    "110": "criticize",  # disapprove, not specified (regret, lament, decry)
    "111": "criticize",  # criticize or denounce
    "112": "accuse",  # accuse (1121 crime, 1122 human rights abuses, 1123 aggression, 1124 war crimes, 1125 espionage)
    "113": "oppose",  # rally opposition against
    "114": "criticize",  # complain officially
    "115": "prosecute",  # bring lawsuit against
    "116": "prosecute",  # find guilty or liable (legally)
    # 12 reject
    "12": "reject",
    "128": None,  # defy norms, law (breach, violate): no SPEC predicate
    # 13 threaten
    "13": "threaten",
    "139": "demand",  # give ultimatum (predicates.yaml: "issue ultimatum" is demand)
    # 14 protest (141 demonstrate or rally, 142 hunger strike, 143 strike or boycott,
    # 144 obstruct passage, 145 protest violently, riot)
    "14": "protest",
    # 15 exhibit force posture: alerts, parades, patrols are no claims ...
    "15": None,
    "154": "deploy",  # ... but mobilizing or increasing armed forces is
    # 16 reduce relations
    "16": None,
    "161": "suspend_cooperation",  # reduce or break diplomatic relations
    "162": "suspend_cooperation",  # reduce or stop material aid
    "163": "sanction",  # impose embargo, boycott or sanctions
    "164": "suspend_cooperation",  # halt negotiations
    "166": "expel",  # expel or withdraw (peacekeepers, inspectors, aid agencies)
    # 17 coerce
    "17": None,  # 170 coerce, 171 seize or damage property (1711 confiscate, 1712 destroy): no SPEC predicate
    "172": "ban",  # impose administrative sanctions (1721 political freedoms, 1722 ban parties)
    "1723": "ban",  # impose curfew
    "1724": None,  # impose state of emergency or martial law: no SPEC predicate
    "173": "detain",  # arrest, detain or charge with legal action (prosecution verbs: LEMMA_MAP)
    "174": "expel",  # expel or deport individuals
    "175": None,  # violent repression: its patterns are arrests and killings, coded by their own verbs
    "176": None,  # cyber attack
    # 18 assault
    "18": None,  # 180 unconventional violence, 184 human shield
    "181": "abduct",  # abduct, hijack, take hostage
    "182": "attack",  # physically assault (stab)
    "1821": None,  # sexual assault: no SPEC predicate
    "1822": None,  # torture: no SPEC predicate
    "1823": "kill",  # kill by physical assault
    "183": "attack",  # conduct suicide, car or other non-military bombing
    "185": "attack",  # attempt to assassinate
    "186": "kill",  # assassinate
    # 19 fight
    "19": "attack",  # 190 conventional force, 193 small arms, 194 artillery, 195 aerial weapons
    "191": None,  # impose blockade, restrict movement (close, block): see `close`, no claim here
    "192": "use_force",  # occupy territory (invade, occupy, overrun)
    "196": None,  # violate ceasefire
    # 20 unconventional mass violence
    "20": None,
    "201": "expel",  # mass expulsion
    "202": "kill",  # mass killings
}

# Block -> predicate for the isolated verbs of a block whose code misroutes them (the
# code of a verb written with its own [code] still wins). None: no claim.
BLOCK_MAP: dict[str, str | None] = {
    "RETREAT": "withdraw",  # [080] yield: withdraw, retreat, pull out/back
    "RELEASE": "release",  # [080] yield: free, liberate, set free (release itself is [084])
    "DELAY": None,  # [120] delay, postpone, hamper: not reject
    "DISTURB": None,  # [140] annoy, harass, irritate: not protest
    "PROVOKE": None,  # [140] provoke, arouse: not protest
    "OVERTHREW": "seize_power",  # [180]: overthrow
    "DISMAY": None,  # [110] disappoint, dishearten, sadden: feelings, not criticism
    "LAMENT": "criticize",  # [110] lament; cry/weep/mourn are EXCLUDE
    "VERBAL_CONFLICT": None,  # [110] argue, contest, differ, dispute ...: oppose/object via LEMMA_MAP
    "DISGRACE": None,  # [110] debase, humble, humiliate
    "CURSE": None,  # [110] blaspheme, curse
    "DESPAIR": None,  # [110]
    "DISTRUST": None,  # [110] distrust, suspect
    "ENCOURAGE": None,  # [051] embolden, inspire, spur: not endorsement
    "BLESS": None,  # [051]
    "FAVOR": None,  # [051] favor/prefer: LEMMA_MAP
    "COORDINATE": None,  # [050] harmonize, integrate, organize
    "DISCLOSE": None,  # [050] admit, reveal, expose: reporting
    "INFLUENCE": None,  # [050] affect, impact, persuade
    "REJOICE": None,  # [050]
    "BARGAIN": None,  # [050] bargain, haggle
    "OVERSEE_MANAGE": None,  # [060] administer, govern, lead, rule ...
    "BOOST": None,  # [060] increase, expand, escalate
    "ENACT": None,  # [060] establish, found, institute
    "FACILITATE": None,  # [060] ease, improve, mitigate
    "LINK": None,  # [060] attach, connect, link
    "MERGE": None,  # [060] blend, merge, unify
    "ALLOCATE": None,  # [060] allot, assign
    "GRANT": None,  # [060] give, supply, provide ...: provide_aid through its phrases
    "TRADE": None,  # [060] exchange, swap
    "ENLIST": None,  # [060]
    "IMPORT": None,  # [061]
    "PURCHASE": None,  # [061] buy, purchase
    "STABILISE": None,  # [070]
    "DEFEND": None,  # [074] defend, guard, protect: too general as bare verbs
    "CONSIDER": None,  # [040] consider, ponder, think ...
    "HEAR": None,  # [040] hear, learn
    "INTRODUCE": None,  # [040] introduce, insert
    "INVITE": None,  # [040] invite: an appeal to meet, not a meeting
    "NOTIFY": None,  # [040] notify, apprise: reporting
    "ASSEMBLE": None,  # [040] gather, assemble, join: not a meeting of two parties
    "GO_SOMEWHERE": None,  # [040] go, leave, travel ...: see LEMMA_MAP
    "ARRIVE": None,  # [040] arrive, approach
    "SUGGEST": None,  # [020] advise, hint, recommend: LEMMA_MAP sends propose-like verbs to propose
    "HOPE": None,  # [020]
    "ALLEGE": "accuse",  # [110] allege, aver, avow, claim, swear
    "REBUFF": "reject",  # [110] rebuff, snub, slight
    "CONFINE": "detain",  # [170] cage, confine, detain, imprison, jail ...
    "EXCLUDE": None,  # [170] bar, block, shun ...: see LEMMA_MAP
    "IMPEL": None,  # [170] compel, force, pressure
    "IMPOSE": None,  # [170] impose, levy: light verbs
    "PUNISH": None,  # [170]
    "SUPPRESS": None,  # [170] curb, quell, repress: no SPEC predicate
    "EXTRACT": None,  # [171] extract, pull, wrest
    "NATIONALIZE": None,  # [171]
    "STEAL": None,  # [171]
    "TAKE_CONTROL": None,  # [171] hijack: LEMMA_MAP; commandeer, usurp ...
    "TAKE_PROPERTY": None,  # [171] annex, appropriate, confiscate
    "FINE": None,  # [172] fine, tax: no SPEC predicate
    "SENTENCE": "prosecute",  # [172] sentence is the court's act
    "ABUSE": None,  # [180] abuse, mistreat
    "HURT": None,  # [180] damage, harm, hurt, wound
    "RAMPAGE": None,  # [180]
    "RIP": None,  # [180]
    "SCUFFLE": None,  # [180]
    "SLAP": None,  # [180]
    "TERRORIZE": None,  # [180]
    "WHIP": None,  # [180]
    "DIE": None,  # [190] die: the victim's verb, no agent
    "DESTROY": None,  # [190] defeat, crush, destroy, overcome ...: results, not attacks
    "ENCIRCLE": None,  # [190] circle, ring, surround
    "ENGAGE": None,  # [190] engage: light verb
    "FLATTEN": None,  # [190]
    "REPULSE": None,  # [190] repel, repulse: defence
    "KILL": "kill",  # [190] kill, murder, behead, hang ...
    "MASSACRE": "kill",  # [202]
    "ASSASSINATE": "kill",  # [186]
    "INVADE": "use_force",  # [192] infest/inhabit/reside are EXCLUDE
    "RECAPTURE": None,  # [192] recapture: seizing territory back, no SPEC predicate
    "OFFEND": None,  # [:110] appall, shock, outrage: feelings
    "MOBILIZE": None,  # [150] garner, marshal, rally ...: see LEMMA_MAP
}

# Lemma -> predicate: the dominant sense in news and statements, overriding codes and
# blocks (CAMEO lists some verbs in several blocks, or under a code of a neighbour sense).
LEMMA_MAP: dict[str, str] = {
    # prosecution: CAMEO 173 "arrest, detain or charge with legal action" covers both
    # detain and prosecute; SPEC revision 2 separates them
    "prosecute": "prosecute",
    "sue": "prosecute",
    "indict": "prosecute",
    "convict": "prosecute",
    "charge": "prosecute",  # [112] in BLAME; "charged with treason" is prosecution
    "sentence": "prosecute",
    "try": "prosecute",  # "tried by a military court"; not in CAMEO: no effect unless it is
    # criticize vs accuse vs reject (BLAME block mixes them)
    "condemn": "criticize",  # [111]; "condemned to death" is rarer in this domain
    "complain": "criticize",  # [114]
    "regret": "criticize",
    "decry": "criticize",
    "lament": "criticize",
    "bemoan": "criticize",
    "oppose": "oppose",  # [110] VERBAL_CONFLICT
    "object": "oppose",  # [120]
    "dispute": "reject",  # [110] "disputed the results"
    "contest": "reject",  # [110] "contested the election"
    "spurn": "reject",  # [110]
    "renounce": "reject",  # [110]
    "veto": "reject",  # [172] in PROHIBIT; CAMEO 129 "veto" is reject
    "deny": "reject",  # a reporting verb: EXCLUDE drops it all the same
    # support
    "back": "support",  # [050]
    "endorse": "support",
    "favor": "support",
    "favour": "support",
    "promote": "support",
    # cooperate / propose / appeal
    "ally": "cooperate",
    "offer": "propose",  # [030]
    "proffer": "propose",
    "propose": "propose",  # [020]
    "recommend": "propose",  # [020]
    "advocate": "support",  # [020] "advocated dialogue"
    "petition": "appeal",
    "request": "appeal",
    "solicit": "request_aid",
    # meet / contact / visit
    "discuss": "meet",
    "confer": "meet",
    "consult": "meet",
    "negotiate": "meet",  # [080] COMPROMISE; predicates.yaml: meet
    "mediate": "meet",  # [080]; SPEC has no mediate: the mediator meets both parties
    "contact": "contact",  # [040] MEET_PEOPLE
    "cable": "contact",
    "phone": "contact",
    "telephone": "contact",
    "tour": "visit",  # [040] GO_SOMEWHERE
    "convene": "convene",  # [042] VISIT block
    "reconvene": "convene",
    "summon": "convene",  # [040]; "summoned the ambassador" is a meeting called
    # appoint / recognize
    "appoint": "appoint",  # [---] NAME block
    "nominate": "appoint",
    "designate": "designate",
    "label": "designate",
    "brand": "designate",  # [111]
    "recognize": "recognize",  # [051]: praise in CAMEO, diplomatic recognition in SPEC
    "recognise": "recognize",
    # provide aid
    "fund": "provide_aid",  # [061] economic cooperation in CAMEO
    "finance": "provide_aid",
    "bankroll": "provide_aid",
    "sponsor": "provide_aid",
    "underwrite": "provide_aid",
    "arm": "provide_aid",  # [062]
    "equip": "provide_aid",
    "train": "provide_aid",  # [030] PREPARE
    "donate": "provide_aid",
    "contribute": "provide_aid",
    "airlift": "provide_aid",
    # deploy: CAMEO codes troop movements in blocks without an isolated code (SEND, DESPATCH)
    "deploy": "deploy",
    "redeploy": "deploy",
    "dispatch": "deploy",
    "despatch": "deploy",
    "station": "deploy",  # [---] ARRANGE
    "mobilize": "deploy",  # [150]: "mobilized troops"
    "mobilise": "deploy",
    # withdraw
    "evacuate": "withdraw",  # [070]
    "abandon": "withdraw",  # [080]
    "vacate": "withdraw",
    "withdraw": "withdraw",
    # cancel / suspend cooperation / close
    "abolish": "cancel",  # [---] CANCEL
    "annul": "cancel",
    "cancel": "cancel",
    "countermand": "cancel",
    "invalidate": "cancel",
    "nullify": "cancel",
    "quash": "cancel",
    "repeal": "cancel",
    "rescind": "cancel",
    "revoke": "cancel",
    "terminate": "cancel",
    "void": "cancel",
    "discontinue": "suspend_cooperation",
    "halt": "suspend_cooperation",
    "suspend": "suspend_cooperation",
    "sever": "suspend_cooperation",  # [---] SEPARATE: "severed ties"
    "close": "close",
    "shut": "close",
    # sanction / ban / expel
    "blacklist": "sanction",
    "embargo": "sanction",
    "blockade": "sanction",  # predicates.yaml: blockade is a sanction noun (ECOWAS)
    "boycott": "protest",  # [163]/[143]: in this domain citizens and parties boycott
    "bar": "ban",  # [172]
    "censor": "ban",
    "criminalize": "ban",
    "criminalise": "ban",
    "outlaw": "ban",
    "proscribe": "ban",
    "disband": "ban",  # [160]: "disbanded the party"
    "dissolve": "ban",  # [---] COLLAPSE; "dissolved the parties" (predicates.yaml: cancel)
    "oust": "seize_power",  # [174]: "ousted president Bazoum"; expel gets "order out"
    "topple": "seize_power",  # [---] FELL
    "overthrow": "seize_power",
    "usurp": "seize_power",
    # detain / abduct / release
    "arrest": "detain",
    "capture": "detain",  # [171]: "captured soldiers" (the captured town is rarer)
    "apprehend": "detain",
    "nab": "detain",
    "rearrest": "detain",
    "kidnap": "abduct",
    "abduct": "abduct",
    "hijack": "abduct",  # [171]/[181]
    "free": "release",
    "liberate": "release",
    # use of force vs attack
    "clash": "use_force",  # symmetric: "clashes between A and B"
    "fight": "use_force",
    "battle": "use_force",
    "combat": "use_force",
    "skirmish": "use_force",
    "intervene": "use_force",  # [070]
    "invade": "use_force",
    "occupy": "use_force",
    "besiege": "attack",  # [191]
    "massacre": "kill",
    "slaughter": "kill",
    "assassinate": "kill",
    "execute": "kill",
    "warn": "warn",  # [130]: SPEC warn (01), not threaten
    "caution": "warn",
    "threaten": "threaten",
    "protest": "protest",  # [140] VERBAL_CONFLICT
    "demonstrate": "protest",
    "march": "protest",
    "rally": "protest",  # [150] MOBILIZE: "rallied against the junta"
    "riot": "protest",
    "deport": "expel",
    "expel": "expel",
    "evict": "expel",
    "banish": "expel",
    "exile": "expel",
    "demand": "demand",
    "insist": "demand",
}

# Lemmas never emitted as bare verb triggers (their phrases may still be kept).
# predicates.yaml's reporting and light verbs are dropped as well, read from the file.
EXCLUDE: dict[str, str] = {
    # light, reporting or general verbs (also in CAMEO blocks with codes)
    **dict.fromkeys(
        "say tell announce make give take have hold put get go come do set bring let keep "
        "see find call ask speak talk express note show".split(),
        "light or reporting verb",
    ),
    # too ambiguous as bare triggers in news text
    **dict.fromkeys(
        "move run back strike charge fire shoot hit beat break blow cut drop pass clear "
        "pull push press rule head lead serve count score total figure measure match pit "
        "ring stone hammer pound ram thump bust best master fall rise order seize catch grab "
        "snatch block contain restrict enclose cage exclude shun segregate remove cross "
        "stand stay step walk act engage face meet_with encounter confront brave approach "
        "join unite gather converge flock cluster huddle amass assemble".split(),
        "ambiguous as a bare verb",
    ),
    # feelings and evaluations, not claims
    **dict.fromkeys(
        "cry weep wail whine grieve mourn despair curse blaspheme disappoint dismay sadden "
        "appreciate admire love enjoy adore respect esteem prize value treasure toast clap "
        "cheer bless sanctify exalt glorify compliment felicitate greet honor honour reward "
        "commemorate celebrate".split(),
        "a feeling or a ceremony, not a claim",
    ),
    # archaic, rare or odd senses in this domain
    **dict.fromkeys(
        "reprobate chasten crucify pillory savage lecture remonstrate jeer scoff lambast "
        "deride ridicule scorn scold chide belittle slander malign impugn denigrate "
        "oppugn bemock mock mimic".split(),
        "rare, archaic or mockery: not in statement text",
    ),
    **dict.fromkeys(
        "infest inhabit reside enroll tend ward look_after shelter reinforce".split(),
        "wrong sense for the code",
    ),
}

# Phrases dropped after review (exact phrase strings as generated).
PHRASE_EXCLUDE: dict[str, str] = {}

# Nominal forms: irregular or not derivable by the suffix rules. Verb -> nouns.
NOUN_FORMS: dict[str, tuple[str, ...]] = {
    "expel": ("expulsion",),
    "withdraw": ("withdrawal",),
    "criticize": ("criticism",),
    "criticise": ("criticism",),
    "detain": ("detention",),
    "try": ("trial",),
    "deny": ("denial",),
    "refuse": ("refusal",),
    "dismiss": ("dismissal",),
    "arrive": ("arrival",),
    "propose": ("proposal",),
    "seize": ("seizure",),
    "oppose": ("opposition",),
    "resist": ("resistance",),
    "assist": ("assistance",),
    "deport": ("deportation",),
    "condemn": ("condemnation",),
    "denounce": ("denunciation",),
    "renounce": ("renunciation",),
    "prosecute": ("prosecution",),
    "execute": ("execution",),
    "evacuate": ("evacuation",),
    "intervene": ("intervention",),
    "invade": ("invasion",),
    "abduct": ("abduction",),
    "kidnap": ("kidnapping",),
    "convict": ("conviction",),
    "indict": ("indictment",),
    "censure": ("censure",),
    "rebuke": ("rebuke",),
}

# Same-form event nouns ("a raid", "the ban", "charges"): derived only for these verbs.
ZERO_NOUNS: set[str] = set(
    "attack raid ambush assault strike arrest ban protest march rally visit tour release "
    "capture massacre murder fight clash charge sentence sanction embargo boycott veto "
    "appeal demand blockade purge rebuff snub rebuke censure blame support offer threat "
    "withdraw".split()
) - {"withdraw"}

# Suffix rules: (verb ending, noun ending), tried in order, all matching rules give candidates.
SUFFIX_RULES: tuple[tuple[str, str], ...] = (
    ("ate", "ation"),
    ("ize", "ization"),
    ("ise", "isation"),
    ("ify", "ification"),
    ("ct", "ction"),
    ("ute", "ution"),
    ("mit", "mission"),
    ("ess", "ession"),
    ("ude", "usion"),
    ("ain", "ainment"),
    ("ish", "ishment"),
    ("on", "onment"),
    ("ort", "ortation"),
    ("ire", "iral"),
    ("ove", "oval"),
    ("ny", "nial"),
    ("ose", "osal"),
    ("ect", "ection"),
)

# Generated candidates that are not English words or not the event sense (reviewed).
NOUN_REJECT: set[str] = set()

# Gerunds kept as event nouns for violent predicates ("the killing of", "a kidnapping").
GERUND_PREDICATES = ("attack", "kill", "abduct", "use_force")


# --------------------------------------------------------------------------- parsing

PREPOSITIONS = frozenset(
    "about across after against along among around as at before behind below beneath beside between "
    "beyond by during for from in inside into near of off on onto out outside over through throughout "
    "to toward towards under until upon via with within without".split()
)
PARTICLES = frozenset("out off up down back over away forward ahead aside apart in on".split())
ACTOR_MARKS = frozenset("+ $ ^ %".split())


@dataclass
class Verb:
    lemma: str
    particles: tuple[str, ...]
    code: str | None
    block: str
    own_code: bool


@dataclass
class Pattern:
    verbs: list[tuple[str, tuple[str, ...]]]
    pre: str
    post: str
    code: str | None
    block: str
    line: int


@dataclass
class Dictionary:
    synsets: dict[str, list[str]] = field(default_factory=dict)
    verbs: list[Verb] = field(default_factory=list)
    patterns: list[Pattern] = field(default_factory=list)
    forms: dict[str, str] = field(default_factory=dict)  # inflected form -> lemma


def _code(raw: str) -> str | None:
    """``[112]`` -> 112; ``[042:043]`` -> 042 (the primary code); ``[---]``/``[:075]`` -> None."""
    primary = raw.split(":", 1)[0]
    digits = re.sub(r"\D", "", primary)
    return digits or None


def _inflections(lemma: str) -> set[str]:
    """Regular forms, as PETRARCH generates them (approximately)."""
    forms = {lemma + "s", lemma + "ed", lemma + "ing"}
    if lemma.endswith("e"):
        forms |= {lemma + "d", lemma[:-1] + "ing"}
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms.add(lemma + "es")
    if len(lemma) > 2 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


def _split_verb(word: str) -> tuple[str, tuple[str, ...]] | None:
    """``+PULL_OUT`` -> (pull, (out,)); ``WIRE_+TAP`` (pre-compound) -> None; ``ARREST`` -> (arrest, ())."""
    parts = word.lower().split("_")
    if len(parts) == 1:
        return parts[0].lstrip("+"), ()
    if not parts[0].startswith("+"):
        return None
    return parts[0][1:], tuple(p for p in parts[1:] if p)


def parse_cameo(text: str) -> Dictionary:
    """Synsets, verbs (with the code of the isolated verb) and patterns of a CAMEO verb file."""
    dic = Dictionary()
    block, block_code = None, None
    synset = None
    irregular: dict[str, str] = {}
    for number, raw in enumerate(text.splitlines(), 1):
        line, _, comment = raw.partition("#")
        line = line.rstrip()
        if not line.strip():
            synset = None
            continue
        header = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]", line)
        if header:
            block, block_code, synset = header.group(1), _code(header.group(2)), None
            continue
        if line.startswith("&"):
            synset = line[1:].strip()
            dic.synsets[synset] = []
            continue
        if synset is not None and line.startswith("+"):
            dic.synsets[synset].append(line[1:].strip().rstrip("_").lower())
            continue
        if block is None or line.startswith("~"):
            continue
        if line.startswith("-"):
            body = line[1:]
            codes = re.findall(r"\[([^\]]*)\]", body)
            if not codes or "*" not in body:
                continue
            body = body[: body.rfind("[")]
            pre, _, post = body.partition("*")
            verbs = []
            for item in comment.split(","):
                words = item.split()
                if words:
                    split = _split_verb(words[0].lstrip("+"))
                    if split:
                        verbs.append(split)
            dic.patterns.append(Pattern(verbs, pre.strip(), post.strip(), _code(codes[-1]), block, number))
            continue
        match = re.match(r"^(\S+)\s*(?:\{([^}]*)\})?\s*(?:\[([^\]]*)\])?", line.strip())
        if not match:
            continue
        split = _split_verb(match.group(1))
        if split is None or not re.fullmatch(r"[a-z][a-z'-]*", split[0]):
            continue
        lemma, particles = split
        own = match.group(3) is not None
        dic.verbs.append(Verb(lemma, particles, _code(match.group(3)) if own else block_code, block, own))
        for form in (match.group(2) or "").replace(",", " ").split():
            form_split = _split_verb(form.lstrip("+").replace("+", ""))
            if form_split:
                irregular.setdefault(form_split[0], lemma)
    lemmas = {verb.lemma for verb in dic.verbs}
    for lemma in sorted(lemmas):
        for form in _inflections(lemma):
            dic.forms.setdefault(form, lemma)
    dic.forms.update({form: lemma for form, lemma in irregular.items() if form not in lemmas})
    dic.forms.update({lemma: lemma for lemma in lemmas})
    return dic


# --------------------------------------------------------------------------- derivation


def predicate_of_code(code: str | None) -> str | None:
    if not code:
        return None
    for size in range(len(code), 1, -1):
        if code[:size] in CODE_MAP:
            return CODE_MAP[code[:size]]
    return None


def singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def _noun_slot(token: str, synsets: dict[str, list[str]]) -> list[str] | None:
    """Alternatives of a noun slot: ``TALKS`` -> [talk]; ``&HOSTAGE`` -> members; ``{AIR STRIKE}`` -> head."""
    if token.startswith("{"):
        inner = token.strip("{}").split()
        if not inner:
            return None
        token = inner[-1]
    if token.startswith("&"):
        members = synsets.get(token[1:])
        if members is None:
            return None
        words = [singular(m) for m in members if re.fullmatch(r"[a-z]+", m)]
        return list(dict.fromkeys(words)) or None
    word = token.lower()
    if not re.fullmatch(r"[a-z]+", word):
        return None
    return [singular(word)]


def pattern_words(post: str, synsets: dict[str, list[str]]) -> list[list[str]] | None:
    """The slots after the verb, each a list of alternatives, or None when the pattern is
    more than particles, one object, and one prepositional phrase (or holds a placeholder
    in a slot of its own inside a prepositional phrase)."""
    slots: list[list[str]] = []
    nouns = preps = 0
    for token in re.findall(r"\{[^}]*\}|\([^)]*\)|[^\s{}()]+", post):
        if token in ACTOR_MARKS:
            continue
        if token.startswith("("):
            inner = re.findall(r"\{[^}]*\}|[^\s{}]+", token.strip("()"))
            inner = [t for t in inner if t not in ACTOR_MARKS]
            if not inner or inner[0].lower() not in PREPOSITIONS or len(inner) > 2:
                return None
            preps += 1
            slots.append([inner[0].lower()])
            if len(inner) == 2:
                alternatives = _noun_slot(inner[1], synsets)
                if alternatives is None:
                    return None
                slots.append(alternatives)
            continue
        word = token.lower()
        if word in PARTICLES and not nouns and not preps:
            slots.append([word])
            continue
        if word in PREPOSITIONS:
            preps += 1
            slots.append([word])
            continue
        alternatives = _noun_slot(token, synsets)
        if alternatives is None:
            return None
        nouns += 1
        slots.append(alternatives)
    if nouns > 1 or preps > 1 or not slots:
        return None
    return slots


@dataclass
class Derived:
    verbs: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    phrases: dict[str, dict[tuple, list[str]]] = field(default_factory=lambda: defaultdict(dict))
    nouns: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    dropped: list[str] = field(default_factory=list)


def noun_forms(verb: str, predicate: str) -> list[str]:
    if verb in NOUN_FORMS:
        found = list(NOUN_FORMS[verb])
    else:
        found = []
        for ending, noun_ending in SUFFIX_RULES:
            if verb.endswith(ending):
                found.append(verb[: -len(ending)] + noun_ending)
        if verb.endswith("e") and not found:
            found.append(verb[:-1] + "ion")
        elif not found:
            found.append(verb + "ment")
    if verb in ZERO_NOUNS:
        found.append(verb)
    if predicate in GERUND_PREDICATES:
        gerunds = sorted(f for f in _inflections(verb) if f.endswith("ing"))
        found.extend(g for g in gerunds if not (len(gerunds) > 1 and g == verb + "ing" and verb.endswith("e")))
    return [noun for noun in dict.fromkeys(found) if noun not in NOUN_REJECT]


def derive(dic: Dictionary, excluded_verbs: dict[str, str]) -> Derived:
    """Map verbs, phrases and nouns to predicates; resolve each lemma to one predicate."""
    out = Derived()
    excluded = {**excluded_verbs, **EXCLUDE}
    # verbs: every predicate a lemma's isolated-verb codes give, then LEMMA_MAP decides
    candidates: dict[str, set[str]] = defaultdict(set)
    for verb in dic.verbs:
        if verb.particles:
            continue
        if verb.own_code:
            predicate = predicate_of_code(verb.code)
        elif verb.block in BLOCK_MAP:
            predicate = BLOCK_MAP[verb.block]
        else:
            predicate = predicate_of_code(verb.code)
        if predicate:
            candidates[verb.lemma].add(predicate)
    known = {verb.lemma for verb in dic.verbs}
    for lemma in sorted(known | set(candidates)):
        if lemma in excluded:
            if candidates.get(lemma):
                out.dropped.append(f"verb {lemma}: {excluded[lemma]}")
            continue
        if lemma in LEMMA_MAP:
            out.verbs[LEMMA_MAP[lemma]].add(lemma)
        elif len(candidates.get(lemma, ())) == 1:
            out.verbs[next(iter(candidates[lemma]))].add(lemma)
        elif candidates.get(lemma):
            out.dropped.append(f"verb {lemma}: ambiguous {sorted(candidates[lemma])}")
    triggers = {lemma: p for p, lemmas in out.verbs.items() for lemma in lemmas}
    return out, triggers, excluded


def derive_phrases(dic: Dictionary, out: Derived, triggers: dict[str, str], excluded: dict[str, str]) -> None:
    # multi-word verbs: "+PULL_OUT" -> "pull out"
    for verb in dic.verbs:
        if not verb.particles:
            continue
        predicate = (
            BLOCK_MAP.get(verb.block, predicate_of_code(verb.code))
            if not verb.own_code
            else predicate_of_code(verb.code)
        )
        if predicate:
            key = (verb.lemma, *verb.particles)
            out.phrases[predicate].setdefault(key, [[w] for w in key])
    for pattern in dic.patterns:
        predicate = predicate_of_code(pattern.code)
        if predicate is None or pattern.pre or not pattern.verbs:
            continue
        slots = pattern_words(pattern.post, dic.synsets)
        if slots is None:
            continue
        for word, particles in pattern.verbs:
            lemma = dic.forms.get(word)
            if lemma is None:
                continue
            full = [[lemma]] + [[p] for p in particles] + slots
            print(
                predicate,
                lemma,
                triggers.get(lemma),
                excluded.get(lemma),
                " ".join("|".join(s) for s in full),
                sep="\t",
            )
