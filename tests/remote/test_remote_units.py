"""The remote layer without a server: escaping, binding, results, auth, retries, redaction."""

from __future__ import annotations

import hashlib
import http.server
import json
import logging
import re
import subprocess
import sys
import threading
from collections.abc import Callable

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Dataset, Literal, URIRef

from govkg.engines import OxigraphEngine, RdflibEngine
from govkg.errors import GovkgError
from govkg.remote import Credentials, Redactor, RemoteEngine, RemoteError, open_remote_or_local
from govkg.remote.endpoint import bind_text, parse_solutions, where_brace
from govkg.remote.http import HttpClient, Response
from govkg.remote.push import graph_store_url
from govkg.terms import oxigraph_bindings, to_rdflib

SECRET = "pa:ss w/rd+%"
QUERY = "SELECT ?v ?s WHERE { ?s <urn:p> ?v }"


# -- binding: the VALUES text is read back as the same value by real SPARQL parsers -----


def engines_with(text: str):
    """Oxigraph and rdflib (which expands \\u escapes before parsing) holding one literal."""
    ox_engine = OxigraphEngine(ox.Store())
    ox_engine.store.add(
        ox.Quad(ox.NamedNode("urn:s"), ox.NamedNode("urn:p"), ox.Literal(text), ox.DefaultGraph())
    )
    dataset = Dataset(default_union=True)
    dataset.add((URIRef("urn:s"), URIRef("urn:p"), Literal(text)))
    return ox_engine, RdflibEngine(dataset)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30))
def test_any_text_bound_as_values_is_read_back_exactly(text):
    oxigraph, _ = engines_with(text)
    bound = bind_text(QUERY, {"v": ox.Literal(text)})
    assert oxigraph.select(bound, {})[1] == [[Literal(text), URIRef("urn:s")]]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="\\uU0123456789aAfF\"'{}#\n ", max_size=12))
def test_escape_soup_reads_back_on_rdflib_too(text):
    """rdflib expands \\u escapes before parsing, as SPARQL 1.1 allows some engines to."""
    _, rdflib_engine = engines_with(text)
    bound = bind_text(QUERY, {"v": ox.Literal(text)})
    assert rdflib_engine.select(bound, {})[1] == [[Literal(text), URIRef("urn:s")]]


@pytest.mark.parametrize(
    "text",
    ['LAN") || true || ("', "\\u0022", "\\u0022) || (\\u0022", "\\\\u005C", "\\U0001F600", "}\n{"],
)
def test_escape_tricks_read_back_on_both_local_engines(text):
    for engine in engines_with(text):
        assert engine.select(bind_text(QUERY, {"v": ox.Literal(text)}), {})[1] == [
            [Literal(text), URIRef("urn:s")]
        ], engine.name


def test_language_kept_and_datatype_checked():
    assert "@id" in bind_text(QUERY, {"v": ox.Literal("x", language="id")})
    with pytest.raises(GovkgError, match="not a valid IRI"):
        bind_text(QUERY, dict(oxigraph_bindings({"v": Literal("x", datatype=URIRef("urn:x> }"))})))


def test_a_bound_variable_must_be_projected():
    with pytest.raises(GovkgError, match="must be projected"):
        bind_text("SELECT ?s WHERE { ?s ?p ?v }", {"v": ox.Literal("x")})
    with pytest.raises(GovkgError, match="not a variable name"):
        bind_text("SELECT * WHERE { ?s ?p ?o }", {"o) {} #": ox.Literal("x")})


def test_values_go_first_in_the_where_group():
    text = (
        "PREFIX x: <urn:x#> # { a brace in a comment\n"
        'SELECT ?v ("}" AS ?w) (EXISTS { ?a ?b ?c } AS ?e)\nWHERE\n{ ?s ?p ?v } ORDER BY ?v'
    )
    bound = bind_text(text, {"v": ox.Literal("x")})
    assert bound[: where_brace(text)] == text[: where_brace(text)]
    assert bound.endswith('{\n  VALUES (?v) { ("x") }\n ?s ?p ?v } ORDER BY ?v')


