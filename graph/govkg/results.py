"""Query results as text: table, CSV, TSV, SPARQL 1.1 Query Results JSON, Markdown.

CSV is spreadsheet-safe by default: a text cell that starts with ``= + - @`` (or a tab
or carriage return) gets a leading apostrophe so that no spreadsheet runs it as a
formula; ``raw=True`` writes values untouched.

>>> from rdflib import Literal, URIRef
>>> print(to_csv(["name", "n"], [[Literal("=cmd|' /C calc'!A0"), Literal(-3)]]), end="")
name,n
'=cmd|' /C calc'!A0,-3
"""

from __future__ import annotations

import csv
import io
import json

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from govkg.namespaces import ID_BASE

FORMATS = ("table", "csv", "tsv", "json", "md")
_RISKY = ("=", "+", "-", "@", "\t", "\r")
_NUMERIC = {XSD.integer, XSD.decimal, XSD.double, XSD.float, XSD.int, XSD.long}


def plain(term: Node | None) -> str:
    """A term's value as plain text (empty for unbound)."""
    return "" if term is None else str(term)


def _spreadsheet_safe(term: Node | None) -> str:
    text = plain(term)
    numeric = isinstance(term, Literal) and term.datatype in _NUMERIC
    return "'" + text if text.startswith(_RISKY) and not numeric else text


def to_csv(columns: list[str], rows: list[list], *, raw: bool = False) -> str:
    """SPARQL 1.1 CSV results (plain values), spreadsheet-safe unless ``raw``."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    cell = plain if raw else _spreadsheet_safe
    for row in rows:
        writer.writerow([cell(term) for term in row])
    return buffer.getvalue()


def tsv_term(term: Node | None) -> str:
    """A term in SPARQL 1.1 TSV results syntax (``<iri>``, ``"text"@id``)."""
    if term is None:
        return ""
    return term.n3().replace("\t", "\\t").replace("\n", "\\n")


def to_tsv(columns: list[str], rows: list[list]) -> str:
    """SPARQL 1.1 TSV results."""
    lines = ["\t".join(f"?{c}" for c in columns)]
    lines += ["\t".join(tsv_term(t) for t in row) for row in rows]
    return "\n".join(lines) + "\n"


def json_term(term: Node) -> dict:
    """A term in SPARQL 1.1 Query Results JSON."""
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    out = {"type": "literal", "value": str(term)}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype:
        out["datatype"] = str(term.datatype)
    return out


def to_json(columns: list[str], rows: list[list]) -> str:
    """SPARQL 1.1 Query Results JSON (unbound cells are left out, as the format says)."""
    bindings = [
        {c: json_term(t) for c, t in zip(columns, row, strict=True) if t is not None}
        for row in rows
    ]
    document = {"head": {"vars": columns}, "results": {"bindings": bindings}}
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def short(term: Node | None) -> str:
    """Display text: our IRIs as ``id:…``, others as they are."""
    text = plain(term)
    return "id:" + text[len(ID_BASE) :] if text.startswith(ID_BASE) else text


def to_markdown(columns: list[str], rows: list[list]) -> str:
    """A Markdown table (pipes and newlines in cells escaped)."""

    def cell(term) -> str:
        return short(term).replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(cell(t) for t in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def render(columns: list[str], rows: list[list], fmt: str, *, raw_csv: bool = False) -> str:
    """Rows in one of the text formats (``table`` is drawn by the CLI, with rich)."""
    if fmt == "csv":
        return to_csv(columns, rows, raw=raw_csv)
    if fmt == "tsv":
        return to_tsv(columns, rows)
    if fmt == "json":
        return to_json(columns, rows)
    if fmt == "md":
        return to_markdown(columns, rows)
    raise ValueError(f"unknown format {fmt!r}")
