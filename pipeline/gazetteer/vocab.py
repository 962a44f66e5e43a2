"""The gazetteer stage's vocabulary: the word and dependency-label sets its modules read,
defined once.

- what is no name and what stands at the edge of one (:mod:`pipeline.gazetteer.entities`):
  pronouns, possessive endings, quotes, brackets and dashes, the head words of a
  portfolio ("Minister", "Secretary") after which a name is part of a title;
- the words around a description or a role (:mod:`pipeline.gazetteer.mentions`):
  determiners, the modifiers a role title takes ("interim", "ousted"), the dependency
  labels of a modifier, the generic owners of "the President of the Republic";
- the synonyms and fallbacks of role titles, read by the matchers
  (:mod:`pipeline.gazetteer.index`) and the role rules (:mod:`pipeline.gazetteer.mentions`).

Imports nothing of the package: the bottom of the stage's imports.
"""

from __future__ import annotations

# --- names and their edges (pipeline.gazetteer.entities) ---
PRONOUNS = frozenset(
    "i me you he him she her it we us they them this that these those who whom which what "
    "myself yourself himself herself itself ourselves themselves one".split()
)
POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
STRIP_EDGE = frozenset({'"', "“", "”", "'", "‘", "’", "(", ")", "[", "]", ",", ";", ":", "-", "—", "–"})
PORTFOLIO_HEADS = frozenset({"Minister", "Ministers", "Secretary", "Commissioner"})

# --- descriptions and roles (pipeline.gazetteer.mentions) ---
DETERMINERS = frozenset({"the", "these", "those", "this", "that", "its", "their"})
ROLE_MODIFIERS = frozenset({"new", "current", "incumbent", "sitting", "elected", "interim", "transitional", "acting"})
# "the ousted president": the last holder before publication, of the article's country
PAST_MODIFIERS = frozenset({"ousted", "deposed", "toppled", "overthrown"})
# a role that ended this few days before the article, with no holder since, is still the
# one the article means ("the transitional President", two days after his arrest)
RECENT_ROLE_DAYS = 14
MODIFIER_DEPS = frozenset({"compound", "amod"})
# "the President of the Republic", "of the country": of the country the article is about
GENERIC_OWNERS = frozenset({"republic", "country", "nation"})

# --- role titles (pipeline.gazetteer.index, pipeline.gazetteer.mentions) ---
TITLE_SYNONYMS = {
    "chair": "chairman",
    "chairperson": "chairman",
    "chairwoman": "chairman",
    "premier": "prime minister",
    "foreign affairs minister": "foreign minister",
    "defence minister": "defense minister",
    "secretary general": "secretary-general",
}
# a title held by no one falls back to these ("Nigeria's leader" -> its president)
TITLE_FALLBACKS = {"leader": ("president",), "head of state": ("president",), "ruler": ("leader", "president")}
