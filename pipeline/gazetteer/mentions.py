"""Descriptions and roles that denote a known actor in context (SPEC section 2).

"the junta", "these coup leaders" -> the junta of the country the article is about, in
the date range the gazetteer gives; "the Nigerian president", "Nigeria's president",
"the chairman of ECOWAS" -> who held that role on the article's ``published`` date.
These are claim arguments, not entities: the component writes them to
``doc.spans["sahel_mentions"]``; :func:`resolve_span` links any noun phrase the same way.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence

from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..doc import FOCUS_KEY, MENTIONS_KEY, ROLE_LABEL
from ..models import ENTITY_LABELS
from .entities import article_focus, owner_before
from .kb import AliasIndex, Matchers, match_key
from .vocab import (
    DETERMINERS,
    GENERIC_OWNERS,
    MODIFIER_DEPS,
    PAST_MODIFIERS,
    RECENT_ROLE_DAYS,
    ROLE_MODIFIERS,
    TITLE_FALLBACKS,
    TITLE_SYNONYMS,
)

LOCAL_WEIGHT = 10_000
# a role's holder is a person: "he" may refer back to "Guinea's special forces commander"


def _covers(start: dt.date | None, end: dt.date | None, day: dt.date | None) -> bool:
    if start is None and end is None:
        return True
    if day is None:
        return False
    return (start is None or start <= day) and (end is None or day <= end)


def describe(
    phrase: str,
    index: AliasIndex,
    published: dt.date | None,
    focus: Counter,
    local: Iterable[str] = (),
    owner: str | None = None,
) -> str | None:
    """The id a description ``phrase`` (lower case) denotes in an article published on
    ``published`` and about ``focus`` (or naming one of ``local`` in the phrase itself,
    "Niger's junta"); the best-focused one when several fit, else None. A phrase owned
    by another actor ("ECOWAS military leaders", ``owner``) denotes none of them."""
    fits = [
        r
        for r in index.descriptions.get(phrase, ())
        if _covers(r.start, r.end, published) and (owner is None or owner in r.about or owner == r.id)
    ]
    if not fits:
        return None
    near = Counter({k: LOCAL_WEIGHT for k in local})
    scored = sorted(((max(near.get(a, 0) + focus.get(a, 0) for a in r.about), r.id) for r in fits), reverse=True)
    scored = [s for s in scored if s[0] > 0]
    if not scored or (len(scored) > 1 and scored[0][0] == scored[1][0] and scored[0][1] != scored[1][1]):
        return None
    return scored[0][1]


def role_holder(
    title: str, owner: str, index: AliasIndex, published: dt.date | None, *, past: bool = False
) -> str | None:
    """Who held ``title`` of ``owner`` on ``published`` (one person, else None), or, when no
    one held it then, who held it until at most ``RECENT_ROLE_DAYS`` before; with
    ``past``, who held it last before then ("the ousted president")."""
    title = TITLE_SYNONYMS.get(title, title)
    if published is None:
        return None
    for candidate in (title, *TITLE_FALLBACKS.get(title, ())):
        held = index.roles.get((candidate, owner), ())
        if past:
            ended = sorted((h.end, h.id) for h in held if h.end is not None and h.end <= published)
            ids = {ended[-1][1]} if ended else set()
        else:
            ids = {h.id for h in held if _covers(h.start, h.end, published)}
            if not ids:
                recent = published - dt.timedelta(days=RECENT_ROLE_DAYS)
                ids = {h.id for h in held if h.end is not None and recent <= h.end <= published}
        if ids:
            return ids.pop() if len(ids) == 1 else None
    return None


def sole_owner(title: str, index: AliasIndex, published: dt.date | None) -> str | None:
    """The one organisation or state whose ``title`` someone held on ``published``, when
    only one has such an office ("secretary-general": the UN's); None when several do
    ("president") or none."""
    title = TITLE_SYNONYMS.get(title, title)
    if published is None:
        return None
    owners = {
        of
        for (t, of), held in index.roles.items()
        if t == title and any(_covers(h.start, h.end, published) for h in held)
    }
    return owners.pop() if len(owners) == 1 else None


def _generic_owner(doc: Doc, end: int) -> bool:
    """A role title followed by "of the Republic", "of the country"."""
    return (
        end + 2 < len(doc)
        and doc[end].lower_ == "of"
        and doc[end + 1].lower_ == "the"
        and doc[end + 2].lower_ in GENERIC_OWNERS
    )


def _person_after(doc: Doc, end: int) -> bool:
    return end < len(doc) and (doc[end].ent_type_ == "PERSON" or (doc[end].is_title and doc[end].pos_ == "PROPN"))


def _is_determiner(token: Token) -> bool:
    return token.lower_ in DETERMINERS and (token.pos_ in ("DET", "PRON") or not token.doc.has_annotation("TAG"))


def _is_modifier(token: Token) -> bool:
    return token.doc.has_annotation("DEP") and token.dep_ in MODIFIER_DEPS


def description_mentions(doc: Doc, matchers: Matchers, index: AliasIndex, focus: Counter) -> list[Span]:
    """Descriptions that denote a known actor here ("the junta", "these coup leaders"),
    with a leading determiner; not a title before a name ("coup leader Chiyani")."""
    spans = []
    ents = doc.ents  # spaCy rebuilds the entity spans on every read
    for match_id, start, end in matchers.descriptions(doc):
        phrase = match_key(doc, match_id)
        if _is_modifier(doc[end - 1]) or (_person_after(doc, end) and doc[end - 1].pos_ != "VERB"):
            continue  # "coup leader Chiyani" is a title; "officers who ousted President X" is not
        local = [e.kb_id_ for e in ents if e.kb_id_ and start <= e.start and e.end <= end]
        owner = owner_before(doc, start, ents)
        kb_id = describe(phrase, index, doc._.published, focus, [*local, *filter(None, [owner])], owner)
        if kb_id is None:
            continue
        if start > 0 and doc[start].lower_ not in DETERMINERS and _is_determiner(doc[start - 1]):
            start -= 1
        spans.append(Span(doc, start, end, label="MENTION", kb_id=kb_id))
    return filter_spans(spans)


def role_mentions(doc: Doc, matchers: Matchers, index: AliasIndex, focus: Counter | None = None) -> list[Span]:
    """Role descriptions resolved by date: "the Nigerian president", "Nigeria's
    president", "the chairman of ECOWAS" -> who held the role when the article appeared;
    "the ousted president" -> the last president of the one country the article is about."""
    spans = []
    ents = list(doc.ents)
    for match_id, start, end in matchers.roles(doc):
        title = match_key(doc, match_id)
        if _person_after(doc, end) or _is_modifier(doc[end - 1]):
            continue
        first, last, owner = start, end, None
        while first > 0 and doc[first - 1].lower_ in ROLE_MODIFIERS | PAST_MODIFIERS:
            first -= 1
        past = any(t.lower_ in PAST_MODIFIERS for t in doc[first:start])
        owner = owner_before(doc, first, ents)
        if owner is not None:
            first = next(e.start for e in ents if e.kb_id_ == owner and e.end in (first, first - 1))
        elif end + 1 < len(doc) and doc[end].lower_ == "of":
            after = next((e for e in ents if e.kb_id_ and e.start in (end + 1, end + 2)), None)
            if after is not None and (after.start == end + 1 or doc[end + 1].lower_ == "the"):
                owner, last = after.kb_id_, after.end
        if owner is None and past and focus and len(focus) == 1:
            owner = next(iter(focus))
        if owner is None and focus and _generic_owner(doc, end):
            # "the President of the Republic": of the country the article is about
            (top, n), *rest = focus.most_common(2)
            if not rest or rest[0][1] < n:
                owner, last = top, end + 3
        if owner is None and not past and _is_determiner(doc[first - 1] if first > 0 else doc[start]):
            # "the Secretary-General": a title that only one office in the gazetteer has
            owner = sole_owner(title, index, doc._.published)
        if owner is None or _person_after(doc, last):
            continue
        holder = role_holder(title, owner, index, doc._.published, past=past)
        if holder is None:
            continue
        while first > 0 and (
            doc[first - 1].lower_ in ROLE_MODIFIERS | PAST_MODIFIERS or _is_determiner(doc[first - 1])
        ):
            first -= 1
        spans.append(Span(doc, first, last, label=ROLE_LABEL, kb_id=holder))
    return filter_spans(spans)


def focus_of(doc: Doc, ents: Iterable[Span] | None = None) -> Counter:
    """The focus stored by the gazetteer component, or computed from ``doc.ents`` (or
    ``ents``, the same entities read once)."""
    focus = doc.user_data.get(FOCUS_KEY)
    return Counter(focus) if focus is not None else article_focus(doc, ents)


def resolve_span(
    span: Span,
    index: AliasIndex | None = None,
    *,
    mentions_key: str = MENTIONS_KEY,
    ents: Sequence[Span] | None = None,
) -> str | None:
    """The id of the actor the noun phrase ``span`` denotes, or None. In order: the
    linked entity that holds the phrase's head ("President Bazoum", "the U.S."); a
    mention of ``doc.spans[mentions_key]`` there; with ``index``, a description ending
    at the head ("Niger's military coup leaders") or a role title with its owner
    ("Nigeria's president", "the chairman of ECOWAS"), in the article's context.
    ``ents``: ``doc.ents`` read once by a caller resolving many spans of one Doc (spaCy
    rebuilds the entity spans on every read)."""
    doc = span.doc
    if ents is None:
        ents = doc.ents
    head = span.root if doc.has_annotation("DEP") else span[-1]
    for ent in ents:
        if ent.start <= head.i < ent.end and ent.kb_id_ and ent.label_ in ENTITY_LABELS:
            return ent.kb_id_
    for mention in doc.spans[mentions_key] if mentions_key in doc.spans else ():
        if mention.start <= head.i < mention.end and mention.kb_id_:
            return mention.kb_id_
    if index is None:
        return None
    local: list[str] = []
    owners: list[Span] = []  # the only entities owner_before can return for a start in span.start..head.i
    for e in ents:
        start, end = e.start, e.end
        if span.start <= start and end <= span.end and e.kb_id_:
            local.append(e.kb_id_)
        if span.start - 2 <= end <= head.i and e.kb_id_:
            owners.append(e)
    # doc[i : head.i + 1].text for each i, without a Span and its tokens per i
    words = [t.text_with_ws for t in doc[span.start : head.i]]
    texts = ["".join(words[k:]) + head.text for k in range(len(words) + 1)]
    focus: Counter | None = None
    for i in range(span.start, head.i + 1):
        phrase = texts[i - span.start].lower()
        if phrase not in index.descriptions:
            continue  # describe() finds nothing for it
        if focus is None:
            focus = focus_of(doc, ents)
        owner = owner_before(doc, i, owners) if owners else None
        kb_id = describe(phrase, index, doc._.published, focus, local, owner)
        if kb_id is not None:
            return kb_id
    for i in range(span.start, head.i + 1):
        title = texts[i - span.start].lower()
        title = TITLE_SYNONYMS.get(title, title)
        owner = owner_before(doc, i, owners) if owners else None
        if owner is None and head.i + 2 < span.end and doc[head.i + 1].lower_ == "of":
            owner = next((e.kb_id_ for e in ents if e.kb_id_ and head.i + 2 <= e.start < span.end), None)
        if owner is not None and any((t, owner) in index.roles for t in (title, *TITLE_FALLBACKS.get(title, ()))):
            return role_holder(title, owner, index, doc._.published)
    return None
