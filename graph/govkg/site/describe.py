"""An entity's description: its statements, those pointing at it, the labels of what it links
to, and its provenance (the named graphs that state it and their source documents).

>>> from govkg.build import build
>>> from govkg.engines import open_engine
>>> from govkg.resources import seed_record
>>> import tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp()) / "out"
>>> _ = build([seed_record()], out)
>>> lan = describe(open_engine([out]).select, "https://w3id.org/govkg/id/org/lan")
>>> lan.label(lan.iri)
'Lembaga Administrasi Negara'
>>> b"Lembaga Administrasi Negara" in lan.serialize("turtle")
True
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.namespace import PROV, VOID
from rdflib.term import Node

from govkg.errors import GovkgError
from govkg.namespaces import ID_BASE, PREFIXES
from govkg.site.queries import Select, rows
from govkg.terms import to_oxigraph

FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
}
"""Formats a description is written in (names as in :mod:`govkg.server.protocol`)."""
LANGUAGES = ("id", "en", "")
"""Label languages in order of preference (the data is Indonesian first)."""


class UnknownEntity(GovkgError):
    """No graph states anything about the IRI."""


@dataclass
class Description:
    """What the store says about one entity, ready for a page or an RDF document."""

    iri: URIRef
    statements: list[tuple[URIRef, Node, URIRef]] = field(default_factory=list)
    incoming: list[tuple[URIRef, URIRef, URIRef]] = field(default_factory=list)
    labels: dict[Node, list[Literal]] = field(default_factory=dict)
    provenance: list[tuple[URIRef, int, URIRef | None]] = field(default_factory=list)
    label_property: dict[tuple[Node, Literal], URIRef] = field(default_factory=dict)

    def label(self, node: Node, language: str | None = None) -> str | None:
        """The best label of ``node`` (``language`` first, then Indonesian, English, none)."""
        found = self.labels.get(node, [])
        for lang in (language, *LANGUAGES) if language else LANGUAGES:
            for literal in found:
                if (literal.language or "") == lang:
                    return str(literal)
        return str(found[0]) if found else None

    def values(self, predicate: URIRef) -> list[Node]:
        """The distinct objects of ``predicate`` on the entity, in store order."""
        return list(dict.fromkeys(o for p, o, _ in self.statements if p == predicate))

    def triples(self) -> list[ox.Triple]:
        """The description as triples: statements both ways, labels, and provenance
        (``entity void:inDataset graph``, ``graph prov:wasDerivedFrom source``), sorted."""
        found: set[tuple[Node, Node, Node]] = set()
        found.update((self.iri, p, o) for p, o, _ in self.statements)
        found.update((s, p, self.iri) for s, p, _ in self.incoming)
        for node, labels in self.labels.items():
            for literal in labels:
                found.add((node, self.label_property[(node, literal)], literal))
        for graph, _, source in self.provenance:
            found.add((self.iri, VOID.inDataset, graph))
            if source is not None:
                found.add((graph, PROV.wasDerivedFrom, source))
        return sorted((ox.Triple(*map(to_oxigraph, t)) for t in found), key=str)

    def serialize(self, fmt: str) -> bytes:
        """The description in ``fmt`` (turtle, ntriples, jsonld); same input, same bytes."""
        prefixes = {k: str(v) for k, v in PREFIXES.items()} | {"void": str(VOID)}
        return ox.serialize(
            self.triples(), format=FORMATS[fmt], prefixes=None if fmt == "ntriples" else prefixes
        )


def describe(select: Select, iri: str) -> Description:
    """The description of ``iri`` from the store that ``select`` queries.

    :raises UnknownEntity: no statement has ``iri`` as subject.
    :raises GovkgError: ``iri`` is not a valid IRI, or a query fails.
    """
    params = {"entity": iri}
    about = Description(URIRef(iri))
    about.statements = [
        (r["predicate"], r["object"], r["graph"]) for r in rows(select, "statements", params)
    ]
    if not about.statements:
        raise UnknownEntity(f"nothing is known about {iri}", fix=f"use an IRI under {ID_BASE}")
    about.incoming = [
        (r["subject"], r["predicate"], r["graph"]) for r in rows(select, "incoming", params)
    ]
    labels: dict[Node, list[Literal]] = defaultdict(list)
    for r in rows(select, "labels", params):
        labels[r["node"]].append(r["label"])
        about.label_property[(r["node"], r["label"])] = r["property"]
    about.labels = dict(labels)
    about.provenance = [
        (r["graph"], int(r["statements"]), r["source"]) for r in rows(select, "provenance", params)
    ]
    return about
