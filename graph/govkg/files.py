"""Files in and out, one way each: outputs land only where a file belongs, atomically;
inputs are read only from regular files, never past a byte limit.

Outputs: a temporary file beside the target, checked, then renamed over it — never a
half-written file. A symlink is kept and its target written; a FIFO, a device or a folder
where a file is expected is refused and left untouched.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> write_atomic(folder / "a.txt", b"hello")
>>> read_input(folder / "a.txt", limit=5)
b'hello'
>>> write_atomic(pathlib.Path("/dev/null"), b"x")
Traceback (most recent call last):
...
govkg.errors.OutputError: cannot write /dev/null: it is a character device, not a file (fix: ...)
>>> read_input(folder / "a.txt", limit=4)
Traceback (most recent call last):
...
govkg.errors.InputError: ...a.txt: larger than the 4-byte limit (fix: ...)
"""

from __future__ import annotations

import io
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from govkg.errors import InputError, OutputError

_KINDS = {
    stat.S_IFDIR: "folder",
    stat.S_IFIFO: "FIFO (named pipe)",
    stat.S_IFCHR: "character device",
    stat.S_IFBLK: "block device",
    stat.S_IFSOCK: "socket",
}
_READ_FLAGS = os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC


def _tempfile():
    """The ``tempfile`` module, imported when a file is written (not at every start)."""
    import tempfile

    return tempfile


def _shutil():
    """The ``shutil`` module, imported when a folder is replaced or a file copied."""
    import shutil

    return shutil


def kind(mode: int) -> str:
    """What a file of this ``st_mode`` is, in words.

    >>> kind(os.stat("/dev/null").st_mode), kind(os.stat("/").st_mode)
    ('character device', 'folder')
    """
    return _KINDS.get(stat.S_IFMT(mode), "regular file")


# --- outputs -------------------------------------------------------------------------------


def output_path(target: str | Path) -> Path:
    """Where writing ``target`` really goes: the file itself, or a symlink's target.

    :raises OutputError: ``target`` (or what it links to) exists and is not a regular file.
    """
    target = Path(target)
    real = Path(os.path.realpath(target)) if target.is_symlink() else target
    mode = _mode(real, f"cannot write {target}", _OUTPUT_FIX)
    if mode is not None and not stat.S_ISREG(mode):
        via = f" (a link to {real})" if real != target else ""
        raise OutputError(
            f"cannot write {target}{via}: it is a {kind(mode)}, not a file", fix=_OUTPUT_FIX
        )
    return real


def output_folder(folder: str | Path) -> Path:
    """``folder``, refused when it exists and is not a folder (or a link to one).

    :raises OutputError: ``folder`` is a file, a FIFO, a device or a socket.
    """
    folder = Path(folder)
    mode = _mode(folder, f"cannot write into {folder}", _FOLDER_FIX)
    if mode is not None and not stat.S_ISDIR(mode):
        raise OutputError(f"cannot write into {folder}: it is a {kind(mode)}", fix=_FOLDER_FIX)
    return folder


_OUTPUT_FIX = "give the path of a regular file, or a new name"
_FOLDER_FIX = "give a new folder or an existing one"


def _mode(path: Path, failure: str, fix: str) -> int | None:
    """``path``'s ``st_mode`` (links followed), or None when nothing is there."""
    try:
        return os.stat(path).st_mode
    except FileNotFoundError:
        return None
    except OSError as err:
        raise OutputError(f"{failure}: {err.strerror}", fix=fix) from None


def write_atomic(
    target: Path,
    data: bytes | Callable[[BinaryIO], object],
    check: Callable[[Path], None] | None = None,
    *,
    sync: bool = True,
) -> None:
    """Write ``data`` to ``target`` (or a symlink's target) via a temporary file beside it.

    ``data`` may be a function that writes into the open file: a large output is then
    never held in memory whole.

    ``check`` gets the temporary path and may raise; the target is then left as it was.
    ``sync=False`` skips the fsync (for many small files in a fresh folder).

    :raises OutputError: ``target`` is no place for a file (:func:`output_path`), the folder
        cannot be written, or ``check`` fails.
    """
    target = Path(target)
    real = output_path(target)
    try:
        output_folder(real.parent).mkdir(parents=True, exist_ok=True)
        fd, tmp = _tempfile().mkstemp(prefix=f".{real.name}.", suffix=".tmp", dir=real.parent)
    except OSError as err:
        raise OutputError(
            f"cannot write {target}: {err.strerror}", fix="choose a folder you can write to"
        ) from err
    tmp_path = Path(tmp)
    try:
        with os.fdopen(fd, "wb") as handle:
            data(handle) if callable(data) else handle.write(data)
            if sync:
                handle.flush()
                os.fsync(handle.fileno())
        if check is not None:
            check(tmp_path)
        _publish(tmp_path, real)
    except OSError as err:
        raise OutputError(
            f"cannot write {target}: {err.strerror}", fix="check free space and permissions"
        ) from err
    finally:
        tmp_path.unlink(missing_ok=True)


