"""Signatories in the shapes real reports write them (issue #15), each with a text of our own."""

from __future__ import annotations

from datetime import date

from govkg.extract import extract_text


def signers(text: str, published: date = date(2023, 5, 20), lang: str | None = None) -> set:
    record = extract_text(text, published=published, lang=lang).record
    return {
        (s["name"], s["party"])
        for e in record["events"]
        for a in e["agreements"]
        for s in a.get("signatories", ())
    }


def names(text: str, **kwargs) -> set[str]:
    return {name for name, _ in signers(text, **kwargs)}


def test_titles_glued_to_the_name():
    found = names(
        "Nota kesepahaman ditandatangani Rektor Unhas Prof.Dr.Hendra Wijaya dan "
        "Bupati Kerinci H.Mulyadi Saputra, Senin (15/5/2023)."
    )
    assert {"Hendra Wijaya", "Mulyadi Saputra"} <= found
    assert not any("." in name for name in found)


def test_plain_title_inside_a_run_starts_the_name():
    found = names(
        "Unhas teken MoU\nUnhas dan Pemerintah Kabupaten Konawe Kepulauan meneken MoU, Senin "
        "(15/5/2023). MoU diteken Rektor Unhas Prof Dr Irma Suryani dan Bupati Konkep H "
        "Bambang Arifin SE."
    )
    assert found == {"Irma Suryani", "Bambang Arifin"}


def test_lower_case_titles_before_a_name():
    found = names(
        "Kesepakatan bersama diteken antara Rektor Universitas Jambi, Prof dr Dimas Prayoga dan "
        "Bupati Kerinci, Tomi Hartono, Senin (15/5/2023)."
    )
    assert "Dimas Prayoga" in found


def test_a_signing_verb_misspelt():
    found = names(
        "Gubernur Jambi Rahmat Hidayat dan Bupati Kerinci Tomi Hartono mendatangani MoU "
        "pengembangan wisata, Senin (15/5/2023)."
    )
    assert found == {"Rahmat Hidayat", "Tomi Hartono"}


def test_an_office_post_followed_by_the_name_alone():
    found = signers(
        "Pemerintah Kota Kendari meneken MoU dengan Kejaksaan Negeri Kendari. Nota itu "
        "ditandatangani Wali Kota Kendari Yusuf Ramli dan Kajari Made Suarsa di aula, Senin "
        "(15/5/2023)."
    )
    assert ("Made Suarsa", "Kejari Kendari") in found
    assert not any("Made" in party for _, party in found)


def test_a_place_read_into_the_name_is_dropped_when_the_report_names_the_person_alone():
    found = names(
        "Unhas teken MoU\nUnhas dan Pemerintah Kabupaten Konawe Kepulauan meneken MoU, Senin "
        "(15/5/2023). MoU diteken Rektor Unhas Irma Suryani dan Bupati Konkep Harun Alrasyid "
        "di Makassar. Bupati Harun Alrasyid berharap kerja sama berlanjut."
    )
    assert "Harun Alrasyid" in found
    assert "Konkep Harun Alrasyid" not in found


def test_a_minister_named_by_nickname_signs_for_the_ministry():
    found = signers(
        "Nota kesepahaman ditandatangani Menparekraf Rina Kusuma dan Menpora Dodi Prasetyo di "
        "Jakarta, Senin (15/5/2023)."
    )
    assert ("Rina Kusuma", "Kemenparekraf") in found
    assert ("Dodi Prasetyo", "Kemenpora") in found


def test_a_short_bracket_between_post_and_name():
    found = signers(
        "MoU diteken Kepala BPS Hadi Saputra dan Menteri Komunikasi dan Informatika (Menkominfo) "
        "Yudi Pratama, Senin (15/5/2023)."
    )
    assert ("Yudi Pratama", "Kominfo") in found


def test_a_long_unit_name_after_a_bracketed_acronym():
    found = names(
        "Unhas teken MoU\nUnhas dan Pemerintah Kabupaten Konawe Kepulauan meneken MoU, Senin "
        "(15/5/2023). MoU diteken Bupati Konawe Kepulauan Harun Alrasyid dan Wakil Rektor (WR) "
        "II Bidang Perencanaan Keuangan dan Sumber Daya Unhas, Dr. Sinta Lestari, M.Si."
    )
    assert not any(name.startswith("II") for name in found)


def test_a_post_written_after_the_name_is_not_part_of_it():
    found = names(
        "Bupati Kerinci Tomi Hartono dan Prof. Irma Suryani Rektor Universitas Jambi meneken MoU, "
        "Senin (15/5/2023)."
    )
    assert "Irma Suryani Rektor" not in found


def test_officials_who_witness_the_signing_do_not_sign():
    found = names(
        "Presiden Budi Santoso dan Perdana Menteri Lee Kuan menyaksikan penandatanganan nota "
        "kesepahaman oleh Menteri Luar Negeri Rina Kusuma dan Menteri Kesehatan Dodi Prasetyo, "
        "Senin (15/5/2023)."
    )
    assert "Budi Santoso" not in found
    assert {"Rina Kusuma", "Dodi Prasetyo"} <= found


