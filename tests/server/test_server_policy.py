"""The refusal policy on its own: SERVICE, FROM and updates found wherever they hide, and
never found in strings, comments, IRIs or names. rdflib's parser is the oracle."""

from __future__ import annotations

import contextlib
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pyparsing import ParseException, ParseResults
from rdflib.plugins.sparql.parser import parseQuery
from rdflib.plugins.sparql.parserutils import CompValue

from govkg.canned import canned_queries
from govkg.server.errors import HttpError
from govkg.server.policy import Limits, check_query, tokens

SERVICE = [
    "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
    "select * where { service silent <http://example.org/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { SeRvIcE ?endpoint { ?s ?p ?o } VALUES ?endpoint { <http://x/> } }",
    "SELECT * WHERE { { SELECT ?s WHERE { SERVICE <http://x/> { ?s ?p ?o } } } }",
    "ASK { FILTER EXISTS { SERVICE <http://x/> { ?s ?p ?o } } }",
    "ASK { FILTER NOT EXISTS { SERVICE SILENT <http://x/> { } } }",
    "SELECT * WHERE { ?s ?p ?o OPTIONAL { SERVICE <http://x/> { ?s ?q ?v } } }",
    "SELECT * WHERE { ?s ?p ?o MINUS { SERVICE <http://x/> { ?s ?q ?v } } }",
    "SELECT * WHERE { { ?s ?p ?o } UNION { SERVICE <file:///etc/passwd> { ?s ?p ?o } } }",
    "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { SERVICE <http://x/> { ?s ?p ?o } } }",
    "SELECT * WHERE { # a comment\n SERVICE # another\n <http://x/> { ?s ?p ?o } }",
    "SELECT*WHERE{SERVICE<http://x/>{?s ?p ?o}}",
    "PREFIX e: <http://x/>\nSELECT * WHERE { SERVICE e: { ?s ?p ?o } }",
    "SELECT * WHERE { \\u0053ERVICE <http://x/> { ?s ?p ?o } }",
    "SELECT * WHERE { SERV\\u0049CE <http://x/> { ?s ?p ?o } }",
    'SELECT * WHERE { ?s ?p "\\u0022" SERVICE <http://x/> { ?s ?p ?o } }',
]
FROM = [
    "SELECT * FROM <http://example.org/data.ttl> WHERE { ?s ?p ?o }",
    "SELECT * FROM NAMED <file:///etc/passwd> WHERE { GRAPH ?g { ?s ?p ?o } }",
    "select * from <file:///etc/passwd> { ?s ?p ?o }",
    "ASK FROM <http://x/> { ?s ?p ?o }",
    "CONSTRUCT { ?s ?p ?o } FROM <http://x/> WHERE { ?s ?p ?o }",
    "DESCRIBE ?s FROM <http://x/> WHERE { ?s ?p ?o }",
    "SELECT * WHERE { { SELECT * FROM <http://x/> WHERE { ?s ?p ?o } } }",
]
UPDATES = [
    "INSERT DATA { <http://x/s> <http://x/p> 1 }",
    "DELETE WHERE { ?s ?p ?o }",
    "PREFIX x: <http://x/> CLEAR ALL",
    "LOAD <http://example.org/data.ttl>",
    "LOAD <file:///etc/passwd> INTO GRAPH <http://x/g>",
    "DROP GRAPH <https://w3id.org/govkg/graph/ontology>",
    "WITH <http://x/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "create graph <http://x/g>",
    "COPY DEFAULT TO <http://x/g>",
]
ACCEPTED = [
    "SELECT * WHERE { ?s ?p 'SERVICE' }",
    'SELECT * WHERE { ?s ?p """SERVICE <http://x/> { } FROM <x>""" }',
    "SELECT * WHERE { ?s ?p ?o } # SERVICE <http://x/> FROM <http://y/>",
    "SELECT * WHERE { <http://example.org/service/from> ?p ?o }",
    "PREFIX service: <http://x/> SELECT * WHERE { ?s service:from ?o }",
    "PREFIX ex: <http://x/> SELECT ?service ?from WHERE { ?service ex:SERVICE ?from }",
    "PREFIX ex: <http://x/> SELECT * WHERE { ?s ex:data-from ?o ; ex:service.x ?v }",
    'SELECT * WHERE { ?s ?p "x"@from }',
    "SELECT * WHERE { ?s ?p ?o FILTER(?o < 3 && ?o > 1) }",
    "SELECT ($from AS ?x) WHERE { }",
    "ASK { _:service ?p ?o }",
]


