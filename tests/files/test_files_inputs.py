"""Inputs are read from regular files only, at most limit + 1 bytes whatever stat says, and
never through a symlink that leaves the folder given."""

from __future__ import annotations

import os
import socket
import time
from pathlib import Path

import pytest

from govkg.errors import InputError
from govkg.files import check_within, open_input, read_input


def test_a_regular_file_within_the_limit_is_read(tmp_path):
    (tmp_path / "a.yaml").write_bytes(b"x" * 10)
    assert read_input(tmp_path / "a.yaml", limit=10, within=tmp_path) == b"x" * 10


def test_a_file_over_the_limit_is_refused_after_limit_plus_one_bytes(tmp_path):
    sparse = tmp_path / "big.yaml"
    with open(sparse, "wb") as handle:
        handle.truncate(1 << 40)  # a terabyte on paper, nothing on disk
    started = time.perf_counter()
    with pytest.raises(InputError, match=r"big\.yaml: larger than the 10-byte limit"):
        read_input(sparse, limit=10)
    assert time.perf_counter() - started < 1


def test_the_cap_does_not_trust_stat():
    status = Path("/proc/self/status")  # a regular file whose stat size is 0
    if not status.exists() or status.stat().st_size:
        pytest.skip("needs /proc")
    with pytest.raises(InputError, match="larger than the 20-byte limit"):
        read_input(status, limit=20)


def test_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "r.yaml"
    os.mkfifo(fifo)  # nobody writes: an open for reading would block forever
    with pytest.raises(InputError, match=r"r\.yaml: it is a FIFO \(named pipe\), not a file"):
        read_input(fifo, limit=10)


def test_devices_and_sockets_are_refused(tmp_path):
    (tmp_path / "zero.yaml").symlink_to("/dev/zero")
    with pytest.raises(InputError, match=r"zero\.yaml: it is a character device"):
        read_input(tmp_path / "zero.yaml", limit=1 << 30)
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(tmp_path / "s.yaml"))
        with pytest.raises(InputError, match=r"s\.yaml: it is a socket"):
            read_input(tmp_path / "s.yaml", limit=10)
    finally:
        server.close()


def test_a_folder_is_refused(tmp_path):
    with pytest.raises(InputError, match="it is a folder, not a file"):
        read_input(tmp_path, limit=10)


def test_a_symlink_out_of_the_folder_is_refused(tmp_path):
    (tmp_path / "records").mkdir()
    (tmp_path / "secret.yaml").write_text("x")
    (tmp_path / "records" / "a.yaml").symlink_to(tmp_path / "secret.yaml")
    with pytest.raises(InputError, match=r"a\.yaml: it is a symlink leading out of .*records"):
        read_input(tmp_path / "records" / "a.yaml", limit=10, within=tmp_path / "records")
    assert read_input(tmp_path / "records" / "a.yaml", limit=10) == b"x"  # named by the user


def test_a_symlinked_folder_out_of_the_folder_is_refused(tmp_path):
    (tmp_path / "records").mkdir()
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "a.yaml").write_text("x")
    (tmp_path / "records" / "sub").symlink_to(tmp_path / "outside")
    with pytest.raises(InputError, match="leading out of"):
        check_within(tmp_path / "records" / "sub" / "a.yaml", tmp_path / "records")


def test_a_symlink_inside_the_folder_is_followed(tmp_path):
    (tmp_path / "b.yaml").write_text("x")
    (tmp_path / "a.yaml").symlink_to("b.yaml")
    assert read_input(tmp_path / "a.yaml", limit=10, within=tmp_path) == b"x"


def test_open_input_streams_and_raises_past_the_limit(tmp_path):
    (tmp_path / "a.nt").write_bytes(b"y" * 100)
    with open_input(tmp_path / "a.nt", limit=100) as stream:
        assert stream.name == str(tmp_path / "a.nt") and len(stream.read()) == 100
    with open_input(tmp_path / "a.nt", limit=99) as stream, pytest.raises(InputError):
        stream.read()
