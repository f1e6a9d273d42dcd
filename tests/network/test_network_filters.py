"""Filters: field (with narrower fields), dates, kind, province, ego; bad values refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from govkg.errors import GovkgError
from govkg.network import Filters, network_from_data

ID = "https://w3id.org/govkg/id/org/"
LAN, LIPI, BPOM = ID + "lan", ID + "lipi", ID + "bpom"
SERANG, ACEH_TENGAH = ID + "kabupaten-36-04", ID + "kabupaten-11-04"


def edges(seed_out: Path, **given) -> set[frozenset]:
    graph = network_from_data([seed_out], metrics=False, **given)
    return {frozenset(e) for e in graph.edges}


def test_field_keeps_agreements_in_that_field(seed_out: Path) -> None:
    assert edges(seed_out, field="penelitian") == {frozenset((LAN, LIPI))}


def test_field_includes_narrower_fields(seed_out: Path) -> None:
    # "Penelitian dan Inovasi" is broader than "Penelitian"; "Tata Kelola Pemerintahan" is
    # broader than "Pembinaan Administrasi Negara" and others (every seed agreement)
    assert edges(seed_out, field="Penelitian dan Inovasi") == {frozenset((LAN, LIPI))}
    assert len(edges(seed_out, field="tata kelola pemerintahan")) == 4


def test_date_range(seed_out: Path) -> None:
    assert len(edges(seed_out, since="2019-02-01", until="2019-02-01")) == 4
    assert edges(seed_out, since="2019-02-02") == set()
    assert edges(seed_out, until="2019-01-31") == set()


def test_kind_keeps_the_ties_among_those_bodies(seed_out: Path) -> None:
    assert edges(seed_out, kind="central") == {frozenset((LAN, LIPI)), frozenset((LAN, BPOM))}
    assert edges(seed_out, kind="local") == set()


def test_partners_keep_the_ties_of_the_selected_bodies(seed_out: Path) -> None:
    assert edges(seed_out, kind="local", partners=True) == {
        frozenset((LAN, SERANG)),
        frozenset((LAN, ACEH_TENGAH)),
    }


def test_province(seed_out: Path) -> None:
    assert edges(seed_out, province="Banten", partners=True) == {frozenset((LAN, SERANG))}
    assert edges(seed_out, province="36", partners=True) == {frozenset((LAN, SERANG))}
    assert edges(seed_out, province="Banten") == set()


def test_province_must_be_a_province(seed_out: Path) -> None:
    with pytest.raises(GovkgError, match="not a province"):
        edges(seed_out, province="LAN")


def test_ego_network(seed_out: Path) -> None:
    graph = network_from_data([seed_out], ego="Pemkab Serang", depth=1)
    assert set(graph) == {LAN, SERANG}
    graph = network_from_data([seed_out], ego="kabupaten serang", depth=2)
    assert len(graph) == 5
    graph = network_from_data([seed_out], ego="lipi", depth=0)
    assert set(graph) == {LIPI}


def test_ego_on_the_bipartite_view_counts_agreement_steps(seed_out: Path) -> None:
    graph = network_from_data([seed_out], view="bipartite", ego="LIPI", depth=2)
    assert LAN in graph and BPOM not in graph


def test_filters_combine(seed_out: Path) -> None:
    graph = network_from_data([seed_out], field="pelatihan", kind="central", ego="LAN")
    assert {frozenset(e) for e in graph.edges} == {frozenset((LAN, LIPI))}
    assert graph.graph["filters"] == {
        "field": "pelatihan",
        "kind": "central",
        "ego": "LAN",
        "depth": 1,
    }


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({"field": "astrology"}, "unknown field"),
        ({"since": "2019-13-01"}, "not a date"),
        ({"since": "2020-01-01", "until": "2019-01-01"}, "after until"),
        ({"kind": "federal"}, "unknown kind"),
        ({"depth": -1}, "negative"),
        ({"ego": "Kementerian Sihir"}, "not in this view"),
    ],
)
def test_bad_filters_are_refused(seed_out: Path, given: dict, message: str) -> None:
    with pytest.raises(GovkgError, match=message):
        network_from_data([seed_out], **given)


def test_filters_object_or_keywords_not_both(seed_out: Path) -> None:
    with pytest.raises(GovkgError, match="not both"):
        network_from_data([seed_out], filters=Filters(), field="pelatihan")
