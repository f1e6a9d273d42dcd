"""Resolved records → triples. Generators only; the build step adds them to the store.

Every function yields ``(subject, predicate, object)`` tuples of rdflib terms for
one thing (a source, an agreement, a signature, a tenure), following
``docs/decisions/0001-data-model.md``.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from functools import lru_cache

from rdflib import Literal, URIRef
from rdflib.namespace import FOAF, PROV, RDF, SKOS, XSD

from govkg import ids
from govkg.gazetteer import area_name
from govkg.namespaces import GOVKG, ORG, SCHEMA, TIME
from govkg.records.model import AGREEMENT_KINDS, SOURCE_KINDS, Source
from govkg.resolve import ResolvedAgreement, ResolvedRecords, Signer, role_key
from govkg.text import slugify

Triple = tuple[URIRef, URIRef, URIRef | Literal]
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
}


@lru_cache(maxsize=_MEMO_SIZE)
def xsd_date(day: date) -> Literal:
    """A day as an ``xsd:date`` literal."""
    return Literal(day.isoformat(), datatype=XSD.date)


@lru_cache(maxsize=_MEMO_SIZE)
def string_literal(value: str, lang: str | None = None) -> Literal:
    """A string literal, language-tagged when ``lang`` is given."""
    return Literal(value, lang=lang)


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
    yield node, SCHEMA.inLanguage, Literal(src.language)
    if src.title:
        yield node, SCHEMA.headline, Literal(src.title, lang=src.language)
    if src.url:
        yield node, SCHEMA.url, URIRef(src.url)
    if src.published:
        yield node, SCHEMA.datePublished, xsd_date(src.published)
    if src.publisher:
        publisher = ids.publisher(src.publisher)
        yield node, SCHEMA.publisher, publisher
        yield publisher, RDF.type, SCHEMA.Organization
        yield publisher, SCHEMA.name, Literal(src.publisher)
    for contributor in src.contributors:
        person = ids.person(slugify(contributor.name))
        yield node, CONTRIBUTOR_PROPERTY.get(contributor.role, SCHEMA.contributor), person
        yield person, RDF.type, FOAF.Person
        yield person, FOAF.name, Literal(contributor.name)


def agreement_triples(agreement: ResolvedAgreement, source: URIRef, lang: str) -> Iterator[Triple]:
    """One agreement: its kind, parties, date, place, fields, scope, notes and signatures."""
    node = ids.agreement(agreement.key)
    yield node, RDF.type, GOVKG[AGREEMENT_KINDS[agreement.kind]]
    yield node, PROV.wasDerivedFrom, source
    yield node, GOVKG.signedOn, xsd_date(agreement.signed_on)
    yield from _agreement_labels(node, agreement)
    for party in agreement.parties:
        yield node, GOVKG.party, ids.org(party.key)
    for field in agreement.fields:
        yield node, GOVKG.cooperationField, field
    if agreement.scope:
        yield node, GOVKG.scopeText, Literal(agreement.scope, lang=lang)
    if agreement.number:
        yield node, GOVKG.documentNumber, Literal(agreement.number)
    if agreement.implements:
        yield node, GOVKG.implements, ids.agreement(agreement.implements)
    for note in agreement.notes:
        yield node, GOVKG.dataQualityNote, Literal(note, lang="en")
    if agreement.place or agreement.city:
        yield from place_triples(node, agreement.place, agreement.city)
    for signer in agreement.signers:
        yield from signature_triples(agreement, signer, source)


def _agreement_labels(node: URIRef, agreement: ResolvedAgreement) -> Iterator[Triple]:
    parties = "–".join(_short_name(p) for p in agreement.parties)
    day = agreement.signed_on.isoformat()
    label_id, label_en = KIND_LABEL[agreement.kind]
    if agreement.title:
        yield node, SKOS.prefLabel, Literal(agreement.title, lang="id")
    else:
        yield node, SKOS.prefLabel, Literal(f"{label_id} {parties}, {day}", lang="id")
    yield node, SKOS.prefLabel, Literal(f"{label_en} {parties}, {day}", lang="en")


def _short_name(entry) -> str:
    return entry.acronyms[0] if entry.acronyms else entry.name


def place_triples(agreement: URIRef, place: str | None, city: str | None) -> Iterator[Triple]:
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
    agreement: ResolvedAgreement, signer: Signer, source: URIRef
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


def post_triples(post: URIRef, signer: Signer) -> Iterator[Triple]:
    """An office: a role in one organization."""
    yield post, RDF.type, ORG.Post
    yield post, ORG.postIn, ids.org(signer.party.key)
    yield post, ORG.role, signer.role
    yield post, ORG.heldBy, ids.person(signer.person_key)
    role_id, role_en = signer.role_labels
    yield post, SKOS.prefLabel, string_literal(f"{role_id} {area_name(signer.party)}", "id")
    if signer.party.name_en:
        yield post, SKOS.prefLabel, string_literal(f"{role_en}, {signer.party.name_en}", "en")


def tenure_triples(signer: Signer, day: date, source: URIRef) -> Iterator[Triple]:
    """The membership a source attests: this person held this role in this body on this day."""
    node = ids.membership(signer.person_key, signer.party.key, role_key(signer.role))
    during = URIRef(f"{node}/during")
    instant = ids.instant(day)
    yield node, RDF.type, ORG.Membership
    yield node, ORG.member, ids.person(signer.person_key)
    yield node, ORG.organization, ids.org(signer.party.key)
    yield node, ORG.role, signer.role
    yield node, GOVKG.attestedOn, xsd_date(day)
    yield node, ORG.memberDuring, during
    yield node, PROV.wasDerivedFrom, source
    yield during, RDF.type, TIME.Interval
    yield during, TIME.inside, instant
    yield instant, RDF.type, TIME.Instant
    yield instant, TIME.inXSDDate, xsd_date(day)
