"""SPARQL 1.1 Protocol requests: how a query arrives and which format answers it.

Three ways to send a query (GET ``?query=``, POST form, POST ``application/sparql-query``);
the answer's format comes from a ``format``/``output`` parameter when given, else from
``Accept``. Everything a client can get wrong becomes an :class:`HttpError`.

>>> negotiate("results", "text/csv;q=0.5, application/sparql-results+xml", []).name
'xml'
>>> negotiate("graph", None, ["turtle"]).media_type
'text/turtle'
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import parse_qs

from govkg.server.errors import HttpError
from govkg.server.peer import Peer
from govkg.server.policy import Limits

FORM = "application/x-www-form-urlencoded"
DIRECT = "application/sparql-query"
UPDATE = "application/sparql-update"
MAX_PARAMS = 200


@dataclass(frozen=True)
class Format:
    """An answer format: its name, the media type sent, and the media types that pick it."""

    name: str
    kind: str  # "results" (SELECT, ASK) or "graph" (CONSTRUCT, DESCRIBE)
    media_type: str
    accepts: tuple[str, ...]


FORMATS = (  # server preference order within each kind
    Format("json", "results", "application/sparql-results+json", ("application/json",)),
    Format("xml", "results", "application/sparql-results+xml", ("application/xml", "text/xml")),
    Format("csv", "results", "text/csv", ()),
    Format("tsv", "results", "text/tab-separated-values", ()),
    Format("turtle", "graph", "text/turtle", ("application/x-turtle", "text/n3", "text/rdf+n3")),
    Format("ntriples", "graph", "application/n-triples", ("text/plain",)),
    Format("jsonld", "graph", "application/ld+json", ("application/json",)),
    Format("rdfxml", "graph", "application/rdf+xml", ("application/xml", "text/xml")),
)
BY_NAME = {f.name: f for f in FORMATS}
_ALIASES = {  # format= / output= values (SPARQLWrapper's included) → name per kind
    "json": ("json", "jsonld"),
    "xml": ("xml", "rdfxml"),
    "csv": ("csv", None),
    "tsv": ("tsv", None),
    "turtle": (None, "turtle"),
    "ttl": (None, "turtle"),
    "n3": (None, "turtle"),
    "nt": (None, "ntriples"),
    "ntriples": (None, "ntriples"),
    "n-triples": (None, "ntriples"),
    "jsonld": (None, "jsonld"),
    "json-ld": (None, "jsonld"),
    "rdf": (None, "rdfxml"),
    "rdfxml": (None, "rdfxml"),
    "rdf+xml": (None, "rdfxml"),
}
KIND_OF_FORM = {"SELECT": "results", "ASK": "results", "CONSTRUCT": "graph", "DESCRIBE": "graph"}


@dataclass
class Request:
    """One HTTP request as the app sees it (header names lower-case)."""

    method: str
    path: str
    query_string: str = ""
    headers: Mapping[str, str] = field(default_factory=dict)
    body: bytes = b""
    peer: Peer = field(default_factory=Peer)  # who sent it (watched for a hang-up)

    def header(self, name: str) -> str | None:
        """A header's value, or None."""
        return self.headers.get(name.lower())


@dataclass
class Response:
    """Status, headers and body of one answer."""

    status: int
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class SparqlRequest:
    """A protocol request reduced to what matters: the query (None asks for the description)."""

    query: str | None
    formats: tuple[str, ...]
    accept: str | None


def parse_params(text: str, where: str) -> dict[str, list[str]]:
    """``a=1&a=2`` → ``{"a": ["1", "2"]}``, strictly UTF-8.

    :raises HttpError: 400 on bad percent-encoding or too many parameters.
    """
    try:
        return parse_qs(text, keep_blank_values=True, errors="strict", max_num_fields=MAX_PARAMS)
    except (UnicodeDecodeError, ValueError):
        raise HttpError(
            400,
            "bad-parameters",
            f"the {where} is not valid UTF-8 form encoding (or has over {MAX_PARAMS} fields)",
            fix="percent-encode UTF-8 text, e.g. with urllib.parse.urlencode",
        ) from None


def media_type(value: str | None) -> tuple[str, dict[str, str]]:
    """``"Text/Plain; charset=UTF-8"`` → ``("text/plain", {"charset": "utf-8"})``."""
    if not value:
        return "", {}
    kind, *rest = value.split(";")
    params = {}
    for item in rest:
        name, _, val = item.partition("=")
        params[name.strip().lower()] = val.strip().strip('"').lower()
    return kind.strip().lower(), params


def parse_sparql(request: Request, limits: Limits) -> SparqlRequest:
    """Read a ``/sparql`` request (GET or POST) per the SPARQL 1.1 Protocol.

    >>> parse_sparql(Request("GET", "/sparql", "query=ASK%7B%7D"), Limits()).query
    'ASK{}'

    :raises HttpError: 400 (several queries, bad encoding), 403 (updates, client datasets),
        413 (body too large), 415 (wrong content type).
    """
    params = parse_params(request.query_string, "query string")
    if request.method == "POST":
        params = _merge(params, _post_params(request, limits))
    _refuse_params(params)
    queries = params.get("query", [])
    if len(queries) > 1:
        raise HttpError(
            400, "multiple-queries", "more than one query was given", fix="send one query"
        )
    if not queries:
        if request.method == "POST":
            raise HttpError(400, "missing-query", "no query was given", fix="send query=…")
        return SparqlRequest(None, _formats(params), request.header("accept"))
    if not queries[0].strip():
        raise HttpError(400, "malformed-query", "the query is empty", fix="send a SPARQL query")
    return SparqlRequest(queries[0], _formats(params), request.header("accept"))


