"""Who is a party: bodies named by their head's post, by acronym, as pihak pertama/kedua,
regional offices, units, universities, enterprises; never witnesses, guests or places."""

from __future__ import annotations

from datetime import date

from govkg.extract import extract_text
from govkg.gazetteer import Gazetteer
from govkg.records.load import load_text


def agreements(text: str, published: date = date(2022, 5, 20), lang: str | None = None):
    result = extract_text(text, published=published, lang=lang)
    load_text(result.yaml(), fmt="yaml", name="check.yaml")  # always a valid record
    return result.record


def keys(record: dict) -> list[set[str]]:
    """Each agreement's parties as gazetteer keys (declared bodies by their declared id)."""
    declared = {o["name"]: o["id"] for o in record.get("organizations", ())}
    gazetteer = Gazetteer.bundled()
    found = []
    for agreement in record["events"][0]["agreements"]:
        found.append({declared.get(p) or gazetteer.resolve(p).key for p in agreement["parties"]})
    return found


def test_a_body_named_only_through_its_heads_post():
    record = agreements(
        "Bupati Serang Ratu Tatu dan Kepala LAN Adi Suryanto menandatangani MoU, Kamis (19/5/2022)."
    )
    assert keys(record) == [{"kabupaten-36-04", "lan"}]  # Bupati Serang: the regency, not the city


def test_acronyms_only():
    record = agreements("KPK dan BPKP meneken MoU pencegahan korupsi, Kamis (19/5/2022).")
    assert keys(record) == [{"kpk", "bpkp"}]


def test_pihak_pertama_and_kedua():
    record = agreements(
        "Memorandum of Agreement (MoA) ditandatangani di Balai Kota Makassar, Jumat (3/12/2021). "
        "Pemerintah Kota Makassar bertindak sebagai pihak pertama, sedangkan Universitas "
        "Hasanuddin (Unhas) sebagai pihak kedua. Pihak pertama diwakili oleh Wali Kota Makassar "
        "Andi Pratama, dan pihak kedua diwakili oleh Rektor Unhas Nurul Hidayah.",
        published=date(2021, 12, 4),
    )
    assert keys(record) == [{"kota-73-71", "universitas-hasanuddin"}]
    assert record["events"][0]["agreements"][0]["kind"] == "moa"


def test_witnesses_guests_and_places_are_not_parties():
    record = agreements(
        "Pemerintah Kabupaten Sleman dan ANRI meneken nota kesepakatan di Aula Kantor Bupati "
        "Sleman, Kamis (19/5/2022), disaksikan Gubernur DIY. Turut hadir Kepala Kejaksaan Negeri "
        "Sleman Rudi Hartanto. Kepala ANRI mengatakan Kemendagri juga akan dilibatkan."
    )
    assert keys(record) == [{"kabupaten-34-04", "anri"}]


def test_a_regional_office_of_a_ministry_is_declared_with_its_parent():
    record = agreements(
        "Kantor Wilayah Kementerian Hukum dan HAM Jawa Timur menandatangani nota kesepahaman "
        "dengan Pemerintah Kota Malang, Selasa (8/8/2023). Kepala Kantor Wilayah Kemenkumham "
        "Jawa Timur Yudi Hartono dan Wali Kota Malang Sutrisno Adi membubuhkan tanda tangan.",
        published=date(2023, 8, 9),
    )
    assert len(keys(record)) == 1  # both spellings of the office are one body
    office = record["organizations"][0]
    assert office["kind"] == "RegionalOffice" and office["parent"] == "kemenkumham"
    signatory = record["events"][0]["agreements"][0]["signatories"][0]
    assert signatory["post"] == "Kepala Kantor Wilayah"


def test_a_unit_of_a_regional_government_and_a_faculty_for_its_university():
    record = agreements(
        "Dinas Pendidikan Kabupaten Serang dan Universitas Sultan Ageng Tirtayasa (Untirta) "
        "meneken perjanjian kerja sama, Senin (15/5/2023). PKS itu ditandatangani Kepala Dinas "
        "Pendidikan Kabupaten Serang Asep Mulyadi dan Dekan FKIP Untirta Siti Aminah.",
        published=date(2023, 5, 16),
    )
    declared = {o["name"]: o for o in record["organizations"]}
    assert declared["Dinas Pendidikan Kabupaten Serang"]["kind"] == "GovernmentUnit"
    assert declared["Dinas Pendidikan Kabupaten Serang"]["parent"] == "kabupaten-36-04"
    assert declared["Universitas Sultan Ageng Tirtayasa"]["kind"] == "StateUniversity"
    signatories = record["events"][0]["agreements"][0]["signatories"]
    assert {(s["post"], s["party"]) for s in signatories} == {
        ("Kepala Dinas", "Dinas Pendidikan Kabupaten Serang"),
        ("Dekan", "Universitas Sultan Ageng Tirtayasa"),
    }


def test_a_state_owned_enterprise_and_its_short_name():
    record = agreements(
        "PT Pertamina (Persero) dan Pemerintah Provinsi Jawa Timur menandatangani nota "
        "kesepahaman, Kamis (19/5/2022). Nota kesepahaman diteken Direktur Utama Pertamina "
        "Dedi Rahardjo dan Gubernur Jawa Timur Sri Rahayu."
    )
    (agreement,) = record["events"][0]["agreements"]
    assert record["organizations"][0]["kind"] == "StateOwnedEnterprise"
    assert {s["party"] for s in agreement["signatories"]} == set(agreement["parties"])


def test_an_enterprise_the_gazetteer_knows_is_its_entry_in_full_and_short():
    record = agreements(
        "PT PLN (Persero) dan Pemerintah Provinsi Jawa Timur menandatangani nota kesepahaman, "
        "Kamis (19/5/2022). Nota kesepahaman diteken Direktur Utama PLN Dedi Rahardjo dan "
        "Gubernur Jawa Timur Sri Rahayu."
    )
    (agreement,) = record["events"][0]["agreements"]
    assert "organizations" not in record
    assert keys(record) == [{"pln", "provinsi-35"}]
    assert {s["party"] for s in agreement["signatories"]} == set(agreement["parties"])


def test_an_unknown_body_is_kept_as_written_with_the_closest_candidates():
    record = agreements(
        "Pemerintah Kota Padang menandatangani nota kesepahaman dengan Badan Amil Zakat Nasional "
        "(Baznas), Kamis (19/5/2022). Nota kesepahaman itu ditandatangani Wali Kota Padang "
        "Hendra Saputra dan Ketua Baznas Nur Ahmad."
    )
    (agreement,) = record["events"][0]["agreements"]
    assert "Badan Amil Zakat Nasional" in agreement["parties"]
    assert record["organizations"][0]["acronyms"] == ["Baznas"]
    assert any("not in the gazetteer (closest:" in note for note in agreement["notes"])


def test_an_ambiguous_bare_area_name_is_settled_by_the_parties_already_named():
    text = (
        "LAN menandatangani nota kesepahaman dengan Pemerintah Kabupaten Serang, Kamis "
        "(19/5/2022).\nRincian kerja sama LAN sebagai berikut:\n"
        "1. Serang di bidang pelatihan."
    )
    assert keys(agreements(text)) == [{"lan", "kabupaten-36-04"}]


def test_english_bodies():
    record = agreements(
        "The Ministry of Home Affairs and the Agency for the Assessment and Application of "
        "Technology (BPPT) signed a memorandum of understanding on Tuesday, March 12, 2019.",
        published=date(2019, 3, 13),
        lang="en",
    )
    assert keys(record) == [{"kemendagri", "bppt"}]
