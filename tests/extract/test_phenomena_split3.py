"""Splitting one event into its agreements, third round (issue #15, session 9): pairs of sides
set apart by semicolons or commas, pairs of signers after ``oleh``, a branch written between a
body and its signer; each shown by a text of our own."""

from __future__ import annotations

from datetime import date

from govkg.extract import extract_text


def agreements(text: str) -> list[list[str]]:
    record = extract_text(text).record
    return [a["parties"] for e in record["events"] for a in e["agreements"]]


def signers(text: str) -> list[list[tuple[str, str]]]:
    record = extract_text(text).record
    return [
        [(s["name"], s["party"]) for s in a.get("signatories", [])]
        for e in record["events"]
        for a in e["agreements"]
    ]


def test_pairs_set_apart_by_semicolons_each_make_an_agreement():
    text = (
        "Dalam acara itu diteken pula perjanjian kerja sama antara Pemerintah Kabupaten Bantul "
        "dengan Universitas Gadjah Mada; Pemerintah Kabupaten Sleman dengan LIPI; serta "
        "Pemerintah Kota Yogyakarta dengan BPS, Kamis (11/5/2023)."
    )
    assert agreements(text) == [
        ["Pemerintah Kabupaten Bantul", "UGM"],
        ["Pemerintah Kabupaten Sleman", "LIPI"],
        ["Pemerintah Kota Yogyakarta", "BPS"],
    ]


def test_pairs_set_apart_by_commas_with_the_same_joining_word():
    text = (
        "Nota kesepahaman diteken antara Gubernur Bali dengan Kepala LAN, Gubernur Bali dengan "
        "Kepala BPS, dan Gubernur Bali dengan Kepala LIPI, Rabu (10/5/2023)."
    )
    assert agreements(text) == [
        ["Pemerintah Provinsi Bali", "LAN"],
        ["Pemerintah Provinsi Bali", "BPS"],
        ["Pemerintah Provinsi Bali", "LIPI"],
    ]


def test_one_body_with_partners_after_commas_is_no_set_of_pairs():
    text = (
        "Nota kesepahaman diteken antara Kepala LAN Adi Nugroho dengan Kepala BPS Rina Wati, "
        "Kepala LIPI Budi Santoso dan Kepala BPOM Sri Lestari, Rabu (10/5/2023)."
    )
    assert ["LIPI", "BPOM"] not in agreements(text)


def test_signers_named_in_pairs_after_oleh_each_sign_their_own_agreement():
    text = (
        "Penandatanganan perjanjian kerja sama dilakukan oleh Kepala LAN, Adi Nugroho, dengan "
        "Bupati Sleman, Sri Handayani, serta Kepala BPS, Rina Wati, dengan Rektor UGM, Budi "
        "Santoso, Kamis (11/5/2023)."
    )
    assert signers(text) == [
        [("Adi Nugroho", "LAN"), ("Sri Handayani", "Pemerintah Kabupaten Sleman")],
        [("Rina Wati", "BPS"), ("Budi Santoso", "UGM")],
    ]


def test_two_signers_after_oleh_sign_one_agreement():
    text = "Nota kesepahaman diteken oleh Kepala LAN Adi Nugroho dan Kepala BPS Rina Wati, Kamis."
    assert agreements(text) == [["LAN", "BPS"]]


def test_a_branch_between_a_body_and_its_signer_is_no_name():
    text = (
        "Nota kesepahaman diteken oleh Bupati Sleman Sri Handayani dan Kepala BPJS Kesehatan "
        "Cabang Sleman, Rina Wati, Kamis (11/5/2023)."
    )
    names = [name for group in signers(text) for name, _ in group]
    assert "Rina Wati" in names
    assert "Cabang Sleman" not in names


def events(text: str) -> list[tuple[str, list[str]]]:
    record = extract_text(text, published=date(2023, 5, 20)).record
    return [(e.get("date"), [a["kind"] for a in e["agreements"]]) for e in record["events"]]


def test_two_signings_on_different_days_are_two_events():
    text = (
        "Kementerian Pertanian dan Pemerintah Provinsi Jambi meneken nota kesepahaman pada "
        "Senin (15/5/2023). Keesokan harinya, Selasa (16/5/2023), Kementan juga menandatangani "
        "perjanjian kerja sama dengan Universitas Jambi."
    )
    assert events(text) == [("2023-05-15", ["mou"]), ("2023-05-16", ["pks"])]


def test_a_date_in_a_sentence_about_no_signing_makes_no_event():
    text = (
        "LAN dan BPS meneken nota kesepahaman, Senin (15/5/2023). Selain itu LAN juga meneken "
        "PKS dengan LIPI. PKS dengan LIPI itu berlaku sampai Rabu (31/12/2025)."
    )
    assert [day for day, _ in events(text)] == ["2023-05-15"]


