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
    (tmp_path / "a.txt").write_text("Tidak ada penandatanganan di sini.", encoding="utf-8")
    (tmp_path / "a.gold.yaml").write_text(GOLD, encoding="utf-8")
    report = evaluate_dir(tmp_path)
    assert len(report.failures) == 1 and report.slots["parties"].fn == 2
    assert report.dates_right == 0 and report.articles == 1
    assert date(2019, 2, 1)  # the gold date stays unmatched
