"""The one place terms change model: Oxigraph terms inside, rdflib terms at the edges.

Stores, workers, the endpoint and the result writer hold Oxigraph terms (they pickle,
so a worker job carries them as they are). rdflib is the face researchers use
(notebooks, the query runner's rows, the reference engine); :func:`to_rdflib` and
:func:`to_oxigraph` cross between the two. :func:`sparql_term` writes a term as SPARQL
text for a store that cannot bind variables (a remote endpoint), after checking it.

Both directions agree on what a literal is: ``xsd:string`` is a plain literal and
language tags are lower case, as Oxigraph keeps them.

>>> from rdflib import Literal
>>> to_oxigraph(Literal("LAN", lang="ID"))
<Literal value=LAN language=id>
>>> to_rdflib(to_oxigraph(Literal("2019-02-01", datatype=XSD.date))) == Literal(
...     "2019-02-01", datatype=XSD.date)
True
>>> print(sparql_term(ox.Literal('LAN") || true || ("', language="id")))
"LAN\\") || true || (\\""@id
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from functools import lru_cache

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, XSD
from rdflib.term import Node

from govkg.errors import GovkgError

XSD_STRING = str(XSD.string)
_OX_STRING = ox.NamedNode(XSD_STRING)
_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_LANG = re.compile(r"^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$")
_ECHAR = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


# -- Oxigraph -> rdflib -----------------------------------------------------------------


def to_rdflib(term) -> Node | None:
    """An Oxigraph term as an rdflib term (``xsd:string`` literals become plain literals).

    IRIs and string literals, which are mostly distinct in a result, are built directly
    (Oxigraph has checked them); other literals are cached: results repeat the same kinds
    and dates, and building an rdflib literal (parsing its value) costs microseconds.

    >>> to_rdflib(ox.NamedNode("urn:x")), to_rdflib(None)
    (rdflib.term.URIRef('urn:x'), None)
    """
    if term is None:
        return None
    kind = type(term)
    if kind is ox.NamedNode:
        return str.__new__(URIRef, term.value)
    if kind is ox.Literal:
        if term.language:
            return plain_literal(term.value, term.language)
        if term.datatype == _OX_STRING:
            return plain_literal(term.value)
    return _converted(term)


def plain_literal(text: str, language: str | None = None) -> Literal:
    """``Literal(text, lang=language)`` without re-checking what is already valid.

    >>> plain_literal("Kabupaten Serang", "id") == Literal("Kabupaten Serang", lang="id")
    True
    """
    literal = str.__new__(Literal, text)
    literal._language, literal._datatype = language, None
    literal._value, literal._ill_typed = text, None
    return literal


@lru_cache(maxsize=1 << 16)
def _converted(term) -> Node:
    """Blank nodes and typed literals but xsd:string (to_rdflib builds the rest)."""
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise GovkgError(f"unsupported term {term!r}", fix="use plain RDF terms (no RDF-star)")


# -- rdflib -> Oxigraph -----------------------------------------------------------------


def to_oxigraph(term: Node):
    """An rdflib term as an Oxigraph term (language tags lower case).

    >>> to_oxigraph(URIRef("urn:x"))
    <NamedNode value=urn:x>

    :raises GovkgError: an IRI or language tag Oxigraph refuses.
    :raises TypeError: not an RDF term.
    """
    if isinstance(term, URIRef):
        return named_node(term)
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if not isinstance(term, Literal):
        raise TypeError(f"not an RDF term: {term!r}")
    if term.language:
        try:
            return ox.Literal(str(term), language=term.language)
        except ValueError:
            raise GovkgError(
                f"not a language tag: {term.language!r}", fix="e.g. id or en"
            ) from None
    if term.datatype and term.datatype not in (XSD.string, RDF.langString):
        return ox.Literal(str(term), datatype=named_node(term.datatype))
    return ox.Literal(str(term))


def named_node(iri: str) -> ox.NamedNode:
    """An IRI as an Oxigraph term, or an error that names it.

    >>> named_node("https://example.org/a?b=c")
    <NamedNode value=https://example.org/a?b=c>

    :raises GovkgError: not an IRI Oxigraph accepts (spaces, ``<>"{}|^`\\`` …).
    """
    try:
        return ox.NamedNode(str(iri))
    except ValueError:
        raise GovkgError(f"not a valid IRI: {str(iri)!r}", fix="check the IRI") from None


def oxigraph_bindings(bindings: Mapping[str, Node]) -> tuple[tuple[str, object], ...]:
    """rdflib bindings as ``(name, Oxigraph term)`` pairs (picklable: a worker job's).

    >>> oxigraph_bindings({"agency": URIRef("urn:lan")})
    (('agency', <NamedNode value=urn:lan>),)
    """
    return tuple((name, to_oxigraph(term)) for name, term in bindings.items())


def rdflib_bindings(bindings: Mapping[str, object]) -> dict[str, Node]:
    """Oxigraph bindings (as :func:`govkg.query.bind` gives them) as rdflib terms, by name.

    >>> rdflib_bindings({"agency": ox.NamedNode("urn:lan")})
    {'agency': rdflib.term.URIRef('urn:lan')}
    """
    return {name: to_rdflib(term) for name, term in bindings.items()}


# -- SPARQL text ------------------------------------------------------------------------


def sparql_iri(iri: str) -> str:
    """``<iri>`` after checking it against SPARQL's IRIREF grammar.

    >>> sparql_iri("https://w3id.org/govkg/id/org/lan")
    '<https://w3id.org/govkg/id/org/lan>'
    >>> try:
    ...     sparql_iri("urn:x> } ; DROP ALL ; <urn:y")
    ... except GovkgError as err:
    ...     print(err.message)
    not a valid IRI: 'urn:x> } ; DROP ALL ; <urn:y'

    :raises GovkgError: the IRI has a character IRIREF forbids, or no scheme.
    """
    if not iri or _IRI_FORBIDDEN.search(iri) or ":" not in iri:
        raise GovkgError(f"not a valid IRI: {iri!r}", fix='remove spaces and <>"{}|^`\\ characters')
    return f"<{iri}>"


def sparql_string(text: str) -> str:
    """``text`` as a SPARQL string literal, every special character escaped.

    SPARQL 1.1 lets an engine expand ``\\uXXXX`` escapes anywhere in the query before
    parsing it (rdflib does; Oxigraph and Virtuoso read them inside strings only). So the
    ``u`` of a backslash-u in the text is itself written as ``\\u0075`` — both kinds of
    engine then read the original text back — and a hex digit right after any ``\\uXXXX``
    is escaped too, so no reader can take it for part of a longer code point. (This is
    why the N-Triples text of an Oxigraph literal, ``str(literal)``, is not used here.)

    >>> print(sparql_string('a "b"\\n}'))
    "a \\"b\\"\\n}"
    >>> print(sparql_string('\\\\u0022'))
    "\\\\\\u0075\\u0030\\u0030\\u0032\\u0032"

    :raises GovkgError: the text holds a lone surrogate (it is not Unicode text).
    """
    out: list[str] = []
    escaped = False  # whether the last thing written was a \uXXXX escape
    for i, char in enumerate(text):
        code = ord(char)
        if 0xD800 <= code <= 0xDFFF:
            raise GovkgError("the text is not valid Unicode (a lone surrogate)", fix="fix the text")
        if char in _ECHAR:
            out.append(_ECHAR[char])
            escaped = False
        elif (
            code < 0x20
            or code == 0x7F
            or (char in "uU" and i and text[i - 1] == "\\")
            or (escaped and char in string.hexdigits)
        ):
            out.append(f"\\u{code:04X}")
            escaped = True
        else:
            out.append(char)
            escaped = False
    return '"' + "".join(out) + '"'


def sparql_term(term) -> str:
    """An Oxigraph IRI or literal as SPARQL text (blank nodes cannot be bound remotely).

    >>> sparql_term(ox.Literal("3", datatype=ox.NamedNode(str(XSD.integer))))
    '"3"^^<http://www.w3.org/2001/XMLSchema#integer>'

    :raises GovkgError: an invalid IRI, language tag or datatype, or a blank node.
    """
    if isinstance(term, ox.NamedNode):
        return sparql_iri(term.value)
    if isinstance(term, ox.Literal):
        text = sparql_string(term.value)
        if term.language:
            if not _LANG.match(term.language):
                raise GovkgError(f"not a language tag: {term.language!r}", fix="e.g. id or en")
            return f"{text}@{term.language.lower()}"
        if term.datatype != _OX_STRING:
            return f"{text}^^{sparql_iri(term.datatype.value)}"
        return text
    raise GovkgError(
        f"cannot bind {type(term).__name__} {term!r} on a remote endpoint",
        fix="bind an IRI or a literal",
    )
