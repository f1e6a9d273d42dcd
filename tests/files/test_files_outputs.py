"""Outputs land only where a file belongs: FIFOs, devices and folders are refused and left as
they were; a symlink keeps its place and its target is written, through a temporary file."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from govkg.errors import OutputError
from govkg.files import output_folder, replace_files, write_atomic


def is_char_device(path: str | Path) -> bool:
    return stat.S_ISCHR(os.stat(path).st_mode)


def private_null(folder: Path) -> Path | None:
    """A device node like /dev/null inside ``folder`` (root only): refused there first, the real
    devices are tried only once the code is seen to leave a device alone."""
    node = folder / "null"
    try:
        os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except PermissionError:
        return None
    return node


def test_a_fifo_is_refused_and_left_a_fifo(tmp_path):
    fifo = tmp_path / "out.ttl"
    os.mkfifo(fifo)
    with pytest.raises(OutputError, match=r"out\.ttl: it is a FIFO"):
        write_atomic(fifo, b"data")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["out.ttl"]  # no temporary file left


def test_devices_are_refused_and_stay_devices(tmp_path):
    node = private_null(tmp_path)
    if node is not None:
        with pytest.raises(OutputError, match="character device"):
            write_atomic(node, b"data")
        assert is_char_device(node)
    for device in ("/dev/null", "/dev/full"):
        with pytest.raises(OutputError, match=f"cannot write {device}: it is a character device"):
            write_atomic(Path(device), b"data")
        assert is_char_device(device)


def test_a_folder_where_a_file_belongs_is_refused(tmp_path):
    folder = tmp_path / "out.ttl"
    folder.mkdir()
    (folder / "kept").write_text("x")
    with pytest.raises(OutputError, match="it is a folder, not a file"):
        write_atomic(folder, b"data")
    assert (folder / "kept").read_text() == "x"


def test_a_symlink_keeps_its_place_and_its_target_is_replaced(tmp_path):
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "data.ttl"
    target.write_bytes(b"old")
    before = os.stat(target).st_ino
    link = tmp_path / "link.ttl"
    link.symlink_to(Path("real") / "data.ttl")
    write_atomic(link, b"new")
    assert link.is_symlink() and os.readlink(link) == str(Path("real") / "data.ttl")
    assert target.read_bytes() == b"new"
    assert os.stat(target).st_ino != before  # renamed over, not written in place
    assert sorted(p.name for p in (tmp_path / "real").iterdir()) == ["data.ttl"]


def test_a_dangling_symlink_creates_its_target(tmp_path):
    link = tmp_path / "link.ttl"
    link.symlink_to(tmp_path / "new.ttl")
    write_atomic(link, b"new")
    assert link.is_symlink() and (tmp_path / "new.ttl").read_bytes() == b"new"


def test_a_symlink_to_a_device_is_refused_naming_both(tmp_path):
    node = private_null(tmp_path) or Path("/dev/null")
    link = tmp_path / "link.ttl"
    link.symlink_to(node)
    with pytest.raises(OutputError, match=rf"link\.ttl \(a link to {node}\): it is a character"):
        write_atomic(link, b"data")
    assert is_char_device(node) and link.is_symlink()


def test_output_folder_refuses_what_is_not_a_folder(tmp_path):
    os.mkfifo(tmp_path / "fifo")
    (tmp_path / "file").write_text("x")
    for name, kind in (("fifo", "FIFO"), ("file", "regular file")):
        with pytest.raises(OutputError, match=f"cannot write into .*{name}: it is a {kind}"):
            output_folder(tmp_path / name)
    assert output_folder(tmp_path / "new") == tmp_path / "new"


def staged(tmp_path: Path) -> Path:
    staging = tmp_path / "staging"
    staging.mkdir()
    for name in ("a.ttl", "b.ttl"):
        (staging / name).write_text(f"new {name}")
    return staging


def test_replace_files_refuses_a_fifo_before_replacing_anything(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.ttl").write_text("old a")
    os.mkfifo(out / "b.ttl")
    with pytest.raises(OutputError, match=r"b\.ttl: it is a FIFO"):
        replace_files(staged(tmp_path), out)
    assert (out / "a.ttl").read_text() == "old a"
    assert stat.S_ISFIFO(os.lstat(out / "b.ttl").st_mode)


def test_replace_files_writes_through_a_link_to_another_file_system(tmp_path):
    shm = Path("/dev/shm")
    if not shm.is_dir() or os.stat(shm).st_dev == os.stat(tmp_path).st_dev:
        pytest.skip("needs /dev/shm on another file system")
    out = tmp_path / "out"
    out.mkdir()
    elsewhere = shm / f"govkg-test-{os.getpid()}.ttl"
    (out / "a.ttl").symlink_to(elsewhere)
    try:
        replace_files(staged(tmp_path), out)
        assert (out / "a.ttl").is_symlink() and elsewhere.read_text() == "new a.ttl"
        assert (out / "b.ttl").read_text() == "new b.ttl"
        assert not list(shm.glob(".govkg-test-*"))  # no temporary file left beside the target
    finally:
        elsewhere.unlink(missing_ok=True)


def test_a_writer_function_streams_into_the_file_and_a_failed_check_leaves_nothing(tmp_path):
    target = tmp_path / "out.nt"
    write_atomic(target, lambda handle: handle.writelines([b"a\n", b"b\n"]))
    assert target.read_bytes() == b"a\nb\n"

    def refuse(tmp: Path) -> None:
        assert tmp.read_bytes() == b"c\n"
        raise OutputError("refused")

    with pytest.raises(OutputError, match="refused"):
        write_atomic(target, lambda handle: handle.write(b"c\n"), refuse)
    assert target.read_bytes() == b"a\nb\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.nt"]
