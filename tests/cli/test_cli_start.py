"""``govkg --help`` starts without importing what only a command's work needs (issue #17)."""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ("rdflib", "pyoxigraph", "rich", "yaml", "jinja2", "networkx", "pyshacl", "owlrl")


def _modules_after(code: str) -> set[str]:
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(json.loads(out.stdout.splitlines()[-1]))


def test_the_command_line_imports_no_heavy_library():
    loaded = _modules_after("import govkg.cli")
    assert not {m.split(".")[0] for m in loaded} & set(HEAVY)


def test_help_imports_no_heavy_library():
    code = (
        "import sys\nfrom govkg.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass"
    )
    loaded = _modules_after(code)
    assert not {m.split(".")[0] for m in loaded} & set(HEAVY)


def test_an_error_still_prints_through_rich(tmp_path):
    out = subprocess.run(
        [sys.executable, "-m", "govkg", "query", "no-such-query", "--data", str(tmp_path)],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 2
    assert out.stderr.startswith("error:")