def _post_params(request: Request, limits: Limits) -> dict[str, list[str]]:
    if len(request.body) > limits.body_bytes:
        raise too_large(len(request.body), limits)
    kind, params = media_type(request.header("content-type"))
    if kind == UPDATE:
        _refuse_params({"update": []})
    if kind not in (FORM, DIRECT):
        raise HttpError(
            415,
            "unsupported-media-type",
            f"a POST body of type {kind[:80] or '(none)'!r} is not accepted",
            fix=f"send {FORM} (query=…) or {DIRECT}",
        )
    if params.get("charset", "utf-8") not in ("utf-8", "utf8"):
        raise HttpError(
            415,
            "unsupported-charset",
            f"charset {params['charset'][:40]!r} is not accepted",
            fix="encode the query as UTF-8",
        )
    text = _utf8(request.body)
    if kind == FORM:
        return parse_params(text, "body")
    return {"query": [text]}


def _utf8(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        raise HttpError(
            400, "bad-encoding", "the body is not valid UTF-8", fix="encode it as UTF-8"
        ) from None


def too_large(size: int, limits: Limits) -> HttpError:
    """The error for a body over the limit."""
    return HttpError(
        413,
        "body-too-large",
        f"the request body has {size} bytes; the limit is {limits.body_bytes}",
        fix="send a shorter query",
    )


def _merge(a: dict[str, list[str]], b: dict[str, list[str]]) -> dict[str, list[str]]:
    merged = {k: list(v) for k, v in a.items()}
    for key, values in b.items():
        merged.setdefault(key, []).extend(values)
    return merged


def _refuse_params(params: Mapping[str, list[str]]) -> None:
    if {"update", "using-graph-uri", "using-named-graph-uri"} & set(params):
        raise HttpError(
            403,
            "update-refused",
            "SPARQL Update is refused: this endpoint is read-only",
            fix="change the records and run 'govkg build' instead",
        )
    if {"default-graph-uri", "named-graph-uri"} & set(params):
        raise HttpError(
            403,
            "dataset-refused",
            "default-graph-uri and named-graph-uri are refused: the dataset is fixed",
            fix="drop the parameter; use GRAPH <name> { … } to pick a named graph",
        )


def _formats(params: Mapping[str, list[str]]) -> tuple[str, ...]:
    return tuple(v.strip().lower() for k in ("format", "output") for v in params.get(k, []) if v)


def negotiate(kind: str, accept: str | None, overrides: tuple[str, ...] | list[str]) -> Format:
    """The format for a ``kind`` of answer: a ``format`` override first, else ``Accept``.

    :raises HttpError: 400 for an unknown override, 406 when nothing acceptable fits.
    """
    candidates = [f for f in FORMATS if f.kind == kind]
    if overrides:
        return _override(kind, candidates, overrides)
    if not accept or not accept.strip():
        return candidates[0]
    ranges = _accept_ranges(accept)
    best = max(candidates, key=lambda f: (_quality(f, ranges), -candidates.index(f)))
    if _quality(best, ranges) <= 0:
        raise not_acceptable(kind)
    return best


def not_acceptable(kind: str) -> HttpError:
    """The 406 error for a kind of answer, listing what it can be."""
    names = ", ".join(f.media_type for f in FORMATS if f.kind == kind)
    what = "SELECT/ASK results" if kind == "results" else "CONSTRUCT/DESCRIBE graphs"
    return HttpError(406, "not-acceptable", f"{what} come as {names}", fix="accept one of them")


def _override(kind: str, candidates: list[Format], overrides) -> Format:
    known = False
    for value in overrides:
        if value in _ALIASES:
            known = True
            name = _ALIASES[value][0 if kind == "results" else 1]
            if name:
                return BY_NAME[name]
            continue
        for f in candidates:
            if value in (f.media_type, *f.accepts):
                return f
        known = known or any(value in (f.media_type, *f.accepts) for f in FORMATS)
    if known:
        raise not_acceptable(kind)
    raise HttpError(
        400,
        "unknown-format",
        f"unknown format {overrides[0][:40]!r}",
        fix="use json, xml, csv, tsv (SELECT/ASK) or turtle, nt, jsonld, rdfxml (graphs)",
    )


def _accept_ranges(accept: str) -> list[tuple[str, float]]:
    ranges = []
    for item in accept.split(",")[:50]:
        kind, params = media_type(item)
        if "/" not in kind:
            continue
        try:
            q = float(params.get("q", "1"))
        except ValueError:
            q = 0.0
        ranges.append((kind, q))
    return ranges


def _quality(fmt: Format, ranges: list[tuple[str, float]]) -> float:
    best, specificity = 0.0, -1
    for media in (fmt.media_type, *fmt.accepts):
        main = media.split("/")[0]
        for kind, q in ranges:
            level = 2 if kind == media else 1 if kind == f"{main}/*" else 0 if kind == "*/*" else -1
            if level > specificity or (level == specificity and q > best):
                best, specificity = q, level
    return best if specificity >= 0 else 0.0
