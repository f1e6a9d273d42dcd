"""Parties (issue 15, session 12, helper e1): how reports name the bodies of an agreement.

Each phenomenon is shown by a text of our own words."""

from __future__ import annotations

from .drafts import draft, party_lists, signers


def test_a_body_named_again_by_its_parent_in_a_remark_is_not_a_further_party():
    record = draft(
        "Pemkot Magelang dan Polres Magelang Kota meneken MoU, Senin (2/3/2026). Wali Kota "
        "Magelang Budi Santoso dan Kapolres Magelang Kota AKBP Rina Wati meneken MoU itu. "
        "“Kerja sama Pemkot Magelang dengan Polri makin erat,” kata Budi."
    )
    assert party_lists(record) == [["Pemerintah Kota Magelang", "Polres Magelang Kota"]]


def test_a_name_cut_short_is_the_party_named_in_full():
    record = draft(
        "Pemerintah Kabupaten Ngawi bersama PT Sinar Laut Jaya resmi meneken nota kesepahaman, "
        "Senin (2/3/2026). Penandatanganan dilakukan Bupati Ngawi Budi Santoso dan Direktur "
        "PT Sinar Laut Jaya Timur Abadi, Rina Wati."
    )
    (parties,) = party_lists(record)
    assert len(parties) == 2, parties
    assert "Pemerintah Kabupaten Ngawi" in parties


def test_a_bank_the_gazetteer_knows_ends_before_the_person_its_director_is():
    record = draft(
        "Pemerintah Kabupaten Ngada dan Bank Mandiri meneken perjanjian kerja sama, Senin "
        "(2/3/2026). Penandatanganan dilakukan Bupati Ngada Yosef Bata dan Direktur Utama Bank "
        "Mandiri Rina Kusuma Wardani."
    )
    assert ("Rina Kusuma Wardani", "Bank Mandiri") in signers(record)


def test_a_region_of_a_bank_between_the_bank_and_the_person_is_no_name():
    record = draft(
        "Pemerintah Provinsi NTT dan Bank Mandiri meneken nota kesepahaman, Senin (2/3/2026). "
        "Penandatanganan dilakukan Gubernur NTT Yosef Bata dan Regional CEO Bank Mandiri "
        "Region IX/Kupang dan Sumba, Rina Kusuma Wardani."
    )
    assert ("Rina Kusuma Wardani", "Bank Mandiri") in signers(record)


def test_a_body_named_in_full_then_serta_another_body_is_two_parties():
    record = draft(
        "Nota kesepahaman antara PT Sinar Laut Jaya dan Badan Pusat Statistik serta Kementerian "
        "Pertanian diteken di Jakarta, Senin (2/3/2026)."
    )
    (parties,) = party_lists(record)
    assert len(parties) == 3, parties
    assert "BPS" in parties


def test_a_post_opening_a_list_of_regions_names_the_first_party_of_the_list():
    record = draft(
        "Lima bupati meneken kesepakatan bersama pembangunan kawasan perbatasan, Senin "
        "(2/3/2026). Mereka adalah bupati Sleman, Bantul, Kulon Progo, Gunungkidul, dan Klaten."
    )
    (parties,) = party_lists(record)
    assert "Pemerintah Kabupaten Sleman" in parties
    assert len(parties) == 5, parties


def test_the_governments_of_a_province_named_together_stand_as_its_government():
    record = draft(
        "Penandatanganan kesepakatan bersama antara BPK dengan Pemerintah Daerah se-Provinsi "
        "Jawa Tengah dan PT Bank Jateng tentang akses data rekening, Senin (2/3/2026)."
    )
    (parties,) = party_lists(record)
    assert "Pemerintah Provinsi Jawa Tengah" in parties
    assert len(parties) == 3, parties


def test_governments_of_a_province_written_in_lower_case_with_a_slash():
    record = draft(
        "Badan Pemeriksa Keuangan meneken nota kesepahaman dengan 35 pemerintah daerah "
        "provinsi/kabupaten/kota se-Jawa Tengah, Senin (2/3/2026)."
    )
    assert party_lists(record) == [["BPK", "Pemerintah Provinsi Jawa Tengah"]]


def test_a_post_without_its_holder_after_with_the_names_the_body_signed_with():
    record = draft(
        "The Governor of Bali, Budi Santoso, signed a memorandum of understanding with the "
        "Minister of Transportation on Monday (2/3/2026) in Denpasar."
    )
    (parties,) = party_lists(record)
    assert "Kemenhub" in parties, parties


def test_a_foreign_country_beside_its_own_ministry_is_that_ministry():
    record = draft(
        "Indonesia and Mexico, through the Indonesian Ministry of Agriculture and the Ministry "
        "of Health of Mexico, signed a memorandum of understanding on Monday (2/3/2026)."
    )
    (parties,) = party_lists(record)
    assert "Government of Mexico" not in parties, parties
    assert "Ministry of Health of Mexico" in parties, parties


def test_an_islands_regency_written_in_english_is_its_kepulauan_regency():
    record = draft(
        "Sam Ratulangi University signed a memorandum of understanding with the Sangihe Islands "
        "Regency Government on Monday (2/3/2026) in Tahuna."
    )
    (parties,) = party_lists(record)
    assert "Pemerintah Kabupaten Kepulauan Sangihe" in parties, parties


def test_a_city_then_its_province_after_the_date_is_where_not_who():
    record = draft(
        "Badan Pemeriksa Keuangan meneken nota kesepahaman dengan 12 pemerintah daerah dan "
        "Bank Sulteng pada Kamis, 5 Maret 2026, Palu, Sulawesi Tengah."
    )
    parties = [name for names in party_lists(record) for name in names]
    assert "Pemerintah Kota Palu" not in parties, parties
