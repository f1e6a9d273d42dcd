"""Canned queries: govkg (the Oxigraph store the build writes) beside rdflib's engine (issue 3).

    python benchmarks/bench_queries.py                     # 10k and 100k triples (make bench)
    python benchmarks/bench_queries.py --agreements 25000 --rdflib-repeat 1   # ~1M triples

For each size: the synthetic build (the one bench_build.py left, else built once and cached);
every canned query in ``queries/`` run through ``govkg.query.run_on`` on the build's
on-disk store (``OUT/store``, opened read-only, as ``govkg query`` does) and on rdflib's
Dataset parsed from the same ``govkg.trig``. Queries with an optional ``agency`` parameter
run twice: unbound (the whole graph) and bound to the busiest body (the first ``hubs`` row);
``partners`` needs it. Rows are compared between the engines (as sorted text).

Targets: median ≤ 1 s per query, and ≥ 20× faster than rdflib. The table goes into
benchmarks/RESULTS.md (one block per size; other sizes' blocks are kept) unless --no-write.
"""

from __future__ import annotations

import multiprocessing as mp
import statistics
import time

from _common import (
    load,
    log,
    machine,
    run_and_record,
    size_parser,
    synthetic_build,
    table,
    today,
    verdict,
)
from rich.progress import Progress

from govkg.canned import canned_queries
from govkg.engines import STORE_DIR, OxigraphEngine, RdflibEngine, data_files
from govkg.query import run_on

TIME_TARGET = 1.0
RATIO_TARGET = 20.0


def times(fn, repeat: int) -> tuple[list[float], object]:
    spent, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        spent.append(time.perf_counter() - start)
    return spent, result


def rows_text(result) -> list[str]:
    return sorted(repr([str(c) for c in row]) for row in result.rows)


def _rdflib_child(conn, engine, query, given, repeat: int) -> None:
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = run_on(engine, query, given)
        conn.send(time.perf_counter() - start)
    conn.send(rows_text(result))
    conn.close()


def rdflib_times(engine, query, given, repeat: int, timeout: float):
    """rdflib's runs in a forked child (it shares the parsed Dataset), each allowed
    ``timeout`` seconds: rdflib's engine cannot be interrupted in a thread. Returns
    ``(times, rows_text or None)``; ``None`` when the first run was stopped."""
    parent, child = mp.get_context("fork").Pipe(duplex=False)
    process = mp.get_context("fork").Process(
        target=_rdflib_child, args=(child, engine, query, given, repeat)
    )
    process.start()
    child.close()
    spent: list[float] = []
    try:
        for _ in range(repeat):
            if not parent.poll(timeout):
                return (spent, None) if spent else None
            spent.append(parent.recv())
        return spent, parent.recv() if parent.poll(timeout) else None
    finally:
        process.kill()
        process.join()
        parent.close()


def variants(hub: str) -> list[tuple[str, object, dict]]:
    """(label, query, parameters): every query unbound, and bound to ``hub`` when it can be."""
    runs = []
    for query in canned_queries().values():
        agency = query.param("agency")
        if agency is None or not agency.required:
            runs.append((query.name, query, {}))
        if agency is not None:
            runs.append((f"{query.name}(agency)", query, {"agency": hub}))
    return runs


