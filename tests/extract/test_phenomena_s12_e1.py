"""Parties (issue 15, session 12, helper e1): how reports name the bodies of an agreement.

Each phenomenon is shown by a text of our own words."""

from __future__ import annotations

from .drafts import draft, party_lists


def test_a_body_named_again_by_its_parent_in_a_remark_is_not_a_further_party():
    record = draft(
        "Pemkot Magelang dan Polres Magelang Kota meneken MoU, Senin (2/3/2026). Wali Kota "
        "Magelang Budi Santoso dan Kapolres Magelang Kota AKBP Rina Wati meneken MoU itu. "
        "“Kerja sama Pemkot Magelang dengan Polri makin erat,” kata Budi."
    )
    assert party_lists(record) == [["Pemerintah Kota Magelang", "Polres Magelang Kota"]]


def test_a_name_cut_short_is_the_party_named_in_full():
    record = draft(
        "Pemerintah Kabupaten Ngawi bersama PT Sinar Laut Jaya resmi meneken nota kesepahaman, "
        "Senin (2/3/2026). Penandatanganan dilakukan Bupati Ngawi Budi Santoso dan Direktur "
        "PT Sinar Laut Jaya Timur Abadi, Rina Wati."
    )
    (parties,) = party_lists(record)
    assert len(parties) == 2, parties
    assert "Pemerintah Kabupaten Ngawi" in parties
