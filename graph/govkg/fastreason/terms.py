"""The terms and the index shape shared by every stage of :mod:`govkg.fastreason`.

Triples are held as an :data:`Index`, predicate → set of (subject, object) pairs, built by
:func:`by_predicate`. The constants name the OWL RL vocabulary the stages look for: what
is supported, what falls back to owlrl, what is never kept. Terms are Oxigraph terms, as
the build makes them. :func:`grouped` and
:func:`ours` are the small helpers more than one stage needs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import pyoxigraph as ox

from govkg.namespaces import ID_BASE, OX

OWL, RDF, RDFS, XSD = OX.OWL, OX.RDF, OX.RDFS, OX.XSD

Triple = tuple
Pairs = set[tuple]
Index = dict[object, Pairs]

TYPE, SAME_AS = RDF.type, OWL.sameAs
PARTY, COOPERATES = OX.GOVKG.party, OX.GOVKG.cooperatesWith
TYPES, DROPPED, IRREFLEXIVE = {TYPE}, {SAME_AS}, {COOPERATES}

UNSUPPORTED_PREDICATES = {
    OWL.hasKey,
    OWL.intersectionOf,
    OWL.unionOf,
    OWL.someValuesFrom,
    OWL.allValuesFrom,
    OWL.hasValue,
    OWL.maxCardinality,
    OWL.maxQualifiedCardinality,
    OWL.oneOf,
}
UNSUPPORTED_TYPES = {OWL.FunctionalProperty, OWL.InverseFunctionalProperty, OWL.Nothing}
CLASS_AXIOMS = (RDFS.subClassOf, OWL.equivalentClass)
PROPERTY_AXIOMS = (RDFS.subPropertyOf, OWL.equivalentProperty, OWL.inverseOf)
TBOX = (*CLASS_AXIOMS, *PROPERTY_AXIOMS, RDFS.domain, RDFS.range, OWL.propertyChainAxiom)
TBOX_TYPES = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, RDF.Property}
SYMMETRIC, TRANSITIVE = OWL.SymmetricProperty, OWL.TransitiveProperty
SCHEMA_TYPES = {*UNSUPPORTED_TYPES, *TBOX_TYPES, SYMMETRIC, TRANSITIVE}
BUILTIN = tuple(map(str, (RDF, RDFS, OWL, XSD)))
NOISE_TYPES = {OWL.Thing, RDFS.Resource, OWL.NamedIndividual}
"""Types never kept (:data:`govkg.reason.NOISE_TYPES`, as Oxigraph terms)."""


def by_predicate(triples: Iterable[Triple]) -> defaultdict[object, Pairs]:
    """Triples as predicate → set of (subject, object) pairs.

    >>> dict(by_predicate([("a", "p", "b"), ("a", "p", "c")]))["p"] == {("a", "b"), ("a", "c")}
    True
    """
    index: defaultdict[object, Pairs] = defaultdict(set)
    for s, p, o in triples:
        index[p].add((s, o))
    return index


def grouped(pairs: Iterable[tuple]) -> dict[object, set]:
    """Pairs as first → set of seconds.

    >>> grouped([("a", 1), ("a", 2), ("b", 3)]) == {"a": {1, 2}, "b": {3}}
    True
    """
    result: dict[object, set] = {}
    for a, b in pairs:
        result.setdefault(a, set()).add(b)
    return result


def ours(term: object) -> bool:
    """An IRI under ``id:``.

    >>> ours(OX.ORG.Post), ours(ox.NamedNode(ID_BASE + "org/lan"))
    (False, True)
    """
    return type(term) is ox.NamedNode and term.value.startswith(ID_BASE)
