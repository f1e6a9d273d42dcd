"""``govkg export --describe``: a DCAT/VoID void.ttl whose counts match the exported graph."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF, XSD

from govkg.dataset_export import export_files
from govkg.errors import GovkgError
from govkg.void import Description, describe

VOID = Namespace("http://rdfs.org/ns/void#")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
SCHEMA_PUBLISHED = URIRef("https://schema.org/datePublished")
GOVKG_SIGNED_ON = URIRef("https://w3id.org/govkg/ontology#signedOn")


@pytest.fixture(scope="module")
def built(corpus_out: Path) -> Path:
    """``govkg build``'s default output (the session's corpus build, read only)."""
    return corpus_out


@pytest.fixture(scope="module")
def published(built: Path, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("pub")
    export_files(built, ["ttl", "trig"], folder, inferred=True, describe=Description())
    return folder


def description(folder: Path) -> tuple[Graph, URIRef]:
    graph = Graph().parse(folder / "void.ttl", format="turtle")
    (dataset,) = graph.subjects(RDF.type, DCAT.Dataset)
    return graph, dataset


def count(graph: Graph, node, predicate) -> int:
    return int(graph.value(node, predicate))


def test_counts_match_the_exported_graph(published: Path) -> None:
    data = Graph().parse(published / "govkg.ttl", format="turtle")
    void, dataset = description(published)
    assert count(void, dataset, VOID.triples) == len(data)
    assert count(void, dataset, VOID.properties) == len(set(data.predicates()))
    classes = set(data.objects(None, RDF.type))
    assert count(void, dataset, VOID.classes) == len(classes)
    assert count(void, dataset, VOID.entities) == len(
        {s for s in data.subjects() if isinstance(s, URIRef)}
    )
    assert count(void, dataset, VOID.distinctSubjects) == len(set(data.subjects()))
    for part in void.objects(dataset, VOID.classPartition):
        cls = void.value(part, VOID["class"])
        assert count(void, part, VOID.entities) == len(set(data.subjects(RDF.type, cls)))
    assert len(list(void.objects(dataset, VOID.classPartition))) == len(classes)
    for part in void.objects(dataset, VOID.propertyPartition):
        prop = void.value(part, VOID.property)
        assert count(void, part, VOID.triples) == len(list(data.triples((None, prop, None))))


def test_one_subset_per_named_graph(published: Path) -> None:
    dataset_rdf = Dataset()
    dataset_rdf.parse(published / "govkg.trig", format="trig")
    graphs = {
        g.identifier: len(g)
        for g in dataset_rdf.graphs()
        if g.identifier != dataset_rdf.default_graph.identifier
    }
    void, dataset = description(published)
    subsets = {s: count(void, s, VOID.triples) for s in void.objects(dataset, VOID.subset)}
    assert subsets == graphs
    assert URIRef("https://w3id.org/govkg/graph/inferred") in subsets


def test_distributions_describe_the_written_files(published: Path) -> None:
    void, dataset = description(published)
    found = {}
    for dist in void.objects(dataset, DCAT.distribution):
        url = void.value(dist, DCAT.downloadURL)
        found[Path(url.removeprefix("file://")).name] = dist
        path = published / Path(url.removeprefix("file://")).name
        assert int(void.value(dist, DCAT.byteSize)) == path.stat().st_size
    assert sorted(found) == ["govkg.trig", "govkg.ttl"]
    media = str(void.value(found["govkg.ttl"], DCAT.mediaType))
    assert media.endswith("/text/turtle")


def test_dates_come_from_the_data_not_the_clock(built: Path, published: Path) -> None:
    dates = [str(o) for o in Graph().parse(published / "govkg.ttl").objects(None, SCHEMA_PUBLISHED)]
    void, dataset = description(published)
    assert void.value(dataset, DCTERMS.modified) == Literal(max(dates), datatype=XSD.date)
    assert void.value(dataset, DCTERMS.issued) == void.value(dataset, DCTERMS.modified)
    assert void.value(dataset, DCTERMS.license) == URIRef("https://spdx.org/licenses/MIT")


def dated(predicate: str, *values: tuple[str, str]) -> list[ox.Quad]:
    """One quad per (lexical form, XSD type name) on its own subject."""
    graph = ox.NamedNode("https://w3id.org/govkg/graph/source/a")
    return [
        ox.Quad(
            ox.NamedNode(f"urn:a{i}"),
            ox.NamedNode(predicate),
            ox.Literal(text, datatype=ox.NamedNode(str(XSD[kind]))),
            graph,
        )
        for i, (text, kind) in enumerate(values)
    ]


def test_time_coverage_keeps_month_and_year_precision() -> None:
    """A signing known to the year counts: it starts the period before the days in it, and a
    month ends it after the days in it; each bound keeps its precision (issue 19)."""
    signed = dated(
        str(GOVKG_SIGNED_ON),
        ("2019-03-05", "date"),
        ("2018", "gYear"),
        ("2019-06", "gYearMonth"),
        ("2019-06-30", "date"),
    )
    published = dated(str(SCHEMA_PUBLISHED), ("2019-07-31", "date"), ("2019-07", "gYearMonth"))
    void = Graph().parse(data=describe(signed + published, [], Description()), format="turtle")
    (period,) = void.objects(None, DCTERMS.temporal)
    assert void.value(period, DCAT.startDate) == Literal("2018", datatype=XSD.gYear)
    assert void.value(period, DCAT.endDate) == Literal("2019-06", datatype=XSD.gYearMonth)
    (dataset,) = void.subjects(RDF.type, DCAT.Dataset)
    assert void.value(dataset, DCTERMS.modified) == Literal("2019-07", datatype=XSD.gYearMonth)


def test_time_coverage_of_years_only() -> None:
    signed = dated(str(GOVKG_SIGNED_ON), ("2021", "gYear"), ("2017", "gYear"))
    void = Graph().parse(data=describe(signed, [], Description()), format="turtle")
    (period,) = void.objects(None, DCTERMS.temporal)
    bounds = (void.value(period, DCAT.startDate), void.value(period, DCAT.endDate))
    assert bounds == (Literal("2017", datatype=XSD.gYear), Literal("2021", datatype=XSD.gYear))


def test_re_running_gives_the_same_bytes(built: Path, published: Path, tmp_path: Path) -> None:
    export_files(built, ["ttl", "trig"], tmp_path, inferred=True, describe=Description())
    assert (tmp_path / "void.ttl").read_bytes() == (published / "void.ttl").read_bytes()


def test_base_url_endpoint_and_issued(built: Path, tmp_path: Path) -> None:
    about = Description(
        base_url="https://data.example.org/govkg/",
        sparql_endpoint="https://data.example.org/sparql",
        issued="2024-05-06",
        license="https://creativecommons.org/licenses/by/4.0/",
    )
    export_files(built, ["nt"], f"{tmp_path}/pub/", describe=about)
    void, dataset = description(tmp_path / "pub")
    assert dataset == URIRef("https://data.example.org/govkg/void.ttl#dataset")
    assert void.value(dataset, VOID.dataDump) == URIRef("https://data.example.org/govkg/govkg.nt")
    assert void.value(dataset, VOID.sparqlEndpoint) == URIRef("https://data.example.org/sparql")
    assert str(void.value(dataset, DCTERMS.issued)) == "2024-05-06"
    assert "@base" not in (tmp_path / "pub" / "void.ttl").read_text(encoding="utf-8")


def test_cli_refuses_a_bad_date_and_writes_nothing(built: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "govkg",
            "export",
            "--data",
            str(built),
            "-o",
            f"{tmp_path}/p/",
            "--describe",
            "--issued",
            "last week",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert "YYYY-MM-DD" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "p").exists()


def test_describing_options_without_describe_are_refused(built: Path, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from govkg.cli import main

    args = ["export", "--data", str(built), "-o", f"{tmp_path}/p/", "--issued", "2024-01-02"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert "--issued: only with --describe" in result.output and "add --describe" in result.output
    assert not (tmp_path / "p").exists()


def test_an_output_named_like_a_shipped_file_is_refused(built: Path, tmp_path: Path) -> None:
    with pytest.raises(GovkgError, match="--describe writes a file of that name"):
        export_files(built, ["ttl"], tmp_path / "shapes.ttl", describe=Description())
    assert list(tmp_path.iterdir()) == []
