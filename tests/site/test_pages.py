"""Entity pages: what a body and an agreement page show, every label escaped, every value a
link to its own page, no link to anything but our pages, web addresses and own assets."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pyoxigraph as ox
import pytest

from govkg.engines import OxigraphEngine, open_engine, with_union
from govkg.site.links import Links
from govkg.site.pages import entity_page
from govkg.site.queries import rows
from govkg.site.render import render_page
from govkg.site.tables import PAGE_SIZE

ID = "https://w3id.org/govkg/id/"
LAN = ID + "org/lan"
MOU = ID + "agreement/2019-02-01-mou-lan-lipi"


class Tags(HTMLParser):
    """Every tag with its attributes, and the text, of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def parse(html: bytes) -> Tags:
    tags = Tags()
    tags.feed(html.decode("utf-8"))
    return tags


@pytest.fixture(scope="module")
def select(seed_out):
    return open_engine([seed_out]).select


def section(page, title):
    return next(s for s in page.sections if s.title == title)


def texts(table):
    return [[" | ".join(c.text for c in cell) for cell in row] for row in table.rows]


def test_body_page_has_agreements_partners_officials(select):
    page = entity_page(select, LAN, Links("/"))
    assert page.title == "Lembaga Administrasi Negara"
    assert {"LAN", "National Institute of Public Administration"} <= {c.text for c in page.names}
    agreements = texts(section(page, "Agreements"))
    assert len(agreements) == 4
    assert all("Lembaga Administrasi Negara" not in row[3] for row in agreements)  # partners only
    partners = texts(section(page, "Partners"))
    assert {row[0] for row in partners} >= {"Lembaga Ilmu Pengetahuan Indonesia"}
    assert page.ego.nodes[0].cell.text == "Lembaga Administrasi Negara"
    assert len(page.ego.edges) == 4 and all(n.cell.href for n in page.ego.nodes[1:])
    officials = texts(section(page, "Officials"))
    assert officials == [["Adi Suryanto", "Kepala", "2019-02-01", "kontan-2019-02-01-lan-mou"]]


def test_agreement_page_has_signatories_with_posts_and_parties(select):
    page = entity_page(select, MOU, Links("/"))
    signatories = texts(section(page, "Signatories"))
    assert [
        "signatory",
        "Adi Suryanto",
        "Kepala Lembaga Administrasi Negara",
        "Lembaga Administrasi Negara",
    ] in signatories
    about = dict((row[0], row[1]) for row in texts(section(page, "About")))
    assert about["signed on"] == "2019-02-01"
    assert section(page, "About").rows[0][1][0].note == "day"  # the date's precision
    assert about["signed at"] == "Ruang Rapat Pimpinan, Kantor LAN Pusat"


def test_every_value_links_to_its_own_page(select):
    tags = parse(render_page(entity_page(select, MOU, Links("/")), "/"))
    hrefs = [a["href"] for tag, a in tags.tags if tag == "a"]
    assert "/id/org/lan.html" in hrefs and "/id/person/adi-suryanto.html" in hrefs
    assert "/id/field/iptek.html" in hrefs and "/id/source/kontan-2019-02-01-lan-mou.html" in hrefs


def hostile_store() -> OxigraphEngine:
    evil, graph = ox.NamedNode(ID + "org/evil"), ox.NamedNode("https://w3id.org/govkg/graph/x")
    skos = "http://www.w3.org/2004/02/skos/core#"
    store = ox.Store()
    for p, o in (
        (skos + "prefLabel", ox.Literal('<script>alert(1)</script>"', language="id")),
        (skos + "altLabel", ox.Literal("<img src=x onerror=alert(1)>")),
        ("http://www.w3.org/2000/01/rdf-schema#seeAlso", ox.NamedNode("javascript:alert(1)")),
        ("https://w3id.org/govkg/ontology#regionCode", ox.Literal("</td><td>")),
    ):
        store.add(ox.Quad(evil, ox.NamedNode(p), o, graph))
    return OxigraphEngine(store)


