"""``/id/…``: every govkg IRI dereferences (Cool URIs for the Semantic Web, 303 URIs).

``GET /id/org/lan`` answers ``303 See Other`` (``Vary: Accept``) to the document the client
asked for: ``/id/org/lan.html`` (a person's browser), ``.ttl``, ``.jsonld`` or ``.nt`` (the
entity's description). The documents are answered from the store through the worker pool,
with the endpoint's limits and refusals; an IRI nothing is known about answers 404.

>>> choose("text/turtle;q=0.9, text/html;q=0.5")
'ttl'
>>> choose(None), choose("*/*"), choose("application/ld+json")
('html', 'html', 'jsonld')
"""

from __future__ import annotations

import contextlib
import re
import threading
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from govkg.namespaces import ID_BASE
from govkg.server.errors import HttpError
from govkg.server.peer import Peer
from govkg.server.policy import Limits, QueryInfo, check_query
from govkg.server.protocol import Request, Response, media_type
from govkg.server.workers import Job

if TYPE_CHECKING:
    from govkg.server.app import App
    from govkg.site.hubs import HubIndex

DOCUMENTS = {  # extension → (media type, description format or None for the page)
    "html": ("text/html", None),
    "ttl": ("text/turtle", "turtle"),
    "jsonld": ("application/ld+json", "jsonld"),
    "nt": ("application/n-triples", "ntriples"),
}
ACCEPTED = {  # media type asked for → extension
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/turtle": "ttl",
    "application/x-turtle": "ttl",
    "application/ld+json": "jsonld",
    "application/json": "jsonld",
    "application/n-triples": "nt",
    "text/plain": "nt",
}
_DOCUMENT = re.compile(
    r"^(?P<path>.+?)(?:\.(?P<page>[2-9]|[1-9]\d{1,4}))?\.(?P<ext>html|ttl|jsonld|nt)$"
)


def choose(accept: str | None) -> str:
    """The extension of the document that best answers ``Accept`` (the page when nothing or
    only ``*/*`` is asked for; of equal preference, the first listed).

    :raises HttpError: 406 when every type asked for is one we do not serve.
    """
    if not accept or not accept.strip():
        return "html"
    best, best_q = None, 0.0
    for item in accept.split(",")[:50]:
        kind, params = media_type(item)
        try:
            q = float(params.get("q", "1"))
        except ValueError:
            q = 0.0
        ext = ACCEPTED.get(kind) or ("html" if kind in ("*/*", "text/*") else None)
        if ext and q > best_q:
            best, best_q = ext, q
    if best is None:
        raise HttpError(
            406,
            "not-acceptable",
            "none of the media types in Accept is served for entities",
            fix=f"accept one of {', '.join(m for m, _ in DOCUMENTS.values())}",
        )
    return best


class Documents:
    """The entity documents answered lately, the least recently used dropped first: at most
    ``entries`` of them and ``max_bytes`` in all (the store does not change while served).

    >>> cache = Documents(entries=2, max_bytes=10)
    >>> cache.put(("a", "html", 1), b"12345"); cache.put(("b", "html", 1), b"123456")
    >>> cache.get(("a", "html", 1)) is None, cache.get(("b", "html", 1))
    (True, b'123456')
    """

    def __init__(self, entries: int = 256, max_bytes: int = 64 * 1024 * 1024) -> None:
        self.entries, self.max_bytes, self.size = entries, max_bytes, 0
        self._kept: OrderedDict[tuple, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple) -> bytes | None:
        with self._lock:
            body = self._kept.get(key)
            if body is not None:
                self._kept.move_to_end(key)
            return body

    def put(self, key: tuple, body: bytes) -> None:
        if len(body) > self.max_bytes:
            return
        with self._lock:
            old = self._kept.pop(key, None)
            self.size += len(body) - (len(old) if old is not None else 0)
            self._kept[key] = body
            while len(self._kept) > self.entries or self.size > self.max_bytes:
                _, dropped = self._kept.popitem(last=False)
                self.size -= len(dropped)


def answer(app: App, request: Request, host: str, rest: str) -> Response:
    """Answer ``/id/<rest>``: a 303 for the IRI itself, the document for ``<rest>.<ext>``."""
    from govkg.site.links import entity_path

    match = _DOCUMENT.match(rest)
    path = match["path"] if match else rest
    iri = ID_BASE + path
    if entity_path(iri) is None:
        raise _unknown(rest)
    select = _selector(app, host, request.peer)
    if match is None:
        ext = choose(request.header("accept"))
        if not _exists(select, iri):
            raise _unknown(rest)
        location = f"/id/{path}.{ext}"
        body = f"See {location}\n".encode()
        headers = {
            "Location": location,
            "Vary": "Accept",
            "Content-Type": "text/plain; charset=utf-8",
        }
        return Response(303, body, headers)
    ext, page = match["ext"], int(match["page"] or 1)
    key = (iri, ext, page)
    body = app.documents.get(key)
    if body is None:
        body = _document(select, iri, ext, page, app.hubs)
        app.documents.put(key, body)
    return Response(200, body, {"Content-Type": f"{DOCUMENTS[ext][0]}; charset=utf-8"})


