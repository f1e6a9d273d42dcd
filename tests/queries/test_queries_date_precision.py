"""Canned queries on agreements dated to the day, the month, the year, or not at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from govkg.build import build
from govkg.query import run_query

VALID = Path(__file__).resolve().parents[1] / "data" / "records" / "valid"
ENGINES = ["oxigraph", "rdflib"]
UNDATED = "https://w3id.org/govkg/id/agreement/undated-kesepakatan-bersama-kabupaten-35-01-lipi"


@pytest.fixture(scope="module")
def dated_out(tmp_path_factory) -> Path:
    """One agreement dated to the month, one to the year, one undated; and a day-dated one."""
    out = tmp_path_factory.mktemp("precision") / "out"
    build(
        [VALID / "partial-and-missing-dates.yaml", VALID / "witnesses-and-on-behalf-of.yaml"], out
    )
    return out


def rows(result, *names: str) -> list[tuple]:
    index = [result.columns.index(name) for name in names]
    return [tuple(None if row[i] is None else str(row[i]) for i in index) for row in result.rows]


@pytest.mark.parametrize("engine", ENGINES)
def test_timeline_counts_each_agreement_in_its_year_and_keeps_the_undated(dated_out, engine):
    result = run_query("timeline", {}, [dated_out], engine)
    assert sorted(rows(result, "year", "agreements"), key=str) == [
        ("2021", "1"),
        ("2022", "2"),
        (None, "1"),
    ]


@pytest.mark.parametrize("engine", ENGINES)
def test_agreements_lists_the_undated_agreement_with_an_empty_date(dated_out, engine):
    result = run_query("agreements", {}, [dated_out], engine)
    dates = dict(rows(result, "agreement", "signedOn"))
    assert dates[UNDATED] is None
    assert sorted(d for d in dates.values() if d) == ["2021", "2022-07", "2022-07-18"]


@pytest.mark.parametrize("engine", ENGINES)
def test_partners_count_undated_agreements_and_give_dates_as_written(dated_out, engine):
    result = run_query("partners", {"agency": "Pemkab Pacitan"}, [dated_out], engine)
    found = sorted(rows(result, "label", "agreements", "first", "last"), key=str)
    assert found == [
        ("Badan Pengawas Obat dan Makanan", "1", "2021", "2021"),
        ("Lembaga Administrasi Negara", "1", "2022-07", "2022-07"),
        ("Lembaga Ilmu Pengetahuan Indonesia", "1", None, None),
    ]
