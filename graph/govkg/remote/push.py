"""Push a built dataset to a SPARQL 1.1 store with the Graph Store Protocol, then verify it.

Each named graph is replaced on the store: its first batch is a ``PUT`` (which replaces
the graph), further batches of a big graph are ``POST``-ed (which add to it), so pushing
the same build again never duplicates a triple. Graphs under
``https://w3id.org/govkg/graph/`` that the store holds but the build no longer has are
deleted (``prune``), so the store mirrors the build. Afterwards one ``COUNT`` query per
graph family compares the store's triple count for every graph with the local count.

The push also writes ``…/graph/union``: every triple of the build once. Locally, queries
run on a default graph that holds exactly that (a set: a fact that ten sources restate
is one triple). A store's own "union of all graphs" repeats such a triple once per graph
(Virtuoso does), which multiplies the rows of every join over restated facts — the
officials query grows with the sixth power of the number of sources per tenure — so
:class:`~govkg.remote.endpoint.RemoteEngine` queries the union graph instead.

Triples that mention a blank node all go into a graph's first batch: blank node labels
are scoped to one request, so splitting them across requests would split the nodes.
"""

from __future__ import annotations

import time
import urllib.parse
from collections.abc import Iterator, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from govkg.engines import OxigraphEngine, open_engine
from govkg.errors import GovkgError
from govkg.namespaces import GRAPH_BASE
from govkg.remote.endpoint import UNION_GRAPH, RemoteEngine
from govkg.remote.http import Credentials, HttpClient, RemoteError, split_userinfo
from govkg.terms import sparql_iri

CONTENT_TYPE = "text/turtle"  # N-Triples is Turtle; every GSP store reads Turtle
BATCH_SIZE = 50_000
OK_STATUSES = frozenset({200, 201, 204})
_VALUES_CHUNK = 500


class PushVerificationError(RemoteError):
    """After a push the store's triple counts differ from the local ones."""


@dataclass
class PushReport:
    """What a push did: graphs and triples sent, stale graphs deleted, counts compared."""

    endpoint: str
    graph_store: str
    local: dict[str, int]
    remote: dict[str, int] = field(default_factory=dict)
    deleted: list[str] = field(default_factory=list)
    requests: int = 0
    seconds: float = 0.0

    @property
    def triples(self) -> int:
        """Triples sent: the named graphs' and the union graph's."""
        return sum(self.local.values())

    @property
    def union(self) -> int:
        """Triples in the union graph (0 when it was not pushed)."""
        return self.local.get(UNION_GRAPH, 0)

    @property
    def graphs(self) -> int:
        """Named graphs pushed, the union graph not counted."""
        return len(self.local) - (UNION_GRAPH in self.local)

    @property
    def rate(self) -> float:
        """Triples per second, verification included."""
        return self.triples / self.seconds if self.seconds else 0.0

    def mismatches(self) -> list[str]:
        """One line per graph whose remote count differs from the local one."""
        return [
            f"{g}: local {n}, store {self.remote.get(g, 0)}"
            for g, n in sorted(self.local.items())
            if self.remote.get(g, 0) != n
        ]


def graph_store_url(endpoint: str, graph_store: str | None, authenticated: bool) -> str:
    """The Graph Store Protocol URL: as given, else Virtuoso's beside ``…/sparql``.

    >>> graph_store_url("http://127.0.0.1:8890/sparql", None, True)
    'http://127.0.0.1:8890/sparql-graph-crud-auth'

    :raises GovkgError: no URL was given and the endpoint does not follow Virtuoso's layout.
    """
    if graph_store:
        return graph_store
    path = urllib.parse.urlsplit(endpoint).path
    if path.rstrip("/").endswith("/sparql"):
        suffix = "-graph-crud-auth" if authenticated else "-graph-crud"
        return endpoint.split("?")[0].rstrip("/") + suffix
    raise GovkgError(
        f"no Graph Store Protocol URL for {endpoint}",
        fix="pass --graph-store (Fuseki: http://HOST:3030/DATASET/data; see docs/remote.md)",
    )


