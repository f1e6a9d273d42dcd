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

from collections.abc import Iterable
from types import SimpleNamespace

import pyoxigraph as ox
from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace

from govkg.iris import GRAPH_BASE, ID_BASE, ONTOLOGY_IRI


class TermNamespace(Namespace):
    """An open :class:`~rdflib.Namespace` that builds each attribute term once.

    A plain ``Namespace`` mints a new URIRef on every ``ORG.Post``; a build uses such
    terms millions of times. Items (``SCHEMA["title"]``) are built as before.

    >>> ORG.Post is ORG.Post, ORG.Post == URIRef("http://www.w3.org/ns/org#Post")
    (True, True)
    """

    def __getattr__(self, name: str) -> URIRef:
        term = super().__getattr__(name)
        self.__dict__[name] = term
        return term


ORG = TermNamespace("http://www.w3.org/ns/org#")
CV = TermNamespace("http://data.europa.eu/m8g/")
SCHEMA = TermNamespace("https://schema.org/")
TIME = TermNamespace("http://www.w3.org/2006/time#")
SH = TermNamespace("http://www.w3.org/ns/shacl#")
VANN = TermNamespace("http://purl.org/vocab/vann/")
DCAT = TermNamespace("http://www.w3.org/ns/dcat#")
VOID = TermNamespace("http://rdfs.org/ns/void#")
OA = TermNamespace("http://www.w3.org/ns/oa#")
ID = TermNamespace(ID_BASE)


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
    RegionalOwnedEnterprise: URIRef
    ForeignGovernment: URIRef
    ForeignLocalGovernment: URIRef
    InternationalOrganization: URIRef
    # classes: agreements
    Agreement: URIRef
    MemorandumOfUnderstanding: URIRef
    CooperationAgreement: URIRef
    MemorandumOfAgreement: URIRef
    StatementOfIntent: URIRef
    LetterOfIntent: URIRef
    JointAgreement: URIRef
    Signature: URIRef
    Witnessing: URIRef
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
    onBehalfOfPerson: URIRef
    onBehalfOfPost: URIRef
    witness: URIRef
    witnessedBy: URIRef
    witnessInCapacityOf: URIRef
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
    locatedIn: URIRef
    acronym: URIRef
    attestedOn: URIRef
    # evidence (govkg extract)
    Evidence: URIRef
    confidence: URIRef


def _store_terms(namespace: type[DefinedNamespace]) -> None:
    """Keep each declared term as a class attribute: ``RDF.type`` becomes a plain lookup.

    A defined namespace otherwise resolves the name on every access, and a build makes
    millions of them. The terms are the same URIRefs; undeclared names still reach the
    namespace, which raises (``GOVKG``) or warns as before.
    """
    for name in namespace.__annotations__:
        setattr(namespace, name, namespace[name])


_store_terms(GOVKG)  # our own namespace only: rdflib's classes are left as they are


def graph_iri(name: str) -> URIRef:
    """The IRI of a named graph: ``ontology``, ``reference``, ``inferred``, ``source/<slug>``."""
    return URIRef(GRAPH_BASE + name)


class OxNamespace:
    """The IRIs of one vocabulary as Oxigraph terms, each built once (the build's term model).

    Made from the rdflib namespace of the same name, so the two cannot drift; a closed
    vocabulary (``GOVKG``) raises on an undeclared name, as its rdflib twin does.

    >>> OX.ORG.Post
    <NamedNode value=http://www.w3.org/ns/org#Post>
    >>> OX.GOVKG["party"] is OX.GOVKG.party, str(OX.ORG)
    (True, 'http://www.w3.org/ns/org#')
    >>> OX.GOVKG.partie
    Traceback (most recent call last):
    ...
    AttributeError: term 'partie' not in namespace 'https://w3id.org/govkg/ontology#'
    """

    def __init__(self, base: str, names: Iterable[str] | None = None) -> None:
        self._base = base
        self._names = None if names is None else frozenset(names)

    def __str__(self) -> str:
        return self._base

    def __getattr__(self, name: str) -> ox.NamedNode:
        if name.startswith("__"):
            raise AttributeError(name)
        return self[name]

    def __getitem__(self, name: str) -> ox.NamedNode:
        if self._names is not None and name not in self._names:
            raise AttributeError(f"term {name!r} not in namespace {self._base!r}")
        term = ox.NamedNode(self._base + name)
        self.__dict__[name] = term
        return term


OX = SimpleNamespace(
    **{
        name: OxNamespace(str(namespace))
        for name, namespace in (
            ("RDF", RDF),
            ("RDFS", RDFS),
            ("OWL", OWL),
            ("XSD", XSD),
            ("SKOS", SKOS),
            ("FOAF", FOAF),
            ("PROV", PROV),
            ("DCTERMS", DCTERMS),
            ("ORG", ORG),
            ("SCHEMA", SCHEMA),
            ("TIME", TIME),
            ("OA", OA),
        )
    },
    GOVKG=OxNamespace(str(GOVKG._NS), GOVKG.__annotations__),
)
"""The vocabularies the build states, as Oxigraph terms: ``OX.RDF.type``, ``OX.GOVKG.party``."""


def ox_graph(name: str) -> ox.NamedNode:
    """:func:`graph_iri` as an Oxigraph term (the build's graph names).

    >>> ox_graph("inferred").value
    'https://w3id.org/govkg/graph/inferred'
    """
    return ox.NamedNode(GRAPH_BASE + name)


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

PREFIX_IRIS = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
""":data:`PREFIXES` as text, as Oxigraph's serializers take them."""


def bind_prefixes(graph) -> None:
    """Bind govkg's preferred prefixes on an rdflib Graph or Dataset."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
