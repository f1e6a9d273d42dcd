"""An entity's description: its statements, those pointing at it, the labels of what it links
to, and its provenance (the named graphs that state it and their source documents).

A description is bounded like the page it goes with: all the entity's own statements (with
the labels of what the sources link it to, and of that page of the Statements table), but of
the statements pointing at it only one page (:data:`govkg.site.tables.PAGE_SIZE` subject and
predicate pairs, by predicate then subject); page ``n`` of a hub's description (``.n.ttl``)
holds the ``n``-th hundred, as its HTML page ``.n.html`` does.

>>> from govkg.build import build
>>> from govkg.engines import open_engine
>>> from govkg.resources import seed_record
>>> import tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp()) / "out"
>>> _ = build([seed_record()], out)
>>> lan = describe(open_engine([out]).select, "https://w3id.org/govkg/id/org/lan")
>>> lan.label(lan.iri)
'Lembaga Administrasi Negara'
>>> b"Lembaga Administrasi Negara" in lan.serialize("turtle")
True
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF, VOID, XSD
from rdflib.term import Node

from govkg.errors import GovkgError
from govkg.namespaces import ID_BASE, PREFIX_IRIS
from govkg.site.queries import Source, check_page, gather, rows
from govkg.terms import to_oxigraph

FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
}
"""Formats a description is written in (names as in :mod:`govkg.server.protocol`)."""
DESCRIPTION_PREFIXES = PREFIX_IRIS | {"void": str(VOID)}
"""The prefixes a description is written with (the project's and VoID's)."""
LANGUAGES = ("id", "en", "")
"""Label languages in order of preference (the data is Indonesian first)."""
IN_DATASET, DERIVED_FROM = VOID.inDataset, PROV.wasDerivedFrom  # read once: rdflib's
LANG_STRING, STRING = str(RDF.langString), str(XSD.string)  # namespaces answer in Python


class UnknownEntity(GovkgError):
    """No graph states anything about the IRI."""


@dataclass
class Description:
    """What the store says about one entity, ready for a page or an RDF document."""

    iri: URIRef
    statements: list[tuple[URIRef, Node, URIRef]] = field(default_factory=list)
    incoming: list[tuple[URIRef, URIRef]] = field(default_factory=list)  # this page's
    labels: dict[Node, list[Literal]] = field(default_factory=dict)
    provenance: list[tuple[URIRef, int, URIRef | None]] = field(default_factory=list)
    label_property: dict[tuple[Node, Literal], URIRef] = field(default_factory=dict)  # each
    # label of ``labels`` once (in their order), to the property that states it
    incoming_total: int = 0  # subject and predicate pairs pointing here, on every page
    statement_total: int = 0  # distinct predicate and value pairs, on every page
    page: int = 1
    _sorted: list[ox.Triple] | None = field(default=None, repr=False, compare=False)
    _objects: dict[str, list[Node]] | None = field(default=None, repr=False, compare=False)
    _pairs: list[tuple[URIRef, Node]] | None = field(default=None, repr=False, compare=False)

    def label(self, node: Node, language: str | None = None) -> str | None:
        """The best label of ``node`` (``language`` first, then Indonesian, English, none)."""
        # a literal is never labelled (and rdflib hashes literals in Python); an IRI is told
        # first by its type: isinstance of an rdflib term goes through its ABC (0.5 µs)
        if type(node) is not URIRef and isinstance(node, Literal):
            return None
        found = self.labels.get(node)
        if not found:
            return None
        for lang in (language, *LANGUAGES) if language else LANGUAGES:
            for literal in found:
                if (literal.language or "") == lang:
                    return str(literal)
        return str(found[0])

    def values(self, predicate: URIRef) -> list[Node]:
        """The distinct objects of ``predicate`` on the entity, in store order."""
        if self._objects is None:  # indexed once, by plain text (rdflib compares in Python)
            self._objects = defaultdict(list)
            for p, o, _ in self.statements:
                self._objects[str(p)].append(o)
        return list(dict.fromkeys(self._objects.get(str(predicate), ())))

    def statement_page(self) -> list[tuple[URIRef, Node]]:
        """The distinct predicate and object pairs on this page of the Statements table,
        ordered by :func:`statement_key`."""
        return self._pairs or []

    def triples(self) -> list[ox.Triple]:
        """The description as triples: statements both ways, labels, and provenance
        (``entity void:inDataset graph``, ``graph prov:wasDerivedFrom source``), sorted
        (once: a site writes each description in two formats)."""
        if self._sorted is None:
            self._sorted = self._triples()
        return self._sorted

    def _triples(self) -> list[ox.Triple]:
        found: list[tuple[Node, Node, Node]] = [(self.iri, p, o) for p, o, _ in self.statements]
        found += [(s, p, self.iri) for s, p in self.incoming]
        found += [(node, prop, literal) for (node, literal), prop in self.label_property.items()]
        for graph, _, source in self.provenance:
            found.append((self.iri, IN_DATASET, graph))
            if source is not None:
                found.append((graph, DERIVED_FROM, source))
        unique = {}  # by N-Triples text: one text, one triple
        for terms in found:
            (s, s_text), (p, p_text), (o, o_text) = map(_twin, terms)
            unique[f"{s_text} {p_text} {o_text}"] = (s, p, o)
        return [_triple(text, unique[text]) for text in sorted(unique)]

    def serialize(self, fmt: str) -> bytes:
        """The description in ``fmt`` (turtle, ntriples, jsonld); same input, same bytes.
        Only Turtle is given the prefixes: Oxigraph writes JSON-LD with whole IRIs and no
        context either way, and reading the prefixes costs it more than the writing."""
        prefixes = DESCRIPTION_PREFIXES if fmt == "turtle" else None
        return ox.serialize(self.triples(), format=FORMATS[fmt], prefixes=prefixes)


@dataclass
class Parts:
    """What a description is made of, as tuples of terms (the rows of its queries, in their
    order): a source that holds them already (:class:`govkg.site.prefetch.Prefetched`) hands
    them over through a ``parts`` verb, without making the rows."""

    statement_total: int  # distinct predicate and value pairs (statement-count.rq)
    shown: list[tuple[Node, Node, Node]]  # (predicate, object, graph): statement-page.rq
    head: list[tuple[Node, Node, Node]]  # the same: statements.rq
    incoming: list[tuple]  # (subject, predicate, property, label): incoming.rq
    incoming_total: int
    labels: list[tuple[Node, Node, Node]]  # (node, property, label): labels.rq
    provenance: list[tuple[Node, int, Node | None]]  # (graph, statements, source)
    between: Callable[[str, str], list[tuple[Node, Node, Node]]]  # statement-labels.rq


def describe(select: Source, iri: str, page: int = 1) -> Description:
    """The description of ``iri`` from the store that ``select`` queries: its statements
    but for long properties (over 100 values), the ``page``-th page of all its statements and
    of what points at it, and the labels of those.

    :raises UnknownEntity: no statement has ``iri`` as subject.
    :raises GovkgError: ``iri`` is not a valid IRI, ``page`` not a page number, or a query
        fails.
    """
    check_page(page)
    own = getattr(select, "parts", None)
    found = own(iri, page) if own is not None else _queried(select, iri, page)
    about = Description(URIRef(iri), page=page)
    about.statement_total = found.statement_total
    if not about.statement_total:
        raise UnknownEntity(f"nothing is known about {iri}", fix=f"use an IRI under {ID_BASE}")
    about._pairs = sorted(dict.fromkeys((p, o) for p, o, _ in found.shown), key=_statement_key)
    about.statements = sorted(
        dict.fromkeys(found.head + found.shown), key=lambda t: (range_key(t[0], t[1]), str(t[2]))
    )
    about.incoming = sorted(
        dict.fromkeys((s, p) for s, p, _, _ in found.incoming),
        key=lambda pair: range_key(pair[1], pair[0]),
    )
    about.incoming_total = found.incoming_total
    found_labels = list(found.labels)
    pairs = about.statement_page()
    if pairs:
        found_labels += found.between(range_key(*pairs[0]), range_key(*pairs[-1]))
    found_labels += [
        (s, prop, label)
        for s, _, prop, label in sorted(
            (r for r in found.incoming if r[3] is not None), key=_label_order
        )
    ]
    labels: dict[Node, list[Literal]] = defaultdict(list)
    named = about.label_property
    for node, prop, label in found_labels:  # each (node, label) hashed once: rdflib hashes
        known = len(named)  # literals in Python
        named.setdefault((node, label), prop)
        if len(named) > known:
            labels[node].append(label)
    about.labels = dict(labels)
    about.provenance = found.provenance
    return about


def _queried(select: Source, iri: str, page: int) -> Parts:
    """A description's parts from its queries' rows."""
    params = {"entity": iri}
    shown, head, counted, incoming, incoming_count, labels, provenance = gather(
        select,
        [
            ("statement-page", params, page),
            ("statements", params, 1),
            ("statement-count", params, 1),
            ("incoming", params, page),
            ("incoming-count", params, 1),
            ("labels", params, 1),
            ("provenance", params, 1),
        ],
    )

    def between(low: str, high: str) -> list[tuple[Node, Node, Node]]:
        return _label_rows(rows(select, "statement-labels", params | {"from": low, "to": high}))

    return Parts(
        _count(counted),
        [(r["predicate"], r["object"], r["graph"]) for r in shown],
        [(r["predicate"], r["object"], r["graph"]) for r in head],
        [(r["subject"], r["predicate"], r["property"], r["label"]) for r in incoming],
        _count(incoming_count),
        _label_rows(labels),
        [(r["graph"], int(r["statements"]), r["source"]) for r in provenance],
        between,
    )


def _label_rows(found: list[dict]) -> list[tuple[Node, Node, Node]]:
    return [(r["node"], r["property"], r["label"]) for r in found]


def _label_order(row: tuple) -> tuple[str, str, str, str]:
    """An order of label rows (subject, predicate, property, label) that does not depend on
    the engine's (as the rows of what points here come in none)."""
    label = row[3]
    return (str(row[0]), str(row[2]), str(label), label.language or "")


