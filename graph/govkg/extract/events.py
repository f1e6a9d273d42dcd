"""Signings on different days in one report: an agreement the report dates to another day than
its signing date is an event of its own. Two ways a report does so, read in one place:

* the agreement's own sentences date its signing (``… meneken MoU pada Senin (15/5/2023).
  Sehari kemudian, Selasa (16/5/2023), Kementan juga meneken PKS …``): a sentence is an
  agreement's own when no other agreement of the report draws on it; only sentences that tell
  of a signing, and dates to the day, count;
* the report writes a date right after each kind (``diawali penandatanganan LoI pada 28 Maret
  2022, … menandatangani MoU … pada Senin, 10 Juli 2023``:
  :func:`~govkg.extract.signing_date.kind_dates`).

>>> from datetime import date
>>> from govkg.extract import extract_text
>>> text = ("LAN dan BPS meneken MoU pada Senin (15/5/2023). Sehari kemudian, Selasa "
...         "(16/5/2023), LAN juga meneken PKS dengan LIPI.")
>>> record = extract_text(text, published=date(2023, 5, 20)).record
>>> [(e["date"], [a["kind"] for a in e["agreements"]]) for e in record["events"]]
[('2023-05-15', ['mou']), ('2023-05-16', ['pks'])]
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, Protocol

from govkg.extract.clauses import Facts
from govkg.extract.signing_date import kind_dates, signing_day
from govkg.extract.text import Article


class _Split(Protocol):
    sentences: dict[int, float]

    @property
    def kind(self) -> str: ...


def agreement_days(
    article: Article,
    facts: Sequence[Facts],
    splits: Sequence[_Split],
    published: date | None,
    day: str | None,
) -> dict[int, tuple[str, dict[str, Any] | None, str | None]]:
    """``{split index: (day, evidence, note)}`` for the agreements signed on another day than
    ``day``, the report's signing date: dated by their own sentences, else by the date written
    after their kind; the agreements of that date stay in its event."""
    found = _own_days(article, facts, splits, published, day)
    kinds = [s.kind for s in splits]
    by_kind = kind_dates(article, facts, kinds, published)
    for n, kind in enumerate(kinds):
        if n not in found and kind in by_kind and by_kind[kind][0] != day:
            text, evidence = by_kind[kind]
            note = (
                f"the report dates this {kind} apart from the other agreements it names (the "
                "date written after it): check it"
            )
            found[n] = (text, evidence, note)
    return found


def _own_days(
    article: Article,
    facts: Sequence[Facts],
    splits: Sequence[_Split],
    published: date | None,
    day: str | None,
) -> dict[int, tuple[str, dict[str, Any], str | None]]:
    """``{split index: (day, evidence, note)}`` for the agreements signed on another day than
    ``day``, the report's signing date; the agreements of that date stay in its event."""
    if day is None or len(day) != 10 or len(splits) < 2:
        return {}
    found = {}
    for n, split in enumerate(splits):
        others = {i for m, s in enumerate(splits) if m != n for i in s.sentences}
        own = [facts[i] for i in sorted(split.sentences) if i not in others and facts[i].signing]
        dated = signing_day(article, own, published) if own else None
        if dated is not None and len(dated[0]) == 10 and dated[0] != day:
            found[n] = dated
    return found if len(found) < len(splits) else {}
