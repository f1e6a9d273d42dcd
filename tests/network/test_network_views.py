"""The view declaration (views.yaml) and the SPARQL tables it names stay consistent."""

from __future__ import annotations

import re

import pytest
import yaml

from govkg.canned import parse_header
from govkg.errors import GovkgError
from govkg.network.views import (
    VIEWS_FILE,
    declaration,
    get_view,
    load_views,
    parse_declaration,
    query_path,
)


def test_views_are_declared() -> None:
    views = load_views()
    assert set(views) == {"cooperation", "bipartite", "signatories"}
    assert views["cooperation"].pairs and not views["cooperation"].directed
    assert views["signatories"].directed
    assert views["bipartite"].relation.node_type(views["bipartite"].target) == "agreement"


def test_every_query_file_exists_and_has_a_header() -> None:
    decl = declaration()
    names = list(decl.tables.values()) + [r.query for r in decl.relations.values()]
    for name in names:
        query = parse_header(query_path(name))
        assert query.title and query.columns, name


def test_relation_columns_are_query_columns() -> None:
    for relation in declaration().relations.values():
        columns = parse_header(query_path(relation.query)).columns
        assert set(relation.columns) <= set(columns), relation.name


def test_organization_query_lists_exactly_the_declared_kinds() -> None:
    text = query_path(declaration().tables["organizations"]).read_text(encoding="utf-8")
    block = text.split("VALUES ?class {", 1)[1].split("}", 1)[0]
    listed = set(re.findall(r"(?:govkg|org):(\w+)", block))
    assert listed == set(declaration().kinds)


def test_kind_labels_are_the_ontology_labels() -> None:
    """The legend says what the hubs query and the ontology reference say."""
    from rdflib import Graph, Literal, URIRef
    from rdflib.namespace import RDFS

    from govkg.namespaces import GOVKG
    from govkg.resources import ontology_dir

    ontology = Graph().parse(ontology_dir() / "govkg.ttl")
    for name, kind in declaration().kinds.items():
        term = URIRef(GOVKG._NS + name)
        if (term, None, None) in ontology:
            assert Literal(kind.label, lang="en") in set(ontology.objects(term, RDFS.label)), name


def test_unknown_view_names_the_known_ones() -> None:
    with pytest.raises(GovkgError, match="cooperation"):
        get_view("nope")


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (("views", "cooperation", "relation"), "nope", "unknown relation"),
        (("views", "cooperation", "source"), "post", "not a node column"),
        (("views", "cooperation", "edge", "weight"), "sum agreement", "not an aggregate"),
        (("views", "cooperation", "edge", "weight"), "count nothing", "unknown column"),
        (("kinds", "Ministry", "level"), "federal", "unknown level"),
    ],
)
def test_malformed_declarations_are_refused(path, value, message) -> None:
    data = yaml.safe_load(VIEWS_FILE.read_text(encoding="utf-8"))
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(GovkgError, match=message):
        parse_declaration(data)
