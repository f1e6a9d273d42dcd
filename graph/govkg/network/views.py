"""The declaration of network views (``views.yaml``), read into small frozen objects.

A view names a *relation* (a table whose rows tie an agreement to a body, a person…), which of
its columns are an edge's source and target, and how edge attributes aggregate over the rows
that make an edge. The projection (:mod:`govkg.network.project`) only follows this.

>>> view = load_views()["cooperation"]
>>> view.relation.name, view.source, view.target, view.pairs, view.directed
('parties', 'party', 'party', True, False)
>>> view.edge["weight"]
Aggregate(op='count', path='agreement')
>>> kind_of({"https://w3id.org/govkg/ontology#NonMinisterialAgency",
...          "https://w3id.org/govkg/ontology#CentralGovernmentOrganization"})
'NonMinisterialAgency'
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from govkg.errors import GovkgError

HERE = Path(__file__).resolve().parent
VIEWS_FILE = HERE / "views.yaml"
QUERIES_DIR = HERE / "queries"
OPS = ("count", "collect", "min", "max")
NODE_TYPES = ("organization", "agreement", "person")
LEVELS = ("central", "local", "other", "parent")


@dataclass(frozen=True)
class Aggregate:
    """How one edge attribute is computed from the rows that make the edge."""

    op: str
    path: str


@dataclass(frozen=True)
class Relation:
    """A table of rows, each tying an agreement to other things; columns have node types."""

    name: str
    query: str
    columns: dict[str, str]

    def node_type(self, column: str) -> str | None:
        """The node type of ``column`` (None for plain text)."""
        kind = self.columns[column]
        return kind if kind in NODE_TYPES else None


@dataclass(frozen=True)
class Kind:
    """An organization class: its level (central, local, other, parent), colour and label."""

    name: str
    level: str
    color: str
    label: str
    unit: bool = False  # an org:OrganizationalUnit: drawn as its parent with rollup


@dataclass(frozen=True)
class View:
    """One network view: a relation projected to edges with aggregated attributes."""

    name: str
    title: str
    description: str
    relation: Relation
    source: str
    target: str
    directed: bool
    pairs: bool
    edge: dict[str, Aggregate]


@dataclass(frozen=True)
class Declaration:
    """Everything ``views.yaml`` declares."""

    tables: dict[str, str]
    relations: dict[str, Relation]
    kinds: dict[str, Kind]
    node_types: dict[str, dict]
    views: dict[str, View]


def _fail(where: str, problem: str, fix: str) -> GovkgError:
    return GovkgError(f"{VIEWS_FILE.name}: {where}: {problem}", fix=fix)


def _aggregate(where: str, text: str, relation: Relation) -> Aggregate:
    op, _, path = str(text).partition(" ")
    if op not in OPS or not path:
        raise _fail(where, f"{text!r} is not an aggregate", f"write one of {', '.join(OPS)} X")
    known = set(relation.columns) | {"date", "kind", "label", "fields", "sources", "urls"}
    if path not in known:
        raise _fail(where, f"unknown column {path!r}", f"use one of {', '.join(sorted(known))}")
    return Aggregate(op, path)


def _view(name: str, spec: dict, relations: dict[str, Relation]) -> View:
    relation = relations.get(spec.get("relation", ""))
    if relation is None:
        raise _fail(f"views.{name}", "unknown relation", f"use one of {', '.join(relations)}")
    for end in ("source", "target"):
        column = spec.get(end)
        if column not in relation.columns or relation.node_type(column) is None:
            raise _fail(
                f"views.{name}.{end}",
                f"{column!r} is not a node column of {relation.name}",
                f"use one of {', '.join(c for c in relation.columns if relation.node_type(c))}",
            )
    edge = {
        attr: _aggregate(f"views.{name}.edge.{attr}", text, relation)
        for attr, text in spec.get("edge", {}).items()
    }
    return View(
        name,
        spec["title"],
        " ".join(spec.get("description", "").split()),
        relation,
        spec["source"],
        spec["target"],
        bool(spec.get("directed", False)),
        bool(spec.get("pairs", False)),
        edge,
    )


def parse_declaration(data: dict) -> Declaration:
    """Check and read a declaration (the parsed YAML).

    :raises GovkgError: on an unknown relation, column, aggregate or level.
    """
    relations = {
        name: Relation(name, spec["query"], dict(spec["columns"]))
        for name, spec in data["relations"].items()
    }
    kinds = {}
    for name, spec in data["kinds"].items():
        if spec["level"] not in LEVELS:
            raise _fail(f"kinds.{name}", "unknown level", f"use one of {', '.join(LEVELS)}")
        kinds[name] = Kind(
            name, spec["level"], spec["color"], spec["label"], bool(spec.get("unit", False))
        )
    views = {name: _view(name, spec, relations) for name, spec in data["views"].items()}
    return Declaration(dict(data["tables"]), relations, kinds, dict(data["node_types"]), views)


@cache
def declaration() -> Declaration:
    """The declaration shipped with govkg (read once)."""
    return parse_declaration(yaml.safe_load(VIEWS_FILE.read_text(encoding="utf-8")))


def load_views() -> dict[str, View]:
    """The declared views by name (``cooperation``, ``bipartite``, ``signatories``)."""
    return declaration().views


def get_view(name: str) -> View:
    """One declared view.

    :raises GovkgError: when no view has that name (the message lists them).
    """
    views = load_views()
    if name not in views:
        raise GovkgError(f"no network view {name!r}", fix=f"use one of {', '.join(views)}")
    return views[name]


def query_path(name: str) -> Path:
    """The SPARQL file of a table or relation query."""
    return QUERIES_DIR / f"{name}.rq"


def local_name(iri: str) -> str:
    """The part of an IRI after its last ``#`` or ``/``."""
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def kind_of(classes: set[str]) -> str | None:
    """The most specific declared kind among ``classes`` (IRIs), or None."""
    names = {local_name(c) for c in classes}
    return next((k for k in declaration().kinds if k in names), None)
