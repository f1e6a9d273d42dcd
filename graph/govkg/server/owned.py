"""A worker process the server owns: held by a pidfd, killed without asking anyone else.

``multiprocessing`` asks the forkserver whether a worker is alive. Once the forkserver is
gone it answers "exited" for every worker and ``Process.kill`` does nothing, so timed-out
workers ran on at 100 % CPU and survived the server's shutdown (issue 13). A pidfd names
the process itself (no pid reuse, no middleman) and becomes readable when it exits.
Workers also ask the kernel to kill them when the forkserver that forked them dies
(``PR_SET_PDEATHSIG``), so none outlives its supervision, not even a SIGKILLed server's.

>>> import subprocess, sys
>>> child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
>>> owned = Owned(child.pid)
>>> owned.alive(), owned.kill(), owned.wait(5), child.wait()
(True, None, True, -9)
>>> owned.close()
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import select
import signal
import time
from pathlib import Path

PR_SET_PDEATHSIG = 1
CLOCK_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


class Owned:
    """One process by pid, through a pidfd where the OS has them (Linux ≥ 5.3)."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        try:
            self._fd: int | None = os.pidfd_open(pid)
        except (AttributeError, OSError):
            self._fd = None

    def alive(self) -> bool:
        """True while the process runs (a zombie counts as gone)."""
        fd = self._fd
        if fd is not None:
            with contextlib.suppress(OSError, ValueError):  # closed meanwhile: ask /proc
                return not select.select([fd], [], [], 0)[0]
        return _running(self.pid)

    def kill(self) -> None:
        """SIGKILL the process (nothing happens when it is already gone)."""
        with contextlib.suppress(ProcessLookupError, OSError):
            if self._fd is not None:
                signal.pidfd_send_signal(self._fd, signal.SIGKILL)
            else:
                os.kill(self.pid, signal.SIGKILL)

    def wait(self, seconds: float) -> bool:
        """Wait up to ``seconds`` for the process to end; True when it has."""
        fd = self._fd
        if fd is not None:
            with contextlib.suppress(OSError, ValueError):
                return bool(select.select([fd], [], [], seconds)[0])
        deadline = time.monotonic() + seconds
        while _running(self.pid):
            if time.monotonic() > deadline:
                return False
            time.sleep(0.01)
        return True

    def cpu_seconds(self) -> float | None:
        """CPU time used so far (user + system), or None where /proc cannot tell."""
        try:
            fields = Path(f"/proc/{self.pid}/stat").read_text().rpartition(")")[2].split()
            return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS
        except (OSError, IndexError, ValueError):
            return None

    def memory_mb(self) -> float | None:
        """Private memory in use (``RssAnon``, MiB), or None where /proc cannot tell."""
        try:
            status = Path(f"/proc/{self.pid}/status").read_text()
        except OSError:
            return None
        for line in status.splitlines():
            if line.startswith("RssAnon:"):
                return int(line.split()[1]) / 1024
        return None

    def close(self) -> None:
        """Release the pidfd (once; later calls do nothing)."""
        fd, self._fd = self._fd, None
        if fd is not None:
            os.close(fd)


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


def die_with_parent() -> None:
    """Ask the kernel to SIGKILL this process when its parent dies (Linux; else nothing).

    Called first thing in a worker, whose parent is the forkserver: when the forkserver is
    killed, or exits because the server died, its workers go with it.
    """
    parent = os.getppid()
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)
