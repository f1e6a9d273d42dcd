"""The OWL ontology: it parses everywhere, documents every term, matches namespaces.py, reasons."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from govkg.namespaces import CV, GOVKG, ID, ONTOLOGY_IRI, ORG, PROV, VANN
from govkg.resources import ontology_dir

ONTOLOGY = ontology_dir()
RULE = ONTOLOGY / "rules" / "cooperates-with.rq"
VALID = sorted((ONTOLOGY / "examples" / "valid").glob("*.ttl"))

NS = str(GOVKG._NS)
ONTOLOGY_NODE = URIRef(ONTOLOGY_IRI)
TURTLE_FILES = sorted(ONTOLOGY.glob("*.ttl")) + sorted(ONTOLOGY.glob("examples/*/*.ttl"))
PROPERTY_TYPES = (OWL.ObjectProperty, OWL.DatatypeProperty)
# not rdflib.namespace.XSD: pytest's doctest scan of this module makes that namespace warn
XSD_NS = "http://www.w3.org/2001/XMLSchema#"
XSD_DATE = URIRef(XSD_NS + "date")
XSD_STRING = URIRef("http://www.w3.org/2001/XMLSchema#string")


def parse(path: Path) -> Graph:
    return Graph().parse(path, format="turtle")


def names_in_namespace() -> set[str]:
    return {name for name in GOVKG.__annotations__ if not name.startswith("_")}


def defined_terms(graph: Graph) -> set[URIRef]:
    return {s for s in graph.subjects(RDFS.isDefinedBy, ONTOLOGY_NODE) if str(s).startswith(NS)}


def languages(graph: Graph, subject: URIRef, predicate: URIRef) -> list[str | None]:
    return sorted(
        (o.language or "") for o in graph.objects(subject, predicate) if isinstance(o, Literal)
    )


def superclasses(graph: Graph, cls: URIRef) -> set[URIRef]:
    return set(graph.transitive_objects(cls, RDFS.subClassOf)) - {cls}


# ── parsing ─────────────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("path", TURTLE_FILES, ids=lambda p: str(p.relative_to(ONTOLOGY)))
def test_parses_with_rdflib(path: Path) -> None:
    assert len(parse(path)) > 0


@pytest.mark.parametrize("path", TURTLE_FILES, ids=lambda p: str(p.relative_to(ONTOLOGY)))
def test_parses_with_pyoxigraph(path: Path) -> None:
    store = pyoxigraph.Store()
    store.load(path=str(path), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == len(parse(path))


def test_rule_is_valid_sparql_for_oxigraph() -> None:
    store = pyoxigraph.Store()
    assert list(store.query(RULE.read_text(encoding="utf-8"))) == []


# ── documentation of every term ─────────────────────────────────────────────────────────────────


def test_every_govkg_term_has_labels_and_comments_in_id_and_en(ontology_graph: Graph) -> None:
    missing = []
    for term in sorted(defined_terms(ontology_graph)):
        for predicate in (RDFS.label, RDFS.comment):
            if languages(ontology_graph, term, predicate) != ["en", "id"]:
                missing.append(f"{term.removeprefix(NS)} {predicate.n3()}")
    assert missing == []


def test_every_govkg_term_is_typed(ontology_graph: Graph) -> None:
    kinds = {OWL.Class, *PROPERTY_TYPES, OWL.AnnotationProperty, SKOS.ConceptScheme}
    untyped = [
        t
        for t in defined_terms(ontology_graph)
        if not kinds & set(ontology_graph.objects(t, RDF.type))
    ]
    assert untyped == []


def test_properties_have_one_domain_and_one_range(ontology_graph: Graph) -> None:
    properties = {s for kind in PROPERTY_TYPES for s in ontology_graph.subjects(RDF.type, kind)}
    assert {p for p in properties if str(p).startswith(NS)} == properties
    for prop in properties:
        assert len(list(ontology_graph.objects(prop, RDFS.domain))) == 1, prop
        assert len(list(ontology_graph.objects(prop, RDFS.range))) == 1, prop


def test_header(ontology_graph: Graph) -> None:
    g, node = ontology_graph, ONTOLOGY_NODE
    assert (node, RDF.type, OWL.Ontology) in g
    assert g.value(node, OWL.versionIRI) == URIRef(ONTOLOGY_IRI + "/0.1.0")
    assert str(g.value(node, OWL.versionInfo)) == "0.1.0"
    assert g.value(node, DCTERMS.license) == URIRef("https://spdx.org/licenses/MIT")
    assert g.value(node, DCTERMS.creator) is not None
    assert str(g.value(node, VANN.preferredNamespacePrefix)) == "govkg"
    assert str(g.value(node, VANN.preferredNamespaceUri)) == NS
    for predicate in (DCTERMS.title, DCTERMS.description):
        assert languages(g, node, predicate) == ["en", "id"]
    for predicate in (DCTERMS.created, DCTERMS.modified):
        assert g.value(node, predicate).datatype == XSD_DATE


# ── namespaces.py and the ontology list the same terms ──────────────────────────────────────────


def test_every_namespace_term_is_defined_in_the_ontology(ontology_graph: Graph) -> None:
    defined = {str(t).removeprefix(NS) for t in defined_terms(ontology_graph)}
    assert names_in_namespace() - defined == set()


def test_every_ontology_term_is_in_the_namespace(ontology_graph: Graph) -> None:
    defined = {str(t).removeprefix(NS) for t in defined_terms(ontology_graph)}
    assert defined - names_in_namespace() == set()


def test_no_file_uses_an_undefined_govkg_term() -> None:
    """A misspelt govkg: term anywhere (shapes, examples, rule) would mint a silent new IRI."""
    used: set[str] = set()
    for path in TURTLE_FILES:
        for triple in parse(path):
            used |= {str(t).removeprefix(NS) for t in triple if str(t).startswith(NS)}
    rule_text = RULE.read_text(encoding="utf-8")
    used |= set(re.findall(r"govkg:(\w+)", rule_text))
    assert used - names_in_namespace() - {""} == set()


# ── alignments and axioms the rest of govkg relies on ───────────────────────────────────────────


def test_government_organization_alignment(ontology_graph: Graph) -> None:
    above = superclasses(ontology_graph, GOVKG.GovernmentOrganization)
    assert {CV.PublicOrganisation, ORG.FormalOrganization, ORG.Organization} <= above


@pytest.mark.parametrize(
    ("kind", "parent"),
    [
        (GOVKG.Ministry, GOVKG.CentralGovernmentOrganization),
        (GOVKG.NonMinisterialAgency, GOVKG.CentralGovernmentOrganization),
        (GOVKG.StateInstitution, GOVKG.CentralGovernmentOrganization),
        (GOVKG.RegionalOffice, ORG.OrganizationalUnit),
        (GOVKG.RegionalOffice, CV.PublicOrganisation),
        (GOVKG.ProvincialGovernment, GOVKG.LocalGovernment),
        (GOVKG.RegencyGovernment, GOVKG.LocalGovernment),
        (GOVKG.CityGovernment, GOVKG.LocalGovernment),
        (GOVKG.CentralGovernmentOrganization, GOVKG.GovernmentOrganization),
        (GOVKG.LocalGovernment, GOVKG.GovernmentOrganization),
        (GOVKG.GovernmentUnit, ORG.OrganizationalUnit),
        (GOVKG.GovernmentUnit, CV.PublicOrganisation),
        (GOVKG.RegionalOwnedEnterprise, GOVKG.StateOwnedEnterprise),
        (GOVKG.ForeignGovernment, ORG.FormalOrganization),
        (GOVKG.ForeignLocalGovernment, CV.PublicOrganisation),
        (GOVKG.InternationalOrganization, ORG.FormalOrganization),
        (GOVKG.JointAgreement, GOVKG.MemorandumOfUnderstanding),
        (GOVKG.LetterOfIntent, GOVKG.StatementOfIntent),
        (GOVKG.Witnessing, PROV.Entity),
        (GOVKG.StateUniversity, GOVKG.GovernmentOrganization),
        (GOVKG.StateOwnedEnterprise, ORG.FormalOrganization),
        (GOVKG.MemorandumOfUnderstanding, GOVKG.Agreement),
        (GOVKG.CooperationAgreement, GOVKG.Agreement),
        (GOVKG.MemorandumOfAgreement, GOVKG.Agreement),
        (GOVKG.StatementOfIntent, GOVKG.Agreement),
        (GOVKG.Agreement, PROV.Entity),
    ],
)
def test_class_hierarchy(ontology_graph: Graph, kind: URIRef, parent: URIRef) -> None:
    assert parent in superclasses(ontology_graph, kind)


def test_state_owned_enterprise_is_not_a_government_organization(ontology_graph: Graph) -> None:
    assert GOVKG.GovernmentOrganization not in superclasses(
        ontology_graph, GOVKG.StateOwnedEnterprise
    )


@pytest.mark.parametrize("unit", [GOVKG.GovernmentUnit, GOVKG.RegionalOffice])
def test_units_are_not_formal_organizations(ontology_graph: Graph, unit: URIRef) -> None:
    """ORG: an organizational unit is not recognised as a legal entity in its own right."""
    assert ORG.FormalOrganization not in superclasses(ontology_graph, unit)
    assert (ORG.unitOf, RDFS.subPropertyOf, ORG.subOrganizationOf) in ontology_graph


def test_ranges_are_in_the_owl2_datatype_map(ontology_graph: Graph) -> None:
    """xsd:date, xsd:gYear, xsd:gYearMonth and rdf:langString are not; SHACL checks those."""
    outside = {XSD_DATE, RDF.langString} | {URIRef(XSD_NS + t) for t in ("gYear", "gYearMonth")}
    ranges = {
        r
        for p in ontology_graph.subjects(RDF.type, OWL.DatatypeProperty)
        for r in ontology_graph.objects(p, RDFS.range)
    }
    assert ranges & outside == set()


def test_annotation_properties_are_kept_apart_from_data_properties(ontology_graph: Graph) -> None:
    for prop in (GOVKG.acronym, GOVKG.dataQualityNote):
        assert (prop, RDF.type, OWL.AnnotationProperty) in ontology_graph
        assert (prop, RDF.type, OWL.DatatypeProperty) not in ontology_graph


@pytest.mark.parametrize(
    ("prop", "inverse"),
    [
        (GOVKG.party, GOVKG.isPartyTo),
        (GOVKG.signature, GOVKG.signatureOf),
        (GOVKG.implements, GOVKG.implementedBy),
    ],
)
def test_inverse_pairs(ontology_graph: Graph, prop: URIRef, inverse: URIRef) -> None:
    assert (prop, OWL.inverseOf, inverse) in ontology_graph
    assert (inverse, OWL.inverseOf, prop) in ontology_graph


@pytest.mark.parametrize(
    ("prop", "domain", "range_"),
    [
        (GOVKG.party, GOVKG.Agreement, ORG.Organization),
        (GOVKG.signatory, GOVKG.Signature, URIRef("http://xmlns.com/foaf/0.1/Person")),
        (GOVKG.inCapacityOf, GOVKG.Signature, ORG.Post),
        (GOVKG.signedOn, GOVKG.Agreement, RDFS.Literal),
        (GOVKG.onBehalfOfPerson, GOVKG.Signature, URIRef("http://xmlns.com/foaf/0.1/Person")),
        (GOVKG.onBehalfOfPost, GOVKG.Signature, ORG.Post),
        (GOVKG.witness, GOVKG.Agreement, GOVKG.Witnessing),
        (GOVKG.witnessedBy, GOVKG.Witnessing, URIRef("http://xmlns.com/foaf/0.1/Person")),
        (GOVKG.witnessInCapacityOf, GOVKG.Witnessing, ORG.Post),
        (GOVKG.regionCode, GOVKG.LocalGovernment, XSD_STRING),
        (GOVKG.scopeText, GOVKG.Agreement, RDF.PlainLiteral),
        (GOVKG.attestedOn, ORG.Membership, RDFS.Literal),
        (GOVKG.inProvince, ORG.Organization, GOVKG.ProvincialGovernment),
        (GOVKG.locatedIn, ORG.Organization, GOVKG.LocalGovernment),
        (GOVKG.cooperatesWith, ORG.Organization, ORG.Organization),
    ],
)
def test_domains_and_ranges(
    ontology_graph: Graph, prop: URIRef, domain: URIRef, range_: URIRef
) -> None:
    assert ontology_graph.value(prop, RDFS.domain) == domain
    assert ontology_graph.value(prop, RDFS.range) == range_


def test_label_subproperties(ontology_graph: Graph) -> None:
    assert (GOVKG.acronym, RDFS.subPropertyOf, SKOS.altLabel) in ontology_graph
    assert (GOVKG.dataQualityNote, RDFS.subPropertyOf, SKOS.note) in ontology_graph


def test_cooperates_with_is_symmetric_irreflexive_and_not_a_chain(ontology_graph: Graph) -> None:
    types = set(ontology_graph.objects(GOVKG.cooperatesWith, RDF.type))
    assert {OWL.SymmetricProperty, OWL.IrreflexiveProperty} <= types
    assert list(ontology_graph.subject_objects(OWL.propertyChainAxiom)) == []
    assert "rules/cooperates-with.rq" in str(
        ontology_graph.value(GOVKG.cooperatesWith, RDFS.comment)
    )


def test_no_blank_nodes_in_the_ontology(ontology_graph: Graph) -> None:
    """Blank nodes would break byte-identical sorted N-Triples of the ontology graph."""
    assert [t for t in ontology_graph if any(not isinstance(x, URIRef | Literal) for x in t)] == []


# ── reasoning ───────────────────────────────────────────────────────────────────────────────────


def test_owlrl_closure_of_the_ontology_runs_clean(ontology_graph: Graph, owl_rl) -> None:
    graph = Graph()
    graph += ontology_graph
    assert owl_rl(graph) == []
    assert len(graph) > len(ontology_graph)


def test_rule_pairs_every_two_different_parties(run_rule) -> None:
    graph = Graph()
    a, b, c, agreement = ID["org/a"], ID["org/b"], ID["org/c"], ID["agreement/x"]
    for party in (a, b, c):
        graph.add((agreement, GOVKG.party, party))
    graph.add((ID["agreement/y"], GOVKG.party, a))
    assert run_rule(graph) == 6
    pairs = set(graph.subject_objects(GOVKG.cooperatesWith))
    assert pairs == {(x, y) for x in (a, b, c) for y in (a, b, c) if x != y}


def test_rule_skips_aliases_declared_same_as(run_rule) -> None:
    graph = Graph()
    graph.add((ID["agreement/x"], GOVKG.party, ID["org/a"]))
    graph.add((ID["agreement/x"], GOVKG.party, ID["org/a-alias"]))
    graph.add((ID["org/a"], OWL.sameAs, ID["org/a-alias"]))
    graph.add((ID["org/a-alias"], OWL.sameAs, ID["org/a"]))
    assert run_rule(graph) == 0


def test_cooperates_with_is_never_reflexive_after_rule_and_owlrl(
    ontology_graph: Graph, run_rule, owl_rl
) -> None:
    graph = Graph()
    graph += ontology_graph
    for path in VALID:
        graph.parse(path, format="turtle")
    assert run_rule(graph) > 0
    assert owl_rl(graph) == []
    pairs = set(graph.subject_objects(GOVKG.cooperatesWith))
    lan, serang = ID["org/lan"], ID["org/kabupaten-36-04"]
    assert {(lan, serang), (serang, lan)} <= pairs
    assert [x for x, y in pairs if x == y] == []
    assert all((y, x) in pairs for x, y in pairs)
