"""Resolve names as written to gazetteer entries, through a folded-name index.

Exact forms resolve in O(1) (a dict lookup on :func:`~govkg.gazetteer.forms.name_key`); a
name that several entries share raises :class:`AmbiguousNameError`, an unknown one
:class:`UnknownNameError` with the closest candidates (difflib over labels, acronyms, aliases).

>>> index = NameIndex.build(Gazetteer.bundled().entries())
>>> index.lookup("Bupati Serang"), sorted(index.lookup("Serang"))
(['kabupaten-36-04'], ['kabupaten-36-04', 'kota-36-73'])
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from govkg.errors import GovkgError, RecordError, UnknownNameError
from govkg.gazetteer.forms import entry_forms, fuzzy_queries, labels, name_key
from govkg.gazetteer.load import load_dir
from govkg.gazetteer.merge import merge_declarations
from govkg.gazetteer.model import (
    KEY_PATTERN,
    Change,
    Entry,
    area_key,
    check_kind,
    display,
    handle,
)
from govkg.records.model import OrganizationDecl
from govkg.records.schema import REGION_CODE
from govkg.resources import gazetteer_dir
from govkg.text_hygiene import clean_text


class AmbiguousNameError(UnknownNameError):
    """A name that fits several entries (``"Serang"``: the regency and the city)."""

    def __init__(
        self,
        name: str,
        candidates: list[str],
        *,
        what: str = "organization",
        names: Sequence[str] = (),
    ) -> None:
        self.name, self.candidates, self.what = name, candidates, what
        choices = " or ".join(repr(n) for n in names) if names else "the full name"
        GovkgError.__init__(
            self,
            f"ambiguous {what} {name!r}: it matches {len(candidates)} entries: "
            + "; ".join(candidates),
            fix=f"write {choices} (or the key) instead",
        )


class NameIndex:
    """Folded form → keys of the entries it names, in two tiers (strong, then weak)."""

    def __init__(self, strong: dict[str, list[str]], weak: dict[str, list[str]]) -> None:
        self.strong, self.weak = strong, weak
        self._pool: dict[str, list[str]] | None = None
        self._labels: dict[str, list[str]] = {}

    @classmethod
    def build(cls, entries: Iterable[Entry]) -> NameIndex:
        """Index every form of every entry (cheap: about 50,000 dict insertions for 650 entries)."""
        index = cls({}, {})
        index.add(entries)
        return index

    def add(self, entries: Iterable[Entry]) -> None:
        """Add entries' forms (a form already present becomes ambiguous)."""
        for entry in entries:
            strong, weak = entry_forms(entry)
            for form in strong:
                self.strong.setdefault(form, []).append(entry.key)
            for form in weak:
                self.weak.setdefault(form, []).append(entry.key)
            self._labels[entry.key] = labels(entry)
        self._pool = None

    def copy(self) -> NameIndex:
        """An independent copy, so that adding to it leaves this index unchanged."""
        other = NameIndex(
            {form: list(keys) for form, keys in self.strong.items()},
            {form: list(keys) for form, keys in self.weak.items()},
        )
        other._labels = dict(self._labels)
        return other

    def lookup(self, name: str) -> list[str]:
        """Keys the name matches exactly (strong forms first); empty when it matches none."""
        folded = name_key(name)
        for form in (folded, folded.removeprefix("the ")):
            keys = self.strong.get(form) or self.weak.get(form)
            if keys:
                return list(keys)
        return []

    def similar(self, name: str, limit: int = 5) -> list[str]:
        """Keys of the entries whose names are closest to ``name`` (difflib ratio >= 0.6)."""
        pool = self._candidate_pool()
        scores: dict[str, float] = {}
        for query in fuzzy_queries(name_key(name)):
            for form in difflib.get_close_matches(query, pool, n=limit * 4, cutoff=0.6):
                ratio = difflib.SequenceMatcher(None, query, form).ratio()
                for key in pool[form]:
                    scores[key] = max(scores.get(key, 0.0), ratio)
        return sorted(scores, key=lambda key: (-scores[key], key))[:limit]

    def _candidate_pool(self) -> dict[str, list[str]]:
        if self._pool is None:
            pool: dict[str, list[str]] = {}
            for key, names in self._labels.items():
                for name in names:
                    pool.setdefault(name, []).append(key)
            self._pool = pool
        return self._pool


