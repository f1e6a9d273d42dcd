"""Oxigraph results as response bodies, within a row limit and a byte limit.

SELECT rows are written one by one (SPARQL 1.1 JSON, XML, CSV, TSV, by
:mod:`govkg.results`) so that the writer stops at the first row that would pass either
limit; graphs are cut to the row limit and serialized by Oxigraph. :class:`Encoded` says
whether, and why, a body was cut.

>>> import pyoxigraph as ox
>>> store = ox.Store()
>>> store.add(ox.Quad(ox.NamedNode("urn:a"), ox.NamedNode("urn:p"), ox.Literal("x", language="id")))
>>> done = encode_solutions(store.query("SELECT ?o { ?s ?p ?o }"), "tsv", rows=10, max_bytes=1000)
>>> done.body, done.rows, done.truncated
(b'?o\\n"x"@id\\n', 1, None)
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph as ox

from govkg.namespaces import ID_BASE, PREFIX_IRIS
from govkg.results import WRITERS

PREFIXES = PREFIX_IRIS | {"id": ID_BASE}
"""Prefixes of graph answers: govkg's own, and ``id:`` for its entities."""

GRAPH_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
}


@dataclass(frozen=True)
class Encoded:
    """A response body, how many rows (or triples) it holds, and why it was cut (or None)."""

    body: bytes
    rows: int
    truncated: str | None = None  # "rows" or "bytes"


# -- SELECT and ASK ---------------------------------------------------------------------


def encode_solutions(
    solutions: ox.QuerySolutions,
    fmt: str,
    *,
    rows: int,
    max_bytes: int,
    columns: list[str] | None = None,
) -> Encoded:
    """SELECT solutions in ``fmt`` (json, xml, csv, tsv), cut at ``rows`` rows or ``max_bytes``."""
    names = [v.value for v in solutions.variables]
    return encode_rows(names, solutions, fmt, rows=rows, max_bytes=max_bytes, columns=columns)


def encode_rows(
    names: list[str],
    solutions: Iterable,
    fmt: str,
    *,
    rows: int,
    max_bytes: int,
    columns: list[str] | None = None,
) -> Encoded:
    """Rows of Oxigraph terms aligned with ``names`` (or Oxigraph solutions) in ``fmt``,
    cut at ``rows`` rows or ``max_bytes``; ``columns`` picks and orders the variables."""
    shown = [c for c in columns or () if c in names] or names
    picks = [names.index(n) for n in shown]
    start, lines, end = WRITERS[fmt](shown, ([s[i] for i in picks] for s in solutions))
    parts, size, count, cut = [start], len(start) + len(end), 0, None
    for line in lines:
        if count == rows:
            cut = "rows"
            break
        if size + len(line) > max_bytes:
            cut = "bytes"
            break
        parts.append(line)
        size += len(line)
        count += 1
    parts.append(end)
    return Encoded(b"".join(parts), count, cut)


def encode_boolean(value: bool, fmt: str) -> Encoded:
    """An ASK answer in ``fmt`` (json, xml, csv, tsv)."""
    if fmt == "json":
        body = json.dumps({"head": {}, "boolean": value}) + "\n"
    elif fmt == "xml":
        body = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n'
            f"<head/>\n<boolean>{'true' if value else 'false'}</boolean>\n</sparql>\n"
        )
    else:
        body = ("true" if value else "false") + "\n"
    return Encoded(body.encode(), 1)


# -- CONSTRUCT and DESCRIBE -------------------------------------------------------------


def encode_triples(triples: Iterable, fmt: str, *, rows: int, max_bytes: int) -> Encoded:
    """Triples in ``fmt`` (turtle, ntriples, jsonld, rdfxml), cut at ``rows`` or ``max_bytes``."""
    kept, cut = [], None
    for triple in triples:
        if len(kept) == rows:
            cut = "rows"
            break
        kept.append(triple)
    body = _serialize(kept, fmt)
    while len(body) > max_bytes and kept:
        cut = "bytes"
        keep = max(0, min(len(kept) - 1, int(len(kept) * max_bytes / len(body) * 0.9)))
        kept = kept[:keep]
        body = _serialize(kept, fmt)
    return Encoded(body, len(kept), cut)


def _serialize(triples: list, fmt: str) -> bytes:
    prefixes = PREFIXES if fmt in ("turtle", "rdfxml", "jsonld") else None
    return ox.serialize(triples, format=GRAPH_FORMATS[fmt], prefixes=prefixes)
