"""The claims stage's vocabulary: the word, tag, dependency-label and entity-label sets
its modules read, and the small word tables of the attributes, defined once.

- shared by several modules: a clause's subjects, auxiliaries and finite tags, relative
  tags, the labels of a point in time and of what is no actor, the determiners of a
  definite or anaphoric description;
- then, module by module, in the order of the stage: clauses, speakers, datelines,
  coreference (pronouns, kind, population and membership nouns), parse repairs, triggers,
  selection, argument heads and spans, assembly, and the attributes (source, negation,
  modality, date, quantity: reporting verbs, negators, hedges and modals, number words,
  currencies, units).

Where two modules read sets of one name with different contents, each keeps its meaning
under a name of its own (``SUBJECT_DEPS`` and ``TIME_SUBJECT_DEPS``, ``FINITE_TAGS`` and
``FINITE_OR_MODAL_TAGS``, ...). The string-id tables derived from these sets
(``frozenset(get_string_id(w) for w in ...)``) stay next to their use. Predicates,
their trigger words and the reporting verbs of a run are configuration
(configs/predicates.yaml); ``REPORTING_VERBS`` here is only the default when none is passed.

Imports only :mod:`pipeline.numbers` (the number words both stages read): the bottom
of the stage's imports.
"""

from __future__ import annotations

from ..numbers import CARDINALS

# --- shared: clause structure and labels read by several modules ---
# a clause's subjects (pipeline.claims.clause_chain, pipeline.claims.attributes.source) ...
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
# ... and those that give a verb a time of its own (pipeline.claims.attributes.date): no csubjpass
TIME_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
AUX_DEPS = frozenset({"aux", "auxpass"})
# finite verb tags (pipeline.claims.clause_chain, pipeline.claims.frames) ...
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
# ... and with the modal, the tags of a verb or auxiliary with a tense of its own
# (pipeline.claims.attributes.date)
FINITE_OR_MODAL_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
# a relative pronoun or determiner ("who", "which") as a subject
RELATIVE_TAGS = frozenset({"WP", "WDT"})
# the entity labels of a point in time: no object of a predicate, the date of a claim, no
# quantity of one (pipeline.claims.selection, .attributes.date, .attributes.quantity)
TIME_LABELS = frozenset({"DATE", "TIME"})
# "by the following day", "by 2024": a by-phrase of time or number is no agent
# (pipeline.claims.frames), an entity of time or number no speaker (.attributes.source)
NON_ACTOR_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})
# the determiners of a bare back-reference to an event ("the withdrawal"; pipeline.claims.selection) ...
DEFINITE_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})
# ... and of an anaphoric description ("the organization", "both nations", "each side";
# pipeline.claims.coref)
ANAPHORIC_DETERMINERS = frozenset({"the", "this", "these", "that", "those", "both", "each"})

# --- clauses (pipeline.claims.clause_chain) ---
NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
# How a noun hangs from the verb of its clause (climbed by event_verb).
NOUN_TO_VERB_DEPS = frozenset({"dobj", "attr", "nsubj", "nsubjpass", "oprd", "dative", "npadvmod"})

# --- speakers and quotations (pipeline.claims.speakers) ---
FIRST_PERSON = frozenset({"we", "us", "our", "ours", "ourselves", "i", "me", "my", "mine", "myself"})
OPENING_QUOTES = frozenset({"\u201c"})
CLOSING_QUOTES = frozenset({"\u201d"})
STRAIGHT_QUOTES = frozenset({'"'})
SPEAKER_LABELS = ("ORG", "GPE", "NORP")  # a speaker phrase naming these speaks for them
# where a speaker is posted ("Ambassador to the UN"), not whom they speak for
POSTING_PREPS = frozenset({"to", "at", "in"})
# what ends a speaker's title on its left: "..., U.S. Ambassador to the UN X said"
TITLE_STOPS = frozenset({",", ";", ":", "(", "“", '"', "—", "–"})

