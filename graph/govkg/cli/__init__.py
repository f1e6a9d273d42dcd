"""The ``govkg`` command (the console script ``govkg = govkg.cli:main``, and ``python -m govkg``).

A thin layer over the library: :mod:`govkg.cli.commands` holds the group and the commands of
the build and query stages, one module per larger command beside it (``serve``, ``push``,
``network``, ``extract``, ``site``), and :mod:`govkg.cli.common` the shared options and the
error handling. A command imports the stage it runs only inside its function.

>>> main.name, main.list_commands(None)[:3]
('main', ['build', 'export', 'extract'])
"""

from govkg.cli.commands import EXIT_CODES_HELP, err_console, main, out_console, reports_errors

__all__ = ["EXIT_CODES_HELP", "err_console", "main", "out_console", "reports_errors"]
