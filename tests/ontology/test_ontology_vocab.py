"""The SKOS schemes (fields.ttl, roles.ttl) and govkg.vocab: names resolve as written."""

from __future__ import annotations

import subprocess
import sys
from collections import defaultdict
from functools import cache

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS

from govkg.errors import UnknownNameError
from govkg.iris import ID_BASE
from govkg.iris import SKOS as SKOS_BASE
from govkg.namespaces import ID, ORG, OX
from govkg.resources import ontology_dir
from govkg.terms import to_rdflib
from govkg.text_hygiene import fold
from govkg.vocab import Vocabulary

FIELD = "https://w3id.org/govkg/id/field/"
SEED_FIELDS = {
    "kajian kebijakan": "kajian-kebijakan",
    "pelatihan": "pelatihan",
    "pengembangan kompetensi": "pengembangan-kompetensi",
    "inovasi administrasi negara": "inovasi-administrasi-negara",
    "pendidikan tinggi": "pendidikan-tinggi",
    "penelitian": "penelitian",
    "pengembangan dan pemanfaatan ilmu pengetahuan dan teknologi": "iptek",
    "pembinaan administrasi negara": "pembinaan-administrasi-negara",
    "pengembangan ASN (aparatur sipil negara)": "pengembangan-aparatur-sipil-negara",
    "penguatan kapasitas pemerintah daerah": "penguatan-kapasitas-pemerintah-daerah",
}
AS_WRITTEN = {
    "Diklat": "pelatihan",
    "kediklatan": "pelatihan",
    "Pendidikan dan Pelatihan": "pelatihan",
    "bantuan hukum": "bantuan-hukum",
    "pendampingan hukum": "bantuan-hukum",
    "Bantuan Hukum, Pertimbangan Hukum dan Tindakan Hukum Lainnya": "datun",
    "penegakan hukum": "penegakan-hukum",
    "adminduk": "administrasi-kependudukan",
    "data kependudukan": "administrasi-kependudukan",
    "SPBE": "spbe",
    "e-government": "spbe",
    "data geospasial": "informasi-geospasial",
    "statistik": "statistik",
    "penanggulangan bencana": "penanggulangan-bencana",
    "pengawasan obat dan makanan": "pengawasan-obat-dan-makanan",
    "pencegahan korupsi": "pemberantasan-korupsi",
    "keamanan siber": "keamanan-siber",
    "health": "kesehatan",
    "perumahan-dan-permukiman": "perumahan-dan-permukiman",
    FIELD + "pariwisata": "pariwisata",
}
ROLES_AS_WRITTEN = {
    "Wali Kota": "wali-kota",
    "Walikota": "wali-kota",
    "Sekjen": "sekretaris-jenderal",
    "Sekretaris Utama": "sekretaris-utama",
    "Kepala Kantor Wilayah": "kepala-kantor-wilayah",
    "Jaksa Agung": "jaksa-agung",
    "Kapolri": "kapolri",
    "Ketua Pengadilan Negeri": "ketua-pengadilan",
    "Direktur Utama": "direktur-utama",
    "Rektor": "rektor",
    "Regent": "bupati",
}
VOCABULARIES = {"field": Vocabulary.fields, "role": Vocabulary.roles}


@pytest.fixture(params=sorted(VOCABULARIES), scope="module")
def vocab(request: pytest.FixtureRequest) -> Vocabulary:
    return VOCABULARIES[request.param]()


def concepts_of(vocab: Vocabulary) -> list[URIRef]:
    """The vocabulary's concepts as rdflib IRIs, to look up in :func:`reference`."""
    return [to_rdflib(c) for c in vocab.concepts()]


@cache
def reference(what: str) -> Graph:
    """The scheme's file as rdflib reads it: the oracle the Oxigraph reading is checked against."""
    return Graph().parse(ontology_dir() / f"{what}s.ttl", format="turtle")


# ── resolution ──────────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(("text", "key"), sorted(SEED_FIELDS.items()))
def test_seed_fields_resolve(text: str, key: str) -> None:
    assert Vocabulary.fields().resolve(text) == ox.NamedNode(FIELD + key)


