"""``govkg build -v`` prints the wall time of each stage (issue #17)."""

from __future__ import annotations

import re

from click.testing import CliRunner

from govkg.cli import main
from govkg.resources import seed_record

STAGES = ("read records", "resolve against the gazetteer", "triples", "reason", "SHACL")


def test_verbose_build_prints_every_stage(tmp_path):
    result = CliRunner().invoke(
        main, ["build", "-v", "-o", str(tmp_path / "out"), str(seed_record())]
    )
    assert result.exit_code == 0, result.output
    timed = dict(
        (m.group(2), float(m.group(1)))
        for m in re.finditer(r"^\s*(\d+\.\d\d) s  (.+)$", result.output, re.MULTILINE)
    )
    assert set(STAGES) <= set(timed)
    assert "store: bulk load + compaction" in timed
    assert all(seconds >= 0 for seconds in timed.values())


def test_quiet_build_prints_no_timings(tmp_path):
    result = CliRunner().invoke(main, ["build", "-o", str(tmp_path / "out"), str(seed_record())])
    assert result.exit_code == 0, result.output
    assert " s  read records" not in result.output
