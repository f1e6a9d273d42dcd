"""``govkg push`` of about a million triples to Virtuoso: wall time and triples per second.

    python benchmarks/bench_push.py --agreements 12500 [--write]

Builds (once, cached) a synthetic graph, starts a private Virtuoso Open Source 7 on
loopback (its own folder and ports, 1.3 GB of buffers; or uses --endpoint), and times

1. the first push into an empty store (every named graph PUT, the union graph PUT then
   POSTed in batches, then the per-graph count check), and
2. a second push of the same build (each graph replaced; the counts must not change).

Prints a Markdown table; ``--write`` also puts it in ``benchmarks/RESULTS.md``.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import tempfile
import time
from pathlib import Path

from _common import machine, synthetic_build, table

from govkg.remote import Credentials, push
from govkg_tools.virtuoso import running_virtuoso

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


def run(args: argparse.Namespace) -> str:
    started = time.perf_counter()
    out = synthetic_build(args.agreements, args.seed)
    print(f"build ready ({time.perf_counter() - started:.0f} s): {out}", flush=True)
    if args.endpoint:
        creds = Credentials.from_env()
        return measure(args, out, args.endpoint, args.graph_store, creds, "given endpoint")
    folder = Path(tempfile.mkdtemp(prefix="govkg-bench-virtuoso-"))
    try:
        with running_virtuoso(folder, buffers=args.buffers) as vt:
            store = f"private Virtuoso 7, {args.buffers} buffers"
            return measure(args, out, vt.endpoint, vt.graph_store, vt.credentials, store)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def measure(args, out: Path, endpoint: str, graph_store, creds, store: str) -> str:
    options = dict(graph_store=graph_store, credentials=creds, batch_size=args.batch_size)
    first = push([out], endpoint, progress=args.progress, **options)
    again = push([out], endpoint, progress=args.progress, **options)
    assert again.remote == first.remote == first.local, "counts changed on the second push"
    named = first.triples - first.union
    rows = [
        [
            "graph",
            f"{args.agreements} synthetic agreements, {named:,} triples in "
            f"{first.graphs:,} named graphs + union graph of {first.union:,}",
        ],
        ["store", store],
        [
            "first push (empty store)",
            f"{first.seconds:.1f} s, {first.rate:,.0f} triples/s, {first.requests:,} requests",
        ],
        ["second push (replace)", f"{again.seconds:.1f} s, {again.rate:,.0f} triples/s"],
        ["named-graph triples per second (first push)", f"{named / first.seconds:,.0f}"],
        ["counts verified", f"{len(first.remote)} graphs equal after both pushes"],
    ]
    return (
        "<!-- bench_push -->\n## govkg push to Virtuoso\n\n"
        f"Machine: {machine()} (load average at the end: {os.getloadavg()[0]:.1f})  \n"
        f"Command: `python benchmarks/bench_push.py --agreements {args.agreements} "
        f"--seed {args.seed} --batch-size {args.batch_size}`\n\n"
        + table(["measure", "value"], rows)
        + "\n\nTimes include reading the build's store, the count check before and after, and"
        " the union graph (each triple once) that remote queries use as their default graph.\n"
        "<!-- /bench_push -->\n"
    )


def write_results(report: str) -> None:
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n\n"
    pattern = re.compile(r"<!-- bench_push -->.*?<!-- /bench_push -->\n", re.DOTALL)
    text = pattern.sub(lambda _: report, text) if pattern.search(text) else text + "\n" + report
    RESULTS.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agreements", type=int, default=12_500)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--batch-size", type=int, default=50_000)
    parser.add_argument("--buffers", type=int, default=170_000, help="Virtuoso 8 kB buffers")
    parser.add_argument("--endpoint", help="push to this store instead of a private Virtuoso")
    parser.add_argument("--graph-store", help="its Graph Store Protocol URL")
    parser.add_argument("--progress", action="store_true", help="show progress bars")
    parser.add_argument("--write", action="store_true", help="also update benchmarks/RESULTS.md")
    args = parser.parse_args()
    report = run(args)
    print(report)
    if args.write:
        write_results(report)


if __name__ == "__main__":
    main()
