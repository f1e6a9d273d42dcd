"""The UI's pages, rendered from fixed facts, equal golden files (``--update-golden`` rewrites
them); values with markup and quotes are text on the page, never markup."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from govkg import __version__
from govkg.server import ui

GOLDEN = Path(__file__).parents[1] / "data" / "golden" / "ui"
QUERIES = Path(__file__).parents[2] / "queries" / "ui"
SOURCE = "https://w3id.org/govkg/graph/source/"
ABOUT = {
    "data": ["govkg.trig", "out & more"],
    "counts": {"agreements": 3, "organizations": 5, "people": 2, "sources": 4},
    "graphs": [
        {"graph": "https://w3id.org/govkg/graph/ontology", "triples": 120},
        {"graph": "https://w3id.org/govkg/graph/reference", "triples": 40},
        {"graph": SOURCE + "a", "triples": 7},
        {"graph": SOURCE + "b", "triples": 9},
    ],
    "triples": 176,
    "sources": [
        {"source": "urn:src:1", "published": "2019-02-01", "publisher": "Antara <b>", "url": ""},
        {"source": "urn:src:2", "url": "https://example.org/a?x=1&y=2"},
        {"source": "urn:src:3", "publisher": "Kompas", "url": "javascript:alert(1)"},
    ],
    "unavailable": [],
}
PAGES = {
    "index": lambda: ui.index_page(),
    "about": lambda: ui.about_page(ABOUT),
    "about-busy": lambda: ui.about_page({"data": [], "unavailable": ["graphs", "sources"]}),
    "network-missing": lambda: ui.network_response([]).body,
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_pages_equal_their_golden_files(name, update_golden):
    page = PAGES[name]().decode("utf-8").replace(f"govkg {__version__} ·", "govkg VERSION ·")
    path = GOLDEN / f"{name}.html"
    if update_golden:
        path.write_text(page, encoding="utf-8")
    assert page == path.read_text(encoding="utf-8")


class Text(HTMLParser):
    """The text of a page, and the tags and attributes it has."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data) -> None:
        self.text.append(data)


def test_quotes_and_markup_in_the_data_are_text():
    evil = "\"'><script>alert(1)</script>&amp;"
    page = ui.about_page(
        {
            "data": [evil],
            "counts": {evil: 1},
            "graphs": [{"graph": evil, "triples": 1}],
            "sources": [{"source": evil, "published": evil, "publisher": evil, "url": evil}],
            "unavailable": [evil],
        }
    )
    parsed = Text()
    parsed.feed(page.decode("utf-8"))
    assert "script" not in [tag for tag, _ in parsed.tags]
    assert all(evil not in str(attrs) for _, attrs in parsed.tags)
    text = "".join(parsed.text)
    assert text.count(evil) == 8  # busy note, data, count, graph, source, date, publisher, url


def test_the_about_page_counts_the_seed(client):
    about = json.loads(client.get("/api/about").body)
    assert about["unavailable"] == []
    assert about["counts"]["agreements"] == 4 and about["counts"]["sources"] >= 1
    assert "https://w3id.org/govkg/graph/reference" in {g["graph"] for g in about["graphs"]}
    assert about["sources"] and all("source" in s for s in about["sources"])


def test_examples_are_the_ui_queries_and_run(client):
    listed = json.loads(client.get("/api/queries").body)
    examples = [q for q in listed if not q["canned"]]
    assert [q["name"] for q in examples] == [f"example-{n}" for n in ui.EXAMPLES]
    for query in examples:
        path = QUERIES / f"{query['name'].removeprefix('example-')}.rq"
        assert query["text"] == path.read_text(encoding="utf-8")
        answer = client.get("/sparql", {"query": query["text"]})
        assert answer.status == 200 and answer.body, query["name"]
