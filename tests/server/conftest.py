"""Fixtures for the endpoint: a live server over the seed build, request helpers, the one
error-shape check every refusal goes through."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest

from govkg.server.errors import ERROR_KEYS
from govkg.server.policy import Limits
from govkg.server.protocol import Request, Response
from govkg.server.runner import Server

AGREEMENTS = """PREFIX govkg: <https://w3id.org/govkg/ontology#>
SELECT ?agreement ?date WHERE { ?agreement a govkg:Agreement ; govkg:signedOn ?date }
ORDER BY ?agreement"""
TEST_LIMITS = Limits(workers=2, timeout=3.0, memory_mb=1024, queue_wait=5.0)


def check_error(response, status: int, code: str) -> dict:
    """The one error shape: JSON with exactly ok/status/error/message/fix, no internals."""
    body = response.body if isinstance(response, Response) else response[2]
    got = response.status if isinstance(response, Response) else response[0]
    headers = response.headers if isinstance(response, Response) else response[1]
    assert got == status, body
    assert headers["Content-Type"].startswith("application/json")
    document = json.loads(body)
    assert sorted(document) == sorted(ERROR_KEYS)
    assert document["ok"] is False and document["status"] == status
    assert document["error"] == code, document
    text = body.decode()
    for leak in ("Traceback", 'File "', "/work/", "site-packages", "pyoxigraph", "Error:"):
        assert leak not in text
    return document


@pytest.fixture(scope="session")
def seed_server(seed_out: Path) -> Iterator[Server]:
    """A live endpoint over the seed build on a free loopback port (two workers)."""
    with Server([seed_out], port=0, limits=TEST_LIMITS) as server:
        yield server


class Client:
    """Requests straight into a server's app, in process (no socket)."""

    def __init__(self, server: Server) -> None:
        self.server = server
        self.host = f"127.0.0.1:{server.config.port}"

    def __call__(
        self,
        method: str,
        path: str,
        params: dict | list | None = None,
        *,
        body: bytes = b"",
        headers: dict[str, str] | None = None,
    ) -> Response:
        path, _, query = path.partition("?")
        if params:
            query = "&".join(filter(None, [query, urlencode(params)]))
        names = {"host": self.host} | {k.lower(): v for k, v in (headers or {}).items()}
        return self.server.app.handle(Request(method, path, query, names, body))

    def get(self, path: str, params=None, **kw) -> Response:
        return self("GET", path, params, **kw)

    def post(self, path: str, body: bytes, content_type: str | None, **kw) -> Response:
        headers = kw.pop("headers", {}) | ({"Content-Type": content_type} if content_type else {})
        return self("POST", path, body=body, headers=headers, **kw)


@pytest.fixture(scope="session")
def client(seed_server: Server) -> Client:
    return Client(seed_server)


@pytest.fixture(scope="session")
def make_client():
    """``make_client(server)``: an in-process client for a server a test started itself."""
    return Client


@pytest.fixture(scope="session")
def assert_error():
    return check_error


@pytest.fixture(scope="session")
def agreements_query() -> str:
    return AGREEMENTS


def fetch(
    url: str,
    *,
    method: str = "GET",
    data: bytes | None = None,
    headers: dict[str, str] | None = None,
    timeout: float = 30,
) -> tuple[int, dict[str, str], bytes]:
    """One request over a real socket: status, headers, body (errors included)."""
    request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read()


@pytest.fixture(scope="session")
def http():
    return fetch


@pytest.fixture
def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def cli_server():
    """Start ``govkg serve`` subprocesses; all are stopped after the test."""
    started: list[subprocess.Popen] = []

    def start(data: Path, port: int, *extra: str) -> subprocess.Popen:
        process = _start_cli_server(data, port, *extra)
        started.append(process)
        return process

    yield start
    for process in started:
        _stop_cli_server(process)


def _start_cli_server(data: Path, port: int, *extra: str) -> subprocess.Popen:
    """``govkg serve`` as a user runs it, waiting until it answers."""
    process = subprocess.Popen(
        [sys.executable, "-m", "govkg", "serve", "--data", str(data), "--port", str(port), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"govkg serve exited: {process.stderr.read()}")
        try:
            if fetch(f"http://127.0.0.1:{port}/api/queries", timeout=2)[0] == 200:
                return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise AssertionError("govkg serve did not start")


def _stop_cli_server(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
