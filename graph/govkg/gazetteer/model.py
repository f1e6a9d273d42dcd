"""Gazetteer records: one :class:`Entry` per known body, one :class:`Change` per merger or renaming.

An entry's ``key`` is the slug of its IRI (``id:org/<key>``); local governments are keyed by
their Kemendagri code (``kabupaten-36-04``). Regions are the *governments* of an area: the
Indonesian label is ``"Pemerintah Kabupaten Serang"`` and the area name ``"Kabupaten Serang"``
is kept among the aliases.

>>> e = Entry("kabupaten-36-04", "RegencyGovernment", "Pemerintah Kabupaten Serang",
...           "Serang Regency Government", aliases=("Kabupaten Serang",), region_code="36.04",
...           province="provinsi-36")
>>> e.is_local, area_name(e), e.region_code
(True, 'Kabupaten Serang', '36.04')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from govkg.records.model import ORGANIZATION_KINDS

LOCAL_KINDS = ("ProvincialGovernment", "RegencyGovernment", "CityGovernment")
"""Kinds of local government; they carry a ``region_code``."""

AREA_WORDS = {
    "ProvincialGovernment": "Provinsi",
    "RegencyGovernment": "Kabupaten",
    "CityGovernment": "Kota",
}
"""The word that starts an area's name, by kind (``Kabupaten Serang``)."""

OUTSIDE_KINDS = (
    "ForeignGovernment",
    "ForeignLocalGovernment",
    "InternationalOrganization",
    "Organization",
)
"""Kinds of bodies that are not Indonesian public bodies: records declare them, ``bodies.yaml``
does not list them."""

KEY_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
"""Keys are lowercase ASCII slugs: they become IRI path segments."""


@dataclass(frozen=True)
class Entry:
    """One organization the gazetteer knows: labels, names to match, where the facts come from."""

    key: str
    kind: str
    name: str
    name_en: str | None
    acronyms: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    region_code: str | None = None
    province: str | None = None
    parent: str | None = None
    until: date | None = None
    source: str = ""
    country: str | None = None
    located_in: str | None = None

    @property
    def is_local(self) -> bool:
        """True for provincial, regency and city governments."""
        return self.kind in LOCAL_KINDS


@dataclass(frozen=True)
class Change:
    """A merger, split or renaming (``org:ChangeEvent``) with the regulation that made it."""

    key: str
    date: date
    original: tuple[str, ...]
    resulting: tuple[str, ...]
    description: str
    source: str


def area_name(entry: Entry) -> str:
    """The area a local government governs (``"Kabupaten Serang"``); the label for other bodies.

    >>> area_name(Entry("x", "CityGovernment", "Pemerintah Kota Serang", None))
    'Kota Serang'
    """
    prefix = "Pemerintah "
    if entry.is_local and entry.name.startswith(prefix):
        return entry.name[len(prefix) :]
    return entry.name


def area_key(code: str) -> str:
    """The key of the local government of the area a Kemendagri code names.

    Regency codes are ``PP.01``–``PP.69``, city codes ``PP.71``–``PP.79``.

    >>> area_key("36"), area_key("36.04"), area_key("36.73")
    ('provinsi-36', 'kabupaten-36-04', 'kota-36-73')
    """
    province, _, local = code.partition(".")
    if not local:
        return f"provinsi-{province}"
    return f"{'kota' if int(local) >= 70 else 'kabupaten'}-{province}-{local}"


def short_names(entry: Entry) -> list[str]:
    """A local government's bare area names (``"Serang"``), from its name and aliases.

    >>> short_names(Entry("x", "ProvincialGovernment", "Pemerintah Provinsi Jawa Barat", None,
    ...                   aliases=("Provinsi Jawa Barat", "Jabar")))
    ['Jawa Barat', 'Jabar']
    """
    if not entry.is_local:
        return []
    word = AREA_WORDS[entry.kind] + " "
    names = []
    for name in (area_name(entry), *entry.aliases):
        name = name[len(word) :] if name.startswith(word) else name
        if name and name not in names:
            names.append(name)
    return names


def display(entry: Entry) -> str:
    """How an entry is named in messages: ``"LIPI — Lembaga Ilmu Pengetahuan Indonesia"``.

    >>> display(Entry("kota-36-73", "CityGovernment", "Pemerintah Kota Serang", None,
    ...               region_code="36.73"))
    'Kota Serang — Pemerintah Kota Serang (36.73)'
    """
    code = f" ({entry.region_code})" if entry.is_local and entry.region_code else ""
    return f"{handle(entry)} — {entry.name}{code}"


def handle(entry: Entry) -> str:
    """The shortest name that picks out an entry: its area name, first acronym, or key.

    >>> handle(Entry("lipi", "NonMinisterialAgency", "Lembaga Ilmu Pengetahuan Indonesia",
    ...              None, acronyms=("LIPI",)))
    'LIPI'
    """
    if entry.is_local:
        return area_name(entry)
    return entry.acronyms[0] if entry.acronyms else entry.key


def check_kind(kind: str) -> bool:
    """Whether ``kind`` is one of the organization kinds a record may use."""
    return kind in ORGANIZATION_KINDS
