"""The Doc contract: every annotation the stages share, who writes it and who reads it.

Stages talk only through the ``Doc``: each reads what an earlier stage wrote here, and
never reaches into another pipe. Every extension, span key and ``user_data`` key is
declared in this module, and nowhere else.

Each entry: what it holds; who writes it -> who reads it.

- ``doc._.published`` (``datetime.date | None``), ``doc._.article_id`` (``str | None``):
  batch, before the pipeline -> dates, gazetteer, claims.
- ``doc._.source`` (``str | None``): the article's ``source`` (its publisher or issuer,
  front matter): batch -> gazetteer (the publisher named short in its body), claims (who
  "we" is in a statement).
- ``doc._.sahel_warnings`` (``list[str]``): batch, dates -> serialize.
- ``doc.ents``: the model's entities with the gazetteer's corrections, ``kb_id_`` the
  canonical id (``""`` unlinked): ner, gazetteer -> dates, claims, serialize.
- ``doc.spans[MENTIONS_KEY]``: descriptions that denote a known actor in context ("the
  junta"), ``kb_id_`` set, label ``ROLE_LABEL`` for a role ("the Nigerian president"):
  gazetteer -> claims.
- ``doc.user_data[FOCUS_KEY]`` (``{entity id: count}``): what the article is about:
  gazetteer -> gazetteer's mention rules, claims.
- ``doc._.sahel_linker``: the gazetteer's :class:`~pipeline.gazetteer.linker.Linker` (the
  id of any noun phrase), ``None`` when no gazetteer ran; the Doc holds its key in
  ``user_data[LINKER_KEY]``: gazetteer -> claims.
- ``doc.spans[DATES_KEY]``: temporal expressions, ``label_`` the TIMEX3 type,
  ``span._.timex_value`` the value: dates -> claims, serialize.
- ``doc._.claims`` (``list[pipeline.models.Claim]``): claims -> codes (which writes them
  again with the arguments' ``country``/``sector``, SPEC revision 2) -> places (which sets each claim's
  ``location``) -> serialize.
- ``doc._.sahel_linker`` also answers the codes stage: the gazetteer's actor codes of an id
  on a date (``Linker.codes``), its label (``Linker.label``).
- ``doc.user_data[TRIGGERS_KEY]`` (``{claim id: [trigger token index, event noun token
  index or -1]}``): the word each claim was found at: claims -> places.
- ``doc.spans[DATELINE_KEY]``: the place of each wire dateline ("BAMAKO" of "BAMAKO, Mali
  (Reuters) -"), read by :mod:`pipeline.claims.dateline`: claims -> places.

Only the six SPEC labels of ``doc.ents`` are written out; DATE, CARDINAL, MONEY... stay
for the later stages. ``doc._.sahel_linker`` is a getter: the Doc stores only the
linker's key (a string, so Docs still serialise), and the linker itself is registered
for the process by the gazetteer component that built it (:func:`register_linker`).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

DATES_KEY = "sahel_dates"
MENTIONS_KEY = "sahel_mentions"
ROLE_LABEL = "ROLE"  # label of a mention that names a role ("the Nigerian president"): its holder is a person
FOCUS_KEY = "sahel_focus"
LINKER_KEY = "sahel_linker"
TRIGGERS_KEY = "sahel_triggers"
DATELINE_KEY = "sahel_dateline"

_LINKERS: dict[str, Any] = {}


def register_linker(key: str, linker: Any) -> None:
    """Make ``linker`` what ``doc._.sahel_linker`` returns for Docs whose
    ``user_data[LINKER_KEY]`` is ``key``."""
    _LINKERS[key] = linker


def _linker(doc: Doc) -> Any:
    key = doc.user_data.get(LINKER_KEY)
    return _LINKERS.get(key) if key is not None else None


_DOC_EXTENSIONS = ("published", "article_id", "source", "sahel_warnings", "claims")
for _name, _default in ((name, None) for name in _DOC_EXTENSIONS):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)
if not Doc.has_extension("sahel_linker"):
    Doc.set_extension("sahel_linker", getter=_linker)
if not Span.has_extension("timex_value"):
    Span.set_extension("timex_value", default=None)
