"""The gazetteer's linker (pipeline/gazetteer/linker.py) and how later stages find it on the Doc."""

from spacy.tokens import Doc

import pipeline.gazetteer.linker as linker_module
from pipeline.doc import LINKER_KEY, register_linker
from pipeline.gazetteer.linker import Linker


def test_resolver_resolves_each_span_of_a_doc_once(vocab_nlp, monkeypatch):
    """The per-Doc description resolver asks the gazetteer once per span (the argument
    rules ask again for a phrase that is subject of one claim and object of another)."""
    calls = []

    def resolve_span(span, index=None, *, ents=None):
        calls.append((span.start, span.end, ents))
        return "Mali" if span.text == "Mali" else None

    monkeypatch.setattr(linker_module, "resolve_span", resolve_span)
    doc = Doc(vocab_nlp.vocab, words=["Mali", "and", "Niger", "met"], ents=["B-GPE", "O", "B-GPE", "O"])
    resolve = Linker(None).resolver(doc, doc.ents)
    assert [resolve(doc[0:1]), resolve(doc[2:3]), resolve(doc[0:1]), resolve(doc[0:3])] == ["Mali", None, "Mali", None]
    assert [(start, end) for start, end, _ in calls] == [(0, 1), (2, 3), (0, 3)]
    assert all(ents == doc.ents for _, _, ents in calls)


def test_doc_finds_the_linker_its_gazetteer_registered(vocab_nlp):
    doc = Doc(vocab_nlp.vocab, words=["Mali"])
    assert doc._.sahel_linker is None  # no gazetteer ran
    linker = Linker(None)
    register_linker("test:linker", linker)
    doc.user_data[LINKER_KEY] = "test:linker"
    assert doc._.sahel_linker is linker
    assert Doc(vocab_nlp.vocab).from_bytes(doc.to_bytes())._.sahel_linker is linker  # the Doc stores only the key


def test_gazetteer_marks_each_doc_with_its_linker(nlp):
    doc = nlp("The junta in Niger closed the border.")
    assert isinstance(doc._.sahel_linker, Linker)
    assert doc._.sahel_linker.index is nlp.get_pipe("sahel_gazetteer").index


def test_link_publisher_links_an_organisation_named_short_by_its_publisher(vocab_nlp):
    """ "The U.S. Embassy supports ..." in a release of "U.S. Embassy Niamey": the body
    publishing. A name that starts no publisher's name, or starts two, stays unlinked."""
    from pipeline.gazetteer.entities import link_publisher

    words = ["The", "U.S.", "Embassy", "and", "the", "Ministry", "met"]
    doc = Doc(vocab_nlp.vocab, words=words, ents=["O", "B-ORG", "I-ORG", "O", "O", "B-ORG", "O"])
    one = {"Embassy_of_the_United_States,_Niamey": ("U.S. Embassy Niamey", "U.S. Embassy in Niamey")}
    assert [e.kb_id_ for e in link_publisher(list(doc.ents), one)] == ["Embassy_of_the_United_States,_Niamey", ""]
    two = {**one, "Embassy_of_the_United_States,_Bamako": ("U.S. Embassy Bamako",)}
    assert [e.kb_id_ for e in link_publisher(list(doc.ents), two)] == ["", ""]
    assert [e.kb_id_ for e in link_publisher(list(doc.ents), {})] == ["", ""]


def test_publishers_are_the_bodies_a_source_line_names_first(nlp):
    linker = nlp.get_pipe("sahel_gazetteer").linker
    assert linker.publishers("U.S. Embassy Niamey (U.S. Department of State)") == (
        "Embassy_of_the_United_States,_Niamey",
    )
    assert "U.S. Embassy Niamey" in linker.names_of("Embassy_of_the_United_States,_Niamey")
    assert linker.issuers("U.S. Embassy Niamey (U.S. Department of State)") == ("United_States",)
