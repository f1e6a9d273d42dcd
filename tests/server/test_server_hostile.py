"""Hostile load (issue 13): hang-ups stop their queries, light queries keep a lane, slow
clients are cut off, and no worker outlives the server's supervision. Real servers on
127.0.0.1, real sockets; the heavy query is a cartesian COUNT over the seed build."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import statistics
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

import pytest
from SPARQLWrapper import JSON, SPARQLWrapper

from govkg.server.capacity import Connections, Lanes
from govkg.server.policy import Limits
from govkg.server.pool import GENERAL_NICE
from govkg.server.runner import Server

HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
# about 2 s on the seed build, leaving ~95 MB of private memory in its worker (idle: ~25 MB)
HUNGRY = "SELECT (COUNT(*) AS ?n) { SELECT DISTINCT ?o ?a { ?s ?p ?o . ?a a ?t } }"
OTHER_HUNGRY = HUNGRY.replace("?s", "?x")  # as costly, but not yet known to the pool


def alive(pid: int) -> bool:
    """True while ``pid`` runs (a zombie is dead)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


def parent_of(pid: int) -> int:
    return int(Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[1])


def wait_until(check, seconds: float) -> float:
    """Seconds until ``check()`` held (fails after ``seconds``)."""
    started = time.monotonic()
    while not check():
        assert time.monotonic() - started < seconds, f"not within {seconds} s"
        time.sleep(0.01)
    return time.monotonic() - started


def full(server: Server) -> bool:
    pool = server.pool
    return pool.idle() == server.config.limits.workers and pool.idle("fast") == (
        server.lanes.fast_workers
    )


def send_raw(server: Server, text: str, source: str = "127.0.0.1") -> socket.socket:
    """A GET /sparql?query=TEXT sent on a raw socket, left open (the caller reads or hangs up)."""
    sock = socket.create_connection(("127.0.0.1", server.config.port), source_address=(source, 0))
    target = "/sparql?" + urlencode({"query": text})
    sock.sendall(f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{server.config.port}\r\n\r\n".encode())
    return sock


def answer(sock: socket.socket, seconds: float = 10) -> tuple[int, dict]:
    """Status and JSON body of the answer on ``sock``."""
    sock.settimeout(seconds)
    data = b""
    while chunk := sock.recv(65536):
        data += chunk
        head, _, body = data.partition(b"\r\n\r\n")
        length = [v for k, v in _headers(head) if k == "content-length"]
        if length and len(body) >= int(length[0]):
            break
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split()[1]), json.loads(body)


def _headers(head: bytes) -> list[tuple[str, str]]:
    lines = head.decode("latin-1").split("\r\n")[1:]
    return [(k.strip().lower(), v.strip()) for k, _, v in (line.partition(":") for line in lines)]


def get_from(server: Server, source: str, text: str, timeout: float = 30) -> tuple[int, dict]:
    """GET /sparql from a chosen loopback address (another "client")."""
    conn = http.client.HTTPConnection(
        "127.0.0.1", server.config.port, timeout=timeout, source_address=(source, 0)
    )
    try:
        conn.request("GET", "/sparql?" + urlencode({"query": text}))
        response = conn.getresponse()
        return response.status, json.loads(response.read())
    finally:
        conn.close()


def ask(endpoint: str) -> float:
    """Seconds SPARQLWrapper takes for ``ASK {}`` (which must be true)."""
    client = SPARQLWrapper(endpoint)
    client.setQuery("ASK {}")
    client.setReturnFormat(JSON)
    started = time.perf_counter()
    assert client.queryAndConvert()["boolean"] is True
    return time.perf_counter() - started


# -- hang-ups ---------------------------------------------------------------------------------


