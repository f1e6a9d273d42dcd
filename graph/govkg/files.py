"""Atomic output: write beside the target, check, then rename — never a half-written file.

>>> import tempfile, pathlib
>>> target = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
>>> write_atomic(target, b"hello")
>>> target.read_bytes()
b'hello'
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from govkg.errors import OutputError


def write_atomic(
    target: Path, data: bytes, check: Callable[[Path], None] | None = None, *, sync: bool = True
) -> None:
    """Write ``data`` to ``target`` via a temporary file in the same folder.

    ``check`` gets the temporary path and may raise; the target is then left as it was.
    ``sync=False`` skips the fsync (for many small files in a fresh folder).

    :raises OutputError: when the folder cannot be written or ``check`` fails.
    """
    target = Path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as err:
        raise OutputError(
            f"cannot write {target}: {err.strerror}", fix="choose a folder you can write to"
        ) from err
    tmp_path = Path(tmp)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if sync:
                handle.flush()
                os.fsync(handle.fileno())
        if check is not None:
            check(tmp_path)
        os.chmod(tmp_path, 0o666 & ~_umask())
        os.replace(tmp_path, target)
    except OSError as err:
        raise OutputError(
            f"cannot write {target}: {err.strerror}", fix="check free space and permissions"
        ) from err
    finally:
        tmp_path.unlink(missing_ok=True)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def replace_files(staging: Path, target_dir: Path) -> None:
    """Move every file of a fully written staging folder into ``target_dir``, then remove it."""
    target_dir.mkdir(parents=True, exist_ok=True)
    for item in sorted(staging.iterdir()):
        destination = target_dir / item.name
        if item.is_dir():
            old = destination.with_name(f".{item.name}.old")
            shutil.rmtree(old, ignore_errors=True)
            if destination.exists():
                os.replace(destination, old)
            os.replace(item, destination)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(item, destination)
    shutil.rmtree(staging, ignore_errors=True)
