"""``govkg serve --proxy``: the same endpoint and UI, answering from a remote SPARQL store.

A :class:`ProxyPool` stands where the :class:`~govkg.server.pool.WorkerPool` stands:
the app has already checked and refused what it refuses (updates, SERVICE, FROM, dataset
parameters, oversized queries) before a job reaches it. The pool sends the query on with
:class:`~govkg.remote.RemoteEngine` — canned-query parameters as a ``VALUES`` block built
from typed, escaped terms — reads the store's answer back as terms, and writes it with the
same encoders, row and byte limits as a local answer, so clients cannot tell the two
apart. The store's messages pass through the credentials redactor; a query that outlives
``--timeout`` is answered 503 ``query-timeout`` like a local one.

>>> solutions = Solutions(["a"], [[URIRef("urn:x")]])
>>> [s["a"] for s in solutions], solutions.variables
([<NamedNode value=urn:x>], [<Variable value=a>])
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterator, Sequence

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from govkg.engines import to_oxigraph
from govkg.errors import GovkgError
from govkg.remote.endpoint import RESULTS_JSON, RemoteEngine, bind_text
from govkg.remote.http import Credentials
from govkg.server.encode import encode_boolean, encode_solutions, encode_triples
from govkg.server.policy import Limits
from govkg.server.pool import PoolStats
from govkg.server.workers import Job, Reply
from govkg.sparql import query_form

log = logging.getLogger("govkg.serve")
GRAPH_ACCEPT = "text/turtle, application/n-triples;q=0.9, application/rdf+xml;q=0.5"


def rdflib_term(spec: tuple) -> Node:
    """A job's picklable term spec (see :func:`govkg.server.workers.term`) as an rdflib term.

    >>> rdflib_term(("literal", "LAN", None, "id"))
    rdflib.term.Literal('LAN', lang='id')
    """
    kind, value, *rest = spec
    if kind == "iri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    datatype, language = rest
    if language:
        return Literal(value, lang=language)
    return Literal(value, datatype=URIRef(datatype) if datatype else None)


class Solutions:
    """Rows of rdflib terms shaped like Oxigraph's ``QuerySolutions`` for the encoders."""

    def __init__(self, names: Sequence[str], rows: Sequence[Sequence[Node | None]]) -> None:
        self.variables = [ox.Variable(n) for n in names]
        self._names, self._rows = list(names), rows

    def __iter__(self) -> Iterator[dict]:
        for row in self._rows:
            yield {
                n: None if t is None else to_oxigraph(t)
                for n, t in zip(self._names, row, strict=True)
            }


def ask_answer(body: bytes) -> bool:
    """The boolean of an ASK answer in SPARQL JSON (Virtuoso's one-cell SELECT form too).

    >>> ask_answer(b'{"head": {}, "boolean": true}')
    True
    >>> ask_answer(b'{"head": {"vars": ["__ASK_RETVAL"]}, "results": {"bindings": '
    ...            b'[{"__ASK_RETVAL": {"type": "literal", "value": "0"}}]}}')
    False

    :raises GovkgError: the body is not an ASK answer.
    """
    try:
        doc = json.loads(body)
        if "boolean" in doc:
            return bool(doc["boolean"])
        value = doc["results"]["bindings"][0]["__ASK_RETVAL"]["value"]
    except (ValueError, KeyError, IndexError, TypeError):
        raise GovkgError("the store did not answer the ASK query", fix="check the store") from None
    return value.strip().lower() in ("1", "true")


class ProxyPool:
    """Answers jobs from a remote SPARQL 1.1 endpoint (thread-safe; no worker processes).

    :raises GovkgError: a malformed endpoint URL.
    """

    def __init__(
        self, endpoint: str, limits: Limits, credentials: Credentials | None = None
    ) -> None:
        self.limits, self.stats = limits, PoolStats()
        self.engine = RemoteEngine(
            endpoint, credentials or Credentials.from_env(), timeout=limits.timeout, retries=0
        )
        self.url = self.engine.url  # without any user:password@

    def run(self, job: Job, timeout: float | None = None, *, peer: object = None) -> Reply:
        """Answer ``job`` from the store, encoded like a local answer (errors as a Reply).

        ``peer`` is accepted for the pool's interface; a hang-up is not watched here.
        """
        try:
            bindings = {name: rdflib_term(spec) for name, spec in job.substitutions}
            text = bind_text(job.query, bindings)
            form = query_form(text)
        except GovkgError as err:
            return Reply(False, status=400, code="malformed-query", message=err.message[:300])
        started = time.perf_counter()
        try:
            reply = self._answer(job, text, form)
        except GovkgError as err:
            if time.perf_counter() - started >= self.limits.timeout:
                self.stats.timeouts += 1
                return Reply(
                    False,
                    status=503,
                    code="query-timeout",
                    message=f"the query ran longer than {self.limits.timeout:g} s and was stopped",
                )
            log.warning("remote store failed: %s", err)
            return Reply(False, status=502, code="upstream-failed", message=err.message[:500])
        self.stats.queries += 1
        return reply

    def _answer(self, job: Job, text: str, form: str) -> Reply:
        if form == "SelectQuery":
            names, rows = self.engine.select(text, {})
            done = encode_solutions(
                Solutions(names, rows),
                job.format,
                rows=job.rows,
                max_bytes=job.max_bytes,
                columns=list(job.columns),
            )
            return Reply(True, done.body, job.format, done.rows, done.truncated)
        if form == "AskQuery":
            answer = ask_answer(self.engine.forward(text, RESULTS_JSON).body)
            return Reply(True, encode_boolean(answer, job.format).body, job.format, 1)
        triples = self._graph(text)
        done = encode_triples(triples, job.graph_format, rows=job.rows, max_bytes=job.max_bytes)
        return Reply(True, done.body, job.graph_format, done.rows, done.truncated)

    def _graph(self, text: str) -> list[ox.Triple]:
        response = self.engine.forward(text, GRAPH_ACCEPT)
        media = (response.headers.get("Content-Type") or "text/turtle").split(";")[0].strip()
        fmt = ox.RdfFormat.from_media_type(media)
        if fmt is None:
            raise GovkgError(f"the store answered {media!r}", fix="use a store that writes Turtle")
        try:
            quads = ox.parse(response.body, format=fmt)
            return [ox.Triple(q.subject, q.predicate, q.object) for q in quads]
        except SyntaxError as err:
            raise GovkgError(
                f"the store's answer does not parse: {err}", fix="check the store"
            ) from None

    def pids(self) -> list[int]:
        """No worker processes: queries run in the store."""
        return []

    def close(self) -> None:
        """Close the connections to the store."""
        self.engine.close()
