"""Controlled vocabularies: cooperation fields and roles, resolved as sources write them.

Each vocabulary is one SKOS concept scheme from the ontology folder (``fields.ttl``,
``roles.ttl``), read by Oxigraph's parser; concepts are Oxigraph terms (``NamedNode``), the
package's term model. A name matches a concept when, folded with
:func:`govkg.text_hygiene.fold`, it equals one of the concept's ``skos:prefLabel``,
``skos:altLabel`` or ``skos:hiddenLabel`` values (any language) or its IRI key.

>>> fields = Vocabulary.fields()
>>> fields.resolve("Pendidikan dan Pelatihan")
<NamedNode value=https://w3id.org/govkg/id/field/pelatihan>
>>> fields.label(fields.resolve("diklat"), lang="en")
'Training'
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from functools import cache
from types import SimpleNamespace

import pyoxigraph as ox

from govkg.errors import UnknownNameError
from govkg.iris import ONTOLOGY_IRI
from govkg.iris import SKOS as SKOS_BASE
from govkg.resources import ontology_dir
from govkg.text_hygiene import fold

SKOS = SimpleNamespace(
    **{
        name: ox.NamedNode(SKOS_BASE + name)
        for name in ("prefLabel", "altLabel", "hiddenLabel", "inScheme", "broader", "narrower")
    }
)
"""The SKOS terms read here, built from :mod:`govkg.iris` (not :mod:`govkg.namespaces`: that
imports rdflib, which extraction, the other user of this module, does not need)."""
_LABELS = (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel)
_MAX_CANDIDATES = 5


def _by_value(term: ox.NamedNode) -> str:
    return term.value


class Vocabulary:
    """One SKOS concept scheme with an index from folded labels to concepts."""

    def __init__(self, triples: Iterable[ox.Triple | ox.Quad], scheme: ox.NamedNode, what: str):
        self.scheme, self.what = scheme, what
        self._objects: dict[tuple[ox.NamedNode, ox.NamedNode], dict] = {}
        self._subjects: dict[tuple[ox.NamedNode, object], dict] = {}
        for t in triples:
            self._objects.setdefault((t.subject, t.predicate), {})[t.object] = None
            self._subjects.setdefault((t.predicate, t.object), {})[t.subject] = None
        self._concepts = sorted(self.subjects(SKOS.inScheme, scheme), key=_by_value)
        self._by_iri = {c.value: c for c in self._concepts}
        self._labels: dict[tuple[ox.NamedNode, str], str] = {}
        self._index: dict[str, set[ox.NamedNode]] = {}
        for concept in self._concepts:
            for name in self._names(concept):
                self._index.setdefault(fold(name), set()).add(concept)

    def __repr__(self) -> str:
        return f"<Vocabulary {self.what}s: {len(self._concepts)} concepts>"

    def __contains__(self, iri: object) -> bool:
        return isinstance(iri, ox.NamedNode) and iri.value in self._by_iri

    def objects(self, subject, predicate: ox.NamedNode) -> list:
        """The objects of ``subject predicate ?o`` in the scheme's file, in file order.

        >>> fields = Vocabulary.fields()
        >>> fields.objects(fields.resolve("diklat"), SKOS.broader)
        [<NamedNode value=https://w3id.org/govkg/id/field/pengembangan-kompetensi>]
        """
        return list(self._objects.get((subject, predicate), ()))

    def subjects(self, predicate: ox.NamedNode, obj) -> list:
        """The subjects of ``?s predicate obj`` in the scheme's file, in file order.

        >>> Vocabulary.roles().subjects(SKOS.prefLabel, ox.Literal("Bupati", language="id"))
        [<NamedNode value=https://w3id.org/govkg/id/role/bupati>]
        """
        return list(self._subjects.get((predicate, obj), ()))

    @classmethod
    @cache
    def fields(cls) -> Vocabulary:
        """The cooperation fields (``govkg:CooperationFields`` in ``fields.ttl``), loaded once.

        >>> Vocabulary.fields() is Vocabulary.fields()
        True
        """
        return cls._load("fields.ttl", ox.NamedNode(f"{ONTOLOGY_IRI}#CooperationFields"), "field")

    @classmethod
    @cache
    def roles(cls) -> Vocabulary:
        """The roles officials hold (``govkg:Roles`` in ``roles.ttl``), loaded once.

        >>> Vocabulary.roles().resolve("Walikota")
        <NamedNode value=https://w3id.org/govkg/id/role/wali-kota>
        """
        return cls._load("roles.ttl", ox.NamedNode(f"{ONTOLOGY_IRI}#Roles"), "role")

    @classmethod
    def _load(cls, filename: str, scheme: ox.NamedNode, what: str) -> Vocabulary:
        path = ontology_dir() / filename
        return cls(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE), scheme, what)

    def resolve(self, text: str) -> ox.NamedNode:
        """The concept a name denotes, as a source writes it (any case, spacing or language).

        The concept's IRI, or its key (the last IRI segment), is accepted too.

        :raises UnknownNameError: no concept, or more than one, has that name; the error
            carries up to five close candidates (preferred Indonesian labels).

        >>> Vocabulary.fields().resolve("Bantuan hukum, pertimbangan hukum dan tindakan hukum lain")
        <NamedNode value=https://w3id.org/govkg/id/field/datun>
        >>> Vocabulary.fields().resolve("pelatihan teknis khusus")
        Traceback (most recent call last):
        ...
        govkg.errors.UnknownNameError: unknown field 'pelatihan teknis khusus'; closest: ...
        """
        found = self.find(text)
        if found is not None:
            return found
        matches = self._index.get(fold(text), set())
        candidates = [self.label(c) for c in sorted(matches, key=_by_value)]
        raise UnknownNameError(text, candidates or self._candidates(text), what=self.what)

    def find(self, text: str) -> ox.NamedNode | None:
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

    def label(self, iri: ox.NamedNode, lang: str = "id") -> str:
        """The preferred label of a concept in ``lang``, else in any language.

        :raises KeyError: the IRI is not a concept of this scheme.

        >>> Vocabulary.roles().label(Vocabulary.roles().resolve("sestama"), lang="en")
        'Principal Secretary'
        """
        key = (iri, lang)
        if key not in self._labels:
            self._labels[key] = self._pref_label(iri, lang)
        return self._labels[key]

    def _pref_label(self, iri: ox.NamedNode, lang: str) -> str:
        if iri not in self:
            raise KeyError(f"{iri} is not a {self.what} in {self.scheme}")
        labels = self.objects(iri, SKOS.prefLabel)
        chosen = [x for x in labels if getattr(x, "language", None) == lang] or sorted(
            labels, key=lambda x: (x.value, getattr(x, "language", None) or "")
        )
        return chosen[0].value if chosen else iri.value.rsplit("/", 1)[-1]

    def broader_closure(self, iri: ox.NamedNode) -> set[ox.NamedNode]:
        """Every concept above ``iri`` (its broader concepts, theirs, and so on), not itself.

        >>> fields = Vocabulary.fields()
        >>> sorted(fields.label(c) for c in fields.broader_closure(fields.resolve("diklat")))
        ['Pengembangan Kompetensi', 'Pengembangan Sumber Daya Manusia']
        """
        return self._closure(iri, SKOS.broader, SKOS.narrower)

    def narrower_closure(self, iri: ox.NamedNode) -> set[ox.NamedNode]:
        """Every concept below ``iri`` (its narrower concepts, theirs, and so on), not itself.

        >>> fields = Vocabulary.fields()
        >>> sorted(fields.label(c) for c in fields.narrower_closure(fields.resolve("SDM")))
        ['Magang', 'Pelatihan', 'Pengembangan Aparatur Sipil Negara', 'Pengembangan Kompetensi']
        """
        return self._closure(iri, SKOS.narrower, SKOS.broader)

    def concepts(self) -> list[ox.NamedNode]:
        """All concepts of the scheme, sorted by IRI.

        >>> Vocabulary.roles().concepts()[0]
        <NamedNode value=https://w3id.org/govkg/id/role/anggota>
        """
        return list(self._concepts)

    def _names(self, concept: ox.NamedNode) -> list[str]:
        names = [x.value for p in _LABELS for x in self.objects(concept, p)]
        return [*names, concept.value.rsplit("/", 1)[-1]]

    def _closure(
        self, iri: ox.NamedNode, forward: ox.NamedNode, backward: ox.NamedNode
    ) -> set[ox.NamedNode]:
        seen: set[ox.NamedNode] = set()
        todo = [iri]
        while todo:
            node = todo.pop()
            step = {*self.objects(node, forward), *self.subjects(backward, node)}
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
            for concept in sorted(self._index[name], key=_by_value):
                label = self.label(concept)
                if label not in labels:
                    labels.append(label)
        return labels[:_MAX_CANDIDATES]
