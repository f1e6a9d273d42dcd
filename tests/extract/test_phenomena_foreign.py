"""Parties the extractor used to miss or mis-resolve (issue #15): foreign bodies and bodies
named in English, universities, regional banks, prosecutors' offices, state companies, units
named for their parent, and typos. Every text is written for the test."""

from __future__ import annotations

from datetime import date

from govkg.extract import extract_text
from govkg.records.load import load_text

from .drafts import resolved_parties


def extract(text: str, published: date = date(2023, 6, 9), lang: str | None = None) -> dict:
    result = extract_text(text, published=published, lang=lang)
    load_text(result.yaml(), fmt="yaml", name="check.yaml")  # always a record that loads
    return result.record


def declaration(record: dict, name: str) -> dict:
    return next(o for o in record["organizations"] if o["name"] == name)


# ── Regional offices the gazetteer has, written another way ─────────────────────────────────────


def test_a_regional_office_written_with_a_short_place_name_is_the_gazetteer_entry():
    record = extract(
        "Kepala Kejaksaan Tinggi Sumbar Rina Wulandari dan Gubernur Sumatera Barat Hadi "
        "Prasetyo meneken nota kesepakatan bantuan hukum, Kamis (8/6/2023)."
    )
    assert resolved_parties(record) == [{"kejati-sumbar", "provinsi-13"}]
    assert "organizations" not in record


def test_a_full_name_whose_acronym_and_the_words_after_it_name_a_gazetteer_body():
    # the full name is misspelt; "(BPJS) Ketenagakerjaan" still names the body
    record = extract(
        "Pemerintah Kabupaten Sleman menandatangani nota kesepahaman dengan Badan Penyelengara "
        "Jaminan Sosial (BPJS) Ketenagakerjaan tentang perlindungan pekerja, Kamis (8/6/2023)."
    )
    assert resolved_parties(record) == [{"kabupaten-34-04", "bpjs-ketenagakerjaan"}]


def test_a_regional_bank_written_with_its_acronym_and_province():
    record = extract(
        "Pemerintah Provinsi Sulawesi Utara dan Bank Pembangunan Daerah (BPD) Sulut meneken "
        "perjanjian kerja sama penyaluran gaji pegawai, Kamis (8/6/2023)."
    )
    assert resolved_parties(record) == [{"provinsi-71", "bpd-sulut"}]


# ── Universities ────────────────────────────────────────────────────────────────────────────────


def test_a_university_named_in_english_is_declared_with_its_indonesian_form():
    record = extract(
        "Semarang City Government signed a memorandum of understanding with Tidar Raya "
        "University on Thursday (8/6) on research and internships.",
        lang="en",
    )
    assert resolved_parties(record) == [{"kota-33-74", "decl:Tidar Raya University"}]
    assert declaration(record, "Tidar Raya University")["aliases"] == ["Universitas Tidar Raya"]


def test_university_of_and_a_generic_english_university_name():
    record = extract(
        "The University of Adelaide and Bogor Regency Government signed a memorandum of "
        "understanding on Thursday (8/6), said a lecturer of an Indonesian University.",
        lang="en",
    )
    assert resolved_parties(record) == [{"decl:University of Adelaide", "kabupaten-32-01"}]


def test_a_university_with_its_city_is_the_university_not_a_regional_office():
    record = extract(
        "Pemerintah Kota Bogor dan ITB Bandung meneken nota kesepahaman kota cerdas, "
        "Kamis (8/6/2023)."
    )
    assert resolved_parties(record) == [{"kota-32-71", "institut-teknologi-bandung"}]


def test_a_university_named_again_with_the_acronym_the_report_gave_it():
    record = extract(
        "Pemerintah Kabupaten Sleman bekerja sama dengan Universitas Harapan Timur (Unhati). "
        "Nota kesepahaman diteken Rektor Universitas Unhati Prof Budi Santosa dan Bupati Sleman "
        "Rina Astuti, Kamis (8/6/2023)."
    )
    assert resolved_parties(record) == [{"decl:Universitas Harapan Timur", "kabupaten-34-04"}]


