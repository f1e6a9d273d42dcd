"""Parties on real reports (issue 15): each phenomenon shown by a text of our own."""

from __future__ import annotations

from datetime import date

from govkg.extract import extract_text


def _parties(text: str, published: date = date(2024, 7, 5)) -> list[list[str]]:
    record = extract_text(text, published=published).record
    return [a["parties"] for e in record["events"] for a in e["agreements"]]


def test_a_short_form_in_brackets_inside_a_local_government_name():
    text = (
        "Pemerintah Kota (Pemkot) Serang menandatangani nota kesepahaman dengan PT Bank "
        "Pembangunan Banten (Bank Banten), Jumat (5/7/2024)."
    )
    assert _parties(text) == [["Pemerintah Kota Serang", "Bank Banten"]]


def test_an_area_name_that_opens_a_longer_proper_name_is_no_party():
    text = (
        "Indonesia and Germany signed an agreement on vocational training on Wednesday "
        "(May 15, 2019). It was signed by the Finance Ministry’s director general Budi Santoso "
        "and the German Ambassador Klaus Weber, the ambassador told The Jakarta Post."
    )
    parties = _parties(text, date(2019, 5, 16))
    assert all("Jakarta" not in p for ps in parties for p in ps)


def test_a_ministry_named_in_the_possessive_is_a_party():
    text = (
        "Indonesia and Germany signed an agreement on vocational training on Wednesday "
        "(May 15, 2019). It was signed by the Finance Ministry’s director general Budi Santoso "
        "and the German Ambassador Klaus Weber."
    )
    assert "Kemenkeu" in _parties(text, date(2019, 5, 16))[0]


def test_an_acronym_of_several_words_in_brackets_with_the_city_after_it():
    text = (
        "Pemerintah Kabupaten Tebo menandatangani nota kesepahaman dengan Universitas Islam "
        "Negeri Sulthan Thaha (UIN STS) Jambi di bidang pendidikan, Senin (26/5/2025)."
    )
    assert _parties(text, date(2025, 5, 27)) == [["Pemerintah Kabupaten Tebo", "UIN STS Jambi"]]


def test_bodies_named_with_an_acronym_of_several_words_and_a_board_of_a_mass_organization():
    text = (
        "Universitas Pattimura bersama Majelis Pekerja Harian Sinode Gereja Kalvari (MPH GK) dan "
        "Pimpinan Wilayah Muhammadiyah Maluku (PWMM) meneken MoU, Rabu (3/7/2024)."
    )
    parties = _parties(text)[0]
    assert "Majelis Pekerja Harian Sinode Gereja Kalvari" in parties
    assert "Pimpinan Wilayah Muhammadiyah Maluku" in parties
    assert "Pemerintah Provinsi Maluku" not in parties


def test_the_full_stop_of_pt_ends_no_sentence():
    text = (
        "Pemerintah Kabupaten Kutai Timur menandatangani perjanjian kerja sama dengan PT. "
        "Sinar Data Nusantara tentang jaringan internet desa, Senin (18/10/2021)."
    )
    assert _parties(text, date(2021, 10, 19)) == [
        ["Pemerintah Kabupaten Kutai Timur", "PT. Sinar Data Nusantara"]
    ]


def test_a_unit_named_again_by_its_acronym_with_or_without_head_and_region():
    text = (
        "Dinas Pekerjaan Umum dan Penataan Ruang (PUPR) Kabupaten Mandailing Natal (Madina) dan "
        "Kejaksaan Negeri Mandailing Natal menandatangani MoU pendampingan hukum, Selasa "
        "(26/3/2024). Penandatanganan dilakukan oleh Kepala Dinas PUPR Rina Lubis dan Kajari "
        "Madina Andi Nasution. MoU antara PUPR Madina dan kejaksaan itu berlaku dua tahun."
    )
    parties = _parties(text, date(2024, 3, 27))
    assert len(parties) == 1
    assert "Kemenpupr" not in parties[0] and "PUPR Madina" not in parties[0]
    assert len(parties[0]) == 2


def test_an_area_word_before_the_place_that_ends_a_bodys_name():
    text = (
        "Bupati Merauke Yohanes Kaize dan Kepala Kantor Wilayah Hukum dan HAM Provinsi Papua "
        "Markus Wanggai menandatangani nota kesepahaman, Rabu (19/5/2021)."
    )
    assert _parties(text, date(2021, 5, 20)) == [
        ["Pemerintah Kabupaten Merauke", "Kantor Wilayah Kementerian Hukum dan HAM Papua"]
    ]


def test_regions_that_follow_the_signing_online_are_no_parties():
    text = (
        "Pemerintah Provinsi Nusa Tenggara Timur dan PT Bank Mandiri (Persero) Tbk meneken "
        "kesepakatan kerja sama pengelolaan kas daerah, Senin (3/11/2025). Acara itu juga "
        "diikuti secara daring oleh pemerintah kabupaten di NTT, yaitu Kabupaten Ngada, "
        "Lembata, Rote Ndao dan Sumba Timur."
    )
    assert _parties(text, date(2025, 11, 4)) == [
        ["Pemerintah Provinsi Nusa Tenggara Timur", "Bank Mandiri"]
    ]
