"""Who signs, in which post, for which body; titles kept apart; witnesses and guests left out."""

from __future__ import annotations

from datetime import date

from govkg.extract import extract_text


def signers(text: str, published: date = date(2022, 5, 20), lang: str | None = None) -> set:
    record = extract_text(text, published=published, lang=lang).record
    return {
        (s["name"], s["post"], s["party"], tuple(s.get("honorifics", ())))
        for a in record["events"][0]["agreements"]
        for s in a.get("signatories", ())
    }


def test_post_body_name():
    found = signers(
        "Nota kesepahaman diteken Kepala LAN Adi Suryanto dan Bupati Serang Ratu Tatu Chasanah "
        "serta Sekretaris Utama BPOM Elin Herlina, Kamis (19/5/2022)."
    )
    assert ("Adi Suryanto", "Kepala", "LAN", ()) in found
    assert ("Ratu Tatu Chasanah", "Bupati", "Pemerintah Kabupaten Serang", ()) in found
    assert ("Elin Herlina", "Sekretaris Utama", "BPOM", ()) in found


def test_titles_and_degrees_are_kept_apart_from_the_name():
    found = signers(
        "MoU ditandatangani Wali Kota Bogor Dr. H. Arief Santoso, M.Si., dan Kepala BPOM "
        "Dra. Lestari Wulandari, Apt., M.Kes., Kamis (19/5/2022)."
    )
    assert ("Arief Santoso", "Wali Kota", "Pemerintah Kota Bogor", ("Dr.", "H.", "M.Si.")) in found
    assert ("Lestari Wulandari", "Kepala", "BPOM", ("Dra.", "Apt.", "M.Kes.")) in found


def test_a_name_written_before_its_post():
    found = signers(
        "Dokumen itu ditandatangani oleh TGH. Muhammad Sukri, S.Ag., selaku Bupati Lombok Timur, "
        "dan Prof. Dr. Rahmi Aulia, M.A., selaku Sekretaris Jenderal Kementerian Agama, "
        "Kamis (19/5/2022)."
    )
    names = {(n, post, party) for n, post, party, _ in found}
    assert names == {
        ("Muhammad Sukri", "Bupati", "Pemerintah Kabupaten Lombok Timur"),
        ("Rahmi Aulia", "Sekretaris Jenderal", "Kemenag"),
    }


def test_represented_head_does_not_sign_and_the_representative_signs_for_the_body():
    found = signers(
        "Wali Kota Bogor Arief Santoso meneken PKS, sementara Kepala BPOM Penny Lestari diwakili "
        "oleh Sekretaris Utama Elin Herlina, Kamis (19/5/2022)."
    )
    names = {(n, post, party) for n, post, party, _ in found}
    assert ("Elin Herlina", "Sekretaris Utama", "BPOM") in names
    assert not any(n == "Penny Lestari" for n, *_ in found)


def test_someone_signing_on_behalf_of_a_head():
    found = signers(
        "Sekretaris Daerah Kabupaten Sleman Budi Harjono, mewakili Bupati Sleman, menandatangani "
        "nota kesepakatan dengan Kepala ANRI Mustari Irawan, Kamis (19/5/2022)."
    )
    names = {(n, post, party) for n, post, party, _ in found}
    assert names == {
        ("Budi Harjono", "Sekretaris Daerah", "Pemerintah Kabupaten Sleman"),
        ("Mustari Irawan", "Kepala", "ANRI"),
    }


def test_a_deputy_signs_for_the_agency_with_the_unit_in_the_post():
    found = signers(
        "Atas nama Kepala LAN, nota kesepahaman ditandatangani Deputi Bidang Inovasi "
        "Administrasi Negara LAN Dr. Slamet Riyadi dan Wakil Wali Kota Balikpapan Rahmad Hidayat, "
        "Kamis (19/5/2022)."
    )
    names = {(n, post, party) for n, post, party, _ in found}
    assert ("Slamet Riyadi", "Deputi Bidang Inovasi Administrasi Negara", "LAN") in names
    assert ("Rahmad Hidayat", "Wakil Wali Kota", "Pemerintah Kota Balikpapan") in names


def test_witnesses_attendees_and_speakers_do_not_sign():
    text = (
        "Bupati Banyumas Hendra Wicaksono dan Kepala BPS Retno Anggraini menandatangani nota "
        "kesepahaman, Kamis (19/5/2022), disaksikan Gubernur Jawa Tengah Gunawan Santosa.\n"
        "Turut hadir Kepala Dinas Kominfo Kabupaten Banyumas Agus Priyanto.\n"
        "Kepala BPOM Lestari Wulandari mengatakan kerja sama serupa akan menyusul."
    )
    names = {n for n, *_ in signers(text)}
    assert names == {"Hendra Wicaksono", "Retno Anggraini"}


def test_a_post_named_again_without_its_holder_takes_the_name_given_before():
    text = (
        "Bupati Gunungkidul Suryo Nugroho dan Kepala Kejaksaan Negeri Gunungkidul Ratna Dewi "
        "meneken nota kesepahaman, Kamis (19/5/2022). Kepala Kejaksaan Negeri Gunungkidul juga "
        "meneken perjanjian kerja sama dengan Direktur Utama PDAM Tirta Handayani, Bambang Sutejo."
    )
    record = extract_text(text, published=date(2022, 5, 20)).record
    pks = next(a for a in record["events"][0]["agreements"] if a["kind"] == "pks")
    assert {s["name"] for s in pks["signatories"]} == {"Ratna Dewi", "Bambang Sutejo"}


def test_english_forms():
    found = signers(
        "The agreement was signed on Tuesday, March 12, 2019, by Home Affairs Secretary General "
        "Harjo Widodo and BPPT head Lukman Hakim, witnessed by Home Affairs Minister Tomi Kusuma.",
        published=date(2019, 3, 13),
        lang="en",
    )
    names = {(n, post, party) for n, post, party, _ in found}
    assert names == {
        ("Harjo Widodo", "Secretary General", "Kemendagri"),
        ("Lukman Hakim", "head", "BPPT"),
    }


def test_english_represented_by_its_officer():
    found = signers(
        "Kulon Progo Regent Joko Susilo signed a cooperation agreement on Friday, Oct. 1, while "
        "UGM (Universitas Gadjah Mada) was represented by its Vice Rector for Research, "
        "Prof. Dr. Maria Sitompul.",
        published=date(2021, 10, 2),
        lang="en",
    )
    names = {(n, post) for n, post, *_ in found}
    assert ("Maria Sitompul", "Vice Rector for Research") in names


def test_every_signatory_has_its_sentence_as_evidence():
    text = "Kepala LAN Adi Suryanto dan Kepala LIPI Budi Hartono meneken MoU, Jumat (1/2)."
    result = extract_text(text, published=date(2019, 2, 1))
    for signatory in result.record["events"][0]["agreements"][0]["signatories"]:
        evidence = signatory["evidence"][0]
        assert result.article.text[evidence["start"] : evidence["end"]] == evidence["quote"]
        assert signatory["name"] in evidence["quote"]
