"""SHACL shapes: valid examples conform, each invalid example fails on the shape it names."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pyshacl
import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH

from govkg.resources import ontology_dir

EXAMPLES = ontology_dir() / "examples"
VALID = sorted((EXAMPLES / "valid").glob("*.ttl"))
INVALID = sorted((EXAMPLES / "invalid").glob("*.ttl"))
REFERENCE = EXAMPLES / "valid" / "reference.ttl"
SHAPES_NS = "https://w3id.org/govkg/shapes#"


def expected_shapes(path: Path) -> set[str]:
    """The shape names an invalid example's first line says it must fail on."""
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# Must fail on: "), f"{path.name}: first line must name the shapes"
    return set(re.findall(r"govkg-shapes:(\w+)", first))


def result_shapes(report: Graph) -> dict[str, list[str]]:
    """Top-level results of a SHACL report: source shape name → messages."""
    found: dict[str, list[str]] = {}
    for result in report.objects(None, SH.result):
        shape = str(report.value(result, SH.sourceShape)).removeprefix(SHAPES_NS)
        messages = [str(m) for m in report.objects(result, SH.resultMessage)]
        found.setdefault(shape, []).extend(messages)
    return found


def named_shapes(shapes: Graph) -> set[URIRef]:
    kinds = (SH.NodeShape, SH.PropertyShape)
    return {s for kind in kinds for s in shapes.subjects(RDF.type, kind) if isinstance(s, URIRef)}


def checking_shapes(shapes: Graph) -> set[URIRef]:
    """Named shapes that produce results themselves (not those that only group or are nested)."""
    checks = (SH.path, SH.sparql, SH["or"])
    return {s for s in named_shapes(shapes) if any(shapes.value(s, p) is not None for p in checks)}


def messages(shapes: Graph, shape: URIRef) -> list[Literal]:
    found = list(shapes.objects(shape, SH.message))
    for constraint in shapes.objects(shape, SH.sparql):
        found += list(shapes.objects(constraint, SH.message))
    return found


# ── the shapes file ─────────────────────────────────────────────────────────────────────────────


def test_shapes_have_readable_names(shapes_graph: Graph) -> None:
    for shape in named_shapes(shapes_graph):
        assert str(shape).startswith(SHAPES_NS) and str(shape).endswith("Shape"), shape


def test_every_checking_shape_has_an_english_message_and_a_severity(shapes_graph: Graph) -> None:
    for shape in checking_shapes(shapes_graph):
        assert [m.language for m in messages(shapes_graph, shape)] == ["en"], shape
        assert shapes_graph.value(shape, SH.severity) in {SH.Violation, SH.Warning, SH.Info}, shape


def test_every_checking_shape_has_an_invalid_example(shapes_graph: Graph) -> None:
    named = {name for path in INVALID for name in expected_shapes(path)}
    have = {str(s).removeprefix(SHAPES_NS) for s in checking_shapes(shapes_graph)}
    assert have - named == set()
    assert named - have == set()


def test_shape_graph_is_well_formed(shapes_graph: Graph) -> None:
    """The shapes graph itself conforms to the SHACL-SHACL meta-shapes."""
    conforms, _, text = pyshacl.validate(shapes_graph, meta_shacl=True, shacl_graph=Graph())
    assert conforms, text


# ── examples ────────────────────────────────────────────────────────────────────────────────────

Shacl = Callable[[Graph], tuple[bool, Graph, str]]


def test_valid_examples_conform(with_ontology: Callable[..., Graph], shacl: Shacl) -> None:
    conforms, _, text = shacl(with_ontology(*VALID))
    assert conforms, text


def test_valid_examples_conform_after_rule_and_owl_rl(
    with_ontology: Callable[..., Graph], shapes_graph: Graph, run_rule, owl_rl
) -> None:
    """The build's way: ontology + data + rule + OWL RL closure, then SHACL without inference."""
    data = with_ontology(*VALID)
    run_rule(data)
    assert owl_rl(data) == []
    conforms, _, text = pyshacl.validate(data, shacl_graph=shapes_graph, inference="none")
    assert conforms, text


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_invalid_example_fails_on_the_shape_it_names(
    with_ontology: Callable[..., Graph], shacl: Shacl, path: Path
) -> None:
    conforms, report, text = shacl(with_ontology(REFERENCE, path))
    assert not conforms
    found = result_shapes(report)
    assert set(found) == expected_shapes(path), text
    for shape, texts in found.items():
        assert texts and all(t.strip() for t in texts), f"{shape} gave no message"


@pytest.mark.parametrize(
    "name",
    [
        "signature-for-non-party",
        "region-code-as-decimal",
        "party-is-a-person",
        "pks-implements-later-mou",
    ],
)
def test_invalid_example_fails_the_same_way_after_owl_rl(
    with_ontology: Callable[..., Graph], shapes_graph: Graph, run_rule, owl_rl, name: str
) -> None:
    path = EXAMPLES / "invalid" / f"{name}.ttl"
    data = with_ontology(REFERENCE, path)
    run_rule(data)
    owl_rl(data)
    conforms, report, _ = pyshacl.validate(data, shacl_graph=shapes_graph, inference="none")
    assert not conforms
    assert set(result_shapes(report)) == expected_shapes(path)


def test_messages_name_the_offending_nodes(
    with_ontology: Callable[..., Graph], shacl: Shacl
) -> None:
    _, report, _ = shacl(
        with_ontology(REFERENCE, EXAMPLES / "invalid" / "signature-for-non-party.ttl")
    )
    (message,) = result_shapes(report)["SignatureForPartyShape"]
    assert "org/kota-36-73" in message and "not a party" in message


def test_invalid_examples_have_no_blank_subjects() -> None:
    for path in INVALID:
        graph = Graph().parse(path, format="turtle")
        assert not any(isinstance(s, BNode) for s in graph.subjects()), path.name
