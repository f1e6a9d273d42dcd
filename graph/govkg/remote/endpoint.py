"""A remote SPARQL 1.1 endpoint as an :class:`~govkg.engines.Engine`.

A remote endpoint has no API to bind a variable, so parameters travel in the standard
SPARQL 1.1 way: a one-row ``VALUES`` block. Each value is an rdflib term written by
:func:`sparql_term` — IRIs checked against the IRIREF grammar, literals escaped character
by character, language tags and datatypes checked — so a user's text can only ever be the
inside of one string literal; it is never formatted into the query body.

The block goes first inside the query's WHERE group, where it joins like rdflib's
``initBindings`` and Oxigraph's ``substitutions``. (SPARQL also allows a trailing
``VALUES`` after the whole query, but Virtuoso 7 ignores it when the query has a property
path, and it joins only after grouping.) A bound variable must be projected, as canned
queries do (``docs/decisions/0003-build-pipeline.md``); the query is parsed (never run)
to check that, and checked again after the block is in place.

Results (SPARQL 1.1 Query Results JSON) become rdflib terms normalised to what Oxigraph
and rdflib give for the same data: ``xsd:string`` literals plain, language tags lower
case; Virtuoso's SELECT-shaped ASK answer is refused like any non-SELECT, and so are
answers Virtuoso cut short at a time or row limit (it says so only in headers).

>>> from rdflib import Literal, URIRef
>>> print(values_clause({"agency": URIRef("https://w3id.org/govkg/id/org/lan"),
...                      "name": Literal('LAN") || true || ("')}))
VALUES (?agency ?name) { (<https://w3id.org/govkg/id/org/lan> "LAN\\") || true || (\\"") }
"""

from __future__ import annotations

import json
import re
import string
import urllib.parse
from collections.abc import Mapping, Sequence

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, XSD
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
from govkg.sparql import projected, query_form

RESULTS_JSON = "application/sparql-results+json"
UNION_GRAPH = GRAPH_BASE + "union"  # every triple of a build once; see push.py
_VARNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_LANG = re.compile(r"^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$")
_ECHAR = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
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


def sparql_iri(iri: str) -> str:
    """``<iri>`` after checking it against SPARQL's IRIREF grammar.

    >>> sparql_iri("https://w3id.org/govkg/id/org/lan")
    '<https://w3id.org/govkg/id/org/lan>'
    >>> try:
    ...     sparql_iri("urn:x> } ; DROP ALL ; <urn:y")
    ... except GovkgError as err:
    ...     print(err.message)
    not a valid IRI: 'urn:x> } ; DROP ALL ; <urn:y'

    :raises GovkgError: the IRI has a character IRIREF forbids, or no scheme.
    """
    if not iri or _IRI_FORBIDDEN.search(iri) or ":" not in iri:
        raise GovkgError(f"not a valid IRI: {iri!r}", fix='remove spaces and <>"{}|^`\\ characters')
    return f"<{iri}>"


def sparql_string(text: str) -> str:
    """``text`` as a SPARQL string literal, every special character escaped.

    SPARQL 1.1 lets an engine expand ``\\uXXXX`` escapes anywhere in the query before
    parsing it (rdflib does; Oxigraph and Virtuoso read them inside strings only). So the
    ``u`` of a backslash-u in the text is itself written as ``\\u0075`` — both kinds of
    engine then read the original text back — and a hex digit right after any ``\\uXXXX``
    is escaped too, so no reader can take it for part of a longer code point.

    >>> print(sparql_string('a "b"\\n}'))
    "a \\"b\\"\\n}"
    >>> print(sparql_string('\\\\u0022'))
    "\\\\\\u0075\\u0030\\u0030\\u0032\\u0032"

    :raises GovkgError: the text holds a lone surrogate (it is not Unicode text).
    """
    out: list[str] = []
    escaped = False  # whether the last thing written was a \uXXXX escape
    for i, char in enumerate(text):
        code = ord(char)
        if 0xD800 <= code <= 0xDFFF:
            raise GovkgError("the text is not valid Unicode (a lone surrogate)", fix="fix the text")
        if char in _ECHAR:
            out.append(_ECHAR[char])
            escaped = False
        elif (
            code < 0x20
            or code == 0x7F
            or (char in "uU" and i and text[i - 1] == "\\")
            or (escaped and char in string.hexdigits)
        ):
            out.append(f"\\u{code:04X}")
            escaped = True
        else:
            out.append(char)
            escaped = False
    return '"' + "".join(out) + '"'


