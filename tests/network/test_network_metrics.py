"""Metrics: values on the seed, and cross-checks against igraph (betweenness) and networkx."""

from __future__ import annotations

import random
from pathlib import Path

import networkx as nx
import pytest

from govkg.network import network_from_data
from govkg.network.metrics import METRICS, add_metrics, betweenness, igraph_betweenness, pagerank

LAN = "https://w3id.org/govkg/id/org/lan"


def synthetic(nodes: int = 400, seed: int = 5, directed: bool = False) -> nx.Graph:
    """A weighted graph shaped like a cooperation network: a few hubs, a few components."""
    rng = random.Random(seed)
    graph = nx.barabasi_albert_graph(nodes, 2, seed=seed)
    graph.add_edges_from([(nodes + i, nodes + i + 1) for i in range(5)])  # a second component
    if directed:
        graph = nx.DiGraph((a, b) if rng.random() < 0.5 else (b, a) for a, b in graph.edges)
    for a, b in graph.edges:
        graph.edges[a, b]["weight"] = rng.choice((1, 1, 1, 2, 3, 5))
    return nx.relabel_nodes(graph, {n: f"https://w3id.org/govkg/id/org/syn-{n}" for n in graph})


def test_seed_metrics(seed_out: Path) -> None:
    graph = network_from_data([seed_out])
    lan = graph.nodes[LAN]
    assert (lan["degree"], lan["weighted_degree"], lan["betweenness"]) == (4, 4, 1.0)
    assert all(graph.nodes[n]["betweenness"] == 0.0 for n in graph if n != LAN)
    assert lan["pagerank"] == max(d["pagerank"] for _, d in graph.nodes(data=True))
    assert sum(d["pagerank"] for _, d in graph.nodes(data=True)) == pytest.approx(1.0)
    assert {d["component"] for _, d in graph.nodes(data=True)} == {0}
    assert all(set(METRICS) <= set(d) for _, d in graph.nodes(data=True))
    assert graph.graph["betweenness"] == "exact (networkx)"


@pytest.mark.parametrize("directed", [False, True])
def test_betweenness_agrees_with_igraph(directed: bool) -> None:
    pytest.importorskip("igraph")
    graph = synthetic(directed=directed)
    ours = nx.betweenness_centrality(graph)
    theirs = igraph_betweenness(graph)
    assert max(abs(ours[n] - theirs[n]) for n in graph) < 1e-9
    assert max(ours.values()) > 0.1  # the hubs broker something


def test_large_graphs_use_igraph_or_a_sample(monkeypatch: pytest.MonkeyPatch) -> None:
    import govkg.network.metrics as metrics

    graph = synthetic(300)
    monkeypatch.setattr(metrics, "EXACT_LIMIT", 100)
    values, how = betweenness(graph)
    assert how in ("exact (igraph)", "estimated from 500 pivots (networkx, seed 42)")
    sampled, how = betweenness(graph, "sampled")
    assert how == "exact (networkx)"  # fewer nodes than pivots: exact anyway
    assert sampled == pytest.approx(values, abs=1e-9)


def test_dense_graphs_use_igraph_or_a_sample(monkeypatch: pytest.MonkeyPatch) -> None:
    import govkg.network.metrics as metrics

    graph = synthetic(300)
    assert len(graph) <= metrics.EXACT_LIMIT
    _, how = betweenness(graph)
    assert how == "exact (networkx)"
    monkeypatch.setattr(metrics, "EXACT_WORK", len(graph) * graph.number_of_edges() - 1)
    _, how = betweenness(graph)
    assert how in ("exact (igraph)", "estimated from 500 pivots (networkx, seed 42)")


def test_pagerank_matches_networkx() -> None:
    pytest.importorskip("scipy")
    for graph in (synthetic(), synthetic(directed=True), nx.star_graph(4)):
        ours = pagerank(graph)
        theirs = nx.pagerank(graph, weight="weight", tol=1e-12, max_iter=1000)
        assert max(abs(ours[n] - theirs[n]) for n in graph) < 1e-8


def test_communities_are_repeatable_and_ranked_by_size() -> None:
    first = add_metrics(synthetic())
    second = add_metrics(synthetic())
    assert nx.get_node_attributes(first, "community") == nx.get_node_attributes(second, "community")
    sizes = {}
    for _, data in first.nodes(data=True):
        sizes[data["community"]] = sizes.get(data["community"], 0) + 1
    assert [sizes[c] for c in sorted(sizes)] == sorted(sizes.values(), reverse=True)
    assert first.graph["modularity"] > 0.3
    components = nx.get_node_attributes(first, "component")
    assert sorted(set(components.values())) == [0, 1]


def test_empty_graph_has_no_metrics() -> None:
    assert len(add_metrics(nx.Graph())) == 0
