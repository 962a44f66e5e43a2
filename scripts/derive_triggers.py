"""Derive trigger breadth for the SPEC predicates from PETRARCH2's CAMEO verb dictionary.

    python3 scripts/derive_triggers.py                    # writes configs/cameo_triggers.yaml
    python3 scripts/derive_triggers.py --check            # exit 1 when the committed file is stale
    python3 scripts/derive_triggers.py --report           # also list what was dropped, and why
    python3 scripts/derive_triggers.py --cameo PATH       # another CAMEO.2.0.txt (or its directory)

Input: ``CAMEO.2.0.txt`` of PETRARCH2 (openeventdata/petrarch2, data/dictionaries, MIT
licence), read from ``../shared/data/petrarch2-dictionaries`` beside the repository; the
file itself is never copied in. Its format is in ``dictionaries.rst`` beside it: blocks
``--- NAME [code] ---`` of synonymous verbs (a verb may carry its own ``[code]``, the code
of the verb used alone), multi-word verbs (``+PULL_OUT``), synonym sets (``&HOSTAGE``) and
patterns ``- pre * post [code] # VERB`` that code a verb with its objects, particles and
prepositions.

Output: ``configs/cameo_triggers.yaml``, per SPEC predicate (``predicates`` entries that
validate as ``pipeline.models.PredicateSpec``):

- ``verbs``: single-word lemmas. The isolated-verb code of each CAMEO verb maps to a
  predicate through CODE_MAP (longest code prefix) or BLOCK_MAP (blocks whose code
  misroutes their verbs). LEMMA_MAP fixes a lemma's dominant sense; else CAMEO must give
  one predicate only (a lemma it sends to two is dropped). EXCLUDE and the reporting and
  light verbs of configs/predicates.yaml never become bare triggers. A lemma goes to one
  predicate.
- ``phrases``: multi-word verbs ("pull out") and the patterns of the light or ambiguous
  verbs in PHRASE_HEADS ("take * &HOSTAGE" -> "take hostage"), written in the phrase
  syntax of configs/predicates.yaml (first word the trigger lemma, the others below it,
  ``a|b`` alternatives, a final preposition introduces the object); PHRASE_MAP reviews them.
- ``nouns``: nominal forms of the verbs (NOUN_FORMS, else SUFFIX_RULES), the event nouns
  CAMEO codes after the verbs of NOUN_LIGHT_VERBS ("stage * DEMONSTRATION" [141]) and
  EXTRA_NOUNS; NOUN_REJECT drops non-words and wrong senses; a noun goes to one predicate
  (NOUN_MAP decides where CAMEO gives two).

Every judgement is in the tables below, with its reason. Of configs/predicates.yaml only
the reporting and light verbs shape the output; its word lists are only compared with it
(``--report`` lists where a word moves, e.g. "order out": demand -> expel). The file is
reviewed data that configs/predicates.yaml names as its `breadth`: the claims stage merges it under the hand lists.
Standard library and PyYAML only.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CAMEO = "../shared/data/petrarch2-dictionaries"  # relative to the repository root
CAMEO_FILE = "CAMEO.2.0.txt"
DEFAULT_OUT = "configs/cameo_triggers.yaml"
DEFAULT_PREDICATES = "configs/predicates.yaml"
COMMAND = "python3 scripts/derive_triggers.py"

# =========================================================================== mapping tables

# CAMEO code -> SPEC predicate (None: no claim). The longest matching prefix wins, so a
# 4-digit entry refines its 3-digit parent and a 3-digit entry its 2-digit root; a code
# no prefix matches makes no claim.
CODE_MAP: dict[str, str | None] = {
    # 01 make public statement: comments, optimism, denials are no claims (reporting verbs
    # only set `source`); warn/caution, coded [130] in CAMEO, are routed by LEMMA_MAP
    "01": None,
    # 02 appeal
    "02": "appeal",
    "023": "request_aid",  # appeal for aid: 0231 economic, 0232 military, 0233 humanitarian, 0234 protection
    # 03 express intent (to cooperate, to meet, to yield ...): the intended event is a
    # `planned` claim of its own predicate, found by its own verb or noun; the intent verbs
    # (plan, intend, prepare, pledge) make none. offer/proffer go to propose (LEMMA_MAP)
    "03": None,
    # 04 consult
    "040": "meet",  # consult, not specified
    "041": "contact",  # discuss by telephone
    "042": "visit",  # make a visit
    "043": "visit",  # host a visit (the guest visits the host)
    "044": "meet",  # meet at a third location
    "045": None,  # mediate: no SPEC predicate (mediate itself: LEMMA_MAP -> meet)
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
    # 06 engage in material cooperation (061 economic, 062 military, 064 intelligence)
    "06": "cooperate",
    "063": None,  # judicial cooperation (extradite): no SPEC predicate
    # 07 provide aid (071 economic, 072 military, 073 humanitarian, 074 protection)
    "07": "provide_aid",
    "075": None,  # grant asylum
    # 08 yield: ease sanctions, accede to demands, allow, compromise: no SPEC predicate ...
    "08": None,
    "084": "release",  # ... except return, release
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
    "110": "criticize",  # disapprove, not specified (decry, regret, lament)
    "111": "criticize",  # criticize or denounce
    "112": "accuse",  # 1121 crime, 1122 human rights abuses, 1123 aggression, 1124 war crimes, 1125 espionage
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
    # 14 protest: 141 demonstrate or rally, 142 hunger strike, 143 strike or boycott,
    # 144 obstruct passage, 145 protest violently, riot
    "14": "protest",
    # 15 exhibit force posture: alerts, parades, patrols are no claims ...
    "15": None,
    "154": "deploy",  # ... but mobilizing or increasing armed forces is
    # 16 reduce relations
    "16": None,  # reduce relations, not specified (undermine, betray, disrupt)
    "161": "suspend_cooperation",  # reduce or break diplomatic relations
    "162": "suspend_cooperation",  # reduce or stop material aid
    "163": "sanction",  # impose embargo, boycott or sanctions
    "164": "suspend_cooperation",  # halt negotiations
    "166": "expel",  # expel or withdraw (peacekeepers, inspectors, aid agencies)
    # 17 coerce
    "17": None,  # 170 coerce; 171 seize or damage property (1711 confiscate, 1712 destroy)
    "172": "ban",  # impose administrative sanctions: 1721 restrict political freedoms, 1722 ban parties
    "1723": "ban",  # impose curfew
    "1724": None,  # impose state of emergency or martial law: no SPEC predicate
    "173": "detain",  # arrest, detain or charge with legal action (the charging verbs: LEMMA_MAP -> prosecute)
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
    "183": "attack",  # suicide, car or roadside bombing
    "185": "attack",  # attempt to assassinate
    "186": "kill",  # assassinate
    # 19 fight: 190 conventional force, 193 small arms, 194 artillery and tanks, 195 aerial weapons
    "19": "attack",
    "191": None,  # impose blockade, restrict movement (close, block): `close` has its own lists
    "192": "use_force",  # occupy territory (invade, occupy)
    "196": None,  # violate ceasefire
    # 20 unconventional mass violence
    "20": None,
    "201": "expel",  # mass expulsion
    "202": "kill",  # mass killings
}

# Block -> predicate for the verbs of a block whose code misroutes them (a verb with a
# [code] of its own keeps it). None: no claim.
BLOCK_MAP: dict[str, str | None] = {
    "RETREAT": "withdraw",  # [080] yield: withdraw, retreat, pull out/back
    "RELEASE": "release",  # [080] yield: free, liberate, set free (release itself is [084])
    "OVERTHREW": "seize_power",  # [180]: overthrow
    "ALLEGE": "accuse",  # [110]: allege, aver, avow, claim
    "REBUFF": "reject",  # [110]: rebuff, snub, slight
    "KILL": "kill",  # [190]: kill, murder, behead, slay
    "CONFINE": "detain",  # [170]: confine, detain, imprison, jail, incarcerate
    "SENTENCE": "prosecute",  # [172]: a court's act
    # feelings, manners and general verbs under claim codes
    **dict.fromkeys(
        [
            "DISMAY",  # [110] disappoint, dishearten, sadden
            "VERBAL_CONFLICT",  # [110] argue, differ, wrangle (oppose, dispute: LEMMA_MAP)
            "DISGRACE",  # [110] debase, humble, humiliate
            "CURSE",  # [110] blaspheme, curse
            "DESPAIR",  # [110]
            "DISTRUST",  # [110] distrust, suspect
            "DELAY",  # [120] delay, hamper, postpone: not reject
            "DISTURB",  # [140] annoy, harass, irritate: not protest
            "PROVOKE",  # [140] arouse, provoke
            "ENCOURAGE",  # [051] embolden, inspire, spur: not endorsement
            "BLESS",  # [051]
            "FAVOR",  # [051] favor, prefer: LEMMA_MAP
            "COORDINATE",  # [050] harmonize, integrate, organize
            "DISCLOSE",  # [050] admit, expose, reveal: reporting
            "INFLUENCE",  # [050] affect, persuade
            "REJOICE",  # [050]
            "BARGAIN",  # [050] bargain, haggle
            "OVERSEE_MANAGE",  # [060] administer, govern, lead, rule
            "BOOST",  # [060] enhance, escalate, expand
            "ENACT",  # [060] establish, found, institute
            "FACILITATE",  # [060] ease, improve, mitigate
            "LINK",  # [060] attach, connect
            "MERGE",  # [060] blend, unify
            "ALLOCATE",  # [060] allot, assign
            "GRANT",  # [060] give, provide, supply: provide_aid through its phrases
            "TRADE",  # [060] exchange, swap
            "ENLIST",  # [060]
            "IMPORT",  # [061]
            "PURCHASE",  # [061] buy, purchase
            "ARM",  # [062] attire, furnish, outfit, render, stock (arm, equip: LEMMA_MAP)
            "STABILISE",  # [070]
            "DEFEND",  # [074] defend, guard, protect: too general as bare verbs
            "CONSIDER",  # [040] consider, ponder, think
            "HEAR",  # [040] hear, learn
            "INTRODUCE",  # [040] insert, introduce
            "INVITE",  # [040] an appeal to meet, not a meeting
            "NOTIFY",  # [040] apprise, notify: reporting
            "ASSEMBLE",  # [040] gather, join, unite
            "GO_SOMEWHERE",  # [040] go, leave, travel (tour: LEMMA_MAP)
            "ARRIVE",  # [040] approach, arrive
            "SUGGEST",  # [020] advise, hint (propose, recommend: LEMMA_MAP)
            "HOPE",  # [020]
            "FINE",  # [172] fine, tax
            "DIE",  # [190] the victim's verb
            "DESTROY",  # [190] crush, defeat, destroy: outcomes, not attacks
            "ENCIRCLE",  # [190] ring, surround
            "FLATTEN",  # [190]
            "REPULSE",  # [190] repel, repulse: defence
            "RANSACK",  # [190] loot, pillage, plunder: no SPEC predicate
            "RECAPTURE",  # [192]
        ],
        None,
    ),
}

# Lemma -> predicate: the dominant sense in news and statements, where CAMEO gives another
# predicate, several, or none (a block without a claim code). "moved": predicates.yaml
# (before SPEC revision 2) had the lemma elsewhere.
LEMMA_MAP: dict[str, str] = {
    # 173 "arrest, detain or charge with legal action" covers detain and prosecute; SPEC
    # revision 2 separates them. "charged with treason" is prosecution; "condemned" is not.
    "prosecute": "prosecute",
    "sue": "prosecute",
    "indict": "prosecute",
    "convict": "prosecute",
    "charge": "prosecute",  # [112] in BLAME
    "fault": "criticize",  # [112] "faulted the junta for"
    "bemoan": "criticize",
    "oppose": "oppose",  # [110]
    "object": "oppose",  # [120]
    "defy": "oppose",  # [120] "defied ECOWAS"
    "dispute": "reject",  # [110] "disputed the results"
    "contest": "reject",  # [110] "contested the election"
    "dismiss": "reject",  # [110] "dismissed the accusations"
    "spurn": "reject",
    "snub": "reject",  # [111]
    "renounce": "reject",
    "veto": "reject",  # [172] in PROHIBIT; CAMEO 129 "veto" is reject
    "support": "support",
    "back": "support",
    "favor": "support",
    "favour": "support",
    "advocate": "support",  # [020] "advocated dialogue"
    "offer": "propose",  # [030]
    "proffer": "propose",
    "propose": "propose",  # [020]
    "recommend": "propose",  # [020]
    "entreat": "appeal",  # [100]
    "exhort": "appeal",  # [100]; predicates.yaml: appeal
    "solicit": "request_aid",
    "negotiate": "meet",  # [080] COMPROMISE
    "mediate": "meet",  # [080]; SPEC has no mediate: the mediator meets both parties
    "contact": "contact",  # [040] MEET_PEOPLE
    "communicate": "contact",  # predicates.yaml: "communicate with" is contact
    "tour": "visit",  # [040] GO_SOMEWHERE
    "convene": "convene",  # [042] in VISIT
    "appoint": "appoint",  # [---] NAME
    "nominate": "appoint",
    "designate": "designate",
    "label": "designate",
    "brand": "designate",  # [111]
    "recognize": "recognize",  # [051]: praise in CAMEO, diplomatic recognition in SPEC
    "recognise": "recognize",
    "legitimize": "recognize",  # [051]
    "legitimise": "recognize",
    "fund": "provide_aid",  # [061] economic cooperation in CAMEO
    "finance": "provide_aid",
    "bankroll": "provide_aid",
    "sponsor": "provide_aid",
    "underwrite": "provide_aid",
    "arm": "provide_aid",  # [062]
    "equip": "provide_aid",
    "train": "provide_aid",  # [030] PREPARE
    "aid": "provide_aid",
    "assist": "provide_aid",
    "deploy": "deploy",  # [---] SEND: CAMEO codes troop movements only in patterns
    "redeploy": "deploy",
    "dispatch": "deploy",  # [---] DESPATCH
    "despatch": "deploy",
    "station": "deploy",  # [---] ARRANGE
    "mobilize": "deploy",  # [150] "mobilized troops"
    "mobilise": "deploy",
    "evacuate": "withdraw",  # [070]
    "abandon": "withdraw",  # [080]
    "vacate": "withdraw",  # [---] RESIGN
    "abolish": "cancel",  # [---] CANCEL and REVOKE_ blocks
    "annul": "cancel",
    "cancel": "cancel",
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
    "suspend": "suspend_cooperation",  # suspending a party or medium: `ban` phrases
    "sever": "suspend_cooperation",  # [---] SEPARATE: "severed ties"
    "close": "close",
    "shut": "close",
    "blacklist": "sanction",
    "embargo": "sanction",
    "blockade": "sanction",  # predicates.yaml: blockade is a sanction noun (ECOWAS)
    "boycott": "protest",  # [163]/[143]: in this domain parties and citizens boycott
    "dissolve": "ban",  # moved from cancel: "dissolved parliament, the parties" (SPEC ban)
    "disband": "ban",  # [160] "disbanded the militia"
    "oust": "seize_power",  # [174]: "ousted president Bazoum"; expulsion is "order out"
    "topple": "seize_power",  # [---] FELL
    "usurp": "seize_power",
    "capture": "detain",  # [171]: "captured soldiers"
    "nab": "detain",
    "kidnap": "abduct",  # moved from detain (SPEC revision 2: abduct)
    "abduct": "abduct",  # moved from detain
    "hijack": "abduct",  # [171]/[181]
    "clash": "use_force",  # symmetric: "clashes between A and B" (SPEC use_force)
    "fight": "use_force",
    "battle": "use_force",
    "combat": "use_force",
    "skirmish": "use_force",
    "intervene": "use_force",  # [070]
    "overrun": "attack",  # moved from seize_power: "overran an army post" [192]
    "besiege": "attack",  # [191]
    "murder": "kill",
    "warn": "warn",  # [130]: SPEC warn (01), not threaten
    "caution": "warn",
    "rally": "protest",  # [150] MOBILIZE: "rallied against the junta"
}

# Lemmas never emitted as bare verb triggers (their phrases may still be kept). The
# reporting and light verbs of configs/predicates.yaml are excluded as well, read from it.
EXCLUDE: dict[str, str] = {
    **dict.fromkeys(
        "say tell announce make give take have hold put get go come do set bring let keep see find "
        "call ask speak talk express note show voice issue add send".split(),
        'light or reporting verb: a claim needs its object ("take hostage"), see PHRASE_HEADS',
    ),
    **dict.fromkeys(
        "move run strike fire shoot hit beat blow blast push press serve match pit stone hammer pound ram "
        "thump contain restrict enclose cage withhold remove face encounter confront brave explode "
        "hang apply bid need campaign crusade decree necessitate interfere contribute attend "
        "promote summon cable debate interact converse search monitor study research check mine "
        "dig comb rake scan skim sweep explore analyse ascertain unearth spy assail".split(),
        "ambiguous as a bare verb: a second common sense (strike a deal, fire an official, assail a plan)",
    ),
    **dict.fromkeys(
        "cry weep wail whine grieve mourn appreciate admire respect esteem prize value toast clap "
        "exalt glorify compliment felicitate greet honor honour reward commemorate celebrate acclaim "
        "rejoice reassert".split(),
        "a feeling or a ceremony, not a claim",
    ),
    **dict.fromkeys(
        "reprobate chasten crucify pillory savage lecture remonstrate jeer scoff deride ridicule "
        "scorn scold chide belittle slander malign impugn denigrate mock grill abhor aver avow "
        "swear adjure clamor clamour altercate clobber conflict duel dynamite grapple pelt pummel "
        "quarrel siege snipe struggle blitz emancipate unloose detach disconnect recede retire "
        "retract slight compensate endanger risk secede formalize advertise advertize concert "
        "associate benefit invest pay reexamine re-examine re-arrest defect fail override interdict "
        "illegalise illegalize".split(),
        "rare, archaic, mockery, hyphenated, or a wrong sense for its CAMEO code here",
    ),
    **dict.fromkeys("infest inhabit reside rescue injure loot".split(), "no SPEC predicate for this sense"),
}

# Phrase heads: the verbs whose CAMEO patterns become phrases, per predicate (the code of
# the pattern gives the predicate). Only light or ambiguous verbs are worth it: a pattern
# on a verb that already triggers alone ("condemn * KILLING") adds nothing.
PHRASE_HEADS: dict[str, tuple[str, ...]] = {
    "abduct": ("take", "hold"),  # take/hold hostage
    "accuse": ("hold", "pin"),  # hold responsible, pin blame
    "attack": ("open", "fire", "throw", "set"),  # open fire, fire at, throw grenade, set off explosive
    "cooperate": ("sign", "forge", "restore", "resume", "improve", "upgrade", "mend", "repair", "strike", "clinch"),
    "criticize": ("lash", "hit", "voice", "express", "lodge"),  # lash out, hit out at, voice criticism
    "demand": ("set", "give"),  # set conditions, give a deadline
    "deploy": ("build", "increase", "reinforce", "amass"),  # build up forces, increase presence
    "detain": ("take", "place", "keep", "hold", "put"),  # take into custody, place in detention
    "expel": ("order", "drive", "push"),  # order out of the country, drive out of
    "investigate": ("look",),  # look into
    "kill": ("hack", "put"),  # hack to death
    "protest": ("take",),  # take to the streets
    "release": ("set", "exchange"),  # set free, exchange prisoners
    "support": ("throw", "voice", "express"),  # throw support behind, voice support
    "suspend_cooperation": ("cut", "break", "walk"),  # cut ties, break relations, walk out of talks
    "withdraw": ("pull", "back"),  # pull troops, back out
}

# Synsets cut down for phrases: CAMEO's are WordNet sets ("&WEAPON" holds "slingshot").
SYNSET_KEEP: dict[str, tuple[str, ...]] = {
    "HOSTAGE": ("hostage",),  # "held prisoner|captive" is detention (predicates.yaml)
    "DETENTION": ("detention", "custody", "jail", "prison"),
    "MILITARY": ("troop", "soldier", "army", "military", "paratrooper"),
    "WEAPON": ("rocket", "missile", "mortar", "grenade", "bomb"),
    "OPPOSITION": ("opposition",),
}

# Phrase review, on each phrase as generated (before alternatives are merged): a predicate
# moves it (multi-word verbs of blocks without a claim code need one), None drops it.
PHRASE_MAP: dict[str, str | None] = {
    # multi-word verbs
    "rule out": "reject",  # [---] REFUSE
    "call off": "cancel",  # [---] CANCEL
    "shut down": "close",  # [---] CANCEL
    "take over": "seize_power",  # [171] seize property; predicates.yaml: seize_power
    "walk out": "suspend_cooperation",  # [040]: "walked out of the talks" (164)
    "step in": "use_force",  # [070]: "ECOWAS would step in"
    "gun down": "kill",  # [193]: the victims die
    "shoot down": "attack",  # [190] in KILL: aircraft are shot down, their crews may live
    "wage war": "use_force",  # [190]
    "side with": "support",  # [050] (predicates.yaml: support)
    "pay for": "provide_aid",  # [061] (predicates.yaml: provide_aid)
    **dict.fromkeys(
        ["dress down", "string up", "fight back", "fight down", "square off", "foray into", "intrude on"],
        None,  # idioms or rare in statement text
    ),
    "stamp out": None,  # figurative: "stamp out corruption"
    "wipe out": None,  # an outcome, not the event
    "look over": None,  # an inspection, not an investigation
    "glance over": None,
    "beef up": None,  # a coding error in CAMEO ([174] in STRENGTHEN)
    "get out": None,  # too general
    "back down": None,  # yielding, not a withdrawal
    "ask for": None,  # appeal and request_aid phrases are in predicates.yaml already
    "meet with": None,  # "meet" triggers alone
    "communicate with": None,  # "communicate" triggers alone (contact)
    "run into": None,
    # patterns of PHRASE_HEADS: moved
    "put to death": "kill",  # [173]: an execution
    "put on trial": "prosecute",  # [173]
    "lodge protest": "protest",  # [140]: a formal protest
    "express opposition": "oppose",  # [111]
    "voice opposition": "oppose",
    # patterns of PHRASE_HEADS: dropped, too specific (a more general phrase covers them)
    **dict.fromkeys(
        [
            "fire at convoy",  # "fire at"
            "fire against",
            "fire rocket into",
            "fire rocket at",
            "fire rocket|missile|bomb to",
            "walk out of summit",  # "walk out"
            "walk out of dinner",
            "walk out of meet",
            "order out of country",  # "order out" (EXTRA_PHRASES)
            "look into allegation",  # "look into" (EXTRA_PHRASES)
            "look into complaint",
            "look into charge",
            "look into report",
            "look into death",
            "hit out at claim",  # "hit out at"
            "set condition before end",  # "set condition"
            "hold detention|custody|jail|prison",  # predicates.yaml: "hold|keep ... in|into custody"
        ],
        None,
    ),
    # patterns of PHRASE_HEADS: dropped, not the predicate's event
    **dict.fromkeys(
        [
            "hold in connection",
            "hold for day",
            "hold rioting",
            "place under surveillance",
            "give week",
            "give hour",
            "take part in protest",  # participation
            "order officer to leave",  # "to leave" is an infinitive, not an object
            "order to leave",
            "order evacuation",  # an evacuation is the evacuee's move
            "order expulsion",  # "expulsion" triggers alone; "order" is a light verb
            "order eviction",
            "throw stone",
            "throw rocket|missile|bomb",
            "open rocket|missile|bomb",
            "open with rocket|missile|bomb",
            "reinforce rocket|missile|bomb",
            "cut staff",
            "cut loan",
            "cut level of aid",
            "cut in aid",
            "cut supply",  # predicates.yaml: "cut|halt|... supply"
            "look for link",
            "increase activity",
            "increase strength",
            "reinforce during election",
            "build fortification",
            "restore order",
            "restore unity",
            "resume participation",
            "resume diplomatic",
            "resume flight",
            "resume export",
            "resume cooperation",
            "upgrade mission",
            "upgrade base",
            "sign law",
            "sign contract",
            "sign export",
            "sign troop|soldier|army|military|paratrooper",
            "sign deal with manufacturer",
            "sign deal for miliary",  # CAMEO typos
            "sign memoradum",
            "sign aggrement",
        ],
        None,
    ),
    # express/voice + a feeling: no criticism (or support) of anyone in particular
    **dict.fromkeys(
        [
            "express understanding",
            "express satisfaction",
            "express delight",
            "express gratitude",
            "express fear",
            "express frustration",
            "express misgiving",
            "express reluctance",
            "express mistrust",
            "express resentment",
            "express fury",
            "express shock",
            "express scepticism",
            "voice fear",
            "voice unease",
            "voice irritation",
            "voice confidence",
            "voice satisfaction",
            "voice satisfaction over extradition",
            "voice shock at",
            "voice horror",
            "voice skepticism",
        ],
        None,
    ),
}

# Hand-reviewed phrases CAMEO cannot give (its patterns have no such object), per predicate.
EXTRA_PHRASES: dict[str, tuple[str, ...]] = {
    # SPEC ban: "suspend or shut down a medium, party, organisation or activity"; bare
    # "suspend" stays suspend_cooperation (aid, cooperation)
    "ban": (
        "suspend party|medium|newspaper|broadcaster|broadcast|channel|station|radio|television|outlet"
        "|organisation|organization|association|union|activity|website|network",
    ),
    # SPEC revision 2 lists "order out" under expel (predicates.yaml: demand)
    "expel": ("order out",),
    # [090] "look into allegation|complaint|charge|report|death": the object varies
    "investigate": ("look into",),
    # SPEC revision 2: "charge, indict, try, convict, sentence"; bare "try" is "try to"
    "prosecute": ("bring to trial|justice",),
}

# Nominal forms the suffix rules cannot make (verb -> nouns). Checked by hand.
NOUN_FORMS: dict[str, tuple[str, ...]] = {
    "expel": ("expulsion",),
    "withdraw": ("withdrawal",),
    "criticize": ("criticism",),
    "criticise": ("criticism",),
    "detain": ("detention",),
    "dismiss": ("dismissal",),
    "propose": ("proposal",),
    "oppose": ("opposition",),
    "assist": ("assistance",),
    "condemn": ("condemnation",),
    "renounce": ("renunciation",),
    "invade": ("invasion",),
    "kidnap": ("kidnapping",),
    "complain": ("complaint",),
    "fund": ("funding",),
    "finance": ("financing",),
    "train": ("training",),
    "hijack": ("hijacking",),
    "ally": ("alliance",),
    "petition": ("petition",),
    "demand": ("demand",),
    "accuse": ("accusation",),
    "allege": ("allegation",),
    "blame": ("blame",),
    "caution": (),  # "caution" is carefulness
    "recognize": ("recognition",),
    "recognise": ("recognition",),
    "sentence": ("sentence",),
    "rebuff": ("rebuff",),
    "rebuke": ("rebuke",),
    "censure": ("censure",),
    "reprimand": ("reprimand",),
    "reproach": ("reproach",),
    "applaud": ("applause",),
    "praise": ("praise",),
    "thank": ("thanks",),
    "welcome": ("welcome",),
    "endorse": ("endorsement",),
    "support": ("support",),
    "back": ("backing",),
    "deploy": ("deployment",),
    "redeploy": ("redeployment",),
    "station": ("stationing",),
    "retreat": ("retreat",),
    "disengage": ("disengagement",),
    "release": ("release",),
    "topple": ("toppling",),
    "oust": ("ouster",),
    "overthrow": ("overthrow",),
    "usurp": ("usurpation",),
    "ban": ("ban",),
    "prohibit": ("prohibition",),
    "disband": ("disbandment",),
    "dissolve": ("dissolution",),
    "censor": ("censorship",),
    "proscribe": ("proscription",),
    "veto": ("veto",),
    "dispute": ("dispute",),
    "defy": ("defiance",),
    "boycott": ("boycott",),
    "riot": ("riot", "rioting"),
    "embargo": ("embargo",),
    "blockade": ("blockade",),
    "blacklist": ("blacklisting",),
    "suspend": ("suspension",),
    "halt": ("halt",),
    "discontinue": ("discontinuation",),
    "close": ("closure",),
    "shut": ("shutdown",),
    "cancel": ("cancellation",),
    "repeal": ("repeal",),
    "revoke": ("revocation",),
    "rescind": ("rescission",),
    "annul": ("annulment",),
    "abolish": ("abolition",),
    "discuss": ("discussion",),
    "contact": ("contact",),
    "visit": ("visit",),
    "tour": ("tour",),
    "ambush": ("ambush",),
    "bomb": ("bombing",),
    "bombard": ("bombardment",),
    "kill": ("killing",),
    "murder": ("murder",),
    "massacre": ("massacre",),
    "slaughter": ("slaughter",),
    "behead": ("beheading",),
    "clash": ("clash",),
    "fight": ("fighting", "fight"),
    "battle": ("battle",),
    "skirmish": ("skirmish",),
    "occupy": ("occupation",),
    "arrest": ("arrest",),
    "capture": ("capture",),
    "confine": ("confinement",),
    "jail": ("jailing",),
    "probe": ("probe",),
    "audit": ("audit",),
    "examine": ("examination",),
    "scrutinize": ("scrutiny",),
    "indict": ("indictment",),
    "charge": ("charge",),
    # nominal forms of verbs EXCLUDE keeps from being bare triggers
    "shoot": ("shooting",),
    "shell": ("shelling",),
    "stab": ("stabbing",),
    "slay": ("slaying",),
}

# Verbs that perform the event their object names, so that CAMEO's code of "verb * NOUN"
# is the code of NOUN: "stage a demonstration" [141], "launch an offensive" [190].
# (Intent and reporting verbs, "call * EXPULSION" [131], tell nothing about the noun.)
NOUN_LIGHT_VERBS: set[tuple[str, tuple[str, ...]]] = {
    (verb, ()) for verb in "conduct hold impose issue launch lodge file mount slap stage undertake wage".split()
} | {("carry", ("out",))}

# Event nouns CAMEO has only inside synsets or for verbs it does not list (hand-reviewed).
EXTRA_NOUNS: dict[str, tuple[str, ...]] = {
    "use_force": ("hostility",),  # &FIGHT: "hostilities between A and B" (SPEC use_force)
    "deploy": ("presence",),  # "France's military presence in Niger"
    "prosecute": ("trial",),  # the nominal of "try" ("the trial of Bazoum"), which CAMEO codes [090]
}

# Noun -> predicate (None: dropped) where the sources disagree or a noun has a second sense.
NOUN_MAP: dict[str, str | None] = {
    "protest": "protest",  # CAMEO: also "lodge a protest" [114], criticize
    "appeal": "appeal",  # CAMEO: also "issue an appeal for" [10x], demand
    "attack": "attack",  # CAMEO: also "launch an attack on a policy" [111] ...
    "strike": "attack",  # the labour strike ([143] "stage a strike") is rarer in this domain
    "warning": "warn",  # [130] is threaten in CAMEO; SPEC warn
    "conference": "convene",  # "hold a summit" [040/046] is meet in CAMEO; SPEC convene (noun_is_object)
    "meeting": "convene",
    "summit": "convene",
    "incursion": "use_force",  # [190] attack in CAMEO; predicates.yaml: use_force
    "intervention": "use_force",
    "abduction": "abduct",  # moved from detain (SPEC revision 2)
    "ban": "ban",  # moved from sanction (SPEC revision 2: ban)
    "offensive": "attack",  # "launched an offensive"; [138] "announce an offensive" is intent
    "support": None,  # support (SPEC support) and provide_aid ("military support"): predicates.yaml decides
    "operation": None,  # mostly a name ("Operation Barkhane"), or any activity
    "restriction": None,
    "action": None,
    "patrol": None,
    "call": None,
    "campaign": None,
    "drive": None,
    "mission": None,
    "order": None,
    "warrant": None,
}

# Suffix rules for verbs NOUN_FORMS does not list: (verb ending, noun ending), the first
# matching rule wins; NOUN_REJECT filters what they make.
SUFFIX_RULES: tuple[tuple[str, str], ...] = (
    ("ate", "ation"),  # investigate -> investigation
    ("ize", "ization"),  # criminalize -> criminalization
    ("ise", "isation"),
    ("ify", "ification"),
    ("ute", "ution"),  # prosecute -> prosecution
    ("ct", "ction"),  # abduct -> abduction
    ("ish", "ishment"),  # banish -> banishment
    ("on", "onment"),  # imprison -> imprisonment
    ("ort", "ortation"),  # deport -> deportation
)

# Generated nouns that are no English words, or not the event (checked against the
# WordNet noun index of the spaCy model and by hand): dropped.
NOUN_REJECT: dict[str, str] = {
    **dict.fromkeys(
        "advocation beration chastisation salution".split(),
        "no English word (or too rare to meet)",
    ),
    **dict.fromkeys(
        "vacation implication legitimisation legitimization liberation dispute fight".split(),
        "an English word, but its common sense is another (a vacation, a dispute, the liberation of a town)",
    ),
    **dict.fromkeys(
        "responsible case statement table workshop authorization exercise flight game initiative "
        "maneuver manoeuvre council effort condition regulation service plan grenade hunt search "
        "study fine suit disobedience looting".split(),
        "the object of a light verb in a CAMEO pattern, not an event of the predicate",
    ),
}


# =========================================================================== parsing

PREPOSITIONS = frozenset(
    "about across after against along among around as at before behind between beyond by during for from "
    "in inside into near of off on onto out outside over through to toward towards under until upon via "
    "with within without".split()
)
PARTICLES = frozenset("out off up down back over away forward ahead aside apart".split())
ACTOR_MARKS = frozenset("+ $ ^ %".split())


@dataclass
class Verb:
    lemma: str
    particles: tuple[str, ...]
    code: str | None  # its own code, or the block's
    block: str
    own_code: bool


@dataclass
class Pattern:
    verbs: list[tuple[str, tuple[str, ...]]]  # from the comment: (word, particles)
    pre: str
    post: str
    code: str | None
    block: str


@dataclass
class Dictionary:
    synsets: dict[str, list[str]] = field(default_factory=dict)
    verbs: list[Verb] = field(default_factory=list)
    patterns: list[Pattern] = field(default_factory=list)
    forms: dict[str, str] = field(default_factory=dict)  # any form -> lemma
    inflected: set[str] = field(default_factory=set)  # verb lines that are forms of another verb ("touring")


def _code(raw: str | None) -> str | None:
    """``112`` -> 112; ``042:043`` -> 042 (the primary code); ``---`` and ``:075`` -> None."""
    if raw is None:
        return None
    digits = re.sub(r"\D", "", raw.split(":", 1)[0])
    return digits or None


def inflections(lemma: str) -> set[str]:
    """Regular forms of a verb, roughly as PETRARCH generates them."""
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
    """``+PULL_OUT`` -> (pull, (out,)); ``ARREST`` -> (arrest, ()); ``WIRE_+TAP`` -> None."""
    parts = [p for p in word.lower().split("_") if p]
    if not parts:
        return None
    if len(parts) > 1 and not parts[0].startswith("+"):
        return None  # a pre-compound: its verb is not the first word
    return parts[0].lstrip("+"), tuple(parts[1:])


def parse_cameo(text: str) -> Dictionary:
    """Synsets, verbs (with the code of the isolated verb) and patterns of a CAMEO verb file."""
    dic = Dictionary()
    block, block_code, synset = None, None, None
    irregular: dict[str, str] = {}
    for raw in text.splitlines():
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
            pre, _, post = body[: body.rfind("[")].partition("*")
            verbs = []
            for item in comment.split(","):
                words = item.split()
                split = _split_verb(words[0].lstrip("+")) if words else None
                if split:
                    verbs.append(split)
            dic.patterns.append(Pattern(verbs, pre.strip(), post.strip(), _code(codes[-1]), block))
            continue
        match = re.match(r"^(\S+)\s*(?:\{([^}]*)\})?\s*(?:\[([^\]]*)\])?", line.strip())
        split = _split_verb(match.group(1)) if match else None
        if split is None or not re.fullmatch(r"[a-z][a-z'-]*", split[0]):
            continue
        own = match.group(3) is not None
        dic.verbs.append(Verb(split[0], split[1], _code(match.group(3)) if own else block_code, block, own))
        for form in (match.group(2) or "").replace(",", " ").split():
            form_split = _split_verb(form.replace("+", "", form.count("+") - 1) if "+" in form else form)
            if form_split:
                irregular.setdefault(form_split[0], split[0])
    lemmas = {verb.lemma for verb in dic.verbs}
    for lemma in sorted(lemmas):
        for form in inflections(lemma):
            dic.forms.setdefault(form, lemma)
    dic.forms.update(irregular)
    dic.inflected = {lemma for lemma in lemmas if dic.forms.get(lemma, lemma) != lemma}
    dic.forms.update({lemma: lemma for lemma in lemmas if lemma not in dic.inflected})
    return dic


# =========================================================================== derivation


def predicate_of_code(code: str | None) -> str | None:
    """The predicate of a CAMEO code: its longest prefix in CODE_MAP."""
    if not code:
        return None
    for size in range(len(code), 1, -1):
        if code[:size] in CODE_MAP:
            return CODE_MAP[code[:size]]
    return None


def verb_predicate(verb: Verb) -> str | None:
    if not verb.own_code and verb.block in BLOCK_MAP:
        return BLOCK_MAP[verb.block]
    return predicate_of_code(verb.code)


def singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def _noun_slot(token: str, synsets: dict[str, list[str]]) -> list[str] | None:
    """Alternatives of a noun slot: ``TALKS`` -> [talk]; ``&HOSTAGE`` -> its (kept) members;
    ``{AIR STRIKE}`` -> its head [strike]. None when it is no plain word."""
    if token.startswith("{"):
        inner = token.strip("{}").split()
        if not inner:
            return None
        token = inner[-1]
    if token.startswith("&"):
        name = token[1:]
        if name not in synsets:
            return None
        words = [singular(m) for m in synsets[name] if re.fullmatch(r"[a-z]+", m)]
        if name in SYNSET_KEEP:
            words = [w for w in SYNSET_KEEP[name] if w in words]
        return list(dict.fromkeys(words)) or None
    word = token.lower()
    return [singular(word)] if re.fullmatch(r"[a-z]+", word) else None


def pattern_slots(post: str, synsets: dict[str, list[str]]) -> list[list[str]] | None:
    """The words after the verb, each slot a list of alternatives; None unless the pattern
    is particles, at most one object and at most one preposition (with its object)."""
    slots: list[list[str]] = []
    nouns = preps = 0
    for token in re.findall(r"\{[^}]*\}|\([^)]*\)|[^\s{}()]+", post):
        if token in ACTOR_MARKS:
            continue
        if token.startswith("("):
            inner = [t for t in re.findall(r"\{[^}]*\}|[^\s{}]+", token.strip("()")) if t not in ACTOR_MARKS]
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
        elif word in PREPOSITIONS:
            preps += 1
            slots.append([word])
        else:
            alternatives = _noun_slot(token, synsets)
            if alternatives is None:
                return None
            nouns += 1
            slots.append(alternatives)
    if nouns > 1 or preps > 1 or not slots:
        return None
    return slots


def phrase_text(slots: list[list[str]]) -> str:
    return " ".join("|".join(slot) for slot in slots)


def readings(phrase: str, limit: int = 2000) -> set[str]:
    """The word sequences a phrase with ``a|b`` alternatives stands for (at most ``limit``)."""
    found = [""]
    for slot in phrase.split():
        found = [f"{head} {word}".strip() for head in found for word in slot.split("|")][:limit]
    return set(found)


def merge_phrases(phrases: list[list[list[str]]]) -> list[str]:
    """Merge phrases that differ in one slot only: "fire rocket", "fire mortar" -> "fire rocket|mortar"."""
    items = [[list(slot) for slot in p] for p in phrases]
    merged = True
    while merged:
        merged = False
        for i in range(len(items)):
            for j in range(i + 1, len(items)):
                a, b = items[i], items[j]
                if len(a) != len(b) or a[0] != b[0]:
                    continue
                differ = [k for k in range(len(a)) if a[k] != b[k]]
                if len(differ) > 1:
                    continue
                if differ:
                    k = differ[0]
                    if {a[k][0], b[k][0]} & (PREPOSITIONS | PARTICLES):
                        continue  # "fire at"/"fire on", "pull back"/"pull troops" stay apart
                    a[k] = list(dict.fromkeys(a[k] + b[k]))
                del items[j]
                merged = True
                break
            if merged:
                break
    return sorted(phrase_text(p) for p in items)


def noun_forms(verb: str) -> list[str]:
    """Nominal forms of a trigger verb: NOUN_FORMS, else the first suffix rule. NOUN_REJECT
    removes what is no English word or no event."""
    if verb in NOUN_FORMS:
        found = list(NOUN_FORMS[verb])
    else:
        found = []
        for ending, noun_ending in SUFFIX_RULES:
            if verb.endswith(ending):
                found.append(verb[: -len(ending)] + noun_ending)
                break
    return [noun for noun in dict.fromkeys(found) if noun and noun not in NOUN_REJECT]


@dataclass
class Derived:
    verbs: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    phrases: dict[str, list[str]] = field(default_factory=dict)
    nouns: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    dropped: list[str] = field(default_factory=list)
    moved: list[str] = field(default_factory=list)


@dataclass
class Handlists:
    """What configs/predicates.yaml says: reporting and light verbs, and its word lists."""

    reporting: set[str] = field(default_factory=set)
    light: set[str] = field(default_factory=set)
    verbs: dict[str, str] = field(default_factory=dict)  # lemma -> predicate
    nouns: dict[str, str] = field(default_factory=dict)
    phrases: dict[str, str] = field(default_factory=dict)  # phrase as written -> predicate
    predicates: list[str] = field(default_factory=list)

    @classmethod
    def load(cls, path: Path) -> Handlists:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        lists = cls(set(data.get("reporting_verbs", [])), set(data.get("light_verbs", [])))
        for spec in data.get("predicates", []):
            lists.predicates.append(spec["name"])
            for verb in spec.get("verbs", []):
                lists.verbs.setdefault(verb, spec["name"])
            for noun in spec.get("nouns", []):
                lists.nouns.setdefault(noun, spec["name"])
            for phrase in spec.get("phrases", []):
                lists.phrases.setdefault(phrase, spec["name"])
        return lists


def derive(dic: Dictionary, hand: Handlists) -> Derived:
    """Verbs, phrases and nouns per predicate; each lemma, phrase and noun in one predicate."""
    out = Derived()
    excluded = {v: "reporting verb in predicates.yaml" for v in hand.reporting}
    excluded.update({v: "light verb in predicates.yaml" for v in hand.light if v not in excluded})
    excluded.update(EXCLUDE)
    candidates = _derive_verbs(dic, hand, excluded, out)
    _derive_phrases(dic, hand, out)
    _derive_nouns(dic, hand, {lemma: candidates.get(lemma, set()) for lemma in excluded}, out)
    return out


def _derive_verbs(dic: Dictionary, hand: Handlists, excluded: dict[str, str], out: Derived) -> dict[str, set[str]]:
    """Bare verb triggers; returns what CAMEO's codes give each lemma."""
    candidates: dict[str, set[str]] = defaultdict(set)
    lemmas: set[str] = set()
    for verb in dic.verbs:
        if verb.particles or verb.lemma in dic.inflected:
            continue
        lemmas.add(verb.lemma)
        predicate = verb_predicate(verb)
        if predicate:
            candidates[verb.lemma].add(predicate)
    for lemma in sorted(lemmas):
        found = candidates.get(lemma, set())
        if lemma in excluded:
            if found:
                out.dropped.append(f"verb {lemma} ({'/'.join(sorted(found))}): {excluded[lemma]}")
            continue
        if lemma in LEMMA_MAP:
            predicate = LEMMA_MAP[lemma]
        elif len(found) == 1:
            predicate = next(iter(found))
        else:
            if found:
                out.dropped.append(f"verb {lemma}: CAMEO gives {sorted(found)}, no decision")
            continue
        if lemma in hand.verbs and hand.verbs[lemma] != predicate:
            out.moved.append(f"verb {lemma}: predicates.yaml {hand.verbs[lemma]} -> {predicate}")
        out.verbs[predicate].add(lemma)
    return candidates


