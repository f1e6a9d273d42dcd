"""``govkg site``: every entity's page and files, an index, search, VoID; every internal link
of the seed site resolves; the same build gives the same bytes; written atomically."""

from __future__ import annotations

import hashlib
import json
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import DCAT, RDF, VOID

from govkg.errors import GovkgError
from govkg.site.write import write_site

LAN = "https://w3id.org/govkg/id/org/lan"


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value is not None:
                self.urls.append(value)


@pytest.fixture(scope="module")
def site(seed_out, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("site") / "site"
    report = write_site(seed_out, folder)
    assert report.entities > 20 and report.pages >= report.entities
    return folder


def digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_every_internal_link_resolves(site):
    pages = sorted(site.rglob("*.html"))
    checked = 0
    for page in pages:
        parser = Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for url in parser.urls:
            if urlsplit(url).scheme:  # web addresses (ontology terms, sources) are not ours
                assert urlsplit(url).scheme in ("http", "https"), (page, url)
                continue
            target = (page.parent / urldefrag(url).url).resolve()
            assert target.is_file(), f"{page.relative_to(site)} links to missing {url}"
            assert site.resolve() in target.parents
            checked += 1
    assert checked > 1000


def test_each_entity_has_page_turtle_and_jsonld(site):
    base = site / "id" / "org" / "lan"
    turtle = Graph().parse(base.with_suffix(".ttl"), format="turtle")
    jsonld = Graph().parse(base.with_suffix(".jsonld"), format="json-ld")
    assert len(turtle) == len(jsonld) > 10
    assert (URIRef(LAN), RDF.type, None) in turtle
    assert "Lembaga Administrasi Negara" in base.with_suffix(".html").read_text()


def test_index_search_and_dataset_description(site):
    script = (site / "search-index.js").read_text()
    entries = json.loads(script.removeprefix("window.GOVKG_SEARCH = ").removesuffix(";\n"))
    assert ["Lembaga Administrasi Negara", "id/org/lan", "org"] in entries
    assert "innerHTML" not in (site / "static" / "search.js").read_text()
    void = Graph().parse(site / "data" / "void.ttl", format="turtle")
    assert (None, RDF.type, DCAT.Dataset) in void and (None, VOID.triples, None) in void
    assert (site / "data" / "govkg.ttl").is_file()
    rules = (site / "w3id.htaccess").read_text()
    assert "R=303" in rules and "text/turtle" in rules and "Vary Accept" in rules


def test_same_build_same_bytes(seed_out, site, tmp_path):
    again = tmp_path / "again"
    write_site(seed_out, again)
    assert digest(again) == digest(site)


def test_rewriting_replaces_the_old_site_and_leaves_no_staging(seed_out, tmp_path):
    folder = tmp_path / "site"
    write_site(seed_out, folder)
    (folder / "id" / "org" / "stale.html").write_text("old")
    write_site(seed_out, folder)
    assert not (folder / "id" / "org" / "stale.html").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_no_build_is_refused(tmp_path):
    with pytest.raises(GovkgError, match="no built store"):
        write_site(tmp_path, tmp_path / "site")


def test_command_writes_the_site_and_says_how_fast(seed_out, tmp_path):
    from click.testing import CliRunner

    from govkg.cli import main

    result = CliRunner().invoke(main, ["site", "-o", str(tmp_path / "s"), "--data", str(seed_out)])
    assert result.exit_code == 0, result.output
    assert "pages/s" in result.output and (tmp_path / "s" / "id" / "org" / "lan.html").is_file()
    missing = CliRunner().invoke(main, ["site", "-o", str(tmp_path / "t"), "--data", str(tmp_path)])
    assert missing.exit_code == 2 and "govkg build" in missing.output