def _count(found: list[dict]) -> int:
    """The number a ``*-count`` query answers (no row: none)."""
    return int(found[0]["statements"]) if found else 0


def statement_key(predicate: Node, value: Node) -> str:
    """The key statements are paged by, as ``statement-page.rq`` binds it: the property, the
    value's text, its language and its datatype (none for an IRI), with spaces between.

    >>> statement_key(URIRef("urn:p"), Literal("LAN", lang="id"))
    'urn:p LAN id http://www.w3.org/1999/02/22-rdf-syntax-ns#langString'
    """
    if not isinstance(value, Literal):
        return f"{predicate} {value}  "
    language, datatype = value.language, value.datatype
    if not language:
        return f"{predicate} {value}  {datatype or STRING}"
    return f"{predicate} {value} {language} {LANG_STRING}"


def _statement_key(pair: tuple[Node, Node]) -> str:
    return statement_key(*pair)


_TWINS: dict[int, tuple[Node, object, str]] = {}
"""Each rdflib term a description was made of, by the object itself (held here, so its id is
not reused): its Oxigraph term and N-Triples text. The prefetched tables hand every page the
same objects (the labels of a place, a field or a class recur on thousands of pages), and an
id hashes in C where rdflib's terms hash and compare in Python; at most :data:`_REMEMBERED`."""
_REMEMBERED = 500_000


