"""Answers kept in memory: the store is read-only, so the same job gets the same answer.

:class:`AnswerCache` maps a :class:`~govkg.server.workers.Job` (query text, bound values,
format, limits, base IRI) to the worker's successful :class:`~govkg.server.workers.Reply`,
least recently used first out, within a byte budget (``govkg serve --cache-mb``; 0 keeps
nothing). Only answers from the server's own store are kept (not a remote one's, which
may change), and only successful ones: a refused, stopped or failed query runs again.
A repeated query then costs no worker, no pipe and no engine time.

>>> from govkg.server.workers import Job, Reply
>>> cache = AnswerCache(max_bytes=20)
>>> cache.put(Job("ASK {}"), Reply(True, b"true\\n"))
>>> cache.get(Job("ASK {}")).body, cache.get(Job("ASK { ?s ?p ?o }"))
(b'true\\n', None)
>>> cache.put(Job("big"), Reply(True, b"x" * 20))  # larger than the whole budget: not kept
>>> cache.get(Job("big")), cache.hits, cache.misses
(None, 1, 2)
"""

from __future__ import annotations

import threading
from collections import OrderedDict

from govkg.server.workers import Job, Reply


class AnswerCache:
    """Successful replies by job, least recently used out first, within ``max_bytes``."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.size = 0
        self.hits = self.misses = 0
        self._replies: OrderedDict[Job, Reply] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, job: Job) -> Reply | None:
        """The reply kept for ``job``, or None."""
        with self._lock:
            reply = self._replies.get(job)
            if reply is None:
                self.misses += 1
                return None
            self._replies.move_to_end(job)
            self.hits += 1
            return reply

    def put(self, job: Job, reply: Reply) -> None:
        """Keep a successful ``reply`` (not one larger than the whole budget)."""
        cost = len(reply.body) + len(job.query)
        if not reply.ok or cost > self.max_bytes:
            return
        with self._lock:
            old = self._replies.pop(job, None)
            if old is not None:
                self.size -= len(old.body) + len(job.query)
            self._replies[job] = reply
            self.size += cost
            while self.size > self.max_bytes:
                gone, dropped = self._replies.popitem(last=False)
                self.size -= len(dropped.body) + len(gone.query)