def local_store(paths: Sequence[Path]) -> ox.Store:
    """The Oxigraph store of a build folder (or of loaded RDF files) to push.

    Its default graph, when it has one, is the union of its named graphs (what govkg
    writes); it is not pushed as such.

    :raises GovkgError: the data is missing or unreadable, or states triples outside
        every named graph.
    """
    engine = open_engine([Path(p) for p in paths], "oxigraph")
    assert isinstance(engine, OxigraphEngine)
    outside = engine.store.query("ASK { ?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } }")
    if outside:
        raise GovkgError(
            "the data has triples outside any named graph; the Graph Store Protocol push "
            "keeps named graphs only",
            fix="push a govkg build folder or a TriG / N-Quads file with named graphs",
        )
    return engine.store


def batches(triples: list[ox.Triple], size: int) -> Iterator[list[ox.Triple]]:
    """``triples`` in batches of about ``size``; every blank-node triple in the first one.

    >>> a, b = ox.NamedNode("urn:a"), ox.BlankNode("b")
    >>> ts = [ox.Triple(a, a, ox.Literal(str(i))) for i in range(3)] + [ox.Triple(a, a, b)]
    >>> [[_has_blank(t) for t in batch] for batch in batches(ts, 2)]
    [[True, False], [False, False]]
    """
    size = max(1, size)
    blank = [t for t in triples if _has_blank(t)]
    rest = [t for t in triples if not _has_blank(t)] if blank else triples
    first = blank + rest[: max(0, size - len(blank))]
    yield first
    for start in range(len(first) - len(blank), len(rest), size):
        yield rest[start : start + size]


def _has_blank(triple: ox.Triple) -> bool:
    return isinstance(triple.subject, ox.BlankNode) or isinstance(triple.object, ox.BlankNode)


def remote_counts(engine: RemoteEngine, graphs: Sequence[str]) -> dict[str, int]:
    """Triples per graph on the store: every graph under GRAPH_BASE, and ``graphs``."""
    base = f'"{GRAPH_BASE}"'  # a constant, not user text
    counts = engine.count(
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
        f"FILTER(STRSTARTS(STR(?g), {base})) }} GROUP BY ?g"
    )
    others = [g for g in graphs if not g.startswith(GRAPH_BASE)]
    for start in range(0, len(others), _VALUES_CHUNK):
        iris = " ".join(sparql_iri(g) for g in others[start : start + _VALUES_CHUNK])
        counts.update(
            engine.count(
                f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ VALUES ?g {{ {iris} }} "
                "GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
            )
        )
    return counts


class _Uploader:
    """GSP requests on one graph store, with their error messages."""

    def __init__(self, client: HttpClient, url: str) -> None:
        self.client, self.url = client, url

    def target(self, graph: str) -> str:
        joiner = "&" if "?" in self.url else "?"
        return f"{self.url}{joiner}{urllib.parse.urlencode({'graph': graph})}"

    def send(self, method: str, graph: str, body: bytes = b"") -> None:
        headers = {"Content-Type": f"{CONTENT_TYPE}; charset=utf-8"} if body else {}
        response = self.client.request(method, self.target(graph), body, headers)
        if response.status in OK_STATUSES or (method == "DELETE" and response.status == 404):
            return
        raise self.client.redactor.error(
            f"{method} of graph <{graph}> to {self.url} failed (HTTP {response.status}): "
            f"{response.text()}",
            fix="check --graph-store and that the user may write to the store",
        )

    def probe(self) -> None:
        """Ask the graph store for a graph that does not exist: settles auth before any write."""
        response = self.client.request(
            "GET", self.target(GRAPH_BASE + "govkg-push-probe"), headers={"Accept": CONTENT_TYPE}
        )
        if response.status >= 500 or response.status in (405, 501):
            return  # some stores answer an unknown graph oddly; writes will tell
        if response.status not in (200, 204, 404):
            raise self.client.redactor.error(
                f"the graph store {self.url} answered HTTP {response.status}: {response.text()}",
                fix="check --graph-store",
            )


