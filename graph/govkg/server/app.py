"""Routes: ``/sparql`` (the protocol), ``/api/…`` (canned queries, about), and the UI pages.

:class:`App` turns a :class:`Request` into a :class:`Response` and never raises: every
failure becomes the JSON error shape of :mod:`govkg.server.errors`. It checks the Host
header and the Origin before anything else, and adds security headers to every answer.
The HTTP server (:mod:`govkg.server.httpd`) only moves bytes; tests can call
:meth:`App.handle` directly.
"""

from __future__ import annotations

import contextlib
import json
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from govkg.errors import GovkgError
from govkg.server import entities, ui
from govkg.server.errors import HttpError
from govkg.server.peer import ClientGone, Peer
from govkg.server.policy import Limits, check_query
from govkg.server.protocol import (
    BY_NAME,
    FORMATS,
    KIND_OF_FORM,
    Request,
    Response,
    negotiate,
    parse_params,
    parse_sparql,
)
from govkg.server.workers import Job, Reply

if TYPE_CHECKING:
    from govkg.server.answers import AnswerCache
    from govkg.server.pool import WorkerPool
    from govkg.server.proxy import ProxyPool

log = logging.getLogger("govkg.serve")
Handler = Callable[[Request, str], "Response"]
LOOPBACK = ("127.0.0.1", "localhost", "[::1]")
EXPOSED = "X-Govkg-Rows, X-Govkg-Truncated, X-Govkg-Row-Limit"
HTML_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
DATA_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox"


@dataclass
class ServerConfig:
    """What one ``govkg serve`` serves, where, and for whom."""

    store: Path
    data: list[Path] = field(default_factory=list)
    limits: Limits = field(default_factory=Limits)
    host: str = "127.0.0.1"
    port: int = 8000
    allowed_hosts: tuple[str, ...] = ()  # extra Host names (with or without :port)
    cors_origins: tuple[str, ...] = ()  # origins that may read answers cross-site
    audit_log: Path | None = None
    endpoint: str | None = None  # with --proxy: the store queries are forwarded to

    def hosts(self) -> frozenset[str]:
        """Host header values accepted: loopback names with the port, plus configured names."""
        names = {f"{h}:{self.port}" for h in LOOPBACK}
        if self.port == 80:
            names |= set(LOOPBACK)
        for name in (n.strip().lower() for n in self.allowed_hosts):
            names.add(name)
            if not _has_port(name):
                names.add(f"{name}:{self.port}")
        return frozenset(names)


def _has_port(host: str) -> bool:
    """``example.org:8080`` and ``[::1]:80`` have a port; ``example.org`` and ``[::1]`` not."""
    head, sep, port = host.rpartition(":")
    return bool(sep and port.isdigit() and (not head.startswith("[") or head.endswith("]")))


