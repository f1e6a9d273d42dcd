"""Network page: govkg beside plain pyvis defaults, in one run, in headless Chromium.

    python benchmarks/bench_network.py --nodes 5000 --edges 15000

A synthetic cooperation network shaped like govkg's (preferential attachment, so a few hubs;
the same node and edge attributes and agreements table as ``govkg network`` produces) is
written twice: by govkg (``write_page``: layout in Python, physics off, one offline file) and
by pyvis with its defaults (``Network().from_nx(g)`` and ``write_html``, default physics),
the latter in a child process capped by ``--pyvis-timeout``. Each page is then opened in
headless Chromium (Debian's ``/usr/bin/chromium``) and timed until it is interactive: the
first ``afterDrawing`` event for govkg (nothing to settle), ``stabilizationIterationsDone``
for pyvis's physics. Requests that would leave the machine are blocked and counted.
"""

from __future__ import annotations

import argparse
import pickle
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx
from _common import machine, table

from govkg.network.metrics import add_metrics
from govkg.network.page import node_title, write_page
from govkg.network.views import declaration
from govkg_tools.browser import launch_chromium

HOOK = """
(() => {
  const bench = window.__bench = {};
  let vis;
  const hook = (net) => {
    bench.created = performance.now();
    net.once('afterDrawing', () => { bench.firstDraw = performance.now(); });
    net.once('stabilizationIterationsDone', () => { bench.iterationsDone = performance.now(); });
    net.once('stabilized', () => { bench.stabilized = performance.now(); });
    net.on('stabilizationProgress', (p) => { bench.progress = p.iterations + '/' + p.total; });
  };
  Object.defineProperty(window, 'vis', {
    configurable: true,
    set(value) { vis = value; },
    get() {
      if (vis && vis.Network && !vis.Network.__hooked) {
        const Original = vis.Network;
        const Hooked = function (...args) {
          const net = new Original(...args);
          hook(net);
          return net;
        };
        Hooked.prototype = Original.prototype;
        Hooked.__hooked = true;
        vis.Network = Hooked;
      }
      return vis;
    },
  });
  addEventListener('load', () => { bench.load = performance.now(); });
})();
"""
PYVIS = """
import pickle, sys, time
from pyvis.network import Network
graph = pickle.load(open(sys.argv[1], "rb"))
start = time.perf_counter()
net = Network()
net.from_nx(graph)
net.write_html("pyvis.html")
print(time.perf_counter() - start)
"""


