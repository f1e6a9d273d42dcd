"""Facts → a networkx graph, following one declared view (see ``views.yaml``).

Each row of the view's relation is evidence for one edge (or, with ``pairs``, every two
different rows of one agreement are); edges collect their evidence and their attributes are
the declared aggregates over it. Nodes carry the attributes of their type (organization,
agreement, person). With ``successors``, a body merged into or renamed as another is drawn
as the body it became, and an edge between the two disappears; with ``rollup``, a unit (a
dinas, a regional office) is drawn as the body it belongs to.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

import networkx as nx

from govkg.network.facts import Facts
from govkg.network.views import Aggregate, View, declaration, local_name

Row = dict[str, str | None]


def _renamed(row: Row, view: View, rename: dict[str, str]) -> Row:
    if not rename:
        return row
    relation = view.relation
    return {
        c: rename.get(v, v) if relation.columns.get(c) == "organization" and v else v
        for c, v in row.items()
    }


def edge_rows(
    view: View, rows: list[Row], rename: dict[str, str]
) -> Iterator[tuple[str, str, Row]]:
    """(source, target, evidence row) for every edge occurrence the view declares."""
    if view.pairs:
        by_agreement: dict[str, dict[str, Row]] = defaultdict(dict)
        for row in rows:
            row = _renamed(row, view, rename)
            if row[view.source]:
                by_agreement[row["agreement"]].setdefault(row[view.source], row)
        for members in by_agreement.values():
            ends = sorted(members)
            for i, a in enumerate(ends):
                for b in ends[i + 1 :]:
                    yield a, b, {"agreement": members[a]["agreement"]}
        return
    for row in rows:
        row = _renamed(row, view, rename)
        a, b = row[view.source], row[view.target]
        if a and b and a != b:
            yield a, b, row


def _values(row: Row, path: str, agreements: dict[str, dict]) -> list:
    if path in row:
        return [row[path]]
    value = agreements.get(row.get("agreement") or "", {}).get(path)
    if isinstance(value, list):
        return value
    return [value]


def aggregate(spec: Aggregate, rows: list[Row], agreements: dict[str, dict]):
    """One edge attribute: ``spec`` applied to the values ``rows`` give for its path."""
    values = {v for row in rows for v in _values(row, spec.path, agreements) if v is not None}
    if spec.op == "count":
        return len(values)
    if spec.op == "collect":
        return sorted(values)
    if not values:
        return None
    return min(values) if spec.op == "min" else max(values)


def _renames(facts: Facts, *, successors: bool, rollup: bool) -> dict[str, str]:
    """Body → the body it is drawn as: its parent (rollup of units), then its successor."""
    ups = facts.units if rollup else {}
    ahead = facts.successors if successors else {}
    bodies = set(ups) | set(ahead) | set(ups.values())
    found = {b: ahead.get(ups.get(b, b), ups.get(b, b)) for b in bodies}
    return {b: to for b, to in found.items() if to != b}


def node_attributes(node: str, kind: str, facts: Facts) -> dict:
    """The attributes of a node of type ``kind`` (organization, agreement, person)."""
    if kind == "organization":
        org = dict(facts.organizations.get(node) or {"name": local_name(node)})
        org.setdefault("kind", "FormalOrganization")
        spec = declaration().kinds[org["kind"]]
        org.setdefault("kind_label", spec.label)
        org.setdefault("color", spec.color)
        org.setdefault("level", spec.level)
        return {"type": kind, "label": org.get("acronym") or org["name"], **org}
    style = declaration().node_types[kind]
    if kind == "agreement":
        entry = facts.agreements.get(node, {})
        return {
            "type": kind,
            "label": entry.get("label") or local_name(node),
            "kind": entry.get("kind") or "agreement",
            "kind_label": style["label"],
            "color": style["color"],
            "date": entry.get("date"),
            "fields": list(entry.get("fields", [])),
        }
    name = facts.people.get(node) or local_name(node)
    return {
        "type": kind,
        "label": name,
        "name": name,
        "kind": "person",
        "kind_label": style["label"],
        "color": style["color"],
    }


def project(
    facts: Facts, view: View, *, successors: bool = False, rollup: bool = False
) -> nx.Graph:
    """The view's graph: nodes keyed by IRI, edge attributes as the view declares.

    >>> from govkg.network.views import get_view
    >>> facts = Facts(
    ...     organizations={"a": {"name": "Alpha", "acronym": "A"}, "b": {"name": "Beta"}},
    ...     agreements={"x": {"date": "2019-02-01", "fields": ["pelatihan"], "kind": "MoU"}},
    ...     relations={"parties": [{"agreement": "x", "party": "a"},
    ...                            {"agreement": "x", "party": "b"}]},
    ...     fields={})
    >>> g = project(facts, get_view("cooperation"))
    >>> g.edges["a", "b"]["weight"], g.edges["a", "b"]["first"], g.nodes["a"]["label"]
    (1, '2019-02-01', 'A')
    """
    rename = _renames(facts, successors=successors, rollup=rollup)
    source_type = view.relation.node_type(view.source)
    target_type = view.relation.node_type(view.target)
    evidence: dict[tuple[str, str], list[Row]] = defaultdict(list)
    types: dict[str, str] = {}
    for a, b, row in edge_rows(view, facts.relations[view.relation.name], rename):
        types[a], types[b] = source_type, target_type
        evidence[(a, b) if view.directed else (min(a, b), max(a, b))].append(row)
    graph: nx.Graph = nx.DiGraph() if view.directed else nx.Graph()
    graph.graph.update(view=view.name, title=view.title, description=view.description)
    used: set[str] = set()
    for (a, b), rows in sorted(evidence.items()):
        for node in (a, b):
            if node not in graph:
                graph.add_node(node, **node_attributes(node, types[node], facts))
        attrs = {name: aggregate(spec, rows, facts.agreements) for name, spec in view.edge.items()}
        graph.add_edge(a, b, **attrs)
        used.update(r["agreement"] for r in rows)
    if rename:
        _mark_merged(graph, view, rename, facts)
    graph.graph["agreements"] = {iri: _agreement_record(iri, facts) for iri in sorted(used)}
    return graph


def _mark_merged(graph: nx.Graph, view: View, rename: dict[str, str], facts: Facts) -> None:
    """Name, on each successor, the bodies of this view that were drawn as it."""
    columns = [c for c, kind in view.relation.columns.items() if kind == "organization"]
    seen = {row[c] for row in facts.relations[view.relation.name] for c in columns}
    merged: dict[str, set[str]] = defaultdict(set)
    for old, new in rename.items():
        if new in graph and old in seen:
            merged[new].add(facts.organizations.get(old, {}).get("name") or local_name(old))
    for node, names in merged.items():
        graph.nodes[node]["merged"] = sorted(names)


def _agreement_record(iri: str, facts: Facts) -> dict:
    """An agreement as the page and JSON export show it (signatories with party names)."""
    entry = dict(facts.agreements[iri])
    orgs = facts.organizations
    entry["signatories"] = sorted(
        (
            {
                "name": s.get("name") or local_name(s["person"]),
                "post": s.get("post"),
                "party": (orgs.get(s["party"]) or {}).get("acronym")
                or (orgs.get(s["party"]) or {}).get("name")
                or local_name(s["party"]),
            }
            for s in entry.get("signatories", [])
        ),
        key=lambda s: (s["party"], s["name"]),
    )
    return entry
