"""Party precision (issue 15, session 13, helper e4): bodies a report only mentions, and
agreements it names together, taken as parties or agreements of their own.

Each phenomenon is shown by a text of our own words."""

from __future__ import annotations

from .drafts import agreements


def _parties(text: str) -> list[list[str]]:
    return sorted(sorted(a["parties"]) for a in agreements(text))


def _only_parties(text: str) -> list[str]:
    """The parties of the one agreement the text makes."""
    (parties,) = _parties(text)
    return parties


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
    parties = _only_parties(text)
    assert any("Surabaya" in p for p in parties), parties


def test_two_kinds_each_with_its_own_partner_in_one_sentence_are_two_agreements():
    text = (
        "Pemerintah Kota Madiun menandatangani perjanjian kerja sama dengan Badan Pusat "
        "Statistik serta kesepakatan bersama dengan Pemerintah Kabupaten Ngawi, Senin "
        "(3/3/2025)."
    )
    assert _parties(text) == [
        ["BPS", "Pemerintah Kota Madiun"],
        ["Pemerintah Kabupaten Ngawi", "Pemerintah Kota Madiun"],
    ]
    assert sorted(a["kind"] for a in agreements(text)) == ["kesepakatan-bersama", "pks"]


def test_two_kinds_with_one_partner_stay_one_agreement_each_with_both_sides():
    text = (
        "Pemerintah Kota Madiun dan Badan Pusat Statistik menandatangani nota kesepahaman "
        "dan perjanjian kerja sama, Senin (3/3/2025)."
    )
    assert _parties(text) == [["BPS", "Pemerintah Kota Madiun"]] * 2


def test_a_further_agreement_with_its_own_partner_is_with_one_side_of_the_first():
    text = (
        "Wali Kota Madiun menandatangani nota kesepahaman dengan Universitas Airlangga, Senin "
        "(3/3/2025). Acara itu juga mencakup penandatanganan perjanjian kerja sama dengan "
        "Badan Pusat Statistik serta kesepakatan bersama dengan Pemerintah Kabupaten Ngawi."
    )
    assert _parties(text) == [
        ["BPS", "Pemerintah Kota Madiun"],
        ["Pemerintah Kabupaten Ngawi", "Pemerintah Kota Madiun"],
        ["Pemerintah Kota Madiun", "Unair"],
    ]


def test_a_place_in_an_address_after_yaitu_is_no_party():
    text = (
        "PT Sarana Kota dan Badan Pusat Statistik menandatangani nota kesepahaman, Senin "
        "(3/3/2025). Kedua kantor itu berada di jalan yang sama, yaitu Medan Merdeka Selatan, "
        "Jakarta Pusat."
    )
    parties = _only_parties(text)
    assert not any("Jakarta" in p for p in parties), parties


def test_a_list_after_yaitu_keeps_its_bodies_past_items_the_gazetteer_lacks():
    text = (
        "Pemerintah Kota Bandung menandatangani nota kesepahaman dengan Pemerintah Kabupaten "
        "Madiun, Senin (3/3/2025). Hadir dan juga meneken nota kesepahaman yaitu Kab. Slemann, "
        "Kab. Gunungkidull, Kabupaten Bantul dan Kabupaten Klaten."
    )
    bodies = {p for pair in _parties(text) for p in pair}
    assert {"Pemerintah Kabupaten Bantul", "Pemerintah Kabupaten Klaten"} <= bodies, bodies


def test_a_city_office_is_not_the_provinces_office_of_the_same_name():
    text = (
        "Polresta Jambi menandatangani nota kesepahaman dengan Bawaslu Kota Jambi, Senin "
        "(3/3/2025)."
    )
    parties = _only_parties(text)
    assert "Bawaslu Kota Jambi" in parties, parties
    assert not any("Provinsi" in p for p in parties), parties


def test_a_city_programme_is_no_foreign_city():
    text = (
        "Pemerintah Kota Bandung menandatangani nota kesepahaman dengan Pemerintah Kabupaten "
        "Madiun, Senin (3/3/2025). Kerja sama itu meliputi Penerapan Smart City dan layanan "
        "digital."
    )
    assert _parties(text) == [["Pemerintah Kabupaten Madiun", "Pemerintah Kota Bandung"]]
