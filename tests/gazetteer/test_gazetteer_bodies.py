"""bodies.yaml: universities, enterprises and regional offices, loaded and checked like agencies."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from govkg.errors import RecordError
from govkg.gazetteer import Gazetteer
from govkg.gazetteer.load import load_dir
from govkg.gazetteer.model import OUTSIDE_KINDS
from govkg.resources import gazetteer_dir

GOOD = "- key: unit-a\n  kind: StateUniversity\n  name: Universitas A\n  source: s\n"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.bundled()


def bodies(gaz: Gazetteer) -> list:
    return [e for e in gaz.entries() if e.source.startswith("Named in ")]


def test_bodies_by_kind(gaz: Gazetteer) -> None:
    kinds = Counter(entry.kind for entry in bodies(gaz))
    assert kinds == {
        "RegionalOffice": 39,
        "StateUniversity": 23,
        "RegionalOwnedEnterprise": 9,
        "StateOwnedEnterprise": 7,
        "StateInstitution": 3,
    }
    assert not OUTSIDE_KINDS & kinds.keys()


def test_every_body_cites_the_reports_that_name_it(gaz: Gazetteer) -> None:
    for entry in bodies(gaz):
        urls = entry.source.removeprefix("Named in ").split(" ; ")
        assert all(url.startswith(("https://", "http://")) for url in urls), entry.key


def test_a_body_resolves_with_its_place_and_parent(gaz: Gazetteer) -> None:
    kejari = gaz.resolve("Kejari Kendal")
    assert (kejari.key, kejari.parent) == ("kejari-kendal", "kejagung")
    assert (kejari.province, kejari.located_in) == ("provinsi-33", "kabupaten-33-24")
    unja = gaz.resolve("UNJA")  # a province code: the body sits in the province
    assert (unja.key, unja.province, unja.located_in) == (
        "universitas-jambi",
        "provinsi-15",
        "provinsi-15",
    )
    assert gaz.resolve("Bank Kalteng").key == "bank-kalteng"
    assert gaz.resolve("PT PLN (Persero)").key == gaz.resolve("PLN").key == "pln"
    assert gaz.entry("konsulat-ri-vanimo").province is None


def _folder(tmp_path: Path, text: str) -> Path:
    for name in ("agencies.yaml", "regions.csv", "changes.yaml"):
        (tmp_path / name).write_bytes((gazetteer_dir() / name).read_bytes())
    (tmp_path / "bodies.yaml").write_text(GOOD + text, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("text", "field", "message"),
    [
        ("- key: x\n  kind: StateUniversity\n  name: X\n", "source", "missing"),
        ("- key: X Y\n  kind: StateUniversity\n  name: X\n  source: s\n", "key", "not a slug"),
        ("- key: lan\n  kind: StateUniversity\n  name: X\n  source: s\n", "key", "duplicate key"),
        ("- key: x\n  kind: Organization\n  name: X\n  source: s\n", "kind", "not a public body"),
        ("- key: x\n  kind: CityGovernment\n  name: X\n  source: s\n", "kind", "not a central"),
        ("- key: x\n  kind: Universitas\n  name: X\n  source: s\n", "kind", "not a central"),
        (
            "- key: x\n  kind: StateUniversity\n  name: X\n  source: s\n  country: JP\n",
            "country",
            "",
        ),
        (
            "- key: x\n  kind: StateUniversity\n  name: X\n  source: s\n  parent: nowhere\n",
            "parent",
            "",
        ),
        (
            "- key: x\n  kind: StateUniversity\n  name: X\n  source: s\n  region_code: 36.04\n",
            "region_code",
            "bad code 36.04",
        ),
        (
            '- key: x\n  kind: StateUniversity\n  name: X\n  source: s\n  region_code: "36.99"\n',
            "region_code",
            "no region has code '36.99'",
        ),
        (
            "- key: x\n  kind: StateUniversity\n  name: X\n  source: s\n  province: kota-36-73\n",
            "province",
            "not a province key",
        ),
        (
            '- key: x\n  kind: StateUniversity\n  name: X\n  source: s\n  region_code: "36.04"\n'
            "  province: provinsi-32\n",
            "region_code",
            "'36.04' is not in provinsi-32",
        ),
        (
            "- key: x\n  kind: StateUniversity\n  name: X\n  source: s\n  acronyms: X\n",
            "acronyms",
            "not a list of strings",
        ),
    ],
)
def test_a_bad_body_names_file_line_and_field(
    tmp_path: Path, text: str, field: str, message: str
) -> None:
    folder = _folder(tmp_path, text)
    with pytest.raises(RecordError) as err:
        load_dir(folder)
    assert (err.value.line, err.value.field) == (5, field)
    assert str(err.value).startswith(f"{folder / 'bodies.yaml'}:5: {field}: {message}")
    assert err.value.fix


def test_a_good_body_is_placed_by_its_code(tmp_path: Path) -> None:
    text = '- key: x\n  kind: RegionalOffice\n  name: X\n  source: s\n  region_code: "36.04"\n'
    entries, _ = load_dir(_folder(tmp_path, text))
    assert (entries["x"].province, entries["x"].located_in) == ("provinsi-36", "kabupaten-36-04")


def test_a_folder_without_bodies_yaml_loads(tmp_path: Path) -> None:
    for name in ("agencies.yaml", "regions.csv", "changes.yaml"):
        (tmp_path / name).write_bytes((gazetteer_dir() / name).read_bytes())
    entries, _ = load_dir(tmp_path)
    assert "lan" in entries and "universitas-jambi" not in entries
