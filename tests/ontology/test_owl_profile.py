"""The ontology, the SKOS schemes and the data as OWL tools read them: every reused term declared,
OWL 2 DL and RL (OWL API), alone and with the seed and the corpus builds.

The profile check runs the OWL API 5.1.20 from Debian (``scripts/install-owlapi.sh``, or
``make test-owl``) through ``tools/owl/ProfileCheck.java``, offline; without Java or the OWL API it
is skipped with the reason. The declaration tests need nothing but rdflib.

With data, the OWL API's RL checker reports each language-tagged literal of a data property
(``govkg:scopeText``, ``schema:headline``) as "data range not in profile: rdf:langString": it
types such literals by RDF 1.1, while OWL 2 reads them as ``rdf:PlainLiteral``, which OWL 2 RL
supports (owlcs/owlapi#1158; docs/decisions/0002-ontology.md). The test requires those to be the
only RL violations, one per such literal.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from xml.etree import ElementTree

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD

from govkg.namespaces import GOVKG
from govkg.resources import ontology_dir

ROOT = Path(__file__).resolve().parents[2]
IMPORTS = ontology_dir() / "imports" / "reused-terms.ttl"
IMPORT_IRI = URIRef("https://w3id.org/govkg/ontology/imports/reused-terms")
CHECKER = ROOT / "tools" / "owl" / "ProfileCheck.java"
OWLAPI = Path("/usr/share/java/owlapi-distribution.jar")
BUILT_IN = (str(OWL), str(RDF), str(RDFS), str(XSD), str(GOVKG._NS))
AXIOMS = (RDFS.subClassOf, RDFS.subPropertyOf, RDFS.domain, RDFS.range)
OWL_FILES = ("govkg.ttl", "fields.ttl", "roles.ttl")
"""The files OWL tools open: each imports the declarations and is checked in the profiles."""
LANG_STRING = f"Use of data range not in profile: {RDF.langString} [DataPropertyAssertion("


def foreign(terms: set) -> set[URIRef]:
    return {t for t in terms if isinstance(t, URIRef) and not str(t).startswith(BUILT_IN)}


def used_by_ontology(name: str) -> set[URIRef]:
    document = Graph().parse(ontology_dir() / name)
    used = {t for p in AXIOMS for s, o in document.subject_objects(p) for t in (s, o)}
    return foreign(used | {p for _, p, _ in document} | set(document.objects(None, RDF.type)))


def used_by_data(out: Path) -> set[URIRef]:
    data = Graph().parse(out / "govkg.ttl")
    return foreign({p for _, p, _ in data} | set(data.objects(None, RDF.type)))


def declared() -> set[URIRef]:
    return set(Graph().parse(IMPORTS).subjects(RDF.type, None)) - {IMPORT_IRI}


@pytest.mark.parametrize("name", OWL_FILES)
def test_every_reused_term_is_declared_in_the_imported_file(name: str) -> None:
    assert used_by_ontology(name) - declared() == set()
    document = Graph().parse(ontology_dir() / name)
    (header,) = document.subjects(RDF.type, OWL.Ontology)
    assert (header, OWL.imports, IMPORT_IRI) in document


def test_every_reused_term_the_data_uses_is_declared(built_out: Path) -> None:
    """A new property or class in the data needs its declaration in imports/reused-terms.ttl."""
    assert used_by_data(built_out) - declared() == set()


def test_nothing_is_declared_that_neither_files_nor_builds_use(
    seed_out: Path, corpus_out: Path
) -> None:
    used = set().union(*map(used_by_ontology, OWL_FILES), used_by_data(seed_out))
    assert declared() - used - used_by_data(corpus_out) == set()


def test_the_catalog_maps_the_import_to_the_local_file() -> None:
    catalog = ElementTree.parse(ontology_dir() / "catalog-v001.xml").getroot()
    (entry,) = catalog
    assert entry.get("name") == str(IMPORT_IRI)
    assert (ontology_dir() / entry.get("uri")).resolve() == IMPORTS.resolve()


def profile_check(*files: Path) -> tuple[dict[str, list[str]], str]:
    """The violations the OWL API finds, by profile ("OWL 2 DL", "OWL 2 RL"), and its output."""
    java = shutil.which("java")
    if java is None or not OWLAPI.exists():
        pytest.skip(
            "needs Java and Debian's OWL API: run scripts/install-owlapi.sh (make test-owl)"
        )
    command = [java, "-cp", f"{OWLAPI.parent}/*", str(CHECKER), *map(str, files)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    violations: dict[str, list[str]] = {}
    for line in done.stdout.splitlines():
        if line.startswith("OWL 2 "):
            profile = violations.setdefault(line.split(":")[0], [])
        elif line.startswith("  "):
            profile.append(line.strip())
    assert set(violations) == {"OWL 2 DL", "OWL 2 RL"}, done.stdout + done.stderr
    return violations, done.stdout[-3000:] + done.stderr[-3000:]


def test_ontology_and_schemes_are_in_owl2_dl_and_rl_for_the_owl_api() -> None:
    violations, output = profile_check(IMPORTS, *(ontology_dir() / name for name in OWL_FILES))
    assert violations == {"OWL 2 DL": [], "OWL 2 RL": []}, output


def language_tagged_data_values(document: Path) -> int:
    graph = Graph().parse(document, format="nt")
    data_properties = set(graph.subjects(RDF.type, OWL.DatatypeProperty))
    return sum(
        1
        for _, p, o in graph
        if p in data_properties and isinstance(o, Literal) and o.language is not None
    )


@pytest.mark.slow
def test_ontology_with_data_is_in_owl2_dl_and_rl_for_the_owl_api(
    built_out: Path, one_document: Callable[..., Path], tmp_path: Path
) -> None:
    """The ontology, the schemes and a build's ``govkg.ttl`` (dates and all, as published)."""
    files = (IMPORTS, *(ontology_dir() / name for name in OWL_FILES), built_out / "govkg.ttl")
    document = one_document(tmp_path / "input.nt", *files)
    violations, output = profile_check(document)
    assert violations["OWL 2 DL"] == [], output
    rl = violations["OWL 2 RL"]
    assert [v for v in rl if not v.startswith(LANG_STRING)] == [], output
    assert len(rl) == language_tagged_data_values(document) > 0
