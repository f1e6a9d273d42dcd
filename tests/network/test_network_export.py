"""GraphML, GEXF and JSON read back by networkx with the metrics; the CLI command."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from govkg.cli import EXIT_CODES_HELP, main
from govkg.network import network_from_data, write_network
from govkg.network.metrics import METRICS

LAN = "https://w3id.org/govkg/id/org/lan"
LIPI = "https://w3id.org/govkg/id/org/lipi"


@pytest.fixture(scope="module")
def graph(seed_out: Path) -> nx.Graph:
    return network_from_data([seed_out])


@pytest.mark.parametrize(("fmt", "read"), [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_files_open_in_networkx_with_metrics(graph, tmp_path: Path, fmt: str, read) -> None:
    path = write_network(graph, tmp_path / f"network.{fmt}")
    back = read(path)
    assert back.number_of_nodes() == 5 and back.number_of_edges() == 4
    lan = back.nodes[LAN]
    for metric in METRICS:
        assert metric in lan, metric
    assert float(lan["betweenness"]) == 1.0
    assert int(lan["degree"]) == 4
    assert lan["label"] == "LAN"
    edge = back.edges[LAN, LIPI] if back.has_edge(LAN, LIPI) else back.edges[LIPI, LAN]
    assert edge["first"] == "2019-02-01"
    assert "Penelitian" in edge["fields"].split("; ")
    assert edge["agreements"] == "https://w3id.org/govkg/id/agreement/2019-02-01-mou-lan-lipi"


def test_gexf_carries_gephi_colours_and_positions(graph, tmp_path: Path) -> None:
    text = write_network(graph, tmp_path / "network.gexf").read_text(encoding="utf-8")
    assert "viz:color" in text and "viz:position" in text and "viz:size" in text


def test_json_keeps_lists_and_the_agreements(graph, tmp_path: Path) -> None:
    data = json.loads(write_network(graph, tmp_path / "network.json").read_text("utf-8"))
    assert len(data["nodes"]) == 5 and len(data["edges"]) == 4
    assert len(data["graph"]["agreements"]) == 4
    edge = next(e for e in data["edges"] if {e["source"], e["target"]} == {LAN, LIPI})
    assert isinstance(edge["fields"], list)
    assert nx.node_link_graph(data, edges="edges").number_of_edges() == 4


def test_cli_writes_each_format(seed_out: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    for name in ("n.html", "n.graphml", "n.gexf", "n.json", "n.png", "n.svg"):
        result = runner.invoke(
            main, ["network", "--data", str(seed_out), "-o", str(tmp_path / name)]
        )
        assert result.exit_code == 0, result.output
        assert (tmp_path / name).stat().st_size > 0
    result = runner.invoke(main, ["network", "--data", str(seed_out), "--format", "graphml"])
    assert result.exit_code == 0 and result.stdout.startswith("<?xml")


def test_cli_filters_and_views(seed_out: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(
        main, ["network", "--data", str(seed_out), "--field", "penelitian", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)["edges"]) == 1
    result = runner.invoke(
        main,
        ["network", "--data", str(seed_out), "--view", "signatories", "--ego", "Adi Suryanto"],
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["directed"] is True


@pytest.mark.parametrize(
    "args",
    [
        ["--ego", "Kementerian Sihir"],
        ["--field", "astrology"],
        ["--since", "yesterday"],
        ["--format", "png"],
        ["-o", "network.docx"],
        ["--view", "nope"],
    ],
)
def test_cli_bad_input_exits_2_without_traceback(seed_out: Path, args: list[str]) -> None:
    result = CliRunner().invoke(main, ["network", "--data", str(seed_out), *args])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output


def test_cli_help_names_exit_codes() -> None:
    result = CliRunner().invoke(main, ["network", "--help"])
    assert result.exit_code == 0
    assert EXIT_CODES_HELP in " ".join(result.output.split())
    for option in (
        "--view",
        "--field",
        "--since",
        "--until",
        "--kind",
        "--province",
        "--ego",
        "--depth",
        "--successors",
        "--format",
        "--data",
    ):
        assert option in result.output
