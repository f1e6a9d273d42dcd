"""Score cards of extraction: true and false positives per slot, and the Markdown tables.

>>> counts = Counts(8, 1, 2)
>>> round(counts.precision, 3), round(counts.recall, 3), round(counts.f1, 3)
(0.889, 0.8, 0.842)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from govkg.extract.calibration import Calibration

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
