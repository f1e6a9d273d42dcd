"""Signatories and posts, fourth round (issue #15, session 9): ranks that are also short posts,
posts in lower case, unit names written with commas, headline verbs of attending; each shown by
a text of our own."""

from __future__ import annotations

from govkg.extract import extract_text
from govkg.extract.orgs import Lexicon
from govkg.extract.people import officials
from govkg.extract.text import read_article

from .drafts import found, signed


def test_a_police_rank_that_is_also_a_short_post_is_a_title_before_the_name():
    text = "Naskah diteken Kapolda Jambi Irjen Pol. Dr. Bambang Wiryawan, S.H. kemarin."
    assert found(text) == [("kapolda", "polda-jambi", "Bambang Wiryawan")]
    text = "Naskah diteken Kapolda Jambi, Irjen Pol Bambang Wiryawan, di Jambi."
    assert found(text) == [("kapolda", "polda-jambi", "Bambang Wiryawan")]


def test_a_rank_word_before_a_body_stays_a_post():
    text = "Naskah diteken Irjen Kemendagri Tomsi Tohir di Jakarta."
    assert found(text)[0][:2] == ("inspektur-jenderal", "kemendagri")


def test_a_head_post_written_in_lower_case_before_its_region():
    text = "Perjanjian diteken bupati Sleman Sri Handayani dan kepala BPS Rudi Hartono, Senin."
    assert found(text) == [
        ("bupati", "kabupaten-34-04", "Sri Handayani"),
        ("kepala", "bps", "Rudi Hartono"),
    ]


def test_a_unit_name_with_commas_up_to_its_region_then_the_person():
    text = (
        "Kepala Dinas Pangan, Pertanian dan Perikanan Kabupaten Sleman, Wulan Sari, dan Kepala "
        "LAN Adi Nugroho meneken PKS, Senin (15/5/2023)."
    )
    (unit, lan) = officials(read_article(text).sentences[0], Lexicon())
    assert unit.org.org.name == "Dinas Pangan, Pertanian dan Perikanan Kabupaten Sleman"
    assert unit.name.name == "Wulan Sari"
    assert (lan.org.org.ident, lan.name.name) == ("lan", "Adi Nugroho")


def test_a_list_of_two_units_is_not_one_unit_with_a_comma():
    text = "Hadir Kepala Dinas Kesehatan, Kepala Dinas Pendidikan Kabupaten Sleman, Budi Santoso."
    names = [o.org.org.name for o in officials(read_article(text).sentences[0], Lexicon()) if o.org]
    assert "Dinas Kesehatan, Kepala Dinas Pendidikan Kabupaten Sleman" not in names


def test_an_official_who_attends_in_a_headline_verb_does_not_sign():
    text = (
        "Kapolda Jambi Hadiri Penandatanganan MoU Pemprov Jambi dan BPKP\n\n"
        "Kapolda Jambi Irjen Pol Bambang Wiryawan menghadiri penandatanganan nota kesepahaman "
        "antara Gubernur Jambi Hasan Basri dengan Kepala BPKP Yusuf Ateh, Senin (15/5/2023)."
    )
    people = [name for name, _ in signed(text)]
    assert "Bambang Wiryawan" not in people
    assert "Hasan Basri" in people


def test_an_unknown_acronym_between_a_post_and_a_titled_name_is_the_body():
    text = "MoU diteken Rektor Unikaya Prof. Dr. Rina Wati dan Bupati Sleman Adi Nugroho, Senin."
    assert ("Rina Wati", "Unikaya") in signed(text)


def test_an_unknown_acronym_in_capitals_before_a_name_is_the_body():
    text = "Bupati Sleman Adi Nugroho meneken MoU dengan Rektor UNKR Rina Dewi Wati, Senin."
    assert ("Rina Dewi Wati", "UNKR") in signed(text)


def test_a_short_name_spelled_out_by_a_party_named_in_full_is_that_party():
    text = (
        "Bupati Sleman Adi Nugroho berkunjung ke Universitas Nusa Kencana dan meneken MoU "
        "dengan Rektor UNK Dr. Rina Wati, Senin (15/5/2023). Kerja sama antara Pemkab Sleman "
        "dengan UNK meliputi penelitian."
    )
    record = extract_text(text).record
    (agreement,) = record["events"][0]["agreements"]
    assert sorted(agreement["parties"]) == [
        "Pemerintah Kabupaten Sleman",
        "Universitas Nusa Kencana",
    ]
    assert ("Rina Wati", "Universitas Nusa Kencana") in signed(text)


def test_an_enterprise_name_ends_at_its_legal_form_in_brackets():
    text = "MoU diteken Direktur Utama PT Tambang Jaya (Persero) Rina Wati dan Bupati Sleman Adi."
    assert ("direktur-utama", "PT Tambang Jaya (Persero)", "Rina Wati") in [
        (role, o.org.org.name if o.org else None, o.name.name if o.name else None)
        for o in officials(read_article(text).sentences[0], Lexicon())
        for role in [o.role]
    ]