def test_three_abandoned_heavy_queries_free_their_workers_within_a_second(seed_out):
    limits = Limits(workers=3, timeout=30.0, queue_wait=5.0)
    with Server([seed_out], port=0, limits=limits, lanes=Lanes(fast_workers=0)) as server:
        wait_until(lambda: full(server), 30)
        before = set(server.pool.pids())
        sockets = [send_raw(server, HEAVY) for _ in range(3)]
        wait_until(lambda: server.pool.idle() == 0, 5)
        time.sleep(0.3)
        hung_up = time.monotonic()
        for sock in sockets:
            sock.close()
        wait_until(lambda: not any(alive(pid) for pid in before), 1.0)
        freed = time.monotonic() - hung_up
        wait_until(lambda: full(server), 5)
        assert server.pool.stats.abandoned == 3 and server.pool.stats.timeouts == 0
        assert freed < 1.0
        assert ask(server.url + "sparql") < 0.5


def test_a_client_that_hangs_up_while_queued_never_runs(seed_out):
    limits = Limits(workers=1, timeout=30.0, queue_wait=10.0)
    with Server([seed_out], port=0, limits=limits, lanes=Lanes(fast_workers=0)) as server:
        wait_until(lambda: full(server), 30)
        running = send_raw(server, HEAVY)
        wait_until(lambda: server.pool.idle() == 0, 5)
        queued = send_raw(server, HEAVY)
        time.sleep(0.3)
        queued.close()
        wait_until(lambda: server.pool.stats.abandoned == 1, 1.0)
        running.close()
        wait_until(lambda: server.pool.stats.abandoned == 2, 1.0)
        wait_until(lambda: full(server), 5)
        assert server.pool.stats.queries == 0


# -- the fast lane ----------------------------------------------------------------------------


def test_light_queries_answer_fast_while_heavy_queries_fill_the_general_lane(seed_out):
    limits = Limits(workers=2, timeout=20.0, queue_wait=20.0)
    with Server([seed_out], port=0, limits=limits) as server:
        wait_until(lambda: full(server), 30)
        heavy = [send_raw(server, HEAVY, source="127.0.0.2") for _ in range(4)]
        wait_until(lambda: server.pool.idle() == 0, 5)
        wait_until(lambda: server.pool.stats.moved >= 1, 5)  # the 3rd went through the fast lane
        wait_until(lambda: server.pool.idle("fast") == 1, 5)  # and was kept running elsewhere
        latencies = [ask(server.url + "sparql") for _ in range(15)]
        canned = server.url + "api/queries/partners?" + urlencode({"agency": "LAN"})
        conn = http.client.HTTPConnection("127.0.0.1", server.config.port, timeout=10)
        for _ in range(5):
            started = time.perf_counter()
            conn.request("GET", canned[len(server.url) - 1 :])
            response = conn.getresponse()
            assert response.status == 200 and json.loads(response.read())["results"]
            latencies.append(time.perf_counter() - started)
        conn.close()
        assert statistics.quantiles(latencies, n=20)[-1] < 0.5, latencies  # p95
        assert server.pool.stats.moved == 1  # the heavy client's later queries skipped it
        for sock in heavy:
            sock.close()


def test_a_query_that_outgrows_the_fast_lane_keeps_running_or_waits_for_the_general_lane(
    seed_out,
):
    limits = Limits(workers=1, timeout=20.0, queue_wait=20.0)
    lanes = Lanes(fast_workers=1, fast_seconds=0.3)
    with Server([seed_out], port=0, limits=limits, lanes=lanes) as server:
        wait_until(lambda: full(server), 30)
        blocker = send_raw(server, HEAVY)  # holds the only general worker
        wait_until(lambda: server.pool.idle() == 0, 5)
        answers: dict = {}

        def hungry(source: str, text: str = HUNGRY) -> None:
            answers[source] = get_from(server, source, text)

        first = threading.Thread(target=hungry, args=("127.0.0.3",))
        first.start()
        wait_until(lambda: server.pool.stats.moved == 1, 5)  # kept running as an extra worker
        wait_until(lambda: server.pool.idle("fast") == 1, 5)  # and a new fast worker started
        second = threading.Thread(target=hungry, args=("127.0.0.4", OTHER_HUNGRY))
        second.start()
        wait_until(lambda: server.pool.stats.moved == 2, 5)  # no room: back to the queue
        first.join(30)
        assert answers["127.0.0.3"][0] == 200 and "127.0.0.4" not in answers, answers
        blocker.close()  # frees the general worker, which then runs the second
        second.join(30)
        for status, body in answers.values():
            assert status == 200 and int(body["results"]["bindings"][0]["n"]["value"]) > 0
        wait_until(lambda: full(server), 5)
        assert len(server.pool.pids()) == 2  # the extra worker retired after its answer


