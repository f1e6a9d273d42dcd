"""Canned queries on the seed answer what the article says, on both engines."""

from __future__ import annotations

from pathlib import Path

import pytest

from govkg.canned import canned_queries, parse_header
from govkg.errors import GovkgError
from govkg.query import run_query

QUERIES = Path(__file__).resolve().parents[1] / "data" / "queries"
ENGINES = ["oxigraph", "rdflib"]


def column(result, name: str) -> list[str]:
    i = result.columns.index(name)
    return [str(row[i]) for row in result.rows]


@pytest.mark.parametrize("engine", ENGINES)
def test_partners_of_lan_are_exactly_the_four(seed_out, engine):
    result = run_query("partners", {"agency": "LAN"}, [seed_out], engine)
    assert sorted(column(result, "partner")) == [
        "https://w3id.org/govkg/id/org/bpom",
        "https://w3id.org/govkg/id/org/kabupaten-11-04",
        "https://w3id.org/govkg/id/org/kabupaten-36-04",
        "https://w3id.org/govkg/id/org/lipi",
    ]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    "name", ["Lembaga Ilmu Pengetahuan Indonesia", "LIPI", "https://w3id.org/govkg/id/org/lipi"]
)
def test_partners_of_lipi_by_label_acronym_or_iri(seed_out, engine, name):
    result = run_query("partners", {"agency": name}, [seed_out], engine)
    assert column(result, "acronym") == ["LAN"]


@pytest.mark.parametrize("engine", ENGINES)
def test_signatories_of_bpom(seed_out, engine):
    result = run_query("signatories", {"agency": "BPOM"}, [seed_out], engine)
    assert list(zip(column(result, "name"), column(result, "post"), strict=True)) == [
        ("Elin Herlina", "Sekretaris Utama")
    ]


@pytest.mark.parametrize("engine", ENGINES)
def test_timeline_hubs_fields(seed_out, engine):
    timeline = run_query("timeline", {}, [seed_out], engine)
    assert list(zip(column(timeline, "year"), column(timeline, "agreements"), strict=True)) == [
        ("2019", "4")
    ]
    hubs = run_query("hubs", {}, [seed_out], engine)
    assert column(hubs, "organization")[0] == "https://w3id.org/govkg/id/org/lan"
    assert column(hubs, "partners")[0] == "4"
    fields = run_query("fields", {}, [seed_out], engine)
    counts = dict(zip(column(fields, "label"), column(fields, "agreements"), strict=True))
    assert counts["Kajian Kebijakan"] == "3"


@pytest.mark.parametrize("engine", ENGINES)
def test_successors_show_lipi_became_brin(seed_out, engine):
    result = run_query("successors", {}, [seed_out], engine)
    assert list(zip(column(result, "party"), column(result, "successor"), strict=True)) == [
        ("https://w3id.org/govkg/id/org/lipi", "https://w3id.org/govkg/id/org/brin")
    ]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    ("agency", "expected"), [("LAN", 1), ("LIPI", 1), ("BRIN", 0), ("BPOM", 0)]
)
def test_successors_of_one_body_keep_only_its_agreements(seed_out, engine, agency, expected):
    result = run_query("successors", {"agency": agency}, [seed_out], engine)
    assert column(result, "successor") == ["https://w3id.org/govkg/id/org/brin"] * expected


@pytest.mark.parametrize("engine", ENGINES)
def test_field_parameter_includes_narrower_fields(seed_out, engine):
    from govkg.vocab import Vocabulary

    fields = Vocabulary.fields()
    training = fields.resolve("pelatihan")
    broader = sorted(c.value for c in fields.broader_closure(training) - {training})
    assert broader, "pelatihan should have a broader field in fields.ttl"
    narrow = run_query("agreements", {"field": "pelatihan"}, [seed_out], engine)
    wide = run_query("agreements", {"field": broader[0]}, [seed_out], engine)
    assert len(narrow.rows) == 3
    assert set(column(narrow, "agreement")) <= set(column(wide, "agreement"))


def test_unknown_and_missing_parameters_list_the_parameters(seed_out):
    with pytest.raises(GovkgError, match=r"missing required parameter\(s\) agency.*agency \("):
        run_query("partners", {}, [seed_out])
    with pytest.raises(GovkgError, match=r"unknown parameter\(s\) agancy"):
        run_query("partners", {"agency": "LAN", "agancy": "x"}, [seed_out])


PAYLOADS = [
    'LAN") || true || ("',
    "\\u0022",
    "}",
    "LAN\n} UNION { ?s ?p ?o",
    '" . ?s ?p ?o . #',
    "https://w3id.org/govkg/id/org/lan> } UNION { ?s ?p ?o } #",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_organization_payloads_are_refused_not_run(seed_out, payload):
    with pytest.raises(GovkgError):
        run_query("partners", {"agency": payload}, [seed_out])


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("payload", PAYLOADS)
def test_string_payloads_are_bound_as_values(seed_out, engine, payload):
    query = str(QUERIES / "person-by-name.rq")
    assert run_query(query, {"name": payload}, [seed_out], engine).rows == []
    found = run_query(query, {"name": "Elin Herlina"}, [seed_out], engine)
    assert column(found, "name") == ["Elin Herlina"]


def test_every_canned_query_header_is_complete():
    queries = canned_queries()
    assert sorted(queries) == sorted(
        [
            "partners",
            "agreements",
            "signatories",
            "cooperation_pairs",
            "fields",
            "timeline",
            "officials",
            "hubs",
            "provenance",
            "successors",
        ]
    )
    for query in queries.values():
        assert query.title and query.description and query.columns
        for param in query.params:
            assert f"?{param.name}" in query.text, (query.name, param.name)
        select = query.text_for({p.name for p in query.params}).split("WHERE")[0]
        for name in query.columns:
            assert f"?{name}" in select, (query.name, name)


def test_if_else_blocks_keep_one_branch(tmp_path):
    path = tmp_path / "q.rq"
    path.write_text(
        "# title: T\n# description: D\n"
        "# param agency (organization, optional): a body\n# columns: s\n"
        "SELECT ?s WHERE {\n#if agency\n  ?s <urn:by> ?agency .\n#else\n  ?s <urn:all> ?o .\n"
        "#endif\n}\n",
        encoding="utf-8",
    )
    query = parse_header(path)
    assert "urn:by" in query.text_for({"agency"}) and "urn:all" not in query.text_for({"agency"})
    assert "urn:all" in query.text_for(set()) and "urn:by" not in query.text_for(set())
    assert "#" not in query.text_for(set()).split("SELECT")[1]
