"""Where a build's CPU goes: its stages one after another, and ways of writing the store (issue 17).

    python benchmarks/build_cpu.py stages RECORDS WORK     # each stage's CPU and wall
    python benchmarks/build_cpu.py store WORK STORE MODE   # the store from WORK's statement files

``stages`` runs the functions ``govkg build`` calls, one at a time (no threads), in a staging
folder WORK, and prints each stage's wall time, CPU time (user + sys of the whole process, so
Oxigraph's own threads count) and the process's peak memory; the statement files stay in WORK.
``store`` writes a store from those files: ``per-file`` (as the build does), ``per-file-strict``
(IRIs validated again) or ``once`` (one bulk load of every file); ``-noopt`` skips the compaction.
"""

from __future__ import annotations

import argparse
import gc
import io
import resource
import shutil
import time
from pathlib import Path

import pyoxigraph as ox

import govkg.build as b
from govkg.engines import STORE_DIR
from govkg.names import NAMES_FILE, write_names
from govkg.network import write_build_page
from govkg.serialize import merged, write_document, write_ntriples_files, write_statement_files


def step(name: str, function, *args):
    """Run ``function(*args)``; print its wall and CPU seconds and the peak memory so far."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    wall, cpu = time.perf_counter(), usage.ru_utime + usage.ru_stime
    result = function(*args)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu = usage.ru_utime + usage.ru_stime - cpu
    wall = time.perf_counter() - wall
    print(f"{wall:7.2f} wall {cpu:7.2f} cpu {usage.ru_maxrss / 1024:6.0f} MB  {name}", flush=True)
    return result


def stages(records: str, work: Path) -> None:
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    gc.disable()  # as in the build (govkg.memory.gc_paused)
    built = step("read, resolve, triples, reason, names", b._assemble, [records], False, False)
    lines = step("triples → sorted N-Triples texts", built.lines)
    files = step("statement files", write_statement_files, lines, work)
    store = ox.Store(str(work / STORE_DIR))
    for label, paths, fmt in (
        ("named graphs", files.named, ox.RdfFormat.N_QUADS),
        ("union", files.union, ox.RdfFormat.N_TRIPLES),
    ):
        step(f"store: bulk load {label} ({len(paths)} files)", _load, store, paths, fmt, True)
    step("store: optimize", store.optimize)
    del store
    step("store: close", gc.collect)
    count = sum(len(part) for part in lines.values())
    step("govkg.trig", write_document, files.named, count, work / "govkg.trig", "trig")
    hidden = (b.ONTOLOGY_GRAPH, b.INFERRED_GRAPH)
    asserted = step("asserted union", merged, (p for n, p in lines.items() if n not in hidden))
    step("govkg.ttl", _turtle, asserted, work / "govkg.ttl")
    step("govkg-inferred.ttl", _turtle, lines.get(b.INFERRED_GRAPH, []), work / "inferred.ttl")
    step("names.tsv", write_names, built.names, work / NAMES_FILE)
    step("SHACL", lambda: b.check_store(ox.Store.read_only(str(work / STORE_DIR)), union=False))
    step("network.html", write_build_page, work)


def _load(store: ox.Store, paths: list[Path], fmt: ox.RdfFormat, lenient: bool) -> None:
    for path in paths:
        store.bulk_load(path=str(path), format=fmt, lenient=lenient)


def _turtle(lines: list[str], target: Path) -> None:
    sources = write_ntriples_files(lines, target.with_name("part-{:04d}.nt"))
    write_document(sources, len(lines), target, "ttl")
    for source in sources:
        source.unlink()


class _Concatenated(io.RawIOBase):
    """Several files read as one stream (N-Triples lines are N-Quads of the default graph)."""

    def __init__(self, paths: list[Path]) -> None:
        self.paths, self.file = iter(paths), None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while True:
            if self.file is None:
                path = next(self.paths, None)
                if path is None:
                    return 0
                self.file = path.open("rb")
            if read := self.file.readinto(buffer):
                return read
            self.file.close()
            self.file = None


def store(work: Path, target: Path, mode: str) -> None:
    named, union = sorted(work.glob("named-*.nq")), sorted(work.glob("union-*.nt"))
    shutil.rmtree(target, ignore_errors=True)
    written = ox.Store(str(target))
    if mode.startswith("once"):
        stream = io.BufferedReader(_Concatenated(named + union), 1 << 20)
        step(mode, lambda: written.bulk_load(stream, format=ox.RdfFormat.N_QUADS, lenient=True))
    else:
        lenient = not mode.startswith("per-file-strict")
        step(f"{mode}: named", _load, written, named, ox.RdfFormat.N_QUADS, lenient)
        step(f"{mode}: union", _load, written, union, ox.RdfFormat.N_TRIPLES, lenient)
    if not mode.endswith("-noopt"):
        step("optimize", written.optimize)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("stages")
    run.add_argument("records")
    run.add_argument("work", type=Path)
    load = commands.add_parser("store")
    load.add_argument("work", type=Path)
    load.add_argument("target", type=Path)
    modes = [f"{m}{s}" for m in ("per-file", "per-file-strict", "once") for s in ("", "-noopt")]
    load.add_argument("mode", choices=modes)
    args = parser.parse_args()
    if args.command == "stages":
        stages(args.records, args.work)
    else:
        store(args.work, args.target, args.mode)


if __name__ == "__main__":
    main()
