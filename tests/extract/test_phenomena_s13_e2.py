"""Signatories (issue 15, session 13, helper e2): how reports name who signs, and for whom.

Each phenomenon is shown by a text of our own words."""

from __future__ import annotations

from .drafts import agreements, signed


def _names(text: str, lang: str | None = None) -> list[str]:
    return [name for name, _ in signed(text, lang)]


def test_a_head_named_again_by_a_nickname_in_another_sentence_signs_once():
    text = (
        "Gubernur Jawa Tengah, Bambang Sutrisno, meneken nota kesepahaman dengan Badan Pusat "
        "Statistik, Senin (2/3/2026). Penandatanganan dilakukan Kepala BPS Rina Wati dengan "
        "Gubernur Jawa Tengah Mas Bams di kantor gubernur."
    )
    names = _names(text)
    assert "Bambang Sutrisno" in names and "Rina Wati" in names
    assert "Mas Bams" not in names


def test_two_members_of_one_council_named_together_both_sign():
    text = (
        "Badan Pusat Statistik dan Pemerintah Provinsi Jawa Tengah meneken nota kesepahaman, "
        "Senin (2/3/2026). MoU diteken Kepala BPS Rina Wati, Wakil Gubernur Jawa Tengah Budi "
        "Santoso dan Wakil Gubernur Jawa Tengah Sri Lestari."
    )
    names = _names(text)
    assert "Budi Santoso" in names and "Sri Lestari" in names


def test_a_word_of_an_office_name_after_a_post_is_no_signer():
    text = (
        "The agreement was signed by Mrs. Rina Wati, Head of the Central Java Province Health "
        "and Social Office, and Budi Santoso, Chair of the Sinar Harapan Foundation, on Monday "
        "(2/3/2026)."
    )
    names = _names(text, "en")
    assert "Health" not in names and "Social" not in names
    assert "Budi Santoso" in names


def test_a_unit_field_after_an_assistant_is_no_name():
    text = (
        "MoU diteken Rektor Universitas Diponegoro Budi Santoso dan Kota Semarang yang "
        "diwakili Asisten Pemerintahan dan Kesejahteraan Rakyat, Senin (2/3/2026)."
    )
    names = _names(text)
    assert "Budi Santoso" in names
    assert "Pemerintahan" not in names


def test_a_lower_case_unit_after_a_bodys_post_ends_at_the_comma_before_the_person():
    text = (
        "The grant agreement was signed on Monday (2/3/2026) by the Finance Ministry's director "
        "general for budget and state assets, Rina Wati, and Japanese Ambassador to "
        "Indonesia Kenji Sato."
    )
    assert ("Rina Wati", "Kemenkeu") in signed(text, "en")


def test_a_ministry_named_in_english_by_its_subject_is_found_whatever_its_first_word():
    text = (
        "The MoU was signed on Monday (2/3/2026) by the Health Ministry's secretary general, "
        "Rina Wati, and the Agriculture Ministry's secretary general, Budi Santoso."
    )
    assert signed(text, "en") == [("Budi Santoso", "Kementan"), ("Rina Wati", "Kemenkes")]


def test_a_partner_named_by_its_officials_post_and_name_is_that_officials_body():
    text = (
        "Gadjah Mada University signed a memorandum of understanding with Sleman Regent Joko "
        "Susilo, represented by an assistant, on Monday (2/3/2026)."
    )
    (agreement,) = agreements(text, "en")
    assert "Pemerintah Kabupaten Sleman" in agreement["parties"]
    assert not any("Joko" in party for party in agreement["parties"])


def test_a_name_in_a_title_case_headline_ends_before_its_verb():
    text = (
        "Kabupaten Sleman dan BPS meneken MoU, Senin (2/3/2026). Penandatanganan dilakukan oleh "
        "Kepala BPS Rina Wati dan Bupati Sleman.\n"
        "Bupati Sleman Joko Susilo Resmikan Pasar Baru di Kecamatan Depok"
    )
    assert ("Joko Susilo", "Pemerintah Kabupaten Sleman") in signed(text)


def test_a_counterpart_holds_the_post_named_before_for_their_own_country():
    text = (
        "Malaysian Agriculture Minister Aziz Rahman and his Indonesian counterpart Rina Wati "
        "signed a memorandum of understanding on Monday (2/3/2026)."
    )
    assert ("Rina Wati", "Kementan") in signed(text, "en")