def test_a_query_known_to_be_heavy_skips_the_fast_lane_and_yields_only_to_light_work(seed_out):
    limits = Limits(workers=1, timeout=60.0, queue_wait=60.0)  # HUNGRY must finish
    lanes = Lanes(fast_workers=1, fast_seconds=0.3)
    with Server([seed_out], port=0, limits=limits, lanes=lanes) as server:
        wait_until(lambda: full(server), 30)
        assert get_from(server, "127.0.0.3", HUNGRY, 70)[0] == 200  # alone: the general lane
        assert server.pool.stats.moved == 0
        blocker = send_raw(server, HEAVY)  # holds the only general worker
        wait_until(lambda: server.pool.idle() == 0, 5)
        (general,) = set(server.pool.pids()) - {w.pid for w in server.pool._idle["fast"]}
        ours = os.getpriority(os.PRIO_PROCESS, 0)
        wait_until(lambda: any(w.pid == general for w in server.pool._heavy), 10)
        assert os.getpriority(os.PRIO_PROCESS, general) == ours  # alone, it is not slowed
        with server.pool.yielding():  # light work: the heavy query yields the CPU
            assert os.getpriority(os.PRIO_PROCESS, general) == GENERAL_NICE
        assert os.getpriority(os.PRIO_PROCESS, general) == ours
        answers: dict = {}
        later = threading.Thread(
            target=lambda: answers.update(h=get_from(server, "127.0.0.4", HUNGRY, 70))
        )
        later.start()  # known heavy: it waits for the general lane instead of the fast one
        time.sleep(1.0)
        assert server.pool.idle("fast") == 1 and server.pool.stats.moved == 0
        assert ask(server.url + "sparql") < 0.5  # the fast lane is free for light queries
        blocker.close()
        later.join(60)
        assert answers["h"][0] == 200 and server.pool.stats.moved == 0
        wait_until(lambda: full(server), 5)
        assert {os.getpriority(os.PRIO_PROCESS, pid) for pid in server.pool.pids()} == {ours}


# -- slow clients -----------------------------------------------------------------------------


@pytest.fixture
def strict_server(seed_out):
    connections = Connections(request_seconds=1.0, per_client=3, total=8)
    limits = Limits(workers=1, timeout=5.0)
    with Server([seed_out], port=0, limits=limits, connections=connections) as server:
        yield server


def trickle(server: Server, chunks: list[bytes], every: float) -> tuple[float, bytes]:
    """Send ``chunks`` ``every`` seconds apart: seconds until the server closed, what it said."""
    sock = socket.create_connection(("127.0.0.1", server.config.port))
    started = time.monotonic()
    said = b""
    sock.settimeout(every)
    try:
        for chunk in chunks:
            sock.sendall(chunk)
            try:
                data = sock.recv(65536)
            except TimeoutError:
                continue
            said += data
            if not data:
                break
        sock.settimeout(5)
        while data := sock.recv(65536):
            said += data
    except (ConnectionResetError, BrokenPipeError):
        pass
    finally:
        sock.close()
    return time.monotonic() - started, said


