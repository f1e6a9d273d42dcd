"""Agreements that several records describe: one date and one set of titles for each.

Two reports of one signing give the agreement the same ``id`` in their records. What each
record states stays in its own source's named graph; what the agreement may have only once
is made one here, after resolution and before the triples:

- the signing date: the most precise date the records give, when every other date is that
  date at a coarser precision ("2017-05" beside "2017-05-10"). A record with the coarser date
  then states none, and a note in its graph says which source dates it more precisely.
  Dates that disagree are an error that names both records;
- the generated titles: made from all the records' parties (in the order the records name
  them, records by source id) and that date; a title given in a record is the agreement's
  title in the first record (by source id) that gives one, and another record's different
  title becomes an alternative title.

>>> from govkg.records.dates import PartialDate
>>> _best(["a.yaml", "b.yaml"], [PartialDate(2017, 5), PartialDate(2017, 5, 10)], "x")
(PartialDate(year=2017, month=5, day=10), 1)
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from govkg.entity_resolution import Naming, ResolvedAgreement, ResolvedRecords
from govkg.errors import RecordError, RecordErrors
from govkg.records.dates import PartialDate


def reconcile(resolved: list[ResolvedRecords]) -> list[ResolvedRecords]:
    """``resolved`` with each agreement that several records describe given one date and
    one naming (records describing an agreement alone are returned as they are).

    :raises RecordErrors: records of one agreement that give different dates.
    """
    tellings: dict[str, list[tuple[ResolvedRecords, ResolvedAgreement]]] = defaultdict(list)
    for records in sorted(resolved, key=lambda r: r.source.id):
        for agreement in records.agreements:
            tellings[agreement.key].append((records, agreement))
    shared = {key: told for key, told in tellings.items() if len(told) > 1}
    if not shared:
        return resolved
    errors: list[RecordError] = []
    changed: dict[tuple[str, str], ResolvedAgreement] = {}
    for key, told in shared.items():
        try:
            changed.update(_one_agreement(key, told))
        except RecordError as err:
            errors.append(err)
    if errors:
        raise RecordErrors(errors)
    return [_with_changes(records, changed) for records in resolved]


def _one_agreement(key: str, told) -> dict[tuple[str, str], ResolvedAgreement]:
    dated = [(records, a) for records, a in told if a.signed_on is not None]
    best, at = _best([r.path for r, _ in dated], [a.signed_on for _, a in dated], key)
    parties = tuple(dict.fromkeys(p for _, a in told for p in a.parties))
    titles = [a.title for _, a in told if a.title]
    naming = Naming(parties, best, titles[0] if titles else None)
    best_source = dated[at][0].source.id if dated else None
    out = {}
    for records, agreement in told:
        own = agreement.signed_on
        notes = agreement.notes
        if own is not None and own != best:
            notes += (
                f"This source dates the agreement {own.isoformat()}; {best_source} dates it "
                f"{best.isoformat()}, kept as the agreement's date.",
            )
            own = None
        out[(records.source.id, key)] = replace(
            agreement, signed_on=own, notes=notes, naming=naming
        )
    return out


def _best(paths: list[str], dates: list[PartialDate], key: str) -> tuple[PartialDate | None, int]:
    """The most precise of ``dates`` (the first of equals) and its index, when every date is
    that one at its own precision.

    :raises RecordError: two dates that disagree.
    """
    if not dates:
        return None, -1
    at = max(range(len(dates)), key=lambda i: (len(dates[i].parts), -i))
    best = dates[at]
    for path, date in zip(paths, dates, strict=True):
        if best.parts[: len(date.parts)] != date.parts:
            raise RecordError(
                path,
                "agreements[].date",
                f"agreement {key!r} is dated {date.isoformat()} here and "
                f"{best.isoformat()} in {paths[at]}",
                fix="give the date the sources support in both records (and say why in a "
                "note), or give the agreements different ids if they are different signings",
            )
    return best, at


def _with_changes(records: ResolvedRecords, changed) -> ResolvedRecords:
    agreements = tuple(changed.get((records.source.id, a.key), a) for a in records.agreements)
    return replace(records, agreements=agreements) if agreements != records.agreements else records
