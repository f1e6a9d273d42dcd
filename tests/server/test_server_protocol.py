"""The SPARQL 1.1 Protocol, in process: the W3C protocol tests' positive and negative cases
(https://www.w3.org/2009/sparql/docs/tests/data-sparql11/protocol/), every result format
parsed back by rdflib, the service description, canned queries with bound parameters."""

from __future__ import annotations

import io
import json
from urllib.parse import quote, urlencode

import pytest
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.query import Result

from govkg.server.policy import Limits
from govkg.server.protocol import Request
from govkg.server.runner import Server

FORM = "application/x-www-form-urlencoded"
DIRECT = "application/sparql-query"
RESULT_TYPES = {
    "application/sparql-results+json": "json",
    "application/sparql-results+xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
GRAPH_TYPES = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/ld+json": "json-ld",
    "application/rdf+xml": "xml",
}
CONSTRUCT = """PREFIX govkg: <https://w3id.org/govkg/ontology#>
CONSTRUCT { ?a govkg:party ?p } WHERE { ?a a govkg:Agreement ; govkg:party ?p }"""


def media(response) -> str:
    return response.headers["Content-Type"].split(";")[0]


def rows_of(response) -> list[dict]:
    fmt = RESULT_TYPES[media(response)]
    result = Result.parse(io.BytesIO(response.body), format=fmt)
    return [{str(k): v for k, v in row.asdict().items()} for row in result]


# -- W3C protocol tests: positive ------------------------------------------------------------


def test_query_get(client):
    response = client.get("/sparql", {"query": "ASK {}"})
    assert response.status == 200
    assert json.loads(response.body) == {"head": {}, "boolean": True}


def test_query_post_form(client):
    response = client.post("/sparql", urlencode({"query": "ASK {}"}).encode(), FORM)
    assert response.status == 200 and json.loads(response.body)["boolean"] is True


def test_query_post_direct(client):
    response = client.post("/sparql", b"ASK {}", DIRECT + "; charset=UTF-8")
    assert response.status == 200 and json.loads(response.body)["boolean"] is True


def test_query_content_type_select(client):
    response = client.post("/sparql", b"SELECT (1 AS ?value) {}", DIRECT)
    assert media(response) in RESULT_TYPES
    assert rows_of(response)[0]["value"].toPython() == 1


def test_query_content_type_ask(client):
    response = client.post("/sparql", b"ASK {}", DIRECT)
    assert media(response) in ("application/sparql-results+json", "application/sparql-results+xml")


@pytest.mark.parametrize(
    "text", ["DESCRIBE <http://example.org/>", "CONSTRUCT { <s> <p> 1 } WHERE {}"]
)
def test_query_content_type_describe_and_construct(client, text):
    response = client.post("/sparql", text.encode(), DIRECT)
    assert response.status == 200 and media(response) in GRAPH_TYPES
    graph = Graph().parse(data=response.body, format=GRAPH_TYPES[media(response)])
    if "CONSTRUCT" in text:  # relative IRIs resolve against the endpoint
        assert (URIRef(f"http://{client.host}/s"), None, None) in graph


# -- W3C protocol tests: negative ------------------------------------------------------------


def test_bad_query_method(client, assert_error):
    response = client("PUT", "/sparql?query=ASK%20%7B%7D")
    assert_error(response, 405, "method-not-allowed")
    assert "GET" in response.headers["Allow"] and "POST" in response.headers["Allow"]


@pytest.mark.parametrize("method", ["DELETE", "PATCH", "TRACE"])
def test_other_methods_are_not_allowed(client, assert_error, method):
    assert_error(client(method, "/sparql?query=ASK%20%7B%7D"), 405, "method-not-allowed")


def test_bad_multiple_queries(client, assert_error):
    response = client.get("/sparql?query=ASK%20%7B%7D&query=SELECT%20%2A%20%7B%7D")
    assert_error(response, 400, "multiple-queries")


