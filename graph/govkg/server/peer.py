"""Who sent a request, and whether they are still there to read the answer.

A client that hangs up closes its socket: the server's end turns readable with nothing
to read. The worker pool waits on the worker's pipe *and* on that socket, so a query whose
client has gone is stopped at once instead of holding its worker to the timeout. A peer
that sends more bytes while waiting (a pipelined request) cannot be told apart from one
still waiting, so it is simply no longer watched; one that half-closes its end after the
request (``shutdown(SHUT_WR)``) counts as gone.

>>> import socket
>>> a, b = socket.socketpair()
>>> peer = Peer("127.0.0.1", a)
>>> peer.gone()
False
>>> b.close()
>>> peer.gone()
True
>>> Peer().gone(), Peer().watchable
(False, False)
"""

from __future__ import annotations

import select
import socket
from dataclasses import dataclass


class ClientGone(Exception):
    """The client hung up before its answer was ready; nothing is to be written back."""


@dataclass(frozen=True)
class Peer:
    """The client's address (``""`` in process) and its socket (None: not watched)."""

    address: str = ""
    sock: socket.socket | None = None

    @property
    def watchable(self) -> bool:
        """Whether there is a socket to watch."""
        return self.sock is not None

    def fileno(self) -> int:
        """The socket's descriptor (for :func:`multiprocessing.connection.wait`)."""
        return self.sock.fileno()

    def gone(self) -> bool:
        """True when the client has closed its end (or the connection broke)."""
        if self.sock is None:
            return False
        try:
            if not select.select([self.sock], [], [], 0)[0]:
                return False
            return self.sock.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT) == b""
        except BlockingIOError:
            return False
        except (OSError, ValueError):
            return True
