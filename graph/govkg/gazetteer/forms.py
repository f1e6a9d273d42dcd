"""The names an entry answers to, as folded forms: acronyms, labels, and local-government forms.

Every form is compared through :func:`name_key`: :func:`govkg.text_hygiene.fold` (case, punctuation
and extra spaces ignored) with accents removed as well. *Strong* forms name one body on their
own (``"LAN"``, ``"Pemkab Serang"``, ``"Bupati Serang"``); *weak* forms are a local
government's bare area name (``"Serang"``) and the ``Pemda`` forms built on it, consulted only
when no strong form matches. A form shared by several entries is ambiguous and never resolves.

>>> forms = sorted(region_forms("Serang", "RegencyGovernment")[0])
>>> "pemkab serang" in forms and "bupati serang" in forms and "kab serang" in forms
True
"""

from __future__ import annotations

import unicodedata

from govkg.gazetteer.model import Entry, short_names
from govkg.text_hygiene import fold

REGION_PREFIXES = {
    "ProvincialGovernment": (
        "provinsi",
        "prov",
        "pemerintah provinsi",
        "pemerintah prov",
        "pemprov",
        "gubernur",
        "wakil gubernur",
    ),
    "RegencyGovernment": (
        "kabupaten",
        "kab",
        "kabupaten administrasi",
        "pemerintah kabupaten",
        "pemerintah kab",
        "pemkab",
        "bupati",
        "wakil bupati",
    ),
    "CityGovernment": (
        "kota",
        "kota administrasi",
        "pemerintah kota",
        "pemkot",
        "pemko",
        "wali kota",
        "walikota",
        "wakil wali kota",
        "wakil walikota",
    ),
}
"""Folded words written before a local government's bare name; each names that kind only."""

AREA_PREFIXES = {"provinsi", "prov", "kabupaten", "kab", "kabupaten administrasi", "kota"}
"""The prefixes that name the area itself; ``Pemda``/``Pemerintah Daerah`` may precede them."""

LOCAL_GOVERNMENT_PREFIXES = ("pemerintah daerah", "pemda", "pemerintah")
"""Folded words for "the local government of" whichever kind: ``Pemda Serang`` stays ambiguous."""

EN_FORMS = {
    "ProvincialGovernment": ("{} province", "{} provincial government", "province of {}"),
    "RegencyGovernment": ("{} regency", "{} regency government", "regency of {}"),
    "CityGovernment": ("{} city", "{} city government", "city of {}"),
}
LOCAL_EN_FORMS = ("{} regional government", "{} local government", "regional government of {}")
"""English forms for "the local government of" whichever kind: weak, like ``Pemda``."""

EN_DIRECTIONS = {
    "barat daya": "southwest",
    "barat laut": "northwest",
    "tenggara": "southeast",
    "utara": "north",
    "selatan": "south",
    "timur": "east",
    "barat": "west",
    "tengah": "central",
}
"""A trailing compass word of an area name and its English, written first (Buton Selatan →
South Buton). Longest first, so that ``barat daya`` is not read as ``barat``."""

TOPONYM_HEADS = (
    "batang", "tanjung", "bukit", "gunung", "sungai", "muara", "teluk", "pulau", "kuala",
    "lubuk", "padang", "pangkal", "labuhan", "pematang", "tanah", "batu", "karang", "kota",
    "banjar", "sawah", "pagar", "tulang", "air", "bandar",
)  # fmt: skip
"""Words that begin place names and are written joined or apart (Batanghari, Batang Hari)."""

_EN_SUFFIX = (" provincial government", " regency government", " city government")
_RI = ("ri", "republik indonesia")


def name_key(name: str) -> str:
    """The comparison key of a name: folded, and without accents.

    >>> name_key("  Kementerian  Luar Negéri ")
    'kementerian luar negeri'
    """
    folded = fold(name)
    if folded.isascii():
        return folded
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def region_forms(short: str, kind: str) -> tuple[set[str], set[str]]:
    """The (strong, weak) folded forms of a local government whose bare area name is ``short``,
    in each of its spellings (:func:`spellings`); a post may precede the area word too
    (``Gubernur Provinsi Riau``).

    >>> "gubernur provinsi riau" in region_forms("Riau", "ProvincialGovernment")[0]
    True
    """
    strong: set[str] = set()
    weak: set[str] = set()
    prefixes = REGION_PREFIXES[kind]
    areas = [prefix for prefix in prefixes if prefix in AREA_PREFIXES]
    posts = [p for p in prefixes if p not in AREA_PREFIXES and not p.startswith("pem")]
    for base in spellings(name_key(short)):
        for prefix in prefixes:
            strong.add(f"{prefix} {base}")
            if prefix in AREA_PREFIXES:
                strong.update(f"{lg} {prefix} {base}" for lg in LOCAL_GOVERNMENT_PREFIXES[:2])
        strong.update(f"{post} {area} {base}" for post in posts for area in areas)
        weak.update((base, *(f"{lg} {base}" for lg in LOCAL_GOVERNMENT_PREFIXES)))
    return strong, weak


