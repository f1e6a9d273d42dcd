"""Signatories, fifth round (issue #15, session 10): name boundaries seen on the fresh reports
(a given name kept, a place cut, titles written without full stops before a post, a retired
rank in brackets); each shown by a text of our own."""

from __future__ import annotations

from govkg.extract.orgs import Lexicon
from govkg.extract.people import officials
from govkg.extract.text import read_article

from .drafts import found, signed


def test_a_balinese_given_name_stays_when_the_report_later_drops_it():
    text = (
        "Bupati Badung Ketut Wira Sanjaya dan Bupati Gianyar Made Sukerta meneken MoU, Jumat "
        "(21/9/2018). Dalam sambutannya, Bupati Wira Sanjaya berterima kasih."
    )
    assert ("Ketut Wira Sanjaya", "Pemerintah Kabupaten Badung") in signed(text)


def test_a_city_word_glued_before_the_name_is_cut_when_the_name_stands_alone_elsewhere():
    text = (
        "MoU antara Pemerintah Kota Banda Aceh dan Kabupaten Aceh Barat diteken Wali Kota Banda "
        "Rina Marlina Yusuf dan Bupati Aceh Barat Teuku Hamdan, Rabu (9/7/2025). Wali Kota Rina "
        "berharap kerja sama berjalan baik."
    )
    assert [name for name, _ in signed(text)] == ["Rina Marlina Yusuf", "Teuku Hamdan"]


def test_plain_titles_and_degrees_around_a_name_before_its_post():
    text = "MoU diteken oleh Dr Hj Lestari Wulan MSi selaku Rektor Universitas Riau, Senin."
    (official,) = officials(read_article(text).sentences[0], Lexicon())
    assert official.name.name == "Lestari Wulan"
    assert official.name.honorifics == ("Dr", "Hj", "MSi")


def test_a_retired_rank_in_brackets_is_a_title():
    text = (
        "Gubernur Nusa Tenggara Barat Mayjen TNI (Purn) Dr. Rudi Santoso, M.M., menandatangani "
        "PKS dengan Kepala BPS, Senin (8/7/2024)."
    )
    (governor, *_) = officials(read_article(text).sentences[0], Lexicon())
    assert (governor.org.org.ident, governor.name.name) == ("provinsi-52", "Rudi Santoso")
    assert "(Purn)" in governor.name.honorifics


def test_a_post_after_a_comma_ends_the_place_before_it():
    text = (
        "Untuk mendukung energi bersih di Provinsi NTB, Gubernur NTB, Dr. H. Adi Nugroho "
        "menandatangani MoU dengan PLN di Mataram, Selasa (27/12/2022)."
    )
    assert ("Adi Nugroho", "Pemerintah Provinsi Nusa Tenggara Barat") in signed(text)


def test_a_company_directorate_without_bidang_is_part_of_the_post():
    text = (
        "MoU diteken oleh Direktur Pemasaran Korporat Rudi Hartono Saputra dan Gubernur Bali "
        "Wayan Sudarma, Jumat (5/10/2018)."
    )
    assert found(text) == [
        ("direktur", None, "Rudi Hartono Saputra"),
        ("gubernur", "provinsi-51", "Wayan Sudarma"),
    ]


def test_a_body_in_a_units_field_gives_way_to_the_body_right_after_it():
    text = "MoU diteken Direktur Kerja Sama ASEAN Kemenlu I Gusti Ayu Sari Dewi, Senin."
    assert found(text) == [("direktur", "kemenlu", "I Gusti Ayu Sari Dewi")]


def test_initials_after_a_title_end_no_sentence():
    text = "MoU diteken oleh Bupati Banyuasin Ir. SA. Budiman, MM dan Rektor UGM Dr. Rina Wati."
    assert len(read_article(text).sentences) == 1
    assert found(text)[0] == ("bupati", "kabupaten-16-07", "SA. Budiman")


def test_a_customary_title_inside_a_name_is_kept():
    text = "MoU diteken Bupati Lima Puluh Kota Darmawan dt Bandaro dan Rektor Unand Adi, Senin."
    assert found(text)[0] == ("bupati", "kabupaten-13-07", "Darmawan dt Bandaro")


def test_an_official_without_a_body_signs_for_the_head_he_represents():
    text = (
        "Kesepakatan ditandatangani oleh Sekretaris Daerah Ahmad Fauzi Rahman mewakili Gubernur "
        "Kalimantan Barat dengan Kepala BPS Budi Santoso, Senin (8/4/2019)."
    )
    assert ("Ahmad Fauzi Rahman", "Pemerintah Provinsi Kalimantan Barat") in signed(text)


def test_a_list_of_regions_after_a_post_names_no_person():
    text = "Wali Kota Banda Aceh teken MoU dengan Bupati Aceh Tenggara, Aceh Selatan, dan Pidie"
    assert all(name is None for _, _, name in found(text))


def test_a_short_body_name_then_a_comma_then_the_person():
    text = (
        "Wali Kota Pariaman Hendra Putra dan Rektor Unisbat, Nurlela menandatangani MoU antara "
        "Pemerintah Kota Pariaman dengan Universitas Sumatera Barat Timur (Unisbat), Rabu "
        "(10/11/2021)."
    )
    people = [name for name, _ in signed(text)]
    assert "Nurlela" in people and "Unisbat" not in people
    text = "MoU diteken Bupati Sumbawa, Adi Nugroho, dan General Manager Operasi KNT, Dave Miller."
    assert found(text)[1][2] == "Dave Miller"


def test_a_foreign_place_read_into_a_governors_name_is_the_body_the_report_names():
    text = (
        "Pemerintah Provinsi Papua dan Morobe Provincial Government meneken LoI, Senin "
        "(6/3/2017). Pihak yang menandatangani LoI itu yakni Wakil Gubernur Papua Yonas Waromi "
        "dan Gubernur Morobe Kila Namaliu."
    )
    assert ("Kila Namaliu", "Morobe Provincial Government") in signed(text)


def test_a_title_after_a_comma_starts_the_next_name_and_is_no_degree():
    text = "MoU diteken Rektor Unikaya, Dr. Oskar Wamena, S.E., dan Kepala BPS Adi Nugroho."
    assert found(text)[0][2] == "Oskar Wamena"


def test_the_highest_military_ranks_are_titles():
    text = "The MoU was signed by TNI Commander Air Chief Marshal Hadi Santoso on Monday."
    assert [name for *_, name in found(text, "en")] == ["Hadi Santoso"]


def test_a_unit_whose_name_joins_two_regions_then_a_comma_then_the_person():
    text = (
        "MoU diteken General Manager PT PLN (Persero) Unit Induk Distribusi Maluku dan Papua, "
        "I Made Suarta dan Bupati Sleman Adi Nugroho, Senin."
    )
    assert found(text)[0][2] == "I Made Suarta"


def test_a_doctorate_written_in_capitals_is_a_title_not_a_body():
    text = "Before the signing, Governor DR AB Wenas said the province welcomed the MoU."
    (governor,) = officials(read_article(text).sentences[0], Lexicon(), "en")
    assert governor.org is None and governor.name.name == "AB Wenas"
    assert governor.name.honorifics == ("DR",)
