"""Which body signs (issue 15, session 10): regional units of national and local bodies,
regional enterprises, national bodies the gazetteer lacks, foreign local governments and page
furniture. Each kind is shown by a text of our own."""

from __future__ import annotations

from .drafts import declarations, draft, party_lists


def test_a_regional_parliament_named_by_its_region_alone_is_no_region():
    record = draft(
        "DPRD Lampung meneken nota kesepahaman dengan Universitas Saburai tentang kajian "
        "rancangan peraturan daerah, Selasa (4/6/2024). Ketua DPRD Provinsi Lampung Rina "
        "Wati menandatangani bersama Rektor Universitas Saburai Herri Wijaya."
    )
    (parties,) = party_lists(record)
    assert parties == ["DPRD Lampung", "Universitas Saburai"]
    declared = declarations(record)["DPRD Lampung"]
    assert declared["kind"] == "GovernmentUnit"
    assert "DPRD Provinsi Lampung" in declared.get("aliases", [])


def test_a_unit_named_without_its_area_word_keeps_the_full_form_as_alias():
    record = draft(
        "Universitas Terbuka menandatangani perjanjian kerja sama dengan Dinas Pangan Aceh "
        "tentang gizi keluarga, Kamis (6/6/2024)."
    )
    declared = declarations(record)["Dinas Pangan Aceh"]
    assert "Dinas Pangan Provinsi Aceh" in declared.get("aliases", [])


def test_a_regional_water_company_is_named_past_its_acronym_up_to_its_region():
    record = draft(
        "Perusahaan Umum Daerah Air Minum (Perumdam) Tirta Jernih Kabupaten Lebak meneken "
        "nota kesepahaman dengan Kejaksaan Negri (Kejari) Lebak tentang bantuan hukum, "
        "Rabu (5/6/2024)."
    )
    (parties,) = party_lists(record)
    name = "Perusahaan Umum Daerah Air Minum Tirta Jernih Kabupaten Lebak"
    assert parties == [name, "Kejaksaan Negri Lebak"]
    assert "Pemerintah Kabupaten Lebak" not in parties
    company = declarations(record)[name]
    assert company["kind"] == "RegionalOwnedEnterprise"
    assert "Perumdam Tirta Jernih Kabupaten Lebak" in company["aliases"]
    assert "Kejari Lebak" in declarations(record)["Kejaksaan Negri Lebak"]["aliases"]


def test_a_regional_office_named_kantor_wilayah_is_a_body_of_its_own():
    record = draft(
        "Universitas Pattimura menandatangani nota kesepahaman dengan Kantor Wilayah ATR/BPN "
        "Provinsi Maluku tentang sertifikasi tanah kampus, Senin (3/6/2024)."
    )
    (parties,) = party_lists(record)
    assert "Kantor Wilayah ATR/BPN Provinsi Maluku" in parties
    assert (
        declarations(record)["Kantor Wilayah ATR/BPN Provinsi Maluku"]["kind"] == "RegionalOffice"
    )


def test_a_postgraduate_programme_is_a_unit_of_its_university():
    record = draft(
        "Pemerintah Kabupaten Boven Digoel menandatangani perjanjian kerja sama dengan "
        "Program Pascasarjana Universitas Bumi Cendana tentang kajian tata ruang, "
        "Jumat (7/6/2024)."
    )
    (parties,) = party_lists(record)
    assert "Program Pascasarjana Universitas Bumi Cendana" in parties


def test_a_national_body_closed_by_the_country_is_named_in_full():
    record = draft(
        "Universitas Tadulako menandatangani nota kesepahaman dengan Komisi Pengawas Sungai RI "
        "tentang riset daerah aliran sungai, Jumat (7/6/2024)."
    )
    (parties,) = party_lists(record)
    assert parties == ["Universitas Tadulako", "Komisi Pengawas Sungai RI"]


def test_a_province_after_a_universitys_city_is_where_it_sits():
    record = draft(
        "KENDARI - Universitas Bumi Anoa (UBA) Kendari, Sulawesi Tenggara menandatangani nota "
        "kesepahaman dengan Komisi Pengawas Sungai RI, Jumat (7/6/2024)."
    )
    (parties,) = party_lists(record)
    assert "Pemerintah Provinsi Sulawesi Tenggara" not in parties


