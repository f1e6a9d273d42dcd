"""A small deterministic layered layout (Sugiyama-style) for box-and-arrow diagrams.

Nodes go on layers by longest path from the top (edges point downwards; cycles are broken
by depth-first order), long edges get bend points, and a few barycentre sweeps order each
layer. Ties are broken by node id, so the same input always gives the same picture.

>>> boxes = {"a": (80, 30), "b": (80, 30), "c": (80, 30)}
>>> placed = layout(boxes, [("a", "b"), ("a", "c"), ("b", "c")])
>>> [placed.nodes[n].layer for n in "abc"], len(placed.routes[("a", "c")])
([0, 1, 2], 3)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

H_GAP = 36
V_GAP = 70
MARGIN = 24
DUMMY = 12


@dataclass
class Placed:
    """A positioned box: top-left corner, size and layer."""

    x: float
    y: float
    width: float
    height: float
    layer: int


@dataclass
class Layout:
    """Boxes by id, and each edge's route (points from source to target), plus the canvas size."""

    nodes: dict[str, Placed]
    routes: dict[tuple[str, str], list[tuple[float, float]]] = field(default_factory=dict)
    width: float = 0
    height: float = 0


def layout(
    sizes: dict[str, tuple[float, float]], edges: list[tuple[str, str]], *, horizontal=False
) -> Layout:
    """Place boxes of the given (width, height) so that edges run from upper to lower layers.

    ``horizontal`` puts the layers in columns, left to right (compact for wide, shallow trees).
    """
    if horizontal:
        turned = layout_layers({n: (h, w) for n, (w, h) in sizes.items()}, edges, gaps=(12, 90))
        return _transposed(turned)
    return layout_layers(sizes, edges, gaps=(H_GAP, V_GAP))


def _transposed(turned: Layout) -> Layout:
    nodes = {n: Placed(p.y, p.x, p.height, p.width, p.layer) for n, p in turned.nodes.items()}
    routes = {e: [(y, x) for x, y in points] for e, points in turned.routes.items()}
    return Layout(nodes, routes, turned.height, turned.width)


def layout_layers(sizes, edges, *, gaps: tuple[float, float]) -> Layout:
    """:func:`layout` with layers as rows and the given (within-row, between-row) gaps."""
    forward = _acyclic(sorted(sizes), sorted({e for e in edges if e[0] != e[1]}))
    layers = _layers(sorted(sizes), forward)
    chains, order = _dummies(forward, layers)
    order = _sweep(order, chains)
    placed = _positions(order, sizes, chains, gaps)
    result = Layout({n: p for n, p in placed.items() if n in sizes})
    for edge in edges:
        if edge[0] == edge[1]:
            continue
        chain = chains.get(edge) or chains.get((edge[1], edge[0]), [])
        points = [_centre(placed[n]) for n in chain]
        result.routes[edge] = points if edge in chains else points[::-1]
    result.width = max(p.x + p.width for p in placed.values()) + MARGIN
    result.height = max(p.y + p.height for p in placed.values()) + MARGIN
    return result


