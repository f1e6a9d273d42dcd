"""Beyond one machine: push the built graph to a SPARQL 1.1 store and query it there.

- :func:`push` uploads a build with the Graph Store Protocol and verifies triple counts.
- :class:`RemoteEngine` runs the canned queries on a remote SPARQL 1.1 endpoint.
- :func:`open_remote_or_local` is what ``--endpoint`` on the commands calls.

Tested against Virtuoso Open Source 7 (see ``docs/remote.md``).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from govkg.engines import Engine, open_engine
from govkg.remote.endpoint import RemoteEngine, values_clause
from govkg.remote.http import Credentials, Redactor, RemoteError
from govkg.remote.push import PushReport, PushVerificationError, push


def open_remote_or_local(
    paths: Sequence[str | Path], endpoint: str | None = None, engine: str = "oxigraph"
) -> Engine:
    """The remote endpoint when one is given (credentials from the environment), else the
    local engine over ``paths``.

    >>> open_remote_or_local([], "http://127.0.0.1:1/sparql").name
    'remote'

    :raises GovkgError: a malformed endpoint URL, or local data that cannot be opened.
    """
    if endpoint:
        return RemoteEngine(endpoint, Credentials.from_env())
    return open_engine([Path(p) for p in paths], engine)


__all__ = [
    "Credentials",
    "PushReport",
    "PushVerificationError",
    "Redactor",
    "RemoteEngine",
    "RemoteError",
    "open_remote_or_local",
    "push",
    "values_clause",
]