def _derive_phrases(dic: Dictionary, hand: Handlists, out: Derived) -> None:
    """Multi-word verbs, the patterns of PHRASE_HEADS and EXTRA_PHRASES, reviewed by PHRASE_MAP."""
    raw: dict[str, dict[str, list[list[str]]]] = defaultdict(dict)  # predicate -> text -> slots
    owner: dict[str, str] = {}

    def add(predicate: str | None, slots: list[list[str]]) -> None:
        text = phrase_text(slots)
        predicate = PHRASE_MAP.get(text, predicate)
        if predicate is None or any(word in {"and", "or"} for slot in slots for word in slot):
            return  # "+KILLED_AND": a CAMEO device, no phrase
        if owner.setdefault(text, predicate) != predicate:
            out.dropped.append(f"phrase {text!r}: in {owner[text]} and {predicate}")
            return
        raw[predicate].setdefault(text, slots)

    for verb in dic.verbs:
        if verb.particles and verb.lemma not in dic.inflected:
            add(verb_predicate(verb), [[verb.lemma]] + [[p] for p in verb.particles])
    heads = {(predicate, head) for predicate, found in PHRASE_HEADS.items() for head in found}
    for pattern in dic.patterns:
        predicate = predicate_of_code(pattern.code)
        if predicate is None or pattern.pre:
            continue  # no claim, or a pattern that needs its subject ("POLICE * ...")
        for word, particles in pattern.verbs:
            lemma = dic.forms.get(word)
            slots = pattern_slots(pattern.post, dic.synsets) if (predicate, lemma) in heads else None
            if slots is not None:
                add(predicate, [[lemma]] + [[p] for p in particles] + slots)
    for predicate, texts in EXTRA_PHRASES.items():
        for text in texts:
            add(predicate, [slot.split("|") for slot in text.split()])
    hand_readings = {reading: p for phrase, p in hand.phrases.items() for reading in readings(phrase)}
    for predicate, found in raw.items():
        out.phrases[predicate] = merge_phrases(list(found.values()))
        for phrase in out.phrases[predicate]:
            other = {hand_readings[r] for r in readings(phrase) if hand_readings.get(r, predicate) != predicate}
            if other:
                out.moved.append(f"phrase {phrase!r}: predicates.yaml {'/'.join(sorted(other))} -> {predicate}")


