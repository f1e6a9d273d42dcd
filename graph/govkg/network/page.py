"""The interactive page: one self-contained HTML file (pyvis data, vis-network, our template).

pyvis holds the nodes and edges (filled directly: ``from_nx`` is quadratic) and the vis
options; the page itself comes from our template, because pyvis's own templates load CDN
resources and write data-derived headings and menu ids as raw HTML. Here:

* everything is inline — vis-network's standalone build (vendored in ``assets/``), our
  script and style — and a Content-Security-Policy allows only those exact scripts (by hash)
  and no connection, so the page works offline and never reaches the network;
* data travels in a ``<script type="application/json">`` block with ``<``, ``>`` and ``&``
  escaped, and the page script puts it in the DOM with ``textContent`` only; tooltips are
  plain strings, which vis-network shows with ``innerText``;
* positions come from Python (:mod:`.layout`, seeded) and physics is off, so the page is
  usable as soon as it is drawn, at any size; nodes can still be dragged. From ``LARGE``
  nodes or ``BIG_EDGES`` edges on, edges are straight and hidden while dragging or zooming.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from functools import cache
from pathlib import Path

import jinja2
import networkx as nx
from markupsafe import Markup

from govkg import __version__
from govkg.files import write_atomic
from govkg.network.layout import LARGE, positions
from govkg.network.views import declaration

ASSETS = Path(__file__).resolve().parent / "assets"
VIS_FILE = "vis-network.min.js"
VIS_VERSION = "10.1.5"
MAX_TEXT = 300
BIG_EDGES = 2000


@cache
def _asset(name: str) -> str:
    text = (ASSETS / name).read_text(encoding="utf-8")
    if name.endswith(".js"):
        text = re.sub(r"\n//# sourceMappingURL=\S*\s*$", "\n", text)
    if name != "page.html" and re.search(r"</(script|style)", text, re.IGNORECASE):
        raise ValueError(f"{name} contains a closing tag and cannot be inlined")
    return text


def _digest(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"


def script_json(value: object) -> str:
    """JSON that is safe inside a ``<script>`` element (no ``<``, ``>``, ``&`` or line separators).

    >>> script_json({"name": "</script><script>alert(1)</script>"})
    '{"name":"\\\\u003c/script\\\\u003e\\\\u003cscript\\\\u003ealert(1)\\\\u003c/script\\\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for char, escaped in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, escaped)
    return text


def _short(text: object, limit: int = MAX_TEXT) -> str:
    """``text`` cut to ``limit`` characters (record text is already cleaned of odd spaces)."""
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _fields(graph: nx.Graph, agreements: list[dict]) -> tuple[list[dict], dict[str, list[int]]]:
    """Field menu entries in tree order, and each used field's index with its broader ones."""
    scheme: dict[str, dict] = graph.graph.get("fields", {})
    used = {iri for a in agreements for iri in a.get("field_iris", [])}
    wanted: set[str] = set()
    for iri in used:
        while iri and iri not in wanted:
            wanted.add(iri)
            iri = scheme.get(iri, {}).get("broader")
    label = {iri: scheme.get(iri, {}).get("label") or iri.rsplit("/", 1)[-1] for iri in wanted}
    children: dict[str | None, list[str]] = {}
    for iri in wanted:
        parent = scheme.get(iri, {}).get("broader")
        children.setdefault(parent if parent in wanted else None, []).append(iri)
    ordered: list[tuple[str, int]] = []

    def walk(parent: str | None, depth: int) -> None:
        for iri in sorted(children.get(parent, []), key=lambda i: label[i].casefold()):
            ordered.append((iri, depth))
            walk(iri, depth + 1)

    walk(None, 0)
    index = {iri: i for i, (iri, _) in enumerate(ordered)}
    closure = {}
    for iri in used:
        chain, node = [], iri
        while node in index and index[node] not in chain:
            chain.append(index[node])
            node = scheme.get(node, {}).get("broader")
        closure[iri] = chain
    menu = [{"label": label[iri], "depth": depth} for iri, depth in ordered]
    return menu, closure


