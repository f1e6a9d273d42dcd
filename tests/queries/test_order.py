"""The Python sort of a final ORDER BY places rows exactly where Oxigraph's ORDER BY does."""

from __future__ import annotations

from decimal import Decimal

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govkg.canned import canned_queries
from govkg.engines import OxigraphEngine, data_files
from govkg.order import sort_rows, split_final_order, term_key
from govkg.terms import to_oxigraph

XSD = "http://www.w3.org/2001/XMLSchema#"
A, B = ox.NamedNode("urn:a"), ox.NamedNode("urn:b")
QUERY = "SELECT ?row ?a ?b WHERE { ?row <urn:b> ?b OPTIONAL { ?row <urn:a> ?a } }"


def typed(kind: str):
    return lambda text: ox.Literal(text, datatype=ox.NamedNode(XSD + kind))


words = st.text(alphabet="aAbzé😀 ", max_size=4)
dates = st.dates().filter(lambda d: d.year >= 1000).map(lambda d: d.isoformat())
COLUMNS = {
    "strings": words.map(ox.Literal),
    "languages": st.tuples(words, st.sampled_from(["id", "en", "en-gb"])).map(
        lambda pair: ox.Literal(pair[0], language=pair[1])
    ),
    "numbers": st.one_of(
        st.integers(-50, 50).map(lambda n: typed("integer")(str(n))),
        st.decimals(-50, 50, places=2).map(lambda d: typed("decimal")(str(d))),
        st.floats(-50, 50, allow_nan=False).map(lambda f: typed("double")(repr(f))),
    ),
    "dates": dates.map(typed("date")),
    "iris": st.sampled_from(["urn:x", "urn:y", "http://e.org/a", "http://e.org/b"]).map(
        ox.NamedNode
    ),
}


def oxigraph_order(store: ox.Store, order: str) -> list[str]:
    return [solution["row"].value for solution in store.query(f"{QUERY} ORDER BY {order}")]


@pytest.mark.parametrize("kind", sorted(COLUMNS))
@pytest.mark.parametrize("order", ["?a ?b", "DESC(?a) ?b", "?a DESC(?b)", "DESC(?a) DESC(?b)"])
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_python_sort_matches_oxigraph(kind, order, data):
    values = data.draw(st.lists(st.one_of(st.none(), COLUMNS[kind]), min_size=1, max_size=12))
    store = ox.Store()
    for number, value in enumerate(values):  # ?b is unique: the order is total
        row = ox.NamedNode(f"urn:row:{number:02d}")
        store.add(ox.Quad(row, B, ox.Literal(f"{number:02d}")))
        if value is not None:
            store.add(ox.Quad(row, A, value))
    text, keys = split_final_order(f"{QUERY} ORDER BY {order}")
    solutions = store.query(text)
    names = [v.value for v in solutions.variables]
    rows = [list(solution) for solution in solutions]
    ordered = sort_rows(rows, names, keys)
    assert ordered is not None
    assert [row[0].value for row in ordered] == oxigraph_order(store, order)


def test_mixed_literal_kinds_are_left_to_the_engine():
    rows = [[ox.Literal("a")], [typed("integer")("1")]]
    assert sort_rows(rows, ["x"], [("x", False)]) is None
    assert sort_rows([[typed("gMonth")("--02")]], ["x"], [("x", False)]) is None
    assert sort_rows([[typed("double")("NaN")]], ["x"], [("x", False)]) is None
    assert sort_rows([[ox.Literal("a")]], ["x"], [("y", False)]) is None  # not a column
    blanks = [[ox.BlankNode("b1")], [ox.BlankNode("b0")]]
    assert sort_rows(blanks, ["x"], [("x", False)]) is None  # their order is the engine's
    assert sort_rows(blanks[:1] * 2, ["x"], [("x", False)]) == blanks[:1] * 2


def test_only_a_final_order_by_of_plain_variables_is_split():
    assert split_final_order("SELECT * { ?s ?p ?o } ORDER BY ?s LIMIT 5") is None
    assert split_final_order("SELECT * { ?s ?p ?o } ORDER BY STR(?s)") is None
    assert split_final_order("SELECT * { { SELECT ?s { ?s ?p ?o } ORDER BY ?s } }") is None
    assert split_final_order("SELECT * { ?s ?p ?o } # ORDER BY ?s") is None
    assert split_final_order("SELECT * { ?s ?p ?o FILTER(?o = 'x') } ORDER BY ?s") is None
    grouped = "SELECT ?s (COUNT(*) AS ?n) { ?s ?p ?o } GROUP BY ?s\nORDER BY DESC(?n)"
    assert split_final_order(grouped) == (grouped[:-18], [("n", True)])
    text, keys = split_final_order("SELECT * {\n ?s ?p ?o\n}\norder by asc(?s) DESC( ?o )\n")
    assert text == "SELECT * {\n ?s ?p ?o\n}" and keys == [("s", False), ("o", True)]


def test_term_keys_put_unbound_blank_iri_literal_in_that_order():
    terms = [ox.Literal("a"), ox.NamedNode("urn:a"), ox.BlankNode("b0"), None]
    assert sorted(terms, key=term_key) == terms[::-1]
    assert term_key(typed("integer")("7"))[2] == Decimal(7)


@pytest.mark.parametrize("data", ["seed", "synthetic"])
def test_canned_queries_keep_oxigraphs_own_order(data, seed_out, synthetic_out):
    folder = seed_out if data == "seed" else synthetic_out
    engine = OxigraphEngine.from_files(data_files([folder]))
    split = set()
    for query in canned_queries().values():
        if any(p.required for p in query.params):
            continue
        text = query.text_for(set())
        parts = split_final_order(text)
        if parts is None:
            continue
        names, rows = engine.select(text, {})  # sorted in Python
        native = [
            [str(term) if term is not None else None for term in solution]
            for solution in engine.store.query(text)
        ]
        keys = [names.index(name) for name, _ in parts[1]]
        assert [[_text(row[k]) for k in keys] for row in rows] == [
            [row[k] for k in keys] for row in native
        ], query.name
        split.add(query.name)
    assert {"agreements", "cooperation_pairs", "officials", "provenance", "signatories"} <= split


def _text(term) -> str | None:
    return None if term is None else str(to_oxigraph(term))
