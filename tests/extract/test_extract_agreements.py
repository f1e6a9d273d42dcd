"""How many agreements of which kind: one multi-party MoU or several bilateral ones; numbered
lists; background agreements; PKS carrying out an MoU."""

from __future__ import annotations

from datetime import date

import pytest

from govkg.extract import extract_text

PUBLISHED = date(2022, 5, 20)


def agreements(text: str, published: date = PUBLISHED, lang: str | None = None) -> list[dict]:
    return extract_text(text, published=published, lang=lang).record["events"][0]["agreements"]


def test_one_agreement_among_three_parties():
    found = agreements(
        "Pemerintah Provinsi Jawa Tengah, Universitas Diponegoro (Undip), dan PT Telkom Indonesia "
        "(Persero) Tbk menandatangani nota kesepahaman tiga pihak, Kamis (19/5/2022)."
    )
    assert len(found) == 1 and len(found[0]["parties"]) == 3


def test_several_bilateral_agreements_signed_separately():
    found = agreements(
        "Ditjen Dukcapil Kementerian Dalam Negeri meneken perjanjian kerja sama secara terpisah "
        "dengan tiga pemerintah daerah, Kamis (19/5/2022). Ketiga daerah itu ialah Kabupaten "
        "Klaten, Kota Pekalongan, dan Kabupaten Sumedang."
    )
    assert [a["kind"] for a in found] == ["pks"] * 3
    assert all(len(a["parties"]) == 2 and "Kemendagri" in a["parties"] for a in found)


def test_a_hub_and_partners_after_dengan():
    found = agreements(
        "PT PLN (Persero) menandatangani nota kesepahaman dengan Institut Teknologi Sepuluh "
        "Nopember (ITS) dan Pemerintah Provinsi Jawa Timur, Kamis (19/5/2022). Kerja sama PLN "
        "dengan ITS meliputi riset energi baru terbarukan. Adapun kerja sama dengan Pemerintah "
        "Provinsi Jawa Timur meliputi elektrifikasi desa."
    )
    assert len(found) == 2
    fields = {a["parties"][1]: a.get("fields") for a in found}
    assert fields["Institut Teknologi Sepuluh Nopember"][:2] == ["riset", "energi baru terbarukan"]
    assert fields["Pemerintah Provinsi Jawa Timur"] == ["desa"]


def test_a_numbered_list_gives_each_partner_its_fields():
    found = agreements(
        "Lembaga Administrasi Negara menjalin kerja sama dengan empat instansi, Jumat (1/2).\n"
        "Keempat instansi itu ialah LIPI, BPOM, Pemerintah Kabupaten Serang, dan Pemerintah "
        "Kabupaten Aceh Tengah. Nota kesepahaman diteken Kepala LAN Adi Suryanto.\n"
        "Lembaga Administrasi Negara kerja sama dengan:\n"
        "1. BPOM di bidang pengembangan ASN.\n"
        "2. LIPI di bidang penelitian.\n"
        "3. Aceh Tengah di bidang pendidikan tinggi.\n"
        "4. Kabupaten Serang di bidang pelatihan.",
        published=date(2019, 2, 1),
    )
    fields = {a["parties"][1]: a["fields"] for a in found}
    assert fields == {
        "BPOM": ["pengembangan ASN"],
        "LIPI": ["penelitian"],
        "Pemerintah Kabupaten Aceh Tengah": ["pendidikan tinggi"],
        "Pemerintah Kabupaten Serang": ["pelatihan"],
    }
    assert all(a["parties"][0] == "LAN" for a in found)


def test_an_agreement_mentioned_as_background_is_not_a_new_signing():
    found = agreements(
        "LAN dan Pemerintah Provinsi Jawa Barat menandatangani nota kesepahaman baru, Kamis "
        "(19/5/2022). Sebelumnya, LAN juga pernah meneken nota kesepahaman dengan Pemerintah "
        "Provinsi Jawa Timur pada 2019."
    )
    assert len(found) == 1
    assert "Pemerintah Provinsi Jawa Timur" not in found[0]["parties"]


