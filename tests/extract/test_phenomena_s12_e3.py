"""English reports and foreign parties (issue 15, session 12): how reports write the
governments of other countries' states and provinces, and their signers. Each phenomenon is
shown by a text of our own words."""

from __future__ import annotations

from .drafts import declarations, draft, party_lists, resolved_parties, signers


def _foreign(record: dict) -> dict[str, dict]:
    return {
        n: o for n, o in declarations(record).items() if o.get("kind") == "ForeignLocalGovernment"
    }


def test_an_australian_state_written_with_the_country_before_it_is_its_government():
    record = draft(
        "The government of the Australian state of Queensland has renewed its sister-state "
        "memorandum of understanding with the Provincial Government of East Java on Monday, "
        "June 24, 2024."
    )
    (parties,) = resolved_parties(record)
    assert "decl:Queensland Government" in parties
    assert _foreign(record)["Queensland Government"]["country"] == "AU"


def test_a_region_written_alone_after_between_names_its_government():
    record = draft(
        "A letter of intent between the Government of Central Java and Tasmania was signed "
        "in Hobart on Tuesday, June 25, 2024, to deepen ties in education."
    )
    (parties,) = resolved_parties(record)
    assert "decl:Tasmanian Government" in parties


def test_a_region_written_as_a_place_is_no_party():
    record = draft(
        "The Government of Central Java and Monash University signed a memorandum of "
        "understanding in Victoria on Tuesday, June 25, 2024."
    )
    assert "Victorian Government" not in declarations(record)


def test_a_region_abbreviated_after_pemerintah_is_named_as_its_government_calls_itself():
    record = draft(
        "Pemerintah Provinsi Sulawesi Utara dan Pemerintah NT meneken nota kesepahaman kerja "
        "sama perdagangan, Senin (24/6/2024)."
    )
    (parties,) = resolved_parties(record)
    assert "decl:Northern Territory Government" in parties


def test_chinese_provinces_listed_alone_are_each_a_partner():
    record = draft(
        "Pemprov Jawa Tengah menandatangani nota kesepahaman sister province dengan dua provinsi "
        "di Tiongkok, yaitu Hunan dan Chongqing, Senin (24/6/2024)."
    )
    found = set().union(*resolved_parties(record))
    assert {"decl:Hunan Provincial Government", "decl:Chongqing Municipal Government"} <= found
    assert _foreign(record)["Hunan Provincial Government"]["country"] == "CN"


def test_a_foreign_agency_named_before_its_head_ends_where_the_person_begins():
    record = draft(
        "The memorandum on flood preparedness was signed by Head of BNPB Budi Santoso and "
        "Commissioner of Malaysian Fire and Rescue Service Ahmad Rahman on Tuesday, June 25, "
        "2024."
    )
    agencies = {n for n, o in declarations(record).items() if o.get("kind") == "ForeignGovernment"}
    assert agencies == {"Malaysian Fire and Rescue Service"}
    assert ("Ahmad Rahman", "Malaysian Fire and Rescue Service") in signers(record)


def test_a_body_written_with_a_possessive_before_its_officials_post_is_the_signers_party():
    record = draft(
        "The memorandum of understanding was signed by Deakin University's Vice-Chancellor, "
        "Anna Harris, and Universitas Gadjah Mada's Rector Budi Prasetyo on Monday, June 24, "
        "2024."
    )
    (parties,) = resolved_parties(record)
    assert "universitas-gadjah-mada" in parties
    assert signers(record) == [("Anna Harris", "Deakin University"), ("Budi Prasetyo", "UGM")]


def test_the_head_of_a_foreign_state_signs_for_its_government_with_the_person_after_it():
    record = draft(
        "The memorandum was signed by Siti Rahma, Regent of Sleman, and the Chief Minister of "
        "Sabah, Hajiji Noor, and by Premier of Western Australia Roger Cook on Monday, June 24, "
        "2024."
    )
    assert ("Hajiji Noor", "Sabah State Government") in signers(record)
    assert ("Roger Cook", "Government of Western Australia") in signers(record)