class Gazetteer:
    """Known organizations and change events, with name resolution.

    >>> gaz = Gazetteer.bundled()
    >>> gaz.resolve("Pemkab Serang").key, gaz.resolve("LAN RI").name_en
    ('kabupaten-36-04', 'National Institute of Public Administration')
    """

    def __init__(
        self,
        entries: Iterable[Entry],
        changes: Iterable[Change] = (),
        index: NameIndex | None = None,
    ) -> None:
        self._entries = {entry.key: entry for entry in entries}
        self.changes: tuple[Change, ...] = tuple(changes)
        self._index = index if index is not None else NameIndex.build(self._entries.values())
        self._sorted = sorted(self._entries)

    @classmethod
    def bundled(cls) -> Gazetteer:
        """The gazetteer shipped with govkg (loaded once, then cached).

        >>> Gazetteer.bundled() is Gazetteer.bundled()
        True

        :raises RecordError: the bundled data files are malformed.
        """
        return _bundled()

    @classmethod
    def load(cls, folder: Path) -> Gazetteer:
        """A gazetteer read from a folder holding the data files (``bodies.yaml`` optional).

        >>> from govkg.resources import gazetteer_dir
        >>> len(Gazetteer.load(gazetteer_dir())) == len(Gazetteer.bundled())
        True

        :raises RecordError: a data file is malformed.
        """
        entries, changes = load_dir(folder)
        return cls(entries.values(), changes)

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, key: object) -> bool:
        return key in self._entries

    def entry(self, key: str) -> Entry:
        """The entry with this key.

        >>> Gazetteer.bundled().entry("kota-36-73").region_code
        '36.73'

        :raises KeyError: no entry has this key.
        """
        try:
            return self._entries[key]
        except KeyError:
            raise KeyError(f"no gazetteer entry with key {key!r}") from None

    def entries(self) -> Iterator[Entry]:
        """All entries, sorted by key.

        >>> [e.key for e in Gazetteer.bundled().entries()][:2]
        ['aipi', 'anri']
        """
        return (self._entries[key] for key in self._sorted)

    def matches(self, name: str) -> list[Entry]:
        """Every entry ``name`` names exactly (one, several when ambiguous, or none).

        >>> [e.region_code for e in Gazetteer.bundled().matches("Serang")]
        ['36.04', '36.73']
        """
        return [self._entries[key] for key in self._index.lookup(name)]

    def resolve(self, name: str) -> Entry:
        """The one entry that ``name`` names.

        >>> Gazetteer.bundled().resolve("Bupati Serang").region_code
        '36.04'

        :raises AmbiguousNameError: several entries answer to ``name`` (an ``UnknownNameError``).
        :raises UnknownNameError: none does; the error lists up to five close candidates.
        """
        found = self.matches(name)
        if len(found) == 1:
            return found[0]
        if found:
            raise AmbiguousNameError(
                name, [display(entry) for entry in found], names=[handle(e) for e in found]
            )
        raise UnknownNameError(name, self.candidates(name))

    def candidates(self, name: str, limit: int = 5) -> list[str]:
        """Display strings of the entries closest to ``name``, best first.

        >>> Gazetteer.bundled().candidates("Lembaga Ilmu Pengetahuan Indonesai", 1)
        ['LIPI — Lembaga Ilmu Pengetahuan Indonesia']
        """
        exact = self.matches(name)
        keys = [entry.key for entry in exact] or self._index.similar(name, limit)
        return [display(self._entries[key]) for key in keys[:limit]]

    def _same_reference(self, field: str, a: str, b: str) -> bool:
        """Whether two declared values agree: provinces and parents compared as resolved."""
        if a == b or field not in ("province", "parent"):
            return a == b
        keys = [self._key(field, value) for value in (a, b)]
        return keys[0] is not None and keys[0] == keys[1]

    def _key(self, field: str, value: str) -> str | None:
        if value in self:
            return value
        found = self.matches(value)
        if field == "province":
            found = [e for e in found if e.kind == "ProvincialGovernment"]
        return found[0].key if len(found) == 1 else None

    def _redundant(self, decl: OrganizationDecl) -> bool:
        """A declaration of a body this gazetteer already has under the same key and name."""
        return decl.id in self and any(e.key == decl.id for e in self.matches(decl.name))

    def with_declarations(self, decls: Iterable[OrganizationDecl]) -> Gazetteer:
        """A new gazetteer that also knows the organizations a record declares.

        ``province`` and ``parent`` may be keys or names, of bundled or declared organizations.
        One id declared in several files is one body (:mod:`govkg.gazetteer.merge`); a
        declaration of a body the gazetteer already has, under its key and name, is dropped
        (the gazetteer grew since the record was written).

        >>> from govkg.records.model import OrganizationDecl, Where
        >>> unit = OrganizationDecl("pusdiklat-lan", "Pusdiklat LAN", "GovernmentUnit",
        ...                         parent="LAN", where=Where("a.yaml", 9))
        >>> Gazetteer.bundled().with_declarations([unit]).resolve("pusdiklat lan").parent
        'lan'

        :raises RecordError: a declared id is already a key, or a declared name, acronym or
            alias already names another entry (the error cites the declaration's file and line);
            a bad id, kind or region code; a province or parent that does not resolve.
        """
        merged = merge_declarations(decls, self._same_reference)
        decls = [d for d in merged if not self._redundant(d)]
        if not decls:
            return self
        index = self._index.copy()
        entries = dict(self._entries)
        drafts = []
        for decl in decls:
            entry = declared_entry(decl)
            _check_declaration(decl, entry, entries, index)
            entries[entry.key] = entry
            index.add([entry])
            drafts.append((decl, entry))
        result = Gazetteer(entries.values(), self.changes, index)
        for decl, entry in drafts:
            province = _province(decl, result)
            if province and result.entry(province).kind != "ProvincialGovernment":
                raise _decl_error(decl, "province", f"{province!r} is not a province", "name one")
            parent = _reference(decl, "parent", result)
            located = _located_in(entry, result)
            if located and not province:
                province = _known(area_key(entry.region_code[:2]), result)
            result._entries[entry.key] = replace(
                entry, province=province, parent=parent, located_in=located
            )
        return result