def synthetic_network(nodes: int, edges: int, seed: int = 0) -> nx.Graph:
    """A cooperation-shaped graph with govkg's node/edge attributes and agreements table."""
    rng = random.Random(seed)
    graph = nx.barabasi_albert_graph(nodes, max(1, edges // nodes), seed=seed)
    while graph.number_of_edges() < edges:
        a, b = rng.randrange(nodes), rng.randrange(nodes)
        if a != b:
            graph.add_edge(a, b)
    kinds = list(declaration().kinds.values())[:9]
    fields = [f"Bidang {i}" for i in range(24)]
    scheme = {
        f"https://w3id.org/govkg/id/field/b{i}": {
            "label": fields[i],
            "broader": f"https://w3id.org/govkg/id/field/b{i % 4}" if i >= 4 else None,
        }
        for i in range(24)
    }
    iri = {n: f"https://w3id.org/govkg/id/org/syn-{n}" for n in graph}
    out = nx.Graph(
        view="cooperation",
        title="Cooperation between government bodies",
        fields=scheme,
        agreements={},
    )
    for n in graph:
        kind = kinds[rng.randrange(len(kinds))]
        name = f"{kind.label} Sintetis {n}"
        out.add_node(
            iri[n],
            type="organization",
            label=f"SYN{n}",
            name=name,
            name_en=name,
            acronym=f"SYN{n}",
            kind=kind.name,
            kind_label=kind.label,
            color=kind.color,
            level=kind.level,
            province=None,
        )
    number = 0
    for a, b in graph.edges():
        ids = []
        for _ in range(rng.choice((1, 1, 1, 2, 3))):
            number += 1
            day = f"{rng.randint(2005, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            picked = rng.sample(range(24), rng.randint(1, 3))
            agreement = f"https://w3id.org/govkg/id/agreement/syn-{number}"
            source = f"https://w3id.org/govkg/id/source/syn-{number}"
            url = f"https://example.org/synthetic/{number}"
            out.graph["agreements"][agreement] = {
                "label": f"Nota Kesepahaman SYN{a}–SYN{b}, {day}",
                "kind": "MoU",
                "date": day,
                "fields": [fields[i] for i in picked],
                "field_iris": [f"https://w3id.org/govkg/id/field/b{i}" for i in picked],
                "sources": [source],
                "urls": [url],
                "documents": [(source, url, "Warta")],
                "signatories": [
                    {"name": f"Orang {a}", "post": "Kepala", "party": f"SYN{a}"},
                    {"name": f"Orang {b}", "post": "Bupati", "party": f"SYN{b}"},
                ],
            }
            ids.append((day, agreement, picked, url, source))
        out.add_edge(
            iri[a],
            iri[b],
            weight=len(ids),
            agreements=[i[1] for i in ids],
            fields=sorted({fields[j] for i in ids for j in i[2]}),
            first=min(i[0] for i in ids),
            last=max(i[0] for i in ids),
            kinds=["MoU"],
            sources=[i[4] for i in ids],
            urls=[i[3] for i in ids],
        )
    return out


def edge_title(graph: nx.Graph, a: str, b: str, data: dict) -> str:
    """The tooltip govkg's page script makes for an edge, made in Python for pyvis."""
    records = graph.graph["agreements"]
    lines = [
        f"{graph.nodes[a]['label']} — {graph.nodes[b]['label']}",
        f"{data['weight']} agreements, {data['first']} – {data['last']}",
    ]
    for iri in data["agreements"][:3]:
        record = records[iri]
        people = "; ".join(
            f"{s['name']} ({s['post']}, {s['party']})" for s in record["signatories"]
        )
        lines += [
            f"• {record['label']} ({record['kind']}, {record['date']})",
            "  fields: " + ", ".join(record["fields"]),
            "  signed by: " + people,
            f"  source: Warta, {record['urls'][0]}",
        ]
    return "\n".join(lines)


def for_pyvis(graph: nx.Graph) -> nx.Graph:
    """The same graph for plain pyvis: same attributes, with tooltips precomputed."""
    plain = nx.Graph()
    for node, data in graph.nodes(data=True):
        plain.add_node(
            node,
            **{k: v for k, v in data.items() if v is not None},
            title=node_title(graph, node, data),
        )
    for a, b, data in graph.edges(data=True):
        plain.add_edge(a, b, **data, title=edge_title(graph, a, b, data))
    return plain


def write_pyvis(graph: nx.Graph, folder: Path, timeout: float) -> float | None:
    """Seconds pyvis took to write its page (None when it hit the timeout)."""
    data = folder / "graph.pickle"
    data.write_bytes(pickle.dumps(graph))
    try:
        done = subprocess.run(
            [sys.executable, "-c", PYVIS, str(data)],
            cwd=folder,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=True,
        )
    except subprocess.TimeoutExpired:
        return None
    return float(done.stdout.strip().splitlines()[-1])


def interactive(path: Path, event: str, timeout: float) -> dict:
    """Open ``path`` in headless Chromium; ms from navigation start to load and to ``event``."""
    from playwright.sync_api import sync_playwright

    blocked: list[str] = []
    with sync_playwright() as pw:
        browser = launch_chromium(pw)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.add_init_script(HOOK)

        page.on("request", lambda r: None if r.url.startswith("file:") else blocked.append(r.url))
        page.route(re.compile(r"^(https?|wss?)://"), lambda route: route.abort())
        page.goto(path.as_uri(), wait_until="commit", timeout=int(timeout * 1000))
        try:
            page.wait_for_function(
                f"() => window.__bench && window.__bench.{event} !== undefined",
                timeout=int(timeout * 1000),
                polling=100,
            )
            result = page.evaluate("window.__bench")
        except Exception:  # a timeout is a result here
            result = {"timeout": True, **page.evaluate("window.__bench || {}")}
        browser.close()
    result["blocked"] = len(blocked)
    return result


def localized(html: str) -> str:
    """pyvis's page with vis-network loaded from the ``lib/`` folder pyvis wrote (not a CDN)."""
    html = re.sub(
        r'<script src="https://cdnjs[^"]*vis-network[^"]*"[^>]*></script>',
        '<script src="lib/vis-9.1.2/vis-network.min.js"></script>',
        html,
    )
    return re.sub(
        r'<link rel="stylesheet" href="https://cdnjs[^"]*vis-network[^"]*"[^>]*/>',
        '<link rel="stylesheet" href="lib/vis-9.1.2/vis-network.css"/>',
        html,
    )


def seconds(value: float | None, cap: float) -> str:
    return f"> {cap:.0f}" if value is None else f"{value:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--edges", type=int, default=15000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--pyvis-timeout", type=float, default=300.0)
    parser.add_argument("--browser-timeout", type=float, default=300.0)
    args = parser.parse_args()
    print(f"Machine: {machine()}\n")
    graph = synthetic_network(args.nodes, args.edges)
    start = time.perf_counter()
    add_metrics(graph)
    metrics_time = time.perf_counter() - start
    folder = Path(tempfile.mkdtemp(prefix="bench-network-"))
    ours = folder / "govkg.html"
    times = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        write_page(graph, ours)
        times.append(time.perf_counter() - start)
    write_time = statistics.median(times)
    loads = [interactive(ours, "firstDraw", args.browser_timeout) for _ in range(args.repeat)]
    ready = statistics.median(r.get("firstDraw", float("nan")) for r in loads) / 1000
    after = statistics.median(r.get("firstDraw", 0) - r.get("load", 0) for r in loads) / 1000
    pyvis_time = write_pyvis(for_pyvis(graph), folder, args.pyvis_timeout)
    rows = [
        [
            f"govkg `write_page` (layout in Python, physics off; metrics before: "
            f"{metrics_time:.1f} s)",
            f"{write_time:.2f}",
            f"{ours.stat().st_size / 1e6:.1f}",
            f"{ready:.2f}",
            f"{max(after, 0):.2f}",
            loads[0]["blocked"],
        ]
    ]
    label = "pyvis defaults (`Network().from_nx(g)`, `write_html`, default physics)"
    if pyvis_time is None:
        rows.append([label, seconds(None, args.pyvis_timeout), "–", "not run", "–", "–"])
    else:
        page = folder / "pyvis.html"
        size = f"{page.stat().st_size / 1e6:.1f} + lib/"
        offline = interactive(page, "iterationsDone", min(args.browser_timeout, 60))
        rows.append(
            [
                label + ", offline as written",
                f"{pyvis_time:.2f}",
                size,
                "never (vis-network comes from a CDN)"
                if offline.get("timeout")
                else f"{offline['iterationsDone'] / 1000:.2f}",
                "–",
                offline["blocked"],
            ]
        )
        local = folder / "pyvis-local.html"
        local.write_text(localized(page.read_text(encoding="utf-8")), encoding="utf-8")
        theirs = interactive(local, "iterationsDone", args.browser_timeout)
        if theirs.get("timeout"):
            tti = f"> {args.browser_timeout:.0f}"
            tail = (
                f"load event at {theirs.get('load', 0) / 1000:.1f} s; physics "
                f"{theirs.get('progress', '0')} iterations at the cap"
            )
        else:
            tti = f"{theirs['iterationsDone'] / 1000:.2f}"
            tail = f"{max(theirs['iterationsDone'] - theirs.get('load', 0), 0) / 1000:.2f}"
        rows.append(
            [
                label + ", CDN scripts swapped for pyvis's own lib/ copies",
                f"{pyvis_time:.2f}",
                size,
                tti,
                tail,
                theirs["blocked"],
            ]
        )
    print(
        f"{args.nodes:,} nodes, {graph.number_of_edges():,} edges, "
        f"{len(graph.graph['agreements']):,} agreements; medians of {args.repeat} for govkg\n"
    )
    print(
        table(
            [
                "page",
                "written in (s)",
                "size (MB)",
                "interactive after navigation (s)",
                "… after the load event (s)",
                "requests blocked",
            ],
            rows,
        )
    )
    print(f"\nFiles in {folder}")


if __name__ == "__main__":
    main()
