"""Signing dates on real reports (issue 15): each phenomenon shown by a text of our own."""

from __future__ import annotations

from datetime import date

from govkg.extract import extract_text

from .drafts import notes


def _event(text: str, published: date | None = None) -> dict:
    return extract_text(text, published=published).record["events"][0]


def test_a_machine_date_in_the_page_is_no_signing_date():
    text = (
        "https://warta.example/berita/123\n"
        " date 2023-05-12 Kepala LAN Adi dan Kepala BPS Retno meneken MoU, kata juru bicara "
        "pada Kamis."
    )
    event = _event(text)
    assert event["date"] == "2023-05-11"  # the Thursday before the page's date


def test_a_dated_header_line_gives_the_publication_day_not_the_signing_day():
    text = (
        "Bupati Sleman dan Rektor UGM Teken Kesepakatan\n"
        "Senin, 4 Maret 2024 09:30 WIB\n"
        "Bupati Sleman Kustini dan Rektor UGM Ova Emilia menandatangani nota kesepahaman."
    )
    record = extract_text(text).record
    assert "date" not in record["events"][0]
    assert record["source"]["published"] == "2024-03-04"


def test_a_link_to_another_report_gives_no_date():
    text = (
        "Gubernur Jambi dan Kepala BPKP meneken MoU pengawasan keuangan daerah.\n"
        "Baca juga: Banjir rendam tiga desa, 9 Januari 2023"
    )
    event = _event(text)
    assert "date" not in event
    assert any("no date of signing" in n for n in notes(event))


def test_a_share_line_with_a_date_gives_no_signing_date():
    text = (
        "Bupati Siak dan Kepala Kejari Siak meneken PKS bantuan hukum.\n"
        "Pada 2 Oktober 2022 Bagikan ke :\n"
    )
    assert "date" not in _event(text)


def test_a_date_in_the_dateline_is_the_reports_not_the_signings():
    text = (
        "Palu (12/6/2022): Gubernur Sulawesi Tengah dan Gubernur Gorontalo meneken MoU.\n"
        "Kesepakatan itu diteken di Gorontalo, kata juru bicara, Sabtu (11/6/2022)."
    )
    assert _event(text)["date"] == "2022-06-11"


def test_without_any_date_the_record_has_none_and_names_the_publication_date():
    event = _event("Wali Kota Solo dan Kepala BPS meneken nota kesepahaman data.", date(2021, 4, 9))
    assert "date" not in event
    assert any("published on 2021-04-09" in n for n in notes(event))


def test_an_english_ordinal_day():
    text = (
        "The Governor of Bali and the Rector of Udayana University signed an MoU on 3rd May 2024."
    )
    assert _event(text)["date"] == "2024-05-03"


def test_an_american_month_first_date():
    text = (
        "The Mayor of Surabaya and the Head of BPS signed a memorandum of understanding on "
        "Friday (3/15)."
    )
    assert _event(text, date(2024, 3, 25))["date"] == "2024-03-15"


def test_day_and_month_swapped_when_only_then_the_weekday_fits():
    text = (
        "The Governor of Papua and the Governor of West Papua signed an MoU on Saturday "
        "(11/09/2019)."
    )
    event = _event(text)
    assert event["date"] == "2019-11-09"  # 9 November 2019 was a Saturday, 11 September not
    assert any("other way round" in n for n in notes(event))


def test_a_bare_weekday_closing_the_sentence():
    text = "Menteri Desa dan Menteri Pariwisata meneken nota kesepahaman di Jakarta, Selasa."
    assert _event(text, date(2022, 8, 18))["date"] == "2022-08-16"


def test_without_publication_date_the_year_comes_from_the_reports_years():
    text = (
        "Kapolda Jambi dan Gubernur Jambi meneken MoU di rumah dinas, Senin (13/3) pagi.\n"
        "Kerja sama itu menyiapkan penerimaan anggota tahun 2024 mendatang."
    )
    event = _event(text)
    assert event["date"] == "2023-03-13"  # the only year near 2024 with 13 March a Monday
    assert any("no year" in n for n in notes(event))


def test_no_year_is_guessed_when_several_fit():
    text = (
        "Bupati Bantul dan Rektor UNY meneken MoU, Senin (13/3). "
        "Program serupa ada pada 2017 dan 2023."
    )
    assert "date" not in _event(text)


def test_the_day_of_a_statement_gives_way_to_the_day_of_the_signing():
    text = (
        "“Nota itu sudah diteken kedua gubernur,” kata juru bicara Pemprov Jambi dalam "
        "keterangan resmi, Rabu (7/6/2023).\n"
        "Gubernur Jambi dan Gubernur Riau meneken MoU tersebut pada Senin malam (5/6/2023)."
    )
    assert _event(text)["date"] == "2023-06-05"
