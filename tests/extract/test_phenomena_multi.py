"""How many agreements a report describes, and which bodies are parties of each (issue #15).

Every text here is written for the test; none is copied from a report.
"""

from __future__ import annotations

import pytest

from govkg.extract.agreements import _counted_partners
from govkg.extract.clauses import analyse, multi_words
from govkg.extract.orgs import Lexicon
from govkg.extract.text import read_article, short_forms

from .drafts import agreements


def parties(text: str, lang: str | None = None) -> list[list[str]]:
    return [a["parties"] for a in agreements(text, lang)]


# ── several agreements in one report ──────────────────────────────────────────────────────────


def test_partners_counted_after_with_and_listed_after_a_colon_are_one_agreement_each():
    found = parties(
        "Universitas Hasanuddin has started cooperation with 3 regencies: Agam, Pasaman and "
        "Solok. Rector of Universitas Hasanuddin, Jamaluddin Jompa, and the regents signed the "
        "memoranda of understanding at the campus on Monday (3/3/2025).",
        lang="en",
    )
    assert len(found) == 3
    assert all("Unhas" in pair and len(pair) == 2 for pair in found)


def test_a_second_pair_naming_the_same_kind_is_a_second_agreement():
    found = parties(
        "Nota kesepahaman antara LAN dan BPS diteken Selasa (4/3/2025). Selanjutnya LAN dan "
        "BIG juga meneken nota kesepahaman tentang data spasial."
    )
    assert {frozenset(p) for p in found} == {frozenset({"LAN", "BPS"}), frozenset({"LAN", "BIG"})}


@pytest.mark.parametrize(
    ("phrase", "count"),
    [
        ("LAN menjalin kerja sama dengan tiga lembaga.", 3),
        ("LAN meneken MoU dengan 4 instansi.", 4),
        ("Kerja sama kedua lembaga itu dimulai hari ini.", None),
        ("The two institutions will work together.", None),
        ("Kerja sama tiga provinsi ini dimulai tahun depan.", None),
    ],
)
def test_a_definite_count_counts_every_party_not_partners(phrase, count):
    facts = analyse(read_article(phrase).sentences[0], Lexicon())
    assert _counted_partners(facts) == count


def test_a_definite_count_does_not_split_one_agreement():
    found = parties(
        "Pemerintah Provinsi Bali, Pemerintah Provinsi NTB dan Pemerintah Provinsi NTT "
        "menandatangani nota kesepahaman, Rabu (5/3/2025). Kerja sama ketiga provinsi ini "
        "meliputi pariwisata. Gubernur Bali hadir di Kota Mataram."
    )
    assert len(found) == 1


# ── bodies that are not parties ───────────────────────────────────────────────────────────────


def test_the_city_after_a_university_is_its_seat():
    found = parties(
        "Universitas Udayana memperpanjang nota kesepahaman dengan Universitas Sam Ratulangi, "
        "Manado, Senin (3/3/2025)."
    )
    assert found == [["Unud", "Unsrat"]]


def test_the_province_after_a_regency_is_where_it_lies():
    found = parties(
        "Pemerintah Kabupaten Sintang, Kalimantan Barat dan Pemerintah Kabupaten Kapuas Hulu "
        "menandatangani nota kesepahaman, Senin (3/3/2025)."
    )
    assert len(found) == 1
    assert not any("Provinsi" in name or name == "Kalimantan Barat" for name in found[0])


def test_a_full_city_name_between_commas_after_a_campus_is_a_place():
    found = parties(
        "Pemerintah Provinsi DKI Jakarta meneken nota kesepahaman dengan Institut Teknologi "
        "Bandung, Kota Bandung, pada Senin (3/3/2025)."
    )
    assert found == [["Pemerintah Provinsi DKI Jakarta", "ITB"]]


def test_a_city_in_a_list_of_parties_stays_a_party():
    found = parties(
        "Institut Teknologi Bandung, Pemerintah Kota Bandung, dan Pemerintah Kabupaten Bandung "
        "menandatangani nota kesepahaman tiga pihak, Senin (3/3/2025)."
    )
    assert len(found) == 1 and len(found[0]) == 3


