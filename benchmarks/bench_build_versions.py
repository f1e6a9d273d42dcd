"""The build of two versions of the package, alternated in one run, beside rdflib's parse.

    git archive <commit> | tar -x -C /tmp/before        # the other version, a whole tree
    python benchmarks/bench_build_versions.py --before /tmp/before/graph --agreements 2500

Each run is a fresh ``govkg build RECORDS -o OUT -v`` process (the network page included)
with ``PYTHONPATH`` set to one version's ``graph/`` folder, this checkout's and the other's
taking turns, then rdflib's ``Graph().parse`` of the govkg.ttl just written. On a shared
machine wall times follow the load, so the CPU time of each child (user + sys, all its
threads) is the figure to compare; the load average is printed with every run. Prints a
Markdown table and the last run's stages of each version; writes nothing.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from _common import CACHE, log, synthetic_records

HERE = Path(__file__).resolve().parents[1] / "graph"
STAGE = re.compile(r"^\s+[\d.]+ s  ")
"""A stage line of ``govkg build -v``."""
BUILD = (
    "import resource, runpy, sys\n"
    "sys.argv = ['govkg', 'build', {records!r}, '-o', {out!r}, '-v']\n"
    "try:\n    runpy.run_module('govkg', run_name='__main__')\n"
    "except SystemExit as done:\n    assert not done.code, done.code\n"
    "print('__PEAK__', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)\n"
)
PARSE = (
    "import resource\nfrom rdflib import Graph\n"
    "g = Graph().parse({ttl!r}, format='turtle')\n"
    "print('__PEAK__', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)\n"
)


def child(code: str, graph: Path) -> tuple[float, float, float, str]:
    """Run ``code`` with ``graph`` first on the path: wall s, CPU s, peak MB, its output."""
    env = dict(os.environ, PYTHONPATH=str(graph))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode:
        raise SystemExit(f"child failed:\n{done.stderr}")
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    text = done.stdout + done.stderr
    peak = float([line for line in text.splitlines() if line.startswith("__PEAK__")][-1].split()[1])
    return wall, cpu, peak, text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, required=True, help="the other version's graph/")
    parser.add_argument("--agreements", type=int, default=2500)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    records = synthetic_records(args.agreements, args.seed)
    sides = {f"before ({args.before})": args.before, f"this checkout ({HERE})": HERE}
    runs: dict[str, list[tuple[float, float, float]]] = {name: [] for name in sides}
    runs["rdflib Graph().parse of govkg.ttl"] = []
    stages = {}
    for i in range(args.repeat):
        for n, (name, graph) in enumerate(sides.items()):
            out = CACHE / f"versions-{n}"
            shutil.rmtree(out, ignore_errors=True)
            wall, cpu, peak, text = child(BUILD.format(records=str(records), out=str(out)), graph)
            runs[name].append((wall, cpu, peak))
            stages[name] = [line for line in text.splitlines() if STAGE.match(line)]
            log(
                f"{name} {i + 1}: {wall:.1f} s wall, {cpu:.1f} s CPU, {peak:.0f} MB, load {_load()}"
            )
        wall, cpu, peak, _ = child(PARSE.format(ttl=str(out / "govkg.ttl")), HERE)
        runs["rdflib Graph().parse of govkg.ttl"].append((wall, cpu, peak))
        log(f"rdflib parse {i + 1}: {wall:.1f} s wall, {cpu:.1f} s CPU; load {_load()}")
    print(f"{args.agreements} agreements (seed {args.seed}), medians of {args.repeat}\n")
    print("| what | CPU s | wall s | peak MB |\n|---|---|---|---|")
    for name, values in runs.items():
        wall, cpu = (statistics.median(v[k] for v in values) for k in (0, 1))
        print(f"| {name} | {cpu:.2f} | {wall:.2f} | {max(v[2] for v in values):.0f} |")
    print(f"\nload average at the end: {_load()}")
    for name, lines in stages.items():
        print(f"\nstages, last run, {name}:\n" + "\n".join(lines))


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


if __name__ == "__main__":
    main()
