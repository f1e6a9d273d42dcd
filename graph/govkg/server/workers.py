"""Queries run in worker processes that can be killed: a thread cannot stop Oxigraph.

Each worker opens the built store read-only once, caps the memory it may write
(``RLIMIT_DATA``) and then answers one :class:`Job` at a time over a pipe. The
:class:`WorkerPool` hands a job to an idle worker and waits at most the timeout; a
worker that is late is killed (SIGKILL) and replaced in the background, and one that
dies (out of memory) is replaced too, so one heavy query never blocks the others for
longer than the timeout nor takes the server down.
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import os
import queue
import resource
import signal
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from govkg.errors import GovkgError
from govkg.server.encode import encode_boolean, encode_solutions, encode_triples
from govkg.server.errors import HttpError
from govkg.server.policy import Limits
from govkg.server.sandbox import deny_network

log = logging.getLogger("govkg.serve")
READY_TIMEOUT = 60.0


@dataclass(frozen=True)
class Job:
    """One query for a worker: the text, the answer formats, bound values and limits."""

    query: str
    format: str = "json"  # for SELECT and ASK
    graph_format: str = "turtle"  # for CONSTRUCT and DESCRIBE
    rows: int = 10_000
    max_bytes: int = 16 * 1024 * 1024
    base_iri: str | None = None
    substitutions: tuple[tuple[str, tuple], ...] = ()  # (variable, term spec)
    columns: tuple[str, ...] = ()


@dataclass(frozen=True)
class Reply:
    """A worker's answer: a body in ``format``, or an error status and message."""

    ok: bool
    body: bytes = b""
    format: str = ""
    rows: int = 0
    truncated: str | None = None
    status: int = 200
    code: str = ""
    message: str = ""
    fatal: bool = False  # the worker must be replaced after this reply


# -- inside a worker --------------------------------------------------------------------


def term(spec: tuple):
    """An Oxigraph term from a picklable spec: ``("iri", v)``, ``("literal", v, dt, lang)``.

    >>> term(("literal", "2019-02-01", "http://www.w3.org/2001/XMLSchema#date", None))
    <Literal value=2019-02-01 datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#date>>
    """
    kind, value, *rest = spec
    if kind == "iri":
        return ox.NamedNode(value)
    if kind == "bnode":
        return ox.BlankNode(value)
    datatype, language = rest
    if language:
        return ox.Literal(value, language=language)
    return ox.Literal(value, datatype=ox.NamedNode(datatype) if datatype else None)


def run_job(store: ox.Store, job: Job) -> Reply:
    """Evaluate one job on an open store (used by workers, and directly by tests)."""
    try:
        result = store.query(
            job.query,
            base_iri=job.base_iri,
            substitutions={ox.Variable(n): term(s) for n, s in job.substitutions} or None,
        )
        if isinstance(result, ox.QuerySolutions):
            fmt = job.format
            done = encode_solutions(
                result, fmt, rows=job.rows, max_bytes=job.max_bytes, columns=list(job.columns)
            )
        elif isinstance(result, ox.QueryBoolean):
            fmt = job.format
            done = encode_boolean(bool(result), fmt)
        else:
            fmt = job.graph_format
            done = encode_triples(result, fmt, rows=job.rows, max_bytes=job.max_bytes)
    except SyntaxError as err:
        message = str(err).splitlines()[0][:300] if str(err) else "invalid query"
        return Reply(False, status=400, code="malformed-query", message=f"syntax error: {message}")
    except MemoryError:
        return Reply(
            False,
            status=503,
            code="query-aborted",
            message="the query needed more memory than a worker may use",
            fatal=True,
        )
    except Exception:  # engine errors carry internal detail: log it, answer generically
        log.exception("query failed")
        return Reply(False, status=500, code="query-failed", message="the query failed to run")
    return Reply(True, done.body, fmt, done.rows, done.truncated)


def cap_memory(memory_mb: int) -> None:
    """Limit the memory this process may write (heap, anonymous maps, thread stacks) to
    ``memory_mb`` MiB, where the OS allows.

    ``RLIMIT_DATA`` rather than ``RLIMIT_AS``: glibc reserves 64 MiB of address space per
    malloc arena, unused but counted by ``RLIMIT_AS``, so an idle worker's address space
    (0.5-0.65 GB here, varying with thread timing) came within a few MiB of a 700 MiB cap,
    and a worker could die while opening the store. Reservations are not counted here.
    """
    cap = memory_mb * 1024 * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_DATA)
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    resource.setrlimit(resource.RLIMIT_DATA, (cap, hard))


