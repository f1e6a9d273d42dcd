"""Shared helpers for the benchmark scripts: synthetic data, timing, memory, Markdown tables.

Every benchmark runs govkg and an rdflib-only baseline in the same process run, on the
same synthetic data, and prints medians and the ratio. Synthetic records and builds are
cached under ``benchmarks/.cache/`` (not in git) so repeated runs skip generation.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import re
import shlex
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from govkg.build import build
from govkg.synth import write_synthetic

CACHE = Path(__file__).resolve().parent / ".cache"
TOOLS = Path(__file__).resolve().parents[1] / "tools"
# The benchmarks that start Chromium or Virtuoso import govkg_tools, which lives beside the
# package (tools/), not in it; importing this module first puts it on the path.
if str(TOOLS) not in sys.path:
    sys.path.insert(0, str(TOOLS))
RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


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


def run_child(code: str, timeout: float | None = None) -> tuple[float, float, str]:
    """Run Python ``code`` in a fresh process: its wall time (s), own peak RSS (MB), stdout.

    :raises subprocess.TimeoutExpired: after ``timeout`` seconds (the child is killed).
    """
    probe = (
        "\nimport resource, sys\n"
        "peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "sys.stderr.write(f'__PEAK__ {peak}\\n')\n"
    )
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", code + probe],
        capture_output=True,
        text=True,
        check=False,
        timeout=timeout,
    )
    wall = time.perf_counter() - start
    if done.returncode:
        sys.stderr.write(done.stderr)
        raise SystemExit(f"benchmark child failed (exit {done.returncode})")
    peak = [line for line in done.stderr.splitlines() if line.startswith("__PEAK__")]
    return wall, int(peak[-1].split()[1]) / 1024, done.stdout


def child_peak_mb(code: str) -> tuple[float, float]:
    """Run Python ``code`` in a fresh process; its wall time (s) and its own peak RSS (MB)."""
    wall, peak, _ = run_child(code)
    return wall, peak


def log(message: str) -> None:
    """A progress line on stderr, with the time of day."""
    sys.stderr.write(f"[{time.strftime('%H:%M:%S')}] {message}\n")
    sys.stderr.flush()


def machine() -> str:
    """One line describing this machine."""
    return f"{platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} CPUs"


def table(headers: list[str], rows: list[list[object]]) -> str:
    """A Markdown table."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def ratio(slow: float | None, fast: float) -> str:
    """``slow / fast`` as ``12.3×`` (or ``–`` when the baseline did not run)."""
    return "–" if slow is None or fast == 0 else f"{slow / fast:.1f}×"


def load() -> str:
    """The load averages (1, 5, 15 min), as ``uptime`` prints them."""
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())


def today() -> str:
    """The date of the run (benchmark reports are dated; govkg outputs are not)."""
    return datetime.date.today().isoformat()


def verdict(ok: bool | None) -> str:
    """PASS, FAIL, or ``–`` when the measure was not taken."""
    return "–" if ok is None else ("PASS" if ok else "FAIL")


def merge_blocks(name: str, heading: str, blocks: dict[str, str], notes: str = "") -> None:
    """Put ``blocks`` (key → Markdown) into the ``<!-- name -->`` section of RESULTS.md.

    Each block sits between ``<!-- name:KEY -->`` and ``<!-- /name:KEY -->``; blocks already
    there for other keys are kept, so a run at one size does not erase another size's table.
    """
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n\n"
    section = re.compile(rf"<!-- {name} -->\n.*?<!-- /{name} -->\n", re.DOTALL)
    found = section.search(text)
    kept: dict[str, str] = {}
    if found:
        block = re.compile(rf"<!-- {name}:(\S+) -->\n.*?<!-- /{name}:\1 -->\n", re.DOTALL)
        kept = {m.group(1): m.group(0) for m in block.finditer(found.group(0))}
    for key, body in blocks.items():
        kept[key] = f"<!-- {name}:{key} -->\n{body.rstrip()}\n<!-- /{name}:{key} -->\n"
    ordered = sorted(kept.items(), key=lambda kv: (len(kv[0]), kv[0]))
    new = (
        f"<!-- {name} -->\n## {heading}\n\n"
        + (notes.rstrip() + "\n\n" if notes else "")
        + "\n".join(body for _, body in ordered)
        + f"<!-- /{name} -->\n"
    )
    if found:
        text = text[: found.start()] + new + text[found.end() :]
    else:
        text = text.rstrip("\n") + "\n\n" + new
    RESULTS.write_text(text, encoding="utf-8")


def size_parser(doc: str, repeat: int, what: str) -> argparse.ArgumentParser:
    """The options every size-based benchmark takes: sizes, seed, repeats, --no-write."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--agreements", type=int, nargs="+", default=[250, 2500])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=repeat, help=f"govkg runs per {what}")
    parser.add_argument("--no-write", action="store_true", help="do not update RESULTS.md")
    return parser


def run_and_record(name: str, heading: str, notes: str, bench_size, args) -> None:
    """Run ``bench_size(n, args)`` for each ``--agreements`` size and, unless ``--no-write``,
    put the blocks into RESULTS.md; ``args.command`` records how the script was called."""
    script = Path(sys.argv[0]).name
    args.command = (f"python benchmarks/{script} " + shlex.join(sys.argv[1:])).strip()
    print(f"Machine: {machine()}\n")
    blocks = {str(n): bench_size(n, args) for n in args.agreements}
    if not args.no_write:
        merge_blocks(name, heading, blocks, notes)