def test_hostile_labels_are_text_and_hostile_iris_are_not_links():
    html = render_page(entity_page(hostile_store().select, ID + "org/evil", Links("/")), "/")
    tags = parse(html)
    assert [t for t, _ in tags.tags].count("script") == 0
    assert not any(t == "img" for t, _ in tags.tags)
    assert not any("javascript:" in (a.get("href") or "") for _, a in tags.tags)
    assert any("<script>alert(1)</script>" in t for t in tags.text)
    assert b"&lt;/td&gt;&lt;td&gt;" in html


def test_pages_load_nothing_from_elsewhere_and_nothing_inline(select):
    html = render_page(entity_page(select, LAN, Links("/")), "/")
    tags = parse(html)
    for tag, attrs in tags.tags:
        assert not any(k.startswith("on") or k == "style" for k in attrs), (tag, attrs)
        if tag in ("link", "script", "img"):
            assert (attrs.get("href") or attrs.get("src") or "").startswith("/"), attrs
    assert b"<style" not in html and b"<script" not in html


def test_long_tables_are_paginated(select, monkeypatch):
    monkeypatch.setattr("govkg.site.tables.PAGE_SIZE", 3)
    first = entity_page(select, LAN, Links("/"))
    second = entity_page(select, LAN, Links("/"), page=2)
    totals = [s.total for s in first.sections]
    assert first.pages == max((total + 2) // 3 for total in totals) > 1
    assert len(section(first, "Statements").rows) == 3 < section(first, "Statements").total
    assert first.ego is not None and second.ego is None
    assert len(section(first, "Agreements").rows) == 3
    assert len(section(second, "Agreements").rows) == 1
    assert section(second, "Agreements").total == 4
    html = render_page(first, "/").decode()
    assert re.search(r'<a href="/id/org/lan\.2\.html">2</a>', html)
    assert PAGE_SIZE == 100


def test_person_page_has_signatures_and_tenures(select):
    page = entity_page(select, ID + "person/adi-suryanto", Links("/"))
    acts = texts(section(page, "Signed and witnessed"))
    assert len(acts) == 4 and {row[4] for row in acts} == {"Lembaga Administrasi Negara"}
    assert texts(section(page, "Tenures"))[0][:2] == ["Lembaga Administrasi Negara", "Kepala"]


@pytest.mark.parametrize("kind", ["source/kontan-2019-02-01-lan-mou", "field/iptek"])
def test_source_and_field_pages_show_what_points_at_them(select, kind):
    page = entity_page(select, ID + kind, Links("/"))
    assert any(
        MOU in (c.href or "") or "2019-02-01-mou-lan-lipi" in (c.href or "")
        for row in section(page, "Referred to by").rows
        for cell in row
        for c in cell
    )


def test_a_witness_has_no_party_and_does_not_match_every_label():
    """A witnessing has no party: the party's label must not be looked up unbound (that
    joined every label of the store, and hung on the corpus)."""
    g = ox.NamedNode("https://w3id.org/govkg/graph/x")
    gov, foaf = "https://w3id.org/govkg/ontology#", "http://xmlns.com/foaf/0.1/"
    skos = "http://www.w3.org/2004/02/skos/core#"
    deal, act, who = (
        ox.NamedNode(ID + p) for p in ("agreement/a", "agreement/a/witness/w", "person/w")
    )
    store = ox.Store()
    quads = [
        (deal, gov + "witness", act),
        (act, gov + "witnessedBy", who),
        (who, foaf + "name", ox.Literal("W")),
        *(
            (ox.NamedNode(ID + f"org/o{i}"), skos + "prefLabel", ox.Literal(f"O{i}", language="id"))
            for i in range(50)
        ),
    ]
    store.bulk_extend(with_union([ox.Quad(s, ox.NamedNode(p), o, g) for s, p, o in quads]))
    select = OxigraphEngine(store).select
    page = entity_page(select, ID + "agreement/a", Links("/"))
    assert texts(section(page, "Signatories")) == [["witness", "W", "", ""]]
    (row,) = rows(select, "agreement-signatures", {"agreement": ID + "agreement/a"})
    assert row["partyLabel"] is None and row["postLabel"] is None
