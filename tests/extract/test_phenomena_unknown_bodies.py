"""Bodies the gazetteer does not know, named in full (issue 15, session 9): each kind shown by a
text of our own. The body is a party under the name the text gives it, declared with its kind,
never the placeholder for a party the rules did not recognise."""

from __future__ import annotations

from .drafts import declarations, draft, party_lists

PLACEHOLDER = "Pihak yang belum dikenali"


def test_a_foundation_named_without_an_acronym():
    record = draft(
        "Pemerintah Kabupaten Sinjai menandatangani nota kesepahaman dengan Yayasan Cahaya "
        "Pelita Bangsa tentang beasiswa pendidikan, Senin (3/6/2024). Penandatanganan "
        "dilakukan oleh Bupati Sinjai Andi Rahman dan Ketua Yayasan Cahaya Pelita Bangsa "
        "Maria Sutanto."
    )
    assert party_lists(record) == [["Pemerintah Kabupaten Sinjai", "Yayasan Cahaya Pelita Bangsa"]]
    assert declarations(record)["Yayasan Cahaya Pelita Bangsa"]["kind"] == "Organization"


def test_a_company_named_by_the_last_word_of_its_name():
    record = draft(
        "Pemerintah Kabupaten Halmahera Tengah menjalin kerja sama dengan Teluk Weda Nickel "
        "di bidang pengembangan masyarakat, Rabu (5/6/2024). Nota kesepahaman diteken Bupati "
        "Halmahera Tengah Ikram Sangadji dan Direktur Teluk Weda Nickel Andreas Tan."
    )
    assert sorted(party_lists(record)[0]) == [
        "Pemerintah Kabupaten Halmahera Tengah",
        "Teluk Weda Nickel",
    ]


def test_a_chapter_of_a_national_organization_named_by_its_region():
    record = draft(
        "Palang Merah Indonesia (PMI) Kota Bogor menandatangani nota kesepahaman dengan "
        "Pemerintah Kota Bogor tentang donor darah, Jumat (14/6/2024). MoU diteken Ketua PMI "
        "Kota Bogor Rina Wati dan Wali Kota Bogor Dedie Rachim."
    )
    assert party_lists(record) == [["Palang Merah Indonesia Kota Bogor", "Pemerintah Kota Bogor"]]
    assert "PMI Kota Bogor" in declarations(record)["Palang Merah Indonesia Kota Bogor"]["aliases"]


def test_a_regional_centre_with_an_english_name():
    record = draft(
        "Pemerintah Provinsi Sulawesi Utara dan SEAMEO Regional Centre for Food and Nutrition "
        "menandatangani nota kesepahaman tentang gizi anak, Jumat (21/6/2024)."
    )
    assert party_lists(record) == [
        ["Pemerintah Provinsi Sulawesi Utara", "SEAMEO Regional Centre for Food and Nutrition"]
    ]


def test_a_regional_parliament_is_a_party_of_its_own():
    record = draft(
        "DPRD Kabupaten Tegal dan Universitas Bumi Khatulistiwa menandatangani nota "
        "kesepahaman tentang kajian legislasi daerah, Kamis (13/6/2024). Ketua DPRD Kabupaten "
        "Tegal Kurnia Sari dan Rektor Universitas Bumi Khatulistiwa Dr. Yohanes Aten meneken "
        "MoU itu."
    )
    assert party_lists(record) == [["DPRD Kabupaten Tegal", "Universitas Bumi Khatulistiwa"]]
    assert declarations(record)["DPRD Kabupaten Tegal"]["kind"] == "GovernmentUnit"


def test_a_unit_of_a_province_named_by_the_province_alone():
    record = draft(
        "Dinas Pangan Aceh dan Dinas Pertanian Kabupaten Bireuen menandatangani perjanjian "
        "kerja sama cadangan pangan, Rabu (12/6/2024). Kepala Dinas Pangan Aceh Nurul Huda "
        "dan Kepala Dinas Pertanian Kabupaten Bireuen Zulkifli meneken perjanjian itu."
    )
    assert party_lists(record) == [["Dinas Pangan Aceh", "Dinas Pertanian Kabupaten Bireuen"]]
    assert declarations(record)["Dinas Pangan Aceh"]["parent"] == "provinsi-11"


