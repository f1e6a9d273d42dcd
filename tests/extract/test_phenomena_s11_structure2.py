"""The structure of a signing event, second round (issue #15, session 11): the sides of one
document named after ``antara``.

Every text here is written for the test; none is copied from a report.
"""

from __future__ import annotations

from datetime import date

import pytest

from govkg.extract import extract_text

PUBLISHED = date(2025, 3, 5)


def parties(text: str) -> list[list[str]]:
    record = extract_text(text, published=PUBLISHED).record
    return [sorted(a["parties"]) for event in record["events"] for a in event["agreements"]]


SIDES_AFTER_ANTARA = (
    "Bupati Sleman Kustini menandatangani nota kesepakatan antara Badan Pusat Statistik dengan "
    "Pemerintah Kabupaten Sleman, Pemerintah Kabupaten Bantul dan Pemerintah Kabupaten Kulon "
    "Progo di Yogyakarta, Senin (3/3/2025)."
)


def test_three_sides_or_more_after_antara_sign_one_document():
    """``antara A dengan B, C dan D``: the sides of one document, even though a signer of one
    of them is the subject of the sentence and ``dengan`` sets the first side apart."""
    (one,) = parties(SIDES_AFTER_ANTARA)
    assert len(one) == 4


@pytest.mark.parametrize(
    ("text", "count"),
    [
        pytest.param(
            SIDES_AFTER_ANTARA.replace("di Yogyakarta", "secara terpisah di Yogyakarta"),
            3,
            id="sides-after-antara-signed-separately",
        ),
        pytest.param(
            "Nota kesepakatan antara Pemerintah Kabupaten Sleman dengan Badan Pusat Statistik, "
            "Pemerintah Kabupaten Bantul dengan Badan Pusat Statistik diteken, Senin (3/3/2025).",
            2,
            id="sides-after-antara-in-pairs",
        ),
        pytest.param(
            "Kepala Badan Pusat Statistik meneken nota kesepakatan dengan Pemerintah Kabupaten "
            "Sleman, Pemerintah Kabupaten Bantul dan Pemerintah Kabupaten Kulon Progo, Senin "
            "(3/3/2025).",
            3,
            id="hub-and-partners-without-antara",
        ),
    ],
)
def test_sides_set_apart_sign_one_agreement_each(text, count):
    found = parties(text)
    assert len(found) == count
    assert all(len(pair) == 2 for pair in found)


def agreements(text: str) -> list[dict]:
    record = extract_text(text, published=PUBLISHED).record
    return [a for event in record["events"] for a in event["agreements"]]


COUNTED = (
    "Gubernur Jawa Tengah meneken dua nota kesepahaman dengan Badan Pusat Statistik di "
    "Semarang, Senin (3/3/2025)"
)


def test_documents_counted_and_listed_between_two_bodies_are_that_many_agreements():
    found = agreements(f"{COUNTED}, yaitu tentang statistik sektoral dan tentang sensus.")
    assert [len(a["parties"]) for a in found] == [2, 2]
    assert len({a.get("id") for a in found}) == 2


def test_documents_counted_then_told_of_one_by_one_are_that_many_agreements():
    text = (
        f"{COUNTED}. Nota kesepahaman itu tentang statistik sektoral. Selain itu, Pemerintah "
        "Provinsi Jawa Tengah juga meneken nota kesepahaman dengan Badan Pusat Statistik "
        "tentang sensus."
    )
    assert len(agreements(text)) == 2


def test_documents_counted_but_never_told_apart_stay_one_agreement():
    assert len(agreements(f"{COUNTED}. Kerja sama itu tentang statistik sektoral.")) == 1


def test_documents_counted_in_a_sentence_naming_no_party_are_not_multiplied():
    text = (
        "Gubernur Jawa Tengah meneken nota kesepahaman dengan Badan Pusat Statistik, Senin "
        "(3/3/2025). Dalam kesempatan itu juga ditandatangani tiga perjanjian kerja sama teknis, "
        "yaitu tentang data, sensus dan survei."
    )
    assert len(parties(text)) <= 2
