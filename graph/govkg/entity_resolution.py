"""Entity resolution: names as written in records → gazetteer entries, roles and fields.

The output still mirrors the records, but every organization is a gazetteer
:class:`~govkg.gazetteer.Entry`, every post a role IRI and every field a SKOS
concept, so the triples stage never sees a raw name. All problems in one file are
collected and raised together as :class:`~govkg.errors.RecordErrors`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph as ox

from govkg.errors import GovkgError, RecordError, RecordErrors
from govkg.gazetteer import Entry, Gazetteer
from govkg.ids import agreement_slug, key_of
from govkg.records.dates import PartialDate
from govkg.records.model import Agreement, Event, RecordSet, Signatory, Source, Where, Witness
from govkg.text_hygiene import fold, slugify
from govkg.vocab import Vocabulary


@dataclass(frozen=True)
class Signer:
    """A signatory with the person, role and party resolved."""

    person_key: str
    name: str
    role: ox.NamedNode
    role_labels: tuple[str, str]
    post_as_written: str
    party: Entry
    honorifics: tuple[str, ...]
    represented: Represented | None = None


@dataclass(frozen=True)
class Represented:
    """The official a signer signed for: the role in the same party, and the person if named."""

    role: ox.NamedNode
    role_labels: tuple[str, str]
    person_key: str | None
    name: str | None


@dataclass(frozen=True)
class ResolvedWitness:
    """A witness: the person, the post as written, and the post when role and body resolve."""

    person_key: str
    name: str
    post_as_written: str
    organization_as_written: str | None
    organization: Entry | None
    role: ox.NamedNode | None


@dataclass(frozen=True)
class ResolvedAgreement:
    """An agreement whose parties, signers and fields are resolved."""

    key: str
    kind: str
    signed_on: PartialDate | None
    place: str | None
    city: str | None
    parties: tuple[Entry, ...]
    signers: tuple[Signer, ...]
    fields: tuple[ox.NamedNode, ...]
    scope: str | None
    title: str | None
    number: str | None
    implements: str | None
    notes: tuple[str, ...]
    witnesses: tuple[ResolvedWitness, ...] = ()
    naming: Naming | None = None
    """What every record of this agreement says, for its one set of titles (set when several
    records describe it: :mod:`govkg.shared_agreements`)."""


@dataclass(frozen=True)
class Naming:
    """The parties, date and given title an agreement's titles are made from."""

    parties: tuple[Entry, ...]
    signed_on: PartialDate | None
    title: str | None


@dataclass(frozen=True)
class ResolvedRecords:
    """One record file, resolved: its source and its agreements."""

    path: str
    source: Source
    agreements: tuple[ResolvedAgreement, ...]
    declared: tuple[Entry, ...]


UNDATED = "undated"
"""The date part of a generated agreement key when the signing date is unknown."""


class _Collector:
    """Gathers errors so one run reports every problem in a file."""

    def __init__(self) -> None:
        self.errors: list[RecordError] = []

    def fail(self, where: Where, field: str, err: GovkgError) -> None:
        here = where.at(field) if field else where
        self.errors.append(
            RecordError(here.file, here.field, err.message, fix=err.fix, line=here.line)
        )


def resolve_records(
    records: RecordSet, gazetteer: Gazetteer, *, fields: Vocabulary, roles: Vocabulary
) -> ResolvedRecords:
    """Resolve one record file; raises RecordErrors listing every name that did not resolve."""
    errors = _Collector()
    people = {p.id: p for p in records.people}
    agreements = []
    for event in records.events:
        for agreement in event.agreements:
            resolved = _agreement(
                agreement,
                event,
                gazetteer,
                fields,
                roles,
                people,
                errors,
            )
            if resolved is not None:
                agreements.append(resolved)
    _check_unique_keys(agreements, records, errors)
    if errors.errors:
        raise RecordErrors(errors.errors)
    declared = tuple(gazetteer.entry(d.id) for d in records.organizations)
    return ResolvedRecords(records.path, records.source, tuple(agreements), declared)


