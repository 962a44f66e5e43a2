"""``sahel_gazetteer``: Sahel actors from configs/gazetteer.yaml override the statistical NER.

Runs after ``ner``. ``initialize(nlp=..., path=...)`` loads and validates the YAML
(:class:`pipeline.models.Gazetteer`), builds the alias index and compiles the phrase
matchers once. Each ``Doc`` then goes through :mod:`pipeline.gazetteer.entities` and
:mod:`pipeline.gazetteer.mentions`:

1. tokens joining names with hyphens ("U.S.-Russia") are split;
2. gazetteer names, demonyms (NORP) and surnames are matched, longest first, and
   replace the model entities they overlap, with the gazetteer's label and id
   (``kb_id_``); names that need an owner ("Nigeria's Senate") follow;
3. the model's other entities stay, unlinked, with OntoNotes extents ("the", "'s" and
   titles outside); those of the six labels that are no names are dropped; "President
   X" makes X a PERSON;
4. descriptions ("the junta") and roles ("the Nigerian president") that denote a known
   actor, given ``doc._.published`` and what the article is about, go to
   ``doc.spans["sahel_mentions"]`` (never to ``doc.ents``).

Later stages link any noun phrase through ``doc._.sahel_linker`` (a
:class:`~pipeline.gazetteer.linker.Linker` over the index, see :mod:`pipeline.doc`).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..config import load_yaml_model
from ..doc import FOCUS_KEY, LINKER_KEY, MENTIONS_KEY, register_linker
from ..models import Gazetteer as GazetteerConfig
from .entities import (
    alias_spans,
    article_focus,
    clean_model_entities,
    hyphen_splits,
    link_surnames,
    merge_entities,
    short_name_spans,
    title_spans,
    titled_persons,
)
from .index import build_index, build_matchers
from .kb import AliasIndex, Matchers
from .linker import Linker
from .mentions import description_mentions, role_mentions


class Gazetteer:
    """Link and correct entities with the gazetteer; see the module docstring."""

    def __init__(self, name: str = "sahel_gazetteer") -> None:
        self.name = name
        self.path: str | None = None
        self.index: AliasIndex | None = None
        self.matchers: Matchers | None = None
        self.linker_key: str | None = None

    def initialize(self, get_examples=None, *, nlp: Language | None = None, path: str | None = None) -> None:
        """Load ``path`` (configs/gazetteer.yaml) and compile the matchers for ``nlp``."""
        if nlp is None or path is None:
            return
        self.path = path
        self.index = build_index(load_yaml_model(path, GazetteerConfig))
        self.matchers = build_matchers(nlp, self.index)
        self.linker_key = f"{self.name}:{id(self.index):x}"
        register_linker(self.linker_key, Linker(self.index))

    def __call__(self, doc: Doc) -> Doc:
        if self.index is None or self.matchers is None:
            return doc
        index, matchers = self.index, self.matchers
        splits = hyphen_splits(doc, index)
        if splits:
            with doc.retokenize() as retokenizer:
                for i, pieces in splits:
                    token = doc[i]
                    last = len(pieces) - 1
                    heads = [(token, last)] * last + [token.head if token.head.i != i else (token, last)]
                    retokenizer.split(token, pieces, heads=heads)
        names = alias_spans(doc, matchers, index)
        focus = article_focus(doc, names)
        names = names + short_name_spans(doc, matchers, index, names, focus)
        titles = title_spans(doc, matchers)
        model = clean_model_entities(doc, titles, index)
        names = names + titled_persons(doc, titles, names, model, index)
        ents = link_surnames(doc, merge_entities(names, model))
        doc.set_ents(ents)
        focus = article_focus(doc, ents)  # the entities just set: doc.ents rebuilds them
        doc.user_data[FOCUS_KEY] = dict(focus)
        doc.user_data[LINKER_KEY] = self.linker_key
        mentions = description_mentions(doc, matchers, index, focus) + role_mentions(doc, matchers, index, focus)
        doc.spans[MENTIONS_KEY] = sorted(mentions, key=lambda s: s.start)
        return doc


@Language.factory("sahel_gazetteer", assigns=["doc.ents", "doc.spans"], requires=["doc.ents"])
def make_gazetteer(nlp: Language, name: str) -> Gazetteer:
    return Gazetteer(name)
