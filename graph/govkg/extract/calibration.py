"""Is a confidence worth its number? Extracted values binned by confidence, with the share right.

Every value the extractor gives with evidence (the signing date, each agreement, each
signatory) carries a confidence; scored against a gold record it is right or wrong. Binned by
confidence, a value given 0.9 or more should be right at least nine times in ten, and one
given under 0.5 should be wrong more often than right.

>>> table = Calibration()
>>> for right in (True, True, True, False):
...     table.add("date", 0.95, right)
>>> table.add("signatory", 0.3, False)
>>> print(table.markdown().splitlines()[2])
| ≥ 0.9 | 4 | 3 | 0.750 | date 3/4 |
"""

from __future__ import annotations

from dataclasses import dataclass, field

BINS = ((0.9, "≥ 0.9"), (0.7, "0.7–0.9"), (0.5, "0.5–0.7"), (0.0, "< 0.5"))
"""Lower bounds of the confidence bins, highest first, with their labels."""


@dataclass
class Calibration:
    """Right and wrong values per confidence bin and per kind of value."""

    counts: dict[tuple[str, str], list[int]] = field(default_factory=dict)

    def add(self, what: str, confidence: float, right: bool) -> None:
        """Count one value (``what``: ``date``, ``agreement``, ``signatory``)."""
        label = next(label for low, label in BINS if confidence >= low)
        cell = self.counts.setdefault((label, what), [0, 0])
        cell[0] += 1
        cell[1] += int(right)

    def share_right(self, label: str) -> tuple[int, int]:
        """``(values, right)`` in one bin, over every kind of value."""
        cells = [c for (bin_, _), c in self.counts.items() if bin_ == label]
        return sum(c[0] for c in cells), sum(c[1] for c in cells)

    def markdown(self) -> str:
        """The table: one row per bin (values, right, share right, and per kind)."""
        lines = [
            "| confidence | values | right | share right | by kind (right/values) |",
            "|---|---|---|---|---|",
        ]
        for _, label in BINS:
            total, right = self.share_right(label)
            kinds = ", ".join(
                f"{what} {c[1]}/{c[0]}"
                for (bin_, what), c in sorted(self.counts.items())
                if bin_ == label
            )
            share = f"{right / total:.3f}" if total else "—"
            lines.append(f"| {label} | {total} | {right} | {share} | {kinds or '—'} |")
        return "\n".join(lines)
