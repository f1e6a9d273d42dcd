"""Network views of the graph: who cooperates with whom, as networkx graphs, pages and files.

Views are declared in ``views.yaml`` (which relation becomes edges, with which attributes);
facts come from a build through SPARQL (:mod:`.facts`), are projected (:mod:`.project`),
filtered (:mod:`.filters`), measured (:mod:`.metrics`) and written as an offline page
(:mod:`.page`), JSON/GraphML/GEXF (:mod:`.export`) or PNG/SVG (:mod:`.static`).

The function examples use :func:`_write_example`'s little graph (LAN with two partners);
a folder written by ``govkg build`` works the same way, faster, through its Oxigraph store.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import networkx as nx

from govkg.errors import GovkgError
from govkg.network.facts import load_facts
from govkg.network.filters import Filters, apply_filters
from govkg.network.metrics import add_metrics
from govkg.network.project import project
from govkg.network.views import get_view, load_views

__all__ = [
    "FORMATS",
    "Filters",
    "format_for",
    "load_views",
    "network_from_data",
    "write_build_page",
    "write_network",
]

FORMATS = ("html", "json", "graphml", "gexf", "png", "svg")
BUILD_PAGE = "network.html"


def network_from_data(
    paths: Sequence[str | Path] = ("out",),
    *,
    view: str = "cooperation",
    filters: Filters | None = None,
    successors: bool = False,
    rollup: bool = False,
    metrics: bool = True,
    engine: str = "oxigraph",
    endpoint: str | None = None,
    **given: object,
) -> nx.Graph:
    """The view's graph from built data (a build folder or RDF files), filtered, with metrics.

    Filters come as a :class:`Filters` or as keywords (``field``, ``since``, ``until``,
    ``kind``, ``province``, ``ego``, ``depth``, ``partners``). Nodes are keyed by IRI.
    With ``endpoint``, the facts come from that SPARQL 1.1 endpoint instead of ``paths``.

    >>> import tempfile
    >>> example = _write_example(tempfile.mkdtemp())
    >>> g = network_from_data([example])
    >>> sorted(g.nodes[n]["label"] for n in g), g.nodes["https://w3id.org/govkg/id/lan"]["degree"]
    (['LAN', 'LIPI', 'Serang'], 2)
    >>> g = network_from_data([example], since="2020-01-01", kind="local", partners=True)
    >>> [(g.nodes[a]["label"], g.nodes[b]["label"], d["first"]) for a, b, d in g.edges(data=True)]
    [('LAN', 'Serang', '2020-05-04')]

    :raises GovkgError: bad data paths, unknown view, field, body or date.
    """
    if filters is None:
        filters = Filters(**given)  # type: ignore[arg-type]
    elif given:
        raise GovkgError("give filters either as Filters or as keywords", fix="not both")
    from govkg.remote import open_remote_or_local

    chosen = get_view(view)
    data = open_remote_or_local([Path(p) for p in paths], endpoint, engine)
    facts = load_facts(data, **filters.agreement_params())
    graph = project(facts, chosen, successors=successors, rollup=rollup)
    graph = apply_filters(graph, filters)
    used = {i for _, _, d in graph.edges(data=True) for i in d.get("agreements", [])}
    graph.graph["agreements"] = {
        i: r for i, r in graph.graph.get("agreements", {}).items() if i in used
    }
    graph.graph["fields"] = facts.fields
    graph.graph["filters"] = filters.as_dict()
    graph.graph["filters_text"] = filters.describe()
    graph.graph["successors"] = successors
    graph.graph["rollup"] = rollup
    if metrics:
        add_metrics(graph)
    return graph


def format_for(path: str | Path | None, fmt: str | None) -> str:
    """The output format: ``fmt`` when given, else from the file suffix.

    >>> format_for("net.gexf", None), format_for(None, "json")
    ('gexf', 'json')

    :raises GovkgError: when neither says a known format.
    """
    if fmt:
        chosen = fmt
    elif path is not None:
        chosen = Path(path).suffix.lstrip(".").lower()
        chosen = {"htm": "html", "xml": "graphml"}.get(chosen, chosen)
    else:
        chosen = "json"
    if chosen not in FORMATS:
        raise GovkgError(
            f"cannot tell the format of {path}", fix=f"use --format {'|'.join(FORMATS)}"
        )
    return chosen


def write_network(
    graph: nx.Graph, path: str | Path, fmt: str | None = None, *, chart: str = "network"
) -> Path:
    """Write ``graph`` to ``path`` as html, json, graphml, gexf, png or svg (default: suffix).

    ``chart`` (png/svg only): ``network`` or ``years`` (agreements per year).

    >>> import tempfile
    >>> out = Path(tempfile.mkdtemp())
    >>> example = _write_example(out)
    >>> write_network(network_from_data([example]), out / "n.gexf").name
    'n.gexf'
    >>> import networkx
    >>> networkx.read_gexf(out / "n.gexf").number_of_edges()
    2

    :raises GovkgError: unknown format, or the file cannot be written.
    """
    fmt = format_for(path, fmt)
    if fmt == "html":
        from govkg.network.page import write_page

        return write_page(graph, path)
    if fmt in ("png", "svg"):
        from govkg.network.static import write_picture

        return write_picture(graph, path, fmt, chart)
    from govkg.network.export import write_export

    return write_export(graph, path, fmt)


def write_build_page(out_dir: str | Path) -> Path:
    """Write ``OUT/network.html`` (the cooperation view with metrics) for ``govkg build``.

    Reads the build's store (or its ``govkg.trig``), so call it once those are written. Takes
    a few tenths of a second on small builds, most of it importing networkx and pyvis.

    >>> import tempfile
    >>> build_dir = Path(tempfile.mkdtemp())
    >>> _ = _write_example(build_dir).rename(build_dir / "govkg.trig")
    >>> write_build_page(build_dir).name
    'network.html'

    :raises GovkgError: when the folder holds no build, or the page cannot be written.
    """
    out = Path(out_dir)
    return write_network(network_from_data([out]), out / BUILD_PAGE, "html")


_EXAMPLE = """\
@prefix g: <https://w3id.org/govkg/ontology#> .
@prefix id: <https://w3id.org/govkg/id/> .
id:lan a g:NonMinisterialAgency ; g:acronym "LAN" .
id:lipi a g:NonMinisterialAgency ; g:acronym "LIPI" .
id:serang a g:RegencyGovernment ; g:acronym "Serang" .
id:a1 a g:MemorandumOfUnderstanding ; g:party id:lan, id:lipi ;
    g:signedOn "2019-02-01"^^<http://www.w3.org/2001/XMLSchema#date> .
id:a2 a g:MemorandumOfUnderstanding ; g:party id:lan, id:serang ;
    g:signedOn "2020-05-04"^^<http://www.w3.org/2001/XMLSchema#date> .
"""


def _write_example(folder: str | Path) -> Path:
    """Write the docstrings' example graph (Turtle) into ``folder``; returns its path."""
    path = Path(folder) / "example.ttl"
    path.write_text(_EXAMPLE, encoding="utf-8")
    return path
