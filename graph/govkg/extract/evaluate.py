"""Scoring extraction against gold records: precision, recall and F1 per slot.

A gold folder holds ``<name>.txt`` reports, each with ``<name>.gold.yaml`` (a record in the
normal format). Each report is extracted with the gold source's ``published`` date and
``language``; the extracted record is read back through the record loader (so a malformed one
counts as a failure). Agreements are paired gold ↔ extracted by their parties (names resolved
through the gazetteer and each record's declarations), then compared slot by slot:

* ``parties``: (agreement, body);
* ``signatories``: (agreement, name, role, body): name, post (as a role of ``roles.ttl``) and
  party must all agree;
* ``date``: (agreement, signing date); ``date accuracy`` is the share of reports whose first
  event has the gold date;
* ``kind``: (agreement, kind);
* ``fields``: (agreement, concept of ``fields.ttl``).

An extracted agreement paired with no gold one counts all its items as false positives.

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
from govkg.extract.people import fold_name, resolve_role
from govkg.files import check_within
from govkg.gazetteer import Gazetteer
from govkg.gazetteer.forms import name_key
from govkg.ids import key_of
from govkg.records.dates import PartialDate
from govkg.records.load import load_file, load_text
from govkg.records.model import Agreement, OrganizationDecl, RecordSet
from govkg.vocab import Vocabulary

SLOTS = ("parties", "signatories", "date", "kind", "fields")


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
    """Scores over a gold folder: counts per slot, date accuracy, and what went wrong where."""

    slots: dict[str, Counts] = field(default_factory=lambda: {s: Counts() for s in SLOTS})
    articles: int = 0
    dates_right: int = 0
    failures: list[str] = field(default_factory=list)
    misses: dict[str, list[str]] = field(default_factory=dict)

    @property
    def date_accuracy(self) -> float:
        """Share of reports whose signing date is right."""
        return self.dates_right / self.articles if self.articles else 1.0

    def markdown(self) -> str:
        """The scores as a Markdown table."""
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
        lines.append(
            f"Date accuracy: {self.date_accuracy:.3f} ({self.dates_right}/{self.articles} "
            f"reports); extraction failures: {len(self.failures)}."
        )
        return "\n".join(lines)


Extractor = Callable[[Path, date | None, str], str]
"""Extracts one report (path, published, language) and returns the record as YAML text."""


def default_extractor(path: Path, published: date | None, lang: str) -> str:
    """``govkg extract`` itself.

    >>> from pathlib import Path
    >>> from govkg.resources import bundled_records_dir
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
        gold = load_file(gold_path, within=folder)
        report.articles += 1
        try:
            published = gold.source.published.as_date() if gold.source.published else None
            text = extractor(txt, published, gold.source.language)
            predicted = load_text(text, fmt="yaml", name=txt.stem + ".extracted.yaml")
        except GovkgError as err:
            report.failures.append(f"{txt.name}: {err}")
            score(gold, None, report, txt.name)
            continue
        score(gold, predicted, report, txt.name)
    return report


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
    gold_items = _items(gold, _Names(gold))
    if predicted is None:
        for agreement in gold_items:
            for slot in SLOTS:
                report.slots[slot].add(agreement[slot], set())
        return
    names = _Names(predicted, gold)
    predicted_items = _items(predicted, names)
    if gold.events and predicted.events and gold.events[0].date == predicted.events[0].date:
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
    """Party names → comparable keys: gazetteer keys, or the folded name of a declared body."""

    def __init__(self, records: RecordSet, other: RecordSet | None = None) -> None:
        decls = _undeclared(records)
        try:
            self.gazetteer = Gazetteer.bundled().with_declarations(decls)
        except GovkgError:
            self.gazetteer = Gazetteer.bundled()
        self.declared = {d.id: d for d in decls}
        self.same: dict[str, str] = {}
        if other is not None:
            forms = {}
            for d in _undeclared(other):
                for form in (d.name, *d.acronyms, *d.aliases):
                    forms[name_key(form)] = "decl:" + name_key(d.name)
            for d in decls:
                for form in (d.name, *d.acronyms, *d.aliases):
                    if name_key(form) in forms:
                        self.same["decl:" + name_key(d.name)] = forms[name_key(form)]
                        break

    def key(self, name: str) -> str:
        try:
            entry = self.gazetteer.resolve(name)
        except GovkgError:
            return "raw:" + name_key(name)
        if entry.key in self.declared:
            own = "decl:" + name_key(self.declared[entry.key].name)
            return self.same.get(own, own)
        return entry.key


def _undeclared(records: RecordSet) -> list[OrganizationDecl]:
    """The record's declarations of bodies the gazetteer does not know by that name.

    A gold record written before the gazetteer grew declares bodies it now has (a state
    university, PLN); those are the gazetteer's entries, whichever side declared them.
    """
    bundled = Gazetteer.bundled()
    return [d for d in records.organizations if len(bundled.matches(d.name)) != 1]


def _items(records: RecordSet, names: _Names) -> list[dict]:
    found = []
    for event in records.events:
        for agreement in event.agreements:
            found.append(_agreement_items(agreement, event.date, names))
    return found


def _agreement_items(agreement: Agreement, day: PartialDate | None, names: _Names) -> dict:
    parties = {names.key(p) for p in agreement.parties}
    signatories = {
        (fold_name(s.name), resolve_role(s.post) or name_key(s.post), names.key(s.party))
        for s in agreement.signatories
    }
    return {
        "parties": parties,
        "signatories": signatories,
        "date": {day.isoformat()} if day else set(),
        "kind": {agreement.kind},
        "fields": {_field(f) for f in agreement.fields},
    }


def _field(text: str) -> str:
    try:
        return key_of(Vocabulary.fields().resolve(text))
    except GovkgError:
        return "raw:" + name_key(text)


def summary(reports: Iterable[tuple[str, Report]]) -> str:
    """Several reports' F1 side by side (e.g. the team set and a held-out set).

    >>> summary([("none", Report())]).splitlines()[2]
    '| none | 1.000 | 1.000 | 1.000 | 1.000 | 1.000 | 1.000 |'
    """
    lines = ["| set | " + " | ".join(SLOTS) + " | date accuracy |", "|---" * (len(SLOTS) + 2) + "|"]
    for label, report in reports:
        cells = " | ".join(f"{report.slots[s].f1:.3f}" for s in SLOTS)
        lines.append(f"| {label} | {cells} | {report.date_accuracy:.3f} |")
    return "\n".join(lines)