def test_a_university_name_ends_at_its_city_when_a_person_follows():
    text = "MoU diteken Direktur Politeknik Negeri Manado Rina Dewi Wati dan Bupati Sleman Adi."
    official = officials(read_article(text).sentences[0], Lexicon())[0]
    assert (official.org.org.name, official.name.name) == (
        "Politeknik Negeri Manado",
        "Rina Dewi Wati",
    )


def test_a_body_named_in_full_with_its_acronym_then_its_head():
    text = (
        "MoU diteken Ketua Badan Amil Zakat Nusantara (Bazna) Rina Wati dan Kepala BKKBN "
        "Adi Nugroho, Senin (15/5/2023)."
    )
    assert ("Adi Nugroho", "BKKBN") in signed(text)
    assert ("Rina Wati", "BKKBN") not in signed(text)


def test_a_short_first_name_with_a_full_stop_ends_no_sentence():
    text = (
        "Kesepakatan diteken oleh Muh. Rahman, S.Sos., selaku Sekretaris Daerah Kabupaten Bone, "
        "dan Kepala BPS Rina Wati, Senin (15/5/2023)."
    )
    assert ("Muh. Rahman", "Pemerintah Kabupaten Bone") in signed(text)


def test_the_field_of_a_unit_in_a_post_is_not_read_into_the_name():
    text = "Naskah diteken Wakil Rektor Bidang Riset dan Inovasi UGM Rina Dewi Wati kemarin."
    assert found(text) == [("wakil-rektor", "universitas-gadjah-mada", "Rina Dewi Wati")]
    text = (
        "Pihak UGM diwakili oleh Wakil Rektor Bidang Kerja Sama dan Alumni Rina Dewi, dalam "
        "penandatanganan PKS dengan Bupati Sleman Adi Nugroho, Senin (15/5/2023)."
    )
    assert ("Rina Dewi", "UGM") in signed(text)


def test_a_university_acronym_in_brackets_then_the_rector():
    text = "MoU diteken Rektor Universitas Tujuh Samudra (UTS) Rina Dewi dan Bupati Sleman Adi."
    official = officials(read_article(text).sentences[0], Lexicon())[0]
    assert (official.org.org.name, official.name.name) == ("Universitas Tujuh Samudra", "Rina Dewi")


def test_the_head_of_a_prosecutors_office_named_by_its_short_form():
    text = "Naskah diteken Kepala Kejati Jambi Rina Dewi dan Bupati Sleman Adi Nugroho kemarin."
    official = officials(read_article(text).sentences[0], Lexicon())[0]
    assert (official.role, official.name.name) == ("kepala-kejaksaan-tinggi", "Rina Dewi")


def test_an_assistant_to_the_regent_signs_in_that_post():
    text = (
        "The MoU was signed by Rector of UGM, Adi Nugroho, and Assistant to Regent of Cilacap, "
        "Rina Dewi, on Thursday (22/2/2024)."
    )
    posts = [o.role for o in officials(read_article(text).sentences[0], Lexicon(), "en")]
    assert "asisten-sekretaris-daerah" in posts


def test_an_official_without_a_body_signs_for_the_body_named_after_mewakili():
    text = (
        "Perjanjian diteken Direktur Jenderal Bina Keuangan Daerah, Rina Dewi mewakili "
        "Kemendagri dengan Bupati Sleman, Adi Nugroho, di Sleman, Senin (15/5/2023)."
    )
    assert signed(text) == [
        ("Adi Nugroho", "Pemerintah Kabupaten Sleman"),
        ("Rina Dewi", "Kemendagri"),
    ]


def test_a_signer_joined_by_dan_after_the_body_represented_signs_too():
    text = (
        "Deputi Bidang Statistik Sosial BPS Rina Dewi mewakili BPS dan Gubernur Bali Adi "
        "Nugroho meneken nota kesepahaman di Denpasar, Senin (15/5/2023)."
    )
    assert ("Adi Nugroho", "Pemerintah Provinsi Bali") in signed(text)


def test_a_head_named_after_mewakili_does_not_sign():
    text = (
        "Sekretaris Daerah Rina Dewi mewakili Gubernur Bali Adi Nugroho meneken nota "
        "kesepahaman dengan Kepala BPS Budi Santoso, Senin (15/5/2023)."
    )
    assert "Adi Nugroho" not in [name for name, _ in signed(text)]


def test_an_english_post_with_its_unit_written_with_the_then_the_person():
    text = (
        "The MoU was signed by the Head of LAN, Adi Nugroho, and the Dean of the Faculty of Law "
        "of Universitas Gadjah Mada, Rina Dewi, on Tuesday, May 16, 2023."
    )
    # the faculty named in the post signs as its own body under its university
    # (test_phenomena_unknown_bodies: a faculty is a body of its own)
    assert ("Rina Dewi", "Faculty of Law of Universitas Gadjah Mada") in signed(text, "en")
