"""Posts as real reports write them resolve to the right role (govkg.entity_resolution._role)."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from govkg.entity_resolution import _Collector, _role
from govkg.iris import ID_BASE
from govkg.records.model import Where
from govkg.vocab import Vocabulary


@pytest.mark.parametrize(
    ("post", "key"),
    [
        ("Plt. Wali Kota", "wali-kota"),
        ("Plt Walikota", "wali-kota"),
        ("Penjabat Bupati", "bupati"),
        ("Pj. Gubernur", "gubernur"),
        ("Pelaksana Tugas Kepala Dinas PUPR", "kepala-dinas"),
        ("Industry Minister", "menteri"),
        ("Prime Minister", "perdana-menteri"),
        ("German Ambassador to Indonesia", "duta-besar"),
        ("Menristek/Kepala BRIN", "menteri"),
        ("Sekkab", "sekretaris-daerah"),
        ("Asisten II Bidang Perekonomian Setda Kabupaten Jayapura", "asisten-sekretaris-daerah"),
        ("Asisten Deputi Kerja Sama", "asisten-deputi"),
        ("Dandim 0421", "komandan"),
        ("Vice-Chancellor", "rektor"),
        ("Sekretaris Utama BPOM", "sekretaris-utama"),
    ],
)
def test_a_post_as_written_names_its_role(post: str, key: str) -> None:
    errors = _Collector()
    found = _role(post, Vocabulary.roles(), Where("r.yaml"), errors)
    assert found == ox.NamedNode(f"{ID_BASE}role/{key}")
    assert errors.errors == []


def test_a_post_naming_no_role_is_an_error_that_names_the_field() -> None:
    errors = _Collector()
    assert _role("Pendeta Jemaat", Vocabulary.roles(), Where("r.yaml"), errors) is None
    assert [e.field for e in errors.errors] == ["post"]
