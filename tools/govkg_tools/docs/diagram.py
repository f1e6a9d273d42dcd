"""The ontology's diagrams as SVG, drawn by our own code: no Graphviz, the same bytes every run.

``class_hierarchy`` shows every govkg class under the classes of ORG, CPOV, PROV and
schema.org it specialises; ``core_relations`` shows how the core classes link: object
properties from the ontology (an inverse pair is one arrow) and the reused properties the
shapes require (``sh:path`` with ``sh:class`` under a shape that targets a class).

>>> from govkg_tools.docs.sources import ontology_graph, shapes_graph
>>> svg = core_relations(ontology_graph(), shapes_graph())
>>> svg.startswith("<svg") and "govkg:Agreement" in svg and "org:member" in svg
True
"""

from __future__ import annotations

from html import escape
from itertools import pairwise

from rdflib import Graph, URIRef
from rdflib.namespace import FOAF, OWL, RDF, RDFS, SKOS

from govkg.namespaces import GOVKG, ORG, PROV, SCHEMA, SH
from govkg_tools.docs.layout import Layout, Placed, layout
from govkg_tools.docs.terms import NS, curie, vocabulary

CHAR = 7.0
BOLD_CHAR = 7.8  # the bold title is wider per character
LINE = 16
PAD = 10
CORE = (
    GOVKG.Agreement,
    GOVKG.Signature,
    GOVKG.LocalGovernment,
    GOVKG.ProvincialGovernment,
    ORG.Organization,
    ORG.Post,
    ORG.Membership,
    FOAF.Person,
    SKOS.Concept,
    SCHEMA.Place,
    PROV.Entity,
)
"""The classes the relations diagram shows (the contract of DESIGN.md §3)."""

Edge = tuple[str, str, str, str]  # source, target, label, kind ("subclass" | "property")


def class_hierarchy(graph: Graph) -> str:
    """Every govkg class with its direct superclasses; arrows point to the superclass."""
    classes = sorted(str(c) for c in graph.subjects(RDF.type, OWL.Class) if str(c).startswith(NS))
    edges: list[Edge] = []
    for cls in classes:
        for parent in sorted(graph.objects(URIRef(cls), RDFS.subClassOf)):
            edges.append((str(parent), cls, "", "subclass"))
    nodes = sorted({*classes, *(e[0] for e in edges)})
    title = "govkg classes and the classes they specialise"
    return render({n: [] for n in nodes}, edges, title, horizontal=True)


def core_relations(graph: Graph, shapes: Graph) -> str:
    """The core classes, their datatype properties, and the relations between them."""
    core = {str(c) for c in CORE}
    edges = _subclass_edges(graph, core) + _property_edges(graph, core) + _shape_edges(shapes, core)
    attributes = {c: _attributes(graph, c) for c in sorted(core)}
    return render(attributes, sorted(set(edges)), "How the core classes link")


def _subclass_edges(graph: Graph, core: set[str]) -> list[Edge]:
    edges = []
    for cls in sorted(core):
        above = set(map(str, graph.transitive_objects(URIRef(cls), RDFS.subClassOf))) - {cls}
        nearest = {p for p in above & core if not any(p in _above(graph, q) for q in above & core)}
        edges += [(p, cls, "", "subclass") for p in sorted(nearest)]
    return edges


def _above(graph: Graph, cls: str) -> set[str]:
    return set(map(str, graph.transitive_objects(URIRef(cls), RDFS.subClassOf))) - {cls}


def _property_edges(graph: Graph, core: set[str]) -> list[Edge]:
    edges = []
    for prop in sorted(graph.subjects(RDF.type, OWL.ObjectProperty)):
        domain, range_ = str(graph.value(prop, RDFS.domain)), str(graph.value(prop, RDFS.range))
        inverse = graph.value(prop, OWL.inverseOf)
        if domain not in core or range_ not in core or _is_inverse_side(graph, prop):
            continue
        label = curie(str(prop)) + (f" (inverse {curie(str(inverse))})" if inverse else "")
        edges.append((domain, range_, label, "property"))
    return edges


def _is_inverse_side(graph: Graph, prop: URIRef) -> bool:
    """The member of an inverse pair described as "the inverse of …" is drawn on its pair."""
    comment = next((c for c in graph.objects(prop, RDFS.comment) if c.language == "en"), "")
    return graph.value(prop, OWL.inverseOf) is not None and "the inverse of" in str(comment)