# -- results --------------------------------------------------------------------------


def response(doc: dict, headers: dict | None = None) -> Response:
    return Response(200, headers or {}, json.dumps(doc).encode())


def test_results_are_normalised_like_the_local_engines():
    doc = {
        "head": {"vars": ["a", "b", "c", "d"]},
        "results": {
            "bindings": [
                {
                    "a": {"type": "uri", "value": "urn:a"},
                    "b": {"type": "literal", "xml:lang": "EN-us", "value": "x"},
                    "c": {
                        "type": "typed-literal",
                        "datatype": "http://www.w3.org/2001/XMLSchema#integer",
                        "value": "3",
                    },
                }
            ]
        },
    }
    names, rows = parse_solutions(response(doc))
    assert names == ["a", "b", "c", "d"]
    rows = [[to_rdflib(term) for term in row] for row in rows]
    assert rows == [[URIRef("urn:a"), Literal("x", lang="en-us"), Literal(3), None]]
    plain = {
        "head": {"vars": ["a"]},
        "results": {"bindings": [{"a": {"type": "literal", "value": "x"}}]},
    }
    assert to_rdflib(parse_solutions(response(plain))[1][0][0]) == Literal("x")


@pytest.mark.parametrize(
    "doc",
    [
        {"head": {}, "boolean": True},
        {"head": {"vars": ["__ASK_RETVAL"]}, "results": {"bindings": [{"__ASK_RETVAL": {}}]}},
    ],
)
def test_ask_answers_are_not_rows(doc):
    with pytest.raises(GovkgError, match="only SELECT"):
        parse_solutions(response(doc))


def test_non_json_answer_is_explained():
    with pytest.raises(GovkgError, match="did not answer SPARQL JSON"):
        parse_solutions(Response(200, {}, b"<html>login</html>"))


# -- credentials and redaction --------------------------------------------------------


def test_redactor_masks_every_form_of_a_secret():
    creds = Credentials("dba", SECRET)
    text = Redactor(creds).redact(
        f"a {SECRET} b pa%3Ass%20w%2Frd%2B%25 c pa%3Ass+w%2Frd%2B%25 "
        "Authorization: Basic ZGJhOnBhOnNzIHcvcmQrJQ== http://dba:x@h/"
    )
    assert "pa:ss" not in text and "ss%20w" not in text and "ZGJh" not in text
    assert "dba:x@" not in text
    assert SECRET not in repr(creds) and SECRET not in str(creds)


def test_token_and_password_together_are_refused():
    with pytest.raises(GovkgError, match="both a token and a password"):
        Credentials.from_env("u", "p", "t", env={})
    assert Credentials.from_env(env={"GOVKG_REMOTE_USER": "u"}).user == "u"


def test_endpoint_and_graph_store_urls():
    assert graph_store_url("http://h:8890/sparql", None, False) == "http://h:8890/sparql-graph-crud"
    assert graph_store_url("http://h/x", "http://h/x/data", True) == "http://h/x/data"
    with pytest.raises(GovkgError, match="--graph-store"):
        graph_store_url("http://h:3030/ds/query", None, True)
    with pytest.raises(GovkgError, match="not an http"):
        RemoteEngine("ftp://dba:secret@h/sparql")


def test_local_engine_when_no_endpoint(seed_out):
    assert open_remote_or_local([seed_out], None).name == "oxigraph"
    assert open_remote_or_local([seed_out], "", "rdflib").name == "rdflib"


# -- retries and auth against a stub server -------------------------------------------


