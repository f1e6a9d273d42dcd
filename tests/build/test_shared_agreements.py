"""One signing told by two reports: both records give the agreement one id (issue #15's
corpus holds such pairs). The graph then has one agreement with one date and one title per
language, each report's statements in its own named graph."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from govkg.build import assemble
from govkg.errors import RecordErrors

SKOS = "http://www.w3.org/2004/02/skos/core#"
GOVKG = "https://w3id.org/govkg/ontology#"
NODE = ox.NamedNode("https://w3id.org/govkg/id/agreement/bogor-ipb-2021")


def record(source: str, date: str, parties: str, title: str | None = None) -> str:
    titled = f"\n        title: {title}" if title else ""
    return f"""govkg: 1
source:
  id: {source}
  kind: news
  url: https://example.org/{source}
  language: id
events:
  - date: "{date}"
    agreements:
      - kind: mou
        id: bogor-ipb-2021{titled}
        parties: [{parties}]
"""


def built(tmp_path, *texts: str):
    for i, text in enumerate(texts):
        (tmp_path / f"r{i}.yaml").write_text(text, encoding="utf-8")
    return assemble(sorted(tmp_path.glob("r*.yaml")))


def objects(built, graph: str | None, predicate: str) -> set:
    graphs = [g for g in built.graphs if graph is None or getattr(g, "value", "").endswith(graph)]
    return {
        o
        for g in graphs
        for s, p, o in built.graphs[g]
        if s == NODE and p == ox.NamedNode(predicate)
    }


def test_a_day_and_its_month_make_one_date_and_one_title_per_language(tmp_path):
    done = built(
        tmp_path,
        record("koran-a-2021", "2021-03", "Pemkab Bogor, IPB"),
        record("koran-b-2021", "2021-03-15", "IPB, Pemkab Bogor"),
    )
    assert not done.findings
    dates = objects(done, None, GOVKG + "signedOn")
    assert [d.value for d in dates] == ["2021-03-15"]
    labels = objects(done, None, SKOS + "prefLabel")
    assert sorted(label.language for label in labels) == ["en", "id"]
    assert all("2021-03-15" in label.value for label in labels)
    (note,) = objects(done, "source/koran-a-2021", GOVKG + "dataQualityNote")
    assert "koran-b-2021 dates it 2021-03-15" in note.value


def test_dates_that_disagree_name_both_records(tmp_path):
    with pytest.raises(RecordErrors) as err:
        built(
            tmp_path,
            record("koran-a-2021", "2021-03-14", "Pemkab Bogor, IPB"),
            record("koran-b-2021", "2021-03-15", "IPB, Pemkab Bogor"),
        )
    text = str(err.value)
    assert "r0.yaml" in text and "r1.yaml" in text and "bogor-ipb-2021" in text
    assert "different ids" in text


def test_a_second_given_title_becomes_an_alternative_title(tmp_path):
    done = built(
        tmp_path,
        record("koran-a-2021", "2021-03-15", "Pemkab Bogor, IPB", title="MoU Pertanian Bogor"),
        record("koran-b-2021", "2021-03-15", "IPB, Pemkab Bogor", title="Nota Kesepahaman IPB"),
    )
    assert not done.findings
    titles = {t.value for t in objects(done, None, SKOS + "prefLabel") if t.language == "id"}
    assert titles == {"MoU Pertanian Bogor"}
    assert {t.value for t in objects(done, None, SKOS + "altLabel")} == {"Nota Kesepahaman IPB"}
