"""The fixpoint: the OWL RL rules applied to property pairs until nothing new appears.

:func:`cooperation_pairs` is the rule of ``ontology/rules/cooperates-with.rq``;
:func:`close` applies the property axioms of a :class:`~govkg.fastreason.schema.Schema`
(``prp-*``) round by round, each round only to the pairs new in the last one;
:func:`classify` types the resources (``cax-*``, ``prp-dom``, ``prp-rng``);
:func:`expand` copies the result onto every ``owl:sameAs`` alias (``eq-rep-*``), and
:func:`new` and :func:`kept` keep what :func:`govkg.reason.is_kept` keeps.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from itertools import permutations, product

import pyoxigraph as ox
from owlrl.XsdDatatypes import OWL_Datatype_Subsumptions

from govkg.fastreason.schema import Schema
from govkg.fastreason.terms import (
    DROPPED,
    IRREFLEXIVE,
    NOISE_TYPES,
    PARTY,
    SAME_AS,
    TYPE,
    TYPES,
    Index,
    Pairs,
    Triple,
    grouped,
    ours,
)
from govkg.terms import to_oxigraph

DATATYPE_SUBSUMPTIONS = {
    to_oxigraph(datatype): [to_oxigraph(wider) for wider in widers]
    for datatype, widers in OWL_Datatype_Subsumptions.items()
}
"""owlrl's datatype subsumptions (``dt-type``), as Oxigraph terms."""


def cooperation_pairs(index: Index) -> Iterator[tuple]:
    """``ontology/rules/cooperates-with.rq``: two different parties of one agreement, unless
    the first is declared ``owl:sameAs`` the second.

    >>> from govkg.fastreason import by_predicate
    >>> index = by_predicate([("a", PARTY, "lan"), ("a", PARTY, "lipi"), ("b", PARTY, "lan")])
    >>> sorted(cooperation_pairs(index))
    [('lan', 'lipi'), ('lipi', 'lan')]
    """
    parties: defaultdict[object, set] = defaultdict(set)
    for agreement, party in index.get(PARTY, ()):
        parties[agreement].add(party)
    same = index.get(SAME_AS, set())
    for members in parties.values():
        for pair in permutations(members, 2):
            if pair not in same:
                yield pair


def close(work: defaultdict[object, Pairs], schema: Schema) -> None:
    """Apply the property axioms of ``schema`` to ``work`` until nothing new appears.

    A set in ``work`` is never changed in place but replaced, so ``work`` may share its
    sets with the asserted index.
    """
    active = schema.active()
    delta = {p: pairs for p, pairs in work.items() if p in active and pairs}
    while delta:
        delta = _merge(work, _step(work, delta, schema))


def _step(work: Index, delta: Index, schema: Schema) -> defaultdict[object, Pairs]:
    """What one round of the property rules derives from the pairs new in ``delta``."""
    fresh: defaultdict[object, Pairs] = defaultdict(set)
    for p, pairs in delta.items():
        for q in schema.superproperties.get(p, ()):
            fresh[q] |= pairs
        turned = {(o, s) for s, o in pairs} if p in schema.inverses or p in schema.symmetric else ()
        for q in schema.inverses.get(p, ()):
            fresh[q] |= turned
        if p in schema.symmetric:
            fresh[p] |= turned
        if p in schema.transitive:
            fresh[p] |= _compose(pairs, work[p]) | _compose(work[p], pairs)
    for p, chain in schema.chains:
        if delta.keys() & set(chain):
            fresh[p] |= _chain(work, chain)
    return fresh


def _merge(work: Index, fresh: Index) -> dict[object, Pairs]:
    """Add ``fresh`` to ``work``; returns what was new."""
    added = {}
    for p, pairs in fresh.items():
        pairs -= work[p]
        if pairs:
            work[p] = work[p] | pairs
            added[p] = pairs
    return added


def _compose(left: Pairs, right: Pairs) -> Pairs:
    after = grouped(right)
    return {(x, z) for x, y in left for z in after.get(y, ())}


def _chain(work: Index, chain: list) -> Pairs:
    pairs = set(work[chain[0]])
    for p in chain[1:]:
        pairs = _compose(pairs, work[p])
    return pairs


def classify(work: Index, schema: Schema) -> dict[object, set]:
    """class → its members: declared types, domains, ranges (no literals), superclasses."""
    seeds: defaultdict[object, set] = defaultdict(set)
    for p, pairs in work.items():
        if p in schema.domains:
            subjects = {s for s, _ in pairs}
            for c in schema.domains[p]:
                seeds[c] |= subjects
        if p in schema.ranges:
            objects = {o for _, o in pairs if type(o) is not ox.Literal}  # others: see kept
            for c in schema.ranges[p]:
                seeds[c] |= objects
    for s, c in work.get(TYPE, ()):
        seeds[c].add(s)
        for d in DATATYPE_SUBSUMPTIONS.get(c, ()):  # owlrl's one-time dt-type rule
            seeds[d].add(s)
    types: defaultdict[object, set] = defaultdict(set)
    for c, members in seeds.items():
        for d in schema.superclasses.get(c, (c,)):
            types[d] |= members
    return types


def expand(closure: Index, aliases: dict) -> Iterator[Triple]:
    """Every triple of ``closure``, with each representative replaced by each of its aliases
    (``eq-rep-s``/``-p``/``-o``)."""
    members: defaultdict[object, list] = defaultdict(list)
    for term, rep in aliases.items():
        members[rep].append(term)
    for p, pairs in closure.items():
        for q in members.get(p, [p]):
            for s, o in pairs:
                if s in members or o in members:
                    yield from product(members.get(s, [s]), [q], members.get(o, [o]))
                else:
                    yield s, q, o


def new(work: Index, index: Index, types: dict[object, set]) -> Index:
    """The pairs of ``work`` and ``types`` that ``index`` does not hold, by predicate."""
    fresh = {
        p: pairs - index.get(p, set())
        for p, pairs in work.items()
        if pairs is not index.get(p) and p not in TYPES  # a shared set is unchanged
    }
    declared = grouped((c, s) for s, c in index.get(TYPE, ()))
    fresh[TYPE] = {
        (s, c)
        for c, members in types.items()
        if c not in NOISE_TYPES
        for s in members - declared.get(c, set())
    }
    return fresh


def kept(fresh: Index) -> Iterator[Triple]:
    """The filter of :func:`govkg.reason.is_kept`, and no reflexive cooperation.

    Set look-ups, not ``==``, over millions of pairs.
    """
    for p, pairs in fresh.items():
        if p in DROPPED:
            continue
        typed, irreflexive = p in TYPES, p in IRREFLEXIVE
        for s, o in pairs:
            if ours(s) and not (typed and o in NOISE_TYPES) and not (irreflexive and s == o):
                yield s, p, o