# --- datelines (pipeline.claims.dateline) ---
DASHES = frozenset({"-", "--", "\u2013", "\u2014"})

# --- pronouns, descriptions and groups (pipeline.claims.coref) ---
PERSON_PRONOUNS = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
NEUTER_PRONOUNS = frozenset({"it", "its", "itself"})
REFLEXIVES = frozenset({"himself", "herself", "itself", "themselves"})
RELATIVES = frozenset({"who", "whom", "whose", "which", "that"})
GROUP_DETERMINERS = frozenset({"both", "each", "two", "three"})
KIND_NOUNS = {
    "organization": "ORG",
    "organisation": "ORG",
    "group": "ORG",
    "bloc": "ORG",
    "body": "ORG",
    "alliance": "ORG",
    "coalition": "ORG",
    "movement": "ORG",
    "outfit": "ORG",
    "agency": "ORG",
    "country": "GPE",
    "nation": "GPE",
    "state": "GPE",
    "republic": "GPE",
}

# nouns of a population: "the Malian people" is the people, never the state acting (nor
# are "Malian stakeholders", the parties of a country)
POPULATION_NOUNS = frozenset(
    {
        "people",
        "population",
        "citizen",
        "civilian",
        "voter",
        "resident",
        "community",
        "villager",
        "family",
        "refugee",
        "stakeholder",
    }
)
# nouns through which a body acts as a whole: "the members of the Council", "both delegations"
MEMBERSHIP_NOUNS = frozenset({"member", "representative", "delegation", "delegate", "element"})
# plural only: "the leaders of ECOWAS" are the bloc acting (one leader is a person)
LEADER_NOUNS = frozenset({"leader"})
# plural descriptions that may denote one actor per country of a set named earlier
NUMERALS = {"two": 2, "three": 3, "four": 4, "five": 5, "both": 2}
GROUP_NOUNS = frozenset({"side", "party", "member"})
SIDE_NOUNS = frozenset({"side", "party"})
# without a number, only nouns that denote one actor per country range over a set
SET_NOUNS = frozenset(
    {"junta", "government", "country", "state", "nation", "regime", "authority", "administration", "ruler"}
)
GROUP_DETERMINERS_ALL = frozenset({"the", "these", "those", "all", "both", "each"})
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})

SKIP_MODIFIERS = frozenset({"det", "poss", "predet", "nummod", "quantmod", "case", "punct", "preconj", "cc"})
KEEP_MODIFIERS = frozenset({"compound", "amod", "nmod", "npadvmod"})

# --- parse repairs (pipeline.claims.repairs) ---
SUBJ = frozenset({"nsubj", "csubj"})
PASS_SUBJ = frozenset({"nsubjpass", "csubjpass"})
# "1,100 of its dealerships", "three of its member states": the head is the "of" object
PARTITIVES = frozenset({"some", "many", "most", "all", "several", "hundreds", "thousands", "dozens", "none", "each"})

# --- triggers (pipeline.claims.triggers) ---
VERB_POS = ["VERB"]
NOUN_POS = ["NOUN"]
PREP_DEPS = frozenset({"prep", "agent", "dative"})
# a verb hung by these heads a clause of its own: a phrase trigger does not reach into it
CLAUSE_BOUNDARY_DEPS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj", "csubjpass"})
# an event noun in these roles of a trigger verb is that verb's object, no trigger of its own
PATIENT_DEPS = frozenset({"dobj", "nsubjpass"})
RESULTATIVE = frozenset({"oprd", "ccomp", "xcomp", "acomp"})

# --- which triggers make claims (pipeline.claims.selection) ---
# children of an event noun that give it content of its own ("the withdrawal of troops",
# "France's withdrawal", "the Malian withdrawal"): not a bare back-reference
CONTENT_DEPS = frozenset({"poss", "compound", "nmod", "acl", "relcl", "nummod", "appos"})
# prepositions that name the event's participants; others ("on Feb. 17", "together
# with partners") are circumstances of the report
CONTENT_PREPS = frozenset({"of", "by", "from"})

