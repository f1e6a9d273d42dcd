"""Every generated documentation file, by path under the repository root, and how to (re)write it.

>>> sorted(documents())[:3]
['docs/cli.md', 'docs/ontology/classes.svg', 'docs/ontology/core.svg']
"""

from __future__ import annotations

from pathlib import Path

from govkg.files import write_atomic
from govkg_tools.docs.cli_reference import cli_reference
from govkg_tools.docs.ontology_page import ontology_pages
from govkg_tools.docs.queries_doc import queries_reference

REGENERATE = (
    "run 'make docs' (or: PYTHONPATH=tools .venv/bin/python -m govkg_tools.docs) and commit it"
)


def documents() -> dict[str, str]:
    """Relative path → text of every generated file."""
    found = {f"docs/ontology/{name}": text for name, text in ontology_pages().items()}
    found["docs/cli.md"] = cli_reference()
    found["docs/queries.md"] = queries_reference()
    return dict(sorted(found.items()))


def write_documents(root: Path) -> list[str]:
    """Write every generated file under ``root``; return the paths whose content changed."""
    changed = []
    for path, text in documents().items():
        target = Path(root) / path
        data = text.encode("utf-8")
        if not target.is_file() or target.read_bytes() != data:
            write_atomic(target, data, sync=False)
            changed.append(path)
    return changed


def stale(root: Path) -> list[str]:
    """The generated files under ``root`` that are missing or differ from a fresh generation."""
    return [
        path
        for path, text in documents().items()
        if not (Path(root) / path).is_file()
        or (Path(root) / path).read_bytes() != text.encode("utf-8")
    ]
