"""Which body a party name stands for (issue #15, second round): a regional government's own
agencies named without a region of their own, English names of Indonesian local governments.
Every text is written for the test."""

from __future__ import annotations

from datetime import date

from govkg.extract import extract_text
from govkg.gazetteer import Gazetteer
from govkg.records.load import load_text

from .drafts import resolved_parties


def extract(text: str, published: date = date(2023, 6, 9), lang: str | None = None) -> dict:
    result = extract_text(text, published=published, lang=lang)
    load_text(result.yaml(), fmt="yaml", name="check.yaml")  # always a record that loads
    return result.record


def signers(record: dict) -> set[tuple[str, str]]:
    return {
        (s["name"], s["party"])
        for event in record["events"]
        for agreement in event["agreements"]
        for s in agreement.get("signatories", ())
    }


# ── A regional government's own agencies ────────────────────────────────────────────────────────


def test_a_regional_planning_agency_with_its_region_signs_for_that_government():
    record = extract(
        "Universitas Jambi dan Pemprov Sumbar meneken nota kesepahaman, Kamis (8/6/2023). "
        "Nota itu ditandatangani Kepala Badan Perencanaan Pembangunan Daerah (Bappeda) Sumbar "
        "Yusuf Hidayat."
    )
    assert resolved_parties(record) == [{"universitas-jambi", "provinsi-13"}]
    gazetteer = Gazetteer.bundled()
    assert {(name, gazetteer.resolve(party).key) for name, party in signers(record)} == {
        ("Yusuf Hidayat", "provinsi-13")
    }
    assert "organizations" not in record


def test_regional_enterprises_as_a_generic_noun_are_no_party():
    record = extract(
        "Pemerintah Provinsi Jawa Tengah melalui sejumlah Badan Usaha Milik Daerah (BUMD) "
        "menandatangani nota kesepakatan dengan Kejaksaan Tinggi Jawa Tengah, Kamis (8/6/2023)."
    )
    names = [p for event in record["events"] for a in event["agreements"] for p in a["parties"]]
    assert not any("Usaha Milik" in name for name in names)
    assert resolved_parties(record)[0] == {"decl:Kejaksaan Tinggi Jawa Tengah", "provinsi-33"}


# ── Branches and offices standing for their body ───────────────────────────────────────────────


def test_a_regional_bank_named_with_the_town_of_its_branch_is_the_bank():
    record = extract(
        "Pemerintah Kabupaten Ngada dan Bank NTT Ruteng menandatangani perjanjian kerja sama "
        "penyertaan modal, Kamis (8/6/2023)."
    )
    assert resolved_parties(record) == [{"kabupaten-53-09", "bank-ntt"}]
    assert "organizations" not in record


def test_a_university_s_regional_office_is_the_university():
    record = extract(
        "Universitas Terbuka's Regional Office in Kupang signed a memorandum of understanding "
        "with Ende Regency Government on Thursday (8/6/2023).",
        lang="en",
    )
    assert resolved_parties(record) == [{"universitas-terbuka", "kabupaten-53-08"}]


# ── A regional office, or the body itself ───────────────────────────────────────────────────────


def test_an_office_the_gazetteer_lists_is_found_with_perwakilan_and_its_acronym():
    record = extract(
        "Pemkab Kolaka dan Badan Pengawasan Keuangan dan Pembangunan (BPKP) Perwakilan Sulawesi "
        "Tenggara meneken nota kesepahaman tata kelola, Kamis (8/6/2023)."
    )
    assert resolved_parties(record) == [{"kabupaten-74-01", "bpkp-perwakilan-sultra"}]


def test_the_office_of_a_body_whose_offices_the_gazetteer_does_not_list_is_the_body():
    record = extract(
        "Kepala BPK Perwakilan Provinsi Jambi Sri Handayani dan Gubernur Jambi Ahmad Fauzi "
        "menandatangani kesepakatan bersama akses data rekening, Kamis (8/6/2023)."
    )
    assert resolved_parties(record) == [{"bpk", "provinsi-15"}]
    assert "organizations" not in record


# ── Names in capitals ───────────────────────────────────────────────────────────────────────────


def test_a_headline_in_capitals_does_not_run_a_university_into_the_next_party():
    record = extract(
        "https://example.ac.id/usr-demak\n"
        "UNIVERSITAS SEMARANG RAYA DAN PEMKAB DEMAK TANDA TANGANI MoU PENGEMBANGAN DESA\n\n"
        "UNIVERSITAS SEMARANG RAYA DAN PEMKAB DEMAK TANDA TANGANI MoU PENGEMBANGAN DESA\n\n"
        "Demak, 8 Juni 2023 - Universitas Semarang Raya menandatangani nota kesepahaman dengan "
        "Pemerintah Kabupaten Demak."
    )
    names = {p for event in record["events"] for a in event["agreements"] for p in a["parties"]}
    assert not any("DAN" in name.upper().split() for name in names)
    assert "kabupaten-33-21" in set().union(*resolved_parties(record))


# ── Units of a regional government ──────────────────────────────────────────────────────────────


def test_a_unit_with_its_acronym_in_brackets_before_the_region_is_declared_as_that_unit():
    record = extract(
        "Dinas Pekerjaan Umum dan Penataan Ruang (PUPR) Kabupaten Demak dan Kejaksaan Negeri "
        "Demak menandatangani nota kesepahaman bantuan hukum, Kamis (8/6/2023)."
    )
    unit = "Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Demak"
    assert resolved_parties(record) == [
        {f"decl:{unit}", "decl:Kejaksaan Negeri Demak"}
    ] or resolved_parties(record) == [{f"decl:{unit}", "kejari-demak"}]
    declared = next(o for o in record["organizations"] if o["name"] == unit)
    assert declared["kind"] == "GovernmentUnit"
    assert "Dinas PUPR Kabupaten Demak" in declared["aliases"]
