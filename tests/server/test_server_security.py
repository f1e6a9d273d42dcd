"""Refusals that protect the machine: SERVICE, FROM, updates, Host, CORS; proof that refused
queries open no connection and no file; headers and escaping of the UI; raw-socket abuse."""

from __future__ import annotations

import hashlib
import json
import socket
import threading
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote, urlencode

import pyoxigraph as ox
import pytest

from govkg.server.app import App, ServerConfig
from govkg.server.audit import read_events
from govkg.server.protocol import Request
from govkg.server.runner import Server

FORM = "application/x-www-form-urlencoded"
STATIC = Path(__file__).resolve().parents[2] / "graph" / "govkg" / "server" / "static"


class Trap:
    """A listening loopback socket that counts the connections it receives."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.hits = 0
        self._stop = False
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while not self._stop:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.hits += 1
            conn.close()

    def close(self) -> None:
        self._stop = True
        self._thread.join()
        self.sock.close()


@pytest.fixture
def trap():
    trap = Trap()
    yield trap
    trap.close()


def service_queries(url: str) -> list[str]:
    return [
        f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE SILENT <{url}> {{ ?s ?p ?o }} }}",
        f"select * {{ {{ select ?s {{ service <{url}> {{ ?s ?p ?o }} }} }} }}",
        f"ASK {{ FILTER EXISTS {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
        f"SELECT * {{ ?s ?p ?o OPTIONAL {{ SERVICE <{url}> {{ ?s ?q ?v }} }} }}",
        f"SELECT * {{ BIND(<{url}> AS ?e) SERVICE ?e {{ ?s ?p ?o }} }}",
    ]


def send_all_ways(client, text: str) -> list:
    return [
        client.get("/sparql", {"query": text}),
        client.post("/sparql", urlencode({"query": text}).encode(), FORM),
        client.post("/sparql", text.encode(), "application/sparql-query"),
    ]


# -- SERVICE ----------------------------------------------------------------------------------


def test_oxigraph_alone_would_call_the_service(trap):
    """The control: without the policy, Oxigraph itself connects (so the trap can tell)."""
    with pytest.raises(OSError):
        list(ox.Store().query(f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{trap.port}/> {{}} }}"))
    deadline = time.monotonic() + 2
    while trap.hits == 0 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert trap.hits >= 1


def test_service_is_refused_and_no_connection_is_made(client, assert_error, trap):
    for text in service_queries(f"http://127.0.0.1:{trap.port}/sparql"):
        for response in send_all_ways(client, text):
            assert_error(response, 403, "service-refused")
    time.sleep(0.5)
    assert trap.hits == 0


# -- FROM and client datasets ----------------------------------------------------------------


def test_from_a_local_file_is_refused_and_the_file_stays_unread(client, assert_error, tmp_path):
    secret = tmp_path / "secret.ttl"
    secret.write_text('<urn:s> <urn:p> "TOP-SECRET-MARKER" .\n')
    iri = secret.as_uri()
    for text in (
        f"SELECT * FROM <{iri}> WHERE {{ ?s ?p ?o }}",
        f"SELECT * FROM NAMED <{iri}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
        f"CONSTRUCT {{ ?s ?p ?o }} FROM <{iri}> WHERE {{ ?s ?p ?o }}",
    ):
        for response in send_all_ways(client, text):
            assert_error(response, 403, "dataset-refused")
            assert b"TOP-SECRET" not in response.body
    for param in ("default-graph-uri", "named-graph-uri"):
        response = client.get(f"/sparql?{param}={quote(iri)}", {"query": "SELECT * { ?s ?p ?o }"})
        assert_error(response, 403, "dataset-refused")


# -- updates ----------------------------------------------------------------------------------


def _store_fingerprint(store: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(store.iterdir())
        if p.is_file() and not p.name.startswith("LOG")
    }


def test_updates_are_refused_in_every_form_and_the_data_does_not_change(
    client, assert_error, seed_out
):
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    before = json.loads(client.get("/sparql", {"query": count}).body)
    files = _store_fingerprint(seed_out / "store")
    trig = hashlib.sha256((seed_out / "govkg.trig").read_bytes()).hexdigest()
    insert = "INSERT DATA { GRAPH <urn:g> { <urn:s> <urn:p> 'injected' } }"
    responses = [
        client.get("/sparql", {"update": insert}),
        client.post("/sparql", urlencode({"update": insert}).encode(), FORM),
        client.post("/sparql", insert.encode(), "application/sparql-update"),
        client.post("/sparql", b"DROP ALL", "application/sparql-update"),
        client.get("/sparql", {"query": insert}),
        client.post("/sparql", urlencode({"query": "CLEAR ALL"}).encode(), FORM),
        client.post("/sparql", urlencode({"query": "ASK {}", "update": "DROP ALL"}).encode(), FORM),
    ]
    for response in responses:
        assert_error(response, 403, "update-refused")
    assert json.loads(client.get("/sparql", {"query": count}).body) == before
    assert _store_fingerprint(seed_out / "store") == files
    assert hashlib.sha256((seed_out / "govkg.trig").read_bytes()).hexdigest() == trig
    ask = "ASK { <urn:s> <urn:p> 'injected' }"
    assert json.loads(client.get("/sparql", {"query": ask}).body)["boolean"] is False


def test_the_store_is_opened_read_only(seed_out):
    store = ox.Store.read_only(str(seed_out / "store"))
    with pytest.raises((OSError, RuntimeError), match="read-write"):
        store.update("INSERT DATA { <urn:s> <urn:p> <urn:o> }")


# -- Host and Origin ----------------------------------------------------------------------------


def test_foreign_host_headers_are_refused(client, assert_error, seed_server):
    port = seed_server.config.port
    for host in ("evil.example", f"evil.example:{port}", "127.0.0.1:1", "", f"127.0.0.2:{port}"):
        response = seed_server.app.handle(
            Request("GET", "/sparql", "query=ASK%7B%7D", {"host": host})
        )
        assert_error(response, 403, "host-not-allowed")
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", f"[::1]:{port}", f"LOCALHOST:{port}"):
        assert client.get("/sparql?query=ASK%7B%7D", headers={"Host": host}).status == 200


def _app(seed_server, **config) -> App:
    base = seed_server.config
    return App(
        ServerConfig(
            store=base.store, data=base.data, limits=base.limits, port=base.port, **config
        ),
        seed_server.pool,
    )


def test_configured_host_names_are_accepted(seed_server):
    app = _app(seed_server, allowed_hosts=("govkg.example",))
    port = seed_server.config.port
    for host in ("govkg.example", f"govkg.example:{port}"):
        assert app.handle(Request("GET", "/api/queries", "", {"host": host})).status == 200
    assert app.handle(Request("GET", "/api/queries", "", {"host": "other.example"})).status == 403


def test_no_cors_without_an_allowlist(client, assert_error):
    evil = {"Origin": "https://evil.example"}
    response = client.get("/sparql", {"query": "ASK {}"}, headers=evil)
    assert_error(response, 403, "origin-not-allowed")
    assert "Access-Control-Allow-Origin" not in response.headers
    preflight = client(
        "OPTIONS", "/sparql", headers=evil | {"Access-Control-Request-Method": "POST"}
    )
    assert_error(preflight, 403, "origin-not-allowed")
    no_origin = {"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "no-cors"}
    assert_error(
        client.get("/sparql", {"query": "ASK {}"}, headers=no_origin), 403, "origin-not-allowed"
    )
    null = client.post("/sparql", b"query=ASK%7B%7D", FORM, headers={"Origin": "null"})
    assert_error(null, 403, "origin-not-allowed")


def test_same_origin_and_cross_site_navigation_are_served(client):
    same = client.post(
        "/sparql", b"query=ASK%7B%7D", FORM, headers={"Origin": f"http://{client.host}"}
    )
    assert same.status == 200 and "Access-Control-Allow-Origin" not in same.headers
    link = {"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "navigate"}
    assert client.get("/sparql", {"query": "ASK {}"}, headers=link).status == 200


def test_cors_allowlist(seed_server, assert_error):
    app = _app(seed_server, cors_origins=("https://app.example",))
    host = f"127.0.0.1:{seed_server.config.port}"

    def send(method: str, origin: str, **extra):
        headers = {"host": host, "origin": origin} | extra
        return app.handle(Request(method, "/sparql", "query=ASK%7B%7D", headers))

    ok = send("GET", "https://app.example")
    assert ok.status == 200
    assert ok.headers["Access-Control-Allow-Origin"] == "https://app.example"
    assert ok.headers["Vary"] == "Origin"
    assert "X-Govkg-Truncated" in ok.headers["Access-Control-Expose-Headers"]
    preflight = send("OPTIONS", "https://app.example", **{"access-control-request-method": "POST"})
    assert preflight.status == 204
    assert "POST" in preflight.headers["Access-Control-Allow-Methods"]
    assert_error(send("GET", "https://evil.example"), 403, "origin-not-allowed")
    for response in (ok, preflight):
        assert "Access-Control-Allow-Credentials" not in response.headers
    star = _app(seed_server, cors_origins=("*",))
    any_site = star.handle(
        Request("GET", "/sparql", "query=ASK%7B%7D", {"host": host, "origin": "https://x.example"})
    )
    assert any_site.headers["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in any_site.headers


# -- no file, no socket while serving refusals (audit hook) -----------------------------------


def test_refused_queries_open_no_file_and_no_socket(
    seed_out, tmp_path, free_port, cli_server, http
):
    log = tmp_path / "audit.jsonl"
    cli_server(seed_out, free_port, "--audit-log", str(log), "--workers", "2")
    base = f"http://127.0.0.1:{free_port}"
    secret = (tmp_path / "secret.ttl").as_uri()
    refused = [
        *service_queries("http://127.0.0.1:9/sparql"),
        *service_queries("https://example.org/sparql"),
        f"SELECT * FROM <{secret}> {{ ?s ?p ?o }}",
        f"SELECT * FROM NAMED <{secret}> {{ GRAPH ?g {{ ?s ?p ?o }} }}",
        "LOAD <https://example.org/data.ttl>",
        f"LOAD <{secret}>",
    ]

    def send_refused() -> None:
        for text in refused:
            status, _, _ = http(f"{base}/sparql?" + urlencode({"query": text}))
            assert status == 403
            data = urlencode({"query": text}).encode()
            assert (
                http(f"{base}/sparql", method="POST", data=data, headers={"Content-Type": FORM})[0]
                == 403
            )
        for param in (
            f"default-graph-uri={quote(secret)}",
            f"update={quote('LOAD <' + secret + '>')}",
        ):
            assert http(f"{base}/sparql?query=ASK%7B%7D&{param}")[0] == 403

    assert http(f"{base}/static/app.js")[0] == 200  # the hook sees the server's own reads
    send_refused()  # warm-up: lazy imports happen here, not in the measured run
    seen = len(read_events(log))
    assert any(e["event"] == "open" and "app.js" in str(e["args"][0]) for e in read_events(log))
    send_refused()
    during = read_events(log)[seen:]
    assert [
        e for e in during if e["event"] in ("socket.connect", "subprocess.Popen", "os.system")
    ] == []
    assert [e for e in during if e["event"] == "open"] == []


# -- pages: headers and escaping -----------------------------------------------------------------


def test_html_pages_carry_a_strict_policy(client):
    for path in ("/", "/about", "/network"):
        response = client.get(path)
        assert response.status == 200, path
        csp = response.headers["Content-Security-Policy"]
        assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp
        assert "http" not in csp and "*" not in csp
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["X-Frame-Options"] == "DENY"
    data = client.get("/sparql", {"query": "ASK {}"})
    assert "sandbox" in data.headers["Content-Security-Policy"]


def test_ui_loads_nothing_from_outside():
    for path in STATIC.iterdir():
        text = path.read_text(encoding="utf-8")
        assert (
            "http://" not in text.replace("http://www.w3.org/2000/svg", "")
            and "https://" not in text
        ), path
    from govkg.server.ui import about_page, index_page, network_response

    for body in (index_page(), about_page({}), network_response([]).body):
        links = Links()
        links.feed(body.decode())
        assert links.found
        assert all(url.startswith("/") and not url.startswith("//") for url in links.found)


class Links(HTMLParser):
    """Every ``src`` and ``href`` of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.found += [value or "" for name, value in attrs if name in ("src", "href")]


