"""The supervisor: worker processes the server owns, in two lanes, stopped when they must be.

:class:`WorkerPool` hands each :class:`~govkg.server.workers.Job` to an idle worker and
waits for the reply, the timeout, or the client's hang-up, whichever comes first; a late
or abandoned query's worker is killed (SIGKILL, through its pidfd) and replaced in the
background. Two lanes keep light queries fast while heavy ones run:

- the **general lane** (``--workers``): any query, up to ``--timeout``;
- the **fast lane** (``--fast-workers``): used only when every general worker is busy; a
  query there gets ``--fast-lane-seconds`` of CPU time (and at most twice that in wall
  time). One that needs longer is *moved*: its worker keeps running it as an extra general
  worker (at most ``--fast-workers`` such at a time; beyond that it is killed and the query
  goes first for the next general worker) and a new fast worker starts. A client skips the
  fast lane while it has a moved query running, and for ``--timeout`` seconds after one of
  its queries hit the timeout, so heavy queries pass through it once, not again and again.

Every worker starts at the server's CPU priority. A general-lane query that has used a
fifth of ``--fast-lane-seconds`` of CPU counts as *heavy*; while a fast-lane query runs or
the server reads a query (:meth:`WorkerPool.yielding`), heavy queries' workers are
reniced to GENERAL_NICE, so they yield the CPU to light work, and they get the server's
priority back when it is done and after their answer (where the OS does not allow raising
a priority, as for an unprivileged user, a worker once reniced keeps the lower priority).
A heavy query alone is not slowed down: on a machine shared with other work, a niced
worker gets a small share of the CPU and ran into the timeout (issue 17).

The pool remembers what each query (text and bound values) cost the last time
(:class:`~govkg.server.clocks.Costs`): one known to be light (under half the fast lane's
CPU budget) goes to the fast lane first, before any other query waiting for a fast
worker; one known to be heavy (over that budget, or stopped) skips the fast lane.

A worker whose private memory stays above ``--recycle-mb`` after an answer is replaced.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing as mp
import os
import threading
import time
from collections import Counter, deque
from dataclasses import dataclass, field
from multiprocessing.connection import wait
from pathlib import Path

from govkg.errors import GovkgError
from govkg.server.capacity import Lanes
from govkg.server.clocks import Costs, CpuClock, WallClock
from govkg.server.errors import HttpError
from govkg.server.owned import Owned
from govkg.server.peer import ClientGone, Peer
from govkg.server.policy import Limits
from govkg.server.spawn import death, hello, owned_worker_main, without_main
from govkg.server.workers import Job, Reply

log = logging.getLogger("govkg.serve")
GENERAL, FAST, EXTRA = "general", "fast", "extra"
GENERAL_NICE = 10  # CPU priority of demoted queries' workers (the others keep the server's)
LIGHT_SHARE = 0.5  # a query that used less than this share of the fast lane's CPU is light
DEMOTE_SHARE = 0.2  # a general-lane query is demoted after this share of the fast lane's CPU
WATCH_SECONDS = 0.2  # how often idle workers are checked for a death from outside
NOBODY = Peer()


@dataclass
class PoolStats:
    """What the pool did: queries run, workers killed (timeout, hang-up, recycled)."""

    queries: int = 0
    timeouts: int = 0
    deaths: int = 0
    abandoned: int = 0
    recycled: int = 0
    moved: int = 0  # queries that outgrew the fast lane
    stop_seconds: list[float] = field(default_factory=list)


@dataclass(eq=False)
class _Worker:
    process: mp.Process
    conn: object
    lane: str
    owned: Owned | None = None
    key: object = None  # the running job's cost key
    cpu_start: float | None = None  # the worker's CPU seconds when the job was sent
    heavy: bool = False  # its query passed the demotion budget
    niced: bool = False  # reniced to GENERAL_NICE

    @property
    def pid(self) -> int:
        return self.owned.pid if self.owned else 0


class _Late(Exception):
    """The query passed its lane's time."""


