"""Hub events (issue 15, session 12, helper e4): further agreements between units of the
parties signed at the same event.

Each phenomenon is shown by a text of our own words."""

from __future__ import annotations

from .drafts import declarations, draft, party_lists

_FACULTY = (
    "Universitas Sam Ratulangi dan Dinas Pendidikan Provinsi Sulawesi Utara meneken nota "
    "kesepahaman di Manado, Rabu (4/3/2026). Pada kesempatan yang sama juga diteken "
    "Memorandum of Agreement (MoA) antara Fakultas Teknik dengan Dinas Pendidikan Provinsi "
    "Sulawesi Utara."
)


def test_a_faculty_named_bare_after_its_university_is_that_universitys_faculty():
    record = draft(_FACULTY)
    lists = party_lists(record)
    assert len(lists) == 2, lists
    assert lists[1][0] == "Fakultas Teknik Universitas Sam Ratulangi", lists
    faculty = declarations(record)["Fakultas Teknik Universitas Sam Ratulangi"]
    assert faculty["parent"] == "universitas-sam-ratulangi"


def test_a_bare_faculty_with_no_university_named_is_no_party():
    record = draft(
        "Dinas Pendidikan Provinsi Sulawesi Utara dan Bank SulutGo meneken nota kesepahaman, "
        "Rabu (4/3/2026). Sebelumnya Fakultas Teknik menggelar seminar."
    )
    assert not any("Fakultas" in name for names in party_lists(record) for name in names)


def test_a_faculty_named_with_the_acronym_of_its_university_is_not_read_as_bare():
    record = draft(
        "Universitas Sam Ratulangi dan Pemerintah Kota Bitung meneken nota kesepahaman, Rabu "
        "(4/3/2026). Juga diteken MoA antara Fakultas Perikanan UNSRAT Manado dengan Pemerintah "
        "Kota Bitung."
    )
    names = [name for names in party_lists(record) for name in names]
    assert "Fakultas Perikanan Universitas Sam Ratulangi" not in names, names


def test_an_office_named_by_its_short_name_and_its_province_is_the_office_named_in_full():
    record = draft(
        "Universitas Sam Ratulangi dan Dinas Kesehatan Provinsi Sulawesi Utara meneken nota "
        "kesepahaman di Manado, Rabu (4/3/2026). Juga diteken perjanjian kerja sama antara "
        "Fakultas Kedokteran dengan Dinkes Sulawesi Utara."
    )
    lists = party_lists(record)
    assert len(lists) == 2, lists
    assert lists[1] == [
        "Fakultas Kedokteran Universitas Sam Ratulangi",
        "Dinas Kesehatan Provinsi Sulawesi Utara",
    ], lists


def test_a_head_signing_with_representatives_of_listed_bodies_signs_with_each():
    record = draft(
        "Penandatanganan nota kesepahaman dilakukan oleh Bupati Sleman bersama perwakilan dari "
        "ABCD, Universitas Gadjah Mada dan Yayasan Hijau Lestari Mandiri di Sleman, Rabu "
        "(4/3/2026)."
    )
    lists = party_lists(record)
    assert ["Pemerintah Kabupaten Sleman", "UGM"] in lists, lists
    assert ["Pemerintah Kabupaten Sleman", "Yayasan Hijau Lestari Mandiri"] in lists, lists


def test_representatives_without_a_with_word_are_guests_not_partners():
    record = draft(
        "Pemerintah Kabupaten Sleman dan Pemerintah Kota Yogyakarta meneken nota kesepahaman, "
        "Rabu (4/3/2026). Tampak perwakilan dari Universitas Gadjah Mada dan Universitas Negeri "
        "Yogyakarta di ruangan."
    )
    assert party_lists(record) == [["Pemerintah Kabupaten Sleman", "Pemerintah Kota Yogyakarta"]]


def test_a_regional_government_written_in_lower_case_is_a_party():
    record = draft(
        "Pemerintah Kabupaten Ngawi dengan pemerintah kota semarang meneken nota kesepahaman "
        "kerja sama pariwisata, Rabu (4/3/2026)."
    )
    assert party_lists(record) == [["Pemerintah Kabupaten Ngawi", "Pemerintah Kota Semarang"]]


def test_lower_case_words_after_pemerintah_kota_are_no_name():
    record = draft(
        "Pemerintah Kabupaten Ngawi dan Pemerintah Kota Semarang meneken nota kesepahaman, Rabu "
        "(4/3/2026). Kerja sama ini membantu pemerintah kota dan kabupaten di sekitarnya."
    )
    assert party_lists(record) == [["Pemerintah Kabupaten Ngawi", "Pemerintah Kota Semarang"]]


_FURTHER = (
    "Ngawi dan Semarang teken MoU\n\nPemerintah Kabupaten Ngawi dengan Pemerintah Kota "
    "Semarang melaksanakan penandatanganan nota kesepahaman kerja sama pariwisata bertempat di "
    "Balai Kota Pemkot Semarang, Rabu (4/3/2026). Turut hadir dan juga menandatangani nota "
    "kesepahaman yaitu Kabupaten Sleman, Kabupaten Klaten dan Kota Magelang."
)


def test_further_signers_listed_at_the_event_each_sign_with_its_host():
    lists = party_lists(draft(_FURTHER))
    assert lists == [
        ["Pemerintah Kabupaten Ngawi", "Pemerintah Kota Semarang"],
        ["Pemerintah Kota Semarang", "Pemerintah Kabupaten Sleman"],
        ["Pemerintah Kota Semarang", "Pemerintah Kabupaten Klaten"],
        ["Pemerintah Kota Semarang", "Pemerintah Kota Magelang"],
    ], lists


def test_further_signers_without_a_host_sign_with_the_first_party():
    lists = party_lists(draft(_FURTHER.replace("bertempat di Balai Kota Pemkot Semarang", "")))
    assert ["Pemerintah Kabupaten Ngawi", "Pemerintah Kabupaten Sleman"] in lists, lists


def test_an_agreement_taken_to_the_host_is_not_held_sure():
    record = draft(_FURTHER)
    agreements = record["events"][0]["agreements"]
    assert max(e["confidence"] for e in agreements[0]["evidence"]) >= 0.9
    assert all(e["confidence"] <= 0.7 for a in agreements[1:] for e in a["evidence"])
