"""Every entity of one kind read at once: the static site's tables, grouped by entity.

A page needs some ten queries (statements, what points here, labels, provenance, a kind's
tables); run once per entity they cost milliseconds each, most of a 300,000-entity site's
time. :func:`prefetch` reads each entity's statements both ways from the store's indexes and
runs the kind's own queries once with the entity unbound; a :class:`Prefetched` answers a kind's
queries from the rows, as :func:`govkg.site.queries.rows` would from the store, and hands a
description its parts as tuples of the same terms: the same rows, so the same page bytes (a
test compares both on the seed and the corpus).

>>> from govkg.build import build
>>> from govkg.engines import open_engine
>>> from govkg.resources import seed_record
>>> from govkg.site.describe import describe
>>> import tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp()) / "out"
>>> _ = build([seed_record()], out)
>>> engine = open_engine([out])
>>> lan = "https://w3id.org/govkg/id/org/lan"
>>> select, tables = engine.select, prefetch(engine, "org", [lan], shared_tables(engine.select))
>>> describe(tables, lan).serialize("turtle") == describe(select, lan).serialize("turtle")
True
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib import URIRef
from rdflib.namespace import RDF
from rdflib.term import Node

from govkg.engines import OxigraphEngine
from govkg.memory import gc_paused
from govkg.site import tables
from govkg.site.describe import Parts, range_key, remember, statement_key
from govkg.site.queries import Select, Tables, site_query, unpaged
from govkg.site.tables import page_slice
from govkg.terms import to_rdflib

INFERRED = URIRef("https://w3id.org/govkg/graph/inferred")
TYPE = RDF.type  # read once: rdflib's namespaces answer attributes in Python
KIND_QUERIES = {
    "org": (
        "body-agreements",
        "body-agreement-count",
        "agreement-links",
        "partners",
        "body-officials",
        "body-official-sources",
        "body-changes",
    ),
    "person": ("person-acts", "person-tenures", "person-tenure-sources"),
    "agreement": ("agreement-signatures",),
}
"""The queries of each kind's own sections (:mod:`govkg.site.kinds`), by the IRIs' segment
(``agreement-links``: ``body-agreement-links.rq``'s rows, once for each agreement rather than for
each of its parties)."""
Row = dict[str, Node | None]
FEW = 100
"""A property with at most this many values on an entity is read whole (``statements.rq``);
one with more, page by page (``statement-page.rq``)."""


@dataclass
class Shared:
    """What every kind's pages need: each node's labels (property, label; in query order) and
    each named graph's source (publisher rows, first document)."""

    labels: dict[Node, list[tuple[Node, Node]]]
    sources: dict[Node, tuple[int, Node | None]]


