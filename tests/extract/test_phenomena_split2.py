"""How a report is cut into agreements (issue #15, session 8).

Every text here is written for the test; none is copied from a report.
"""

from __future__ import annotations

from .drafts import agreements


def test_one_body_cooperating_with_two_in_a_sentence_without_signing_word():
    found = agreements(
        "Pemerintah Kabupaten Sleman menjalin kerja sama dengan Pemerintah Kabupaten Bantul "
        "dan Universitas Gadjah Mada. Penandatanganan kesepakatan bersama itu berlangsung "
        "Senin (3/3/2025) di Sleman."
    )
    pairs = sorted(sorted(a["parties"]) for a in found)
    assert len(found) == 2
    assert all(any("Sleman" in p for p in pair) for pair in pairs)
    assert {a["kind"] for a in found} == {"kesepakatan-bersama"}


def test_a_remark_about_cooperation_names_no_subject():
    found = agreements(
        "Bupati Sleman Kustini dan Rektor UGM Ova Emilia meneken MoU, Senin (3/3/2025). "
        "Pemerintah Kabupaten Sleman berharap kerja sama dengan UGM dan Pemerintah Kabupaten "
        "Bantul terus berlanjut, katanya."
    )
    assert len(found) == 1


def test_a_further_signing_with_new_partners_only_is_one_agreement_each():
    found = agreements(
        "Penandatanganan kesepakatan bersama antara BPK dengan Pemerintah Provinsi Jambi "
        "berlangsung Senin (3/3/2025) di Jakarta. Pada acara itu juga dilaksanakan "
        "penandatanganan dengan Provinsi Riau dan Provinsi Bengkulu."
    )
    assert len(found) == 3
    assert all("BPK" in a["parties"] and len(a["parties"]) == 2 for a in found)
    assert {a["kind"] for a in found} == {"kesepakatan-bersama"}
    further = [a for a in found if any("further signing" in n for n in a.get("notes", []))]
    assert len(further) == 2


def test_also_in_a_quote_is_no_further_signing():
    found = agreements(
        "Wali Kota Bogor dan Direktur Utama Bank BJB meneken MoU kas daerah, Senin (3/3/2025).\n"
        "“Penandatanganan perjanjian kerja sama dengan Bank BJB ini juga untuk menunjang "
        "pembangunan,” kata Wali Kota Bogor."
    )
    assert [a["kind"] for a in found] == ["mou"]


def test_a_count_of_partners_left_unnamed_makes_no_split():
    found = agreements(
        "Kepala BPK Budi meneken nota kesepahaman e-audit dengan 34 pemerintah daerah se-Sumatera "
        "Utara, antara lain Pemerintah Provinsi Sumatera Utara dan Pemerintah Kota Medan, Senin "
        "(3/3/2025)."
    )
    assert len(found) == 1
    assert any("counts 34 partners" in n for n in found[0]["notes"])


def test_a_count_of_partners_all_named_still_splits():
    found = agreements(
        "BPK meneken nota kesepahaman dengan tiga pemerintah daerah, yaitu Pemerintah Kota "
        "Medan, Pemerintah Kota Binjai dan Pemerintah Kabupaten Deli Serdang, Senin (3/3/2025)."
    )
    assert len(found) == 3