def _derive_nouns(dic: Dictionary, hand: Handlists, excluded: dict[str, set[str]], out: Derived) -> None:
    """Nominal forms of the verbs first, then the event nouns CAMEO codes after the verbs of
    NOUN_LIGHT_VERBS ("stage * DEMONSTRATION" [141]); EXTRA_NOUNS; reviewed by NOUN_REJECT
    and NOUN_MAP. ``excluded``: the excluded lemmas and what CAMEO's codes give them."""
    nominal: dict[str, set[str]] = defaultdict(set)
    for predicate, found in out.verbs.items():
        for verb in found:
            for noun in noun_forms(verb):
                nominal[noun].add(predicate)
    for lemma, found in sorted(excluded.items()):
        # an excluded verb can still have an unambiguous nominal form: shoot -> shooting
        if lemma in NOUN_FORMS and len(found) == 1:
            for noun in NOUN_FORMS[lemma]:
                nominal[noun] |= found
    for predicate, nouns in EXTRA_NOUNS.items():
        for noun in nouns:
            nominal[noun].add(predicate)
    light: dict[str, set[str]] = defaultdict(set)
    for pattern in dic.patterns:
        predicate = predicate_of_code(pattern.code)
        if predicate is None or pattern.pre:
            continue
        tokens = [t for t in re.findall(r"\{[^}]*\}|\([^)]*\)|[^\s{}()]+", pattern.post) if t not in ACTOR_MARKS]
        if len(tokens) != 1 or tokens[0][0] in "(&":
            continue  # one literal noun (or {MODIFIER NOUN}) only
        noun = tokens[0].strip("{}").split()[-1] if tokens[0].startswith("{") else tokens[0]
        if not re.fullmatch(r"[A-Z]+", noun):
            continue
        for word, particles in pattern.verbs:
            if (dic.forms.get(word), particles) in NOUN_LIGHT_VERBS:
                light[singular(noun.lower())].add(predicate)
    for noun in sorted(set(nominal) | set(light)):
        found = nominal.get(noun) or light[noun]
        if noun in NOUN_REJECT:
            continue
        if noun in NOUN_MAP:
            predicate = NOUN_MAP[noun]
        elif len(found) == 1:
            predicate = next(iter(found))
        else:
            out.dropped.append(f"noun {noun}: CAMEO gives {sorted(found)}, no decision")
            continue
        if predicate is None:
            continue
        if noun in hand.nouns and hand.nouns[noun] != predicate:
            out.moved.append(f"noun {noun}: predicates.yaml {hand.nouns[noun]} -> {predicate}")
        out.nouns[predicate].add(noun)


