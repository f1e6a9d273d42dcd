"""How many agreements a report describes, and which bodies are parties of each (issue #15,
second round).

Every text here is written for the test; none is copied from a report.
"""

from __future__ import annotations

from datetime import date

from govkg.extract import extract_text

PUBLISHED = date(2025, 3, 5)


def agreements(text: str, lang: str | None = None) -> list[dict]:
    record = extract_text(text, published=PUBLISHED, lang=lang).record
    return [a for event in record["events"] for a in event["agreements"]]


# ── an agreement only planned is not a second agreement ───────────────────────────────────────


def test_a_kind_spoken_of_only_as_planned_is_not_a_second_agreement():
    found = agreements(
        "Pemerintah Provinsi Bali meneken nota kesepahaman dengan Bank BPD Bali, Senin "
        "(3/3/2025). Berikutnya Bank BPD Bali dan Pemerintah Provinsi Bali akan menyusun "
        "perjanjian kerja sama (PKS) bulan depan. Setelah itu diharapkan PKS tentang kas daerah "
        "dilakukan dengan Bank BPD Bali."
    )
    assert [a["kind"] for a in found] == ["mou"]


def test_a_further_agreement_reported_signed_is_kept():
    found = agreements(
        "Pemerintah Provinsi Bali meneken nota kesepahaman dengan Bank BPD Bali, Senin "
        "(3/3/2025). Selain itu, kedua pihak juga menandatangani perjanjian kerja sama (PKS) "
        "yang akan berlaku lima tahun."
    )
    assert sorted(a["kind"] for a in found) == ["mou", "pks"]
