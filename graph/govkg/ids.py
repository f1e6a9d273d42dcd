"""Stable IRIs for our resources, minted from declared keys only (never random, never blank nodes).

They are Oxigraph terms, the build's term model (``docs/decisions/0005-one-way.md``).

>>> org("kabupaten-36-04").value
'https://w3id.org/govkg/id/org/kabupaten-36-04'
>>> post("lan", "kepala")
<NamedNode value=https://w3id.org/govkg/id/post/lan/kepala>
>>> agreement_slug(None, "2019-02-01", "mou", ["lipi", "lan"])
'2019-02-01-mou-lan-lipi'
"""

from __future__ import annotations

from datetime import date as Date
from functools import lru_cache

import pyoxigraph as ox

from govkg.iris import ID_BASE
from govkg.records.dates import PartialDate
from govkg.text_hygiene import slugify

_MEMO_SIZE = 1 << 16
"""IRIs remembered per kind: a body, person, post or day recurs across many agreements."""


def _iri(*parts: str) -> ox.NamedNode:
    return ox.NamedNode(ID_BASE + "/".join(parts))


@lru_cache(maxsize=_MEMO_SIZE)
def org(key: str) -> ox.NamedNode:
    """An organization, by gazetteer key or declared id."""
    return _iri("org", key)


@lru_cache(maxsize=_MEMO_SIZE)
def person(key: str) -> ox.NamedNode:
    """A person, by declared id or the slug of their name."""
    return _iri("person", key)


def source(key: str) -> ox.NamedNode:
    """A source document, by the record's ``source.id``."""
    return _iri("source", key)


def publisher(name: str) -> ox.NamedNode:
    """The publisher of a source, by the slug of its name."""
    return _iri("publisher", slugify(name))


@lru_cache(maxsize=_MEMO_SIZE)
def agreement(slug: str) -> ox.NamedNode:
    """An agreement, by its slug (see :func:`agreement_slug`)."""
    return _iri("agreement", slug)


def signature(agreement_key: str, person_key: str) -> ox.NamedNode:
    """One person's signature on one agreement."""
    return _iri("agreement", agreement_key, "signature", person_key)


def witnessing(agreement_key: str, person_key: str) -> ox.NamedNode:
    """One person's witnessing of one agreement's signing."""
    return _iri("agreement", agreement_key, "witness", person_key)


@lru_cache(maxsize=_MEMO_SIZE)
def post(org_key: str, role_key: str) -> ox.NamedNode:
    """An office (``org:Post``): a role in an organization."""
    return _iri("post", org_key, role_key)


def membership(person_key: str, org_key: str, role_key: str) -> ox.NamedNode:
    """A tenure: a person holding a role in an organization."""
    return _iri("membership", person_key, org_key, role_key)


@lru_cache(maxsize=_MEMO_SIZE)
def place(name: str) -> ox.NamedNode:
    """A place of signing, by the slug of its name."""
    return _iri("place", slugify(name))


@lru_cache(maxsize=_MEMO_SIZE)
def instant(day: Date | PartialDate) -> ox.NamedNode:
    """A calendar day, month or year as an OWL-Time instant (``…/date/2019-02``)."""
    return _iri("date", day.isoformat())


def change(key: str) -> ox.NamedNode:
    """An ``org:ChangeEvent`` (merger, renaming) from the gazetteer."""
    return _iri("change", key)


def agreement_slug(given: str | None, day: str, kind: str, party_keys: list[str]) -> str:
    """The record's own id, else ``<date>-<kind>-<sorted party keys>``."""
    if given:
        return given
    return "-".join([day, kind, *sorted(party_keys)])


def key_of(iri) -> str:
    """The last path segment of an IRI, as text or a term (``.../role/kepala`` → ``kepala``).

    >>> key_of(org("lan")), key_of("https://w3id.org/govkg/id/role/kepala/")
    ('lan', 'kepala')
    """
    text = iri.value if isinstance(iri, ox.NamedNode) else str(iri)
    return text.rstrip("/").rsplit("/", 1)[-1]
