"""Party precision (issue 15, session 13, helper e4): bodies a report only mentions, and
agreements it names together, taken as parties or agreements of their own.

Each phenomenon is shown by a text of our own words."""

from __future__ import annotations

from .drafts import agreements


def _parties(text: str) -> list[list[str]]:
    return sorted(sorted(a["parties"]) for a in agreements(text))


def test_the_city_after_a_publishers_dateline_is_no_party():
    text = (
        "Kabarkita.com – Surabaya, Pemerintah Kabupaten Sleman menandatangani nota "
        "kesepahaman dengan Universitas Gadjah Mada, Senin (3/3/2025)."
    )
    assert _parties(text) == [["Pemerintah Kabupaten Sleman", "UGM"]]


def test_a_body_named_by_its_place_after_a_publishers_dateline_is_still_a_party():
    text = (
        "Kabarkita.com – Pemkot Surabaya, bersama Universitas Gadjah Mada, menandatangani "
        "nota kesepahaman, Senin (3/3/2025)."
    )
    (parties,) = _parties(text)
    assert any("Surabaya" in p for p in parties), parties
