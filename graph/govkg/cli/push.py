"""``govkg push``: upload a build to a SPARQL 1.1 store (Graph Store Protocol) and verify it."""

from __future__ import annotations

from pathlib import Path

import click

from govkg.cli.common import (
    EXIT_CODES_HELP,
    credential_options,
    data_option,
    default_data,
    err_console,
    escape,
    out_console,
    reports_errors,
    shown,
)


@click.command(epilog=EXIT_CODES_HELP)
@data_option("A build folder or RDF files with named graphs (repeatable; default: out/).")
@click.option("--endpoint", metavar="URL", required=True, help="The SPARQL 1.1 query endpoint.")
@click.option(
    "--graph-store",
    metavar="URL",
    default=None,
    help="The Graph Store Protocol URL (default for Virtuoso: …/sparql-graph-crud-auth).",
)
@credential_options
@shown(
    "--batch-size",
    type=click.IntRange(1, 10_000_000),
    default=50_000,
    help="Triples per request; a bigger graph is sent as PUT then POSTs.",
)
@shown(
    "--retries",
    type=click.IntRange(0, 20),
    default=4,
    help="Retries (with backoff) on connection errors and 5xx answers.",
)
@shown(
    "--prune/--no-prune",
    default=True,
    help="Delete graphs under https://w3id.org/govkg/graph/ that the build no longer has.",
)
@shown(
    "--union/--no-union",
    default=True,
    help="Also write graph/union (each triple once), the default graph of remote queries.",
)
@shown("--progress/--no-progress", default=True, help="Progress bar.")
@reports_errors
def push(
    data: tuple[Path, ...],
    endpoint: str,
    graph_store: str | None,
    user: str | None,
    password: str | None,
    token: str | None,
    batch_size: int,
    retries: int,
    prune: bool,
    union: bool,
    progress: bool,
) -> None:
    """Push the built graph to a SPARQL 1.1 store, replacing each named graph there.

    Each named graph is PUT (a big one in batches: PUT, then POSTs), so pushing again
    never duplicates; graph/union holds every triple once, for queries with --endpoint.
    Afterwards the store's triple count of every graph is compared with the local one.
    Credentials: --user/--password (digest or basic auth, as the store asks) or
    --token (bearer), or GOVKG_REMOTE_USER, GOVKG_REMOTE_PASSWORD and GOVKG_REMOTE_TOKEN.
    They are never printed.
    """
    from govkg.remote.http import Credentials
    from govkg.remote.push import push as run_push

    report = run_push(
        default_data(data),
        endpoint,
        graph_store=graph_store,
        credentials=Credentials.from_env(user, password, token),
        batch_size=batch_size,
        retries=retries,
        prune=prune,
        union=union,
        progress=progress,
    )
    for graph in report.deleted:
        err_console.print(f"deleted stale graph <{escape(graph)}>")
    union_note = f" and their union ({report.union} triples)" if report.union else ""
    out_console.print(
        f"pushed {report.triples - report.union} triples in {report.graphs} graphs{union_note} "
        f"to {escape(report.graph_store)} in {report.seconds:.1f} s ({report.rate:,.0f} "
        f"triples/s, {report.requests} requests); counts verified on {escape(report.endpoint)}"
    )
