"""Reading and closing the schema found among the asserted triples (OWL RL ``scm-*``).

:func:`read_schema` gathers the class and property axioms into a :class:`Schema`, closed
once: sub-classes, sub-properties and equivalences transitively, inverses both ways, the
declared symmetric and transitive properties, domains, ranges and property chains.
``owl:sameAs`` is handled before that: :func:`alias_classes` picks one representative per
alias class and :func:`canonical` rewrites the index onto the representatives.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from govkg.fastreason.terms import (
    DROPPED,
    OWL,
    RDF,
    RDFS,
    SCHEMA_TYPES,
    SYMMETRIC,
    TRANSITIVE,
    TYPE,
    Index,
    Pairs,
    grouped,
)


@dataclass
class Schema:
    """The closed schema: what one asserted class or property implies."""

    superclasses: dict[object, frozenset]
    superproperties: dict[object, frozenset]
    inverses: dict[object, set]
    symmetric: set
    transitive: set
    domains: dict[object, set]
    ranges: dict[object, set]
    chains: list[tuple[object, list]]

    def active(self) -> set:
        """Properties whose pairs imply other pairs."""
        chained = {q for _, chain in self.chains for q in chain}
        return {*self.superproperties, *self.inverses, *self.symmetric, *self.transitive, *chained}


def read_schema(index: Index) -> Schema:
    """Close the schema axioms found among the triples (``scm-*`` rules)."""
    declared = declarations(index)
    return Schema(
        superclasses=_closure(index, RDFS.subClassOf, OWL.equivalentClass),
        superproperties=_strict(_closure(index, RDFS.subPropertyOf, OWL.equivalentProperty)),
        inverses=_neighbours(index.get(OWL.inverseOf, ())),
        symmetric=declared.get(SYMMETRIC, set()),
        transitive=declared.get(TRANSITIVE, set()),
        domains=grouped(index.get(RDFS.domain, ())),
        ranges=grouped(index.get(RDFS.range, ())),
        chains=chains(index),
    )


def declarations(index: Index) -> dict[object, set]:
    """Members of the OWL classes that say how a property or class behaves."""
    return grouped((o, s) for s, o in index.get(TYPE, ()) if o in SCHEMA_TYPES)


def _closure(index: Index, sub: object, equivalent: object) -> dict[object, frozenset]:
    """Reflexive-transitive closure of ``sub`` plus ``equivalent`` both ways."""
    edges = grouped(index.get(sub, ()))
    for a, b in index.get(equivalent, ()):
        edges.setdefault(a, set()).add(b)
        edges.setdefault(b, set()).add(a)
    return {node: frozenset(_reachable(node, edges)) for node in edges}


def _reachable(start: object, edges: dict) -> set:
    seen, todo = {start}, [start]
    while todo:
        for nxt in edges.get(todo.pop(), ()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def _strict(closure: dict[object, frozenset]) -> dict[object, frozenset]:
    return {k: v - {k} for k, v in closure.items() if v - {k}}


def _neighbours(pairs: Iterable[tuple]) -> dict[object, set]:
    return grouped([*pairs, *((b, a) for a, b in pairs)])


def chains(index: Index) -> list[tuple[object, list]]:
    """Each ``owl:propertyChainAxiom`` as (property, the properties of its chain)."""
    first, rest = dict(index.get(RDF.first, ())), dict(index.get(RDF.rest, ()))

    def items(node: object) -> list:
        out, seen = [], set()
        while node in first and node not in seen:  # a cyclic list ends where it repeats
            seen.add(node)
            out.append(first[node])
            node = rest.get(node, RDF.nil)
        return out

    return [(p, items(head)) for p, head in index.get(OWL.propertyChainAxiom, ()) if items(head)]


def alias_classes(same: Pairs) -> dict:
    """term → representative of its ``owl:sameAs`` class (terms in no alias pair are absent)."""
    parent: dict = {}

    def root(x: object) -> object:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for x, y in same:
        rx, ry = root(x), root(y)
        if rx != ry:
            parent[ry] = rx
    return {x: root(x) for x in parent}


def canonical(index: Index, aliases: dict) -> defaultdict[object, Pairs]:
    """``index`` without ``owl:sameAs``, every alias replaced by its representative.

    Without aliases the sets are shared with ``index``: :func:`govkg.fastreason.rules.close`
    never changes a set in place, it replaces it.
    """
    work: defaultdict[object, Pairs] = defaultdict(set)
    a = aliases.get
    for p, pairs in index.items():
        if p in DROPPED:
            continue
        if aliases:
            work[a(p, p)] |= {(a(s, s), a(o, o)) for s, o in pairs}
        else:
            work[p] = pairs
    return work