def test_a_place_after_a_lower_case_hall_is_no_party():
    record = draft(
        "Bertempat di aula Program Pascasarjana Universitas Bumi Cendana, Bupati Merauke "
        "Romanus Mbaraka dan Rektor Universitas Musamus Beatus Tambaip meneken nota "
        "kesepahaman, Jumat (7/6/2024)."
    )
    (parties,) = party_lists(record)
    assert not any("Pascasarjana" in p for p in parties)


def test_a_prefecture_named_with_its_country_after_it():
    record = draft(
        "Letter of Intent diteken oleh Pemerintah Provinsi Sulawesi Tengah dan Pemerintah "
        "Prefektur Kochi Jepang, Selasa (4/6/2024)."
    )
    (parties,) = party_lists(record)
    assert parties == ["Pemerintah Provinsi Sulawesi Tengah", "Pemerintah Prefektur Kochi"]
    assert declarations(record)["Pemerintah Prefektur Kochi"]["country"] == "JP"


def test_a_link_to_another_report_names_no_party():
    record = draft(
        "Pemerintah Provinsi Gorontalo dan Pemerintah Prefektur Kochi Jepang meneken "
        "Letter of Intent, Selasa (4/6/2024).\n"
        "Gubernur Gorontalo hadir bersama para bupati.\n"
        "Kerja sama itu mencakup pertanian dan perikanan.\n"
        "Wakil gubernur juga hadir.\n"
        "BACA: Universitas Negeri Gorontalo dan Kochi University Perpanjang MoU\n"
        "Kedua pihak akan bertemu lagi tahun depan."
    )
    (parties,) = party_lists(record)
    assert parties == ["Pemerintah Provinsi Gorontalo", "Pemerintah Prefektur Kochi"]


def test_a_doctorate_in_capitals_is_no_body():
    record = draft(
        "Governors Lolo Moliga and DR SH Sarundajang signed a memorandum of understanding "
        "between the American Samoa Government and the Provincial Government of North "
        "Sulawesi on Tuesday, June 4, 2024."
    )
    (parties,) = party_lists(record)
    assert "DR" not in parties
    assert any("American Samoa" in p for p in parties)


def test_a_unit_of_a_state_enterprise_named_with_its_area_is_the_party():
    record = draft(
        "PT PLN (Persero) Unit Induk Distribusi Sulawesi Selatan dan Barat bersama Kejaksaan "
        "Tinggi Sulawesi Barat menandatangani perjanjian kerja sama bidang perdata dan tata "
        "usaha negara, Senin (3/6/2024)."
    )
    (parties,) = party_lists(record)
    unit = "PT PLN (Persero) Unit Induk Distribusi Sulawesi Selatan dan Barat"
    assert unit in parties
    assert "Pemerintah Provinsi Sulawesi Selatan" not in parties
    assert declarations(record)[unit]["parent"] in {"pln", "PLN"}


def test_a_body_inside_a_rank_is_no_party_and_a_post_alone_names_its_body():
    record = draft(
        "Penjabat Gubernur Maluku Utara Mayjen TNI (Purn) Samsuddin menandatangani perjanjian "
        "kerja sama penyaluran bahan bakar bersama dengan Kepala BMKG di Jakarta, Senin "
        "(3/6/2024)."
    )
    (parties,) = party_lists(record)
    assert "TNI" not in parties
    assert "BMKG" in parties


def test_a_unit_named_only_as_a_representatives_workplace_is_its_government():
    record = draft(
        "Penandatanganan perjanjian kerja sama antara Pemerintah Kabupaten Mappi dengan "
        "Universitas Bumi Cendana, Jumat (7/6/2024). Hadir mewakili Bupati Mappi adalah "
        "Ir. Yosef Kaize yang merupakan Staf Ahli Bidang Ekonomi Sekretariat Daerah "
        "Kabupaten Mappi."
    )
    (parties,) = party_lists(record)
    assert sorted(parties) == ["Pemerintah Kabupaten Mappi", "Universitas Bumi Cendana"]


def test_a_province_written_by_its_island_alone_is_no_foreign_government():
    record = draft(
        "Penandatanganan kerja sama antara Pemerintah Provinsi Kalimantan dengan Yayasan "
        "Hutan Lestari Nusantara berlangsung di Pontianak, Senin (3/6/2024)."
    )
    declared = declarations(record)
    assert not any(o["kind"] == "ForeignLocalGovernment" for o in declared.values())
