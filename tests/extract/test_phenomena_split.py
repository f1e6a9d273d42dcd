"""Splitting a report into its agreements, each with its own parties and signatories
(issue #15, third round).

Every text here is written for the test; none is copied from a report.
"""

from __future__ import annotations

from .drafts import agreements

# ── one document named by two kinds ───────────────────────────────────────────────────────────


def test_a_document_named_by_two_kinds_is_one_agreement():
    found = agreements(
        "Pemerintah Kabupaten Sleman dan Universitas Gadjah Mada meneken perjanjian kerja sama "
        "atau MoU tentang pengelolaan sampah, Senin (3/3/2025). MoU ini berlaku tiga tahun, "
        "kata Bupati Sleman Kustini Purnomo."
    )
    assert [a["kind"] for a in found] == ["pks"]


def test_the_kind_under_which_the_signing_is_reported_wins():
    found = agreements(
        "Pemerintah Kabupaten Sleman dan Universitas Gadjah Mada memperlihatkan naskah MoU. "
        "Di Sleman dilakukan penandatanganan perjanjian kerja sama (PKS) antara Pemerintah "
        "Kabupaten Sleman dan Universitas Gadjah Mada, Senin (3/3/2025)."
    )
    assert [a["kind"] for a in found] == ["pks"]


def test_two_kinds_joined_by_and_are_two_agreements():
    found = agreements(
        "Pemerintah Kabupaten Sleman dan Universitas Gadjah Mada meneken nota kesepahaman dan "
        "perjanjian kerja sama, Senin (3/3/2025). PKS itu mengatur magang mahasiswa."
    )
    assert sorted(a["kind"] for a in found) == ["mou", "pks"]


def test_a_letter_of_intent_is_not_merged_into_the_memorandum():
    found = agreements(
        "Pemerintah Provinsi Bali dan Bank BPD Bali meneken letter of intent tentang kas daerah, "
        "Senin (3/3/2025). Di tempat itu Pemerintah Provinsi Bali kemudian meneken MoU dengan "
        "Bank BPD Bali."
    )
    assert sorted(a["kind"] for a in found) == ["loi", "mou"]


def test_a_kind_named_after_and_with_other_words_between_is_not_a_second_document():
    found = agreements(
        "Pemerintah Kabupaten Sleman dan Universitas Gadjah Mada meneken MoU, Senin (3/3/2025). "
        "Bupati Sleman Kustini Purnomo berkata MoU sudah diteken dan besok dibahas PKS."
    )
    assert [a["kind"] for a in found] == ["mou"]


# ── bodies listed as parties ──────────────────────────────────────────────────────────────────


def test_bodies_listed_after_diantaranya_are_parties():
    found = agreements(
        "Gubernur Jawa Tengah Ahmad Luthfi meneken nota kesepahaman dengan Wali Kota Semarang "
        "Agustina, Senin (3/3/2025). Selain Kota Semarang, ikut dalam MoU itu diantaranya "
        "Kabupaten Demak, Kabupaten Kendal dan Kabupaten Grobogan."
    )
    assert len(found) == 1
    parties = set(found[0]["parties"])
    assert {"Pemerintah Kabupaten Demak", "Pemerintah Kabupaten Grobogan"} <= parties


def test_a_memorandum_and_an_agreement_with_each_of_several_partners():
    found = agreements(
        "Badan Pusat Statistik meneken MoU dan PKS dengan tiga provinsi, yaitu Provinsi Aceh, "
        "Provinsi Riau dan Provinsi Jambi, Senin (3/3/2025)."
    )
    pairs = sorted((a["kind"], sorted(a["parties"])[0]) for a in found)
    assert len(found) == 6 and all(len(a["parties"]) == 2 for a in found)
    assert [kind for kind, _ in pairs] == ["mou"] * 3 + ["pks"] * 3


# ── several pairs of sides ────────────────────────────────────────────────────────────────────


def test_pairs_of_sides_joined_by_serta_are_one_agreement_each():
    found = agreements(
        "Di Kupang dilakukan penandatanganan nota kesepahaman antara Wali Kota Kupang dan "
        "Kepala Kejaksaan Negeri Kota Kupang serta Pemerintah Kabupaten Kupang dengan Kejaksaan "
        "Negeri Kabupaten Kupang, Senin (3/3/2025)."
    )
    assert sorted(len(a["parties"]) for a in found) == [2, 2]
    sides = [set(a["parties"]) for a in found]
    assert not sides[0] & sides[1]


def test_pairs_named_in_separate_sentences_share_a_body():
    found = agreements(
        "Nota kesepahaman antara Pemerintah Kota Kendari dengan Kabupaten Konawe Selatan dan "
        "Kabupaten Konawe Utara diteken Senin (3/3/2025). Kerja sama antara Kota Kendari dan "
        "Konawe Selatan mengatur pertanian. Adapun kerja sama antara Kota Kendari dan Konawe Utara "
        "mengatur pariwisata."
    )
    assert len(found) == 2
    assert all(len(a["parties"]) == 2 for a in found)


def test_one_pair_named_again_is_still_one_agreement():
    found = agreements(
        "Penandatanganan MoU antara Pemerintah Kota Kendari dan Kabupaten Konawe Selatan "
        "berlangsung Senin (3/3/2025). Kerja sama antara Kota Kendari dan Konawe Selatan "
        "mengatur pertanian."
    )
    assert len(found) == 1


def test_a_place_after_bertempat_without_di_is_no_party():
    found = agreements(
        "Bertempat Hotel Santika Kabupaten Sleman, Senin (3/3/2025), Pemerintah Provinsi Jawa "
        "Tengah meneken perjanjian kerja sama dengan Pemerintah Provinsi Jawa Timur."
    )
    assert len(found) == 1
    assert "Pemerintah Kabupaten Sleman" not in found[0]["parties"]


# ── the kind of an agreement ──────────────────────────────────────────────────────────────────


def test_a_kind_named_in_a_quotation_does_not_rename_the_agreement():
    found = agreements(
        "Kepala LAN Adi Suryanto dan Kepala BPS Retno Astuti meneken nota kesepahaman tentang "
        "data kepegawaian, Senin (3/3/2025). “Kesepakatan bersama ini kita jalankan mulai bulan "
        "depan demi data yang rapi.” Demikian pesan Adi Suryanto."
    )
    assert [a["kind"] for a in found] == ["mou"]
