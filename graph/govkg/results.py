"""The one result writer (and reader): SELECT rows of Oxigraph terms as SPARQL 1.1 JSON,
XML, CSV and TSV, plus Markdown and spreadsheet-safe CSV for ``govkg query``.

Each writer gives a start, one piece per row and an end, so that the endpoint
(:mod:`govkg.server.encode`) can stop at a row or byte limit; :func:`render` joins them
for the command line. :func:`read_json` is the way back, through Oxigraph's results
parser. Nothing here imports rdflib (``govkg query`` starts without it).

CSV from :func:`render` is spreadsheet-safe by default: a text cell that starts with
``= + - @`` (or a tab or carriage return) gets a leading apostrophe so that no
spreadsheet runs it as a formula; ``raw_csv=True`` writes values untouched.

>>> n = ox.Literal("-3", datatype=ox.NamedNode(XSD + "integer"))
>>> print(render(["name", "n"], [[ox.Literal("=cmd|' /C calc'!A0"), n]], "csv"), end="")
name,n
'=cmd|' /C calc'!A0,-3
>>> print(render(["o"], [[ox.Literal("x", language="id")]], "tsv"), end="")
?o
"x"@id
"""

from __future__ import annotations

import csv
import functools
import io
import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence

import pyoxigraph as ox

from govkg.iris import ID_BASE, XSD, XSD_STRING

FORMATS = ("table", "csv", "tsv", "json", "md")
"""What ``govkg query --format`` writes (``table``: columns aligned for a terminal)."""
Rows = Iterable[Sequence]  # rows of Oxigraph terms (or None), aligned with the names
Pieces = tuple[bytes, Iterator[bytes], bytes]
_RISKY = ("=", "+", "-", "@", "\t", "\r")
_NUMERIC = {XSD + kind for kind in ("integer", "decimal", "double", "float", "int", "long")}
_TRIPLE = ("subject", "predicate", "object")


# -- terms ------------------------------------------------------------------------------


def json_term(term) -> dict:
    """A term in SPARQL 1.1 Query Results JSON.

    >>> json_term(ox.Literal("x", language="id"))
    {'type': 'literal', 'value': 'x', 'xml:lang': 'id'}
    """
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {p: json_term(getattr(term, p)) for p in _TRIPLE}}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != XSD_STRING:
        out["datatype"] = term.datatype.value
    return out


def escape(text: str) -> str:
    """``&``, ``<`` and ``>`` as XML entities (as ``xml.sax.saxutils.escape``, whose module
    imports ``urllib.request``, ``http.client`` and ``ssl``: 30 ms at every start).

    >>> escape("a < b & c")
    'a &lt; b &amp; c'
    """
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def quoteattr(text: str) -> str:
    """An XML attribute value, quoted and escaped (as ``xml.sax.saxutils.quoteattr``).

    >>> print(quoteattr('say "hi"'), quoteattr("a\\nb"))
    'say "hi"' "a&#10;b"
    """
    text = escape(text).replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    if '"' not in text:
        return f'"{text}"'
    if "'" not in text:
        return f"'{text}'"
    return '"' + text.replace('"', "&quot;") + '"'


def _xml_text(text: str) -> str:
    return escape(_not_xml().sub("\ufffd", text))


@functools.cache
def _not_xml() -> re.Pattern:
    """Characters XML 1.0 cannot hold (compiled on first use: 10 ms, and only the XML
    writer needs it — ``govkg query`` starts without)."""
    return re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_term(term) -> str:
    """A term in SPARQL Query Results XML."""
    if isinstance(term, ox.NamedNode):
        return f"<uri>{_xml_text(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{_xml_text(term.value)}</bnode>"
    if isinstance(term, ox.Triple):
        inner = "".join(f"<{p}>{xml_term(getattr(term, p))}</{p}>" for p in _TRIPLE)
        return f"<triple>{inner}</triple>"
    if term.language:
        attr = f" xml:lang={quoteattr(term.language)}"
    elif term.datatype.value != XSD_STRING:
        attr = f" datatype={quoteattr(_not_xml().sub('', term.datatype.value))}"
    else:
        attr = ""
    return f"<literal{attr}>{_xml_text(term.value)}</literal>"


