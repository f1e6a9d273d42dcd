"""Gazetteer entries → triples for the reference graph (only the entities a build uses).

>>> from govkg.gazetteer import Entry
>>> lan = Entry(key="lan", kind="NonMinisterialAgency", name="Lembaga Administrasi Negara",
...             name_en="National Institute of Public Administration", acronyms=("LAN",))
>>> sorted(str(p) for _, p, _ in entry_triples(lan))  # doctest: +NORMALIZE_WHITESPACE
['<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>',
 '<http://www.w3.org/2004/02/skos/core#prefLabel>',
 '<http://www.w3.org/2004/02/skos/core#prefLabel>',
 '<https://w3id.org/govkg/ontology#acronym>']
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pyoxigraph as ox

from govkg import ids
from govkg.gazetteer import Change, Entry, Gazetteer
from govkg.namespaces import OX

DCTERMS, GOVKG, ORG, SCHEMA = OX.DCTERMS, OX.GOVKG, OX.ORG, OX.SCHEMA
RDF, SKOS, XSD = OX.RDF, OX.SKOS, OX.XSD
Triple = tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode | ox.Literal]
UNIT_KINDS = ("GovernmentUnit", "RegionalOffice")
"""Kinds that are ``org:OrganizationalUnit``s: their parent link is also stated as ``org:unitOf``
(a sub-property of ``org:subOrganizationOf``, which is stated too so that queries need no
reasoning)."""


def entry_triples(entry: Entry) -> Iterator[Triple]:
    """One organization: kind, labels, acronyms, aliases, region code, province, parent, source."""
    node = ids.org(entry.key)
    kind = ORG.FormalOrganization if entry.kind == "Organization" else GOVKG[entry.kind]
    yield node, RDF.type, kind
    yield node, SKOS.prefLabel, ox.Literal(entry.name, language="id")
    if entry.name_en:
        yield node, SKOS.prefLabel, ox.Literal(entry.name_en, language="en")
    for acronym in entry.acronyms:
        yield node, GOVKG.acronym, ox.Literal(acronym)
    for alias in entry.aliases:
        yield node, SKOS.altLabel, ox.Literal(alias, language="id")
    if entry.region_code and entry.is_local:
        yield node, GOVKG.regionCode, ox.Literal(entry.region_code)
    if entry.located_in:
        yield node, GOVKG.locatedIn, ids.org(entry.located_in)
    if entry.province:
        yield node, GOVKG.inProvince, ids.org(entry.province)
    if entry.parent:
        yield node, ORG.subOrganizationOf, ids.org(entry.parent)
        if entry.kind in UNIT_KINDS:
            yield node, ORG.unitOf, ids.org(entry.parent)
    if entry.country:
        yield node, SCHEMA.addressCountry, ox.Literal(entry.country)
    if entry.source:
        yield node, DCTERMS.source, ox.Literal(entry.source)


def change_triples(change: Change) -> Iterator[Triple]:
    """A merger or renaming as an ``org:ChangeEvent``."""
    node = ids.change(change.key)
    yield node, RDF.type, ORG.ChangeEvent
    yield node, DCTERMS.date, ox.Literal(change.date.isoformat(), datatype=XSD.date)
    yield node, DCTERMS.description, ox.Literal(change.description, language="en")
    yield node, DCTERMS.source, ox.Literal(change.source)
    for key in change.original:
        yield node, ORG.originalOrganization, ids.org(key)
    for key in change.resulting:
        yield node, ORG.resultingOrganization, ids.org(key)


def used_keys(gazetteer: Gazetteer, keys: Iterable[str]) -> list[str]:
    """The keys a build needs: the ones used, their provinces, parents and areas, and successors."""
    wanted: set[str] = set()
    todo = list(keys)
    while todo:
        key = todo.pop()
        if key in wanted:
            continue
        wanted.add(key)
        entry = gazetteer.entry(key)
        todo.extend(k for k in (entry.province, entry.parent, entry.located_in) if k)
        for change in gazetteer.changes:
            if key in change.original:
                todo.extend((*change.original, *change.resulting))
    return sorted(wanted)


def reference_triples(gazetteer: Gazetteer, keys: Iterable[str]) -> Iterator[Triple]:
    """The reference graph for a build: used entities and the changes that involve them."""
    wanted = used_keys(gazetteer, keys)
    for key in wanted:
        yield from entry_triples(gazetteer.entry(key))
    chosen = set(wanted)
    for change in gazetteer.changes:
        if chosen.intersection(change.original):
            yield from change_triples(change)


CONCEPT_PROPERTIES = (RDF.type, SKOS.inScheme, SKOS.prefLabel, SKOS.broader, SKOS.topConceptOf)
"""What the published data keeps of each field or role concept it uses (enough for the shapes)."""


def concept_triples(vocabulary: set[tuple], data: Iterable[tuple]) -> Iterator[Triple]:
    """The cooperation-field and role concepts ``data`` uses, with their broader concepts.

    So that the published ``govkg.ttl`` validates without ``fields.ttl`` and ``roles.ttl``: each
    concept keeps its type, scheme, labels and ``skos:broader`` links (issue 19).

    >>> field, top = ox.NamedNode("urn:f"), ox.NamedNode("urn:top")
    >>> vocab = {(field, SKOS.broader, top), (top, SKOS.prefLabel, ox.Literal("Top"))}
    >>> sorted(s.value for s, _, _ in concept_triples(vocab, [(ox.NamedNode("urn:a"),
    ...     GOVKG.cooperationField, field)]))
    ['urn:f', 'urn:top']
    """
    about: dict[ox.NamedNode, list[tuple]] = {}
    for triple in vocabulary:
        if triple[1] in CONCEPT_PROPERTIES:
            about.setdefault(triple[0], []).append(triple)
    todo = [o for _, p, o in data if p in (GOVKG.cooperationField, ORG.role)]
    seen: set[ox.NamedNode] = set()
    while todo:
        concept = todo.pop()
        if concept in seen:
            continue
        seen.add(concept)
        for triple in about.get(concept, ()):
            yield triple
            if triple[1] == SKOS.broader:
                todo.append(triple[2])
