"""The web UI: the query page, the about page, the network page, static files, the
service description. Every value from the data passes through :func:`html.escape`; the
query page fills its table in the browser with ``textContent`` only.

>>> "&lt;script&gt;" in about_page({"sources": [{"source": "<script>"}]}).decode()
True
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox

from govkg import __version__
from govkg.namespaces import GRAPH_BASE
from govkg.resources import ontology_dir
from govkg.server.encode import encode_triples
from govkg.server.errors import HttpError
from govkg.server.protocol import BY_NAME, Response, negotiate

STATIC = Path(__file__).resolve().parent / "static"
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

EXAMPLES = [
    {
        "name": "example-describe",
        "title": "Describe one agreement (DESCRIBE, Turtle)",
        "description": "Every statement about the first agreement, as a graph.",
        "text": "PREFIX govkg: <https://w3id.org/govkg/ontology#>\n"
        "DESCRIBE ?agreement WHERE { ?agreement a govkg:Agreement } LIMIT 1\n",
    },
    {
        "name": "example-construct",
        "title": "Who cooperates with whom (CONSTRUCT)",
        "description": "A graph of cooperatesWith edges between organizations.",
        "text": "PREFIX govkg: <https://w3id.org/govkg/ontology#>\n"
        "CONSTRUCT { ?a govkg:cooperatesWith ?b }\n"
        "WHERE { ?a govkg:cooperatesWith ?b }\nLIMIT 500\n",
    },
    {
        "name": "example-graphs",
        "title": "Named graphs and their sizes",
        "description": "How many triples each named graph holds.",
        "text": "SELECT ?graph (COUNT(*) AS ?triples)\n"
        "WHERE { GRAPH ?graph { ?s ?p ?o } }\nGROUP BY ?graph\nORDER BY ?graph\n",
    },
]

INDEX_MAIN = """
<section class="editor">
  <form id="query-form">
    <label for="examples">Example</label>
    <select id="examples" name="examples"><option value="">(write your own)</option></select>
    <p id="example-description" class="hint"></p>
    <div id="params"></div>
    <label for="query">SPARQL query</label>
    <textarea id="query" name="query" rows="14" spellcheck="false">
SELECT * WHERE { ?s ?p ?o } LIMIT 10</textarea>
    <div class="actions">
      <button id="run" type="submit">Run</button>
      <span id="status" role="status" aria-live="polite"></span>
    </div>
  </form>
</section>
<section class="results">
  <p id="downloads" class="downloads" hidden>Download:
    <a id="download-csv" download="results.csv">CSV</a>
    <a id="download-json" download="results.json">JSON</a>
    <a id="download-turtle" download="results.ttl">Turtle</a>
  </p>
  <p id="notice" class="notice" hidden></p>
  <table id="results"><thead></thead><tbody></tbody></table>
