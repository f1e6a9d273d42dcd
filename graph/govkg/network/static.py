"""Static pictures for papers and notebooks (matplotlib): the network, and agreements per year.

Colours follow the kinds in ``views.yaml``, node areas the weighted degree, edge widths the
weight; the best-connected nodes are labelled. The year chart counts the distinct agreements
of the view by signing year, stacked by kind (MoU, PKS…).
"""

from __future__ import annotations

import io
from collections import Counter
from pathlib import Path

import networkx as nx

from govkg.errors import GovkgError
from govkg.files import write_atomic

FORMATS = ("png", "svg")
CHARTS = ("network", "years")
LABELS = 15


def _matplotlib():
    """matplotlib itself; figures are made without pyplot, so the caller's backend (a
    notebook's inline plots) is never switched."""
    try:
        import matplotlib
        from matplotlib.figure import Figure
    except ImportError as err:
        raise GovkgError(
            "PNG and SVG need matplotlib", fix="pip install matplotlib, or use --format html"
        ) from err
    return matplotlib, Figure


def draw_network(graph: nx.Graph, ax) -> None:
    """Draw the network on a matplotlib axis."""
    from govkg.network.layout import positions

    where = positions(graph)
    ax.set_axis_off()
    ax.set_aspect("equal")
    if not len(graph):
        ax.text(0.5, 0.5, "no nodes match", ha="center", va="center", transform=ax.transAxes)
        return
    pos = {n: (x, -y) for n, (x, y) in where.items()}
    weights = [float(d.get("weight", 1)) for _, _, d in graph.edges(data=True)]
    top = max(weights, default=1.0)
    nx.draw_networkx_edges(
        graph,
        pos,
        ax=ax,
        edge_color="#9aa5b1",
        alpha=0.7,
        width=[0.5 + 3.0 * w / top for w in weights],
    )
    strength = [float(graph.nodes[n].get("weighted_degree", graph.degree(n))) for n in graph]
    biggest = max(strength, default=1.0) or 1.0
    nx.draw_networkx_nodes(
        graph,
        pos,
        ax=ax,
        linewidths=0.5,
        edgecolors="#333333",
        node_color=[graph.nodes[n].get("color", "#7f7f7f") for n in graph],
        node_size=[30 + 600 * s / biggest for s in strength],
    )
    ranked = sorted(graph, key=lambda n: (-graph.nodes[n].get("weighted_degree", 0), str(n)))
    labels = {n: str(graph.nodes[n].get("label", n))[:40] for n in ranked[:LABELS]}
    nx.draw_networkx_labels(graph, pos, labels=labels, ax=ax, font_size=8, clip_on=False)
    ax.margins(0.12)
    _legend(graph, ax)
    title = str(graph.graph.get("title", ""))
    if graph.graph.get("filters_text"):
        title += f"\n{graph.graph['filters_text']}"
    ax.set_title(title, fontsize=11)


def _legend(graph: nx.Graph, ax) -> None:
    """One entry per kind of node drawn, in the colours of the page."""
    from matplotlib.lines import Line2D

    kinds: dict[str, str] = {}
    for _, data in sorted(graph.nodes(data=True), key=lambda item: str(item[1].get("kind_label"))):
        if data.get("kind_label"):
            kinds.setdefault(data["kind_label"], data.get("color", "#7f7f7f"))
    handles = [
        Line2D(
            [],
            [],
            marker="o",
            linestyle="",
            markerfacecolor=color,
            markeredgecolor="#333333",
            label=label,
        )
        for label, color in kinds.items()
    ]
    if handles:
        ax.legend(handles=handles, loc="lower left", frameon=False, fontsize=8)


def agreements_per_year(graph: nx.Graph) -> dict[int, Counter]:
    """Year → count of the view's distinct agreements by kind."""
    records = graph.graph.get("agreements", {})
    used = {iri for _, _, d in graph.edges(data=True) for iri in d.get("agreements", [])}
    years: dict[int, Counter] = {}
    for iri in used:
        record = records.get(iri, {})
        date = record.get("date") or ""
        if date[:4].isdigit():
            years.setdefault(int(date[:4]), Counter())[record.get("kind") or "agreement"] += 1
    return dict(sorted(years.items()))


def draw_years(graph: nx.Graph, ax) -> None:
    """Bar chart of agreements per year, stacked by kind."""
    years = agreements_per_year(graph)
    kinds = sorted({k for counts in years.values() for k in counts})
    bottom = [0] * len(years)
    for kind in kinds:
        values = [years[y][kind] for y in years]
        ax.bar(list(years), values, bottom=bottom, label=kind)
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    ax.set_xlabel("year signed")
    ax.set_ylabel("agreements")
    ax.set_title(f"Agreements per year — {graph.graph.get('title', '')}", fontsize=11)
    if kinds:
        ax.legend(frameon=False)
    ax.xaxis.get_major_locator().set_params(integer=True)


def picture_bytes(graph: nx.Graph, fmt: str, chart: str = "network") -> bytes:
    """The picture as PNG or SVG bytes.

    :raises GovkgError: for an unknown format or chart, or without matplotlib.
    """
    if fmt not in FORMATS or chart not in CHARTS:
        raise GovkgError(
            f"cannot draw {chart!r} as {fmt!r}", fix="use png or svg; network or years"
        )
    matplotlib, Figure = _matplotlib()
    # SVG text stays text (editable in papers); no timestamp, so the same graph gives the same file
    style = {"svg.fonttype": "none", "svg.hashsalt": "govkg"}
    metadata = {"Software": "govkg"} if fmt == "png" else {"Date": None}
    with matplotlib.rc_context(style):
        figure = Figure(figsize=(10, 8) if chart == "network" else (9, 4.5))
        ax = figure.subplots()
        (draw_network if chart == "network" else draw_years)(graph, ax)
        figure.tight_layout()
        buffer = io.BytesIO()
        figure.savefig(buffer, format=fmt, dpi=150, metadata=metadata)
    return buffer.getvalue()


def write_picture(graph: nx.Graph, path: str | Path, fmt: str, chart: str = "network") -> Path:
    """Write the picture to ``path``; returns the path.

    >>> import networkx as nx, tempfile, pathlib
    >>> g = nx.star_graph(3)
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "net.png"
    >>> _ = write_picture(g, path, "png")
    >>> path.read_bytes()[:4]
    b'\\x89PNG'
    """
    path = Path(path)
    write_atomic(path, picture_bytes(graph, fmt, chart), sync=False)
    return path
