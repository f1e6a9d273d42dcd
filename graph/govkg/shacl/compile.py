"""Compile SHACL shapes into SPARQL SELECT queries that return every violation at once.

One :class:`CompiledCheck` per top-level shape (one with a target) and constraint;
property shapes reached through ``sh:property`` are their own source shape, as in
pySHACL's reports. Each query selects ``?this`` (the focus node) and, for value-node
constraints, ``?value``. Nested shapes (``sh:node``, ``sh:not``, ``sh:or``, ``sh:and``
and the property shapes inside them) become boolean SPARQL expressions on one node.

Only what ``ontology/shapes.ttl`` uses is supported; any other SHACL term raises, so
a new kind of shape cannot be skipped silently.

>>> from rdflib import Graph
>>> shapes = Graph().parse(format="turtle", data='''
...   @prefix sh: <http://www.w3.org/ns/shacl#> .
...   <urn:s:NameShape> a sh:PropertyShape ; sh:targetClass <urn:c:Person> ;
...     sh:path <urn:p:name> ; sh:minCount 1 ; sh:message "A person needs a name."@en .''')
>>> [(c.shape, c.constraint, c.severity, c.path) for c in compile_shapes(shapes)]
[('urn:s:NameShape', 'sh:minCount', 'Violation', 'urn:p:name')]
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from rdflib import Graph
from rdflib.namespace import OWL, RDF, RDFS
from rdflib.term import Node

from govkg.namespaces import SH
from govkg.shacl.constraints import (
    Names,
    counts,
    flag,
    forbid,
    path_has_value,
    sparql_path,
    value_tests,
)
from govkg.shacl.prebind import bulk_query
from govkg.shacl.value_tests import iri, unsupported

TARGETS = {SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf}
PARAMETERS = {
    SH[name]
    for name in ["class", "datatype", "nodeKind", "pattern", "flags", "node", "not", "or", "and"]
}
PARAMETERS |= {SH.hasValue, SH.minCount, SH.maxCount, SH.uniqueLang, SH.property}
PARAMETERS |= {SH.path, SH.inversePath, SH.sparql, SH.select, SH.prefixes, SH.declare}
PARAMETERS |= {SH.prefix, SH.namespace}
PARAMETERS |= {SH.minInclusive, SH.maxInclusive}
INERT = {SH.message, SH.severity, SH.deactivated, SH.name, SH.description, SH.order, SH.group}
TYPES = {SH.NodeShape, SH.PropertyShape, SH.SPARQLConstraint}


@dataclass(frozen=True)
class CompiledCheck:
    """One constraint of one shape as a SPARQL SELECT over all its focus nodes."""

    shape: str  # the source shape IRI pySHACL reports (a property shape for sh:property)
    constraint: str  # the constraint parameter, e.g. "sh:minCount"
    severity: str  # "Violation", "Warning" or "Info"
    message: str  # sh:message (@en preferred); may hold {?var} templates when templated
    path: str  # the result path ("" for node-level checks; "^iri" for an inverse path)
    query: str  # SELECT ?this [?value …] — one row per result
    templated: bool = False  # a SPARQL-based constraint: fill {?var} from each row


def compile_shapes(shapes: Graph) -> list[CompiledCheck]:
    """Compile every targeted, active shape of ``shapes`` into SPARQL checks.

    :raises GovkgError: the shapes use a SHACL term or form this compiler does not support.
    """
    check_vocabulary(shapes)
    checks: list[CompiledCheck] = []
    for shape in sorted({s for p in TARGETS for s in shapes.subjects(p, None)}, key=str):
        checks += _shape_checks(shapes, shape, focus_group(shapes, shape))
    return checks


def check_vocabulary(shapes: Graph) -> None:
    """Raise on any SHACL predicate or type, or implicit class target, not supported here.

    :raises GovkgError: naming the shape and the term.

    >>> from rdflib import Graph
    >>> from govkg.errors import GovkgError
    >>> try:
    ...     check_vocabulary(Graph().parse(format="turtle", data="<urn:s> a <urn:c> ."))
    ...     check_vocabulary(Graph().parse(format="turtle", data='''
    ...         <urn:s> <http://www.w3.org/ns/shacl#in> ( "a" ) .'''))
    ... except GovkgError as err:
    ...     print(err.message)
    SHACL shape urn:s: sh:in is not supported by the SPARQL path
    """
    for s, p, o in shapes:
        if str(p).startswith(str(SH)) and p not in TARGETS | PARAMETERS | INERT:
            raise unsupported(s, f"sh:{p.removeprefix(str(SH))}")
        if p == RDF.type and str(o).startswith(str(SH)) and o not in TYPES:
            raise unsupported(s, f"the type sh:{o.removeprefix(str(SH))}")
        if p == RDF.type and o in (RDFS.Class, OWL.Class) and _is_shape(shapes, s):
            raise unsupported(s, "a shape that is also a class (implicit class target)")


def focus_group(shapes: Graph, shape: Node) -> str:
    """A SPARQL group binding ``?this`` to each focus node of ``shape`` once.

    >>> from rdflib import Graph, URIRef
    >>> focus_group(Graph().add((URIRef("urn:s"), SH.targetSubjectsOf, URIRef("urn:p"))),
    ...             URIRef("urn:s"))
    '{ SELECT DISTINCT ?this WHERE { { ?this <urn:p> [] } } }'
    """
    unions = [
        f"{{ ?this {iri(RDF.type)}/{iri(RDFS.subClassOf)}* {iri(c)} }}"
        for c in sorted(shapes.objects(shape, SH.targetClass))
    ]
    unions += [
        f"{{ ?this {iri(p)} [] }}" for p in sorted(shapes.objects(shape, SH.targetSubjectsOf))
    ]
    unions += [
        f"{{ [] {iri(p)} ?this }}" for p in sorted(shapes.objects(shape, SH.targetObjectsOf))
    ]
    return f"{{ SELECT DISTINCT ?this WHERE {{ {' UNION '.join(unions)} }} }}"


# ── top-level checks ────────────────────────────────────────────────────────────────────────────


def _shape_checks(shapes: Graph, shape: Node, focus: str) -> list[CompiledCheck]:
    if flag(shapes, shape, SH.deactivated):
        return []
    path = shapes.value(shape, SH.path)
    if path is None:
        return list(_node_checks(shapes, shape, focus))
    return list(_property_checks(shapes, shape, focus, path))


def _node_checks(shapes: Graph, shape: Node, focus: str) -> Iterator[CompiledCheck]:
    forbid(shapes, shape, (SH.minCount, SH.maxCount, SH.uniqueLang), "on a node shape")
    names = Names()
    for parameter, test in value_tests(shapes, shape, names):
        query = f"SELECT DISTINCT ?this WHERE {{\n  {focus}\n  FILTER (!({test('?this')}))\n}}"
        yield _check(shapes, shape, parameter, "", query)
    for prop in sorted(shapes.objects(shape, SH.property), key=str):
        if shapes.value(prop, SH.path) is None:
            raise unsupported(prop, "sh:property pointing to a shape without sh:path")
        yield from _shape_checks(shapes, prop, focus)
    for constraint in sorted(shapes.objects(shape, SH.sparql), key=str):
        if not flag(shapes, constraint, SH.deactivated):
            yield _sparql_check(shapes, shape, constraint, focus)


def _property_checks(shapes: Graph, shape: Node, focus: str, path: Node) -> Iterator[CompiledCheck]:
    """One check per constraint on the values at ``path``.

    The union default graph repeats a triple once per named graph holding it, so values
    are made distinct before they are tested or counted (pairs of values would be
    quadratic in the repeats).
    """
    forbid(shapes, shape, (SH.property, SH.sparql), "on a property shape")
    route, shown = sparql_path(shapes, path)
    values = f"{{ SELECT DISTINCT ?this ?value WHERE {{\n  {focus}\n  ?this {route} ?value }} }}"
    names = Names()
    for parameter, test in value_tests(shapes, shape, names):
        query = f"SELECT ?this ?value WHERE {{\n  {values}\n  FILTER (!({test('?value')}))\n}}"
        yield _check(shapes, shape, parameter, shown, query)
    for parameter, query in _focus_queries(shapes, shape, focus, route, names):
        yield _check(shapes, shape, parameter, shown, query)
    if flag(shapes, shape, SH.uniqueLang):
        yield _check(shapes, shape, "sh:uniqueLang", shown, _unique_lang_query(values))


def _focus_queries(
    shapes: Graph, shape: Node, focus: str, route: str, names: Names
) -> Iterator[tuple[str, str]]:
    """(parameter, query) for sh:minCount, sh:maxCount and sh:hasValue at ``route``."""
    for least in counts(shapes, shape, SH.minCount):
        if least == 1:
            failing = f"NOT EXISTS {{ ?this {route} ?value }}"
            yield "sh:minCount", f"SELECT ?this WHERE {{\n  {focus}\n  FILTER {failing}\n}}"
        elif least > 1:
            yield "sh:minCount", _count_query(focus, route, f"?count < {least}")
    for most in counts(shapes, shape, SH.maxCount):
        yield "sh:maxCount", _count_query(focus, route, f"?count > {most}")
    for value in sorted(shapes.objects(shape, SH.hasValue), key=str):
        test = path_has_value("?this", route, value, names)
        yield "sh:hasValue", f"SELECT ?this WHERE {{\n  {focus}\n  FILTER (!({test}))\n}}"


def _count_query(focus: str, route: str, failing: str) -> str:
    """Focus nodes whose number of distinct values at ``route`` makes ``failing`` true."""
    counted = (
        f"SELECT ?this (COUNT(DISTINCT ?value) AS ?count) WHERE {{\n  {focus}\n"
        f"  OPTIONAL {{ ?this {route} ?value }}\n}} GROUP BY ?this"
    )
    return f"SELECT ?this WHERE {{\n  {{ {counted} }}\n  FILTER ({failing})\n}}"


def _unique_lang_query(values: str) -> str:
    """One row per focus node and language tag used by two of its values."""
    counted = (
        f"SELECT ?this ?lang (COUNT(?value) AS ?count) WHERE {{\n  {values}\n"
        f'  FILTER (isLiteral(?value) && LANG(?value) != "")\n'
        f"  BIND (LCASE(LANG(?value)) AS ?lang)\n}} GROUP BY ?this ?lang"
    )
    return f"SELECT ?this ?lang WHERE {{\n  {{ {counted} }}\n  FILTER (?count > 1)\n}}"


def _sparql_check(shapes: Graph, shape: Node, constraint: Node, focus: str) -> CompiledCheck:
    query = bulk_query(shapes, constraint, focus)
    message = _message(shapes, constraint) or _message(shapes, shape) or "SPARQL constraint failed"
    return CompiledCheck(
        str(shape), "sh:sparql", _severity(shapes, shape), message, "", query, True
    )


def _check(shapes: Graph, shape: Node, parameter: str, path: str, query: str) -> CompiledCheck:
    message = _message(shapes, shape) or f"{parameter} constraint not satisfied"
    return CompiledCheck(str(shape), parameter, _severity(shapes, shape), message, path, query)


def _severity(shapes: Graph, shape: Node) -> str:
    severity = shapes.value(shape, SH.severity)
    return "Violation" if severity is None else str(severity).rsplit("#", 1)[-1]


def _message(shapes: Graph, node: Node) -> str:
    """The node's sh:message: English first, then untagged, then any; "" when none."""
    found = sorted(shapes.objects(node, SH.message), key=lambda m: (_rank(m), str(m)))
    return str(found[0]) if found else ""


def _rank(message: Node) -> int:
    language = getattr(message, "language", None)
    return 0 if language == "en" else 1 if not language else 2


def _is_shape(shapes: Graph, node: Node) -> bool:
    typed = any((node, RDF.type, t) in shapes for t in (SH.NodeShape, SH.PropertyShape))
    return typed or any(shapes.value(node, p) is not None for p in TARGETS | {SH.path})
