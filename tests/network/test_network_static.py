"""Static pictures (matplotlib): the network and agreements per year, PNG and SVG."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from govkg.errors import GovkgError
from govkg.network import network_from_data, write_network
from govkg.network.static import agreements_per_year, picture_bytes

pytest.importorskip("matplotlib")


@pytest.fixture(scope="module")
def graph(seed_out: Path) -> nx.Graph:
    return network_from_data([seed_out])


def test_network_png(graph: nx.Graph, tmp_path: Path) -> None:
    path = write_network(graph, tmp_path / "network.png")
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(data) > 20_000  # a drawing, not an empty canvas


def test_network_svg_has_the_labels(graph: nx.Graph, tmp_path: Path) -> None:
    text = write_network(graph, tmp_path / "network.svg").read_text(encoding="utf-8")
    assert text.lstrip().startswith("<?xml") and "<svg" in text
    assert "LAN" in text


def test_years_chart(graph: nx.Graph, tmp_path: Path) -> None:
    assert {year: dict(kinds) for year, kinds in agreements_per_year(graph).items()} == {
        2019: {"MoU": 4}
    }
    path = write_network(graph, tmp_path / "years.png", chart="years")
    assert path.read_bytes()[:4] == b"\x89PNG"


def test_empty_network_still_draws(tmp_path: Path) -> None:
    assert picture_bytes(nx.Graph(title="empty"), "png")[:4] == b"\x89PNG"


def test_unknown_picture_format() -> None:
    with pytest.raises(GovkgError):
        picture_bytes(nx.Graph(), "bmp")
