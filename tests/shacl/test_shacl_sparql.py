"""The SPARQL fast path (``govkg.shacl.fast.check_store``) finds exactly what pySHACL finds.

Compared on every example in ``ontology/examples`` (with the reference data, the ontology,
the cooperates-with rule and the OWL RL inferences, as the build has them), the bundled
seed build, a small synthetic build, and seed copies mutated to break shapes. Both sides
must agree on the set of (focus node, source shape, severity) — the contract — and,
stricter, on each finding's message and count and on its path (pySHACL reports an inverse
path as a fresh blank node, the fast path as ``^iri``: both compare as ``^``). pySHACL's
findings are computed once per data set and cached for the module.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import owlrl
import pyoxigraph as ox
import pyshacl
import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.term import Node

import govkg.build
from govkg.build import Built, assemble, ontology_triples
from govkg.errors import GovkgError
from govkg.namespaces import ID_BASE
from govkg.reason import infer as infer_oxigraph
from govkg.resources import ontology_dir
from govkg.shacl.fast import check_store, compile_shapes, project_checks, sort_findings
from govkg.shacl.shapes import Finding, check_graph, shapes_graph
from govkg.synth import write_synthetic
from govkg.terms import to_oxigraph, to_rdflib

Graphs = dict[URIRef, set[tuple]]

EXAMPLES = ontology_dir() / "examples"
REFERENCE = EXAMPLES / "valid" / "reference.ttl"
CASES = sorted((EXAMPLES / "invalid").glob("*.ttl")) + sorted((EXAMPLES / "valid").glob("*.ttl"))
SHAPES_NS = "https://w3id.org/govkg/shapes#"
CONCEPTS = (ID_BASE + "field/", ID_BASE + "role/")
GRAPH = Namespace("urn:test:graph/")
ID = Namespace(ID_BASE)
GOVKG = Namespace("https://w3id.org/govkg/ontology#")
PROV = Namespace("http://www.w3.org/ns/prov#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
SCHEMA = Namespace("https://schema.org/")
# not rdflib.namespace.XSD: pytest's doctest scan of a test module makes that namespace warn
XSD_DATE = URIRef("http://www.w3.org/2001/XMLSchema#date")


# ── helpers ─────────────────────────────────────────────────────────────────────────────────────


def parse(path: Path) -> set[tuple]:
    return set(Graph().parse(path, format="turtle"))


def graph_of(graphs: Graphs) -> Graph:
    """The union of ``graphs`` as one rdflib Graph, as the build hands it to pySHACL."""
    graph = Graph()
    for triples in graphs.values():
        for triple in triples:
            graph.add(tuple(map(as_rdflib, triple)))
    return graph


def as_rdflib(term):
    """A term of the build (Oxigraph) or of a parsed example (rdflib) as an rdflib term."""
    return term if isinstance(term, Node) else to_rdflib(term)


def as_oxigraph(term):
    """The other way: an rdflib term of an example, or a build's Oxigraph term as it is."""
    return term if isinstance(term, ox.NamedNode | ox.BlankNode | ox.Literal) else to_oxigraph(term)


def rdflib_triples(triples) -> set[tuple]:
    return {tuple(map(as_rdflib, triple)) for triple in triples}


def rdflib_graphs(graphs) -> Graphs:
    """A build's graphs (Oxigraph terms, the package's model) in this test's rdflib terms."""
    return {as_rdflib(name): rdflib_triples(triples) for name, triples in graphs.items()}


def infer(triples) -> set[tuple]:
    """:func:`govkg.reason.infer` (which takes and gives Oxigraph terms) on rdflib triples."""
    return rdflib_triples(infer_oxigraph({tuple(map(as_oxigraph, t)) for t in triples}))


def store_of(graphs: Graphs) -> ox.Store:
    """The graphs as named graphs of an Oxigraph store (its default graph is their union)."""
    store = ox.Store()
    store.extend(
        ox.Quad(*map(as_oxigraph, triple), as_oxigraph(name))
        for name, triples in graphs.items()
        for triple in triples
    )
    return store


