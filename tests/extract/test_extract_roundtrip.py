"""Extract → records → build: every team report builds as is, without violations, and the
evidence (quotes, offsets, confidence) reaches the graph through evidence_triples."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from rdflib import Graph, Literal
from rdflib.namespace import PROV, RDF

from govkg.build import assemble, resolve_all
from govkg.evidence import record_evidence_triples
from govkg.extract import extract_file
from govkg.namespaces import GOVKG, OA, OX, ox_graph
from govkg.reason import infer
from govkg.records.load import load_paths
from govkg.shacl.shapes import check_graph, violations
from govkg.terms import to_rdflib

ARTICLES = sorted((Path(__file__).resolve().parents[1] / "data" / "articles").glob("*.txt"))


@pytest.fixture(scope="module")
def records(tmp_path_factory) -> list[Path]:
    out = tmp_path_factory.mktemp("extracted")
    paths = []
    for article in ARTICLES:
        gold = yaml.safe_load(article.with_name(article.stem + ".gold.yaml").read_text())
        result = extract_file(
            article, published=gold["source"]["published"], lang=gold["source"]["language"]
        )
        path = out / f"{article.stem}.yaml"
        path.write_text(result.yaml(), encoding="utf-8")
        paths.append(path)
    return paths


def test_every_extracted_record_builds_alone_without_violations(records):
    for path in records:
        built = assemble([path])
        assert not violations(built.findings), path.name


def test_evidence_offsets_point_at_the_quotes(records):
    for path, article in zip(records, ARTICLES, strict=True):
        from govkg.extract.text import read_article

        text = read_article(article.read_text(encoding="utf-8")).text
        record = yaml.safe_load(path.read_text(encoding="utf-8"))
        for event in record["events"]:
            items = list(event.get("evidence", ()))
            for agreement in event["agreements"]:
                items += agreement.get("evidence", [])
                for signatory in agreement.get("signatories", ()):
                    items += signatory["evidence"]
            assert items, path.name
            for item in items:
                assert text[item["start"] : item["end"]] == item["quote"], path.name


def test_the_graph_keeps_the_evidence(records):
    sets = load_paths(records)
    built = assemble(records)
    resolved, _ = resolve_all(sets)
    graphs = dict(built.graphs)
    for record_set, done in zip(sets, resolved, strict=True):
        name = ox_graph(f"source/{record_set.source.id}")
        graphs[name] = graphs[name] | set(record_evidence_triples(record_set, done))
    everything = set().union(*(t for g, t in graphs.items() if "inferred" not in str(g)))
    graph = Graph()
    for triple in everything | infer(everything):
        graph.add(tuple(map(to_rdflib, triple)))  # rdflib for pySHACL and for reading here
    assert not violations(check_graph(graph))
    evidence = set(graph.subjects(RDF.type, GOVKG.Evidence))
    assert len(evidence) > 100
    for node in list(evidence)[:50]:
        quote = graph.value(node, PROV.value)
        assert isinstance(quote, Literal) and quote.language in {"id", "en"}
        assert graph.value(node, OA.end).toPython() > graph.value(node, OA.start).toPython()
        assert 0 < float(graph.value(node, GOVKG.confidence)) <= 1
        assert (None, PROV.qualifiedDerivation, node) in graph
    seed = [n for n in evidence if "Adi Suryanto" in str(graph.value(n, PROV.value))]
    assert seed


def test_evidence_iris_are_stable(records):
    sets = load_paths(records[:3])
    resolved, _ = resolve_all(sets)
    first = {t for s, d in zip(sets, resolved, strict=True) for t in record_evidence_triples(s, d)}
    again = {t for s, d in zip(sets, resolved, strict=True) for t in record_evidence_triples(s, d)}
    assert first == again
    derivations = [t for t in first if t[1] == OX.PROV.qualifiedDerivation]
    assert derivations and all("/evidence/" in t[2].value for t in derivations)


def test_the_build_keeps_evidence(records):
    built = assemble(records[:1])
    quotes = [t for ts in built.graphs.values() for t in ts if t[1] == OX.PROV.value]
    assert quotes