# "designated X as Y" / "labelled X a coup": the complement that names the class
CLASS_DEPS = frozenset({"oprd", "xcomp", "ccomp"})

# --- argument heads (pipeline.claims.frames) ---
OBJ = frozenset({"dobj"})
HAVE_VERBS = frozenset({"have", "keep", "maintain", "get"})
COPULAS = frozenset({"be", "remain", "become", "stay"})
RELATION_PREPS = frozenset({"of", "for", "to", "with"})

EVENT_FRAME_PREPS = frozenset({"during", "in"})

CLAIM_VERBS = frozenset({"claim"})
RESPONSIBILITY_NOUNS = frozenset({"responsibility", "credit"})

# "or face / or risk measures": the alternative the addressee is threatened with
ULTIMATUM_VERBS = frozenset({"face", "risk"})

# event nouns outside the vocabulary whose by-phrase is an actor ("insurgencies by X")
AGENTIVE_EVENTS = frozenset({"insurgency", "offensive", "campaign", "operation", "violence", "fighting"})

# --- what an argument stands for (pipeline.claims.argspans) ---
EXAMPLE_PREPS = frozenset({"like", "including"})
# "groups linked / affiliated to al-Qaida and the Islamic State": a generic group named
# only by the organisations it belongs to stands for them, as a branch does
AFFILIATION_VERBS = frozenset({"link", "affiliate", "tie", "ally", "connect", "associate", "loyal"})

PLACE_PREPS = frozenset({"in", "of", "from", "across", "around", "within"})

# through whom an actor acts: "its fighters" is the group, "Sudan's army" is Sudan
MEMBER_NOUNS = frozenset(
    {
        "troop",
        "soldier",
        "force",
        "fighter",
        "member",
        "personnel",
        "army",
        "military",
        "militant",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "government",
        "ministry",
        "official",
        "officer",
    }
)
# actor nouns that name a relation to their possessor ("Mali's neighbours")
RELATION_NOUNS = frozenset(
    {"neighbour", "neighbor", "ally", "partner", "rival", "enemy", "critic", "supporter", "opponent", "adversary"}
)
FIGHTER_NOUNS = frozenset({"mercenary", "militant", "fighter", "gunman", "instructor", "contractor"})
# parts of an organisation that denote it: "the local branch of Islamic State"
BRANCH_NOUNS = frozenset({"branch", "wing", "arm", "affiliate", "franchise", "offshoot", "cell", "chapter"})
# predicative nouns name a role, not a referent ("declared himself chairman")
PREDICATIVE = frozenset({"attr", "oprd", "ccomp", "xcomp", "acomp"})

# --- assembly (pipeline.claims.assembly) ---
# the arcs the negation rules climb from a clause to its governor
POLARITY_DEPS = frozenset({"ccomp", "xcomp", "conj"})

