"""Network metrics with networkx, stored as node attributes (so exports carry them).

=================  ==================================================================
``degree``          number of neighbours (partners, in the cooperation view)
``weighted_degree`` sum of edge weights (agreements, counted once per partner)
``betweenness``     share of shortest paths between other nodes that pass through the
                    node (normalised, hops not weights); a broker between groups
``pagerank``        PageRank over weighted edges (damping 0.85): being tied, often, to
                    bodies that are themselves well tied (networkx's algorithm in plain
                    Python, so no SciPy is needed; a test checks it against nx.pagerank)
``community``       Louvain community (modularity, edge weights, fixed seed); 0 is the
                    largest community
``component``       connected component (weakly, for directed views); 0 is the largest
=================  ==================================================================

Exact betweenness costs O(nodes × edges); above ``EXACT_LIMIT`` nodes, or when nodes × edges
exceeds ``EXACT_WORK`` (a dense graph: 657 bodies with 22k partner pairs took networkx 10 s),
it is computed by igraph when installed (the same values, checked by a test), else estimated
by networkx from ``SAMPLES`` seeded pivots (the graph's ``betweenness`` attribute says which).
"""

from __future__ import annotations

import networkx as nx

EXACT_LIMIT = 1500
EXACT_WORK = 2_000_000
SAMPLES = 500
SEED = 42
METRICS = ("degree", "weighted_degree", "betweenness", "pagerank", "community", "component")


def betweenness(graph: nx.Graph, method: str = "auto") -> tuple[dict, str]:
    """Normalised betweenness of every node and how it was computed.

    ``method``: ``networkx`` (exact), ``igraph`` (exact, fast), ``sampled`` (networkx with
    ``SAMPLES`` pivots), or ``auto`` (networkx up to ``EXACT_LIMIT`` nodes and ``EXACT_WORK``
    nodes × edges, then igraph if installed, else sampled).
    """
    if method == "auto":
        small = len(graph) <= EXACT_LIMIT and len(graph) * graph.number_of_edges() <= EXACT_WORK
        method = "networkx" if small else _igraph_or_sampled()
    if method == "igraph":
        return igraph_betweenness(graph), "exact (igraph)"
    if method == "sampled" and len(graph) > SAMPLES:
        values = nx.betweenness_centrality(graph, k=SAMPLES, seed=SEED)
        return values, f"estimated from {SAMPLES} pivots (networkx, seed {SEED})"
    return nx.betweenness_centrality(graph), "exact (networkx)"


def _igraph_or_sampled() -> str:
    try:
        import igraph  # noqa: F401
    except ImportError:
        return "sampled"
    return "igraph"


def igraph_betweenness(graph: nx.Graph) -> dict:
    """Betweenness by igraph, scaled the way networkx normalises it."""
    import igraph

    nodes = list(graph)
    index = {node: i for i, node in enumerate(nodes)}
    directed = graph.is_directed()
    other = igraph.Graph(
        n=len(nodes), edges=[(index[a], index[b]) for a, b in graph.edges()], directed=directed
    )
    n = len(nodes)
    scale = 0.0 if n <= 2 else (1.0 if directed else 2.0) / ((n - 1) * (n - 2))
    return {node: value * scale for node, value in zip(nodes, other.betweenness(), strict=True)}


def pagerank(graph: nx.Graph, alpha: float = 0.85, tol: float = 1.0e-10) -> dict:
    """Weighted PageRank as networkx computes it (power iteration; dangling nodes spread evenly).

    >>> rank = pagerank(nx.path_graph(3))
    >>> round(rank[1], 4), round(sum(rank.values()), 6)
    (0.4865, 1.0)
    """
    n = len(graph)
    if n == 0:
        return {}
    out = {node: {} for node in graph}
    for a, b, data in graph.edges(data=True):
        weight = float(data.get("weight", 1))
        out[a][b] = out[a].get(b, 0.0) + weight
        if not graph.is_directed():
            out[b][a] = out[b].get(a, 0.0) + weight
    share = {
        node: {m: w / sum(links.values()) for m, w in links.items()}
        for node, links in out.items()
        if links
    }
    dangling = [node for node in graph if node not in share]
    rank = dict.fromkeys(graph, 1.0 / n)
    for _ in range(1000):
        previous = rank
        spread = alpha * sum(previous[d] for d in dangling) / n + (1.0 - alpha) / n
        rank = dict.fromkeys(graph, spread)
        for node, links in share.items():
            mass = alpha * previous[node]
            for other, part in links.items():
                rank[other] += mass * part
        if sum(abs(rank[k] - previous[k]) for k in rank) < n * tol:
            break
    return rank


def _ranked(groups) -> dict:
    """Node → group number, groups numbered by size (largest first), ties by smallest member."""
    ordered = sorted((sorted(map(str, g)), g) for g in groups)
    ordered.sort(key=lambda item: -len(item[1]))
    return {node: number for number, (_, group) in enumerate(ordered) for node in group}


def add_metrics(graph: nx.Graph, *, betweenness_method: str = "auto") -> nx.Graph:
    """Compute the metrics above and store them on the nodes; returns the same graph.

    >>> import networkx as nx
    >>> g = nx.star_graph(3)
    >>> _ = add_metrics(g)
    >>> g.nodes[0]["degree"], g.nodes[0]["betweenness"], g.nodes[1]["community"] >= 0
    (3, 1.0, True)
    """
    if len(graph) == 0:
        return graph
    undirected = graph.to_undirected(as_view=True) if graph.is_directed() else graph
    weighted = dict(graph.degree(weight="weight"))
    between, how = betweenness(graph, betweenness_method)
    rank = pagerank(graph)
    communities = nx.community.louvain_communities(undirected, weight="weight", seed=SEED)
    community = _ranked(communities)
    component = _ranked(nx.connected_components(undirected))
    for node, data in graph.nodes(data=True):
        data["degree"] = graph.degree(node)
        data["weighted_degree"] = (
            int(weighted[node]) if float(weighted[node]).is_integer() else weighted[node]
        )
        data["betweenness"] = round(between.get(node, 0.0), 12)
        data["pagerank"] = round(rank.get(node, 1.0 / len(graph)), 12)
        data["community"] = community[node]
        data["component"] = component[node]
    graph.graph["betweenness"] = how
    graph.graph["modularity"] = (
        round(nx.community.modularity(undirected, communities, weight="weight"), 12)
        if graph.number_of_edges()
        else 0.0
    )
    graph.graph["metrics"] = list(METRICS)
    return graph
