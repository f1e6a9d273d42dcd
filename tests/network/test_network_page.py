"""The page as a file: self-contained, offline, escaped; the build's page is fast."""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import networkx as nx
import pytest

from govkg.network import network_from_data, write_build_page
from govkg.network.page import VIS_VERSION, payload, render_page, script_json

ASSETS = Path(__file__).resolve().parents[2] / "graph" / "govkg" / "network" / "assets"


@pytest.fixture(scope="module")
def html(seed_out: Path) -> str:
    return render_page(network_from_data([seed_out]))


def test_page_loads_nothing_from_elsewhere(html: str) -> None:
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", html, re.IGNORECASE)
    assert not re.search(r"(src|href)\s*=\s*[\"']?(https?:)?//", html)
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp
    assert "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert html.count("<script") == 3  # data, vis-network, page script


def test_vendored_vis_network_is_recorded() -> None:
    readme = (ASSETS / "README.md").read_text(encoding="utf-8")
    assert VIS_VERSION in readme and "Apache-2.0" in readme and "MIT" in readme
    assert (ASSETS / "LICENSE-MIT").is_file() and (ASSETS / "LICENSE-APACHE-2.0").is_file()
    assert f"@version {VIS_VERSION}" in (ASSETS / "vis-network.min.js").read_text("utf-8")[:400]


def test_data_cannot_close_the_script_element() -> None:
    nasty = "</script><script>window.__xss=1</script><!--"
    text = script_json({"label": nasty, "sep": "\u2028"})
    assert "<" not in text and ">" not in text and "\u2028" not in text
    graph = nx.Graph(title=nasty)
    graph.add_node("a", label=nasty, name=nasty, type="organization")
    graph.add_node("b", label="<img src=x onerror=alert(1)>", type="organization")
    graph.add_edge("a", "b", weight=1)
    page = render_page(graph)
    assert nasty not in page and "<img src=x" not in page
    assert page.count("</script>") == 3


def test_payload_layout_is_centred_on_the_hub(seed_out: Path) -> None:
    data = payload(network_from_data([seed_out]))
    nodes = {n["label"]: n for n in data["nodes"]}
    assert len(nodes) == 5 and len(data["edges"]) == 4
    assert (nodes["LAN"]["x"], nodes["LAN"]["y"]) == pytest.approx((0, 0), abs=1)
    assert data["options"]["physics"]["enabled"] is False
    assert "Lembaga Administrasi Negara (LAN)" in nodes["LAN"]["title"]
    assert data["years"] == [2019]
    labels = [f["label"] for f in data["fields"]]
    assert "Penelitian" in labels and "Tata Kelola Pemerintahan" in labels


def test_build_page_is_written_fast(seed_out: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(seed_out, out)
    write_build_page(out)  # warm: imports happen once per process
    started = time.perf_counter()
    path = write_build_page(out)
    assert time.perf_counter() - started < 0.5
    assert path == out / "network.html"
    assert path.stat().st_size > 100_000
    assert sorted(p.name for p in out.iterdir() if p.suffix == ".html") == ["network.html"]
