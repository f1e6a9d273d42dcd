"""The static site's pages come from rows read once per kind (:mod:`govkg.site.prefetch`);
they must be the very pages the per-entity queries give (``govkg serve``'s), byte for byte,
on the seed and on the corpus, on every page of a long one."""

from __future__ import annotations

import pytest

from govkg.engines import open_engine
from govkg.site.describe import describe
from govkg.site.links import Links, entity_path
from govkg.site.pages import entity_page
from govkg.site.prefetch import prefetch, shared_tables
from govkg.site.queries import rows
from govkg.site.render import render_page

LAN = "https://w3id.org/govkg/id/org/lan"


def documents(source, iri: str, known: set[str], page: int = 1) -> tuple[bytes, bytes, int]:
    """The HTML page, the Turtle description and the page count of ``iri`` from ``source``."""
    about = describe(source, iri, page)
    shown = entity_page(source, iri, Links("../../", known), page, about)
    return render_page(shown, "../../", served=False), about.serialize("turtle"), shown.pages


def compare(out, every: int = 1) -> int:
    """Compare every ``every``-th entity's pages both ways; how many were compared."""
    engine = open_engine([out])
    select = engine.select
    iris = [str(r["entity"]) for r in rows(select, "entities", {}) if entity_path(str(r["entity"]))]
    known, shared = set(iris), shared_tables(select)
    by_segment: dict[str, list[str]] = {}
    for iri in iris[::every]:
        by_segment.setdefault(entity_path(iri).split("/")[1], []).append(iri)
    compared = 0
    for segment, chosen in sorted(by_segment.items()):
        tables = prefetch(engine, segment, [i for i in iris if f"/id/{segment}/" in i], shared)
        for iri in chosen:
            page, pages = 1, 1
            while page <= pages:
                live = documents(select, iri, known, page)
                assert documents(tables, iri, known, page) == live, (iri, page)
                pages, page, compared = live[2], page + 1, compared + 1
    return compared


def test_prefetched_pages_are_the_per_entity_pages_on_the_seed(seed_out):
    assert compare(seed_out) > 200


def test_prefetched_pages_are_the_per_entity_pages_on_every_page(seed_out, monkeypatch):
    monkeypatch.setattr("govkg.site.tables.PAGE_SIZE", 3)  # LAN's tables take several pages
    assert compare(seed_out) > 250


@pytest.mark.slow
def test_prefetched_pages_are_the_per_entity_pages_on_the_corpus(corpus_out):
    assert compare(corpus_out, every=7) > 300
