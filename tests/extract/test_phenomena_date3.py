"""Signing dates on real reports (issue 15, session 9): weekdays alone, dates counted back from
publication, a month or a year alone, other written forms, datelines. Each phenomenon is shown
by a text of our own."""

from __future__ import annotations

from datetime import date

import pytest

from govkg.extract import extract_text

from .drafts import notes

WEDNESDAY = date(2024, 7, 17)


def _event(text: str, published: date | None = None, lang: str | None = None) -> dict:
    return extract_text(text, published=published, lang=lang).record["events"][0]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Bupati Klaten dan Rektor UNS meneken MoU di Klaten, Kamis lalu.", "id", "2024-07-11"),
        ("Bupati Klaten dan Rektor UNS meneken MoU Kamis lalu di Klaten.", "id", "2024-07-11"),
        ("Bupati Klaten dan Rektor UNS meneken MoU, Senin kemarin.", "id", "2024-07-15"),
        ("Bupati Klaten, Senin, meneken MoU dengan Rektor UNS di Solo.", "id", "2024-07-15"),
        ("Bupati Klaten dan Rektor UNS meneken MoU Kamis pekan lalu.", "id", "2024-07-11"),
        ("The Regent of Klaten and UNS signed an MoU last Thursday in Solo.", "en", "2024-07-11"),
        ("The Regent of Klaten and UNS signed an MoU on Thursday last week.", "en", "2024-07-11"),
    ],
)
def test_a_weekday_alone_is_the_last_such_day_before_publication(text, lang, expected):
    event = _event(text, WEDNESDAY, lang)
    assert event["date"] == expected
    assert event["evidence"][0]["confidence"] < 0.7


def test_minggu_lalu_is_last_week_not_last_sunday():
    event = _event("Bupati Klaten dan Rektor UNS meneken MoU minggu lalu.", WEDNESDAY)
    assert event["date"] == "2024-07"


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Bupati Klaten dan Rektor UNS meneken MoU bulan lalu.", "id", "2024-06"),
        ("The Regent of Klaten and UNS signed an MoU last month.", "en", "2024-06"),
        ("Bupati Klaten dan Rektor UNS meneken MoU pada bulan Juli lalu.", "id", "2024-07"),
        ("Bupati Klaten dan Rektor UNS meneken MoU pada bulan Desember.", "id", "2023-12"),
    ],
)
def test_a_month_without_a_year_is_counted_from_publication(text, lang, expected):
    event = _event(text, WEDNESDAY, lang)
    assert event["date"] == expected
    assert any("only the month" in n for n in notes(event))


def test_a_year_alone_gives_the_year_only():
    event = _event("Bupati Klaten dan Rektor UNS meneken MoU pendidikan pada tahun 2023.")
    assert event["date"] == "2023"
    assert any("only the year" in n for n in notes(event))


def test_a_target_year_is_no_date():
    text = "Bupati Klaten dan Bank Jateng meneken PKS penempatan kas daerah untuk tahun 2026."
    assert "date" not in _event(text, WEDNESDAY)


def test_a_day_elsewhere_beats_a_year_alone():
    text = (
        "Bupati Klaten dan Rektor UNS meneken MoU pada tahun 2024.\n"
        "Acara digelar di Pendopo Klaten, Senin (15/7/2024), dihadiri para camat."
    )
    assert _event(text)["date"] == "2024-07-15"


@pytest.mark.parametrize(
    "when",
    ["on the 15th of July 2024", "on 15/07/2024", "on 15-07-2024", "on Monday, 15/7"],
)
def test_english_and_numeric_forms(when):
    text = f"The Regent of Klaten and the Rector of UNS signed an MoU {when} in Solo."
    assert _event(text, WEDNESDAY, "en")["date"] == "2024-07-15"


def test_a_number_with_slashes_is_no_date():
    text = "Bupati Klaten dan Rektor UNS meneken MoU Nomor 12/3/2024 tentang pendidikan."
    assert "date" not in _event(text)


def test_the_dateline_date_gives_way_to_the_day_of_the_signing():
    text = "KLATEN, 17 Juli 2024 – Bupati Klaten dan Rektor UNS meneken MoU, Senin (15/7)."
    assert _event(text)["date"] == "2024-07-15"


def test_a_dateline_with_a_weekday_dates_the_report():
    text = (
        "Klaten, Rabu (17/7/2024) - Bupati Klaten dan Rektor UNS telah meneken MoU pada "
        "Senin (15/7/2024) di Solo."
    )
    assert _event(text)["date"] == "2024-07-15"


def test_a_dateline_anchors_today():
    text = (
        "Solo, 16 July 2024 — The Regent of Klaten and UNS today signed an MoU on village health."
    )
    assert _event(text, WEDNESDAY, "en")["date"] == "2024-07-16"


def test_only_the_dateline_dates_the_report():
    text = "KLATEN, 17 Juli 2024 – Bupati Klaten dan Rektor UNS meneken MoU di Pendopo."
    event = _event(text)
    assert event["date"] == "2024-07-17"
    assert event["evidence"][0]["confidence"] < 0.9
    assert any("dateline" in n for n in notes(event))


def test_the_day_of_a_statement_is_kept_with_less_confidence():
    text = (
        "Pemkab Klaten dan Pemkab Sukoharjo meneken nota kesepakatan bidang kesehatan.\n"
        "“Penandatanganan nota kesepakatan itu mempercepat layanan rujukan,” kata Kepala Dinas "
        "Kesehatan Klaten, Selasa (16/7)."
    )
    event = _event(text, WEDNESDAY)
    assert event["date"] == "2024-07-16"
    assert event["evidence"][0]["confidence"] < 0.9
    assert any("day of a statement" in n for n in notes(event))


def test_two_kinds_signed_on_different_days_are_two_events():
    text = (
        "Gubernur Bali Wayan Sudana dan Kepala LAN Adi Suryanto meneken letter of intent pada "
        "3 Mei 2022 di Jakarta. Pada Senin, 15 Juli 2024, Pemprov Bali dan LAN meneken nota "
        "kesepahaman di Denpasar."
    )
    events = extract_text(text).record["events"]
    dated = {a["kind"]: e["date"] for e in events for a in e["agreements"]}
    assert dated == {"loi": "2022-05-03", "mou": "2024-07-15"}


def test_two_kinds_on_one_day_stay_one_event():
    text = "Kepala LAN Adi dan Kepala BPS Budi meneken MoU dan PKS pada Senin, 15 Juli 2024."
    events = extract_text(text).record["events"]
    assert len(events) == 1
