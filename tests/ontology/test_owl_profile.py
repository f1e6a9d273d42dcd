"""The ontology and the SKOS schemes as OWL tools read them: every reused term declared, OWL 2 DL
and RL (OWL API).

The profile check runs the OWL API 5.1.20 from Debian (``scripts/install-owlapi.sh``, or
``make test-owl``) through ``tools/owl/ProfileCheck.java``, offline; without Java or the OWL API it
is skipped with the reason. The declaration test needs nothing but rdflib.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from xml.etree import ElementTree

import pytest
from rdflib import Graph, URIRef
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


@pytest.mark.parametrize("name", OWL_FILES)
def test_every_reused_term_is_declared_in_the_imported_file(name: str) -> None:
    document = Graph().parse(ontology_dir() / name)
    declared = set(Graph().parse(IMPORTS).subjects(RDF.type, None))
    used = {t for p in AXIOMS for s, o in document.subject_objects(p) for t in (s, o)}
    used |= {p for _, p, _ in document} | set(document.objects(None, RDF.type))
    foreign = {t for t in used if isinstance(t, URIRef) and not str(t).startswith(BUILT_IN)}
    assert foreign - declared == set()
    (header,) = document.subjects(RDF.type, OWL.Ontology)
    assert (header, OWL.imports, IMPORT_IRI) in document


def test_the_catalog_maps_the_import_to_the_local_file() -> None:
    catalog = ElementTree.parse(ontology_dir() / "catalog-v001.xml").getroot()
    (entry,) = catalog
    assert entry.get("name") == str(IMPORT_IRI)
    assert (ontology_dir() / entry.get("uri")).resolve() == IMPORTS.resolve()


def test_ontology_and_schemes_are_in_owl2_dl_and_rl_for_the_owl_api() -> None:
    java = shutil.which("java")
    if java is None or not OWLAPI.exists():
        pytest.skip(
            "needs Java and Debian's OWL API: run scripts/install-owlapi.sh (make test-owl)"
        )
    command = [java, "-cp", f"{OWLAPI.parent}/*", str(CHECKER), str(IMPORTS)]
    done = subprocess.run(
        [*command, *(str(ontology_dir() / name) for name in OWL_FILES)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = [line for line in done.stdout.splitlines() if not line.startswith("SLF4J")]
    assert report[:1] == ["OWL 2 DL: 0 violations"] and "OWL 2 RL: 0 violations" in report, (
        done.stdout + done.stderr
    )
    assert done.returncode == 0
