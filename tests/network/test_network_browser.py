"""The page in a real browser: headless Chromium (Debian's) driven by Playwright.

The seed page loads offline with no console errors and no request beyond its own file, shows
LAN and four partners with the right tooltips, and its filters change what is shown. A graph
built from records whose names hold ``<script>``, ``<img onerror>`` and ``</script>`` runs
none of them.
"""

from __future__ import annotations

import math
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from govkg.build import build
from govkg.network import network_from_data, write_network
from govkg_tools.browser import CHROMIUM, PAGE_READY, launch_chromium

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="Chromium is not installed: apt-get install chromium (.ci/run installs it in CI)",
)

XSS_RECORD = """\
govkg: 1
source:
  id: xss-test-2020-01-02
  kind: news
  title: "<script>window.__xss = 'title'</script>"
  url: "https://news.example.org/xss?a=1&b=%3Cscript%3E"
  publisher: "<img src=x onerror=\\"window.__xss='publisher'\\">"
  published: 2020-01-02
  language: id
events:
  - date: 2020-01-01
    city: Jakarta
    agreements:
      - kind: mou
        title: "</script><script>window.__xss='agreement'</script>"
        parties: ["<script>window.__xss='org1'</script>", LAN]
        signatories:
          - name: "<img src=x onerror=\\"window.__xss='person'\\">"
            post: Kepala
            party: LAN
        fields: [pelatihan]
      - kind: pks
        parties:
          - "<img src=x onerror=\\"window.__xss='org2'\\">"
          - "Badan </script><script>window.__xss='org3'</script>"
        fields: [penelitian]
organizations:
  - id: xss-one
    name: "<script>window.__xss='org1'</script>"
    kind: GovernmentUnit
    acronyms: ["<b onmouseover=\\"window.__xss='acronym'\\">X</b>"]
  - id: xss-two
    name: "<img src=x onerror=\\"window.__xss='org2'\\">"
    kind: StateUniversity
    name_en: "href <a href=\\"javascript:window.__xss='href'\\">click</a>"
  - id: xss-three
    name: "Badan </script><script>window.__xss='org3'</script>"
    kind: Ministry
"""


@pytest.fixture(scope="module")
def browser() -> Iterator:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        launched = launch_chromium(pw)
        yield launched
        launched.close()


class Visit:
    """One page opened in the browser, with what it logged and requested."""

    def __init__(self, browser, path: Path) -> None:
        self.page = browser.new_page(viewport={"width": 1280, "height": 800})
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else 0)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.goto(path.as_uri())
        self.page.wait_for_function(PAGE_READY, timeout=30_000)

    def js(self, expression: str, arg=None):
        return self.page.evaluate(expression, arg)

    def hover_canvas(self, x: float, y: float, expect: str = "") -> str:
        """Move the mouse to canvas point (x, y); the tooltip's text once it holds ``expect``."""
        box = self.page.locator("#govkg-network").bounding_box()
        spot = self.js("([x, y]) => govkg.network.canvasToDOM({x, y})", [x, y])
        self.page.mouse.move(box["x"] + spot["x"], box["y"] + spot["y"])
        if not expect:
            self.page.wait_for_timeout(300)
            return ""
        self.page.wait_for_function(
            "(expect) => { const t = document.querySelector('div.vis-tooltip');"
            " return t && t.style.visibility !== 'hidden' && t.innerText.includes(expect); }",
            arg=expect,
            timeout=10_000,
        )
        return self.js("() => document.querySelector('div.vis-tooltip').innerText")


