"""Exceptions that govkg raises for expected failures, with where and how to fix.

Every error a user can cause is a :class:`GovkgError`; the CLI prints its
``str()`` on one line and exits with its ``exit_code``.

>>> err = RecordError("records/a.yaml", "events[0].date", "not a date: '2019-02-30'",
...                   fix="write the date as YYYY-MM-DD", line=7)
>>> str(err)
"records/a.yaml:7: events[0].date: not a date: '2019-02-30' (fix: write the date as YYYY-MM-DD)"
>>> err.exit_code
2
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


class GovkgError(Exception):
    """Base class of every expected govkg failure (bad input, findings, I/O)."""

    exit_code = EXIT_USAGE

    def __init__(self, message: str, *, fix: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.fix = fix

    def __str__(self) -> str:
        return f"{self.message} (fix: {self.fix})" if self.fix else self.message


class RecordError(GovkgError):
    """A record file is malformed: names the file, the line (when known) and the field."""

    def __init__(
        self,
        file: str,
        field: str,
        message: str,
        *,
        fix: str | None = None,
        line: int | None = None,
    ) -> None:
        self.file, self.field, self.line = file, field, line
        where = f"{file}:{line}" if line else file
        prefix = f"{where}: {field}: " if field else f"{where}: "
        super().__init__(prefix + message, fix=fix)


class RecordErrors(GovkgError):
    """Several record errors found in one pass, reported together.

    >>> e = RecordErrors([RecordError("a.yaml", "x", "bad", line=1),
    ...                   RecordError("a.yaml", "y", "worse", line=2)])
    >>> print(e)
    2 errors in records:
      a.yaml:1: x: bad
      a.yaml:2: y: worse
    """

    def __init__(self, errors: list[RecordError]) -> None:
        self.errors = errors
        lines = "\n".join(f"  {e}" for e in errors)
        noun = "error" if len(errors) == 1 else "errors"
        super().__init__(f"{len(errors)} {noun} in records:\n{lines}")


class UnknownNameError(GovkgError):
    """A name did not resolve against the gazetteer; carries the closest candidates."""

    def __init__(self, name: str, candidates: list[str], *, what: str = "organization") -> None:
        self.name, self.candidates, self.what = name, candidates, what
        hint = ", ".join(candidates) if candidates else "none close"
        super().__init__(
            f"unknown {what} {name!r}; closest: {hint}",
            fix=self.FIXES.get(what, "use one of the candidates"),
        )

    FIXES = {  # noqa: RUF012 - a constant table
        "organization": "use one of the candidates, or declare the organization under "
        "'organizations:' in the record",
        "field": "use one of the candidates, or add the field to ontology/fields.ttl",
        "role": "use one of the candidates, or add the role to ontology/roles.ttl",
    }


class ValidationFailed(GovkgError):
    """The built graph violates SHACL shapes (findings, exit 1)."""

    exit_code = EXIT_FINDINGS

    def __init__(self, report: str, count: int) -> None:
        self.report, self.count = report, count
        super().__init__(f"{count} SHACL violation(s):\n{report}")


class OutputError(GovkgError):
    """An output could not be written or failed its re-parse check; nothing was replaced."""


class InputError(GovkgError):
    """An input file was refused (not a regular file, too large, or a link out of its folder)
    or could not be read; nothing of it was used."""
