"""Resolved records → triples. Generators only; the build step adds them to the store.

Every function yields ``(subject, predicate, object)`` tuples of Oxigraph terms (the
package's term model, ``docs/decisions/0005-one-way.md``) for one thing (a source, an
agreement, a signature, a tenure), following ``docs/decisions/0001-data-model.md``.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import pyoxigraph as ox

from govkg import ids
from govkg.entity_resolution import (
    Naming,
    ResolvedAgreement,
    ResolvedRecords,
    ResolvedWitness,
    Signer,
    role_key,
)
from govkg.gazetteer import area_name
from govkg.namespaces import OX
from govkg.records.dates import PartialDate
from govkg.records.model import AGREEMENT_KINDS, SOURCE_KINDS, Source
from govkg.terms import named_node
from govkg.text_hygiene import slugify

FOAF, PROV, RDF, SKOS, XSD = OX.FOAF, OX.PROV, OX.RDF, OX.SKOS, OX.XSD
GOVKG, ORG, SCHEMA, TIME = OX.GOVKG, OX.ORG, OX.SCHEMA, OX.TIME
Triple = tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode | ox.Literal]
_MEMO_SIZE = 1 << 16
"""Literals remembered: names, labels and days recur across many signatures."""

CONTRIBUTOR_PROPERTY = {
    "author": SCHEMA.author,
    "reporter": SCHEMA.author,
    "editor": SCHEMA.editor,
    "photographer": SCHEMA.contributor,
    "translator": SCHEMA.translator,
}
KIND_LABEL = {
    "mou": ("Nota Kesepahaman", "Memorandum of Understanding"),
    "pks": ("Perjanjian Kerja Sama", "Cooperation Agreement"),
    "moa": ("Memorandum of Agreement", "Memorandum of Agreement"),
    "soi": ("Pernyataan Kehendak", "Statement of Intent"),
    "loi": ("Surat Pernyataan Minat", "Letter of Intent"),
    "kesepakatan-bersama": ("Kesepakatan Bersama", "Joint Agreement"),
}
DATATYPE = {"day": XSD.date, "month": XSD.gYearMonth, "year": XSD.gYear}
"""The XSD datatype of a date of each precision."""
INSTANT_PROPERTY = {"day": TIME.inXSDDate, "month": TIME.inXSDgYearMonth, "year": TIME.inXSDgYear}
"""The OWL-Time property that gives an instant's date at each precision."""
UNDATED_LABEL = ("tanpa tanggal", "undated")


@lru_cache(maxsize=_MEMO_SIZE)
def xsd_date(day: PartialDate) -> ox.Literal:
    """A date as an ``xsd:date``, ``xsd:gYearMonth`` or ``xsd:gYear`` literal, by precision.

    >>> xsd_date(PartialDate(2019, 2))
    <Literal value=2019-02 datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#gYearMonth>>
    """
    return ox.Literal(day.isoformat(), datatype=DATATYPE[day.precision])


@lru_cache(maxsize=_MEMO_SIZE)
def string_literal(value: str, lang: str | None = None) -> ox.Literal:
    """A string literal, language-tagged when ``lang`` is given.

    >>> print(string_literal("Kepala", "id"), string_literal("LAN"))
    "Kepala"@id "LAN"
    """
    return ox.Literal(value, language=lang) if lang else ox.Literal(value)


def record_triples(records: ResolvedRecords) -> Iterator[Triple]:
    """Everything one record file states, for its source's named graph."""
    source = ids.source(records.source.id)
    yield from source_triples(records.source)
    for agreement in records.agreements:
        yield from agreement_triples(agreement, source, records.source.language)


def source_triples(src: Source) -> Iterator[Triple]:
    """The source document: kind, title, URL, publisher, date, language, contributors."""
    node = ids.source(src.id)
    yield node, RDF.type, SCHEMA[SOURCE_KINDS[src.kind]]
    yield node, RDF.type, PROV.Entity
    yield node, SCHEMA.inLanguage, string_literal(src.language)
    if src.title:
        yield node, SCHEMA.headline, ox.Literal(src.title, language=src.language)
    if src.url:
        yield node, SCHEMA.url, named_node(src.url)
    if src.published:
        yield node, SCHEMA.datePublished, xsd_date(src.published)
    if src.publisher:
        publisher = ids.publisher(src.publisher)
        yield node, SCHEMA.publisher, publisher
        yield publisher, RDF.type, SCHEMA.Organization
        yield publisher, SCHEMA.name, string_literal(src.publisher)
    for contributor in src.contributors:
        person = ids.person(slugify(contributor.name))
        yield node, CONTRIBUTOR_PROPERTY.get(contributor.role, SCHEMA.contributor), person
        yield person, RDF.type, FOAF.Person
        yield person, FOAF.name, string_literal(contributor.name)


