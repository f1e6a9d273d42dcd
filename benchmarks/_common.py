"""Shared helpers for the benchmark scripts: synthetic data, timing, memory, Markdown tables.

Every benchmark runs govkg and an rdflib-only baseline in the same process run, on the
same synthetic data, and prints medians and the ratio. Synthetic records and builds are
cached under ``benchmarks/.cache/`` (not in git) so repeated runs skip generation.
"""

from __future__ import annotations

import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from govkg.build import build
from govkg.synth import write_synthetic

CACHE = Path(__file__).resolve().parent / ".cache"


def synthetic_records(agreements: int, seed: int = 0) -> Path:
    """A folder of synthetic records (generated once, then reused)."""
    folder = CACHE / f"records-{agreements}-{seed}"
    if not (folder / ".done").exists():
        write_synthetic(folder, agreements, seed)
        (folder / ".done").write_text("ok")
    return folder


def synthetic_build(agreements: int, seed: int = 0) -> Path:
    """A govkg build of the synthetic records (built once, then reused)."""
    out = CACHE / f"build-{agreements}-{seed}"
    if not (out / "govkg.trig").exists():
        build([synthetic_records(agreements, seed)], out)
    return out


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, object]:
    """Median wall time of ``repeat`` calls, and the last call's result."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def child_peak_mb(code: str) -> tuple[float, float]:
    """Run Python ``code`` in a fresh process; its wall time (s) and its own peak RSS (MB)."""
    probe = (
        "\nimport resource, sys\n"
        "peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "sys.stderr.write(f'__PEAK__ {peak}\\n')\n"
    )
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code + probe], check=True,
                          capture_output=True, text=True)
    wall = time.perf_counter() - start
    peak = [line for line in done.stderr.splitlines() if line.startswith("__PEAK__")]
    return wall, int(peak[-1].split()[1]) / 1024


def machine() -> str:
    """One line describing this machine."""
    import os

    return f"{platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} CPUs"


def table(headers: list[str], rows: list[list[object]]) -> str:
    """A Markdown table."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def ratio(slow: float | None, fast: float) -> str:
    """``slow / fast`` as ``12.3×`` (or ``–`` when the baseline did not run)."""
    return "–" if slow is None or fast == 0 else f"{slow / fast:.1f}×"
