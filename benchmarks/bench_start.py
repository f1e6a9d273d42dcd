"""Time how long ``govkg`` takes to start, beside bare Python and ``import pyoxigraph``.

Issue #17's first target: ``govkg --help`` ≤ 0.1 s and ``govkg query partners -p agency=LAN``
on the 1M-triple store (25,000 agreements) ≤ 0.15 s, whole process. Every command runs in a
fresh process; the table gives the median wall time and the median CPU time (user + system,
which a shared machine disturbs less) of ``--repeat`` runs, and the ratio to the baseline
``python -c "import pyoxigraph"`` in the same run.

Run from the repository root::

    .venv/bin/python benchmarks/bench_start.py                      # 250 agreements
    .venv/bin/python benchmarks/bench_start.py --agreements 25000   # the 1M store of the issue
    .venv/bin/python benchmarks/bench_start.py --agreements 25000 --data BUILD   # an existing build
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time

from _common import load, log, ratio, run_and_record, size_parser, synthetic_build, table

GOVKG = [sys.executable, "-m", "govkg"]


def timed_process(argv: list[str], repeat: int) -> tuple[float, float]:
    """Median wall and CPU seconds of ``repeat`` fresh processes running ``argv``."""
    walls, cpus = [], []
    for _ in range(repeat):
        before = os.times()
        start = time.perf_counter()
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        walls.append(time.perf_counter() - start)
        after = os.times()
        cpus.append(
            after.children_user
            - before.children_user
            + after.children_system
            - before.children_system
        )
    return statistics.median(walls), statistics.median(cpus)


def bench_size(agreements: int, args) -> str:
    """The start-up table for a store of ``agreements`` synthetic agreements."""
    store = args.data or synthetic_build(agreements, args.seed)
    commands = {
        'python -c "pass"': [sys.executable, "-c", "pass"],
        'python -c "import pyoxigraph" (baseline)': [sys.executable, "-c", "import pyoxigraph"],
        "govkg --help": [*GOVKG, "--help"],
        "govkg query --help": [*GOVKG, "query", "--help"],
        "govkg query partners -p agency=LAN": [
            *GOVKG,
            "query",
            "partners",
            "-p",
            "agency=LAN",
            "--data",
            str(store),
            "--format",
            "csv",
        ],
    }
    measured = {}
    for name, argv in commands.items():
        log(f"{name} ×{args.repeat}")
        measured[name] = timed_process(argv, args.repeat)
    base_wall, base_cpu = measured['python -c "import pyoxigraph" (baseline)']
    rows = [
        [f"`{name}`", f"{wall:.3f}", f"{cpu:.3f}", ratio(wall, base_wall), ratio(cpu, base_cpu)]
        for name, (wall, cpu) in measured.items()
    ]
    headers = ["command", "wall s", "CPU s", "wall / baseline", "CPU / baseline"]
    block = (
        f"### {agreements} agreements\n\n`{args.command}` · load {load()} · "
        f"{args.repeat} runs each, medians\n\n{table(headers, rows)}\n"
    )
    print(block)
    return block


def main() -> None:
    parser = size_parser(__doc__, repeat=7, what="command")
    parser.set_defaults(agreements=[250])
    parser.add_argument("--data", help="an existing build folder (default: the cached build)")
    run_and_record("bench_start", "Start-up", "", bench_size, parser.parse_args())


if __name__ == "__main__":
    main()
