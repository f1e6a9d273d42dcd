"""SPARQL-based constraints (``sh:sparql`` / ``sh:select``) run for all focus nodes at once.

SHACL runs such a query once per focus node with ``$this`` pre-bound to it. Here
``$this`` stays a variable and the query is joined with the shape's focus nodes.
That gives the same rows when ``$this`` is bound in every solution and wherever an
expression (a FILTER, a BIND, an OPTIONAL's condition, FILTER NOT EXISTS) reads it;
:func:`check_prebinding` proves that on the query's algebra and raises otherwise.

>>> check_prebinding("SELECT $this WHERE { $this <urn:p> ?v FILTER (?v != $this) }", "ex")
>>> from govkg.errors import GovkgError
>>> try:
...     check_prebinding("SELECT $this WHERE { OPTIONAL { $this <urn:p> ?v } }", "ex")
... except GovkgError as err:
...     print(err.message)
SHACL shape ex: a query where $this may be unbound is not supported by the SPARQL path
"""

from __future__ import annotations

import re

from rdflib import Graph, URIRef, Variable
from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.parser import parseQuery
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.term import Node

from govkg.namespaces import SH
from govkg.shacl.value_tests import iri, unsupported

THIS = Variable("this")
_PATTERNS = {"BGP", "Join", "LeftJoin", "Filter", "Extend", "Union", "Graph"}
_MODIFIERS = {"Project", "Distinct", "Reduced", "OrderBy"}
_NOT_IN_EXISTS = {"SubSelect", "MinusGraphPattern", "ServiceGraphPattern", "InlineData"}
_SPECIAL = re.compile(r"[?$](currentShape|shapesGraph|PATH|failure)\b")
_PROLOGUE = re.compile(r"^\s*(PREFIX|BASE)\s", re.IGNORECASE | re.MULTILINE)
_PREFIX_NAME = re.compile(r"^[A-Za-z][\w.-]*$")


def declared_prefixes(shapes: Graph, constraint: Node) -> dict[str, str]:
    """The ``sh:declare`` prefixes of the constraint's ``sh:prefixes`` nodes.

    :raises GovkgError: an incomplete, malformed or conflicting declaration.
    """
    found: dict[str, str] = {}
    for node in shapes.objects(constraint, SH.prefixes):
        for declaration in shapes.objects(node, SH.declare):
            prefix = shapes.value(declaration, SH.prefix)
            namespace = shapes.value(declaration, SH.namespace)
            if prefix is None or namespace is None or not _PREFIX_NAME.match(str(prefix)):
                raise unsupported(node, "an incomplete or malformed sh:declare")
            if found.setdefault(str(prefix), str(namespace)) != str(namespace):
                raise unsupported(node, f"two namespaces for the prefix {prefix}")
    return found


def bulk_query(shapes: Graph, constraint: Node, focus: str) -> str:
    """The constraint's ``sh:select`` joined with ``focus`` (a group binding ``?this``).

    :raises GovkgError: no sh:select, a PREFIX inside it, $currentShape / $shapesGraph /
        $PATH / ?failure, or a query whose result would depend on pre-binding.
    """
    select = shapes.value(constraint, SH.select)
    if select is None:
        raise unsupported(constraint, "a SPARQL constraint without sh:select")
    text = str(select)
    special = _SPECIAL.search(text)
    if special or _PROLOGUE.search(text):
        found = special.group(0) if special else "PREFIX or BASE (use sh:prefixes)"
        raise unsupported(constraint, f"{found} in sh:select")
    prologue = "".join(
        f"PREFIX {prefix}: {iri(URIRef(namespace))}\n"
        for prefix, namespace in sorted(declared_prefixes(shapes, constraint).items())
    )
    check_prebinding(prologue + text, constraint)
    return f"{prologue}SELECT DISTINCT * WHERE {{\n  {focus}\n  {{\n{text}\n  }}\n}}"


def check_prebinding(query: str, where: Node | str) -> None:
    """Check that joining ``query`` with the focus nodes equals pre-binding ``$this``.

    :raises GovkgError: the query does not parse, does not select ``$this``, uses
        LIMIT, GROUP BY, VALUES, MINUS, SERVICE or a subquery, or may read ``$this``
        where it is unbound.
    """
    try:
        algebra = translateQuery(parseQuery(query)).algebra
    except Exception as err:  # pyparsing and rdflib raise errors of many types
        raise unsupported(where, f"a query rdflib cannot parse ({err})") from err
    if algebra.name != "SelectQuery" or THIS not in algebra.PV:
        raise unsupported(where, "a query that does not select $this")
    pattern = algebra.p
    while pattern.name in _MODIFIERS:
        pattern = pattern.p
    _check_pattern(pattern, where)
    if THIS not in _bound(pattern):
        raise unsupported(where, "a query where $this may be unbound")


def _check_pattern(node: CompValue, where: Node | str) -> None:
    if node.name not in _PATTERNS:
        raise unsupported(where, f"{node.name} in a SPARQL constraint")
    expression = node.expr if node.name in ("Filter", "Extend", "LeftJoin") else None
    if expression is not None and _mentions_this(expression):
        if THIS not in _input_bound(node):
            raise unsupported(where, "an expression that reads $this where it may be unbound")
        if _names(expression) & _NOT_IN_EXISTS:
            raise unsupported(where, "a subquery, MINUS, SERVICE or VALUES inside EXISTS")
    for child in (node.p, node.p1, node.p2):
        if isinstance(child, CompValue):
            _check_pattern(child, where)


def _input_bound(node: CompValue) -> set[Variable]:
    if node.name == "LeftJoin":
        return _bound(node.p1) | _bound(node.p2)
    return _bound(node.p)


def _bound(node: CompValue) -> set[Variable]:
    """Variables bound in every solution of a graph pattern."""
    if node.name == "BGP":
        return {term for triple in node.triples for term in triple if isinstance(term, Variable)}
    if node.name == "Join":
        return _bound(node.p1) | _bound(node.p2)
    if node.name == "LeftJoin":
        return _bound(node.p1)
    if node.name == "Union":
        return _bound(node.p1) & _bound(node.p2)
    graph = {node.term} if node.name == "Graph" and isinstance(node.term, Variable) else set()
    return _bound(node.p) | graph


def _mentions_this(tree: object) -> bool:
    if isinstance(tree, Variable):
        return tree == THIS
    if isinstance(tree, dict):
        return any(_mentions_this(v) for k, v in tree.items() if k != "_vars")
    if isinstance(tree, (list, tuple)):
        return any(_mentions_this(item) for item in tree)
    return False


def _names(tree: object) -> set[str]:
    """Names of every parse-tree or algebra node in ``tree``."""
    found: set[str] = set()
    if isinstance(tree, CompValue):
        found.add(tree.name)
    if isinstance(tree, dict):
        for value in tree.values():
            found |= _names(value)
    elif isinstance(tree, (list, tuple)):
        for item in tree:
            found |= _names(item)
    return found
