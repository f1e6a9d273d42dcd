"""Static site beside the build, and a hub body's page, on the same data in one run (issue 18).

    python benchmarks/bench_site.py --agreements 500              # a quick run
    python benchmarks/bench_site.py --agreements 25000 --jobs 2   # ~1M triples
    python benchmarks/bench_site.py --agreements 25000 --build /work/data-1m/out \\
        --build-log /work/data-1m/build.log                        # a build made already

For each size (synthetic records, generated once and cached), each in a fresh process: the
govkg build (records → every output), then ``govkg site`` of that build (every entity's pages
and description files, in ``--jobs`` processes), then the page of the hub (the body party to
the most agreements) built in process from the store as ``govkg serve`` builds it: describe,
page, render, and its Turtle description. Wall and CPU seconds are both given (CPU includes
the page-writing processes): the machine may be shared, and wall time then says little.

Targets: site / build ≤ 3 (the same order); the hub page < 0.5 s. The table goes into
benchmarks/RESULTS.md (one block per size; other sizes' blocks are kept) unless --no-write.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

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

SITE_RATIO = 3.0
HUB_SECONDS = 0.5
CPU = """
import resource
def cpu():
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime
"""
BUILD = (
    CPU
    + """
import json, time
from govkg.build import build
T0 = time.perf_counter()
build({records!r}, {out!r})
print(json.dumps({{"wall": time.perf_counter() - T0, "cpu": cpu()}}))
"""
)
SITE = (
    CPU
    + """
import json, time
from govkg.site.write import write_site
T0 = time.perf_counter()
report = write_site({out!r}, {site!r}, jobs={jobs})
print(json.dumps({{"wall": time.perf_counter() - T0, "cpu": cpu(), "pages": report.pages,
                  "entities": report.entities, "files": report.files}}))
"""
)
HUB = """
import json, statistics, time
from pathlib import Path
import pyoxigraph as ox
from govkg.engines import STORE_DIR, OxigraphEngine
from govkg.site.describe import describe
from govkg.site.hubs import Indexed, build_index
from govkg.site.links import Links
from govkg.site.pages import entity_page
from govkg.site.render import render_page
engine = OxigraphEngine.open(Path({out!r}) / STORE_DIR)
hub, agreements = next(iter(engine.store.query(
    "SELECT ?b (COUNT(*) AS ?n) WHERE {{ ?a <https://w3id.org/govkg/ontology#party> ?b }} "
    "GROUP BY ?b ORDER BY DESC(?n) LIMIT 1")))
w, c = time.perf_counter(), time.process_time()
index = build_index(engine.select)
found = {{"hub": hub.value, "agreements": int(agreements.value), "hubs": len(index.hubs),
         "index": [time.perf_counter() - w, time.process_time() - c]}}
indexed = Indexed(engine.select, index)
def page(source, number):
    about = describe(source, hub.value, number)
    return render_page(entity_page(source, hub.value, Links("/"), number, about), "/")
def turtle(source):
    return describe(source, hub.value).serialize("turtle")
for name, fn in (
    ("page", lambda s: page(s, 1)), ("page 2", lambda s: page(s, 2)), ("turtle", turtle)
):
    for way, source in (("indexed", indexed), ("queries", engine.select)):
        walls, cpus = [], []
        for _ in range({repeat}):
            w, c = time.perf_counter(), time.process_time()
            fn(source)
            walls.append(time.perf_counter() - w)
            cpus.append(time.process_time() - c)
        found[f"{{name}} {{way}}"] = [statistics.median(walls), statistics.median(cpus)]
print(json.dumps(found))
"""

SERVED = """
import json, os, time, urllib.request
from pathlib import Path
from govkg.server.policy import Limits
from govkg.server.runner import Server
TICK = os.sysconf("SC_CLK_TCK")
def tree_cpu():
    # CPU seconds of this process (the server) and its live descendants (the query workers)
    found = {{}}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{{name}}/stat") as f:
                    fields = f.read().rpartition(")")[2].split()
            except OSError:
                continue
            found[int(name)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / TICK)
    tree, grown = {{os.getpid()}}, True
    while grown:
        more = {{pid for pid, (parent, _) in found.items() if parent in tree}} - tree
        tree, grown = tree | more, bool(more)
    return sum(found[pid][1] for pid in tree if pid in found)