def _agreement(
    agreement: Agreement,
    event: Event,
    gazetteer,
    fields,
    roles,
    people,
    errors: _Collector,
) -> ResolvedAgreement | None:
    count = len(errors.errors)
    parties = _parties(agreement, gazetteer, errors)
    signers = tuple(
        s
        for i, sig in enumerate(agreement.signatories)
        if (s := _signer(sig, i, parties, gazetteer, roles, people, errors)) is not None
    )
    _check_distinct_signers(agreement, signers, errors)
    concepts = tuple(
        _lookup(fields, text, agreement.where, f"fields[{i}]", errors)
        for i, text in enumerate(agreement.fields)
    )
    witnesses = tuple(_witness(w, gazetteer, roles) for w in agreement.witnesses)
    if len(errors.errors) > count:
        return None
    day = event.date.isoformat() if event.date else UNDATED
    return ResolvedAgreement(
        key=agreement_slug(agreement.id, day, agreement.kind, [p.key for p in parties.values()]),
        kind=agreement.kind,
        signed_on=event.date,
        place=event.place,
        city=event.city,
        parties=tuple(parties.values()),
        signers=signers,
        fields=tuple(dict.fromkeys(concepts)),
        scope=agreement.scope,
        title=agreement.title,
        number=agreement.number,
        implements=agreement.implements,
        notes=event.notes + agreement.notes,
        witnesses=witnesses,
    )


def _parties(agreement: Agreement, gazetteer: Gazetteer, errors: _Collector) -> dict[str, Entry]:
    """Party names (folded) → entries; two names for one body are one party, reported."""
    resolved: dict[str, Entry] = {}
    seen: dict[str, str] = {}
    for i, name in enumerate(agreement.parties):
        try:
            entry = gazetteer.resolve(name)
        except GovkgError as err:
            errors.fail(agreement.where, f"parties[{i}]", err)
            continue
        if entry.key in seen:
            errors.fail(
                agreement.where,
                f"parties[{i}]",
                GovkgError(
                    f"{name!r} and {seen[entry.key]!r} are the same body ({entry.name})",
                    fix="list each party once",
                ),
            )
        seen[entry.key] = name
        resolved[fold(name)] = entry
    if len(set(seen)) < 2 and len(errors.errors) == 0:
        errors.fail(
            agreement.where,
            "parties",
            GovkgError(
                "an agreement needs at least two different parties", fix="add the other party"
            ),
        )
    return resolved


def _signer(
    sig: Signatory,
    index: int,
    parties: dict[str, Entry],
    gazetteer: Gazetteer,
    roles: Vocabulary,
    people: dict,
    errors: _Collector,
) -> Signer | None:
    party = parties.get(fold(sig.party))
    if party is None:
        try:
            entry = gazetteer.resolve(sig.party)
        except GovkgError as err:
            errors.fail(sig.where, "party", err)
            return None
        party = next((p for p in parties.values() if p.key == entry.key), None)
        if party is None:
            errors.fail(
                sig.where,
                "party",
                GovkgError(
                    f"{sig.party!r} signs for a body that is not a party of this agreement",
                    fix="add it to the agreement's parties or correct the signatory's party",
                ),
            )
            return None
    role = _role(sig.post, roles, sig.where, errors)
    represented = _represented(sig, roles, errors)
    if role is None or (sig.on_behalf_of and represented is None):
        return None
    key = sig.person_id or slugify(sig.name)
    name = people[sig.person_id].name if sig.person_id in people else sig.name
    labels = (roles.label(role, "id"), roles.label(role, "en"))
    return Signer(key, name, role, labels, sig.post, party, sig.honorifics, represented)


def _represented(sig: Signatory, roles: Vocabulary, errors: _Collector) -> Represented | None:
    """The official signed for, with the post resolved to a role (an error when it is not)."""
    if sig.on_behalf_of is None:
        return None
    where = sig.where.at("on_behalf_of")
    role = _role(sig.on_behalf_of.post, roles, where, errors)
    if role is None:
        return None
    name = sig.on_behalf_of.name
    labels = (roles.label(role, "id"), roles.label(role, "en"))
    return Represented(role, labels, slugify(name) if name else None, name)


