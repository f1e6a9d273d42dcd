"""An entity's description from the store: statements both ways, labels, provenance; bound
parameters only; the same bytes every time; unknown IRIs refused."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import PROV, SKOS, VOID

from govkg.engines import open_engine
from govkg.errors import GovkgError
from govkg.namespaces import GOVKG
from govkg.site.describe import UnknownEntity, describe
from govkg.site.queries import site_query

LAN = "https://w3id.org/govkg/id/org/lan"
MOU = "https://w3id.org/govkg/id/agreement/2019-02-01-mou-lan-lipi"
SOURCE = "https://w3id.org/govkg/id/source/kontan-2019-02-01-lan-mou"


@pytest.fixture(scope="module")
def select(seed_out):
    return open_engine([seed_out]).select


def test_agreement_description_has_statements_labels_and_provenance(select):
    about = describe(select, MOU)
    assert URIRef(LAN) in about.values(GOVKG.party)
    assert about.label(URIRef(LAN)) == "Lembaga Administrasi Negara"
    assert about.label(URIRef(LAN), "en") == "National Institute of Public Administration"
    graphs = {str(g): source for g, _, source in about.provenance}
    assert graphs["https://w3id.org/govkg/graph/source/kontan-2019-02-01-lan-mou"] == URIRef(SOURCE)
    assert graphs["https://w3id.org/govkg/graph/inferred"] is None


def test_description_parses_in_every_format_and_says_where_it_came_from(select):
    about = describe(select, MOU)
    graphs = {}
    for fmt, name in (("turtle", "turtle"), ("ntriples", "nt"), ("jsonld", "json-ld")):
        graphs[fmt] = Graph().parse(data=about.serialize(fmt), format=name)
    assert len({len(g) for g in graphs.values()}) == 1
    g = graphs["turtle"]
    assert (URIRef(LAN), SKOS.prefLabel, None) in g
    source_graph = URIRef("https://w3id.org/govkg/graph/source/kontan-2019-02-01-lan-mou")
    assert (URIRef(MOU), VOID.inDataset, source_graph) in g
    assert (source_graph, PROV.wasDerivedFrom, URIRef(SOURCE)) in g


def test_incoming_statements_are_part_of_the_description(select):
    about = describe(select, LAN)
    assert (URIRef(MOU), GOVKG.party) in set(about.incoming)


def test_same_store_same_bytes(select):
    assert describe(select, LAN).serialize("turtle") == describe(select, LAN).serialize("turtle")


def test_unknown_iri_is_refused(select):
    with pytest.raises(UnknownEntity, match="nothing is known"):
        describe(select, "https://w3id.org/govkg/id/org/no-such-body")


@pytest.mark.parametrize("hostile", ["https://x.org/a> ?p ?o } #", "not an iri", "https://x/a b"])
def test_hostile_iri_is_refused_not_spliced(select, hostile):
    with pytest.raises(GovkgError):
        describe(select, hostile)


def test_site_queries_bind_their_parameter_and_never_name_a_value():
    for name in ("statements", "incoming", "labels", "provenance"):
        query = site_query(name)
        assert [p.name for p in query.params] == ["entity"]
        assert "w3id.org/govkg/id/" not in query.text
        ox.Store().query(query.text)  # parses as SPARQL 1.1


def test_a_description_holds_one_page_of_what_points_at_it(select, monkeypatch):
    whole = describe(select, LAN)
    monkeypatch.setattr("govkg.site.tables.PAGE_SIZE", 2)
    first, second = describe(select, LAN), describe(select, LAN, 2)
    assert first.incoming_total == second.incoming_total == len(whole.incoming) > 2
    assert len(first.incoming) == 2 and second.incoming
    in_order = [(p, s) for s, p in first.incoming + second.incoming]
    assert in_order == sorted(in_order) == sorted((p, s) for s, p in whole.incoming)[:4]
    for subject, _ in second.incoming:  # the page's own subjects are labelled
        assert second.label(subject) == whole.label(subject)
    turtle = Graph().parse(data=second.serialize("turtle"), format="turtle")
    assert all((s, p, URIRef(LAN)) in turtle for s, p in second.incoming)
    assert not any((s, p, URIRef(LAN)) in turtle for s, p in first.incoming)


@pytest.mark.parametrize("page", [0, -1, True, "2", 10**9])
def test_a_page_number_is_a_checked_integer(select, page):
    with pytest.raises(GovkgError, match="page"):
        describe(select, LAN, page)
