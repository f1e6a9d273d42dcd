"""The HTTP server: the standard library's threading server in front of :class:`App`.

It only moves bytes: it refuses a body over the limit before reading it, caps the
number of open connections (in all, and per client address), gives each request a
deadline for its line, headers and body (a client trickling bytes is cut off with 408),
and turns even its own protocol errors (bad request line, unknown method, a request line
too long) into the JSON error shape. A client that hangs up while its query runs is
noticed by the worker pool (:mod:`govkg.server.peer`) and nothing is written back.
"""

from __future__ import annotations

import contextlib
import io
import logging
import socket
import threading
import time
from collections import Counter
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from govkg.server.app import App, error_response, secure
from govkg.server.capacity import Connections
from govkg.server.errors import HttpError
from govkg.server.peer import ClientGone, Peer
from govkg.server.protocol import Request, Response, too_large

log = logging.getLogger("govkg.serve")
SOCKET_TIMEOUT = 30.0  # a write (or a wait with no request deadline) that stalls this long
MESSAGES = {  # the standard library's own errors, said in words
    414: ("the request line is longer than 65 536 bytes", "send a long query by POST"),
    431: ("the request's headers are too long or too many", "send fewer, shorter headers"),
    408: ("the request did not arrive in time", "send the whole request at once"),
}


class DeadlineReader(io.RawIOBase):
    """A socket's reading end that fails with TimeoutError once a deadline has passed.

    The socket timeout alone restarts with every byte, so one byte every few seconds kept
    a connection forever; here each read may only wait for what is left of the deadline.
    """

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.deadline: float | None = None
        self.received = 0  # bytes of the current request
        self.expired = False

    def arm(self, seconds: float) -> None:
        self.deadline, self.received, self.expired = time.monotonic() + seconds, 0, False

    def disarm(self) -> None:
        self.deadline = None
        self.sock.settimeout(SOCKET_TIMEOUT)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self.deadline is not None:
            left = self.deadline - time.monotonic()
            if left <= 0:
                self.expired = True
                raise TimeoutError("the request deadline passed")
            self.sock.settimeout(left)
        try:
            count = self.sock.recv_into(buffer)
        except TimeoutError:
            self.expired = self.deadline is not None
            raise
        self.received += count
        return count


class Handler(BaseHTTPRequestHandler):
    """One connection; every method goes to the app (which answers 405 where due)."""

    server: GovkgHTTPServer
    protocol_version = "HTTP/1.1"
    server_version = "govkg"
    timeout = SOCKET_TIMEOUT

    def setup(self) -> None:
        super().setup()
        self.rfile.close()  # the standard reader, replaced by one that keeps a deadline
        self.reader = DeadlineReader(self.connection)
        self.rfile = io.BufferedReader(self.reader, io.DEFAULT_BUFFER_SIZE)

    def handle_one_request(self) -> None:
        """One request, which must arrive whole within the request deadline (else 408)."""
        self.reader.arm(self.server.connections.request_seconds)
        self.command, self.requestline, self.request_version = None, "", "HTTP/1.1"
        super().handle_one_request()  # catches the TimeoutError and closes the connection
        self.reader.disarm()
        if self.reader.expired and self.reader.received:
            log.info("%s request deadline passed", self.address_string())
            self.send_error(408)

    def _dispatch(self) -> None:
        app, limits = self.server.app, self.server.app.config.limits
        try:
            body = self._read_body(limits)
        except HttpError as err:
            self.close_connection = True
            self._write(secure(error_response(err)))
            return
        self.reader.disarm()
        parts = urlsplit(self.path)
        headers = {k.lower(): v for k, v in self.headers.items()}
        peer = Peer(self.client_address[0], self.connection)
        request = Request(self.command, parts.path, parts.query, headers, body, peer)
        try:
            response = app.handle(request)
        except ClientGone:
            self.close_connection = True
            return
        self._write(response)

    do_GET = do_POST = do_HEAD = do_OPTIONS = _dispatch
    do_PUT = do_DELETE = do_PATCH = do_TRACE = do_CONNECT = _dispatch

    def _read_body(self, limits) -> bytes:
        for name in ("Host", "Content-Length", "Content-Type"):
            if len(self.headers.get_all(name) or []) > 1:
                raise HttpError(400, "bad-request", f"more than one {name} header")
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            raise HttpError(
                411, "length-required", "chunked bodies are not accepted", fix="send Content-Length"
            )
        raw = self.headers.get("Content-Length")
        if raw is None:
            if self.command == "POST":
                raise HttpError(
                    411, "length-required", "a POST needs Content-Length", fix="send Content-Length"
                )
            return b""
        if not raw.strip().isdigit():
            raise HttpError(400, "bad-request", "Content-Length is not a number")
        length = int(raw)
        if length > limits.body_bytes:
            raise too_large(length, limits)
        return self.rfile.read(length)

    def _write(self, response: Response) -> None:
        self.send_response(response.status)
        for name, value in response.headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(response.body)))
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(response.body)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None):
        """The standard library's own errors (bad request line, …) in the JSON shape."""
        self.close_connection = True
        if getattr(self, "request_version", "HTTP/0.9") == "HTTP/0.9":  # answer in 1.1
            self.request_version = "HTTP/1.1"
        self.command = getattr(self, "command", None) or "GET"
        said, fix = MESSAGES.get(code, (message or HTTPStatus(code).phrase, None))
        kind = {408: "request-timeout", 414: "uri-too-long"}.get(code, "bad-request")
        err = HttpError(code, kind if code < 500 else "server-error", said, fix=fix)
        response = secure(error_response(err))
        with contextlib.suppress(OSError):
            self._write(response)

    def version_string(self) -> str:
        """The Server header: the name only, no Python version."""
        return self.server_version

    def log_message(self, format: str, *args) -> None:
        log.info("%s %s", self.address_string(), format % args)


class GovkgHTTPServer(ThreadingHTTPServer):
    """A threading HTTP server with caps on connections, in all and per client address."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], app: App, connections: Connections) -> None:
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        self.app, self.connections = app, connections
        self.request_queue_size = connections.total  # the listen backlog
        self._open: Counter[str] = Counter()
        self._lock = threading.Lock()
        super().__init__(address, Handler)
        app.config.port = self.server_address[1]

    def process_request(self, request, client_address) -> None:
        refusal = self._admit(client_address[0])
        if refusal:
            _refuse_busy(request, refusal)
            self.shutdown_request(request)
            return
        super().process_request(request, client_address)

    def _admit(self, address: str) -> str | None:
        """Count a new connection in, or say why it is refused."""
        with self._lock:
            if self._open.total() >= self.connections.total:
                return "too many open connections"
            if self._open[address] >= self.connections.per_client:
                return f"too many open connections from {address}"
            self._open[address] += 1
        return None

    def process_request_thread(self, request, client_address) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            with self._lock:
                self._open[client_address[0]] -= 1
                if not self._open[client_address[0]]:
                    del self._open[client_address[0]]


def _refuse_busy(sock, message: str) -> None:
    err = HttpError(503, "busy", message, fix="retry shortly")
    body = err.body()
    head = (
        "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\nRetry-After: 1\r\nConnection: close\r\n\r\n"
    )
    with contextlib.suppress(OSError):
        sock.sendall(head.encode() + body)


def make_server(
    app: App, host: str, port: int, connections: Connections | None = None
) -> GovkgHTTPServer:
    """A server bound to ``host:port`` (port 0 picks a free one, written back to the config)."""
    return GovkgHTTPServer((host, port), app, connections or Connections())