def test_a_pks_carrying_out_an_earlier_mou_notes_its_would_be_id():
    (found,) = agreements(
        "BNN dan Pemerintah Kota Surabaya menandatangani perjanjian kerja sama, Selasa (20/10). "
        "PKS ini menindaklanjuti nota kesepahaman yang ditandatangani kedua pihak pada "
        "5 Agustus 2020.",
        published=date(2020, 10, 21),
    )
    assert found["kind"] == "pks" and "implements" not in found
    assert any("2020-08-05-mou-bnn-kota-35-78" in note for note in found["notes"])


def test_a_pks_signed_with_its_mou_implements_it():
    found = agreements(
        "Pemerintah Kabupaten Serang dan Universitas Sultan Ageng Tirtayasa (Untirta) "
        "menandatangani nota kesepahaman, Senin (15/5/2023). Nota kesepahaman diteken Bupati "
        "Serang Ratna Komalasari dan Rektor Untirta Fikri Ramadhan. Sebagai tindak lanjut nota "
        "kesepahaman tersebut, Dinas Pendidikan Kabupaten Serang dan Untirta juga meneken "
        "perjanjian kerja sama tentang magang mahasiswa.",
        published=date(2023, 5, 16),
    )
    mou, pks = found
    assert (mou["kind"], pks["kind"]) == ("mou", "pks")
    assert pks["implements"] == mou["id"]


@pytest.mark.parametrize(
    ("wording", "kind"),
    [
        ("nota kesepahaman", "mou"),
        ("MoU", "mou"),
        ("nota kesepakatan", "kesepakatan-bersama"),
        ("kesepakatan bersama", "kesepakatan-bersama"),
        ("perjanjian kerja sama (PKS)", "pks"),
        ("memorandum of agreement", "moa"),
        ("pernyataan kehendak", "soi"),
        ("letter of intent", "loi"),
    ],
)
def test_kinds(wording, kind):
    (found,) = agreements(
        f"Kepala LAN Adi dan Kepala BPS Retno menandatangani {wording}, Kamis (19/5/2022)."
    )
    assert found["kind"] == kind


def test_english_kinds():
    text = (
        "Statistics Indonesia (BPS) and the West Java Provincial Government signed a "
        "statement of intent on 3 June 2022."
    )
    (found,) = agreements(text, published=date(2022, 6, 4), lang="en")
    assert found["kind"] == "soi"


def test_a_second_agreement_with_other_parties_at_the_same_event():
    found = agreements(
        "Pemerintah Kabupaten Klaten menandatangani nota kesepahaman dengan Kantor Pertanahan "
        "Kabupaten Klaten, Rabu (16/3/2022). Nota kesepahaman ditandatangani Bupati Klaten Sri "
        "Mulyani. Selain itu, Bupati juga meneken nota kesepahaman dengan Kepala Kejaksaan "
        "Negeri Klaten Rudi Hartanto.",
        published=date(2022, 3, 17),
    )
    assert len(found) == 2
    assert all("Pemerintah Kabupaten Klaten" in a["parties"] for a in found)


def test_agreements_carry_their_sentences_as_evidence():
    text = "LAN dan LIPI menandatangani nota kesepahaman, Jumat (1/2)."
    result = extract_text(text, published=date(2019, 2, 1))
    evidence = result.record["events"][0]["agreements"][0]["evidence"]
    assert evidence[0]["quote"] == text and (evidence[0]["start"], evidence[0]["end"]) == (0, 58)
    assert 0 < evidence[0]["confidence"] <= 1


def test_a_remark_on_something_else_is_no_evidence_but_a_scope_is():
    text = (
        "Kepala LAN Adi dan Kepala BPS Retno menandatangani nota kesepahaman, Senin (16/5/2022). "
        "Retno mengatakan, wilayah Jawa Barat rawan banjir. "
        "Cakupannya meliputi pelatihan pegawai dan statistik sektoral."
    )
    (agreement,) = agreements(text)
    quotes = [e["quote"] for e in agreement["evidence"]]
    assert quotes[0].startswith("Kepala LAN Adi") and len(quotes) == 2
    assert quotes[1] == "Cakupannya meliputi pelatihan pegawai dan statistik sektoral."
