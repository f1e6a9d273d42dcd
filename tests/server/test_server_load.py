"""Bounded load on loopback: 16 concurrent clients × 50 canned queries, zero errors.

This in-suite version runs on the seed build; ``benchmarks/bench_server.py`` runs the same
load on a ~100k-triple synthetic build and records p50/p95 in ``benchmarks/RESULTS.md``.
"""

from __future__ import annotations

import statistics
import threading
import time
from urllib.parse import urlencode

import pytest

CLIENTS, PER_CLIENT = 16, 50
MIX = [
    ("agreements", {}),
    ("agreements", {"agency": "LAN"}),
    ("partners", {"agency": "LAN"}),
    ("signatories", {"agency": "LIPI"}),
    ("cooperation_pairs", {}),
    ("fields", {}),
    ("timeline", {}),
    ("officials", {}),
    ("hubs", {}),
    ("provenance", {"agency": "BPOM"}),
    ("successors", {}),
]


@pytest.mark.slow
def test_sixteen_clients_fifty_canned_queries_each_without_errors(seed_server, http):
    base = seed_server.url + "api/queries/"
    latencies: list[float] = []
    failures: list[tuple] = []
    lock = threading.Lock()

    def client(number: int) -> None:
        for i in range(PER_CLIENT):
            name, params = MIX[(number + i) % len(MIX)]
            started = time.perf_counter()
            status, _, body = http(base + name + "?" + urlencode(params), timeout=60)
            elapsed = time.perf_counter() - started
            with lock:
                latencies.append(elapsed)
                if status != 200 or not body.startswith(b'{"head"'):
                    failures.append((name, status, body[:200]))

    threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    assert failures == []
    assert len(latencies) == CLIENTS * PER_CLIENT
    p95 = statistics.quantiles(latencies, n=20)[-1]
    assert p95 < 5.0, (p95, wall)
