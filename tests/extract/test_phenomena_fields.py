"""Fields of cooperation on real reports (issue 15): each phenomenon shown by a text of our own."""

from __future__ import annotations

from govkg.extract import extract_text
from govkg.ids import key_of
from govkg.vocab import Vocabulary


def _agreements(text: str, lang: str | None = None) -> list[dict]:
    return extract_text(text, lang=lang).record["events"][0]["agreements"]


def _concepts(agreement: dict) -> set[str]:
    fields = Vocabulary.fields()
    return {key_of(fields.resolve(f)) for f in agreement.get("fields", [])}


def test_a_university_agreement_implies_the_three_duties_of_higher_education():
    (agreement,) = _agreements(
        "Universitas Hasanuddin dan Pemerintah Kabupaten Gowa meneken nota kesepahaman di "
        "Makassar, Senin (3/4/2023)."
    )
    assert {"pendidikan-tinggi", "penelitian", "pengabdian-kepada-masyarakat"} <= _concepts(
        agreement
    )
    assert any("implied by the parties" in n for n in agreement["notes"])


def test_a_prosecutors_office_and_a_regency_imply_state_attorney_work():
    (agreement,) = _agreements(
        "Kepala Kejaksaan Negeri Sleman Rudi Hartono dan Bupati Sleman Kustini Sri Purnomo "
        "menandatangani kesepakatan bersama, Rabu (8/3/2023)."
    )
    assert {"datun", "bantuan-hukum"} <= _concepts(agreement)


def test_fields_the_report_names_come_first_and_implied_ones_are_not_repeated():
    (agreement,) = _agreements(
        "Ketua BPK Andi Wijaya dan Gubernur Jambi Al Haris meneken MoU di bidang pengelolaan "
        "keuangan negara, Jumat (5/5/2023)."
    )
    fields = agreement["fields"]
    assert fields[0].lower().startswith("pengelolaan keuangan")
    assert _concepts(agreement) >= {"pengawasan-dan-pemeriksaan", "data-dan-informasi"}
    assert len(fields) == len(_concepts(agreement))


def test_a_universitys_education_is_higher_education():
    (agreement,) = _agreements(
        "Universitas Hasanuddin dan Pemerintah Kabupaten Gowa meneken nota kesepahaman di "
        "bidang pendidikan dan pertanian, Senin (3/4/2023)."
    )
    found = _concepts(agreement)
    assert "pendidikan" not in found
    assert {"pendidikan-tinggi", "pertanian"} <= found
    assert agreement["fields"].count("Pendidikan Tinggi") == 1


def test_a_prosecutors_law_is_state_attorney_work():
    (agreement,) = _agreements(
        "Kepala Kejaksaan Negeri Sleman Rudi Hartono dan Bupati Sleman Kustini Sri Purnomo "
        "menandatangani kesepakatan bersama di bidang hukum, Rabu (8/3/2023)."
    )
    assert "hukum" not in _concepts(agreement)


def test_the_three_duties_of_higher_education_are_three_fields():
    (agreement,) = _agreements(
        "Pemerintah Kota Bogor dan BPOM meneken nota kesepahaman, Selasa (4/4/2023). Kerja sama "
        "meliputi tri dharma perguruan tinggi dan kesehatan."
    )
    assert {"pendidikan-tinggi", "penelitian", "pengabdian-kepada-masyarakat"} <= _concepts(
        agreement
    )


def test_fields_in_terms_of_and_by_sector():
    (agreement,) = _agreements(
        "The Bogor City Government and BPOM signed a memorandum of understanding. They will "
        "work together in terms of tourism and public health.",
        lang="en",
    )
    assert {"pariwisata", "kesehatan"} <= _concepts(agreement)
    (agreement,) = _agreements(
        "Pemerintah Provinsi Riau dan Pemerintah Provinsi Jambi meneken kesepakatan bersama. "
        "Kerja sama dijalin disektor perikanan dan perhubungan."
    )
    assert {"perikanan", "transportasi"} <= _concepts(agreement)


def test_a_cooperation_named_as_regional_development_names_no_field():
    (agreement,) = _agreements(
        "Pemerintah Kota Kendari dan Pemerintah Kota Bitung meneken kesepakatan bersama tentang "
        "kerja sama pembangunan daerah, Kamis (6/4/2023)."
    )
    assert "perencanaan-pembangunan" not in _concepts(agreement)


def test_news_wording_of_a_field_from_a_hidden_label():
    (agreement,) = _agreements(
        "The Bogor City Government and BPOM signed a memorandum of understanding covering "
        "capacity building of human resources.",
        lang="en",
    )
    assert "pengembangan-sumber-daya-manusia" in _concepts(agreement)
    assert "capacity building of human resources" in agreement["fields"]
