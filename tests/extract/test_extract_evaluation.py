"""The evaluation: the team's reports meet the targets; the scoring itself is right."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from govkg.errors import GovkgError
from govkg.extract.evaluate import Counts, Report, evaluate_dir, score
from govkg.records.load import load_text

DATA = Path(__file__).resolve().parents[1] / "data"
TEAM = DATA / "articles"
HELD_OUT = DATA / "articles-heldout"


@pytest.fixture(scope="module")
def team() -> Report:
    return evaluate_dir(TEAM)


def test_the_team_set_has_at_least_15_reports_each_with_a_gold_record():
    reports = sorted(TEAM.glob("*.txt"))
    assert len(reports) >= 15
    assert all(r.with_name(r.stem + ".gold.yaml").exists() for r in reports)
    english = [
        r for r in reports if "language: en" in r.with_name(r.stem + ".gold.yaml").read_text()
    ]
    assert 2 <= len(english) <= 3


@pytest.mark.parametrize(("slot", "target"), [("parties", 0.95), ("signatories", 0.9)])
def test_team_set_meets_the_f1_targets(team, slot, target):
    assert team.slots[slot].f1 >= target, team.markdown()


def test_team_set_dates(team):
    assert team.date_accuracy >= 0.95, team.markdown()
    assert not team.failures


def test_held_out_reports_written_after_the_rules_stay_above_the_targets():
    report = evaluate_dir(HELD_OUT)
    assert report.slots["parties"].f1 >= 0.9, report.markdown()
    assert report.slots["signatories"].f1 >= 0.85, report.markdown()
    assert report.date_accuracy >= 0.9, report.markdown()


def test_counts():
    counts = Counts()
    counts.add({1, 2, 3}, {2, 3, 4})
    assert (counts.tp, counts.fp, counts.fn) == (2, 1, 1)
    assert counts.f1 == pytest.approx(2 / 3)
    assert Counts().precision == 1.0 and Counts().recall == 1.0


GOLD = """govkg: 1
source: {id: g, kind: news, language: id, title: t, published: 2019-02-01}
events:
  - date: 2019-02-01
    agreements:
      - kind: mou
        parties: [LAN, LIPI]
        signatories:
          - {name: Adi Suryanto, post: Kepala, party: LAN}
        fields: [pelatihan]
"""


def test_names_are_compared_as_bodies_posts_as_roles_fields_as_concepts():
    predicted = (
        GOLD.replace(
            "[LAN, LIPI]", "[Lembaga Administrasi Negara, Lembaga Ilmu Pengetahuan Indonesia]"
        )
        .replace("party: LAN", "party: Lembaga Administrasi Negara")
        .replace("post: Kepala", "post: Kepala Badan")
        .replace("[pelatihan]", "[diklat]")
    )
    report = Report()
    score(
        load_text(GOLD, fmt="yaml", name="g.yaml"),
        load_text(predicted, fmt="yaml", name="p.yaml"),
        report,
    )
    assert all(c.f1 == 1.0 for c in report.slots.values()), report.markdown()


def test_a_missing_extraction_counts_every_gold_item_as_missed():
    report = Report()
    score(load_text(GOLD, fmt="yaml", name="g.yaml"), None, report)
    assert report.slots["parties"].fn == 2 and report.slots["parties"].tp == 0


def test_an_empty_folder_is_refused(tmp_path):
    with pytest.raises(GovkgError, match="no report with a gold record"):
        evaluate_dir(tmp_path)


def test_a_failing_extraction_is_reported_not_raised(tmp_path):
    (tmp_path / "a.txt").write_text("Cuaca di Jakarta cerah hari ini.", encoding="utf-8")
    (tmp_path / "a.gold.yaml").write_text(GOLD, encoding="utf-8")
    report = evaluate_dir(tmp_path)
    assert len(report.failures) == 1 and report.slots["parties"].fn == 2
    assert report.dates_right == 0 and report.articles == 1
    assert date(2019, 2, 1)  # the gold date stays unmatched


# ── the corpus of real reports as gold ──────────────────────────────────────────────────────────

CORPUS_GOLD = """govkg: 1
source: {id: r1, kind: news, language: id, published: "2021-09"}
events:
  - date: "2021-09"
    agreements:
      - kind: mou
        parties: [Pemerintah Kabupaten Serang, Universitas Sultan Ageng Tirtayasa]
        signatories:
          - {name: Ratu Tatu Chasanah, post: Bupati, party: Pemerintah Kabupaten Serang}
