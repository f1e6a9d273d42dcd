"""The structure of a signing event, second round (issue #15, session 11): the sides of one
document named after ``antara``.

Every text here is written for the test; none is copied from a report.
"""

from __future__ import annotations

from datetime import date

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


def test_sides_after_antara_signed_separately_are_one_agreement_each():
    text = SIDES_AFTER_ANTARA.replace("di Yogyakarta", "secara terpisah di Yogyakarta")
    found = parties(text)
    assert len(found) == 3
    assert all(len(pair) == 2 for pair in found)


def test_sides_after_antara_named_in_pairs_are_one_agreement_per_pair():
    text = (
        "Nota kesepakatan antara Pemerintah Kabupaten Sleman dengan Badan Pusat Statistik, "
        "Pemerintah Kabupaten Bantul dengan Badan Pusat Statistik diteken, Senin (3/3/2025)."
    )
    found = parties(text)
    assert len(found) == 2
    assert all(len(pair) == 2 for pair in found)


def test_a_hub_signing_with_partners_without_antara_still_signs_one_each():
    text = (
        "Kepala Badan Pusat Statistik meneken nota kesepakatan dengan Pemerintah Kabupaten "
        "Sleman, Pemerintah Kabupaten Bantul dan Pemerintah Kabupaten Kulon Progo, Senin "
        "(3/3/2025)."
    )
    found = parties(text)
    assert len(found) == 3
