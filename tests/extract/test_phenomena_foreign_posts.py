"""Foreign officials (issue #15, session 8): a post qualified by its country names the body the
official signs for; each shown by a text of our own."""

from __future__ import annotations

from govkg.extract import extract_text
from govkg.extract.orgs import Lexicon
from govkg.extract.people import officials
from govkg.extract.text import read_article


def found(text: str) -> list[tuple]:
    sentence = read_article(text).sentences[0]
    return [
        (o.post, o.org.org.name if o.org else None, o.name.name if o.name else None)
        for o in officials(sentence, Lexicon(), "en")
    ]


def test_a_possessive_country_and_the_ministry_after_the_post():
    text = "Singapore's Minister for Health (Primary Care) Tan Ah Kow signed the pact in Jakarta."
    assert found(text) == [("Minister for Health", "Ministry of Health of Singapore", "Tan Ah Kow")]


def test_a_country_adjective_and_the_ministry_before_the_post():
    text = "The pact was signed by Iranian Trade Minister Reza Tehrani in Tehran."
    assert found(text) == [("Trade Minister", "Ministry of Trade of Iran", "Reza Tehrani")]


def test_a_word_of_the_subject_the_rules_do_not_list_is_skipped():
    text = "The pact was signed by Singapores Junior Education Minister Lim Bee Hoon."
    assert found(text) == [
        ("Education Minister", "Ministry of Education of Singapore", "Lim Bee Hoon")
    ]


def test_the_ministry_named_after_the_post_with_a_comma_before_the_name():
    text = "Timor-Leste's Minister of Agriculture and Fisheries, Mateus Soares, signed it."
    assert found(text) == [
        (
            "Minister of Agriculture and Fisheries",
            "Ministry of Agriculture and Fisheries of Timor-Leste",
            "Mateus Soares",
        )
    ]


def test_an_envoy_and_a_foreign_minister_sign_for_the_government():
    text = "It was signed by German Ambassador to Indonesia Karl Weber in Jakarta."
    assert found(text) == [("Ambassador to Indonesia", "Government of Germany", "Karl Weber")]
    text = (
        "Trade Minister Budi Santoso and his Malaysian counterpart, Minister for Foreign "
        "Affairs Aziz Rahman, signed the accord."
    )
    assert found(text)[-1] == (
        "Minister for Foreign Affairs",
        "Government of Malaysia",
        "Aziz Rahman",
    )


def test_a_country_s_own_form_of_a_ministry_name():
    text = "The pact was signed by US Secretary of Energy John Miller in Jakarta."
    assert found(text) == [
        ("Secretary of Energy", "United States Department of Energy", "John Miller")
    ]


def test_the_foreign_body_is_declared_and_is_a_party():
    text = (
        "Indonesia and Singapore signed a memorandum of understanding on Monday. The MoU was "
        "signed by Health Minister Budi Santoso and Singapore's Minister for Health Tan Ah Kow."
    )
    record = extract_text(text, lang="en").record
    (agreement,) = record["events"][0]["agreements"]
    assert ("Tan Ah Kow", "Ministry of Health of Singapore") in [
        (s["name"], s["party"]) for s in agreement["signatories"]
    ]
    declared = {o["name"]: o for o in record["organizations"]}
    assert declared["Ministry of Health of Singapore"]["kind"] == "ForeignGovernment"


def test_the_country_written_after_the_post():
    text = "It was signed by the Minister of Health of Malaysia, Aziz Rahman, in Jakarta."
    assert found(text) == [("Minister of Health", "Ministry of Health of Malaysia", "Aziz Rahman")]
    text = "MoU diteken Duta Besar Australia untuk Indonesia Jane Smith dan Kepala BNPB Adi."
    assert found(text)[0] == ("Duta Besar", "Government of Australia", "Jane Smith")


def test_a_ministry_named_in_indonesian_keeps_its_indonesian_name():
    sentence = read_article("MoU diteken Menteri Kesehatan Singapura Tan Ah Kow.").sentences[0]
    (official,) = officials(sentence, Lexicon(), "id")
    assert official.org.org.name == "Kementerian Kesehatan Singapura"


def test_a_body_named_after_a_foreign_post_is_not_the_person():
    text = "It was signed by the Commissioner of Singapore Civil Defence Force Lim Kok Wah."
    assert all(name is None or "Civil" not in name for _, _, name in found(text))


def test_an_indonesian_minister_named_by_the_affairs_of_the_ministry():
    text = "The pact was signed by Indonesia's Foreign Minister Retno Wulan and Japan's envoy."
    sentence = read_article(text).sentences[0]
    assert [(o.org.org.ident, o.name.name) for o in officials(sentence, Lexicon(), "en")][:1] == [
        ("kemenlu", "Retno Wulan")
    ]
