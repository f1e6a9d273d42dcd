"""One body named twice among an agreement's parties: by a cut-off name, or at two levels.

Reports name a party once in full and again loosely: a name cut short (``Kejaksaan Tinggi
Sumatera`` beside ``Kejaksaan Tinggi Sumatera Barat``; a line broken inside a word, ``Polres
Mag``), or the body a regional office or branch belongs to (``Polri`` in a remark about the
police, beside ``Polres Magelang Kota`` whose head signs; a foreign country's government
beside its ministry). Either is the same party, once.

>>> polri = Org("polri", "Polri", "StateInstitution")
>>> polres = Org("polres-x", "Polres Kota X", "RegionalOffice", parent="polri")
>>> cut = Org("new:polres-ko", "Polres Ko", "RegionalOffice", parent="polri")
>>> [(a.ident, b.ident) for a, b in same_bodies([polri, polres, cut], signed={"polres-x"})]
[('new:polres-ko', 'polres-x'), ('polri', 'polres-x')]
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from govkg.extract.foreign import GOVERNMENT_OF
from govkg.extract.orgs import Org
from govkg.extract.text import token_key


def same_bodies(parties: Sequence[Org], signed: set[str]) -> Iterator[tuple[Org, Org]]:
    """Pairs (party, the party it is): cut-off names first, then bodies beside their one
    office or unit among the parties. A body someone signs for keeps its place, as does a
    regional government (its units are settled by the party's roles in the sentences)."""
    left = list(parties)
    for org in list(left):
        full = _spelled_in_full(org, [p for p in left if p.ident != org.ident])
        if full is not None and org.ident not in signed:
            left.remove(org)
            yield org, full
    for org in list(left):
        if org.ident in signed or org.is_local:
            continue
        units = [p for p in left if _parent(p) == org.ident or _ministry_of(p, org)]
        if len(units) == 1:
            left.remove(org)
            yield org, units[0]


def _spelled_in_full(org: Org, others: Sequence[Org]) -> Org | None:
    """The one other party whose name goes on where ``org``'s, a body the gazetteer lacks
    named in two words or more, stops (``PT Angkasa Pura`` → ``PT Angkasa Pura (Persero)
    Bandar Udara X``).

    >>> cut = Org("new:kejati-sumatera", "Kejaksaan Tinggi Sumatera", "RegionalOffice")
    >>> full = Org("kejati-x", "Kejati Sumbar", "RegionalOffice",
    ...            aliases=("Kejaksaan Tinggi Sumatera Barat",))
    >>> _spelled_in_full(cut, [full]).ident
    'kejati-x'
    >>> _spelled_in_full(Org("new:a", "Bank Jateng", "Organization"),
    ...                  [Org("new:b", "Bank Jatim", "Organization")]) is None
    True
    """
    if org.known or len(org.name.split()) < 2:
        return None
    short = _folded(org.name)
    found = [
        p
        for p in others
        if any(len(name) > len(short) and name.startswith(short) for name in _names(p))
    ]
    return found[0] if len(found) == 1 else None


def _names(org: Org) -> list[str]:
    names = [org.name, *org.aliases]
    if org.entry is not None:
        names += [org.entry.name, *org.entry.aliases]
    return [_folded(name) for name in names]


def _folded(name: str) -> str:
    words = name.replace("(", " ").replace(")", " ").split()
    return " ".join(key for key in (token_key(w) for w in words) if key)


def _parent(org: Org) -> str | None:
    return org.parent or (org.entry.parent if org.entry is not None else None)


def _ministry_of(org: Org, government: Org) -> bool:
    """``org`` is a ministry or agency of the foreign ``government`` (``Indonesia and Mexico,
    through … the Ministry of the Environment of Mexico``).

    >>> mexico = Org("new:g", "Government of Mexico", "ForeignGovernment", country="MX")
    >>> ministry = Org("new:m", "Ministry of Health of Mexico", "ForeignGovernment", country="MX")
    >>> _ministry_of(ministry, mexico), _ministry_of(mexico, ministry)
    (True, False)
    """
    return (
        government.country is not None
        and government.name.startswith(GOVERNMENT_OF)
        and org.country == government.country
        and org.ident != government.ident
        and not org.name.startswith(GOVERNMENT_OF)
    )
