"""The endpoint reads and writes through the same rules: its --data files, the build folder's
network page and the audit log."""

from __future__ import annotations

import os
import stat

import pytest

from govkg.errors import InputError, OutputError


def test_serve_refuses_a_fifo_as_data_before_loading(tmp_path):
    from govkg.server.runner import prepare_store

    os.mkfifo(tmp_path / "data.ttl")
    with pytest.raises(InputError, match=r"data\.ttl: it is a FIFO"):
        prepare_store([tmp_path / "data.ttl"])


def test_a_network_page_that_is_a_fifo_or_leaves_the_folder_gives_the_notice(tmp_path):
    from govkg.server.ui import network_response

    (tmp_path / "out").mkdir()
    os.mkfifo(tmp_path / "out" / "network.html")
    assert b"No network page" in network_response([tmp_path / "out"]).body
    (tmp_path / "out" / "network.html").unlink()
    (tmp_path / "secret.html").write_text("secret")
    (tmp_path / "out" / "network.html").symlink_to(tmp_path / "secret.html")
    assert b"secret" not in network_response([tmp_path / "out"]).body
    (tmp_path / "out" / "network.html").unlink()
    (tmp_path / "out" / "network.html").write_text("<p>page</p>")
    assert network_response([tmp_path / "out"]).body == b"<p>page</p>"


def test_the_audit_log_may_not_be_a_fifo(tmp_path):
    from govkg.server.audit import install

    os.mkfifo(tmp_path / "audit.jsonl")
    with pytest.raises(OutputError, match=r"audit\.jsonl: it is a FIFO"):
        install(tmp_path / "audit.jsonl")
    assert stat.S_ISFIFO(os.lstat(tmp_path / "audit.jsonl").st_mode)
