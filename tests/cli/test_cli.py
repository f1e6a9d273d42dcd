"""The console script as a user runs it: help, exit codes, one-line errors, no tracebacks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from govkg.resources import corpus_records_dir

DATA = Path(__file__).resolve().parents[1] / "data"
UNRESOLVED = DATA / "records" / "unresolved"


def govkg(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "govkg", *args], capture_output=True, text=True, cwd=cwd, timeout=120
    )


@pytest.mark.parametrize("command", ["build", "validate", "export"])
def test_every_command_has_help_with_exit_codes(command):
    result = govkg(command, "--help")
    assert result.returncode == 0
    assert "Exit codes: 0 ok, 1 findings" in result.stdout


def test_build_writes_the_three_files(tmp_path):
    result = govkg("build", "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "govkg-inferred.ttl",
        "govkg.trig",
        "govkg.ttl",
        "names.tsv",
        "network.html",
        "store",
    ]
    sources = 1 + len(list(corpus_records_dir().glob("*.yaml")))  # the seed and the corpus
    assert f"built {sources} source(s)" in result.stdout


def test_unknown_agency_names_file_line_and_candidates(tmp_path):
    result = govkg("build", str(UNRESOLVED / "unknown-agency.yaml"), "-o", str(tmp_path / "o"))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "unknown-agency.yaml:16: events[0].agreements[0].parties[1]" in result.stderr
    assert "LIPI" in result.stderr
    assert not (tmp_path / "o").exists()


def test_ambiguous_name_is_refused_with_both_candidates():
    result = govkg("validate", str(UNRESOLVED / "ambiguous-serang.yaml"))
    assert result.returncode == 2
    assert "36.04" in result.stderr or "Kabupaten Serang" in result.stderr
    assert "Kota Serang" in result.stderr


def test_unknown_field_suggests_fields():
    result = govkg("validate", str(UNRESOLVED / "unknown-field.yaml"))
    assert result.returncode == 2
    assert "pertukaran prangko antik" in result.stderr and "fields[1]" in result.stderr


def test_validate_seed_is_clean():
    result = govkg(
        "validate", str(Path(__file__).resolve().parents[2] / "graph/govkg/data/records")
    )
    assert result.returncode == 0, result.stderr
    assert "no violations" in result.stdout


def test_export_without_a_build_says_what_to_do(tmp_path):
    result = govkg("export", "--format", "nt", "--data", str(tmp_path / "nothing"))
    assert result.returncode == 2
    assert "run 'govkg build' first" in result.stderr


def test_export_writes_every_format(tmp_path, seed_out):
    for fmt in ("ttl", "nt", "trig", "nq", "jsonld"):
        target = tmp_path / f"export.{fmt}"
        result = govkg(
            "export", "--format", fmt, "--data", str(seed_out), "-o", str(target), "--inferred"
        )
        assert result.returncode == 0, result.stderr
        assert target.stat().st_size > 1000


INVALID = DATA / "records" / "invalid"


@pytest.mark.parametrize("fixture", sorted(p.name for p in INVALID.iterdir()))
def test_every_invalid_record_exits_2_with_a_location_and_no_traceback(fixture, tmp_path):
    from click.testing import CliRunner

    from govkg.cli import main

    result = CliRunner().invoke(main, ["validate", str(INVALID / fixture)])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert f"{fixture}:" in result.output
    assert "(fix: " in result.output
