"""SHACL constraints as SPARQL boolean expressions on one node, and the shapes graph read.

Value tests (``sh:class``, ``sh:datatype``, ``sh:nodeKind``, ``sh:pattern``, ``sh:node``,
``sh:not``, ``sh:or``, ``sh:and``, ``sh:hasValue`` on a node shape) judge one value
node; focus tests (``sh:minCount``, ``sh:maxCount``, ``sh:hasValue`` on a property
shape) judge the set of values at a path. :func:`conforms` combines them into "this
node conforms to that shape", which is how shapes used through ``sh:node`` and the
logical constraints are checked. Value sets are sets: counts use pairwise ``sameTerm``.

>>> from rdflib import Graph
>>> shapes = Graph().parse(format="turtle", data='''
...   @prefix sh: <http://www.w3.org/ns/shacl#> .
...   <urn:s:Named> sh:path <urn:p:name> ; sh:minCount 1 .''')
>>> conforms(shapes, URIRef("urn:s:Named"), "?node", Names())
'EXISTS { ?node <urn:p:name> ?x1 . }'
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from govkg.namespaces import SH
from govkg.shacl.value_tests import (
    Test,
    class_test,
    datatype_test,
    has_value_test,
    iri,
    node_kind_test,
    nt,
    pattern_test,
    range_test,
    total,
    unsupported,
)

MAX_COUNT = 8  # counts are pairwise-different patterns: fine for small numbers only


class Names:
    """Fresh variable names for one query (EXISTS patterns must not capture outer ones).

    >>> names = Names()
    >>> names.fresh(), names.fresh()
    ('?x1', '?x2')
    """

    def __init__(self) -> None:
        self._count = itertools.count(1)

    def fresh(self) -> str:
        """A variable name not used before in this query."""
        return f"?x{next(self._count)}"


def conforms(shapes: Graph, shape: Node, var: str, names: Names, seen: tuple = ()) -> str:
    """A SPARQL expression: the node in ``var`` conforms to ``shape`` (examples above).

    :raises GovkgError: a recursive shape, sh:sparql in a nested shape, or an unsupported form.
    """
    if shape in seen:
        raise unsupported(shape, "a recursive shape")
    if flag(shapes, shape, SH.deactivated):
        return "true"
    forbid(shapes, shape, (SH.sparql,), "in a shape used through sh:node, sh:not, sh:or, sh:and")
    seen = (*seen, shape)
    path = shapes.value(shape, SH.path)
    if path is None:
        forbid(shapes, shape, (SH.minCount, SH.maxCount, SH.uniqueLang), "on a node shape")
        parts = [test(var) for _, test in value_tests(shapes, shape, names, seen)]
        parts += [conforms(shapes, p, var, names, seen) for p in shapes.objects(shape, SH.property)]
        return _join(" && ", parts)
    forbid(shapes, shape, (SH.property,), "on a property shape")
    route, _ = sparql_path(shapes, path)
    parts = [test(var) for _, test in focus_tests(shapes, shape, route, names)]
    if flag(shapes, shape, SH.uniqueLang):
        parts.append(_unique_lang(var, route, names))
    for _, test in value_tests(shapes, shape, names, seen):
        value = names.fresh()
        parts.append(f"NOT EXISTS {{ {var} {route} {value} FILTER (!({test(value)})) }}")
    return _join(" && ", parts)


def value_tests(
    shapes: Graph, shape: Node, names: Names, seen: tuple = ()
) -> Iterator[tuple[str, Test]]:
    """(parameter, test) for each constraint on one value node of ``shape``.

    :raises GovkgError: an unsupported datatype, node kind, or nested shape.

    >>> from rdflib import Graph
    >>> shapes = Graph().parse(format="turtle", data='''
    ...   <urn:s> <http://www.w3.org/ns/shacl#nodeKind> <http://www.w3.org/ns/shacl#IRI> .''')
    >>> [(name, test("?v")) for name, test in value_tests(shapes, URIRef("urn:s"), Names())]
    [('sh:nodeKind', 'isIRI(?v)')]
    """
    for cls in values(shapes, shape, SH["class"]):
        yield "sh:class", class_test(cls)
    for datatype in values(shapes, shape, SH.datatype, at_most_one=True):
        yield "sh:datatype", datatype_test(datatype)
    for kind in values(shapes, shape, SH.nodeKind, at_most_one=True):
        yield "sh:nodeKind", node_kind_test(kind)
    for parameter, compare in (("minInclusive", ">="), ("maxInclusive", "<=")):
        for bound in values(shapes, shape, SH[parameter], at_most_one=True):
            yield f"sh:{parameter}", range_test(compare, bound)
    flags = shapes.value(shape, SH.flags)
    for pattern in values(shapes, shape, SH.pattern):
        yield "sh:pattern", pattern_test(pattern, flags)
    if shapes.value(shape, SH.path) is None:
        for value in values(shapes, shape, SH.hasValue):
            yield "sh:hasValue", has_value_test(value)
    for parameter, make in _LOGICAL.items():
        for argument in values(shapes, shape, SH[parameter]):
            yield f"sh:{parameter}", make(shapes, argument, names, seen)


def focus_tests(shapes: Graph, shape: Node, path: str, names: Names) -> Iterator[tuple[str, Test]]:
    """(parameter, test) for each constraint on the values at ``path`` of one focus node.

    :raises GovkgError: a count that is not a small integer, or given twice.

    >>> from rdflib import Graph
    >>> shapes = Graph().parse(format="turtle", data='''
    ...   <urn:s> <http://www.w3.org/ns/shacl#maxCount> 1 .''')
    >>> [(name, test("?f")) for name, test in focus_tests(shapes, URIRef("urn:s"), "<p>", Names())]
    [('sh:maxCount', 'NOT EXISTS { ?f <p> ?x1 . ?f <p> ?x2 . FILTER (!sameTerm(?x1, ?x2)) }')]
    """
    for least in counts(shapes, shape, SH.minCount):
        if least > 0:
            yield "sh:minCount", lambda v, n=least: f"EXISTS {{ {_distinct(v, path, n, names)} }}"
    for most in counts(shapes, shape, SH.maxCount):
        yield (
            "sh:maxCount",
            lambda v, n=most: f"NOT EXISTS {{ {_distinct(v, path, n + 1, names)} }}",
        )
    for value in values(shapes, shape, SH.hasValue):
        yield "sh:hasValue", lambda v, x=value: path_has_value(v, path, x, names)


def sparql_path(shapes: Graph, path: Node) -> tuple[str, str]:
    """(SPARQL path, path as reported) for an IRI or an ``sh:inversePath`` of an IRI.

    :raises GovkgError: any other SHACL path.

    >>> sparql_path(Graph(), URIRef("urn:p"))
    ('<urn:p>', 'urn:p')
    """
    if isinstance(path, URIRef):
        return iri(path), str(path)
    inverse = shapes.value(path, SH.inversePath)
    only = isinstance(path, BNode) and len(set(shapes.triples((path, None, None)))) == 1
    if only and isinstance(inverse, URIRef):
        return f"^{iri(inverse)}", f"^{inverse}"
    raise unsupported(path, "a path other than an IRI or sh:inversePath of an IRI")


def values(shapes: Graph, shape: Node, parameter: URIRef, at_most_one: bool = False) -> list[Node]:
    """The values of ``parameter`` on ``shape``, sorted.

    :raises GovkgError: several values where SHACL allows one.

    >>> values(Graph(), URIRef("urn:s"), SH.minCount)
    []
    """
    found = sorted(shapes.objects(shape, parameter), key=str)
    if at_most_one and len(found) > 1:
        raise unsupported(shape, f"several values of {parameter}")
    return found


def flag(shapes: Graph, shape: Node, parameter: URIRef) -> bool:
    """Whether a boolean parameter (sh:deactivated, sh:uniqueLang) is true on ``shape``.

    :raises GovkgError: the parameter is given twice.

    >>> from rdflib import Graph
    >>> shapes = Graph().parse(format="turtle", data='''
    ...   <urn:s> <http://www.w3.org/ns/shacl#deactivated> true .''')
    >>> flag(shapes, URIRef("urn:s"), SH.deactivated)
    True
    """
    found = values(shapes, shape, parameter, at_most_one=True)
    return bool(found) and isinstance(found[0], Literal) and found[0].value is True


def forbid(shapes: Graph, shape: Node, parameters: tuple, where: str) -> None:
    """Raise if ``shape`` has any of ``parameters`` (meaningless or unsupported ``where``).

    :raises GovkgError: naming the shape and the parameter.

    >>> forbid(Graph(), URIRef("urn:s"), (SH.minCount,), "on a node shape")
    """
    for parameter in parameters:
        if shapes.value(shape, parameter) is not None:
            raise unsupported(shape, f"sh:{parameter.removeprefix(str(SH))} {where}")


def counts(shapes: Graph, shape: Node, parameter: URIRef) -> list[int]:
    """The value of sh:minCount or sh:maxCount on ``shape`` (an empty list when not set).

    :raises GovkgError: not an integer from 0 to ``MAX_COUNT``, or given twice.

    >>> from rdflib import Graph
    >>> shape = URIRef("urn:s")
    >>> counts(Graph().add((shape, SH.minCount, Literal(2))), shape, SH.minCount)
    [2]
    """
    found = values(shapes, shape, parameter, at_most_one=True)
    for n in found:
        number = n.value if isinstance(n, Literal) else None
        if isinstance(number, bool) or not isinstance(number, int) or not 0 <= number <= MAX_COUNT:
            raise unsupported(shape, f"{parameter} that is not an integer from 0 to {MAX_COUNT}")
    return [n.value for n in found]


def path_has_value(var: str, path: str, value: Node, names: Names) -> str:
    """sh:hasValue on a property shape: ``value`` is among the values at ``path`` of ``var``.

    >>> path_has_value("?f", "<urn:p>", URIRef("urn:v"), Names())
    'EXISTS { ?f <urn:p> <urn:v> }'
    """
    if isinstance(value, URIRef):
        return f"EXISTS {{ {var} {path} {iri(value)} }}"
    found = names.fresh()
    return f"EXISTS {{ {var} {path} {found} FILTER (sameTerm({found}, {nt(value)})) }}"


def _logical(join: str, negate: bool = False, is_list: bool = False) -> Callable[..., Test]:
    def make(shapes: Graph, argument: Node, names: Names, seen: tuple) -> Test:
        members = list(shapes.items(argument)) if is_list else [argument]
        if is_list and not members:
            raise unsupported(argument, "an empty or malformed RDF list")

        def test(v: str) -> str:
            joined = _join(join, [conforms(shapes, m, v, names, seen) for m in members])
            return f"!({joined})" if negate else joined

        return test

    return make


_LOGICAL = {
    "node": _logical(" && "),
    "not": _logical(" && ", negate=True),
    "or": _logical(" || ", is_list=True),
    "and": _logical(" && ", is_list=True),
}


def _join(operator: str, parts: list[str]) -> str:
    """Boolean expressions joined by ``operator``, bracketed when there are several."""
    if len(parts) <= 1:
        return parts[0] if parts else "true"
    return operator.join(f"({part})" for part in parts)


def _distinct(var: str, path: str, count: int, names: Names) -> str:
    """A pattern matching ``count`` pairwise different values at ``path`` of ``var``."""
    found = [names.fresh() for _ in range(count)]
    pattern = " ".join(f"{var} {path} {value} ." for value in found)
    different = [f"!sameTerm({a}, {b})" for a, b in itertools.combinations(found, 2)]
    return pattern + (f" FILTER ({' && '.join(different)})" if different else "")


def _unique_lang(var: str, path: str, names: Names) -> str:
    a, b = names.fresh(), names.fresh()
    same = total(f'LANG({a}) != "" && LCASE(LANG({a})) = LCASE(LANG({b}))')
    pattern = f"{var} {path} {a} . {var} {path} {b}"
    return f"NOT EXISTS {{ {pattern} FILTER (!sameTerm({a}, {b}) && {same}) }}"
