"""Filters of a network view: on agreements (field, dates), on bodies (kind, province), ego.

Agreement filters are query parameters (bound by the engine, see :mod:`.facts`); the others
act on the projected graph:

* ``kind`` (``central``/``local``) and ``province`` select bodies. Without ``partners`` the
  view keeps those bodies and the edges among them (plus agreements or people joined to them);
  with ``partners`` it also keeps every edge that has one selected end. Nodes left without
  edges are dropped.
* ``ego`` keeps one body (or person) and everything within ``depth`` steps of it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date

import networkx as nx

from govkg.errors import GovkgError
from govkg.text_hygiene import fold

KINDS = ("central", "local")


@dataclass(frozen=True)
class Filters:
    """What to keep: agreements by field and date, bodies by kind and province, an ego network."""

    field: str | None = None
    since: str | None = None
    until: str | None = None
    kind: str | None = None
    province: str | None = None
    ego: str | None = None
    depth: int = 1
    partners: bool = False

    def __post_init__(self) -> None:
        if self.kind is not None and self.kind not in KINDS:
            raise GovkgError(f"unknown kind {self.kind!r}", fix="use central or local")
        if self.depth < 0:
            raise GovkgError(f"depth {self.depth} is negative", fix="use 0 or more")
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is not None:
                try:
                    date.fromisoformat(value)
                except ValueError as err:
                    raise GovkgError(
                        f"{name}: {value!r} is not a date", fix="write it as YYYY-MM-DD"
                    ) from err
        if self.since and self.until and self.since > self.until:
            raise GovkgError(
                f"since {self.since} is after until {self.until}", fix="swap the two dates"
            )

    def agreement_params(self) -> dict[str, str]:
        """The parameters of the agreements query (only those given)."""
        return {
            k: v
            for k, v in (("field", self.field), ("since", self.since), ("until", self.until))
            if v
        }

    def describe(self) -> str:
        """A short summary for titles, e.g. ``field: pelatihan; since 2019-01-01``."""
        parts = [f"field: {self.field}"] if self.field else []
        parts += [f"since {self.since}"] if self.since else []
        parts += [f"until {self.until}"] if self.until else []
        parts += [f"{self.kind} bodies"] if self.kind else []
        parts += [f"province: {self.province}"] if self.province else []
        parts += ["with partners"] if self.partners and (self.kind or self.province) else []
        parts += [f"ego: {self.ego}, depth {self.depth}"] if self.ego else []
        return "; ".join(parts)

    def as_dict(self) -> dict:
        """The filters that were given, for the graph's metadata."""
        return {k: v for k, v in asdict(self).items() if v not in (None, False)}


def province_iri(name: str) -> str:
    """The IRI of a province given by name, code or IRI.

    :raises GovkgError: when the name is unknown or not a province.
    """
    from govkg.gazetteer import Gazetteer
    from govkg.query import coerce

    iri = coerce("organization", "province", name).value
    if not name.startswith(("http://", "https://")):
        entry = Gazetteer.bundled().resolve(name)
        if entry.kind != "ProvincialGovernment":
            raise GovkgError(f"{name!r} is not a province", fix="name a province, e.g. Banten")
    return iri


def find_node(graph: nx.Graph, name: str) -> str:
    """The node called ``name``: its IRI, acronym or label (case and punctuation ignored).

    :raises GovkgError: when no node of the view has that name.
    """
    if name in graph:
        return name
    wanted = fold(name)
    for node, data in graph.nodes(data=True):
        names = (data.get("acronym"), data.get("name"), data.get("name_en"), data.get("label"))
        if any(n and fold(n) == wanted for n in names):
            return node
    try:
        from govkg.query import coerce

        iri = coerce("organization", "ego", name).value
    except GovkgError:
        iri = None
    if iri in graph:
        return iri
    raise GovkgError(
        f"{name!r} is not in this view (after the other filters)",
        fix="check the name, or widen the filters",
    )


def _selected(graph: nx.Graph, filters: Filters) -> set[str]:
    province = province_iri(filters.province) if filters.province else None
    return {
        node
        for node, data in graph.nodes(data=True)
        if data.get("type") == "organization"
        and (filters.kind is None or data.get("level") == filters.kind)
        and (province is None or data.get("province") == province)
    }


def select_bodies(graph: nx.Graph, filters: Filters) -> nx.Graph:
    """Keep the bodies of the kind/province (and with ``partners`` their ties), then no isolates."""
    chosen = _selected(graph, filters)
    joined = {
        other
        for node in chosen
        for other in nx.all_neighbors(graph, node)
        if graph.nodes[other].get("type") != "organization"
    }
    kept = chosen | joined
    edges = [
        (a, b)
        for a, b in graph.edges()
        if (a in kept or b in kept if filters.partners else a in kept and b in kept)
    ]
    result = graph.edge_subgraph(edges).copy()
    result.graph.update(graph.graph)
    return result


def apply_filters(graph: nx.Graph, filters: Filters) -> nx.Graph:
    """The graph after the body filters and the ego filter (agreement filters act earlier).

    >>> import networkx as nx
    >>> g = nx.Graph()
    >>> g.add_node("a", type="organization", level="central", label="A")
    >>> g.add_node("b", type="organization", level="local", label="B")
    >>> g.add_node("c", type="organization", level="local", label="C")
    >>> g.add_edges_from([("a", "b"), ("b", "c")])
    >>> sorted(apply_filters(g, Filters(kind="local")).edges)
    [('b', 'c')]
    >>> sorted(apply_filters(g, Filters(kind="central", partners=True)).edges)
    [('a', 'b')]
    >>> sorted(apply_filters(g, Filters(ego="C", depth=1)))
    ['b', 'c']
    """
    if filters.kind or filters.province:
        graph = select_bodies(graph, filters)
    if filters.ego:
        center = find_node(graph, filters.ego)
        ego = nx.ego_graph(graph, center, radius=filters.depth, undirected=True).copy()
        ego.graph.update(graph.graph)
        graph = ego
    return graph