def test_bad_multiple_queries_across_url_and_body(client, assert_error):
    response = client.post("/sparql?query=ASK%20%7B%7D", b"query=ASK%20%7B%7D", FORM)
    assert_error(response, 400, "multiple-queries")


def test_bad_query_wrong_media_type(client, assert_error):
    assert_error(client.post("/sparql", b"ASK {}", "text/plain"), 415, "unsupported-media-type")


def test_bad_query_missing_form_type(client, assert_error):
    response = client.post("/sparql", b"query=ASK%20%7B%7D", None)
    assert_error(response, 415, "unsupported-media-type")


def test_bad_query_missing_direct_type(client, assert_error):
    assert_error(client.post("/sparql", b"ASK {}", None), 415, "unsupported-media-type")


def test_bad_query_non_utf8(client, assert_error):
    response = client.post("/sparql", "ASK {}".encode("utf-16"), DIRECT + "; charset=UTF-16")
    assert_error(response, 415, "unsupported-charset")


def test_body_that_is_not_utf8(client, assert_error):
    assert_error(client.post("/sparql", "ASK {}".encode("utf-16"), DIRECT), 400, "bad-encoding")


def test_bad_query_syntax(client, assert_error):
    document = assert_error(client.get("/sparql?query=ASK%20%7B"), 400, "malformed-query")
    assert "syntax error" in document["message"]


def test_bad_update_get(client, assert_error):
    assert_error(client.get("/sparql?update=CLEAR%20ALL"), 403, "update-refused")


def test_bad_multiple_updates(client, assert_error):
    body = b"update=CLEAR%20NAMED&update=CLEAR%20DEFAULT"
    assert_error(client.post("/sparql", body, FORM), 403, "update-refused")


def test_bad_update_wrong_media_type(client, assert_error):
    response = client.post("/sparql", b"CLEAR NAMED", "text/plain")
    assert_error(response, 415, "unsupported-media-type")


def test_bad_update_missing_form_type(client, assert_error):
    response = client.post("/sparql", b"update=CLEAR%20NAMED", None)
    assert_error(response, 415, "unsupported-media-type")


def test_bad_update_non_utf8(client, assert_error):
    body = "CLEAR NAMED".encode("utf-16")
    response = client.post("/sparql", body, "application/sparql-update; charset=UTF-16")
    assert_error(response, 403, "update-refused")


def test_bad_update_syntax(client, assert_error):
    assert_error(client.post("/sparql", b"update=CLEAR%20XYZ", FORM), 403, "update-refused")


def test_bad_update_dataset_conflict(client, assert_error):
    body = urlencode(
        {
            "using-named-graph-uri": "http://example/people",
            "update": "WITH <http://example/addresses> DELETE { ?p ?x 'Bill' } "
            "INSERT { ?p ?x 'William' } WHERE { ?p ?x 'Bill' }",
        }
    ).encode()
    assert_error(client.post("/sparql", body, FORM), 403, "update-refused")


@pytest.mark.parametrize("param", ["default-graph-uri", "named-graph-uri"])
def test_query_dataset_parameters_are_refused(client, assert_error, param):
    response = client.post(f"/sparql?{param}=http%3A%2F%2Fx%2Fdata1.rdf", b"ASK {}", DIRECT)
    assert_error(response, 403, "dataset-refused")


def test_query_multiple_dataset_is_refused(client, assert_error):
    response = client.post(
        "/sparql?default-graph-uri=http%3A%2F%2Fx%2Fdata2.rdf",
        b"ASK FROM <http://x/data1.rdf> { <data1.rdf> ?p ?o }",
        DIRECT,
    )
    assert_error(response, 403, "dataset-refused")


def test_construct_asking_for_sparql_results_is_not_acceptable(client, assert_error):
    response = client.get(
        "/sparql", {"query": CONSTRUCT}, headers={"Accept": "application/sparql-results+xml"}
    )
    assert_error(response, 406, "not-acceptable")


