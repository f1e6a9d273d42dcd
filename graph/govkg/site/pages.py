"""What each kind of entity page shows, as data: a title, names, kinds and tables of cells.

A body gets its agreements (paginated), partners ranked, officials, predecessors and
successors; an agreement its signatories; every page its statements, what points at it
(paginated) and its provenance. :mod:`govkg.site.render` turns a :class:`Page` into HTML.

>>> import pyoxigraph as ox
>>> from govkg.engines import OxigraphEngine, with_union
>>> field = ox.NamedNode("https://w3id.org/govkg/id/field/pelatihan")
>>> label = ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
>>> store = ox.Store()
>>> quad = ox.Quad(field, label, ox.Literal("Pelatihan", language="id"), ox.NamedNode("urn:g"))
>>> store.bulk_extend(with_union([quad]))  # the default graph holds the union, as a build's
>>> page = entity_page(OxigraphEngine(store).select, field.value, Links("/"))
>>> page.title, page.kind, [s.title for s in page.sections]
('Pelatihan', 'field', ['About', 'Statements', 'Referred to by', 'Provenance'])
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from rdflib import URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, RDF, SKOS

from govkg.namespaces import GOVKG, SCHEMA
from govkg.site.describe import Description, describe
from govkg.site.ego import Ego, ego_network
from govkg.site.kinds import agreement_sections, body_sections, person_sections
from govkg.site.links import Cell, Links, entity_path
from govkg.site.queries import Source
from govkg.site.tables import Section, page_count

INFERRED = URIRef("https://w3id.org/govkg/graph/inferred")
NAME_PROPERTIES = (SKOS.prefLabel, SKOS.altLabel, GOVKG.acronym, FOAF.name, SCHEMA.name)
_NAME_KEYS = frozenset(map(str, NAME_PROPERTIES))  # plain strings: rdflib hashes in Python
FACTS = {
    "org": (
        GOVKG.regionCode,
        GOVKG.inProvince,
        GOVKG.locatedIn,
        ORG.subOrganizationOf,
        ORG.unitOf,
        SCHEMA.addressCountry,
        DCTERMS.source,
    ),
    "agreement": (
        GOVKG.signedOn,
        GOVKG.signedAt,
        GOVKG.party,
        GOVKG.cooperationField,
        GOVKG.scopeText,
        GOVKG.implements,
        PROV.wasDerivedFrom,
    ),
    "field": (SKOS.broader, SKOS.narrower, SKOS.definition, SKOS.inScheme),
}
"""The properties a page of each kind shows first, in this order (all are in Statements too)."""
INCOMING_FACTS = {
    "org": (ORG.unitOf, ORG.subOrganizationOf),
    "agreement": (GOVKG.implements,),
}
"""Properties pointing at the entity that its page shows first (units, implementing PKS)."""


@dataclass
class Page:
    """Everything one entity page shows."""

    iri: str
    kind: str
    title: str
    names: list[Cell]
    classes: list[Cell]
    sections: list[Section] = field(default_factory=list)
    page: int = 1
    pages: int = 1
    ego: Ego | None = None


def kind_of(iri: str) -> str:
    """The page kind from the IRI: org, agreement, person, source, field, … (``id/<kind>/``).

    >>> kind_of("https://w3id.org/govkg/id/agreement/2019-02-01-mou-lan-lipi/signature/x")
    'signature'
    """
    parts = (entity_path(iri) or "id/other").split("/")
    return parts[3] if parts[1] == "agreement" and len(parts) > 3 else parts[1]


def entity_page(
    select: Source, iri: str, links: Links, page: int = 1, about: Description | None = None
) -> Page:
    """The page of ``iri`` (its ``page``-th part for long tables), from its description
    ``about`` (of the same page) when the caller has it.

    :raises UnknownEntity: the store says nothing about ``iri``.
    """
    about = about or describe(select, iri, page)
    kind = kind_of(iri)
    names = [links.cell(o) for p, o, _ in about.statements if str(p) in _NAME_KEYS]
    classes = [links.cell(c, about.label(c, "en")) for c in about.values(RDF.type)]
    result = Page(iri, kind, about.label(about.iri) or iri, list(dict.fromkeys(names)), classes)
    result.page = page
    result.sections.append(facts(about, kind, links))
    extra = {
        "org": body_sections,
        "agreement": agreement_sections,
        "person": person_sections,
    }.get(kind)
    if extra:
        result.sections += extra(select, iri, links, page)
    result.sections += common_sections(about, links, page)
    if kind == "org" and page == 1:
        result.ego = _ego(result)
    result.pages = max(page_count(s.total) for s in result.sections)
    return result


def _ego(page: Page) -> Ego | None:
    """The ego network of a body page, from its Partners table (most frequent first)."""
    table = next((s for s in page.sections if s.title == "Partners"), None)
    if table is None:
        return None
    partners = [(row[0][0], int(row[1][0].text)) for row in table.rows]
    return ego_network(Cell(page.title), partners)


def facts(about: Description, kind: str, links: Links) -> Section:
    """The kind's key properties (:data:`FACTS`), then what points here by
    :data:`INCOMING_FACTS` (a body's units, an MoU's implementing agreements)."""
    table = [
        [[links.cell(p, about.label(p, "en"))], [links.cell(o, about.label(o)) for o in values]]
        for p in FACTS.get(kind, ())
        if (values := about.values(p))
    ]
    for p in INCOMING_FACTS.get(kind, ()):
        subjects = list(dict.fromkeys(s for s, q in about.incoming if q == p))
        if subjects:
            inverse = f"{about.label(p, 'en') or p} (inverse)"
            table.append([[Cell(inverse)], [links.cell(s, about.label(s)) for s in subjects]])
    return Section("About", ["property", "value"], table)


# -- every page ----------------------------------------------------------------------------


def common_sections(about: Description, links: Links, page: int) -> list[Section]:
    """Statements, what points here (paged), and provenance."""
    sources = {g: s for g, _, s in about.provenance}
    cited: dict[URIRef, list[Cell]] = {}  # by graph: a place is stated in thousands, per page

    def stated(graph: URIRef) -> list[Cell]:
        found = cited.get(graph)
        if found is None:
            source = sources.get(graph)
            found = [links.cell(source, about.label(source))] if source else [links.cell(graph)]
            cited[graph] = found
        return found

    grouped: dict[tuple, list[list[Cell]]] = defaultdict(list)
    for p, o, g in about.statements:
        grouped[(p, o)].append(stated(g))
    statements = [
        [[links.cell(p, about.label(p, "en"))], [links.cell(o, about.label(o))], _flat(where)]
        for p, o in about.statement_page()
        for where in [grouped[(p, o)]]
    ]
    pointing = [
        [[links.cell(s, about.label(s))], [links.cell(p, about.label(p, "en"))]]
        for s, p in about.incoming
    ]
    provenance = [
        [[links.cell(g)], [Cell(str(n))], [links.cell(s, about.label(s))] if s else []]
        for g, n, s in about.provenance
    ]
    return [
        Section(
            "Statements", ["property", "value", "stated by"], statements, about.statement_total
        ),
        Section("Referred to by", ["entity", "property"], pointing, about.incoming_total),
        Section("Provenance", ["named graph", "statements", "source"], provenance),
    ]


def _flat(cells: list[list[Cell]]) -> list[Cell]:
    return list(dict.fromkeys(c for group in cells for c in group))
