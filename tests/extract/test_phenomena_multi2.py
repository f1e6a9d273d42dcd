"""How many agreements a report describes, and which bodies are parties of each (issue #15,
second round).

Every text here is written for the test; none is copied from a report.
"""

from __future__ import annotations

from govkg.extract.clauses import analyse
from govkg.extract.orgs import Lexicon
from govkg.extract.text import read_article

from .drafts import agreements

# ── an agreement only planned is not a second agreement ───────────────────────────────────────


def test_a_kind_spoken_of_only_as_planned_is_not_a_second_agreement():
    found = agreements(
        "Pemerintah Provinsi Bali meneken nota kesepahaman dengan Bank BPD Bali, Senin "
        "(3/3/2025). Berikutnya Bank BPD Bali dan Pemerintah Provinsi Bali akan menyusun "
        "perjanjian kerja sama (PKS) bulan depan. Setelah itu diharapkan PKS tentang kas daerah "
        "dilakukan dengan Bank BPD Bali."
    )
    assert [a["kind"] for a in found] == ["mou"]


def test_a_further_agreement_reported_signed_is_kept():
    found = agreements(
        "Pemerintah Provinsi Bali meneken nota kesepahaman dengan Bank BPD Bali, Senin "
        "(3/3/2025). Selain itu, kedua pihak juga menandatangani perjanjian kerja sama (PKS) "
        "yang akan berlaku lima tahun."
    )
    assert sorted(a["kind"] for a in found) == ["mou", "pks"]


# ── people who only accompanied a signer ──────────────────────────────────────────────────────


def test_those_who_accompanied_a_signer_are_neither_signers_nor_parties():
    found = agreements(
        "Bupati Sleman Kustini Purnomo didampingi Kepala BPS Kabupaten Sleman Rina Astuti dan "
        "Rektor UGM Ova Emilia meneken nota kesepahaman dengan Wali Kota Yogyakarta Hasto "
        "Wardoyo, Senin (3/3/2025)."
    )
    assert len(found) == 1
    names = {s["name"] for s in found[0]["signatories"]}
    assert "Rina Astuti" not in names and "Ova Emilia" not in names
    assert len(found[0]["parties"]) == 2


def test_the_accompanied_list_ends_at_the_verb_of_the_signer():
    sentence = read_article(
        "Rektor UGM Ova Emilia didampingi Wakil Rektor Arie Sujito berkunjung ke Pemerintah "
        "Kabupaten Sleman untuk meneken nota kesepahaman, Senin (3/3/2025)."
    ).sentences[0]
    facts = analyse(sentence, Lexicon())
    zones = {facts.zone_of(k) for k in range(len(sentence.tokens)) if sentence.keys[k] == "sleman"}
    assert zones == {None}
    assert facts.zone_of(sentence.keys.index("arie")) == "attendee"


# ── page layout ───────────────────────────────────────────────────────────────────────────────


def test_a_publisher_glued_to_the_first_word_is_a_dateline():
    article = read_article(
        "KABARNUSANTARA-Universitas Gadjah Mada meneken nota kesepahaman dengan Pemerintah "
        "Kabupaten Sleman, Senin (3/3/2025)."
    )
    assert article.publisher == "KABARNUSANTARA"
    assert article.sentences[0].keys[:2] == ("universitas", "gadjah")


def test_a_place_glued_to_the_first_word_is_the_city_and_an_acronym_is_not_a_dateline():
    assert read_article("YOGYAKARTA-Pemda DIY meneken MoU dengan UGM.").city == "Yogyakarta"
    assert read_article("BPOM-Polri meneken nota kesepahaman, Senin.").city is None
