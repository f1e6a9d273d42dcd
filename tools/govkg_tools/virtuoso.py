"""A private, throwaway Virtuoso Open Source 7 on loopback (tests, benchmarks, trying it out).

It follows what was seen to work here: its own folder and ini file, free loopback ports,
``virtuoso-t +wait`` to start and ``isql-vt … shutdown`` to stop. The administrator's
password is changed from the well-known ``dba`` to a random one at start, so even a
throwaway instance is not open to anyone on the machine who knows the default.

    with running_virtuoso(Path("/tmp/vt")) as vt:
        push(["out"], vt.endpoint, credentials=vt.credentials)
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from govkg.errors import GovkgError
from govkg.remote.http import Credentials

VSP = "/var/lib/virtuoso-opensource-7/vsp"
INSTALL_HINT = "install Virtuoso with 'make test-remote' (apt package virtuoso-opensource)"

INI = """\
[Database]
DatabaseFile = {dir}/db.db
ErrorLogFile = {dir}/virtuoso.log
TransactionFile = {dir}/db.trx
xa_persistent_file = {dir}/db.pxa
[TempDatabase]
DatabaseFile = {dir}/temp.db
TransactionFile = {dir}/temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DirsAllowed = ., {dir}
NumberOfBuffers = {buffers}
MaxDirtyBuffers = {dirty}
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {vsp}
[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 120
"""


def available() -> bool:
    """Whether ``virtuoso-t`` and ``isql-vt`` are installed."""
    return bool(shutil.which("virtuoso-t") and shutil.which("isql-vt"))


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on (now)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Virtuoso:
    """One running private instance."""

    folder: Path
    http_port: int
    sql_port: int
    password: str = field(repr=False)

    @property
    def endpoint(self) -> str:
        """The SPARQL 1.1 query endpoint."""
        return f"http://127.0.0.1:{self.http_port}/sparql"

    @property
    def graph_store(self) -> str:
        """The Graph Store Protocol endpoint that takes writes (digest auth)."""
        return f"http://127.0.0.1:{self.http_port}/sparql-graph-crud-auth"

    @property
    def credentials(self) -> Credentials:
        """The administrator's credentials."""
        return Credentials("dba", self.password)

    def isql(self, statement: str, password: str | None = None) -> str:
        """Run one SQL statement through ``isql-vt``; its output."""
        done = subprocess.run(
            ["isql-vt", str(self.sql_port), "dba", password or self.password, f"exec={statement}"],
            capture_output=True,
            text=True,
            timeout=120,
        )
        if done.returncode != 0:
            raise GovkgError("isql-vt failed", fix=f"see {self.folder}/virtuoso.log")
        return done.stdout

    def stop(self) -> None:
        """Shut the instance down (SQL shutdown; the process we started is killed if it lingers)."""
        pid = self._pid()
        with contextlib.suppress(GovkgError, subprocess.TimeoutExpired):
            self.isql("shutdown;")
        deadline = time.monotonic() + 30
        while pid and _alive(pid) and time.monotonic() < deadline:
            time.sleep(0.2)
        if pid and _alive(pid):
            os.kill(pid, signal.SIGKILL)

    def _pid(self) -> int | None:
        lock = self.folder / "db.lck"
        with contextlib.suppress(OSError, ValueError):
            return int(lock.read_text().strip().partition("=")[2])
        return None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def start_virtuoso(folder: str | Path, *, buffers: int = 20_000, timeout: float = 90) -> Virtuoso:
    """Start a new instance whose database lives in ``folder`` (created; must be new or empty).

    ``buffers`` are 8 kB pages of cache (170000 ≈ 1.3 GB suits a million-triple load).

    :raises GovkgError: Virtuoso is not installed or does not come up.
    """
    if not available():
        raise GovkgError("virtuoso-t is not installed", fix=INSTALL_HINT)
    folder = Path(folder).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    if (folder / "db.db").exists():
        raise GovkgError(f"{folder} already holds a database", fix="give a new or empty folder")
    instance = Virtuoso(folder, free_port(), free_port(), secrets.token_hex(12))
    (folder / "virtuoso.ini").write_text(
        INI.format(
            dir=folder,
            sql_port=instance.sql_port,
            http_port=instance.http_port,
            buffers=buffers,
            dirty=buffers * 3 // 4,
            vsp=VSP,
        )
    )
    started = subprocess.run(
        ["virtuoso-t", "+configfile", str(folder / "virtuoso.ini"), "+wait"],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if started.returncode != 0:
        raise GovkgError(
            f"virtuoso-t did not start (exit {started.returncode})",
            fix=f"see {folder}/virtuoso.log",
        )
    try:
        _wait_http(instance.endpoint, timeout)
        instance.isql("USER_SET_PASSWORD('dba', '" + instance.password + "');", password="dba")
    except BaseException:
        instance.password = "dba"
        instance.stop()
        raise
    return instance


def _wait_http(endpoint: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    probe = endpoint + "?query=ASK%7B%7D"
    while True:
        try:
            with urllib.request.urlopen(probe, timeout=5) as answer:
                if answer.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        if time.monotonic() > deadline:
            raise GovkgError("Virtuoso's HTTP server did not answer", fix="see virtuoso.log")
        time.sleep(0.3)


@contextlib.contextmanager
def running_virtuoso(folder: str | Path, **options) -> Iterator[Virtuoso]:
    """A started instance for the ``with`` block, stopped afterwards."""
    instance = start_virtuoso(folder, **options)
    try:
        yield instance
    finally:
        instance.stop()