class App:
    """The endpoint and UI over one worker pool."""

    def __init__(
        self,
        config: ServerConfig,
        pool: WorkerPool | ProxyPool,
        answers: AnswerCache | None = None,
    ) -> None:
        self.config, self.pool, self.answers = config, pool, answers
        self._about: dict | None = None
        self._about_lock = threading.Lock()
        self.documents = entities.Documents()  # entity pages answered lately
        self.hubs = None  # the hub index (govkg.site.hubs), filled after start
        self.routes: dict[str, tuple[tuple[str, ...], Handler]] = {
            "/sparql": (("GET", "HEAD", "POST"), self.sparql),
            "/": (("GET", "HEAD"), lambda r, h: ui.html_page(ui.index_page())),
            "/about": (("GET", "HEAD"), lambda r, h: ui.html_page(ui.about_page(self.about()))),
            "/network": (("GET", "HEAD"), lambda r, h: ui.network_response(config.data)),
            "/ontology.ttl": (("GET", "HEAD"), lambda r, h: ui.ontology_response()),
            "/api/queries": (("GET", "HEAD"), lambda r, h: json_response(ui.canned_list())),
            "/api/about": (("GET", "HEAD"), lambda r, h: json_response(self.about())),
        }

    # -- entry point ---------------------------------------------------------------------

    def handle(self, request: Request) -> Response:
        """Answer one request; never raises, except :class:`ClientGone` (nothing to answer)."""
        cors: dict[str, str] = {}
        try:
            host = self._check_host(request)
            cors = self._check_origin(request, host)
            response = self._route(request, host)
        except HttpError as err:
            response = error_response(err)
        except GovkgError as err:
            response = error_response(HttpError(400, "bad-request", err.message, fix=err.fix))
        except ClientGone:
            raise
        except Exception:
            log.exception("unexpected error on %s %s", request.method, request.path)
            response = error_response(HttpError(500, "internal-error", "the server failed"))
        response.headers.update(cors)
        return secure(response)

    def _route(self, request: Request, host: str) -> Response:
        path = request.path
        if path.startswith("/static/"):
            allowed, handler = ("GET", "HEAD"), lambda r, h: ui.static_response(path[8:])
        elif path.startswith("/id/"):  # entity pages and descriptions (govkg.server.entities)
            allowed, handler = ("GET", "HEAD"), lambda r, h: entities.answer(self, r, h, path[4:])
        elif path.startswith("/api/queries/"):
            allowed, handler = ("GET", "HEAD"), lambda r, h: self.canned(r, h, path[13:])
        elif path in self.routes:
            allowed, handler = self.routes[path]
        else:
            raise HttpError(404, "not-found", f"nothing at {path[:200]}", fix="see / for the UI")
        allow = {"Allow": ", ".join((*allowed, "OPTIONS"))}
        if request.method == "OPTIONS":
            return Response(204, headers=allow)
        if request.method not in allowed:
            raise HttpError(
                405,
                "method-not-allowed",
                f"{request.method} is not allowed on {path}",
                fix=f"use {' or '.join(allowed)}",
                headers=allow,
            )
        return handler(request, host)

    # -- checks --------------------------------------------------------------------------

    def _check_host(self, request: Request) -> str:
        host = (request.header("host") or "").strip().lower()
        if host not in self.config.hosts():
            raise HttpError(
                403,
                "host-not-allowed",
                "the Host header names a host this server does not answer for",
                fix="use http://127.0.0.1:PORT/ (or start the server with --allow-host NAME)",
            )
        return host

    def _check_origin(self, request: Request, host: str) -> dict[str, str]:
        origin = request.header("origin")
        allowed = self.config.cors_origins
        site = (request.header("sec-fetch-site") or "").lower()
        mode = (request.header("sec-fetch-mode") or "").lower()
        if origin is None:
            if site == "cross-site" and mode not in ("navigate", ""):
                raise _cross_origin()
            return {}
        if origin.lower() == f"http://{host}":
            return {}
        if origin not in allowed and "*" not in allowed:
            raise _cross_origin()
        headers = {
            "Access-Control-Allow-Origin": "*" if origin not in allowed else origin,
            "Access-Control-Expose-Headers": EXPOSED,
            "Vary": "Origin",
        }
        if request.method == "OPTIONS":
            headers |= {
                "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
                "Access-Control-Allow-Headers": "Accept, Content-Type",
                "Access-Control-Max-Age": "600",
            }
        return headers

    # -- the protocol --------------------------------------------------------------------

    def sparql(self, request: Request, host: str) -> Response:
        """``/sparql``: a query by GET or POST, or the service description without one."""
        parsed = parse_sparql(request, self.config.limits)
        if parsed.query is None:
            return ui.service_description(host, parsed.accept, parsed.formats)
        with self._yielding():
            info = check_query(parsed.query, self.config.limits)
        kind = KIND_OF_FORM[info.form]
        fmt = negotiate(kind, parsed.accept, parsed.formats)
        job = _job(parsed.query, fmt.name, kind, self.config.limits, host)
        return self.run(job, request.peer)

    def canned(self, request: Request, host: str, name: str) -> Response:
        """``/api/queries/NAME?param=…``: a canned query with parameters bound by the engine."""
        from govkg.canned import canned_queries
        from govkg.query import bind

        query = canned_queries().get(name)
        if query is None:
            raise HttpError(
                404,
                "no-such-query",
                f"no canned query {name[:80]!r}",
                fix=f"use one of: {', '.join(canned_queries())}",
            )
        params = parse_params(request.query_string, "query string")
        formats = tuple(v.lower() for k in ("format", "output") for v in params.pop(k, []) if v)
        for key, values in params.items():
            if len(values) > 1:
                raise HttpError(
                    400, "repeated-parameter", f"parameter {key} given twice", fix="give it once"
                )
        given = {k: v[0] for k, v in params.items() if v[0].strip()}
        try:
            bindings = bind(query, given)
        except GovkgError as err:
            fix = (err.fix or "").replace("-p NAME=VALUE", "?NAME=VALUE in the URL")
            raise HttpError(400, "bad-parameter", err.message, fix=fix) from None
        text = query.text_for(set(given))
        with self._yielding():
            info = check_query(text, self.config.limits)
        fmt = negotiate(KIND_OF_FORM[info.form], request.header("accept"), formats)
        job = _job(text, fmt.name, KIND_OF_FORM[info.form], self.config.limits, host)
        job = replace(job, substitutions=tuple(bindings.items()), columns=query.columns)
        return self.run(job, request.peer)

    def _yielding(self):
        """While the server parses a query, heavy queries yield the CPU (a worker pool's
        :meth:`~govkg.server.pool.WorkerPool.yielding`; nothing for a proxy)."""
        yielding = getattr(self.pool, "yielding", None)
        return yielding() if yielding else contextlib.nullcontext()

    def run(self, job: Job, peer: Peer | None = None) -> Response:
        """Run a job on the pool (stopped if ``peer`` hangs up), or take its answer from the
        cache; its reply as a response."""
        reply = self.reply(job, peer)
        if not reply.ok:
            raise HttpError(reply.status, reply.code, reply.message, fix=_fix(reply))
        return result_response(reply, self.config.limits)

    def reply(self, job: Job, peer: Peer | None = None) -> Reply:
        """The reply to ``job``: kept from before (the store does not change while served),
        or run on the pool (stopped if ``peer`` hangs up) and kept."""
        reply = self.answers.get(job) if self.answers is not None else None
        if reply is None:
            reply = self.pool.run(job, peer=peer or Peer())
            if self.answers is not None:
                self.answers.put(job, reply)
        return reply

    # -- about ---------------------------------------------------------------------------

    def about(self) -> dict:
        """Counts, sources and links for the about page (computed once, on first use)."""
        with self._about_lock:
            if self._about is not None:
                return self._about
            config = self.config
            served = [config.endpoint] if config.endpoint else [p.name for p in config.data]
            about = ui.collect_about(self._select, served, remote=bool(config.endpoint))
            if not about["unavailable"]:
                self._about = about
            return about

    def _select(self, text: str) -> list[dict]:
        reply = self.pool.run(Job(text, format="json", rows=1000))
        if not reply.ok:  # a timeout or busy pool raises HttpError itself
            raise HttpError(500, "internal-error", "the about page could not be computed")
        from govkg.results import read_json

        names, rows = read_json(reply.body)
        cells = (zip(names, row, strict=True) for row in rows)
        return [{n: t.value for n, t in pairs if t is not None} for pairs in cells]


