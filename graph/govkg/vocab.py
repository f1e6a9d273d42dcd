"""Controlled vocabularies: cooperation fields and roles, resolved as sources write them.

Each vocabulary is one SKOS concept scheme from the ontology folder (``fields.ttl``,
``roles.ttl``). A name matches a concept when, folded with :func:`govkg.text_hygiene.fold`, it
equals one of the concept's ``skos:prefLabel``, ``skos:altLabel`` or ``skos:hiddenLabel``
values (any language) or its IRI key.

>>> fields = Vocabulary.fields()
>>> fields.resolve("Pendidikan dan Pelatihan")
rdflib.term.URIRef('https://w3id.org/govkg/id/field/pelatihan')
>>> fields.label(fields.resolve("diklat"), lang="en")
'Training'
"""

from __future__ import annotations

import difflib
from functools import cache

from rdflib import Graph, URIRef
from rdflib.namespace import SKOS

from govkg.errors import UnknownNameError
from govkg.namespaces import GOVKG
from govkg.resources import ontology_dir
from govkg.text_hygiene import fold

_LABELS = (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel)
_MAX_CANDIDATES = 5


class Vocabulary:
    """One SKOS concept scheme with an index from folded labels to concepts."""

    def __init__(self, graph: Graph, scheme: URIRef, what: str) -> None:
        self.graph, self.scheme, self.what = graph, scheme, what
        self._concepts = sorted(graph.subjects(SKOS.inScheme, scheme))
        self._by_iri = {str(c): c for c in self._concepts}
        self._labels: dict[tuple[URIRef, str], str] = {}
        self._index: dict[str, set[URIRef]] = {}
        for concept in self._concepts:
            for name in self._names(concept):
                self._index.setdefault(fold(name), set()).add(concept)

    def __repr__(self) -> str:
        return f"<Vocabulary {self.what}s: {len(self._concepts)} concepts>"

    def __contains__(self, iri: object) -> bool:
        return isinstance(iri, URIRef) and str(iri) in self._by_iri

    @classmethod
    @cache
    def fields(cls) -> Vocabulary:
        """The cooperation fields (``govkg:CooperationFields`` in ``fields.ttl``), loaded once.

        >>> Vocabulary.fields() is Vocabulary.fields()
        True
        """
        return cls._load("fields.ttl", GOVKG.CooperationFields, "field")

    @classmethod
    @cache
    def roles(cls) -> Vocabulary:
        """The roles officials hold (``govkg:Roles`` in ``roles.ttl``), loaded once.

        >>> Vocabulary.roles().resolve("Walikota")
        rdflib.term.URIRef('https://w3id.org/govkg/id/role/wali-kota')
        """
        return cls._load("roles.ttl", GOVKG.Roles, "role")

    @classmethod
    def _load(cls, filename: str, scheme: URIRef, what: str) -> Vocabulary:
        graph = Graph().parse(ontology_dir() / filename, format="turtle")
        return cls(graph, scheme, what)

    def resolve(self, text: str) -> URIRef:
        """The concept a name denotes, as a source writes it (any case, spacing or language).

        The concept's IRI, or its key (the last IRI segment), is accepted too.

        :raises UnknownNameError: no concept, or more than one, has that name; the error
            carries up to five close candidates (preferred Indonesian labels).

        >>> Vocabulary.fields().resolve("Bantuan hukum, pertimbangan hukum dan tindakan hukum lain")
        rdflib.term.URIRef('https://w3id.org/govkg/id/field/datun')
        >>> Vocabulary.fields().resolve("pelatihan teknis khusus")
        Traceback (most recent call last):
        ...
        govkg.errors.UnknownNameError: unknown field 'pelatihan teknis khusus'; closest: ...
        """
        found = self.find(text)
        if found is not None:
            return found
        matches = self._index.get(fold(text), set())
        candidates = [self.label(c) for c in sorted(matches)] or self._candidates(text)
        raise UnknownNameError(text, candidates, what=self.what)

    def find(self, text: str) -> URIRef | None:
        """The one concept ``text`` names, else None (no close candidates are looked for:
        this is the cheap test for trying several readings of a post).

        >>> Vocabulary.roles().find("Bupati") == Vocabulary.roles().resolve("Bupati")
        True
        >>> Vocabulary.roles().find("Bupati Serang") is None
        True
        """
        if text.strip() in self._by_iri:
            return self._by_iri[text.strip()]
        matches = self._index.get(fold(text), set())
        return next(iter(matches)) if len(matches) == 1 else None

    def label(self, iri: URIRef, lang: str = "id") -> str:
        """The preferred label of a concept in ``lang``, else in any language.

        :raises KeyError: the IRI is not a concept of this scheme.

        >>> Vocabulary.roles().label(Vocabulary.roles().resolve("sestama"), lang="en")
        'Principal Secretary'
        """
        key = (iri, lang)
        if key not in self._labels:
            self._labels[key] = self._pref_label(iri, lang)
        return self._labels[key]

    def _pref_label(self, iri: URIRef, lang: str) -> str:
        if iri not in self:
            raise KeyError(f"{iri} is not a {self.what} in {self.scheme}")
        labels = list(self.graph.objects(iri, SKOS.prefLabel))
        chosen = [x for x in labels if getattr(x, "language", None) == lang] or sorted(labels)
        return str(chosen[0]) if chosen else str(iri).rsplit("/", 1)[-1]

    def broader_closure(self, iri: URIRef) -> set[URIRef]:
        """Every concept above ``iri`` (its broader concepts, theirs, and so on), not itself.

        >>> fields = Vocabulary.fields()
        >>> sorted(fields.label(c) for c in fields.broader_closure(fields.resolve("diklat")))
        ['Pengembangan Kompetensi', 'Pengembangan Sumber Daya Manusia']
        """
        return self._closure(iri, SKOS.broader, SKOS.narrower)

    def narrower_closure(self, iri: URIRef) -> set[URIRef]:
        """Every concept below ``iri`` (its narrower concepts, theirs, and so on), not itself.

        >>> fields = Vocabulary.fields()
        >>> sorted(fields.label(c) for c in fields.narrower_closure(fields.resolve("SDM")))
        ['Magang', 'Pelatihan', 'Pengembangan Aparatur Sipil Negara', 'Pengembangan Kompetensi']
        """
        return self._closure(iri, SKOS.narrower, SKOS.broader)

    def concepts(self) -> list[URIRef]:
        """All concepts of the scheme, sorted by IRI.

        >>> Vocabulary.roles().concepts()[0]
        rdflib.term.URIRef('https://w3id.org/govkg/id/role/anggota')
        """
        return list(self._concepts)

    def _names(self, concept: URIRef) -> list[str]:
        names = [str(x) for p in _LABELS for x in self.graph.objects(concept, p)]
        return [*names, str(concept).rsplit("/", 1)[-1]]

    def _closure(self, iri: URIRef, forward: URIRef, backward: URIRef) -> set[URIRef]:
        seen: set[URIRef] = set()
        todo = [iri]
        while todo:
            node = todo.pop()
            step = set(self.graph.objects(node, forward)) | set(self.graph.subjects(backward, node))
            for other in step - seen - {iri}:
                seen.add(other)
                todo.append(other)
        return seen

    def _candidates(self, text: str) -> list[str]:
        key = fold(text)
        close = difflib.get_close_matches(key, list(self._index), n=_MAX_CANDIDATES, cutoff=0.6)
        words = set(key.split())
        inside = sorted((k for k in self._index if set(k.split()) <= words), key=len, reverse=True)
        labels: list[str] = []
        for name in [*close, *inside]:
            for concept in sorted(self._index[name]):
                label = self.label(concept)
                if label not in labels:
                    labels.append(label)
        return labels[:_MAX_CANDIDATES]
