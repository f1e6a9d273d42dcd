"""``docs/cli.md``: the ``--help`` text of every ``govkg`` command, as click prints it.

>>> text = cli_reference()
>>> "## govkg build" in text and "## govkg export" in text
True
>>> undocumented()
[]
"""

from __future__ import annotations

import click

WIDTH = 100


def commands(group: click.Command | None = None, path: str = "govkg"):
    """(``govkg sub …``, command) pairs: the group first, then its commands by name."""
    if group is None:
        from govkg.cli import main as group
    yield path, group
    if isinstance(group, click.Group):
        for name in sorted(group.list_commands(None)):
            yield from commands(group.get_command(None, name), f"{path} {name}")


def help_text(path: str, command: click.Command) -> str:
    """What ``path --help`` prints, at a fixed width so the file does not depend on a terminal."""
    context = click.Context(command, info_name=path, terminal_width=WIDTH, max_content_width=WIDTH)
    return command.get_help(context)


def undocumented() -> list[str]:
    """Commands without help text, and options without ``help=``, as ``command: what``."""
    missing = []
    for path, command in commands():
        if not (command.help or "").strip():
            missing.append(f"{path}: no help text (write a docstring)")
        for param in command.params:
            if isinstance(param, click.Option) and not (param.help or "").strip():
                missing.append(f"{path}: option {param.opts[-1]} has no help=")
    return missing


def cli_reference() -> str:
    """The Markdown text of ``docs/cli.md``."""
    found = list(commands())
    lines = [
        "# Command-line reference",
        "",
        "Every `govkg` command and the text its `--help` prints. Generated from the commands",
        "themselves by `python -m govkg_tools.docs` (`make docs`); do not edit by hand.",
        "",
        *(f"- [`{path}`](#{path.replace(' ', '-')})" for path, _ in found[1:]),
        "",
    ]
    for path, command in found:
        lines += [f"## {path}", "", "```text", help_text(path, command).rstrip(), "```", ""]
    return "\n".join(lines)