def test_english_leaders_who_witnessed_the_signing_do_not_sign():
    found = names(
        "President Budi Santoso and Prime Minister Lee Kuan witnessed the signing of a memorandum "
        "of understanding by Health Minister Dodi Prasetyo on Monday (15/5/2023).",
        lang="en",
    )
    assert "Budi Santoso" not in found


def test_signers_named_before_the_witnesses_still_sign():
    found = names(
        "MoU ditandatangani Kepala BPS Hadi Saputra dan Kepala LAN Rina Kusuma, disaksikan oleh "
        "Presiden Budi Santoso, Senin (15/5/2023)."
    )
    assert found == {"Hadi Saputra", "Rina Kusuma"}


def test_a_misread_name_gives_way_to_the_name_written_elsewhere():
    found = signers(
        "Kapolda Jambi Teken MoU Dengan Bawaslu Jelang Pemilu 2024\n"
        "Kapolda Jambi Irjen Pol Hadi Saputra meneken MoU dengan Ketua Bawaslu Jambi Rina "
        "Kusuma, Senin (15/5/2023)."
    )
    assert not any("Pemilu" in name or "2024" in name for name, _ in found)


def test_one_person_named_short_and_long_signs_once():
    found = names(
        "MoU ditandatangani oleh Menkes Dodi, Menteri Kesehatan Dodi Prasetyo dan Kepala BPS "
        "Hadi Saputra, Senin (15/5/2023)."
    )
    assert "Dodi" not in found and "Dodi Prasetyo" in found


def test_a_governor_does_not_sign_for_a_prosecutors_office():
    found = signers(
        "Kejati Jambi teken MoU\nKejati Jambi meneken MoU di Jambi. MoU ditandatangani Gubernur "
        "Rahmat Hidayat, Senin (15/5/2023)."
    )
    assert ("Rahmat Hidayat", "Kejati Jambi") not in found


def test_signers_named_in_the_sentence_after_the_signing():
    found = names(
        "Pada Senin (15/5/2023) dilakukan penandatanganan nota kesepahaman di Jambi. Antara "
        "Kepala BPS, Dr Hadi Saputra, dan Rektor Universitas Jambi, Dr Irma Suryani di bidang "
        "statistik."
    )
    assert {"Hadi Saputra", "Irma Suryani"} <= found


def test_witnesses_listed_in_the_sentence_after_the_signing_do_not_sign():
    found = names(
        "Bupati Kerinci Tomi Hartono dan Kepala BPS Hadi Saputra meneken MoU, Senin (15/5/2023). "
        "Penandatanganan itu disaksikan pejabat tinggi. Yakni, Sekjen Kemendagri Rina Kusuma "
        "dan Deputi Bappenas Dodi Prasetyo."
    )
    assert found == {"Tomi Hartono", "Hadi Saputra"}


def test_a_name_before_an_english_post_with_the():
    found = names(
        "The memorandum was signed by Hadi Saputra, the Head of BPS, and Irma Suryani, the Head "
        "of LAN, on Monday (15/5/2023).",
        lang="en",
    )
    assert {"Hadi Saputra", "Irma Suryani"} <= found


def test_a_nickname_post_then_a_comma_and_the_name():
    found = signers(
        "MoU ditandatangani oleh Kapolda Riau, Brigjen Pol Hadi Saputra dan Gubri, Rina Kusuma "
        "Wijaya, Senin (15/5/2023)."
    )
    assert ("Rina Kusuma Wijaya", "Pemerintah Provinsi Riau") in found


def test_a_degree_written_phd_after_the_name():
    found = names(
        "MoU ditandatangani oleh Gubernur Riau Rina Kusuma dan Rektor ITB Hadi Saputra Phd dan "
        "staf, Senin (15/5/2023)."
    )
    assert "Hadi Saputra" in found


def test_the_post_of_the_head_of_a_known_regional_office_is_spelled_out():
    record = extract_text(
        "MoU ditandatangani Bupati Kendal Rina Kusuma dan Kepala Kejaksaan Negeri Kendal Hadi "
        "Saputra, Senin (15/5/2023).",
        published=date(2023, 5, 20),
    ).record
    posts = {
        s["name"]: s["post"]
        for a in record["events"][0]["agreements"]
        for s in a.get("signatories", ())
    }
    assert posts.get("Hadi Saputra") == "Kepala Kejaksaan Negeri"


def test_names_written_in_brackets_after_the_post():
    found = signers(
        "MoU ditandatangani Kepala BPS (Hadi Saputra) dan Kepala LAN (Rina Kusuma), Senin "
        "(15/5/2023)."
    )
    assert found == {("Hadi Saputra", "BPS"), ("Rina Kusuma", "LAN")}


def test_a_bracketed_acronym_is_not_a_name():
    found = names(
        "MoU diteken Kepala BPS Hadi Saputra dan Rektor Universitas Islam Negeri Raden Mas Said "
        "Surakarta (UIN Surakarta), Prof. Rina Kusuma, Senin (15/5/2023)."
    )
    assert "UIN Surakarta" not in found


def test_signer_on_behalf_of_a_body_with_the_partner_after_dengan():
    found = signers(
        "Kepala BPS, Hadi Saputra mewakili BPS dengan Kepala LAN, Rina Kusuma, di Jakarta, Senin "
        "(15/5/2023) menandatangani MoU."
    )
    assert found == {("Hadi Saputra", "BPS"), ("Rina Kusuma", "LAN")}
