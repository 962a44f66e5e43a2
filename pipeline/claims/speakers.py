"""Who speaks: first-person pronouns and the bodies behind members and delegations.

SPEC section 4 (revision 2), first person: "we", "our", "us", "I" denote who speaks. In a
statement, a press release or remarks that is the issuer, named by the article's
``source`` (``doc._.source``): the state a government body acts for ("we" in a U.S.
Department of State statement is ``United_States``), or the body itself for an
international organisation. In a quotation it is the quoted speaker, or the body the
speaker speaks for ("State Department spokesperson X said, 'We urge ...'").

Pure functions over tokens and character offsets; the issuers come from the gazetteer's
linker (``doc._.sahel_linker``, :mod:`pipeline.doc`).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .vocab import (
    CLOSING_QUOTES,
    FIRST_PERSON,
    OPENING_QUOTES,
    POSTING_PREPS,
    SPEAKER_LABELS,
    STRAIGHT_QUOTES,
    TITLE_STOPS,
)


def is_first_person(token: Token) -> bool:
    """ "we", "our", "I" as a pronoun (not "US" the country, not the Roman numeral)."""
    if token.lower_ not in FIRST_PERSON or token.tag_ not in ("PRP", "PRP$"):
        return False
    return token.text != "US"


def in_quotation(text: str, offset: int) -> bool:
    """Whether ``offset`` lies inside a quotation of its paragraph (:func:`quotation_start`)."""
    return quotation_start(text, offset) is not None


def quotation_start(text: str, offset: int) -> int | None:
    """The offset of the opening quote of the quotation ``offset`` lies in, or None outside
    one. A quotation is what follows an opening quote that no closing quote has matched
    (curly quotes), or an odd number of straight quotes, within the paragraph: a quotation
    that runs over a paragraph break reopens with a quote."""
    start = text.rfind("\n\n", 0, offset)
    start = 0 if start < 0 else start + 2
    opened: int | None = None
    straight, last_straight = 0, -1
    for i, ch in enumerate(text[start:offset], start):
        if ch in OPENING_QUOTES:
            opened = i
        elif ch in CLOSING_QUOTES:
            opened = None
        elif ch in STRAIGHT_QUOTES:
            straight, last_straight = straight + 1, i
    if opened is not None:
        return opened
    return last_straight if straight % 2 == 1 else None


def speaker_ids(span: Span, state_of) -> list[str]:
    """The ids a quoted speaker stands for: the state or organisation their phrase names
    ("State Department spokesperson Morgan Ortagus" -> the state the department acts
    for), else the speaker's own id, else nothing."""
    doc: Doc = span.doc
    start = min(span.root.left_edge.i, _title_start(span))
    phrase = doc[start : span.root.right_edge.i + 1]
    bodies = [e for e in phrase.ents if e.kb_id_ and e.label_ in SPEAKER_LABELS and not _posting(e)]
    if bodies:
        return list(dict.fromkeys(state_of(e.kb_id_) for e in bodies))
    people = [e for e in phrase.ents if e.kb_id_ and e.label_ == "PERSON"]
    return [people[0].kb_id_] if people else []


def _title_start(span: Span) -> int:
    """Where the speaker's title starts when the parser hung it elsewhere ("..., U.S.
    Ambassador to the UN Linda Thomas-Greenfield said"): back to the comma, colon or
    verb before the name, within its sentence."""
    doc = span.doc
    i = span.start - 1
    while i >= span.sent.start and doc[i].text not in TITLE_STOPS and doc[i].pos_ not in ("VERB", "AUX"):
        i -= 1
    return i + 1


def _posting(ent: Span) -> bool:
    """ "Ambassador to the UN", "envoy at the AU": where the speaker is posted, not whom
    they speak for."""
    return ent.root.dep_ == "pobj" and ent.root.head.lower_ in POSTING_PREPS
