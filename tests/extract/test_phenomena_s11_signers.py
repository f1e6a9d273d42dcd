"""Signers of foreign local governments and regencies written by their abbreviation (issue #15,
session 11).

* The head of a foreign city or province written with the place after ``of`` (``Mayor of X,
  NAME``, ``Governor of X NAME``, ``NAME, the mayor of X``) signs for that place's local
  government: the one the report names (``City of X``), else one declared for the area the
  post heads (rules ``foreign_local.head_areas``).
* A council named by its place and ``Municipal Council`` is a foreign local government.
* Post-nominals (``AO``, ``MLA``) are honorifics, not part of the name.
* Regencies written by the abbreviation reports use (``Pemkab Bolsel``, ``Bupati Lamteng``)
  are the gazetteer's regencies (aliases in ``scripts/make_regions.py``, each with a page that
  uses it).

Every text here is written for the test; none is copied from a report.
"""

from __future__ import annotations

from datetime import date

import pytest

from govkg.extract import extract_text

PUBLISHED = date(2024, 5, 10)


def _record(text: str, lang: str = "en") -> dict:
    return extract_text(text, published=PUBLISHED, lang=lang).record


def _signers(record: dict) -> dict[str, str]:
    return {
        s["name"]: s["party"]
        for event in record["events"]
        for a in event["agreements"]
        for s in a.get("signatories", [])
    }


def _declared(record: dict) -> dict[str, dict]:
    return {o["name"]: o for o in record.get("organizations", [])}


def test_mayor_of_a_foreign_city_signs_for_the_city_the_report_names():
    record = _record(
        "Surakarta and the City of Perth signed a sister city agreement on Tuesday, 7 May 2024. "
        "The agreement was signed by the Mayor of Perth, Jonathan Weller AO, and the Mayor of "
        "Surakarta, Gibran Santoso."
    )
    signers = _signers(record)
    assert signers["Jonathan Weller"] == "City of Perth"
    assert _declared(record)["City of Perth"]["kind"] == "ForeignLocalGovernment"


def test_governor_of_a_foreign_place_not_named_before_is_declared_for_it():
    record = _record(
        "The memorandum of understanding was signed on Tuesday, 7 May 2024 by Central Java "
        "Governor Adi Nugroho and Governor of Gyeonggi Park Min-seo."
    )
    signers = _signers(record)
    body = next(v for k, v in signers.items() if k.startswith("Park"))
    assert body == "Gyeonggi Provincial Government"
    assert _declared(record)[body]["kind"] == "ForeignLocalGovernment"


def test_mayor_of_an_indonesian_city_is_no_foreign_body():
    record = _record(
        "The Mayor of Semarang, Hendra Wijaya, and the Rector of UGM, Budi Santoso, signed a "
        "memorandum of understanding on Tuesday, 7 May 2024."
    )
    assert "Pemerintah Kota Semarang" in _signers(record).values()
    assert not any(o["kind"] == "ForeignLocalGovernment" for o in _declared(record).values())


def test_a_municipal_council_is_a_foreign_local_government():
    record = _record(
        "Kuching North Municipal Council and Pontianak City signed a letter of intent on "
        "Tuesday, 7 May 2024."
    )
    kinds = {o["kind"] for o in _declared(record).values()}
    assert "ForeignLocalGovernment" in kinds


SIGNER_BODIES = [
    pytest.param(
        "id",
        "Pemkab Bolsel dan Universitas Negeri Gorontalo meneken nota kesepahaman, Selasa "
        "(7/5/2024). Penandatanganan dilakukan Bupati Bolsel Andi Saputra dan Rektor UNG Budi "
        "Hartono.",
        "Andi Saputra",
        "Pemerintah Kabupaten Bolaang Mongondow Selatan",
        id="regency-abbreviation",
    ),
    pytest.param(
        "id",
        "Rektor Universitas Diponegoro Budi Santoso menandatangani nota kesepahaman dengan "
        "Rina Wulandari SH, MM, bupati Kabupaten Kendal, Selasa (7/5/2024).",
        "Rina Wulandari",
        "Pemerintah Kabupaten Kendal",
        id="name-plain-degrees-then-post",
    ),
    pytest.param(
        "en",
        "The agreement was signed on Tuesday, 7 May 2024 by Budi Santoso, Rector of Universitas "
        "Terbuka, and Yosef Bata, SE, the Regent of Ende.",
        "Yosef Bata",
        "Pemerintah Kabupaten Ende",
        id="english-name-degree-then-post",
    ),
    pytest.param(
        "id",
        "Nota kesepahaman ditandatangani Rektor Universitas Hasanuddin Budi Santoso dan Sekkab "
        "Mateng H Andi Rahman MSi, Jumat (3/5/2024).",
        "Andi Rahman",
        "Pemerintah Kabupaten Mamuju Tengah",
        id="regional-secretary-bare-region",
    ),
    pytest.param(
        "en",
        "Central Java's Governor Adi Nugroho and the Rector of Universitas Terbuka, Budi Santoso, "
        "signed a memorandum of understanding on Tuesday, 7 May 2024.",
        "Adi Nugroho",
        "Pemerintah Provinsi Jawa Tengah",
        id="english-possessive-region",
    ),
]


@pytest.mark.parametrize(("lang", "text", "name", "body"), SIGNER_BODIES)
def test_signer_signs_for_the_body_of_the_post(lang, text, name, body):
    assert _signers(_record(text, lang=lang))[name] == body


def test_a_possessive_body_before_head_office_names_no_signer():
    record = _record(
        "Universitas Terbuka (UT) and the Regency of Ende signed a memorandum on Tuesday, 7 May "
        "2024. The signing of the memorandum was held at the Wisma Building, UT's Head Office."
    )
    assert "Office" not in _signers(record)
