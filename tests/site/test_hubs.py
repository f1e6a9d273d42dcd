"""A hub's pages read by their items through the hub index (:mod:`govkg.site.hubs`) must be the
very pages the paged queries give, byte for byte, on every page of every indexed body: the HTML
page, the Turtle and the JSON-LD description."""

from __future__ import annotations

import pytest

from govkg.engines import open_engine
from govkg.site.describe import describe
from govkg.site.hubs import Indexed, build_index
from govkg.site.links import Links
from govkg.site.pages import entity_page
from govkg.site.queries import with_values
from govkg.site.render import render_page


def documents(source, iri: str, page: int) -> tuple[bytes, bytes, bytes, int]:
    about = describe(source, iri, page)
    shown = entity_page(source, iri, Links("/"), page, about)
    pages = render_page(shown, "/") if page <= shown.pages else b""
    return pages, about.serialize("turtle"), about.serialize("jsonld"), shown.pages


def compare(out, more_than: int | None) -> int:
    """Compare every page of every hub both ways; how many pages were compared."""
    select = open_engine([out]).select
    index = build_index(select, more_than=more_than)
    indexed = Indexed(select, index)
    compared = 0
    for iri in sorted(index.hubs):
        page, pages = 1, 1
        while page <= pages:
            live = documents(select, iri, page)
            assert documents(indexed, iri, page) == live, (iri, page)
            pages, page, compared = live[3], page + 1, compared + 1
    return compared


def test_every_body_indexed_gives_the_same_pages_on_the_seed(seed_out):
    assert compare(seed_out, more_than=0) >= 5


def test_hub_pages_are_the_same_on_every_page(seed_out, monkeypatch):
    monkeypatch.setattr("govkg.site.tables.PAGE_SIZE", 2)  # the seed's hubs take several pages
    assert compare(seed_out, more_than=0) > 5


def test_only_bodies_over_one_page_are_hubs(seed_out, monkeypatch):
    monkeypatch.setattr("govkg.site.tables.PAGE_SIZE", 2)
    index = build_index(open_engine([seed_out]).select)
    assert "https://w3id.org/govkg/id/org/lan" in index.hubs
    assert all(len(hub.agreements) > 2 for hub in index.hubs.values())


def test_a_page_past_the_last_has_no_rows(seed_out):
    select = open_engine([seed_out]).select
    indexed = Indexed(select, build_index(select, more_than=0))
    lan = {"agency": "https://w3id.org/govkg/id/org/lan"}
    assert indexed.rows("body-agreements", lan, 99) == []


def test_values_are_checked_terms():
    from rdflib import BNode, Literal, URIRef

    from govkg.errors import GovkgError

    text = "SELECT * WHERE {\n#values ?s ?o\n?s ?p ?o }"
    block = with_values(text, [[URIRef("urn:a"), Literal('x"} ; DROP', lang="id")]])
    assert block.splitlines()[1] == 'VALUES (?s ?o) { (<urn:a> "x\\"} ; DROP"@id) }'
    with pytest.raises(GovkgError):
        with_values(text, [[URIRef("urn:a> } <urn:b"), Literal("x")]])
    with pytest.raises(GovkgError):
        with_values(text, [[BNode(), Literal("x")]])


@pytest.mark.slow
def test_hub_pages_are_the_same_on_the_corpus(corpus_out, monkeypatch):
    monkeypatch.setattr("govkg.site.tables.PAGE_SIZE", 3)  # hubs: bodies over 3 agreements
    assert compare(corpus_out, more_than=None) > 20


def test_served_hub_pages_are_the_pages_read_without_the_index(seed_out, monkeypatch):
    """``govkg serve`` fills the index at start and answers a hub's pages from it, through
    the worker pool (its ``values`` verb): the same bytes as the pages read in process."""
    import urllib.request

    from govkg.server.policy import Limits
    from govkg.server.runner import Server

    monkeypatch.setattr("govkg.site.tables.PAGE_SIZE", 2)
    select = open_engine([seed_out]).select
    lan = "https://w3id.org/govkg/id/org/lan"
    limits = Limits(workers=2, timeout=10.0, memory_mb=1024, queue_wait=10.0)
    with Server([seed_out], port=0, limits=limits) as server:
        assert server.hubs_done.wait(60)
        assert lan in server.app.hubs.hubs
        for page in (1, 2, 3):
            html, turtle, _, pages = documents(select, lan, page)
            suffix = f".{page}" if page > 1 else ""
            for ext, expected in (("html", html), ("ttl", turtle)):
                url = f"{server.url}id/org/lan{suffix}.{ext}"
                with urllib.request.urlopen(url, timeout=30) as response:
                    assert response.read() == expected, (page, ext)
        assert pages >= 3