</section>
<script src="/static/app.js"></script>
"""


def layout(title: str, main: str) -> bytes:
    """A whole HTML page: ``title`` is escaped here, ``main`` must be escaped by the caller."""
    nav = "".join(
        f'<a href="{href}">{label}</a>'
        for href, label in (("/", "Query"), ("/network", "Network"), ("/about", "About"))
    )
    page = (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)} · govkg</title>\n"
        '<link rel="stylesheet" href="/static/style.css">\n'
        '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">\n'
        f'</head>\n<body>\n<header><span class="brand">govkg</span><nav>{nav}</nav></header>\n'
        f"<main>\n<h1>{html.escape(title)}</h1>\n{main}\n</main>\n"
        f"<footer>govkg {html.escape(__version__)} · read-only SPARQL 1.1 endpoint at "
        '<a href="/sparql">/sparql</a></footer>\n</body>\n</html>\n'
    )
    return page.encode("utf-8")


def html_page(body: bytes, status: int = 200):
    """An HTML page as a response."""
    return Response(status, body, {"Content-Type": "text/html; charset=utf-8"})


def index_page() -> bytes:
    """The query page: editor, examples with parameter fields, results table."""
    return layout("Query the graph", INDEX_MAIN)


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
    return listed + [e | {"params": [], "columns": [], "canned": False} for e in EXAMPLES]


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
        main = (
            "<p>No network page was built for the served data yet. "
            "Run <code>govkg network</code> (or a newer <code>govkg build</code>) "
            "and restart the server.</p>"
        )
        return html_page(layout("Cooperation network", main))
    headers = {"Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": NETWORK_CSP}
    return Response(200, body, headers)


# -- about ----------------------------------------------------------------------------------

ABOUT_QUERIES = {
    "graphs": "SELECT ?graph (COUNT(*) AS ?triples) WHERE { GRAPH ?graph { ?s ?p ?o } } "
    "GROUP BY ?graph ORDER BY ?graph",
    "counts": """PREFIX govkg: <https://w3id.org/govkg/ontology#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?what (COUNT(DISTINCT ?x) AS ?n) WHERE {
  { ?x a govkg:Agreement BIND("agreements" AS ?what) }
  UNION { ?x a govkg:GovernmentOrganization BIND("organizations" AS ?what) }
  UNION { ?x a foaf:Person BIND("people" AS ?what) }
  UNION { ?y prov:wasDerivedFrom ?x BIND("sources" AS ?what) }
} GROUP BY ?what""",
    "sources": """PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX schema: <https://schema.org/>
SELECT DISTINCT ?source ?published ?publisher ?url WHERE {
  { SELECT DISTINCT ?source WHERE { ?x prov:wasDerivedFrom ?source } ORDER BY ?source LIMIT 200 }
  OPTIONAL { ?source schema:datePublished ?published }
  OPTIONAL { ?source schema:publisher/schema:name ?publisher }
  OPTIONAL { ?source schema:url ?url }
} ORDER BY DESC(?published) ?source""",
}


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
            about[name] = shape(select(ABOUT_QUERIES[name]))
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


def _link(url: str) -> str:
    text = html.escape(url)
    if url.startswith(("https://", "http://")):
        return f'<a href="{text}" rel="noopener noreferrer nofollow">{text}</a>'
    return text


def about_page(about: dict) -> bytes:
    """The about page: counts, named graphs, sources, ontology link (all values escaped)."""
    esc = html.escape
    counts = about.get("counts", {})
    facts = "".join(
        f"<tr><th>{esc(k)}</th><td>{int(v)}</td></tr>"
        for k, v in [("triples in named graphs", about.get("triples", 0)), *sorted(counts.items())]
    )
    graphs = "".join(
        f"<tr><td>{esc(name)}</td><td>{int(n)}</td></tr>"
        for name, n in _graph_rows(about.get("graphs", []))
    )
    sources = "".join(
        "<tr>"
        f"<td>{esc(s.get('source', ''))}</td><td>{esc(s.get('published', ''))}</td>"
        f"<td>{esc(s.get('publisher', ''))}</td><td>{_link(s.get('url', ''))}</td>"
        "</tr>"
        for s in about.get("sources", [])
    )
    data = ", ".join(esc(d) for d in about.get("data", []))
    missing = about.get("unavailable") or []
    note = (
        f'<p class="notice">Not available right now (the server is busy): '
        f"{esc(', '.join(missing))}. Reload the page later.</p>\n"
        if missing
        else ""
    )
    main = note + (
        f"<p>Serving {data or 'a built graph'} read-only. Ontology: "
        f'<a href="/ontology.ttl">{esc(ONTOLOGY_IRI)}</a> (Turtle). '
        'Machine-readable: <a href="/api/about">/api/about</a>, '
        '<a href="/sparql">service description</a>.</p>\n'
        f'<h2>Counts</h2>\n<table class="facts">{facts}</table>\n'
        "<h2>Named graphs</h2>\n<table><thead><tr><th>graph</th><th>triples</th></tr></thead>"
        f"<tbody>{graphs}</tbody></table>\n"
        "<h2>Sources</h2>\n<table><thead><tr><th>source</th><th>published</th>"
        f"<th>publisher</th><th>url</th></tr></thead><tbody>{sources}</tbody></table>\n"
    )
    return layout("About this graph", main)


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
