"""Signing dates on real reports (issue 15, session 10): a year-less date placed by the year
or month a report's address files it under, year spans as years of the report, a month
written as a word never swapped with the day, a year written one too early in January. Each
phenomenon is shown by a text of our own."""

from __future__ import annotations

from datetime import date

import pytest

from govkg.extract import extract_text

from .drafts import notes

SIGNING = "Rektor Universitas Sebelas Maret dan Bupati Klaten meneken MoU di Solo"


def _event(text: str, published: date | None = None) -> dict:
    return extract_text(text, published=published, lang="id").record["events"][0]


@pytest.mark.parametrize(
    ("url", "when", "expected"),
    [
        ("https://kampus.example/2022/77-kerja-sama-baru", "Senin (25/7)", "2022-07-25"),
        ("https://berita.example/2017/09/123/", "Senin (28/08)", "2017-08-28"),
        ("https://berita.example/2021/01/55/", "Rabu (30/12)", "2020-12-30"),
    ],
)
def test_address_year_places_a_yearless_date(url, when, expected):
    event = _event(f"{url}\n{SIGNING}, {when}.")
    assert event["date"] == expected


def test_address_year_where_the_weekday_does_not_fit_gives_no_day():
    # 22 February 2023 and 2022 are no Thursday: the address's year is not the signing's
    event = _event(f"https://kampus.example/2023/?p=9\n{SIGNING}, Kamis (22/2).")
    assert "date" not in event


def test_year_span_counts_as_years_of_the_report():
    text = (
        f"https://berita.example/?p=12\n{SIGNING}, Senin (14/07). "
        "Kerja sama itu mendukung RPJMD 2025-2029 kedua daerah."
    )
    event = _event(text)
    assert event["date"] == "2025-07-14"
    assert any("2025" in n for n in notes(event))


def test_month_in_words_is_never_swapped_with_the_day():
    # 3 January 2023 was a Tuesday; 1 March 2023 (day and month swapped) a Wednesday
    event = _event(f"{SIGNING}, Rabu 3 Januari 2023.")
    assert event["date"] == "2023-01-03"


def test_year_written_one_too_early_in_january():
    event = _event(f"{SIGNING}, Rabu 3 Januari 2023.", published=date(2024, 1, 3))
    assert event["date"] == "2024-01-03"
    assert any("slip" in n for n in notes(event))


def test_year_before_publication_that_fits_is_kept():
    event = _event(f"{SIGNING}, Selasa 3 Januari 2023.", published=date(2024, 1, 3))
    assert event["date"] == "2023-01-03"


def test_address_year_is_noted():
    event = _event(f"https://kampus.example/2022/77-kerja-sama\n{SIGNING}, Senin (25/7).")
    assert any("address" in n for n in notes(event))


def test_weekday_alone_without_publication_gives_the_year_of_the_occasion():
    text = (
        "Gubernur Jambi dan Rektor Universitas Jambi meneken MoU di sela Pekan Raya Jambi 2019, "
        "Kamis.\nKerja sama itu mencakup riset pangan."
    )
    event = _event(text)
    assert event["date"] == "2019"
    assert any("only the year" in n for n in notes(event))


def test_weekday_alone_without_any_year_gives_no_date():
    text = "Gubernur Jambi dan Rektor Universitas Jambi meneken MoU di sela Pekan Raya, Kamis."
    assert "date" not in _event(text)


def test_weekday_alone_with_address_year_gives_that_year():
    event = _event(f"https://kampus.example/2021/88-mou\n{SIGNING}, pada Jumat.")
    assert event["date"] == "2021"


@pytest.mark.parametrize("when", ["Selama sepekan ini, {s}", "Pekan ini {s}", "{s} this week"])
def test_this_week_gives_the_month_of_publication(when):
    event = _event(when.format(s=SIGNING) + ".", published=date(2024, 7, 17))
    assert event["date"] == "2024-07"


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        ("pada Senin 15/7/2024", "2024-07-15"),  # figures after a weekday, no comma
        ("Senin 15-7-2024", "2024-07-15"),
        ("pada 12 Febuari 2024", "2024-02-12"),  # misspelt and short month names
        ("pada 12 Agust 2023", "2023-08-12"),
        ("pada 12 Nop 2023", "2023-11-12"),
        ("Senen (15/7)", "2024-07-15"),  # the Javanese spelling of Senin
        ("Senin pekan ini", "2024-07-15"),  # a weekday of the week of publication
        ("dua hari lalu", "2024-07-15"),  # days counted back
        ("kemarin lusa", "2024-07-15"),
    ],
)
def test_more_written_forms(when, expected):
    event = _event(f"{SIGNING}, {when}.", published=date(2024, 7, 17))
    assert event["date"] == expected


def test_weekday_alone_is_noted():
    event = _event(f"{SIGNING} pada Senin.", published=date(2024, 7, 17))
    assert event["date"] == "2024-07-15"
    assert any("last such day" in n for n in notes(event))


@pytest.mark.parametrize(
    "text",
    [
        f"{SIGNING} yang berlaku hingga 31 Desember 2026, Senin (15/7).",
        f"{SIGNING} yang berlaku sampai 31 Desember 2026. Penandatanganan digelar Senin (15/7).",
        f"Pendaftaran ditutup paling lambat tanggal 30 Juni 2024. {SIGNING} pada Senin (15/7).",
        "The regent and the rector signed a memorandum of understanding, valid until "
        "December 31, 2026, in Solo on Monday, July 15.",
    ],
)
def test_a_date_bounding_a_period_is_not_the_signing_date(text):
    assert _event(text, published=date(2024, 7, 17))["date"] == "2024-07-15"


def test_a_date_after_publication_gives_way_to_the_signing_day():
    text = f"{SIGNING} yang akan dijalankan 1 Agustus 2024. Penandatanganan dilakukan Senin (15/7)."
    assert _event(text, published=date(2024, 7, 17))["date"] == "2024-07-15"


def test_a_validity_start_alone_leaves_the_report_undated():
    text = f"{SIGNING} di Solo. Kerja sama ini berlaku terhitung sejak 1 Agustus 2024."
    assert "date" not in _event(text, published=date(2024, 7, 17))


@pytest.mark.parametrize("when", ["pada awal bulan ini", "bulan ini"])
def test_this_month_gives_the_month_of_publication(when):
    assert _event(f"{SIGNING} {when}.", published=date(2024, 7, 17))["date"] == "2024-07"


def test_the_date_after_the_signing_word_comes_before_an_earlier_meetings():
    text = f"Usai rapat pada Kamis (11/7), {SIGNING}, Senin (15/7)."
    assert _event(text, published=date(2024, 7, 17))["date"] == "2024-07-15"


def test_a_target_date_after_by_is_not_the_signing_date():
    text = (
        "In May 2023 the Klaten regent and the rector of Sebelas Maret University signed a "
        "letter of intent to sign a full agreement by September 2024."
    )
    assert _event(text, published=date(2024, 7, 17))["date"] == "2023-05"
