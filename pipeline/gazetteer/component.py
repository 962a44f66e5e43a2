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

``to_disk`` writes the validated gazetteer as JSON (``gazetteer.json``), the matchers'
patterns as token ids (``matchers.json``) and where it came from (``cfg``) into the
component's folder; ``from_disk`` validates the gazetteer again and builds what
``initialize`` builds (index, matchers, a registered linker with a new key), without
reading YAML or tokenising the names again.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from spacy import util
from spacy.language import Language
from spacy.tokens import Doc

from ..config import load_json_model, load_yaml_model
from ..doc import FOCUS_KEY, LINKER_KEY, MENTIONS_KEY, register_linker
from ..models import Gazetteer as GazetteerConfig
from .entities import (
    alias_spans,
    article_focus,
    clean_model_entities,
    hyphen_splits,
    link_publisher,
    link_surnames,
    merge_entities,
    short_name_spans,
    title_spans,
    titled_persons,
)
from .index import build_index, build_matchers, compile_matchers
from .kb import AliasIndex, MatcherPatterns, Matchers
from .linker import Linker
from .mentions import description_mentions, role_mentions


class Gazetteer:
    """Link and correct entities with the gazetteer; see the module docstring."""

    def __init__(self, nlp: Language, name: str = "sahel_gazetteer") -> None:
        self.nlp = nlp
        self.name = name
        self.path: str | None = None
        self.config: GazetteerConfig | None = None
        self.index: AliasIndex | None = None
        self.matchers: Matchers | None = None
        self.linker_key: str | None = None

    def initialize(self, get_examples=None, *, nlp: Language | None = None, path: str | None = None) -> None:
        """Load ``path`` (configs/gazetteer.yaml) and compile the matchers (for the
        pipeline the factory was given; ``nlp`` is accepted as ``nlp.initialize`` passes it)."""
        if path is None:
            return
        self.path = path
        self._set_config(load_yaml_model(path, GazetteerConfig))

    def _set_config(self, config: GazetteerConfig, patterns: MatcherPatterns | None = None) -> None:
        """Index ``config``, compile its matchers (from ``patterns`` when they were saved)
        and register a linker over the index."""
        self.config = config
        self.index = build_index(config)
        if patterns is None:
            self.matchers = build_matchers(self.nlp, self.index)
        else:
            self.matchers = compile_matchers(self.nlp.vocab, patterns)
        self.linker_key = f"{self.name}:{id(self.index):x}"
        self.linker = Linker(self.index)
        register_linker(self.linker_key, self.linker)

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write ``cfg`` (the source path) and, once initialised, ``matchers.json`` and
        ``gazetteer.json``."""
        serializers = {"cfg": lambda p: p.write_text(json.dumps({"path": self.path}), encoding="utf-8")}
        if self.config is not None and self.matchers is not None:
            patterns = self.matchers.patterns
            serializers["matchers.json"] = lambda p: p.write_text(json.dumps(patterns), encoding="utf-8")
            serializers["gazetteer.json"] = lambda p: p.write_text(self.config.model_dump_json(), encoding="utf-8")
        util.to_disk(path, serializers, exclude)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> Gazetteer:
        """Read what :meth:`to_disk` wrote and build the index, matchers and linker (the
        matchers tokenised again when ``matchers.json`` is missing or excluded)."""
        patterns: list[MatcherPatterns] = []

        def read_cfg(p: Path) -> None:
            if p.exists():
                self.path = json.loads(p.read_text(encoding="utf-8")).get("path")

        def read_matchers(p: Path) -> None:
            if p.exists():
                patterns.append(json.loads(p.read_text(encoding="utf-8")))

        def read_gazetteer(p: Path) -> None:
            if p.exists():
                self._set_config(load_json_model(p, GazetteerConfig), patterns[0] if patterns else None)

        readers = {"cfg": read_cfg, "matchers.json": read_matchers, "gazetteer.json": read_gazetteer}
        util.from_disk(path, readers, exclude)
        return self

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
        if doc._.source:
            publishers = self.linker.publishers(doc._.source)
            ents = link_publisher(ents, {p: self.linker.names_of(p) for p in publishers})
        doc.set_ents(ents)
        focus = article_focus(doc, ents)  # the entities just set: doc.ents rebuilds them
        doc.user_data[FOCUS_KEY] = dict(focus)
        doc.user_data[LINKER_KEY] = self.linker_key
        mentions = description_mentions(doc, matchers, index, focus) + role_mentions(doc, matchers, index, focus)
        doc.spans[MENTIONS_KEY] = sorted(mentions, key=lambda s: s.start)
        return doc


@Language.factory("sahel_gazetteer", assigns=["doc.ents", "doc.spans"], requires=["doc.ents"])
def make_gazetteer(nlp: Language, name: str) -> Gazetteer:
    return Gazetteer(nlp, name)
