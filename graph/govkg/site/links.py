"""Where an entity's page lives, and how a value is shown: a link with its label, or text.

Our IRIs (``https://w3id.org/govkg/id/<kind>/<slug>…``) map to a page path
``id/<kind>/<slug>…``; a segment that is not a plain slug gets no page (and no file), so
no IRI can name a path outside the site.

>>> entity_path("https://w3id.org/govkg/id/org/lan")
'id/org/lan'
>>> entity_path("https://w3id.org/govkg/id/org/../../etc") is None
True
>>> Links("/").href("https://w3id.org/govkg/id/org/lan", page=2)
'/id/org/lan.2.html'
>>> Links("../../").href("https://w3id.org/govkg/id/org/lan", ext="ttl")
'../../id/org/lan.ttl'
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache
from typing import NamedTuple

from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from govkg.namespaces import ID_BASE

_SEGMENT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_~-]{0,199}$")
PRECISION = {XSD.date: "day", XSD.gYearMonth: "month", XSD.gYear: "year"}
"""How precise a date is, by its datatype."""
_PLAIN = (None, XSD.string)  # read once: rdflib's namespaces answer attributes in Python


@lru_cache(maxsize=1 << 16)
def entity_path(iri: str) -> str | None:
    """The page path of one of our IRIs (``id/…``, no suffix), or None (remembered: a site
    asks for the same IRIs' paths on many pages)."""
    if not iri.startswith(ID_BASE):
        return None
    parts = iri[len(ID_BASE) :].split("/")
    if len(parts) < 2 or not all(_SEGMENT.match(p) for p in parts):
        return None
    return "id/" + "/".join(parts)


class Cell(NamedTuple):
    """One value as shown: its text, where it links (None: plain text), its language tag and a
    note (a date's precision, a literal's datatype). A named tuple: a site makes millions."""

    text: str
    href: str | None = None
    lang: str | None = None
    note: str | None = None


class Links:
    """Page addresses from one page: ``root`` leads to the site root (``/`` when served, a
    relative ``../`` chain in the static site). With ``known``, only those IRIs get a link
    (the static site's pages). Page ``n > 1`` of a long page is ``<path>.<n>.html``."""

    def __init__(self, root: str, known: Collection[str] | None = None) -> None:
        self.root, self.known = root, known
        self._cells: dict[tuple[str, str | None], Cell] = {}  # an IRI's, by its text and label

    def href(self, iri: str, page: int = 1, ext: str = "html") -> str | None:
        """The address of ``iri``'s page (its ``page``-th part) or data file (``ext``), or
        None when it has none."""
        path = entity_path(iri)
        if path is None or (self.known is not None and iri not in self.known):
            return None
        return f"{self.root}{path}{f'.{page}' if page > 1 else ''}.{ext}"

    def asset(self, name: str) -> str:
        """The address of a static file (style sheet, script)."""
        return f"{self.root}static/{name}"

    def cell(self, node: Node | None, label: str | None = None) -> Cell:
        """``node`` as a cell: an IRI links to its page (ours) or to itself (others)."""
        if node is None:
            return Cell("")
        kind = type(node)  # the exact types first: isinstance of an rdflib term goes through
        # its ABC (0.5 µs; a site makes millions of cells)
        if kind is URIRef or (kind is not Literal and isinstance(node, URIRef)):
            iri = str(node)
            found = self._cells.get((iri, label))  # made once: the same properties, classes,
            if found is None:  # sources and places are on page after page from one root
                text = label or short(iri)
                found = self._cells[iri, label] = Cell(text, self.href(iri) or outside(iri))
            return found
        if kind is Literal or isinstance(node, Literal):
            return literal_cell(node)
        return Cell(str(node))


def outside(iri: str) -> str | None:
    """An IRI that is not ours links to itself when it is a web address (never
    ``javascript:`` or other schemes); ours without a page do not link.

    >>> outside("javascript:alert(1)") is None, outside("https://schema.org/Place")
    (True, 'https://schema.org/Place')
    """
    if iri.startswith(ID_BASE) or not iri.startswith(("http://", "https://")):
        return None
    return iri


def literal_cell(literal: Literal) -> Cell:
    """A literal as text, with its language or its datatype (a date: its precision).

    >>> literal_cell(Literal("2019-02", datatype=XSD.gYearMonth)).note
    'month'
    """
    if literal.language:
        return Cell(str(literal), lang=literal.language)
    datatype = literal.datatype
    if datatype in PRECISION:
        return Cell(str(literal), note=PRECISION[datatype])
    note = None if datatype in _PLAIN else short(str(datatype))
    return Cell(str(literal), note=note)


def short(iri: str) -> str:
    """The last part of an IRI, for a value that has no label.

    >>> short("https://w3id.org/govkg/ontology#party")
    'party'
    """
    trimmed = iri.rstrip("/#")  # after its last '/' or '#' (a regex split: 7 µs a cell)
    tail = trimmed[max(trimmed.rfind("/"), trimmed.rfind("#")) + 1 :]
    return tail or iri
