"""The files the generated docs are made from: the ontology, its vocabularies and its shapes.

>>> len(ontology_graph()) > 1000 and len(shapes_graph()) > 100
True
"""

from __future__ import annotations

from rdflib import Graph

from govkg.resources import ontology_dir

ONTOLOGY_FILES = ("govkg.ttl", "fields.ttl", "roles.ttl")


def ontology_graph(names: tuple[str, ...] = ONTOLOGY_FILES) -> Graph:
    """The ontology with its concept schemes (``govkg.ttl``, ``fields.ttl``, ``roles.ttl``)."""
    graph = Graph()
    for name in names:
        graph.parse(ontology_dir() / name, format="turtle")
    return graph


def shapes_graph() -> Graph:
    """``ontology/shapes.ttl``."""
    return Graph().parse(ontology_dir() / "shapes.ttl", format="turtle")


def example_graphs() -> dict[str, Graph]:
    """The valid examples (``ontology/examples/valid/*.ttl``) by file stem."""
    folder = ontology_dir() / "examples" / "valid"
    return {p.stem: Graph().parse(p, format="turtle") for p in sorted(folder.glob("*.ttl"))}