@dataclass
class Prefetched(Tables):
    """One kind's rows by entity; :meth:`rows` answers a site query as the store would."""

    shared: Shared
    statements: dict[str, list[tuple[Node, Node, Node]]] = field(default_factory=dict)
    incoming: dict[str, list[tuple[Node, Node]]] = field(default_factory=dict)
    kinds: dict[str, dict[str, list[Row]]] = field(default_factory=dict)
    _sorted: dict[tuple[str, str], list] = field(default_factory=dict, repr=False)

    def rows(self, name: str, params: Mapping[str, str], page: int = 1) -> list[Row]:
        """The rows of site query ``name`` for ``params`` (and ``page``): a kind's own
        queries (a description's are handed over as :meth:`parts`).

        :raises KeyError: the query was not prefetched for this kind.
        """
        if name in self.kinds:
            return self._kind_rows(name, params, page)
        if name == "body-agreement-links":
            return self._agreement_links(str(params["agency"]), page)
        raise KeyError(name)

    def parts(self, entity: str, page: int) -> Parts:
        """What :func:`govkg.site.describe.describe` reads about ``entity`` (its queries'
        rows, as tuples: no row is made)."""
        incoming = [
            (s, p, prop, label)
            for p, s in page_slice(self._incoming(entity), page)
            for prop, label in self.shared.labels.get(s) or [(None, None)]
        ]
        return Parts(
            len(self._pairs(entity)),
            self._statement_rows("statement-page", entity, page),
            self._statement_rows("statements", entity, page),
            incoming,
            len(self.incoming.get(entity, ())),
            self._once("labels", entity, lambda: self._labels(self._labelled(entity))),
            list(self._once("provenance", entity, lambda: self._provenance(entity))),
            lambda low, high: self._labels(self._in_range(entity, low, high)),
        )

    def statements_of(self, entity: str) -> list[tuple[Node, Node, Node]]:
        return self.statements.get(entity, [])

    def _pairs(self, entity: str) -> list[tuple[Node, Node]]:
        """The entity's distinct predicate and value pairs, in the order of their key (as
        ``statement-page.rq`` sorts them), kept for its next page."""
        key = ("pairs", entity)
        if key not in self._sorted:
            pairs = dict.fromkeys((p, o) for p, o, _ in self.statements_of(entity))
            self._keep(key, sorted(pairs, key=_pair_key))
        return self._sorted[key]

    def _keep(self, key: tuple[str, str], value: list) -> None:
        """Keep ``value`` for the entity's next page (one entity's lists at a time)."""
        if any(kept[1] != key[1] for kept in self._sorted):
            self._sorted.clear()
        self._sorted[key] = value

    def _once(self, what: str, entity: str, make: Callable[[], list]) -> list:
        """The entity's list ``what``, made on its first page and kept for the next (a hub's
        pages each read the same thousands of statements)."""
        key = (what, entity)
        if key not in self._sorted:
            self._keep(key, make())
        return self._sorted[key]

    def _incoming(self, entity: str) -> list[tuple[Node, Node]]:
        """What points at the entity as (predicate, subject), in the order of
        ``incoming.rq``'s key, kept for its next page."""
        key = ("incoming", entity)
        if key not in self._sorted:
            found = self.incoming.get(entity, [])
            self._keep(key, sorted(found, key=lambda pair: range_key(*pair)))
        return self._sorted[key]

    def _statement_rows(self, name: str, entity: str, page: int) -> list[tuple[Node, Node, Node]]:
        """``statements.rq``'s rows (the properties with at most :data:`FEW` values) or
        ``statement-page.rq``'s (the statements of the page's pairs)."""
        found = self.statements_of(entity)
        if name == "statement-page":
            pairs = self._pairs(entity)
            if page == 1 and not page_slice(pairs, 2):  # all shown: no set of pairs to test
                return found
            on = self._once("on-page", entity, lambda: _pages_of(pairs, found))
            return [s for s, number in zip(found, on, strict=True) if number == page]
        key = ("head", entity)
        if key not in self._sorted:
            values = Counter(p for p, _ in dict.fromkeys((p, o) for p, o, _ in found))
            self._keep(key, [(p, o, g) for p, o, g in found if values[p] <= FEW])
        return self._sorted[key]

    def _kind_rows(self, name: str, params: Mapping[str, str], page: int) -> list[Row]:
        key = str(next(iter(params.values())))
        found = self.kinds[name].get(key, [])
        if name == "body-agreements":
            return page_slice(found, page)
        return found

    def _agreement_links(self, body: str, page: int) -> list[Row]:
        """``body-agreement-links.rq``'s rows: the links of the agreements on the body's page
        of agreements, in the order of their IRIs."""
        shown = page_slice(self.kinds["body-agreements"].get(body, []), page)
        links = self.kinds["agreement-links"]
        return [row for a in sorted(str(r["agreement"]) for r in shown) for row in links.get(a, ())]

    def _labelled(self, entity: str) -> set[Node]:
        """The nodes ``labels.rq`` labels: the entity, what its sources link it to, its
        classes, and the predicates both ways."""
        nodes: set[Node] = {URIRef(entity)}
        for p, o, g in self.statements_of(entity):
            nodes.add(p)
            if g != INFERRED or p == TYPE:
                nodes.add(o)
        nodes.update(p for p, _ in self.incoming.get(entity, []))
        return nodes

    def _in_range(self, entity: str, low: str, high: str) -> set[Node]:
        """The IRIs the entity's statements link to, cut by ``low`` … ``high`` (their keys
        made on the entity's first page)."""
        keyed = self._once("linked", entity, lambda: _linked(self.statements_of(entity)))
        return {node for key, node in keyed if low <= key <= high}

    def _labels(self, nodes: set[Node]) -> list[tuple[Node, Node, Node]]:
        labels = self.shared.labels
        return [(node, prop, label) for node in nodes for prop, label in labels.get(node, ())]

    def _provenance(self, entity: str) -> list[tuple[Node, int, Node | None]]:
        counted = Counter(g for _, _, g in self.statements_of(entity))
        found = []
        for graph in sorted(counted, key=str):
            documents, source = self.shared.sources.get(graph, (1, None))
            found.append((graph, counted[graph] * documents, source))
        return found


