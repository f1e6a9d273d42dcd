"""Region names as reports write them: joined or apart, in English, by local abbreviation —
and no spelling or alias that names two regions."""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path

import pytest

from govkg.gazetteer import Gazetteer
from govkg.gazetteer.forms import name_key, spellings
from govkg.gazetteer.model import short_names
from govkg.resources import gazetteer_dir

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.bundled()


def keys(gaz: Gazetteer, name: str) -> list[str]:
    return [entry.key for entry in gaz.matches(name)]


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("Pemkab Tulangbawang Barat", "kabupaten-18-12"),
        ("Kabupaten Tulang Bawang Barat", "kabupaten-18-12"),
        ("Kabupaten Batang Hari", "kabupaten-15-04"),
        ("Kab. Batanghari", "kabupaten-15-04"),
        ("Pemkot Pangkal Pinang", "kota-19-71"),
        ("Kota Pangkalpinang", "kota-19-71"),
        ("Pemkot Bukit Tinggi", "kota-13-75"),
        ("Kabupaten Kota Baru", "kabupaten-63-02"),
        ("Kabupaten Batang", "kabupaten-33-25"),
    ],
)
def test_names_written_joined_or_apart(gaz: Gazetteer, written: str, key: str) -> None:
    assert keys(gaz, written) == [key]


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("South Buton Regency", "kabupaten-74-15"),
        ("the Regency of South Buton", "kabupaten-74-15"),
        ("Regency of Batang Hari", "kabupaten-15-04"),
        ("Southwest Papua Province", "provinsi-96"),
        ("Southeast Sulawesi", "provinsi-74"),
        ("East Tanjung Jabung Regency", "kabupaten-15-07"),
        ("Kampar regional government", "kabupaten-14-01"),
    ],
)
def test_english_names_with_the_compass_word_first(gaz: Gazetteer, written: str, key: str) -> None:
    assert keys(gaz, written) == [key]


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("Gubernur Provinsi Riau", "provinsi-14"),
        ("Bupati Kabupaten Banyuasin", "kabupaten-16-07"),
        ("Wali Kota Kota Kupang", "kota-53-71"),
    ],
)
def test_a_post_before_the_area_word(gaz: Gazetteer, written: str, key: str) -> None:
    assert keys(gaz, written) == [key]


def test_a_regional_government_of_a_shared_name_stays_ambiguous(gaz: Gazetteer) -> None:
    assert sorted(keys(gaz, "Bogor regional government")) == ["kabupaten-32-01", "kota-32-71"]


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("Pemkab Konsel", "kabupaten-74-05"),
        ("Bupati Konut", "kabupaten-74-09"),
        ("Tubaba", "kabupaten-18-12"),
        ("Pemkab Halsel", "kabupaten-82-04"),
        ("Bupati Lambar", "kabupaten-18-04"),
        ("Pemkot Tangsel", "kota-36-74"),
        ("Pemkab Kuansing", "kabupaten-14-09"),
        ("Mateng", "kabupaten-76-06"),
        ("Pemkot Jaksel", "kota-31-74"),
        ("Pemprov Kalbar", "provinsi-61"),
        ("Jatim", "provinsi-35"),
        ("Sulut", "provinsi-71"),
    ],
)
def test_local_abbreviations(gaz: Gazetteer, written: str, key: str) -> None:
    assert keys(gaz, written) == [key]


def _make_regions():
    spec = importlib.util.spec_from_file_location("make_regions", ROOT / "scripts/make_regions.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_abbreviation_cites_a_page_and_names_one_region(gaz: Gazetteer) -> None:
    abbreviations = _make_regions().ABBREVIATIONS
    for short, (abbreviation, page) in abbreviations.items():
        assert page.startswith("http"), short
        found = keys(gaz, abbreviation)
        assert len(found) == 1, (abbreviation, found)
        assert abbreviation in gaz.entry(found[0]).aliases
        assert page in gaz.entry(found[0]).source


def test_no_alias_names_two_regions() -> None:
    """An alias (a short name beyond the official one) picks out its own region only; a name
    shared by a regency and a city of the same name (Serang) is the only ambiguity allowed."""
    gaz = Gazetteer.bundled()
    with (gazetteer_dir() / "regions.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    bare = {}
    for entry in gaz.entries():
        for short in short_names(entry):
            bare.setdefault(name_key(short), set()).add(entry.key)
    for row in rows:
        for alias in filter(None, row["aliases"].split("|")):
            found = set(keys(gaz, alias))
            assert row["key"] in found, (alias, found)
            official = {name_key(entry.name.split(" ", 2)[-1]) for entry in map(gaz.entry, found)}
            others = found - {row["key"]}
            assert not others or name_key(alias) in official, (alias, found)


def test_spellings_never_merge_distinct_regions(gaz: Gazetteer) -> None:
    """Across all regions: each joined or split spelling, bare or with a prefix, names only
    regions whose own name has the same letters (the regency and city of Serang)."""
    compact: dict[str, set[str]] = {}
    for entry in gaz.entries():
        for short in short_names(entry):
            compact.setdefault(name_key(short).replace(" ", ""), set()).add(entry.key)
    checked = 0
    for entry in gaz.entries():
        for short in short_names(entry):
            for spelled in spellings(name_key(short))[1:]:
                same = compact[spelled.replace(" ", "")]
                for written in (spelled, f"pemerintah {spelled}", f"bupati {spelled}"):
                    assert set(keys(gaz, written)) <= same, (written, keys(gaz, written))
                checked += 1
    assert checked > 100


def test_spellings_do_not_join_a_compass_word() -> None:
    assert "tulangbawangbarat" not in spellings("tulang bawang barat")
    assert spellings("kepulauan riau") == ["kepulauan riau"]