@pytest.mark.parametrize(
    "opening",
    [
        "Semarang, 3 Maret 2025 -",
        "Semarang (3/3/2025):",
        "Kabarkita.com, Semarang -",
        "Semarang, Kabarkita.id ~",
    ],
)
def test_a_city_opening_a_dateline_is_no_party(opening):
    found = parties(
        f"{opening} Universitas Diponegoro dan Badan Pusat Statistik menandatangani nota "
        "kesepahaman tentang data statistik, Senin (3/3/2025)."
    )
    assert len(found) == 1 and len(found[0]) == 2
    assert not any("Semarang" in name for name in found[0])


# ── the kind ──────────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("wording", "kind"),
    [
        ("kesepakatan bersama", "kesepakatan-bersama"),
        ("nota kesepakatan bersama", "kesepakatan-bersama"),
        ("letter of intent", "loi"),
        ("statement of intent", "soi"),
    ],
)
def test_kinds_named_in_reports(wording, kind):
    (found,) = agreements(
        f"Bupati Sleman Kustini dan Kepala BPS Amalia meneken {wording}, Senin (3/3/2025)."
    )
    assert found["kind"] == kind


def test_a_joint_agreement_also_called_mou_is_one_joint_agreement():
    found = agreements(
        "Pemerintah Kabupaten Sleman dan Pemerintah Kota Yogyakarta menandatangani kesepakatan "
        "bersama tentang pengelolaan sampah, Senin (3/3/2025). MoU itu berlaku lima tahun. "
        "Menurut Bupati Sleman, MoU tersebut membantu kedua daerah."
    )
    assert [a["kind"] for a in found] == ["kesepakatan-bersama"]


# ── word lists are data ───────────────────────────────────────────────────────────────────────


def test_the_word_lists_come_from_the_rules_file():
    words = multi_words()
    assert {"dan", "serta", ","} <= words["chain_words"]
    assert {"antara", "between"} <= words["between_words"]
    assert {"kab", "jl"} <= short_forms()


def test_an_abbreviation_from_the_rules_does_not_end_a_sentence():
    article = read_article("Kantor di Jl. Merdeka diresmikan. LAN dan BPS meneken MoU.")
    assert len(article.sentences) == 2


# ── an MoU and a PKS at one ceremony ──────────────────────────────────────────────────────────


def test_a_further_pks_signed_by_the_same_heads_is_a_second_agreement():
    found = agreements(
        "Bupati Sleman Kustini dan Kepala BPS Amalia menandatangani nota kesepahaman tentang "
        "data statistik, Senin (3/3/2025). Selain nota kesepahaman itu, pada kesempatan yang "
        "sama keduanya juga menandatangani perjanjian kerja sama tentang sensus pertanian."
    )
    assert [a["kind"] for a in found] == ["mou", "pks"]
    assert found[0]["parties"] == found[1]["parties"]


def test_a_pks_planned_for_later_is_no_second_agreement():
    found = agreements(
        "Bupati Sleman Kustini dan Kepala BPS Amalia menandatangani nota kesepahaman tentang "
        "data statistik, Senin (3/3/2025). Nota kesepahaman itu nantinya dijabarkan dalam "
        "perjanjian kerja sama antarperangkat daerah."
    )
    assert [a["kind"] for a in found] == ["mou"]


def test_a_further_pks_between_offices_the_gazetteer_lacks_takes_no_parties_of_the_mou():
    found = agreements(
        "Bupati Sleman Kustini dan Kepala BPS Amalia menandatangani nota kesepahaman, Senin "
        "(3/3/2025). Selain itu juga ditandatangani perjanjian kerja sama antara Bidang "
        "Statistik Sektoral dan Seksi Neraca Wilayah."
    )
    assert [a["kind"] for a in found] == ["mou"]


def test_regency_governments_counted_after_with_are_partners():
    found = parties(
        "Universitas Hasanuddin signed memoranda of understanding with three regency "
        "governments, Agam, Pasaman and Solok, on Monday (3/3/2025). Rector of Universitas "
        "Hasanuddin, Jamaluddin Jompa, signed for the university.",
        lang="en",
    )
    assert len(found) == 3 and all("Unhas" in pair for pair in found)


def test_a_count_of_signers_without_with_makes_no_hub():
    found = parties(
        "BPK dan Pemerintah Provinsi Jambi menandatangani perjanjian kerja sama, Senin "
        "(3/3/2025). Perjanjian juga diteken Bank Jambi dan 9 pemkab se-Jambi."
    )
    assert len(found) == 1
