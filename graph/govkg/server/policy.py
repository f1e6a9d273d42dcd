"""What the endpoint refuses, and the limits it keeps: one place, named settings.

Refused before any evaluation (rdflib opens sockets and local files for these, and
Oxigraph itself sends ``SERVICE`` calls over HTTP):

- ``SERVICE`` anywhere (``SILENT``, nested in subqueries, ``EXISTS``, ``OPTIONAL``),
- ``FROM`` / ``FROM NAMED`` dataset clauses (and the protocol's graph-uri parameters),
- SPARQL Update in any form (the store is opened read-only as well).

The verdict comes from a parse (:mod:`govkg.sparql`), bounded in length and time: a text
that does not parse as SPARQL 1.1 within ``parse_seconds`` is refused too. This is the
first of two layers; the second (:mod:`govkg.server.sandbox`) leaves query workers no
way to open a network socket, so a query this layer missed still reaches nothing.

>>> check_query("SELECT * WHERE { ?s ?p 'SERVICE' }").form
'SELECT'
>>> try:
...     check_query("SELECT * WHERE { FILTER(1<'a>b' || true) SERVICE <http://x/> { } } #'")
... except HttpError as err:
...     print(err.status, err.code)
403 service-refused
"""

from __future__ import annotations

from dataclasses import dataclass

from govkg.server.errors import HttpError

QUERY_FORMS = ("SELECT", "CONSTRUCT", "DESCRIBE", "ASK")


@dataclass(frozen=True)
class Limits:
    """The endpoint's limits, each a named setting (CLI: ``govkg serve --help``).

    >>> Limits().timeout, Limits(rows=5).rows
    (10.0, 5)
    """

    query_chars: int = 20_000  # longest query text accepted
    body_bytes: int = 100_000  # largest request body accepted
    rows: int = 10_000  # result rows (or triples) returned; more are cut, with a header
    response_bytes: int = 16 * 1024 * 1024  # largest response body; more is cut, with a header
    timeout: float = 10.0  # wall-clock seconds per query; the worker is killed after it
    memory_mb: int = 2048  # cap on the memory each worker process may write (RLIMIT_DATA)
    workers: int = 3  # worker processes (each runs one query at a time)
    queue_wait: float = 30.0  # longest wait for a free worker before answering 503 busy
    parse_seconds: float = 2.0  # longest parse of a query text before it is refused

    def __post_init__(self) -> None:
        for name, value in vars(self).items():
            if value <= 0:
                raise ValueError(f"limit {name} must be positive, not {value!r}")


@dataclass(frozen=True)
class QueryInfo:
    """What the policy learnt about an accepted query: its form (SELECT, ASK, …)."""

    form: str


def check_query(text: str, limits: Limits | None = None) -> QueryInfo:
    """Accept a query text or refuse it before it reaches an engine.

    :raises HttpError: 413 too long, 400 not a query (or too slow to parse), 403 SERVICE,
        FROM or an update.
    """
    from govkg.sparql import SparqlSyntaxError, TooComplex, read

    limits = limits or Limits()
    if len(text) > limits.query_chars:
        raise HttpError(
            413,
            "query-too-long",
            f"the query has {len(text)} characters; the limit is {limits.query_chars}",
            fix="shorten the query (or restart the server with a larger --max-query-chars)",
        )
    try:
        reading = read(text, max_chars=limits.query_chars, seconds=limits.parse_seconds)
    except TooComplex as err:
        raise HttpError(
            400,
            "query-too-complex",
            f"{err.message}: the endpoint refuses what it cannot read",
            fix="write the query with less nesting, fewer operators or fewer patterns",
        ) from None
    except SparqlSyntaxError as err:
        raise HttpError(
            400, "malformed-query", err.message, fix="send a SPARQL 1.1 query"
        ) from None
    _refuse(reading)
    return QueryInfo(reading.form)


def _refuse(reading) -> None:
    if reading.update:
        raise HttpError(
            403,
            "update-refused",
            "SPARQL Update is refused: this endpoint is read-only",
            fix="change the records and run 'govkg build' instead",
        )
    if reading.service:
        raise HttpError(
            403,
            "service-refused",
            "SERVICE is refused by this endpoint",
            fix="query the other endpoint yourself and join the results locally",
        )
    if reading.dataset:
        raise HttpError(
            403,
            "dataset-refused",
            "FROM and FROM NAMED are refused: the dataset is fixed",
            fix="remove FROM; use GRAPH <name> { … } to pick a named graph",
        )
