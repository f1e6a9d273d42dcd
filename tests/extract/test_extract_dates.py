"""Dates as reports write them: year from the publication date, weekday checked, never guessed."""

from __future__ import annotations

from datetime import date

import pytest

from govkg.extract import extract_text
from govkg.extract.dates import find_dates, resolve

PUBLISHED = date(2019, 2, 1)


def only(text: str, published: date | None = PUBLISHED):
    found = find_dates(text)
    assert len(found) == 1, found
    return resolve(found[0], published)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("diteken di Jakarta, Jumat (1/2).", date(2019, 2, 1), date(2019, 2, 1)),
        ("pada Senin (29/3/2021) di Purwokerto", date(2021, 3, 30), date(2021, 3, 29)),
        ("pada Selasa, 12 Maret 2019, di Balai Kota", date(2019, 3, 13), date(2019, 3, 12)),
        ("Kamis (14/11/19) pagi", date(2019, 11, 15), date(2019, 11, 14)),
        ("signed on Tuesday, March 12, 2019, in Jakarta", date(2019, 3, 13), date(2019, 3, 12)),
        ("signed on 3 June 2022 to build", date(2022, 6, 4), date(2022, 6, 3)),
        ("on Friday, Oct. 1.", date(2021, 10, 2), date(2021, 10, 1)),
        ("pada tanggal 17 Januari 2023.", date(2023, 1, 18), date(2023, 1, 17)),
        ("on Monday (March 28) at", date(2022, 3, 29), date(2022, 3, 28)),
    ],
)
def test_date_forms(text, published, expected):
    assert only(text, published).day == expected


def test_year_comes_from_the_publication_date_and_may_roll_back():
    # a report of 3 January 2019 about "Jumat (28/12)": 28 December 2018 was a Friday
    assert only("Jumat (28/12)", date(2019, 1, 3)).day == date(2018, 12, 28)


def test_a_fitting_weekday_is_more_certain_than_none():
    assert only("Jumat (1/2)").confidence > only("(1/2)").confidence


def test_a_contradicting_weekday_is_flagged_not_corrected():
    resolved = only("Rabu (12/3/2019)", date(2019, 3, 13))
    assert resolved.day == date(2019, 3, 12)  # the date as written; 12 March 2019 was a Tuesday
    assert "Tuesday" in resolved.note
    assert resolved.confidence < 0.7  # below 0.7: a reviewer looks


def test_two_digit_years_are_this_century_unless_after_publication():
    assert only("Senin (29/3/21)", date(2021, 3, 30)).day == date(2021, 3, 29)
    assert only("Senin (29/3/99)", date(2021, 3, 30)).day.year == 1999


def test_relative_days():
    assert only("kemarin", date(2020, 5, 6)).day == date(2020, 5, 5)


def test_no_year_and_no_publication_date_cannot_be_placed():
    assert only("Jumat (1/2)", None) is None


def test_a_weekday_mismatch_reaches_the_record_as_a_note():
    result = extract_text(
        "Wali Kota Bogor Arief dan Kepala BPOM Lestari menandatangani MoU, Rabu (12/3/2019).",
        published=date(2019, 3, 13),
    )
    event = result.record["events"][0]
    assert event["date"] == "2019-03-12"
    assert any("Tuesday" in note for note in event["agreements"][0]["notes"])
    assert event["evidence"][0]["confidence"] < 0.7


def test_a_background_date_is_not_the_signing_date():
    result = extract_text(
        "Menindaklanjuti nota kesepahaman yang diteken pada 5 Agustus 2020, BNN dan Pemerintah "
        "Kota Surabaya menandatangani perjanjian kerja sama, Selasa (20/10).",
        published=date(2020, 10, 21),
    )
    assert result.record["events"][0]["date"] == "2020-10-20"


def test_without_any_date_there_is_none_and_a_note_gives_the_publication_date():
    result = extract_text(
        "Kepala LAN Adi Suryanto dan Kepala BPS Retno meneken nota kesepahaman.",
        published=date(2020, 1, 10),
    )
    agreement = result.record["events"][0]["agreements"][0]
    assert "date" not in result.record["events"][0]
    assert any("published on 2020-01-10" in note for note in agreement["notes"])
