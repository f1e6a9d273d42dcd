"""Node positions computed in Python, so pages are usable at once (no physics to settle).

Force-directed (Fruchterman-Reingold) everywhere, by the cheapest tool for the size: plain
Python below ``SMALL`` nodes (no NumPy import, so a build's page costs milliseconds);
networkx's spring layout below ``LARGE``; from ``LARGE`` on, igraph's grid variant (about a
second for 5,000 nodes, where networkx takes over a minute), or networkx when igraph is not
installed. Positions are seeded (same graph → same picture) and scaled to canvas pixels:
about ``SPACING`` pixels per node along each axis of a square.
"""

from __future__ import annotations

import math
import random

import networkx as nx

SMALL = 80
LARGE = 500
SPACING = 60.0
SEED = 7
ITERATIONS = 80
ITERATIONS_LARGE = 300  # igraph's default is 500; 300 looks the same at thousands of nodes


def _python_positions(graph: nx.Graph) -> dict:
    """Fruchterman-Reingold in plain Python (as networkx does it), for small graphs."""
    nodes = list(graph)
    index = {node: i for i, node in enumerate(nodes)}
    edges = [(index[a], index[b]) for a, b in graph.edges() if a != b]
    rng = random.Random(SEED)
    pos = [[rng.random(), rng.random()] for _ in nodes]
    k = 1.0 / math.sqrt(len(nodes))
    step = 0.1
    for _ in range(ITERATIONS):
        disp = [[0.0, 0.0] for _ in nodes]
        for i in range(len(nodes)):
            for j in range(i + 1, len(nodes)):
                dx, dy = pos[i][0] - pos[j][0], pos[i][1] - pos[j][1]
                dist = max(math.hypot(dx, dy), 0.01)
                push = k * k / dist / dist
                disp[i][0] += dx * push
                disp[i][1] += dy * push
                disp[j][0] -= dx * push
                disp[j][1] -= dy * push
        for i, j in edges:
            dx, dy = pos[i][0] - pos[j][0], pos[i][1] - pos[j][1]
            pull = math.hypot(dx, dy) / k
            disp[i][0] -= dx * pull
            disp[i][1] -= dy * pull
            disp[j][0] += dx * pull
            disp[j][1] += dy * pull
        for p, (dx, dy) in zip(pos, disp, strict=True):
            length = max(math.hypot(dx, dy), 0.01)
            move = min(length, step) / length
            p[0] += dx * move
            p[1] += dy * move
        step -= 0.1 / (ITERATIONS + 1)
    return {node: tuple(p) for node, p in zip(nodes, pos, strict=True)}


def _igraph_positions(graph: nx.Graph) -> dict | None:
    try:
        import igraph
    except ImportError:
        return None
    nodes = list(graph)
    index = {node: i for i, node in enumerate(nodes)}
    other = igraph.Graph(n=len(nodes), edges=[(index[a], index[b]) for a, b in graph.edges()])
    igraph.set_random_number_generator(random.Random(SEED))  # same graph, same picture
    try:
        coords = other.layout_fruchterman_reingold(grid=True, niter=ITERATIONS_LARGE)
    finally:
        igraph.set_random_number_generator(random)  # igraph's default
    return {node: tuple(xy) for node, xy in zip(nodes, coords, strict=True)}


def positions(graph: nx.Graph) -> dict:
    """Node → (x, y) in canvas pixels, centred on (0, 0).

    >>> import networkx as nx
    >>> pos = positions(nx.star_graph(4))
    >>> def spread(node): return math.dist(pos[node], (0, 0))
    >>> spread(0) < min(spread(leaf) for leaf in range(1, 5))
    True
    """
    if len(graph) == 0:
        return {}
    if len(graph) == 1:
        return {next(iter(graph)): (0.0, 0.0)}
    simple = nx.Graph(graph.to_undirected(as_view=True)) if graph.is_directed() else graph
    if len(graph) < SMALL:
        raw = _python_positions(simple)
    else:
        raw = _igraph_positions(simple) if len(graph) >= LARGE else None
        if raw is None:
            raw = nx.spring_layout(simple, seed=SEED, weight=None)
    return _scaled(raw, SPACING * math.sqrt(len(graph)) + 2 * SPACING)


def _scaled(raw: dict, size: float) -> dict:
    xs = [float(x) for x, _ in raw.values()]
    ys = [float(y) for _, y in raw.values()]
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    factor = size / span
    return {
        n: (round((float(x) - cx) * factor, 1), round((float(y) - cy) * factor, 1))
        for n, (x, y) in raw.items()
    }
