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

import functools
from dataclasses import dataclass

import yaml

from govkg.gazetteer.model import Entry, short_names
from govkg.resources import gazetteer_dir
from govkg.text_hygiene import name_key


@dataclass(frozen=True)
class FormWords:
    """The word lists of ``forms.yaml`` (see the comments there), read once."""

    region_prefixes: dict[str, tuple[str, ...]]
    area_prefixes: frozenset[str]
    local_government_prefixes: tuple[str, ...]
    en_forms: dict[str, tuple[str, ...]]
    local_en_forms: tuple[str, ...]
    en_label_suffixes: tuple[str, ...]
    en_directions: dict[str, str]
    en_leading: dict[str, str]
    toponym_heads: tuple[str, ...]
    unjoined: frozenset[str]
    republic_suffixes: tuple[str, ...]

    @classmethod
    def from_mapping(cls, data: dict) -> FormWords:
        """The lists of one parsed ``forms.yaml`` mapping.

        >>> FormWords.from_mapping(_data_file()).en_directions["barat daya"]
        'southwest'
        """
        directions = dict(data["en_directions"])
        compass = {word for name in directions for word in name.split()}
        return cls(
            region_prefixes={kind: tuple(p) for kind, p in data["region_prefixes"].items()},
            area_prefixes=frozenset(data["area_prefixes"]),
            local_government_prefixes=tuple(data["local_government_prefixes"]),
            en_forms={kind: tuple(f) for kind, f in data["en_forms"].items()},
            local_en_forms=tuple(data["local_en_forms"]),
            en_label_suffixes=tuple(data["en_label_suffixes"]),
            en_directions=directions,
            en_leading=dict(data["en_leading"]),
            toponym_heads=tuple(data["toponym_heads"]),
            unjoined=frozenset(data["unjoined"]) | compass,
            republic_suffixes=tuple(data["republic_suffixes"]),
        )


def _data_file() -> dict:
    return yaml.safe_load((gazetteer_dir() / "forms.yaml").read_text(encoding="utf-8"))


@functools.cache
def words() -> FormWords:
    """The bundled word lists (``gazetteer/data/forms.yaml``).

    >>> words().region_prefixes["CityGovernment"][:2]
    ('kota', 'kota administrasi')
    """
    return FormWords.from_mapping(_data_file())


def region_forms(short: str, kind: str) -> tuple[set[str], set[str]]:
    """The (strong, weak) folded forms of a local government whose bare area name is ``short``,
    in each of its spellings (:func:`spellings`); a post may precede the area word too
    (``Gubernur Provinsi Riau``).

    >>> "gubernur provinsi riau" in region_forms("Riau", "ProvincialGovernment")[0]
    True
    """
    strong: set[str] = set()
    weak: set[str] = set()
    w = words()
    prefixes = w.region_prefixes[kind]
    areas = [prefix for prefix in prefixes if prefix in w.area_prefixes]
    posts = [p for p in prefixes if p not in w.area_prefixes and not p.startswith("pem")]
    for base in spellings(name_key(short)):
        for prefix in prefixes:
            strong.add(f"{prefix} {base}")
            if prefix in w.area_prefixes:
                strong.update(f"{lg} {prefix} {base}" for lg in w.local_government_prefixes[:2])
        strong.update(f"{post} {area} {base}" for post in posts for area in areas)
        weak.update((base, *(f"{lg} {base}" for lg in w.local_government_prefixes)))
    return strong, weak


def spellings(base: str) -> list[str]:
    """A folded area name as written joined or apart.

    Two neighbouring words joined (``tulangbawang barat``) unless one is in ``unjoined`` of
    ``forms.yaml`` (a compass word, ``kepulauan`` …); a word that begins with a place-name head
    (``toponym_heads``) split after it (``batang hari``). The first spelling is ``base`` itself.

    >>> spellings("tulang bawang barat")
    ['tulang bawang barat', 'tulangbawang barat']
    >>> spellings("batanghari"), spellings("batang")
    (['batanghari', 'batang hari'], ['batang'])
    """
    parts = base.split()
    found = [base]
    unjoined, heads = words().unjoined, words().toponym_heads
    for i in range(len(parts) - 1):
        if not {parts[i], parts[i + 1]} & unjoined:
            found.append(" ".join([*parts[:i], parts[i] + parts[i + 1], *parts[i + 2 :]]))
    for i, part in enumerate(parts):
        for head in heads:
            if part.startswith(head) and len(part) - len(head) >= 3:
                found.append(" ".join([*parts[:i], head, part[len(head) :], *parts[i + 1 :]]))
    return list(dict.fromkeys(found))


def english_names(short: str) -> list[str]:
    """The English bare names of an area: as written, with a trailing compass word put
    first in English, and with a leading word such as ``kepulauan`` put last in English.

    >>> english_names("buton selatan"), english_names("papua barat daya")
    (['buton selatan', 'south buton'], ['papua barat daya', 'southwest papua'])
    >>> english_names("kepulauan aru")
    ['kepulauan aru', 'aru islands']
    """
    names = [short]
    for word, english in words().en_directions.items():
        if short.endswith(" " + word):
            names.append(f"{english} {short[: -len(word) - 1]}")
            break
    for word, english in words().en_leading.items():
        if short.startswith(word + " "):
            names.append(f"{short[len(word) + 1 :]} {english}")
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
        for suffix in words().republic_suffixes:
            base = base.removesuffix(" " + suffix)
        strong.update((folded, base, *(f"{base} {suffix}" for suffix in words().republic_suffixes)))
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
            strong.update(form.format(name) for form in words().en_forms[entry.kind])
            weak.update((name, *(form.format(name) for form in words().local_en_forms)))
    return strong, weak - strong


def _english_short(entry: Entry) -> list[str]:
    name = name_key(entry.name_en or "")
    for suffix in words().en_label_suffixes:
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
    w = words()
    prefixes = [p for ps in w.region_prefixes.values() for p in ps]
    prefixes += w.local_government_prefixes
    for prefix in sorted(prefixes, key=len, reverse=True):
        if folded.startswith(prefix + " "):
            queries.append(folded[len(prefix) + 1 :])
            break
    return queries
