"""Scoring extraction against gold records: precision, recall and F1 per slot.

Two kinds of gold: a folder of ``<name>.txt`` reports, each with ``<name>.gold.yaml``
(:func:`evaluate_dir`, the team's own reports), or the corpus of real reports
(:func:`evaluate_corpus`): record files ``<source-id>.yaml`` reviewed by people, with the
report texts in another folder (``<source-id>.txt``; a report whose text is missing is skipped
and counted). Each report is extracted with the gold source's ``published`` date (when known
to the day) and ``language``; the extracted record is read back through the record loader (so
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

>>> counts = Counts(8, 1, 2)
>>> round(counts.precision, 3), round(counts.recall, 3), round(counts.f1, 3)
(0.889, 0.8, 0.842)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from govkg.errors import GovkgError
from govkg.extract.calibration import Calibration
from govkg.extract.people import fold_name, resolve_role
from govkg.files import check_within
from govkg.gazetteer import Gazetteer
from govkg.gazetteer.forms import name_key
from govkg.ids import key_of
from govkg.records.load import load_file, load_text
from govkg.records.model import Agreement, Event, OrganizationDecl, RecordSet
from govkg.vocab import Vocabulary

SLOTS = ("parties", "signatories", "posts", "date", "kind", "fields")


@dataclass
class Counts:
    """True positives, false positives and false negatives of one slot."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """TP / (TP + FP); 1 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """TP / (TP + FN); 1 when there was nothing to find."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """The harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, gold: set, predicted: set) -> None:
        """Count one comparison of item sets."""
        self.tp += len(gold & predicted)
        self.fp += len(predicted - gold)
        self.fn += len(gold - predicted)


@dataclass
class Report:
    """Scores over a set of reports: counts per slot, date accuracy, calibration, and what
    went wrong where."""

    slots: dict[str, Counts] = field(default_factory=lambda: {s: Counts() for s in SLOTS})
    articles: int = 0
    dates_right: int = 0
    failures: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    misses: dict[str, list[str]] = field(default_factory=dict)
    calibration: Calibration = field(default_factory=Calibration)

    @property
    def date_accuracy(self) -> float:
        """Share of reports whose signing dates are right."""
        return self.dates_right / self.articles if self.articles else 1.0

    def markdown(self) -> str:
        """The scores as a Markdown table.

        >>> Report().markdown().splitlines()[-1]
        'Date accuracy: 1.000 (0/0 reports); extraction failures: 0.'
        """
        lines = [
            "| slot | precision | recall | F1 | TP | FP | FN |",
            "|---|---|---|---|---|---|---|",
        ]
        for name, c in self.slots.items():
            lines.append(
                f"| {name} | {c.precision:.3f} | {c.recall:.3f} | {c.f1:.3f} | "
                f"{c.tp} | {c.fp} | {c.fn} |"
            )
        lines.append("")
        skipped = f"; skipped (no text): {len(self.skipped)}" if self.skipped else ""
        lines.append(
            f"Date accuracy: {self.date_accuracy:.3f} ({self.dates_right}/{self.articles} "
            f"reports); extraction failures: {len(self.failures)}{skipped}."
        )
        return "\n".join(lines)


Extractor = Callable[[Path, date | None, str], str]
"""Extracts one report (path, published, language) and returns the record as YAML text."""


def default_extractor(path: Path, published: date | None, lang: str) -> str:
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
        raise GovkgError(f"{folder} holds no record file to score", fix="give the corpus folder")
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
    published = gold.source.published.as_date() if gold.source.published else None
    try:
        text = extractor(txt, published, gold.source.language)
        predicted = load_text(text, fmt="yaml", name=txt.stem + ".extracted.yaml")
    except GovkgError as err:
        report.failures.append(f"{txt.name}: {err}")
        score(gold, None, report, txt.name)
        return
    score(gold, predicted, report, txt.name)


def score(gold: RecordSet, predicted: RecordSet | None, report: Report, name: str = "") -> None:
    """Add one report's comparison to ``report``.

    >>> from govkg.records.load import load_text
    >>> gold = load_text("govkg: 1\\nsource: {id: a, kind: news, language: id}\\nevents:\\n"
    ...     "  - date: 2019-02-01\\n    agreements: [{kind: mou, parties: [LAN, BPS]}]\\n",
    ...     fmt="yaml", name="a.yaml")
    >>> report = Report()
    >>> score(gold, gold, report)
    >>> report.slots["kind"].tp, report.dates_right
    (1, 1)
    """
    gold_names = _Names(gold)
    gold_items = _items(gold, gold_names)
    if predicted is None:
        for agreement in gold_items:
            for slot in SLOTS:
                report.slots[slot].add(agreement[slot], set())
        return
    names = _Names(predicted, gold)
    predicted_items = _items(predicted, names)
    if _dates(gold) == _dates(predicted):
        report.dates_right += 1
    pairs = _pair(gold_items, predicted_items)
    for g, p in pairs:
        for slot in SLOTS:
            want = {(g, x) for x in gold_items[g][slot]} if g is not None else set()
            got = (
                {(g if g is not None else ("extra", p), x) for x in predicted_items[p][slot]}
                if p is not None
                else set()
            )
            report.slots[slot].add(want, got)
            missing = sorted(map(str, want - got))
            extra = sorted(map(str, got - want))
            if missing or extra:
                report.misses.setdefault(name, []).append(
                    f"{slot}: missing {missing} extra {extra}"
                )
    _calibrate(report.calibration, gold, predicted, gold_items, predicted_items, pairs)


def _dates(records: RecordSet) -> set[str | None]:
    return {e.date.isoformat() if e.date else None for e in records.events}


