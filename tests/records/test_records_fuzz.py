"""Property tests: whatever the input, loading gives a RecordSet or located record errors.

Inputs: the valid test record with fields deleted, retyped, added or duplicated
(written as YAML, JSON and CSV), the record texts with characters edited, and
random text and bytes. Set GOVKG_FUZZ_EXAMPLES for a longer run (default 200 per test).
"""

from __future__ import annotations

import copy
import csv
import io
import json
import os
from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from govkg.errors import RecordError, RecordErrors
from govkg.records.load import load_bytes, load_text
from govkg.records.model import RecordSet
from govkg.records.readers import clean
from govkg.text_hygiene import clean_text

VALID = Path(__file__).resolve().parents[2] / "tests" / "data" / "records" / "valid"
TEXTS = {
    fmt: (VALID / f"lan-lipi-2019.{fmt}").read_text(encoding="utf-8")
    for fmt in ("yaml", "json", "csv")
}
TREE = yaml.safe_load(TEXTS["yaml"])
ROWS = list(csv.reader(io.StringIO(TEXTS["csv"], newline="")))
FORMATS = st.sampled_from(["yaml", "json", "csv"])
FUZZ = settings(max_examples=int(os.environ.get("GOVKG_FUZZ_EXAMPLES", "200")), deadline=None)

TRICKY = st.sampled_from(
    [
        "",
        " ",
        "\u200b",
        "\x00",
        "2019-02-30",
        "1900-01-01",
        "LAN",
        "lan",
        "36.04",
        "mou",
        "news",
        "id",
        "https://x.org/a b",
        "lan-lipi-2019",
        "a; b",
        "Jane (editor)",
        "yes",
        "!!python/name:os",
    ]
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(),
    st.text(max_size=20),
    st.dates(),
    st.datetimes(),
    TRICKY,
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)


def assert_loaded_or_located(load, *args, **kwargs) -> None:
    """The property: a RecordSet, or record errors that each name a file and a field or line."""
    try:
        result = load(*args, **kwargs)
    except RecordErrors as exc:
        errors = exc.errors
    except RecordError as exc:
        errors = [exc]
    else:
        assert isinstance(result, RecordSet)
        return
    assert errors
    for error in errors:
        assert isinstance(error, RecordError)
        assert error.file and (error.field or error.line), str(error)
        assert "govkg bug" not in str(error), str(error)


def _paths(tree, prefix=()):
    yield prefix
    children = (
        tree.items()
        if isinstance(tree, dict)
        else enumerate(tree)
        if isinstance(tree, list)
        else ()
    )
    for key, value in children:
        yield from _paths(value, (*prefix, key))


def _mutate(tree, path, op, value, key):
    tree = copy.deepcopy(tree)
    if not path:
        return value if op == "replace" else tree
    parent = tree
    for step in path[:-1]:
        parent = parent[step]
    last, target = path[-1], parent[path[-1]]
    if op == "delete":
        del parent[last]
    elif op == "replace":
        parent[last] = value
    elif op == "add" and isinstance(target, dict):
        target[key] = value
    elif op == "add" and isinstance(target, list):
        target.append(value)
    elif op == "duplicate" and isinstance(parent, list):
        parent.insert(last, copy.deepcopy(target))
    return tree


@st.composite
def mutated_trees(draw):
    tree = TREE
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(list(_paths(tree))))
        op = draw(st.sampled_from(["delete", "replace", "add", "duplicate"]))
        tree = _mutate(tree, path, op, draw(VALUES), draw(st.text(max_size=8)))
    return tree


@st.composite
def mutated_csv(draw):
    rows = [list(row) for row in ROWS]
    for _ in range(draw(st.integers(1, 3))):
        op = draw(st.sampled_from(["cell", "cell", "cell", "drop-column", "drop-row", "copy-row"]))
        r = draw(st.integers(0, len(rows) - 1))
        c = draw(st.integers(0, len(rows[0]) - 1))
        if op == "cell" and c < len(rows[r]):
            rows[r][c] = draw(st.text(max_size=20) | TRICKY)
        elif op == "drop-column":
            rows = [row[:c] + row[c + 1 :] for row in rows]
        elif op == "drop-row" and len(rows) > 1:
            del rows[r]
        elif op == "copy-row":
            rows.insert(r, list(rows[r]))
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


@st.composite
def edited_texts(draw):
    fmt = draw(FORMATS)
    text = TEXTS[fmt]
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        cut = draw(st.integers(0, 8))
        text = text[:at] + draw(st.text(max_size=4)) + text[at + cut :]
    return fmt, text


def test_unmutated_record_loads_in_every_form():
    for fmt, text in TEXTS.items():
        assert isinstance(load_text(text, fmt=fmt, name=f"t.{fmt}"), RecordSet)


@FUZZ
@given(mutated_trees())
def test_mutated_record_as_yaml(tree):
    text = yaml.safe_dump(tree, allow_unicode=True, sort_keys=False)
    assert_loaded_or_located(load_text, text, fmt="yaml", name="fuzz.yaml")


@FUZZ
@given(mutated_trees())
def test_mutated_record_as_json(tree):
    text = json.dumps(tree, default=str, ensure_ascii=False, indent=1)
    assert_loaded_or_located(load_text, text, fmt="json", name="fuzz.json")


@FUZZ
@given(mutated_csv())
def test_mutated_record_as_csv(text):
    assert_loaded_or_located(load_text, text, fmt="csv", name="fuzz.csv")


@FUZZ
@given(edited_texts())
def test_record_text_with_edits(case):
    fmt, text = case
    assert_loaded_or_located(load_text, text, fmt=fmt, name=f"fuzz.{fmt}")


@FUZZ
@given(FORMATS, st.text(max_size=200))
def test_random_text(fmt, text):
    assert_loaded_or_located(load_text, text, fmt=fmt, name=f"fuzz.{fmt}")


@FUZZ
@given(FORMATS, st.binary(max_size=200))
def test_random_bytes(fmt, data):
    assert_loaded_or_located(load_bytes, data, fmt=fmt, name=f"fuzz.{fmt}")


@FUZZ
@given(st.text(max_size=40), st.booleans())
def test_fast_path_cleaning_matches_clean_text(text, multiline):
    assert clean(text, multiline=multiline) == clean_text(text, multiline=multiline)
