"""Words of the places stage: how English says where something happened.

Knowledge of places (names, ids, coordinates) lives in configs/places.json; predicate
behaviour (``place_object``, ``place_preps``, ``local_event``) in configs/predicates.yaml.
"""

from __future__ import annotations

# prepositions whose object is where the event happened, whatever the predicate
PLACE_PREPS = frozenset({"in", "at", "near", "around", "outside", "inside", "across", "throughout", "within", "along",
                         "through"})  # fmt: skip

# common nouns that name a kind of place: the named place is their compound, apposition
# or of-phrase ("the Tillaberi region", "the capital, Niamey", "the village of Mourah")
PLACE_NOUNS = frozenset({"region", "village", "town", "city", "capital", "area", "commune", "province",
                         "district", "department", "state", "locality", "zone", "municipality", "prefecture",
                         "circle", "cercle", "governorate", "hamlet", "outskirts", "suburb"})  # fmt: skip
# of them, those that name a first-level division: the place resolves to an admin1 record
ADMIN1_NOUNS = frozenset({"region", "state", "governorate"})
# those that name a settlement: the place resolves to a town
TOWN_NOUNS = frozenset({"village", "town", "city", "capital", "commune", "locality", "hamlet", "municipality"})

# "near the border with Mali": a place of its own, named by its words (no record)
BORDER_NOUNS = frozenset({"border", "frontier", "borderland", "borderlands"})

# "the capital" with no name: the capital of the country its modifier names ("the Ghanaian
# capital"), else of the article's country
CAPITAL_NOUNS = frozenset({"capital"})

# "there", "in the same area": the place named last before them
PLACE_ADVERBS = frozenset({"there"})
SAME_WORDS = frozenset({"same"})

# "the country", "the nation": the country last named before them
COUNTRY_ANAPHORS = frozenset({"country", "nation"})

# "in the north", "in the country's east": a part of the article's country
COMPASS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                     "north-east", "north-west", "south-east", "south-west", "centre", "center",
                     "interior"})  # fmt: skip

# dependency arcs a search for the place of a clause follows down from its trigger: the
# trigger's phrases and those of its arguments, not into clauses of their own (a ccomp,
# an advcl, a relative clause has its own event and place)
DOWN_ARCS = frozenset({"prep", "pobj", "dobj", "nsubjpass", "agent", "acl", "npadvmod", "appos", "conj", "pcomp",
                       "dative", "attr", "oprd"})  # fmt: skip
# arcs from a subject down to its place: "the attack in Djibo killed ..."
SUBJECT_ARCS = frozenset({"nsubj", "nsubjpass"})
MAX_PREP_HOPS = 4  # prepositional phrases followed down from the trigger
# an adverbial clause of the same event: "were killed when jihadists attacked a post in X"
SAME_EVENT_MARKERS = frozenset({"when", "as"})

# labels of doc.ents that name places
PLACE_LABELS = frozenset({"GPE", "LOC"})
