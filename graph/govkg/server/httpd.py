"""The HTTP server: the standard library's threading server in front of :class:`App`.

It only moves bytes: it refuses a body over the limit before reading it, caps the
number of open connections, times idle sockets out, and turns even its own protocol
errors (bad request line, unknown method) into the JSON error shape.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from govkg.server.app import App, error_response, secure
from govkg.server.errors import HttpError
from govkg.server.protocol import Request, Response, too_large

log = logging.getLogger("govkg.serve")
MAX_CONNECTIONS = 64
SOCKET_TIMEOUT = 30.0


class Handler(BaseHTTPRequestHandler):
    """One connection; every method goes to the app (which answers 405 where due)."""

    server: GovkgHTTPServer
    protocol_version = "HTTP/1.1"
    server_version = "govkg"
    timeout = SOCKET_TIMEOUT

    def _dispatch(self) -> None:
        app, limits = self.server.app, self.server.app.config.limits
        try:
            body = self._read_body(limits)
        except HttpError as err:
            self.close_connection = True
            self._write(secure(error_response(err)))
            return
        parts = urlsplit(self.path)
        headers = {k.lower(): v for k, v in self.headers.items()}
        request = Request(self.command, parts.path, parts.query, headers, body)
        self._write(app.handle(request))

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
        if self.request_version == "HTTP/0.9":  # an unparsable request line: answer in 1.1
            self.request_version = "HTTP/1.1"
        err = HttpError(code, "bad-request" if code < 500 else "server-error", message or "error")
        response = secure(error_response(err))
        with contextlib.suppress(OSError):
            self._write(response)

    def version_string(self) -> str:
        """The Server header: the name only, no Python version."""
        return self.server_version

    def log_message(self, format: str, *args) -> None:
        log.info("%s %s", self.address_string(), format % args)


class GovkgHTTPServer(ThreadingHTTPServer):
    """A threading HTTP server with a cap on simultaneous connections."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], app: App) -> None:
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        self.app = app
        self._slots = threading.BoundedSemaphore(MAX_CONNECTIONS)
        super().__init__(address, Handler)
        app.config.port = self.server_address[1]

    def process_request(self, request, client_address) -> None:
        if not self._slots.acquire(blocking=False):
            _refuse_busy(request)
            self.shutdown_request(request)
            return
        super().process_request(request, client_address)

    def process_request_thread(self, request, client_address) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._slots.release()


def _refuse_busy(sock) -> None:
    err = HttpError(503, "busy", "too many open connections", fix="retry shortly")
    body = err.body()
    head = (
        "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\nRetry-After: 1\r\nConnection: close\r\n\r\n"
    )
    with contextlib.suppress(OSError):
        sock.sendall(head.encode() + body)


def make_server(app: App, host: str, port: int) -> GovkgHTTPServer:
    """A server bound to ``host:port`` (port 0 picks a free one, written back to the config)."""
    return GovkgHTTPServer((host, port), app)