# --- sources (pipeline.claims.attributes.source) ---
REPORTING_VERBS: frozenset[str] = frozenset(
    {
        # as configs/predicates.yaml `reporting_verbs` (the default when none is passed)
        "say",
        "tell",
        "disclose",
        "announce",
        "state",
        "describe",
        "stress",
        "add",
        "indicate",
        "claim",
        "report",
        "confirm",
        "explain",
        "note",
        "reveal",
        "write",
        "declare",
        "assert",
        "affirm",
        "acknowledge",
        "admit",
        "argue",
        "believe",
        "think",
        "suggest",
        "remark",
        "comment",
        "emphasize",
        "emphasise",
        "reiterate",
        "mention",
        "tweet",
        "post",
        "quote",
        "publicize",
        "inform",
        "signal",
        "underline",
        "underscore",
        "assess",
        "conclude",
        "estimate",
        "contend",
        "testify",
        "observe",
        "deny",
        "brief",
    }
)
# Speech acts that are claims of their own (SPEC predicates) but whose complement clause is
# still attributed to their subject: "Tebboune warned that an intrusion could plunge ...".
SPEECH_ACT_VERBS: frozenset[str] = frozenset(
    {"warn", "allege", "accuse", "threaten", "demand", "urge", "caution", "predict", "promise", "pledge", "vow"}
)
# Attitudes whose content is attributed to whoever holds them: "They fear that any military
# action would ...", "the U.S. remains hopeful about a solution to restore Bazoum".
ATTITUDE_VERBS: frozenset[str] = frozenset({"fear", "hope", "worry", "expect", "doubt", "want", "wish"})
ATTITUDE_ADJECTIVES: frozenset[str] = frozenset(
    {
        "hopeful",
        "optimistic",
        "confident",
        "concerned",
        "worried",
        "fearful",
        "afraid",
        "sure",
        "certain",
        "convinced",
        "wary",
        "skeptical",
        "sceptical",
        "pessimistic",
    }
)
# Reporting verbs whose named-organisation object is the channel: "told the AP".
ADDRESSEE_VERBS = frozenset({"tell", "inform", "brief"})
# An indirect question asserts nothing: "has yet to say whether they will ...".
INDIRECT_QUESTION_MARKS = frozenset({"whether"})
# Objects that stand for the reported content, not a nominal claim: "said so", "denied it".
CONTENT_PRONOUNS = frozenset({"it", "this", "that", "so", "what"})
AFFILIATION_PREPOSITIONS = frozenset({"from", "of", "at"})
REASON_MARKS = frozenset({"as", "since"})
ASIDE_PUNCT = frozenset({",", "(", ")", "\u2014", "\u2013"})
ARTICLES = frozenset({"a", "an", "the"})
# Left modifiers that belong to a speaker's noun phrase.
NP_LEFT_DEPS = frozenset({"det", "amod", "compound", "nummod", "poss", "nmod", "quantmod", "advmod", "case"})

# --- negation (pipeline.claims.attributes.negation) ---
NEGATORS = frozenset({"not", "n't", "nt", "never", "no"})
# "not only ... but (also)": a focus construction, not a negation.
FOCUS_AFTER_NOT = frozenset({"only", "just", "merely", "simply"})
NEG_DETERMINERS = frozenset({"no", "neither"})
NEG_PRONOUNS = frozenset({"nobody", "nothing", "none", "noone", "neither"})
# "no longer", "no more", "not anymore"
NO_LONGER = frozenset({"longer", "more"})
# Verbs that entail their infinitive did not happen: "failed to", "declined to", "yet to".
NEG_IMPLICATIVE_VERBS = frozenset({"fail", "decline", "refuse", "neglect", "forget", "avoid", "cease", "stop", "omit"})
NEG_IMPLICATIVE_ADJECTIVES = frozenset({"unable", "powerless"})
# Verbs whose "from"-gerund did not happen: "refrained from using force".
NEG_FROM_VERBS = frozenset(
    {"refrain", "abstain", "desist", "prevent", "bar", "stop", "keep", "prohibit", "ban", "block", "deter", "hold"}
)
NEG_PREPOSITIONS = frozenset({"without"})
# "instead of"/"rather than" + gerund: the alternative that did not happen.
ALTERNATIVE_HEADS = frozenset({"instead", "rather"})
DENIAL_VERBS = frozenset({"deny"})
NEG_NOUN_HEADS = frozenset({"lack", "absence"})
# verbs that say whether their subject event happened: "the talks did not take place"
OCCURRENCE_VERBS = frozenset(
    {"happen", "occur", "take", "go", "begin", "start", "resume", "proceed", "materialize", "materialise", "be"}
)

