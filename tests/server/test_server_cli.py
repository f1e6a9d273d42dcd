"""``govkg serve`` as a command: help with exit codes, one-line errors, serving RDF files."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from urllib.parse import urlencode

import pytest


def govkg(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "govkg", *args], capture_output=True, text=True, timeout=timeout
    )


def test_help_lists_the_limits_and_exit_codes():
    result = govkg("serve", "--help")
    assert result.returncode == 0
    assert "Exit codes: 0 ok, 1 findings" in result.stdout
    for option in (
        "--host",
        "--port",
        "--data",
        "--cors-origin",
        "--allow-host",
        "--timeout",
        "--max-rows",
        "--max-response-bytes",
        "--max-query-chars",
        "--max-body-bytes",
        "--memory-mb",
        "--workers",
        "--queue-wait",
        "--audit-log",
    ):
        assert option in result.stdout
    assert "[default: 127.0.0.1]" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--data", "/no/such/folder"], "no such file or folder"),
        (["--data", "{empty}"], "holds no built graph"),
        (["--timeout", "0"], "must be positive"),
        (["--request-timeout", "0"], "limit request_seconds must be positive"),
        (["--max-client-connections", "0"], "limit per_client must be positive"),
        (["--fast-lane-seconds", "-1"], "limit fast_seconds must be positive"),
        (["--recycle-mb", "0"], "limit recycle_mb must be positive"),
    ],
)
def test_bad_input_exits_2_with_one_line(tmp_path, args, message):
    args = [a.replace("{empty}", str(tmp_path)) for a in args]
    result = govkg("serve", "--port", "0", *args)
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr


def test_a_taken_port_exits_2(seed_out):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(1)
        port = sock.getsockname()[1]
        result = govkg("serve", "--data", str(seed_out), "--port", str(port))
    assert result.returncode == 2
    assert "cannot listen" in result.stderr and "Traceback" not in result.stderr


def test_serves_rdf_files_given_with_data(seed_out, free_port, cli_server, http):
    ttl = seed_out / "govkg.ttl"
    inferred = seed_out / "govkg-inferred.ttl"
    cli_server(ttl, free_port, "--data", str(inferred), "--workers", "1")
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?a a <https://w3id.org/govkg/ontology#Agreement> }"
    status, _, body = http(f"http://127.0.0.1:{free_port}/sparql?" + urlencode({"query": query}))
    assert status == 200
    assert json.loads(body)["results"]["bindings"][0]["n"]["value"] == "4"
