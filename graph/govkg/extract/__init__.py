"""``govkg extract``: news reports of signings → records for review, each value with evidence.

Rule-based: the gazetteer names the bodies, ``ontology/roles.ttl`` the posts,
``ontology/fields.ttl`` the fields, and ``rules.yaml`` (beside this file) says how reports
write dates, signings, witnesses and scopes. See ``docs/extract.md``.

>>> from datetime import date
>>> text = ("LAN dan LIPI teken MoU\\n\\nKepala LAN Adi Suryanto dan Kepala LIPI Laksana Tri "
...         "Handoko menandatangani nota kesepahaman di bidang penelitian, Jumat (1/2).")
>>> result = extract_text(text, published=date(2019, 2, 1), name="lan-lipi.txt")
>>> agreement = result.record["events"][0]["agreements"][0]
>>> agreement["kind"], agreement["parties"], agreement["fields"]
('mou', ['LAN', 'LIPI'], ['penelitian'])
>>> agreement["signatories"][0]["evidence"][0]["quote"][:23]
'Kepala LAN Adi Suryanto'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from govkg.errors import GovkgError, InputError
from govkg.extract.agreements import analyse_article
from govkg.extract.records import build_record, record_yaml
from govkg.extract.signing_date import header_date
from govkg.extract.text import Article, read_article, url_date
from govkg.records.dates import PartialDate
from govkg.text_hygiene import slugify

LANGUAGES = ("id", "en")
MAX_ARTICLE_BYTES = 2 * 1024 * 1024
"""Largest report file read (2 MiB; a long news report is some 20 KiB)."""


class ExtractError(GovkgError):
    """A report could not be turned into a record (no signing found, no date, unreadable)."""


@dataclass(frozen=True)
class Extraction:
    """What one report gave: the record (a mapping in the record format) and its text."""

    name: str
    article: Article
    record: dict[str, Any]

    def yaml(self) -> str:
        """The record as YAML, with a comment saying where it came from.

        >>> text = "Kepala LAN Adi dan Kepala BPS Retno meneken MoU, Kamis (19/5/2022)."
        >>> extract_text(text, published=date(2022, 5, 20)).yaml().splitlines()[0][:28]
        '# Extracted by govkg extract'
        """
        header = [
            f"Extracted by govkg extract from {self.name}; review before building.",
            "Offsets in 'evidence' count characters of the report's text as extract reads it",
            "(UTF-8, NFC, lines trimmed, runs of spaces collapsed); see docs/extract.md.",
        ]
        return record_yaml(self.record, header)


def extract_text(
    text: str,
    *,
    published: date | PartialDate | None = None,
    lang: str | None = None,
    name: str = "article.txt",
    source_id: str | None = None,
) -> Extraction:
    """Extract the record of one report given as text.

    ``lang`` is ``"id"`` or ``"en"`` (guessed from the words when None); ``published`` gives
    the year of dates written without one (default: a ``Published: YYYY-MM-DD`` header line);
    a publication date known to the month or year only (``PartialDate(2017, 9)``) places them
    as a web address filed under that period does.

    :raises ExtractError: the text is empty, names no signing between two bodies, or gives no
        date and no ``published`` date.

    >>> result = extract_text("Bupati Serang Ratu dan Kepala LAN Adi meneken MoU, Senin (4/3/19).")
    >>> result.record["events"][0]["agreements"][0]["parties"]
    ['Pemerintah Kabupaten Serang', 'LAN']
    """
    try:
        article = read_article(text, name)
    except ValueError as err:
        raise ExtractError(str(err), fix="give a report with its text") from None
    if isinstance(published, PartialDate):
        if published.day is None:
            article = replace(article, period=(published.year, published.month))
        published = published.as_date()
    published = published or article.published or url_date(article.url) or header_date(article)
    language = lang or guess_language(article.text)
    if language not in LANGUAGES:
        raise ExtractError(f"unsupported language {language!r}", fix="use --lang id or --lang en")
    analysis = analyse_article(article, language)
    sid = source_id or make_source_id(article, published, name)
    try:
        record = build_record(article, analysis, published, language, sid)
    except ValueError as err:
        raise ExtractError(
            f"{name}: {err}",
            fix="check that the report describes a signing (or pass --published DATE)",
        ) from None
    return Extraction(name, article, record)


def extract_file(
    path: str | Path, *, published: date | PartialDate | None = None, lang: str | None = None
) -> Extraction:
    """Extract the record of one report file (UTF-8 text).

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "r.txt"
    >>> _ = p.write_text("Bupati Serang Ratu dan Kepala LAN Adi meneken MoU, Senin (4/3/2019).")
    >>> extract_file(p).record["events"][0]["date"]
    '2019-03-04'

    :raises ExtractError: not a regular file, too large (:data:`MAX_ARTICLE_BYTES`), not
        UTF-8, or as :func:`extract_text`.
    """
    from govkg.files import read_input

    path = Path(path)
    try:
        text = read_input(path, limit=MAX_ARTICLE_BYTES).decode("utf-8-sig")
    except InputError as err:
        raise ExtractError(err.message, fix=err.fix) from None
    except UnicodeDecodeError as err:
        raise ExtractError(f"cannot read {path}: {err}", fix="give a UTF-8 text file") from None
    return extract_text(text, published=published, lang=lang, name=str(path))


def guess_language(text: str) -> str:
    """``"en"`` when English function words outnumber Indonesian ones (``rules.yaml``
    ``languages``), else ``"id"``.

    >>> guess_language("The ministry signed an agreement with the agency."), guess_language(
    ...     "Kementerian dan badan itu menandatangani nota kesepahaman.")
    ('en', 'id')
    """
    from govkg.extract.rules import Rules

    lists = Rules.load().data["languages"]
    en, id_ = frozenset(lists["en"]), frozenset(lists["id"])
    words = re.findall(r"[a-z]+", text.lower())
    english = sum(w in en for w in words)
    indonesian = sum(w in id_ for w in words)
    return "en" if english > indonesian else "id"


def make_source_id(article: Article, published: date | None, name: str) -> str:
    """A slug for the source: publisher or web host, publication date, file name.

    >>> from govkg.extract.text import read_article
    >>> make_source_id(read_article("x\\nhttps://www.example.org/a\\n\\nText."), date(2019, 2, 1),
    ...                "lan.txt")
    'example-org-2019-02-01-lan'
    """
    host = None
    if article.url:
        host = re.sub(r"^www\.", "", article.url.split("/")[2])
    who = article.publisher or host or "report"
    when = published.isoformat() if published else ""
    stem = Path(name).stem
    return slugify("-".join(p for p in (who, when, stem) if p))[:90].strip("-")


__all__ = [
    "ExtractError",
    "Extraction",
    "extract_file",
    "extract_text",
    "guess_language",
    "make_source_id",
]