# =========================================================================== output

# SPEC section 4, in its order: every predicate a table names must be one of these.
SPEC_PREDICATES = (
    "seize_power detain release reinstate appoint assume_office recognize designate meet visit contact "
    "convene cooperate support appeal demand propose request_aid provide_aid reject oppose criticize "
    "accuse warn threaten cancel sanction suspend_cooperation close deploy withdraw use_force attack "
    "kill investigate depend_on expel ban prosecute protest abduct"
).split()
YAML_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}


def check_tables() -> None:
    """Every predicate named in the tables is a SPEC predicate (a typo would silently drop words)."""
    named = [p for p in CODE_MAP.values() if p] + [p for p in BLOCK_MAP.values() if p] + list(LEMMA_MAP.values())
    named += list(PHRASE_HEADS) + [p for p in PHRASE_MAP.values() if p] + list(EXTRA_PHRASES)
    named += [p for p in NOUN_MAP.values() if p]
    unknown = sorted(set(named) - set(SPEC_PREDICATES))
    if unknown:
        raise SystemExit(f"derive_triggers: unknown predicates in the tables: {unknown}")


def _scalar(word: str) -> str:
    if re.fullmatch(r"[a-z][a-z'-]*", word) and word not in YAML_WORDS:
        return word
    return '"' + word.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _flow(key: str, items: list[str], width: int = 100) -> list[str]:
    """``key: [a, b, ...]`` wrapped at ``width`` with continuation lines indented."""
    lines, current = [], f"    {key}: ["
    for i, item in enumerate(items):
        text = item + ("]" if i == len(items) - 1 else ",")
        if len(current) + len(text) + 1 > width and not current.endswith("["):
            lines.append(current)
            current = "      " + text
        else:
            current += ("" if current.endswith("[") else " ") + text
    lines.append(current)
    return lines


