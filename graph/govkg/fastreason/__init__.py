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

The stages: :mod:`.terms` (the index and the vocabulary), :mod:`.checks` (what falls back
to owlrl), :mod:`.schema` (reading and closing the schema, aliases) and :mod:`.rules`
(the fixpoint and the filter of kept triples).
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable

from govkg.fastreason.checks import problems
from govkg.fastreason.rules import classify, close, cooperation_pairs, expand, kept, new
from govkg.fastreason.schema import alias_classes, canonical, read_schema
from govkg.fastreason.terms import COOPERATES, SAME_AS, TYPE, Index, Triple, by_predicate
from govkg.memory import gc_paused
from govkg.reason import infer

__all__ = ["by_predicate", "cooperation_pairs", "infer_fast"]


def infer_fast(asserted: Iterable[Triple]) -> set[Triple]:
    """The same inferences as :func:`govkg.reason.infer`, computed without owlrl.

    Falls back to :func:`govkg.reason.infer`, with a warning, when the input uses OWL RL
    that this module does not implement.

    >>> from govkg import ids
    >>> from govkg.namespaces import OX
    >>> lan, lipi, mou = ids.org("lan"), ids.org("lipi"), ids.agreement("a")
    >>> data = [(OX.GOVKG.party, OX.OWL.inverseOf, OX.GOVKG.isPartyTo),
    ...         (mou, OX.GOVKG.party, lan), (mou, OX.GOVKG.party, lipi)]
    >>> sorted(p.value.split("#")[1] + " " + o.value[-4:] for s, p, o in infer_fast(data)
    ...        if s == lan)
    ['cooperatesWith lipi', 'isPartyTo nt/a']
    """
    known = asserted if isinstance(asserted, set | frozenset) else set(asserted)
    with gc_paused():
        index = by_predicate(known)
        problem = next(problems(index), None)
        inferred = None if problem else _infer(known, index)
        del index  # before collection resumes, so that it need not scan the index
    if inferred is not None:
        return inferred
    warnings.warn(f"infer_fast: {problem}; using owlrl instead", stacklevel=2)
    return infer(known)


def _infer(known: set[Triple], index: Index) -> set[Triple]:
    aliases = alias_classes(index.get(SAME_AS, set()))
    work = canonical(index, aliases)
    rule = set(cooperation_pairs(index))
    if aliases:
        rule = {(aliases.get(x, x), aliases.get(y, y)) for x, y in rule}
    work[COOPERATES] = work[COOPERATES] | rule
    schema = read_schema(work)
    close(work, schema)
    types = classify(work, schema)
    if aliases:
        work[TYPE] = {(s, c) for c, members in types.items() for s in members}
        fresh = by_predicate(set(expand(work, aliases)) - known)
    else:
        fresh = new(work, index, types)
    return set(kept(fresh))
