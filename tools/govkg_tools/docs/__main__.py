"""``python -m govkg_tools.docs [ROOT] [--check]``: regenerate the docs (``make docs``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from govkg_tools.docs.generate import REGENERATE, stale, write_documents
from govkg_tools.docs.pitfalls import pitfalls
from govkg_tools.docs.sources import ontology_graph, shapes_graph


def main(argv: list[str] | None = None) -> int:
    """Write the generated docs under ROOT (default: the current folder); 1 on pitfalls/drift."""
    parser = argparse.ArgumentParser(prog="python -m govkg_tools.docs", description=main.__doc__)
    parser.add_argument("root", nargs="?", default=".", type=Path, help="repository root")
    parser.add_argument("--check", action="store_true", help="only report stale files")
    args = parser.parse_args(argv)
    found = pitfalls(ontology_graph(), shapes_graph())
    for finding in found:
        print(f"ontology pitfall: {finding}", file=sys.stderr)
    if args.check:
        old = stale(args.root)
        for path in old:
            print(f"stale: {path}; {REGENERATE}", file=sys.stderr)
        return 1 if old or found else 0
    for path in write_documents(args.root):
        print(f"wrote {path}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