def agreement_triples(
    agreement: ResolvedAgreement, source: ox.NamedNode, lang: str
) -> Iterator[Triple]:
    """One agreement: its kind, parties, date, place, fields, scope, notes and signatures."""
    node = ids.agreement(agreement.key)
    yield node, RDF.type, GOVKG[AGREEMENT_KINDS[agreement.kind]]
    yield node, PROV.wasDerivedFrom, source
    if agreement.signed_on is not None:
        yield node, GOVKG.signedOn, xsd_date(agreement.signed_on)
    yield from _agreement_labels(node, agreement)
    for party in agreement.parties:
        yield node, GOVKG.party, ids.org(party.key)
    for field in agreement.fields:
        yield node, GOVKG.cooperationField, field
    if agreement.scope:
        yield node, GOVKG.scopeText, ox.Literal(agreement.scope, language=lang)
    if agreement.number:
        yield node, GOVKG.documentNumber, ox.Literal(agreement.number)
    if agreement.implements:
        yield node, GOVKG.implements, ids.agreement(agreement.implements)
    for note in agreement.notes:
        yield node, GOVKG.dataQualityNote, ox.Literal(note, language="en")
    if agreement.place or agreement.city:
        yield from place_triples(node, agreement.place, agreement.city)
    for signer in agreement.signers:
        yield from signature_triples(agreement, signer, source)
    for witness in agreement.witnesses:
        yield from witness_triples(agreement, witness, source, lang)


def _agreement_labels(node: ox.NamedNode, agreement: ResolvedAgreement) -> Iterator[Triple]:
    """Its titles: given or made from kind, parties and date; the same in every record of
    an agreement that several records describe (``agreement.naming``)."""
    naming = agreement.naming or Naming(agreement.parties, agreement.signed_on, agreement.title)
    parties = "–".join(_short_name(p) for p in naming.parties)
    known = naming.signed_on.isoformat() if naming.signed_on else None
    day_id, day_en = (known, known) if known else UNDATED_LABEL
    label_id, label_en = KIND_LABEL[agreement.kind]
    if naming.title:
        yield node, SKOS.prefLabel, ox.Literal(naming.title, language="id")
    else:
        yield node, SKOS.prefLabel, ox.Literal(f"{label_id} {parties}, {day_id}", language="id")
    yield node, SKOS.prefLabel, ox.Literal(f"{label_en} {parties}, {day_en}", language="en")
    if agreement.title and agreement.title != naming.title:
        yield node, SKOS.altLabel, ox.Literal(agreement.title, language="id")


def _short_name(entry) -> str:
    return entry.acronyms[0] if entry.acronyms else entry.name


def place_triples(agreement: ox.NamedNode, place: str | None, city: str | None) -> Iterator[Triple]:
    """Where an agreement was signed: the venue, inside its city."""
    city_node = ids.place(city) if city else None
    if city_node is not None:
        yield city_node, RDF.type, SCHEMA.Place
        yield city_node, SCHEMA.name, string_literal(city)
    if place:
        node = ids.place(f"{place} {city}" if city else place)
        yield node, RDF.type, SCHEMA.Place
        yield node, SCHEMA.name, string_literal(place)
        if city_node is not None:
            yield node, SCHEMA.containedInPlace, city_node
    else:
        node = city_node
    yield agreement, GOVKG.signedAt, node


def signature_triples(
    agreement: ResolvedAgreement, signer: Signer, source: ox.NamedNode
) -> Iterator[Triple]:
    """One signature, the signer, the post signed in, and the tenure that the source attests."""
    node = ids.signature(agreement.key, signer.person_key)
    person = ids.person(signer.person_key)
    post = ids.post(signer.party.key, role_key(signer.role))
    yield ids.agreement(agreement.key), GOVKG.signature, node
    yield node, RDF.type, GOVKG.Signature
    yield node, GOVKG.signatory, person
    yield node, GOVKG.onBehalfOf, ids.org(signer.party.key)
    yield node, GOVKG.inCapacityOf, post
    yield node, PROV.wasDerivedFrom, source
    yield person, RDF.type, FOAF.Person
    yield person, FOAF.name, string_literal(signer.name)
    for honorific in signer.honorifics:
        yield person, FOAF.title, string_literal(honorific)
    yield person, ORG.holds, post
    yield from post_triples(post, signer)
    yield from tenure_triples(signer, agreement.signed_on, source)
    if signer.represented is not None:
        yield from represented_triples(node, agreement, signer, source)