def _calibrate(table, gold, predicted, gold_items, predicted_items, pairs) -> None:
    """Each extracted value with evidence, right or wrong, into the calibration table."""
    gold_dates = _dates(gold)
    for event in predicted.events:
        sure = _confidence(event.evidence)
        if sure is not None:
            table.add("date", sure, (event.date.isoformat() if event.date else None) in gold_dates)
    agreements = [a for e in predicted.events for a in e.agreements]
    for g, p in pairs:
        if p is None:
            continue
        want = gold_items[g] if g is not None else None
        got = predicted_items[p]
        sure = _confidence(agreements[p].evidence)
        if sure is not None:
            table.add("agreement", sure, want is not None and want["parties"] == got["parties"])
        for signatory, item in zip(agreements[p].signatories, got["signatory_list"], strict=True):
            sure = _confidence(signatory.evidence)
            if sure is not None:
                table.add("signatory", sure, want is not None and item in want["signatories"])


def _confidence(evidence) -> float | None:
    values = [e.confidence for e in evidence if e.confidence is not None]
    return max(values) if values else None


def _pair(gold: list[dict], predicted: list[dict]) -> list[tuple[int | None, int | None]]:
    """Pair agreements greedily by shared parties (kind breaks ties)."""
    scores = []
    for g, want in enumerate(gold):
        for p, got in enumerate(predicted):
            shared = len(want["parties"] & got["parties"])
            union = len(want["parties"] | got["parties"]) or 1
            if shared:
                scores.append((shared / union, want["kind"] == got["kind"], g, p))
    pairs, used_g, used_p = [], set(), set()
    for _, _, g, p in sorted(scores, reverse=True):
        if g not in used_g and p not in used_p:
            pairs.append((g, p))
            used_g.add(g)
            used_p.add(p)
    pairs += [(g, None) for g in range(len(gold)) if g not in used_g]
    pairs += [(None, p) for p in range(len(predicted)) if p not in used_p]
    return pairs


class _Names:
    """Party names → comparable keys: a gazetteer key, or ``decl:`` and the folded name of a
    body the gold record declares.

    Names of the gold record resolve through the gazetteer and the gold's declarations; names
    of an extracted record resolve the same way, trying each name its own declaration gives
    the body (name, acronyms, aliases) until one resolves.
    """

    def __init__(self, records: RecordSet, gold: RecordSet | None = None) -> None:
        reference = gold if gold is not None else records
        decls = _undeclared(reference)
        self.gazetteer = _gazetteer(decls)
        self.declared = {d.id: d for d in decls}
        own = _undeclared(records)
        self.own = _gazetteer(own) if gold is not None else None
        self.own_declared = {d.id: d for d in own} if gold is not None else {}

    def key(self, name: str) -> str:
        for form in self._forms(name):
            try:
                entry = self.gazetteer.resolve(form)
            except GovkgError:
                continue
            if entry.key in self.declared:
                return "decl:" + name_key(self.declared[entry.key].name)
            return entry.key
        return "raw:" + name_key(name)

    def _forms(self, name: str) -> list[str]:
        forms = [name]
        if self.own is not None:
            try:
                entry = self.own.resolve(name)
            except GovkgError:
                return forms
            decl = self.own_declared.get(entry.key)
            if decl is not None:
                forms += [decl.name, *decl.acronyms, *decl.aliases]
        return forms


def _gazetteer(decls) -> Gazetteer:
    try:
        return Gazetteer.bundled().with_declarations(list(decls))
    except GovkgError:
        return Gazetteer.bundled()


def _undeclared(records: RecordSet) -> list[OrganizationDecl]:
    """The record's declarations of bodies the gazetteer does not know by that name.

    A gold record written before the gazetteer grew declares bodies it now has (a state
    university, PLN); those are the gazetteer's entries, whichever side declared them.
    """
    bundled = Gazetteer.bundled()
    return [d for d in records.organizations if len(bundled.matches(d.name)) != 1]


def _items(records: RecordSet, names: _Names) -> list[dict]:
    return [
        _agreement_items(agreement, event, names)
        for event in records.events
        for agreement in event.agreements
    ]


def _agreement_items(agreement: Agreement, event: Event, names: _Names) -> dict:
    parties = {names.key(p) for p in agreement.parties}
    signed = [(fold_name(s.name), names.key(s.party)) for s in agreement.signatories]
    posts = {
        (fold_name(s.name), names.key(s.party), resolve_role(s.post) or name_key(s.post))
        for s in agreement.signatories
    }
    return {
        "parties": parties,
        "signatories": set(signed),
        "signatory_list": signed,
        "posts": posts,
        "date": {event.date.isoformat()} if event.date else set(),
        "kind": {agreement.kind},
        "fields": {_field(f) for f in agreement.fields},
    }


def _field(text: str) -> str:
    try:
        return key_of(Vocabulary.fields().resolve(text))
    except GovkgError:
        return "raw:" + name_key(text)


def summary(reports: Iterable[tuple[str, Report]]) -> str:
    """Several reports' F1 side by side (e.g. before and after, or two sets).

    >>> summary([("none", Report())]).splitlines()[2]
    '| none | 1.000 | 1.000 | 1.000 | 1.000 | 1.000 | 1.000 | 1.000 | 0 |'
    """
    lines = [
        "| set | " + " | ".join(SLOTS) + " | date accuracy | failures |",
        "|---" * (len(SLOTS) + 3) + "|",
    ]
    for label, report in reports:
        cells = " | ".join(f"{report.slots[s].f1:.3f}" for s in SLOTS)
        lines.append(f"| {label} | {cells} | {report.date_accuracy:.3f} | {len(report.failures)} |")
    return "\n".join(lines)
