"""The corpus as a whole: it resolves, every report has a URL, the README counts are current."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from govkg.build import resolve_all
from govkg.records.load import load_paths
from govkg.resources import corpus_records_dir

SCRIPT = Path(__file__).parents[2] / "scripts" / "corpus_stats.py"
HELDOUT = corpus_records_dir().parent / "heldout.txt"
FRESH = corpus_records_dir().parent / "fresh.txt"
UNSEEN = corpus_records_dir().parent / "unseen.txt"
UNSEEN_S10 = corpus_records_dir().parent / "unseen-s10.txt"
UNSEEN_S11 = corpus_records_dir().parent / "unseen-s11.txt"
UNSEEN_S12 = corpus_records_dir().parent / "unseen-s12.txt"


@pytest.fixture(scope="module")
def corpus():
    record_sets = load_paths([corpus_records_dir()])
    resolved, _ = resolve_all(record_sets)
    return record_sets, resolved


def test_every_report_has_a_url_and_every_record_resolves(corpus) -> None:
    record_sets, resolved = corpus
    assert len(resolved) == len(record_sets) >= 120
    assert [r.source.id for r in record_sets if not r.source.url] == []
    assert sum(len(r.agreements) for r in resolved) >= 200


def test_the_held_out_reports_are_corpus_reports(corpus) -> None:
    record_sets, _ = corpus
    held = [line for line in HELDOUT.read_text().splitlines() if not line.startswith("#")]
    assert len(held) == 30
    assert set(held) <= {r.source.id for r in record_sets}


def test_the_readme_counts_are_current() -> None:
    spec = importlib.util.spec_from_file_location("corpus_stats", SCRIPT)
    stats = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(stats)
    assert stats.main(["--check"]) == 0, "run: python scripts/corpus_stats.py"


def test_the_fresh_set_is_corpus_reports_apart_from_the_held_out(corpus) -> None:
    record_sets, _ = corpus
    fresh = [line for line in FRESH.read_text().splitlines() if not line.startswith("#")]
    held = {line for line in HELDOUT.read_text().splitlines() if not line.startswith("#")}
    assert len(fresh) == len(set(fresh)) == 32
    assert set(fresh) <= {r.source.id for r in record_sets}
    assert not set(fresh) & held


def _ids(path) -> list[str]:
    return [line for line in path.read_text().splitlines() if not line.startswith("#")]


def test_the_unseen_set_is_new_corpus_reports_apart_from_the_other_test_sets(corpus) -> None:
    record_sets, _ = corpus
    unseen = _ids(UNSEEN)
    assert len(unseen) == len(set(unseen)) == 29
    assert set(unseen) <= {r.source.id for r in record_sets}
    earlier = (HELDOUT, FRESH, UNSEEN_S10, UNSEEN_S11, UNSEEN_S12)
    assert not set(unseen) & {name for path in earlier for name in _ids(path)}


def test_the_session_12_set_is_still_apart_from_the_earlier_ones(corpus) -> None:
    record_sets, _ = corpus
    s12 = _ids(UNSEEN_S12)
    assert len(s12) == len(set(s12)) == 34
    assert set(s12) <= {r.source.id for r in record_sets}
    earlier = (HELDOUT, FRESH, UNSEEN_S10, UNSEEN_S11)
    assert not set(s12) & {name for path in earlier for name in _ids(path)}


def test_the_session_11_set_is_still_apart_from_the_earlier_ones(corpus) -> None:
    record_sets, _ = corpus
    s11 = _ids(UNSEEN_S11)
    assert len(s11) == len(set(s11)) == 35
    assert set(s11) <= {r.source.id for r in record_sets}
    assert not set(s11) & (set(_ids(HELDOUT)) | set(_ids(FRESH)) | set(_ids(UNSEEN_S10)))


def test_the_session_10_set_is_still_apart_from_the_first_two(corpus) -> None:
    record_sets, _ = corpus
    earlier = _ids(UNSEEN_S10)
    assert len(earlier) == len(set(earlier)) == 33
    assert set(earlier) <= {r.source.id for r in record_sets}
    assert not set(earlier) & (set(_ids(HELDOUT)) | set(_ids(FRESH)))
