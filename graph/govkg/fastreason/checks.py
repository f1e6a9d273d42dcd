"""Detecting input this package does not reason over, so that it falls back to owlrl.

:func:`problems` yields one message per OWL RL construct owlrl would apply here and
:mod:`govkg.fastreason` does not: restrictions, keys, functional properties,
``owl:Nothing``, axioms that re-define the schema vocabulary, aliases of literals or
built-in terms, and schema axioms about our own ``id:`` resources (owlrl's ``scm-*`` rules
would add kept triples about them).
"""

from __future__ import annotations

from collections.abc import Iterator

import pyoxigraph as ox

from govkg.fastreason.schema import alias_classes, chains, declarations
from govkg.fastreason.terms import (
    BUILTIN,
    OWL,
    RDFS,
    SAME_AS,
    SYMMETRIC,
    TBOX,
    TBOX_TYPES,
    TRANSITIVE,
    UNSUPPORTED_PREDICATES,
    UNSUPPORTED_TYPES,
    Index,
    ours,
)


def problems(index: Index) -> Iterator[str]:
    """What owlrl would do here that this package does not: restrictions, keys, functional
    properties, ``owl:Nothing``, axioms that re-define the schema vocabulary, aliases of
    literals or built-in terms, schema axioms about our own ``id:`` resources."""
    used = UNSUPPORTED_PREDICATES.intersection(k for k, v in index.items() if v)
    declared = declarations(index)
    used |= UNSUPPORTED_TYPES.intersection(declared)
    if used:
        yield f"uses {', '.join(sorted(term.value for term in used))}"
    yield from _meta_axioms(index, declared)
    for s, o in index.get(SAME_AS, ()):
        if _builtin(s) or _builtin(o):
            yield f"aliases a literal or a built-in term: {s} owl:sameAs {o}"
    yield from _own_schema_terms(index, declared)


def _meta_axioms(index: Index, declared: dict[object, set]) -> Iterator[str]:
    """Axioms that would change what the schema vocabulary itself means."""
    for p in TBOX:
        for s, o in index.get(p, ()):
            if _builtin(s) or (p not in (RDFS.domain, RDFS.range) and _meta(p, o)):
                yield f"re-defines built-in vocabulary: {s} {p} {o}"
    for s in {*declared.get(SYMMETRIC, ()), *declared.get(TRANSITIVE, ())}:
        if _builtin(s):
            yield f"re-defines built-in vocabulary: {s} is symmetric or transitive"
    for p, chain in chains(index):
        if any(_builtin(q) for q in chain):
            yield f"property chain through built-in vocabulary: {p}"


def _builtin(term: object) -> bool:
    return isinstance(term, ox.Literal) or term.value.startswith(BUILTIN)


def _meta(p: object, o: object) -> bool:
    return _builtin(o) and not (p == RDFS.subClassOf and o == OWL.Thing)


def _own_schema_terms(index: Index, declared: dict[object, set]) -> Iterator[str]:
    """owlrl's ``scm-*`` rules would add kept triples about an ``id:`` class or property."""
    aliases = alias_classes(index.get(SAME_AS, set()))
    schema_terms = {s for p in TBOX for s, _ in index.get(p, ())}
    schema_terms |= {s for c in TBOX_TYPES for s in declared.get(c, ())}
    for term in schema_terms:
        if any(ours(t) for t in _members(term, aliases)):
            yield f"schema axioms about our own resource {term}"


def _members(term: object, aliases: dict) -> list:
    rep = aliases.get(term, term)
    return [t for t, r in aliases.items() if r == rep] or [term]