# --- modality (pipeline.claims.attributes.modality) ---
CONDITIONAL_MARKERS = frozenset({"if", "unless", "provided", "providing", "lest"})
BACKSHIFTED_FUTURE = frozenset({"would", "'d"})
PAST_TAGS = frozenset({"VBD", "VBN"})
FUTURE_MODALS = frozenset({"will", "shall", "'ll", "wo", "ll"})
EPISTEMIC_MODALS = frozenset({"may"})
PERFECT_EPISTEMIC_MODALS = frozenset({"may", "might", "must", "could"})
HYPOTHETICAL_MODALS = frozenset({"would", "'d", "could", "might", "should", "must", "ought"})
HEDGE_ADVERBS = frozenset(
    {
        "reportedly",
        "allegedly",
        "apparently",
        "purportedly",
        "supposedly",
        "reputedly",
        "seemingly",
        "possibly",
        "perhaps",
        "probably",
        "maybe",
        "presumably",
        "ostensibly",
        "likely",
        "conceivably",
    }
)
# Governing verbs that make their infinitive (or object event noun) uncertain.
UNCERTAIN_GOVERNORS = frozenset({"seem", "appear", "consider", "contemplate", "weigh", "mull", "suspect"})
# ... only as passive raising verbs: "is said/believed/reported/rumoured to have".
UNCERTAIN_PASSIVE_GOVERNORS = frozenset(
    {"say", "believe", "report", "rumor", "rumour", "allege", "think", "understand", "suspect"}
)
# "X expect(s) Y to V": someone's prediction about another party's act.
PREDICTION_GOVERNORS = frozenset({"expect", "predict", "anticipate", "forecast"})
EPISTEMIC_ADJECTIVES = frozenset({"likely", "unlikely", "possible", "probable", "uncertain", "unclear", "doubtful"})
RUMOUR_NOUNS = frozenset({"whisper", "rumor", "rumour", "speculation", "allegation", "suspicion"})
PLANNING_GOVERNORS = frozenset(
    {
        "plan",
        "intend",
        "aim",
        "schedule",
        "set",
        "prepare",
        "expect",
        "seek",
        "hope",
        "want",
        "wish",
        "promise",
        "pledge",
        "vow",
        "agree",
        "go",
        "mean",
        "propose",
        "resolve",
    }
)
# ... and those that make an object event noun planned ("planned an offensive").
NOUN_PLANNING_GOVERNORS = frozenset({"plan", "schedule", "prepare", "expect", "seek", "want", "promise", "pledge"})
PLANNING_ADJECTIVES = frozenset({"due", "set", "poised", "scheduled", "ready", "determined"})
PLANNING_NOUNS = frozenset(
    {"plan", "intention", "aim", "goal", "schedule", "pledge", "promise", "decision", "commitment"}
)
FACTUAL_INFINITIVE_MODIFIERS = frozenset({"first", "second", "third", "last", "only", "latest", "next"})
# Object-control directives: the infinitive is someone else's requested action.
DIRECTIVE_GOVERNORS = frozenset(
    {
        "ask",
        "urge",
        "call",
        "demand",
        "request",
        "order",
        "press",
        "encourage",
        "invite",
        "tell",
        "instruct",
        "pressure",
        "push",
        "appeal",
        "implore",
        "require",
        "threaten",
        "warn",
    }
)

