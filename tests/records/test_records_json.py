"""Loading JSON records, the three forms agreeing, and docs/record-schema.json matching them."""

from __future__ import annotations

import dataclasses
import json
import re
from datetime import date
from pathlib import Path

import pytest
import yaml

from govkg.errors import RecordError, RecordErrors
from govkg.records.dates import PARTIAL_DATE
from govkg.records.load import load_file, load_text
from govkg.records.model import AGREEMENT_KINDS, ORGANIZATION_KINDS, SOURCE_KINDS
from govkg.records.schema import (
    CONTRIBUTOR_ROLES,
    COUNTRY_CODE,
    LANGUAGE_TAG,
    REGION_CODE,
    SHAPES,
    SLUG,
)

ROOT = Path(__file__).resolve().parents[2]
VALID = ROOT / "tests" / "data" / "records" / "valid"
INVALID = ROOT / "tests" / "data" / "records" / "invalid"
SCHEMA = ROOT / "docs" / "record-schema.json"

EXPECTED = {
    "duplicate-key.json": ("events[0].date", 7),
    "region-code-as-number.json": ("organizations[0].region_code", 15),
    "trailing-comma.json": ("events[0].agreements[0]", 7),
}


def errors_of(load, *args, **kwargs) -> list[RecordError]:
    with pytest.raises((RecordError, RecordErrors)) as info:
        load(*args, **kwargs)
    exc = info.value
    return list(exc.errors) if isinstance(exc, RecordErrors) else [exc]


def unplaced(record):
    return dataclasses.replace(record, path="")


def test_every_invalid_json_fixture_has_an_expectation():
    assert sorted(path.name for path in INVALID.glob("*.json")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_invalid_json_fixture_fails_on_its_field_and_line(name):
    errors = errors_of(load_file, INVALID / name)
    assert EXPECTED[name] in [(e.field, e.line) for e in errors], [str(e) for e in errors]
    assert all(e.fix for e in errors)


def test_yaml_json_and_csv_forms_load_to_equal_records():
    yaml_form, json_form, csv_form = (
        load_file(VALID / f"lan-lipi-2019.{suffix}") for suffix in ("yaml", "json", "csv")
    )
    assert unplaced(yaml_form) == unplaced(json_form) == unplaced(csv_form)
    assert json_form.path.endswith(".json") and csv_form.path.endswith(".csv")


def test_json_values_keep_their_lines():
    record = load_file(VALID / "lan-lipi-2019.json")
    agreement = record.events[0].agreements[1]
    assert (agreement.where.line, agreement.where.field) == (36, "events[0].agreements[1]")


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ('{"govkg": 1,\n "source": NaN}', 2),
        ('{"govkg": 1} // comment', 1),
        ('{"govkg": 1,\n\n "x": "tab\there"}', 3),
        ("[" * 100 + "]" * 100, 1),
        ("", 1),
    ],
)
def test_non_strict_json_is_refused_with_line(text, line):
    assert errors_of(load_text, text, fmt="json", name="t.json")[0].line == line


def test_json_date_must_be_a_string_date():
    text = (
        (VALID / "lan-lipi-2019.json")
        .read_text()
        .replace('"date": "2019-02-01"', '"date": 20190201')
    )
    errors = errors_of(load_text, text, fmt="json", name="t.json")
    assert [(e.field, e.line) for e in errors] == [("events[0].date", 18)]


def test_schema_objects_list_exactly_the_fields_the_loader_accepts():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    objects = {"record": schema, **{n: schema["$defs"][n] for n in SHAPES if n != "record"}}
    for name, shape in SHAPES.items():
        obj = objects[name]
        assert obj["additionalProperties"] is False, name
        assert set(obj["properties"]) == set(shape.fields), name
        assert set(obj["required"]) == set(shape.required), name


def test_schema_enums_and_patterns_match_the_loader():
    defs = json.loads(SCHEMA.read_text(encoding="utf-8"))["$defs"]
    assert defs["source"]["properties"]["kind"]["enum"] == list(SOURCE_KINDS)
    assert defs["agreement"]["properties"]["kind"]["enum"] == list(AGREEMENT_KINDS)
    assert defs["organization"]["properties"]["kind"]["enum"] == list(ORGANIZATION_KINDS)
    assert defs["contributor"]["properties"]["role"]["enum"] == list(CONTRIBUTOR_ROLES)
    assert defs["slug"]["pattern"] == SLUG.pattern
    assert defs["date"]["pattern"] == PARTIAL_DATE.pattern
    assert defs["organization"]["properties"]["country"]["pattern"] == COUNTRY_CODE.pattern
    assert defs["organization"]["properties"]["region_code"]["pattern"] == REGION_CODE.pattern
    assert defs["source"]["properties"]["language"]["pattern"] == LANGUAGE_TAG.pattern


def _as_json_tree(value):
    """A YAML-loaded tree with dates written as JSON strings."""
    if isinstance(value, dict):
        return {key: _as_json_tree(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_as_json_tree(item) for item in value]
    return value.isoformat() if isinstance(value, date) else value


def _documents():
    for path in sorted(VALID.glob("*.yaml")):
        yield path.name, _as_json_tree(yaml.safe_load(path.read_text(encoding="utf-8")))
    for path in sorted(VALID.glob("*.json")):
        yield path.name, json.loads(path.read_text(encoding="utf-8"))
    docs = (ROOT / "docs" / "records.md").read_text(encoding="utf-8")
    for index, block in enumerate(re.findall(r"```(yaml|json)\n(.*?)```", docs, re.S)):
        kind, text = block
        tree = yaml.safe_load(text) if kind == "yaml" else json.loads(text)
        yield f"docs/records.md block {index}", _as_json_tree(tree)


def test_docs_examples_and_valid_fixtures_validate_against_the_schema():
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    for name, tree in _documents():
        problems = [error.message for error in validator.iter_errors(tree)]
        assert not problems, (name, problems)


def test_docs_examples_load():
    docs = (ROOT / "docs" / "records.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```(yaml|json|csv)\n(.*?)```", docs, re.S)
    assert {kind for kind, _ in blocks} == {"yaml", "json", "csv"}
    for kind, text in blocks:
        assert load_text(text, fmt=kind, name=f"docs.{kind}").events
