"""``govkg serve``: the read-only SPARQL endpoint and web UI, as a command."""

from __future__ import annotations

import logging
import signal
from pathlib import Path

import click

from govkg.cli.common import (
    EXIT_CODES_HELP,
    data_option,
    default_data,
    endpoint_option,
    err_console,
    reports_errors,
    shown,
)
from govkg.errors import GovkgError
from govkg.server.capacity import Connections, Lanes
from govkg.server.policy import Limits

DEFAULTS, LANES, CONNECTIONS = Limits(), Lanes(), Connections()


@click.command(epilog=EXIT_CODES_HELP)
@shown("--host", default="127.0.0.1", help="Address to listen on.")
@shown(
    "--port",
    default=8000,
    type=click.IntRange(0, 65535),
    help="Port to listen on (0 picks a free one).",
)
@data_option()
@endpoint_option
@click.option(
    "--proxy",
    is_flag=True,
    help="Forward every query to --endpoint (a remote SPARQL 1.1 store) instead of serving "
    "local data; the same refusals, limits and UI apply.",
)
@click.option(
    "--allow-host",
    "allowed_hosts",
    multiple=True,
    metavar="NAME[:PORT]",
    help="Also answer requests whose Host header is NAME (repeatable; loopback names always).",
)
@click.option(
    "--cors-origin",
    "cors_origins",
    multiple=True,
    metavar="ORIGIN",
    help="Let pages from ORIGIN (e.g. https://example.org) read answers (repeatable).",
)
@shown("--timeout", default=DEFAULTS.timeout, help="Seconds per query.")
@shown("--max-rows", default=DEFAULTS.rows, help="Rows per answer.")
@shown("--max-response-bytes", default=DEFAULTS.response_bytes, help="Bytes per answer.")
@shown("--max-query-chars", default=DEFAULTS.query_chars, help="Query length.")
@shown("--max-body-bytes", default=DEFAULTS.body_bytes, help="Request body size.")
@shown("--memory-mb", default=DEFAULTS.memory_mb, help="Memory cap per worker.")
@shown("--workers", default=DEFAULTS.workers, help="Query worker processes.")
@shown(
    "--queue-wait",
    default=DEFAULTS.queue_wait,
    help="Seconds a query may wait for a free worker before 503 busy.",
)
@shown(
    "--fast-workers",
    default=LANES.fast_workers,
    type=click.IntRange(0),
    help="Extra workers for queries arriving while the others are busy (0: none).",
)
@shown(
    "--fast-lane-seconds",
    default=LANES.fast_seconds,
    help="CPU seconds a query may use in the fast lane before it is moved to the general one.",
)
@shown(
    "--recycle-mb",
    default=LANES.recycle_mb,
    help="A worker keeping more private memory than this after an answer is replaced.",
)
@shown(
    "--cache-mb",
    default=LANES.cache_mb,
    type=click.IntRange(0),
    help="Megabytes of answers kept in memory for repeated queries (0: none).",
)
@shown(
    "--request-timeout",
    default=CONNECTIONS.request_seconds,
    help="Seconds a client has to send one request's line, headers and body (then 408).",
)
@shown(
    "--max-client-connections",
    default=CONNECTIONS.per_client,
    help="Open connections per client address (more get 503 busy).",
)
@shown(
    "--max-connections",
    default=CONNECTIONS.total,
    help="Open connections in all (also the listen backlog).",
)
@shown(
    "--parse-seconds",
    default=DEFAULTS.parse_seconds,
    help="Seconds to parse a query before it is refused as too complex.",
)
@click.option(
    "--audit-log",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Append every socket connect, file open and subprocess of the server to this file.",
)
@click.option("-v", "--verbose", is_flag=True, help="Log every request.")
@reports_errors
def serve(
    host: str,
    port: int,
    data: tuple[Path, ...],
    endpoint: str | None,
    proxy: bool,
    allowed_hosts: tuple[str, ...],
    cors_origins: tuple[str, ...],
    timeout: float,
    max_rows: int,
    max_response_bytes: int,
    max_query_chars: int,
    max_body_bytes: int,
    memory_mb: int,
    workers: int,
    queue_wait: float,
    fast_workers: int,
    fast_lane_seconds: float,
    recycle_mb: int,
    cache_mb: int,
    request_timeout: float,
    max_client_connections: int,
    max_connections: int,
    parse_seconds: float,
    audit_log: Path | None,
    verbose: bool,
) -> None:
    """Serve built data read-only: SPARQL 1.1 at /sparql, a web UI at /.

    Updates, SERVICE, FROM and client-chosen datasets are refused; every query runs in a
    worker process that is killed when it passes --timeout or its client hangs up, and a
    fast lane keeps light queries quick while heavy ones run. With --proxy --endpoint URL,
    queries go to that SPARQL 1.1 store instead (after the same checks), with credentials
    from the environment. Stop with Ctrl-C.
    """
    from govkg.server.runner import Server

    try:
        limits = Limits(
            query_chars=max_query_chars,
            body_bytes=max_body_bytes,
            rows=max_rows,
            response_bytes=max_response_bytes,
            timeout=timeout,
            memory_mb=memory_mb,
            workers=workers,
            queue_wait=queue_wait,
            parse_seconds=parse_seconds,
        )
        lanes = Lanes(fast_workers, fast_lane_seconds, recycle_mb, cache_mb)
        connections = Connections(request_timeout, max_client_connections, max_connections)
    except ValueError as err:
        raise GovkgError(str(err), fix="give a positive number") from err
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING, format="%(asctime)s %(message)s"
    )
    if proxy and not endpoint:
        raise GovkgError("--proxy needs the store to forward to", fix="add --endpoint URL")
    if endpoint and data:
        raise GovkgError("give --data or --endpoint, not both", fix="drop one of them")
    server = Server(
        default_data(data),
        endpoint=endpoint,
        host=host,
        port=port,
        limits=limits,
        lanes=lanes,
        connections=connections,
        allowed_hosts=allowed_hosts,
        cors_origins=cors_origins,
        audit_log=audit_log,
    ).start()
    if host not in ("127.0.0.1", "localhost", "::1"):
        err_console.print(f"warning: listening on {host}, not only on this machine")
    served = server.config.endpoint or ", ".join(map(str, server.data))
    err_console.print(f"govkg: serving {served} at {server.url}", markup=False)
    err_console.print(f"  SPARQL endpoint: {server.url}sparql   (Ctrl-C stops)")
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        err_console.print("stopped")


def _stop_on_sigterm(signum, frame) -> None:
    raise KeyboardInterrupt