def _publish(tmp: Path, real: Path) -> None:
    """Rename a finished temporary file over ``real``, checking again what is there now."""
    os.chmod(tmp, 0o666 & ~_umask())
    output_path(real)
    os.replace(tmp, real)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def replace_files(staging: Path, target_dir: Path) -> None:
    """Move every entry of a fully written staging folder into ``target_dir``, then remove it.

    Files follow the rule of :func:`write_atomic` (a link's target is written, anything but a
    regular file refused); every destination is checked before the first one is replaced.

    :raises OutputError: ``target_dir`` or one of its entries is no place for the output.
    """
    output_folder(target_dir).mkdir(parents=True, exist_ok=True)
    items = sorted(staging.iterdir())
    destinations = [_destination(item, target_dir / item.name) for item in items]
    for item, destination in zip(items, destinations, strict=True):
        if item.is_dir():
            _replace_folder(item, destination)
        else:
            _move_file(item, destination)
    _shutil().rmtree(staging, ignore_errors=True)


def _destination(item: Path, destination: Path) -> Path:
    return output_folder(destination) if item.is_dir() else output_path(destination)


def _replace_folder(item: Path, destination: Path) -> None:
    old = destination.with_name(f".{destination.name}.old")
    _shutil().rmtree(old, ignore_errors=True)
    if destination.exists():
        os.replace(destination, old)
    os.replace(item, destination)
    _shutil().rmtree(old, ignore_errors=True)


def _move_file(item: Path, real: Path) -> None:
    """Rename ``item`` over ``real``; across file systems (a link elsewhere), copy beside it."""
    if os.stat(item).st_dev == os.stat(real.parent).st_dev:
        _publish(item, real)
        return
    fd, tmp = _tempfile().mkstemp(prefix=f".{real.name}.", suffix=".tmp", dir=real.parent)
    os.close(fd)
    try:
        _shutil().copyfile(item, tmp)
        _publish(Path(tmp), real)
    finally:
        Path(tmp).unlink(missing_ok=True)
    item.unlink()


# --- inputs --------------------------------------------------------------------------------


def open_input(path: str | Path, *, limit: int, within: str | Path | None = None) -> BinaryIO:
    """A regular file opened for reading that raises :class:`InputError` past ``limit`` bytes.

    ``within``: the folder the user gave; a file that is (or passes through) a symlink leading
    out of it is refused. FIFOs, devices and sockets are refused before they are opened, and
    the file is opened non-blocking and checked again, so nothing can hang or stream forever.

    :raises InputError: missing or unreadable, not a regular file, or a link out of ``within``.
    """
    path = Path(path)
    if within is not None:
        check_within(path, within)
    _check_regular(path, _stat(path, os.stat).st_mode)
    fd = _open(path)
    try:
        _check_regular(path, os.fstat(fd).st_mode)  # it may have changed since the stat
    except InputError:
        os.close(fd)
        raise
    return io.BufferedReader(_Capped(path, fd, limit), 1 << 20)


def read_input(path: str | Path, *, limit: int, within: str | Path | None = None) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes (at most ``limit + 1`` are read).

    :raises InputError: as :func:`open_input`, or the file holds more than ``limit`` bytes.
    """
    with open_input(path, limit=limit, within=within) as handle:
        raw = handle.raw  # unbuffered: whole chunks, no copy through the buffer
        chunks = []
        while chunk := raw.read(_CHUNK):
            chunks.append(chunk)
        return b"".join(chunks)


_CHUNK = 1 << 24


def _stat(path: Path, how: Callable) -> os.stat_result:
    try:
        return how(path)
    except OSError as err:
        raise InputError(f"cannot read {path}: {err.strerror}", fix="check the path") from None


def _open(path: Path) -> int:
    try:
        return os.open(path, _READ_FLAGS)
    except OSError as err:
        raise InputError(
            f"cannot read {path}: {err.strerror}", fix="check the path and its permissions"
        ) from None


def _check_regular(path: Path, mode: int) -> None:
    if not stat.S_ISREG(mode):
        raise InputError(
            f"cannot read {path}: it is a {kind(mode)}, not a file",
            fix="give a regular file (copy the data into one)",
        )


def check_within(path: str | Path, folder: str | Path) -> None:
    """Refuse ``path`` when it is, or passes through, a symlink leading out of ``folder``.

    :raises InputError: naming the file, the folder and where the link leads.
    """
    real, base = os.path.realpath(path), os.path.realpath(folder)
    if os.path.commonpath([real, base]) != base:
        raise InputError(
            f"cannot read {path}: it is a symlink leading out of {folder} (to {real})",
            fix="copy the file into the folder, or give its own path",
        )


class _Capped(io.RawIOBase):
    """A file descriptor read at most ``limit + 1`` bytes far; the extra byte raises."""

    def __init__(self, path: Path, fd: int, limit: int) -> None:
        self.path, self.fd, self.limit, self.seen = path, fd, limit, 0
        self.name = str(path)  # as a file object's: parsers take the base IRI from it

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        room = min(len(buffer), self.limit + 1 - self.seen)
        count = os.readv(self.fd, [memoryview(buffer)[:room]]) if room > 0 else 0
        self.seen += count
        if self.seen > self.limit:
            raise InputError(
                f"{self.path}: larger than the {self.limit}-byte limit",
                fix="split it into smaller files",
            )
        return count

    def close(self) -> None:
        if not self.closed:
            os.close(self.fd)
        super().close()