def test_a_trickling_request_line_and_headers_are_cut_off_with_408(strict_server):
    host = f"Host: 127.0.0.1:{strict_server.config.port}\r\n".encode()
    chunks = [b"GET /sparql?query=ASK%20%7B%7D HTTP/1.1\r\n", host] + [b"X: y\r\n"] * 20
    seconds, said = trickle(strict_server, chunks, every=0.25)
    assert seconds < 2.0
    status, _, body = said.partition(b"\r\n\r\n")
    assert status.startswith(b"HTTP/1.1 408")
    document = json.loads(body)
    assert document["error"] == "request-timeout" and "in time" in document["message"]


def test_a_trickling_body_is_cut_off_with_408(strict_server):
    port = strict_server.config.port
    head = (
        f"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
        "Content-Type: application/sparql-query\r\nContent-Length: 50\r\n\r\n"
    ).encode()
    seconds, said = trickle(strict_server, [head] + [b"A"] * 40, every=0.25)
    assert seconds < 2.0 and said.startswith(b"HTTP/1.1 408")


def test_an_idle_connection_is_closed_silently_at_the_deadline(strict_server):
    sock = socket.create_connection(("127.0.0.1", strict_server.config.port))
    sock.settimeout(5)
    started = time.monotonic()
    assert sock.recv(100) == b""
    assert time.monotonic() - started < 2.0
    sock.close()


def test_one_address_holds_at_most_its_connections_and_others_still_get_in(strict_server):
    assert strict_server.httpd.request_queue_size == 8  # the backlog matches the cap
    idle = [socket.create_connection(("127.0.0.1", strict_server.config.port)) for _ in range(3)]
    try:
        fourth = socket.create_connection(("127.0.0.1", strict_server.config.port))
        status, document = answer(fourth, 5)
        fourth.close()
        assert status == 503 and document["error"] == "busy"
        assert "from 127.0.0.1" in document["message"]
        assert get_from(strict_server, "127.0.0.2", "ASK {}")[0] == 200
    finally:
        for sock in idle:
            sock.close()


def test_a_request_line_too_long_gets_a_real_414_message(seed_server, assert_error):
    sock = socket.create_connection(("127.0.0.1", seed_server.config.port))
    sock.sendall(b"GET /sparql?query=" + b"A" * 70_000 + b" HTTP/1.1\r\n\r\n")
    sock.settimeout(5)
    data = b""
    while chunk := sock.recv(65536):
        data += chunk
    sock.close()
    head, _, body = data.partition(b"\r\n\r\n")
    headers = dict(_headers(head))
    status = int(head.split()[1])
    document = assert_error(
        (status, {"Content-Type": headers["content-type"]}, body), 414, "uri-too-long"
    )
    assert "65 536 bytes" in document["message"] and "POST" in document["fix"]


# -- supervision ------------------------------------------------------------------------------


def test_no_worker_outlives_a_killed_forkserver_and_timeouts_still_kill(seed_out):
    limits = Limits(workers=2, timeout=1.5, queue_wait=10.0)
    with Server([seed_out], port=0, limits=limits) as server:
        wait_until(lambda: full(server), 30)
        first = server.pool.pids()
        forkserver = parent_of(first[0])
        running = send_raw(server, HEAVY)
        wait_until(lambda: server.pool.idle() < 2, 5)
        os.kill(forkserver, signal.SIGKILL)
        wait_until(lambda: not any(alive(pid) for pid in first), 1.0)  # they die with it
        status, document = answer(running)
        assert status == 503 and document["error"] == "query-aborted"
        assert "MB" not in document["message"] and "unexpectedly" in document["message"]
        wait_until(lambda: full(server), 30)  # replaced under a new forkserver
        second = server.pool.pids()
        status, document = get_from(server, "127.0.0.1", HEAVY)
        assert status == 503 and document["error"] == "query-timeout"
        killed = set(second) - set(server.pool.pids())
        assert len(killed) == 1 and not any(alive(pid) for pid in killed)
        everyone = set(first) | set(second) | set(server.pool.pids())
    assert not any(alive(pid) for pid in everyone)


