"""The web UI: the query page, the about page, the network page, static files, the
service description. Pages are Jinja2 templates (``server/templates/``, autoescaped: every
value from the data is text, never markup); the query page fills its table in the browser
with ``textContent`` only. The about page's queries and the query page's examples are
``queries/ui/*.rq`` files.

>>> "&lt;script&gt;" in about_page({"sources": [{"source": "<script>"}]}).decode()
True
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

import pyoxigraph as ox
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup

from govkg import __version__
from govkg.canned import CannedQuery, parse_header
from govkg.namespaces import GRAPH_BASE
from govkg.resources import ontology_dir, queries_dir
from govkg.server.encode import encode_triples
from govkg.server.errors import HttpError
from govkg.server.protocol import BY_NAME, Response, negotiate

STATIC = Path(__file__).resolve().parent / "static"
TEMPLATES = Path(__file__).resolve().parent / "templates"
STATIC_TYPES = {
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
}
NETWORK_CSP = (
    "sandbox allow-scripts; default-src 'none'; script-src 'self' 'unsafe-inline'; "
    "style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'"
)
ONTOLOGY_IRI = "https://w3id.org/govkg/ontology"

# -- HOOK: the network view -----------------------------------------------------------------
# The network-view helper (graph/govkg/network/) will offer a function that writes the
# network HTML page for a build folder. When it lands, point NETWORK_PAGE at an adapter
# that returns the page's bytes for a build folder, e.g.
#     def _network(folder: Path) -> bytes: ...   # call the helper, read what it wrote
#     NETWORK_PAGE = _network
# Until then /network serves FOLDER/network.html when the build wrote one, else a notice.
# The page is served sandboxed (no access to this origin) and may load nothing external.
NETWORK_PAGE: Callable[[Path], bytes] | None = None
# ---------------------------------------------------------------------------------------------

FOOTER = Markup('read-only SPARQL 1.1 endpoint at <a href="/sparql">/sparql</a>')
"""The UI pages' footer after the version (the entity pages say where their data comes from)."""
EXAMPLES = ("describe", "construct", "graphs")
"""Plain queries of ``queries/ui/`` offered on the query page after the canned ones."""


@cache
def templates() -> Environment:
    """The UI's templates (``server/templates/``) in the entity pages' environment
    (:func:`govkg.site.render.environment`): autoescape on for every one, undefined names fail."""
    from govkg.site.render import environment

    return environment().overlay(loader=FileSystemLoader(TEMPLATES))


def render(name: str, title: str, **context) -> bytes:
    """A whole HTML page: template ``name`` inside the layout (the header links of the
    served entity pages), every value escaped."""
    from govkg.site.render import nav

    page = templates().get_template(name)
    text = page.render(
        title=title,
        nav=nav("/", served=True),
        version=__version__,
        root="/",
        csp=None,  # the server sends its policy as a header
        sheets=("style.css",),
        footer=FOOTER,
        **context,
    )
    return text.encode("utf-8")


@cache
def ui_query(name: str) -> CannedQuery:
    """``queries/ui/<name>.rq``: an about-page query or an example of the query page.

    >>> ui_query("graphs").columns
    ('graph', 'triples')

    :raises GovkgError: no such file.
    """
    return parse_header(queries_dir() / "ui" / f"{name}.rq")


def html_page(body: bytes, status: int = 200):
    """An HTML page as a response."""
    return Response(status, body, {"Content-Type": "text/html; charset=utf-8"})


def index_page() -> bytes:
    """The query page: editor, examples with parameter fields, results table."""
    return render("index.html", "Query the graph")


def canned_list() -> list[dict]:
    """The canned queries (with parameters) and a few plain examples, for the query page."""
    from govkg.canned import canned_queries

    listed = [
        {
            "name": q.name,
            "title": q.title,
            "description": q.description,
            "params": [
                {
                    "name": p.name,
                    "type": p.type,
                    "required": p.required,
                    "description": p.description,
                }
                for p in q.params
            ],
            "columns": list(q.columns),
            "text": q.text,
            "canned": True,
        }
        for q in canned_queries().values()
    ]
    examples = [
        {
            "name": f"example-{q.name}",
            "title": q.title,
            "description": q.description,
            "params": [],
            "columns": [],
            "text": q.text,
            "canned": False,
        }
        for q in map(ui_query, EXAMPLES)
    ]
    return listed + examples


def static_response(name: str):
    """One file of ``static/`` (by exact name: no paths, no dot files)."""
    known = {p.name: p for p in STATIC.iterdir() if p.is_file() and p.suffix in STATIC_TYPES}
    if name not in known:
        raise HttpError(404, "not-found", f"no static file {name!r}", fix="see / for the UI")
    path = known[name]
    headers = {"Content-Type": STATIC_TYPES[path.suffix], "Cache-Control": "no-cache"}
    return Response(200, path.read_bytes(), headers)


def ontology_response():
    """The govkg ontology as Turtle."""
    body = (ontology_dir() / "govkg.ttl").read_bytes()
    return Response(200, body, {"Content-Type": "text/turtle; charset=utf-8"})


MAX_PAGE_BYTES = 512 * 1024 * 1024
"""Largest network page served from a build folder (512 MiB)."""