def normal_path(path: str) -> str:
    return path if not path or path.startswith(("http", "urn:")) else "^"


def assert_same(fast: list[Finding], reference: list[Finding]) -> None:
    """The contract (focus, shape, severity), then messages, counts and paths too."""
    assert {(f.focus, f.shape, f.severity) for f in fast} == {
        (f.focus, f.shape, f.severity) for f in reference
    }

    def detail(f: Finding) -> tuple[str, ...]:
        return f.severity, f.focus, f.shape, normal_path(f.path), f.message

    assert Counter(map(detail, fast)) == Counter(map(detail, reference))


def shape_names(findings: list[Finding]) -> set[str]:
    return {f.shape.removeprefix(SHAPES_NS) for f in findings}


def is_concept(term: object) -> bool:
    return isinstance(term, URIRef) and str(term).startswith(CONCEPTS)


class ExampleInferences:
    """``govkg.reason.infer(ontology | reference | example)`` for many examples, ~10× faster.

    OWL RL's cost grows with the graph, and most of the ontology is labels and the
    cooperation-field and role concepts. So the ontology's schema (no literal-valued
    triples, no concepts) is closed once; per example, the closure runs on that, the
    concepts the data mentions, the reference data and the example; the inferences of
    ontology + reference add what this leaves out. ``test_example_inferences_are_the_builds``
    checks the result against ``infer``.
    """

    def __init__(self, ontology: set[tuple], reference: set[tuple]) -> None:
        self.ontology, self.reference = ontology, reference
        self.base = infer(ontology | reference)
        schema = Graph()
        for triple in ontology:
            if not isinstance(triple[2], Literal) and not any(map(is_concept, triple)):
                schema.add(triple)
        owlrl.DeductiveClosure(
            owlrl.OWLRL_Semantics, axiomatic_triples=False, datatype_axioms=False
        ).expand(schema)
        self.schema = set(schema)

    def __call__(self, example: set[tuple]) -> set[tuple]:
        data = self.reference | example
        mentioned = {term for triple in data for term in triple if is_concept(term)}
        concepts = {
            (s, p, o)
            for s, p, o in self.ontology
            if (s in mentioned or o in mentioned) and not isinstance(o, Literal)
        }
        inferred = infer(self.schema | concepts | data)
        return (self.base | inferred) - self.ontology - data


def pyshacl_findings(data: Graph, shapes: Graph) -> list[Finding]:
    """pySHACL on ``data`` with any shapes graph, read like ``check_graph`` (English message)."""
    _, report, _ = pyshacl.validate(
        data, shacl_graph=shapes, inference="none", advanced=True, allow_warnings=True
    )
    sh = Namespace("http://www.w3.org/ns/shacl#")

    def value(result: object, prop: URIRef) -> str:
        terms = sorted(
            report.objects(result, prop), key=lambda t: (getattr(t, "language", "") != "en", t)
        )
        return str(terms[0]) if terms else ""

    return [
        Finding(
            severity=value(result, sh.resultSeverity).rsplit("#", 1)[-1],
            focus=value(result, sh.focusNode),
            path=value(result, sh.resultPath),
            message=value(result, sh.resultMessage),
            shape=value(result, sh.sourceShape),
        )
        for result in report.objects(None, sh.result)
    ]


# ── fixtures ────────────────────────────────────────────────────────────────────────────────────


@pytest.fixture(scope="module")
def ontology() -> set[tuple]:
    return rdflib_triples(ontology_triples())


@pytest.fixture(scope="module")
def example_inferences(ontology: set) -> ExampleInferences:
    return ExampleInferences(ontology, parse(REFERENCE))


@pytest.fixture(scope="module")
def example_case(
    example_inferences: ExampleInferences,
) -> Callable[[Path], tuple[Graphs, list[Finding]]]:
    """Per example: its graphs as the build would hold them, and pySHACL's findings (cached)."""

    @functools.cache
    def case(path: Path) -> tuple[Graphs, list[Finding]]:
        example = parse(path)
        graphs = {
            GRAPH.ontology: example_inferences.ontology,
            GRAPH.reference: example_inferences.reference,
            GRAPH.example: example,
            GRAPH.inferred: example_inferences(example),
        }
        return graphs, check_graph(graph_of(graphs))

    return case


