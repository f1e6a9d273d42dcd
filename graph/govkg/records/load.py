"""Load record files (YAML, JSON or CSV) into the record model, with file:line errors.

The format is described in ``docs/records.md``. Whatever the input, these
functions either return :class:`~govkg.records.model.RecordSet` objects or raise
:class:`~govkg.errors.RecordError` / :class:`~govkg.errors.RecordErrors`; no
other exception escapes.

>>> rs = load_text('''
... govkg: 1
... source: {id: demo, kind: news, language: id, published: 2019-02-01}
... events:
...   - date: 2019-02-01
...     agreements:
...       - {kind: mou, parties: [LAN, LIPI]}
... ''', fmt="yaml", name="demo.yaml")
>>> rs.source.id, rs.events[0].agreements[0].parties
('demo', ('LAN', 'LIPI'))
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from govkg.errors import InputError, RecordError, RecordErrors
from govkg.files import read_input
from govkg.records.csv_source import csv_tree
from govkg.records.json_source import json_tree
from govkg.records.model import RecordSet
from govkg.records.parse import parse_tree
from govkg.records.tree import Node
from govkg.records.yaml_source import yaml_tree

FORMATS = {".yaml": "yaml", ".yml": "yaml", ".json": "json", ".csv": "csv"}
"""Record file suffixes and the format each one is read as."""
MAX_BYTES = 10 * 1024 * 1024
"""Largest record file read (10 MiB)."""

_READERS: dict[str, Callable[[str, str], Node]] = {
    "yaml": yaml_tree,
    "yml": yaml_tree,
    "json": json_tree,
    "csv": csv_tree,
}


def load_text(text: str, *, fmt: str, name: str) -> RecordSet:
    """Read one record from ``text`` in format ``fmt`` (yaml, json or csv); ``name`` labels errors.

    >>> load_text('{"govkg": 1}', fmt="json", name="x.json")
    Traceback (most recent call last):
    ...
    govkg.errors.RecordErrors: 2 errors in records:
      x.json:1: source: required field 'source' is missing (fix: add 'source' to the record)
      x.json:1: events: required field 'events' is missing (fix: add 'events' to the record)

    :raises RecordError: the text is not a valid record (file, field, line and fix).
    :raises RecordErrors: several problems, all listed.
    """
    name = name or "<text>"
    return _guard(name, lambda: _from_text(_checked_text(text, name), fmt, name))


def load_bytes(data: bytes, *, fmt: str, name: str) -> RecordSet:
    """Read one record from UTF-8 ``data`` (a leading byte-order mark is allowed).

    :raises RecordError: not UTF-8 (with the byte offset), too large, or not a valid record.
    :raises RecordErrors: several problems, all listed.
    """
    name = name or "<bytes>"
    return _guard(name, lambda: _from_text(_decoded(data, name), fmt, name))


def load_file(path: str | Path, *, within: str | Path | None = None) -> RecordSet:
    """Read one record file, choosing the format by its suffix (.yaml, .yml, .json, .csv).

    Only a regular file of at most :data:`MAX_BYTES` is read (:func:`govkg.files.read_input`);
    with ``within``, a symlink leading out of that folder is refused.

    :raises RecordError: unknown suffix, not a regular file, a link out of ``within``,
        unreadable or too large file, or an invalid record.
    :raises RecordErrors: several problems, all listed.
    """
    path = Path(path)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise RecordError(
            str(path),
            "(file)",
            f"unknown record file type {path.suffix!r}",
            fix=f"name record files {', '.join(FORMATS)}",
        )
    try:
        data = read_input(path, limit=MAX_BYTES, within=within)
    except InputError as exc:
        message = _without_path(exc.message, path)
        raise RecordError(str(path), "(file)", message, fix=exc.fix) from None
    return load_bytes(data, fmt=fmt, name=str(path))


def load_paths(paths: Iterable[str | Path]) -> list[RecordSet]:
    """Read every record file named, directories searched recursively (sorted, hidden skipped).

    Errors of all files are collected and raised together.

    :raises RecordErrors: any file failed, a path is missing, no record file was found,
        or two files describe the same source id.
    """
    files, errors = _record_files([paths] if isinstance(paths, str | Path) else paths)
    records = []
    for file, folder in files.items():
        try:
            records.append(load_file(file, within=folder))
        except RecordErrors as exc:
            errors.extend(exc.errors)
        except RecordError as exc:
            errors.append(exc)
    errors.extend(_shared_sources(records))
    if errors:
        raise RecordErrors(errors)
    return records


def _without_path(message: str, path: Path) -> str:
    return message.removeprefix(f"cannot read {path}: ").removeprefix(f"{path}: ")


def _record_files(
    paths: Iterable[str | Path],
) -> tuple[dict[Path, Path | None], list[RecordError]]:
    """Each record file, with the folder it was found in (None for a file named directly)."""
    found: dict[Path, Path | None] = {}
    errors = []
    names = [Path(path) for path in paths]
    for path in names:
        if path.is_dir():
            found.update(dict.fromkeys(_walk(path), path))
        elif path.exists() or path.is_symlink():
            found[path] = None
        else:
            errors.append(
                RecordError(str(path), "(file)", "no such file or directory", fix="check the path")
            )
    if not found and not errors:
        shown = ", ".join(map(str, names)) or "(no paths given)"
        errors.append(
            RecordError(
                shown,
                "(paths)",
                "no record files found",
                fix=f"give record files ({', '.join(FORMATS)}) or folders holding them",
            )
        )
    return found, errors


def _walk(folder: Path) -> list[Path]:
    files = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        files.extend(
            Path(root, name)
            for name in names
            if not name.startswith(".") and Path(name).suffix.lower() in FORMATS
        )
    return sorted(files)


def _shared_sources(records: list[RecordSet]) -> list[RecordError]:
    first: dict[str, RecordSet] = {}
    errors = []
    for record in records:
        other = first.setdefault(record.source.id, record)
        if other is not record:
            errors.append(
                RecordError(
                    record.path,
                    "source.id",
                    f"source id {record.source.id!r} is also used by {other.path}",
                    fix="give every source its own id",
                    line=record.source.where.line,
                )
            )
    return errors


def _from_text(text: str, fmt: str, name: str) -> RecordSet:
    reader = _READERS.get(fmt.lower().lstrip("."))
    if reader is None:
        raise RecordError(
            name, "(format)", f"unknown record format {fmt!r}", fix="use one of: yaml, json, csv"
        )
    return parse_tree(reader(text.removeprefix("\ufeff"), name), name)


def _checked_text(text: str, name: str) -> str:
    try:
        _check_size(len(text.encode("utf-8")), name)
    except UnicodeEncodeError as exc:
        raise RecordError(
            name,
            "(text)",
            f"character {exc.object[exc.start]!r} at offset {exc.start} cannot be written as UTF-8",
            fix="remove the stray surrogate character",
            line=text.count("\n", 0, exc.start) + 1,
        ) from None
    return text


def _decoded(data: bytes, name: str) -> str:
    _check_size(len(data), name)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RecordError(
            name,
            "(file)",
            f"not UTF-8: byte 0x{data[exc.start]:02x} at byte offset {exc.start}",
            fix="save the file as UTF-8 (e.g. iconv -f latin1 -t utf-8)",
            line=data.count(b"\n", 0, exc.start) + 1,
        ) from None


def _check_size(size: int, name: str) -> None:
    if size > MAX_BYTES:
        raise RecordError(
            name,
            "(file)",
            f"{size} bytes is over the {MAX_BYTES} byte limit",
            fix="split the records into several files",
        )


def _guard(name: str, read: Callable[[], RecordSet]) -> RecordSet:
    """Run ``read``, letting record errors through and turning anything else into one."""
    try:
        return read()
    except (RecordError, RecordErrors):
        raise
    except RecursionError:
        raise RecordError(
            name, "(document)", "the record is nested too deeply", fix="flatten the structure"
        ) from None
    except Exception as exc:
        raise RecordError(
            name,
            "(document)",
            f"could not be read ({type(exc).__name__}: {exc})",
            fix="this is a govkg bug; please report it with the file",
        ) from exc
