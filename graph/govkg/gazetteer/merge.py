"""One body declared by several record files is one declaration.

A corpus has one record file per report, and a body outside the gazetteer (a regional bank,
a state university) is declared in every file that names it. Declarations with the same
``id`` are merged when they agree on ``name`` (compared folded) and ``kind``: their acronyms
and aliases are pooled, and each other field keeps the one value given. Two different values
of one field are an error naming both files.

>>> from govkg.records.model import OrganizationDecl, Where
>>> a = OrganizationDecl("bank-x", "Bank X", "RegionalOwnedEnterprise", acronyms=("BX",),
...                      where=Where("a.yaml", 20, "organizations[0]"))
>>> b = OrganizationDecl("bank-x", "BANK X", "RegionalOwnedEnterprise", region_code="36",
...                      acronyms=("BX", "Bank-X"), where=Where("b.yaml", 31, "organizations[1]"))
>>> [(d.name, d.acronyms, d.region_code) for d in merge_declarations([a, b])]
[('Bank X', ('BX', 'Bank-X'), '36')]
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable

from govkg.errors import RecordError
from govkg.records.model import OrganizationDecl
from govkg.text_hygiene import fold

SINGLE = ("name_en", "region_code", "province", "parent", "country")
"""Fields that take one value: the first given is kept; a different one is an error."""
POOLED = ("acronyms", "aliases")


Same = Callable[[str, str, str], bool]
"""``same(field, a, b)``: whether two values of ``field`` name the same thing."""


def merge_declarations(
    decls: Iterable[OrganizationDecl], same: Same | None = None
) -> list[OrganizationDecl]:
    """The declarations with each ``id`` once, in order of first appearance.

    ``same`` compares two values of one field (default: equal as written); the gazetteer
    passes one that resolves provinces and parents, so ``DI Yogyakarta`` and ``Daerah
    Istimewa Yogyakarta`` agree.

    :raises RecordError: two declarations of one id disagree on name, kind or another field
        (the error points at the later one and names the earlier one's file and line).
    """
    merged: dict[str, OrganizationDecl] = {}
    for decl in decls:
        first = merged.get(decl.id)
        merged[decl.id] = decl if first is None else _merge(first, decl, same or _equal)
    return list(merged.values())


def _equal(field: str, a: str, b: str) -> bool:
    return a == b


def _merge(first: OrganizationDecl, later: OrganizationDecl, same: Same) -> OrganizationDecl:
    if fold(first.name) != fold(later.name) or first.kind != later.kind:
        field = "kind" if fold(first.name) == fold(later.name) else "name"
        raise _conflict(first, later, field)
    values = {}
    for field in SINGLE:
        mine, theirs = getattr(first, field), getattr(later, field)
        if mine is not None and theirs is not None and not same(field, mine, theirs):
            raise _conflict(first, later, field)
        values[field] = mine if mine is not None else theirs
    for field in POOLED:
        values[field] = tuple(dict.fromkeys((*getattr(first, field), *getattr(later, field))))
    return dataclasses.replace(first, **values)


def _conflict(first: OrganizationDecl, later: OrganizationDecl, field: str) -> RecordError:
    where, earlier = later.where, first.where
    return RecordError(
        where.file,
        where.at(field).field,
        f"organization {later.id!r} is declared with {field} {getattr(later, field)!r} here "
        f"and {getattr(first, field)!r} in {earlier.file}:{earlier.line}",
        fix="make the declarations of one id agree, or give one of them another id",
        line=where.line,
    )