def codes_of(predicate: str) -> list[str]:
    return sorted(code for code, p in CODE_MAP.items() if p == predicate)


def render(out: Derived, source: str, digest: str) -> str:
    counts = [sum(len(v) for v in getattr(out, kind).values()) for kind in ("verbs", "phrases", "nouns")]
    lines = [
        f"# GENERATED by `{COMMAND}`; do not edit by hand: change the reviewed",
        "# tables in the script (CODE_MAP, BLOCK_MAP, LEMMA_MAP, EXCLUDE, PHRASE_HEADS, PHRASE_MAP,",
        "# NOUN_FORMS, NOUN_REJECT ...) and regenerate; `--check` tells whether this file is current.",
        f"# Source: {source}",
        f"# (sha256 {digest[:16]}...), the CAMEO verb dictionary of PETRARCH2",
        "# (openeventdata/petrarch2, data/dictionaries), MIT licence, Copyright (c) 2015 Open Event",
        "# Data Alliance. The reporting and light verbs of configs/predicates.yaml are left out.",
        "# Trigger breadth per SPEC predicate, in the fields and phrase syntax of",
        "# configs/predicates.yaml (PredicateSpec); predicates.yaml names it as `breadth` and the",
        "# claims stage merges it under the hand lists (pipeline.claims.triggers.merge_breadth).",
        f"# {counts[0]} verbs, {counts[1]} phrases, {counts[2]} nouns; {len(EXCLUDE)} lemmas in EXCLUDE.",
        "",
        "predicates:",
    ]
    for predicate in SPEC_PREDICATES:
        verbs, phrases, nouns = (
            sorted(out.verbs.get(predicate, ())),
            out.phrases.get(predicate, []),
            sorted(out.nouns.get(predicate, ())),
        )
        if not (verbs or phrases or nouns):
            continue
        codes = codes_of(predicate)
        lines.append(
            f"  # CAMEO {', '.join(codes)}" if codes else "  # no CODE_MAP entry: from LEMMA_MAP and BLOCK_MAP"
        )
        lines.append(f"  - name: {predicate}")
        if verbs:
            lines += _flow("verbs", [_scalar(v) for v in verbs])
        if phrases:
            lines += _flow("phrases", [f'"{p}"' for p in phrases])
        if nouns:
            lines += _flow("nouns", [_scalar(n) for n in nouns])
    return "\n".join(lines) + "\n"


