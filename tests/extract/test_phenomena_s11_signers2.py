"""Signers named as they speak, and heads written in lower case after an agent word (issue
#15, session 11, second round).

* A speaker who says they signed signs: ``kata Bupati X usai menandatangani MoU``, ``X said
  after signing``, ``X mengatakan pihaknya telah menandatangani …`` (rules
  ``signatories.speaker_signs``), with the lower confidence ``signer_speaking``; a speaker
  after the signing as an event (``usai penandatanganan``) does not.
* ``represented by its mayor, NAME`` / ``signed by the rector NAME``: a post in lower case after
  an agent word and a determiner is the post of the person named after it (rules
  ``people.post_after_agent``).

Every text here is written for the test; none is copied from a report.
"""

from __future__ import annotations

from datetime import date

from govkg.extract import extract_text
from govkg.extract.rules import Rules

PUBLISHED = date(2024, 5, 10)


def _record(text: str, lang: str) -> dict:
    return extract_text(text, published=PUBLISHED, lang=lang).record


def _signers(record: dict) -> dict[str, tuple[str, float]]:
    return {
        s["name"]: (s["party"], max(e["confidence"] for e in s["evidence"]))
        for event in record["events"]
        for a in event["agreements"]
        for s in a.get("signatories", [])
    }


def test_a_speaker_who_signed_after_usai_signs_with_a_lower_confidence():
    record = _record(
        "Pemkab Serang dan BPS meneken nota kesepahaman, Senin (6/5/2024). “Data yang baik "
        "membantu kami,” kata Bupati Serang Rina Wulandari usai menandatangani MoU tersebut.",
        "id",
    )
    party, sure = _signers(record)["Rina Wulandari"]
    assert party == "Pemerintah Kabupaten Serang"
    assert sure == Rules.load().confidence["signer_speaking"] < 0.7


def test_a_speaker_whose_side_signed_signs():
    record = _record(
        "Bupati Kendal Dimas Saputra mengatakan hari ini pihaknya telah menandatangani MoU "
        "dengan Pemerintah Kabupaten Batang, Senin (6/5/2024).",
        "id",
    )
    assert _signers(record)["Dimas Saputra"][0] == "Pemerintah Kabupaten Kendal"


def test_a_speaker_after_the_signing_as_an_event_does_not_sign():
    record = _record(
        "Pemkab Serang dan BPS meneken nota kesepahaman, Senin (6/5/2024). “Data yang baik "
        "membantu kami,” kata Bupati Serang Rina Wulandari usai penandatanganan MoU tersebut.",
        "id",
    )
    assert "Rina Wulandari" not in _signers(record)


def test_a_speaker_said_after_signing_in_english():
    record = _record(
        "Serang Regency and Statistics Indonesia signed an MoU on Monday, 6 May 2024. “This "
        "helps our planning,” said Serang Regent Rina Wulandari after signing the MoU.",
        "en",
    )
    assert _signers(record)["Rina Wulandari"][0] == "Pemerintah Kabupaten Serang"


def test_a_lower_case_post_after_represented_by_its():
    record = _record(
        "Singkawang City and the City of Kuching signed a letter of intent on Monday, 6 May "
        "2024. Singkawang City was represented by its mayor, Drs H Budi Santoso.",
        "en",
    )
    assert _signers(record)["Budi Santoso"][0] == "Pemerintah Kota Singkawang"


def test_a_lower_case_post_after_by_the_takes_no_unit_from_the_name():
    record = _record(
        "Tadulako University and Kyoto University signed an MoU on Monday, 6 May 2024. "
        "Tadulako University was represented by the rector Prof. Hadi Pranoto, M.S and Kyoto "
        "University by its president, Dr. Ken Sato.",
        "en",
    )
    signers = _signers(record)
    assert signers["Hadi Pranoto"][0] == "Tadulako University"


def test_a_lower_case_post_without_an_agent_word_is_no_signer():
    record = _record(
        "The mayor said the city and Kyoto University signed an MoU on Monday, 6 May 2024.",
        "en",
    )
    assert _signers(record) == {}


# ── A country or a foreign place is no person's name ──────────────────────────────────────────
# The country written after a foreign body (``…, Republik Rakyat Tiongkok, NAME``), or closing
# a place written between a post and the person (``Chief Minister Northern Territory
# Australia, NAME``), is skipped: the person is the one after the comma, or, when none follows,
# the one named before the post (``NAME as Vice Chancellor of X Malaysia``).