def test_professor_before_a_name_then_a_comma_and_a_post_is_a_title():
    record = draft(
        "The memorandum of understanding was signed by Professor Alan Reed, Vice-Chancellor of "
        "Flinders University, and Professor Dewi Lestari, Rector of Universitas Udayana, on "
        "Monday, June 24, 2024."
    )
    (agreement,) = [a for e in record["events"] for a in e["agreements"]]
    found = {(s["name"], s["post"], s["party"]) for s in agreement["signatories"]}
    assert ("Alan Reed", "Vice-Chancellor", "Flinders University") in found
    reed = next(s for s in agreement["signatories"] if s["name"] == "Alan Reed")
    assert reed["honorifics"] == ["Professor"]


def test_a_named_partners_first_word_or_a_foreign_place_before_a_post_is_the_signers_body():
    record = draft(
        "Bogor City Government and the City of Hualien signed a sister city agreement on "
        "Monday, June 24, 2024. It was signed by Bogor Mayor Dedi Rukmana and Hualien Mayor "
        "Chen Lin. Flinders University and Universitas Udayana also signed an agreement, by "
        "Flinders Vice-Chancellor Colin Stirling and Udayana Rector Ngakan Putu Gede Suardana."
    )
    found = set(signers(record))
    assert ("Chen Lin", "City of Hualien") in found
    assert ("Colin Stirling", "Flinders University") in found
    assert ("Dedi Rukmana", "City of Hualien") not in found


def test_a_foreign_ministry_with_commas_in_its_subject_is_one_body_as_its_minister_names_it():
    record = draft(
        "The Ministry of Health and Korea's Ministry of Health, Labour and Welfare signed a "
        "memorandum of cooperation on Monday, June 24, 2024. It was signed by Health Minister "
        "Budi Gunadi Sadikin and Korean Minister of Health, Labour and Welfare Kim Min-jun."
    )
    ministry = "Ministry of Health, Labour and Welfare of South Korea"
    (parties,) = resolved_parties(record)
    assert parties == {"kemenkes", f"decl:{ministry}"}
    assert ("Kim Min-jun", ministry) in signers(record)


def test_the_home_country_after_a_post_and_the_body_after_the_name_are_read_in_english():
    record = draft(
        "The memorandum was signed by the Minister of Health of the Republic of Indonesia, "
        "Adi Nugroho, and Vice-Chancellor Mary Jones of the University of Adelaide, with Rector "
        "Budi Santoso of UGM as a third party, on Monday, June 24, 2024."
    )
    found = set(signers(record))
    assert ("Adi Nugroho", "Kemenkes") in found
    assert ("Mary Jones", "University of Adelaide") in found
    assert ("Budi Santoso", "UGM") in found


def test_an_official_followed_by_the_country_they_sign_for_is_that_countrys():
    record = draft(
        "Indonesia and Norway signed a memorandum of understanding on Monday, June 24, 2024. "
        "Environment Minister Siti Aminah signed for Indonesia and Environment Minister Lars "
        "Olsen on behalf of Norway."
    )
    found = set(signers(record))
    assert ("Lars Olsen", "Ministry of Environment of Norway") in found
    assert not any(
        name == "Lars Olsen" and party != "Ministry of Environment of Norway"
        for name, party in found
    )


def test_a_malaysian_university_written_in_malay_is_a_party():
    record = draft(
        "Universitas Jember menjalin kerja sama dengan Universiti Putra Malaysia. Nota "
        "kesepahaman ditandatangani kedua pimpinan di Serdang, Senin (24/6/2024)."
    )
    (parties,) = party_lists(record)
    assert "Universiti Putra Malaysia" in parties


def test_the_head_of_an_international_organisations_country_office_signs_for_it():
    record = draft(
        "The memorandum was signed by UNFPA Country Representative Maria Santos and the Head "
        "of BKKBN Adi Nugroho on Monday, June 24, 2024."
    )
    assert ("Maria Santos", "United Nations Population Fund") in signers(record)