def get(server, path):
    t, c = time.perf_counter(), tree_cpu()
    with urllib.request.urlopen(server.url.rstrip("/") + path, timeout=600) as r:
        r.read()
    return [time.perf_counter() - t, tree_cpu() - c]
T0, C0 = time.perf_counter(), tree_cpu()
with Server([Path({out!r})], port=0, limits=Limits(timeout=120.0)) as server:
    get(server, "/sparql?query=ASK%7B%3Fs%20%3Fp%20%3Fo%7D")  # workers up, store open
    server.hubs_done.wait()  # the hub index, filled at start
    found = {{"start and hub index": [time.perf_counter() - T0, tree_cpu() - C0]}}
    hub = "/id/" + {path!r}
    for name, page in (
        ("cold", ".html"), ("warm", ".html"), ("page 2 cold", ".2.html"),
        ("page 3 cold", ".3.html"), ("Turtle cold", ".ttl"),
    ):
        found[name] = get(server, hub + page)
print(json.dumps(found))
"""


def last_json(stdout: str) -> dict:
    return json.loads(stdout.strip().splitlines()[-1])


def site_rows(written: dict, built: dict, site_mb: float, jobs: int) -> list[list[str]]:
    """The site's rows: its times, pages per second and the site / build ratio."""
    ratio_wall = written["wall"] / built["wall"]
    ratio_cpu = written["cpu"] / built["cpu"]
    return [
        [
            f"govkg site ({written['entities']:,} entities, {written['pages']:,} pages, "
            f"{written['files']:,} files; {jobs} processes)",
            f"{written['wall']:.1f}",
            f"{written['cpu']:.1f}",
            f"{site_mb:.0f}",
            "",
            "",
        ],
        [
            "pages per second (wall / per CPU second)",
            "",
            "",
            "",
            f"{written['pages'] / written['wall']:.0f} / {written['pages'] / written['cpu']:.0f}",
            "",
        ],
        [
            f"**site / build** (≤ {SITE_RATIO:.0f}; wall, CPU)",
            "",
            "",
            "",
            f"{ratio_wall:.2f}, {ratio_cpu:.2f}",
            verdict(ratio_cpu <= SITE_RATIO),
        ],
    ]


def timed_build(log_file: Path) -> tuple[dict, float]:
    """The wall and CPU seconds and peak MB of a build run under ``/usr/bin/time -v``."""
    text = log_file.read_text(encoding="utf-8")

    def field(name: str) -> str:
        return re.search(rf"{re.escape(name)}.*?: (\S+)", text).group(1)

    clock = [float(x) for x in field("Elapsed (wall clock) time").split(":")]
    wall = sum(x * 60**i for i, x in enumerate(reversed(clock)))
    cpu = float(field("User time")) + float(field("System time"))
    return {"wall": wall, "cpu": cpu}, int(field("Maximum resident set size")) / 1024


