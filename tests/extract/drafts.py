"""What the phenomenon tests read from a draft record: one helper of each kind, shared.

Each ``test_phenomena_*.py`` shows a phenomenon with a text of our own words and checks one
part of the draft ``govkg extract`` makes of it.
"""

from __future__ import annotations

from datetime import date

from govkg.extract import extract_text
from govkg.extract.orgs import Lexicon
from govkg.extract.people import officials
from govkg.extract.text import read_article
from govkg.gazetteer import Gazetteer

PUBLISHED = date(2025, 3, 5)
"""The publication day the agreement-structure tests extract with."""


def agreements(text: str, lang: str | None = None) -> list[dict]:
    """Every agreement of the draft, events flattened."""
    record = extract_text(text, published=PUBLISHED, lang=lang).record
    return [a for event in record["events"] for a in event["agreements"]]


def found(text: str, lang: str = "id") -> list[tuple]:
    """The officials of the first sentence: (role, body ident, name)."""
    sentence = read_article(text).sentences[0]
    return [
        (o.role, o.org.org.ident if o.org else None, o.name.name if o.name else None)
        for o in officials(sentence, Lexicon(), lang)
    ]


def signed(text: str, lang: str | None = None) -> list[tuple]:
    """(name, party) of every signatory of the draft, sorted."""
    return signers(extract_text(text, lang=lang).record)


def signers(record: dict) -> list[tuple]:
    """(name, party) of every signatory of a draft record, sorted."""
    return sorted(
        (s["name"], s["party"])
        for event in record["events"]
        for agreement in event["agreements"]
        for s in agreement.get("signatories", [])
    )


def notes(event: dict) -> list[str]:
    """The notes of an event's agreements."""
    return [n for a in event["agreements"] for n in a.get("notes", [])]


def resolved_parties(record: dict) -> list[set[str]]:
    """Each agreement's parties: gazetteer keys, or ``decl:`` and the declared name."""
    declared = {o["name"] for o in record.get("organizations", ())}
    gazetteer = Gazetteer.bundled()
    return [
        {f"decl:{p}" if p in declared else gazetteer.resolve(p).key for p in agreement["parties"]}
        for event in record["events"]
        for agreement in event["agreements"]
    ]


def draft(text: str, published: date = date(2024, 6, 26)) -> dict:
    """The draft record of ``text``."""
    return extract_text(text, published=published).record


def party_lists(record: dict) -> list[list[str]]:
    """Each agreement's parties as the draft names them."""
    return [a["parties"] for e in record["events"] for a in e["agreements"]]


def declarations(record: dict) -> dict[str, dict]:
    """The draft's declared organisations by name."""
    return {o["name"]: o for o in record.get("organizations", [])}
