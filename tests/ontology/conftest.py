"""Fixtures for the ontology tests: the ontology and shapes graphs, and the build's steps emulated.

The build validates a data graph that already holds the ontology, the reference data, the
sources and their OWL RL inferences. The tests emulate that either with pySHACL's RDFS
inference (fast) or with the rule and owlrl's OWL RL closure (as the build does). The OWL tool
tests (profile check, HermiT, Pellet) read the corpus build and one N-Triples document that holds
the ontology with the data.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import owlrl
import pyoxigraph as ox
import pyshacl
import pytest
from rdflib import Graph, URIRef

from govkg.resources import ontology_dir

OWLRL_ERROR = URIRef("http://www.daml.org/2002/03/agents/agent-ont#error")
IS_ONTOLOGY = (
    ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
    ox.NamedNode("http://www.w3.org/2002/07/owl#Ontology"),
)


@pytest.fixture(scope="session")
def ontology_graph() -> Graph:
    """govkg.ttl + fields.ttl + roles.ttl, parsed once."""
    graph = Graph()
    for name in ("govkg.ttl", "fields.ttl", "roles.ttl"):
        graph.parse(ontology_dir() / name, format="turtle")
    return graph


@pytest.fixture(scope="session")
def shapes_graph() -> Graph:
    """ontology/shapes.ttl, parsed once."""
    return Graph().parse(ontology_dir() / "shapes.ttl", format="turtle")


@pytest.fixture(scope="session")
def with_ontology(ontology_graph: Graph) -> Callable[..., Graph]:
    """Make a data graph holding the ontology and the given Turtle files."""

    def make(*paths: Path) -> Graph:
        graph = Graph()
        graph += ontology_graph
        for path in paths:
            graph.parse(path, format="turtle")
        return graph

    return make


@pytest.fixture(scope="session")
def shacl(shapes_graph: Graph) -> Callable[[Graph], tuple[bool, Graph, str]]:
    """Validate a data graph with RDFS inference: conforms, report graph, report text."""

    def check(data: Graph) -> tuple[bool, Graph, str]:
        return pyshacl.validate(data, shacl_graph=shapes_graph, inference="rdfs")

    return check


@pytest.fixture(scope="session")
def run_rule() -> Callable[[Graph], int]:
    """Add what ontology/rules/cooperates-with.rq constructs; return how many triples it made."""
    query = (ontology_dir() / "rules" / "cooperates-with.rq").read_text(encoding="utf-8")

    def run(graph: Graph) -> int:
        made = list(graph.query(query))
        for triple in made:
            graph.add(triple)
        return len(made)

    return run


@pytest.fixture(scope="session")
def owl_rl() -> Callable[[Graph], list[str]]:
    """Expand a graph with owlrl's OWL RL closure; return owlrl's inconsistency messages."""

    def expand(graph: Graph) -> list[str]:
        owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(graph)
        return sorted(str(m) for m in graph.objects(None, OWLRL_ERROR))

    return expand


@pytest.fixture(params=["seed", "corpus"])
def built_out(request: pytest.FixtureRequest) -> Path:
    """The seed build, then the default (seed + corpus) build: a test runs once on each."""
    return request.getfixturevalue(f"{request.param}_out")


@pytest.fixture(scope="session")
def one_document() -> Callable[..., Path]:
    """Write Turtle files as one N-Triples document for the OWL API: ``make(target, *paths)``.

    The ``owl:Ontology`` headers are dropped, so nothing is imported from the web, and the parser
    sees every declaration (the imported file's too) while it reads the data.
    """

    def make(target: Path, *paths: Path) -> Path:
        quads = [q for path in paths for q in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)]
        headers = {q.subject for q in quads if (q.predicate, q.object) == IS_ONTOLOGY}
        kept = [q.triple for q in quads if q.subject not in headers]
        target.write_bytes(ox.serialize(kept, format=ox.RdfFormat.N_TRIPLES))
        return target

    return make
