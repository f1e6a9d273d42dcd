"""An audit log of what the server process and its workers reach outside themselves.

``govkg serve --audit-log FILE`` installs a :func:`sys.addaudithook` hook in the server
and in every worker that appends one JSON line per socket connect, socket bind, file
open (for writing as well as reading), subprocess and ``os.system`` call. Tests use it
to show that refused queries open no file and no connection; operators can keep it on.

It sees what Python code does. Connections made inside Oxigraph's Rust code (its own
HTTP client, used for ``SERVICE``) are not Python events: they are prevented twice, by
the policy, which refuses ``SERVICE`` before a query reaches Oxigraph, and by the
workers' seccomp filter (:mod:`govkg.server.sandbox`), which leaves them no network
socket to make (tests show both with a listening socket that must stay silent).

>>> import json, tempfile, pathlib
>>> log = pathlib.Path(tempfile.mkdtemp()) / "audit.jsonl"
>>> record_event(str(log), "open", ("/etc/hostname", "r", 0))
>>> json.loads(log.read_text())["event"]
'open'
"""

from __future__ import annotations

import json
import os
import sys
import threading

EVENTS = frozenset({"socket.connect", "socket.bind", "open", "subprocess.Popen", "os.system"})
_installed: set[str] = set()
_guard = threading.local()


def record_event(path: str, event: str, args: tuple) -> None:
    """Append one event as a JSON line (written with ``os.write``: no audit recursion)."""
    line = json.dumps(
        {"pid": os.getpid(), "event": event, "args": [_plain(a) for a in args]},
        ensure_ascii=False,
    )
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(fd, (line + "\n").encode("utf-8"))
    finally:
        os.close(fd)


def _plain(value) -> object:
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return repr(value)


def install(path: str | os.PathLike[str]) -> None:
    """Log this process's socket, file and subprocess events to ``path`` (once per path).

    :raises OutputError: ``path`` is a FIFO, a device or a folder (:func:`govkg.files.output_path`;
        a FIFO would block the server until someone reads it).
    """
    from govkg.files import output_path

    output_path(path)
    target = os.fspath(path)
    if target in _installed:
        return
    _installed.add(target)

    def hook(event: str, args: tuple) -> None:
        if event not in EVENTS or getattr(_guard, "busy", False):
            return
        _guard.busy = True
        try:
            record_event(target, event, args)
        finally:
            _guard.busy = False

    sys.addaudithook(hook)


def read_events(path: str | os.PathLike[str]) -> list[dict]:
    """Every event logged so far."""
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]