def test_a_misspelt_university_the_gazetteer_knows_by_that_spelling():
    record = extract(
        "Pemerintah Kabupaten Sleman dan Universitas Gajah Mada meneken MoU, Kamis (8/6/2023)."
    )
    assert resolved_parties(record) == [{"kabupaten-34-04", "universitas-gadjah-mada"}]


# ── Foreign bodies ──────────────────────────────────────────────────────────────────────────────


def test_a_country_beside_indonesia_is_its_government_declared_with_its_forms():
    record = extract(
        "Indonesia and Norway have signed an agreement on peatland restoration on Thursday "
        "(8/6). It was signed by the Minister of Environment and Forestry Siti Rahma and the "
        "Norwegian ambassador.",
        lang="en",
    )
    assert {"decl:Government of Norway"} <= resolved_parties(record)[0]
    norway = declaration(record, "Government of Norway")
    assert norway["kind"] == "ForeignGovernment" and norway["country"] == "NO"
    assert "Government of the Kingdom of Norway" in norway["aliases"]


def test_an_international_organization_named_by_its_acronym_is_declared_in_full():
    record = extract(
        "Kementerian Kesehatan dan UNICEF menandatangani nota kesepahaman tentang imunisasi "
        "anak, Kamis (8/6/2023)."
    )
    assert resolved_parties(record) == [{"kemenkes", "decl:United Nations Children's Fund"}]
    unicef = declaration(record, "United Nations Children's Fund")
    assert unicef["kind"] == "InternationalOrganization" and unicef["acronyms"] == ["UNICEF"]


def test_a_foreign_ministry_named_with_its_country_and_one_without_it_stays_out():
    record = extract(
        "The Ministry of Agriculture and the Ministry of Agriculture, Forestry and Fisheries of "
        "Japan signed a memorandum of understanding on Thursday (8/6) on rice breeding.",
        lang="en",
    )
    names = {o["name"] for o in record["organizations"]}
    assert "Ministry of Agriculture, Forestry and Fisheries of Japan" in names
    assert not any(name.startswith("Ministry of Agriculture and") for name in names)


def test_a_region_of_a_foreign_country_named_in_indonesian():
    record = extract(
        "Pemerintah Provinsi Bali menandatangani MoU dengan Pemerintah Negara Bagian Australia "
        "Barat tentang pariwisata, Kamis (8/6/2023)."
    )
    # a state of the foreign_local regions list: named as its government names itself
    assert resolved_parties(record) == [{"provinsi-51", "decl:Government of Western Australia"}]
    state = declaration(record, "Government of Western Australia")
    assert state["kind"] == "ForeignLocalGovernment"
    assert "Pemerintah Negara Bagian Australia Barat" in state["aliases"]


def test_a_country_named_only_in_passing_is_not_a_party():
    record = extract(
        "Pemerintah Kota Bogor dan IPB meneken MoU pertanian kota, Kamis (8/6/2023). Wali Kota "
        "Bogor mengatakan pola serupa sudah berjalan di Jepang."
    )
    assert resolved_parties(record) == [{"kota-32-71", "ipb"}]


# ── Prosecutors' offices ────────────────────────────────────────────────────────────────────────


def test_a_title_in_capitals_does_not_make_a_place_of_the_verb_after_an_office():
    record = extract(
        "https://contoh.id/berita/kejati-mou\n"
        "Pemkab Sleman dan Kejati Resmi Tandatangani Perjanjian Kerja Sama\n"
        "Sleman - Bupati Sleman Rina Astuti meneken perjanjian itu, Kamis (8/6/2023)."
    )
    names = {o["name"] for o in record.get("organizations", ())}
    assert not any("Tandatangani" in name or "Resmi" in name for name in names)
