"""Queries run in worker processes that can be killed: a thread cannot stop Oxigraph.

Each worker opens the built store read-only once, caps the memory it may write
(``RLIMIT_DATA``) and then answers one :class:`Job` at a time over a pipe. The
supervisor that starts, watches and kills workers is :mod:`govkg.server.pool`.
"""

from __future__ import annotations

import logging
import os
import resource
import signal
from dataclasses import dataclass

import pyoxigraph as ox

from govkg.server.encode import encode_boolean, encode_solutions, encode_triples
from govkg.server.sandbox import deny_network

log = logging.getLogger("govkg.serve")


@dataclass(frozen=True)
class Job:
    """One query for a worker: the text, the answer formats, bound values and limits."""

    query: str
    format: str = "json"  # for SELECT and ASK
    graph_format: str = "turtle"  # for CONSTRUCT and DESCRIBE
    rows: int = 10_000
    max_bytes: int = 16 * 1024 * 1024
    base_iri: str | None = None
    substitutions: tuple[tuple[str, object], ...] = ()  # (variable, Oxigraph term)
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


def run_job(store: ox.Store, job: Job) -> Reply:
    """Evaluate one job on an open store (used by workers, and directly by tests)."""
    try:
        result = store.query(
            job.query,
            base_iri=job.base_iri,
            substitutions={ox.Variable(n): t for n, t in job.substitutions} or None,
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
