"""IRIs as a reader sees them: a CURIE, the vocabulary it comes from, an anchor in the reference.

>>> link(URIRef("http://www.w3.org/ns/org#Post"))
Link(iri='http://www.w3.org/ns/org#Post', curie='org:Post', anchor='', vocabulary='W3C ORG')
>>> link(URIRef("https://w3id.org/govkg/ontology#party")).anchor
'party'
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, XSD

from govkg.namespaces import CV, GOVKG, OA, ORG, PREFIXES, SCHEMA, SH, TIME

NS = str(GOVKG._NS)
VOCABULARIES = {
    str(ORG): "W3C ORG",
    str(CV): "EU CPOV",
    str(PROV): "PROV-O",
    str(SKOS): "SKOS",
    str(SCHEMA): "schema.org",
    str(TIME): "OWL-Time",
    str(FOAF): "FOAF",
    str(OA): "Web Annotation",
    str(DCTERMS): "DCMI Terms",
}
"""The vocabularies govkg reuses, by namespace (the built-in OWL/RDF/XSD/SHACL left out)."""
BUILT_IN = (str(OWL), str(RDF), str(RDFS), str(XSD), str(SH))


@dataclass(frozen=True, order=True)
class Link:
    """A term as shown: full IRI, CURIE, anchor (govkg terms only) and source vocabulary."""

    iri: str
    curie: str
    anchor: str
    vocabulary: str


def curie(iri: str) -> str:
    """``prefix:local`` for a known namespace, else the IRI in angle brackets."""
    for prefix, namespace in sorted(PREFIXES.items(), key=lambda item: -len(str(item[1]))):
        if iri.startswith(str(namespace)) and iri != str(namespace):
            return f"{prefix}:{iri.removeprefix(str(namespace))}"
    return f"<{iri}>"


def vocabulary(iri: str) -> str:
    """The name of the reused vocabulary ``iri`` belongs to, or ``""``."""
    return next((name for ns, name in VOCABULARIES.items() if iri.startswith(ns)), "")


def link(term: URIRef) -> Link:
    """The :class:`Link` of one IRI."""
    iri = str(term)
    anchor = iri.removeprefix(NS) if iri.startswith(NS) else ""
    return Link(iri, curie(iri), anchor, vocabulary(iri))


def links(graph: Graph, subject: URIRef, predicate: URIRef) -> list[Link]:
    """The sorted IRI objects of ``subject predicate``."""
    return sorted(link(o) for o in graph.objects(subject, predicate) if isinstance(o, URIRef))


def texts(graph: Graph, subject: URIRef, predicate: URIRef) -> dict[str, str]:
    """Language tag → text (one per language: the smallest when several)."""
    found: dict[str, str] = {}
    for obj in sorted(graph.objects(subject, predicate)):
        if isinstance(obj, Literal):
            found.setdefault(obj.language or "", str(obj))
    return found


def plain(graph: Graph, subject: URIRef, predicate: URIRef) -> list[str]:
    """Every literal value (any language), sorted."""
    return sorted(str(o) for o in graph.objects(subject, predicate) if isinstance(o, Literal))
