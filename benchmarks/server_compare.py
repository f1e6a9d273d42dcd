"""``govkg serve`` beside Oxigraph's own server, for ``bench_server.py --compare`` (issue 17).

Both servers answer the same store (the build's ``store/``, opened read-only by each) and
the same requests: the 17-query mix (every canned query unbound, and bound to a top hub
where it takes ``agency``), each as the same SPARQL text with a ``VALUES`` block for the
parameter (:func:`govkg.remote.endpoint.bind_text`), sent by GET with
``Accept: application/sparql-results+json``, one connection per request. The runs
alternate (govkg, the alternative, govkg, …) in one invocation, so both see the same
machine load; medians of the runs and their ratio are reported.

*Cheap* queries are the mix's queries that cost Oxigraph under CHEAP_SECONDS of CPU time
(measured at the start of the run in this process, pyoxigraph on the same store, answer
serialized as JSON; CPU time, not wall time, so that the machine's load does not decide);
their p50 under load is the issue's "cheap-query p50".

The alternative is ``oxigraph serve-read-only``: the ``oxigraph`` CLI from PyPI (``pip
install oxigraph``, the same version as pyoxigraph; a separate venv will do, pass its path
with ``--oxigraph``).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

CHEAP_SECONDS = 0.05
ACCEPT = "application/sparql-results+json"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str, timeout: float = 120) -> tuple[int, bytes]:
    """Status and body of one GET asking for SPARQL JSON results."""
    request = urllib.request.Request(url, headers={"Accept": ACCEPT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


def mix(agency: str) -> list[tuple[str, str]]:
    """(label, SPARQL text): the 17 canned variants, parameters inlined as ``VALUES``."""
    from govkg.canned import canned_queries
    from govkg.query import bind
    from govkg.remote.endpoint import bind_text

    runs = []
    for query in canned_queries().values():
        param = query.param("agency")
        cases = [] if param is not None and param.required else [{}]
        cases += [{"agency": agency}] if param is not None else []
        for given in cases:
            text = query.text_for(set(given))
            bound = dict(bind(query, given))  # Oxigraph terms already
            label = query.name + ("(agency)" if given else "")
            runs.append((label, bind_text(text, bound)))
    return runs


def start_alternative(store: Path, binary: str | None) -> tuple[subprocess.Popen, str, str]:
    """Oxigraph's server over ``store`` (read-only), its query URL and its label."""
    port = free_port()
    binary = binary or shutil.which("oxigraph") or _beside_python("oxigraph")
    if not binary:
        raise SystemExit("no oxigraph CLI: pip install oxigraph (any venv), then --oxigraph PATH")
    version = subprocess.run([binary, "--version"], capture_output=True, text=True).stdout
    command = [binary, "serve-read-only", "--location", str(store)]
    command += ["--bind", f"127.0.0.1:{port}"]
    label = f"`{version.strip()} serve-read-only`"
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/query"
    for _ in range(300):
        try:
            if fetch(url + "?" + urlencode({"query": "ASK {}"}), timeout=2)[0] == 200:
                return process, url, label
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit(f"the alternative did not start: {' '.join(command)}")


def _beside_python(name: str) -> str | None:
    path = Path(sys.executable).parent / name
    return str(path) if path.exists() else None


def solo_times(store: Path, queries: list[tuple[str, str]], repeat: int = 3) -> dict[str, float]:
    """Median CPU seconds of each query on pyoxigraph (the same engine), answer as JSON."""
    import pyoxigraph as ox

    opened = ox.Store.read_only(str(store))
    times = {}
    for label, text in queries:
        runs = []
        for _ in range(repeat):
            started = time.process_time()
            opened.query(text).serialize(format=ox.QueryResultsFormat.JSON)
            runs.append(time.process_time() - started)
        times[label] = statistics.median(runs)
    del opened
    return times


def row_counts(url: str, queries: list[tuple[str, str]]) -> dict[str, int]:
    """Rows of each query's answer (the two servers must agree)."""
    counts = {}
    for label, text in queries:
        status, body = fetch(url + "?" + urlencode({"query": text}))
        if status != 200:
            raise SystemExit(f"{label} failed on {url}: {status} {body[:300]!r}")
        counts[label] = len(json.loads(body)["results"]["bindings"])
    return counts


TICKS = os.sysconf("SC_CLK_TCK")


def tree_cpu(root: int) -> float:
    """CPU seconds (user + system) of ``root`` and its descendants, the reaped ones included.

    A worker killed and reaped by its forkserver counts in the forkserver's children's
    times, so the difference of two readings is what the server used between them.
    """
    parents: dict[int, int] = {}
    times: dict[int, float] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rpartition(")")[2].split()
        except OSError:
            continue
        parents[int(entry.name)] = int(fields[1])
        times[int(entry.name)] = sum(int(f) for f in fields[11:15]) / TICKS
    total, todo = 0.0, [root]
    while todo:
        pid = todo.pop()
        total += times.get(pid, 0.0)
        todo += [child for child, parent in parents.items() if parent == pid]
    return total


def load_run(
    url: str, queries: list[tuple[str, str]], clients: int, per_client: int, pid: int
) -> dict:
    """``clients`` threads × ``per_client`` requests through the mix; latencies by query,
    and the CPU seconds the server (process ``pid`` and its descendants) used meanwhile."""
    by_query: dict[str, list[float]] = {}
    errors: list[str] = []
    lock = threading.Lock()

    def client(number: int) -> None:
        for i in range(per_client):
            label, text = queries[(number + i) % len(queries)]
            started = time.perf_counter()
            try:
                status, body = fetch(url + "?" + urlencode({"query": text}))
            except OSError as err:
                status, body = 0, str(err).encode()
            elapsed = time.perf_counter() - started
            with lock:
                by_query.setdefault(label, []).append(elapsed)
                if status != 200:
                    errors.append(f"{label}: {status} {body[:120]!r}")

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    cpu = tree_cpu(pid)
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    cpu = tree_cpu(pid) - cpu
    return {"by_query": by_query, "errors": errors, "wall": wall, "cpu": cpu}


def summary(run: dict, cheap: set[str]) -> dict:
    """Throughput, p50/p95 of all requests and of the cheap ones, errors."""
    every = [t for times in run["by_query"].values() for t in times]
    light = [t for label, times in run["by_query"].items() if label in cheap for t in times]
    return {
        "throughput": len(every) / run["wall"],
        "per_cpu": len(every) / run["cpu"] if run["cpu"] else float("nan"),
        "p50": statistics.median(every),
        "p95": statistics.quantiles(every, n=20)[-1],
        "cheap_p50": statistics.median(light) if light else float("nan"),
        "cheap_p95": statistics.quantiles(light, n=20)[-1] if len(light) > 1 else float("nan"),
        "errors": len(run["errors"]),
        "first_errors": run["errors"][:3],
        "by_query": {k: statistics.median(v) for k, v in run["by_query"].items()},
    }
