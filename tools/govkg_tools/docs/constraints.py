"""The SHACL shapes as a table a researcher reads: what each kind of node must have, and why.

>>> from govkg_tools.docs.sources import shapes_graph
>>> groups = shape_groups(shapes_graph())
>>> agreement = next(g for g in groups if g.name == "AgreementShape")
>>> agreement.targets, agreement.checks[0].name
(['govkg:Agreement'], 'AgreementDocumentNumberShape')
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from govkg.namespaces import SH
from govkg_tools.docs.terms import curie

TARGETS = {
    SH.targetClass: "{}",
    SH.targetSubjectsOf: "subjects of {}",
    SH.targetObjectsOf: "objects of {}",
    SH.targetNode: "{}",
}


@dataclass(frozen=True)
class Check:
    """One checking shape: its name, path, severity and English message."""

    name: str
    path: str
    severity: str
    message: str


@dataclass(frozen=True)
class ShapeGroup:
    """A targeted node shape with the checks it runs (its own and its property shapes')."""

    name: str
    targets: list[str]
    comment: str
    checks: list[Check]


def shape_groups(shapes: Graph) -> list[ShapeGroup]:
    """Every shape with a target, by name, with its checks."""
    groups = []
    targeted = (s for s in _named(shapes) if any(shapes.value(s, p) for p in TARGETS))
    for shape in sorted(targeted):
        parts = [shape, *sorted(p for p in shapes.objects(shape, SH.property) if _is_named(p))]
        checks = [c for part in parts if (c := _check(shapes, part)) is not None]
        groups.append(
            ShapeGroup(_local(shape), _targets(shapes, shape), _comment(shapes, shape), checks)
        )
    return groups


def _named(shapes: Graph) -> set[URIRef]:
    kinds = (SH.NodeShape, SH.PropertyShape)
    return {s for kind in kinds for s in shapes.subjects(RDF.type, kind) if _is_named(s)}


def _is_named(node) -> bool:
    return isinstance(node, URIRef)


def _local(node: URIRef) -> str:
    return str(node).rsplit("#", 1)[-1]


def _targets(shapes: Graph, shape: URIRef) -> list[str]:
    return sorted(
        template.format(curie(str(obj)))
        for predicate, template in TARGETS.items()
        for obj in shapes.objects(shape, predicate)
    )


def _comment(shapes: Graph, shape: URIRef) -> str:
    return str(shapes.value(shape, RDFS.comment) or "")


def _check(shapes: Graph, shape: URIRef) -> Check | None:
    messages = [m for m in shapes.objects(shape, SH.message) if isinstance(m, Literal)]
    for constraint in shapes.objects(shape, SH.sparql):
        messages += [m for m in shapes.objects(constraint, SH.message) if isinstance(m, Literal)]
    if not messages:
        return None
    path = shapes.value(shape, SH.path)
    severity = shapes.value(shape, SH.severity)
    return Check(
        _local(shape),
        curie(str(path)) if isinstance(path, URIRef) else "",
        _local(severity) if isinstance(severity, URIRef) else "Violation",
        str(sorted(messages)[0]),
    )