def test_static_files_cannot_escape_their_folder(client, assert_error):
    for name in ("../app.py", "..%2Fapp.py", "/etc/passwd", ".hidden", "app.py"):
        assert_error(client.get("/static/" + name), 404, "not-found")


def test_data_is_escaped_in_the_about_page(tmp_path, assert_error):
    evil = tmp_path / "evil.ttl"
    evil.write_text(
        """@prefix schema: <https://schema.org/> . @prefix prov: <http://www.w3.org/ns/prov#> .
<urn:x> prov:wasDerivedFrom <urn:src> .
<urn:src> schema:datePublished "<img src=x onerror=alert(1)>" ;
  schema:url "javascript:alert(2)" ;
  schema:publisher [ schema:name "<script>alert(3)</script>" ] .
""",
        encoding="utf-8",
    )
    with Server([evil], port=0) as server:
        host = f"127.0.0.1:{server.config.port}"
        page = server.app.handle(Request("GET", "/about", "", {"host": host})).body.decode()
    assert "<script>alert" not in page and "&lt;script&gt;alert(3)" in page
    assert "<img src=x" not in page
    assert 'href="javascript:' not in page and "javascript:alert(2)" in page


# -- the HTTP layer, on a real socket -------------------------------------------------------------


def raw(server: Server, payload: bytes, timeout: float = 10) -> bytes:
    with socket.create_connection(("127.0.0.1", server.config.port), timeout=timeout) as sock:
        sock.sendall(payload)
        chunks = []
        while True:
            try:
                chunk = sock.recv(65536)
            except (ConnectionResetError, TimeoutError):
                break
            if not chunk:
                break
            chunks.append(chunk)
    return b"".join(chunks)