def _pages_of(pairs: list[tuple[Node, Node]], found: list[tuple[Node, Node, Node]]) -> list[int]:
    """The page of the Statements table each statement of ``found`` is on, by the place of
    its pair in ``pairs``."""
    number = {pair: i // tables.PAGE_SIZE + 1 for i, pair in enumerate(pairs)}
    return [number[(p, o)] for p, o, _ in found]


def _linked(found: list[tuple[Node, Node, Node]]) -> list[tuple[str, Node]]:
    """The IRIs ``found`` links to with their keys (:func:`range_key`), in statement order."""
    return [(f"{p} {o}", o) for p, o, _ in found if isinstance(o, URIRef)]


def _pair_key(pair: tuple[Node, Node]) -> str:
    return statement_key(*pair)


def shared_tables(select: Select) -> Shared:
    """Every label and every graph's source, read once for the whole site."""
    labels: dict[Node, list[tuple[Node, Node]]] = defaultdict(list)
    for r in _all(select, "all-labels", {}):
        labels[r["node"]].append((r["property"], r["label"]))
    sources = {
        r["graph"]: (int(r["documents"]), r["source"]) for r in _all(select, "graph-sources", {})
    }
    return Shared(dict(labels), sources)


def prefetch(
    engine: OxigraphEngine, segment: str, iris: Iterable[str], shared: Shared
) -> Prefetched:
    """The tables of the entities ``iris``, whose IRIs start with ``…/id/<segment>/``: their
    statements and what points at them read from the store's indexes entity by entity (a
    SPARQL filter on the IRIs' start scanned the whole store once per kind: 40 of the 65 CPU
    seconds of reading the tables of 5,000 agreements), the kind's own queries run once with
    the entity unbound."""
    found = Prefetched(shared)
    found.statements, found.incoming = _around(engine.store, iris)
    for name in KIND_QUERIES.get(segment, ()):
        found.kinds[name] = _by_entity(engine.select, name)
    return found


def _around(store: ox.Store, iris: Iterable[str]) -> tuple[dict, dict]:
    """Each entity's statements as (predicate, object, named graph) and what points at it as
    (predicate, subject) in the default graph (the union), as rdflib terms as
    ``statements.rq`` and ``incoming.rq`` give them."""
    statements: dict[str, list] = {}
    incoming: dict[str, list] = {}
    union = ox.DefaultGraph()
    term = _terms()
    with gc_paused():  # the rows are new lists: collections would walk every live object
        for iri in iris:
            node = ox.NamedNode(iri)
            statements[iri] = [
                (term(q.predicate), term(q.object), term(q.graph_name))
                for q in store.quads_for_pattern(node, None, None)
                if type(q.graph_name) is not ox.DefaultGraph
            ]
            pointing = [
                (term(q.predicate), term(q.subject))
                for q in store.quads_for_pattern(None, None, node, union)
            ]
            if pointing:
                incoming[iri] = pointing
    return statements, incoming


def _terms() -> Callable[[ox.Term], Node]:
    """:func:`govkg.terms.to_rdflib` giving one rdflib object for equal terms (Oxigraph's
    terms hash in Rust), so that the pages' sets and dicts of rdflib terms find them by
    identity, not by rdflib's ``__eq__`` (Python); each remembered with the Oxigraph term it
    came from, which its descriptions are written with (:func:`govkg.site.describe.remember`)."""
    made: dict[ox.Term, Node] = {}

    def term(found: ox.Term) -> Node:
        node = made.get(found)
        if node is None:
            node = made[found] = to_rdflib(found)
            remember(node, found)
        return node

    return term


def _all(select: Select, name: str, bindings: dict[str, Node]) -> list[Row]:
    """The rows of a site query with every declared column (no parameter checks: the
    bulk queries take only a prefix, bound here)."""
    query = site_query(name)
    names, found = select(query.text_for(set(bindings)), bindings)
    where = [names.index(c) for c in query.columns]
    return [dict(zip(query.columns, (row[i] for i in where), strict=True)) for row in found]


def _by_entity(select: Select, name: str) -> dict[str, list[Row]]:
    """A kind's query run once with its entity unbound, its rows grouped by that entity (in
    the query's order, which is each entity's order too)."""
    query = site_query(name)
    key = query.params[0].name
    text = unpaged(query.text)
    names, found = select(text, {})
    columns = [c for c in query.columns if c in names]
    where = [names.index(c) for c in columns]
    at = names.index(key)
    grouped: dict[str, list[Row]] = defaultdict(list)
    for row in found:
        grouped[str(row[at])].append(dict(zip(columns, (row[i] for i in where), strict=True)))
    return dict(grouped)
