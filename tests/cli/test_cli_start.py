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


def test_a_query_imports_neither_rdflib_nor_the_gazetteer(seed_out):
    argv = ["query", "partners", "-p", "agency=LAN", "--data", str(seed_out), "--format", "csv"]
    code = f"from govkg.cli import main\nmain({argv!r}, standalone_mode=False)"
    loaded = _modules_after(code)
    assert "govkg.cli.serve" not in loaded
    assert not {m for m in loaded if m.startswith(("rdflib", "govkg.gazetteer", "govkg.vocab"))}
    assert "xml.sax.saxutils" not in loaded  # it imports urllib.request, http.client, ssl


def test_lazy_commands_list_the_first_paragraph_of_their_help():
    import importlib
    import inspect

    from govkg.cli.commands import LAZY_COMMANDS

    for name, (module, paragraph) in LAZY_COMMANDS.items():
        command = getattr(importlib.import_module(module), name)
        first = inspect.cleandoc(command.help).split("\n\n")[0]
        assert " ".join(first.split()) == paragraph, name
