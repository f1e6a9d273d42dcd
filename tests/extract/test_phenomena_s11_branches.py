"""Branches and regional offices of national bodies that sign in their own name (issue 15,
session 11): ``BPJS Ketenagakerjaan Cabang X``, ``… KCP X``, ``… wilayah A, B, dan C``,
``Kantor Wilayah <area> <body>``, ``Kementerian X Kantor Wilayah <province>``, ``Polres X Kota``.
The office is the party (the gazetteer's entry, else declared under the national body with the
region it sits in), and its head signs for it. Each kind is shown by a text of our own."""

from __future__ import annotations

from .drafts import declarations, draft, party_lists, resolved_parties, signers


def test_a_branch_office_is_a_party_of_its_own_under_its_national_body():
    record = draft(
        "Pemerintah Kota Solok meneken nota kesepahaman dengan BPJS Ketenagakerjaan Cabang "
        "Padang tentang perlindungan pekerja rentan, Senin (3/6/2024). Nota itu ditandatangani "
        "Wali Kota Solok Rudi Hartono dan Kepala BPJS Ketenagakerjaan Cabang Padang, Siti Aminah."
    )
    (parties,) = party_lists(record)
    assert parties == ["Pemerintah Kota Solok", "BPJS Ketenagakerjaan Cabang Padang"]
    office = declarations(record)["BPJS Ketenagakerjaan Cabang Padang"]
    assert office["kind"] == "RegionalOffice"
    assert office["parent"] == "bpjs-ketenagakerjaan"
    assert office["region_code"] == "13.71"  # Kota Padang
    assert ("Siti Aminah", "BPJS Ketenagakerjaan Cabang Padang") in signers(record)


def test_a_sub_branch_written_kcp_ends_before_the_person():
    record = draft(
        "BPJS Kesehatan KCP Kepulauan Sula dan Pemerintah Kabupaten Kepulauan Sula meneken "
        "perjanjian kerja sama jaminan kesehatan, Rabu (5/6/2024). Penandatanganan dilakukan "
        "Bupati Kepulauan Sula Budi Santoso dan Kepala BPJS Kesehatan KCP Kepulauan Sula "
        "Maria Lestari."
    )
    assert ("Maria Lestari", "BPJS Kesehatan KCP Kepulauan Sula") in signers(record)
    office = declarations(record)["BPJS Kesehatan KCP Kepulauan Sula"]
    assert office["parent"] == "bpjs-kesehatan"


def test_a_regional_office_over_several_provinces_is_one_body_however_spelt():
    record = draft(
        "Pemerintah Kabupaten Kampar bersama BPJS Ketenagakerjaan wilayah Sumatera Utara dan "
        "Aceh menandatangani nota kesepakatan jaminan sosial, Kamis (6/6/2024). Penandatanganan "
        "dilakukan oleh Kepala BPJS Ketenagakerjaan wilayah Sumut dan Aceh, Andi Putra, serta "
        "Bupati Kampar Joko Susilo."
    )
    (parties,) = party_lists(record)
    name = "BPJS Ketenagakerjaan wilayah Sumatera Utara dan Aceh"
    assert sorted(parties) == sorted(["Pemerintah Kabupaten Kampar", name])
    assert "region_code" not in declarations(record)[name]  # two provinces
    assert ("Andi Putra", name) in signers(record)


def test_an_office_named_before_its_body_signs_for_itself_when_the_body_is_the_subject():
    record = draft(
        "BPJS Ketenagakerjaan memperpanjang kerja sama dengan Kejaksaan Tinggi Gorontalo di bidang "
        "perdata dan tata usaha negara. Penandatanganan dilakukan oleh Kajati Gorontalo Hendra "
        "Wijaya dengan Kepala Kantor Wilayah Sulawesi Utara Gorontalo BPJS Ketenagakerjaan, "
        "Rina Sari, Selasa (4/6/2024)."
    )
    (parties,) = party_lists(record)
    name = "Kantor Wilayah Sulawesi Utara Gorontalo BPJS Ketenagakerjaan"
    assert name in parties and "BPJS Ketenagakerjaan" not in parties
    assert declarations(record)[name]["parent"] == "bpjs-ketenagakerjaan"
    assert ("Rina Sari", name) in signers(record)