def test_each_sentence_with_its_own_pair_of_signers_is_another_agreement_of_that_kind():
    text = (
        "Kepala LAN Adi Nugroho dan Kepala BPS Rina Wati meneken nota kesepahaman tentang "
        "pelatihan, Kamis (11/5/2023). Nota kesepahaman tentang data diteken Kepala LIPI Budi "
        "Santoso dan Kepala BPS Rina Wati. Adapun nota kesepahaman tentang pengawasan obat "
        "ditandatangani Kepala BPOM Sri Lestari dan Kepala LAN Adi Nugroho."
    )
    assert signers(text) == [
        [("Adi Nugroho", "LAN"), ("Rina Wati", "BPS")],
        [("Budi Santoso", "LIPI"), ("Rina Wati", "BPS")],
        [("Sri Lestari", "BPOM"), ("Adi Nugroho", "LAN")],
    ]


def test_the_same_signers_named_again_stay_in_their_agreement():
    text = (
        "Kepala LAN Adi Nugroho dan Kepala BPS Rina Wati meneken nota kesepahaman, Kamis "
        "(11/5/2023). Nota kesepahaman itu diteken Kepala LAN Adi Nugroho dan Kepala BPS Rina "
        "Wati di Jakarta."
    )
    assert agreements(text) == [["LAN", "BPS"]]


def test_a_head_named_right_after_the_partner_signs_for_it():
    text = (
        "Universitas Gadjah Mada meneken nota kesepahaman dengan tiga pemerintah kabupaten, "
        "Senin (15/5/2023). Nota kesepahaman dengan Kabupaten Sleman diteken Bupati Rina Dewi, "
        "dengan Kabupaten Bantul oleh Bupati Adi Nugroho, dan dengan Kabupaten Kulon Progo oleh "
        "Bupati Budi Santoso."
    )
    assert signers(text) == [
        [("Rina Dewi", "Pemerintah Kabupaten Sleman")],
        [("Adi Nugroho", "Pemerintah Kabupaten Bantul")],
        [("Budi Santoso", "Pemerintah Kabupaten Kulon Progo")],
    ]


def test_a_head_signing_separately_with_officials_of_several_bodies():
    text = (
        "Kepala BPKP Rina Dewi menandatangani nota kesepahaman secara terpisah dengan Gubernur "
        "Jambi Adi Nugroho, Bupati Kerinci Budi Santoso, dan Wali Kota Sungai Penuh Sri Lestari, "
        "Senin (15/5/2023)."
    )
    assert agreements(text) == [
        ["BPKP", "Pemerintah Provinsi Jambi"],
        ["BPKP", "Pemerintah Kabupaten Kerinci"],
        ["BPKP", "Pemerintah Kota Sungai Penuh"],
    ]


def test_clauses_each_naming_one_pair_make_one_agreement_each():
    text = (
        "Pada acara itu Pemprov Jawa Tengah meneken kesepakatan bersama dengan Pemprov Jawa "
        "Timur, sedangkan Pemprov Bali meneken kesepakatan bersama dengan Pemprov Jawa Barat, "
        "Senin (15/5/2023)."
    )
    assert agreements(text) == [
        ["Pemerintah Provinsi Jawa Tengah", "Pemerintah Provinsi Jawa Timur"],
        ["Pemerintah Provinsi Bali", "Pemerintah Provinsi Jawa Barat"],
    ]


def test_a_partner_named_again_at_the_end_of_a_list_is_one_agreement_and_the_record_loads():
    from govkg.records.load import load_text

    text = (
        "Penandatanganan kesepakatan bersama antara Pemerintah Provinsi Jawa Tengah dengan "
        "Pemerintah Kabupaten Kebumen berlangsung di Semarang, Senin (5/2/2024). Kesepakatan itu "
        "diteken Gubernur Jawa Tengah Ahmad Lutfi dan Bupati Kebumen Ari Wibowo. Pada hari yang "
        "sama Pemprov Jawa Tengah menandatangani kesepakatan bersama dengan sejumlah daerah, "
        "yaitu Kabupaten Blora, Kabupaten Rembang, Kabupaten Sumba Timur, dan tentu saja "
        "Kabupaten Kebumen."
    )
    result = extract_text(text, published=date(2024, 2, 6))
    pairs = [a["parties"] for e in result.record["events"] for a in e["agreements"]]
    assert len(pairs) == len({frozenset(p) for p in pairs}) == 4
    kebumen = next(a for e in result.record["events"] for a in e["agreements"])
    assert {s["name"] for s in kebumen["signatories"]} == {"Ahmad Lutfi", "Ari Wibowo"}
    load_text(result.yaml(), fmt="yaml", name="drafted.yaml")