def bench_size(agreements: int, args) -> str:
    log(f"{agreements} agreements: build (cached) …")
    out = synthetic_build(agreements, args.seed)
    start = time.perf_counter()
    fast = OxigraphEngine.open(out / STORE_DIR)
    open_time = time.perf_counter() - start
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    triples = int(str(fast.select(count, {})[1][0][0]))
    rdflib_repeat = args.rdflib_repeat or args.repeat
    slow = None
    if triples <= args.rdflib_max_triples:
        log(f"  rdflib: parsing {out / 'govkg.trig'} …")
        start = time.perf_counter()
        slow = RdflibEngine.from_files(data_files([out]))
        parse_time = time.perf_counter() - start
        log(f"  rdflib: parsed in {parse_time:.1f} s")
    hub = str(run_on(fast, canned_queries()["hubs"], {}).rows[0][0])
    rows = []
    passed = {"time": 0, "ratio": 0}
    runs = variants(hub)
    with Progress(transient=True) as progress:
        task = progress.add_task(f"{agreements} agreements", total=len(runs))
        for label, query, given in runs:
            progress.update(task, description=f"{label}")
            fast_times, result = times(lambda q=query, g=given: run_on(fast, q, g), args.repeat)
            fast_s = statistics.median(fast_times)
            slow_cell, ratio_cell, same, ratio_ok = "–", "–", "–", None
            if slow is not None:
                measured = rdflib_times(slow, query, given, rdflib_repeat, args.rdflib_timeout)
                if measured is None:  # a lower bound: the ratio passes if even that is ≥ 20×
                    bound = args.rdflib_timeout / fast_s
                    slow_cell = f"> {args.rdflib_timeout:.0f} (stopped)"
                    ratio_cell, same = f"> {bound:.0f}×", "not compared"
                    ratio_ok = True if bound >= RATIO_TARGET else None
                else:
                    slow_s = statistics.median(measured[0])
                    slow_cell, ratio_cell = f"{slow_s:.2f}", f"{slow_s / fast_s:.0f}×"
                    if measured[1] is None:
                        same = "not compared"
                    else:
                        same = "yes" if rows_text(result) == measured[1] else "**no**"
                    ratio_ok = slow_s / fast_s >= RATIO_TARGET
            fast_ok = fast_s <= TIME_TARGET
            passed["time"] += fast_ok
            passed["ratio"] += bool(ratio_ok)
            rows.append(
                [
                    label,
                    len(result.rows),
                    f"{fast_s:.3f}",
                    slow_cell,
                    ratio_cell,
                    same,
                    verdict(fast_ok),
                    verdict(ratio_ok),
                ]
            )
            progress.advance(task)
            log(f"  {label}: govkg {fast_s:.3f} s, rdflib {rows[-1][3]} s")
    parsed = "skipped" if slow is None else f"{parse_time:.1f} s"
    body = (
        f"### {agreements} agreements: {triples:,} triples (union of all graphs)\n\n"
        f"Date: {today()}. Machine: {machine()}; load average at the end: {load()}.  \n"
        f"Command: `{args.command}`  \n"
        f"govkg: median of {args.repeat} runs on the on-disk store (opened in "
        f"{open_time * 1000:.0f} ms); rdflib: median of {rdflib_repeat} on a Dataset parsed "
        f"from govkg.trig ({parsed}); agency = `{hub.rsplit('/', 1)[-1]}`.\n\n"
        + table(
            [
                "query",
                "rows",
                "govkg s (median)",
                "rdflib s (median)",
                "ratio",
                "same rows",
                "≤ 1 s",
                "≥ 20×",
            ],
            rows,
        )
        + f"\n\n≤ 1 s: {passed['time']}/{len(rows)} pass; ≥ 20×: "
        + (f"{passed['ratio']}/{len(rows)} pass.\n" if slow is not None else "not measured.\n")
    )
    print(body)
    return body


def main() -> None:
    parser = size_parser(__doc__, repeat=5, what="query")
    parser.add_argument("--rdflib-repeat", type=int, default=3, help="rdflib runs per query")
    parser.add_argument("--rdflib-max-triples", type=int, default=3_000_000)
    parser.add_argument(
        "--rdflib-timeout",
        type=float,
        default=120.0,
        help="stop rdflib's runs of one query after this many seconds (its time is then a bound)",
    )
    args = parser.parse_args()
    run_and_record(
        "bench_queries", "Canned queries beside rdflib's engine (issue 3)", NOTES, bench_size, args
    )


NOTES = """\
Each query goes through `govkg.query.run_on` (parameter binding, list columns sorted), on
the on-disk Oxigraph store that `govkg build` leaves in OUT/store, and on rdflib's own
engine over a Dataset (default graph = union) parsed from the same OUT/govkg.trig; both in
one process, one after the other (rdflib's in a forked child, each run stopped after
`--rdflib-timeout` seconds, 120 by default: then its time is a lower bound and its rows are not
compared).
"same rows" compares the two engines' rows as sorted text.
Re-run: `make bench` (10k and 100k triples);
~1M triples: `python benchmarks/bench_queries.py --agreements 25000 --rdflib-repeat 1`."""


if __name__ == "__main__":
    main()
