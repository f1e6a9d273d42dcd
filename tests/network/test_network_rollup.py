"""Units (a dinas, a district prosecutor's office) drawn as themselves or as their parent body."""

from __future__ import annotations

from pathlib import Path

import pytest

from govkg.build import build
from govkg.network import network_from_data

RECORD = Path(__file__).resolve().parents[1] / "data" / "records" / "valid"
ORG = "https://w3id.org/govkg/id/org/"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("rollup") / "out"
    build([RECORD / "new-kinds-and-foreign-parties.yaml"], out)
    return out


def test_units_are_their_own_nodes_by_default(built):
    graph = network_from_data([built], metrics=False)
    assert {ORG + "kejari-serang", ORG + "disdik-serang"} <= set(graph)
    assert graph.nodes[ORG + "kota-contoh"]["kind"] == "ForeignLocalGovernment"
    assert graph.nodes[ORG + "bank-contoh"]["kind"] == "RegionalOwnedEnterprise"


def test_rollup_draws_units_as_the_bodies_they_belong_to(built):
    graph = network_from_data([built], metrics=False, rollup=True)
    assert ORG + "kejari-serang" not in graph and ORG + "disdik-serang" not in graph
    assert graph.has_edge(ORG + "kejagung", ORG + "kabupaten-36-04")
    assert not graph.has_edge(ORG + "kabupaten-36-04", ORG + "kabupaten-36-04")
    assert graph.graph["rollup"] is True
