"""OWL RL inferences: owlrl (``govkg.reason.infer``) beside ``govkg.fastreason.infer_fast``.

    .venv/bin/python benchmarks/bench_reasoning.py --agreements 100 1850 25000 --repeat 3

For each size, the asserted triples that ``govkg.build.assemble`` hands to the reasoner
(ontology + reference + synthetic sources; records cached under ``benchmarks/.cache/``)
are pickled once (``benchmarks/.cache/asserted-*``: delete them after changing the ontology
or the triples code); every timed run is a fresh process that loads them and calls one
reasoner. Reported: median wall and CPU seconds, the peak RSS the reasoner added above
the loaded input (Linux ``/proc/self/clear_refs``), the number of kept inferences, and
whether all runs of both reasoners returned the same set. owlrl is skipped (with a note)
where its runs would take more than ten minutes (~0.33 ms per triple), unless
``--owlrl-max`` allows it. The table goes to stdout, the progress bars to stderr.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import statistics
import subprocess
import sys
from pathlib import Path

from _common import CACHE, machine, ratio, synthetic_records, table
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

OWLRL_SECONDS_PER_TRIPLE = 0.33e-3  # ~33 s at 100k, ~320 s at 1M triples on this machine
BUDGET_SECONDS = 600
ENGINES = ("owlrl", "infer_fast")
HEADERS = [
    "agreements",
    "asserted triples",
    "kept inferences",
    "owlrl wall s",
    "infer_fast wall s",
    "ratio (wall)",
    "owlrl CPU s",
    "infer_fast CPU s",
    "ratio (CPU)",
    "owlrl peak +MB",
    "infer_fast peak +MB",
    "same set",
]


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--agreements",
        type=int,
        nargs="+",
        default=[100, 1850, 25000],
        help="synthetic agreements per size (default ≈ 10k, 100k, 1M triples)",
    )
    parser.add_argument("--seed", type=int, default=11, help="synthetic data seed")
    parser.add_argument("--repeat", type=int, default=3, help="fresh runs per engine and size")
    parser.add_argument(
        "--owlrl-max",
        type=int,
        default=None,
        metavar="TRIPLES",
        help="run owlrl up to this many asserted triples (default: what fits ten minutes of runs)",
    )
    parser.add_argument("--worker", nargs=2, metavar=("ENGINE", "PICKLE"), help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def asserted_pickle(agreements: int, seed: int) -> tuple[Path, int]:
    """The pickled asserted triples of one synthetic size (made once), and their count."""
    path = CACHE / f"asserted-{agreements}-{seed}.pickle"
    if not path.exists():
        triples = asserted_triples(synthetic_records(agreements, seed))
        path.write_bytes(pickle.dumps(triples, protocol=pickle.HIGHEST_PROTOCOL))
    count_file = path.with_suffix(".count")
    if not count_file.exists():
        count_file.write_text(str(len(pickle.loads(path.read_bytes()))))
    return path, int(count_file.read_text())


def asserted_triples(records: Path) -> set[tuple]:
    """What ``govkg.build.assemble`` passes to ``infer``: ontology, reference, sources."""
    from govkg.build import ontology_triples, resolve_all
    from govkg.evidence import record_evidence_triples
    from govkg.records.load import load_paths
    from govkg.reference import reference_triples
    from govkg.triples import record_triples

    record_sets = load_paths([records])
    resolved, gazetteer = resolve_all(record_sets)
    used = {p.key for r in resolved for a in r.agreements for p in a.parties}
    triples = ontology_triples() | set(reference_triples(gazetteer, used))
    for one, done in zip(record_sets, resolved, strict=True):
        triples |= set(record_triples(done)) | set(record_evidence_triples(one, done))
    return triples


def worker(engine: str, path: str) -> None:
    """In a fresh process: load the triples, run one reasoner, print one JSON line."""
    import time

    from govkg.fastreason import infer_fast
    from govkg.reason import infer

    with open(path, "rb") as file:
        asserted = pickle.load(file)
    before = reset_peak_kb()
    wall, cpu = time.perf_counter(), time.process_time()
    inferred = (infer if engine == "owlrl" else infer_fast)(asserted)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    peak = memory_kb("VmHWM") - before
    lines = sorted(" ".join(term.n3() for term in triple) for triple in inferred)
    digest = hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()
    result = {"wall": wall, "cpu": cpu, "peak_mb": peak / 1024, "kept": len(inferred)}
    print(json.dumps({**result, "digest": digest}))


def reset_peak_kb() -> int:
    """Reset this process's peak RSS (Linux ``clear_refs``); returns the current RSS in kB."""
    Path("/proc/self/clear_refs").write_text("5")
    return memory_kb("VmRSS")


