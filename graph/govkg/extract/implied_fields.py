"""Fields implied by who the parties are: ``rules.yaml`` ``fields.by_party``.

Reports often leave unsaid what an agreement of a given pair of bodies always covers: a
university's agreements the three duties of higher education, a prosecutor's office's the civil
and administrative-law matters it handles for governments, the audit board's the audit of
state finances. A rule names the bodies by gazetteer key, by the body a regional office belongs
to (``kejagung`` for every ``Kejaksaan Negeri``) or by kind (``StateUniversity``); ``with``, when
given, asks another party of the agreement to match it too.

>>> from govkg.extract.orgs import Org
>>> kejari = Org("new:kejari-x", "Kejaksaan Negeri X", "RegionalOffice", parent="kejagung")
>>> town = Org("kota-36-73", "Pemerintah Kota Serang", "CityGovernment")
>>> implied_fields([kejari, town])
['datun', 'bantuan-hukum']
>>> implied_fields([kejari, Org("bpk", "BPK", "StateInstitution")])[:1]
['datun']
>>> narrowed([kejari, town])["hukum"]
'datun'
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from govkg.extract.orgs import Org
from govkg.extract.rules import Rules


@dataclass(frozen=True)
class PartyRule:
    """When a party matches ``party`` and another one ``with_`` (if given): the ``fields``
    implied, and the fields a report names that mean a narrower one (``narrows``: a
    university's ``pendidikan`` is higher education)."""

    party: frozenset[str]
    with_: frozenset[str] | None
    fields: tuple[str, ...]
    narrows: tuple[tuple[str, str], ...]


@functools.cache
def party_rules() -> tuple[PartyRule, ...]:
    """The rules of ``rules.yaml`` ``fields.by_party``."""
    return tuple(
        PartyRule(
            frozenset(rule["party"]),
            frozenset(rule["with"]) if "with" in rule else None,
            tuple(rule.get("fields", ())),
            tuple(rule.get("narrows", {}).items()),
        )
        for rule in Rules.load().data["fields"]["by_party"]
    )


def selectors(org: Org) -> frozenset[str]:
    """The names a rule may use for a body: its key, its kind and the body it belongs to.

    >>> kejari = Org("kejari-x", "Kejaksaan Negeri X", "RegionalOffice", parent="kejagung")
    >>> sorted(selectors(kejari))
    ['RegionalOffice', 'kejagung', 'kejari-x']
    """
    parent = org.parent or (org.entry.parent if org.entry else None)
    return frozenset(s for s in (org.ident, org.kind, parent) if s)


def implied_fields(parties: Sequence[Org]) -> list[str]:
    """The concept keys the rules imply for an agreement of these parties, in rule order."""
    found: dict[str, None] = {}
    for rule in applying(parties):
        found.update(dict.fromkeys(rule.fields))
    return list(found)


def narrowed(parties: Sequence[Org]) -> dict[str, str]:
    """Named field → the narrower field it means for an agreement of these parties."""
    return {wide: narrow for rule in applying(parties) for wide, narrow in rule.narrows}


def applying(parties: Sequence[Org]) -> list[PartyRule]:
    """The rules whose ``party`` one party matches, and ``with`` (if any) another one."""
    names = [selectors(p) for p in parties]
    found = []
    for rule in party_rules():
        for i, own in enumerate(names):
            others = names[:i] + names[i + 1 :]
            if own & rule.party and (
                rule.with_ is None or any(other & rule.with_ for other in others)
            ):
                found.append(rule)
                break
    return found
