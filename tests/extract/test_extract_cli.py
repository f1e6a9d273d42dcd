"""``govkg extract``: files and folders written atomically, errors as one line with exit 2,
the evaluation table."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from govkg.cli import main
from govkg.records.load import load_file

ARTICLES = Path(__file__).resolve().parents[1] / "data" / "articles"
SEED = ARTICLES / "01-lan-empat-mitra.txt"


def run(*args: str):
    return CliRunner().invoke(main, ["extract", *args])


def test_help_has_the_exit_codes():
    result = run("--help")
    assert result.exit_code == 0
    assert "Exit codes: 0 ok, 1 findings (SHACL violations), 2 bad input or usage." in result.output


def test_one_report_to_a_file(tmp_path):
    out = tmp_path / "seed.yaml"
    result = run(str(SEED), "--published", "2019-02-01", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert len(load_file(out).events[0].agreements) == 4


def test_several_reports_to_a_folder(tmp_path):
    result = run(
        str(SEED),
        str(ARTICLES / "02-banyumas-bps.txt"),
        "--published",
        "2021-03-30",
        "-o",
        str(tmp_path / "out"),
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "01-lan-empat-mitra.yaml",
        "02-banyumas-bps.yaml",
    ]


def test_standard_output_by_default():
    result = run(str(SEED), "--published", "2019-02-01", "--lang", "id")
    assert result.exit_code == 0
    assert "govkg: 1" in result.output and "evidence:" in result.output


def test_a_report_without_a_signing_exits_2_without_a_traceback(tmp_path):
    article = tmp_path / "cuaca.txt"
    article.write_text("Hujan deras mengguyur Jakarta sejak pagi.", encoding="utf-8")
    result = run(str(article), "--published", "2020-01-01")
    assert result.exit_code == 2
    assert "no signing" in result.output and "Traceback" not in result.output


def test_a_file_target_for_several_reports_is_a_usage_error(tmp_path):
    result = run(str(SEED), str(SEED), "-o", str(tmp_path / "x.yaml"))
    assert result.exit_code == 2 and "folder" in result.output


def test_no_report_is_a_usage_error():
    assert run().exit_code == 2


def test_evaluate_prints_the_table():
    result = run("--evaluate", str(ARTICLES))
    assert result.exit_code == 0, result.output
    assert "| parties |" in result.output and "Date accuracy" in result.output


def _corpus_folder(tmp_path: Path) -> tuple[Path, Path]:
    """Three of the team's own articles laid out as a corpus: records/<id>.yaml, texts/<id>.txt."""
    records, texts = tmp_path / "records", tmp_path / "texts"
    records.mkdir()
    texts.mkdir()
    for gold in sorted(ARTICLES.glob("*.gold.yaml"))[:3]:
        name = gold.name.removesuffix(".gold.yaml")
        (records / f"{name}.yaml").write_bytes(gold.read_bytes())
        (texts / f"{name}.txt").write_bytes((ARTICLES / f"{name}.txt").read_bytes())
    return records, texts


def test_except_ids_repeats_and_drops_every_listed_report(tmp_path):
    records, texts = _corpus_folder(tmp_path)
    first, second, _ = sorted(path.stem for path in records.glob("*.yaml"))
    (tmp_path / "a.txt").write_text(f"# set aside\n{first}\n")
    (tmp_path / "b.txt").write_text(f"{second}\n")
    base = ["--evaluate", str(records), "--texts", str(texts), "-v"]
    one = run(*base, "--except-ids", str(tmp_path / "a.txt"))
    both = run(
        *base, "--except-ids", str(tmp_path / "a.txt"), "--except-ids", str(tmp_path / "b.txt")
    )
    assert one.exit_code == 0 and both.exit_code == 0, one.output + both.output
    assert _reports_scored(one.output) == 2
    assert _reports_scored(both.output) == 1


def test_evaluate_takes_the_corpus_folder_that_holds_records(tmp_path):
    records, texts = _corpus_folder(tmp_path)
    by_records = run("--evaluate", str(records), "--texts", str(texts))
    by_corpus = run("--evaluate", str(records.parent), "--texts", str(texts))
    assert by_records.exit_code == 0 and by_corpus.exit_code == 0, by_corpus.output
    assert _reports_scored(by_corpus.output) == _reports_scored(by_records.output) == 3


def _reports_scored(output: str) -> int:
    """N in the table's "Date accuracy: x (k/N reports)" line."""
    return int(re.search(r"Date accuracy: [0-9.]+ \(\d+/(\d+) reports\)", output).group(1))


def test_the_default_texts_folder_is_at_the_top_of_the_checkout(tmp_path, monkeypatch):
    from govkg.cli.extract import default_texts
    from govkg.errors import GovkgError
    from govkg.resources import PACKAGE_DIR

    monkeypatch.chdir(tmp_path)  # no corpus-texts/ here
    top = PACKAGE_DIR.parents[1]
    assert (top / "pyproject.toml").is_file()
    if (top / "corpus-texts").is_dir():
        assert default_texts() == top / "corpus-texts"
    else:
        with pytest.raises(GovkgError, match="corpus-texts"):
            default_texts()


def test_published_may_be_known_to_the_month_only(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("Bupati Klaten dan Rektor UNS meneken nota kesepahaman, Senin (28/8).\n")
    assert "date: '2017-08-28'" in run("--published", "2017-09", str(report)).output
    result = run("--published", "2017-13", str(report))
    assert result.exit_code != 0 and "no month 13" in result.output
