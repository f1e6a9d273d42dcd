"""Credentials never show; parameters are bound as values, never as query text (on Virtuoso)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Literal, URIRef

from govkg.canned import parse_header
from govkg.cli import main
from govkg.engines import OxigraphEngine
from govkg.errors import GovkgError
from govkg.namespaces import GRAPH_BASE
from govkg.query import run_on
from govkg.remote import Credentials, RemoteEngine, RemoteError, push
from govkg.terms import sparql_string

pytestmark = pytest.mark.remote

WRONG = "Wr0ng-pa55word-%s@:x"  # with characters that URL-quoting would change

PAYLOADS = [
    'LAN") || true || ("',
    "\\u0022",
    "\\u0022) || true || (\\u0022",
    '"',
    "}",
    "} } ; DROP ALL ; {",
    "line\nbreak",
    "carriage\rreturn\ttab",
    "\\",
    "\\\\u005C",
    "'''",
    '"""',
    "# not a comment",
    "<urn:govkg-test:s0>",
    "\\U0001F600 😀 é",
    "",
]


@pytest.fixture(scope="module")
def payload_data(tmp_path_factory) -> Path:
    """One subject per payload, its literal being the payload (written by Oxigraph)."""
    import pyoxigraph as ox

    graph = ox.NamedNode(GRAPH_BASE + "source/payloads")
    store = ox.Store()
    for i, text in enumerate(PAYLOADS):
        subject = ox.NamedNode(f"urn:govkg-test:s{i}")
        store.add(ox.Quad(subject, ox.NamedNode("urn:govkg-test:p"), ox.Literal(text), graph))
    path = tmp_path_factory.mktemp("payloads") / "payloads.trig"
    store.dump(str(path), format=ox.RdfFormat.TRIG)
    return path


def test_wrong_password_message_never_shows_it(remote, seed_out, caplog):
    caplog.set_level(logging.DEBUG)
    with pytest.raises(RemoteError) as caught:
        push([seed_out], remote.endpoint, credentials=Credentials("dba", WRONG))
    text = str(caught.value)
    assert "refused the credentials" in text
    for shown in (text, caplog.text, repr(caught.value.args)):
        assert WRONG not in shown and "Wr0ng" not in shown


def test_wrong_password_from_the_environment_on_the_command_line(remote, seed_out, monkeypatch):
    monkeypatch.setenv("GOVKG_REMOTE_USER", "dba")
    monkeypatch.setenv("GOVKG_REMOTE_PASSWORD", WRONG)
    result = CliRunner().invoke(
        main, ["push", "--data", str(seed_out), "--endpoint", remote.endpoint, "--no-progress"]
    )
    assert result.exit_code == 2
    assert "refused the credentials" in result.output
    assert "Wr0ng" not in result.output


def test_password_in_the_url_is_moved_out_and_never_shown(remote, seed_out):
    host = remote.endpoint.split("//", 1)[1]
    with pytest.raises(RemoteError) as caught:
        push([seed_out], f"http://dba:{WRONG.replace('%', '%25').replace('@', '%40')}@{host}")
    assert "Wr0ng" not in str(caught.value)
    assert "dba:" not in str(caught.value)


def test_no_credentials_says_what_to_set(remote, seed_out):
    with pytest.raises(RemoteError, match="GOVKG_REMOTE_USER"):
        push([seed_out], remote.endpoint, credentials=Credentials())


def test_every_payload_is_bound_as_a_value(remote, payload_data):
    remote.ensure(payload_data)
    engine = RemoteEngine(remote.endpoint)
    local = OxigraphEngine.from_files([payload_data])
    query = "SELECT ?v ?s WHERE { ?s <urn:govkg-test:p> ?v }"
    for i, text in enumerate(PAYLOADS):
        bindings = {"v": Literal(text)}
        names, rows = engine.select(query, bindings)
        expected = [[Literal(text), URIRef(f"urn:govkg-test:s{i}")]]
        assert rows == expected, (text, sparql_string(text))
        assert (names, rows) == local.select(query, bindings)
    # and the store is as it was
    _, count = engine.select("SELECT (COUNT(*) AS ?n) WHERE { ?s <urn:govkg-test:p> ?v }", {})
    assert int(count[0][0]) == len(PAYLOADS)


def test_payloads_through_a_string_parameter(remote, payload_data, tmp_path):
    remote.ensure(payload_data)
    rq = tmp_path / "by_text.rq"
    rq.write_text(
        "# title: By text\n# description: subjects with this text\n"
        "# param text (string, required): the text\n# columns: s\n"
        "SELECT ?text ?s WHERE { ?s <urn:govkg-test:p> ?text }\n"
    )
    query = parse_header(rq)
    engine, local = RemoteEngine(remote.endpoint), OxigraphEngine.from_files([payload_data])
    for i, text in enumerate(PAYLOADS):
        there = run_on(engine, query, {"text": text})
        assert there.rows == run_on(local, query, {"text": text}).rows
        assert there.rows == [[URIRef(f"urn:govkg-test:s{i}")]]


def test_iri_payloads_are_refused_before_sending(remote):
    engine = RemoteEngine(remote.endpoint)
    before = engine.client.requests
    for bad in ["urn:x> } ; DROP ALL ; <urn:y", "urn:a b", "urn:x>", "no-scheme", 'urn:"']:
        with pytest.raises(GovkgError):
            engine.select("SELECT ?s WHERE { ?s ?p ?o }", {"s": URIRef(bad)})
    assert engine.client.requests == before