def _shape_edges(shapes: Graph, core: set[str]) -> list[Edge]:
    edges = []
    for shape, target in sorted(shapes.subject_objects(SH.targetClass)):
        for part in sorted(shapes.objects(shape, SH.property)):
            path, cls = shapes.value(part, SH.path), shapes.value(part, SH["class"])
            if str(target) in core and str(cls) in core and not str(path).startswith(NS):
                edges.append((str(target), str(cls), curie(str(path)), "property"))
    return edges


def _attributes(graph: Graph, cls: str) -> list[str]:
    """Literal-valued properties of a class: data properties, and the annotation properties with
    a range (the dates, annotation properties for OWL, and acronyms)."""
    props = sorted(graph.subjects(RDFS.domain, URIRef(cls)))
    return [
        f"{curie(str(p))} : {curie(str(graph.value(p, RDFS.range)))}"
        for p in props
        if (p, RDF.type, OWL.DatatypeProperty) in graph
        or ((p, RDF.type, OWL.AnnotationProperty) in graph and (p, RDFS.range, None) in graph)
    ]


def render(
    nodes: dict[str, list[str]], edges: list[Edge], title: str, *, horizontal: bool = False
) -> str:
    """An SVG of boxes (term, vocabulary, attribute lines) and labelled arrows."""
    sizes = {n: _size(n, attrs) for n, attrs in nodes.items()}
    loops = {s: len(label) * 6.5 + 50 for s, t, label, _ in edges if s == t}
    room = {n: (w + loops.get(n, 0), h) for n, (w, h) in sizes.items()}
    placed = layout(room, [(s, t) for s, t, _, _ in edges], horizontal=horizontal)
    for node, (w, _) in sizes.items():
        placed.nodes[node].width = w
    routes = _routes(placed, edges)
    parts = [_header(placed, title)]
    parts += [_box(n, attrs, placed.nodes[n]) for n, attrs in nodes.items()]
    taken: list[tuple[float, float, float]] = []
    parts += [_edge(placed, edge, routes.get(edge), taken) for edge in edges]
    return "\n".join([*parts, "</svg>", ""])


def _routes(placed: Layout, edges: list[Edge]) -> dict[Edge, list[tuple[float, float]]]:
    """Each edge's points, drawn from its tail to its head, ends spread along the box sides."""
    routes: dict[Edge, list[tuple[float, float]]] = {}
    ends: dict[tuple[str, str], list[tuple[float, Edge, int]]] = {}
    for edge in edges:
        source, target, _, kind = edge
        if source == target:
            continue
        points = list(placed.routes[(source, target)])
        tail, head = (target, source) if kind == "subclass" else (source, target)
        if kind == "subclass":  # drawn from the subclass to its superclass
            points.reverse()
        routes[edge] = points
        for node, index, near in ((tail, 0, points[1]), (head, -1, points[-2])):
            side = _side(placed.nodes[node], near)
            along = near[0] if side in ("top", "bottom") else near[1]
            ends.setdefault((node, side), []).append((along, edge, index))
    for (node, side), attached in sorted(ends.items()):
        box = placed.nodes[node]
        for k, (_, edge, index) in enumerate(sorted(attached, key=lambda a: (a[0], a[1]))):
            share = (k + 1) / (len(attached) + 1)
            routes[edge][index] = _port(box, side, share)
    return routes


def _side(box: Placed, near: tuple[float, float]) -> str:
    cx, cy = box.x + box.width / 2, box.y + box.height / 2
    dx, dy = near[0] - cx, near[1] - cy
    if abs(dy) * box.width >= abs(dx) * box.height:
        return "bottom" if dy > 0 else "top"
    return "right" if dx > 0 else "left"


def _port(box: Placed, side: str, share: float) -> tuple[float, float]:
    if side in ("top", "bottom"):
        return box.x + box.width * share, box.y + (box.height if side == "bottom" else 0)
    return box.x + (box.width if side == "right" else 0), box.y + box.height * share


