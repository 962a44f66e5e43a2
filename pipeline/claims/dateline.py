"""Wire datelines: "GENEVA (AP) -", "OUAGADOUGOU, Oct 3 (Reuters) -", "UNITED NATIONS -".

A dateline opens a dispatch: an upper-case place, then a comma, a date, the agency in
parentheses or more upper-case words, and a dash. It names where the dispatch was filed,
not an actor, and its date dates the dispatch, not an event. The small model often makes
its place the subject of the first clause and the real subject an apposition of it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .vocab import DASHES

MAX_TOKENS = 12  # the dash comes within a sentence's first tokens


def dateline_dash(sent: Span) -> Token | None:
    """The dash that closes a wire dateline opening ``sent``, or None: the sentence starts
    with an upper-case word followed by a comma, a parenthesis or another upper-case word
    ("NATO on Monday - ..." is no dateline), and a dash follows within MAX_TOKENS."""
    if len(sent) < 3 or not sent[0].is_upper or not sent[0].is_alpha:
        return None
    if not (sent[1].text in (",", "(") or sent[1].is_upper):
        return None
    for token in sent[1 : min(len(sent), MAX_TOKENS)]:
        if token.text in DASHES:
            return token
    return None


def in_dateline(token: Token) -> bool:
    """``token`` lies in the dateline of its sentence (before its closing dash)."""
    dash = dateline_dash(token.sent)
    return dash is not None and token.i < dash.i


def dateline_place(sent: Span) -> Span | None:
    """The place of the dateline opening ``sent`` ("BAMAKO" of "BAMAKO, Mali (Reuters) -",
    "UNITED NATIONS" of "UNITED NATIONS -"), or None: the upper-case words before the
    first comma, parenthesis or the dash."""
    dash = dateline_dash(sent)
    if dash is None:
        return None
    end = sent.start
    while end < dash.i and sent.doc[end].text not in (",", "(") and sent.doc[end].is_upper:
        end += 1
    return sent.doc[sent.start : end] if end > sent.start else None


def datelines(doc: Doc) -> list[Span]:
    """The place of every wire dateline of ``doc``, in text order."""
    out = []
    for sent in doc.sents:
        place = dateline_place(sent)
        if place is not None:
            out.append(place)
    return out
