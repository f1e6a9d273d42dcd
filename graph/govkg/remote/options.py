"""Click options shared by the commands that can talk to a remote store (defined once)."""

from __future__ import annotations

import click

from govkg.remote.http import ENV_PASSWORD, ENV_TOKEN, ENV_USER

endpoint_option = click.option(
    "--endpoint",
    metavar="URL",
    default=None,
    help="Run on this SPARQL 1.1 endpoint instead of local data (credentials, if it needs "
    f"them, from {ENV_USER} / {ENV_PASSWORD} or {ENV_TOKEN}).",
)


def credential_options(command):
    """``--user``, ``--password`` and ``--token``, each also read from its environment variable."""
    command = click.option(
        "--token",
        envvar=ENV_TOKEN,
        default=None,
        show_envvar=True,
        help="Bearer token (prefer the environment variable).",
    )(command)
    command = click.option(
        "--password",
        envvar=ENV_PASSWORD,
        default=None,
        show_envvar=True,
        help="Password for digest or basic auth (prefer the environment variable: "
        "command lines are visible to other users).",
    )(command)
    return click.option(
        "--user", envvar=ENV_USER, default=None, show_envvar=True, help="User name."
    )(command)