def worker_main(conn, store_path: str, memory_mb: int, audit_log: str | None) -> None:
    """A worker's life: no network, cap memory, open the store once, answer jobs until the
    pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if audit_log:
        from govkg.server.audit import install

        install(audit_log)
    try:
        deny_network()  # before any query: SERVICE reaches nothing (see sandbox.py)
        cap_memory(memory_mb)
        store = ox.Store.read_only(store_path)
    except (OSError, ValueError, MemoryError) as err:
        conn.send(("failed", f"{type(err).__name__}: {err}"))
        return
    conn.send(("ready", os.getpid()))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        reply = run_job(store, job)
        conn.send(reply)
        if reply.fatal:
            return


# -- the supervisor ---------------------------------------------------------------------


@dataclass(eq=False)
class _Worker:
    process: mp.Process
    conn: object
    pid: int = 0


@dataclass
class PoolStats:
    """What the pool did: queries run, workers killed after a timeout, stop latencies (s)."""

    queries: int = 0
    timeouts: int = 0
    deaths: int = 0
    stop_seconds: list[float] = field(default_factory=list)


class WorkerPool:
    """A fixed number of worker processes over one read-only store.

    :raises GovkgError: when the workers cannot open the store (exit code 2).
    """

    def __init__(self, store: Path, limits: Limits, *, audit_log: Path | None = None) -> None:
        self.store, self.limits = Path(store), limits
        self.audit_log = str(audit_log) if audit_log else None
        self.stats = PoolStats()
        self._ctx = mp.get_context("forkserver")
        self._ctx.set_forkserver_preload(["govkg.server.workers"])
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        for _ in range(limits.workers):
            self._idle.put(self._start())

    def _start(self) -> _Worker:
        parent, child = self._ctx.Pipe()
        process = self._ctx.Process(
            target=worker_main,
            args=(child, str(self.store), self.limits.memory_mb, self.audit_log),
            daemon=True,
            name="govkg-query-worker",
        )
        process.start()
        child.close()
        worker = _Worker(process, parent)
        with self._lock:
            self._all.add(worker)
        if not parent.poll(READY_TIMEOUT):
            self._kill(worker)
            raise GovkgError(f"a query worker did not start within {READY_TIMEOUT:.0f} s")
        try:
            status, detail = parent.recv()
        except EOFError:
            status, detail = "failed", "the worker exited"
        if status != "ready":
            self._kill(worker)
            raise GovkgError(
                f"a query worker cannot open the store {self.store}: {detail}",
                fix="rebuild it with 'govkg build', or raise --memory-mb",
            )
        worker.pid = detail
        return worker

    def _kill(self, worker: _Worker) -> None:
        with self._lock:
            self._all.discard(worker)
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join(5)
        worker.conn.close()

    def _replace(self, worker: _Worker) -> None:
        self._kill(worker)
        threading.Thread(target=self._refill, name="govkg-worker-refill", daemon=True).start()

    def _refill(self) -> None:
        for attempt in range(5):
            if self._closed:
                return
            try:
                worker = self._start()
            except GovkgError as err:
                log.error("cannot replace a query worker (attempt %d): %s", attempt + 1, err)
                time.sleep(1 + attempt)
                continue
            if self._closed:  # closed while this worker was starting
                self._kill(worker)
            else:
                self._idle.put(worker)
            return

    def run(self, job: Job, timeout: float | None = None) -> Reply:
        """Run ``job`` on an idle worker, killing it if it passes ``timeout`` seconds.

        :raises HttpError: 503 when every worker stays busy past ``queue_wait``, when the
            query passes the timeout, or when it kills its worker (memory cap).
        """
        timeout = self.limits.timeout if timeout is None else timeout
        worker = self._send(job)
        try:
            if not worker.conn.poll(timeout):
                self._stop_late(worker)
                raise _timeout(timeout)
            reply = worker.conn.recv()
        except (EOFError, OSError):
            self.stats.deaths += 1
            self._replace(worker)
            raise HttpError(
                503,
                "query-aborted",
                f"the query was stopped: it needed more than the {self.limits.memory_mb} MB "
                "a worker may use",
                fix="narrow the query (more specific patterns, LIMIT, no ORDER BY on huge sets)",
            ) from None
        self.stats.queries += 1
        if reply.fatal:
            self._replace(worker)
        else:
            self._idle.put(worker)
        return reply

    def _send(self, job: Job) -> _Worker:
        """Hand ``job`` to an idle worker (a worker found dead is replaced, and the next tried)."""
        for _ in range(3):
            worker = self._take()
            try:
                worker.conn.send(job)
                return worker
            except OSError:
                self.stats.deaths += 1
                self._replace(worker)
        raise HttpError(503, "busy", "no query worker is available", fix="retry shortly")

    def _take(self) -> _Worker:
        if self._closed:
            raise HttpError(503, "shutting-down", "the server is shutting down")
        try:
            return self._idle.get(timeout=self.limits.queue_wait)
        except queue.Empty:
            raise HttpError(
                503,
                "busy",
                f"every query worker stayed busy for {self.limits.queue_wait:g} s",
                fix="retry shortly",
                headers={"Retry-After": "1"},
            ) from None

    def _stop_late(self, worker: _Worker) -> None:
        late = time.perf_counter()
        worker.process.kill()
        worker.process.join(5)
        self.stats.timeouts += 1
        self.stats.stop_seconds.append(time.perf_counter() - late)
        log.warning("stopped a query after the %.1f s timeout", self.limits.timeout)
        self._replace(worker)

    def pids(self) -> list[int]:
        """Process ids of the live workers."""
        with self._lock:
            return sorted(w.pid for w in self._all if w.pid)

    def close(self) -> None:
        """Stop every worker."""
        self._closed = True
        with self._lock:
            workers = list(self._all)
        for worker in workers:
            self._kill(worker)


def _timeout(seconds: float) -> HttpError:
    return HttpError(
        503,
        "query-timeout",
        f"the query ran longer than {seconds:g} s and was stopped",
        fix="narrow the query (more specific patterns, LIMIT), or ask for a larger --timeout",
    )
