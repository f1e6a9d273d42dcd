"""The UI in headless Chromium (Debian's, see docs/serve.md): pick a canned query, run it, see
the rows; parameters as form fields; data shown as text, never as markup; nothing leaves
the machine and the console stays clean."""

from __future__ import annotations

import pytest

from govkg_tools.browser import CHROMIUM, launch_chromium

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="needs Debian's chromium at /usr/bin/chromium (apt-get install chromium)",
)


@pytest.fixture(scope="module")
def browser_page(seed_server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = launch_chromium(pw)
        page = browser.new_page()
        seen = {"requests": [], "errors": []}
        page.on("request", lambda r: seen["requests"].append(r.url))
        page.on("console", lambda m: seen["errors"].append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: seen["errors"].append(str(e)))
        yield page, seen
        browser.close()


def rows(page) -> list[list[str]]:
    return page.eval_on_selector_all(
        "#results tbody tr", "trs => trs.map(tr => [...tr.cells].map(td => td.textContent))"
    )


def open_ui(page, server) -> None:
    """Open the UI unless the page is on it already (a test may run first, or alone)."""
    if page.url != server.url:
        page.goto(server.url)
        page.wait_for_selector("#examples option[value=agreements]", state="attached")


def run(page) -> None:
    """Click Run and wait for the page to finish (no eval: the CSP forbids it, rightly)."""
    done = int(page.get_attribute("#results", "data-run") or 0) + 1
    page.click("#run")
    page.wait_for_selector(f'#results[data-run="{done}"]', state="attached")


def run_and_wait(page, count: int) -> None:
    run(page)
    assert len(rows(page)) == count, page.text_content("#status")


def test_canned_query_runs_and_shows_the_rows(browser_page, seed_server):
    page, _ = browser_page
    page.goto(seed_server.url)
    page.wait_for_selector("#examples option[value=agreements]", state="attached")
    page.select_option("#examples", "agreements")
    assert "GROUP_CONCAT" in page.input_value("#query")
    run_and_wait(page, 4)
    headers = page.eval_on_selector_all("#results thead th", "ths => ths.map(t => t.textContent)")
    assert headers == ["agreement", "kind", "signedOn", "parties", "fields"]
    assert all(r[0].startswith("https://w3id.org/govkg/id/agreement/") for r in rows(page))
    assert page.text_content("#status").startswith("4 row(s)")
    assert not page.is_hidden("#download-csv") and page.is_hidden("#download-turtle")


def test_parameters_are_form_fields_and_downloads_work(browser_page, seed_server):
    page, _ = browser_page
    open_ui(page, seed_server)
    page.select_option("#examples", "partners")
    page.fill("#param-agency", "LAN")
    run_and_wait(page, 4)
    assert {r[2] for r in rows(page)} >= {"BPOM", "LIPI"}
    href = page.get_attribute("#download-csv", "href")
    assert href.startswith("/api/queries/partners?") and "agency=LAN" in href
    csv = page.request.get(seed_server.url.rstrip("/") + href)
    assert csv.ok and csv.text().startswith("partner,label,acronym")


def test_own_query_construct_and_errors(browser_page, seed_server):
    page, _ = browser_page
    open_ui(page, seed_server)
    page.select_option("#examples", "")
    page.fill(
        "#query",
        "PREFIX govkg: <https://w3id.org/govkg/ontology#>\n"
        "CONSTRUCT { ?a govkg:party ?p } WHERE { ?a a govkg:Agreement ; govkg:party ?p }",
    )
    run_and_wait(page, 8)
    assert not page.is_hidden("#download-turtle")
    page.fill("#query", "SELECT * WHERE { SERVICE <http://example.org/> { ?s ?p ?o } }")
    run(page)
    assert page.get_attribute("#status", "class") == "error"
    assert "SERVICE is refused" in page.text_content("#status")


def test_markup_in_data_is_shown_as_text(browser_page, seed_server):
    page, _ = browser_page
    open_ui(page, seed_server)
    page.fill("#query", "SELECT ?x WHERE { BIND('<img src=x onerror=\"window.pwned=1\">' AS ?x) }")
    run_and_wait(page, 1)
    assert rows(page) == [['<img src=x onerror="window.pwned=1">']]
    assert page.query_selector("#results img") is None
    assert page.evaluate("window.pwned") is None


def test_about_and_network_pages_open(browser_page, seed_server, seed_out):
    page, _ = browser_page
    page.goto(seed_server.url + "about")
    assert "About this graph" in page.text_content("h1")
    assert "agreements" in page.text_content("table.facts")
    page.goto(seed_server.url + "network")
    if (seed_out / "network.html").is_file():  # the build's page, drawn under the sandbox CSP
        page.wait_for_selector("canvas", timeout=15_000)
    else:
        assert "No network page" in page.text_content("main")


def test_nothing_left_the_machine_and_the_console_is_clean(browser_page, seed_server):
    _, seen = browser_page
    assert seen["requests"]
    assert all(url.startswith(seed_server.url) for url in seen["requests"]), seen["requests"]
    refused = "the server responded with a status of 403"  # the SERVICE query, on purpose
    assert [e for e in seen["errors"] if refused not in e] == []