@pytest.mark.parametrize(("text", "key"), sorted(AS_WRITTEN.items()))
def test_fields_resolve_as_written(text: str, key: str) -> None:
    assert Vocabulary.fields().resolve(text) == ox.NamedNode(FIELD + key)


@pytest.mark.parametrize(("text", "key"), sorted(ROLES_AS_WRITTEN.items()))
def test_roles_resolve_as_written(text: str, key: str) -> None:
    assert Vocabulary.roles().resolve(text) == ox.NamedNode(f"{ID_BASE}role/{key}")


def test_unknown_field_suggests_candidates() -> None:
    with pytest.raises(UnknownNameError) as caught:
        Vocabulary.fields().resolve("pelatihan teknis khusus")
    assert caught.value.what == "field"
    assert caught.value.name == "pelatihan teknis khusus"
    assert "Pelatihan" in caught.value.candidates
    assert len(caught.value.candidates) <= 5


def test_unknown_role_says_role() -> None:
    with pytest.raises(UnknownNameError) as caught:
        Vocabulary.roles().resolve("Kepala Sekolah Dasar Negeri")
    assert caught.value.what == "role"
    assert "unknown role" in str(caught.value)


def test_vocabularies_are_cached() -> None:
    assert Vocabulary.fields() is Vocabulary.fields()
    assert Vocabulary.roles() is Vocabulary.roles()
    assert Vocabulary.fields() is not Vocabulary.roles()


# ── the schemes ─────────────────────────────────────────────────────────────────────────────────


def test_every_label_and_key_folds_to_exactly_one_concept(vocab: Vocabulary) -> None:
    owners: dict[str, set[URIRef]] = defaultdict(set)
    for concept in concepts_of(vocab):
        for predicate in (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel):
            for label in reference(vocab.what).objects(concept, predicate):
                owners[fold(str(label))].add(concept)
        owners[fold(str(concept).rsplit("/", 1)[-1])].add(concept)
    clashes = {name: sorted(c) for name, c in owners.items() if len(c) > 1}
    assert clashes == {}
    for name, (concept,) in owners.items():
        assert to_rdflib(vocab.resolve(name)) == concept


def test_every_concept_has_one_pref_label_in_id_and_en(vocab: Vocabulary) -> None:
    for concept in concepts_of(vocab):
        langs = sorted(x.language for x in reference(vocab.what).objects(concept, SKOS.prefLabel))
        assert langs == ["en", "id"], concept
        alts = list(reference(vocab.what).objects(concept, SKOS.altLabel))
        assert all(isinstance(x, Literal) and x.language in {"id", "en"} for x in alts), concept


def test_concepts_live_under_the_id_namespace(vocab: Vocabulary) -> None:
    base = f"{ID}{vocab.what}/"
    for concept in concepts_of(vocab):
        assert str(concept).startswith(base)
        assert (concept, RDF.type, SKOS.Concept) in reference(vocab.what)


def test_broader_and_narrower_are_stated_both_ways(vocab: Vocabulary) -> None:
    g = reference(vocab.what)
    broader = set(g.subject_objects(SKOS.broader))
    narrower = {(child, parent) for parent, child in g.subject_objects(SKOS.narrower)}
    assert broader == narrower
    members = set(concepts_of(vocab))
    assert {x for pair in broader for x in pair} <= members


def test_top_concepts_are_exactly_those_without_broader(vocab: Vocabulary) -> None:
    g, scheme = reference(vocab.what), to_rdflib(vocab.scheme)
    tops = set(g.objects(scheme, SKOS.hasTopConcept))
    assert tops == set(g.subjects(SKOS.topConceptOf, scheme))
    assert tops == {c for c in concepts_of(vocab) if g.value(c, SKOS.broader) is None}


def test_hierarchy_has_no_cycles_and_at_most_three_levels(vocab: Vocabulary) -> None:
    for concept in vocab.concepts():
        above = vocab.broader_closure(concept)
        assert concept not in above
        assert len(above) <= 2
        for parent in above:
            assert concept in vocab.narrower_closure(parent)


def test_scheme_is_documented(vocab: Vocabulary) -> None:
    g, scheme = reference(vocab.what), to_rdflib(vocab.scheme)
    assert (scheme, RDF.type, SKOS.ConceptScheme) in g
    for predicate in (SKOS.prefLabel, SKOS.prefLabel):
        assert sorted(x.language for x in g.objects(scheme, predicate)) == ["en", "id"]


