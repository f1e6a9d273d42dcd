"""Scoring one report: gold and extracted agreements paired by parties, compared slot by slot.

>>> gold = [{"parties": {"lan", "bps"}, "kind": {"mou"}}]
>>> got = [{"parties": {"bps"}, "kind": {"pks"}}, {"parties": {"lan", "bps"}, "kind": {"mou"}}]
>>> pair_agreements(gold, got)
[(0, 1), (None, 0)]
"""

from __future__ import annotations

from govkg.extract.matching import Names, items
from govkg.extract.scorecard import SLOTS, Report
from govkg.records.model import RecordSet


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
    gold_names = Names(gold)
    gold_items = items(gold, gold_names)
    if predicted is None:
        for agreement in gold_items:
            for slot in SLOTS:
                report.slots[slot].add(agreement[slot], set())
        return
    names = Names(predicted, gold)
    predicted_items = items(predicted, names)
    if _dates(gold) == _dates(predicted):
        report.dates_right += 1
    pairs = pair_agreements(gold_items, predicted_items)
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


def pair_agreements(gold: list[dict], predicted: list[dict]) -> list[tuple[int | None, int | None]]:
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