def test_select_asking_for_turtle_is_not_acceptable(client, assert_error, agreements_query):
    response = client.get("/sparql", {"query": agreements_query}, headers={"Accept": "text/turtle"})
    assert_error(response, 406, "not-acceptable")


def test_unknown_format_override(client, assert_error):
    assert_error(
        client.get("/sparql", {"query": "ASK {}", "format": "yaml"}), 400, "unknown-format"
    )


def test_post_without_query_and_empty_query(client, assert_error):
    assert_error(client.post("/sparql", b"", FORM), 400, "missing-query")
    assert_error(client.get("/sparql", {"query": "  "}), 400, "malformed-query")


def test_bad_percent_encoding(client, assert_error):
    assert_error(client.get("/sparql?query=%FF%FE"), 400, "bad-parameters")


def test_unknown_path(client, assert_error):
    assert_error(client.get("/sparql/extra"), 404, "not-found")


# -- formats ------------------------------------------------------------------------------------


@pytest.mark.parametrize("accept", list(RESULT_TYPES))
def test_select_in_every_result_format_gives_the_four_agreements(client, accept, agreements_query):
    response = client.get("/sparql", {"query": agreements_query}, headers={"Accept": accept})
    assert response.status == 200 and media(response) == accept
    rows = rows_of(response)
    assert len(rows) == 4
    assert all(str(r["agreement"]).startswith("https://w3id.org/govkg/id/agreement/") for r in rows)
    assert response.headers["X-Govkg-Rows"] == "4" and "X-Govkg-Truncated" not in response.headers


@pytest.mark.parametrize(
    ("override", "expected"),
    [
        ("csv", "text/csv"),
        ("xml", "application/sparql-results+xml"),
        ("tsv", "text/tab-separated-values"),
    ],
)
def test_format_parameter_overrides_accept(client, override, expected, agreements_query):
    response = client.get(
        "/sparql",
        {"query": agreements_query, "format": override},
        headers={"Accept": "application/json"},
    )
    assert media(response) == expected


def test_sparqlwrapper_style_repeated_format_values(client, agreements_query):
    params = [
        ("query", agreements_query),
        ("format", "tsv"),
        ("format", "text/tab-separated-values"),
        ("output", "tsv"),
        ("results", "tsv"),
    ]
    assert media(client.get("/sparql", params)) == "text/tab-separated-values"


def test_accept_quality_values_are_honoured(client, agreements_query):
    accept = "application/sparql-results+json;q=0.2, text/csv;q=0.9, */*;q=0.1"
    response = client.get("/sparql", {"query": agreements_query}, headers={"Accept": accept})
    assert media(response) == "text/csv"


def test_csv_is_plain_values_and_crlf(client, agreements_query):
    body = client.get("/sparql", {"query": agreements_query, "format": "csv"}).body
    assert body.startswith(b"agreement,date\r\n")


def test_construct_in_every_graph_format_is_the_same_graph(client):
    graphs = []
    for accept, fmt in GRAPH_TYPES.items():
        response = client.get("/sparql", {"query": CONSTRUCT}, headers={"Accept": accept})
        assert response.status == 200 and media(response) == accept
        graphs.append(Graph().parse(data=response.body, format=fmt))
    assert len(graphs[0]) == 8  # four agreements, two parties each
    assert all(isomorphic(graphs[0], g) for g in graphs[1:])


def test_ask_in_xml(client):
    response = client.get("/sparql", {"query": "ASK { ?s ?p ?o }", "format": "xml"})
    assert b"<boolean>true</boolean>" in response.body


def test_named_graphs_are_queryable_and_default_graph_is_the_union(client):
    text = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    assert int(rows_of(client.get("/sparql", {"query": text}))[0]["n"]) >= 4
    union = "ASK { ?s a <http://www.w3.org/2002/07/owl#Ontology> ; ?p ?o }"
    assert json.loads(client.get("/sparql", {"query": union}).body)["boolean"] is True