def _built_page(folder: Path) -> bytes | None:
    """The build folder's ``network.html``; None when refused (not a regular file, too
    large, or a link out of the folder): the notice is served instead."""
    from govkg.errors import InputError
    from govkg.files import read_input

    try:
        return read_input(folder / "network.html", limit=MAX_PAGE_BYTES, within=folder)
    except InputError:
        return None


def network_response(data: list[Path]):
    """The cooperation network page of the served build (see the NETWORK_PAGE hook)."""
    folder = next((p for p in data if p.is_dir()), None)
    body = None
    if folder is not None and NETWORK_PAGE is not None:
        body = NETWORK_PAGE(folder)
    elif folder is not None and (folder / "network.html").exists():
        body = _built_page(folder)
    if body is None:
        return html_page(render("network-missing.html", "Cooperation network"))
    headers = {"Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": NETWORK_CSP}
    return Response(200, body, headers)


# -- about ----------------------------------------------------------------------------------


def collect_about(
    select: Callable[[str], list[dict]], served: list[str], remote: bool = False
) -> dict:
    """The about page's facts, from SELECT queries run by ``select``.

    A part whose query fails is left out and listed under ``"unavailable"``. On a ``remote``
    store only govkg's own graphs are listed (not the store's system graphs, nor the union
    graph that ``govkg push`` writes for queries).
    """
    about: dict = {
        "data": served,
        "ontology": {"iri": ONTOLOGY_IRI, "turtle": "/ontology.ttl"},
        "endpoint": "/sparql",
        "unavailable": [],
    }
    parts = {
        "graphs": lambda rows: [{"graph": r["graph"], "triples": int(r["triples"])} for r in rows],
        "counts": lambda rows: {r["what"]: int(r["n"]) for r in rows},
        "sources": lambda rows: rows,
    }
    for name, shape in parts.items():
        try:
            about[name] = shape(select(ui_query(name).text))
            if name == "graphs" and remote:
                about[name] = [g for g in about[name] if _govkg_graph(g["graph"])]
        except HttpError:
            about["unavailable"].append(name)
    if "graphs" in about:
        about["triples"] = sum(g["triples"] for g in about["graphs"])
    return about


def _govkg_graph(iri: str) -> bool:
    """Whether ``iri`` names one of the graphs a build has (not the pushed union graph).

    >>> _govkg_graph("https://w3id.org/govkg/graph/reference"), _govkg_graph("urn:x")
    (True, False)
    """
    return iri.startswith(GRAPH_BASE) and iri != GRAPH_BASE + "union"


def _graph_rows(graphs: list[dict]) -> list[tuple[str, int]]:
    """Named graphs for display: one line for all ``source/…`` graphs together."""
    prefix = "https://w3id.org/govkg/graph/source/"
    sources = [g for g in graphs if g["graph"].startswith(prefix)]
    rows = [(g["graph"], g["triples"]) for g in graphs if g not in sources]
    if sources:
        label = f"{prefix}… ({len(sources)} source graphs)"
        rows.append((label, sum(g["triples"] for g in sources)))
    return rows


def about_page(about: dict) -> bytes:
    """The about page: counts, named graphs, sources, ontology link (all values escaped)."""
    counts = about.get("counts", {})
    facts = [("triples in named graphs", about.get("triples", 0)), *sorted(counts.items())]
    fields = ("source", "published", "publisher", "url")
    return render(
        "about.html",
        "About this graph",
        unavailable=about.get("unavailable") or [],
        data=about.get("data", []),
        ontology=ONTOLOGY_IRI,
        facts=[(name, int(n)) for name, n in facts],
        graphs=[(name, int(n)) for name, n in _graph_rows(about.get("graphs", []))],
        sources=[{f: s.get(f, "") for f in fields} for s in about.get("sources", [])],
    )


# -- the service description ----------------------------------------------------------------

SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS_NS = "http://www.w3.org/ns/formats/"


def service_description(host: str, accept: str | None, formats: tuple[str, ...]):
    """The SPARQL 1.1 Service Description of ``/sparql`` (Turtle unless asked otherwise)."""

    fmt = negotiate("graph", accept, formats)
    node, sd = ox.BlankNode("service"), lambda name: ox.NamedNode(SD + name)
    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    triples = [
        ox.Triple(node, rdf_type, sd("Service")),
        ox.Triple(node, sd("endpoint"), ox.NamedNode(f"http://{host}/sparql")),
        ox.Triple(node, sd("supportedLanguage"), sd("SPARQL11Query")),
        ox.Triple(node, sd("feature"), sd("UnionDefaultGraph")),
        ox.Triple(
            node,
            ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#comment"),
            ox.Literal(
                "govkg: read-only. SERVICE, FROM/FROM NAMED, default-graph-uri, "
                "named-graph-uri and SPARQL Update are refused.",
                language="en",
            ),
        ),
    ]
    for name in (
        "SPARQL_Results_JSON",
        "SPARQL_Results_XML",
        "SPARQL_Results_CSV",
        "SPARQL_Results_TSV",
        "Turtle",
        "N-Triples",
        "JSON-LD",
        "RDF_XML",
    ):
        triples.append(ox.Triple(node, sd("resultFormat"), ox.NamedNode(FORMATS_NS + name)))
    body = encode_triples(triples, fmt.name, rows=100, max_bytes=1 << 20).body
    return Response(200, body, {"Content-Type": BY_NAME[fmt.name].media_type + "; charset=utf-8"})
