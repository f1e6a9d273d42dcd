"""Build and Turtle export: govkg beside an rdflib-only baseline, in one run (issue 3).

    python benchmarks/bench_build.py                       # 10k and 100k triples (make bench)
    python benchmarks/bench_build.py --agreements 25000 --repeat 1    # ~1M triples

For each size (synthetic records, generated once and cached), every measure in a fresh
process: the wall time and peak memory of the govkg build (records → every output, the
network page included; a stage breakdown is taken in the same runs); rdflib merely parsing
the govkg.ttl that build wrote, then serializing that graph as Turtle; and
``govkg export --format ttl`` (reading govkg.trig, writing, re-parse check).

Targets: build ≤ rdflib parse (ratio ≤ 1.0) with peak memory ≤ 2 GB; export ≥ 10× faster
than rdflib's serializer (serialize time alone, the parse excluded). The table goes into
benchmarks/RESULTS.md (one block per size; other sizes' blocks are kept) unless --no-write.
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess

from _common import (
    CACHE,
    load,
    log,
    machine,
    run_and_record,
    run_child,
    size_parser,
    synthetic_records,
    table,
    today,
    verdict,
)

BUILD_LIMIT_MB = 2048
EXPORT_TARGET = 10.0

# The build, with each stage timed by wrapping the functions govkg.build calls (negligible cost).
BUILD = """
import time
T0 = time.perf_counter()
import json, resource
import govkg.build as b
import govkg.serialize
from govkg.network import write_build_page
stages = {{}}

def wrap(label, fn):
    def timed(*args, **kwargs):
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            entry = stages.setdefault(label, [0.0, 0.0])
            entry[0] += time.perf_counter() - start
            entry[1] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    return timed

for name, label in [
    ("load_paths", "read records"),
    ("resolve_all", "resolve"),
    ("infer_fast", "reason (infer_fast)"),
    ("sorted_lines", "triples → sorted N-Triples texts"),
    ("write_store", "write the Oxigraph store (bulk load, compact)"),
    ("check_store", "SHACL (compiled to SPARQL, on the store)"),
    ("write_document", "write govkg.ttl, -inferred.ttl, .trig (re-parsed), while the store loads"),
]:
    setattr(b, name, wrap(label, getattr(b, name)))
b._assemble = wrap("assemble", b._assemble)
page = wrap("network.html, while SHACL runs", write_build_page)
b.build({records!r}, {out!r}, also=[page])
stages["total (imports included)"] = [time.perf_counter() - T0, 0.0]
print(json.dumps(stages))
"""
RDFLIB_PARSE = """
import time
T0 = time.perf_counter()
from rdflib import Graph
g = Graph().parse({ttl!r}, format="turtle")
print(time.perf_counter() - T0, len(g))
"""
RDFLIB_SERIALIZE = """
import time
from rdflib import Graph
g = Graph().parse({ttl!r}, format="turtle")
T1 = time.perf_counter()
g.serialize({target!r}, format="turtle")
print(time.perf_counter() - T1)
"""
EXPORT = """
import time
T0 = time.perf_counter()
from pathlib import Path
from govkg.dataset_export import export_graphs
export_graphs({out!r}, "ttl", Path({target!r}))
print(time.perf_counter() - T0)
"""


def run_build(records, out, repeat: int) -> tuple[list[float], float, dict]:
    """Fresh-process builds: wall times, the highest peak RSS, the last run's stages."""
    walls, peak, stages = [], 0.0, {}
    for i in range(repeat):
        shutil.rmtree(out, ignore_errors=True)
        log(f"  govkg build {i + 1}/{repeat} …")
        wall, mb, stdout = run_child(BUILD.format(records=[str(records)], out=str(out)))
        stages = json.loads(stdout.strip().splitlines()[-1])
        walls.append(wall)
        peak = max(peak, mb)
        log(f"    {wall:.1f} s, peak {mb:.0f} MB; stages: {stdout.strip()}")
    return walls, peak, stages


def run_rdflib_parse(ttl, repeat: int) -> tuple[list[float], float, int]:
    """Fresh-process rdflib parses: times, peak RSS, triples."""
    parses, peak, triples = [], 0.0, 0
    for i in range(repeat):
        log(f"  rdflib parse {i + 1}/{repeat} …")
        _, mb, stdout = run_child(RDFLIB_PARSE.format(ttl=str(ttl)))
        parse, n = stdout.split()
        parses.append(float(parse))
        triples, peak = int(n), max(peak, mb)
        log(f"    {float(parse):.1f} s, peak {mb:.0f} MB")
    return parses, peak, triples


def run_rdflib_serialize(ttl, target, repeat: int, timeout: float) -> list[float] | None:
    """Fresh-process rdflib Turtle serializations (parse excluded); None after a timeout."""
    times = []
    for i in range(repeat):
        log(f"  rdflib parse + serialize {i + 1}/{repeat} (timeout {timeout:.0f} s) …")
        try:
            _, _, stdout = run_child(
                RDFLIB_SERIALIZE.format(ttl=str(ttl), target=str(target)), timeout=timeout
            )
        except subprocess.TimeoutExpired:
            log("    timed out")
            return None
        times.append(float(stdout.strip()))
        log(f"    serialize {times[-1]:.1f} s")
    return times


