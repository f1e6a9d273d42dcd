"""Signatories and agreement structure (issue 15, session 12, helper e2). Each phenomenon is
shown by a text of our own words, not a report's sentences."""

from __future__ import annotations

from datetime import date

from .drafts import draft, signers

# ── An official who attends or visits the signing as an event does not sign ──────────────────


def test_an_official_attending_the_signing_as_an_event_does_not_sign():
    record = draft(
        "Pemerintah Kabupaten Sleman dan Badan Pusat Statistik meneken MoU data statistik, "
        "Senin (3/6/2024). Hal itu disampaikan Wakil Bupati Sleman Rina Kusuma saat menghadiri "
        "penandatanganan MoU tersebut. Penandatanganan dilakukan Bupati Sleman Adi Wibowo dan "
        "Kepala BPS Sri Handayani."
    )
    names = [name for name, _ in signers(record)]
    assert "Rina Kusuma" not in names
    assert {"Adi Wibowo", "Sri Handayani"} <= set(names)


def test_an_official_visiting_for_the_signing_does_not_sign():
    record = draft(
        "Menteri Sosial Budi Santoso berkunjung ke Kabupaten Bantul dalam rangka "
        "penandatanganan nota kesepahaman antara Pemerintah Kabupaten Bantul dan Badan Amil "
        "Zakat Nasional, Selasa (4/6/2024)."
    )
    assert "Budi Santoso" not in [name for name, _ in signers(record)]


def test_the_agent_of_another_passive_does_not_sign_in_english():
    record = draft(
        "The Regency of Sleman and Gadjah Mada University signed an MoU on Monday (3/6/2024). "
        "The signing ceremony was welcomed by the Regent of Sleman, Adi Wibowo, who hoped the "
        "cooperation would last. The MoU was signed by Rector Putri Lestari and Deputy Regent "
        "Rina Kusuma.",
    )
    assert "Adi Wibowo" not in [name for name, _ in signers(record)]


def test_signers_of_a_signing_noun_still_sign():
    # after a light passive, after "oleh", and before a light verb that takes the noun
    for text in (
        "Penandatanganan nota kesepahaman dilakukan Bupati Sleman Adi Wibowo dan Kepala BPS "
        "Sri Handayani, Senin (3/6/2024).",
        "Penandatanganan nota kesepahaman oleh Bupati Sleman Adi Wibowo dan Kepala BPS "
        "Sri Handayani berlangsung Senin (3/6/2024).",
        "Bupati Sleman Adi Wibowo dan Kepala BPS Sri Handayani melakukan penandatanganan nota "
        "kesepahaman, Senin (3/6/2024).",
    ):
        names = {name for name, _ in signers(draft(text))}
        assert {"Adi Wibowo", "Sri Handayani"} <= names, text


def test_the_agent_of_a_passive_speaking_of_the_signing_does_not_sign():
    text = (
        "Kabupaten Sleman dan BPS meneken MoU data statistik, Senin (3/6/2024). Dikatakan "
        "Kepala Dinas Kominfo Sleman, Rina Kusuma, bahwa penandatanganan MoU tersebut "
        "dilaksanakan di Pendopo Sleman antara Bupati Sleman Adi Wibowo dan Kepala BPS Sri "
        "Handayani."
    )
    names = [name for name, _ in signers(draft(text))]
    assert "Rina Kusuma" not in names
    assert {"Adi Wibowo", "Sri Handayani"} <= set(names)


# ── Several "antara" clauses in one sentence: one agreement per clause ───────────────────────


def test_each_between_clause_of_a_sentence_is_an_agreement_of_its_own():
    from .drafts import party_lists

    record = draft(
        "Pada rapat itu juga diteken MoU tentang laboratorium keliling antara Badan Pusat "
        "Statistik (BPS) dengan Pemerintah Kota Bogor; dan MoU antara Lembaga Administrasi "
        "Negara (LAN) dengan BPS serta Badan Pengawas Obat dan Makanan (BPOM) tentang data "
        "pelatihan, Rabu (5/6/2024)."
    )
    parties = sorted(sorted(p) for p in party_lists(record))
    assert len(parties) == 2
    assert len(parties[0]) + len(parties[1]) == 5  # a pair and a document of three


# ── A name with titles written onto it ends the body before it ───────────────────────────────


def test_titles_written_onto_a_name_end_the_body_before_it():
    record = draft(
        "Bupati Sleman Adi Wibowo dan Rektor Universitas Gadjah Mada Prof.Dr.Putri Lestari,M.Sc "
        "meneken MoU, Rabu (5/6/2024)."
    )
    assert ("Putri Lestari", "UGM") in signers(record)


def test_officials_present_at_the_signing_in_english_do_not_sign():
    record = draft(
        "The Regency of Sleman and Gadjah Mada University signed an MoU on Monday (3/6/2024). "
        "The MoU was signed by the Rector of Gadjah Mada University, Putri Lestari, and the "
        "Regent of Sleman, Adi Wibowo. Present at the signing of the MoU was the Regional "
        "Secretary Dr. Budi Santoso, Head of Sleman Tourism Office H. Rina Kusuma, and other "
        "officials."
    )
    names = [name for name, _ in signers(record)]
    assert "Rina Kusuma" not in names
    assert {"Putri Lestari", "Adi Wibowo"} <= set(names)


# ── A further pair of signers, in a sentence naming no kind, signs another agreement ─────────


def test_a_further_pair_signing_a_document_of_no_named_kind_is_another_agreement():
    from .drafts import party_lists

    record = draft(
        "Kepala LAN Adi Nugroho dan Kepala BPS Budi Santoso meneken MoU tentang pelatihan di "
        "Jakarta, Senin (3/6/2024). Sesudahnya, Kepala BPOM Citra Lestari dan Kepala BPS Budi "
        "Santoso menandatangani dokumen tentang data obat."
    )
    assert sorted(sorted(p) for p in party_lists(record)) == [["BPOM", "BPS"], ["BPS", "LAN"]]
    assert ("Citra Lestari", "BPOM") in signers(record)


# ── A partner taken by its place in the sentence that the gazetteer names is that body ───────


def test_a_partner_named_by_its_place_that_the_gazetteer_knows_is_not_declared_again():
    record = draft(
        "Kunjungan itu dirangkai dengan penandatanganan MoU dengan Manado State University, "
        "Jumat (22/4/2022).",
        published=date(2022, 4, 23),
    )
    declared = [o["name"] for o in record.get("organizations", [])]
    assert not any("Manado State University" in name for name in declared)
