"""Organizations declared by records: added to a new gazetteer; collisions cite file:line."""

from __future__ import annotations

from pathlib import Path

import pytest

from govkg.errors import GovkgError, RecordError
from govkg.gazetteer import Gazetteer
from govkg.gazetteer.coverage import party_coverage
from govkg.records.load import load_file
from govkg.records.model import OrganizationDecl, Where

WHERE = Where("records/2019-lan.yaml", 12, "organizations[0]")


def decl(**fields: object) -> OrganizationDecl:
    base = {
        "id": "pusdiklat-x",
        "name": "Pusat Pendidikan dan Pelatihan X",
        "kind": "GovernmentUnit",
    }
    return OrganizationDecl(**{**base, **fields}, where=WHERE)


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.bundled()


def test_declared_organization_resolves(gaz: Gazetteer) -> None:
    more = gaz.with_declarations(
        [
            decl(
                acronyms=("Pusdiklat X",),
                aliases=("Pusdiklat X Jakarta",),
                parent="LAN",
                name_en="X Training Centre",
            )
        ]
    )
    entry = more.resolve("Pusdiklat X")
    assert entry.key == "pusdiklat-x" and entry.kind == "GovernmentUnit"
    assert entry.parent == "lan"  # a name is resolved to the key
    assert entry.source == "declared in records/2019-lan.yaml:12"
    assert more.resolve("pusdiklat x jakarta") is entry
    assert more.resolve("X Training Centre") is entry
    assert more.resolve("LAN").key == "lan"  # the bundled entries are still there
    assert len(more) == len(gaz) + 1
    assert more.changes == gaz.changes


def test_the_bundled_gazetteer_is_unchanged(gaz: Gazetteer) -> None:
    gaz.with_declarations([decl(acronyms=("PXQ",))])
    assert "pusdiklat-x" not in gaz
    assert gaz.matches("PXQ") == []


def test_no_declarations_returns_the_same_object(gaz: Gazetteer) -> None:
    assert gaz.with_declarations([]) is gaz
    assert gaz.with_declarations(iter(())) is gaz


def test_declared_region_with_province_by_name(gaz: Gazetteer) -> None:
    more = gaz.with_declarations(
        [
            decl(
                id="kecamatan-x",
                name="Pemerintah Kecamatan Xyz",
                kind="GovernmentUnit",
                province="Pemprov Banten",
            )
        ]
    )
    assert more.entry("kecamatan-x").province == "provinsi-36"


@pytest.mark.parametrize(
    ("fields", "field", "words"),
    [
        ({"id": "lan"}, "organizations[0].id", "already the key of LAN"),
        ({"id": "kabupaten-36-04"}, "organizations[0].id", "already the key of Kabupaten Serang"),
        ({"name": "Lembaga Administrasi Negara"}, "organizations[0].name", "already names LAN"),
        ({"acronyms": ("LIPI",)}, "organizations[0].name", "already names LIPI"),
        ({"aliases": ("Pemkab Serang",)}, "organizations[0].name", "Kabupaten Serang"),
        ({"aliases": ("Serang",)}, "organizations[0].name", "Kota Serang"),
        ({"name_en": "Indonesian Institute of Sciences"}, "organizations[0].name", "LIPI"),
        ({"id": "Bad Id"}, "organizations[0].id", "not a slug"),
        ({"kind": "Kementerian"}, "organizations[0].kind", "unknown kind"),
        ({"region_code": "3604"}, "organizations[0].region_code", "bad code"),
        ({"parent": "Lembaga Tidak Ada Sama Sekali"}, "organizations[0].parent", "unknown"),
    ],
)
def test_collisions_and_mistakes_cite_the_declaration(
    gaz: Gazetteer, fields: dict, field: str, words: str
) -> None:
    with pytest.raises(RecordError) as err:
        gaz.with_declarations([decl(**fields)])
    assert isinstance(err.value, GovkgError)
    assert err.value.file == "records/2019-lan.yaml" and err.value.line == 12
    assert err.value.field == field
    assert words in str(err.value)
    assert str(err.value).startswith("records/2019-lan.yaml:12: ")


def test_two_declarations_of_one_name_collide(gaz: Gazetteer) -> None:
    first = decl(id="a-unit", acronyms=("AU1",))
    second = decl(id="b-unit", name="Unit B", acronyms=("AU1",))
    with pytest.raises(RecordError, match="'au1' already names AU1"):
        gaz.with_declarations([first, second])


def test_parent_may_be_another_declaration(gaz: Gazetteer) -> None:
    unit = decl(id="unit-a", name="Unit A", parent="Direktorat Q")
    parent = decl(id="direktorat-q", name="Direktorat Q", kind="GovernmentUnit", parent="lan")
    more = gaz.with_declarations([unit, parent])
    assert more.entry("unit-a").parent == "direktorat-q"
    assert more.entry("direktorat-q").parent == "lan"


def test_province_must_be_a_province(gaz: Gazetteer) -> None:
    with pytest.raises(RecordError, match="is not a province") as err:
        gaz.with_declarations([decl(province="Pemkab Serang")])
    assert err.value.field == "organizations[0].province"


def test_party_coverage_counts_parties_the_bundled_gazetteer_resolves():
    valid = Path(__file__).resolve().parents[1] / "data" / "records" / "valid"
    records = [
        load_file(valid / n)
        for n in ("partial-and-missing-dates.yaml", "new-kinds-and-foreign-parties.yaml")
    ]
    share = party_coverage(records)
    assert (share.known, share.total) == (9, 15)
    assert "Kejari Serang" in share.unknown and "LAN" not in share.unknown


def _decl(file: str, **fields) -> OrganizationDecl:
    values = {"id": "bank-x", "name": "Bank X", "kind": "RegionalOwnedEnterprise", **fields}
    return OrganizationDecl(**values, where=Where(file, 20, "organizations[0]"))


def test_one_body_declared_by_several_files_is_one_entry():
    first = _decl("a.yaml", acronyms=("BX",), province="DI Yogyakarta")
    later = _decl("b.yaml", aliases=("Bank Ex",), province="Daerah Istimewa Yogyakarta")
    gazetteer = Gazetteer.bundled().with_declarations([first, later])
    entry = gazetteer.resolve("Bank Ex")
    assert (entry.key, entry.acronyms, entry.province) == ("bank-x", ("BX",), "provinsi-34")
    assert gazetteer.resolve("BX").key == "bank-x"


def test_two_declarations_of_one_id_that_disagree_name_both_files():
    with pytest.raises(RecordError) as info:
        Gazetteer.bundled().with_declarations([_decl("a.yaml"), _decl("b.yaml", kind="Ministry")])
    assert info.value.file == "b.yaml" and "a.yaml:20" in info.value.message


def test_a_declaration_of_a_body_the_gazetteer_has_under_its_key_is_dropped():
    lan = OrganizationDecl(
        "lan", "Lembaga Administrasi Negara", "NonMinisterialAgency", where=Where("a.yaml", 3)
    )
    gazetteer = Gazetteer.bundled()
    assert gazetteer.with_declarations([lan]) is gazetteer


def test_a_province_named_like_its_capital_city_is_the_province():
    poltek = _decl(
        "a.yaml",
        id="politeknik-jambi",
        name="Politeknik Jambi",
        kind="StateUniversity",
        province="Jambi",
    )
    gazetteer = Gazetteer.bundled().with_declarations([poltek])
    assert gazetteer.entry("politeknik-jambi").province == "provinsi-15"
