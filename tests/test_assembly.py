"""assembly.evidence_of on hand-built Docs."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from pipeline.claims.assembly import evidence_of


@pytest.mark.parametrize(
    "words,spaces",
    [
        (["Troops", "left", ".", "\n\n", "Talks", "resumed", "."], [True, False, False, False, True, False, False]),
        (["Troops", "left", ".", "Talks", "resumed", ".", "\n"], [True, False, True, True, False, True, False]),
        (["Troops", "left", "\n", "\n", "Talks", "resumed", "."], [True, True, False, False, True, True, False]),
    ],
)
def test_evidence_is_the_sentence_without_trailing_whitespace(vocab_nlp, words, spaces):
    # both sentences hang from their verb; line breaks hang from the verb before them
    heads = [1, 1, 1, 1, 5, 5, 5] if words[3] != "Talks" else [1, 1, 1, 4, 4, 4, 4]
    deps = ["nsubj", "ROOT", "punct", "dep", "nsubj", "ROOT", "punct"]
    if words[3] == "Talks":
        deps = ["nsubj", "ROOT", "punct", "nsubj", "ROOT", "punct", "dep"]
    doc = Doc(vocab_nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps)
    for token in doc:
        sent = token.sent
        start, end = evidence_of(token)
        assert (start, end) == (sent.start_char, sent.start_char + len(sent.text.rstrip()))
        assert doc.text[start:end] == sent.text.rstrip() and not doc.text[end - 1].isspace()


def test_no_claim_of_an_actor_on_itself(vocab_nlp):
    """Two mentions linked to one id ("Goita pushed out Mali's interim president", the
    description read as Goita) make no claim; distinct ids do."""
    from pipeline.claims.assembly import Attributes, build_claims
    from pipeline.claims.coref import Arg

    doc = Doc(vocab_nlp.vocab, words=["Goita", "ousted", "the", "president", "."], heads=[1, 1, 3, 1, 1],
              deps=["nsubj", "ROOT", "det", "dobj", "punct"])  # fmt: skip
    attrs = Attributes(negated=False, modality="asserted", sources=(), quantity=None, date=None)
    goita = Arg("Goita", 0, 5, "Assimi_Goïta")

    def claims(obj: Arg) -> list:
        return build_claims(article_key="a", trigger=doc[1], predicate="expel", subjects=[goita], objects=[obj],
                            attrs=attrs, sources=[], rule="svo-active", cameo=None)  # fmt: skip

    assert claims(Arg("the president", 13, 26, "Assimi_Goïta")) == []
    assert [c.object.id for c in claims(Arg("the president", 13, 26, "Bah_Ndaw"))] == ["Bah_Ndaw"]