def memory_kb(field: str) -> int:
    """``VmRSS`` (now) or ``VmHWM`` (peak since the last reset) from ``/proc/self/status``."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise KeyError(field)


def run(engine: str, path: Path) -> dict:
    done = subprocess.run(
        [sys.executable, __file__, "--worker", engine, str(path)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def owlrl_allowed(triples: int, args: argparse.Namespace) -> bool:
    if args.owlrl_max is not None:
        return triples <= args.owlrl_max
    return triples * OWLRL_SECONDS_PER_TRIPLE * args.repeat <= BUDGET_SECONDS


def measure(path: Path, engines: list[str], repeat: int, progress: Progress) -> dict:
    """engine → list of run results."""
    results: dict[str, list[dict]] = {}
    for engine in engines:
        task = progress.add_task(f"  {engine}", total=repeat)
        results[engine] = []
        for _ in range(repeat):
            results[engine].append(run(engine, path))
            progress.advance(task)
    return results


def row(agreements: int, triples: int, results: dict) -> list[object]:
    def median(engine: str, key: str) -> float | None:
        runs = results.get(engine)
        return statistics.median(r[key] for r in runs) if runs else None

    def cell(value: float | None, digits: int = 2) -> str:
        return "skipped" if value is None else f"{value:.{digits}f}"

    fast = results["infer_fast"]
    digests = {r["digest"] for runs in results.values() for r in runs}
    same = "yes" if "owlrl" in results and len(digests) == 1 else "–"
    if "owlrl" not in results and len({r["digest"] for r in fast}) > 1:
        same = "NO (runs differ)"
    elif "owlrl" in results and len(digests) > 1:
        same = "NO"
    return [
        agreements,
        f"{triples:,}",
        f"{fast[0]['kept']:,}",
        cell(median("owlrl", "wall")),
        cell(median("infer_fast", "wall")),
        ratio(median("owlrl", "wall"), median("infer_fast", "wall")),
        cell(median("owlrl", "cpu")),
        cell(median("infer_fast", "cpu")),
        ratio(median("owlrl", "cpu"), median("infer_fast", "cpu")),
        cell(median("owlrl", "peak_mb"), 0),
        cell(median("infer_fast", "peak_mb"), 0),
        same,
    ]


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    if args.worker:
        worker(*args.worker)
        return
    rows, notes = [], []
    columns = (
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=Console(stderr=True)) as progress:
        for agreements in args.agreements:
            task = progress.add_task(f"{agreements} agreements: asserted triples", total=None)
            path, triples = asserted_pickle(agreements, args.seed)
            progress.update(task, total=1, completed=1)
            engines = list(ENGINES)
            if not owlrl_allowed(triples, args):
                engines.remove("owlrl")
                minutes = triples * OWLRL_SECONDS_PER_TRIPLE * args.repeat / 60
                notes.append(
                    f"owlrl skipped at {triples:,} triples (~{minutes:.0f} min for "
                    f"{args.repeat} runs); raise --owlrl-max to include it"
                )
            rows.append(row(agreements, triples, measure(path, engines, args.repeat, progress)))
    print(
        f"Reasoning benchmark: {machine()}; seed {args.seed}; median of {args.repeat} "
        "fresh processes; peak = max RSS added above the loaded input.\n"
    )
    print(table(HEADERS, rows))
    for note in notes:
        print(f"\n- {note}")


if __name__ == "__main__":
    main()
