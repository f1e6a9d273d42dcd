"""Posts as real reports write them resolve to roles: acting posts and English word order."""

from __future__ import annotations

import pytest

from govkg.entity_resolution import _Collector, _role
from govkg.ids import key_of
from govkg.records.model import Where
from govkg.vocab import Vocabulary


@pytest.mark.parametrize(
    ("post", "role"),
    [
        ("Sekretaris Utama BPOM", "sekretaris-utama"),
        ("Pj. Gubernur Papua Barat Daya", "gubernur"),
        ("Plt Gubernur", "gubernur"),
        ("Penjabat Bupati", "bupati"),
        ("West Java Governor", "gubernur"),
        ("Pj Mayor of Bandung", "wali-kota"),
        ("Health Minister", "menteri"),
    ],
)
def test_post_resolves_to_the_office_signed_in(post: str, role: str) -> None:
    errors = _Collector()
    found = _role(post, Vocabulary.roles(), Where("a.yaml"), errors)
    assert found is not None and key_of(found) == role, [e.message for e in errors.errors]


def test_an_unknown_post_is_still_an_error() -> None:
    errors = _Collector()
    assert _role("Juru Masak", Vocabulary.roles(), Where("a.yaml"), errors) is None
    assert errors.errors and errors.errors[0].field == "post"
