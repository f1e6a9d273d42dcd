"""The record format's optional evidence lists: read from YAML and JSON, checked, refused
when malformed, and absent from the CSV form."""

from __future__ import annotations

import json

import pytest

from govkg.errors import RecordError, RecordErrors
from govkg.records.load import load_text
from govkg.records.model import Evidence

RECORD = """govkg: 1
source: {id: a, kind: news, language: id, title: t}
events:
  - date: 2019-02-01
    evidence: [{quote: "Jumat (1/2)", start: 10, end: 21, confidence: 0.9}]
    agreements:
      - kind: mou
        parties: [LAN, LIPI]
        evidence: [{quote: LAN dan LIPI meneken MoU.}]
        signatories:
          - name: Adi Suryanto
            post: Kepala
            party: LAN
            evidence: [{quote: Kepala LAN Adi Suryanto, start: 0, end: 23, confidence: 1}]
"""


def test_evidence_is_read_on_events_agreements_and_signatories():
    event = load_text(RECORD, fmt="yaml", name="a.yaml").events[0]
    assert event.evidence == (Evidence("Jumat (1/2)", 10, 21, 0.9),)
    assert event.agreements[0].evidence[0].quote == "LAN dan LIPI meneken MoU."
    assert event.agreements[0].evidence[0].start is None
    assert event.agreements[0].signatories[0].evidence[0].confidence == 1.0


def test_json_carries_the_same_evidence():
    import yaml

    tree = yaml.safe_load(RECORD)
    tree["events"][0]["date"] = "2019-02-01"
    event = load_text(json.dumps(tree), fmt="json", name="a.json").events[0]
    assert event.evidence[0].end == 21


def test_records_without_evidence_are_unchanged():
    text = RECORD.replace(
        '    evidence: [{quote: "Jumat (1/2)", start: 10, end: 21, confidence: 0.9}]\n', ""
    )
    assert load_text(text, fmt="yaml", name="a.yaml").events[0].evidence == ()


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ("start: 10, end: 21", "events[0].evidence[0].end", "'start' and 'end' are given together"),
        ("start: 30, end: 21", "events[0].evidence[0].end", "is not after start"),
        ("start: -1, end: 21", "events[0].evidence[0].start", "not a character offset"),
        ("start: '10', end: 21", "events[0].evidence[0].start", "expected a number"),
        ("confidence: 0.9", "events[0].evidence[0].confidence", "outside 0..1"),
    ],
)
def test_malformed_evidence_is_refused_with_its_field(change, field, message):
    bad = {
        "start: 10, end: 21": "start: 10",
        "start: 30, end: 21": "start: 30, end: 21",
        "start: -1, end: 21": "start: -1, end: 21",
        "start: '10', end: 21": "start: '10', end: 21",
        "confidence: 0.9": "confidence: 1.5",
    }[change]
    text = RECORD.replace("start: 10, end: 21" if "confidence" not in change else change, bad, 1)
    with pytest.raises((RecordError, RecordErrors)) as caught:
        load_text(text, fmt="yaml", name="a.yaml")
    errors = caught.value.errors if isinstance(caught.value, RecordErrors) else [caught.value]
    assert any(e.field == field and message in e.message for e in errors), errors


def test_evidence_needs_a_quote():
    with pytest.raises(RecordError, match=r"evidence\[0\]\.quote"):
        load_text(
            RECORD.replace("{quote: LAN dan LIPI meneken MoU.}", "{start: 1, end: 2}"),
            fmt="yaml",
            name="a.yaml",
        )
