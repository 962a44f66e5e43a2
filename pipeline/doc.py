"""spaCy components of sahel-claims, one per module, registered on import.

Annotations they share on the ``Doc`` (the contract between stages):

- ``doc._.published`` (``datetime.date | None``), ``doc._.article_id`` (``str | None``) and
  ``doc._.sahel_warnings`` (``list[str]``): set by :mod:`pipeline.api` before the pipeline.
- ``doc.ents``: the statistical entities with the gazetteer's corrections; an entity's
  canonical id is ``span.kb_id_`` (``""`` when unlinked). Only the six SPEC labels are
  written out; DATE, CARDINAL, MONEY... stay for the later stages.
- ``doc.spans["sahel_mentions"]``: descriptions that denote a known actor in context
  ("the coup leaders", "the junta"), ``kb_id_`` set; used for claim arguments only.
- ``doc.spans["sahel_dates"]``: temporal expressions; ``label_`` is the TIMEX3 type and
  ``span._.timex_value`` the normalised value (``None`` when it cannot be resolved).
- ``doc._.claims``: list of :class:`pipeline.models.Claim`.
"""

from spacy.tokens import Doc, Span

DATES_KEY = "sahel_dates"
MENTIONS_KEY = "sahel_mentions"

for _name, _default in (("published", None), ("article_id", None), ("sahel_warnings", None), ("claims", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)
if not Span.has_extension("timex_value"):
    Span.set_extension("timex_value", default=None)
