"""How many agreements a signing makes: one document signed jointly by many bodies, or one
body signing a separate agreement with each partner (issue #15, session 10).

Every text here is written for the test; none is copied from a report.
"""

from __future__ import annotations

from govkg.extract import extract_text

from .drafts import agreements

# ── one joint signing ─────────────────────────────────────────────────────────────────────────


def test_officials_of_every_party_in_one_list_sign_one_agreement():
    found = agreements(
        "Pemerintah Kabupaten Sleman menjalin kerja sama dengan Pemerintah Kabupaten Bantul, "
        "Pemerintah Kabupaten Kulon Progo dan Pemerintah Kabupaten Gunungkidul. Kesepakatan "
        "bersama itu diteken oleh Bupati Sleman Kustini, Bupati Bantul Halim, Bupati Kulon "
        "Progo Sutedjo dan Bupati Gunungkidul Sunaryanta, Senin (3/3/2025)."
    )
    assert len(found) == 1
    assert len(found[0]["parties"]) == 4


def test_a_count_of_bodies_as_the_subject_signs_one_agreement():
    found = agreements(
        "Gubernur Jawa Tengah Ahmad Luthfi menyaksikan kerja sama itu. Sebanyak empat kabupaten "
        "melakukan penandatanganan kesepakatan bersama tentang pengelolaan sungai, Senin "
        "(3/3/2025). Keempat daerah itu meliputi Kabupaten Klaten, Kabupaten Boyolali, "
        "Kabupaten Sukoharjo dan Kabupaten Wonogiri."
    )
    assert len(found) == 1
    assert len(found[0]["parties"]) == 4


# ── separate agreements ───────────────────────────────────────────────────────────────────────


def test_a_body_signing_with_each_partner_in_turn_makes_one_agreement_each():
    found = agreements(
        "Badan Pusat Statistik meneken MoU dengan tiga universitas, Senin (3/3/2025). Rektor "
        "Universitas Jambi Helmi, Rektor Universitas Gadjah Mada Ova Emilia dan Rektor "
        "Universitas Indonesia Heri Hermansyah satu per satu menandatangani MoU bersama Kepala "
        "BPS Amalia Adininggar."
    )
    assert len(found) == 3
    assert all(len(a["parties"]) == 2 for a in found)


def test_officials_listed_after_with_are_partners_of_the_hub():
    found = agreements(
        "Kepala LAN Adi Suryanto meneken MoU secara terpisah dengan Bupati Sleman Kustini, "
        "Bupati Bantul Halim dan Bupati Kulon Progo Sutedjo, Senin (3/3/2025)."
    )
    assert len(found) == 3


def test_counted_signers_besides_a_hub_each_sign_with_the_hub():
    """``Terdapat tiga kabupaten yang menandatangani …`` in a draft whose parties are the three
    and a province: the province is a fourth party, the hub of three agreements."""
    from govkg.extract.drafts import Draft
    from govkg.extract.joint import settle_joint

    draft = Draft("kesepakatan-bersama", joint_count=3)
    draft.parties = dict.fromkeys(["provinsi-32", "kabupaten-33-10", "kabupaten-33-09", "x"])
    settle_joint(draft)
    assert not draft.multilateral
    del draft.parties["provinsi-32"]
    settle_joint(draft)
    assert draft.multilateral


def test_a_list_of_signers_after_partners_counted_with_a_hub_stays_a_set():
    found = agreements(
        "Universitas Gadjah Mada established cooperation with three regencies: Sleman, Bantul "
        "and Kulon Progo. The memorandum was signed on Monday (3/3/2025) by Rector of UGM, "
        "Ova Emilia, Regent of Sleman, Kustini, Regent of Bantul, Halim, and Regent of Kulon "
        "Progo, Sutedjo.",
        lang="en",
    )
    assert len(found) == 3


def test_a_list_of_signers_with_a_scope_for_each_partner_stays_a_set():
    found = agreements(
        "Bank Jateng menandatangani nota kesepahaman dengan Universitas Diponegoro dan "
        "Pemerintah Kota Semarang, Senin (3/3/2025). Nota kesepahaman diteken Direktur Utama "
        "Bank Jateng Irianto, Rektor Undip Suharnomo dan Wali Kota Semarang Agustina. Kerja "
        "sama Bank Jateng dengan Undip meliputi beasiswa mahasiswa. Adapun kerja sama dengan "
        "Pemerintah Kota Semarang meliputi pembayaran pajak daerah."
    )
    assert len(found) == 2


# ── kinds ─────────────────────────────────────────────────────────────────────────────────────


def test_a_kind_in_apposition_names_the_document():
    found = agreements(
        "Pemerintah Provinsi Papua dan Pemerintah Provinsi Maluku menandatangani perjanjian "
        "kerja sama Letter of Intent (LoI) tentang perdagangan, Senin (3/3/2025). Pihak yang "
        "menandatangani LoI itu ialah Gubernur Papua Mathius Fakhiri dan Gubernur Maluku "
        "Hendrik Lewerissa."
    )
    assert [a["kind"] for a in found] == ["loi"]


def test_a_linked_report_of_another_agreement_is_no_agreement_of_this_one():
    found = agreements(
        "Pemerintah Provinsi Papua dan Pemerintah Provinsi Maluku menandatangani nota "
        "kesepahaman tentang perdagangan, Senin (3/3/2025).\n"
        "BACA: Universitas Pattimura dan Universitas Cenderawasih perpanjang MoU\n"
        "Kerja sama itu berlaku lima tahun."
    )
    assert [sorted(a["parties"]) for a in found] == [
        ["Pemerintah Provinsi Maluku", "Pemerintah Provinsi Papua"]
    ]


def test_a_second_kind_signed_beside_the_first_keeps_its_agreement_when_parties_come_late():
    found = agreements(
        "Universitas Khairun menjalin kerja sama melalui penandatanganan nota kesepahaman "
        "(MoU) dan perjanjian kerja sama (PKS), Jumat (28/2/2025). Kepala Badan Pusat "
        "Statistik memberi sambutan tentang kerja sama dengan BPS."
    )
    assert sorted(a["kind"] for a in found) == ["mou", "pks"]
    assert len({tuple(sorted(a["parties"])) for a in found}) == 1


# ── dates ─────────────────────────────────────────────────────────────────────────────────────


def test_a_report_address_known_to_the_month_gives_the_year_of_a_yearless_date():
    text = (
        "https://kabar.example/2024/03/5512/\n"
        "Kepala LAN Adi Suryanto dan Kepala BPS Amalia Adininggar meneken nota kesepahaman di "
        "Jakarta, Senin (26/02)."
    )
    record = extract_text(text).record
    assert [e.get("date") for e in record["events"]] == ["2024-02-26"]
