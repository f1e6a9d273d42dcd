"""Loading the CSV form: grouping rows into events and agreements, and its own errors."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from govkg.errors import RecordError, RecordErrors
from govkg.records.csv_source import COLUMNS
from govkg.records.load import load_file, load_text

ROOT = Path(__file__).resolve().parents[2]
VALID = ROOT / "tests" / "data" / "records" / "valid"
INVALID = ROOT / "tests" / "data" / "records" / "invalid"

EXPECTED = {
    "agreement-rows-disagree.csv": ("parties", 3),
    "missing-party.csv": ("events[0].agreements[0].parties", 2),
    "ragged-row.csv": ("(row)", 2),
    "two-sources.csv": ("source_id", 3),
    "unknown-column.csv": ("(header)", 1),
}

SOURCE = {
    "source_id": "demo",
    "source_kind": "news",
    "source_language": "id",
    "source_published": "2019-03-01",
}


def csv_text(*rows: dict[str, str], columns=COLUMNS) -> str:
    """A CSV file with ``columns`` as its header and one line per row (cells default to '')."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), restval="", lineterminator="\n")
    writer.writeheader()
    writer.writerows({**SOURCE, **row} for row in rows)
    return out.getvalue()


def errors_of(text: str) -> list[RecordError]:
    with pytest.raises((RecordError, RecordErrors)) as info:
        load_text(text, fmt="csv", name="t.csv")
    exc = info.value
    return list(exc.errors) if isinstance(exc, RecordErrors) else [exc]


def row(date="2019-02-01", parties="LAN; LIPI", **cells) -> dict[str, str]:
    return {"event_date": date, "agreement_kind": "mou", "parties": parties, **cells}


def test_every_invalid_csv_fixture_has_an_expectation():
    assert sorted(path.name for path in INVALID.glob("*.csv")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_invalid_csv_fixture_fails_on_its_field_and_line(name):
    with pytest.raises((RecordError, RecordErrors)) as info:
        load_file(INVALID / name)
    errors = getattr(info.value, "errors", [info.value])
    assert EXPECTED[name] in [(e.field, e.line) for e in errors], [str(e) for e in errors]
    assert all(e.fix for e in errors)


def test_rows_group_into_events_and_agreements():
    text = csv_text(
        row(agreement_id="a", signatory_name="X", signatory_post="Kepala", signatory_party="LAN"),
        row(date="2019-02-02"),
        row(agreement_id="a", signatory_name="Y", signatory_post="Kepala", signatory_party="LIPI"),
        row(),
        row(agreement_kind="pks"),
    )
    record = load_text(text, fmt="csv", name="t.csv")
    first, second = record.events
    assert [a.id for a in first.agreements] == ["a", None, None]
    assert [s.name for s in first.agreements[0].signatories] == ["X", "Y"]
    assert [a.kind for a in first.agreements[1:]] == ["mou", "pks"]
    assert [s.where.line for s in first.agreements[0].signatories] == [2, 4]
    assert second.date.isoformat() == "2019-02-02" and second.where.line == 3


def test_contributors_and_lists_are_split():
    text = csv_text(
        row(
            source_contributors="Jane Doe (reporter); John Roe; Ana (Ani) (editor)",
            fields="pelatihan;; penelitian ;",
        )
    )
    record = load_text(text, fmt="csv", name="t.csv")
    assert [(c.name, c.role) for c in record.source.contributors] == [
        ("Jane Doe", "reporter"),
        ("John Roe", "author"),
        ("Ana (Ani)", "editor"),
    ]
    assert record.events[0].agreements[0].fields == ("pelatihan", "penelitian")


def test_cell_errors_name_the_column_and_row():
    errors = errors_of(csv_text(row(), row(date="2019-02-31")))
    assert [(e.field, e.line) for e in errors] == [("events[1].date", 3)]
    assert "column 'event_date'" in str(errors[0])


def test_agreement_spanning_two_events_is_refused():
    errors = errors_of(csv_text(row(agreement_id="a"), row(date="2019-02-02", agreement_id="a")))
    assert [(e.field, e.line) for e in errors] == [("event_date", 3)]
    assert "line 2" in errors[0].message


def test_multiline_cells_count_lines_from_the_row_start():
    text = csv_text(row(scope="one\ntwo\nthree"), row(parties="LAN"))
    assert [(e.field, e.line) for e in errors_of(text)] == [("events[0].agreements[1].parties", 5)]


def test_header_problems_list_the_columns():
    missing = errors_of(csv_text(row(), columns=[c for c in COLUMNS if c != "scope"]))
    assert "missing column(s) scope" in missing[0].message
    twice = errors_of(csv_text(row(), columns=[*COLUMNS, "scope"]))
    assert "given twice" in twice[0].message
    assert errors_of("")[0].field == "(header)"
    assert "no data rows" in errors_of(csv_text())[0].message


def test_blank_lines_are_skipped():
    text = csv_text(row()).replace("\n", "\n\n", 1)
    assert load_text(text, fmt="csv", name="t.csv").events[0].where.line == 3


def test_csv_accepts_partial_and_missing_dates():
    text = (VALID / "lan-lipi-2019.csv").read_text(encoding="utf-8")
    text = text.replace(",2019-02-01,id,", ",2019-02,id,").replace(',2019-02-01,"Ruang', ',,"Ruang')
    record = load_text(text, fmt="csv", name="partial.csv")
    assert str(record.source.published) == "2019-02"
    assert [event.date for event in record.events] == [None]
