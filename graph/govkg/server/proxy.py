"""``govkg serve --proxy``: the same endpoint and UI, answering from a remote SPARQL store.

A :class:`ProxyPool` stands where the :class:`~govkg.server.pool.WorkerPool` stands:
the app has already checked and refused what it refuses (updates, SERVICE, FROM, dataset
parameters, oversized queries) before a job reaches it. The pool sends the query on with
:class:`~govkg.remote.RemoteEngine` — canned-query parameters as a ``VALUES`` block built
from typed, escaped terms — reads the store's answer back as terms, and writes it with the
same encoders, row and byte limits as a local answer, so clients cannot tell the two
apart. The store's messages pass through the credentials redactor; a query that outlives
``--timeout`` is answered 503 ``query-timeout`` like a local one.
"""

from __future__ import annotations

import logging
import time

import pyoxigraph as ox

from govkg.errors import GovkgError
from govkg.remote.endpoint import RemoteEngine, bind_text
from govkg.remote.http import Credentials
from govkg.server.encode import encode_boolean, encode_rows, encode_triples
from govkg.server.policy import Limits
from govkg.server.pool import PoolStats
from govkg.server.workers import Job, Reply
from govkg.sparql import query_form

log = logging.getLogger("govkg.serve")
GRAPH_ACCEPT = "text/turtle, application/n-triples;q=0.9, application/rdf+xml;q=0.5"


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
            text = bind_text(job.query, dict(job.substitutions))
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
            names, rows = self.engine.solutions(text, {})
            done = encode_rows(
                names,
                rows,
                job.format,
                rows=job.rows,
                max_bytes=job.max_bytes,
                columns=list(job.columns),
            )
            return Reply(True, done.body, job.format, done.rows, done.truncated)
        if form == "AskQuery":
            answer = self.engine.ask(text)
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