@functools.cache
def _bundled() -> Gazetteer:
    return Gazetteer.load(gazetteer_dir())


def declared_entry(decl: OrganizationDecl) -> Entry:
    """The entry for an organization a record declares (``province``/``parent`` as written).

    >>> from govkg.records.model import OrganizationDecl, Where
    >>> declared_entry(OrganizationDecl("unit-x", "Unit X", "GovernmentUnit",
    ...                                 where=Where("a.yaml", 4))).source
    'declared in a.yaml:4'

    :raises RecordError: a bad id, kind or region code.
    """
    if not KEY_PATTERN.match(decl.id):
        raise _decl_error(
            decl, "id", f"not a slug: {decl.id!r}", "use lowercase letters, digits, '-'"
        )
    if not check_kind(decl.kind):
        raise _decl_error(decl, "kind", f"unknown kind {decl.kind!r}", "see ORGANIZATION_KINDS")
    if decl.region_code is not None and not REGION_CODE.match(decl.region_code):
        raise _decl_error(decl, "region_code", f"bad code {decl.region_code!r}", "write PP.KK")
    where = decl.where
    return Entry(
        key=decl.id,
        kind=decl.kind,
        name=clean_text(decl.name),
        name_en=clean_text(decl.name_en) if decl.name_en else None,
        acronyms=tuple(clean_text(a) for a in decl.acronyms),
        aliases=tuple(clean_text(a) for a in decl.aliases),
        region_code=decl.region_code,
        province=decl.province,
        parent=decl.parent,
        country=decl.country,
        source=f"declared in {where.file}:{where.line}"
        if where.line
        else f"declared in {where.file}",
    )


def _province(decl: OrganizationDecl, gazetteer: Gazetteer) -> str | None:
    """The declared ``province``: a name that also names a city (Jambi, Bengkulu) is the province.

    >>> from govkg.records.model import OrganizationDecl, Where
    >>> unit = OrganizationDecl("unja", "Universitas Jambi", "StateUniversity", province="Jambi",
    ...                         where=Where("a.yaml", 9))
    >>> _province(unit, Gazetteer.bundled())
    'provinsi-15'
    """
    if decl.province is not None:
        key = gazetteer._key("province", decl.province)
        if key is not None:
            return key
    return _reference(decl, "province", gazetteer)


def _located_in(entry: Entry, gazetteer: Gazetteer) -> str | None:
    """The local government in whose area a body that is not one sits, from its region code."""
    if entry.is_local or not entry.region_code:
        return None
    return _known(area_key(entry.region_code), gazetteer)


def _known(key: str, gazetteer: Gazetteer) -> str | None:
    return key if key in gazetteer else None


def _reference(decl: OrganizationDecl, field: str, gazetteer: Gazetteer) -> str | None:
    value = getattr(decl, field)
    if value is None or value in gazetteer:
        return value
    try:
        return gazetteer.resolve(value).key
    except UnknownNameError as err:
        raise _decl_error(decl, field, str(err.message), "use a gazetteer key or name") from None


def _check_declaration(
    decl: OrganizationDecl, entry: Entry, entries: dict[str, Entry], index: NameIndex
) -> None:
    if entry.key in entries:
        other = display(entries[entry.key])
        raise _decl_error(
            decl,
            "id",
            f"{entry.key!r} is already the key of {other}",
            "drop the declaration and use the key, or choose another id",
        )
    strong, weak = entry_forms(entry)
    for form in sorted(strong | weak):
        keys = index.strong.get(form) or index.weak.get(form)
        if keys:
            others = ", ".join(display(entries[key]) for key in keys)
            raise _decl_error(
                decl,
                "name",
                f"{form!r} already names {others}",
                "use that entry's key instead of declaring it, or rename",
            )


def _decl_error(decl: OrganizationDecl, field: str, message: str, fix: str) -> RecordError:
    where = decl.where
    return RecordError(where.file, where.at(field).field, message, fix=fix, line=where.line)
