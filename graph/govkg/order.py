"""A SELECT's final ``ORDER BY``, sorted in Python where Oxigraph's is slow.

On the on-disk store Oxigraph looks both strings up for every comparison of an
``ORDER BY``; on the 25,000-row canned queries at 1M triples that cost 0.3-0.9 s. A query
whose text ends in an ``ORDER BY`` of plain variables (each ascending or ``DESC``) can run
without it and have its rows sorted here in SPARQL's order: unbound < blank node < IRI <
literal, literals compared by value within one kind (strings, language strings, numbers,
booleans, dates). A column holding literals of two kinds, two blank nodes (whose order is
the engine's own) or a value this module cannot compare as SPARQL does makes
:func:`sort_rows` answer ``None``: the caller then runs the query as written.

>>> text, keys = split_final_order("SELECT ?a ?n WHERE { ?a <urn:n> ?n } ORDER BY DESC(?n) ?a")
>>> text, keys
('SELECT ?a ?n WHERE { ?a <urn:n> ?n }', [('n', True), ('a', False)])
"""

from __future__ import annotations

import math
import re
from decimal import Decimal, InvalidOperation

import pyoxigraph as ox

XSD = "http://www.w3.org/2001/XMLSchema#"
LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_KEY = r"(?:DESC|ASC)\s*\(\s*\?\w+\s*\)|\?\w+"
_FINAL_ORDER = re.compile(
    rf"(?<![^\s}}])ORDER\s+BY\s+((?:{_KEY})(?:\s+(?:{_KEY}))*)\s*\Z", re.IGNORECASE
)
_ONE_KEY = re.compile(r"(DESC|ASC)?\s*\(?\s*\?(\w+)", re.IGNORECASE)
_INTEGERS = {
    "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
    "nonPositiveInteger", "negativeInteger", "unsignedLong", "unsignedInt",
    "unsignedShort", "unsignedByte",
}  # fmt: skip
_PATTERNS = {
    f"{XSD}date": re.compile(r"\d{4}-\d\d-\d\d"),
    f"{XSD}dateTime": re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d"),
    f"{XSD}gYear": re.compile(r"\d{4}"),
}


class Unsortable(Exception):
    """A value this module cannot place as SPARQL would."""


def split_final_order(text: str) -> tuple[str, list[tuple[str, bool]]] | None:
    """The query without its final ``ORDER BY`` and the sort keys as ``(variable,
    descending)``; ``None`` when the text does not end in one of plain variables.

    Ending the text, the clause cannot be a subquery's (that would be followed by ``}``);
    one on a line that also holds ``#`` or a quote might sit in a comment or a string and
    is left alone.
    """
    match = _FINAL_ORDER.search(text)
    if match is None:
        return None
    line = text[text.rfind("\n", 0, match.start()) + 1 : match.start()]
    if "#" in line or '"' in line or "'" in line:  # maybe inside a comment or a string
        return None
    keys = [(name, (way or "").upper() == "DESC") for way, name in _ONE_KEY.findall(match[1])]
    return text[: match.start()].rstrip(), keys


def ordered(solve, text: str) -> tuple[list[str], list[list]]:
    """``solve(text)`` (variable names and rows of Oxigraph terms) with a final ``ORDER BY``
    of plain variables left out and sorted here, or run as written when it cannot be.

    >>> import pyoxigraph as ox
    >>> store = ox.Store()
    >>> store.add(ox.Quad(ox.NamedNode("urn:b"), ox.NamedNode("urn:p"), ox.Literal("1")))
    >>> store.add(ox.Quad(ox.NamedNode("urn:a"), ox.NamedNode("urn:p"), ox.Literal("2")))
    >>> def solve(text):
    ...     found = store.query(text)
    ...     return [v.value for v in found.variables], [list(s) for s in found]
    >>> [row[0].value for row in ordered(solve, "SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s")[1]]
    ['urn:a', 'urn:b']
    """
    split = split_final_order(text)
    if split is not None:
        names, rows = solve(split[0])
        done = sort_rows(rows, names, split[1])
        if done is not None:
            return names, done
    return solve(text)


