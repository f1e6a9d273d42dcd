"""OWL RL inferences, kept apart from asserted data and cleaned of owlrl's noise.

owlrl is the reference reasoner. It runs on a plain rdflib copy of the data (it adds
literal-subject triples that an Oxigraph-backed graph refuses). What it adds is then
filtered: only triples about our own ``id:`` resources, no ``owl:Thing`` /
``rdfs:Resource`` types, no ``owl:sameAs`` (owlrl adds a reflexive one for every
term), and nothing already asserted. ``govkg:cooperatesWith`` comes from the SPARQL
rules in ``ontology/rules/`` (see ``docs/decisions/0001-data-model.md``).

:func:`infer` takes and gives the build's triples (Oxigraph terms); owlrl works on rdflib
terms, so they cross through :mod:`govkg.terms` here, at the edge of the reference.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import owlrl
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from govkg.namespaces import ID_BASE
from govkg.resources import ontology_dir
from govkg.terms import to_oxigraph, to_rdflib

Triple = tuple

NOISE_TYPES = {OWL.Thing, RDFS.Resource, OWL.NamedIndividual}


def rule_files() -> list[Path]:
    """The SPARQL CONSTRUCT rules that derive project terms (sorted, so runs are repeatable)."""
    return sorted((ontology_dir() / "rules").glob("*.rq"))


def apply_rules(graph: Graph) -> set[Triple]:
    """Run every rule on ``graph`` and return what they construct."""
    derived: set[Triple] = set()
    for path in rule_files():
        for triple in graph.query(path.read_text(encoding="utf-8")):
            derived.add(tuple(triple))
    return derived


def is_kept(triple: Triple) -> bool:
    """Whether an inferred triple belongs in the inferred graph (no noise, our resources only).

    >>> from rdflib import Literal
    >>> from rdflib.namespace import OWL
    >>> lan = URIRef(ID_BASE + "org/lan")
    >>> is_kept((lan, OWL.sameAs, lan))
    False
    >>> is_kept((Literal("2019-02-01"), RDF.type, RDFS.Literal))
    False
    """
    s, p, o = triple
    if not isinstance(s, URIRef) or not str(s).startswith(ID_BASE):
        return False
    if p == OWL.sameAs:
        return False
    return not (p == RDF.type and o in NOISE_TYPES)


def infer(asserted: Iterable[Triple]) -> set[Triple]:
    """The OWL RL + rule inferences over ``asserted`` (ontology, reference and source triples,
    Oxigraph terms), as Oxigraph terms.

    >>> from govkg import ids
    >>> from govkg.namespaces import OX
    >>> mou, lan = ids.agreement("a"), ids.org("lan")
    >>> data = [(OX.GOVKG.party, OX.OWL.inverseOf, OX.GOVKG.isPartyTo), (mou, OX.GOVKG.party, lan)]
    >>> infer(data) == {(lan, OX.GOVKG.isPartyTo, mou)}
    True
    """
    known = {_rdflib(t) for t in asserted}
    work = Graph()
    for triple in known:
        work.add(triple)
    for triple in apply_rules(work):
        work.add(triple)
    owlrl.DeductiveClosure(
        owlrl.OWLRL_Semantics, axiomatic_triples=False, datatype_axioms=False
    ).expand(work)
    return {_oxigraph(t) for t in work if t not in known and is_kept(t)}


def _rdflib(triple: Triple) -> Triple:
    return tuple(map(to_rdflib, triple))


def _oxigraph(triple: Triple) -> Triple:
    return tuple(map(to_oxigraph, triple))
