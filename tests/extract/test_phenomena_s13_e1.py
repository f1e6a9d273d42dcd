"""Agreement structure (issue 15, session 13, helper e1): which bodies sign, and with whom,
when the report names the parties only by the officials who came.

Each phenomenon is shown by a text of our own words."""

from __future__ import annotations

from .drafts import agreements


def _parties(text: str) -> list[list[str]]:
    return sorted(sorted(a["parties"]) for a in agreements(text))


def test_heads_attending_a_signing_that_names_no_parties_are_its_parties():
    text = (
        "Kerja sama antarwilayah diperkuat lewat penandatanganan perjanjian kerja sama di "
        "Gedung Sate, Bandung. Perjanjian kerja sama itu dihadiri oleh Bupati Garut, Rina "
        "Wati; Wali Kota Cirebon, Budi Santoso; dan Bupati Kuningan, Dodi Saputra. Ketiga "
        "daerah akan membentuk kelompok kerja bersama."
    )
    (parties,) = _parties(text)
    assert {
        "Pemerintah Kabupaten Garut",
        "Pemerintah Kota Cirebon",
        "Pemerintah Kabupaten Kuningan",
    } <= set(parties)
    (agreement,) = agreements(text)
    assert max(e["confidence"] for e in agreement["evidence"]) <= 0.6
    assert any("attended" in n for n in agreement["notes"])


def test_attending_heads_are_no_parties_when_the_report_names_the_parties():
    text = (
        "Pemerintah Kabupaten Garut dan Badan Pusat Statistik meneken nota kesepahaman, Senin "
        "(3/3/2025). Penandatanganan dihadiri oleh Bupati Kuningan Dodi Saputra dan Wali Kota "
        "Cirebon Budi Santoso."
    )
    assert _parties(text) == [["BPS", "Pemerintah Kabupaten Garut"]]


def test_a_side_named_by_its_head_after_antara_signs_with_each_attending_government():
    text = (
        "Direktur Jenderal Pajak menyaksikan penandatanganan perjanjian kerja sama antara "
        "Kepala Kanwil DJP Jawa Barat I dengan para bupati, Senin (3/3/2025). Melalui "
        "perjanjian itu setiap kabupaten mengelola data pajak di daerah masing-masing. Hadir "
        "dalam kesempatan ini Bupati Garut Rina Wati, Bupati Kuningan Dodi Saputra dan Bupati "
        "Majalengka Eko Prasetyo."
    )
    parties = _parties(text)
    assert len(parties) == 3, parties
    hubs = {p for pair in parties for p in pair if "DJP" in p}
    assert len(hubs) == 1, parties
    assert all(len(pair) == 2 and hubs <= set(pair) for pair in parties), parties


def test_a_remark_on_the_signing_by_an_official_of_another_body_opens_no_agreement():
    text = (
        "Universitas Garut menjalin kemitraan dengan dua kepala daerah, masing-masing Kota "
        "Cirebon dan Kabupaten Kuningan, dituangkan dalam penandatanganan nota kesepahaman, "
        "Senin (3/3/2025). Di kesempatan yang sama, Wakil Gubernur Jawa Barat Eko Prasetyo "
        "berharap penandatanganan MoU membuat pengelolaan anggaran lebih baik. Acara "
        "dilanjutkan dengan penandatanganan MoU oleh Rektor Universitas Garut Budi Santoso, "
        "Wali Kota Cirebon Rina Wati dan Bupati Kuningan Dodi Saputra."
    )
    assert _parties(text) == [
        ["Pemerintah Kabupaten Kuningan", "Universitas Garut"],
        ["Pemerintah Kota Cirebon", "Universitas Garut"],
    ]


def test_a_quote_on_other_cooperation_names_no_party_of_the_signing():
    text = (
        "Pemerintah Kabupaten Garut meneken nota kesepahaman dengan Universitas Padjadjaran, "
        "Senin (3/3/2025). Bupati Garut Rina Wati menyebut kerja sama itu penting. “Pola ini "
        "sama dengan kerja sama kami bersama Pemerintah Kota Cirebon yang sudah berjalan "
        "lama."
    )
    assert _parties(text) == [["Pemerintah Kabupaten Garut", "Universitas Padjadjaran"]]