def _acyclic(nodes: list[str], edges: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The edges with back edges (found depth-first, in sorted order) reversed."""
    out: dict[str, list[str]] = {n: sorted(t for s, t in edges if s == n) for n in nodes}
    state: dict[str, int] = {}
    back: set[tuple[str, str]] = set()

    def visit(node: str) -> None:
        state[node] = 1
        for target in out[node]:
            if state.get(target) == 1:
                back.add((node, target))
            elif target not in state:
                visit(target)
        state[node] = 2

    for node in nodes:
        if node not in state:
            visit(node)
    return sorted({(t, s) if (s, t) in back else (s, t) for s, t in edges})


def _layers(nodes: list[str], edges: list[tuple[str, str]]) -> dict[str, int]:
    layer = dict.fromkeys(nodes, 0)
    for _ in nodes:
        for source, target in edges:
            layer[target] = max(layer[target], layer[source] + 1)
    return layer


def _dummies(edges, layers) -> tuple[dict[tuple[str, str], list[str]], list[list[str]]]:
    """Chains of node ids per edge (with bend-point dummies), and the initial layer order."""
    chains: dict[tuple[str, str], list[str]] = {}
    members: dict[str, int] = dict(layers)
    for source, target in edges:
        chain = [source]
        for step in range(layers[source] + 1, layers[target]):
            dummy = f"\0{source}\0{target}\0{step}"
            members[dummy] = step
            chain.append(dummy)
        chains[(source, target)] = [*chain, target]
    order = [
        sorted(n for n, k in members.items() if k == i) for i in range(max(members.values()) + 1)
    ]
    return chains, order


def _sweep(order: list[list[str]], chains) -> list[list[str]]:
    pairs = {(a, b) for chain in chains.values() for a, b in pairwise(chain)}
    for rounds in range(8):
        down = rounds % 2 == 0
        indices = range(1, len(order)) if down else range(len(order) - 2, -1, -1)
        for i in indices:
            ref = {n: k for k, n in enumerate(order[i - 1 if down else i + 1])}
            order[i] = sorted(order[i], key=lambda n, ref=ref: (_bary(n, pairs, ref, down), n))
    return order


def _bary(node: str, pairs, ref: dict[str, int], down: bool) -> float:
    linked = [ref[a] for a, b in pairs if b == node and a in ref] if down else []
    linked += [ref[b] for a, b in pairs if a == node and b in ref] if not down else []
    return sum(linked) / len(linked) if linked else float(len(ref))


def _positions(order, sizes, chains, gaps) -> dict[str, Placed]:
    gap, layer_gap = gaps
    size = {n: sizes.get(n, (DUMMY, DUMMY)) for row in order for n in row}
    pairs = {(a, b) for chain in chains.values() for a, b in pairwise(chain)}
    centre = _packed(order, size, gap)
    for rounds in range(12):
        down = rounds % 2 == 0
        for row in order if down else order[::-1]:
            wanted = {n: _mean(n, pairs, centre, down) for n in row}
            _place_row(row, size, centre, wanted, gap)
    left = min(centre[n] - size[n][0] / 2 for n in centre)
    placed: dict[str, Placed] = {}
    y = MARGIN
    for k, row in enumerate(order):
        height = max(size[n][1] for n in row)
        for node in row:
            w, h = size[node]
            x = centre[node] - w / 2 - left + MARGIN
            placed[node] = Placed(round(x, 1), y + (height - h) / 2, w, h, k)
        y += height + layer_gap
    return placed


def _packed(order, size, gap) -> dict[str, float]:
    centre: dict[str, float] = {}
    for row in order:
        x = 0.0
        for node in row:
            centre[node] = x + size[node][0] / 2
            x += size[node][0] + gap
    return centre


def _mean(node: str, pairs, centre: dict[str, float], down: bool) -> float | None:
    linked = [centre[a] for a, b in pairs if b == node] if down else []
    linked += [centre[b] for a, b in pairs if a == node] if not down else []
    return sum(linked) / len(linked) if linked else None


def _place_row(row, size, centre, wanted, gap) -> None:
    """Move each box towards its wanted centre, keeping the order and the gaps."""
    target = [wanted[n] if wanted[n] is not None else centre[n] for n in row]
    x = [0.0] * len(row)
    for i, node in enumerate(row):
        low = x[i - 1] + (size[row[i - 1]][0] + size[node][0]) / 2 + gap if i else -1e9
        x[i] = max(target[i], low)
    for i in range(len(row) - 2, -1, -1):
        high = x[i + 1] - (size[row[i + 1]][0] + size[row[i]][0]) / 2 - gap
        x[i] = min(x[i], max(high, target[i] if i == 0 else x[i]))
    for i in range(1, len(row)):
        low = x[i - 1] + (size[row[i - 1]][0] + size[row[i]][0]) / 2 + gap
        x[i] = max(x[i], low)
    for node, value in zip(row, x, strict=True):
        centre[node] = value


def _centre(box: Placed) -> tuple[float, float]:
    return box.x + box.width / 2, box.y + box.height / 2
