"""The bundled corpus holds facts in our own words: short free text, no run copied from a report."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from govkg.resources import corpus_records_dir

from .copycheck import copied, too_long

TEXTS = Path(__file__).parents[2] / "corpus-texts"
RECORDS = sorted(corpus_records_dir().glob("*.yaml"))


def test_the_checks_catch_a_copied_or_long_scope() -> None:
    report = (
        "Pemerintah kota dan universitas itu sepakat bekerja sama dalam penelitian air bersih "
        "untuk warga pesisir selama lima tahun ke depan."
    )
    record = {
        "events": [
            {
                "agreements": [
                    {
                        "scope": "sepakat bekerja sama dalam penelitian air bersih untuk warga "
                        "pesisir selama lima tahun",
                        "notes": ["x" * 301],
                    }
                ]
            }
        ]
    }
    assert copied(record, report) == [
        "events[0].agreements[0].scope: 'sepakat bekerja sama dalam penelitian air bersih "
        "untuk warga pesisir'"
    ]
    assert too_long(record) == ["events[0].agreements[0].notes[0]: 301 characters (limit 300)"]


@pytest.mark.parametrize("path", RECORDS, ids=[p.stem for p in RECORDS])
def test_free_text_is_short(path: Path) -> None:
    assert too_long(yaml.safe_load(path.read_text(encoding="utf-8"))) == []


@pytest.mark.parametrize("path", RECORDS, ids=[p.stem for p in RECORDS])
def test_no_sentence_of_the_report_is_copied(path: Path) -> None:
    text = TEXTS / f"{path.stem}.txt"
    if not text.is_file():
        pytest.skip(f"the report's text is not on this machine ({text}); see the corpus README")
    assert copied(yaml.safe_load(path.read_text(encoding="utf-8")), text.read_text()) == []