@pytest.fixture(scope="module")
def seed(seed_build: tuple[Built, Path]) -> tuple[Graphs, list[Finding]]:
    graphs = rdflib_graphs(seed_build[0].graphs)
    return graphs, check_graph(graph_of(graphs))


@pytest.fixture(scope="module")
def corpus(corpus_build: tuple[Built, Path]) -> tuple[Graphs, list[Finding]]:
    graphs = rdflib_graphs(corpus_build[0].graphs)
    return graphs, check_graph(graph_of(graphs))


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> tuple[Graphs, list[Finding]]:
    folder = tmp_path_factory.mktemp("synth")
    write_synthetic(folder, agreements=60, seed=3)
    built = assemble([folder])
    return rdflib_graphs(built.graphs), build_findings(built)


def build_findings(built: Built) -> list[Finding]:
    """pySHACL's findings on all of a build's graphs.

    ``assemble`` computes exactly these while the build validates with pySHACL's
    ``check_graph``: reuse them then (it saves a 5 s run), compute them otherwise.
    """
    if getattr(govkg.build, "check_graph", None) is check_graph:
        return built.findings
    return check_graph(graph_of(built.graphs))


# ── the equivalence ─────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("path", CASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_example_findings_equal_pyshacl(example_case, path: Path) -> None:
    graphs, reference = example_case(path)
    assert_same(check_store(store_of(graphs)), reference)


