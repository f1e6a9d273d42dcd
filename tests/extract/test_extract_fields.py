"""Fields of cooperation: scopes after their cues, cut into items, matched to fields.ttl."""

from __future__ import annotations

from datetime import date

from govkg.extract import extract_text
from govkg.vocab import Vocabulary


def fields(scope: str, lang: str | None = None) -> list[str]:
    text = f"Kepala LAN Adi dan Kepala BPOM Retno menandatangani nota kesepahaman. {scope}"
    if lang == "en":
        text = f"LAN and BPOM signed a memorandum of understanding. {scope}"
    record = extract_text(text, published=date(2022, 5, 20), lang=lang).record
    return record["events"][0]["agreements"][0].get("fields", [])


def concepts(found: list[str]) -> list[str]:
    vocab = Vocabulary.fields()
    return [vocab.resolve(f).value.rsplit("/", 1)[-1] for f in found]


def test_di_bidang_with_items_joined_by_dan():
    assert fields("Kerja sama di bidang pelatihan dan pengembangan kompetensi bagi ASN.") == [
        "pelatihan",
        "pengembangan kompetensi",
    ]


def test_a_label_with_dan_inside_is_one_field():
    found = fields(
        "Kerja sama di bidang pengembangan dan pemanfaatan ilmu pengetahuan dan teknologi."
    )
    assert concepts(found) == ["iptek"]


def test_meliputi_and_words_before_a_field():
    found = fields(
        "Kerja sama meliputi penyelenggaraan kegiatan kajian kebijakan, pendampingan inovasi "
        "daerah, dan pelatihan bagi pedagang untuk meningkatkan omzet."
    )
    assert concepts(found) == ["kajian-kebijakan", "inovasi-administrasi-negara", "pelatihan"]


def test_ruang_lingkup_as_a_lettered_list():
    found = fields(
        "Ruang lingkup nota kesepahaman meliputi:\na. penyediaan peta dasar;\n"
        "b. penyusunan rencana detail tata ruang; dan\nc. pertukaran data dan informasi."
    )
    assert concepts(found) == ["informasi-geospasial", "penataan-ruang", "data-dan-informasi"]


def test_words_that_do_not_resolve_are_written_as_the_preferred_label():
    found = fields("The two institutions will cooperate in public transports.", lang="en")
    assert found == ["Transportasi"]


def test_a_hidden_label_is_written_as_the_report_wrote_it():
    found = fields("Kerja sama di bidang penguatan kapasitas pemerintah kabupaten Aceh Tengah.")
    assert found == ["penguatan kapasitas pemerintah kabupaten"]
    assert concepts(found) == ["penguatan-kapasitas-pemerintah-daerah"]


def test_the_subject_written_after_the_kind():
    text = "KPK dan LAN meneken MoU pencegahan korupsi di Jakarta, Kamis (19/5/2022)."
    record = extract_text(text, published=date(2022, 5, 20)).record
    assert record["events"][0]["agreements"][0]["fields"] == ["pencegahan korupsi"]


def test_the_scope_is_kept_as_written():
    text = (
        "Kepala LAN Adi dan Kepala BPOM Retno menandatangani nota kesepahaman. Kerja sama "
        "mencakup statistik sektoral, serta pelatihan pegawai."
    )
    agreement = extract_text(text, published=date(2022, 5, 20)).record["events"][0]["agreements"][0]
    assert agreement["scope"] == "statistik sektoral, serta pelatihan pegawai"


def test_english_scopes():
    found = fields(
        "The two institutions will cooperate in electronic-based government systems, population "
        "data and technology transfer.",
        lang="en",
    )
    assert concepts(found) == ["spbe", "administrasi-kependudukan", "iptek"]


def test_a_quote_about_something_else_gives_no_field():
    found = fields('"Terutama dalam bidang pendidikan dan kesehatan," ujarnya.')
    assert found == []


def agreement_of(scope: str):
    text = f"Kepala LAN Adi dan Kepala BPOM Retno menandatangani nota kesepahaman. {scope}"
    result = extract_text(text, published=date(2022, 5, 20))
    return result, result.record["events"][0]["agreements"][0]


def test_the_scope_starts_after_the_last_of_several_cues():
    _, agreement = agreement_of(
        "Ruang lingkup kerja sama meliputi statistik sektoral dan pelatihan pegawai."
    )
    assert agreement["scope"] == "statistik sektoral dan pelatihan pegawai"


def test_a_field_before_a_second_cue_stays_in_the_scope():
    _, agreement = agreement_of("Kerja sama di bidang pendidikan meliputi beasiswa dan magang.")
    assert agreement["scope"].startswith("pendidikan meliputi")
    assert concepts(agreement["fields"])[0] == "pendidikan"


def test_no_space_before_punctuation_in_fields_and_scope_but_quotes_as_written():
    result, agreement = agreement_of(
        "Kerja sama di bidang meteorologi , klimatologi , dan geofisika. Kerja sama mencakup "
        "statistik sektoral , serta pelatihan pegawai."
    )
    assert agreement["fields"][0] == "meteorologi, klimatologi, dan geofisika"
    assert agreement["scope"] == (
        "meteorologi, klimatologi, dan geofisika; statistik sektoral, serta pelatihan pegawai"
    )
    quotes = [e["quote"] for e in agreement["evidence"]]
    assert "Kerja sama di bidang meteorologi , klimatologi , dan geofisika." in quotes
    text = result.article.text
    assert all(text[e["start"] : e["end"]] == e["quote"] for e in agreement["evidence"])
