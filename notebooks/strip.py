"""Strip outputs and metadata noise from the notebooks before committing them.

    .venv/bin/python notebooks/strip.py            # strip every notebooks/*.ipynb in place
    .venv/bin/python notebooks/strip.py --check    # exit 1 and name the files that need it
    .venv/bin/python notebooks/strip.py A.ipynb …  # only these files

A stripped notebook has no outputs, no execution counts, no cell metadata but ``tags``,
and notebook metadata reduced to the kernel (``python3``) and the language. Standard
library only; the result is written the way Jupyter writes notebooks (one-space indent,
UTF-8, a final newline), so opening and saving an unchanged notebook gives the same file.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


def strip_notebook(notebook: dict) -> dict:
    """The notebook without outputs, execution counts and metadata noise."""
    cells = []
    for cell in notebook["cells"]:
        tags = cell.get("metadata", {}).get("tags")
        clean = {"cell_type": cell["cell_type"], "id": cell["id"]}
        clean["metadata"] = {"tags": tags} if tags else {}
        if cell["cell_type"] == "code":
            clean["execution_count"] = None
            clean["outputs"] = []
        source = cell["source"]
        clean["source"] = source.splitlines(keepends=True) if isinstance(source, str) else source
        cells.append(clean)
    return {
        "cells": cells,
        "metadata": {"kernelspec": KERNELSPEC, "language_info": {"name": "python"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def stripped_text(text: str) -> str:
    """A notebook file's text after stripping."""
    notebook = strip_notebook(json.loads(text))
    return json.dumps(notebook, indent=1, ensure_ascii=False, sort_keys=True) + "\n"


def main(argv: list[str]) -> int:
    check = "--check" in argv
    paths = [Path(a) for a in argv if a != "--check"] or sorted(HERE.glob("*.ipynb"))
    dirty = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        clean = stripped_text(text)
        if clean != text:
            dirty.append(path)
            if not check:
                path.write_text(clean, encoding="utf-8")
    for path in dirty:
        print(f"{'needs stripping' if check else 'stripped'}: {path}")
    return 1 if check and dirty else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
