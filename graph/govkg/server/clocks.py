"""How long a query has run: in wall time, or in its worker's CPU time.

>>> clock = WallClock(60)
>>> clock.passed(), 59 < clock.left() <= 60
(False, True)
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Hashable

from govkg.server.owned import Owned

CPU_POLL, CPU_WALL_FACTOR = 0.05, 2  # how the fast lane's CPU budget is checked


class WallClock:
    """Seconds of wall time."""

    def __init__(self, seconds: float) -> None:
        self.end = time.monotonic() + seconds

    def left(self) -> float:
        return max(0.0, self.end - time.monotonic())

    def passed(self) -> bool:
        return time.monotonic() >= self.end


class CpuClock:
    """Seconds of a worker's CPU time, checked every CPU_POLL s; wall time where /proc
    cannot tell, and never more than CPU_WALL_FACTOR times as much wall time.

    A light query on a CPU-starved machine runs long in wall time but not in CPU time: it is
    not mistaken for a heavy one.
    """

    def __init__(self, owned: Owned, seconds: float, wall: float | None = None) -> None:
        self.owned, self.seconds = owned, seconds
        self.start = owned.cpu_seconds()
        if wall is None:
            wall = seconds if self.start is None else seconds * CPU_WALL_FACTOR
        self.wall = WallClock(wall)

    def left(self) -> float:
        return min(CPU_POLL, self.wall.left()) if self.start is not None else self.wall.left()

    def passed(self) -> bool:
        if self.wall.passed():
            return True
        used = self.owned.cpu_seconds()
        return used is None or used - self.start >= self.seconds


class Costs:
    """The CPU seconds each query (its text and bound values) took the last time it ran,
    for the ``kept`` queries seen last: the pool's guess of what a query will cost.

    >>> costs = Costs(kept=2)
    >>> costs.note("ASK {}", 0.001); costs.note("heavy", 9.0); costs.note("third", 0.5)
    >>> costs.get("ASK {}"), costs.get("heavy"), costs.get("never seen")
    (None, 9.0, None)
    """

    def __init__(self, kept: int = 4096) -> None:
        self.kept = kept
        self._seconds: OrderedDict[Hashable, float] = OrderedDict()

    def note(self, key: Hashable, seconds: float) -> None:
        """Remember ``seconds`` for ``key`` (the oldest key is forgotten past ``kept``)."""
        self._seconds[key] = seconds
        self._seconds.move_to_end(key)
        if len(self._seconds) > self.kept:
            self._seconds.popitem(last=False)

    def get(self, key: Hashable) -> float | None:
        """The seconds noted last for ``key``, or None."""
        return self._seconds.get(key)