def test_the_national_body_stays_the_party_when_its_own_head_signs():
    record = draft(
        "BPJS Kesehatan menandatangani nota kesepahaman dengan Pemerintah Provinsi Bali, Selasa "
        "(4/6/2024). Nota ditandatangani Direktur Utama BPJS Kesehatan Adi Nugroho dan Gubernur "
        "Bali Made Sutama, disaksikan Kepala BPJS Kesehatan Cabang Denpasar Ketut Arya."
    )
    (parties,) = party_lists(record)
    assert "BPJS Kesehatan" in parties
    assert not any("Cabang" in p for p in parties)


def test_a_ministry_with_kantor_wilayah_after_it_keeps_those_words_in_its_name():
    record = draft(
        "Pemerintah Kota Bitung dan Kementerian Agama Kantor Wilayah Sulawesi Utara meneken "
        "nota kesepakatan tentang kerukunan umat beragama, Jumat (7/6/2024)."
    )
    (parties,) = party_lists(record)
    name = "Kementerian Agama Kantor Wilayah Sulawesi Utara"
    assert name in parties
    office = declarations(record)[name]
    assert office["parent"] == "kemenag" and office["region_code"] == "71"


def test_an_enterprise_branch_still_signs_for_the_enterprise():
    record = draft(
        "Pemerintah Kabupaten Ende meneken perjanjian kerja sama dengan Bank NTT Cabang Ende "
        "tentang pengelolaan kas daerah, Senin (3/6/2024)."
    )
    assert {"bank-ntt", "kabupaten-53-08"} <= resolved_parties(record)[0]


def test_a_police_office_of_a_city_written_after_its_name_and_its_head_by_the_bare_name():
    record = draft(
        "Pemerintah Kota Blitar dan Polres Blitar Kota meneken nota kesepahaman pengamanan "
        "pembangunan, Kamis (6/6/2024). Penandatanganan dilakukan Wali Kota Blitar Dewi Lestari "
        "dan Kapolres Blitar AKBP Bima Sakti."
    )
    (parties,) = party_lists(record)
    assert parties == ["Pemerintah Kota Blitar", "Polres Blitar Kota"]
    office = declarations(record)["Polres Blitar Kota"]
    assert office["region_code"] == "35.72"  # the city, not the regency
    assert ("Bima Sakti", "Polres Blitar Kota") in signers(record)


def test_a_branch_post_names_the_office_of_the_body_and_place_after_it():
    record = draft(
        "Universitas Jenderal Soedirman meneken nota kesepahaman dengan Kantor Wilayah "
        "Kementerian Agama Jawa Tengah tentang moderasi beragama, Senin (3/6/2024). Nota "
        "ditandatangani Rektor Universitas Jenderal Soedirman Budi Raharjo dan Kakanwil Kemenag "
        "Jawa Tengah Ahmad Fauzi."
    )
    (parties,) = party_lists(record)
    assert len(parties) == 2
    office = declarations(record)["Kantor Wilayah Kementerian Agama Jawa Tengah"]
    assert office["parent"] == "kemenag" and office["region_code"] == "33"
    assert "Kanwil Kemenag Jawa Tengah" in office.get("aliases", [])
    assert ("Ahmad Fauzi", "Kantor Wilayah Kementerian Agama Jawa Tengah") in signers(record)


def test_a_pair_with_a_declared_office_of_a_gazetteer_body_is_fairly_sure():
    record = draft(
        "Pemerintah Kota Bukittinggi meneken nota kesepahaman dengan BPJS Ketenagakerjaan Cabang "
        "Padang tentang jaminan sosial pekerja rentan, Senin (3/6/2024)."
    )
    (agreement,) = [a for e in record["events"] for a in e["agreements"]]
    assert max(e["confidence"] for e in agreement["evidence"]) == 0.72