def _witness(witness: Witness, gazetteer: Gazetteer, roles: Vocabulary) -> ResolvedWitness:
    """A witness, resolved where the gazetteer and the roles know the body and the post.

    Witnesses' bodies need not be parties or declared, so an unknown body or post is kept
    as written instead of failing the record.
    """
    organization = role = None
    if witness.organization:
        found = gazetteer.matches(witness.organization)
        organization = found[0] if len(found) == 1 else None
    if organization is not None:
        role = _role(witness.post, roles, witness.where, _Collector())
    return ResolvedWitness(
        slugify(witness.name),
        witness.name,
        witness.post,
        witness.organization,
        organization,
        role,
    )


def _check_distinct_signers(
    agreement: Agreement, signers: tuple[Signer, ...], errors: _Collector
) -> None:
    """One person signs an agreement once; namesakes need declared person ids."""
    seen: set[str] = set()
    for i, signer in enumerate(signers):
        if signer.person_key in seen:
            errors.fail(
                agreement.where,
                f"signatories[{i}]",
                GovkgError(
                    f"{signer.name!r} signs this agreement twice",
                    fix="if these are two people with one name, declare them under 'people:' with "
                    "distinct ids and give each signatory its 'person'",
                ),
            )
        seen.add(signer.person_key)


ACTING = (
    "pelaksana tugas",
    "pelaksana harian",
    "pejabat sementara",
    "penjabat",
    "plt",
    "plh",
    "pjs",
    "pj",
    "acting",
)
"""Folded words before a post that say its holder acts in it (``Plt. Bupati`` is in the
Bupati's role); the post as written keeps them."""


def _role(post: str, roles: Vocabulary, where: Where, errors: _Collector) -> ox.NamedNode | None:
    """The role named by a post as written (see :func:`post_role`), or an error for ``where``."""
    found = post_role(post, roles)
    if found is not None:
        return found
    try:
        return roles.resolve(post)
    except GovkgError as err:
        errors.fail(where, "post", err)
        return None


def post_role(post: str, roles: Vocabulary) -> ox.NamedNode | None:
    """The role named by a post as written, or None.

    The longest leading words that name a role win ('Sekretaris Utama BPOM' → Sekretaris
    Utama), after an acting prefix ('Plt. Wali Kota'); then the longest run of words elsewhere,
    as English writes posts ('German Ambassador to Indonesia' → Duta Besar). A slash separates
    words too ('Menristek/Kepala BRIN').

    >>> post_role("Plt. Wali Kota", Vocabulary.roles()).value.rsplit("/", 1)[1]
    'wali-kota'
    """
    words = _without_acting(post).replace("/", " ").split()
    count = len(words)
    spans = [words[:end] for end in range(count, 0, -1)]
    spans += [words[s : s + n] for n in range(count - 1, 0, -1) for s in range(1, count - n + 1)]
    for span in spans:
        found = roles.find(" ".join(span))
        if found is not None:
            return found
    return None


def _without_acting(post: str) -> str:
    """``post`` without a leading acting prefix: ``_without_acting("Plt. Bupati")`` → 'Bupati'."""
    folded = fold(post)
    for prefix in ACTING:
        if folded.startswith(prefix + " "):
            return " ".join(post.split()[len(prefix.split()) :])
    return post


def _lookup(
    vocab: Vocabulary, text: str, where: Where, field: str, errors: _Collector
) -> ox.NamedNode:
    try:
        return vocab.resolve(text)
    except GovkgError as err:
        errors.fail(where, field, err)
        return ox.NamedNode("urn:unresolved")


def _check_unique_keys(
    agreements: Iterable[ResolvedAgreement], records: RecordSet, errors: _Collector
) -> None:
    seen: set[str] = set()
    for agreement in agreements:
        if agreement.key in seen:
            errors.fail(
                Where(records.path),
                "events",
                GovkgError(
                    f"two agreements in this file get the same identifier {agreement.key!r}",
                    fix="give them distinct 'id' values",
                ),
            )
        seen.add(agreement.key)


def role_key(role: ox.NamedNode) -> str:
    """The key of a role concept (``…/role/kepala`` → ``kepala``)."""
    return key_of(role)
