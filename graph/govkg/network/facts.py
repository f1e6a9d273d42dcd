"""Facts for the network views, fetched from a build with the declared SPARQL tables.

Each table is one ``queries/<name>.rq`` file run through the engine; the agreement filters
(field with its narrower fields, date range) are parameters bound by the engine, never
written into the query text. Rows come back as plain strings, one table per kind of fact.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from govkg.canned import parse_header
from govkg.engines import Engine
from govkg.network.views import declaration, kind_of, local_name, query_path
from govkg.query import run_on

AGREEMENT_KINDS = {
    "MemorandumOfUnderstanding": "MoU",
    "CooperationAgreement": "PKS",
    "MemorandumOfAgreement": "MoA",
    "StatementOfIntent": "SoI",
}
Table = list[dict[str, str | None]]


@dataclass
class Facts:
    """What the views are drawn from: bodies, agreements (filtered), relation rows, fields."""

    organizations: dict[str, dict]
    agreements: dict[str, dict]
    relations: dict[str, Table]
    fields: dict[str, dict]
    successors: dict[str, str] = field(default_factory=dict)
    people: dict[str, str] = field(default_factory=dict)
    units: dict[str, str] = field(default_factory=dict)


def run_table(engine: Engine, name: str, given: dict[str, str] | None = None) -> Table:
    """Rows of one declared query as dicts of strings (unbound cells are None).

    :raises GovkgError: when a parameter does not resolve (unknown field, bad date).
    """
    result = run_on(engine, parse_header(query_path(name)), given or {})
    return [
        {c: None if v is None else str(v) for c, v in zip(result.columns, row, strict=True)}
        for row in result.rows
    ]


def _first(values: set) -> str | None:
    present = sorted(v for v in values if v is not None)
    return present[0] if present else None


def _grouped(rows: Table, key: str) -> dict[str, dict[str, set]]:
    groups: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    for row in rows:
        for column, value in row.items():
            groups[row[key]][column].add(value)
    return groups


def organizations(engine: Engine) -> dict[str, dict]:
    """Every organization: labels, acronym, kind, level (central/local/other), province."""
    table = _organization_table(engine)
    for entry in table.values():
        del entry["parent"]
    return table


def units(table: dict[str, dict]) -> dict[str, str]:
    """Each unit (a kind declared ``unit: true``) → the nearest body above it that is not one.

    >>> units({"a": {"kind": "GovernmentUnit", "parent": "b"},
    ...        "b": {"kind": "GovernmentUnit", "parent": "c"},
    ...        "c": {"kind": "RegencyGovernment", "parent": None}})
    {'a': 'c', 'b': 'c'}
    """
    kinds = declaration().kinds
    found = {}
    for iri in table:
        seen, top = {iri}, iri
        while kinds[table[top]["kind"]].unit and table[top]["parent"] in table:
            top = table[top]["parent"]
            if top in seen:
                break
            seen.add(top)
        if top != iri:
            found[iri] = top
    return found


def _organization_table(engine: Engine) -> dict[str, dict]:
    """:func:`organizations` with each body's ``parent`` still in it."""
    kinds = declaration().kinds
    table = {}
    for iri, cells in _grouped(
        run_table(engine, declaration().tables["organizations"]), "organization"
    ).items():
        kind = kind_of({c for c in cells["class"] if c}) or "FormalOrganization"
        table[iri] = {
            "name": _first(cells["label"]) or _first(cells["labelEn"]) or local_name(iri),
            "name_en": _first(cells["labelEn"]),
            "acronym": _first(cells["acronym"]),
            "kind": kind,
            "kind_label": kinds[kind].label,
            "color": kinds[kind].color,
            "level": kinds[kind].level,
            "parent": _first(cells["parent"]),
            "province": iri if kind == "ProvincialGovernment" else _first(cells["province"]),
        }
    for iri in table:
        table[iri]["level"] = _inherited(table, iri, "level", lambda v: v != "parent") or "other"
        table[iri]["province"] = _inherited(table, iri, "province", bool)
    for entry in table.values():
        province = table.get(entry["province"] or "")
        entry["province_label"] = province["name"] if province else None
    return table


def _inherited(table: dict[str, dict], iri: str, key: str, found) -> str | None:
    """``key`` of the body or, failing ``found``, of the nearest body it belongs to."""
    seen = set()
    while iri in table and iri not in seen:
        seen.add(iri)
        value = table[iri][key]
        if found(value):
            return value
        iri = table[iri]["parent"]
    return None


