"""docs/publishing.md §7: the published files validate with pySHACL alone (issue 19).

Runs the section's commands as written, in order (``govkg`` lines through the CLI, ``pyshacl``
lines through pySHACL's own command), in a folder whose ``out/`` is the seed build (the default
build takes pySHACL minutes). Then takes the field and role concepts out of the export and
checks that pySHACL fails: they are what the data needed from ``fields.ttl`` and ``roles.ttl``.
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, URIRef
from rdflib.namespace import SKOS

from govkg.cli import main

PAGE = Path(__file__).resolve().parents[2] / "docs" / "publishing.md"
SECTION = "## 7. Validate what was published"
BLOCK = re.compile(r"^```(console|sh)\n(.*?)^```", re.MULTILINE | re.DOTALL)
PYSHACL = Path(sys.executable).with_name("pyshacl")


def commands() -> list[list[str]]:
    """The section's ``$ govkg …`` and ``pyshacl …`` lines, as words, in order."""
    text = PAGE.read_text(encoding="utf-8").split(SECTION, 1)[1].split("\n## ", 1)[0]
    found = []
    for kind, body in BLOCK.findall(text):
        for line in body.splitlines():
            if kind == "console" and line.startswith("$ "):
                found.append(shlex.split(line[2:]))
            elif kind == "sh" and line.strip():
                found.append(shlex.split(line))
    return found


def run(words: list[str]) -> tuple[int, str]:
    """Exit status and output of one command of the page."""
    if words[0] == "govkg":
        result = CliRunner().invoke(main, words[1:], catch_exceptions=False)
        return result.exit_code, result.output
    assert words[0] == "pyshacl", f"the section runs govkg and pyshacl only: {words}"
    done = subprocess.run(
        [str(PYSHACL), *words[1:]], capture_output=True, text=True, timeout=600, check=False
    )
    return done.returncode, done.stdout + done.stderr


@pytest.fixture(scope="module")
def published(seed_out: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder the section's commands ran in (``out/`` = the seed build)."""
    folder = tmp_path_factory.mktemp("publish")
    shutil.copytree(seed_out, folder / "out")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        for words in commands():
            status, output = run(words)
            assert status == 0, f"$ {shlex.join(words)}\n{output}"
            assert words[0] == "govkg" or "Conforms: True" in output
    return folder


def test_the_documented_commands_validate_the_export(published: Path) -> None:
    checks = [words for words in commands() if words[0] == "pyshacl"]
    assert len(checks) == 2 and any("--inference" in words for words in checks)
    void = Graph().parse(published / "dist" / "void.ttl")
    conforms = {str(o) for o in void.objects(None, URIRef("http://purl.org/dc/terms/conformsTo"))}
    assert {"shapes.ttl", "ontology.ttl"} <= {o.rsplit("/", 1)[-1] for o in conforms}


def test_without_the_concepts_the_check_fails(
    published: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(published / "dist", tmp_path / "dist")
    monkeypatch.chdir(tmp_path)
    data = Graph().parse("dist/govkg.ttl")
    concepts = set(data.subjects(SKOS.inScheme, None))
    assert concepts
    for concept in concepts:
        data.remove((concept, None, None))
    data.serialize("dist/govkg.ttl", format="turtle")
    status, output = run(next(words for words in commands() if words[0] == "pyshacl"))
    assert status == 1 and "Conforms: False" in output
    assert "FieldShape" in output or "RoleShape" in output
