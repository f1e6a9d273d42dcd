"""A real client against a real ``govkg serve``: SPARQLWrapper on loopback gets the seed's
four agreements as SELECT JSON and XML, a CONSTRUCT as Turtle that parses, and the
endpoint's errors as SPARQLWrapper's own exceptions."""

from __future__ import annotations

import csv
import io
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from rdflib import Graph
from SPARQLWrapper import CSV, JSON, POST, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

AGREEMENT = "https://w3id.org/govkg/id/agreement/"
CONSTRUCT = """PREFIX govkg: <https://w3id.org/govkg/ontology#>
CONSTRUCT { ?a a govkg:Agreement ; govkg:party ?p ; govkg:signedOn ?d }
WHERE { ?a a govkg:Agreement ; govkg:party ?p ; govkg:signedOn ?d }"""


@pytest.fixture(scope="module")
def endpoint(seed_out):
    """``govkg serve`` in its own process on a free loopback port."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "govkg", "serve", "--data", str(seed_out), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = f"http://127.0.0.1:{port}/sparql"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"govkg serve did not start: {process.stderr.read()}")
            time.sleep(0.2)
    yield url
    process.terminate()
    process.wait(timeout=15)


def wrapper(url: str, query: str, fmt: str) -> SPARQLWrapper:
    client = SPARQLWrapper(url)
    client.setQuery(query)
    client.setReturnFormat(fmt)
    return client


def test_select_json(endpoint, agreements_query):
    result = wrapper(endpoint, agreements_query, JSON).queryAndConvert()
    rows = result["results"]["bindings"]
    assert len(rows) == 4
    assert all(r["agreement"]["value"].startswith(AGREEMENT) for r in rows)
    assert {r["date"]["datatype"] for r in rows} == {"http://www.w3.org/2001/XMLSchema#date"}


def test_select_xml(endpoint, agreements_query):
    document = wrapper(endpoint, agreements_query, XML).queryAndConvert()
    uris = [e.firstChild.data for e in document.getElementsByTagName("uri")]
    assert document.documentElement.tagName == "sparql"
    assert len(uris) == 4 and all(u.startswith(AGREEMENT) for u in uris)


def test_select_json_by_post(endpoint, agreements_query):
    client = wrapper(endpoint, agreements_query, JSON)
    client.setMethod(POST)
    assert len(client.queryAndConvert()["results"]["bindings"]) == 4


def test_select_csv(endpoint, agreements_query):
    text = wrapper(endpoint, agreements_query, CSV).queryAndConvert().decode()
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 4 and rows[0]["agreement"].startswith(AGREEMENT)


def test_construct_turtle_parses(endpoint):
    data = wrapper(endpoint, CONSTRUCT, TURTLE).queryAndConvert()
    graph = Graph().parse(data=data, format="turtle")
    agreements = {s for s, p, o in graph if str(s).startswith(AGREEMENT)}
    assert len(agreements) == 4 and len(graph) == 4 * 4


def test_ask(endpoint):
    assert wrapper(endpoint, "ASK { ?s ?p ?o }", JSON).queryAndConvert()["boolean"] is True


def test_errors_reach_the_client_as_its_exceptions(endpoint):
    with pytest.raises(QueryBadFormed):
        wrapper(endpoint, "SELECT * WHERE { ?s ?p }", JSON).queryAndConvert()
    with pytest.raises(Exception, match="403"):
        wrapper(endpoint, "SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }", JSON).query()
