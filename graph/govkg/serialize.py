"""Serializations of govkg graphs, written by Oxigraph, each re-parsed and compared before it
replaces a file.

Formats: ``ttl`` (Turtle) and ``nt`` (canonical N-Triples) hold the union of the given
graphs; ``trig``, ``nq`` (N-Quads) and ``jsonld`` keep the named graphs. Statements are
written in sorted order, so the same graphs always give the same bytes.

>>> from rdflib import Literal, URIRef
>>> g = {URIRef("urn:g"): {(URIRef("urn:a"), URIRef("urn:b"), Literal("c"))}}
>>> print(to_bytes(g, "nt").decode(), end="")
<urn:a> <urn:b> "c" .
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.plugins.serializers.nt import _quoteLiteral

from govkg.errors import OutputError
from govkg.files import write_atomic
from govkg.namespaces import PREFIXES

Triple = tuple
Graphs = Mapping[URIRef, set[Triple]]

FORMATS = {
    "ttl": (ox.RdfFormat.TURTLE, False),
    "nt": (ox.RdfFormat.N_TRIPLES, False),
    "trig": (ox.RdfFormat.TRIG, True),
    "nq": (ox.RdfFormat.N_QUADS, True),
    "jsonld": (ox.RdfFormat.JSON_LD, True),
}
"""Format name → (Oxigraph format, keeps named graphs)."""

_PREFIXES = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}


def _term(term) -> str:
    return _quoteLiteral(term) if isinstance(term, Literal) else term.n3()


def nquads(graphs: Graphs) -> bytes:
    """The graphs as N-Quads text (one pass of string building; fast)."""
    lines = []
    for name, triples in graphs.items():
        graph = f" <{name}> .\n"
        lines.extend(f"{s.n3()} {p.n3()} {_term(o)}{graph}" for s, p, o in triples)
    return "".join(lines).encode("utf-8")


def to_oxigraph(graphs: Graphs) -> list[ox.Quad]:
    """rdflib graphs as Oxigraph quads (through N-Quads text: one fast parse)."""
    return list(ox.parse(nquads(graphs), format=ox.RdfFormat.N_QUADS))


def statements(quads: list[ox.Quad], keep_graphs: bool) -> list:
    """Quads (or their distinct triples), sorted by graph and N-Triples text."""
    if keep_graphs:
        return sorted(quads, key=lambda q: (q.graph_name.value, str(q.triple)))
    return sorted({q.triple for q in quads}, key=str)


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise OutputError(f"unknown format {fmt!r}", fix=f"use one of {', '.join(FORMATS)}")


def to_bytes(graphs: Graphs, fmt: str) -> bytes:
    """Serialize ``graphs`` (graph name → triples); single-graph formats get their union."""
    _check_format(fmt)
    ox_format, keep_graphs = FORMATS[fmt]
    return serialize_items(statements(to_oxigraph(graphs), keep_graphs), ox_format)


def serialize_items(items: list, ox_format) -> bytes:
    prefixes = _PREFIXES if ox_format in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else None
    return ox.serialize(items, format=ox_format, prefixes=prefixes)


def read_back(path: Path, fmt: str) -> list[str]:
    """Re-parse a written file with Oxigraph; its statements as sorted N-Triples/N-Quads text."""
    ox_format, quads = FORMATS[fmt]
    try:
        parsed = ox.parse(path=str(path), format=ox_format)
        found = [str(q) if quads else str(q.triple) for q in parsed]
    except (SyntaxError, ValueError, OSError) as err:
        raise OutputError(f"{path.name}: the written file does not parse: {err}") from err
    return sorted(set(found)) if not quads else sorted(found)


def write_graphs(graphs: Graphs, target: Path, fmt: str) -> int:
    """Serialize rdflib graphs, re-parse, compare, then atomically replace ``target``.

    Returns the number of statements written.

    :raises OutputError: when the re-read file does not hold exactly the graphs' statements.
    """
    return write_quads(to_oxigraph(graphs), target, fmt)


def write_quads(quads: list[ox.Quad], target: Path, fmt: str) -> int:
    """Serialize Oxigraph quads, re-parse, compare, then atomically replace ``target``.

    :raises OutputError: when the re-read file does not hold exactly the statements.
    """
    _check_format(fmt)
    ox_format, keep_graphs = FORMATS[fmt]
    items = statements(quads, keep_graphs)
    expected = sorted(str(item) for item in items)

    def check(tmp: Path) -> None:
        found = read_back(tmp, fmt)
        if found != expected:
            missing = len(set(expected) - set(found))
            extra = len(set(found) - set(expected))
            raise OutputError(f"{target.name}: re-read differs ({missing} missing, {extra} extra)")

    write_atomic(target, serialize_items(items, ox_format), check)
    return len(items)
