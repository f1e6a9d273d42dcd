"""Serializations of govkg graphs, each re-parsed and compared before it replaces a file.

Formats: ``ttl`` (Turtle), ``nt`` (sorted N-Triples), ``trig`` and ``jsonld`` (all
named graphs), ``nq`` (sorted N-Quads).

>>> from rdflib import Literal, URIRef
>>> g = {URIRef("urn:g"): {(URIRef("urn:a"), URIRef("urn:b"), Literal("c"))}}
>>> print(to_bytes(g, "nt").decode(), end="")
<urn:a> <urn:b> "c" .
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pyoxigraph
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.plugins.serializers.nt import _quoteLiteral

from govkg.errors import OutputError
from govkg.files import write_atomic
from govkg.namespaces import bind_prefixes

Triple = tuple
Graphs = Mapping[URIRef, set[Triple]]

FORMATS = {
    "ttl": ("turtle", False),
    "nt": ("nt", False),
    "trig": ("trig", True),
    "nq": ("nquads", True),
    "jsonld": ("json-ld", True),
}
"""Format name → (rdflib format, keeps named graphs)."""

OXIGRAPH_FORMATS = {
    "ttl": pyoxigraph.RdfFormat.TURTLE,
    "nt": pyoxigraph.RdfFormat.N_TRIPLES,
    "trig": pyoxigraph.RdfFormat.TRIG,
    "nq": pyoxigraph.RdfFormat.N_QUADS,
}


def _dataset(graphs: Graphs) -> Dataset:
    dataset = Dataset()
    bind_prefixes(dataset)
    for name in sorted(graphs):
        graph = dataset.graph(name)
        for triple in graphs[name]:
            graph.add(triple)
    return dataset


def _graph(graphs: Graphs) -> Graph:
    graph = Graph()
    bind_prefixes(graph)
    for triples in graphs.values():
        for triple in triples:
            graph.add(triple)
    return graph


def to_bytes(graphs: Graphs, fmt: str) -> bytes:
    """Serialize ``graphs`` (graph name → triples); single-graph formats get their union."""
    if fmt not in FORMATS:
        raise OutputError(f"unknown format {fmt!r}", fix=f"use one of {', '.join(FORMATS)}")
    rdflib_format, quads = FORMATS[fmt]
    if fmt in ("nt", "nq"):
        return _sorted_lines(graphs, quads)
    target = _dataset(graphs) if quads else _graph(graphs)
    return target.serialize(format=rdflib_format, encoding="utf-8")


def _sorted_lines(graphs: Graphs, quads: bool) -> bytes:
    lines: set[str] = set()
    for name, triples in graphs.items():
        suffix = f" {name.n3()} .\n" if quads else " .\n"
        for s, p, o in triples:
            lines.add(f"{s.n3()} {p.n3()} {_nt_term(o)}{suffix}")
    return "".join(sorted(lines)).encode("utf-8")


def _nt_term(term) -> str:
    return _quoteLiteral(term) if isinstance(term, Literal) else term.n3()


def expected_quads(graphs: Graphs, fmt: str) -> set[tuple]:
    """What a file of ``fmt`` must hold when re-read: quads, or triples for single-graph formats."""
    _, quads = FORMATS[fmt]
    if quads:
        return {(*t, name) for name, triples in graphs.items() for t in triples}
    return {t for triples in graphs.values() for t in triples}


def read_back(path: Path, fmt: str) -> set[tuple]:
    """Re-parse a written file with rdflib; quads carry their graph name."""
    rdflib_format, quads = FORMATS[fmt]
    if quads:
        dataset = Dataset()
        dataset.parse(path, format=rdflib_format)
        return {
            (s, p, o, g)
            for s, p, o, g in dataset.quads((None, None, None, None))
            if g is not None and g != dataset.default_graph.identifier
        }
    return set(Graph().parse(path, format=rdflib_format))


def check_with_oxigraph(path: Path, fmt: str, expected: int) -> None:
    """An independent parser must read the file and find the same number of statements."""
    if fmt not in OXIGRAPH_FORMATS:
        return
    try:
        count = sum(1 for _ in pyoxigraph.parse(path=str(path), format=OXIGRAPH_FORMATS[fmt]))
    except (SyntaxError, ValueError, OSError) as err:
        raise OutputError(f"{path.name}: Oxigraph cannot read the output: {err}") from err
    if count != expected:
        raise OutputError(f"{path.name}: Oxigraph read {count} statements, expected {expected}")


def write_graphs(graphs: Graphs, target: Path, fmt: str) -> None:
    """Serialize, re-parse (rdflib and Oxigraph), compare, then atomically replace ``target``.

    :raises OutputError: when the re-read file does not hold exactly the graphs' statements.
    """
    expected = expected_quads(graphs, fmt)

    def check(tmp: Path) -> None:
        found = read_back(tmp, fmt)
        if found != expected:
            missing, extra = len(expected - found), len(found - expected)
            raise OutputError(f"{target.name}: re-read differs ({missing} missing, {extra} extra)")
        check_with_oxigraph(tmp, fmt, len(expected))

    write_atomic(target, to_bytes(graphs, fmt), check)
