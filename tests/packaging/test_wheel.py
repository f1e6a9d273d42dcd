"""The wheel ships the ontology and queries, and an unpacked wheel builds from any folder."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(folder),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return next(folder.glob("govkg-*.whl"))


def test_wheel_contains_ontology_queries_records_and_gazetteer(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for expected in (
        "govkg/ontology/govkg.ttl",
        "govkg/ontology/shapes.ttl",
        "govkg/ontology/fields.ttl",
        "govkg/ontology/roles.ttl",
        "govkg/queries/README.md",
        "govkg/data/records/kontan-2019-02-01-lan-mou.yaml",
        "govkg/server/static/app.js",
        "govkg/server/templates/about.html",
        "govkg/queries/ui/graphs.rq",
        "govkg/network/views.yaml",
        "govkg/extract/rules.yaml",
    ):
        assert expected in names
    assert any(n.startswith("govkg/gazetteer/data/") for n in names)


TOOLS = ("govkg/docs/", "govkg/browser.py", "govkg/remote/virtuoso.py", "govkg_tools/")


def test_wheel_ships_no_tools(wheel):
    """The docs generator, the Chromium launcher and the private Virtuoso live in tools/
    (used by make docs, tests and benchmarks); none of them is installed with govkg."""
    names = zipfile.ZipFile(wheel).namelist()
    shipped = [n for n in names if n.startswith(TOOLS) or n.endswith("/tools/")]
    assert shipped == [], f"tools shipped in the wheel: {shipped}"
    assert "govkg/cli/__init__.py" in names or "govkg/cli/commands.py" in names


def test_unpacked_wheel_builds_from_another_folder(wheel, tmp_path):
    unpacked = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(unpacked)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(unpacked)}
    code = "import govkg, sys; print(govkg.__file__); from govkg.cli import main; main()"
    result = subprocess.run(
        [sys.executable, "-c", code, "build", "-o", "out"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(str(unpacked))
    assert (elsewhere / "out" / "govkg.ttl").stat().st_size > 1000