def agreements(engine: Engine, given: dict[str, str]) -> dict[str, dict]:
    """The agreements that pass the filters, with kind, label, date, fields and sources."""
    table: dict[str, dict] = {}
    for row in run_table(engine, declaration().tables["agreements"], given):
        entry = table.setdefault(row["agreement"], {"label": None, "kind": None, "date": None})
        kind = AGREEMENT_KINDS.get(local_name(row["kind"] or ""), "agreement")
        entry["kind"] = min(filter(None, (entry["kind"], kind)))
        entry["label"] = _first({entry["label"], row["label"]}) or local_name(row["agreement"])
        entry["date"] = _first({entry["date"], row["date"]})
    for entry in table.values():
        entry.update(field_iris=[], fields=[], sources=[], urls=[], publishers=[], documents=[])
        entry["signatories"] = []
    for row in run_table(engine, declaration().tables["agreement_fields"]):
        if row["agreement"] in table:
            table[row["agreement"]]["field_iris"].append(row["field"])
            table[row["agreement"]]["fields"].append(row["label"] or local_name(row["field"]))
    for row in run_table(engine, declaration().tables["agreement_sources"]):
        if row["agreement"] in table:
            entry = table[row["agreement"]]
            entry["sources"].append(row["source"])
            entry["urls"].extend([row["url"]] if row["url"] else [])
            entry["publishers"].extend([row["publisher"]] if row["publisher"] else [])
            entry["documents"].append((row["source"], row["url"], row["publisher"]))
    for entry in table.values():
        for key in ("field_iris", "fields", "sources", "urls", "publishers"):
            entry[key] = sorted(set(entry[key]))
        entry["documents"] = sorted(set(entry["documents"]), key=lambda d: [x or "" for x in d])
    return table


def fields(engine: Engine) -> dict[str, dict]:
    """The cooperation field scheme: label and broader field of each field."""
    table: dict[str, dict] = {}
    for iri, cells in _grouped(run_table(engine, declaration().tables["fields"]), "field").items():
        table[iri] = {"label": _first(cells["label"]) or local_name(iri)}
        table[iri]["broader"] = _first(cells["broader"])
    return table


def load_facts(
    engine: Engine,
    *,
    field: str | None = None,
    since: str | None = None,
    until: str | None = None,
    relations: tuple[str, ...] | None = None,
) -> Facts:
    """Fetch everything a view needs; agreement filters are bound by the engine.

    >>> from govkg.engines import OxigraphEngine
    >>> engine = OxigraphEngine.from_turtle('''
    ...   @prefix g: <https://w3id.org/govkg/ontology#> .
    ...   <https://w3id.org/govkg/id/org/lan> a g:NonMinisterialAgency ; g:acronym "LAN" .
    ...   <https://w3id.org/govkg/id/agreement/a> a g:MemorandumOfUnderstanding ;
    ...       g:signedOn "2019-02-01"^^<http://www.w3.org/2001/XMLSchema#date> .
    ... ''')
    >>> facts = load_facts(engine)
    >>> facts.organizations["https://w3id.org/govkg/id/org/lan"]["level"]
    'central'
    >>> facts.agreements["https://w3id.org/govkg/id/agreement/a"]["date"]
    '2019-02-01'
    >>> load_facts(engine, since="2020-01-01").agreements
    {}

    :raises GovkgError: when a filter value does not resolve (unknown field, bad date).
    """
    given = {k: v for k, v in (("field", field), ("since", since), ("until", until)) if v}
    kept = agreements(engine, given)
    wanted = relations or tuple(declaration().relations)
    tables = {}
    people: dict[str, str] = {}
    for name in wanted:
        relation = declaration().relations[name]
        rows = [r for r in run_table(engine, relation.query) if r["agreement"] in kept]
        tables[name] = rows
        for row in rows:
            if "person" in row:
                people[row["person"]] = row.get("name") or local_name(row["person"])
    for row in tables.get("signatures", []):
        kept[row["agreement"]]["signatories"].append(row)
    successors: dict[str, str] = {}
    for row in sorted(run_table(engine, declaration().tables["successors"]), key=str):
        successors.setdefault(row["organization"], row["successor"])  # a split: the first
    bodies = _organization_table(engine)
    rollup = units(bodies)
    for entry in bodies.values():
        del entry["parent"]
    return Facts(bodies, kept, tables, fields(engine), successors, people, rollup)
