"""``govkg serve`` under hostile load (issue 13), for ``bench_server.py --hostile``.

Three bounded runs on loopback against one ``govkg serve`` (defaults, ``--workers 3``):

1. **heavy from one address**: 8 clients on 127.0.0.2 keep a cartesian COUNT running
   (resent when answered) while a light client on 127.0.0.1 alternates ``ASK {}`` and
   canned one-body queries (``partners``/``agreements``/``timeline`` of one hub) for
   WINDOW seconds, from the moment the heavy queries are sent;
2. **heavy from eight addresses** (127.0.0.2-9): the same, where the per-client bar on
   the fast lane cannot help;
3. **abandoned**: 3 clients send the heavy query and hang up after 0.3 s; the time from
   the hang-up until their 3 worker processes are gone, and the next ``ASK {}``.

Each light request is timed from send to the last byte. Run with ``--fast-workers 0`` to see
the server without the fast lane.
"""

from __future__ import annotations

import http.client
import select
import socket
import statistics
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
LIGHT = ["ASK", "partners", "ASK", "agreements", "ASK", "timeline"]
WINDOW = 8.0  # seconds of light queries per run
MAX_LIGHT = 400  # and at most this many


def get(port: int, target: str, source: str = "127.0.0.1", timeout: float = 60):
    """Status and body of one GET from ``source``."""
    conn = http.client.HTTPConnection(
        "127.0.0.1", port, timeout=timeout, source_address=(source, 0)
    )
    try:
        conn.request("GET", target)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def sparql(text: str) -> str:
    return "/sparql?" + urlencode({"query": text})


def heavy_clients(port: int, sources: list[str], stop: threading.Event) -> list[threading.Thread]:
    """One thread per source, each keeping one heavy query in flight; all hang up at ``stop``
    (so the server stops them, and the next run starts clean)."""

    def loop(source: str) -> None:
        while not stop.is_set():
            sock = socket.create_connection(("127.0.0.1", port), source_address=(source, 0))
            request = f"GET {sparql(HEAVY)} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
            sock.sendall((request + "Connection: close\r\n\r\n").encode())
            while not stop.is_set():
                if select.select([sock], [], [], 0.05)[0]:
                    while sock.recv(65536):  # the answer (503 query-timeout), then resend
                        pass
                    break
            sock.close()

    threads = [threading.Thread(target=loop, args=(s,), daemon=True) for s in sources]
    for thread in threads:
        thread.start()
    return threads


def light_run(port: int, agency: str) -> dict[str, list[float]]:
    """Light requests for WINDOW seconds: seconds per request, by kind (errors counted)."""
    times: dict[str, list[float]] = {"ASK {}": [], "canned one-body": [], "errors": []}
    started = time.monotonic()
    for i in range(MAX_LIGHT):
        if time.monotonic() - started > WINDOW:
            break
        name = LIGHT[i % len(LIGHT)]
        target = (
            sparql("ASK {}")
            if name == "ASK"
            else f"/api/queries/{name}?" + urlencode({"agency": agency})
        )
        begun = time.perf_counter()
        status, _ = get(port, target)
        took = time.perf_counter() - begun
        times["ASK {}" if name == "ASK" else "canned one-body"].append(took)
        if status != 200:
            times["errors"].append(took)
    return times


def under_heavy(port: int, agency: str, sources: list[str]) -> dict:
    stop = threading.Event()
    threads = heavy_clients(port, sources, stop)
    time.sleep(0.05)
    times = light_run(port, agency)
    stop.set()
    for thread in threads:
        thread.join(5)
    time.sleep(1.0)  # the hung-up heavy queries are stopped, their workers replaced
    return times


def abandoned(port: int, server_pid: int) -> dict:
    """Hang up 3 heavy queries; seconds until their workers are gone, and the next ASK."""
    before = workers(server_pid)
    sockets = []
    for _ in range(3):
        sock = socket.create_connection(("127.0.0.1", port))
        request = f"GET {sparql(HEAVY)} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n"
        sock.sendall(request.encode())
        sockets.append(sock)
    time.sleep(0.3)
    hung_up = time.monotonic()
    for sock in sockets:
        sock.close()
    gone = None
    while time.monotonic() - hung_up < 15:
        if sum(not alive(pid) for pid in before) >= 3:
            gone = time.monotonic() - hung_up
            break
        time.sleep(0.005)
    begun = time.perf_counter()
    status, _ = get(port, sparql("ASK {}"))
    return {
        "workers": len(before),
        "gone": gone,
        "ask": time.perf_counter() - begun,
        "status": status,
    }


def workers(server_pid: int) -> set[int]:
    """The server's worker processes: children of its children (the forkserver's)."""
    children = {p for p in all_pids() if parent(p) == server_pid}
    return {p for p in all_pids() if parent(p) in children}


def all_pids() -> list[int]:
    return [int(p.name) for p in Path("/proc").iterdir() if p.name.isdigit()]


def stat(pid: int) -> list[str]:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    except OSError:
        return []


def parent(pid: int) -> int:
    fields = stat(pid)
    return int(fields[1]) if fields else 0


def alive(pid: int) -> bool:
    fields = stat(pid)
    return bool(fields) and fields[0] not in ("Z", "X")


def pct(values: list[float], q: int) -> float:
    if len(values) < 2:
        return values[0] if values else float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def ms(values: list[float]) -> str:
    if not values:
        return "0 (none answered within the window)"
    return (
        f"{len(values)} / {pct(values, 50) * 1000:.0f} / {pct(values, 95) * 1000:.0f} / "
        f"{max(values) * 1000:.0f} ms"
    )


def hostile(port: int, server_pid: int, agency: str) -> list[list[str]]:
    """Run the three cases; rows for the results table."""
    rows = []
    one = ["127.0.0.2"] * 8
    many = [f"127.0.0.{n}" for n in range(2, 10)]
    for label, sources in (("one address", one), ("8 addresses", many)):
        times = under_heavy(port, agency, sources)
        rows.append([f"8 heavy ({label}): ASK {{}} n / p50 / p95 / max", ms(times["ASK {}"])])
        rows.append(
            [
                f"8 heavy ({label}): canned one-body n / p50 / p95 / max",
                ms(times["canned one-body"]),
            ]
        )
        rows.append([f"8 heavy ({label}): light errors", str(len(times["errors"]))])
    outcome = abandoned(port, server_pid)
    gone = f"{outcome['gone']:.3f} s" if outcome["gone"] is not None else "not within 15 s"
    rows.append(["3 abandoned heavy: workers before (general + fast)", str(outcome["workers"])])
    rows.append(["3 abandoned heavy: hang-up → their workers gone", gone])
    rows.append(
        ["3 abandoned heavy: next ASK {}", f"{outcome['status']} in {outcome['ask'] * 1000:.0f} ms"]
    )
    return rows
