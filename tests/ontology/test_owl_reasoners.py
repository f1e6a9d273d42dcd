"""HermiT and Pellet on the ontology alone and with the seed and corpus builds (issue 19).

Both run through ``tools/owl/Reason.java`` with the jars owlready2 ships (a dev dependency, from
PyPI) and a Java runtime, offline, and **without switches**: the ontology alone and with the data as
published. The data's ``xsd:date``, ``xsd:gYearMonth`` and ``xsd:gYear`` literals are outside the
OWL 2 datatype map; the properties that carry them are annotation properties for OWL (see
docs/decisions/0002-ontology.md), so HermiT loads them instead of refusing the data, and one test
shows it refusing them as data property values. Then each reasoner must find the data
consistent, no class unsatisfiable, and give every named individual exactly the classes (of
govkg.ttl and its import) that govkg's own OWL RL inference gives it in ``govkg-inferred.ttl``.
``govkg:cooperatesWith`` is made by a SPARQL rule that no DL reasoner draws (its domain and
range add no class a party does not have already), so only class memberships are compared, not
property values. Without Java the tests are skipped with the reason.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pytest

from govkg.resources import ontology_dir

ROOT = Path(__file__).resolve().parents[2]
REASON = ROOT / "tools" / "owl" / "Reason.java"
ONTOLOGY = (ontology_dir() / "imports" / "reused-terms.ttl", ontology_dir() / "govkg.ttl")
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
OWL_CLASS = ox.NamedNode("http://www.w3.org/2002/07/owl#Class")
SIGNED_ON = "https://w3id.org/govkg/ontology#signedOn"
JAVA = shutil.which("java")

pytestmark = pytest.mark.skipif(
    JAVA is None, reason="needs Java: run scripts/install-owlapi.sh (installs a JDK)"
)


@dataclass(frozen=True)
class Result:
    """What one reasoner said: consistent, the unsatisfiable classes, (individual, class) pairs."""

    consistent: bool
    unsatisfiable: list[str]
    types: set[tuple[str, str]]


def classpath(reasoner: str) -> str:
    """owlready2's HermiT (with its patched classes first) or Pellet jars."""
    spec = importlib.util.find_spec("owlready2")
    assert spec and spec.origin, "owlready2 is missing: pip install -e '.[dev]'"
    home = Path(spec.origin).parent
    if reasoner == "hermit":
        return f"{home / 'hermit'}:{home / 'hermit' / 'HermiT.jar'}"
    return ":".join(str(jar) for jar in sorted((home / "pellet").glob("*.jar")))


def run(reasoner: str, *files: Path) -> subprocess.CompletedProcess:
    """Run ``Reason.java`` with one reasoner on the files (imported file first)."""
    command = [JAVA, "-cp", classpath(reasoner), str(REASON), reasoner, *map(str, files)]
    return subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)


def reason(reasoner: str, *files: Path) -> Result:
    """The reasoner's verdict; fails the test when it refuses the input."""
    done = run(reasoner, *files)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-4000:]
    lines = [line.split(" ") for line in done.stdout.splitlines()]
    return Result(
        consistent=["consistent", "true"] in lines,
        unsatisfiable=[words[1] for words in lines if words[0] == "unsatisfiable"],
        types={(words[1], words[2]) for words in lines if words[0] == "type"},
    )


def quads(*paths: Path) -> list[ox.Quad]:
    return [q for path in paths for q in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)]


def memberships(out: Path) -> tuple[set[tuple[str, str]], Callable[[tuple[str, str]], bool]]:
    """(individual, class) from govkg.ttl + govkg-inferred.ttl, and the test of which pairs count:
    the data's subjects and the classes the ontology and its import declare."""
    classes = {q.subject.value for q in quads(*ONTOLOGY) if q.object == OWL_CLASS}
    subjects = {q.subject.value for q in quads(out / "govkg.ttl")}

    def counts(pair: tuple[str, str]) -> bool:
        return pair[0] in subjects and pair[1] in classes

    inferred = quads(out / "govkg.ttl", out / "govkg-inferred.ttl")
    pairs = {(q.subject.value, q.object.value) for q in inferred if q.predicate == RDF_TYPE}
    return set(filter(counts, pairs)), counts


@pytest.mark.parametrize("reasoner", ["hermit", "pellet"])
def test_the_ontology_alone_opens_without_switches(reasoner: str) -> None:
    result = reason(reasoner, *ONTOLOGY)
    assert result.consistent and result.unsatisfiable == []


def test_hermit_would_refuse_the_dates_as_data_property_values(
    seed_out: Path, one_document: Callable[..., Path], tmp_path: Path
) -> None:
    """Why govkg:signedOn is an annotation property: as a data property its xsd:date values are
    outside the OWL 2 datatype map, and HermiT refuses the data unless told to ignore them."""
    document = one_document(tmp_path / "seed.nt", *ONTOLOGY, seed_out / "govkg.ttl")
    lines = document.read_text(encoding="utf-8")
    declared = f"<{SIGNED_ON}> <{RDF_TYPE.value}> <http://www.w3.org/2002/07/owl#"
    assert declared + "AnnotationProperty> ." in lines
    retyped = lines.replace(declared + "AnnotationProperty>", declared + "DatatypeProperty>")
    document.write_text(retyped, encoding="utf-8")
    done = run("hermit", document)
    assert done.returncode == 2 and "XMLSchema#date' is not part of the OWL 2" in done.stdout


@pytest.mark.slow
@pytest.mark.parametrize("reasoner", ["hermit", "pellet"])
def test_reasoners_agree_with_govkg_inferences(
    reasoner: str, built_out: Path, one_document: Callable[..., Path], tmp_path: Path
) -> None:
    document = one_document(tmp_path / "input.nt", *ONTOLOGY, built_out / "govkg.ttl")
    result = reason(reasoner, document)
    assert result.consistent and result.unsatisfiable == []
    ours, counts = memberships(built_out)
    theirs = set(filter(counts, result.types))
    assert len(ours) > 40
    assert sorted(theirs - ours) == [] and sorted(ours - theirs) == []
