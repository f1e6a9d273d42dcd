"""HermiT and Pellet on the ontology alone and with the seed and corpus builds (issue 19).

Both run through ``tools/owl/Reason.java`` with the jars owlready2 ships (a dev dependency, from
PyPI) and a Java runtime, offline. The ontology alone must open in both **without switches**; with
data, HermiT needs its ``ignoreUnsupportedDatatypes`` switch for the ``xsd:date``,
``xsd:gYearMonth`` and ``xsd:gYear`` literals (outside the OWL 2 datatype map, see
docs/decisions/0002-ontology.md), while Pellet reads them as they are. Then each reasoner must find
the data consistent, no class unsatisfiable, and give every named individual exactly the classes
(of govkg.ttl and its import) that govkg's own OWL RL inference gives it in
``govkg-inferred.ttl``. ``govkg:cooperatesWith`` is made by a SPARQL rule that no DL reasoner
draws (its domain and range add no class a party does not have already), so only class
memberships are compared, not property values. Without Java the tests are skipped with the reason.
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
SWITCH = "--ignore-unsupported-datatypes"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
OWL_CLASS = ox.NamedNode("http://www.w3.org/2002/07/owl#Class")
IS_ONTOLOGY = (RDF_TYPE, ox.NamedNode("http://www.w3.org/2002/07/owl#Ontology"))
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


def run(reasoner: str, *files: Path, switch: bool = False) -> subprocess.CompletedProcess:
    """Run ``Reason.java`` with one reasoner on the files (imported file first)."""
    flags = [SWITCH] if switch else []
    command = [JAVA, "-cp", classpath(reasoner), str(REASON), reasoner, *flags, *map(str, files)]
    return subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)


def reason(reasoner: str, *files: Path, switch: bool = False) -> Result:
    """The reasoner's verdict; fails the test when it refuses the input."""
    done = run(reasoner, *files, switch=switch)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-4000:]
    lines = [line.split(" ") for line in done.stdout.splitlines()]
    return Result(
        consistent=["consistent", "true"] in lines,
        unsatisfiable=[words[1] for words in lines if words[0] == "unsatisfiable"],
        types={(words[1], words[2]) for words in lines if words[0] == "type"},
    )


def quads(*paths: Path) -> list[ox.Quad]:
    return [q for path in paths for q in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)]


def reasoner_input(out: Path, target: Path) -> Path:
    """One N-Triples file: the ontology and its import (headers dropped, so nothing is imported
    from the web) and the build's asserted data, so the parser sees every declaration."""
    everything = quads(*ONTOLOGY, out / "govkg.ttl")
    headers = {q.subject for q in everything if (q.predicate, q.object) == IS_ONTOLOGY}
    kept = [q.triple for q in everything if q.subject not in headers]
    target.write_bytes(ox.serialize(kept, format=ox.RdfFormat.N_TRIPLES))
    return target


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


def test_hermit_refuses_dated_data_without_its_switch(seed_out: Path, tmp_path: Path) -> None:
    """Why the data runs below turn the switch on: xsd:date is outside the OWL 2 datatype map."""
    done = run("hermit", reasoner_input(seed_out, tmp_path / "seed.nt"))
    assert done.returncode == 2 and "XMLSchema#date' is not part of the OWL 2" in done.stdout


@pytest.mark.slow
@pytest.mark.xdist_group("corpus")  # the fixture is looked up by name: see tests/conftest.py
@pytest.mark.parametrize("reasoner", ["hermit", "pellet"])
@pytest.mark.parametrize("data", ["seed", "corpus"])
def test_reasoners_agree_with_govkg_inferences(
    reasoner: str, data: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    out = request.getfixturevalue(f"{data}_out")  # tests/conftest.py: built once per session
    data_file = reasoner_input(out, tmp_path / "input.nt")
    result = reason(reasoner, data_file, switch=reasoner == "hermit")
    assert result.consistent and result.unsatisfiable == []
    ours, counts = memberships(out)
    theirs = set(filter(counts, result.types))
    assert len(ours) > 40
    assert sorted(theirs - ours) == [] and sorted(ours - theirs) == []
