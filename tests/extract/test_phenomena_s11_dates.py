"""Signing dates on real reports (issue 15, session 11): a span of days gives the month, a
weekday written before a month without a day gives the month, a part of the day between a
weekday and its date, a copyright line's year for a signing dated by its weekday alone, a
month misspelt by one letter. Each phenomenon is shown by a text of our own."""

from __future__ import annotations

from datetime import date

import pytest

from govkg.extract import extract_text
from govkg.records.dates import PartialDate

from .drafts import notes

SIGNING = "Bupati Klaten dan Rektor Universitas Sebelas Maret meneken nota kesepahaman di Solo"


def _event(text: str, published: date | None = None, lang: str = "id") -> dict:
    return extract_text(text, published=published, lang=lang).record["events"][0]


@pytest.mark.parametrize(
    "when",
    [
        "pada 14–16 Mei 2024",
        "pada 14-16 Mei 2024",
        "pada 14 s.d. 16 Mei 2024",
        "pada 14 dan 15 Mei 2024",
    ],
)
def test_a_span_of_days_gives_the_month(when):
    event = _event(f"{SIGNING} dalam rapat kerja yang berlangsung {when}.")
    assert event["date"] == "2024-05"
    assert any("span" in n for n in notes(event))


def test_a_span_does_not_hide_the_day_of_the_signing():
    text = (
        "Rapat kerja kedua daerah berlangsung 14-16 Mei 2024 di Solo. "
        f"{SIGNING} pada hari kedua, Rabu (15/5/2024)."
    )
    assert _event(text)["date"] == "2024-05-15"


def test_a_weekday_before_a_month_without_its_day_gives_the_month():
    # published on a Friday: the Wednesday before would be the 12th, but the text gives none
    event = _event(f"{SIGNING}, Rabu, Juni 2024.", published=date(2024, 6, 14))
    assert event["date"] == "2024-06"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (f"{SIGNING} Jumat malam (12/7/2024).", "id"),
        (
            "The regent of Klaten and the rector of Sebelas Maret University signed a "
            "memorandum of understanding in Solo on Friday night (12/7/2024).",
            "en",
        ),
    ],
)
def test_a_part_of_the_day_between_weekday_and_date(text, lang):
    # 12 July 2024 was a Friday: the weekday is read and checked
    event = _event(text, lang=lang)
    assert event["date"] == "2024-07-12"
    assert event["evidence"][0]["confidence"] >= 0.9


def test_a_wrong_weekday_with_a_part_of_the_day_is_flagged():
    event = _event(f"{SIGNING} Senin malam (12/7/2024).")
    assert any("Friday" in n for n in notes(event))


def test_copyright_year_dates_a_signing_given_by_its_weekday_alone():
    text = (
        f"{SIGNING}, Selasa.\n\nKerja sama itu berlaku lima tahun.\n\nHak Cipta © Warta Solo 2019"
    )
    event = _event(text)
    assert event["date"] == "2019"
    assert event["evidence"][0]["confidence"] < 0.6


def test_without_copyright_line_a_weekday_alone_gives_no_date():
    assert "date" not in _event(f"{SIGNING}, Selasa.\n\nKerja sama itu berlaku lima tahun.")


def test_a_day_outside_the_signing_sentences_is_surer_than_a_month_there():
    # on dev, days found outside the sentences about the signing are right 23 times of 24,
    # months found there once of two
    day = _event(f"{SIGNING}.\n\nAcara itu digelar di Balai Kota, Senin (15/7/2024).")
    month = _event(f"{SIGNING}.\n\nAcara itu digelar di Balai Kota pada Juli 2024.")
    assert (day["date"], month["date"]) == ("2024-07-15", "2024-07")
    assert day["evidence"][0]["confidence"] >= 0.7
    assert month["evidence"][0]["confidence"] < day["evidence"][0]["confidence"]


def test_was_signed_in_a_place_tells_of_this_signing():
    # English news reports the signing it covers as "was signed in <place>": no earlier one
    text = (
        "The memorandum of understanding between the Regency of Klaten and Sebelas Maret "
        "University was signed in Solo on Saturday (7/10/2017)."
    )
    event = _event(text, lang="en")
    assert event["date"] == "2017-10-07"
    assert event["evidence"][0]["confidence"] >= 0.9


@pytest.mark.parametrize(
    ("published", "when", "expected"),
    [
        (PartialDate(2017, 9), "Senin (28/8)", "2017-08-28"),
        (PartialDate(2022), "Senin (25/7)", "2022-07-25"),
        (PartialDate(2023), "Kamis (22/2)", None),  # no Thursday in 2023 or 2022
    ],
)
def test_a_publication_known_to_the_month_or_year_places_a_yearless_date(published, when, expected):
    event = extract_text(f"{SIGNING}, {when}.", published=published, lang="id").record
    assert event["events"][0].get("date") == expected