class Stub:
    """An HTTP server on loopback whose answers come from ``reply(handler) -> status``."""

    def __init__(self, reply: Callable) -> None:
        self.seen: list[dict] = []
        stub = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def _any(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                stub.seen.append({"headers": dict(self.headers), "body": body})
                status, headers = reply(self, len(stub.seen))
                self.send_response(status)
                for k, v in headers.items():
                    for value in v if isinstance(v, list) else [v]:
                        self.send_header(k, value)
                self.send_header("Content-Length", "0")
                self.end_headers()

            do_GET = do_PUT = do_POST = do_DELETE = _any

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/gsp"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def stub_factory():
    made: list[Stub] = []

    def make(reply):
        made.append(Stub(reply))
        return made[-1]

    yield make
    for stub in made:
        stub.close()


def test_5xx_is_retried_with_backoff_and_logs_no_secret(stub_factory, caplog):
    stub = stub_factory(lambda h, n: (503, {}) if n < 3 else (201, {}))
    sleeps: list[float] = []
    client = HttpClient(Credentials(token=SECRET), retries=4, sleep=sleeps.append)
    with caplog.at_level(logging.WARNING, logger="govkg.remote"):
        answer = client.request("PUT", stub.url, b"<urn:a> <urn:b> <urn:c> .")
    assert answer.status == 201
    assert sleeps == [0.5, 1.0]
    assert all(seen["headers"]["Authorization"] == f"Bearer {SECRET}" for seen in stub.seen)
    assert "retrying" in caplog.text and SECRET not in caplog.text


def test_giving_up_says_so_without_secrets(stub_factory):
    stub = stub_factory(lambda h, n: (500, {}))
    client = HttpClient(Credentials(token=SECRET), retries=2, sleep=lambda s: None)
    with pytest.raises(RemoteError, match="after 3 attempt") as caught:
        client.request("POST", stub.url, b"x")
    assert SECRET not in str(caught.value)


def test_unreachable_store_is_a_remote_error():
    client = HttpClient(retries=1, sleep=lambda s: None)
    port = __import__("govkg_tools.virtuoso", fromlist=["free_port"]).free_port()
    with pytest.raises(RemoteError, match="failed after 2 attempt"):
        client.request("GET", f"http://127.0.0.1:{port}/sparql")


def test_basic_auth_is_sent_only_after_a_challenge(stub_factory):
    def reply(handler, n):
        if "Authorization" not in handler.headers:
            return 401, {"WWW-Authenticate": 'Basic realm="store"'}
        return 204, {}

    stub = stub_factory(reply)
    client = HttpClient(Credentials("u", SECRET))
    assert client.request("PUT", stub.url, b"x").status == 204
    assert client.request("PUT", stub.url, b"y").status == 204
    assert "Authorization" not in stub.seen[0]["headers"]
    assert stub.seen[1]["headers"]["Authorization"].startswith("Basic ")
    assert stub.seen[2]["headers"]["Authorization"].startswith("Basic ")  # no second 401
    assert len(stub.seen) == 3


def test_refused_credentials_stop_at_once(stub_factory):
    stub = stub_factory(lambda h, n: (401, {"WWW-Authenticate": 'Basic realm="store"'}))
    client = HttpClient(Credentials("u", SECRET))
    with pytest.raises(RemoteError, match="refused the credentials") as caught:
        client.request("PUT", stub.url, b"x")
    assert SECRET not in str(caught.value) and len(stub.seen) == 2


DIGEST = 'Digest realm="store", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", qop="auth"'


def digest_ok(header: str, method: str, password: str) -> bool:
    """RFC 7616 with MD5 and qop=auth, checked by the server side of the stub."""
    fields = dict(re.findall(r'(\w+)="?([^",]*)"?', header.removeprefix("Digest ")))

    def md5(text: str) -> str:
        return hashlib.md5(text.encode()).hexdigest()

    ha1 = md5(f"{fields['username']}:{fields['realm']}:{password}")
    ha2 = md5(f"{method}:{fields['uri']}")
    parts = (ha1, fields["nonce"], fields["nc"], fields["cnonce"], fields["qop"], ha2)
    return fields["response"] == md5(":".join(parts))


@pytest.mark.parametrize("offered", [[DIGEST], ['Basic realm="store"', DIGEST]])
def test_digest_is_answered_and_never_downgraded_to_basic(stub_factory, offered):
    def reply(handler, n):
        sent = handler.headers.get("Authorization", "")
        if sent.startswith("Digest ") and digest_ok(sent, handler.command, SECRET):
            return 201, {}
        return 401, {"WWW-Authenticate": offered}

    stub = stub_factory(reply)
    client = HttpClient(Credentials("u", SECRET))
    assert client.request("PUT", stub.url + "?graph=urn:g", b"x").status == 201
    assert client.request("POST", stub.url + "?graph=urn:g", b"y").status == 201
    sent = [seen["headers"].get("Authorization", "") for seen in stub.seen]
    assert sent[0] == "" and all(s.startswith("Digest ") for s in sent[1:])
    assert len(sent) == 3 and client.requests == 3  # the challenge is kept for the POST
    assert "nc=00000002" in sent[2]
    with pytest.raises(RemoteError, match="refused the credentials") as caught:
        HttpClient(Credentials("u", "wrong")).request("PUT", stub.url, b"x")
    assert len(stub.seen) == 5 and "wrong" not in str(caught.value)


def test_basic_is_not_sent_when_one_header_also_offers_digest(stub_factory):
    offered = 'Basic realm="store", ' + DIGEST
    stub = stub_factory(lambda h, n: (401, {"WWW-Authenticate": offered}))
    with pytest.raises(RemoteError, match="refused the credentials"):
        HttpClient(Credentials("u", SECRET)).request("PUT", stub.url, b"x")
    assert not any(seen["headers"].get("Authorization") for seen in stub.seen)


def test_a_closed_keep_alive_connection_is_reopened_quietly(caplog):
    class Closing(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args) -> None:
            pass

        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")
            self.close_connection = True  # closes without saying "Connection: close"

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Closing)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        sleeps: list[float] = []
        client = HttpClient(sleep=sleeps.append)
        url = f"http://127.0.0.1:{server.server_address[1]}/sparql"
        with caplog.at_level(logging.WARNING, logger="govkg.remote"):
            assert [client.request("GET", url).body for _ in range(3)] == [b"ok"] * 3
        assert sleeps == [] and "retrying" not in caplog.text
    finally:
        server.shutdown()
        server.server_close()


