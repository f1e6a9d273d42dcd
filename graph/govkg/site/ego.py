"""A body's ego network as a small SVG drawn on the server: the body in the middle, its most
frequent partners on a circle, each edge as wide as the agreements they share. No script, no
external request: it works under the pages' policy and from disk.

>>> from govkg.site.links import Cell
>>> ego = ego_network(Cell("LAN"), [(Cell("LIPI", "/id/org/lipi.html"), 3), (Cell("BPOM"), 1)])
>>> [round(n.x) for n in ego.nodes], [e.width for e in ego.edges]
([200, 330, 70], [6.0, 2.7])
>>> ego.edges[0].width > ego.edges[1].width
True
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from govkg.site.links import Cell

SIZE = 400
RADIUS = 130
MOST = 16
"""Partners drawn (the most frequent); the table lists them all."""
LABEL_CHARS = 32
"""Longer labels are cut (with …) in the drawing; the link and the table keep them whole."""


@dataclass(frozen=True)
class Node:
    """A drawn body: where, how big, and its cell (label and link)."""

    x: float
    y: float
    r: float
    cell: Cell
    anchor: str = "middle"


@dataclass(frozen=True)
class Edge:
    """A drawn tie from the centre, with its stroke width and the agreements it stands for."""

    x: float
    y: float
    width: float
    agreements: int


@dataclass(frozen=True)
class Ego:
    """The drawing: the SVG's size, the nodes (the body first) and the edges."""

    size: int
    nodes: list[Node]
    edges: list[Edge]


def ego_network(centre: Cell, partners: list[tuple[Cell, int]]) -> Ego | None:
    """The drawing of ``centre`` and its ``partners`` ((cell, shared agreements), most first);
    None without partners."""
    shown = partners[:MOST]
    if not shown:
        return None
    most = max(count for _, count in shown)
    middle = SIZE / 2
    nodes, edges = [Node(middle, middle, 14, centre)], []
    for i, (cell, count) in enumerate(shown):
        angle = 2 * math.pi * i / len(shown)
        x = round(middle + RADIUS * math.cos(angle), 1)
        y = round(middle + RADIUS * math.sin(angle), 1)
        anchor = "start" if math.cos(angle) > 0.3 else "end" if math.cos(angle) < -0.3 else "middle"
        short = (
            cell
            if len(cell.text) <= LABEL_CHARS
            else Cell(cell.text[: LABEL_CHARS - 1] + "…", cell.href)
        )
        nodes.append(Node(x, y, round(5 + 5 * count / most, 1), short, anchor))
        edges.append(Edge(x, y, round(1 + 5 * count / most, 1), count))
    return Ego(SIZE, nodes, edges)