def _status_and_json(answer: bytes) -> tuple[int, dict]:
    head, _, body = answer.partition(b"\r\n\r\n")
    return int(head.split()[1]), json.loads(body)


@pytest.mark.parametrize(
    ("payload", "status", "code"),
    [
        (b"GARBAGE\r\n\r\n", 400, "bad-request"),
        (b"BREW /sparql HTTP/1.1\r\nHost: {host}\r\n\r\n", 501, "server-error"),
        (
            b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nConnection: close\r\n\r\n",
            403,
            "host-not-allowed",
        ),
        (
            b"GET / HTTP/1.1\r\nHost: {host}\r\nHost: evil.example\r\nConnection: close\r\n\r\n",
            400,
            "bad-request",
        ),
        (
            b"POST /sparql HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/sparql-query\r\n"
            b"Content-Length: 6\r\nContent-Length: 60\r\n\r\nASK {}",
            400,
            "bad-request",
        ),
        (
            b"POST /sparql HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/sparql-query\r\n"
            b"Content-Length: 999999999\r\n\r\nASK {}",
            413,
            "body-too-large",
        ),
        (
            b"POST /sparql HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/sparql-query\r\n"
            b"Transfer-Encoding: chunked\r\n\r\n6\r\nASK {}\r\n0\r\n\r\n",
            411,
            "length-required",
        ),
        (
            b"POST /sparql HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/sparql-query\r\n"
            b"Connection: close\r\n\r\nASK {}",
            411,
            "length-required",
        ),
    ],
)
def test_raw_http_abuse_gets_the_json_error(seed_server, payload, status, code):
    host = f"127.0.0.1:{seed_server.config.port}".encode()
    got, document = _status_and_json(raw(seed_server, payload.replace(b"{host}", host)))
    assert (got, document["error"]) == (status, code)
    assert set(document) == {"ok", "status", "error", "message", "fix"}


def test_head_sends_headers_only_and_server_banner_is_bare(seed_server):
    host = f"127.0.0.1:{seed_server.config.port}".encode()
    answer = raw(
        seed_server, b"HEAD / HTTP/1.1\r\nHost: " + host + b"\r\nConnection: close\r\n\r\n"
    )
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 200") and body == b""
    assert b"Server: govkg\r\n" in head and b"Python" not in head


def test_internal_failures_do_not_leak(seed_server, assert_error):
    class BrokenPool:
        def run(self, job, timeout=None):
            raise RuntimeError("secret detail at /work/main/graph/govkg/engines.py")

    app = App(seed_server.config, BrokenPool())
    host = f"127.0.0.1:{seed_server.config.port}"
    response = app.handle(Request("GET", "/sparql", "query=ASK%7B%7D", {"host": host}))
    document = assert_error(response, 500, "internal-error")
    assert "secret" not in json.dumps(document)
