"""Signatories, third round (issue #15, session 8): names with initials and forms of address,
posts with long unit names, hyphenated posts; each shown by a text of our own."""

from __future__ import annotations

from govkg.extract.orgs import Lexicon
from govkg.extract.people import officials
from govkg.extract.text import read_article

from .drafts import found, signed


def test_a_one_letter_title_inside_a_titled_name_is_an_initial():
    text = "The pact was signed by Drs. Hasan H. Lubis, M.M, the Regent of Ende, on Monday."
    assert found(text, "en") == [("bupati", "kabupaten-53-08", "Hasan H. Lubis")]
    text = "Naskah diteken Bupati Ende Dra. Sinta H. Wulan, M.Si. di kantornya."
    assert found(text) == [("bupati", "kabupaten-53-08", "Sinta H. Wulan")]


def test_a_one_letter_title_before_a_name_stays_a_title():
    assert found("Naskah diteken Bupati Ende H. Rudi Hartono kemarin.") == [
        ("bupati", "kabupaten-53-08", "Rudi Hartono")
    ]


def test_a_form_of_address_before_a_name_is_not_an_acronym_of_a_body():
    text = "Kesepakatan ditandatangani Bupati Ogan Ilir, Bpk. Rahmat Hidayat, SH di Indralaya."
    assert found(text) == [("bupati", "kabupaten-16-10", "Rahmat Hidayat")]


def test_a_head_of_an_agency_with_a_long_unit_name_and_its_acronym_then_a_comma():
    text = (
        "Bupati diwakili Kepala Badan Perencanaan Pembangunan Daerah (Bappeda), Maria Ulfa, "
        "SE menandatangani nota itu."
    )
    assert ("kepala", None, "Maria Ulfa") in found(text)


def test_a_unit_name_written_with_commas_up_to_a_titled_name():
    text = "Naskah diteken Wakil Rektor Bidang Akademik, Riset, dan Kerja sama Dr. Budi Santosa."
    sentence = read_article(text).sentences[0]
    (official,) = officials(sentence, Lexicon())
    assert official.post == "Wakil Rektor Bidang Akademik, Riset, dan Kerja sama"
    assert official.name.name == "Budi Santosa"


def test_a_hyphenated_post_then_an_unknown_acronym_then_the_titled_name():
    text = "Naskah diteken oleh Vice-Chancellor NTU, Professor Helen Ward di kampus."
    assert found(text) == [("rektor", None, "Helen Ward")]


def test_a_signer_without_a_body_takes_the_one_the_same_person_is_given_elsewhere():
    text = (
        "Universitas Udayana, Pemerintah Kabupaten Badung dan Pemerintah Kabupaten Gianyar "
        "meneken nota kesepahaman. Naskah ditandatangani Rektor Unud Ketut Wirawan, Bupati Made "
        "Agus, dan Bupati Nyoman Sukarta. Bupati Badung Nyoman Sukarta dan Bupati Gianyar Made "
        "Agus berharap kerja sama berjalan baik."
    )
    assert signed(text)[:2] == [
        ("Ketut Wirawan", "Unud"),
        ("Made Agus", "Pemerintah Kabupaten Gianyar"),
    ]
    assert ("Nyoman Sukarta", "Pemerintah Kabupaten Badung") in signed(text)


def test_a_governor_without_a_body_signs_for_the_one_province_the_report_names():
    text = (
        "Pemerintah Provinsi Bali menjalin kerja sama dengan Universitas Udayana. Nota "
        "kesepahaman ditandatangani Gubernur Made Sutama dan Rektor Unud Ketut Wirawan."
    )
    assert ("Made Sutama", "Pemerintah Provinsi Bali") in signed(text)


def test_officials_named_after_the_signing_they_witness_do_not_sign():
    text = (
        "Rektor Unud Ketut Wirawan dan Bupati Badung Made Sutama meneken MoU. Turut "
        "menyaksikan penandatanganan MoU itu Wakil Rektor Bidang Perencanaan, Kerja Sama dan "
        "Sistem Informasi, Dr. Gede Arya, ST."
    )
    assert [name for name, _ in signed(text)] == ["Ketut Wirawan", "Made Sutama"]


def test_two_posts_joined_by_a_slash_the_first_names_the_body():
    text = "MoU diteken Menristek/Kepala BRIN Adi Nugroho dan Menteri Kesehatan Budi Santoso."
    assert found(text) == [
        ("menteri", "kemenristek", "Adi Nugroho"),
        ("menteri", "kemenkes", "Budi Santoso"),
    ]


def test_a_title_and_an_initial_written_as_one_word():
    sentence = read_article("MoU diteken Jaksa Agung HM. Rahmat Hidayat di Jakarta.").sentences[0]
    (official,) = officials(sentence, Lexicon())
    assert (official.name.name, official.name.honorifics) == ("M. Rahmat Hidayat", ("H.",))


def test_a_reverend_is_addressed_by_a_title():
    text = "MoU diteken oleh Pendeta Yohanes Latuputty selaku Bupati Maluku Tengah di Masohi."
    sentence = read_article(text).sentences[0]
    (official,) = officials(sentence, Lexicon())
    assert (official.name.name, official.name.honorifics) == ("Yohanes Latuputty", ("Pendeta",))


def test_officials_quoted_or_attending_do_not_sign():
    text = (
        "Kota Medan dan Kejari Belawan meneken MoU. Menurut Kepala Kejari Belawan Adi "
        "Nugroho, penandatanganan MoU ini melanjutkan kerja sama. Kapolda Sumut Irjen Pol "
        "Budi Santoso menghadiri acara penandatanganan MoU itu. Penandatanganan MoU itu "
        "penting, ujar Wali Kota Medan Rudi Hartono."
    )
    assert signed(text) == []


def test_a_signer_named_by_a_passive_reporting_verb_still_signs():
    text = (
        "Kabupaten Solok dan Kejari Solok meneken nota kesepakatan. Harapan itu disampaikan "
        "Bupati Solok Adi Nugroho pada acara penandatanganan nota kesepakatan itu."
    )
    assert ("Adi Nugroho", "Pemerintah Kabupaten Solok") in signed(text)