def locate(path: str | None) -> tuple[Path, str]:
    """The CAMEO file (a directory holding CAMEO.2.0.txt is accepted) and how to name it."""
    given = Path(path) if path else ROOT / DEFAULT_CAMEO
    candidate = given / CAMEO_FILE if given.is_dir() else given
    name = f"{DEFAULT_CAMEO}/{CAMEO_FILE}" if path is None else CAMEO_FILE
    return candidate, name


def generate(cameo: Path, predicates: Path, source: str | None = None) -> tuple[str, Derived]:
    check_tables()
    raw = cameo.read_bytes()
    dic = parse_cameo(raw.decode("utf-8", errors="replace"))
    out = derive(dic, Handlists.load(predicates))
    return render(out, source or cameo.name, hashlib.sha256(raw).hexdigest()), out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument(
        "--cameo", help=f"CAMEO.2.0.txt or its directory (default: {DEFAULT_CAMEO}, from the repo root)"
    )
    parser.add_argument("--predicates", default=str(ROOT / DEFAULT_PREDICATES), help="configs/predicates.yaml")
    parser.add_argument("--out", default=str(ROOT / DEFAULT_OUT), help="the generated file")
    parser.add_argument("--check", action="store_true", help="compare with --out instead of writing it")
    parser.add_argument("--report", action="store_true", help="list dropped and moved words on stderr")
    args = parser.parse_args(argv)
    cameo, source = locate(args.cameo)
    if not cameo.is_file():
        print(
            f"derive_triggers: {cameo.resolve()} not found. CAMEO.2.0.txt (PETRARCH2) lives in "
            f"{DEFAULT_CAMEO} beside the repository, not in it; pass --cameo PATH. Nothing written.",
            file=sys.stderr,
        )
        return 0 if args.cameo is None else 2
    text, out = generate(cameo, Path(args.predicates), source)
    if args.report:
        for line in out.moved + out.dropped:
            print(line, file=sys.stderr)
    target = Path(args.out)
    if args.check:
        current = target.read_text(encoding="utf-8") if target.is_file() else ""
        if current != text:
            print(f"derive_triggers: {target} is stale; run `{COMMAND}`", file=sys.stderr)
            return 1
        print(f"derive_triggers: {target} is current")
        return 0
    target.write_text(text, encoding="utf-8")
    print(f"derive_triggers: wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
