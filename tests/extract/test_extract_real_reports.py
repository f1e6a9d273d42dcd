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
from govkg.shacl.shapes import violations


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


# ── datelines and places are not parties ─────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("line", "city"),
    [
        ("Warta.com, PALU—Pemprov Sulteng dan BPKP meneken MoU, Senin (2/6/2025).", "Palu"),
        (
            "Suara Kita | Denpasar – Pemprov Sulteng dan BPKP meneken MoU, Senin (2/6/2025).",
            "Denpasar",
        ),
        ("Palu – Pemprov Sulteng dan BPKP meneken MoU, Senin (2/6/2025).", "Palu"),
        ("kabarkita.id, Palu Pemprov Sulteng dan BPKP meneken MoU, Senin (2/6/2025).", "Palu"),
    ],
)
def test_a_dateline_city_is_the_city_not_a_party(line, city):
    record = extract_text(line).record
    (agreement,) = _agreements(record)
    assert agreement["parties"] == ["Pemerintah Provinsi Sulawesi Tengah", "BPKP"]
    assert record["events"][0]["city"] == city


# ── bodies the gazetteer lacks ───────────────────────────────────────────────────────────────


def test_a_university_named_with_its_city_is_the_university():
    text = "Universitas Tadulako Palu dan Pemkab Sigi meneken MoU, Selasa (3/6/2025)."
    record = extract_text(text).record
    assert _agreements(record)[0]["parties"][0] == "Universitas Tadulako"
    (declared,) = record["organizations"]
    assert declared["aliases"] == ["Universitas Tadulako Palu"]


def test_a_city_after_the_acronym_of_a_university_is_dropped():
    text = "Universitas Halu Oleo (UHO) Kendari dan Pemkab Muna meneken MoU, Selasa (3/6/2025)."
    record = extract_text(text).record
    assert _agreements(record)[0]["parties"][0] == "Universitas Halu Oleo"


def test_a_prosecutors_office_written_with_its_acronym_inside_and_its_head_by_short_post():
    text = (
        "Pemkab Kendal dan Kejaksaan Negeri (Kejari) Kendal meneken MoU, Senin (3/3/2025). "
        "Naskah diteken Bupati Kendal Ani Lestari dan Kajari Kendal, Bagus Wirawan."
    )
    (agreement,) = _agreements(extract_text(text).record)
    assert agreement["parties"] == ["Pemerintah Kabupaten Kendal", "Kejari Kendal"]  # its acronym
    signed = {(s["name"], s["party"]) for s in agreement["signatories"]}
    assert ("Bagus Wirawan", "Kejari Kendal") in signed


def test_a_region_after_a_post_and_before_a_comma_is_no_persons_name():
    text = (
        "Pemkab Kendal dan BPKP meneken MoU, Senin (3/3/2025), disaksikan Sekda Kendal, "
        "Rudi Hartono."
    )
    record = extract_text(text).record
    names = [s["name"] for a in _agreements(record) for s in a.get("signatories", ())]
    assert "Kendal" not in names and "Rudi Hartono" not in names


@pytest.mark.parametrize("cue", ["penandataganan", "tandatangani", "ditandangani"])
def test_misspelt_signing_words_still_report_a_signing(cue):
    text = f"Naskah MoU {cue} Kepala LAN Adi Suryanto dan Kepala BPS Retno Wulan, Senin (3/3/2025)."
    (agreement,) = _agreements(extract_text(text).record)
    assert {s["name"] for s in agreement["signatories"]} == {"Adi Suryanto", "Retno Wulan"}


# ── names with many titles; dates outside the signing sentences ──────────────────────────────


def test_titles_and_degrees_written_without_full_stops_are_honorifics():
    text = (
        "Naskah MoU diteken Kepala LAN Prof Dr H Adi Suryanto MSi dan Kepala BPS "
        "Drs Retno Wulan SH, Senin (3/3/2025)."
    )
    (agreement,) = _agreements(extract_text(text).record)
    found = {s["name"]: s.get("honorifics") for s in agreement["signatories"]}
    assert found == {"Adi Suryanto": ["Prof", "Dr", "H", "MSi"], "Retno Wulan": ["Drs", "SH"]}


def test_words_of_a_headline_are_no_name():
    text = "Kapolda Teken MoU Dengan Bawaslu Soal Pengamanan, Senin (3/3/2025)."
    record = extract_text(text).record
    names = [s["name"] for a in _agreements(record) for s in a.get("signatories", ())]
    assert not any("MoU" in n or "Teken" in n for n in names)


def test_a_date_only_in_a_page_header_is_the_publication_date_not_the_signing_date():
    text = (
        "LAN dan BPS Bekerja Sama\n"
        "Kamis, 6 Maret 2025 10:15 WIB\n"
        "Kepala LAN Adi Suryanto dan Kepala BPS Retno Wulan meneken nota kesepahaman."
    )
    record = extract_text(text).record
    assert "date" not in record["events"][0]
    assert record["source"]["published"] == "2025-03-06"
    assert any("published on 2025-03-06" in n for n in _agreements(record)[0]["notes"])
