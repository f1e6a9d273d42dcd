"""Fast OWL RL inferences: what :func:`govkg.reason.infer` keeps, without running owlrl.

owlrl applies every rule to every triple in every cycle; on our graphs almost all of that
work is noise that :func:`govkg.reason.is_kept` throws away. Here the schema is read once
from the asserted triples, closed (sub-classes, sub-properties, equivalences, domains and
ranges), and applied to property pairs indexed by predicate until nothing new appears.
The OWL RL rules that fire on the govkg ontology are ``cax-sco``/``cax-eqc``,
``prp-dom``/``prp-rng``, ``prp-spo1``/``prp-eqp``, ``prp-inv``, ``prp-symp`` (plus
``prp-trp``, ``prp-spo2`` and ``eq-*`` when data uses them); ``govkg:cooperatesWith``
comes from the same rule as ``ontology/rules/cooperates-with.rq``, run on the asserted
triples as :func:`govkg.reason.infer` does.

Inputs using OWL RL constructs this module does not implement (restrictions, keys,
functional properties, re-definitions of the schema vocabulary, schema axioms about our
own ``id:`` resources) are handed to :func:`govkg.reason.infer`, with a warning.

One deliberate difference: no reflexive ``govkg:cooperatesWith``. owlrl derives one when
two parties of an agreement are declared ``owl:sameAs`` (``eq-rep`` undoes the rule's
alias exception); this module drops it, as the data model requires.
"""

from __future__ import annotations

import gc
import warnings
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import permutations, product

from owlrl.XsdDatatypes import OWL_Datatype_Subsumptions
from rdflib import Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD

from govkg.namespaces import GOVKG, ID_BASE
from govkg.reason import NOISE_TYPES, infer

Triple = tuple
Pairs = set[tuple]
Index = dict[object, Pairs]

TYPE, SAME_AS = RDF.type, OWL.sameAs
PARTY, COOPERATES = GOVKG.party, GOVKG.cooperatesWith
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
BUILTIN = (str(RDF), str(RDFS), str(OWL), str(XSD))


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


def infer_fast(asserted: Iterable[Triple]) -> set[Triple]:
    """The same inferences as :func:`govkg.reason.infer`, computed without owlrl.

    Falls back to :func:`govkg.reason.infer`, with a warning, when the input uses OWL RL
    that this module does not implement.

    >>> from govkg.namespaces import ID
    >>> lan, lipi, mou = ID["org/lan"], ID["org/lipi"], ID["agreement/a"]
    >>> data = [(GOVKG.party, OWL.inverseOf, GOVKG.isPartyTo),
    ...         (mou, GOVKG.party, lan), (mou, GOVKG.party, lipi)]
    >>> sorted(str(p).split("#")[1] + " " + str(o)[-4:] for s, p, o in infer_fast(data)
    ...        if s == lan)
    ['cooperatesWith lipi', 'isPartyTo nt/a']
    """
    known = asserted if isinstance(asserted, set | frozenset) else set(asserted)
    with _gc_paused():
        index = by_predicate(known)
        problem = next(_problems(index), None)
        inferred = None if problem else _infer(known, index)
        del index  # before collection resumes, so that it need not scan the index
    if inferred is not None:
        return inferred
    warnings.warn(f"infer_fast: {problem}; using owlrl instead", stacklevel=2)
    return infer(known)


