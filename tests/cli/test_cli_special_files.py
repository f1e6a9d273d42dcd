"""Every command, run for real, refuses FIFOs, devices and folders as outputs and as inputs
with exit 2 and a one-line message naming the path, never hangs, never replaces them, and
writes through a symlink to its target."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

RECORDS = Path(__file__).resolve().parents[2] / "graph" / "govkg" / "data" / "records"


def refused(*args: str, cwd: Path, says: str) -> str:
    """Run ``govkg ARGS`` (60 s at most: a hang fails) and check the one-line refusal."""
    result = subprocess.run(
        [sys.executable, "-m", "govkg", *args], capture_output=True, text=True, cwd=cwd, timeout=60
    )
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert says in result.stderr, result.stderr
    return result.stderr


@pytest.fixture
def here(tmp_path: Path, seed_out: Path) -> Path:
    """A folder holding a build (out/), a FIFO (fifo.ttl) and a record folder (records/)."""
    shutil.copytree(seed_out, tmp_path / "out")
    shutil.copytree(RECORDS, tmp_path / "records")
    os.mkfifo(tmp_path / "fifo.ttl")
    return tmp_path


def still_fifo(path: Path) -> bool:
    return stat.S_ISFIFO(os.lstat(path).st_mode)


def test_outputs_onto_a_fifo_are_refused(here):
    says = "cannot write fifo.ttl: it is a FIFO (named pipe), not a file (fix:"
    refused("export", "-o", "fifo.ttl", cwd=here, says=says)
    refused("network", "-o", "fifo.ttl", "--format", "json", cwd=here, says=says)
    refused("build", "records", "-o", "fifo.ttl", cwd=here, says="cannot write into fifo.ttl")
    refused("synth", "--agreements", "2", "-o", "fifo.ttl", cwd=here, says="into fifo.ttl")
    assert still_fifo(here / "fifo.ttl")


def test_outputs_onto_devices_are_refused_and_devices_stay(here):
    node = here / "null"
    try:  # a private device first: the real ones are tried only if it is left alone
        os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except PermissionError:
        node = Path("/dev/null")
    for device in (node, Path("/dev/null"), Path("/dev/full")):
        says = f"cannot write {device}: it is a character device"
        refused("export", "-o", str(device), cwd=here, says=says)
        refused("network", "-o", str(device), "--format", "json", cwd=here, says=says)
        assert stat.S_ISCHR(os.stat(device).st_mode)


def test_a_fifo_inside_the_build_folder_is_refused_and_nothing_replaced(here):
    before = (here / "out" / "govkg.trig").read_bytes()
    (here / "out" / "govkg.ttl").unlink()
    os.mkfifo(here / "out" / "govkg.ttl")
    refused("build", "records", "-o", "out", cwd=here, says="out/govkg.ttl: it is a FIFO")
    assert still_fifo(here / "out" / "govkg.ttl")
    assert (here / "out" / "govkg.trig").read_bytes() == before


def test_extract_onto_a_fifo_is_refused(here):
    (here / "r.txt").write_text("Kepala LAN Adi dan Kepala BPS Retno meneken MoU (19/5/2022).")
    os.mkfifo(here / "r.yaml")
    refused("extract", "r.txt", "-o", "r.yaml", cwd=here, says="r.yaml: it is a FIFO")
    assert still_fifo(here / "r.yaml")


def test_outputs_through_a_symlink_write_its_target(here):
    (here / "published").mkdir()
    (here / "published" / "govkg.nt").write_text("old")
    (here / "link.nt").symlink_to("published/govkg.nt")
    (here / "out" / "govkg.ttl").rename(here / "published" / "govkg.ttl")
    (here / "out" / "govkg.ttl").symlink_to(here / "published" / "govkg.ttl")
    command = [sys.executable, "-m", "govkg"]
    for args in (["export", "--format", "nt", "-o", "link.nt"], ["build", "records", "-o", "out"]):
        result = subprocess.run([*command, *args], capture_output=True, cwd=here, timeout=120)
        assert result.returncode == 0, result.stderr
    assert (here / "link.nt").is_symlink() and (here / "out" / "govkg.ttl").is_symlink()
    assert b"govkg/id/org/lan" in (here / "published" / "govkg.nt").read_bytes()
    assert (here / "published" / "govkg.ttl").read_text().startswith("@prefix")
    assert sorted(p.name for p in (here / "published").iterdir()) == ["govkg.nt", "govkg.ttl"]


def test_record_files_that_are_not_files_or_leave_the_folder_are_refused(here):
    records = here / "records"
    (records / "zero.yaml").symlink_to("/dev/zero")
    os.mkfifo(records / "r.yaml")
    (here / "outside.yaml").write_text("govkg: 1\n")
    (records / "out.yaml").symlink_to(here / "outside.yaml")
    stderr = refused("validate", "records", cwd=here, says="3 errors in records")
    assert "records/r.yaml: (file): it is a FIFO (named pipe), not a file" in stderr
    leaving = "(file): it is a symlink leading out of records"
    assert f"records/zero.yaml: {leaving} (to /dev/zero)" in stderr
    assert f"records/out.yaml: {leaving}" in stderr
    refused("validate", "records/zero.yaml", cwd=here, says="zero.yaml: (file): it is a character")


def test_data_query_and_article_inputs_refuse_fifos_and_devices(here):
    os.mkfifo(here / "q.rq")
    os.mkfifo(here / "a.txt")
    (here / "built").mkdir()
    os.mkfifo(here / "built" / "govkg.trig")
    (here / "linked").mkdir()
    (here / "linked" / "govkg.trig").symlink_to(here / "out" / "govkg.trig")
    fifo = "it is a FIFO (named pipe), not a file"
    refused("query", "q.rq", cwd=here, says=f"cannot read q.rq: {fifo}")
    refused("query", "agreements", "--data", "fifo.ttl", cwd=here, says=f"fifo.ttl: {fifo}")
    refused("network", "--data", "fifo.ttl", cwd=here, says=f"fifo.ttl: {fifo}")
    refused("export", "--data", "built", cwd=here, says=f"built/govkg.trig: {fifo}")
    refused("query", "agreements", "--data", "linked", cwd=here, says="leading out of linked")
    refused("extract", "a.txt", cwd=here, says=f"cannot read a.txt: {fifo}")
    refused("extract", "/dev/zero", cwd=here, says="/dev/zero: it is a character device")
