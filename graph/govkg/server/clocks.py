"""How long a query has run: in wall time, or in its worker's CPU time.

>>> clock = WallClock(60)
>>> clock.passed(), 59 < clock.left() <= 60
(False, True)
"""

from __future__ import annotations

import time

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

    def __init__(self, owned: Owned, seconds: float) -> None:
        self.owned, self.seconds = owned, seconds
        self.start = owned.cpu_seconds()
        self.wall = WallClock(seconds if self.start is None else seconds * CPU_WALL_FACTOR)

    def left(self) -> float:
        return min(CPU_POLL, self.wall.left()) if self.start is not None else self.wall.left()

    def passed(self) -> bool:
        if self.wall.passed():
            return True
        used = self.owned.cpu_seconds()
        return used is None or used - self.start >= self.seconds
