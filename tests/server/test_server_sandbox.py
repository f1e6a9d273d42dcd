"""Layer 2 of the refusal: query workers cannot open a network connection, even with the
parse-based refusal (layer 1) switched off, as root and as an ordinary user."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pyoxigraph as ox
import pytest

from govkg.server import app as app_module
from govkg.server.policy import QueryInfo
from govkg.server.runner import Server

from .conftest import TEST_LIMITS, Client

GRAPH = Path(__file__).resolve().parents[2] / "graph"
PROBE = """
import ctypes, errno, json, socket
from govkg.server.sandbox import deny_network

def attempt(make):
    try:
        make().close()
        return "ok"
    except OSError as err:
        return errno.errorcode[err.errno]

deny_network()
libc = ctypes.CDLL(None, use_errno=True)
ring = libc.syscall(425, 8, ctypes.create_string_buffer(120))
print(json.dumps({
    "inet": attempt(lambda: socket.socket(socket.AF_INET, socket.SOCK_STREAM)),
    "inet6": attempt(lambda: socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)),
    "netlink": attempt(lambda: socket.socket(socket.AF_NETLINK, socket.SOCK_RAW)),
    "unix": attempt(lambda: socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)),
    "pair": attempt(lambda: socket.socketpair()[0]),
    "io_uring": errno.errorcode[ctypes.get_errno()] if ring < 0 else "ok",
}))
"""
DENIED = {"inet": "EPERM", "inet6": "EPERM", "netlink": "EPERM", "io_uring": "EPERM"}
ALLOWED = {"unix": "ok", "pair": "ok"}


class Canary:
    """A loopback HTTP server that records every request it gets."""

    def __init__(self) -> None:
        requests = self.requests = []

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                requests.append(self.path)
                self.send_response(500)
                self.end_headers()

            do_POST = do_GET

            def log_message(self, *args):
                pass

        self.httpd = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_port}/x"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def canary():
    canary = Canary()
    yield canary
    canary.close()


def layer_one_off(monkeypatch) -> None:
    """The test-only switch: the app's refusal accepts everything as a SELECT."""
    monkeypatch.setattr(app_module, "check_query", lambda text, limits=None: QueryInfo("SELECT"))


def wait_for(canary: Canary, seconds: float = 2.0) -> list[str]:
    deadline = time.monotonic() + seconds
    while not canary.requests and time.monotonic() < deadline:
        time.sleep(0.05)
    return canary.requests


def test_the_filter_denies_network_sockets_and_keeps_unix_ones():
    env = os.environ | {"PYTHONPATH": str(GRAPH)}
    run = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == DENIED | ALLOWED


def test_oxigraph_outside_a_worker_reaches_the_canary(canary):
    """The control: unsandboxed, Oxigraph's HTTP client does call (so the canary can tell)."""
    with pytest.raises(OSError):
        list(ox.Store().query(f"SELECT * WHERE {{ SERVICE <{canary.url}> {{ ?s ?p ?o }} }}"))
    assert wait_for(canary)


def test_service_reaches_nothing_with_the_parse_refusal_off(seed_out, canary, monkeypatch):
    layer_one_off(monkeypatch)
    with Server([seed_out], port=0, limits=TEST_LIMITS) as server:
        client = Client(server)
        loud = client.get(
            "/sparql", {"query": f"SELECT * {{ SERVICE <{canary.url}> {{ ?s ?p ?o }} }}"}
        )
        silent = client.get(
            "/sparql", {"query": f"SELECT * {{ SERVICE SILENT <{canary.url}> {{ }} }}"}
        )
    assert loud.status >= 400 and json.loads(loud.body)["ok"] is False
    assert silent.status == 200  # SILENT: the failed call is an empty answer, not an error
    assert wait_for(canary, 1.0) == []


def test_the_worker_start_pays_little_for_the_filter():
    env = os.environ | {"PYTHONPATH": str(GRAPH)}
    code = (
        "import time; from govkg.server.sandbox import deny_network; "
        "t = time.perf_counter(); deny_network(); print(time.perf_counter() - t)"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert float(run.stdout) < 0.05, run.stderr


# -- as an ordinary user ------------------------------------------------------------------

AS_USER = """
import json, sys, urllib.parse
from govkg.server import app
from govkg.server.policy import Limits, QueryInfo
from govkg.server.protocol import Request
from govkg.server.runner import Server

app.check_query = lambda text, limits=None: QueryInfo("SELECT")  # layer 1 off
out, url = sys.argv[1], sys.argv[2]
limits = Limits(workers=1, timeout=5.0, memory_mb=1024)
with Server([out], port=0, limits=limits) as server:
    query = urllib.parse.urlencode({"query": f"SELECT * {{ SERVICE <{url}> {{ ?s ?p ?o }} }}"})
    host = {"host": f"127.0.0.1:{server.config.port}"}
    response = server.app.handle(Request("GET", "/sparql", query, host, b""))
print(json.dumps({"status": response.status, "body": json.loads(response.body)}))
"""


def ordinary_user_python() -> list[str]:
    """A command running Python as user ``nobody`` with this venv's packages, or a skip."""
    if os.geteuid() != 0:
        pytest.skip("already an ordinary user: the tests above ran as one")
    site = next(p for p in sys.path if p.endswith("site-packages"))
    for python in (sys.executable, f"/usr/bin/python{sys.version_info[0]}.{sys.version_info[1]}"):
        command = ["runuser", "-u", "nobody", "--", "env", f"PYTHONPATH={GRAPH}:{site}", python]
        if shutil.which("runuser") is None:
            break
        probe = subprocess.run([*command, "-c", "import pyoxigraph"], capture_output=True)
        if probe.returncode == 0:
            return command
    pytest.skip("no Python with this venv's packages can run as user nobody here")


def test_filter_holds_for_an_ordinary_user():
    command = ordinary_user_python()
    run = subprocess.run([*command, "-c", PROBE], capture_output=True, text=True, cwd="/")
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == DENIED | ALLOWED


def test_service_reaches_nothing_when_served_by_an_ordinary_user(seed_out, canary):
    command = ordinary_user_python()
    readable = Path(tempfile.mkdtemp(prefix="govkg-nobody-"))
    try:
        shutil.copytree(seed_out, readable / "out")
        subprocess.run(["chmod", "-R", "a+rwX", str(readable)], check=True)
        run = subprocess.run(
            [*command, "-c", textwrap.dedent(AS_USER), str(readable / "out"), canary.url],
            capture_output=True,
            text=True,
            cwd="/",
            timeout=120,
        )
    finally:
        shutil.rmtree(readable, ignore_errors=True)
    assert run.returncode == 0, run.stderr
    answer = json.loads(run.stdout.splitlines()[-1])
    assert answer["status"] >= 400 and answer["body"]["ok"] is False
    assert wait_for(canary, 1.0) == []
