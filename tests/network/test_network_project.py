"""Projections of the seed build: cooperation, bipartite and signatories views."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from govkg.network import network_from_data

ID = "https://w3id.org/govkg/id/"
LAN, LIPI, BRIN = ID + "org/lan", ID + "org/lipi", ID + "org/brin"
SERANG, ACEH_TENGAH, BPOM = ID + "org/kabupaten-36-04", ID + "org/kabupaten-11-04", ID + "org/bpom"
SOURCE = ID + "source/kontan-2019-02-01-lan-mou"


@pytest.fixture(scope="module")
def cooperation(seed_out: Path) -> nx.Graph:
    return network_from_data([seed_out])


def test_seed_cooperation_is_lan_and_four_partners(cooperation: nx.Graph) -> None:
    assert set(cooperation) == {LAN, LIPI, SERANG, ACEH_TENGAH, BPOM}
    assert cooperation.number_of_edges() == 4
    assert cooperation.degree(LAN) == 4
    assert all(LAN in edge for edge in cooperation.edges)


def test_edge_attributes_come_from_the_agreement(cooperation: nx.Graph) -> None:
    edge = cooperation.edges[LAN, LIPI]
    assert edge["weight"] == 1
    assert edge["first"] == edge["last"] == "2019-02-01"
    assert edge["agreements"] == [ID + "agreement/2019-02-01-mou-lan-lipi"]
    assert {"Pelatihan", "Penelitian", "Kajian Kebijakan"} <= set(edge["fields"])
    assert edge["sources"] == [SOURCE]
    assert edge["kinds"] == ["MoU"]
    serang = cooperation.edges[LAN, SERANG]
    assert "Penguatan Kapasitas Pemerintah Daerah" in serang["fields"]
    assert "Penelitian" not in serang["fields"]


def test_node_attributes_say_kind_level_and_province(cooperation: nx.Graph) -> None:
    lan, serang = cooperation.nodes[LAN], cooperation.nodes[SERANG]
    assert (lan["label"], lan["name"], lan["kind"], lan["level"]) == (
        "LAN",
        "Lembaga Administrasi Negara",
        "NonMinisterialAgency",
        "central",
    )
    assert lan["name_en"] == "National Institute of Public Administration"
    assert (serang["kind"], serang["level"]) == ("RegencyGovernment", "local")
    assert serang["province"] == ID + "org/provinsi-36"
    assert serang["province_label"] == "Pemerintah Provinsi Banten"


def test_agreement_table_holds_signatories_and_sources(cooperation: nx.Graph) -> None:
    record = cooperation.graph["agreements"][ID + "agreement/2019-02-01-mou-lan-lipi"]
    assert record["date"] == "2019-02-01"
    assert {(s["name"], s["post"], s["party"]) for s in record["signatories"]} == {
        ("Adi Suryanto", "Kepala", "LAN"),
        ("Laksana Tri Handoko", "Kepala", "LIPI"),
    }
    assert record["documents"] == [(SOURCE, None, "KONTAN.CO.ID")]


def test_bipartite_view_joins_bodies_to_agreements(seed_out: Path) -> None:
    graph = network_from_data([seed_out], view="bipartite")
    kinds = nx.get_node_attributes(graph, "type")
    assert sorted(kinds.values()).count("agreement") == 4
    assert sorted(kinds.values()).count("organization") == 5
    assert graph.number_of_edges() == 8
    assert graph.degree(LAN) == 4
    assert nx.is_bipartite(graph)
    agreement = ID + "agreement/2019-02-01-mou-lan-lipi"
    assert graph.nodes[agreement]["date"] == "2019-02-01"
    assert graph.nodes[agreement]["kind"] == "MoU"


def test_signatories_view_says_who_signed_for_whom(seed_out: Path) -> None:
    graph = network_from_data([seed_out], view="signatories")
    assert graph.is_directed()
    adi = ID + "person/adi-suryanto"
    assert graph.nodes[adi]["label"] == "Adi Suryanto"
    assert graph.edges[adi, LAN]["weight"] == 4
    assert graph.edges[adi, LAN]["posts"] == ["Kepala"]
    elin = ID + "person/elin-herlina"
    assert graph.edges[elin, BPOM]["posts"] == ["Sekretaris Utama"]
    assert graph.number_of_edges() == 5


def test_successors_draw_lipi_as_brin(seed_out: Path) -> None:
    graph = network_from_data([seed_out], successors=True)
    assert LIPI not in graph and BRIN in graph
    assert graph.edges[LAN, BRIN]["agreements"] == [ID + "agreement/2019-02-01-mou-lan-lipi"]
    assert graph.nodes[BRIN]["merged"] == ["Lembaga Ilmu Pengetahuan Indonesia"]
    assert graph.nodes[BRIN]["label"] == "BRIN"


def test_engines_project_the_same_graph(seed_out: Path, cooperation: nx.Graph) -> None:
    reference = network_from_data([seed_out], engine="rdflib")
    assert nx.utils.graphs_equal(reference, cooperation)