# --- dates (pipeline.claims.attributes.date) ---
# clauses with a time of their own whatever their form, and those that have one only
# when finite (xcomp never: it shares its governor's subject and time)
OWN_CLAUSE_DEPS = frozenset({"ccomp", "relcl", "acl", "csubj", "csubjpass", "parataxis"})
FINITE_CLAUSE_DEPS = frozenset({"advcl", "pcomp"})
# a date that bounds the event ("until Friday", "to this point") is not its date
BOUNDARY_SIGNALS = frozenset({"until", "till", "to", "through", "up"})
VERBAL_POS = frozenset({"VERB", "AUX"})
# a date in these roles is an argument of its verb ("ending a tense weekend"), not its time
TIME_ARGUMENT_DEPS = frozenset({"dobj", "attr", "dative", "oprd"})
PREMODIFIER_DEPS = frozenset({"compound", "nummod", "amod", "poss", "nmod"})
OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "attr"})
# "a weekend in which ...", "in December, when ...": relative clauses that say "at that time"
TEMPORAL_RELATIVE_PREPS = frozenset({"in", "during", "on", "at", "over", "since"})
RELATIVE_WORDS = frozenset({"which", "that"})
# the vehicle of a speech act, dated by its own participle ("a statement released on Monday")
VEHICLE_NOUNS = frozenset(
    {
        "statement",
        "communique",
        "communiqué",
        "message",
        "video",
        "speech",
        "address",
        "interview",
        "letter",
        "post",
        "broadcast",
        "declaration",
        "decree",
        "report",
        "note",
        "tweet",
        "recording",
    }
)
VEHICLE_PREPS = frozenset({"in", "through", "via", "during"})

# --- quantities (pipeline.claims.attributes.quantity) ---
# clauses embedded in a trigger's own clause: its tokens (and numbers) stop at them
EMBEDDED_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "acl", "csubj", "csubjpass", "parataxis", "appos"})
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "EVENT", "LAW", "ORDINAL"})

WORD_NUMBERS = {**CARDINALS, "thousand": 1000}
SCALES = {
    "hundred": 100,
    "thousand": 1000,
    "k": 1000,
    "million": 10**6,
    "m": 10**6,
    "mn": 10**6,
    "mln": 10**6,
    "billion": 10**9,
    "bn": 10**9,
    "b": 10**9,
    "trillion": 10**12,
    "tn": 10**12,
}
# "hundreds of", "dozens of": over the round number.
PLURAL_ROUNDS = {"dozens": 12, "hundreds": 100, "thousands": 1000, "millions": 10**6, "billions": 10**9}
CURRENCY_SYMBOLS = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP"}
CURRENCY_NOUNS = {"dollar": "USD", "euro": "EUR", "pound": "GBP", "franc": "XOF", "naira": "NGN"}
PERCENT_WORDS = frozenset({"%", "percent", "per cent", "pct", "percentage"})
MEASURE_UNITS = {
    "kilometer": "km",
    "kilometre": "km",
    "km": "km",
    "mile": "miles",
    "meter": "m",
    "metre": "m",
    "tonne": "tonnes",
    "ton": "tonnes",
}
# Durations measure a claim only as adjectives ("a two-hour discussion").
TIME_UNITS = {"hour": "hours", "day": "days", "week": "weeks", "month": "months", "year": "years"}
# Nouns after a number that do not count things: "three times", "two ways", and idioms
# ("on (the) one hand").
NOT_COUNTED = frozenset(
    {"time", "way", "side", "part", "point", "step", "option", "reason", "hand", "mark", "other", "one"}
)
INVARIANT_PLURALS = frozenset({"personnel", "people", "police", "aircraft"})
IRREGULAR_PLURALS = {"man": "men", "woman": "women", "child": "children", "person": "people", "policeman": "policemen"}
APPROXIMATORS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("more", "than"), "over"),
    (("upwards", "of"), "over"),
    (("in", "excess", "of"), "over"),
    (("at", "least"), "at least"),
    (("no", "fewer", "than"), "at least"),
    (("no", "less", "than"), "at least"),
    (("up", "to"), "under"),
    (("less", "than"), "under"),
    (("fewer", "than"), "under"),
    (("close", "to"), "under"),
    (("as", "many", "as"), "under"),
    (("an", "estimated"), "about"),
    (("over",), "over"),
    (("above",), "over"),
    (("about",), "about"),
    (("approximately",), "about"),
    (("around",), "about"),
    (("roughly",), "about"),
    (("some",), "about"),
    (("estimated",), "about"),
    (("nearly",), "under"),
    (("almost",), "under"),
    (("under",), "under"),
    (("below",), "under"),
)