@pytest.fixture(scope="module")
def seed_page(seed_out: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_network(
        network_from_data([seed_out]), tmp_path_factory.mktemp("page") / "network.html"
    )


@pytest.fixture
def seed(browser, seed_page: Path) -> Iterator[Visit]:
    visit = Visit(browser, seed_page)
    yield visit
    visit.page.close()


def test_seed_page_loads_offline_without_errors(seed: Visit, seed_page: Path) -> None:
    seed.page.wait_for_timeout(300)
    assert seed.errors == []
    assert seed.requests == [seed_page.as_uri()]


def test_seed_page_shows_five_bodies_and_four_edges(seed: Visit) -> None:
    counts = seed.js(
        "() => [govkg.nodesView.get({filter: n => n.type === 'organization'}).length,"
        " govkg.edgesView.length, govkg.network.body.data.nodes.length]"
    )
    assert counts == [5, 4, 5]
    labels = seed.js("() => govkg.nodes.get().map(n => n.label).sort()")
    assert labels == [
        "BPOM",
        "LAN",
        "LIPI",
        "Pemerintah Kabupaten Aceh Tengah",
        "Pemerintah Kabupaten Serang",
    ]


def test_lan_is_at_the_centre_of_four_partners(seed: Visit) -> None:
    where = seed.js(
        "() => { const p = govkg.network.getPositions(); const out = {};"
        " govkg.nodes.forEach(n => { out[n.label] = [p[n.id].x, p[n.id].y]; }); return out; }"
    )
    lan = where.pop("LAN")
    distances = [math.dist(lan, xy) for xy in where.values()]
    assert len(distances) == 4
    assert max(distances) < 1.2 * min(distances)  # the partners ring LAN
    centroid = [sum(c) / 4 for c in zip(*where.values(), strict=True)]
    assert math.dist(lan, centroid) < 0.25 * min(distances)


def test_tooltips_show_fields_dates_and_signatories(seed: Visit) -> None:
    where = seed.js(
        "() => { const p = govkg.network.getPositions(); const out = {};"
        " govkg.nodes.forEach(n => { out[n.label] = p[n.id]; }); return out; }"
    )
    node_tip = seed.hover_canvas(where["LAN"]["x"], where["LAN"]["y"], expect="LAN")
    assert "Lembaga Administrasi Negara (LAN)" in node_tip
    assert "4 partners, 4 agreements" in node_tip
    lan, lipi = where["LAN"], where["LIPI"]
    middle = ((lan["x"] + lipi["x"]) / 2, (lan["y"] + lipi["y"]) / 2)
    edge_tip = seed.hover_canvas(*middle, expect="LAN — LIPI")
    assert "LAN — LIPI" in edge_tip
    assert "1 agreement, 2019-02-01" in edge_tip
    assert "Penelitian" in edge_tip
    assert "Adi Suryanto (Kepala, LAN)" in edge_tip
    assert "Laksana Tri Handoko (Kepala, LIPI)" in edge_tip
    assert "KONTAN.CO.ID" in edge_tip


def test_field_and_year_filters_change_what_is_shown(seed: Visit) -> None:
    index = seed.js("() => String(govkg.data.fields.findIndex(f => f.label === 'Penelitian'))")
    seed.page.select_option("#govkg-field", value=index)
    assert seed.js("() => [govkg.nodesView.length, govkg.edgesView.length]") == [2, 1]
    shown = seed.js("() => govkg.nodesView.get().map(n => n.label).sort()")
    assert shown == ["LAN", "LIPI"]
    assert "2 of 5 nodes, 1 of 4 edges" in seed.page.inner_text("#govkg-status")
    seed.page.click("#govkg-reset")
    assert seed.js("() => [govkg.nodesView.length, govkg.edgesView.length]") == [5, 4]
    assert seed.js("() => govkg.filter(null, 2019, 2019)") == {"nodes": 5, "edges": 4}


def test_search_and_details_panel(seed: Visit) -> None:
    seed.page.fill("#govkg-search", "serang")
    seed.page.press("#govkg-search", "Enter")
    details = seed.page.inner_text("#govkg-details")
    assert "Pemerintah Kabupaten Serang" in details
    assert "Ratu Tatu Chasanah (Bupati, Pemerintah Kabupaten Serang)" in details
    assert "2019-02-01" in details and "KONTAN.CO.ID" in details
    assert seed.js("() => govkg.network.getSelectedNodes().length") == 1


@pytest.fixture(scope="module")
def xss_pages(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("xss")
    (folder / "records").mkdir()
    (folder / "records" / "xss.yaml").write_text(XSS_RECORD, encoding="utf-8")
    build([folder / "records"], folder / "out")
    pages = []
    for view in ("cooperation", "bipartite", "signatories"):
        graph = network_from_data([folder / "out"], view=view)
        pages.append(write_network(graph, folder / f"{view}.html"))
    return pages


@pytest.mark.parametrize("number", [0, 1, 2])
def test_names_holding_markup_run_nothing(browser, xss_pages: list[Path], number: int) -> None:
    visit = Visit(browser, xss_pages[number])
    try:
        labels = visit.js("() => govkg.nodes.get().map(n => n.label).join(' ')")
        assert "<" in labels  # the markup is there, as text
        ids = visit.js("() => govkg.nodes.getIds()")
        for node in ids:  # open every node's and edge's details, hover every node
            visit.js(
                "(id) => govkg.network.body.emitter.emit('click', {nodes: [id], edges: []})", node
            )
            where = visit.js("(id) => govkg.network.getPositions([id])[id]", node)
            visit.hover_canvas(where["x"], where["y"])
        for edge in visit.js("() => govkg.edges.getIds()"):
            visit.js(
                "(id) => govkg.network.body.emitter.emit('click', {nodes: [], edges: [id]})", edge
            )
        for query in ("script", "img", "<"):
            visit.js("(q) => govkg.search(q)", query)
        visit.page.wait_for_timeout(300)
        assert visit.js("() => window.__xss === undefined")
        assert (
            visit.js("() => document.querySelectorAll('img, iframe, a[href^=javascript]').length")
            == 0
        )
        assert visit.js("() => document.scripts.length") == 3
        assert "<script>" in visit.page.inner_text("body")  # shown as text in the panel
        assert visit.errors == []
        assert visit.requests == [xss_pages[number].as_uri()]
    finally:
        visit.page.close()


def test_chromium_is_debians(browser) -> None:
    assert shutil.which("chromium") or CHROMIUM.exists()
    assert browser.version