def refusal(text: str) -> str | None:
    try:
        check_query(text)
    except HttpError as err:
        return err.code
    return None


@pytest.mark.parametrize("text", SERVICE)
def test_service_is_refused_wherever_it_hides(text):
    assert refusal(text) == "service-refused"


@pytest.mark.parametrize("text", FROM)
def test_from_and_from_named_are_refused(text):
    assert refusal(text) == "dataset-refused"


@pytest.mark.parametrize("text", UPDATES)
def test_updates_are_refused(text):
    assert refusal(text) == "update-refused"


@pytest.mark.parametrize("text", ACCEPTED)
def test_keywords_in_strings_comments_iris_and_names_are_not_refused(text):
    assert refusal(text) is None


@pytest.mark.parametrize("name", sorted(canned_queries()))
def test_every_canned_query_passes(name):
    query = canned_queries()[name]
    assert check_query(query.text_for({p.name for p in query.params})).form == "SELECT"


def _has(node, name: str) -> bool:
    if isinstance(node, CompValue):
        if node.name == name or (name == "datasetClause" and dict.get(node, name)):
            return True
        return any(_has(v, name) for v in node.values())
    if isinstance(node, list | tuple | ParseResults):
        return any(_has(v, name) for v in node)
    return False


@pytest.mark.parametrize("text", [q for q in SERVICE + FROM + ACCEPTED if "\\u" not in q])
def test_verdicts_agree_with_rdflibs_parse_tree(text):
    try:
        tree = parseQuery(text)
    except ParseException:  # not SPARQL 1.1 (FROM in a subquery): refusing it is stricter
        assert refusal(text) is not None
        return
    service = _has(tree, "ServiceGraphPattern")
    dataset = _has(tree, "datasetClause")
    expected = "service-refused" if service else "dataset-refused" if dataset else None
    assert refusal(text) == expected


def test_query_forms_are_recognised():
    assert check_query("PREFIX a: <x:> BASE <http://b/> ASK {}").form == "ASK"
    assert check_query("construct where { ?s ?p ?o }").form == "CONSTRUCT"
    assert check_query("DESCRIBE <http://x/>").form == "DESCRIBE"


def test_unterminated_string_and_non_query_are_malformed():
    assert refusal("SELECT * WHERE { ?s ?p 'open }") == "malformed-query"
    assert refusal("hello world") == "malformed-query"


def test_query_length_limit():
    assert refusal("ASK {}" + " " * 30) is None
    with pytest.raises(HttpError) as err:
        check_query("ASK {}" + " " * 30, Limits(query_chars=20))
    assert err.value.status == 413


@pytest.mark.parametrize(
    "text",
    [
        '"\\' * 10_000,
        "'''" + "a" * 19_990,
        "<" * 20_000,
        "ex:" + "a." * 9_000 + "#",
        "?" * 20_000,
        "\\u0022" * 3_000,
    ],
)
def test_pathological_texts_are_checked_in_linear_time(text):
    started = time.perf_counter()
    refusal(text)
    assert time.perf_counter() - started < 0.5


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="SERVICEFROMselect{}<>?\"'#\\u0 \n:.$_", max_size=200))
def test_tokenizer_never_crashes_on_noise(text):
    with contextlib.suppress(ValueError):
        list(tokens(text))
    refusal(text)


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(["", "OPTIONAL ", "MINUS ", "FILTER EXISTS ", "{ SELECT * WHERE "]),
    st.sampled_from(["SERVICE", "service", "Service SILENT", "SERVICE silent"]),
    st.sampled_from([" ", "\n", " # c\n ", "\t"]),
)
def test_service_found_in_generated_nestings(wrapper, keyword, gap):
    closer = " }" if wrapper.startswith("{") else ""
    text = f"SELECT * WHERE {{ {wrapper}{{ {keyword}{gap}<http://x/> {{ ?s ?p ?o }} }}{closer} }}"
    assert refusal(text) == "service-refused"
