"""Ontology pitfalls, checked offline: the OOPS! catalogue's cheap checks, as a library function.

Each finding cites the pitfall it enforces (codes of the OOPS! catalogue,
https://oops.linkeddata.es/catalogue.jsp, where one fits; ``G…`` for govkg's own rules):

- P04 a class used nowhere (no subclass link, domain, range or shape mentions it);
- P05 an ``owl:inverseOf`` pair whose domains and ranges do not mirror each other;
- P08 a term without ``rdfs:label`` or ``rdfs:comment`` in Indonesian (@id) and English (@en);
- P11 an object or datatype property without ``rdfs:domain`` or ``rdfs:range``;
- P13 an inverse that is stated one way only, points at an undeclared property, or is named in
  a comment ("the inverse of govkg:x") but not declared;
- P19 a property with more than one domain or range (their intersection is rarely what is meant);
- P41 an ontology header without ``dcterms:license``;
- G01 an ontology header without ``owl:versionIRI`` and ``owl:versionInfo``;
- G02 a term of the namespace that is used but never declared (a typo mints a new IRI).

>>> from rdflib import Graph
>>> bad = Graph().parse(format="turtle", data='''
...   @prefix owl: <http://www.w3.org/2002/07/owl#> .
...   <https://w3id.org/govkg/ontology#party> a owl:ObjectProperty .''')
>>> sorted({f.code for f in pitfalls(bad)})
['G01', 'P08', 'P11', 'P41']
>>> from govkg_tools.docs.sources import ontology_graph
>>> pitfalls(ontology_graph())
[]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from govkg.namespaces import GOVKG, SH, VANN

LANGUAGES = ("en", "id")
PROPERTY_TYPES = (OWL.ObjectProperty, OWL.DatatypeProperty)
TERM_TYPES = (OWL.Class, *PROPERTY_TYPES, OWL.AnnotationProperty, SKOS.ConceptScheme)
_INVERSE_NAMED = re.compile(r"inverse of (\w+):(\w+)")


@dataclass(frozen=True, order=True)
class Finding:
    """One pitfall: the rule's code, the term it concerns, and what to do."""

    code: str
    term: str
    message: str

    def __str__(self) -> str:
        return f"{self.code} {self.term}: {self.message}"


def pitfalls(graph: Graph, shapes: Graph | None = None) -> list[Finding]:
    """Every pitfall found in ``graph`` (an ontology); ``shapes`` may count as using a class.

    The namespace checked is the header's ``vann:preferredNamespaceUri``, else govkg's.
    """
    namespace = _namespace(graph)
    found = [
        *_header(graph),
        *_annotations(graph, namespace),
        *_domains_and_ranges(graph, namespace),
        *_inverses(graph, namespace),
        *_unconnected(graph, namespace, shapes or Graph()),
        *_undeclared(graph, namespace),
    ]
    return sorted(set(found))


def _namespace(graph: Graph) -> str:
    for header in graph.subjects(RDF.type, OWL.Ontology):
        uri = graph.value(header, VANN.preferredNamespaceUri)
        if uri is not None:
            return str(uri)
    return str(GOVKG._NS)


def _name(term: URIRef, namespace: str) -> str:
    return "govkg:" + term.removeprefix(namespace) if term.startswith(namespace) else term.n3()


def declared(graph: Graph, namespace: str) -> list[URIRef]:
    """The namespace's terms that carry one of the term types, sorted."""
    found = {s for kind in TERM_TYPES for s in graph.subjects(RDF.type, kind)}
    return sorted(s for s in found if isinstance(s, URIRef) and s.startswith(namespace))


def _header(graph: Graph) -> Iterator[Finding]:
    headers = sorted(graph.subjects(RDF.type, OWL.Ontology))
    if not headers:
        yield Finding("P41", "(ontology)", "no owl:Ontology header; add one with a license")
        yield Finding("G01", "(ontology)", "no owl:Ontology header; add one with a version")
    for header in headers:
        if graph.value(header, DCTERMS.license) is None:
            yield Finding("P41", header.n3(), "no dcterms:license; add one (an SPDX IRI)")
        for predicate in (OWL.versionIRI, OWL.versionInfo):
            if graph.value(header, predicate) is None:
                yield Finding("G01", header.n3(), f"no {predicate.n3(graph.namespace_manager)}")


