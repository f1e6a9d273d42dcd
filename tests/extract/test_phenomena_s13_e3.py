"""Signing dates (issue 15, session 13, helper e3): how reports say when a signing happened,
or that it has not happened yet, and how sure the date is. Each phenomenon is shown by a
text of our own words."""

from __future__ import annotations

from datetime import date

import pytest

from govkg.extract import extract_text

from .drafts import notes

PUBLISHED = date(2024, 8, 7)  # a Wednesday
SIGNING_ID = "Bupati Klaten Budi Santoso dan Rektor Universitas Sebelas Maret Rina Wati meneken MoU"
SIGNING_EN = "Klaten Regent Budi Santoso and Sebelas Maret University Rector Rina Wati signed a MoU"


def _event(text: str, lang: str = "id") -> dict:
    return extract_text(text, published=PUBLISHED, lang=lang).record["events"][0]


def _sure(event: dict) -> float | None:
    evidence = event.get("evidence") or [{}]
    return evidence[0].get("confidence")


@pytest.mark.parametrize(
    ("when", "lang"),
    [("di Solo tadi pagi.", "id"), ("di Solo tadi siang.", "id"), ("in Solo this morning.", "en")],
)
def test_a_part_of_the_day_of_publication_is_that_day(when, lang):
    signing = SIGNING_ID if lang == "id" else SIGNING_EN
    event = _event(f"{signing} {when}", lang)
    assert event["date"] == "2024-08-07"
    assert _sure(event) < 0.9


@pytest.mark.parametrize("when", ["earlier this month", "earlier this week"])
def test_earlier_this_month_dates_this_signing_and_keeps_its_parties(when):
    event = _event(f"{SIGNING_EN} in Solo {when}.", "en")
    assert event["date"] == "2024-08"
    parties = [p for a in event["agreements"] for p in a["parties"]]
    assert "Pemerintah Kabupaten Klaten" in parties


def test_a_signing_still_to_come_gets_no_sure_date():
    text = (
        "Pemkab Klaten dan Universitas Sebelas Maret dijadwalkan meneken nota kesepahaman "
        "pada Jumat (9/8)."
    )
    event = _event(text)
    assert event["date"] == "2024-08-07"  # never a day a year back read the other way round
    assert _sure(event) <= 0.5
    assert any("after its publication" in n for n in notes(event))


def test_a_full_date_after_publication_is_not_sure_either():
    event = _event(f"{SIGNING_EN} in Solo on Friday, August 9, 2024.", "en")
    assert _sure(event) <= 0.5


def test_a_sentence_looking_back_does_not_date_the_signing():
    text = f"{SIGNING_ID} di Solo. Sebelumnya, pada 1 Juli 2024, keduanya bertemu di Jakarta."
    assert _event(text).get("date") is None


def test_a_date_of_another_sentence_still_dates_a_signing_dated_nowhere_else():
    text = f"{SIGNING_ID} di Solo. Acara itu digelar pada 1 Juli 2024 di Jakarta."
    assert _event(text)["date"] == "2024-07-01"


@pytest.mark.parametrize(
    ("opening", "lang"),
    [("SOLO, 6 Agustus 2024 (ANTARA) -", "id"), ("SOLO, 6 August 2024 (Reuters) -", "en")],
)
def test_a_dateline_date_before_a_news_agency_dates_the_report_not_the_signing(opening, lang):
    signing, yesterday = (SIGNING_ID, "kemarin") if lang == "id" else (SIGNING_EN, "yesterday")
    record = extract_text(f"{opening} {signing} in Solo {yesterday}.", lang=lang).record
    assert record["events"][0]["date"] == "2024-08-05"


@pytest.mark.parametrize(
    "opening", ["Jakarta, Senin (5/8/2024) -", "Jakarta, Senin (5/8/2024) (ANTARA) -"]
)
def test_a_dateline_with_a_weekday_names_no_party_and_still_dates_the_report(opening):
    event = _event(f"{opening} {SIGNING_ID} di Solo.")
    parties = [p for a in event["agreements"] for p in a["parties"]]
    assert not any("Jakarta" in p for p in parties)
    assert event["date"] == "2024-08-05"
    assert _sure(event) < 0.9


@pytest.mark.parametrize(
    ("when", "published", "month"),
    [
        ("tiga pekan lalu", date(2024, 8, 21), "2024-07"),  # not the week before, in August
        ("pekan lalu", date(2024, 8, 21), "2024-08"),
    ],
)
def test_weeks_counted_back_give_the_month_of_that_week(when, published, month):
    record = extract_text(f"{SIGNING_ID} di Solo {when}.", published=published).record
    assert record["events"][0]["date"] == month


def test_a_week_across_two_months_gives_its_month_with_little_confidence():
    event = _event(f"{SIGNING_ID} di Solo pekan lalu.")  # 29 July to 4 August
    assert event["date"] == "2024-07"
    assert _sure(event) < 0.5


def test_a_month_of_this_year_without_its_year():
    assert _event(f"{SIGNING_ID} di Solo pada Agustus ini.")["date"] == "2024-08"


def test_earlier_in_the_day_is_the_day_of_publication():
    event = _event(f"{SIGNING_EN} in Solo earlier in the day.", "en")
    assert event["date"] == "2024-08-07"
    assert any("Klaten" in p for a in event["agreements"] for p in a["parties"])


def test_a_page_header_in_figures_with_a_clock_time_gives_the_publication_day():
    text = f"Klaten dan UNS Teken MoU\n\n08/08/2024 06:00 WIB\n\n{SIGNING_ID} di Solo, Senin (5/8)."
    record = extract_text(text, lang="id").record
    assert record["source"]["published"] == "2024-08-08"
    assert record["events"][0]["date"] == "2024-08-05"


@pytest.mark.parametrize(
    ("when", "lang"),
    [
        ("di Solo dalam rapat kerja, Senin-Selasa (5-6/8/2024).", "id"),
        ("di Solo dalam rapat kerja yang berlangsung Senin (5/8) sampai Rabu (7/8).", "id"),
        ("in Solo at a forum held on August 5-6, 2024.", "en"),
    ],
)
def test_a_span_of_days_in_other_forms_gives_the_month(when, lang):
    signing = SIGNING_ID if lang == "id" else SIGNING_EN
    event = _event(f"{signing} {when}", lang)
    assert event["date"] == "2024-08"


def test_two_days_joined_by_and_are_no_span():
    assert _event(f"{SIGNING_ID} di Solo, Senin (5/8) dan Selasa (6/8).")["date"] == "2024-08-05"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Penandatanganan MoU antara Pemkab Klaten dan Universitas Sebelas Maret yang semula "
            "dijadwalkan pada 1 Agustus 2024 akhirnya dilaksanakan Senin (5/8/2024).",
            "id",
        ),
        (
            "The signing between Klaten Regency and Sebelas Maret University, originally "
            "scheduled for August 1, 2024, took place on Monday (5/8/2024).",
            "en",
        ),
    ],
)
def test_the_day_a_signing_was_planned_for_gives_way_to_the_day_it_happened(text, lang):
    assert _event(text, lang)["date"] == "2024-08-05"


def test_figures_after_a_weekday_and_kemarin_date_the_day_and_check_the_weekday():
    assert _sure(_event(f"{SIGNING_ID} di Solo, Senin kemarin (5/8).")) >= 0.9
    event = _event(f"{SIGNING_ID} di Solo, Selasa kemarin (5/8).")
    assert event["date"] == "2024-08-05"
    assert any("was a Monday" in n for n in notes(event))
