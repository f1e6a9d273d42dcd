"""Every export format carries awkward text through a write and a re-read unchanged."""

from __future__ import annotations

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import XSD

from govkg.errors import OutputError
from govkg.serialize import FORMATS, write_graphs
from govkg.terms import to_oxigraph

RDFLIB_FORMATS = {"ttl": "turtle", "nt": "nt", "trig": "trig", "nq": "nquads", "jsonld": "json-ld"}

S = URIRef("https://w3id.org/govkg/id/org/test")
P = URIRef("https://w3id.org/govkg/ontology#scopeText")
CORPUS = [
    Literal('a "quoted" word and a \\ backslash'),
    Literal("line one\nline two\r\nthree\ttabbed"),
    Literal("emoji 🤝🇮🇩 and a ZWJ family 👩‍👩‍👧", lang="en"),
    Literal("مذكرة تفاهم", lang="ar"),
    Literal("מזכר הבנות", lang="he"),
    Literal("Nota Kesepahaman", lang="id"),
    Literal("合作备忘录", lang="zh-Hant"),
    Literal("English (US)", lang="en-US"),
    Literal(""),
    Literal('\'single\' and """triple""" quotes'),
    Literal("2019-02-01", datatype=XSD.date),
    Literal("36.04"),
    Literal("<script>alert(1)</script> & </b>"),
]
GRAPHS = {
    URIRef("https://w3id.org/govkg/graph/source/a"): {(S, P, o) for o in CORPUS[:7]},
    URIRef("https://w3id.org/govkg/graph/source/b"): {(S, P, o) for o in CORPUS[6:]}
    | {(URIRef("https://example.org/ñandú/ü"), P, Literal("unicode IRI"))},
}

OX_GRAPHS = {
    to_oxigraph(g): {tuple(map(to_oxigraph, t)) for t in triples} for g, triples in GRAPHS.items()
}
"""GRAPHS in the package's term model (what the writers take); GRAPHS stays the oracle."""


def read_with_rdflib(path, fmt):
    """An independent parser's view of the file: quads with graph names, or triples."""
    if FORMATS[fmt][1]:
        dataset = Dataset()
        dataset.parse(path, format=RDFLIB_FORMATS[fmt])
        default = dataset.default_graph.identifier
        return {(s, p, o, g) for s, p, o, g in dataset.quads() if g != default}
    return set(Graph().parse(path, format=RDFLIB_FORMATS[fmt]))


def expected(fmt):
    if FORMATS[fmt][1]:
        return {(*t, g) for g, triples in GRAPHS.items() for t in triples}
    return {t for triples in GRAPHS.values() for t in triples}


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_round_trip(fmt, tmp_path):
    target = tmp_path / f"corpus.{fmt}"
    count = write_graphs(OX_GRAPHS, target, fmt)
    assert count == len(expected(fmt))
    assert read_with_rdflib(target, fmt) == expected(fmt)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_same_graphs_same_bytes(fmt, tmp_path):
    write_graphs(OX_GRAPHS, tmp_path / "a", fmt)
    shuffled = {g: set(t) for g, t in reversed(list(OX_GRAPHS.items()))}
    write_graphs(shuffled, tmp_path / "b", fmt)
    assert (tmp_path / "a").read_bytes() == (tmp_path / "b").read_bytes()


def test_failed_check_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "keep.ttl"
    target.write_bytes(b"# previous export\n")
    monkeypatch.setattr("govkg.serialize.read_back", lambda path, fmt: [])
    with pytest.raises(OutputError, match="re-read differs"):
        write_graphs(OX_GRAPHS, target, "ttl")
    assert target.read_bytes() == b"# previous export\n"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.ttl"]
