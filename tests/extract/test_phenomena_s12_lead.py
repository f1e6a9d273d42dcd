"""A joint understanding agreed without a signing word (issue 15, session 12, the lead).

Found on the session-12 unseen set after its last scoring: a report that said only that the
governments "agreed a joint understanding" (``disepakati kesepahaman bersama``) was refused as
telling of no signing. Shown here by a text of our own words."""

from __future__ import annotations

from .drafts import draft, party_lists


def test_kesepahaman_bersama_alone_names_a_joint_agreement():
    record = draft(
        "SORONG - Di Pulau Doom, 3 Maret 2021, disepakati kesepahaman bersama antara Pemerintah "
        "Kota Sorong dan Pemerintah Kabupaten Raja Ampat tentang wisata bahari."
    )
    agreements = record["events"][0]["agreements"]
    assert [a["kind"] for a in agreements] == ["kesepakatan-bersama"]
    assert sorted(party_lists(record)[0]) == [
        "Pemerintah Kabupaten Raja Ampat",
        "Pemerintah Kota Sorong",
    ]


def test_nota_kesepahaman_bersama_stays_an_mou():
    record = draft(
        "Pemerintah Kota Sorong dan Pemerintah Kabupaten Raja Ampat meneken nota kesepahaman "
        "bersama tentang wisata bahari, Rabu (3/3/2021)."
    )
    assert [a["kind"] for a in record["events"][0]["agreements"]] == ["mou"]