def csv_term(term) -> str:
    """A term in SPARQL 1.1 CSV results: the plain value (blank nodes as ``_:id``)."""
    kind = type(term)
    if kind is ox.NamedNode or kind is ox.Literal:
        return term.value
    if term is None:
        return ""
    if kind is ox.BlankNode:
        return "_:" + term.value
    return str(term)  # a quoted triple


def safe_csv_term(term) -> str:
    """:func:`csv_term` with a leading apostrophe on text a spreadsheet would run.

    >>> minus_one = ox.Literal("-1", datatype=ox.NamedNode(XSD + "integer"))
    >>> safe_csv_term(ox.Literal("=1+1")), safe_csv_term(minus_one)
    ("'=1+1", '-1')
    """
    kind = type(term)
    if kind is ox.NamedNode:  # an IRI starts with its scheme, a letter (Oxigraph checks)
        return term.value
    if kind is ox.Literal:  # the common case without a second call
        text = term.value
        if not text.startswith(_RISKY) or term.datatype.value in _NUMERIC:
            return text
        return "'" + text
    text = csv_term(term)
    return "'" + text if text.startswith(_RISKY) else text


def tsv_term(term) -> str:
    """A term in SPARQL 1.1 TSV results (N-Triples syntax, tabs and newlines escaped)."""
    if term is None:
        return ""
    return str(term).replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def plain(term) -> str:
    """A term's value as plain text (empty for unbound); rdflib terms are read as text."""
    if term is None:
        return ""
    if isinstance(term, (ox.NamedNode, ox.BlankNode, ox.Literal)):
        return term.value
    return str(term)


def short(term) -> str:
    """Display text: our IRIs as ``id:…``, others as they are."""
    text = plain(term)
    return "id:" + text[len(ID_BASE) :] if text.startswith(ID_BASE) else text


# -- rows -------------------------------------------------------------------------------


def json_rows(names: list[str], rows: Rows) -> Pieces:
    """SPARQL 1.1 Query Results JSON, one binding per line (unbound cells left out)."""
    head = json.dumps({"vars": names}, ensure_ascii=False)
    start = f'{{"head": {head}, "results": {{"bindings": [\n'.encode()

    def lines() -> Iterator[bytes]:
        first = True
        for row in rows:
            cells = zip(names, row, strict=True)
            text = json.dumps(
                {n: json_term(t) for n, t in cells if t is not None}, ensure_ascii=False
            )
            yield (text if first else ",\n" + text).encode()
            first = False

    return start, lines(), b"\n]}}\n"


def xml_rows(names: list[str], rows: Rows) -> Pieces:
    """SPARQL Query Results XML."""
    variables = "".join(f"<variable name={quoteattr(n)}/>" for n in names)
    start = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n'
        f"<head>{variables}</head>\n<results>\n"
    ).encode()

    def lines() -> Iterator[bytes]:
        for row in rows:
            cells = "".join(
                f"<binding name={quoteattr(n)}>{xml_term(t)}</binding>"
                for n, t in zip(names, row, strict=True)
                if t is not None
            )
            yield f"<result>{cells}</result>\n".encode()

    return start, lines(), b"</results>\n</sparql>\n"


