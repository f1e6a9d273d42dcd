"""The commands shown in the user docs work: each ``$ govkg …`` line of a ```console block
runs, in order, in an empty folder (YAML blocks starting ``# <path>`` are written there first),
and every output line shown appears in what the command printed ("…" elides)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from govkg.cli import main

DOCS = Path(__file__).resolve().parents[2] / "docs"
PAGES = ["adding-records.md", "publishing.md"]
BLOCK = re.compile(r"^```(\w+)\n(.*?)^```", re.MULTILINE | re.DOTALL)


def blocks(text: str, kind: str) -> list[str]:
    return [body for lang, body in BLOCK.findall(text) if lang == kind]


def sessions(text: str) -> list[tuple[list[str], list[str]]]:
    """(arguments, shown output lines) of every ``$ govkg`` line in the console blocks."""
    found: list[tuple[list[str], list[str]]] = []
    for body in blocks(text, "console"):
        for line in body.splitlines():
            if line.startswith("$ "):
                words = shlex.split(line[2:])
                assert words[0] == "govkg", f"only govkg commands in console blocks: {line}"
                found.append((words[1:], []))
            elif line.strip():
                found[-1][1].append(line)
    return found


def files(text: str) -> dict[str, str]:
    """The YAML blocks whose first line names a path: ``# my-records/x.yaml``."""
    named = {}
    for body in blocks(text, "yaml"):
        first, _, rest = body.partition("\n")
        if first.startswith("# ") and "/" in first:
            named[first[2:].strip()] = rest
    return named


@pytest.mark.parametrize("page", PAGES)
def test_commands_shown_in_the_docs_work(page: str, tmp_path: Path, monkeypatch) -> None:
    text = (DOCS / page).read_text(encoding="utf-8")
    for name, content in files(text).items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(content, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    runs = sessions(text)
    assert runs, f"{page} shows no commands"
    for args, shown in runs:
        result = CliRunner().invoke(main, args, catch_exceptions=False)
        printed = result.output + (result.stderr if result.stderr_bytes is not None else "")
        assert result.exit_code == 0, f"$ govkg {shlex.join(args)}\n{printed}"
        for line in shown:
            for fragment in filter(None, (f.strip() for f in line.split("…"))):
                assert fragment in printed, f"$ govkg {shlex.join(args)}: no {fragment!r}"


def readme_commands() -> list[list[str]]:
    """The ``govkg`` lines of the README's five-minute block (all but ``serve``, which blocks)."""
    text = (DOCS.parent / "README.md").read_text(encoding="utf-8")
    section = text[text.index("### Five minutes") :]
    body = blocks(section, "sh")[0]
    lines = [line.split("#")[0].strip() for line in body.splitlines()]
    return [shlex.split(line)[1:] for line in lines if line.startswith("govkg ")]


def test_the_readme_five_minute_path_works(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    commands = readme_commands()
    assert ["serve"] in commands and len(commands) >= 5
    assert CliRunner().invoke(main, ["build", "-o", "out"]).exit_code == 0  # make demo
    printed = ""
    for args in (a for a in commands if a != ["serve"]):
        result = CliRunner().invoke(main, args, catch_exceptions=False)
        assert result.exit_code == 0, f"$ govkg {shlex.join(args)}\n{result.output}"
        printed += result.output
    for promised in ("Aceh", "Tengah", "Elin", "Herlina", "id:org/lan,Lembaga Administrasi"):
        assert promised in printed.replace("https://w3id.org/govkg/id/", "id:")  # tables wrap
    # --describe: what validation needs
    shipped = {"void.ttl", "shapes.ttl", "ontology.ttl", "reused-terms.ttl"}
    assert {p.name for p in (tmp_path / "dist").iterdir()} == {"govkg.ttl", "govkg.nt", *shipped}