def remember(term: Node, made) -> None:
    """Remember ``made``, the Oxigraph term ``term`` was converted from, as its twin (the
    prefetched tables' terms come from the store's)."""
    if len(_TWINS) >= _REMEMBERED:
        _TWINS.clear()
    _TWINS[id(term)] = (term, made, str(made))


def _twin(term: Node) -> tuple[object, str]:
    """The Oxigraph term of an rdflib term and its N-Triples text (remembered by the object).

    >>> year = Literal("2019", datatype=XSD.gYear)
    >>> _twin(year)[1], _twin(year)[0] is _twin(year)[0]
    ('"2019"^^<http://www.w3.org/2001/XMLSchema#gYear>', True)
    """
    same = _TWINS.get(id(term))
    if same is None or same[0] is not term:
        remember(term, to_oxigraph(term))
        same = _TWINS[id(term)]
    return same[1], same[2]


_TRIPLES: dict[str, ox.Triple] = {}
"""Triples already made, by their N-Triples text (3 µs each: the labels of a place, a field
or a class recur on thousands of pages); at most :data:`_REMEMBERED` at a time."""


def _triple(text: str, terms: tuple) -> ox.Triple:
    found = _TRIPLES.get(text)
    if found is None:
        if len(_TRIPLES) >= _REMEMBERED:
            _TRIPLES.clear()
        found = _TRIPLES[text] = ox.Triple(*terms)
    return found


def range_key(first: Node, second: Node) -> str:
    """The key a page of statements is cut by: the two terms' texts and a space, as the
    ``*-labels`` queries compute it (IRIs hold no space, so this orders as the pair does).

    >>> range_key(URIRef("https://w3id.org/govkg/ontology#party"), URIRef("https://x.org/a"))
    'https://w3id.org/govkg/ontology#party https://x.org/a'
    """
    return f"{first} {second}"
