"""Signatories, third round (issue #15, session 8): names with initials and forms of address,
posts with long unit names, hyphenated posts; each shown by a text of our own."""

from __future__ import annotations

from govkg.extract.orgs import Lexicon
from govkg.extract.people import officials
from govkg.extract.text import read_article


def found(text: str, lang: str = "id") -> list[tuple]:
    sentence = read_article(text).sentences[0]
    return [
        (o.role, o.org.org.ident if o.org else None, o.name.name if o.name else None)
        for o in officials(sentence, Lexicon(), lang)
    ]


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
