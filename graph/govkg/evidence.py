"""Evidence in the graph: each quote a qualified derivation of what it supports.

For an agreement or signature ``S`` and its evidence items (record ``evidence:`` lists)::

    S prov:qualifiedDerivation S/evidence/1 .
    S/evidence/1 a govkg:Evidence ;            # ⊑ prov:Derivation
        prov:entity id:source/<source-id> ;    # the report
        prov:value "the quoted sentence"@id ;
        oa:start 120 ; oa:end 143 ;            # character offsets (xsd:nonNegativeInteger)
        govkg:confidence 0.9 .                 # xsd:decimal, 0–1

IRIs are minted from the supported resource and the item's position (1-based), so a rebuild
gives the same triples. An agreement's items come first, then its event's (the date).

>>> from govkg.records.model import Evidence
>>> node = ox.NamedNode("https://w3id.org/govkg/id/agreement/a")
>>> triples = list(evidence_triples(node, [Evidence("Jumat (1/2)", 10, 21, 0.9)],
...                                 ox.NamedNode("https://w3id.org/govkg/id/source/s"), "id"))
>>> len(triples), triples[0][2].value, str(triples[-1][2])
(7, 'https://w3id.org/govkg/id/agreement/a/evidence/1', '"0.9"^^<http://www.w3.org/2001/XMLSchema#decimal>')
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal

import pyoxigraph as ox

from govkg import ids
from govkg.namespaces import OX
from govkg.records.model import Evidence, RecordSet

GOVKG, OA, PROV, RDF, XSD = OX.GOVKG, OX.OA, OX.PROV, OX.RDF, OX.XSD
Triple = tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode | ox.Literal]


def evidence_triples(
    subject: ox.NamedNode, evidence: Iterable[Evidence], source: ox.NamedNode, lang: str
) -> Iterator[Triple]:
    """The triples stating the evidence items of one agreement or signature.

    >>> items = [Evidence("Kepala LAN Adi", confidence=0.8), Evidence("Jumat (1/2)", 5, 16)]
    >>> triples = evidence_triples(ox.NamedNode("urn:x:a"), items, ox.NamedNode("urn:x:s"), "id")
    >>> sorted({t[0].value for t in triples})
    ['urn:x:a', 'urn:x:a/evidence/1', 'urn:x:a/evidence/2']
    """
    for n, item in enumerate(evidence, start=1):
        node = ox.NamedNode(f"{subject.value}/evidence/{n}")
        yield subject, PROV.qualifiedDerivation, node
        yield node, RDF.type, GOVKG.Evidence
        yield node, PROV.entity, source
        yield node, PROV.value, ox.Literal(item.quote, language=lang)
        if item.start is not None and item.end is not None:
            yield node, OA.start, ox.Literal(str(item.start), datatype=XSD.nonNegativeInteger)
            yield node, OA.end, ox.Literal(str(item.end), datatype=XSD.nonNegativeInteger)
        if item.confidence is not None:
            value = Decimal(str(round(item.confidence, 3)))
            yield node, GOVKG.confidence, ox.Literal(f"{value:f}", datatype=XSD.decimal)


def record_evidence_triples(records: RecordSet, resolved) -> Iterator[Triple]:
    """The evidence of one record file, for its source's named graph.

    ``resolved`` is :func:`govkg.entity_resolution.resolve_records` of ``records``: it keeps the
    agreements and signatories in record order, which pairs them with their evidence.

    >>> from govkg.build import resolve_all
    >>> from govkg.records.load import load_text
    >>> records = load_text("govkg: 1\\nsource: {id: s, kind: news, language: id, title: t}\\n"
    ...     "events:\\n  - date: 2019-02-01\\n    evidence: [{quote: Jumat (1/2)}]\\n"
    ...     "    agreements: [{kind: mou, parties: [LAN, BPS]}]\\n", fmt="yaml", name="s.yaml")
    >>> (resolved,), _ = resolve_all([records])
    >>> [t[2].value for t in record_evidence_triples(records, resolved) if t[1] == PROV.value]
    ['Jumat (1/2)']
    """
    source = ids.source(records.source.id)
    lang = records.source.language
    written = [(event, agreement) for event in records.events for agreement in event.agreements]
    for (event, agreement), done in zip(written, resolved.agreements, strict=True):
        node = ids.agreement(done.key)
        yield from evidence_triples(node, (*agreement.evidence, *event.evidence), source, lang)
        for signatory, signer in zip(agreement.signatories, done.signers, strict=True):
            signature = ids.signature(done.key, signer.person_key)
            yield from evidence_triples(signature, signatory.evidence, source, lang)