def run_export(out, repeat: int) -> tuple[list[float], float]:
    times, peak = [], 0.0
    for i in range(repeat):
        log(f"  govkg export --format ttl {i + 1}/{repeat} …")
        _, mb, stdout = run_child(EXPORT.format(out=str(out), target=str(out / "export.ttl")))
        times.append(float(stdout.strip()))
        peak = max(peak, mb)
    return times, peak


def fmt(times: list[float]) -> str:
    median = statistics.median(times)
    return f"{median:.2f}" if len(times) == 1 else f"{median:.2f} (n={len(times)})"


def bench_size(agreements: int, args) -> str:
    records = synthetic_records(agreements, args.seed)
    out = CACHE / f"build-{agreements}-{args.seed}"
    log(f"{agreements} agreements: {records}")
    walls, build_mb, stages = run_build(records, out, args.repeat)
    (out / "export.ttl").unlink(missing_ok=True)
    ttl = out / "govkg.ttl"
    build_s = statistics.median(walls)
    rdflib_repeat = args.rdflib_repeat or args.repeat
    parses, rdflib_mb, triples = run_rdflib_parse(ttl, rdflib_repeat)
    parse_s = statistics.median(parses)
    exports, export_mb = run_export(out, args.repeat)
    (out / "export.ttl").unlink(missing_ok=True)
    export_s = statistics.median(exports)
    serials = run_rdflib_serialize(ttl, CACHE / "rdflib.ttl", rdflib_repeat, args.rdflib_timeout)
    (CACHE / "rdflib.ttl").unlink(missing_ok=True)
    if serials is None:  # a lower bound: the timeout less the parse
        serial_s = args.rdflib_timeout - parse_s
        serial_cell, ratio_cell = f"> {serial_s:.0f} (stopped)", f"> {serial_s / export_s:.0f}×"
    else:
        serial_s = statistics.median(serials)
        serial_cell, ratio_cell = fmt(serials), f"{serial_s / export_s:.1f}×"
    rows = [
        [
            "govkg build (records → all outputs, fresh process)",
            fmt(walls),
            f"{build_mb:.0f}",
            "",
            "",
        ],
        ["rdflib `Graph().parse` of that govkg.ttl", fmt(parses), f"{rdflib_mb:.0f}", "", ""],
        [
            "**build / rdflib parse** (≤ 1.0)",
            "",
            "",
            f"{build_s / parse_s:.2f}",
            verdict(build_s <= parse_s),
        ],
        [
            "**build peak memory** (≤ 2 GB)",
            "",
            f"{build_mb:.0f}",
            "",
            verdict(build_mb <= BUILD_LIMIT_MB),
        ],
        ["rdflib `serialize(format='turtle')` (parse excluded)", serial_cell, "", "", ""],
        [
            "govkg export --format ttl (read trig, write, re-parse check)",
            fmt(exports),
            f"{export_mb:.0f}",
            "",
            "",
        ],
        [
            "**rdflib serialize / govkg export** (≥ 10)",
            "",
            "",
            ratio_cell,
            verdict(serial_s / export_s >= EXPORT_TARGET),
        ],
    ]
    total = stages.pop("total (imports included)")[0]
    assemble = stages.pop("assemble")[0]
    inside = ("read records", "resolve", "reason (infer_fast)")
    rest = assemble - sum(stages[k][0] for k in inside if k in stages)
    stage_rows = [[k, f"{v[0]:.1f}", f"{v[1]:.0f}"] for k, v in stages.items()]
    stage_rows.insert(2, ["records → triples (rest of assemble)", f"{rest:.1f}", ""])
    stage_rows.append(["total (imports, staging, file moves included)", f"{total:.1f}", ""])
    lines = ttl.read_bytes().count(b"\n")
    body = (
        f"### {agreements} agreements: {triples:,} triples in govkg.ttl ({lines:,} lines)\n\n"
        f"Date: {today()}. Machine: {machine()}; load average at the end: {load()}.  \n"
        f"Command: `{args.command}`  \n"
        f"govkg: median of {args.repeat}; rdflib: median of {rdflib_repeat}.\n\n"
        + table(["measure", "wall s (median)", "peak MB", "ratio", "target"], rows)
        + "\n\nWhere the build's time goes (last run; peak MB = process peak so far):\n\n"
        + table(["stage", "s", "peak MB"], stage_rows)
        + "\n"
    )
    print(body)
    return body


def main() -> None:
    parser = size_parser(__doc__, repeat=3, what="measure")
    parser.add_argument(
        "--rdflib-repeat", type=int, default=0, help="rdflib runs (default: --repeat)"
    )
    parser.add_argument(
        "--rdflib-timeout",
        type=float,
        default=900,
        help="stop rdflib's parse + serialize after this many seconds (a lower bound is shown)",
    )
    args = parser.parse_args()
    run_and_record(
        "bench_build", "Build and Turtle export beside rdflib (issue 3)", NOTES, bench_size, args
    )


NOTES = """\
Each measure runs in a fresh process (imports included for govkg and rdflib alike). The
build is the library call `govkg build` makes; its peak memory is the process's peak RSS.
The rdflib baseline parses the govkg.ttl that build wrote, then serializes it as Turtle; the
export ratio sets rdflib's serialize time alone against the whole `govkg export --format ttl`
(read govkg.trig, select, write, re-parse and compare).
Re-run: `make bench` (10k and 100k triples);
~1M triples: `python benchmarks/bench_build.py --agreements 25000 --repeat 1`."""


if __name__ == "__main__":
    main()
