"""Namespaces in one place. ``GOVKG`` is closed: a misspelt term raises instead of minting an IRI.

>>> GOVKG.party
rdflib.term.URIRef('https://w3id.org/govkg/ontology#party')
>>> GOVKG.partie
Traceback (most recent call last):
...
AttributeError: term 'partie' not in namespace 'https://w3id.org/govkg/ontology#'
>>> graph_iri("source/kontan-2019")
rdflib.term.URIRef('https://w3id.org/govkg/graph/source/kontan-2019')
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace

ONTOLOGY_IRI = "https://w3id.org/govkg/ontology"
ID_BASE = "https://w3id.org/govkg/id/"
GRAPH_BASE = "https://w3id.org/govkg/graph/"

ORG = Namespace("http://www.w3.org/ns/org#")
CV = Namespace("http://data.europa.eu/m8g/")
SCHEMA = Namespace("https://schema.org/")
TIME = Namespace("http://www.w3.org/2006/time#")
SH = Namespace("http://www.w3.org/ns/shacl#")
VANN = Namespace("http://purl.org/vocab/vann/")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
VOID = Namespace("http://rdfs.org/ns/void#")
OA = Namespace("http://www.w3.org/ns/oa#")
ID = Namespace(ID_BASE)


class GOVKG(DefinedNamespace):
    """The govkg ontology terms; kept in step with ``ontology/govkg.ttl`` by a test."""

    _NS = Namespace(ONTOLOGY_IRI + "#")
    _fail = True

    # classes: organizations
    GovernmentOrganization: URIRef
    CentralGovernmentOrganization: URIRef
    Ministry: URIRef
    NonMinisterialAgency: URIRef
    StateInstitution: URIRef
    RegionalOffice: URIRef
    LocalGovernment: URIRef
    ProvincialGovernment: URIRef
    RegencyGovernment: URIRef
    CityGovernment: URIRef
    GovernmentUnit: URIRef
    StateUniversity: URIRef
    StateOwnedEnterprise: URIRef
    # classes: agreements
    Agreement: URIRef
    MemorandumOfUnderstanding: URIRef
    CooperationAgreement: URIRef
    MemorandumOfAgreement: URIRef
    StatementOfIntent: URIRef
    Signature: URIRef
    # concept schemes
    CooperationFields: URIRef
    Roles: URIRef
    # properties: agreements
    party: URIRef
    isPartyTo: URIRef
    signature: URIRef
    signatureOf: URIRef
    signatory: URIRef
    onBehalfOf: URIRef
    inCapacityOf: URIRef
    signedOn: URIRef
    signedAt: URIRef
    cooperationField: URIRef
    scopeText: URIRef
    implements: URIRef
    implementedBy: URIRef
    documentNumber: URIRef
    dataQualityNote: URIRef
    cooperatesWith: URIRef
    # properties: organizations, people
    regionCode: URIRef
    inProvince: URIRef
    acronym: URIRef
    attestedOn: URIRef
    # evidence (govkg extract)
    Evidence: URIRef
    confidence: URIRef


def graph_iri(name: str) -> URIRef:
    """The IRI of a named graph: ``ontology``, ``reference``, ``inferred``, ``source/<slug>``."""
    return URIRef(GRAPH_BASE + name)


ONTOLOGY_GRAPH = graph_iri("ontology")
REFERENCE_GRAPH = graph_iri("reference")
INFERRED_GRAPH = graph_iri("inferred")

PREFIXES = {
    "govkg": GOVKG._NS,
    "org": ORG,
    "cv": CV,
    "schema": SCHEMA,
    "time": TIME,
    "prov": PROV,
    "skos": SKOS,
    "foaf": FOAF,
    "dcterms": DCTERMS,
    "owl": OWL,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "sh": SH,
    "oa": OA,
}


def bind_prefixes(graph) -> None:
    """Bind govkg's preferred prefixes on an rdflib Graph or Dataset."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