@contextmanager
def _gc_paused() -> Iterator[None]:
    """No cyclic garbage collection inside: the millions of fresh tuples would trigger
    full collections over every term of the graph, for nothing (no cycles are made)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _infer(known: set[Triple], index: Index) -> set[Triple]:
    aliases = _alias_classes(index.get(SAME_AS, set()))
    work = _canonical(index, aliases)
    rule = set(cooperation_pairs(index))
    if aliases:
        rule = {(aliases.get(x, x), aliases.get(y, y)) for x, y in rule}
    work[COOPERATES] = work[COOPERATES] | rule
    schema = _read_schema(work)
    _close(work, schema)
    types = _classify(work, schema)
    if aliases:
        work[TYPE] = {(s, c) for c, members in types.items() for s in members}
        fresh = by_predicate(set(_expand(work, aliases)) - known)
    else:
        fresh = _new(work, index, types)
    return set(_kept(fresh))


def by_predicate(triples: Iterable[Triple]) -> defaultdict[object, Pairs]:
    """Triples as predicate → set of (subject, object) pairs.

    >>> dict(by_predicate([("a", "p", "b"), ("a", "p", "c")]))["p"] == {("a", "b"), ("a", "c")}
    True
    """
    index: defaultdict[object, Pairs] = defaultdict(set)
    for s, p, o in triples:
        index[p].add((s, o))
    return index


def _problems(index: Index) -> Iterator[str]:
    """What owlrl would do here that this module does not: restrictions, keys, functional
    properties, ``owl:Nothing``, axioms that re-define the schema vocabulary, aliases of
    literals or built-in terms, schema axioms about our own ``id:`` resources."""
    used = UNSUPPORTED_PREDICATES.intersection(k for k, v in index.items() if v)
    declared = _declarations(index)
    used |= UNSUPPORTED_TYPES.intersection(declared)
    if used:
        yield f"uses {', '.join(sorted(used))}"
    yield from _meta_axioms(index, declared)
    for s, o in index.get(SAME_AS, ()):
        if _builtin(s) or _builtin(o):
            yield f"aliases a literal or a built-in term: {s} owl:sameAs {o}"
    yield from _own_schema_terms(index, declared)


def _declarations(index: Index) -> dict[object, set]:
    """Members of the OWL classes that say how a property or class behaves."""
    return _grouped((o, s) for s, o in index.get(TYPE, ()) if o in SCHEMA_TYPES)


def _meta_axioms(index: Index, declared: dict[object, set]) -> Iterator[str]:
    """Axioms that would change what the schema vocabulary itself means."""
    for p in TBOX:
        for s, o in index.get(p, ()):
            if _builtin(s) or (p not in (RDFS.domain, RDFS.range) and _meta(p, o)):
                yield f"re-defines built-in vocabulary: {s} {p} {o}"
    for s in {*declared.get(SYMMETRIC, ()), *declared.get(TRANSITIVE, ())}:
        if _builtin(s):
            yield f"re-defines built-in vocabulary: {s} is symmetric or transitive"
    for p, chain in _chains(index):
        if any(_builtin(q) for q in chain):
            yield f"property chain through built-in vocabulary: {p}"


def _builtin(term: object) -> bool:
    return isinstance(term, Literal) or str(term).startswith(BUILTIN)


def _meta(p: object, o: object) -> bool:
    return _builtin(o) and not (p == RDFS.subClassOf and o == OWL.Thing)


def _own_schema_terms(index: Index, declared: dict[object, set]) -> Iterator[str]:
    """owlrl's ``scm-*`` rules would add kept triples about an ``id:`` class or property."""
    aliases = _alias_classes(index.get(SAME_AS, set()))
    schema_terms = {s for p in TBOX for s, _ in index.get(p, ())}
    schema_terms |= {s for c in TBOX_TYPES for s in declared.get(c, ())}
    for term in schema_terms:
        if any(_ours(t) for t in _members(term, aliases)):
            yield f"schema axioms about our own resource {term}"


def _ours(term: object) -> bool:
    """An IRI under ``id:`` (exact type first, and ``str.startswith``: rdflib's methods and
    ``isinstance`` through its ABCs are Python code, slow over millions of terms)."""
    return (type(term) is URIRef or isinstance(term, URIRef)) and str.startswith(term, ID_BASE)


def _alias_classes(same: Pairs) -> dict:
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


def _members(term: object, aliases: dict) -> list:
    rep = aliases.get(term, term)
    return [t for t, r in aliases.items() if r == rep] or [term]


def _canonical(index: Index, aliases: dict) -> defaultdict[object, Pairs]:
    """``index`` without ``owl:sameAs``, every alias replaced by its representative.

    Without aliases the sets are shared with ``index``: :func:`_close` never changes a set
    in place, it replaces it.
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


def cooperation_pairs(index: Index) -> Iterator[tuple]:
    """``ontology/rules/cooperates-with.rq``: two different parties of one agreement, unless
    the first is declared ``owl:sameAs`` the second.

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


def _read_schema(index: Index) -> Schema:
    """Close the schema axioms found among the triples (``scm-*`` rules)."""
    declared = _declarations(index)
    return Schema(
        superclasses=_closure(index, RDFS.subClassOf, OWL.equivalentClass),
        superproperties=_strict(_closure(index, RDFS.subPropertyOf, OWL.equivalentProperty)),
        inverses=_neighbours(index.get(OWL.inverseOf, ())),
        symmetric=declared.get(SYMMETRIC, set()),
        transitive=declared.get(TRANSITIVE, set()),
        domains=_grouped(index.get(RDFS.domain, ())),
        ranges=_grouped(index.get(RDFS.range, ())),
        chains=_chains(index),
    )


