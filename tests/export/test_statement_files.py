"""The build's fast writers: statement texts → chunked files → store and documents, unchanged."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph

import govkg.serialize as serialize
from govkg.engines import load_with_union, write_store
from govkg.errors import OutputError
from govkg.serialize import sorted_lines, write_document, write_statement_files

from .test_export_roundtrip import GRAPHS, OX_GRAPHS, RDFLIB_FORMATS


@pytest.fixture
def lines():
    return {name: sorted_lines(triples) for name, triples in OX_GRAPHS.items()}


def union_of(graphs):
    return set().union(*graphs.values())


def test_statement_files_in_chunks_hold_every_statement(lines, tmp_path, monkeypatch):
    monkeypatch.setattr(serialize, "CHUNK_LINES", 3)
    files = write_statement_files(lines, tmp_path)
    assert len(files.named) == 5 and len(files.union) == 5  # 15 quads, 14 distinct triples
    dataset = Dataset()
    for path in files.named:
        dataset.parse(path, format="nquads")
    default = dataset.default_graph.identifier
    found = {(s, p, o, g) for s, p, o, g in dataset.quads() if g != default}
    assert found == {(*t, name) for name, triples in GRAPHS.items() for t in triples}
    union = Graph()
    for path in files.union:
        union.parse(path, format="nt")
    assert set(union) == union_of(GRAPHS)


def test_store_holds_named_graphs_and_their_union_once(lines, tmp_path, monkeypatch):
    monkeypatch.setattr(serialize, "CHUNK_LINES", 4)
    write_store(write_statement_files(lines, tmp_path), tmp_path / "store")
    store = ox.Store.read_only(str(tmp_path / "store"))
    default = list(store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    assert len(default) == len(union_of(GRAPHS))
    named = {str(g.value) for g in store.named_graphs()}
    assert named == {str(g) for g in GRAPHS}
    memory = ox.Store()
    load_with_union(memory, lines)
    assert sorted(map(str, memory)) == sorted(map(str, store))


@pytest.mark.parametrize("fmt", ["ttl", "trig"])
def test_documents_keep_every_statement(lines, tmp_path, fmt):
    files = write_statement_files(lines, tmp_path)
    sources, count = (
        (files.named, sum(len(t) for t in GRAPHS.values()))
        if fmt == "trig"
        else (files.union, len(union_of(GRAPHS)))
    )
    target = tmp_path / f"out.{fmt}"
    assert write_document(sources, count, target, fmt) == count
    if fmt == "trig":
        dataset = Dataset().parse(target, format=RDFLIB_FORMATS[fmt])
        default = dataset.default_graph.identifier
        assert {q for q in dataset.quads() if q[3] != default} == {
            (*t, name) for name, triples in GRAPHS.items() for t in triples
        }
    else:
        assert set(Graph().parse(target, format="turtle")) == union_of(GRAPHS)


def test_a_short_document_is_refused_and_the_old_file_kept(lines, tmp_path, monkeypatch):
    files = write_statement_files(lines, tmp_path)
    target = tmp_path / "keep.ttl"
    target.write_bytes(b"# previous build\n")
    monkeypatch.setattr(serialize, "count_statements", lambda path, fmt: 1)
    with pytest.raises(OutputError, match="re-read differs"):
        write_document(files.union, len(union_of(GRAPHS)), target, "ttl")
    assert target.read_bytes() == b"# previous build\n"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".keep.ttl")]


def test_published_files_validate_with_pyshacl_alone(seed_out):
    """govkg.ttl + govkg-inferred.ttl carry the field and role concepts they use (issue 19)."""
    import pyshacl
    from rdflib import Graph

    from govkg.resources import ontology_dir

    data = Graph()
    for name in ("govkg.ttl", "govkg-inferred.ttl"):
        data.parse(seed_out / name)
    shapes = Graph().parse(ontology_dir() / "shapes.ttl")
    conforms, _, text = pyshacl.validate(data, shacl_graph=shapes, allow_warnings=True)
    assert conforms, text