def test_the_clients_own_log_lines_mask_tokens_in_urls(stub_factory, caplog):
    stub = stub_factory(lambda h, n: (204, {}))
    with caplog.at_level(logging.DEBUG):
        HttpClient().request("GET", stub.url + "?access-token=t0k3n&graph=urn:g")
    assert "HTTP Request: GET" in caplog.text and "graph=urn:g" in caplog.text
    assert "t0k3n" not in caplog.text and "access-token=***" in caplog.text


def test_tokens_in_urls_are_masked():
    text = Redactor().redact("PUT http://h:7001/?access-token=abc123&graph=urn:g failed")
    assert "abc123" not in text and "graph=urn:g" in text


def test_the_http_client_loads_only_for_a_remote_store():
    """Building, serving a local store and querying it never import httpx (issue #16)."""
    code = (
        "import sys, govkg.cli, govkg.build, govkg.query, govkg.network, govkg.server.runner\n"
        "print('httpx' in sys.modules)\n"
        "import govkg.remote\n"
        "print('httpx' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True"]


def test_without_httpx_push_says_which_extra_to_install(tmp_path):
    code = (
        "import sys\nsys.modules['httpx'] = None  # as if not installed\n"
        "from govkg.cli import main\n"
        f"main(['push', '--data', {str(tmp_path)!r}, '--endpoint', 'http://127.0.0.1:1/sparql'])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 2
    assert "needs httpx" in out.stderr and "govkg[remote]" in out.stderr