def _closure(index: Index, sub: object, equivalent: object) -> dict[object, frozenset]:
    """Reflexive-transitive closure of ``sub`` plus ``equivalent`` both ways."""
    edges = _grouped(index.get(sub, ()))
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


def _grouped(pairs: Iterable[tuple]) -> dict[object, set]:
    grouped: dict[object, set] = {}
    for a, b in pairs:
        grouped.setdefault(a, set()).add(b)
    return grouped


def _neighbours(pairs: Iterable[tuple]) -> dict[object, set]:
    return _grouped([*pairs, *((b, a) for a, b in pairs)])


def _chains(index: Index) -> list[tuple[object, list]]:
    first, rest = dict(index.get(RDF.first, ())), dict(index.get(RDF.rest, ()))

    def items(node: object) -> list:
        out, seen = [], set()
        while node in first and node not in seen:  # a cyclic list ends where it repeats
            seen.add(node)
            out.append(first[node])
            node = rest.get(node, RDF.nil)
        return out

    return [(p, items(head)) for p, head in index.get(OWL.propertyChainAxiom, ()) if items(head)]


def _close(work: defaultdict[object, Pairs], schema: Schema) -> None:
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
    new = {}
    for p, pairs in fresh.items():
        pairs -= work[p]
        if pairs:
            work[p] = work[p] | pairs
            new[p] = pairs
    return new


def _compose(left: Pairs, right: Pairs) -> Pairs:
    after = _grouped(right)
    return {(x, z) for x, y in left for z in after.get(y, ())}


def _chain(work: Index, chain: list) -> Pairs:
    pairs = set(work[chain[0]])
    for p in chain[1:]:
        pairs = _compose(pairs, work[p])
    return pairs


def _classify(work: Index, schema: Schema) -> dict[object, set]:
    """class → its members: declared types, domains, ranges (no literals), superclasses."""
    seeds: defaultdict[object, set] = defaultdict(set)
    for p, pairs in work.items():
        if p in schema.domains:
            subjects = {s for s, _ in pairs}
            for c in schema.domains[p]:
                seeds[c] |= subjects
        if p in schema.ranges:
            objects = {o for _, o in pairs if type(o) is not Literal}  # others: see _kept
            for c in schema.ranges[p]:
                seeds[c] |= objects
    for s, c in work.get(TYPE, ()):
        seeds[c].add(s)
        for d in OWL_Datatype_Subsumptions.get(c, ()):  # owlrl's one-time dt-type rule
            seeds[d].add(s)
    types: defaultdict[object, set] = defaultdict(set)
    for c, members in seeds.items():
        for d in schema.superclasses.get(c, (c,)):
            types[d] |= members
    return types


def _expand(closure: Index, aliases: dict) -> Iterator[Triple]:
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


def _new(work: Index, index: Index, types: dict[object, set]) -> Index:
    """The pairs of ``work`` and ``types`` that ``index`` does not hold, by predicate."""
    fresh = {
        p: pairs - index.get(p, set())
        for p, pairs in work.items()
        if pairs is not index.get(p) and p not in TYPES  # a shared set is unchanged
    }
    declared = _grouped((c, s) for s, c in index.get(TYPE, ()))
    fresh[TYPE] = {
        (s, c)
        for c, members in types.items()
        if c not in NOISE_TYPES
        for s in members - declared.get(c, set())
    }
    return fresh


def _kept(fresh: Index) -> Iterator[Triple]:
    """The filter of :func:`govkg.reason.is_kept`, and no reflexive cooperation.

    Set look-ups, not ``==``: rdflib's ``__eq__`` is Python code.
    """
    for p, pairs in fresh.items():
        if p in DROPPED:
            continue
        typed, irreflexive = p in TYPES, p in IRREFLEXIVE
        for s, o in pairs:
            if _ours(s) and not (typed and o in NOISE_TYPES) and not (irreflexive and s == o):
                yield s, p, o


__all__ = ["by_predicate", "cooperation_pairs", "infer_fast"]
