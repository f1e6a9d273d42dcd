"""Entity pages in headless Chromium (Debian's, offline): a body page and an agreement page of
the static site render from file:// with no request leaving the folder and a clean console;
the offline search finds LAN; the served page renders and the UI links IRIs to pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from govkg.site.write import write_site
from govkg_tools.browser import CHROMIUM, launch_chromium

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="needs Debian's chromium at /usr/bin/chromium (apt-get install chromium)",
)


@pytest.fixture(scope="module")
def site(seed_out, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("browser-site") / "site"
    write_site(seed_out, folder)
    return folder


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = launch_chromium(pw)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    tab = context.new_page()
    tab.seen = {"requests": [], "errors": []}
    tab.on("request", lambda r: tab.seen["requests"].append(r.url))
    tab.on("console", lambda m: tab.seen["errors"].append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: tab.seen["errors"].append(str(e)))
    yield tab
    context.close()


def offline(tab, folder: Path) -> None:
    inside = folder.resolve().as_uri()
    assert all(url.startswith(inside) for url in tab.seen["requests"]), tab.seen["requests"]
    assert tab.seen["errors"] == []


def test_body_page_renders_offline(page, site):
    page.goto((site / "id" / "org" / "lan.html").as_uri())
    assert page.text_content("h1") == "Lembaga Administrasi Negara"
    rows = page.eval_on_selector_all("#agreements tbody tr", "trs => trs.length")
    assert rows == 4
    drawn = page.eval_on_selector_all("figure.ego svg a", "as => as.length")
    assert drawn == 4  # the ego network: a link per partner (LAN itself is this page)
    officials = page.text_content("#officials tbody")
    assert "Adi Suryanto" in officials
    color = page.eval_on_selector("header", "h => getComputedStyle(h).borderBottomStyle")
    assert color == "solid"  # the style sheet loaded under the page's own policy
    page.click("#agreements tbody tr:last-child td:nth-child(2) a")
    assert page.url.endswith("/id/agreement/2019-02-01-mou-lan-lipi.html")
    offline(page, site)


def test_agreement_page_renders_offline(page, site):
    page.goto((site / "id" / "agreement" / "2019-02-01-mou-lan-lipi.html").as_uri())
    assert page.text_content("h1") == "Nota Kesepahaman LAN–LIPI, 2019-02-01"
    signatories = page.text_content("#signatories tbody")
    assert "Adi Suryanto" in signatories and "Kepala Lembaga Administrasi Negara" in signatories
    assert "day" in page.text_content("#about tbody")  # the date's precision
    offline(page, site)


def test_offline_search_finds_a_body(page, site):
    page.goto((site / "index.html").as_uri())
    page.fill("#search", "administrasi negara")
    page.wait_for_selector("#hits li")
    hits = page.eval_on_selector_all("#hits a", "as => as.map(a => a.textContent)")
    assert "Lembaga Administrasi Negara" in hits
    page.click("#hits a >> text=Lembaga Administrasi Negara")
    assert page.url.endswith("/id/org/lan.html")
    offline(page, site)


def test_served_page_renders_and_ui_links_iris(page, seed_out):
    from govkg.server.policy import Limits
    from govkg.server.runner import Server

    limits = Limits(workers=2, timeout=5.0, memory_mb=1024, queue_wait=10.0)
    with Server([seed_out], port=0, limits=limits) as server:
        page.goto(server.url + "id/org/lan")
        assert page.url.endswith("/id/org/lan.html")
        assert page.text_content("h1") == "Lembaga Administrasi Negara"
        page.goto(server.url)
        page.fill(
            "#query", "SELECT ?b WHERE { ?b <https://w3id.org/govkg/ontology#acronym> 'LAN' }"
        )
        page.click("#run")
        page.wait_for_selector("#results tbody a")
        assert page.get_attribute("#results tbody a", "href") == "/id/org/lan"
        assert all(url.startswith(server.url) for url in page.seen["requests"])
        assert page.seen["errors"] == []