def test_a_foreign_city_named_in_indonesian_with_its_country():
    record = draft(
        "Pemerintah Kabupaten Badung menandatangani nota kesepahaman dengan Pemerintah Kota "
        "Yokohama, Jepang, tentang pengelolaan sampah, Senin (17/6/2024)."
    )
    assert party_lists(record) == [["Pemerintah Kabupaten Badung", "City of Yokohama"]]
    city = declarations(record)["City of Yokohama"]
    assert (city["kind"], city["country"]) == ("ForeignLocalGovernment", "JP")
    assert city["aliases"] == ["Pemerintah Kota Yokohama"]


def test_a_foreign_province_named_in_english_after_its_place():
    record = draft(
        "The West Java Provincial Government signed a memorandum of understanding with the "
        "Gyeonggi Provincial Government of South Korea on trade on Tuesday (June 18, 2024).",
    )  # a province of no foreign_local.regions list (those take their government's own name)
    assert party_lists(record) == [
        ["Pemerintah Provinsi Jawa Barat", "Gyeonggi Provincial Government"]
    ]
    assert declarations(record)["Gyeonggi Provincial Government"]["country"] == "KR"


def test_a_sister_province_written_as_a_province():
    record = draft(
        "Bali officially became a sister province with Hainan Province, China, on Monday "
        "(June 24, 2024), when the governors signed the memorandum of understanding."
    )
    assert "Hainan Provincial Government" in party_lists(record)[0]


def test_an_indonesian_region_followed_by_a_headline_word_is_no_foreign_government():
    record = draft(
        "PEMPROV JAWA TENGAH TEKEN MOU DENGAN UNIVERSITAS BUMI KHATULISTIWA\n"
        "Pemerintah Provinsi Jawa Tengah Tanda tangani nota kesepahaman dengan Universitas "
        "Bumi Khatulistiwa, Senin (17/6/2024)."
    )
    kinds = {o["kind"] for o in record.get("organizations", [])}
    assert "ForeignLocalGovernment" not in kinds


def test_an_agency_of_a_foreign_government_named_after_its_country():
    record = draft(
        "Indonesia's Ministry of Health signed a memorandum of understanding with the US "
        "Department of Health and Human Services on Wednesday (June 19, 2024)."
    )
    name = "United States Department of Health and Human Services"
    assert name in party_lists(record)[0]
    agency = declarations(record)[name]
    assert (agency["kind"], agency["country"]) == ("ForeignGovernment", "US")


def test_an_agency_named_with_the_adjective_of_its_country_keeps_it():
    record = draft(
        "Pemerintah Provinsi Nusa Tenggara Barat menandatangani nota kesepahaman dengan "
        "Australian Bureau of Meteorology tentang data iklim, Kamis (20/6/2024)."
    )
    assert "Australian Bureau of Meteorology" in party_lists(record)[0]


def test_a_body_no_rule_knows_is_named_by_its_place_after_dengan():
    record = draft(
        "Pemerintah Kabupaten Sinjai menandatangani nota kesepahaman dengan Lembaga Kajian "
        "Nusa Raya tentang riset sosial, Senin (3/6/2024)."
    )
    assert party_lists(record) == [["Pemerintah Kabupaten Sinjai", "Lembaga Kajian Nusa Raya"]]
    assert PLACEHOLDER not in declarations(record)
    notes = [n for e in record["events"] for a in e["agreements"] for n in a.get("notes", [])]
    assert any("Lembaga Kajian Nusa Raya" in note for note in notes)


def test_faculties_named_as_the_parties_are_parties_under_their_universities():
    record = draft(
        "Fakultas Hukum Universitas Bumi Khatulistiwa dan Fakultas Syariah Institut Agama Islam "
        "Negeri Ketapang menandatangani perjanjian kerja sama, Selasa (11/6/2024). Dekan "
        "Fakultas Hukum Universitas Bumi Khatulistiwa Dr. Markus Lim dan Dekan Fakultas Syariah "
        "IAIN Ketapang Dr. Hasan Basri meneken perjanjian itu."
    )
    assert party_lists(record) == [
        [
            "Fakultas Hukum Universitas Bumi Khatulistiwa",
            "Fakultas Syariah Institut Agama Islam Negeri Ketapang",
        ]
    ]
    faculty = declarations(record)["Fakultas Syariah Institut Agama Islam Negeri Ketapang"]
    assert faculty["kind"] == "StateUniversity"


