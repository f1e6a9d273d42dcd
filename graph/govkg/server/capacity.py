"""The server's capacity settings beyond :class:`~govkg.server.policy.Limits`: the worker
lanes and the connection limits (CLI: ``govkg serve --help``; docs/serve.md).

Kept apart from the pool and the HTTP server so that ``govkg serve --help`` imports
neither.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Lanes:
    """How the pool keeps room for light queries (CLI: ``govkg serve --help``).

    >>> Lanes().fast_workers, Lanes().fast_seconds, Lanes().recycle_mb
    (1, 0.25, 512)
    """

    fast_workers: int = 1  # workers kept for queries that arrive while the others are busy
    fast_seconds: float = 0.25  # CPU seconds in the fast lane before moving to the general one
    recycle_mb: int = 512  # a worker keeping more private memory after an answer is replaced
    cache_mb: int = 64  # answers of the local store kept in memory (0: none; answers.py)

    def __post_init__(self) -> None:
        _check_positive(self, may_be_zero=("fast_workers", "cache_mb"))


@dataclass(frozen=True)
class Connections:
    """How many connections the server holds, and how long a request may take to arrive.

    >>> Connections().request_seconds, Connections().per_client, Connections().total
    (10.0, 24, 64)
    """

    request_seconds: float = 10.0  # deadline for one request's line, headers and body
    per_client: int = 24  # open connections per client address
    total: int = 64  # open connections in all (also the listen backlog)

    def __post_init__(self) -> None:
        _check_positive(self)


def _check_positive(settings: object, may_be_zero: tuple[str, ...] = ()) -> None:
    """:raises ValueError: naming the first setting below zero (or at zero where not allowed)."""
    for name, value in vars(settings).items():
        if value < 0 or (value == 0 and name not in may_be_zero):
            raise ValueError(f"limit {name} must be positive, not {value!r}")