def sort_rows(
    rows: list[list], names: list[str], keys: list[tuple[str, bool]]
) -> list[list] | None:
    """Rows of Oxigraph terms sorted by ``keys`` in SPARQL's order, or ``None`` when a key
    is not a result column or its values cannot be compared here."""
    if any(name not in names for name, _ in keys):
        return None
    ordered = list(rows)
    try:
        for name, descending in reversed(keys):  # stable sorts, last key first
            column = names.index(name)
            ranks = _column_keys([row[column] for row in ordered])
            order = sorted(range(len(ordered)), key=ranks.__getitem__, reverse=descending)
            ordered = [ordered[i] for i in order]
    except Unsortable:
        return None
    return ordered


def _column_keys(values: list) -> list:
    """Sort keys of one column's values: :func:`term_key`, or only its last part when
    every value is of one kind (a string compares several times faster than a tuple).

    >>> _column_keys([ox.NamedNode("urn:b"), ox.NamedNode("urn:a")])
    ['urn:b', 'urn:a']
    >>> _column_keys([None, ox.NamedNode("urn:a")])
    [(0, '', ''), (2, '', 'urn:a')]
    """
    known: dict[ox.Literal, tuple] = {}  # a literal's key once: dates and counts repeat
    keys = [
        (2, "", value.value)
        if type(value) is ox.NamedNode
        else (known.get(value) or known.setdefault(value, term_key(value)))
        if type(value) is ox.Literal
        else term_key(value)
        for value in values
    ]
    kinds = {key[1] for key in keys if key[0] == 3}
    if len(kinds) > 1:
        raise Unsortable(f"literals of kinds {sorted(kinds)} in one column")
    if len({key[2] for key in keys if key[0] == 1}) > 1:  # the engine orders them its own way
        raise Unsortable("several blank nodes in one column")
    if len({key[0] for key in keys}) == 1:  # one kind: the values alone order the same
        return [key[2] for key in keys]
    return keys


def term_key(term) -> tuple:
    """A sort key placing one term as SPARQL's ORDER BY does (see the module docstring)."""
    if type(term) is ox.NamedNode:  # the common case first
        return (2, "", term.value)
    if term is None:
        return (0, "", "")
    if isinstance(term, ox.BlankNode):
        return (1, "", term.value)
    if isinstance(term, ox.NamedNode):
        return (2, "", term.value)
    if isinstance(term, ox.Literal):
        return (3, *_literal_key(term))
    raise Unsortable(f"not an RDF term: {term!r}")


def _literal_key(term: ox.Literal) -> tuple:
    datatype = term.datatype.value
    if datatype == f"{XSD}string":
        return ("string", term.value)
    if datatype == LANG_STRING:
        return ("lang", (term.value, term.language))
    local = datatype[len(XSD) :] if datatype.startswith(XSD) else ""
    if local in _INTEGERS or local == "decimal":
        return ("number", _number(term.value, Decimal))
    if local in ("double", "float"):
        return ("number", _number(term.value, float))
    if local == "boolean" and term.value in ("true", "false", "1", "0"):
        return ("boolean", term.value in ("true", "1"))
    pattern = _PATTERNS.get(datatype)
    if pattern is not None and pattern.fullmatch(term.value):
        return (local, term.value)
    raise Unsortable(f"cannot order {term}")


def _number(text: str, kind: type) -> Decimal | float:
    try:
        value = kind(text)
    except (InvalidOperation, ValueError):
        raise Unsortable(f"not a number: {text!r}") from None
    if value.is_nan() if isinstance(value, Decimal) else math.isnan(value):  # unordered
        raise Unsortable("NaN")
    return value
