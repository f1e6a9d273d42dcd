"""An agreement's confidence follows the evidence of its parties: bodies of the gazetteer or
declared ones, two or more, each with a signatory whose body the report states, found in the
sentences about the signing or elsewhere (issue #15, session 10: confidence a reviewer can
sort by).

Every text here is written for the test; none is copied from a report.
"""

from __future__ import annotations

from datetime import date

from govkg.extract import extract_text

PUBLISHED = date(2025, 3, 5)


def confidences(text: str) -> list[float]:
    record = extract_text(text, published=PUBLISHED).record
    return [
        max(e["confidence"] for e in a["evidence"])
        for event in record["events"]
        for a in event["agreements"]
    ]


def test_two_bodies_of_the_gazetteer_signing_are_sure():
    (sure,) = confidences(
        "Kepala LAN Adi Suryanto dan Kepala BPS Amalia Adininggar meneken nota kesepahaman, "
        "Senin (3/3/2025)."
    )
    assert sure >= 0.9


def test_a_body_the_gazetteer_lacks_with_its_own_signer_is_fairly_sure():
    (sure,) = confidences(
        "Pemerintah Kabupaten Sinjai menandatangani nota kesepahaman dengan Yayasan Cahaya "
        "Nusantara, Senin (3/3/2025). Penandatanganan dilakukan oleh Bupati Sinjai Andi Rahman "
        "dan Ketua Yayasan Cahaya Nusantara Rudi Hartono."
    )
    assert 0.5 <= sure < 0.9


def test_a_body_the_gazetteer_lacks_without_a_signer_is_fairly_sure_not_sure():
    """Measured again in session 11: such pairs were right 39 times of 50 on the development
    reports (0.39 when the value was first set), so no longer under 0.5."""
    (sure,) = confidences(
        "Pemerintah Kabupaten Sinjai menandatangani nota kesepahaman dengan Yayasan Cahaya "
        "Nusantara tentang beasiswa, Senin (3/3/2025)."
    )
    assert 0.5 <= sure < 0.9


def test_more_than_two_bodies_are_less_sure_than_two():
    pair = confidences(
        "Kepala LAN Adi Suryanto dan Kepala BPS Amalia Adininggar meneken nota kesepahaman, "
        "Senin (3/3/2025)."
    )
    (three,) = confidences(
        "LAN, BPS dan BPOM meneken nota kesepahaman tiga pihak, Senin (3/3/2025)."
    )
    assert three < pair[0]


def test_a_guessed_hub_makes_every_agreement_of_the_set_doubtful():
    found = confidences(
        "Penandatanganan MoU dengan tiga instansi, yaitu LAN, BPS dan BPOM, digelar Senin "
        "(3/3/2025). Kerja sama dengan BPS meliputi data."
    )
    assert found and all(sure < 0.5 for sure in found)
