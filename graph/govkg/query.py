"""Run a canned query (or any ``.rq`` file) with typed, bound parameters.

This path imports neither rdflib nor the gazetteer: parameters become Oxigraph terms
(organization and field names looked up in the build's ``names.tsv``, :mod:`govkg.names`),
solutions stay Oxigraph terms (:attr:`QueryResult.terms`), and ``govkg query`` writes them
with :mod:`govkg.results`. :attr:`QueryResult.rows` gives the same rows as rdflib terms.

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
from functools import cached_property
from pathlib import Path

import pyoxigraph as ox

from govkg.canned import CannedQuery, find_query
from govkg.engines import Engine, open_engine
from govkg.errors import GovkgError
from govkg.iris import XSD
from govkg.memory import gc_paused
from govkg.names import NameTable

_IRI = re.compile(r"^https?://[^\s<>\"{}|\\^`]+$")
_DATE = ox.NamedNode(XSD + "date")
_INTEGER = ox.NamedNode(XSD + "integer")


@dataclass(frozen=True)
class QueryResult:
    """Rows of one query run, reduced to the query's declared columns (list cells sorted):
    ``terms`` holds Oxigraph terms (or None), ``rows`` the same as rdflib terms."""

    query: CannedQuery
    columns: list[str]
    terms: list[list]
    engine: str

    @cached_property
    def rows(self) -> list[list]:
        """The rows as rdflib terms (or None), converted on first use.

        >>> result = QueryResult(None, ["n"], [[ox.Literal("2", datatype=_INTEGER)]], "x")
        >>> result.rows
        [[rdflib.term.Literal('2', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#integer'))]]
        """
        from govkg.terms import to_rdflib

        with gc_paused():
            return [[to_rdflib(term) for term in row] for row in self.terms]

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


def coerce(kind: str, name: str, value: str, names: NameTable | None = None):
    """A parameter value as an Oxigraph term of the declared type; organization and field
    names are looked up in ``names`` (a build's ``names.tsv``) when given, else (and when
    it does not know the name) in the bundled gazetteer or the fields vocabulary.

    >>> coerce("organization", "agency", "Pemkab Serang")
    <NamedNode value=https://w3id.org/govkg/id/org/kabupaten-36-04>
    >>> coerce("date", "since", "2019-02-01")
    <Literal value=2019-02-01 datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#date>>

    :raises GovkgError: when the value is not of the type (unknown name, bad date, bad IRI).
    """
    if kind in ("organization", "field", "iri") and value.startswith(("http://", "https://")):
        if not _IRI.match(value):
            raise GovkgError(
                f"parameter {name}: {value!r} is not a valid IRI",
                fix='remove spaces and <>"{}|\\^` characters',
            )
        return ox.NamedNode(value)
    if kind in ("organization", "field"):
        found = names.find("org" if kind == "organization" else "field", value) if names else None
        return ox.NamedNode(found or _resolve(kind, value))
    if kind == "date":
        try:
            return ox.Literal(date.fromisoformat(value).isoformat(), datatype=_DATE)
        except ValueError as err:
            raise GovkgError(
                f"parameter {name}: {value!r} is not a date", fix="write it as YYYY-MM-DD"
            ) from err
    if kind == "integer":
        if not re.fullmatch(r"-?\d{1,18}", value):
            raise GovkgError(f"parameter {name}: {value!r} is not a whole number", fix="e.g. 10")
        return ox.Literal(str(int(value)), datatype=_INTEGER)
    if kind == "iri":
        raise GovkgError(f"parameter {name}: {value!r} is not an IRI", fix="start with https://")
    return ox.Literal(value)


def _resolve(kind: str, value: str) -> str:
    """The IRI of an organization (bundled gazetteer) or field (vocabulary) name: the slow
    way, for data without ``names.tsv`` and for the messages about unknown names.

    :raises UnknownNameError: no such name, or an ambiguous one (with candidates).
    """
    if kind == "organization":
        from govkg import ids
        from govkg.gazetteer import Gazetteer

        return ids.org(Gazetteer.bundled().resolve(value).key).value
    from govkg.vocab import Vocabulary

    return Vocabulary.fields().resolve(value).value


def bind(query: CannedQuery, given: Mapping[str, str], names: NameTable | None = None) -> dict:
    """Check and type the given parameters (Oxigraph terms, by name)."""
    check_params(query, given)
    return {
        name: coerce(query.param(name).type, name, value, names) for name, value in given.items()
    }


def run_on(
    engine: Engine, query: CannedQuery, given: Mapping[str, str], names: NameTable | None = None
) -> QueryResult:
    """Run ``query`` on an open engine (``names``: a build's ``names.tsv``, if any)."""
    bindings = bind(query, given, names)
    variables, rows = engine.solutions(query.text_for(set(given)), bindings)
    columns = [c for c in query.columns if c in variables] or variables
    where = [variables.index(c) for c in columns]
    with gc_paused():  # new lists for every row (see OxigraphEngine.solutions)
        picked = rows if columns == variables else [[row[i] for i in where] for row in rows]
        for c in query.list_columns & set(columns):
            i = columns.index(c)
            for row in picked:
                row[i] = _sorted_list(row[i])
    return QueryResult(query, columns, picked, engine.name)


def _sorted_list(cell: ox.Term | None) -> ox.Literal | None:
    """A ``"; "``-separated list cell with its items sorted (empty ones left out) as a plain
    literal, or None when it has none.

    >>> _sorted_list(ox.Literal("b; a; ", language="id")), _sorted_list(ox.Literal(""))
    (<Literal value=a; b datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#string>>, None)
    """
    items = cell.value.split("; ") if cell else []
    if "" in items:
        items = [x for x in items if x]
    items.sort()
    return ox.Literal("; ".join(items)) if items else None


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
    paths = [Path(d) for d in data]
    named = any(getattr(query.param(p), "type", "") in ("organization", "field") for p in given)
    one_build = len(paths) == 1 and paths[0].is_dir()
    names = NameTable.read(paths[0]) if named and one_build else None  # 2 MB at 1M: when needed
    bind(query, given, names)
    if endpoint:
        from govkg.remote import open_remote_or_local

        return run_on(open_remote_or_local(paths, endpoint, engine), query, given, names)
    return run_on(open_engine(paths, engine), query, given, names)