def test_a_faculty_named_in_english_before_its_university():
    record = draft(
        "Kupang, 3 June 2024 – The Faculty of Law, Nusa Cendana University, and the Regional "
        "Government of Sabu Raijua Regency signed a memorandum of agreement on legal aid."
    )
    assert "Faculty of Law, Nusa Cendana University" in party_lists(record)[0]


def test_a_research_institute_of_a_university_signs_for_the_university():
    record = draft(
        "Ketua Lembaga Penelitian dan Pengabdian kepada Masyarakat (LPPM) Universitas Bumi "
        "Khatulistiwa, Rina Lestari, menandatangani perjanjian kerja sama dengan Sekretaris "
        "Daerah Kabupaten Sanggau, Budi Santoso, Senin (10/6/2024)."
    )
    assert "Universitas Bumi Khatulistiwa" in party_lists(record)[0]


def test_a_college_named_again_before_its_chairman_keeps_its_name():
    record = draft(
        "Pemerintah Kabupaten Sumenep dan Sekolah Tinggi Ilmu Kesehatan Madura Sehat meneken "
        "nota kesepahaman di bidang kesehatan, Jumat (7/6/2024). Penandatanganan dilakukan "
        "Bupati Sumenep Ahmad Fauzi dan Ketua Sekolah Tinggi Ilmu Kesehatan Madura Sehat Siti "
        "Aminah."
    )
    signers = {
        (s["name"], s["party"])
        for e in record["events"]
        for a in e["agreements"]
        for s in a.get("signatories", [])
    }
    assert ("Siti Aminah", "Sekolah Tinggi Ilmu Kesehatan Madura Sehat") in signers


def test_a_branch_office_of_a_central_body_is_no_unit_of_the_regency():
    record = draft(
        "Bupati Pati Sudarsono dan Kepala BPJS Kesehatan Kantor Cabang Pati, Rudi Hartono, "
        "menandatangani kesepakatan bersama tentang jaminan kesehatan, Selasa (4/6/2024)."
    )
    parties = party_lists(record)[0]
    assert not any(p.startswith("Kantor Cabang") for p in parties)
    assert len(parties) == 2


def test_a_state_islamic_university_named_in_english_is_named_as_in_indonesian():
    record = draft(
        "Kendari, 4 June 2024 – The Buton Regency Government and the State Islamic Institute "
        "(IAIN) of Kendari signed a memorandum of understanding on teacher training."
    )
    assert "IAIN Kendari" in party_lists(record)[0]
    assert declarations(record)["IAIN Kendari"]["kind"] == "StateUniversity"


def test_a_faculty_of_such_a_university_takes_its_indonesian_name():
    record = draft(
        "Kendari, 4 June 2024 – The Faculty of Law, Halu Oleo University, and the Faculty of "
        "Sharia (FS), State Islamic Institute (IAIN) of Kendari, signed a memorandum of "
        "agreement on legal clinics."
    )
    assert "Faculty of Sharia, IAIN Kendari" in party_lists(record)[0]


def test_a_region_that_closes_the_name_of_a_unit_is_no_party():
    record = draft(
        "PLN dan Kejaksaan Tinggi Kalimantan Timur meneken perjanjian kerja sama, Jumat "
        "(7/6/2024). Dalam acara itu hadir dua unit PLN yakni Unit Induk Distribusi "
        "Kalimantan Timur dan Unit Induk Pembangunan Kalimantan Bagian Timur."
    )
    parties = [p for ps in party_lists(record) for p in ps]
    assert "Pemerintah Provinsi Kalimantan Timur" not in parties


def test_a_city_of_a_country_the_rules_did_not_list_before():
    record = draft(
        "Pemerintah Provinsi Bali menandatangani MoU dengan Pemerintah Kota Firenze, Italia, "
        "tentang pariwisata budaya, Senin (3/6/2024)."
    )
    assert party_lists(record) == [["Pemerintah Provinsi Bali", "City of Firenze"]]
    assert declarations(record)["City of Firenze"]["country"] == "IT"