def test_a_country_after_a_foreign_body_is_skipped_for_the_person_after_the_comma():
    record = _record(
        "Gubernur Jawa Tengah Adi Nugroho bersama Wakil Gubernur Provinsi Sichuan, Republik "
        "Rakyat Tiongkok, Li Wenhua menandatangani nota kesepahaman di Semarang, Senin "
        "(6/5/2024).",
        "id",
    )
    signers = _signers(record)
    assert "Li Wenhua" in signers
    assert not any("Tiongkok" in name for name in signers)


def test_a_country_closing_the_body_leaves_the_name_before_the_post():
    record = _record(
        "Universitas Andalas signed an MoU with University College of Kuala Pinang (UKP) "
        "Malaysia. The MoU was signed online on Monday, 6 May 2024 by Professor Emeritus Dato’ "
        "Dr. Musa Bin Haji Karim as Vice Chancellor of UKP Malaysia and Dr. Budi Santoso, "
        "S.Sos., as Chancellor of Universitas Andalas.",
        "en",
    )
    signers = _signers(record)
    assert "Musa Bin Haji Karim" in signers
    assert "Malaysia" not in signers
    assert signers["Budi Santoso"][0] == "Universitas Andalas"


def test_a_place_ending_in_a_country_before_a_comma_is_no_name():
    record = _record(
        "Provinsi NTB meneken MoU dengan Pemerintah Wilayah Australia Utara (Northern Territory "
        "Australia) yang diwakili oleh Chief Minister Northern Territory Australia, Sarah Jones "
        "MLA pada Senin, 6 Mei 2024.",
        "id",
    )
    assert "Sarah Jones" in _signers(record)


def test_the_economics_doctorandus_is_a_title():
    record = _record(
        "MoU ditandatangani Wakil Bupati Bandung, Dr. Drs. Ec. H. Muh. Rosyid, M.Si. dan "
        "Rektor Universitas Padjadjaran, Senin (6/5/2024).",
        "id",
    )
    assert "Muh. Rosyid" in _signers(record)


def test_a_name_in_square_brackets_is_the_name_inside():
    record = _record(
        "Rektor Universitas Andalas, [Rina Wati], dan Gubernur Sumatera Barat, [Adi Nugroho], "
        "menandatangani MoU, Senin (6/5/2024).",
        "id",
    )
    signers = _signers(record)
    assert signers["Rina Wati"][0] == "Universitas Andalas"
    assert signers["Adi Nugroho"][0] == "Pemerintah Provinsi Sumatera Barat"


def test_a_foreign_minister_of_a_subject_then_the_country_signs_for_that_ministry():
    record = _record(
        "The memorandum was signed on Monday, 6 May 2024 by the Minister of Planning and "
        "Strategic Investment of Timor-Leste, Joao da Costa, and the Head of Bappenas, Rina "
        "Wati.",
        "en",
    )
    party = _signers(record)["Joao da Costa"][0]
    assert party == "Ministry of Planning and Strategic Investment of Timor-Leste"
    assert _declared_kind(record, party) == "ForeignGovernment"


def _declared_kind(record: dict, name: str) -> str | None:
    return next((o["kind"] for o in record.get("organizations", []) if o["name"] == name), None)


# ── English: a body, its office's country, then the post ──────────────────────────────────────


def test_a_foreign_body_written_with_its_country_office_before_the_post_signs():
    record = _record(
        "The MoU was signed on Monday, 6 May 2024 by KLHK Secretary General Adi Nugroho and "
        "USAID Indonesia Director Mark Evans.",
        "en",
    )
    party = _signers(record)["Mark Evans"][0]
    assert party == "United States Agency for International Development"


def test_the_tni_commander_signs_for_the_tni():
    record = _record(
        "The MoU was signed between State-Owned Enterprises Minister Rina Wati and TNI "
        "Commander Marshal Adi Nugroho in Jakarta on Monday, 6 May 2024.",
        "en",
    )
    assert _signers(record)["Adi Nugroho"][0] == "TNI"


def test_a_dean_representing_the_rector_signs_for_the_university():
    record = _record(
        "Universitas Gadjah Mada dan Pemerintah Kabupaten Sleman meneken nota kesepahaman, Senin "
        "(6/5/2024). MoU ditandatangani oleh Bupati Sleman Adi Nugroho dan Rektor UGM yang "
        "diwakili oleh Dekan Fakultas Hukum UGM, Dr. Rina Wati.",
        "id",
    )
    assert _signers(record)["Rina Wati"][0] in {"Universitas Gadjah Mada", "UGM"}