def _document(select, iri: str, ext: str, page: int, hubs: HubIndex | None = None) -> bytes:
    """The page or description ``ext`` of ``iri`` (its ``page``-th part), a hub's long
    tables read through the hub index ``hubs`` (:mod:`govkg.site.hubs`) where it has them.

    :raises HttpError: 404 when nothing is known about ``iri`` or it has no such page.
    """
    from govkg.site.describe import UnknownEntity, describe
    from govkg.site.links import Links
    from govkg.site.pages import entity_page
    from govkg.site.render import render_page

    fmt = DOCUMENTS[ext][1]
    if hubs is not None:
        from govkg.site.hubs import Indexed

        select = Indexed(select, hubs)
    try:
        about = describe(select, iri, page)
        if fmt is None:
            shown = entity_page(select, iri, Links("/"), page, about)
            body = render_page(shown, "/") if page <= shown.pages else None
        else:  # a later page of a description: more of what points here, or of its statements
            empty = page > 1 and not about.incoming and not about.statement_page()
            body = None if empty else about.serialize(fmt)
        if body is None:
            raise _unknown(iri[len(ID_BASE) :] + f".{page}.{ext}")
    except UnknownEntity:
        raise _unknown(iri[len(ID_BASE) :]) from None
    return body


def _selector(app: App, host: str, peer: Peer):
    """``Engine.select`` over the worker pool: each query checked by the endpoint's policy,
    run by a sandboxed worker with the endpoint's limits (stopped if ``peer`` hangs up), its
    JSON results read back; a final ``ORDER BY`` is sorted here as the embedded engine
    sorts it (:func:`govkg.order.ordered`: Oxigraph's compares IRIs slowly). Its ``values``
    verb checks a query's text before its ``#values`` line is written (a page's items are
    checked terms; the text is read once, not once per page), then runs it the same way.

    :raises HttpError: the query is refused or fails, or its rows were cut at a limit (a
        page drawn from part of them would be wrong).
    """
    from govkg.order import ordered
    from govkg.results import read_json
    from govkg.terms import oxigraph_bindings, to_rdflib

    limits = app.config.limits

    def solve(bindings: tuple, text: str, check: bool = True) -> tuple[list[str], list[list]]:
        if check:
            _checked(text, limits)
        job = Job(
            text,
            format="json",
            rows=limits.rows,
            max_bytes=limits.response_bytes,
            base_iri=f"http://{host}/sparql",
            substitutions=bindings,
        )
        reply = app.reply(job, peer)  # a hub's pages share their unpaged queries
        if not reply.ok:
            raise HttpError(reply.status, reply.code, reply.message, fix="try again later")
        if reply.truncated:
            raise HttpError(
                503,
                "too-large",
                f"an entity page needs more rows than the endpoint answers ({reply.truncated})",
                fix="raise the server's row or response limits",
            )
        names, rows = read_json(reply.body)
        return names, list(rows)

    def select(text: str, bindings: dict) -> tuple[list[str], list[list]]:
        subs = oxigraph_bindings(bindings)
        names, rows = ordered(lambda query: solve(subs, query), text)
        return names, [[to_rdflib(term) for term in row] for row in rows]

    def values(text: str, bindings: dict, rows: list) -> tuple[list[str], list[list]]:
        from govkg.site.queries import with_values

        _checked(text, limits)
        subs, written = oxigraph_bindings(bindings), with_values(text, rows)
        names, found = ordered(lambda query: solve(subs, query, check=False), written)
        return names, [[to_rdflib(term) for term in row] for row in found]

    select.gather = _side_by_side  # a page's queries wait for workers together, not in turn
    select.values = values
    return select


def _side_by_side(calls: list[Callable[[], object]]) -> list:
    """Each of ``calls``' results, the calls run at once on :func:`_threads` (each waits for
    a query worker); the first error raised again.

    >>> _side_by_side([lambda: 1, lambda: 2])
    [1, 2]
    """
    running = [_threads().submit(call) for call in calls]
    return [future.result() for future in running]


@cache
def _threads() -> ThreadPoolExecutor:
    """The threads that wait for a page's queries (made on the first page served)."""
    return ThreadPoolExecutor(max_workers=8, thread_name_prefix="govkg-page")


@lru_cache(maxsize=256)
def _checked(text: str, limits: Limits) -> QueryInfo:
    """:func:`check_query` of a site query, once per text (the pages' queries are fixed but
    for a page's ``LIMIT``/``OFFSET``): a hub page runs a dozen of them per request."""
    return check_query(text, limits)


def warm_up(limits: Limits, pause: float = 0.0) -> None:
    """Read the entity pages' query texts through the policy now (as their first page runs
    them, and without a final ``ORDER BY``, which is sorted here): 20-100 ms of CPU each on a
    cold read, most of a hub page's first request otherwise."""
    import time

    from govkg.order import split_final_order
    from govkg.resources import queries_dir
    from govkg.site.queries import paged, site_query

    for path in sorted((queries_dir() / "site").glob("*.rq")):
        query = site_query(path.stem)
        text = paged(query.text_for({p.name for p in query.params}), 1)
        split = split_final_order(text)
        for checked in (text, split[0]) if split else (text,):
            time.sleep(pause)
            with contextlib.suppress(HttpError):
                _checked(checked, limits)


def _exists(select, iri: str) -> bool:
    from govkg.site.queries import rows

    return bool(rows(select, "exists", {"entity": iri}))


def _unknown(rest: str) -> HttpError:
    return HttpError(
        404,
        "not-found",
        f"nothing is known about {ID_BASE}{rest[:200]}",
        fix="check the IRI; see / to query the graph",
    )
