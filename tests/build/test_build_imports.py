"""The build stage imports only what it uses (issue #16): no extraction, remote, server,
network or docs code is loaded by ``import govkg.build``."""

from __future__ import annotations

import json
import subprocess
import sys

OTHER_STAGES = ("govkg.extract", "govkg.remote", "govkg.server", "govkg.network", "govkg.docs")


def test_importing_the_build_loads_no_other_stage():
    probe = "import json, sys, govkg.build\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    loaded = json.loads(out.stdout)
    leaked = [m for m in loaded if m.startswith(OTHER_STAGES)]
    assert leaked == []


def test_a_failing_extra_step_leaves_the_output_folder_as_it_was(tmp_path):
    from govkg.build import build
    from govkg.resources import seed_record

    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("before")

    def broken(staging):
        raise OSError(f"cannot draw into {staging}")

    try:
        build([seed_record()], out, also=[broken])
    except OSError as err:
        assert "cannot draw" in str(err)
    else:
        raise AssertionError("the failing step was not reported")
    assert sorted(p.name for p in out.iterdir()) == ["keep.txt"]
    assert not list(tmp_path.glob(".out.staging-*"))
