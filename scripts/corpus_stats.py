"""Counts of the bundled corpus, written into its README between two markers.

Reads the corpus the way ``govkg build`` does (load, then resolve against the gazetteer with
every file's declarations) and counts records, agreements, provinces, years, kinds, languages,
kinds of partnership, the share of parties the gazetteer resolves without a declaration, and
the agreement rate of the two readings (``reviews.csv``).

    python scripts/corpus_stats.py          # rewrite the README's counts
    python scripts/corpus_stats.py --check  # exit 1 when the README's counts are stale
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from govkg.build import resolve_all
from govkg.files import write_atomic
from govkg.gazetteer import LOCAL_KINDS, Entry, Gazetteer, area_name
from govkg.gazetteer.coverage import party_coverage
from govkg.records.load import load_paths
from govkg.resources import corpus_records_dir

CORPUS = corpus_records_dir().parent
README = CORPUS / "README.md"
BEGIN, END = "<!-- corpus-stats:begin -->", "<!-- corpus-stats:end -->"
LOCAL = set(LOCAL_KINDS)
CENTRAL = {"Ministry", "NonMinisterialAgency", "StateInstitution"}


def province_of(entry: Entry, gazetteer: Gazetteer) -> str | None:
    """The province a body lies in: its region code's first two digits, else its parent's."""
    for _ in range(4):
        if entry.region_code:
            province = gazetteer.entry(f"provinsi-{entry.region_code[:2]}")
            return area_name(province).removeprefix("Provinsi ")
        if not entry.parent:
            return None
        entry = gazetteer.entry(entry.parent)
    return None


def level(entry: Entry, gazetteer: Gazetteer) -> str:
    """'central', 'local' or 'other' for a party, units counted with their parent body.

    'other' is any body outside central and local government: universities, state and
    regional enterprises, foreign and international bodies, private organizations.
    """
    while entry.kind not in LOCAL | CENTRAL and entry.parent:
        entry = gazetteer.entry(entry.parent)
    return "central" if entry.kind in CENTRAL else "local" if entry.kind in LOCAL else "other"


def table(title: str, counts: Counter, first: str) -> list[str]:
    """A Markdown table of counts, most frequent first, ties by name."""
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))
    return (
        [f"**{title}**", "", f"| {first} | count |", "|---|---|"]
        + [f"| {key} | {n} |" for key, n in rows]
        + [""]
    )


def reviews(path: Path) -> tuple[int, int, int]:
    """(records read twice, values checked, values the second reader disagreed with)."""
    if not path.is_file():
        return 0, 0, 0
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return (
        len({r["source_id"] for r in rows}),
        sum(int(r["values_checked"]) for r in rows),
        sum(int(r["disagreements"]) for r in rows),
    )


def stats_lines(paths: Iterable[Path]) -> list[str]:
    """The README section: every count, as Markdown lines."""
    record_sets = load_paths(list(paths))
    resolved, gazetteer = resolve_all(record_sets)
    provinces, years, kinds, languages, pairs = (
        Counter(),
        Counter(),
        Counter(),
        Counter(),
        Counter(),
    )
    for records in resolved:
        languages[records.source.language] += 1
        seen = set()
        for agreement in records.agreements:
            kinds[agreement.kind] += 1
            signed = agreement.signed_on
            years[str(signed)[:4] if signed else "no date"] += 1
            levels = sorted({level(p, gazetteer) for p in agreement.parties})
            pairs["–".join(levels if len(levels) > 1 else levels * 2)] += 1
            seen.update(province_of(party, gazetteer) for party in agreement.parties)
        provinces.update(p for p in seen if p)
    share = party_coverage(record_sets)
    read, checked, disagreed = reviews(CORPUS / "reviews.csv")
    agreements = sum(kinds.values())
    rate = f"{1 - disagreed / checked:.3f}" if checked else "n/a"
    return [
        f"- {len(resolved)} reports, {agreements} agreements, {len(provinces)} provinces.",
        f"- Parties the gazetteer resolves without a declaration: {share.known} of "
        f"{share.total} ({share.fraction:.0%}).",
        f"- Two readings: {read} records read by a second reader; {checked} values checked, "
        f"{disagreed} disagreements (agreement rate {rate}).",
        "",
        *table(
            "Reports per province (a report counts once per province it involves)",
            provinces,
            "province",
        ),
        *table("Agreements per signing year", years, "year"),
        *table("Agreements per kind", kinds, "kind"),
        *table("Reports per language", languages, "language"),
        *table("Agreements by level of the parties", pairs, "levels"),
    ]


def render(readme: str, lines: list[str]) -> str:
    """The README text with the section between the markers replaced by ``lines``."""
    head, _, rest = readme.partition(BEGIN)
    _, _, tail = rest.partition(END)
    return "\n".join([head + BEGIN, *lines, END]) + tail


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the README is stale")
    args = parser.parse_args(argv)
    current = README.read_text(encoding="utf-8")
    wanted = render(current, stats_lines([corpus_records_dir()]))
    if args.check:
        return int(wanted != current)
    write_atomic(README, wanted.encode())
    return 0


if __name__ == "__main__":
    sys.exit(main())
