"""Signing dates on real reports (issue 15, session 8): each phenomenon shown by a text of our
own."""

from __future__ import annotations

from datetime import date

from govkg.extract import extract_text

from .drafts import notes


def _event(text: str, published: date | None = None, lang: str | None = None) -> dict:
    return extract_text(text, published=published, lang=lang).record["events"][0]


def test_the_date_of_a_quoted_video_gives_the_month_only():
    text = (
        "Gubernur Bengkulu dan Rektor Universitas Bengkulu meneken nota kesepahaman bidang "
        "pertanian.\n"
        "“Kami siap membantu petani,” ujar rektor seperti dikutip dari video yang diunggah akun "
        "resmi kampus, Kamis, 9 Mei 2024."
    )
    event = _event(text)
    assert event["date"] == "2024-05"
    assert any("source it quotes" in n for n in notes(event))
    assert event["evidence"][0]["confidence"] < 0.9


def test_the_day_another_outlet_reported_the_signing_gives_the_month_only():
    text = (
        "The health ministers of Chile and Indonesia have signed a memorandum of understanding "
        "on vaccines, the Santiago Daily reported on Thursday."
    )
    assert _event(text, date(2023, 6, 9), "en")["date"] == "2023-06"


def test_a_date_said_at_the_ceremony_stays_the_signing_day():
    text = (
        "Bupati Kendal dan Kepala Kejari Kendal meneken PKS bantuan hukum.\n"
        "“Kerja sama ini penting,” kata bupati dalam sambutannya, Senin (4/3/2024)."
    )
    assert _event(text)["date"] == "2024-03-04"


def test_a_weekday_a_day_off_keeps_the_date():
    # 7 March 2024 was a Thursday: "Jumat" is a slip of one day, the date stands (flagged)
    event = _event("Bupati Bantul dan Rektor UNY meneken MoU, Jumat (7/3/2024).")
    assert event["date"] == "2024-03-07"
    assert event["evidence"][0]["confidence"] < 0.7


def test_a_weekday_days_off_gives_the_month_only():
    # 7 March 2024 was a Thursday, not a Monday: neither can be trusted
    event = _event("Bupati Bantul dan Rektor UNY meneken MoU, Senin (7/3/2024).")
    assert event["date"] == "2024-03"
    assert any("too far apart" in n for n in notes(event))


def test_a_report_of_no_new_signing_dates_the_earlier_agreement():
    text = (
        "Kepala BPS menyerahkan data statistik kepada Bupati Sleman di Sleman, Senin (4/3/2024). "
        "Penyerahan itu sebagai tindak lanjut penandatanganan nota kesepahaman pada tanggal "
        "9 Mei 2022 antara BPS dan Pemkab Sleman tentang data."
    )
    event = _event(text)
    assert event["date"] == "2022-05-09"
    assert any("no new signing" in n for n in notes(event))


def test_a_kind_in_a_quote_does_not_rename_the_agreement():
    text = (
        "Gubernur Jambi dan Rektor Universitas Jambi meneken MoU pendidikan, Senin (4/3/2024).\n"
        "“Setelah penandatanganan kesepakatan bersama ini, kita susun PKS teknis,” ujarnya."
    )
    kinds = [a["kind"] for a in _event(text)["agreements"]]
    assert kinds == ["mou"]


def test_a_formal_kind_named_only_in_remarks_gives_way_to_the_mou():
    text = (
        "Gubernur Jambi menyebut nota kesepakatan dengan Universitas Jambi itu penting.\n"
        "“Penandatanganan MoU ini langkah awal,” kata Gubernur Jambi, Senin (4/3/2024)."
    )
    kinds = [a["kind"] for a in _event(text)["agreements"]]
    assert kinds == ["mou"]


def test_an_agreement_signed_in_turn_takes_the_later_signature():
    text = (
        "The memorandum was first signed by the Minister of Agriculture in Jakarta on 3 May "
        "2023. Two weeks later, on 17 May 2023, it was signed by the Chilean minister in "
        "Santiago."
    )
    event = _event(text, date(2023, 5, 20), "en")
    assert event["date"] == "2023-05-17"
    assert any("signed in turn" in n for n in notes(event))


def test_a_memorandum_of_cooperation_is_an_mou():
    text = (
        "The Minister of Education of Indonesia and the Minister of Education of Timor-Leste "
        "signed a memorandum of cooperation on higher education on 3 May 2023."
    )
    event = _event(text, lang="en")
    assert [a["kind"] for a in event["agreements"]] == ["mou"]
    assert not any("MoU assumed" in n for n in notes(event))
