"""The entities layer: gazetteer names replace the statistical NER where they overlap.

Pure functions over a ``Doc`` and the :class:`~pipeline.gazetteer.kb.AliasIndex`:

- :func:`hyphen_splits`: tokens such as "U.S.-Russia" to split into their names;
- :func:`alias_spans`: names, acronyms, spellings, demonyms (NORP) and surnames, case
  sensitive (``ORTH``); multi-word names also in any case (``LOWER``); longest first;
- :func:`short_name_spans`: names that need their owner ("Senate" after "Nigeria's");
- :func:`clean_model_entities`: the model's entities with OntoNotes extents (no leading
  "the", no trailing "'s", no title before a PERSON), minus those that are no names
  (pronouns, lower-case words, parts of a job title);
- :func:`titled_persons`: "President X" makes X a PERSON;
- :func:`merge_entities`: gazetteer spans replace the model entities they overlap;
- :func:`link_surnames`: a surname alone is the person the article named in full before
  ("Col. Abdoulaye Maiga said ... Maiga said");
- :func:`link_publisher`: the publisher of a statement named short in its body ("The
  U.S. Embassy supports ..." in a release of "U.S. Embassy Niamey");
- :func:`article_focus`: what the article is about (its most mentioned countries).
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable

import numpy
from spacy.attrs import IS_TITLE, LOWER, ORTH, POS, SHAPE
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..models import ENTITY_LABELS
from .kb import AliasIndex, Matchers, match_key
from .vocab import PORTFOLIO_HEADS, POSSESSIVES, PRONOUNS, STRIP_EDGE

FOCUS_SHARE = 1 / 3
FOCUS_MIN = 2
PROPN = POS_IDS["PROPN"]
# the same words as string hashes, to compare with Doc.to_array values
THE_ID = get_string_id("the")
STRIP_EDGE_IDS = frozenset(get_string_id(s) for s in STRIP_EDGE)
POSSESSIVE_IDS = frozenset(get_string_id(s) for s in POSSESSIVES)
PORTFOLIO_HEAD_IDS = frozenset(get_string_id(s) for s in PORTFOLIO_HEADS)


def hyphen_splits(doc: Doc, index: AliasIndex) -> list[tuple[int, list[str]]]:
    """Tokens such as "U.S.-Russia" that join known names with hyphens, with their
    pieces (["U.S.", "-", "Russia"]), so that each name can be its own entity."""
    out = []
    for i in _tokens_with(doc, "-"):
        text = doc[i].text
        parts = text.split("-")
        if len(parts) < 2 or text in index.names or not all(parts):
            continue
        if any(p in index.names for p in parts):
            pieces = [parts[0]]
            for p in parts[1:]:
                pieces += ["-", p]
            out.append((i, pieces))
    return out


def _tokens_with(doc: Doc, char: str) -> list[int]:
    """The tokens whose text holds the punctuation ``char``, in order: found by their shape
    (which keeps such a character; "LONG" for a text of 100 characters or more), one test
    per distinct shape, not one per token."""
    shapes = doc.to_array(SHAPE)
    strings = doc.vocab.strings
    wanted = sorted(h for h in set(shapes.tolist()) if char in strings[h] or strings[h] == "LONG")
    if not wanted:
        return []
    ids = numpy.array(wanted, dtype=numpy.uint64)  # binary search: numpy.isin would import numpy.ma
    at = numpy.minimum(numpy.searchsorted(ids, shapes), len(ids) - 1)
    return numpy.flatnonzero(ids[at] == shapes).tolist()


def alias_spans(doc: Doc, matchers: Matchers, index: AliasIndex) -> list[Span]:
    """Gazetteer names in ``doc``, labelled and linked (``kb_id_``); longest match wins."""
    spans = []
    for m, table in ((matchers.names, index.names), (matchers.lower_names, index.lower_names)):
        for match_id, start, end in m(doc):
            target = table[match_key(doc, match_id)]
            spans.append(Span(doc, start, end, label=target.label, kb_id=target.id))
    return filter_spans(spans)


def owner_before(doc: Doc, start: int, ents: Iterable[Span]) -> str | None:
    """The id of a linked entity right before ``start`` ("Nigeria's", "Nigerian"), or
    before a possessive relative pronoun ("neighbouring Mali, whose junta")."""
    ends = {start}
    before = doc[start - 1] if start > 0 else None
    if before is not None and before.text in POSSESSIVES:
        ends.add(start - 1)
    if before is not None and before.lower_ == "whose":
        ends.add(start - 1)
        if start > 1 and doc[start - 2].text == ",":
            ends.add(start - 2)
    for ent in ents:
        if ent.end in ends and ent.kb_id_:
            return ent.kb_id_
    return None


def article_focus(doc: Doc, ents: Iterable[Span] | None = None) -> Counter:
    """What the article is about: linked GPE/NORP ids mentioned at least ``FOCUS_MIN``
    times and at least ``FOCUS_SHARE`` as often as the most mentioned one, with counts."""
    counts = Counter(e.kb_id_ for e in (doc.ents if ents is None else ents) if e.kb_id_ and e.label_ in ("GPE", "NORP"))
    if not counts:
        return Counter()
    top = max(counts.values())
    return Counter({k: v for k, v in counts.items() if v >= FOCUS_MIN and v >= FOCUS_SHARE * top})


def short_name_spans(doc: Doc, matchers: Matchers, index: AliasIndex, ents: list[Span], focus: Counter) -> list[Span]:
    """Names that need an owner: after a mention of it ("Nigeria's Senate", "Nigerian
    Senate"), anywhere in an article about it, or after the owner organisation was named
    ("ECOWAS ... The Authority")."""
    spans = []
    for match_id, start, end in matchers.short_names(doc):
        text = match_key(doc, match_id)
        owner = owner_before(doc, start, ents)
        target = index.short_names.get((text, owner)) if owner else None
        if target is None:
            named = {e.kb_id_ for e in ents if e.end <= start and e.label_ == "ORG"}
            candidates = [t for (s, o), t in index.short_names.items() if s == text and (o in focus or o in named)]
            target = candidates[0] if len(candidates) == 1 else None
        if target is not None:
            spans.append(Span(doc, start, end, label=target.label, kb_id=target.id))
    return filter_spans(spans)


def title_spans(doc: Doc, matchers: Matchers) -> list[Span]:
    """Capitalised titles that may precede a name ("President", "Secretary of State")."""
    return filter_spans([Span(doc, s, e) for _, s, e in matchers.titles(doc)])


def _is_name(span: Span) -> bool:
    if len(span) == 1 and (span[0].lower_ in PRONOUNS or span[0].pos_ == "PRON"):
        return False
    return any(t.text[:1].isupper() or t.text[:1].isdigit() for t in span)


def clean_model_entities(doc: Doc, titles: list[Span], index: AliasIndex) -> list[Span]:
    """The model's entities with OntoNotes extents; for the six labels, those that are
    no names are dropped, and a PERSON whose last word is a known surname is linked."""
    title_at = {t.start: t for t in titles}
    inside_title = {i for t in titles for i in range(t.start, t.end)}
    out = []
    table = doc.to_array([LOWER, ORTH])  # the edge tests on string hashes: no Token made
    lower, orth = table[:, 0].tolist(), table[:, 1].tolist()
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            out.append(ent)
            continue
        start, end = ent.start, ent.end
        while start < end and (lower[start] == THE_ID or orth[start] in STRIP_EDGE_IDS):
            start += 1
        while end > start and (orth[end - 1] in POSSESSIVE_IDS or orth[end - 1] in STRIP_EDGE_IDS):
            end -= 1
        while ent.label_ == "PERSON" and start in title_at and title_at[start].end < end:
            start = title_at[start].end
        if start >= end:
            continue
        span = Span(doc, start, end, label=ent.label_, kb_id=ent.kb_id_)
        if not _is_name(span) or all(i in inside_title for i in range(start, end)):
            continue
        if end < len(doc) and orth[end] in PORTFOLIO_HEAD_IDS and ent.label_ != "PERSON":
            continue
        if ent.label_ == "PERSON" and not span.kb_id_:
            target = index.names.get(span[-1].text)
            if target is not None and target.label == "PERSON":
                span = Span(doc, start, end, label="PERSON", kb_id=target.id)
        out.append(span)
    return out


def titled_persons(doc: Doc, titles: list[Span], taken: list[Span], model: list[Span], index: AliasIndex) -> list[Span]:
    """After a title ("President X"), the capitalised words are a PERSON, unless the
    gazetteer says what they are (``taken``) or the title is part of a name."""
    taken_at = {i for s in taken for i in range(s.start, s.end)}
    model_at = {i: s for s in model for i in range(s.start, s.end)}
    title_tokens = {i for t in titles for i in range(t.start, t.end)}
    out = []
    for title in titles:
        if any(i in taken_at or i in model_at for i in range(title.start, title.end)):
            continue
        end = title.end
        while end < len(doc) and doc[end].is_title and end not in title_tokens and end not in taken_at:
            end += 1
        if end == title.end:
            continue
        first = model_at.get(title.end)
        if first is not None and first.end >= end:
            end = first.end
        target = index.names.get(doc[end - 1].text)
        kb_id = target.id if target is not None and target.label == "PERSON" else ""
        out.append(Span(doc, title.end, end, label="PERSON", kb_id=kb_id))
    return out


def _contains_names(outer: Span, inner: list[Span]) -> bool:
    """Whether the model's ``outer`` ORG/FAC is a longer name around gazetteer names
    ("Niger Basin Authority"): capitalised, no possessive or hyphen inside."""
    if outer.label_ not in ("ORG", "FAC") or not inner:
        return False
    words = [t for t in outer if not t.is_punct and t.lower_ not in ("of", "for", "the", "and", "de")]
    if len(words) < 2 or any(t.text in POSSESSIVES or t.text == "-" for t in outer):
        return False
    covered = {i for s in inner for i in range(s.start, s.end)}
    return all(t.text[:1].isupper() for t in words) and any(t.i not in covered for t in words)


def _surname_of(ent: Span, inner: list[Span]) -> str | None:
    """For the model's PERSON ``ent`` around one known person's name: that id when the
    name ends it ("Ahmed Bazoum" -> ``Mohamed_Bazoum``), "" (keep ``ent`` unlinked)
    when it does not ("Mahamadou Ali"), None when ``ent`` is no such PERSON."""
    if ent.label_ != "PERSON" or len(inner) != 1 or inner[0].label_ != "PERSON":
        return None
    if not all(t.is_title for t in ent.doc[ent.start : inner[0].start]):
        return None
    return inner[0].kb_id_ if inner[0].end == ent.end else ""


def merge_entities(gazetteer: list[Span], model: list[Span]) -> list[Span]:
    """Gazetteer spans replace the model entities they overlap; a model ORG/FAC that is a
    longer name around gazetteer names keeps its extent instead."""
    kept_model, dropped = [], set()
    at: dict[int, list[int]] = {}  # token -> the gazetteer spans holding it
    for k, g in enumerate(gazetteer):
        for i in range(g.start, g.end):
            at.setdefault(i, []).append(k)
    for ent in model:
        overlapping = [gazetteer[k] for k in sorted({k for i in range(ent.start, ent.end) for k in at.get(i, ())})]
        inner = [g for g in overlapping if ent.start <= g.start and g.end <= ent.end and len(g) < len(ent)]
        surname = _surname_of(ent, inner)
        if overlapping and len(inner) == len(overlapping) and (surname is not None or _contains_names(ent, inner)):
            dropped.update((g.start, g.end) for g in inner)
            kb_id = ent.kb_id_ if surname is None else surname
            kept_model.append(Span(ent.doc, ent.start, ent.end, label=ent.label_, kb_id=kb_id))
        elif not overlapping:
            kept_model.append(ent)
    names = [g for g in gazetteer if (g.start, g.end) not in dropped]
    return sorted(filter_spans(names + kept_model), key=lambda s: s.start)


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))


def link_surnames(doc: Doc, ents: list[Span]) -> list[Span]:
    """A one-word name that is the last word of a linked PERSON named in full before it
    in the article denotes that person (within-document name coreference), whatever the
    gazetteer or the model made of the word alone (an unlinked ORG is relabelled); a
    capitalised proper noun the model left out becomes that PERSON too. Other entities are returned as they are."""
    by_start = {e.start: e for e in ents}
    table = doc.to_array([POS, IS_TITLE])
    candidate = (table[:, 0] == PROPN) & (table[:, 1] == 1)  # capitalised proper nouns
    for e in ents:
        candidate[e.start : e.end] = False  # covered by an entity
    out: list[Span] = []
    full: dict[str, str] = {}
    for i in sorted(set(by_start) | set(numpy.flatnonzero(candidate).tolist())):
        ent = by_start.get(i)
        if ent is None:
            if full and (key := _fold(doc[i].text)) in full:
                out.append(Span(doc, i, i + 1, label="PERSON", kb_id=full[key]))
            continue
        if len(ent) == 1 and (ent.label_ == "PERSON" or not ent.kb_id_) and full and (key := _fold(ent.text)) in full:
            kb_id = full[key]
            if kb_id != ent.kb_id_ or ent.label_ != "PERSON":
                ent = Span(doc, ent.start, ent.end, label="PERSON", kb_id=kb_id)  # the model's ORG "Maiga"
        elif ent.label_ == "PERSON" and len(ent) > 1 and ent.kb_id_:
            full[_fold(ent[-1].text)] = ent.kb_id_
        out.append(ent)
    return out


def link_publisher(ents: list[Span], publishers: dict[str, tuple[str, ...]]) -> list[Span]:
    """Unlinked organisations whose name is the start of a publisher's name ("U.S.
    Embassy" of "U.S. Embassy Niamey"): a statement names its issuer short, and the body
    it means is the one publishing. ``publishers``: id -> its names."""
    out: list[Span] = []
    for ent in ents:
        if ent.label_ == "ORG" and not ent.kb_id_:
            text = ent.text
            found = [kb for kb, names in publishers.items() if any(n.startswith(text + " ") for n in names)]
            if len(found) == 1:
                ent = Span(ent.doc, ent.start, ent.end, label=ent.label_, kb_id=found[0])
        out.append(ent)
    return out
