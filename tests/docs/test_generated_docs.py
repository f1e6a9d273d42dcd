"""The generated docs are up to date, complete and safe to open offline."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from govkg_tools.docs.cli_reference import commands, undocumented
from govkg_tools.docs.generate import REGENERATE, documents, write_documents

ROOT = Path(__file__).resolve().parents[2]
GENERATED = documents()


@pytest.mark.parametrize("path", sorted(GENERATED))
def test_committed_file_matches_a_fresh_generation(path: str, tmp_path: Path) -> None:
    write_documents(tmp_path)
    fresh = (tmp_path / path).read_bytes()
    committed = ROOT / path
    assert committed.is_file(), f"{path} is missing: {REGENERATE}"
    assert committed.read_bytes() == fresh, f"{path} is out of date: {REGENERATE}"


def test_generation_is_deterministic(tmp_path: Path) -> None:
    assert documents() == GENERATED
    assert write_documents(tmp_path) == sorted(GENERATED)
    assert write_documents(tmp_path) == []


def test_every_command_and_option_has_help() -> None:
    assert undocumented() == [], "add a docstring or help= to each, then " + REGENERATE


def test_cli_reference_lists_every_command() -> None:
    text = GENERATED["docs/cli.md"]
    for path, _ in commands():
        assert f"## {path}\n" in text
    for name in ("build", "validate", "export", "query", "queries", "synth", "serve", "push"):
        assert f"## govkg {name}\n" in text


def test_queries_doc_lists_every_canned_query() -> None:
    text = GENERATED["docs/queries.md"]
    for path in sorted((ROOT / "queries").glob("*.rq")):
        assert f"## {path.stem}\n" in text


def test_ontology_page_is_self_contained_and_escaped() -> None:
    page = GENERATED["docs/ontology/index.html"]
    assert "<script" not in page
    assert not re.search(r'(src|href)="(?!https?://|#)', page), "only web links and anchors"
    assert "&#34;36.04&#34;" in page or "&quot;36.04&quot;" in page  # comments escaped
    for anchor in ("Agreement", "party", "CooperationFields", "Roles"):
        assert f'id="{anchor}"' in page


def test_ontology_reference_shows_alignments_and_header() -> None:
    text = GENERATED["docs/ontology/index.md"]
    for expected in (
        "https://w3id.org/govkg/ontology/0.1.0",
        "https://spdx.org/licenses/MIT",
        "| [`govkg:GovernmentOrganization`](#GovernmentOrganization) | subclass of | "
        "[`cv:PublicOrganisation`]",
        "[`org:FormalOrganization`]",
        "[`schema:CollegeOrUniversity`]",
        "[`prov:Entity`]",
        "[`skos:altLabel`]",
        "### OWL-Time",
    ):
        assert expected in text, expected


@pytest.mark.parametrize("name", ["core.svg", "classes.svg"])
def test_diagrams_are_well_formed_svg(name: str) -> None:
    from xml.etree import ElementTree

    root = ElementTree.fromstring(GENERATED[f"docs/ontology/{name}"])
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert len(root.findall(".//{http://www.w3.org/2000/svg}rect")) > 10
