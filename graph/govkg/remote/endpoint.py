"""A remote SPARQL 1.1 endpoint as an :class:`~govkg.engines.Engine`.

A remote endpoint has no API to bind a variable, so parameters travel in the standard
SPARQL 1.1 way: a one-row ``VALUES`` block. Each value is an Oxigraph term written by
:func:`govkg.terms.sparql_term` — IRIs checked against the IRIREF grammar, literals
escaped character by character, language tags and datatypes checked — so a user's text
can only ever be the inside of one string literal; it is never formatted into the query.

The block goes first inside the query's WHERE group, where it joins like rdflib's
``initBindings`` and Oxigraph's ``substitutions``. (SPARQL also allows a trailing
``VALUES`` after the whole query, but Virtuoso 7 ignores it when the query has a property
path, and it joins only after grouping.) A bound variable must be projected, as canned
queries do (``docs/decisions/0003-build-pipeline.md``); the query is parsed (never run)
to check that, and checked again after the block is in place.

Results (SPARQL 1.1 Query Results JSON) are read by Oxigraph's results parser into
Oxigraph terms, so they are normalised as a local store's are (``xsd:string`` literals
plain, language tags lower case), and become rdflib terms through :mod:`govkg.terms`
for :meth:`RemoteEngine.select`. Virtuoso's SELECT-shaped ASK answer is refused like any
non-SELECT, and so are answers Virtuoso cut short at a time or row limit (it says so only
in headers).

>>> print(values_clause({"agency": ox.NamedNode("https://w3id.org/govkg/id/org/lan"),
...                      "name": ox.Literal('LAN") || true || ("')}))
VALUES (?agency ?name) { (<https://w3id.org/govkg/id/org/lan> "LAN\\") || true || (\\"") }
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Mapping, Sequence

import pyoxigraph as ox
from rdflib.term import Node

from govkg.engines import Row
from govkg.errors import GovkgError
from govkg.namespaces import GRAPH_BASE
from govkg.remote.http import (
    TRANSIENT_STATUSES,
    Credentials,
    HttpClient,
    Response,
    split_userinfo,
)
from govkg.results import read_json
from govkg.sparql import projected, query_form
from govkg.terms import oxigraph_bindings, sparql_iri, sparql_term, to_rdflib

RESULTS_JSON = "application/sparql-results+json"
UNION_GRAPH = GRAPH_BASE + "union"  # every triple of a build once; see push.py
_VARNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_ASK_VARIABLE = "__ASK_RETVAL"  # Virtuoso answers ASK in JSON as a one-cell SELECT
_TOKENS = re.compile(  # what may hide a brace: comments, strings, IRIs; and the brackets
    r"#[^\n]*"
    r"|'''(?:[^\\]|\\.)*?'''"
    r'|"""(?:[^\\]|\\.)*?"""'
    r"|'(?:[^'\\\n]|\\.)*'"
    r'|"(?:[^"\\\n]|\\.)*"'
    r'|<[^<>"{}|^`\\\x00-\x20]*>'
    r"|[{}()]"
)


def values_clause(bindings: Mapping[str, object]) -> str:
    """A one-row ``VALUES`` block for ``bindings`` (Oxigraph terms; empty text for none).

    :raises GovkgError: a variable name that is not a SPARQL VARNAME, or a term that
        :func:`sparql_term` refuses.
    """
    if not bindings:
        return ""
    for name in bindings:
        if not _VARNAME.match(name):
            raise GovkgError(f"not a variable name: {name!r}", fix="use letters, digits and _")
    names = " ".join(f"?{name}" for name in bindings)
    cells = " ".join(sparql_term(term) for term in bindings.values())
    return f"VALUES ({names}) {{ ({cells}) }}"


def where_brace(text: str) -> int:
    """The offset just after the ``{`` that opens the query's WHERE group.

    Comments, strings and IRIs are skipped, and only a brace outside parentheses counts
    (a SELECT expression may hold ``EXISTS { … }``).

    >>> q = 'PREFIX a: <urn:x> # {\\nSELECT ("{" AS ?b) (EXISTS {?s ?p ?o} AS ?e) WHERE {?s ?p ?o}'
    >>> q[where_brace(q):]
    '?s ?p ?o}'

    :raises GovkgError: there is no such brace.
    """
    depth = 0
    for match in _TOKENS.finditer(text):
        token = match.group()
        if token == "(":
            depth += 1
        elif token == ")":
            depth = max(0, depth - 1)
        elif token == "{" and depth == 0:
            return match.end()
    raise GovkgError("the query has no WHERE group", fix="check the query")


def bind_text(text: str, bindings: Mapping[str, object]) -> str:
    """The query with ``bindings`` (Oxigraph terms) as a ``VALUES`` block first in its
    WHERE group.

    >>> print(bind_text("SELECT ?a WHERE { ?a ?p ?o }", {"a": ox.NamedNode("urn:x")}))
    SELECT ?a WHERE {
      VALUES (?a) { (<urn:x>) }
     ?a ?p ?o }

    :raises GovkgError: a bound variable is not projected, or the query does not parse.
    """
    if not bindings:
        return text
    clause = values_clause(bindings)
    names = projected(text)
    missing = sorted(set(bindings) - (names or set()))
    if names is None or missing:
        raise GovkgError(
            f"cannot bind {', '.join('?' + m for m in missing) or 'parameters'} on a remote "
            "endpoint: a bound variable must be projected by the SELECT",
            fix="add the parameter variables to the SELECT clause (and GROUP BY)",
        )
    at = where_brace(text)
    bound = f"{text[:at]}\n  {clause}\n{text[at:]}"
    if projected(bound) != names:  # the block went where it belongs, or we refuse
        raise GovkgError("cannot place the parameters in this query", fix="check the query")
    return bound


def parse_solutions(response: Response, redact=lambda s: s) -> tuple[list[str], list[list]]:
    """Variable names and rows of Oxigraph terms from a SPARQL 1.1 JSON results body
    (:func:`govkg.results.read_json`).

    >>> body = b'{"head": {"vars": ["a"]}, "results": {"bindings": [{"a": {"type": "literal",'
    >>> body += b' "xml:lang": "en-US", "value": "x"}}]}}'
    >>> parse_solutions(Response(200, {}, body))
    (['a'], [[<Literal value=x language=en-us>]])

    :raises GovkgError: not JSON results, or an ASK answer.
    """
    try:
        names, rows = read_json(response.body)
        if names != [_ASK_VARIABLE]:
            return names, list(rows)
    except SyntaxError:
        raise GovkgError(
            redact(f"the endpoint did not answer SPARQL JSON results: {response.text(200)}"),
            fix="check that --endpoint is a SPARQL 1.1 query endpoint",
        ) from None
    except ValueError:
        pass  # a boolean
    raise GovkgError("only SELECT queries return rows", fix="use a SELECT query")


def parse_boolean(body: bytes) -> bool:
    """The boolean of an ASK answer in SPARQL JSON (Virtuoso's one-cell SELECT form too).

    >>> parse_boolean(b'{"head": {}, "boolean": true}')
    True
    >>> parse_boolean(b'{"head": {"vars": ["__ASK_RETVAL"]}, "results": {"bindings": '
    ...               b'[{"__ASK_RETVAL": {"type": "literal", "value": "0"}}]}}')
    False

    :raises GovkgError: the body is not an ASK answer.
    """
    try:
        answer = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
        if isinstance(answer, ox.QueryBoolean):
            return bool(answer)
        value = next(iter(answer))[_ASK_VARIABLE].value
    except (SyntaxError, ValueError, StopIteration, KeyError, TypeError, AttributeError):
        raise GovkgError("the store did not answer the ASK query", fix="check the store") from None
    return value.strip().lower() in ("1", "true")


def _refuse_incomplete(response: Response, rows: int) -> None:
    """Virtuoso answers 200 with partial rows when a time or row limit cuts a query short;
    it says so only in headers. Partial rows are never passed on as an answer."""
    state = response.headers.get("X-SQL-State")
    if state:
        message = (response.headers.get("X-SQL-Message") or "").split("Activity:")[0].strip()
        raise GovkgError(
            f"the endpoint returned incomplete results ({state}: {message})",
            fix="raise the store's time limit (Virtuoso: MaxQueryExecutionTime in [SPARQL]) "
            "or narrow the query",
        )
    limit = response.headers.get("X-SPARQL-MaxRows")
    if limit and limit.isdigit() and rows >= int(limit):
        raise GovkgError(
            f"the endpoint cut the results at its row limit ({limit} rows)",
            fix="raise the store's row limit (Virtuoso: ResultSetMaxRows in [SPARQL]) "
            "or narrow the query",
        )


class RemoteEngine:
    """Canned queries on a SPARQL 1.1 endpoint (POST, JSON results, ``VALUES`` bindings).

    Which graph the queries see as their default graph:

    - ``default_graphs=None`` (the default): the graph ``…/graph/union`` that ``govkg
      push`` writes — every triple of the build once, as the local store's default graph
      holds it — when the store has it, else the store's own default graph;
    - a list of graph IRIs: those (sent as ``default-graph-uri``);
    - ``()``: the store's own default graph (Virtuoso's is every graph, a triple repeated
      once per graph that holds it).
    """

    name = "remote"

    def __init__(
        self,
        url: str,
        credentials: Credentials | None = None,
        *,
        default_graphs: Sequence[str] | None = None,
        timeout: float = 120.0,
        retries: int = 2,
    ) -> None:
        self.url, creds = split_userinfo(url, credentials or Credentials())
        self._default_graphs = None if default_graphs is None else list(default_graphs)
        self.client = HttpClient(creds, retries=retries, timeout=timeout)

    @property
    def default_graphs(self) -> list[str]:
        """The graphs sent as ``default-graph-uri`` (looked up once when not given)."""
        if self._default_graphs is None:
            self._default_graphs = []  # the probe itself asks the store's default dataset
            probe = f"SELECT ?s WHERE {{ GRAPH {sparql_iri(UNION_GRAPH)} {{ ?s ?p ?o }} }} LIMIT 1"
            try:
                found = bool(self.select(probe, {})[1])
            except BaseException:
                self._default_graphs = None
                raise
            self._default_graphs = [UNION_GRAPH] if found else []
        return self._default_graphs

    def _post(self, text: str, accept: str) -> Response:
        form = [("query", text)] + [("default-graph-uri", g) for g in self.default_graphs]
        response = self.client.request(
            "POST",
            self.url,
            urllib.parse.urlencode(form).encode("utf-8"),
            {"Content-Type": "application/x-www-form-urlencoded", "Accept": accept},
            retry_on=TRANSIENT_STATUSES,
        )
        if response.status != 200:
            raise self.client.redactor.error(
                f"query failed on {self.url} (HTTP {response.status}): {response.text()}",
                fix="check the query and that the endpoint speaks SPARQL 1.1",
            )
        return response

    def select(self, text: str, bindings: dict[str, Node]) -> tuple[list[str], list[Row]]:
        """Run a SELECT query with ``bindings`` sent as a trailing ``VALUES`` block.

        :raises GovkgError: the query is not a SELECT or cannot be bound; the endpoint fails.
        """
        names, rows = self.solutions(text, dict(oxigraph_bindings(bindings)))
        return names, [[to_rdflib(term) for term in row] for row in rows]

    def solutions(self, text: str, bindings: Mapping[str, object]) -> tuple[list[str], list]:
        """:meth:`select` with Oxigraph terms in and out (for the proxy).

        :raises GovkgError: the query is not a SELECT or cannot be bound; the endpoint fails.
        """
        response = self._post(bind_text(text, bindings), RESULTS_JSON)
        names, rows = parse_solutions(response, self.client.redactor.redact)
        _refuse_incomplete(response, len(rows))
        return names, rows

    def ask(self, text: str) -> bool:
        """The answer to an ASK query, sent as it is.

        :raises GovkgError: the endpoint fails or does not answer a boolean.
        """
        return parse_boolean(self.forward(text, RESULTS_JSON).body)

    def count(self, text: str) -> dict[str, int]:
        """A ``SELECT ?key ?n`` query's answer as ``{key: n}`` (for triple counts)."""
        _, rows = self.select(text, {})
        return {str(key): int(n) for key, n in rows}

    def forward(self, text: str, accept: str = RESULTS_JSON) -> Response:
        """Send a read-only query as it is and hand back the raw answer (for a proxy).

        :raises GovkgError: ``text`` is not a SPARQL 1.1 query (updates are refused here).
        """
        query_form(text)
        return self._post(text, accept)

    def close(self) -> None:
        """Close the connection."""
        self.client.close()