def represented_triples(
    signature: ox.NamedNode, agreement: ResolvedAgreement, signer: Signer, source: ox.NamedNode
) -> Iterator[Triple]:
    """The official a signer signed for ("mewakili"): their post and, when named, the person."""
    represented = signer.represented
    head = Signer(
        represented.person_key or "",
        represented.name or "",
        represented.role,
        represented.role_labels,
        "",
        signer.party,
        (),
    )
    post = ids.post(signer.party.key, role_key(represented.role))
    yield signature, GOVKG.onBehalfOfPost, post
    yield from post_triples(post, head)
    if represented.person_key is None:
        return
    person = ids.person(represented.person_key)
    yield signature, GOVKG.onBehalfOfPerson, person
    yield person, RDF.type, FOAF.Person
    yield person, FOAF.name, string_literal(represented.name)
    yield person, ORG.holds, post
    yield from tenure_triples(head, agreement.signed_on, source)


def witness_triples(
    agreement: ResolvedAgreement, witness: ResolvedWitness, source: ox.NamedNode, lang: str
) -> Iterator[Triple]:
    """A witness of the signing: the person, and their post when the body and the role resolve.

    The post and body as written stay in the node's label, so nothing the source says is lost.
    """
    node = ids.witnessing(agreement.key, witness.person_key)
    person = ids.person(witness.person_key)
    yield ids.agreement(agreement.key), GOVKG.witness, node
    yield node, RDF.type, GOVKG.Witnessing
    yield node, GOVKG.witnessedBy, person
    yield node, PROV.wasDerivedFrom, source
    written = ", ".join(x for x in (witness.post_as_written, witness.organization_as_written) if x)
    yield node, SKOS.prefLabel, ox.Literal(f"{witness.name} ({written})", language=lang)
    yield person, RDF.type, FOAF.Person
    yield person, FOAF.name, string_literal(witness.name)
    if witness.organization is None or witness.role is None:
        return
    post = ids.post(witness.organization.key, role_key(witness.role))
    yield node, GOVKG.witnessInCapacityOf, post
    yield post, RDF.type, ORG.Post
    yield post, ORG.postIn, ids.org(witness.organization.key)
    yield post, ORG.role, witness.role


def post_triples(post: ox.NamedNode, signer: Signer) -> Iterator[Triple]:
    """An office: a role in one organization (held by the signer, when the signer is named)."""
    yield post, RDF.type, ORG.Post
    yield post, ORG.postIn, ids.org(signer.party.key)
    yield post, ORG.role, signer.role
    if signer.person_key:
        yield post, ORG.heldBy, ids.person(signer.person_key)
    role_id, role_en = signer.role_labels
    yield post, SKOS.prefLabel, string_literal(f"{role_id} {area_name(signer.party)}", "id")
    if signer.party.name_en:
        yield post, SKOS.prefLabel, string_literal(f"{role_en}, {signer.party.name_en}", "en")


def tenure_triples(
    signer: Signer, day: PartialDate | None, source: ox.NamedNode
) -> Iterator[Triple]:
    """The membership a source attests: this person held this role in this body at that time.

    The date keeps the signing date's precision; with no date the tenure is stated undated.
    """
    node = ids.membership(signer.person_key, signer.party.key, role_key(signer.role))
    yield node, RDF.type, ORG.Membership
    yield node, ORG.member, ids.person(signer.person_key)
    yield node, ORG.organization, ids.org(signer.party.key)
    yield node, ORG.role, signer.role
    yield node, PROV.wasDerivedFrom, source
    if day is None:
        return
    during = ox.NamedNode(f"{node.value}/during")
    instant = ids.instant(day)
    yield node, GOVKG.attestedOn, xsd_date(day)
    yield node, ORG.memberDuring, during
    yield during, RDF.type, TIME.Interval
    yield during, TIME.inside, instant
    yield instant, RDF.type, TIME.Instant
    yield instant, INSTANT_PROPERTY[day.precision], xsd_date(day)