class WorkerPool:
    """Worker processes over one read-only store, in a general and a fast lane.

    :raises GovkgError: when the workers cannot open the store (exit code 2).
    """

    def __init__(
        self,
        store: Path,
        limits: Limits,
        *,
        lanes: Lanes | None = None,
        audit_log: Path | None = None,
    ) -> None:
        self.store, self.limits, self.lanes = Path(store), limits, lanes or Lanes()
        self.audit_log = str(audit_log) if audit_log else None
        self.stats = PoolStats()
        self._ctx = mp.get_context("forkserver")
        self._ctx.set_forkserver_preload(["govkg.server.pool"])
        self._idle: dict[str, deque[_Worker]] = {GENERAL: deque(), FAST: deque()}
        self._all: set[_Worker] = set()
        self._cond = threading.Condition()
        self._moved: Counter[str] = Counter()  # client → its queries moved out of the fast lane
        self._extra = 0  # fast workers kept running in the general lane
        self._urgent = 0  # moved queries waiting for a general worker (they go first)
        self._barred: dict[str, float] = {}  # client → end of its bar after a timeout
        self._costs = Costs()  # what each query cost the last time (under self._cond)
        self._light_waiting = 0  # known light queries waiting for a worker (they go first)
        self._heavy: set[_Worker] = set()  # workers running a heavy query
        self._fast_running = 0  # fast-lane queries and requests being read (heavy ones yield)
        self._nice_lock = threading.Lock()
        self._closed = False
        try:
            for lane, count in ((GENERAL, limits.workers), (FAST, self.lanes.fast_workers)):
                for _ in range(count):
                    self._put(self._start(lane))
        except BaseException:
            self.close()
            raise
        threading.Thread(target=self._watch, name="govkg-worker-watch", daemon=True).start()

    def _watch(self) -> None:
        """Replace idle workers that died (killed from outside, or with their forkserver)."""
        while not self._closed:
            time.sleep(WATCH_SECONDS)
            with self._cond:
                if self._closed:
                    return
                dead = [w for q in self._idle.values() for w in q if not w.owned.alive()]
                for worker in dead:
                    self._idle[worker.lane].remove(worker)
            for worker in dead:
                self.stats.deaths += 1
                log.warning("a %s worker died while idle; replacing it", worker.lane)
                self._replace(worker)

    # -- starting and stopping workers ----------------------------------------------------

    def _start(self, lane: str) -> _Worker:
        parent, child = self._ctx.Pipe()
        process = self._ctx.Process(
            target=owned_worker_main,
            args=(child, str(self.store), self.limits.memory_mb, self.audit_log),
            daemon=True,
            name=f"govkg-query-worker-{lane}",
        )
        with without_main():
            process.start()
        child.close()
        worker = _Worker(process, parent, lane, Owned(process.pid))
        with self._cond:
            self._all.add(worker)
        status, detail = hello(parent)
        if status != "ready":
            self._kill(worker)
            raise GovkgError(
                f"a query worker cannot open the store {self.store}: {detail}",
                fix="rebuild it with 'govkg build', or raise --memory-mb",
            )
        return worker

    def _kill(self, worker: _Worker) -> bool:
        """SIGKILL a worker through its pidfd and wait for it (the forkserver not asked).

        False when another thread is killing it already.
        """
        with self._cond:
            if worker not in self._all:
                return False
            self._all.discard(worker)
            self._heavy.discard(worker)
        worker.owned.kill()
        worker.owned.wait(5)
        worker.owned.close()
        worker.conn.close()
        return True

    def _replace(self, worker: _Worker) -> None:
        """Kill a worker and start another in its lane (an extra one is not replaced)."""
        if not self._kill(worker):
            return
        if worker.lane == EXTRA:
            with self._cond:
                self._extra -= 1
            return
        self._refill_later(worker.lane)

    def _refill_later(self, lane: str) -> None:
        threading.Thread(
            target=self._refill, args=(lane,), name="govkg-worker-refill", daemon=True
        ).start()

    def _refill(self, lane: str) -> None:
        for attempt in range(5):
            if self._closed:
                return
            try:
                worker = self._start(lane)
            except GovkgError as err:
                log.error("cannot replace a query worker (attempt %d): %s", attempt + 1, err)
                time.sleep(1 + attempt)
                continue
            if self._closed:  # closed while this worker was starting
                self._kill(worker)
            else:
                self._put(worker)
            return

    def _put(self, worker: _Worker) -> None:
        with self._cond:
            self._idle[worker.lane].append(worker)
            self._cond.notify_all()

    # -- running a job --------------------------------------------------------------------

    def run(self, job: Job, timeout: float | None = None, *, peer: Peer = NOBODY) -> Reply:
        """Run ``job``, stopping it at ``timeout`` seconds or when ``peer`` hangs up.

        :raises HttpError: 503 when every worker stays busy past ``queue_wait``, when the
            query passes the timeout, or when its worker dies.
        :raises ClientGone: when the client hung up (its worker was killed).
        """
        timeout = self.limits.timeout if timeout is None else timeout
        deadline = time.monotonic() + self.limits.queue_wait
        worker = self._send(job, deadline, peer)
        if worker.lane == GENERAL:
            return self._finish(worker, timeout, timeout, peer)
        started = time.monotonic()
        self._in_fast_lane(+1)
        try:
            return self._wait(worker, self.lanes.fast_seconds, peer, cpu=True)
        except _Late:
            self.stats.moved += 1
            self._note(worker.key, float("inf"))  # next time it skips the fast lane
        finally:
            self._in_fast_lane(-1)
        with self._moving(peer.address):
            if self._promote(worker):
                left = max(0.0, timeout - (time.monotonic() - started))
                return self._finish(worker, left, timeout, peer)
            self._replace(worker)  # no room to keep it running: start again in the general lane
            worker = self._send(job, deadline, peer, moved=True)
            return self._finish(worker, timeout, timeout, peer)

    def _finish(self, worker: _Worker, seconds: float, timeout: float, peer: Peer) -> Reply:
        """The reply within ``seconds``, or the worker killed and 503 ``query-timeout``.

        A query still running after DEMOTE_SHARE of ``--fast-lane-seconds`` of CPU becomes
        heavy first."""
        end = time.monotonic() + seconds
        try:
            if not worker.heavy:
                try:
                    budget = self.lanes.fast_seconds * DEMOTE_SHARE
                    return self._wait(worker, budget, peer, cpu=True, wall=seconds)
                except _Late:
                    self._demote(worker)
            return self._wait(worker, max(0.0, end - time.monotonic()), peer)
        except _Late:
            started = time.perf_counter()
            self._note(worker.key, float("inf"))
            self._replace(worker)
            self._bar(peer.address)
            self.stats.timeouts += 1
            self.stats.stop_seconds.append(time.perf_counter() - started)
            log.warning("stopped a query after the %.1f s timeout", timeout)
            raise _timeout(timeout) from None

    def _demote(self, worker: _Worker) -> None:
        """Count a worker's query as heavy: it yields the CPU while the fast lane works."""
        with self._cond:
            worker.heavy = True
            self._heavy.add(worker)
        self._prioritize()

    def _calm(self, worker: _Worker) -> None:
        """A heavy query ended: its worker is not heavy any more (and not niced, where the
        OS allows)."""
        with self._cond:
            worker.heavy = False
            self._heavy.discard(worker)
        with self._nice_lock:
            if worker.niced:
                worker.niced = not _renice(worker.pid, os.getpriority(os.PRIO_PROCESS, 0))

    def _in_fast_lane(self, change: int) -> None:
        with self._cond:
            self._fast_running += change
        self._prioritize()

    @contextlib.contextmanager
    def yielding(self):
        """Heavy queries yield the CPU while this block runs (the server reading a request)."""
        self._in_fast_lane(+1)
        try:
            yield
        finally:
            self._in_fast_lane(-1)

    def _prioritize(self) -> None:
        """Heavy queries' workers at GENERAL_NICE while a fast-lane query runs, else at the
        server's own priority (where the OS allows raising it again)."""
        with self._nice_lock:
            with self._cond:
                yielding, heavy = self._fast_running > 0, list(self._heavy)
            ours = os.getpriority(os.PRIO_PROCESS, 0)
            for worker in heavy:
                if yielding and not worker.niced:
                    worker.niced = _renice(worker.pid, GENERAL_NICE)
                elif worker.niced and not yielding:
                    worker.niced = not _renice(worker.pid, ours)

    def _note(self, key: object, seconds: float) -> None:
        with self._cond:
            self._costs.note(key, seconds)

    def _bar(self, address: str) -> None:
        """Keep a client whose query hit the timeout out of the fast lane for ``timeout`` s."""
        now = time.monotonic()
        with self._cond:
            if len(self._barred) > 10_000:
                self._barred = {a: t for a, t in self._barred.items() if t > now}
            self._barred[address] = now + self.limits.timeout

    @contextlib.contextmanager
    def _moving(self, address: str):
        """While a client's query that outgrew the fast lane runs, the client skips that lane."""
        with self._cond:
            self._moved[address] += 1
        try:
            yield
        finally:
            with self._cond:
                self._moved[address] -= 1
                if not self._moved[address]:
                    del self._moved[address]

    def _promote(self, worker: _Worker) -> bool:
        """Keep a late fast worker running as an extra general one (at most ``fast_workers``
        such at a time), and start a new fast worker in its place."""
        with self._cond:
            if self._extra >= max(1, self.lanes.fast_workers):
                return False
            self._extra += 1
            worker.lane = EXTRA
        self._demote(worker)
        self._refill_later(FAST)
        return True

    def _send(self, job: Job, deadline: float, peer: Peer, moved: bool = False) -> _Worker:
        """Hand ``job`` to an idle worker (a worker found dead is replaced, the next tried)."""
        key = (job.query, job.substitutions)
        with self._cond:
            cost = self._costs.get(key)
        light = cost is not None and cost < self.lanes.fast_seconds * LIGHT_SHARE
        heavy = cost is not None and cost >= self.lanes.fast_seconds
        for _ in range(3):
            worker = self._take(deadline, peer, moved, light, heavy)
            worker.key, worker.cpu_start = key, worker.owned.cpu_seconds()
            try:
                worker.conn.send(job)
                return worker
            except OSError:
                self.stats.deaths += 1
                self._replace(worker)
        raise HttpError(503, "busy", "no query worker is available", fix="retry shortly")

    def _take(self, deadline: float, peer: Peer, moved: bool, light: bool, heavy: bool) -> _Worker:
        """An idle worker: a general one, else a fast one if this client may use it.

        A ``moved`` query (stopped in the fast lane) goes first for the next general worker;
        a ``light`` one (cheap the last time) first for the next fast worker (a general one
        is not held back for it: heavy queries waited past ``--queue-wait`` behind a stream
        of light ones); a ``heavy`` one never takes a fast worker.
        """
        with self._cond:
            self._urgent += moved
            self._light_waiting += light
            try:
                while True:
                    worker = self._idle_worker(peer, moved, light, heavy)
                    if worker is not None:
                        return worker
                    left = deadline - time.monotonic()
                    if left <= 0:
                        raise _busy(self.limits.queue_wait)
                    self._cond.wait(min(left, 0.1))
                    if peer.gone():
                        self.stats.abandoned += 1
                        raise ClientGone
            finally:
                self._urgent -= moved
                self._light_waiting -= light

    def _idle_worker(self, peer: Peer, moved: bool, light: bool, heavy: bool) -> _Worker | None:
        """An idle live worker this query may take now (called holding the lock)."""
        if self._closed:
            raise HttpError(503, "shutting-down", "the server is shutting down")
        lanes = [GENERAL] if moved or not self._urgent else []
        address = peer.address
        barred = self._moved.get(address) or self._barred.get(address, 0) > time.monotonic()
        if light and not barred:
            lanes.insert(0, FAST)
        elif not (moved or barred or heavy or self._light_waiting):
            lanes.append(FAST)
        for lane in lanes:
            while self._idle[lane]:
                worker = self._idle[lane].popleft()
                if worker.owned.alive():
                    return worker
                self.stats.deaths += 1  # died while idle (killed from outside)
                self._replace(worker)
        return None

    def _wait(
        self,
        worker: _Worker,
        seconds: float,
        peer: Peer,
        cpu: bool = False,
        wall: float | None = None,
    ) -> Reply:
        """The worker's reply; :class:`_Late` after ``seconds`` (of the worker's CPU time when
        ``cpu``, with at most ``wall`` seconds of wall time, else wall time); the worker
        killed when the client goes."""
        late = CpuClock(worker.owned, seconds, wall) if cpu else WallClock(seconds)
        watched = [worker.conn, peer] if peer.watchable else [worker.conn]
        while True:
            ready = wait(watched, late.left())
            if not ready:
                if late.passed():
                    raise _Late  # the caller decides: kill, or keep running in another lane
                continue
            if worker.conn in ready:
                break
            if peer.gone():
                self.stats.abandoned += 1
                self._replace(worker)
                raise ClientGone
            watched = [worker.conn]  # the client sent more bytes: it cannot be watched
        try:
            reply = worker.conn.recv()
        except (EOFError, OSError):
            if self._closed:
                raise HttpError(503, "shutting-down", "the server is shutting down") from None
            self.stats.deaths += 1
            message = death(worker, self.limits.memory_mb)
            self._replace(worker)
            raise HttpError(503, "query-aborted", message, fix=_NARROW) from None
        self.stats.queries += 1
        used = worker.owned.cpu_seconds()
        if reply.ok and used is not None and worker.cpu_start is not None:
            self._note(worker.key, used - worker.cpu_start)
        self._after(worker, reply)
        return reply

    def _after(self, worker: _Worker, reply: Reply) -> None:
        """Back to idle, or replaced: after a fatal reply, holding too much memory, or when it
        was an extra worker kept for a query that outgrew the fast lane."""
        if reply.fatal or worker.lane == EXTRA:
            self._replace(worker)
            return
        if worker.heavy or worker.niced:
            self._calm(worker)
        memory = worker.owned.memory_mb()
        if memory is not None and memory > self.lanes.recycle_mb:
            self.stats.recycled += 1
            log.info("recycling a worker that kept %.0f MB after its answer", memory)
            self._replace(worker)
            return
        self._put(worker)

    # -- inspection and shutdown ----------------------------------------------------------

    def pids(self) -> list[int]:
        """Process ids of the live workers (both lanes)."""
        with self._cond:
            return sorted(w.pid for w in self._all)

    def idle(self, lane: str = GENERAL) -> int:
        """How many workers of ``lane`` are idle."""
        with self._cond:
            return sum(w.owned.alive() for w in self._idle[lane])

    def close(self) -> None:
        """Kill every worker (through its pidfd: this works when the forkserver is gone)."""
        with self._cond:
            self._closed = True
            workers = list(self._all)
            self._cond.notify_all()
        for worker in workers:
            self._kill(worker)


def _renice(pid: int, nice: int) -> bool:
    """Set a process's nice value; False where the OS refuses (or it is gone)."""
    try:
        os.setpriority(os.PRIO_PROCESS, pid, nice)
    except OSError:
        return False
    return True


_NARROW = "narrow the query (more specific patterns, LIMIT, no ORDER BY on huge sets)"


def _timeout(seconds: float) -> HttpError:
    return HttpError(
        503,
        "query-timeout",
        f"the query ran longer than {seconds:g} s and was stopped",
        fix="narrow the query (more specific patterns, LIMIT), or ask for a larger --timeout",
    )


def _busy(seconds: float) -> HttpError:
    return HttpError(
        503,
        "busy",
        f"every query worker stayed busy for {seconds:g} s",
        fix="retry shortly",
        headers={"Retry-After": "1"},
    )