def test_service_description(client):
    response = client.get("/sparql")
    assert response.status == 200 and media(response) == "text/turtle"
    graph = Graph().parse(data=response.body, format="turtle")
    sd = "http://www.w3.org/ns/sparql-service-description#"
    endpoint = next(graph.objects(None, URIRef(sd + "endpoint")))
    assert str(endpoint) == f"http://{client.host}/sparql"
    assert (None, URIRef(sd + "supportedLanguage"), URIRef(sd + "SPARQL11Query")) in graph


def test_service_description_as_json_ld(client):
    response = client.get("/sparql", headers={"Accept": "application/ld+json"})
    assert media(response) == "application/ld+json"
    assert len(Graph().parse(data=response.body, format="json-ld")) > 5


# -- limits on answers --------------------------------------------------------------------------


def test_row_and_byte_limits_cut_answers_and_say_so(seed_out, agreements_query):
    limits = Limits(workers=1, rows=2, response_bytes=600, timeout=5)
    with Server([seed_out], port=0, limits=limits) as server:
        host = f"127.0.0.1:{server.config.port}"

        def get(params: dict):
            query = urlencode(params)
            return server.app.handle(Request("GET", "/sparql", query, {"host": host}))

        cut = get({"query": agreements_query})
        assert cut.status == 200
        assert cut.headers["X-Govkg-Truncated"] == "rows"
        assert cut.headers["X-Govkg-Row-Limit"] == "2"
        assert len(json.loads(cut.body)["results"]["bindings"]) == 2
        wide = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
        small = get({"query": wide, "format": "xml"})
        assert small.headers["X-Govkg-Truncated"] in ("bytes", "rows")
        assert len(small.body) <= 600
        Result.parse(io.BytesIO(small.body), format="xml")  # still a whole document
        graph = get({"query": "CONSTRUCT WHERE { ?s ?p ?o }", "format": "turtle"})
        assert graph.headers["X-Govkg-Truncated"] in ("bytes", "rows")
        assert len(Graph().parse(data=graph.body, format="turtle")) <= 2


# -- canned queries -----------------------------------------------------------------------------


def test_canned_list_has_every_query_with_its_parameters(client):
    listed = json.loads(client.get("/api/queries").body)
    partners = next(q for q in listed if q["name"] == "partners")
    assert partners["params"][0] | {"description": ""} == {
        "name": "agency",
        "type": "organization",
        "required": True,
        "description": "",
    }
    assert {"agreements", "partners", "signatories"} <= {q["name"] for q in listed}


@pytest.mark.parametrize("agency", ["LAN", "https://w3id.org/govkg/id/org/lan"])
def test_canned_query_binds_an_organization_by_acronym_or_iri(client, agency):
    response = client.get("/api/queries/partners", {"agency": agency, "format": "csv"})
    assert response.status == 200
    lines = response.body.decode().splitlines()
    assert lines[0] == "partner,label,acronym,agreements,first,last"
    assert len(lines) == 5


def test_canned_query_without_parameters(client):
    response = client.get("/api/queries/agreements")
    assert response.status == 200 and len(rows_of(response)) == 4


@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({}, "bad-parameter"),
        ({"agency": "LAN", "nope": "1"}, "bad-parameter"),
        ({"agency": "LAN> } } ; DROP ALL ; SELECT * { <x"}, "bad-parameter"),
        ([("agency", "LAN"), ("agency", "LIPI")], "repeated-parameter"),
    ],
)
def test_canned_parameter_errors(client, assert_error, params, code):
    document = assert_error(client.get("/api/queries/partners", params), 400, code)
    assert "-p NAME" not in document["fix"]


def test_unknown_canned_query(client, assert_error):
    assert_error(client.get("/api/queries/nope"), 404, "no-such-query")
    assert_error(client.get("/api/queries/" + quote("../../etc/passwd")), 404, "no-such-query")
