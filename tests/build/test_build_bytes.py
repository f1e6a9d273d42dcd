"""The build's bytes stay as they were when its term model changed (issue #16).

The build made its triples in rdflib terms and wrote their N-Triples text with rdflib's
private ``_quoteLiteral`` until commit c2fcf15; it now makes Oxigraph terms and writes
Oxigraph's N-Triples text. ``tests/data/golden/build-digests.json`` holds the SHA-256 of
every output file, and of the sorted statements of every named graph, that the rdflib-term
build wrote for three inputs: the seed record, 300 synthetic agreements and a record of
awkward text (quotes, backslashes, tabs, non-BMP characters, a decimal confidence of 1).
Regenerate after a deliberate change of the outputs with ``pytest tests/build --update-golden``.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from govkg.build import build
from govkg.resources import seed_record
from govkg.synth import write_synthetic

DATA = Path(__file__).parents[1] / "data"
DIGESTS = DATA / "golden" / "build-digests.json"
FILES = ("govkg.trig", "govkg.ttl", "govkg-inferred.ttl", "names.tsv")
CASES = ("seed", "synthetic-300", "awkward-text")


def records(case: str, folder: Path) -> list[Path]:
    if case == "seed":
        return [seed_record()]
    if case == "synthetic-300":
        write_synthetic(folder / "records", agreements=300, seed=0)
        return [folder / "records"]
    return [DATA / "build-bytes" / "awkward-text.json"]


def digests(case: str, folder: Path) -> dict[str, str]:
    """SHA-256 of each output file and of the build's sorted N-Quads (graph by graph)."""
    built = build(records(case, folder), folder / "out")
    found = {name: _sha256((folder / "out" / name).read_bytes()) for name in FILES}
    quads = "".join(
        f"{line} <{getattr(name, 'value', name)}> .\n"  # rdflib URIRef before, NamedNode now
        for name, lines in built.lines().items()
        for line in lines
    )
    found["sorted statements (N-Quads)"] = _sha256(quads.encode("utf-8"))
    return found


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.mark.parametrize("case", CASES)
def test_outputs_are_byte_identical_to_the_recorded_build(case, tmp_path, update_golden):
    found = digests(case, tmp_path)
    recorded = json.loads(DIGESTS.read_text(encoding="utf-8")) if DIGESTS.exists() else {}
    if update_golden:
        recorded[case] = found
        DIGESTS.write_text(json.dumps(recorded, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    assert found == recorded[case]
