"""The codes stage's linguistic constants (its word lists are data: configs/actor_codes.yaml
and the gazetteer's codes)."""

from __future__ import annotations

# entity labels whose mention, as an argument's head, denotes an actor by its name
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# an unlinked state name as an argument acts as its government ("Venezuela condemned"), as
# the gazetteer codes the states it knows
STATE_LABEL = "GPE"
STATE_SECTOR = "GOV"
# sectors that belong to the country where they are: a bare agent noun of one of them that
# names no country ("soldiers", "the authorities", "lawmakers", "civilians", "villagers")
# belongs to the state the article is about (event data code civilians by the country of
# the event); rebels, gunmen, jihadists, journalists... get no country the text does not say
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "CVL"})
# words before an argument's head tried as part of an agent phrase ("security forces",
# "foreign minister"): at most this many
MAX_AGENT_WORDS = 4
# dependencies of a name that modifies the noun it belongs to: the claims stage gives "Syrian
# rebels" and "French troops" as the name alone (linked to the state), and the noun it
# modifies says which of the state's actors it is
MODIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
# the preposition whose object is tried when the head is no agent ("members of the junta")
OF = "of"