def bench_size(agreements: int, args) -> str:
    site = CACHE / f"site-{agreements}"
    shutil.rmtree(site, ignore_errors=True)
    if args.build:
        out = args.build
        built, build_mb = timed_build(args.build_log)
        log(f"{agreements} agreements: the build in {out} ({built}, from {args.build_log})")
    else:
        records = synthetic_records(agreements, args.seed)
        out = CACHE / f"site-build-{agreements}-{args.seed}"
        shutil.rmtree(out, ignore_errors=True)
        log(f"{agreements} agreements: build …")
        _, build_mb, stdout = run_child(BUILD.format(records=[str(records)], out=str(out)))
        built = last_json(stdout)
    if args.no_site:
        written, site_mb = None, 0.0
    else:
        log(f"  {built}; site with {args.jobs} processes …")
        _, site_mb, stdout = run_child(SITE.format(out=str(out), site=str(site), jobs=args.jobs))
        written = last_json(stdout)
    log(f"  {written}; hub page …")
    _, _, stdout = run_child(HUB.format(out=str(out), repeat=args.repeat))
    hub = last_json(stdout)
    log(f"  {hub}; hub page served …")
    path = hub["hub"].removeprefix("https://w3id.org/govkg/id/")
    _, _, stdout = run_child(SERVED.format(out=str(out), path=path))
    served = last_json(stdout)
    shutil.rmtree(site, ignore_errors=True)
    rows = [
        [
            "govkg build (records → all outputs)",
            f"{built['wall']:.1f}",
            f"{built['cpu']:.1f}",
            f"{build_mb:.0f}",
            "",
            "",
        ]
    ]
    if written is not None:
        rows += site_rows(written, built, site_mb, args.jobs)
    short = hub["hub"].rsplit("/", 1)[-1]
    wall, cpu = hub["index"]
    index_row = f"hub index ({hub['hubs']} hubs; in process, once)"
    rows.append([index_row, f"{wall:.3f}", f"{cpu:.3f}", "", "", ""])
    what = {"page": "page 1", "page 2": "page 2", "turtle": "Turtle description"}
    for way, how in (("indexed", "hub index"), ("queries", "paged queries, no index")):
        for name, label in what.items():
            wall, cpu = hub[f"{name} {way}"]
            rows.append(
                [
                    f"hub {label} ({short}, {hub['agreements']:,} agreements; in process, {how})",
                    f"{wall:.3f}",
                    f"{cpu:.3f}",
                    "",
                    "",
                    verdict(cpu < HUB_SECONDS) + " (CPU)",
                ]
            )
    for name, (wall, cpu) in served.items():
        if name == "start and hub index":
            started = "govkg serve: start, one query, hub index complete (server and workers)"
            rows.append([started, f"{wall:.3f}", f"{cpu:.2f}", "", "", ""])
            continue
        rows.append(
            [
                f"hub {name.replace('cold', 'first request').replace('warm', 'again (kept)')} "
                "(served over HTTP by govkg serve, 3 workers; CPU of server and workers)",
                f"{wall:.3f}",
                f"{cpu:.2f}",
                "",
                "",
                verdict(wall < HUB_SECONDS) + " (wall)",
            ]
        )
    body = (
        f"### {agreements} agreements\n\n"
        f"Date: {today()}. Machine: {machine()}; load average at the end: {load()}.  \n"
        f"Command: `{args.command}`  \n"
        f"Build and site: one run each; hub page: median of {args.repeat}.\n\n"
        + table(["measure", "wall s", "CPU s", "peak MB", "rate / ratio", "target"], rows)
        + "\n"
    )
    print(body)
    return body


def main() -> None:
    parser = size_parser(__doc__, repeat=5, what="hub page")
    parser.add_argument("--jobs", type=int, default=2, help="processes writing pages")
    parser.add_argument(
        "--no-site", action="store_true", help="build and hub page only (large sizes)"
    )
    parser.add_argument(
        "--build",
        type=Path,
        help="a build made already (of --agreements synthetic agreements): not built again",
    )
    parser.add_argument(
        "--build-log",
        type=Path,
        help="that build's '/usr/bin/time -v' output (its wall and CPU seconds, peak memory)",
    )
    args = parser.parse_args()
    if bool(args.build) != bool(args.build_log):
        parser.error("--build and --build-log go together")
    run_and_record("bench_site", "Static site beside the build (issue 18)", NOTES, bench_size, args)


NOTES = """\
Build, site and hub page each run in a fresh process on the same synthetic records. CPU
seconds are user + system of the process and of the page-writing processes it waited for; on
a shared machine they are the fairer measure. The hub page is built in process as `govkg
serve` builds it, without the worker pool's JSON round trip; then served over HTTP by `govkg
serve` (3 query workers, warmed by one query first): the first request, and the same again
(answered from the documents the server keeps). With `--build`, the build is one made already,
its times read from its `/usr/bin/time -v` output. The hub index (`govkg.site.hubs`) is built
at server start; in process it is built once and the hub's pages are timed with it and,
beside them in the same run, without it (the paged queries as before)."""


if __name__ == "__main__":
    main()