def csv_rows(
    names: list[str], rows: Rows, cell: Callable = csv_term, newline: str = "\r\n"
) -> Pieces:
    """SPARQL 1.1 CSV results (``cell`` writes a term; the format's lines end in CRLF)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=newline)  # one writer, one buffer: rows in turn

    def line(cells: list[str]) -> bytes:
        text = ",".join(cells)
        plain = '"' not in text and "\n" not in text and "\r" not in text
        if plain and text and text.count(",") == len(cells) - 1:  # nothing to quote
            return (text + newline).encode()  # as the csv module writes it, 3× faster
        writer.writerow(cells)
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text.encode()

    return line(names), (line([cell(t) for t in row]) for row in rows), b""


def tsv_rows(names: list[str], rows: Rows) -> Pieces:
    """SPARQL 1.1 TSV results."""
    lines = ("\t".join(tsv_term(t) for t in row).encode() + b"\n" for row in rows)
    return ("\t".join(f"?{n}" for n in names) + "\n").encode(), lines, b""


def md_rows(names: list[str], rows: Rows) -> Pieces:
    """A Markdown table (pipes and newlines in cells escaped; our IRIs as ``id:…``)."""

    def cell(term) -> str:
        return short(term).replace("|", "\\|").replace("\n", " ")

    head = "| " + " | ".join(names) + " |\n|" + "---|" * len(names) + "\n"
    lines = (("| " + " | ".join(cell(t) for t in row) + " |\n").encode() for row in rows)
    return head.encode(), lines, b""


def table_rows(names: list[str], rows: Rows) -> Pieces:
    """A plain text table for a terminal: columns padded to their widest cell (a wide
    character counts twice), control characters dropped, a row count at the end.

    >>> start, lines, end = table_rows(["org", "n"], [[ox.Literal("LAN"), ox.Literal("12")]])
    >>> print((start + b"".join(lines) + end).decode(), end="")
    org  n
    ---  --
    LAN  12
    1 row(s)
    """
    from govkg.text_hygiene import clean_text

    head = [clean_text(n) for n in names]
    cells = [[clean_text(short(t)) if t is not None else "" for t in row] for row in rows]
    widths = [
        max([_width(c) for c in column], default=0) for column in zip(head, *cells, strict=True)
    ]

    def line(values: list[str]) -> bytes:
        padded = (v + " " * (w - _width(v)) for v, w in zip(values, widths, strict=True))
        return ("  ".join(padded).rstrip() + "\n").encode()

    start = line(head) + line(["-" * w for w in widths])
    return start, (line(row) for row in cells), f"{len(cells)} row(s)\n".encode()


def _width(text: str) -> int:
    """Terminal columns of ``text``: East Asian wide and full-width characters take two."""
    if text.isascii():
        return len(text)
    from unicodedata import east_asian_width

    return sum(2 if east_asian_width(ch) in "WF" else 1 for ch in text)


WRITERS: dict[str, Callable[[list[str], Rows], Pieces]] = {
    "json": json_rows,
    "xml": xml_rows,
    "csv": csv_rows,
    "tsv": tsv_rows,
}
"""The SPARQL 1.1 results formats, by name."""


def render(columns: list[str], terms: Rows, fmt: str, *, raw_csv: bool = False) -> str:
    """Rows of Oxigraph terms in one of ``govkg query``'s text formats (table, csv, tsv,
    json, md).

    :raises ValueError: an unknown format.
    """
    start, lines, end = rendered(columns, terms, fmt, raw_csv=raw_csv)
    return b"".join([start, *lines, end]).decode("utf-8")


def rendered(columns: list[str], terms: Rows, fmt: str, *, raw_csv: bool = False) -> Pieces:
    """:func:`render` as pieces of UTF-8, to be written as they come (``govkg query``).

    :raises ValueError: an unknown format.
    """
    if fmt == "csv":
        cell = csv_term if raw_csv else safe_csv_term
        return csv_rows(columns, terms, cell, newline="\n")
    if fmt in ("tsv", "json", "md", "table"):
        writer = {"md": md_rows, "table": table_rows}.get(fmt) or WRITERS[fmt]
        return writer(columns, terms)
    raise ValueError(f"unknown format {fmt!r}")


def read_json(body: bytes) -> tuple[list[str], Iterator[list]]:
    """Variable names and rows of Oxigraph terms from SPARQL 1.1 JSON results, read by
    Oxigraph's parser (``typed-literal`` cells, as Virtuoso writes them, too). Rows are
    parsed as they are read: a malformed one raises then.

    >>> names, rows = read_json(b'{"head": {"vars": ["a"]}, "results": {"bindings": [{}]}}')
    >>> names, list(rows)
    (['a'], [[None]])

    :raises SyntaxError: not SPARQL JSON results.
    :raises ValueError: a boolean (ASK) answer.
    """
    solutions = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
    if isinstance(solutions, ox.QueryBoolean):
        raise ValueError("a boolean answer, not rows")
    names = [v.value for v in solutions.variables]
    return names, ([s[n] for n in names] for s in solutions)
