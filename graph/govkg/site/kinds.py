"""The sections particular to a kind of page: a body's agreements (paged), partners,
officials, predecessors and successors; an agreement's signatories; a person's signatures
and tenures. Each takes the ``select`` verb, the entity's IRI, the links and the page number.
"""

from __future__ import annotations

from collections import defaultdict

from rdflib import URIRef

from govkg.site.links import Cell, Links
from govkg.site.queries import Source, gather, rows
from govkg.site.tables import Section, page_slice

# -- a body --------------------------------------------------------------------------------


def body_sections(select: Source, iri: str, links: Links, page: int) -> list[Section]:
    """Agreements (one page, cut in the query), partners ranked, officials, predecessors
    and successors (their queries run side by side where ``select`` can)."""
    params = {"agency": iri}
    agreements, counted, ranked, linked_rows, found, sources, changes = gather(
        select,
        [
            ("body-agreements", params, page),
            ("body-agreement-count", params, 1),
            ("partners", params, 1),
            ("body-agreement-links", params, page),
            ("body-officials", params, 1),
            ("body-official-sources", params, 1),
            ("body-changes", params, 1),
        ],
    )
    linked: dict[tuple, list[Cell]] = defaultdict(list)
    for r in linked_rows:
        if str(r["link"]) != "party" or r["node"] != URIRef(iri):
            linked[(r["agreement"], str(r["link"]))].append(links.cell(r["node"], r["label"]))
    table = [
        [
            [links.cell(a["signedOn"])],
            [links.cell(a["agreement"], a["label"])],
            [links.cell(a["kind"], a["kindLabel"])],
            *(linked[(a["agreement"], link)] for link in ("party", "field", "source")),
        ]
        for a in agreements
    ]
    return [
        Section(
            "Agreements",
            ["signed", "agreement", "kind", "partners", "fields", "source"],
            table,
            int(counted[0]["agreements"]) if counted else 0,
        ),
        Section(  # only the page's partners made into cells: a hub has thousands
            "Partners",
            ["partner", "agreements", "first", "last"],
            partners(page_slice(ranked, page), links),
            len(ranked),
        ),
        Section(
            "Officials",
            ["person", "office", "attested", "sources"],
            tenures(found, sources, ("person", "name"), links),
        ),
        Section(
            "Predecessors and successors",
            ["", "body", "change", "date"],
            [
                [
                    [Cell(str(r["direction"]))],
                    [links.cell(r["other"], r["otherLabel"])],
                    [links.cell(r["event"])],
                    [links.cell(r["date"])],
                ]
                for r in changes
            ],
        ),
    ]


def partners(found: list[dict], links: Links) -> list[list[list[Cell]]]:
    """The rows of the canned ``partners`` query as table rows: most frequent partner first."""
    return [
        [
            [links.cell(r["partner"], r["label"])],
            [Cell(str(r["agreements"]))],
            [Cell(str(r["first"] or ""))],
            [Cell(str(r["last"] or ""))],
        ]
        for r in found
    ]


def tenures(
    found: list[dict], sources: list[dict], who: tuple[str, str], links: Links
) -> list[list[list[Cell]]]:
    """One row per tenure: ``who`` (the column and its label column), the office, the first
    and last day attested, and the sources (``sources``: rows of membership and sources)."""
    attested: dict = defaultdict(list)
    for r in sources:  # each tenure's sources in one text, in no order
        # sorted and made unique as text: rdflib's IRIs compare and hash in Python (a hub's
        # 5,800 sources took 0.1 s); the order of IRIs is their text's
        attested[r["membership"]] += map(URIRef, sorted(set(str(r["sources"]).split())))
    table = []
    for r in found:
        days = sorted({str(d) for d in (r["first"], r["last"]) if d is not None})
        table.append(
            [
                [links.cell(r[who[0]], r[who[1]])],
                [links.cell(r["role"], r["roleLabel"])],
                [Cell(" – ".join(days))],
                [links.cell(s) for s in attested[r["membership"]]],
            ]
        )
    return table


# -- a person ------------------------------------------------------------------------------


def person_sections(select: Source, iri: str, links: Links, page: int) -> list[Section]:
    """What the person signed or witnessed (post, on whose behalf), and their tenures."""
    acts = [
        [
            [links.cell(r["signedOn"])],
            [links.cell(r["agreement"], r["label"])],
            [Cell(str(r["role"]))],
            [links.cell(r["post"], r["postLabel"])] if r["post"] else [],
            [links.cell(r["party"], r["partyLabel"])] if r["party"] else [],
        ]
        for r in rows(select, "person-acts", {"person": iri})
    ]
    params = {"person": iri}
    held = tenures(
        rows(select, "person-tenures", params),
        rows(select, "person-tenure-sources", params),
        ("organization", "organizationLabel"),
        links,
    )
    return [
        Section(
            "Signed and witnessed", ["signed", "agreement", "as", "post", "on behalf of"], acts
        ),
        Section("Tenures", ["body", "office", "attested", "sources"], held),
    ]


# -- an agreement --------------------------------------------------------------------------


def agreement_sections(select: Source, iri: str, links: Links, page: int) -> list[Section]:
    """Who signed (their post, on whose behalf) and who witnessed."""
    table = [
        [
            [Cell(str(r["role"]))],
            [links.cell(r["person"], r["name"])],
            [links.cell(r["post"], r["postLabel"])] if r["post"] else [],
            [links.cell(r["party"], r["partyLabel"])] if r["party"] else [],
        ]
        for r in rows(select, "agreement-signatures", {"agreement": iri})
    ]
    return [Section("Signatories", ["role", "person", "post", "on behalf of"], table)]
