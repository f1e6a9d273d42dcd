"""Shape-file terms as SPARQL text, and the SPARQL tests of SHACL's value-node constraints.

Only terms read from the shapes graph are ever written into a query, serialised with
N-Triples escaping; data never is. Every test is *total*: it is true or false, never
a SPARQL error, so ``FILTER (!test)`` cannot drop a violation on a type error.

>>> from rdflib import Literal
>>> nt(Literal('say "hi"\\n', lang="en"))
'"say \\\\"hi\\\\"\\\\n"@en'
>>> node_kind_test(SH.BlankNodeOrIRI)("?v")
'(isBlank(?v) || isIRI(?v))'
"""

from __future__ import annotations

from collections.abc import Callable

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD
from rdflib.term import Node

from govkg.errors import GovkgError
from govkg.namespaces import SH
from govkg.terms import sparql_iri, sparql_string, sparql_term, to_oxigraph

Test = Callable[[str], str]
FIX = "extend govkg/shacl/compile.py, or validate with govkg.shacl.shapes.check_graph (pySHACL)"
_NODE_KINDS = {
    SH.IRI: "isIRI({v})",
    SH.BlankNode: "isBlank({v})",
    SH.Literal: "isLiteral({v})",
    SH.BlankNodeOrIRI: "(isBlank({v}) || isIRI({v}))",
    SH.BlankNodeOrLiteral: "(isBlank({v}) || isLiteral({v}))",
    SH.IRIOrLiteral: "(isIRI({v}) || isLiteral({v}))",
}

_ZONE = "(Z|[+-](0[0-9]|1[0-3]):[0-5][0-9]|[+-]14:00)?"
_PARTIAL_DATES = {
    XSD.gYear: f"^-?([1-9][0-9]{{4,}}|[0-9]{{4}}){_ZONE}$",
    XSD.gYearMonth: f"^-?([1-9][0-9]{{4,}}|[0-9]{{4}})-(0[1-9]|1[0-2]){_ZONE}$",
}
"""Lexical forms of the XSD dates known to the month or the year only (XSD 1.1 Part 2)."""


def unsupported(where: Node | str, what: str) -> GovkgError:
    """The error for a shape the SPARQL fast path cannot compile (it is never skipped)."""
    return GovkgError(f"SHACL shape {where}: {what} is not supported by the SPARQL path", fix=FIX)


def iri(term: Node) -> str:
    """An IRI from the shapes graph as ``<…>`` (:func:`govkg.terms.sparql_iri`).

    :raises GovkgError: not an IRI, or characters N-Triples forbids in IRIs.
    """
    if not isinstance(term, URIRef):
        raise unsupported(term, "a term that is not a well-formed IRI")
    try:
        return sparql_iri(str(term))
    except GovkgError:
        raise unsupported(term, "a term that is not a well-formed IRI") from None


def nt(term: Node) -> str:
    """An IRI or literal from the shapes graph as SPARQL text: the one term writer,
    :func:`govkg.terms.sparql_term`, on the term's Oxigraph form.

    :raises GovkgError: a blank node or a malformed IRI.
    """
    if not isinstance(term, Literal):
        return iri(term)
    return sparql_term(to_oxigraph(term))


def total(expression: str) -> str:
    """``expression`` with a SPARQL error read as false."""
    return f"COALESCE({expression}, false)"


def class_test(cls: Node) -> Test:
    """sh:class: an instance of ``cls`` or of a subclass (literals never are).

    The direct type is tried first: with inferences materialised it is nearly always there,
    and it spares walking the subclass hierarchy for each value.
    """
    direct = f"{iri(RDF.type)} {iri(cls)}"
    inherited = f"{iri(RDF.type)}/{iri(RDFS.subClassOf)}* {iri(cls)}"
    return lambda v: f"(EXISTS {{ {v} {direct} }} || EXISTS {{ {v} {inherited} }})"


def datatype_test(datatype: Node) -> Test:
    """sh:datatype: a literal of ``datatype`` that is well formed (as pySHACL checks).

    :raises GovkgError: a datatype without a well-formedness test here.
    """
    if datatype == RDF.langString:
        return lambda v: total(f'isLiteral({v}) && LANG({v}) != ""')
    if datatype == XSD.string:
        return lambda v: total(f"isLiteral({v}) && sameTerm(datatype({v}), {iri(XSD.string)})")
    if datatype == XSD.date:
        dt = iri(XSD.date)
        return lambda v: total(
            f"isLiteral({v}) && sameTerm(datatype({v}), {dt}) && isLiteral({dt}(STR({v})))"
        )
    if datatype == XSD.decimal:
        dt = iri(XSD.decimal)
        return lambda v: total(
            f"isLiteral({v}) && sameTerm(datatype({v}), {dt}) && isLiteral({dt}(STR({v})))"
        )
    if datatype in _PARTIAL_DATES:
        dt, lexical = iri(datatype), sparql_string(_PARTIAL_DATES[datatype])
        return lambda v: total(
            f"isLiteral({v}) && sameTerm(datatype({v}), {dt}) && REGEX(STR({v}), {lexical})"
        )
    raise unsupported(
        datatype,
        "sh:datatype other than xsd:string, xsd:decimal, xsd:date, xsd:gYearMonth, "
        "xsd:gYear, rdf:langString",
    )


def range_test(compare: str, bound: Node) -> Test:
    """sh:minInclusive (``>=``) or sh:maxInclusive (``<=``): an incomparable value fails.

    >>> range_test(">=", Literal(0))("?v")
    'COALESCE(isLiteral(?v) && ?v >= "0"^^<http://www.w3.org/2001/XMLSchema#integer>, false)'
    """
    return lambda v: total(f"isLiteral({v}) && {v} {compare} {nt(bound)}")


def node_kind_test(kind: Node) -> Test:
    """sh:nodeKind: one of SHACL's six node kinds.

    :raises GovkgError: an unknown node kind.
    """
    if kind not in _NODE_KINDS:
        raise unsupported(kind, "this sh:nodeKind")
    return lambda v: _NODE_KINDS[kind].format(v=v)


def pattern_test(pattern: Node, flags: Node | None) -> Test:
    """sh:pattern (+ sh:flags): SPARQL REGEX on the value's string; blank nodes fail."""
    arguments = sparql_string(str(pattern)) + (
        f", {sparql_string(str(flags))}" if flags is not None else ""
    )
    return lambda v: total(f"!isBlank({v}) && REGEX(STR({v}), {arguments})")


def has_value_test(value: Node) -> Test:
    """sh:hasValue on a node shape: the focus node is ``value``."""
    return lambda v: f"sameTerm({v}, {nt(value)})"
