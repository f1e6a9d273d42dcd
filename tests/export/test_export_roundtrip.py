"""Every export format carries awkward text through a write and a re-read unchanged."""

from __future__ import annotations

import pyoxigraph
import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from govkg.errors import OutputError
from govkg.serialize import FORMATS, OXIGRAPH_FORMATS, expected_quads, read_back, write_graphs

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


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_round_trip(fmt, tmp_path):
    target = tmp_path / f"corpus.{fmt}"
    write_graphs(GRAPHS, target, fmt)
    assert read_back(target, fmt) == expected_quads(GRAPHS, fmt)
    if fmt in OXIGRAPH_FORMATS:
        quads = list(pyoxigraph.parse(path=str(target), format=OXIGRAPH_FORMATS[fmt]))
        assert len(quads) == len(expected_quads(GRAPHS, fmt))
        values = {q.object.value for q in quads}
        assert "emoji 🤝🇮🇩 and a ZWJ family 👩‍👩‍👧" in values and "מזכר הבנות" in values


def test_failed_check_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "keep.ttl"
    target.write_bytes(b"# previous export\n")
    monkeypatch.setattr("govkg.serialize.read_back", lambda path, fmt: set())
    with pytest.raises(OutputError, match="re-read differs"):
        write_graphs(GRAPHS, target, "ttl")
    assert target.read_bytes() == b"# previous export\n"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.ttl"]
