"""The hub index: a hub body's long tables sorted once, so that each page of them is read
by its own items, not by sorting the hub's thousands of rows again.

A hub is a body party to more than one page of agreements (:data:`govkg.site.tables.PAGE_SIZE`).
At 1M triples the largest is party to 6,721 agreements and pointed at by 14,126 statements; a
query that cuts one page of them sorts them all (Oxigraph reads every IRI's text from the store
to compare it), 0.1–0.3 s a table. :func:`build_index` reads, once, each hub's agreements
(with their dates), its property and value pairs and what points at it, and sorts them as the
page queries do; it keeps the answers of the hub's queries that are not paged (:data:`KEPT`:
its partners, provenance and officials, the same on every page). :class:`Indexed` then
answers a hub's paged queries by their ``page-*`` forms, which take the page's items in a
``VALUES`` block; everything else goes to the store as before. The rows are the same, so the
pages are the same bytes (``tests/site/test_hubs.py`` compares them).

>>> from govkg.build import build
>>> from govkg.engines import open_engine
>>> from govkg.resources import seed_record
>>> from govkg.site.describe import describe
>>> import tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp()) / "out"
>>> _ = build([seed_record()], out)
>>> select = open_engine([out]).select
>>> index = build_index(select, more_than=1)  # the seed's bodies have one agreement or two
>>> lan = "https://w3id.org/govkg/id/org/lan"
>>> lan in index.hubs
True
>>> indexed = describe(Indexed(select, index), lan)
>>> indexed.serialize("turtle") == describe(select, lan).serialize("turtle")
True
"""

from __future__ import annotations

import threading
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF
from rdflib.term import Node

from govkg.site import tables
from govkg.site.describe import range_key, statement_key
from govkg.site.prefetch import FEW, INFERRED
from govkg.site.queries import Select, Tables, gather, rows
from govkg.site.tables import page_slice

PAGED = {  # a paged query → its form that takes the page's items, and the list it pages
    "statement-page": ("page-statements", "pairs"),
    "incoming": ("page-incoming", "incoming"),
    "body-agreements": ("page-agreements", "agreements"),
    "body-agreement-links": ("page-agreement-links", "agreements"),
}

KEPT = {  # the queries of a hub's page that are not paged, kept whole → their parameter
    "partners": "agency",
    "provenance": "entity",
    "body-officials": "agency",
    "body-official-sources": "agency",
    "body-changes": "agency",
}


@dataclass
class Hub:
    """One hub's long lists, each in the order its page query cuts it."""

    agreements: list[URIRef]  # newest first, then by IRI (body-agreements.rq)
    statements: list[tuple[Node, Node, Node]]  # (predicate, value, graph), in no order
    pairs: list[tuple[Node, Node]]  # distinct (predicate, value) by statement_key
    incoming: list[tuple[Node, Node]]  # (subject, predicate) by "predicate subject"
    kept: dict[str, list[dict]]  # the rows of the queries in KEPT
    few: list[dict] = field(default_factory=list)  # statements.rq's rows
    labelled: list[Node] = field(default_factory=list)  # the nodes labels.rq labels


@dataclass
class HubIndex:
    """The hubs of one store, by IRI."""

    hubs: dict[str, Hub] = field(default_factory=dict)


def build_index(
    select: Select,
    more_than: int | None = None,
    into: HubIndex | None = None,
    stop: threading.Event | None = None,
) -> HubIndex:
    """The index of every body party to more than ``more_than`` agreements (default: one
    page), from the store ``select`` queries (at 1M triples: 72 hubs, 10-13 CPU seconds at
    load 10).

    Each hub goes ``into`` the index given when its lists are complete, the largest first (a
    server answers from it while it grows); ``stop`` set ends the work between two hubs.

    :raises GovkgError: a query fails.
    """
    dated: dict[str, list[tuple[str | None, URIRef]]] = defaultdict(list)
    for r in rows(select, "hub-agreements", {}):
        day = str(r["signedOn"]) if r["signedOn"] is not None else None
        dated[str(r["agency"])].append((day, r["agreement"]))
    index = HubIndex() if into is None else into
    least = tables.PAGE_SIZE if more_than is None else more_than
    for body, agreements in sorted(dated.items(), key=lambda ba: (-len(ba[1]), ba[0])):
        if stop is not None and stop.is_set():
            break
        if len(agreements) > least:
            hub = _hub(select, body, agreements)
            if hub is not None:
                index.hubs[body] = hub
    return index


def _hub(select: Select, body: str, dated: list[tuple[str | None, URIRef]]) -> Hub | None:
    """One hub's lists, or None when one holds a blank node (which a ``VALUES`` block cannot
    name: the hub's pages are then read as before)."""
    params = {"entity": body}
    found, pointing, *answers = gather(
        select,
        [("entity-statements", params, 1), ("entity-incoming", params, 1)]
        + [(name, {KEPT[name]: body}, 1) for name in KEPT],
    )
    statements = [(r["predicate"], r["object"], r["graph"]) for r in found]
    # made unique and sorted by their keys' text (one key per pair): rdflib terms hash and
    # compare in Python, 14,000 pairs at a time
    pairs = _by_key({statement_key(p, o): (p, o) for p, o, _ in statements})
    incoming = _by_key(
        {range_key(r["predicate"], r["subject"]): (r["subject"], r["predicate"]) for r in pointing}
    )
    if any(isinstance(t, BNode) for pair in pairs + incoming for t in pair):
        return None
    kept = dict(zip(KEPT, answers, strict=True))
    hub = Hub(_newest_first(dated), statements, pairs, incoming, kept)
    hub.few = _few(statements)
    hub.labelled = _labelled(URIRef(body), hub)
    return hub


