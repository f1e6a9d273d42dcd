"""The concepts of a SKOS scheme in reading order: each top concept followed by its narrower ones.

>>> from govkg_tools.docs.sources import ontology_graph
>>> from govkg.namespaces import GOVKG
>>> fields = concepts(ontology_graph(), GOVKG.CooperationFields)
>>> first = fields[0]
>>> first.key, first.depth, first.label["en"]
('agraria-dan-tata-ruang', 0, 'Land and spatial planning')
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph, URIRef
from rdflib.namespace import SKOS

from govkg_tools.docs.terms import plain, texts


@dataclass(frozen=True)
class Concept:
    """One concept: its key (last IRI segment), depth in the hierarchy, labels and definition."""

    iri: str
    key: str
    depth: int
    label: dict[str, str]
    alt_labels: list[str]
    definition: str


def concepts(graph: Graph, scheme: URIRef) -> list[Concept]:
    """Every concept of ``scheme``: top concepts by key, each followed by its narrower ones."""
    members = {c for c in graph.subjects(SKOS.inScheme, scheme) if isinstance(c, URIRef)}
    tops = sorted(c for c in members if graph.value(c, SKOS.broader) is None)
    ordered: list[Concept] = []
    seen: set[URIRef] = set()

    def visit(node: URIRef, depth: int) -> None:
        if node in seen:
            return
        seen.add(node)
        ordered.append(_concept(graph, node, depth))
        narrower = set(graph.objects(node, SKOS.narrower)) | set(graph.subjects(SKOS.broader, node))
        for child in sorted(narrower & members):
            visit(child, depth + 1)

    for top in tops:
        visit(top, 0)
    return ordered


def _concept(graph: Graph, node: URIRef, depth: int) -> Concept:
    return Concept(
        iri=str(node),
        key=str(node).rstrip("/").rsplit("/", 1)[-1],
        depth=depth,
        label=texts(graph, node, SKOS.prefLabel),
        alt_labels=plain(graph, node, SKOS.altLabel),
        definition=texts(graph, node, SKOS.definition).get("en", ""),
    )
