"""Wall time per pipeline stage, for ``govkg build -v`` (issue #17).

>>> times = StageTimes()
>>> with times.stage("read records"):
...     pass
>>> list(times), times["read records"] >= 0
(['read records'], True)
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager


class StageTimes(dict[str, float]):
    """Stage name → seconds, in the order the stages started; a stage run twice adds up.

    Stages that run beside each other in threads are timed each on its own: their sum can
    exceed the total.
    """

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        """Time the ``with`` block as stage ``name``."""
        self.setdefault(name, 0.0)
        start = time.perf_counter()
        try:
            yield
        finally:
            self[name] += time.perf_counter() - start

    def table(self) -> str:
        """One line per stage: seconds, then the name."""
        return "\n".join(f"{seconds:8.2f} s  {name}" for name, seconds in self.items())
