"""``govkg extract``: news reports → records for review, or scores against gold records.

A thin layer over :mod:`govkg.extract`: it reads the options, calls the library, writes the
records atomically (each checked by the record loader first) and prints one line per report.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from govkg.cli.common import EXIT_CODES_HELP, err_console, out_console, reports_errors
from govkg.errors import EXIT_USAGE, GovkgError

RECORD_SUFFIXES = (".yaml", ".yml")


@click.command(epilog=EXIT_CODES_HELP)
@click.argument("articles", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--published",
    callback=lambda _ctx, _param, value: _publication(value),
    metavar="DATE",
    help="Publication date YYYY-MM-DD (or YYYY-MM, YYYY when only they are known): gives "
    'the year of dates written without one ("Jumat (1/2)") and bounds the signing date.',
)
@click.option(
    "--lang",
    type=click.Choice(["id", "en"]),
    default=None,
    help="Language of the reports (default: guessed from the text).",
)
@click.option(
    "-o",
    "--output",
    metavar="FILE",
    type=click.Path(path_type=Path),
    help="YAML file to write (one ARTICLE) or folder (several); default: standard output.",
)
@click.option(
    "--evaluate",
    "gold_dir",
    metavar="GOLD",
    help="Score extraction instead of extracting ARTICLEs: GOLD is `corpus` (the bundled "
    "corpus of real reports, texts from --texts), a folder of record files <id>.yaml (texts "
    "from --texts), or a folder of <name>.txt beside <name>.gold.yaml. Prints precision, recall "
    "and F1 per slot, and a calibration table of the confidences.",
)
@click.option(
    "--texts",
    metavar="DIR",
    type=click.Path(file_okay=False, path_type=Path),
    help="With --evaluate: the folder of report texts <id>.txt (default: corpus-texts/ in the "
    "current folder, else at the top of the checkout).",
)
@click.option(
    "--ids",
    "ids_file",
    metavar="FILE",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="With --evaluate: score only the reports listed in FILE (one id a line, # comments; "
    "e.g. graph/govkg/data/corpus/heldout.txt).",
)
@click.option(
    "--except-ids",
    "except_files",
    metavar="FILE",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="With --evaluate: leave out the reports listed in FILE; repeat for several files (the "
    "development set is the corpus --except-ids heldout.txt --except-ids fresh.txt).",
)
@click.option("-v", "--verbose", is_flag=True, help="With --evaluate: list every miss.")
@reports_errors
def extract(
    articles: tuple[Path, ...],
    published: Any,
    lang: str | None,
    output: Path | None,
    gold_dir: str | None,
    texts: Path | None,
    ids_file: Path | None,
    except_files: tuple[Path, ...],
    verbose: bool,
) -> None:
    """Extract records, with evidence, from plain-text news reports of signings.

    Each ARTICLE is a UTF-8 text file: optionally a title line and a URL line, then the
    report. The record (docs/records.md) keeps names as written, declares bodies the
    gazetteer lacks with their closest candidates in a note, and gives every agreement,
    signatory and the date an `evidence` list: the quoted sentence, its character offsets
    and a confidence. Review it, then `govkg build` it as is.
    """
    if gold_dir is not None:
        if articles:
            raise GovkgError("give either ARTICLEs or --evaluate GOLD_DIR", fix="drop one")
        _evaluate(gold_dir, texts, ids_file, except_files, verbose)
        return
    if not articles:
        raise GovkgError("no ARTICLE given", fix="name one or more report files, or --evaluate")
    day = published
    targets = _targets(articles, output)
    failed = 0
    for article, target in zip(articles, targets, strict=True):
        try:
            _one(article, target, day, lang)
        except GovkgError as err:
            failed += 1
            err_console.print(f"[bold red]error:[/] {err}")
    if failed:
        sys.exit(EXIT_USAGE)


def _targets(articles: tuple[Path, ...], output: Path | None) -> list[Path | None]:
    if output is None:
        return [None] * len(articles)
    if len(articles) == 1 and output.suffix in RECORD_SUFFIXES:
        return [output]
    if output.suffix in RECORD_SUFFIXES or output.is_file():
        raise GovkgError(
            f"{output} is a file, but {len(articles)} reports were given",
            fix="give a folder with -o when extracting several reports (one record file each)",
        )
    return [output / f"{article.stem}.yaml" for article in articles]


def _publication(value: str | None):
    """``--published``: a date, or a year and month (``PartialDate``) when only they are known."""
    from govkg.records.dates import PartialDate

    if value is None:
        return None
    try:
        found = PartialDate.parse(value)
    except ValueError as err:
        raise click.BadParameter(str(err)) from None
    return found.as_date() if found.precision == "day" else found


def _one(article: Path, target: Path | None, day, lang: str | None) -> None:
    from govkg.extract import extract_file
    from govkg.files import write_atomic
    from govkg.records.load import load_text

    result = extract_file(article, published=day, lang=lang)
    text = result.yaml()
    load_text(text, fmt="yaml", name=str(target or article))  # the record must load as is
    count = sum(len(e["agreements"]) for e in result.record["events"])
    if target is None:
        sys.stdout.write(text if len(text) else "")
        err_console.print(f"{article}: {count} agreement(s)")
        return
    write_atomic(target, text.encode("utf-8"))
    err_console.print(f"{article}: {count} agreement(s) → {target}")


def _records_folder(folder: Path) -> Path:
    """The folder of record files: *folder*, or its `records/` when it is a corpus folder.

    >>> _records_folder(Path("graph/govkg/data/corpus")).name
    'records'
    """
    inner = folder / "records"
    if inner.is_dir() and not any(folder.glob("*.yaml")):
        return inner
    return folder


def _evaluate(
    gold: str,
    texts: Path | None,
    ids_file: Path | None,
    except_files: tuple[Path, ...],
    verbose: bool,
) -> None:
    from govkg.extract.evaluate import evaluate_corpus, evaluate_dir, read_ids
    from govkg.resources import corpus_records_dir

    folder = corpus_records_dir() if gold == "corpus" else _records_folder(Path(gold))
    if not folder.is_dir():
        raise GovkgError(f"{gold} is not a folder", fix="give `corpus` or a folder of records")
    if gold != "corpus" and any(folder.glob("*.gold.yaml")):
        report = evaluate_dir(folder)
    else:
        only = read_ids(ids_file) if ids_file else None
        without = [name for path in except_files for name in read_ids(path)]
        report = evaluate_corpus(folder, texts or default_texts(), only=only, without=without)
    out_console.print(report.markdown(), markup=False)
    out_console.print("\nCalibration (extracted values by confidence):\n", markup=False)
    out_console.print(report.calibration.markdown(), markup=False)
    for failure in report.failures:
        err_console.print(f"failed: {failure}", markup=False)
    if report.skipped:
        err_console.print(
            f"skipped {len(report.skipped)} report(s) without a text: "
            + ", ".join(report.skipped[:10]),
            markup=False,
        )
    if verbose:
        for name, misses in report.misses.items():
            out_console.print(f"{name}:", markup=False)
            for miss in misses:
                out_console.print(f"  {miss}", markup=False)


def default_texts() -> Path:
    """``corpus-texts/`` in the current folder, else at the top of this checkout.

    :raises GovkgError: neither exists.
    """
    from govkg.resources import PACKAGE_DIR

    here = Path("corpus-texts")
    checkout = PACKAGE_DIR.parents[1] / "corpus-texts"  # graph/govkg → the checkout's top
    for folder in (here, checkout):
        if folder.is_dir():
            return folder
    raise GovkgError(
        "no folder of report texts: corpus-texts/ is neither here nor at the top of the checkout",
        fix="pass --texts DIR (the folder of <source-id>.txt files)",
    )