def _size(node: str, attrs: list[str]) -> tuple[float, float]:
    lines = [f"({vocabulary(node)})", *attrs] if vocabulary(node) else list(attrs)
    widest = max([len(curie(node)) * BOLD_CHAR, *(len(x) * CHAR for x in lines)])
    return widest + 2 * PAD, (len(lines) + 1) * LINE + PAD


def _header(placed: Layout, title: str) -> str:
    w, h = f"{placed.width:.0f}", f"{placed.height:.0f}"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" '
        f'font-family="DejaVu Sans, Verdana, sans-serif" font-size="12" role="img">\n'
        f"<title>{escape(title)}</title>\n"
        "<defs>"
        '<marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" '
        'markerHeight="8" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#333"/></marker>'
        '<marker id="triangle" viewBox="0 0 12 12" refX="12" refY="6" markerWidth="12" '
        'markerHeight="12" orient="auto"><path d="M0,0 L12,6 L0,12 z" fill="#fff" '
        'stroke="#333"/></marker></defs>\n'
        '<rect width="100%" height="100%" fill="#fff"/>'
    )


def _box(node: str, attrs: list[str], box: Placed) -> str:
    fill, stroke = ("#e8f0fe", "#1a56b8") if node.startswith(NS) else ("#f4f4f4", "#777")
    out = [
        f'<g><rect x="{box.x:.1f}" y="{box.y:.1f}" width="{box.width:.1f}" '
        f'height="{box.height:.1f}" rx="4" fill="{fill}" stroke="{stroke}"/>'
    ]
    y = box.y + LINE
    out.append(_text(box.x + PAD, y, curie(node), 'font-weight="bold"'))
    if vocabulary(node):
        y += LINE
        out.append(_text(box.x + PAD, y, f"({vocabulary(node)})", 'fill="#555"'))
    for attr in attrs:
        y += LINE
        out.append(_text(box.x + PAD, y, attr, 'font-size="11"'))
    return "".join(out) + "</g>"


def _text(x: float, y: float, text: str, extra: str = "") -> str:
    return f'<text x="{x:.1f}" y="{y:.1f}" {extra}>{escape(text)}</text>'


def _edge(placed: Layout, edge: Edge, points: list[tuple[float, float]] | None, taken) -> str:
    source, _, label, kind = edge
    if points is None:
        return _loop(placed.nodes[source], label)
    marker = "triangle" if kind == "subclass" else "arrow"
    path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
    out = f'<polyline points="{path}" fill="none" stroke="#333" marker-end="url(#{marker})"/>'
    if label:
        out += _label(*_free_spot(points, len(label) * 6.2 + 6, taken), label)
    return out


def _free_spot(points, width: float, taken: list[tuple[float, float, float]]):
    """A point on the route's longest segment where the label overlaps no earlier label."""
    (x1, y1), (x2, y2) = max(pairwise(points), key=lambda p: abs(p[1][1] - p[0][1]))
    spots = [(x1 + (x2 - x1) * t, y1 + (y2 - y1) * t) for t in (0.5, 0.3, 0.7, 0.2, 0.8, 0.4)]
    for x, y in spots:
        if all(abs(x - a) * 2 > width + w or abs(y - b) > 15 for a, b, w in taken):
            break
    else:
        x, y = spots[0]
    taken.append((x, y, width))
    return x, y


def _loop(box: Placed, label: str) -> str:
    x, y = box.x + box.width, box.y + box.height / 2
    path = (
        f"M{x:.1f},{y - 6:.1f} C{x + 40:.1f},{y - 30:.1f} "
        f"{x + 40:.1f},{y + 30:.1f} {x:.1f},{y + 6:.1f}"
    )
    out = f'<path d="{path}" fill="none" stroke="#333" marker-end="url(#arrow)"/>'
    return out + _text(x + 36, y + 4, label, 'font-size="11" fill="#8a2b06"')


def _label(x: float, y: float, text: str) -> str:
    width = len(text) * 6.2 + 6
    return (
        f'<rect x="{x - width / 2:.1f}" y="{y - 9:.1f}" width="{width:.1f}" height="14" '
        f'fill="#fff" fill-opacity="0.85"/>'
        f'<text x="{x:.1f}" y="{y + 2:.1f}" font-size="11" fill="#8a2b06" '
        f'text-anchor="middle">{escape(text)}</text>'
    )
