"""Regional governments as reports write them (issue #15): joined or split spellings, local
abbreviations, English names with the compass word first — each with a text of our own."""

from __future__ import annotations

from datetime import date

from govkg.extract import extract_text


def parties(text: str, lang: str | None = None) -> set[str]:
    record = extract_text(text, published=date(2023, 5, 20), lang=lang).record
    return {
        party
        for event in record["events"]
        for agreement in event["agreements"]
        for party in agreement.get("parties", ())
    }


def keys(text: str, lang: str | None = None) -> set[str]:
    from govkg.gazetteer import Gazetteer

    gaz = Gazetteer.bundled()
    found = set()
    for name in parties(text, lang):
        matches = gaz.matches(name)
        found.add(matches[0].key if len(matches) == 1 else name)
    return found


def test_a_regency_written_joined():
    found = keys(
        "Universitas Lampung dan Pemerintah Kabupaten Tulangbawang Barat menandatangani nota "
        "kesepahaman di bidang pertanian, Senin (15/5/2023). Bupati Tulangbawang Barat, Ahmad "
        "Santoso, hadir bersama Rektor Unila."
    )
    assert "kabupaten-18-12" in found


def test_a_regency_written_apart():
    found = keys(
        "Pemerintah Kabupaten Batang Hari dan Universitas Jambi meneken MoU penelitian, Senin "
        "(15/5/2023), di kantor bupati."
    )
    assert "kabupaten-15-04" in found
    assert "kabupaten-33-25" not in found  # Kabupaten Batang, in Central Java


def test_a_regency_by_its_local_abbreviation():
    found = keys(
        "Pemkot Kendari dan Pemkab Konsel meneken kesepakatan bersama di bidang pertanian, "
        "Senin (15/5/2023)."
    )
    assert {"kota-74-71", "kabupaten-74-05"} <= found


def test_a_province_by_its_abbreviation():
    found = keys(
        "Pemprov Kalbar dan Bank Indonesia menandatangani nota kesepahaman pengendalian "
        "inflasi, Senin (15/5/2023)."
    )
    assert "provinsi-61" in found


def test_an_english_regency_with_the_compass_word_first():
    found = keys(
        "Universitas Gadjah Mada signed a memorandum of understanding with the South Buton "
        "Regency Government on Monday, May 15, 2023, in Yogyakarta.",
        lang="en",
    )
    assert "kabupaten-74-15" in found


def test_the_english_regency_of_a_split_name():
    found = keys(
        "Universitas Terbuka and the Regency of Batang Hari signed a memorandum of "
        "understanding on Monday, May 15, 2023.",
        lang="en",
    )
    assert "kabupaten-15-04" in found
