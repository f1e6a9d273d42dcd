"""How sure an agreement is, from the evidence of its parties.

An agreement is right when its parties are; how often they are depends on how they were found
(measured on the development reports, ``rules.yaml`` ``agreement_confidence``): every party a
body of the gazetteer, or some declared because the gazetteer lacks them; two parties, or more
(a joint signing, or a set of bilateral ones not told apart); each party with a signatory of its
own; a party taken from outside the sentences about the signing. The agreement's evidence
carries that confidence (the best quote), the other quotes in proportion.

>>> from govkg.extract.orgs import gazetteer_index
>>> index = gazetteer_index()
>>> from govkg.extract.drafts import Draft
>>> agreement_confidence([index.org("lan"), index.org("bps")], [], Draft("mou"))
0.92
>>> from govkg.extract.orgs import Org
>>> unknown = Org("new:x", "Yayasan X", "Foundation")
>>> agreement_confidence([index.org("lan"), unknown], [], Draft("mou"))
0.7
"""

from __future__ import annotations

from collections.abc import Sequence

from govkg.extract.drafts import Draft
from govkg.extract.orgs import Org
from govkg.extract.rules import Rules
from govkg.extract.signatories import Signer


def agreement_confidence(parties: Sequence[Org], signers: Sequence[Signer], draft: Draft) -> float:
    """The confidence of an agreement between ``parties`` signed by ``signers``, from the
    draft it was cut from (how each party was found; a guessed hub)."""
    table = Rules.load().data["agreement_confidence"]
    elsewhere = set(table["elsewhere_roles"])
    if any(draft.roles.get(p.ident) and draft.roles[p.ident] <= elsewhere for p in parties):
        return float(table["elsewhere"])
    stated, inferred = _signed(signers, table["stated_signer"])
    pair = len(parties) == 2
    if all(p.known for p in parties):
        sure = float(table["resolved_pair" if pair else "resolved_many"])
    elif not pair:
        sure = float(table["declared_many"])
    else:
        offices = set(table["declared_offices"])
        every = all(p.ident in stated for p in parties)
        every = every or all(p.known or _office(p, offices) for p in parties)
        sure = float(table["declared_pair_signed" if every else "declared_pair"])
    if inferred - stated:
        sure = min(sure, float(table["signer_body_inferred"]))
    attending = set(table["attending_roles"])
    if any(draft.roles.get(p.ident) and draft.roles[p.ident] <= attending for p in parties):
        sure = min(sure, float(table["attending"]))
    if draft.hub_guessed:
        sure = min(sure, float(table["hub_guessed"]))
    if draft.hub_taken:
        sure = min(sure, float(table["hub_taken"]))
    return sure


def _office(org: Org, kinds: set[str]) -> bool:
    """A declared regional office of a body the gazetteer knows (``Kejati Kaltim``).

    >>> _office(Org("new:kejati-x", "Kejati X", "RegionalOffice", parent="kejagung"),
    ...         {"RegionalOffice"})
    True
    """
    return org.kind in kinds and org.parent is not None and not org.parent.startswith("new:")


def _signed(signers: Sequence[Signer], stated_at: float) -> tuple[set[str], set[str]]:
    """The bodies with a signer whose body the report states, and those with one whose body
    was inferred."""
    stated, inferred = set(), set()
    for signer in signers:
        if signer.org is None:
            continue
        best = max((c for _, c in signer.sentences), default=0.0)
        (stated if best >= stated_at else inferred).add(signer.org.ident)
    return stated, inferred


def scaled(weights: Sequence[float], top: float) -> list[float]:
    """The quotes' confidences: the best one ``top``, the others in proportion.

    >>> scaled([0.65, 0.6, 0.0], 0.92)
    [0.92, 0.85, 0.0]
    """
    best = max(weights, default=0.0) or 1.0
    return [round(top * w / best, 2) for w in weights]
