"""``govkg network --endpoint`` and ``govkg serve --proxy`` against the private Virtuoso."""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request

import networkx as nx
import pytest
from click.testing import CliRunner
from SPARQLWrapper import JSON, TURTLE, SPARQLWrapper

from govkg.cli import main
from govkg.network import network_from_data
from govkg.server.runner import Server

pytestmark = pytest.mark.remote


def _same_graph(there: nx.Graph, here: nx.Graph) -> None:
    assert sorted(there.nodes) == sorted(here.nodes)
    assert sorted(map(sorted, there.edges)) == sorted(map(sorted, here.edges))
    for node in here:
        assert there.nodes[node] == here.nodes[node], node
    for a, b, data in here.edges(data=True):
        assert there.edges[a, b] == data, (a, b)


@pytest.mark.parametrize("view", ["cooperation", "bipartite", "signatories"])
def test_network_views_are_the_same(view, remote, synthetic_out):
    remote.ensure(synthetic_out)
    here = network_from_data([synthetic_out], view=view, successors=True)
    there = network_from_data(endpoint=remote.endpoint, view=view, successors=True)
    assert here.number_of_edges() > 100
    _same_graph(there, here)


def test_network_command_with_endpoint_writes_the_local_answer(remote, seed_out, tmp_path):
    remote.ensure(seed_out)
    runner = CliRunner()
    local = runner.invoke(main, ["network", "--data", str(seed_out), "--ego", "LAN"])
    there = runner.invoke(main, ["network", "--endpoint", remote.endpoint, "--ego", "LAN"])
    assert local.exit_code == 0 and there.exit_code == 0, there.output
    assert json.loads(there.stdout) == json.loads(local.stdout)
    page = tmp_path / "network.html"
    done = runner.invoke(main, ["network", "--endpoint", remote.endpoint, "-o", str(page)])
    assert done.exit_code == 0, done.output
    assert "5 nodes, 4 edges" in done.output and page.stat().st_size > 10_000


@pytest.fixture(scope="module")
def servers(remote, seed_out):
    remote.ensure(seed_out)
    with Server([seed_out], port=0) as local, Server([], port=0, endpoint=remote.endpoint) as proxy:
        yield local, proxy


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


def test_proxy_canned_queries_answer_as_locally(servers):
    local, proxy = servers
    for path in ("partners?agency=LAN", "signatories?agency=BPOM", "timeline", "hubs", "fields"):
        here = _get(f"{local.url}api/queries/{path}")
        there = _get(f"{proxy.url}api/queries/{path}")
        assert here[0] == there[0] == 200, (path, there)
        assert json.loads(there[1]) == json.loads(here[1]), path


def test_proxy_speaks_the_protocol_to_sparqlwrapper(servers):
    _, proxy = servers
    select = (
        "PREFIX govkg: <https://w3id.org/govkg/ontology#> "
        "SELECT ?a WHERE { ?a a govkg:MemorandumOfUnderstanding } ORDER BY ?a"
    )
    answers = []
    for server in servers:
        client = SPARQLWrapper(f"{server.url}sparql")
        client.setQuery(select)
        client.setReturnFormat(JSON)
        answers.append(client.query().convert()["results"]["bindings"])
    assert answers[0] == answers[1] and len(answers[0]) == 4
    client = SPARQLWrapper(f"{proxy.url}sparql")
    client.setQuery("ASK { ?s a <https://w3id.org/govkg/ontology#Agreement> }")
    client.setReturnFormat(JSON)
    assert client.query().convert()["boolean"] is True
    client.setQuery("CONSTRUCT WHERE { ?a a <https://w3id.org/govkg/ontology#Agreement> }")
    client.setReturnFormat(TURTLE)
    graph = client.queryAndConvert()
    assert b"govkg" in graph and graph.count(b"Agreement") >= 4


def test_proxy_keeps_the_refusals_and_the_error_shape(servers):
    local, proxy = servers
    service = "SELECT * WHERE { SERVICE <http://127.0.0.1:1/x> { ?s ?p ?o } }"
    status, body = _get(f"{proxy.url}sparql?" + urllib.parse.urlencode({"query": service}))
    assert status == 403 and json.loads(body)["error"] == "service-refused"
    status, body = _get(f"{proxy.url}api/queries/partners?agency=Nowhere")
    assert status == 400 and json.loads(body)["error"] == "bad-parameter"
    for payload in ('LAN") || true || ("', "LAN\u0022 }", "LAN\n} #"):
        path = "api/queries/partners?agency=" + urllib.parse.quote(payload)
        here, there = _get(local.url + path), _get(proxy.url + path)
        assert there[0] == here[0]
        assert json.loads(there[1]) == json.loads(here[1]), payload


def test_proxy_serves_the_network_page_and_about(servers):
    _, proxy = servers
    status, page = _get(f"{proxy.url}network")
    assert status == 200 and b"vis-network" in page and b"Lembaga Administrasi Negara" in page
    status, about = _get(f"{proxy.url}api/about")
    about = json.loads(about)
    assert status == 200 and about["counts"]["agreements"] == 4
    assert about["data"] == [proxy.endpoint]
    graphs = {g["graph"] for g in about["graphs"]}
    assert "https://w3id.org/govkg/graph/reference" in graphs
    assert all(g.startswith("https://w3id.org/govkg/graph/") for g in graphs)
    assert "https://w3id.org/govkg/graph/union" not in graphs


def test_proxy_never_shows_credentials(remote, seed_out, capfd):
    remote.ensure(seed_out)
    parts = urllib.parse.urlsplit(remote.endpoint)
    secret = "pr0xy-s3cret"
    endpoint = parts._replace(netloc=f"dba:{secret}@{parts.netloc}").geturl()
    with Server([], port=0, endpoint=endpoint) as proxy:
        status, body = _get(f"{proxy.url}api/about")
        assert status == 200 and secret.encode() not in body
        bad = "SELECT * WHERE { ?s ?p }"
        status, body = _get(f"{proxy.url}sparql?" + urllib.parse.urlencode({"query": bad}))
        assert status == 400 and secret.encode() not in body
    assert secret not in "".join(capfd.readouterr())
