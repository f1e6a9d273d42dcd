"""Oxigraph results as response bodies, within a row limit and a byte limit.

SELECT rows are written one by one (SPARQL 1.1 JSON, XML, CSV, TSV) so that the
writer stops at the first row that would pass either limit; graphs are cut to the row
limit and serialized by Oxigraph. :class:`Encoded` says whether, and why, a body was cut.

>>> import pyoxigraph as ox
>>> store = ox.Store()
>>> store.add(ox.Quad(ox.NamedNode("urn:a"), ox.NamedNode("urn:p"), ox.Literal("x", language="id")))
>>> done = encode_solutions(store.query("SELECT ?o { ?s ?p ?o }"), "tsv", rows=10, max_bytes=1000)
>>> done.body, done.rows, done.truncated
(b'?o\\n"x"@id\\n', 1, None)
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
PREFIXES = {
    "govkg": "https://w3id.org/govkg/ontology#",
    "id": "https://w3id.org/govkg/id/",
    "org": "http://www.w3.org/ns/org#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "prov": "http://www.w3.org/ns/prov#",
    "schema": "https://schema.org/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
GRAPH_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
}
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass(frozen=True)
class Encoded:
    """A response body, how many rows (or triples) it holds, and why it was cut (or None)."""

    body: bytes
    rows: int
    truncated: str | None = None  # "rows" or "bytes"


# -- terms ------------------------------------------------------------------------------


def json_term(term) -> dict:
    """A term in SPARQL 1.1 Query Results JSON."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Triple):
        parts = ("subject", "predicate", "object")
        return {"type": "triple", "value": {p: json_term(getattr(term, p)) for p in parts}}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != XSD_STRING:
        out["datatype"] = term.datatype.value
    return out


def _xml_text(text: str) -> str:
    return escape(_NOT_XML.sub("\ufffd", text))


def xml_term(term) -> str:
    """A term in SPARQL Query Results XML."""
    if isinstance(term, ox.NamedNode):
        return f"<uri>{_xml_text(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{_xml_text(term.value)}</bnode>"
    if isinstance(term, ox.Triple):
        parts = ("subject", "predicate", "object")
        inner = "".join(f"<{p}>{xml_term(getattr(term, p))}</{p}>" for p in parts)
        return f"<triple>{inner}</triple>"
    if term.language:
        attr = f" xml:lang={quoteattr(term.language)}"
    elif term.datatype.value != XSD_STRING:
        attr = f" datatype={quoteattr(_NOT_XML.sub('', term.datatype.value))}"
    else:
        attr = ""
    return f"<literal{attr}>{_xml_text(term.value)}</literal>"


def csv_term(term) -> str:
    """A term in SPARQL 1.1 CSV results: the plain value (blank nodes as ``_:id``)."""
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    if isinstance(term, ox.Triple):
        return str(term)
    return term.value


def tsv_term(term) -> str:
    """A term in SPARQL 1.1 TSV results (N-Triples syntax, tabs and newlines escaped)."""
    if term is None:
        return ""
    return str(term).replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


# -- SELECT and ASK ---------------------------------------------------------------------


def _json_rows(names: list[str], solutions) -> tuple[bytes, Iterator[bytes], bytes]:
    head = json.dumps({"vars": names}, ensure_ascii=False)
    start = f'{{"head": {head}, "results": {{"bindings": [\n'.encode()

    def rows() -> Iterator[bytes]:
        first = True
        for solution in solutions:
            binding = {n: json_term(t) for n in names if (t := solution[n]) is not None}
            text = json.dumps(binding, ensure_ascii=False)
            yield (text if first else ",\n" + text).encode()
            first = False

    return start, rows(), b"\n]}}\n"


def _xml_rows(names: list[str], solutions) -> tuple[bytes, Iterator[bytes], bytes]:
    variables = "".join(f"<variable name={quoteattr(n)}/>" for n in names)
    start = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n'
        f"<head>{variables}</head>\n<results>\n"
    ).encode()

    def rows() -> Iterator[bytes]:
        for solution in solutions:
            cells = "".join(
                f"<binding name={quoteattr(n)}>{xml_term(t)}</binding>"
                for n in names
                if (t := solution[n]) is not None
            )
            yield f"<result>{cells}</result>\n".encode()

    return start, rows(), b"</results>\n</sparql>\n"


def _csv_line(cells: list[str]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(cells)
    return buffer.getvalue().encode()


def _csv_rows(names: list[str], solutions) -> tuple[bytes, Iterator[bytes], bytes]:
    rows = (_csv_line([csv_term(s[n]) for n in names]) for s in solutions)
    return _csv_line(names), rows, b""


def _tsv_rows(names: list[str], solutions) -> tuple[bytes, Iterator[bytes], bytes]:
    rows = ("\t".join(tsv_term(s[n]) for n in names).encode() + b"\n" for s in solutions)
    return ("\t".join(f"?{n}" for n in names) + "\n").encode(), rows, b""


_WRITERS = {"json": _json_rows, "xml": _xml_rows, "csv": _csv_rows, "tsv": _tsv_rows}


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
    if columns:
        names = [c for c in columns if c in names] or names
    start, lines, end = _WRITERS[fmt](names, solutions)
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
