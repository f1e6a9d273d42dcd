"""Starting a worker process, hearing its first word, and telling how it ended.

>>> import multiprocessing as mp
>>> left, right = mp.Pipe()
>>> right.send(("ready", 42))
>>> hello(left)
('ready', 42)
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import types

from govkg.server.owned import die_with_parent
from govkg.server.workers import worker_main

READY_TIMEOUT = 60.0


def owned_worker_main(*args) -> None:
    """A worker that dies with the forkserver that forked it, then the usual worker life."""
    die_with_parent()
    _let_go_of_the_server()
    worker_main(*args)


def _let_go_of_the_server() -> None:
    """Close this worker's copy of the server's end of the forkserver's "alive" pipe.

    The forkserver exits when that pipe's last writer closes; every process it forks gets a
    copy, so a SIGKILLed server's forkserver (and, through ``PR_SET_PDEATHSIG``, its workers)
    lived on while a worker was busy with a query. A worker starts no processes and needs
    no copy. (``multiprocessing`` keeps the descriptor in a private attribute.)
    """
    from multiprocessing import forkserver

    owner = forkserver._forkserver
    fd = getattr(owner, "_forkserver_alive_fd", None)
    if fd is not None:
        with contextlib.suppress(OSError):
            os.close(fd)
        owner._forkserver_alive_fd = None


_STARTING = threading.Lock()


@contextlib.contextmanager
def without_main():
    """Start a worker without it importing the main script again.

    ``multiprocessing`` makes every new process import the parent's ``__main__``; for the
    ``govkg`` console script that is all of ``govkg.cli``, 0.3 s of CPU per worker, paid on
    every replacement (the forkserver's ``__main__`` preload never applies: CPython reads a
    key its own data never has). A worker needs nothing from it, so it is hidden while the
    process starts.
    """
    with _STARTING:
        main = sys.modules["__main__"]
        sys.modules["__main__"] = types.ModuleType("__main__")
        try:
            yield
        finally:
            sys.modules["__main__"] = main


def hello(conn) -> tuple[str, object]:
    """A new worker's first word: ``("ready", pid)`` or ``("failed", why)``."""
    if not conn.poll(READY_TIMEOUT):
        return "failed", f"it did not start within {READY_TIMEOUT:.0f} s"
    try:
        return conn.recv()
    except (EOFError, OSError):
        return "failed", "the worker exited"


def death(worker, memory_mb: int) -> str:
    """Why a worker died under a query, as far as its exit status tells.

    The memory cap makes the engine's allocator abort (SIGABRT); a SIGKILL comes from
    outside (the system's out-of-memory killer, an operator); the status is unknown when
    the forkserver that would report it is gone.
    """
    worker.owned.wait(2)
    worker.process.join(0.5)
    code = worker.process.exitcode
    if code == -signal.SIGABRT:
        return f"the query was stopped: it needed more than the {memory_mb} MB a worker may use"
    if code == -signal.SIGKILL:
        return (
            "the worker running the query was killed from outside the server "
            "(perhaps the system ran out of memory)"
        )
    if code is None or code == 255:
        return "the worker running the query stopped unexpectedly"
    return f"the worker running the query crashed (exit status {code})"