def _annotations(graph: Graph, namespace: str) -> Iterator[Finding]:
    for term in declared(graph, namespace):
        for predicate in (RDFS.label, RDFS.comment):
            have = {o.language for o in graph.objects(term, predicate) if isinstance(o, Literal)}
            for language in LANGUAGES:
                if language not in have:
                    name = predicate.n3(graph.namespace_manager)
                    yield Finding("P08", _name(term, namespace), f"no {name} in @{language}")


def _properties(graph: Graph, namespace: str) -> list[URIRef]:
    found = {s for kind in PROPERTY_TYPES for s in graph.subjects(RDF.type, kind)}
    return sorted(s for s in found if isinstance(s, URIRef) and s.startswith(namespace))


def _domains_and_ranges(graph: Graph, namespace: str) -> Iterator[Finding]:
    for prop in _properties(graph, namespace):
        for predicate in (RDFS.domain, RDFS.range):
            count = len(set(graph.objects(prop, predicate)))
            what = predicate.n3(graph.namespace_manager)
            if count == 0:
                yield Finding("P11", _name(prop, namespace), f"no {what}; declare one")
            elif count > 1:
                yield Finding("P19", _name(prop, namespace), f"{count} {what}s; keep one")


def _inverses(graph: Graph, namespace: str) -> Iterator[Finding]:
    properties = set(_properties(graph, namespace))
    for prop, inverse in sorted(graph.subject_objects(OWL.inverseOf)):
        name = _name(prop, namespace)
        if inverse not in properties and inverse.startswith(namespace):
            yield Finding("P13", name, f"its inverse {_name(inverse, namespace)} is not declared")
        if inverse in properties and (inverse, OWL.inverseOf, prop) not in graph:
            yield Finding("P13", _name(inverse, namespace), f"state owl:inverseOf {name} too")
        if inverse in properties and not _mirrored(graph, prop, inverse):
            yield Finding(
                "P05", name, f"domain/range do not mirror those of {_name(inverse, namespace)}"
            )
    for prop in sorted(properties):
        for comment in graph.objects(prop, RDFS.comment):
            for prefix, local in _INVERSE_NAMED.findall(str(comment)):
                target = URIRef(namespace + local) if prefix == "govkg" else None
                if target is not None and (prop, OWL.inverseOf, target) not in graph:
                    yield Finding("P13", _name(prop, namespace), f"add owl:inverseOf govkg:{local}")


def _mirrored(graph: Graph, prop: URIRef, inverse: URIRef) -> bool:
    return graph.value(prop, RDFS.domain) == graph.value(inverse, RDFS.range) and graph.value(
        prop, RDFS.range
    ) == graph.value(inverse, RDFS.domain)


def _unconnected(graph: Graph, namespace: str, shapes: Graph) -> Iterator[Finding]:
    links = (RDFS.domain, RDFS.range, OWL.equivalentClass)
    used = {o for p in links for o in graph.objects(None, p)}
    used |= {t for s, o in graph.subject_objects(RDFS.subClassOf) for t in (s, o)}
    used |= {o for p in (SH.targetClass, SH["class"]) for o in shapes.objects(None, p)}
    for cls in sorted(set(graph.subjects(RDF.type, OWL.Class)) - used):
        if isinstance(cls, URIRef) and cls.startswith(namespace):
            yield Finding(
                "P04",
                _name(cls, namespace),
                "unconnected: no subclass link, domain, range or shape",
            )


def _undeclared(graph: Graph, namespace: str) -> Iterator[Finding]:
    known = set(declared(graph, namespace))
    used = {t for triple in graph for t in triple if isinstance(t, URIRef)}
    for term in sorted(used - known):
        if term.startswith(namespace) and term != URIRef(namespace):
            yield Finding("G02", _name(term, namespace), "used but not declared; declare or fix")
