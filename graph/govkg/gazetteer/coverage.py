"""How much of a corpus the gazetteer knows: the share of parties it resolves on its own.

A party counts as *known* when the bundled gazetteer resolves its name as written, without
the ``organizations:`` a record declares; every other party (declared, ambiguous or unknown)
counts as not known. Each party of each agreement counts once (a body in two agreements counts
twice), so the share says how often a reader of a report finds the body already known.

>>> from govkg.records.load import load_text
>>> record = load_text('''govkg: 1
... source: {id: demo, kind: news, language: id}
... events:
...   - agreements:
...       - {kind: mou, parties: [LAN, Kota Contoh]}
... organizations:
...   - {id: kota-contoh, name: Kota Contoh, kind: ForeignLocalGovernment, country: JP}
... ''', fmt="yaml", name="demo.yaml")
>>> share = party_coverage([record])
>>> share.known, share.total, f"{share.fraction:.2f}", share.unknown
(1, 2, '0.50', ('Kota Contoh',))
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from govkg.errors import GovkgError
from govkg.gazetteer.resolve import Gazetteer
from govkg.records.model import RecordSet


@dataclass(frozen=True)
class Coverage:
    """Parties the gazetteer resolved (``known``) out of all parties (``total``)."""

    known: int
    total: int
    unknown: tuple[str, ...]  # the names it did not resolve, sorted, each once

    @property
    def fraction(self) -> float:
        """``known / total`` (0.0 for no parties)."""
        return self.known / self.total if self.total else 0.0


def party_coverage(records: Iterable[RecordSet], gazetteer: Gazetteer | None = None) -> Coverage:
    """The share of agreement parties the (bundled) gazetteer resolves without declarations."""
    gazetteer = gazetteer or Gazetteer.bundled()
    known = total = 0
    unknown: set[str] = set()
    for record in records:
        for event in record.events:
            for agreement in event.agreements:
                for name in agreement.parties:
                    total += 1
                    if _resolves(gazetteer, name):
                        known += 1
                    else:
                        unknown.add(name)
    return Coverage(known, total, tuple(sorted(unknown)))


def _resolves(gazetteer: Gazetteer, name: str) -> bool:
    try:
        gazetteer.resolve(name)
    except GovkgError:
        return False
    return True
