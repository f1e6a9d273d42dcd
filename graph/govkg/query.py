"""Run a canned query (or any ``.rq`` file) with typed, bound parameters.

>>> import tempfile
>>> from govkg.build import build
>>> from govkg.resources import seed_record
>>> out = tempfile.mkdtemp()
>>> _ = build([seed_record()], out)
>>> result = run_query("partners", {"agency": "LAN"}, [out])
>>> sorted(str(row[result.columns.index("acronym")]) for row in result.rows)
['BPOM', 'LIPI', 'None', 'None']
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from govkg import ids
from govkg.canned import CannedQuery, find_query
from govkg.engines import Engine, Row, open_engine
from govkg.errors import GovkgError
from govkg.gazetteer import Gazetteer
from govkg.memory import gc_paused
from govkg.terms import plain_literal
from govkg.vocab import Vocabulary

_IRI = re.compile(r"^https?://[^\s<>\"{}|\\^`]+$")


@dataclass(frozen=True)
class QueryResult:
    """Rows of one query run, reduced to the query's declared columns (list cells sorted)."""

    query: CannedQuery
    columns: list[str]
    rows: list[Row]
    engine: str

    def records(self) -> list[dict[str, object]]:
        """The rows as dicts of Python values (dates as ``date``, counts as ``int``, IRIs as
        text), ready for ``pandas.DataFrame(result.records(), columns=result.columns)``.

        >>> from govkg.build import build
        >>> from govkg.resources import seed_record
        >>> import tempfile
        >>> out = tempfile.mkdtemp() + "/out"
        >>> _ = build([seed_record()], out)
        >>> run_query("timeline", {}, [out]).records()
        [{'year': 2019, 'agreements': 4, 'mou': 4, 'pks': 0}]
        """
        return [
            {c: None if v is None else v.toPython() for c, v in zip(self.columns, row, strict=True)}
            for row in self.rows
        ]


def describe_params(query: CannedQuery) -> str:
    """One line per parameter, for error messages and ``govkg queries``."""
    if not query.params:
        return f"{query.name} takes no parameters"
    return "; ".join(
        f"{p.name} ({p.type}, {'required' if p.required else 'optional'})" for p in query.params
    )


def check_params(query: CannedQuery, given: Mapping[str, str]) -> None:
    """Refuse unknown parameters and missing required ones (the message lists them all).

    :raises GovkgError: exit code 2.
    """
    unknown = sorted(set(given) - {p.name for p in query.params})
    missing = [p.name for p in query.params if p.required and p.name not in given]
    if unknown or missing:
        problem = (
            f"unknown parameter(s) {', '.join(unknown)}"
            if unknown
            else f"missing required parameter(s) {', '.join(missing)}"
        )
        raise GovkgError(
            f"{query.name}: {problem}",
            fix=f"parameters: {describe_params(query)}; pass them as -p NAME=VALUE",
        )


def coerce(kind: str, name: str, value: str) -> Node:
    """A parameter value as an RDF term of the declared type.

    >>> coerce("organization", "agency", "Pemkab Serang")
    rdflib.term.URIRef('https://w3id.org/govkg/id/org/kabupaten-36-04')
    >>> coerce("date", "since", "2019-02-01")
    rdflib.term.Literal('2019-02-01', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#date'))

    :raises GovkgError: when the value is not of the type (unknown name, bad date, bad IRI).
    """
    if kind in ("organization", "field", "iri") and value.startswith(("http://", "https://")):
        if not _IRI.match(value):
            raise GovkgError(
                f"parameter {name}: {value!r} is not a valid IRI",
                fix='remove spaces and <>"{}|\\^` characters',
            )
        return URIRef(value)
    if kind == "organization":
        return ids.org(Gazetteer.bundled().resolve(value).key)
    if kind == "field":
        return Vocabulary.fields().resolve(value)
    if kind == "date":
        try:
            return Literal(date.fromisoformat(value).isoformat(), datatype=XSD.date)
        except ValueError as err:
            raise GovkgError(
                f"parameter {name}: {value!r} is not a date", fix="write it as YYYY-MM-DD"
            ) from err
    if kind == "integer":
        if not re.fullmatch(r"-?\d{1,18}", value):
            raise GovkgError(f"parameter {name}: {value!r} is not a whole number", fix="e.g. 10")
        return Literal(int(value))
    if kind == "iri":
        raise GovkgError(f"parameter {name}: {value!r} is not an IRI", fix="start with https://")
    return Literal(value)


def bind(query: CannedQuery, given: Mapping[str, str]) -> dict[str, Node]:
    """Check and type the given parameters."""
    check_params(query, given)
    return {name: coerce(query.param(name).type, name, value) for name, value in given.items()}


def run_on(engine: Engine, query: CannedQuery, given: Mapping[str, str]) -> QueryResult:
    """Run ``query`` on an open engine."""
    bindings = bind(query, given)
    names, rows = engine.select(query.text_for(set(given)), bindings)
    columns = [c for c in query.columns if c in names] or names
    where = [names.index(c) for c in columns]
    with gc_paused():  # new lists for every row (see OxigraphEngine.select)
        picked = [[row[i] for i in where] for row in rows]
        for c in query.list_columns & set(columns):
            i = columns.index(c)
            for row in picked:
                items = sorted(x for x in str(row[i] or "").split("; ") if x)
                row[i] = plain_literal("; ".join(items)) if items else None
    return QueryResult(query, columns, picked, engine.name)


def run_query(
    name_or_path: str,
    given: Mapping[str, str],
    data: Sequence[str | Path] = ("out",),
    engine: str = "oxigraph",
    endpoint: str | None = None,
) -> QueryResult:
    """Run a canned query by name (or an ``.rq`` file) on built data (default ``out/``), or on
    a remote SPARQL 1.1 ``endpoint``."""
    query = find_query(name_or_path)
    bind(query, given)
    if endpoint:
        from govkg.remote import open_remote_or_local

        return run_on(open_remote_or_local([Path(d) for d in data], endpoint, engine), query, given)
    return run_on(open_engine([Path(d) for d in data], engine), query, given)