def sparql_term(term: Node) -> str:
    """An rdflib IRI or literal as SPARQL text (blank nodes cannot be bound remotely).

    :raises GovkgError: an invalid IRI, language tag or datatype, or a blank node.
    """
    if isinstance(term, URIRef):
        return sparql_iri(str(term))
    if isinstance(term, Literal):
        text = sparql_string(str(term))
        if term.language:
            if not _LANG.match(term.language):
                raise GovkgError(f"not a language tag: {term.language!r}", fix="e.g. id or en")
            return f"{text}@{term.language.lower()}"
        if term.datatype and term.datatype not in (XSD.string, RDF.langString):
            return f"{text}^^{sparql_iri(str(term.datatype))}"
        return text
    raise GovkgError(
        f"cannot bind {type(term).__name__} {term!r} on a remote endpoint",
        fix="bind an IRI or a literal",
    )


def values_clause(bindings: Mapping[str, Node]) -> str:
    """A one-row ``VALUES`` block for ``bindings`` (empty text for no bindings).

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


def bind_text(text: str, bindings: Mapping[str, Node]) -> str:
    """The query with ``bindings`` as a ``VALUES`` block first in its WHERE group.

    >>> print(bind_text("SELECT ?a WHERE { ?a ?p ?o }", {"a": URIRef("urn:x")}))
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


def json_term(cell: Mapping[str, str] | None) -> Node | None:
    """One SPARQL JSON result cell as an rdflib term, normalised across stores.

    >>> json_term({"type": "literal", "xml:lang": "en-US", "value": "x"})
    rdflib.term.Literal('x', lang='en-us')
    >>> json_term({"type": "typed-literal", "value": "x",
    ...            "datatype": "http://www.w3.org/2001/XMLSchema#string"})
    rdflib.term.Literal('x')
    """
    if cell is None:
        return None
    kind, value = cell.get("type"), cell.get("value", "")
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    if kind not in ("literal", "typed-literal"):
        raise GovkgError(f"unsupported result term type {kind!r}", fix="use plain RDF terms")
    if cell.get("xml:lang"):
        return Literal(value, lang=cell["xml:lang"].lower())
    datatype = cell.get("datatype")
    if not datatype or datatype in (str(XSD.string), str(RDF.langString)):
        return Literal(value)
    return Literal(value, datatype=URIRef(datatype))


def parse_results(response: Response, redact=lambda s: s) -> tuple[list[str], list[Row]]:
    """Variable names and rows from a SPARQL 1.1 JSON results body.

    :raises GovkgError: not JSON results, or an ASK answer.
    """
    try:
        doc = json.loads(response.body)
        names = list(doc["head"].get("vars", []))
    except (ValueError, KeyError, TypeError, AttributeError):
        raise GovkgError(
            redact(f"the endpoint did not answer SPARQL JSON results: {response.text(200)}"),
            fix="check that --endpoint is a SPARQL 1.1 query endpoint",
        ) from None
    if "boolean" in doc or names == [_ASK_VARIABLE]:
        raise GovkgError("only SELECT queries return rows", fix="use a SELECT query")
    rows = [[json_term(b.get(n)) for n in names] for b in doc["results"]["bindings"]]
    return names, rows


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
        response = self._post(bind_text(text, bindings), RESULTS_JSON)
        names, rows = parse_results(response, self.client.redactor.redact)
        _refuse_incomplete(response, len(rows))
        return names, rows

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
