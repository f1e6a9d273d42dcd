"""Canned queries: govkg (Oxigraph store written by the build) beside rdflib's engine.

    python benchmarks/bench_queries.py --agreements 500 5000 --repeat 3

For each size: builds synthetic records once (cached), then times every canned query on
the on-disk Oxigraph store and on an rdflib Dataset parsed from the same TriG, and prints
medians and ratios. rdflib is skipped above --rdflib-max-triples (it takes minutes).
"""

from __future__ import annotations

import argparse
import time

from _common import machine, ratio, synthetic_build, table, timed
from rich.progress import Progress

from govkg.canned import canned_queries
from govkg.engines import STORE_DIR, OxigraphEngine, RdflibEngine, data_files
from govkg.query import run_on


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agreements", type=int, nargs="+", default=[500, 5000])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--rdflib-max-triples", type=int, default=1_500_000)
    args = parser.parse_args()
    print(f"Machine: {machine()}\n")
    for agreements in args.agreements:
        bench_size(agreements, args)


def bench_size(agreements: int, args) -> None:
    out = synthetic_build(agreements, args.seed)
    start = time.perf_counter()
    fast = OxigraphEngine.open(out / STORE_DIR)
    open_time = time.perf_counter() - start
    triples = int(str(fast.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", {})[1][0][0]))
    slow, parse_time = None, None
    if triples <= args.rdflib_max_triples:
        start = time.perf_counter()
        slow = RdflibEngine.from_files(data_files([out]))
        parse_time = time.perf_counter() - start
    hub = str(run_on(fast, canned_queries()["hubs"], {}).rows[0][0])
    rows = []
    with Progress(transient=True) as progress:
        task = progress.add_task(f"{agreements} agreements", total=len(canned_queries()))
        for query in canned_queries().values():
            given = {"agency": hub} if query.param("agency") else {}
            fast_time, result = timed(lambda q=query, g=given: run_on(fast, q, g), args.repeat)
            slow_time = None
            if slow is not None:
                slow_time, _ = timed(lambda q=query, g=given: run_on(slow, q, g), args.repeat)
            rows.append(
                [
                    query.name,
                    len(result.rows),
                    f"{fast_time:.3f}",
                    "–" if slow_time is None else f"{slow_time:.3f}",
                    ratio(slow_time, fast_time),
                ]
            )
            progress.advance(task)
    print(f"### {agreements} agreements, {triples} triples (union of all graphs)\n")
    print(
        f"Open store: {open_time * 1000:.0f} ms; rdflib parse of govkg.trig: "
        f"{'skipped' if parse_time is None else f'{parse_time:.1f} s'}\n"
    )
    print(table(["query", "rows", "govkg (s, median)", "rdflib (s, median)", "ratio"], rows))
    print()


if __name__ == "__main__":
    main()