def _agreement_payload(record: dict, closure: dict[str, list[int]], seen: dict) -> dict:
    """One agreement for the page: fields as menu indexes, ``match`` with broader fields too."""
    date = record.get("date")
    codes = tuple(record.get("field_iris", ()))
    if codes not in seen:  # many agreements share their fields: work them out once
        seen[codes] = (
            [closure[f][0] for f in codes if closure.get(f)],
            sorted({i for f in codes for i in closure.get(f, [])}),
        )
    coded, match = seen[codes]
    return {
        "label": _short(record.get("label") or ""),
        "date": date,
        "year": int(date[:4]) if date and date[:4].isdigit() else None,
        "kind": record.get("kind"),
        "fields": coded,
        "match": match,
        "signatories": [
            [_short(s.get("name") or ""), s.get("post"), s.get("party")]
            for s in record.get("signatories", [])
        ],
        "sources": [list(d) for d in record.get("documents", [])],
    }


def _count(number: float, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def node_info(graph: nx.Graph, data: dict) -> list[str]:
    """Lines describing a node: names, kind, place, metrics."""
    lines = []
    if data.get("type") == "organization":
        if data.get("name_en"):
            lines.append(_short(data["name_en"]))
        lines.append(
            ", ".join(
                filter(
                    None, (data.get("kind_label"), data.get("level"), data.get("province_label"))
                )
            )
        )
    elif data.get("date"):
        lines.append(", ".join(filter(None, (data.get("kind"), data.get("date")))))
    if "degree" in data:
        if graph.graph.get("view") == "cooperation":
            lines.append(
                f"{_count(data['degree'], 'partner')}, "
                f"{_count(data['weighted_degree'], 'agreement')}"
            )
        else:
            lines.append(f"degree {data['degree']}, weighted degree {data['weighted_degree']}")
        lines.append(
            f"betweenness {data['betweenness']:.3f} · PageRank {data['pagerank']:.3f} · "
            f"community {data['community']} · component {data['component']}"
        )
    if data.get("merged"):
        lines.append("includes: " + _short(", ".join(data["merged"])))
    return lines


def node_title(graph: nx.Graph, node: str, data: dict) -> str:
    """The tooltip of a node: its full name (and acronym) and :func:`node_info`.

    Edge tooltips are made by the page script from the agreements table (so the page does
    not carry each agreement once per edge).
    """
    name = data.get("name") or data.get("label") or str(node)
    acronym = data.get("acronym")
    head = f"{name} ({acronym})" if acronym and acronym != name else name
    return "\n".join([_short(head), *node_info(graph, data)])


def _options(directed: bool, big: bool) -> dict:
    return {
        "autoResize": True,
        "layout": {"improvedLayout": False, "randomSeed": 7},
        "nodes": {
            "shape": "dot",
            "borderWidth": 1,
            "font": {"size": 14, "face": "system-ui, sans-serif"},
            "scaling": {
                "min": 8,
                "max": 32,
                "label": {"enabled": True, "min": 12, "max": 26, "drawThreshold": 7},
            },
        },
        "edges": {
            "color": {
                "color": "#9aa5b1",
                "highlight": "#333333",
                "hover": "#555555",
                "inherit": False,
            },
            "scaling": {"min": 1, "max": 8},
            "smooth": False,
            "arrows": {"to": {"enabled": directed, "scaleFactor": 0.5}},
        },
        "physics": {"enabled": False, "stabilization": {"enabled": False}},
        "interaction": {
            "hover": True,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": big,
            "hideEdgesOnZoom": big,
            "multiselect": True,
        },
    }


def _legend(graph: nx.Graph) -> list[dict]:
    decl = declaration()
    kinds = {data.get("kind") for _, data in graph.nodes(data=True)}
    types = {data.get("type") for _, data in graph.nodes(data=True)}
    legend = [
        {"label": k.label, "color": k.color, "shape": "dot"}
        for name, k in decl.kinds.items()
        if name in kinds
    ]
    for name in ("agreement", "person"):
        if name in types:
            style = decl.node_types[name]
            legend.append(
                {"label": style["label"], "color": style["color"], "shape": style["shape"]}
            )
    return legend


def payload(graph: nx.Graph, *, title: str | None = None, subtitle: str | None = None) -> dict:
    """Everything the page script needs, as JSON-ready data (nodes and edges via pyvis)."""
    from pyvis.network import Network

    big = len(graph) >= LARGE or graph.number_of_edges() >= BIG_EDGES
    records = graph.graph.get("agreements", {})
    order = list(records)
    agreement_index = {iri: i for i, iri in enumerate(order)}
    menu, closure = _fields(graph, [records[i] for i in order])
    where = positions(graph)
    ids = {node: i for i, node in enumerate(graph)}
    styles = declaration().node_types
    net = Network(directed=graph.is_directed(), cdn_resources="remote", height="100%", width="100%")
    net.nodes = [
        {
            "id": ids[node],
            "iri": str(node),
            "type": data.get("type"),
            "label": _short(data.get("label", node), 60),
            "name": _short(data.get("name") or data.get("label") or node),
            "title": node_title(graph, node, data),
            "color": data.get("color") or "#7f7f7f",
            "shape": styles.get(data.get("type"), {}).get("shape", "dot"),
            "value": data.get("weighted_degree", graph.degree(node, weight="weight")),
            "x": where[node][0],
            "y": where[node][1],
        }
        for node, data in graph.nodes(data=True)
    ]
    net.edges = [
        {
            "id": number,
            "from": ids[a],
            "to": ids[b],
            "value": data.get("weight", 1),
            **({"posts": data["posts"]} if data.get("posts") else {}),
            "ag": [agreement_index[i] for i in data.get("agreements", []) if i in agreement_index],
        }
        for number, (a, b, data) in enumerate(graph.edges(data=True))
    ]
    net.options = _options(graph.is_directed(), big)
    nodes, edges, _, _, _, options = net.get_network_data()
    seen: dict = {}
    agreements = [_agreement_payload(records[i], closure, seen) for i in order]
    years = sorted({a["year"] for a in agreements if a["year"] is not None})
    return {
        "title": title or graph.graph.get("title") or "Network",
        "subtitle": subtitle if subtitle is not None else _subtitle(graph),
        "directed": graph.is_directed(),
        "legend": _legend(graph),
        "fields": menu,
        "years": list(range(years[0], years[-1] + 1)) if years else [],
        "agreements": agreements,
        "nodes": nodes,
        "edges": edges,
        "options": json.loads(options),
    }


def _subtitle(graph: nx.Graph) -> str:
    parts = [graph.graph.get("filters_text") or "", graph.graph.get("description") or ""]
    parts.append(f"{len(graph)} nodes, {graph.number_of_edges()} edges")
    if graph.graph.get("successors"):
        parts.append("merged bodies drawn as their successors")
    if graph.graph.get("rollup"):
        parts.append("units drawn as the bodies they belong to")
    parts.append("sizes: weighted degree; click a node or edge for its agreements and sources")
    return " · ".join(p for p in parts if p)


@cache
def _template() -> jinja2.Template:
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    return env.from_string(_asset("page.html"))


def render_page(graph: nx.Graph, *, title: str | None = None, subtitle: str | None = None) -> str:
    """The page as one HTML string (see the module notes for what keeps it offline and safe).

    >>> import networkx as nx
    >>> g = nx.Graph(title="<b>demo</b>")
    >>> g.add_edge("a", "b", weight=1)
    >>> html = render_page(g)
    >>> head = html.split("<body>")[0]
    >>> "<b>demo</b>" in html, "&lt;b&gt;demo&lt;/b&gt;" in head, "https://" in head
    (False, True, False)
    """
    data = payload(graph, title=title, subtitle=subtitle)
    vis_js, page_js = _asset(VIS_FILE), _asset("page.js")
    csp = (
        "default-src 'none'; "
        f"script-src {_digest(vis_js)} {_digest(page_js)}; "
        "style-src 'unsafe-inline'; img-src data: blob:; font-src 'none'; connect-src 'none'; "
        "media-src 'none'; object-src 'none'; frame-src 'none'; worker-src 'none'; "
        "base-uri 'none'; form-action 'none'"
    )
    return _template().render(
        csp=Markup(csp),  # our own constant text, no data in it
        version=__version__,
        vis_version=VIS_VERSION,
        title=data["title"],
        subtitle=data["subtitle"],
        css=Markup(_asset("page.css")),
        payload=Markup(script_json(data)),
        vis_js=Markup(vis_js),
        page_js=Markup(page_js),
    )


def write_page(
    graph: nx.Graph, path: str | Path, *, title: str | None = None, subtitle: str | None = None
) -> Path:
    """Write the page to ``path`` (one file, nothing beside it); returns the path."""
    path = Path(path)
    write_atomic(
        path, render_page(graph, title=title, subtitle=subtitle).encode("utf-8"), sync=False
    )
    return path
