"""The ontology as the reference shows it: header, classes, properties, alignments, reused terms.

>>> from govkg_tools.docs.sources import ontology_graph, shapes_graph
>>> ref = reference(ontology_graph(), shapes_graph())
>>> ref.header.version_info, ref.header.prefix
('0.1.0', 'govkg')
>>> [t.curie for t in ref.classes][:2]
['govkg:Agreement', 'govkg:CentralGovernmentOrganization']
>>> party = next(t for t in ref.properties if t.curie == "govkg:party")
>>> [r.curie for r in party.range], [r.curie for r in party.inverse]
(['org:Organization'], ['govkg:isPartyTo'])
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, FOAF, OWL, RDF, RDFS, SKOS

from govkg.namespaces import ONTOLOGY_IRI, VANN
from govkg_tools.docs.terms import BUILT_IN, NS, Link, link, links, plain, texts

KINDS = {
    OWL.Class: "class",
    OWL.ObjectProperty: "object property",
    OWL.DatatypeProperty: "datatype property",
    OWL.AnnotationProperty: "annotation property",
    SKOS.ConceptScheme: "concept scheme",
}
CHARACTERISTICS = {
    OWL.SymmetricProperty: "symmetric",
    OWL.IrreflexiveProperty: "irreflexive",
    OWL.TransitiveProperty: "transitive",
    OWL.FunctionalProperty: "functional",
}
ALIGNMENTS = {
    RDFS.subClassOf: "subclass of",
    RDFS.subPropertyOf: "subproperty of",
    OWL.equivalentClass: "equivalent to",
    OWL.equivalentProperty: "equivalent to",
}


@dataclass(frozen=True)
class Header:
    """The ontology header: what a citation and a license check need."""

    iri: str
    title: dict[str, str]
    description: dict[str, str]
    version_iri: str
    version_info: str
    license: str
    creator: str
    prefix: str
    namespace: str
    created: str
    modified: str


@dataclass
class Term:
    """One govkg term with everything the reference says about it."""

    link: Link
    kind: str
    label: dict[str, str]
    comment: dict[str, str]
    characteristics: list[str] = field(default_factory=list)
    alt_labels: list[str] = field(default_factory=list)
    parents: list[Link] = field(default_factory=list)
    children: list[Link] = field(default_factory=list)
    domain: list[Link] = field(default_factory=list)
    range: list[Link] = field(default_factory=list)
    inverse: list[Link] = field(default_factory=list)
    aligned: list[tuple[str, Link]] = field(default_factory=list)
    examples: list[str] = field(default_factory=list)
    domain_of: list[Link] = field(default_factory=list)
    range_of: list[Link] = field(default_factory=list)

    @property
    def curie(self) -> str:
        return self.link.curie


@dataclass(frozen=True)
class Reference:
    """Everything the generated pages show."""

    header: Header
    classes: list[Term]
    properties: list[Term]
    schemes: list[Term]
    reused: dict[str, list[tuple[Link, list[str]]]]


def header(graph: Graph) -> Header:
    """The ``owl:Ontology`` header of govkg."""
    node = URIRef(ONTOLOGY_IRI)
    creator = graph.value(node, DCTERMS.creator)

    def one(predicate: URIRef) -> str:
        return str(graph.value(node, predicate) or "")

    return Header(
        ONTOLOGY_IRI,
        texts(graph, node, DCTERMS.title),
        texts(graph, node, DCTERMS.description),
        one(OWL.versionIRI),
        one(OWL.versionInfo),
        one(DCTERMS.license),
        str(graph.value(creator, FOAF.name) or creator or ""),
        one(VANN.preferredNamespacePrefix),
        one(VANN.preferredNamespaceUri),
        one(DCTERMS.created),
        one(DCTERMS.modified),
    )


def term(graph: Graph, node: URIRef) -> Term:
    """One term, read from the graph."""
    types = set(graph.objects(node, RDF.type))
    parents = links(graph, node, RDFS.subClassOf) + links(graph, node, RDFS.subPropertyOf)
    aligned = [
        (relation, target)
        for predicate, relation in ALIGNMENTS.items()
        for target in links(graph, node, predicate)
        if not target.anchor and not target.iri.startswith(BUILT_IN)
    ]
    return Term(
        link=link(node),
        kind=next(kind for rdf_type, kind in KINDS.items() if rdf_type in types),
        label=texts(graph, node, RDFS.label),
        comment=texts(graph, node, RDFS.comment),
        characteristics=sorted(CHARACTERISTICS[t] for t in types if t in CHARACTERISTICS),
        alt_labels=plain(graph, node, SKOS.altLabel),
        parents=parents,
        children=sorted(
            link(s)
            for p in (RDFS.subClassOf, RDFS.subPropertyOf)
            for s in graph.subjects(p, node)
            if isinstance(s, URIRef) and str(s).startswith(NS)
        ),
        domain=links(graph, node, RDFS.domain),
        range=links(graph, node, RDFS.range),
        inverse=links(graph, node, OWL.inverseOf),
        aligned=aligned,
        examples=plain(graph, node, SKOS.example),
    )


def reference(graph: Graph, shapes: Graph, examples: dict[str, Graph] | None = None) -> Reference:
    """The reference model of ``graph`` (ontology + schemes).

    ``shapes`` and ``examples`` (name → graph) count as users of reused terms.
    """
    terms = sorted(
        (
            term(graph, node)
            for node in set(graph.subjects(RDFS.isDefinedBy, URIRef(ONTOLOGY_IRI)))
            if str(node).startswith(NS)
        ),
        key=lambda t: t.link.anchor.lower(),
    )
    by_anchor = {t.link.anchor: t for t in terms}
    for prop in terms:
        for cls, target in [(d, "domain_of") for d in prop.domain] + [
            (r, "range_of") for r in prop.range
        ]:
            if cls.anchor in by_anchor:
                getattr(by_anchor[cls.anchor], target).append(prop.link)
    return Reference(
        header=header(graph),
        classes=[t for t in terms if t.kind == "class"],
        properties=[t for t in terms if t.kind.endswith("property")],
        schemes=[t for t in terms if t.kind == "concept scheme"],
        reused=reused_terms(
            {"govkg": graph, "shape": shapes}
            | {f"example {name}": g for name, g in sorted((examples or {}).items())}
        ),
    )


def reused_terms(sources: dict[str, Graph]) -> dict[str, list[tuple[Link, list[str]]]]:
    """Vocabulary → [(reused term, where it is used)], sorted.

    ``sources`` maps a kind of user to a graph: ``"govkg"`` (the ontology: users are its terms),
    ``"shape"`` (users are shape names) or ``"example <name>"`` (the example file is the user).
    """
    uses: dict[Link, set[str]] = {}
    for kind, graph in sources.items():
        for triple in graph:
            subject = triple[0]
            for node in triple:
                target = link(node) if isinstance(node, URIRef) else None
                if target is not None and target.vocabulary and not target.curie.startswith("<"):
                    user = _user(subject, kind)
                    if user != target.curie:
                        uses.setdefault(target, set()).add(user)
    grouped: dict[str, list[tuple[Link, list[str]]]] = {}
    for target in sorted(uses, key=lambda t: (t.vocabulary, t.curie)):
        grouped.setdefault(target.vocabulary, []).append((target, sorted(uses[target])))
    return grouped


def _user(subject, kind: str) -> str:
    iri = str(subject)
    if kind == "govkg" and iri.startswith(NS):
        return "govkg:" + iri.removeprefix(NS)
    if kind == "shape" and isinstance(subject, URIRef) and "/shapes#" in iri:
        return "shape " + iri.rsplit("#", 1)[1]
    return {"govkg": "ontology files", "shape": "shapes file"}.get(kind, kind)
