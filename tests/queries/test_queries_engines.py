"""Every canned query gives the same rows on Oxigraph and on rdflib's engine (the reference)."""

from __future__ import annotations

import pytest

from govkg.canned import canned_queries
from govkg.engines import OxigraphEngine, RdflibEngine, data_files
from govkg.query import run_on


def canonical(rows) -> list[tuple[str, ...]]:
    return sorted(tuple("" if t is None else t.n3() for t in row) for row in rows)


def parameter_sets(engine) -> list[dict[str, str]]:
    """No parameters, then the busiest body (and a field) for the queries that take them."""
    hub = run_on(engine, canned_queries()["hubs"], {}).rows[0][0]
    field = run_on(engine, canned_queries()["fields"], {}).rows[0][0]
    return [{}, {"agency": str(hub)}, {"agency": str(hub), "field": str(field)}]


@pytest.mark.parametrize("data", ["seed", "synthetic"])
def test_engines_agree_on_every_canned_query(data, seed_out, synthetic_out):
    folder = seed_out if data == "seed" else synthetic_out
    oxigraph = OxigraphEngine.from_files(data_files([folder]))
    reference = RdflibEngine.from_files(data_files([folder]))
    checked = 0
    for query in canned_queries().values():
        names = {p.name for p in query.params}
        required = {p.name for p in query.params if p.required}
        for params in parameter_sets(oxigraph):
            given = {k: v for k, v in params.items() if k in names}
            if not required <= set(given):
                continue
            fast = run_on(oxigraph, query, given)
            slow = run_on(reference, query, given)
            assert fast.columns == slow.columns, query.name
            assert canonical(fast.rows) == canonical(slow.rows), (query.name, given)
            checked += 1
    assert checked >= 20