def test_a_worker_killed_from_outside_is_not_blamed_on_the_memory_cap(seed_out):
    limits = Limits(workers=1, timeout=30.0)
    with Server([seed_out], port=0, limits=limits, lanes=Lanes(fast_workers=0)) as server:
        wait_until(lambda: full(server), 30)
        (worker,) = server.pool.pids()
        running = send_raw(server, HEAVY)
        wait_until(lambda: server.pool.idle() == 0, 5)
        os.kill(worker, signal.SIGKILL)
        status, document = answer(running)
        assert status == 503 and document["error"] == "query-aborted"
        assert "MB" not in document["message"] and "killed" in document["message"]


def test_a_worker_that_keeps_much_memory_after_an_answer_is_recycled(seed_out):
    limits = Limits(workers=1, timeout=30.0)
    lanes = Lanes(fast_workers=0, recycle_mb=60)
    with Server([seed_out], port=0, limits=limits, lanes=lanes) as server:
        wait_until(lambda: full(server), 30)
        (idle,) = server.pool.pids()
        assert get_from(server, "127.0.0.1", "ASK {}")[0] == 200
        assert server.pool.pids() == [idle] and server.pool.stats.recycled == 0
        assert get_from(server, "127.0.0.1", HUNGRY)[0] == 200
        wait_until(lambda: full(server), 10)
        assert server.pool.stats.recycled == 1
        assert server.pool.pids() != [idle] and not alive(idle)


def test_sigterm_to_govkg_serve_leaves_no_worker_after_its_forkserver_was_killed(
    seed_out, cli_server, free_port, http
):
    process = cli_server(seed_out, free_port, "--workers", "2", "--timeout", "1.5")
    workers = wait_for_descendants(process.pid, 4)  # the forkserver and three workers
    forkserver = next(pid for pid in workers if parent_of(pid) == process.pid)
    os.kill(forkserver, signal.SIGKILL)
    base = f"http://127.0.0.1:{free_port}/sparql?"
    time.sleep(0.5)
    status, _, body = http(base + urlencode({"query": HEAVY}), timeout=30)
    assert status == 503, body
    later = wait_for_descendants(process.pid, 4)
    everyone = set(workers) | set(later)
    forkservers = {pid for pid in everyone if alive(pid) and parent_of(pid) == process.pid}
    forkservers.add(forkserver)
    process.send_signal(signal.SIGTERM)
    process.wait(15)
    assert not any(alive(pid) for pid in everyone - forkservers)  # killed before the exit
    wait_until(lambda: not any(alive(pid) for pid in forkservers), 2.0)  # they see it go


def descendants(root: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                children.setdefault(parent_of(int(entry.name)), []).append(int(entry.name))
            except (OSError, ValueError, IndexError):
                continue
    found, todo = set(), [root]
    while todo:
        for child in children.get(todo.pop(), []):
            if alive(child):
                found.add(child)
                todo.append(child)
    return found


def wait_for_descendants(root: int, count: int) -> set[int]:
    """Live descendants of ``root`` once there are ``count`` (resource tracker aside)."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        found = {p for p in descendants(root) if b"resource_tracker" not in _cmdline(p)}
        if len(found) >= count:
            return found
        time.sleep(0.1)
    raise AssertionError(f"fewer than {count} processes under {root}")


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def test_a_killed_server_leaves_no_worker_running_a_query(seed_out, cli_server, free_port):
    process = cli_server(seed_out, free_port, "--workers", "1", "--timeout", "60")
    workers = wait_for_descendants(process.pid, 3)  # the forkserver, a general and a fast worker
    running = socket.create_connection(("127.0.0.1", free_port))
    target = "/sparql?" + urlencode({"query": HEAVY})
    running.sendall(f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{free_port}\r\n\r\n".encode())
    time.sleep(0.5)
    process.kill()  # no shutdown code runs: the forkserver sees its parent go, then the workers
    process.wait(5)
    wait_until(lambda: not any(alive(pid) for pid in workers), 3.0)
    running.close()
