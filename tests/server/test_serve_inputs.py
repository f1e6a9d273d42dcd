"""One store loader (issue #16): ``serve``, ``query``, ``network`` and ``export`` give the same
answers on the same data, whatever its form — a build folder, or the build exported as TriG,
N-Quads, JSON-LD, Turtle or N-Triples. (Before, ``serve --data govkg.trig`` answered 0
agreements: the server loaded files its own way, with no union default graph.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.compare import isomorphic
from SPARQLWrapper import JSON, SPARQLWrapper

from govkg.cli import main
from govkg.dataset_export import export_files, export_graphs
from govkg.network import network_from_data
from govkg.query import run_query
from govkg.server.runner import Server

from .conftest import TEST_LIMITS

FORMATS = ("trig", "nq", "jsonld", "ttl", "nt")
COUNT = """PREFIX govkg: <https://w3id.org/govkg/ontology#>
SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a govkg:Agreement }"""


@pytest.fixture(scope="module")
def inputs(seed_out: Path, tmp_path_factory) -> dict[str, Path]:
    """The seed build as a folder and as one file per format (inferences and ontology in)."""
    folder = tmp_path_factory.mktemp("exports")
    written = export_files(seed_out, list(FORMATS), folder, inferred=True, ontology=True)
    return {"build folder": seed_out} | {p.suffix.lstrip("."): p for p in written}


def _partners(paths, **where) -> list[tuple[str, ...]]:
    result = run_query("partners", {"agency": "LAN"}, paths, **where)
    return sorted(tuple(str(term) for term in row) for row in result.rows)


@pytest.fixture(scope="module")
def expected(seed_out: Path) -> list[tuple[str, ...]]:
    rows = _partners([seed_out])
    assert len(rows) >= 4  # LIPI, BPOM, Serang, Central Aceh at least
    return rows


@pytest.mark.parametrize("kind", ["build folder", *FORMATS])
def test_query_engines_agree_on_every_input(inputs, expected, kind):
    assert _partners([inputs[kind]]) == expected
    assert _partners([inputs[kind]], engine="rdflib") == expected


@pytest.mark.parametrize("kind", ["build folder", *FORMATS])
def test_the_endpoint_serves_the_same_answers(inputs, expected, kind):
    with Server([inputs[kind]], port=0, limits=TEST_LIMITS) as server:
        assert _partners([], endpoint=server.url + "sparql") == expected
        client = SPARQLWrapper(server.url + "sparql")
        client.setQuery(COUNT)
        client.setReturnFormat(JSON)
        count = client.query().convert()["results"]["bindings"][0]["n"]["value"]
    local = run_query(str(_count_file(inputs)), {}, [inputs["build folder"]]).rows[0][0]
    assert int(count) == int(local) > 0


@pytest.mark.parametrize("kind", ["build folder", *FORMATS])
def test_the_network_is_the_same_on_every_input(inputs, kind):
    reference = network_from_data([inputs["build folder"]], metrics=False)
    graph = network_from_data([inputs[kind]], metrics=False)
    assert sorted(graph.edges) == sorted(reference.edges) != []


def _exported(data: Path) -> Graph:
    """What ``govkg export --data DATA --inferred --ontology --format nt`` writes, as a graph."""
    args = ["export", "--data", str(data), "--inferred", "--ontology", "--format", "nt"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    return Graph().parse(data=result.stdout_bytes.decode("utf-8"), format="nt")


@pytest.mark.parametrize("kind", ["build folder", *FORMATS])
def test_export_reads_every_input_as_the_others_do(inputs, kind):
    """Every statement of the build, and no other, whatever form export reads it in."""
    reference = Graph().parse(
        data=export_graphs(inputs["build folder"], "nt", None, inferred=True, ontology=True),
        format="nt",
    )
    assert len(reference) > 1000
    assert isomorphic(_exported(inputs[kind]), reference)


@pytest.mark.parametrize("kind", ["trig", "nq", "jsonld"])
def test_export_keeps_the_named_graphs_of_a_dataset_file(inputs, kind):
    """TriG, N-Quads and JSON-LD inputs keep their graphs, so --no-inferred drops the
    inferred graph from them as it does from a build folder."""
    from_folder = export_graphs(inputs["build folder"], "nq", None)
    assert export_graphs(inputs[kind], "nq", None) == from_folder


def _count_file(inputs: dict[str, Path]) -> Path:
    path = inputs["trig"].parent / "count.rq"
    path.write_text(COUNT, encoding="utf-8")
    return path