def spellings(base: str) -> list[str]:
    """A folded area name as written joined or apart.

    Two neighbouring words joined (``tulangbawang barat``) unless one is in ``_UNJOINED`` (a
    compass word, ``kepulauan`` …); a word that begins with a place-name head split after it
    (``batang hari``). The first spelling is ``base`` itself.

    >>> spellings("tulang bawang barat")
    ['tulang bawang barat', 'tulangbawang barat']
    >>> spellings("batanghari"), spellings("batang")
    (['batanghari', 'batang hari'], ['batang'])
    """
    words = base.split()
    found = [base]
    for i in range(len(words) - 1):
        if not {words[i], words[i + 1]} & _UNJOINED:
            found.append(" ".join([*words[:i], words[i] + words[i + 1], *words[i + 2 :]]))
    for i, word in enumerate(words):
        for head in TOPONYM_HEADS:
            if word.startswith(head) and len(word) - len(head) >= 3:
                found.append(" ".join([*words[:i], head, word[len(head) :], *words[i + 1 :]]))
    return list(dict.fromkeys(found))


_COMPASS = frozenset(word for name in EN_DIRECTIONS for word in name.split())
_UNJOINED = _COMPASS | {"kepulauan", "dan", "bagian", "kota", "daerah", "khusus", "istimewa", "dki"}
"""Words never written joined to their neighbour (``Kepulauan Riau``, ``Seram Bagian Barat``)."""


def english_names(short: str) -> list[str]:
    """The English bare names of an area: as written, and with a trailing compass word put
    first in English.

    >>> english_names("buton selatan"), english_names("papua barat daya")
    (['buton selatan', 'south buton'], ['papua barat daya', 'southwest papua'])
    """
    names = [short]
    for word, english in EN_DIRECTIONS.items():
        if short.endswith(" " + word):
            names.append(f"{english} {short[: -len(word) - 1]}")
            break
    return names


def entry_forms(entry: Entry) -> tuple[set[str], set[str]]:
    """Every (strong, weak) folded form that names ``entry``.

    >>> from govkg.gazetteer.model import Entry
    >>> strong, weak = entry_forms(Entry("lan", "NonMinisterialAgency",
    ...     "Lembaga Administrasi Negara", None, acronyms=("LAN",)))
    >>> sorted(f for f in strong if f.startswith("lan"))
    ['lan', 'lan republik indonesia', 'lan ri']
    """
    if entry.is_local:
        return _local_forms(entry)
    strong: set[str] = set()
    for name in (entry.key, entry.name, entry.name_en, *entry.acronyms, *entry.aliases):
        folded = name_key(name or "")
        if not folded:
            continue
        base = folded
        for suffix in _RI:
            base = base.removesuffix(" " + suffix)
        strong.update((folded, base, *(f"{base} {suffix}" for suffix in _RI)))
    return strong, set()


def _local_forms(entry: Entry) -> tuple[set[str], set[str]]:
    names = (entry.key, entry.name, entry.name_en, entry.region_code, *entry.acronyms)
    strong = {name_key(name) for name in names if name}
    weak: set[str] = set()
    for short in short_names(entry):
        more_strong, more_weak = region_forms(short, entry.kind)
        strong |= more_strong
        weak |= more_weak
    for short in _english_short(entry):
        for name in (spelled for en in english_names(short) for spelled in spellings(en)):
            strong.update(form.format(name) for form in EN_FORMS[entry.kind])
            weak.update((name, *(form.format(name) for form in LOCAL_EN_FORMS)))
    return strong, weak - strong


def _english_short(entry: Entry) -> list[str]:
    name = name_key(entry.name_en or "")
    for suffix in _EN_SUFFIX:
        if name.endswith(suffix):
            return [name[: -len(suffix)]]
    return []


def labels(entry: Entry) -> list[str]:
    """The folded names shown as candidates for a misspelt name: labels, acronyms, aliases."""
    names = [entry.name, entry.name_en or "", *entry.acronyms, *entry.aliases, *short_names(entry)]
    return sorted({name_key(name) for name in names if name})


def fuzzy_queries(folded: str) -> list[str]:
    """The query, plus the query with a region prefix removed (``pemkab serrang`` → ``serrang``)."""
    queries = [folded]
    prefixes = [p for ps in REGION_PREFIXES.values() for p in ps] + list(LOCAL_GOVERNMENT_PREFIXES)
    for prefix in sorted(prefixes, key=len, reverse=True):
        if folded.startswith(prefix + " "):
            queries.append(folded[len(prefix) + 1 :])
            break
    return queries
