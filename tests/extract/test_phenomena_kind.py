"""Kinds of agreement on real reports (issue 15, session 9): one document under several names,
a name glossed in brackets, English names, a report that names no kind. Each phenomenon is
shown by a text of our own."""

from __future__ import annotations

from datetime import date

import pytest

from govkg.extract import extract_text

PUBLISHED = date(2024, 7, 17)


def _kinds(text: str, lang: str | None = None) -> list[str]:
    event = extract_text(text, published=PUBLISHED, lang=lang).record["events"][0]
    return [a["kind"] for a in event["agreements"]]


def _notes(text: str, lang: str | None = None) -> list[str]:
    event = extract_text(text, published=PUBLISHED, lang=lang).record["events"][0]
    return [n for a in event["agreements"] for n in a.get("notes", [])]


def test_the_formal_name_in_the_body_wins_over_the_mou_of_the_headline():
    text = (
        "Kepala LAN Teken MoU dengan BPS\n"
        "Kepala LAN Adi dan Kepala BPS Budi meneken MoU data statistik, Senin (15/7).\n"
        "Penandatanganan perjanjian kerja sama antara LAN dan BPS itu berlangsung di Jakarta."
    )
    assert _kinds(text) == ["pks"]


def test_a_formal_name_in_a_remark_does_not_rename_the_mou():
    text = (
        "Kepala LAN Adi dan Kepala BPS Budi meneken MoU data statistik, Senin (15/7).\n"
        "“Penandatanganan perjanjian kerja sama ini penting bagi kami,” kata Adi."
    )
    assert _kinds(text) == ["mou"]


def test_a_formal_name_for_a_later_stage_does_not_rename_the_mou():
    text = (
        "Kepala LAN Adi dan Kepala BPS Budi meneken MoU data statistik pada 15 Juli 2024.\n"
        "Tahap berikutnya, penandatanganan perjanjian kerja sama pada 20 Agustus 2024."
    )
    assert _kinds(text) == ["mou"]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "The Head of LAN Adi and the Head of BPS Budi signed a Memorandum of Agreement "
            "(PKS) on July 15, 2024.",
            "en",
            ["pks"],
        ),
        ("Kepala LAN Adi dan Kepala BPS Budi meneken Perjanjian Kerja Sama (MoA).", "id", ["pks"]),
        ("Kepala LAN Adi dan Kepala BPS Budi meneken Kesepakatan Bersama (MoU).", "id", None),
    ],
)
def test_a_name_glossed_in_brackets_takes_the_more_formal_kind(text, lang, expected):
    assert _kinds(text, lang) == (expected or ["kesepakatan-bersama"])


def test_a_gloss_renames_the_same_name_elsewhere_in_the_report():
    text = (
        "LAN and BPS sign an MoU and a Memorandum of Agreement\n"
        "The Head of LAN Adi and the Head of BPS Budi signed an MoU on statistics on July 15, "
        "2024.\n"
        "They also signed the Memorandum of Agreement (PKS) on data sharing."
    )
    assert sorted(_kinds(text, "en")) == ["mou", "pks"]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Indonesia and Japan signed an agreement on technical cooperation in Jakarta on "
            "July 15, 2024.",
            "en",
            "pks",
        ),
        (
            "Kepala LAN Adi dan Kepala BPS Budi meneken perjanjian penempatan data, Senin (15/7).",
            "id",
            "pks",
        ),
        ("Kepala LAN Adi dan Kepala BPS Budi meneken kerja sama data, Senin (15/7).", "id", "mou"),
    ],
)
def test_a_report_naming_no_kind_takes_it_from_the_word_for_the_document(text, lang, expected):
    assert _kinds(text, lang) == [expected]
    assert any("kind of agreement" in n for n in _notes(text, lang))


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The Head of LAN Adi and the Head of BPS Budi met on July 15, 2024. Both signed.", "en"),
        ("Kepala LAN Adi dan Kepala BPS Budi bertemu, Senin (15/7). Keduanya meneken.", "id"),
    ],
)
def test_a_signing_word_ending_the_sentence_with_no_kind_named_gives_an_mou(text, lang):
    """The words for the document are looked for after the signing word: none are left."""
    assert _kinds(text, lang) == ["mou"]


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("a joint agreement", "kesepakatan-bersama"),
        ("an implementation arrangement", "pks"),
        ("a letter of intent", "loi"),
    ],
)
def test_english_names_of_kinds(name, kind):
    text = f"The Head of LAN Adi and the Head of BPS Budi signed {name} on July 15, 2024."
    assert _kinds(text, "en") == [kind]
