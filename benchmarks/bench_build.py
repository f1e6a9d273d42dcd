"""Build and Turtle export: govkg beside an rdflib-only baseline, in one run.

    python benchmarks/bench_build.py --agreements 250 2500 25000

For each size (synthetic records, generated once and cached): the wall time and peak
memory of `govkg build` in a fresh process; of rdflib merely parsing the govkg.ttl that
build produced (the target: build no slower than that parse); and Turtle export by govkg
(`govkg export --format ttl`) against rdflib's Turtle serializer on the same graph.
"""

from __future__ import annotations

import argparse
import shutil
import statistics

from _common import CACHE, child_peak_mb, machine, ratio, synthetic_records, table

BUILD = """
from govkg.build import build
build([{records!r}], {out!r})
"""
RDFLIB_PARSE = """
from rdflib import Graph
g = Graph().parse({ttl!r}, format="turtle")
print(len(g))
"""
RDFLIB_SERIALIZE = """
import time
from rdflib import Graph
g = Graph().parse({ttl!r}, format="turtle")
start = time.perf_counter()
g.serialize({target!r}, format="turtle")
print(time.perf_counter() - start)
"""
GOVKG_EXPORT = """
from govkg.export import export_graphs
export_graphs({out!r}, "ttl", __import__("pathlib").Path({target!r}))
"""


def median_run(code: str, repeat: int) -> tuple[float, float]:
    runs = [child_peak_mb(code) for _ in range(repeat)]
    return statistics.median(r[0] for r in runs), max(r[1] for r in runs)


def bench_size(agreements: int, seed: int, repeat: int, rdflib_max: int) -> list[list]:
    records = synthetic_records(agreements, seed)
    out = CACHE / f"bench-build-{agreements}-{seed}"
    shutil.rmtree(out, ignore_errors=True)
    build_s, build_mb = median_run(BUILD.format(records=str(records), out=str(out)), repeat)
    ttl = out / "govkg.ttl"
    lines = sum(1 for _ in ttl.open(encoding="utf-8"))
    rows = [["govkg build (records → all outputs)", f"{build_s:.1f}", f"{build_mb:.0f}"]]
    export_s, _ = median_run(GOVKG_EXPORT.format(out=str(out), target=str(out / "x.ttl")), repeat)
    if agreements <= rdflib_max:
        parse_s, parse_mb = median_run(RDFLIB_PARSE.format(ttl=str(ttl)), repeat)
        rows.append(["rdflib parse of that govkg.ttl", f"{parse_s:.1f}", f"{parse_mb:.0f}"])
        rows.append(["ratio build / rdflib parse (target ≤ 1.0)", f"{build_s / parse_s:.2f}", ""])
        ser_s, _ = median_run(RDFLIB_SERIALIZE.format(ttl=str(ttl), target=str(out / "y.ttl")), 1)
        rows.append(["rdflib Turtle export (parse excluded)", f"{ser_s:.1f}", ""])
    else:
        ser_s = None
    rows.append(["govkg export --format ttl (read trig + write)", f"{export_s:.1f}", ""])
    rows.append(["ratio rdflib export / govkg export (target ≥ 10)", ratio(ser_s, export_s), ""])
    print(f"### {agreements} agreements: govkg.ttl has {lines} lines\n")
    print(table(["step", "wall s (median)", "peak MB"], rows))
    print()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agreements", type=int, nargs="+", default=[250, 2500])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--rdflib-max-agreements", type=int, default=100_000)
    args = parser.parse_args()
    print(f"Machine: {machine()}\n")
    for agreements in args.agreements:
        bench_size(agreements, args.seed, args.repeat, args.rdflib_max_agreements)


if __name__ == "__main__":
    main()
