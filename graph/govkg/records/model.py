"""The record model: what a source says about signings, before any name is resolved.

Loaders (YAML, CSV, JSON) all produce these frozen dataclasses; names stay as
written (``"Pemkab Serang"``, ``"LAN"``) and are resolved later by the gazetteer.
Every object carries ``where`` so that later stages can still point at the file,
line and field a value came from.

>>> where = Where("a.yaml", 3, "events[0]")
>>> where.at("date")
Where(file='a.yaml', line=3, field='events[0].date')
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from govkg.records.dates import PartialDate

AGREEMENT_KINDS = {
    "mou": "MemorandumOfUnderstanding",
    "pks": "CooperationAgreement",
    "moa": "MemorandumOfAgreement",
    "soi": "StatementOfIntent",
    "loi": "LetterOfIntent",
    "kesepakatan-bersama": "JointAgreement",
}
"""Record ``kind`` values and the govkg class each one becomes."""

SOURCE_KINDS = {
    "news": "NewsArticle",
    "press-release": "NewsArticle",
    "report": "Report",
    "regulation": "Legislation",
    "webpage": "WebPage",
    "dataset": "Dataset",
    "document": "DigitalDocument",
}
"""Record ``source.kind`` values and the schema.org class each one becomes."""

ORGANIZATION_KINDS = (
    "Ministry",
    "NonMinisterialAgency",
    "StateInstitution",
    "RegionalOffice",
    "ProvincialGovernment",
    "RegencyGovernment",
    "CityGovernment",
    "GovernmentUnit",
    "StateUniversity",
    "StateOwnedEnterprise",
    "RegionalOwnedEnterprise",
    "ForeignGovernment",
    "ForeignLocalGovernment",
    "InternationalOrganization",
    "Organization",
)
"""Kinds a declared organization may have (govkg class names; ``Organization`` = non-government)."""


@dataclass(frozen=True)
class Where:
    """Where a value was read: file, line (1-based, when the format has lines), field path.

    ``lines`` maps sub-fields (``"party"``, ``"parties[1]"``) to their own lines, so that
    later stages can point at the exact line of one list item.

    >>> Where("a.yaml", 3, "x", (("parties[1]", 5),)).at("parties[1]").line
    5
    """

    file: str
    line: int | None = None
    field: str = ""
    lines: tuple[tuple[str, int], ...] = dataclasses.field(default=(), repr=False)

    def at(self, name: str, line: int | None = None) -> Where:
        """The location of a sub-field (``name`` is appended to the field path)."""
        path = (
            f"{self.field}.{name}"
            if self.field and not name.startswith("[")
            else (self.field + name)
        )
        if line is None:
            line = dict(self.lines).get(name, self.line)
        return Where(self.file, line, path)


@dataclass(frozen=True)
class Contributor:
    """A person credited by a source (``role``: author, reporter, editor, photographer…)."""

    name: str
    role: str = "author"
    where: Where = field(default=Where(""), compare=False)


@dataclass(frozen=True)
class Source:
    """The document the records were taken from; becomes one named graph."""

    id: str
    kind: str
    title: str | None
    url: str | None
    publisher: str | None
    published: PartialDate | None
    language: str
    contributors: tuple[Contributor, ...] = ()
    where: Where = field(default=Where(""), compare=False)


@dataclass(frozen=True)
class Evidence:
    """A passage of the source that supports a value: the quote, where it is, how sure.

    ``start`` and ``end`` are character offsets (0-based, end exclusive) into the source
    text as ``govkg extract`` reads it; ``confidence`` is between 0 and 1. Offsets and
    confidence are optional (a reviewer may add a quote by hand).

    >>> Evidence("Kepala LAN Adi Suryanto", 120, 143, 0.9).end - 120
    23
    """

    quote: str
    start: int | None = None
    end: int | None = None
    confidence: float | None = None
    where: Where = field(default=Where(""), compare=False)


@dataclass(frozen=True)
class Represented:
    """The official a signatory signed for ("mewakili", "atas nama"): post, and name if given."""

    post: str
    name: str | None = None


@dataclass(frozen=True)
class Signatory:
    """One person signing one agreement, in a post, for one of its parties (names as written)."""

    name: str
    post: str
    party: str
    person_id: str | None = None
    honorifics: tuple[str, ...] = ()
    on_behalf_of: Represented | None = None
    where: Where = field(default=Where(""), compare=False)
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Witness:
    """A person who witnessed a signing without signing; the organization as written, if given."""

    name: str
    post: str
    organization: str | None = None
    where: Where = field(default=Where(""), compare=False)


@dataclass(frozen=True)
class Agreement:
    """One signed agreement: kind, parties, signatories, fields (all as the source wrote them)."""

    kind: str
    parties: tuple[str, ...]
    signatories: tuple[Signatory, ...] = ()
    fields: tuple[str, ...] = ()
    scope: str | None = None
    id: str | None = None
    title: str | None = None
    number: str | None = None
    implements: str | None = None
    notes: tuple[str, ...] = ()
    witnesses: tuple[Witness, ...] = ()
    where: Where = field(default=Where(""), compare=False)
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Event:
    """A signing: when (to the precision known; None when unknown) and where."""

    date: PartialDate | None
    agreements: tuple[Agreement, ...]
    place: str | None = None
    city: str | None = None
    notes: tuple[str, ...] = ()
    where: Where = field(default=Where(""), compare=False)
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class OrganizationDecl:
    """An organization the gazetteer does not know, declared by the record itself."""

    id: str
    name: str
    kind: str
    name_en: str | None = None
    acronyms: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    region_code: str | None = None
    province: str | None = None
    parent: str | None = None
    country: str | None = None
    where: Where = field(default=Where(""), compare=False)


@dataclass(frozen=True)
class PersonDecl:
    """A person declared with a stable id, to tell namesakes apart or join spellings."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    where: Where = field(default=Where(""), compare=False)


@dataclass(frozen=True)
class RecordSet:
    """Everything one record file says: its source, signing events and declarations."""

    path: str
    source: Source
    events: tuple[Event, ...]
    organizations: tuple[OrganizationDecl, ...] = ()
    people: tuple[PersonDecl, ...] = ()
