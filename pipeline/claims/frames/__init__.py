"""Argument frames: the subject and object heads of a trigger, one module per construction.

Pure functions over the dependency parse (spaCy's ClearNLP labels). A trigger
(:class:`pipeline.claims.triggers.Trigger`) gets its argument *heads* here; the claims
component turns heads into arguments (entity, linked description, pronoun antecedent or
the shortest noun phrase) with :func:`pipeline.claims.argspans.head_args`. The repairs of
frequent misparses it relies on are in :mod:`pipeline.claims.repairs`.

Modules, each importing only those above it:

- :mod:`.parts` - :class:`~.parts.Heads`, a clause's own subject, its voice and ``by``
  agents, a head's prepositional objects;
- :mod:`.control` - the subject of a clause that has none, from the clauses governing
  it ("xcomp-inherit", "object-control", "for-subject");
- :mod:`.nominal` - event nouns ("nominal"), copular relation nouns ("copular"),
  between-phrases, claimed attacks;
- :mod:`.light` - light verbs ("imposed sanctions on X");
- :mod:`.objects` - the objects of an active verb or phrase;
- :mod:`.passive` - passives ("passive-by", "passive", "passive-frame",
  "passive-owner", ...);
- :mod:`.verbal` - active clauses ("svo-active"), converse and patient verbs, phrase
  heads read as nouns, reduced relatives;
- :mod:`.requests` - what is asked for or threatened is no event of its own
  (directives, demands, ultimatums);
- :mod:`.heads` - :func:`~.heads.find_heads` (the dispatch by construction) and
  :func:`~.heads.claim_heads` (every trigger of a sentence).

Object: the direct object; else the object of a phrase's final preposition ("be in touch
with X", "call on X"); else of one of the predicate's ``object_preps`` ("meet with X").
Coordination is distributed ("France, the U.S. and ECOWAS"); a class given with examples
("countries like Mali and the Central African Republic") stands for its examples.
"""
