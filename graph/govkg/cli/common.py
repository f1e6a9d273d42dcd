"""What every ``govkg`` command shares, defined once: the consoles, the exit-code epilog,
the error reporter and the options several commands take (``--data``, ``--engine``,
``--endpoint``, credentials).

The command modules (``cli/commands.py``, ``cli/serve.py``, …) import from here, never from
each other, so any of them can be imported first.

>>> from click.testing import CliRunner
>>> @click.command()
... @data_option()
... def show(data):
...     click.echo(",".join(map(str, data)))
>>> CliRunner().invoke(show, ["--data", "out", "--data", "x.ttl"]).output
'out,x.ttl\\n'
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path

import click

from govkg.envvars import ENV_PASSWORD, ENV_TOKEN, ENV_USER
from govkg.errors import GovkgError


class LazyConsole:
    """A rich ``Console`` made on first use, so that ``govkg --help`` never imports rich.

    >>> LazyConsole(stderr=True).stderr
    True
    """

    def __init__(self, **options) -> None:
        self._options = options
        self._console = None

    def __getattr__(self, name: str):
        if self._console is None:
            from rich.console import Console

            self._console = Console(highlight=False, soft_wrap=True, **self._options)
        return getattr(self._console, name)


def escape(text: str) -> str:
    """``text`` with rich markup escaped (rich imported only when something is printed).

    >>> print(escape("[bold]x[/]"))
    \\[bold]x\\[/]
    """
    from rich.markup import escape as rich_escape

    return rich_escape(text)


err_console = LazyConsole(stderr=True)
out_console = LazyConsole()

EXIT_CODES_HELP = "Exit codes: 0 ok, 1 findings (SHACL violations), 2 bad input or usage."
DATA_HELP = "A build folder or RDF files (repeatable; default: out/)."


def reports_errors(command: Callable) -> Callable:
    """Turn a GovkgError into its one-line message and exit code."""

    @wraps(command)
    def run(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except GovkgError as err:
            err_console.print(f"[bold red]error:[/] {escape(str(err))}")
            sys.exit(err.exit_code)

    return run


def data_option(help: str = DATA_HELP) -> Callable:
    """``--data PATH`` (repeatable): build folders or RDF files, given as a tuple of paths."""
    return click.option("--data", "data", multiple=True, type=click.Path(path_type=Path), help=help)


def shown(*decls: str, default: object, help: str, **options) -> Callable:
    """An option whose help shows its default (``click.option(..., show_default=True)``).

    >>> from click.testing import CliRunner
    >>> @click.command()
    ... @shown("--rows", default=10, help="Rows per answer.")
    ... def show(rows):
    ...     pass
    >>> "Rows per answer.  [default: 10]" in CliRunner().invoke(show, ["--help"]).output
    True
    """
    return click.option(*decls, default=default, show_default=True, help=help, **options)


def default_data(data: tuple[Path, ...]) -> list[Path]:
    """The ``--data`` paths, or ``out/`` when none were given."""
    return list(data) or [Path("out")]


engine_option = click.option(
    "--engine",
    type=click.Choice(["oxigraph", "rdflib"]),
    default="oxigraph",
    show_default=True,
    help="Query engine (rdflib is the slow reference).",
)

endpoint_option = click.option(
    "--endpoint",
    metavar="URL",
    default=None,
    help="Run on this SPARQL 1.1 endpoint instead of local data (credentials, if it needs "
    f"them, from {ENV_USER} / {ENV_PASSWORD} or {ENV_TOKEN}).",
)


def credential_options(command: Callable) -> Callable:
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
