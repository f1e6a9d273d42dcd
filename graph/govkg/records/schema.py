"""The accepted fields of each object in a record file, declared once.

The parser enforces these lists (unknown fields are refused, required ones must
be present) and ``docs/record-schema.json`` is tested against them.

>>> SHAPES["signatory"].required
('name', 'post', 'party')
>>> "honorifics" in SHAPES["signatory"].fields
True
>>> SHAPES["evidence"].fields
('quote', 'start', 'end', 'confidence')
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from govkg.records.dates import PartialDate

FORMAT_VERSION = 1
"""The only ``govkg:`` format version this loader reads."""

CONTRIBUTOR_ROLES = ("author", "reporter", "editor", "photographer", "translator")
"""Roles a source contributor may have; ``author`` when none is given."""

INDEPENDENCE = PartialDate(1945, 8, 17)
"""No signing recorded here can predate the Proclamation of Independence."""

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
REGION_CODE = re.compile(r"^\d{2}(\.\d{2})?$")
"""A province (``"36"``) or regency/city (``"36.04"``) Kemendagri code (records and gazetteer)."""
LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
COUNTRY_CODE = re.compile(r"^[A-Z]{2}$")
MAX_URL_LENGTH = 2000


@dataclass(frozen=True)
class Shape:
    """The fields one kind of object accepts, required ones first."""

    name: str
    required: tuple[str, ...]
    optional: tuple[str, ...] = ()

    @property
    def fields(self) -> tuple[str, ...]:
        """Every accepted field, required then optional."""
        return self.required + self.optional


SHAPES = {
    shape.name: shape
    for shape in (
        Shape("record", ("govkg", "source", "events"), ("organizations", "people")),
        Shape(
            "source",
            ("id", "kind", "language"),
            ("title", "url", "publisher", "published", "contributors"),
        ),
        Shape("contributor", ("name",), ("role",)),
        Shape("event", ("agreements",), ("date", "place", "city", "notes", "evidence")),
        Shape(
            "agreement",
            ("kind", "parties"),
            (
                "id",
                "title",
                "number",
                "signatories",
                "fields",
                "scope",
                "implements",
                "notes",
                "witnesses",
                "evidence",
            ),
        ),
        Shape(
            "signatory",
            ("name", "post", "party"),
            ("person", "honorifics", "on_behalf_of", "evidence"),
        ),
        Shape("on_behalf_of", ("post",), ("name",)),
        Shape("witness", ("name", "post"), ("organization",)),
        Shape("evidence", ("quote",), ("start", "end", "confidence")),
        Shape(
            "organization",
            ("id", "name", "kind"),
            ("name_en", "acronyms", "aliases", "region_code", "province", "parent", "country"),
        ),
        Shape("person", ("id", "name"), ("aliases",)),
    )
}
"""Every object kind of a record file and its accepted fields."""