def _by_key(keyed: dict[str, tuple]) -> list[tuple]:
    return [keyed[key] for key in sorted(keyed)]


def _newest_first(dated: list[tuple[str | None, URIRef]]) -> list[URIRef]:
    """The agreements as ``ORDER BY DESC(?day) ?agreement`` puts them: by the day's text
    descending, the undated last, then by IRI (sorts are stable, also reversed).

    >>> found = _newest_first([("2019", URIRef("urn:b")), (None, URIRef("urn:a")),
    ...                        ("2019-02", URIRef("urn:c")), ("2019", URIRef("urn:a"))])
    >>> [str(a) for a in found]
    ['urn:c', 'urn:a', 'urn:b', 'urn:a']
    """
    by_iri = sorted(dated, key=lambda da: str(da[1]))
    dated_first = sorted(by_iri, key=lambda da: (da[0] is not None, da[0] or ""), reverse=True)
    return [a for _, a in dated_first]


@dataclass
class Indexed(Tables):
    """The store that ``select`` queries, with the paged tables of ``index``'s hubs read by
    their items; it runs queries side by side when ``select`` can."""

    select: Select
    index: HubIndex

    def __post_init__(self) -> None:
        side_by_side = getattr(self.select, "gather", None)
        if side_by_side is not None:
            self.gather = side_by_side

    def rows(self, name: str, params: Mapping[str, str], page: int = 1) -> list[dict]:
        """The rows of site query ``name`` for ``params`` (and ``page``), as the store
        gives them."""
        hub = self.index.hubs.get(str(next(iter(params.values()), "")))
        if hub is None:
            return rows(self.select, name, params, page)
        if name in hub.kept:
            return hub.kept[name]
        derived = {
            "statement-count": lambda: _counted("statements", len(hub.pairs)),
            "incoming-count": lambda: _counted("statements", len(hub.incoming)),
            "body-agreement-count": lambda: _counted("agreements", len(hub.agreements)),
            "statements": lambda: hub.few,
            "labels": lambda: self._labelled(hub.labelled),
            "statement-labels": lambda: self._labelled(sorted(_in_range(hub, params), key=str)),
        }.get(name)
        if derived is not None:
            return derived()
        if name not in PAGED:
            return rows(self.select, name, params, page)
        query, listed = PAGED[name]
        items = page_slice(getattr(hub, listed), page)
        if not items:
            return []
        return rows(self.select, query, params, values=[_row(item) for item in items])

    def _labelled(self, nodes: Sequence[Node]) -> list[dict]:
        """The rows of ``page-labels.rq`` for ``nodes`` (none for no nodes)."""
        if not nodes:
            return []
        return rows(self.select, "page-labels", {}, values=[[node] for node in nodes])


def _counted(column: str, number: int) -> list[dict]:
    """A ``*-count`` query's answer: one row, none when there is nothing to count."""
    return [{column: Literal(number)}] if number else []


def _few(statements: list[tuple[Node, Node, Node]]) -> list[dict]:
    """``statements.rq``'s rows: the statements of the properties with at most :data:`FEW`
    distinct values."""
    values = Counter(str(p) for p in {statement_key(p, o): p for p, o, _ in statements}.values())
    return [
        {"predicate": p, "object": o, "graph": g} for p, o, g in statements if values[str(p)] <= FEW
    ]


def _labelled(entity: URIRef, hub: Hub) -> list[Node]:
    """The nodes ``labels.rq`` labels: the entity, its predicates both ways, its classes, and
    what a graph other than the inferred one links it to (IRIs only), by their text."""
    inferred, kind = str(INFERRED), str(RDF.type)
    nodes: dict[str, Node] = {str(entity): entity}
    for p, o, g in hub.statements:
        nodes[str(p)] = p
        if isinstance(o, URIRef) and (str(g) != inferred or str(p) == kind):
            nodes[str(o)] = o
    nodes.update((str(p), p) for _, p in hub.incoming)
    return [nodes[key] for key in sorted(nodes)]


def _in_range(hub: Hub, params: Mapping[str, str]) -> set[Node]:
    """The nodes ``statement-labels.rq`` labels: the IRIs the hub links to whose key lies in
    the page's range."""
    low, high = str(params["from"]), str(params["to"])
    return {o for p, o in hub.pairs if isinstance(o, URIRef) and low <= range_key(p, o) <= high}


def _row(item: Node | Sequence[Node]) -> Sequence[Node]:
    return item if isinstance(item, tuple) else [item]