organizations:
  - {id: untirta, name: Universitas Sultan Ageng Tirtayasa, kind: StateUniversity,
     acronyms: [Untirta]}
"""

EXTRACTED = """govkg: 1
source: {id: x, kind: news, language: id}
events:
  - date: "DATE"
    agreements:
      - kind: mou
        parties: [Bupati Serang, Untirta Banten]
        signatories:
          - name: Ratu Tatu Chasanah
            post: Kepala Daerah
            party: Bupati Serang
            evidence: [{quote: q, confidence: 0.95}]
        evidence: [{quote: q, confidence: 0.8}]
organizations:
  - {id: untirta-banten, name: Untirta Banten, kind: StateUniversity, acronyms: [Untirta]}
"""


def _fixed(text: str):
    def extractor(path, published, lang):
        # the gold knows the publication month only: it is passed on as a month
        assert published.precision == "month"
        return text

    return extractor


def _corpus(tmp_path, texts=("r1",)):
    records, folder = tmp_path / "records", tmp_path / "texts"
    records.mkdir()
    folder.mkdir()
    (records / "r1.yaml").write_text(CORPUS_GOLD, encoding="utf-8")
    (records / "r2.yaml").write_text(CORPUS_GOLD.replace("id: r1", "id: r2"), encoding="utf-8")
    for name in texts:
        (folder / f"{name}.txt").write_text("https://x.example/a\nteks", encoding="utf-8")
    return records, folder


def test_corpus_parties_match_through_the_gold_declarations_and_dates_at_their_precision(tmp_path):
    from govkg.extract.evaluate import evaluate_corpus

    records, texts = _corpus(tmp_path)
    report = evaluate_corpus(records, texts, extractor=_fixed(EXTRACTED.replace("DATE", "2021-09")))
    assert report.slots["parties"].f1 == 1.0, report.misses
    assert report.slots["signatories"].f1 == 1.0, report.misses
    assert report.slots["posts"].tp == 0  # "Kepala Daerah" is not the gold's role
    assert report.dates_right == 1 and report.skipped == ["r2"]
    assert report.calibration.share_right("≥ 0.9") == (1, 1)
    assert report.calibration.share_right("0.7–0.9") == (1, 1)


def test_corpus_a_day_where_the_gold_knows_the_month_only_is_wrong(tmp_path):
    from govkg.extract.evaluate import evaluate_corpus

    records, texts = _corpus(tmp_path)
    extracted = EXTRACTED.replace("DATE", "2021-09-02")
    report = evaluate_corpus(records, texts, extractor=_fixed(extracted))
    assert report.dates_right == 0 and report.slots["date"].fp == 1


def test_corpus_ids_restrict_and_exclude(tmp_path):
    from govkg.extract.evaluate import evaluate_corpus

    records, texts = _corpus(tmp_path, texts=("r1", "r2"))
    extractor = _fixed(EXTRACTED.replace("DATE", "2021-09"))
    assert evaluate_corpus(records, texts, only=["r2"], extractor=extractor).articles == 1
    assert evaluate_corpus(records, texts, without=["r2"], extractor=extractor).articles == 1
    with pytest.raises(GovkgError, match="no record for nope"):
        evaluate_corpus(records, texts, only=["nope"], extractor=extractor)