def _cross_origin() -> HttpError:
    return HttpError(
        403,
        "origin-not-allowed",
        "cross-origin requests are refused",
        fix="start the server with --cors-origin ORIGIN to let that site read answers",
    )


def _job(text: str, fmt: str, kind: str, limits: Limits, host: str) -> Job:
    default = next(f.name for f in FORMATS if f.kind != kind)
    return Job(
        text,
        format=fmt if kind == "results" else default,
        graph_format=fmt if kind == "graph" else default,
        rows=limits.rows,
        max_bytes=limits.response_bytes,
        base_iri=f"http://{host}/sparql",
    )


def _fix(reply: Reply) -> str:
    if reply.code == "malformed-query":
        return "check the query against SPARQL 1.1 (line:column above)"
    return "narrow the query, or try again"


def content_type(fmt: str) -> str:
    """The Content-Type header for a result format (UTF-8 for every textual type)."""
    return BY_NAME[fmt].media_type + "; charset=utf-8"


def result_response(reply: Reply, limits: Limits) -> Response:
    """A worker's successful reply as a response, with the row and truncation headers."""
    headers = {"Content-Type": content_type(reply.format), "X-Govkg-Rows": str(reply.rows)}
    if reply.truncated:
        headers["X-Govkg-Truncated"] = reply.truncated
        headers["X-Govkg-Row-Limit"] = str(limits.rows)
    return Response(200, reply.body, headers)


def json_response(document: object, status: int = 200) -> Response:
    """A JSON document as a response."""
    body = (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    return Response(status, body, {"Content-Type": "application/json; charset=utf-8"})


def error_response(err: HttpError) -> Response:
    """The one error shape, with the error's own headers (Allow, Retry-After)."""
    headers = {"Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store"}
    return Response(err.status, err.body(), headers | err.headers)


def secure(response: Response) -> Response:
    """Add the security headers (CSP, nosniff, no framing, no referrer) to a response."""
    html = response.headers.get("Content-Type", "").startswith("text/html")
    response.headers.setdefault("Content-Security-Policy", HTML_CSP if html else DATA_CSP)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("Referrer-Policy", "no-referrer")
    response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
    return response
