"""``govkg push`` to Virtuoso: counts per graph, no duplicates on re-push, pruning, batches."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from govkg.cli import main
from govkg.errors import GovkgError
from govkg.namespaces import GRAPH_BASE
from govkg.remote import RemoteEngine, push
from govkg.remote.endpoint import UNION_GRAPH
from govkg.remote.http import HttpClient
from govkg.remote.push import remote_counts
from govkg.terms import sparql_iri

pytestmark = pytest.mark.remote


def local_counts(folder: Path) -> dict[str, int]:
    """Triples per graph in the build's TriG, and the union graph: each distinct triple once."""
    counts: dict[str, int] = {}
    triples = set()
    for quad in ox.parse(path=str(folder / "govkg.trig"), format=ox.RdfFormat.TRIG):
        counts[quad.graph_name.value] = counts.get(quad.graph_name.value, 0) + 1
        triples.add(quad.triple)
    return {**counts, UNION_GRAPH: len(triples)}


def count_graph(endpoint: str, graph: str) -> int:
    """The count the issue asks for, one graph at a time."""
    engine = RemoteEngine(endpoint, default_graphs=())
    query = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {sparql_iri(graph)} {{ ?s ?p ?o }} }}"
    _, rows = engine.select(query, {})
    return int(rows[0][0])


def gsp_put(remote, graph: str, turtle: str) -> None:
    with HttpClient(remote.credentials) as client:
        answer = client.request(
            "PUT",
            f"{remote.instance.graph_store}?graph={graph}",
            turtle.encode(),
            {"Content-Type": "text/turtle"},
        )
    assert answer.status in (200, 201, 204)


def test_push_then_counts_per_graph_equal(remote, seed_out):
    report = remote.push(seed_out)
    expected = local_counts(seed_out)
    assert report.local == expected
    assert report.remote == expected
    for graph, count in expected.items():
        assert count_graph(remote.endpoint, graph) == count


def test_push_again_replaces_never_duplicates(remote, seed_out):
    remote.push(seed_out)
    first = remote_counts(RemoteEngine(remote.endpoint), [])
    remote.push(seed_out, batch_size=40)  # PUT then POSTs: a replaced graph, not an appended one
    remote.push(seed_out)
    assert remote_counts(RemoteEngine(remote.endpoint), []) == first == local_counts(seed_out)


def test_small_batches_give_the_same_graphs(remote, seed_out):
    report = remote.push(seed_out, batch_size=100)
    assert report.remote == local_counts(seed_out)
    assert report.requests > len(report.local) * 2  # many POSTs went out


def test_without_the_union_graph_queries_see_the_store_default_graph(remote, seed_out):
    report = remote.push(seed_out, union=False)
    assert UNION_GRAPH not in report.remote and report.union == 0
    assert RemoteEngine(remote.endpoint).default_graphs == []
    remote.push(seed_out)
    assert RemoteEngine(remote.endpoint).default_graphs == [UNION_GRAPH]


def test_stale_graphs_are_pruned_and_others_left_alone(remote, seed_out):
    remote.push(seed_out)
    stale = GRAPH_BASE + "source/gone"
    foreign = "urn:govkg-test:someone-else"
    gsp_put(remote, stale, "<urn:a> <urn:b> <urn:c> .")
    gsp_put(remote, foreign, "<urn:a> <urn:b> <urn:c> .")
    kept = remote.push(seed_out, prune=False)
    assert kept.deleted == [] and count_graph(remote.endpoint, stale) == 1
    report = remote.push(seed_out)
    assert report.deleted == [stale]
    assert count_graph(remote.endpoint, stale) == 0
    assert count_graph(remote.endpoint, foreign) == 1


def test_blank_nodes_stay_whole_across_batches(remote, tmp_path):
    data = tmp_path / "blank.trig"
    lines = [f"<urn:s{i}> <urn:p> {i} ." for i in range(30)]
    data.write_text(
        f"<{GRAPH_BASE}source/blank> {{\n"
        + "\n".join(lines)
        + "\n<urn:x> <urn:has> [ <urn:a> 1 ; <urn:b> [ <urn:c> 2 ] ] .\n}\n"
    )
    report = remote.push(data, batch_size=5)
    assert report.remote == {f"{GRAPH_BASE}source/blank": 34, UNION_GRAPH: 34}
    _, rows = RemoteEngine(remote.endpoint).select(
        "SELECT ?one ?two WHERE { <urn:x> <urn:has> ?n . ?n <urn:a> ?one ; <urn:b> ?m . "
        "?m <urn:c> ?two }",
        {},
    )
    assert [[int(t) for t in row] for row in rows] == [[1, 2]]


def test_default_graph_triples_are_refused(remote, tmp_path):
    data = tmp_path / "plain.nq"
    data.write_text("<urn:a> <urn:b> <urn:c> .\n")
    with pytest.raises(GovkgError, match="outside any named graph"):
        push([data], remote.endpoint, credentials=remote.credentials)


def test_cli_push(remote, seed_out, monkeypatch):
    monkeypatch.setenv("GOVKG_REMOTE_USER", "dba")
    monkeypatch.setenv("GOVKG_REMOTE_PASSWORD", remote.instance.password)
    result = CliRunner().invoke(
        main, ["push", "--data", str(seed_out), "--endpoint", remote.endpoint, "--no-progress"]
    )
    remote.current = (str(seed_out),)
    assert result.exit_code == 0, result.output
    assert "counts verified" in result.output
    assert remote.instance.password not in result.output


def test_cli_push_without_data_is_a_usage_error(remote, tmp_path):
    result = CliRunner().invoke(
        main, ["push", "--data", str(tmp_path / "none"), "--endpoint", remote.endpoint]
    )
    assert result.exit_code == 2
    assert "no such file or folder" in result.output