@pytest.mark.parametrize("path", sorted((EXAMPLES / "invalid").glob("*.ttl")), ids=lambda p: p.stem)
def test_invalid_example_fails_on_the_shape_it_names(example_case, path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    named = set(re.findall(r"govkg-shapes:(\w+)", first))
    graphs, _ = example_case(path)
    assert shape_names(check_store(store_of(graphs))) == named


def test_example_inferences_are_the_builds(example_inferences: ExampleInferences) -> None:
    example = parse(EXAMPLES / "valid" / "mou-lan-kabupaten-serang.ttl")
    everything = example_inferences.ontology | example_inferences.reference | example
    assert example_inferences(example) == infer(everything)


def test_seed_findings_equal_pyshacl(seed) -> None:
    graphs, reference = seed
    assert_same(check_store(store_of(graphs)), reference)


def test_real_corpus_findings_equal_pyshacl(corpus) -> None:
    graphs, reference = corpus
    assert_same(check_store(store_of(graphs)), reference)


def test_synthetic_findings_equal_pyshacl(synthetic) -> None:
    graphs, reference = synthetic
    assert sum(map(len, graphs.values())) > 5000
    assert_same(check_store(store_of(graphs)), reference)


AGREEMENT = ID["agreement/2019-02-01-mou-kabupaten-36-04-lan"]
SIGNATURE = ID["agreement/2019-02-01-mou-kabupaten-36-04-lan/signature/ratu-tatu-chasanah"]
SERANG, LAN = ID["org/kabupaten-36-04"], ID["org/lan"]
SOURCE = ID["source/kontan-2019-02-01-lan-mou"]
SIGNED = (AGREEMENT, GOVKG.signedOn, Literal("2019-02-01", datatype=XSD_DATE))
SERANG_CODE = (SERANG, GOVKG.regionCode, Literal("36.04"))

LIPI_MOU = ID["agreement/2019-02-01-mou-lan-lipi"]


def date(text: str) -> Literal:
    return Literal(text, datatype=XSD_DATE)


# name → (triples removed from the seed, triples added, shapes that must then fail); each
# mutation touches different nodes, so several share one (slow) pySHACL run
MUTATIONS = {
    "date-with-time+signature-for-non-party+source-as-a-string": (
        {SIGNED, (SIGNATURE, GOVKG.onBehalfOf, SERANG)},
        {
            (
                AGREEMENT,
                GOVKG.signedOn,
                Literal("2019-02-01T10:00:00", datatype=URIRef(str(XSD_DATE) + "Time")),
            ),
            (SIGNATURE, GOVKG.onBehalfOf, ID["org/bpom"]),
            (AGREEMENT, PROV.wasDerivedFrom, Literal("Kontan, 1 Februari 2019")),
        },
        {"AgreementSigningDateShape", "SignatureForPartyShape", "AgreementSourceShape"}
        | {"SourceShape"},
    ),
    "second-signing-date+regency-code-36.4+signature-on-two-agreements": (
        {SERANG_CODE},
        {
            (AGREEMENT, GOVKG.signedOn, date("2019-02-03")),
            (SERANG, GOVKG.regionCode, Literal("36.4")),
            (LIPI_MOU, GOVKG.signature, SIGNATURE),
        },
        {"AgreementSigningDateShape", "SignedBeforePublicationShape", "RegencyRegionCodeShape"}
        | {"SignatureAgreementShape", "SignatureForPartyShape"},
    ),
    "ill-formed-date+code-of-another-regency+second-title+field-from-roles": (
        {SIGNED},
        {
            (AGREEMENT, GOVKG.signedOn, date("2019-01-32")),
            (ID["org/kabupaten-11-04"], GOVKG.regionCode, Literal("36.04")),
            (LIPI_MOU, SKOS.prefLabel, Literal("Nota Kesepahaman", lang="id")),
            (LIPI_MOU, GOVKG.cooperationField, ID["role/bupati"]),
        },
        {"AgreementSigningDateShape", "LocalGovernmentRegionCodeShape", "AgreementLabelShape"}
        | {"RegionWithinProvinceShape", "RegionCodeUniqueShape", "AgreementFieldShape"},
    ),
    "code-with-sparql-syntax+undated-source+self-cooperation+self-implementation": (
        {SERANG_CODE, (SOURCE, SCHEMA.datePublished, date("2019-02-01"))},
        {
            (SERANG, GOVKG.regionCode, Literal('36.04" } UNION { ?this ?p ?o } #')),
            (LAN, GOVKG.cooperatesWith, LAN),
            (AGREEMENT, GOVKG.implements, AGREEMENT),
        },
        {"RegencyRegionCodeShape", "SourceShape", "NoSelfCooperationShape"}
        | {"ImplementsEarlierAgreementShape"},
    ),
}


def mutate(graphs: Graphs, removed: set[tuple], added: set[tuple]) -> Graphs:
    assert removed <= set().union(*graphs.values()), "the seed no longer holds these triples"
    mutated = {graph: triples - removed for graph, triples in graphs.items()}
    mutated[GRAPH.mutation] = added
    return mutated


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_mutated_seed_findings_equal_pyshacl(seed, name: str) -> None:
    removed, added, failing = MUTATIONS[name]
    mutated = mutate(seed[0], removed, added)
    fast = check_store(store_of(mutated))
    assert_same(fast, check_graph(graph_of(mutated)))
    assert shape_names(fast) == failing


def test_triples_repeated_in_named_graphs_change_nothing(seed) -> None:
    """The union default graph repeats a triple once per named graph holding it."""
    mutated = mutate(seed[0], *MUTATIONS[sorted(MUTATIONS)[1]][:2])
    everything = set().union(*mutated.values())
    copies = {GRAPH[f"copy/{n}"]: everything for n in range(3)}
    once = check_store(store_of(mutated))
    assert once and check_store(store_of(mutated | copies)) == once


def test_ill_typed_dates_in_sparql_constraints_are_compared_by_their_text(seed) -> None:
    """The date constraints compare the lexical forms at the coarser precision (so that
    xsd:date, xsd:gYearMonth and xsd:gYear compare), never typed values: rdflib's SPARQL and
    Oxigraph then agree even on an ill-typed date. "2019-02-30" is later than the publication
    day "2019-02-01" as text, and sh:datatype flags it as ill-typed on both sides."""
    mutated = mutate(seed[0], {SIGNED}, {(AGREEMENT, GOVKG.signedOn, date("2019-02-30"))})
    fast = check_store(store_of(mutated))
    assert_same(fast, check_graph(graph_of(mutated)))
    assert shape_names(fast) == {"AgreementSigningDateShape", "SignedBeforePublicationShape"}


# ── features shapes.ttl uses only nested, checked at top level against pySHACL ──────────────────

FEATURE_SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <urn:ex:> .
ex:ThingShape a sh:NodeShape ; sh:targetClass ex:Thing ;
  sh:property ex:CodeShape , ex:TagShape , ex:ManyShape , ex:OffShape ;
  sh:not [ sh:hasValue ex:forbidden ] ;
  sh:and ( [ sh:nodeKind sh:IRI ] [ sh:node ex:LabelledShape ] ) ; sh:message "thing" .
ex:LabelledShape a sh:NodeShape ; sh:property [ sh:path ex:label ; sh:minCount 1 ] .
ex:CodeShape a sh:PropertyShape ; sh:path ex:code ; sh:pattern "^ab-" ; sh:flags "i" ;
  sh:nodeKind sh:Literal ; sh:message "code"@en , "kode"@id .
ex:TagShape a sh:PropertyShape ; sh:path ex:tag ; sh:hasValue "x"@en ; sh:severity sh:Info ;
  sh:message "tag" .
ex:ManyShape a sh:PropertyShape ; sh:path ex:part ; sh:minCount 3 ; sh:severity sh:Warning ;
  sh:message "parts" .
ex:OffShape a sh:PropertyShape ; sh:path ex:code ; sh:maxCount 0 ; sh:deactivated true .
ex:NeverShape a sh:PropertyShape ; sh:targetSubjectsOf ex:never ; sh:path ex:code ;
  sh:maxCount 0 .
"""

FEATURE_DATA = """
@prefix ex: <urn:ex:> .
ex:a a ex:Thing ; ex:code "AB-1", "zz", ex:iri ; ex:tag "x"@en ; ex:part 1, 2, 3 ; ex:label "a" .
ex:b a ex:Thing ; ex:code "ab-2" ; ex:tag "x" ; ex:part 1, 1.0 .
ex:forbidden a ex:Thing ; ex:label "f" ; ex:tag "x"@EN .
"""


def test_features_equal_pyshacl_on_a_small_graph() -> None:
    shapes = Graph().parse(data=FEATURE_SHAPES, format="turtle")
    data = Graph().parse(data=FEATURE_DATA, format="turtle")
    store = store_of({GRAPH.data: set(data)})
    fast = check_store(store, shapes)
    assert_same(fast, pyshacl_findings(data, shapes))
    assert {(f.shape.removeprefix("urn:ex:"), f.severity) for f in fast} == {
        ("CodeShape", "Violation"),
        ("TagShape", "Info"),
        ("ManyShape", "Warning"),
        ("ThingShape", "Violation"),
    }


# ── what the compiler refuses ───────────────────────────────────────────────────────────────────

PREFIXES = "@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <urn:ex:> .\n"
REFUSED = {
    "sh:in": "ex:S sh:targetClass ex:C ; sh:path ex:p ; sh:in ( 1 2 ) .",
    "sh:targetNode": "ex:S sh:targetNode ex:n ; sh:path ex:p ; sh:minCount 1 .",
    "sh:xone": "ex:S sh:targetClass ex:C ; sh:xone ( [ sh:class ex:D ] ) .",
    "sh:lessThan": "ex:S sh:targetClass ex:C ; sh:path ex:p ; sh:lessThan ex:q .",
    "sequence path": "ex:S sh:targetClass ex:C ; sh:path ( ex:p ex:q ) ; sh:minCount 1 .",
    "datatype": "ex:S sh:targetClass ex:C ; sh:path ex:p ; sh:datatype ex:myType .",
    "recursive": "ex:S sh:targetClass ex:C ; sh:path ex:p ; sh:node ex:N . ex:N sh:node ex:N .",
    "large count": "ex:S sh:targetClass ex:C ; sh:path ex:p ; sh:minCount 9 .",
    "implicit target": "ex:S a sh:NodeShape, <http://www.w3.org/2000/01/rdf-schema#Class> .",
    "sparql on a property shape": (
        "ex:S sh:targetClass ex:C ; sh:path ex:p ; "
        'sh:sparql [ sh:select "SELECT $this WHERE { $this ex:p ?v }" ] .'
    ),
}
UNSAFE_SELECTS = {
    "optional $this": "SELECT $this WHERE { ?s <urn:p> ?o OPTIONAL { $this <urn:q> ?o } }",
    "limit": "SELECT $this WHERE { $this <urn:p> ?o } LIMIT 1",
    "subquery": "SELECT $this WHERE { $this <urn:p> ?o { SELECT ?o WHERE { ?o <urn:q> ?z } } }",
    "filter in a group": (
        "SELECT $this WHERE { $this <urn:p> ?o { ?o <urn:q> ?z FILTER (?z != $this) } }"
    ),
    "no $this selected": "SELECT ?o WHERE { $this <urn:p> ?o }",
    "current shape": "SELECT $this WHERE { $this <urn:p> $currentShape }",
    "minus": "SELECT $this WHERE { $this <urn:p> ?o MINUS { $this <urn:q> ?o } }",
}


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_unsupported_shapes_are_refused(name: str) -> None:
    shapes = Graph().parse(data=PREFIXES + REFUSED[name], format="turtle")
    with pytest.raises(GovkgError, match="not supported by the SPARQL path"):
        compile_shapes(shapes)


@pytest.mark.parametrize("name", sorted(UNSAFE_SELECTS))
def test_sparql_constraints_that_need_prebinding_are_refused(name: str) -> None:
    turtle = f'ex:S sh:targetClass ex:C ; sh:sparql [ sh:select """{UNSAFE_SELECTS[name]}""" ] .'
    with pytest.raises(GovkgError, match="not supported by the SPARQL path"):
        compile_shapes(Graph().parse(data=PREFIXES + turtle, format="turtle"))


# ── the project's shapes, compiled ──────────────────────────────────────────────────────────────


def test_every_checking_shape_is_compiled() -> None:
    shapes = shapes_graph()
    sh = Namespace("http://www.w3.org/ns/shacl#")
    checking = {
        str(s)
        for p in (sh.path, sh.sparql, sh["or"])
        for s in shapes.subjects(p, None)
        if isinstance(s, URIRef)
    }
    assert {c.shape for c in project_checks()} == checking


def test_queries_hold_only_shape_terms() -> None:
    """Every IRI in the compiled SPARQL comes from the shapes graph, or RDF(S) and XSD."""
    shapes = shapes_graph()
    known = {str(t) for triple in shapes for t in triple if isinstance(t, URIRef)}
    known |= {"http://www.w3.org/1999/02/22-rdf-syntax-ns#type"}
    known |= {"http://www.w3.org/2000/01/rdf-schema#subClassOf"}
    known |= {"http://www.w3.org/2001/XMLSchema#string", "http://www.w3.org/2001/XMLSchema#date"}
    for check in project_checks():
        iris = set(re.findall(r"<([^<>\s]+)>", check.query))
        assert iris <= known | {str(n) for n in _declared_namespaces(shapes)}, check.shape


def _declared_namespaces(shapes: Graph) -> set[str]:
    sh = Namespace("http://www.w3.org/ns/shacl#")
    return {str(o) for o in shapes.objects(None, sh.namespace)}


def test_findings_are_sorted_like_check_graph(seed) -> None:
    graphs, _ = seed
    mutated = dict(graphs)
    mutated[GRAPH.mutation] = {
        (AGREEMENT, GOVKG.signedOn, Literal("0219-02-01", datatype=XSD_DATE))
    }
    fast = check_store(store_of(mutated))
    assert fast and fast == sort_findings(list(reversed(fast)))
    assert [f.severity for f in fast] == sorted(
        (f.severity for f in fast), key={"Violation": 0, "Warning": 1}.get
    )
