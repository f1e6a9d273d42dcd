"""Signatories, second round (issue #15): posts with long units, acronyms and acting prefixes,
each shown by a text of our own."""

from __future__ import annotations

from govkg.extract import extract_text
from govkg.extract.orgs import Lexicon
from govkg.extract.people import officials, resolve_role
from govkg.extract.text import read_article


def found(text: str, lang: str = "id") -> list[tuple]:
    sentence = read_article(text).sentences[0]
    return [
        (o.role, o.org.org.ident if o.org else None, o.name.name if o.name else None, o.acting)
        for o in officials(sentence, Lexicon(), lang)
    ]


def test_a_body_spelt_out_then_its_known_acronym_in_brackets_before_the_name():
    text = (
        "The pact was signed by the Chairman of the National Disaster Relief Agency (BNPB) "
        "Rudi Hartanto in Jakarta."
    )
    assert found(text, "en") == [("ketua", "bnpb", "Rudi Hartanto", None)]


def test_a_long_unit_then_its_acronym_in_brackets_before_the_name():
    text = (
        "Naskah diteken Kepala Dinas Perumahan Rakyat Dan Kawasan Permukiman (Disperkim) "
        "Sari Wulandari bersama rektor."
    )
    assert [(role, name) for role, _, name, _ in found(text)] == [
        ("kepala-dinas", "Sari Wulandari")
    ]


def test_an_acting_prefix_with_its_abbreviation_in_brackets():
    text = "Penjabat (Pj) Bupati Serang Dedi Kurniawan meneken kesepakatan itu."
    assert found(text) == [("bupati", "kabupaten-36-04", "Dedi Kurniawan", "Penjabat")]


def test_posts_resolve_to_roles_as_the_build_resolves_them():
    assert resolve_role("Plt Gubernur Jawa Tengah") == "gubernur"
    assert resolve_role("Penjabat Wali Kota") == "wali-kota"
    assert resolve_role("Fisheries and Marine Affairs Minister") == "menteri"
    assert resolve_role("Dutch Ambassador to Indonesia") == "duta-besar"


def test_an_envoy_named_after_the_country_of_the_post():
    text = "The letter was signed by the Dutch Ambassador to Japan Hendrik Vos at the embassy."
    assert [(role, name) for role, _, name, _ in found(text, "en")] == [
        ("duta-besar", "Hendrik Vos")
    ]


def test_a_secretary_of_state_is_a_minister():
    text = "The accord was signed by US Secretary of State Maria Lopez, who was visiting Jakarta."
    assert [(role, name) for role, _, name, _ in found(text, "en")] == [("menteri", "Maria Lopez")]


def test_the_sentence_after_a_signing_lists_the_parties_by_their_signers():
    text = (
        "Pemprov Jambi, Kejati Jambi dan Kanwil Kemenkum Jambi meneken nota kesepakatan pada "
        "Rabu (4/6/2025) di Kantor Gubernur Jambi. Tiga pihak yang hadir langsung yakni Gubernur "
        "Jambi Ahmad Fauzi, Kepala Kejati Jambi Rudi Hartanto, serta Kepala Kanwil Kemenkum "
        "Jambi Sari Dewi."
    )
    record = extract_text(text).record
    names = {s["name"] for e in record["events"] for a in e["agreements"] for s in a["signatories"]}
    assert names == {"Ahmad Fauzi", "Rudi Hartanto", "Sari Dewi"}
