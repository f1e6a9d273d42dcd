"""Network files for other tools: JSON (node-link), GraphML (Cytoscape, yEd), GEXF (Gephi).

Metrics and every node and edge attribute travel as attributes. GraphML and GEXF hold only
scalars, so lists (fields, agreement IRIs, sources…) are joined with ``"; "`` and empty values
left out; GEXF also gets Gephi's ``viz`` colour, size and position, so the file opens drawn.
JSON keeps lists and the agreements table (``graph.agreements``) as they are.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import networkx as nx

from govkg.errors import GovkgError
from govkg.files import write_atomic

FORMATS = ("json", "graphml", "gexf")
SEPARATOR = "; "


def _scalar(value):
    if isinstance(value, (list, tuple, set)):
        return SEPARATOR.join(str(v) for v in value) if value else None
    if isinstance(value, dict):
        return None
    return value


def flat_copy(graph: nx.Graph) -> nx.Graph:
    """A copy with list attributes joined, dicts and empty values left out (GraphML/GEXF)."""
    flat = graph.__class__()
    flat.graph.update(
        {
            k: v
            for k, v in ((k, _scalar(v)) for k, v in graph.graph.items())
            if v is not None and v != ""
        }
    )
    for node, data in graph.nodes(data=True):
        flat.add_node(
            node,
            **{
                k: v
                for k, v in ((k, _scalar(v)) for k, v in data.items())
                if v is not None and v != ""
            },
        )
    for a, b, data in graph.edges(data=True):
        flat.add_edge(
            a,
            b,
            **{
                k: v
                for k, v in ((k, _scalar(v)) for k, v in data.items())
                if v is not None and v != ""
            },
        )
    return flat


def _viz(graph: nx.Graph) -> None:
    """Gephi's colour, size and position for every node (GEXF ``viz``)."""
    from govkg.network.layout import positions

    where = positions(graph)
    for node, data in graph.nodes(data=True):
        color = str(data.get("color") or "#7f7f7f").lstrip("#")
        r, g, b = (int(color[i : i + 2], 16) for i in (0, 2, 4))
        size = float(data.get("weighted_degree") or 1)
        data["viz"] = {
            "color": {"r": r, "g": g, "b": b, "a": 1.0},
            "size": 4.0 + 2.0 * size**0.5,
            "position": {"x": where[node][0], "y": -where[node][1], "z": 0.0},
        }


def to_json(graph: nx.Graph) -> str:
    """Node-link JSON (``nodes``, ``edges``, ``graph``) with all attributes."""
    data = nx.node_link_data(graph, edges="edges")
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True, default=list) + "\n"


def export_bytes(graph: nx.Graph, fmt: str) -> bytes:
    """The graph in ``fmt`` (json, graphml, gexf) as bytes.

    :raises GovkgError: for an unknown format.
    """
    if fmt == "json":
        return to_json(graph).encode("utf-8")
    if fmt not in FORMATS:
        raise GovkgError(f"unknown export format {fmt!r}", fix=f"use one of {', '.join(FORMATS)}")
    flat = flat_copy(graph)
    buffer = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(flat, buffer, encoding="utf-8", prettyprint=True)
    else:
        _viz(flat)
        nx.write_gexf(flat, buffer, encoding="utf-8", prettyprint=True)
    return buffer.getvalue()


def write_export(graph: nx.Graph, path: str | Path, fmt: str) -> Path:
    """Write the graph as ``fmt`` to ``path``; returns the path.

    >>> import networkx as nx, tempfile, pathlib
    >>> g = nx.Graph(view="cooperation")
    >>> g.add_edge("a", "b", weight=2, fields=["pelatihan", "penelitian"])
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "n.graphml"
    >>> _ = write_export(g, path, "graphml")
    >>> nx.read_graphml(path).edges["a", "b"]["fields"]
    'pelatihan; penelitian'
    """
    path = Path(path)
    write_atomic(path, export_bytes(graph, fmt), sync=False)
    return path
