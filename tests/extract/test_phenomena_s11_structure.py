"""The structure of a signing event: which bodies are parties of which agreement (issue #15,
session 11). A hub signing with partners listed one a line after a colon, without list markers,
makes one agreement per partner; a count of the hub's partners is not a count of every party.

Every text here is written for the test; none is copied from a report.
"""

from __future__ import annotations

from datetime import date

from govkg.extract import extract_text

PUBLISHED = date(2025, 3, 5)


def parties(text: str) -> list[list[str]]:
    record = extract_text(text, published=PUBLISHED).record
    return [sorted(a["parties"]) for event in record["events"] for a in event["agreements"]]


LIST_ONE_A_LINE = """SLEMAN - Bupati Sleman Kustini meneken nota kesepahaman dengan tiga \
perguruan tinggi, Senin (3/3/2025).

Adapun tiga kampus yang menandatangani nota kesepahaman tersebut antara lain:

Universitas Gadjah Mada (UGM)

Universitas Negeri Yogyakarta (UNY)

Universitas Islam Indonesia (UII)

Kerja sama itu meliputi penelitian dan pengabdian kepada masyarakat.
"""


def test_partners_listed_one_a_line_after_a_colon_each_sign_with_the_hub():
    found = parties(LIST_ONE_A_LINE)
    assert len(found) == 3
    assert all(len(pair) == 2 for pair in found)
    assert all(any("Sleman" in name for name in pair) for pair in found)


def test_a_remark_after_the_list_is_no_item():
    text = LIST_ONE_A_LINE.replace(
        "Kerja sama itu meliputi penelitian dan pengabdian kepada masyarakat.",
        "“Kami berterima kasih kepada Universitas Sanata Dharma,” kata Kustini",
    )
    assert len(parties(text)) == 3


def test_bodies_counted_as_signing_that_are_all_the_parties_sign_one_agreement():
    text = (
        "SLEMAN - Sebanyak 3 kabupaten melakukan penandatanganan kesepakatan bersama tentang "
        "kerja sama antardaerah, Senin (3/3/2025). Ketiga daerah itu adalah Kabupaten Sleman, "
        "Kabupaten Bantul dan Kabupaten Kulon Progo."
    )
    (one,) = parties(text)
    assert len(one) == 3


def test_a_count_of_the_hubs_partners_is_not_every_party_when_one_goes_unrecognised():
    """Four campuses counted, three recognised: the count equals the parties found (hub and
    three), yet the hub is a regency and the campuses its partners."""
    text = (
        LIST_ONE_A_LINE.replace("dengan tiga", "dengan empat")
        .replace("Adapun tiga", "Adapun empat")
        .replace("(UII)\n", "(UII)\n\nSTIE Cendana Sleman\n")
    )
    found = parties(text)
    assert len(found) >= 3
    assert all(len(pair) == 2 for pair in found)


def test_a_body_named_in_someones_account_of_other_work_is_no_party():
    text = (
        "Universitas Nusa Cendana menjalin kerja sama dengan Pemerintah Kabupaten Belu melalui "
        "penandatanganan nota kesepahaman, Senin (3/3/2025). Rektor menjelaskan program "
        "pertanian yang tengah dikembangkan bersama Kementerian Pertanian di Atambua."
    )
    (one,) = parties(text)
    assert len(one) == 2
    assert not any("Pertanian" in name for name in one)


def test_a_city_and_news_agency_opening_a_later_line_is_no_party():
    text = (
        "Bali dan Guangxi sepakati kerja sama\n\nFoto: penari di Denpasar.\n\n"
        "Keterangan foto lain.\n\nBaca juga: berita lain\n\nIklan\n\nIklan\n\nIklan\n\n"
        "Surabaya (Xinhua) – Pemerintah Provinsi Bali dan Pemerintah Provinsi Jawa Barat "
        "menandatangani nota kesepahaman di Denpasar, Senin (3/3/2025)."
    )
    (one,) = parties(text)
    assert not any("Jawa Timur" in name or "Surabaya" in name for name in one)


def test_a_post_without_its_holder_signing_names_the_hub_of_an_enumeration():
    found = parties(
        "Bupati Sleman meneken nota kesepahaman dengan Pemkab Bantul, Pemkab Kulon Progo dan "
        "Pemkot Yogyakarta, Senin (3/3/2025)."
    )
    assert len(found) == 3
    assert all("Pemerintah Kabupaten Sleman" in pair for pair in found)


def test_the_parties_of_an_earlier_agreement_followed_up_are_no_new_agreement():
    text = (
        "Pemerintah Kabupaten Sleman menandatangani nota kesepahaman dengan Universitas Gadjah "
        "Mada, Senin (3/3/2025). “MoU antara Pemkab Sleman dengan UGM ini merupakan "
        "tindaklanjut dari MoU yang diteken di tingkat pusat antara Bappenas dan LIPI,” "
        "ujarnya."
    )
    (one,) = parties(text)
    assert not any(name in {"Bappenas", "LIPI"} for name in one)


def test_two_kinds_signed_side_by_side_with_a_short_name_after_the_first_are_two():
    text = (
        "Pemprov Bali menjalin kerja sama dengan BPJS Ketenagakerjaan. Kerja sama ini ditandai "
        "dengan penandatanganan Nota Kesepakatan Sinergi (NKS) dan Perjanjian Kerja Sama, "
        "Senin (3/3/2025)."
    )
    record = extract_text(text, published=PUBLISHED).record
    kinds = sorted(a["kind"] for e in record["events"] for a in e["agreements"])
    assert kinds == ["kesepakatan-bersama", "pks"]