def push(
    data: Sequence[str | Path],
    endpoint: str,
    *,
    graph_store: str | None = None,
    credentials: Credentials | None = None,
    batch_size: int = BATCH_SIZE,
    retries: int = 4,
    prune: bool = True,
    union: bool = True,
    progress: bool = False,
    timeout: float = 300.0,
) -> PushReport:
    """Replace the store's copy of each named graph in ``data``, then verify the counts.

    ``data`` is a build folder (its ``store/``) or RDF files with named graphs; ``endpoint``
    is the SPARQL query endpoint used for the counts; ``graph_store`` the GSP URL (default:
    Virtuoso's ``…/sparql-graph-crud-auth`` beside ``…/sparql``); ``union`` also writes
    ``…/graph/union``, the graph remote queries use as their default graph.

    :raises GovkgError: bad input; :raises RemoteError: the store fails or refuses;
        :raises PushVerificationError: counts differ afterwards.
    """
    started = time.perf_counter()
    store = local_store([Path(p) for p in data])
    endpoint, creds = split_userinfo(endpoint, credentials or Credentials())
    gsp, creds = split_userinfo(graph_store_url(endpoint, graph_store, bool(creds.user)), creds)
    graphs = sorted(g.value for g in store.named_graphs() if g.value != UNION_GRAPH)
    report = PushReport(endpoint, gsp, {})
    engine = RemoteEngine(endpoint, creds, default_graphs=(), retries=retries, timeout=timeout)
    with HttpClient(creds, retries=retries, timeout=timeout) as client:
        before = remote_counts(engine, graphs)
        uploader = _Uploader(client, gsp)
        uploader.probe()
        with _progress(progress, _total(store, union)) as bar:
            merged: set[ox.Triple] = set()
            for graph in graphs:
                triples = _triples(store, graph)
                report.local[graph] = _put(uploader, graph, triples, batch_size, bar)
                if union:
                    merged.update(triples)
            if union:
                report.local[UNION_GRAPH] = _put(uploader, UNION_GRAPH, merged, batch_size, bar)
        if prune:
            keep = set(report.local)
            report.deleted = sorted(g for g in before if g.startswith(GRAPH_BASE) and g not in keep)
            for graph in report.deleted:
                uploader.send("DELETE", graph)
        report.remote = remote_counts(engine, graphs)
        report.requests = client.requests + engine.client.requests
    engine.close()
    report.local = {g: n for g, n in report.local.items() if n}
    report.seconds = time.perf_counter() - started
    wrong = report.mismatches()
    if wrong:
        raise PushVerificationError(
            f"pushed, but {len(wrong)} graph(s) hold other counts on the store: "
            + "; ".join(wrong[:10])
            + (" …" if len(wrong) > 10 else ""),
            fix="push again; if it persists, the store changed values on load (docs/remote.md)",
        )
    return report


def _total(store: ox.Store, union: bool) -> int:
    """Triples to send: every named graph's, plus (``union``) each distinct triple once."""
    named = _count(store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    if not union:
        return named
    distinct = len(store) - named or _count(
        store, "SELECT (COUNT(*) AS ?n) { SELECT DISTINCT ?s ?p ?o { GRAPH ?g { ?s ?p ?o } } }"
    )
    return named + distinct


def _count(store: ox.Store, query: str) -> int:
    return int(next(iter(store.query(query)))[0].value)


def _triples(store: ox.Store, graph: str) -> list[ox.Triple]:
    return [q.triple for q in store.quads_for_pattern(None, None, None, ox.NamedNode(graph))]


def _put(uploader: _Uploader, graph: str, triples, size: int, bar) -> int:
    """Replace ``graph`` on the store with ``triples`` (PUT, then POSTs); how many were sent."""
    triples = list(triples)
    if not triples:
        uploader.send("DELETE", graph)
        return 0
    for number, batch in enumerate(batches(triples, size)):
        body = ox.serialize(batch, format=ox.RdfFormat.N_TRIPLES)
        uploader.send("PUT" if number == 0 else "POST", graph, body)
        if bar is not None:
            bar.advance(len(batch))
    return len(triples)


def _progress(enabled: bool, total: int):
    return _ProgressBar(total) if enabled else nullcontext(None)


class _ProgressBar:
    """A rich progress bar on standard error, counting triples."""

    def __init__(self, total: int) -> None:
        self.progress = Progress(
            TextColumn("pushing"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("triples"),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=Console(stderr=True),
        )
        self.task = self.progress.add_task("push", total=total)

    def advance(self, count: int) -> None:
        self.progress.advance(self.task, count)

    def __enter__(self) -> _ProgressBar:
        self.progress.__enter__()
        return self

    def __exit__(self, *exc) -> None:
        self.progress.__exit__(*exc)
