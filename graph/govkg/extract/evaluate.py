"""Scoring extraction against gold records: precision, recall and F1 per slot.

Two kinds of gold: a folder of ``<name>.txt`` reports, each with ``<name>.gold.yaml``
(:func:`evaluate_dir`, the team's own reports), or the corpus of real reports
(:func:`evaluate_corpus`): record files ``<source-id>.yaml`` reviewed by people, with the
report texts in another folder (``<source-id>.txt``; a report whose text is missing is skipped
and counted). Each report is extracted with the gold source's ``published`` date (a date
when known to the day, else its year or month, which place dates written without a year) and
``language``; the extracted record is read back through the record loader (so
a malformed one counts as a failure). Agreements are paired gold ↔ extracted by their parties,
then compared slot by slot:

* ``parties``: (agreement, body): a name matches when it resolves to the same body through
  the gazetteer and the gold record's declarations (an extracted declaration matches through
  any of its names);
* ``signatories``: (agreement, name, body);
* ``posts``: (agreement, name, body, role): the post too, as a role of ``roles.ttl``;
* ``date``: (agreement, signing date) at the gold's precision (``2021-09`` is not
  ``2021-09-02``; no gold date wants none); ``date accuracy`` is the share of reports whose
  set of signing dates is the gold's;
* ``kind``: (agreement, kind);
* ``fields``: (agreement, concept of ``fields.ttl``).

An extracted agreement paired with no gold one counts all its items as false positives.
Every extracted value with evidence also goes into a :class:`Calibration` table.

This module reads the gold and runs the extractor; the comparison lives in
:mod:`~govkg.extract.scoring`, the names-to-keys matching in :mod:`~govkg.extract.matching`,
the counts and tables in :mod:`~govkg.extract.scorecard`.

>>> counts = Counts(8, 1, 2)
>>> round(counts.precision, 3), round(counts.recall, 3), round(counts.f1, 3)
(0.889, 0.8, 0.842)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

from govkg.errors import GovkgError
from govkg.extract.scorecard import SLOTS, Counts, Report, summary
from govkg.extract.scoring import score
from govkg.files import check_within
from govkg.records.dates import PartialDate
from govkg.records.load import load_file, load_text
from govkg.records.model import RecordSet

__all__ = [
    "SLOTS",
    "Counts",
    "Extractor",
    "Report",
    "default_extractor",
    "evaluate_corpus",
    "evaluate_dir",
    "read_ids",
    "score",
    "summary",
]


Extractor = Callable[[Path, date | PartialDate | None, str], str]
"""Extracts one report (path, published, language) and returns the record as YAML text."""


def default_extractor(path: Path, published: date | PartialDate | None, lang: str) -> str:
    """``govkg extract`` itself.

    >>> from pathlib import Path
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "r.txt"
    >>> _ = path.write_text("Kepala LAN Adi dan Kepala BPS Retno meneken MoU, Kamis (19/5/2022).")
    >>> "kind: mou" in default_extractor(path, date(2022, 5, 20), "id")
    True
    """
    from govkg.extract import extract_file

    return extract_file(path, published=published, lang=lang).yaml()


def evaluate_dir(gold_dir: str | Path, extractor: Extractor = default_extractor) -> Report:
    """Extract every report of a gold folder and score it against its gold record.

    :raises GovkgError: the folder holds no ``*.txt`` report with a ``*.gold.yaml``, or one
        of them is a symlink leading out of the folder.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("LAN dan LIPI meneken MoU, Jumat (1/2).")
    >>> _ = (folder / "a.gold.yaml").write_text(
    ...     "govkg: 1\\nsource: {id: a, kind: news, language: id, title: t,"
    ...     " published: 2019-02-01}\\n"
    ...     "events:\\n  - date: 2019-02-01\\n    agreements:\\n"
    ...     "      - {kind: mou, parties: [LAN, LIPI]}\\n")
    >>> evaluate_dir(folder).slots["parties"].f1
    1.0
    """
    folder = Path(gold_dir)
    pairs = [
        (txt, txt.with_name(txt.stem + ".gold.yaml"))
        for txt in sorted(folder.glob("*.txt"))
        if txt.with_name(txt.stem + ".gold.yaml").exists()
    ]
    if not pairs:
        raise GovkgError(
            f"{folder} holds no report with a gold record",
            fix="put <name>.txt and <name>.gold.yaml side by side",
        )
    report = Report()
    for txt, gold_path in pairs:
        check_within(txt, folder)
        _evaluate_one(txt, load_file(gold_path, within=folder), report, extractor)
    return report


def evaluate_corpus(
    records_dir: str | Path,
    texts_dir: str | Path,
    *,
    only: Iterable[str] | None = None,
    without: Iterable[str] = (),
    extractor: Extractor = default_extractor,
) -> Report:
    """Score extraction on a corpus: record files ``<id>.yaml`` are the gold, the report texts
    are ``<texts_dir>/<id>.txt``. ``only`` keeps the listed ids, ``without`` drops them (the
    held-out list, say); a record whose text is missing is skipped and counted.

    :raises GovkgError: no record file is left to score, or an id of ``only`` has no record.

    >>> import tempfile
    >>> records, texts = Path(tempfile.mkdtemp()), Path(tempfile.mkdtemp())
    >>> _ = (records / "a.yaml").write_text(
    ...     "govkg: 1\\nsource: {id: a, kind: news, language: id, published: '2019-02'}\\n"
    ...     "events:\\n  - date: '2019-02-01'\\n    agreements:\\n"
    ...     "      - {kind: mou, parties: [LAN, LIPI]}\\n")
    >>> _ = (records / "b.yaml").write_text((records / "a.yaml").read_text())
    >>> _ = (texts / "a.txt").write_text("https://x.example/2019/02/02/a\\n"
    ...     "LAN dan LIPI meneken MoU, Jumat (1/2/2019).")
    >>> report = evaluate_corpus(records, texts)
    >>> report.slots["parties"].f1, report.dates_right, report.skipped
    (1.0, 1, ['b'])
    """
    folder, texts = Path(records_dir), Path(texts_dir)
    paths = {p.stem: p for p in sorted(folder.glob("*.yaml"))}
    wanted = list(only) if only is not None else list(paths)
    unknown = [name for name in wanted if name not in paths]
    if unknown:
        raise GovkgError(
            f"{folder} has no record for {', '.join(unknown[:5])}",
            fix="list ids of record files of that folder (one per line, # for comments)",
        )
    dropped = set(without)
    wanted = [name for name in wanted if name not in dropped]
    if not wanted:
        raise GovkgError(
            f"{folder} holds no record file to score",
            fix="give `corpus` or a folder of record files (*.yaml)",
        )
    report = Report()
    for name in wanted:
        txt = texts / f"{name}.txt"
        if not txt.is_file():
            report.skipped.append(name)
            continue
        _evaluate_one(txt, load_file(paths[name], within=folder), report, extractor)
    return report


def read_ids(path: str | Path) -> list[str]:
    """The ids listed in a file, one per line (``#`` starts a comment).

    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "ids.txt"
    >>> _ = p.write_text("# held out\\na-1\\n\\nb-2  # second\\n")
    >>> read_ids(p)
    ['a-1', 'b-2']
    """
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [line.split("#", 1)[0].strip() for line in lines if line.split("#", 1)[0].strip()]


def _evaluate_one(txt: Path, gold: RecordSet, report: Report, extractor: Extractor) -> None:
    report.articles += 1
    published = gold.source.published
    if published is not None and published.precision == "day":
        published = published.as_date()
    try:
        text = extractor(txt, published, gold.source.language)
        predicted = load_text(text, fmt="yaml", name=txt.stem + ".extracted.yaml")
    except GovkgError as err:
        report.failures.append(f"{txt.name}: {err}")
        score(gold, None, report, txt.name)
        return
    score(gold, predicted, report, txt.name)
