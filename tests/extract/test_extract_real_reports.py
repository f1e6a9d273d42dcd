"""Phenomena of real reports (issue 15), each shown by a text written for the test.

Never an empty hand: a report that tells of a signing gives a record that builds, with notes
for what is missing; dates to the precision the report allows.
"""

from __future__ import annotations

from datetime import date

import pytest
import yaml

from govkg.build import assemble
from govkg.extract import ExtractError, extract_text
from govkg.shapes import violations


def _builds(tmp_path, result) -> dict:
    path = tmp_path / "r.yaml"
    path.write_text(result.yaml(), encoding="utf-8")
    assert not violations(assemble([path]).findings)
    return yaml.safe_load(result.yaml())


def _agreements(record: dict) -> list[dict]:
    return [a for e in record["events"] for a in e["agreements"]]


def test_one_party_named_gives_a_record_with_the_other_to_name(tmp_path):
    text = "Kemarin sore dokumen kerja sama itu akhirnya diteken oleh BPKP di kantornya."
    record = _builds(tmp_path, extract_text(text, published=date(2024, 5, 2)))
    (agreement,) = _agreements(record)
    assert "BPKP" in agreement["parties"] and len(agreement["parties"]) == 2
    assert any("fewer than two parties" in n for n in agreement["notes"])
    assert agreement["evidence"][0]["confidence"] < 0.5


def test_parties_named_outside_the_signing_sentence_are_taken_with_a_note(tmp_path):
    text = (
        "Pemprov Bali dan Kejati Bali sepakat bekerja sama soal bantuan hukum. "
        "Naskahnya diteken di ruang rapat pada Senin (3/6/2024)."
    )
    record = _builds(tmp_path, extract_text(text))
    (agreement,) = _agreements(record)
    assert agreement["parties"][0] == "Pemerintah Provinsi Bali"
    assert record["events"][0]["date"] == "2024-06-03"


def test_a_text_without_any_signing_is_refused():
    with pytest.raises(ExtractError, match="no signing"):
        extract_text("Hujan deras mengguyur kota sejak pagi; jalan utama tergenang air.")


def test_a_signing_dated_to_the_month_only_keeps_the_month(tmp_path):
    text = "Bupati Serang Ratu dan Kepala LAN Adi meneken MoU pada Oktober 2022 di Serang."
    record = _builds(tmp_path, extract_text(text))
    assert record["events"][0]["date"] == "2022-10"


def test_last_week_gives_the_month_before_publication_with_a_note(tmp_path):
    text = "Bupati Serang Ratu dan Kepala LAN Adi meneken MoU pekan lalu."
    record = _builds(tmp_path, extract_text(text, published=date(2023, 3, 4)))
    assert record["events"][0]["date"] == "2023-02"
    assert any("pekan lalu" in n for n in _agreements(record)[0]["notes"])


def test_no_date_and_no_publication_date_gives_an_undated_record(tmp_path):
    text = "Bupati Serang Ratu dan Kepala LAN Adi meneken MoU di Pendopo, Kamis (14/3)."
    record = _builds(tmp_path, extract_text(text))
    assert "date" not in record["events"][0]
    assert any("no date of signing" in n for n in _agreements(record)[0]["notes"])


def test_the_address_of_the_report_gives_the_year():
    text = (
        "https://berita.example/2021/09/02/mou-lan/\n"
        "Bupati Serang Ratu dan Kepala LAN Adi meneken MoU, Kamis (2/9)."
    )
    record = extract_text(text).record
    assert record["events"][0]["date"] == "2021-09-02"
    assert record["source"]["published"] == "2021-09-02"
