"""The ontology pitfall check: it finds what each planted bad graph names, and nothing in ours."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from govkg_tools.docs import pitfalls
from govkg_tools.docs.sources import ontology_graph, shapes_graph

PLANTED = sorted((Path(__file__).parent / "data" / "pitfalls").glob("*.ttl"))


def expected(path: Path) -> set[tuple[str, str]]:
    """The (code, term) pairs the file's first line says the check must find."""
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# Must find: "), f"{path.name}: first line must name the findings"
    items = first.removeprefix("# Must find: ").split(", ")
    return {tuple(item.split(" ", 1)) for item in items}


@pytest.mark.parametrize("path", PLANTED, ids=lambda p: p.stem)
def test_finds_the_planted_pitfall_and_nothing_else(path: Path) -> None:
    found = pitfalls(Graph().parse(path, format="turtle"))
    assert {(f.code, f.term) for f in found} == expected(path), "\n".join(map(str, found))
    assert all(f.message for f in found)


def test_the_real_ontology_has_no_pitfalls() -> None:
    found = pitfalls(ontology_graph(), shapes_graph())
    assert found == [], "\n".join(map(str, found))


def test_a_class_used_only_by_a_shape_is_connected() -> None:
    path = next(p for p in PLANTED if p.stem == "unconnected-class")
    shapes = Graph().parse(
        format="turtle",
        data="""@prefix sh: <http://www.w3.org/ns/shacl#> .
        <https://w3id.org/govkg/shapes#EvidenceShape> sh:targetClass
            <https://w3id.org/govkg/ontology#Evidence> .""",
    )
    assert pitfalls(Graph().parse(path, format="turtle"), shapes) == []


def test_findings_read_as_one_line_each() -> None:
    path = next(p for p in PLANTED if p.stem == "property-without-range")
    (finding,) = pitfalls(Graph().parse(path, format="turtle"))
    assert str(finding) == "P11 govkg:signedOn: no rdfs:range; declare one"
