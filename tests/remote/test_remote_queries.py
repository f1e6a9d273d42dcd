"""Every canned query gives the same rows on Virtuoso as on the local engine (Oxigraph)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from govkg.canned import canned_queries
from govkg.engines import OxigraphEngine, data_files
from govkg.query import run_on, run_query
from govkg.remote import RemoteEngine, open_remote_or_local

pytestmark = pytest.mark.remote


def canonical(rows) -> list[tuple[str, ...]]:
    return sorted(tuple("" if t is None else t.n3() for t in row) for row in rows)


def parameter_sets(engine) -> list[dict[str, str]]:
    """No parameters; the busiest body (as IRI); LAN by acronym; and each with a field."""
    hub = str(run_on(engine, canned_queries()["hubs"], {}).rows[0][0])
    field = str(run_on(engine, canned_queries()["fields"], {}).rows[0][0])
    return [
        {},
        {"agency": hub},
        {"agency": "LAN"},
        {"agency": hub, "field": field},
        {"field": field},
    ]


def compare_all(local, remote) -> int:
    checked = 0
    for query in canned_queries().values():
        names = {p.name for p in query.params}
        required = {p.name for p in query.params if p.required}
        runs = {
            tuple(sorted((k, v) for k, v in params.items() if k in names))
            for params in parameter_sets(local)
        }
        for given in map(dict, sorted(runs)):
            if not required <= set(given):
                continue
            here = run_on(local, query, given)
            there = run_on(remote, query, given)
            assert there.columns == here.columns, query.name
            assert canonical(there.rows) == canonical(here.rows), (query.name, given)
            checked += 1
    return checked


@pytest.mark.parametrize("data", ["seed", "synthetic"])
def test_every_canned_query_gives_the_same_rows(data, remote, seed_out, request):
    folder = seed_out if data == "seed" else request.getfixturevalue("synthetic_out")
    remote.ensure(folder)
    local = OxigraphEngine.from_files(data_files([folder]))
    assert compare_all(local, RemoteEngine(remote.endpoint)) >= 20


def test_synthetic_graph_is_about_100k_triples(synthetic_out):
    store = ox.Store()
    store.bulk_load(path=str(synthetic_out / "govkg.trig"), format=ox.RdfFormat.TRIG)
    assert 80_000 <= len(store) <= 140_000


def test_partners_of_lan_answers_as_locally(remote, seed_out):
    remote.ensure(seed_out)
    here = run_query("partners", {"agency": "LAN"}, [seed_out])
    engine = open_remote_or_local([seed_out], remote.endpoint)
    assert engine.name == "remote"
    there = run_on(engine, here.query, {"agency": "LAN"})
    assert there.columns == here.columns
    assert there.rows == here.rows  # same order too: the query orders fully here
    assert len(here.rows) == 4


def test_kind_of_a_body_without_a_government_class(remote, seed_out, tmp_path):
    """hubs: a body whose classes are all outside govkg's vocabulary has no kind (both engines)."""
    store = ox.Store()
    store.bulk_load(path=str(seed_out / "govkg.trig"), format=ox.RdfFormat.TRIG)
    lipi = ox.NamedNode("https://w3id.org/govkg/id/org/lipi")
    a = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    for quad in list(store.quads_for_pattern(lipi, a, None, None)):
        store.remove(quad)
    reference = ox.NamedNode("https://w3id.org/govkg/graph/reference")
    formal = ox.NamedNode("http://www.w3.org/ns/org#FormalOrganization")
    store.add(ox.Quad(lipi, a, formal, reference))
    edited = tmp_path / "edited.trig"
    store.dump(str(edited), format=ox.RdfFormat.TRIG)
    remote.ensure(edited)
    hubs = canned_queries()["hubs"]
    here = run_on(OxigraphEngine.from_files([edited]), hubs, {})
    there = run_on(RemoteEngine(remote.endpoint), hubs, {})
    assert canonical(there.rows) == canonical(here.rows)
    lipi_row = next(r for r in here.rows if str(r[0]) == lipi.value)
    assert lipi_row[2] is None


def test_incomplete_answers_are_refused(remote, seed_out):
    """Virtuoso returns partial rows with 200 when a time limit hits; they are not rows."""
    remote.ensure(seed_out)
    engine = RemoteEngine(remote.endpoint + "?timeout=1")
    heavy = "SELECT ?a ?b WHERE { ?a ?x ?c . ?b ?y ?d } ORDER BY ?a ?b LIMIT 3"
    with pytest.raises(Exception, match="incomplete results"):
        engine.select(heavy, {})


def test_ask_is_refused_in_either_shape(remote):
    engine = RemoteEngine(remote.endpoint)
    with pytest.raises(Exception, match="only SELECT"):
        engine.select("ASK { ?s ?p ?o }", {})


def test_default_graphs_narrow_the_dataset(remote, seed_out):
    remote.ensure(seed_out)
    only = "https://w3id.org/govkg/graph/reference"
    engine = RemoteEngine(remote.endpoint, default_graphs=[only])
    _, rows = engine.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", {})
    store = ox.Store.read_only(str(Path(seed_out) / "store"))
    quads = store.quads_for_pattern(None, None, None, ox.NamedNode(only))
    assert int(rows[0][0]) == len(list(quads))


def _unordered(value):
    if isinstance(value, dict):
        return {k: _unordered(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return sorted((_unordered(v) for v in value), key=repr)
    return value


def test_network_facts_are_the_same(remote, seed_out):
    from govkg.network.facts import load_facts

    remote.ensure(seed_out)
    local = load_facts(OxigraphEngine.from_files(data_files([seed_out])))
    there = load_facts(RemoteEngine(remote.endpoint))
    assert _unordered(vars(there)) == _unordered(vars(local))
