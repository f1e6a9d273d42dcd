"""Where a build's memory goes: ``govkg build`` with the process's memory at each stage (issue 17).

    python benchmarks/build_memory.py RECORDS -o OUT [other govkg build options]

Runs the ``govkg build`` command in this process and prints, when each stage of ``-v`` starts
and ends, the seconds since start, the resident memory and its peak so far (``VmRSS`` and
``VmHWM`` of ``/proc/self/status``, Linux). Stages that run beside each other in threads
interleave. The build forks nothing: this process is all of its memory.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from govkg.cli import main
from govkg.timing import StageTimes

START = time.perf_counter()
timed = StageTimes.stage


def memory() -> str:
    """Resident and peak resident memory of this process, in MB."""
    fields = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines())
    rss, peak = (int(fields[key].split()[0]) // 1024 for key in ("VmRSS", "VmHWM"))
    return f"rss {rss:6} MB  peak {peak:6} MB"


@contextmanager
def logged(self: StageTimes, name: str) -> Iterator[None]:
    print(f"{time.perf_counter() - START:8.1f} s  {memory()}  start {name}", file=sys.stderr)
    with timed(self, name):
        yield
    print(f"{time.perf_counter() - START:8.1f} s  {memory()}  end   {name}", file=sys.stderr)


if __name__ == "__main__":
    StageTimes.stage = logged
    sys.argv = ["govkg", "build", *sys.argv[1:]]
    main()
