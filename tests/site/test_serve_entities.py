"""``govkg serve`` dereferences ``/id/…`` over real HTTP: 303 + Vary: Accept to the page or
the description the client asked for, the documents themselves, 404 for unknown IRIs, 406 for
types not served, the endpoint's limits and security headers."""

from __future__ import annotations

import json
import re
import time
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import SKOS

from govkg.server.policy import Limits
from govkg.server.runner import Server

LAN = "https://w3id.org/govkg/id/org/lan"
LIMITS = Limits(workers=2, timeout=5.0, memory_mb=1024, queue_wait=10.0)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.fixture(scope="module")
def server(seed_out) -> Iterator[Server]:
    with Server([seed_out], port=0, limits=LIMITS) as running:
        yield running


def fetch(server, path, accept=None, follow=False):
    """(status, headers, body) of a real GET."""
    request = urllib.request.Request(server.url.rstrip("/") + path)
    if accept:
        request.add_header("Accept", accept)
    opener = urllib.request.build_opener() if follow else urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read()


@pytest.mark.parametrize(
    "accept, target",
    [
        ("text/turtle", "/id/org/lan.ttl"),
        ("application/ld+json", "/id/org/lan.jsonld"),
        ("application/n-triples", "/id/org/lan.nt"),
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "/id/org/lan.html"),
        (None, "/id/org/lan.html"),
        ("text/html;q=0.2, text/turtle", "/id/org/lan.ttl"),
    ],
)
def test_the_iri_answers_303_to_what_was_asked_for(server, accept, target):
    status, headers, _ = fetch(server, "/id/org/lan", accept)
    assert status == 303 and headers["Location"] == target
    assert "Accept" in headers["Vary"]


def test_turtle_description_follows_the_redirect(server):
    status, headers, body = fetch(server, "/id/org/lan", "text/turtle", follow=True)
    assert status == 200 and headers["Content-Type"] == "text/turtle; charset=utf-8"
    graph = Graph().parse(data=body, format="turtle")
    assert (URIRef(LAN), SKOS.prefLabel, None) in graph
    assert headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("ext, rdflib_format", [("jsonld", "json-ld"), ("nt", "nt")])
def test_other_descriptions_parse(server, ext, rdflib_format):
    status, _, body = fetch(server, f"/id/org/lan.{ext}")
    assert status == 200
    assert len(Graph().parse(data=body, format=rdflib_format)) > 10


def test_the_page_is_html_with_the_ui_policy(server):
    status, headers, body = fetch(server, "/id/org/lan", "text/html", follow=True)
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    html = body.decode()
    assert "Lembaga Administrasi Negara" in html and 'href="/id/person/adi-suryanto.html"' in html


@pytest.mark.parametrize(
    "path",
    [
        "/id/org/no-such-body",
        "/id/org/no-such-body.ttl",
        "/id/org/lan.7.html",
        "/id/../etc/passwd",
        "/id/org/%2e%2e",
        "/id/org",
    ],
)
def test_unknown_or_malformed_iris_answer_404_in_the_error_shape(server, path):
    status, _, body = fetch(server, path, "text/turtle")
    assert status == 404
    document = json.loads(body)
    assert document["ok"] is False and document["error"] == "not-found"


def test_a_type_not_served_is_406(server):
    status, _, body = fetch(server, "/id/org/lan", "image/png")
    assert status == 406 and json.loads(body)["error"] == "not-acceptable"


def test_writes_are_refused(server):
    request = urllib.request.Request(server.url + "id/org/lan", data=b"x", method="POST")
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(request, timeout=10)
    assert err.value.code == 405


def test_a_body_page_answers_quickly(server):
    fetch(server, "/id/org/lan.html")  # warm the workers
    started = time.perf_counter()
    status, _, _ = fetch(server, "/id/org/lan.html")
    assert status == 200 and time.perf_counter() - started < 2.0


def test_a_long_page_is_served_in_pages_each_read_once(seed_out, monkeypatch):
    monkeypatch.setattr("govkg.site.tables.PAGE_SIZE", 3)  # LAN's 4 agreements take 2 pages
    patient = Limits(workers=2, timeout=60.0, memory_mb=1024, queue_wait=60.0, parse_seconds=30.0)
    with Server([seed_out], port=0, limits=patient) as running:  # a loaded machine is slow
        status, _, first = fetch(running, "/id/org/lan.html")
        assert status == 200, first
        pages = int(re.search(rb"Page 1 of (\d+)", first).group(1))
        assert pages > 1 and b'href="/id/org/lan.2.html"' in first
        assert first.count(b'href="/id/agreement/') >= 3
        status, _, last = fetch(running, f"/id/org/lan.{pages}.html")
        assert status == 200 and f"Page {pages} of {pages}".encode() in last
        assert fetch(running, f"/id/org/lan.{pages + 1}.html")[0] == 404
        assert fetch(running, "/id/org/lan.2.ttl")[0] == 200
        started = time.perf_counter()
        assert fetch(running, "/id/org/lan.html")[2] == first  # from the documents kept
        assert time.perf_counter() - started < 1.0
        assert ("https://w3id.org/govkg/id/org/lan", "html", 1) in running.app.documents._kept


def test_a_page_needing_more_rows_than_the_endpoint_answers_is_refused(seed_out):
    tight = Limits(workers=2, timeout=30.0, memory_mb=1024, queue_wait=30.0, rows=2)
    with Server([seed_out], port=0, limits=tight) as running:  # LAN has more than 2 statements
        status, _, body = fetch(running, "/id/org/lan.html")
    assert status == 503 and json.loads(body)["error"] == "too-large"