def test_scheme_iris_are_in_the_govkg_namespace() -> None:
    assert Vocabulary.fields().scheme == OX.GOVKG.CooperationFields
    assert Vocabulary.roles().scheme == OX.GOVKG.Roles


def test_field_scheme_size_and_depth() -> None:
    fields = Vocabulary.fields()
    assert 60 <= len(fields.concepts()) <= 100
    assert any(len(fields.broader_closure(c)) == 2 for c in fields.concepts())


def test_roles_are_org_roles() -> None:
    for concept in concepts_of(Vocabulary.roles()):
        assert (concept, RDF.type, ORG.Role) in reference("role")


def test_label_prefers_the_language_asked() -> None:
    fields = Vocabulary.fields()
    training = fields.resolve("diklat")
    assert fields.label(training) == "Pelatihan"
    assert fields.label(training, lang="en") == "Training"
    assert fields.label(training, lang="fr") in {"Pelatihan", "Training"}
    with pytest.raises(KeyError):
        fields.label(ox.NamedNode(f"{ID_BASE}field/no-such-field"))


def test_closures() -> None:
    fields = Vocabulary.fields()
    datun = fields.resolve("datun")
    assert fields.broader_closure(datun) == {
        fields.resolve("bantuan hukum"),
        fields.resolve("hukum"),
    }
    assert datun in fields.narrower_closure(fields.resolve("hukum"))
    assert fields.narrower_closure(datun) == set()


def test_a_vocabulary_can_be_built_from_any_triples() -> None:
    concept, scheme = ox.NamedNode(f"{ID_BASE}field/contoh"), OX.GOVKG.CooperationFields
    triples = [
        ox.Triple(concept, OX.SKOS.inScheme, scheme),
        ox.Triple(concept, OX.SKOS.prefLabel, ox.Literal("Contoh", language="id")),
    ]
    vocab = Vocabulary(triples, scheme, "field")
    assert vocab.resolve("CONTOH") == concept
    assert concept in vocab
    assert to_rdflib(concept) not in vocab  # one term model: Oxigraph's


# ── the Oxigraph reading answers as rdflib's reading of the same file did ─────────────────────


def _rdflib_closure(g: Graph, start: URIRef, forward: URIRef, backward: URIRef) -> set[URIRef]:
    seen, todo = set(), [start]
    while todo:
        node = todo.pop()
        for other in (set(g.objects(node, forward)) | set(g.subjects(backward, node))) - seen:
            if other != start:
                seen.add(other)
                todo.append(other)
    return seen


def test_the_oxigraph_reading_gives_the_answers_of_an_rdflib_reading(vocab: Vocabulary) -> None:
    g, scheme = reference(vocab.what), to_rdflib(vocab.scheme)
    assert concepts_of(vocab) == sorted(g.subjects(SKOS.inScheme, scheme))
    for concept, term in zip(concepts_of(vocab), vocab.concepts(), strict=True):
        names = {
            str(x)
            for p in (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel)
            for x in g.objects(concept, p)
        }
        assert set(vocab._names(term)) == names | {str(concept).rsplit("/", 1)[-1]}
        for lang in ("id", "en"):
            (label,) = [x for x in g.objects(concept, SKOS.prefLabel) if x.language == lang]
            assert vocab.label(term, lang) == str(label)
        for forward, backward, closure in (
            (SKOS.broader, SKOS.narrower, vocab.broader_closure),
            (SKOS.narrower, SKOS.broader, vocab.narrower_closure),
        ):
            expected = _rdflib_closure(g, concept, forward, backward)
            assert {to_rdflib(c) for c in closure(term)} == expected
        for name in names:
            assert to_rdflib(vocab.resolve(name)) == concept


def test_reading_the_vocabularies_imports_no_rdflib() -> None:
    """Extraction resolves fields and roles through this module; it needs no rdflib for it."""
    code = "import sys, govkg.vocab as v; v.Vocabulary.fields(); print('rdflib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
    assert str(SKOS) == SKOS_BASE  # govkg.iris's SKOS base is rdflib's
