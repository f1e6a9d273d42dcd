"""Datelines: the place and publisher a report's line opens with, which are never parties.

News writes them in many ways: ``JAKARTA -``, ``KONTAN.CO.ID -JAKARTA.``, ``Serang (ANTARA) -``,
``Kabar.com, MANADO—``, ``Palu –``, ``Suara Kita | Denpasar –``, ``Jepara, Warta Kita –``,
``kabarkita.id, Jakarta`` (no mark at all), ``Samarinda (10/9/2021):`` (with the report's date,
which is then no date of the signing). A dateline is a short run of capitalised words, web
addresses and commas before a dash or a bar; or a web address, optionally followed by a comma
and a place the gazetteer knows.

>>> found = dateline("Kabar.com, MANADO—Pemprov Sulut meneken MoU.")
>>> found.city, found.publisher, "Kabar.com, MANADO—Pemprov Sulut meneken MoU."[found.end:][:7]
('Manado', 'Kabar.com', 'Pemprov')
>>> dateline("Pemprov Sulut meneken MoU - kata Budi.") is None
True
>>> dateline("Palu (3/4/2022): Gubernur meneken MoU.").city
'Palu'
>>> dateline("Jakarta (Xinhua) – Pemprov Bali meneken MoU.", loose=False).city
'Jakarta'
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

_AGENCY = re.compile(  # "Jakarta (Xinhua) – …": a place and a news agency, on any line
    r"^(?P<city>[A-Z][\w'-]*(?: [A-Z][\w'-]*){0,2})\s*\((?P<agency>[A-Z][A-Za-z]+)\)\s*[-–—]+\s+"
)
_GLUED = re.compile(r"^(?P<head>[A-Z]{3,}(?: [A-Z]{3,})?)-(?=[A-Z][a-z])")  # "KOTAKITA-Bupati …"
_MARK = re.compile(r"\s*(?:--|[–—|]|(?<=\s)-|-(?=\s)|,-)\s*")
MAX_HEAD = 60


def _alternatives(name: str) -> str:
    suffixes = sorted(_rules()[name], key=len, reverse=True)
    return "(?:" + "|".join(re.escape(x) for x in suffixes) + ")"


@functools.cache
def _patterns() -> dict[str, re.Pattern[str]]:
    """The dateline forms, with the web-address endings of ``rules.yaml`` ``datelines``."""
    from govkg.extract.rules import Rules

    classic, suffix = _alternatives("classic_suffixes"), _alternatives("web_suffixes")
    weekdays = "|".join(re.escape(d) for d in sorted(Rules.load().weekdays, key=len, reverse=True))
    return {
        # "Samarinda (10/9/2021): …", "Sleman, Rabu (17/7/2024) (ANTARA) -": the date is the
        # report's, not an event's
        "dated": re.compile(
            rf"^(?P<city>[A-Z][\w'-]*(?: [A-Z][\w'-]*){{0,2}}),?\s*(?:(?i:{weekdays})\s*,?\s*)?"
            r"\(\s*\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{2,4})?\s*\)"
            r"\s*(?:\([A-Z][\w .]{0,30}\)\s*)?[-–—:]+\s+",
        ),
        "classic": re.compile(
            rf"^(?:(?P<pub>[A-Z][\w.]*\.{classic.upper()})\s*[-–—]\s*)?"
            r"(?P<city>[A-Z][A-Z .'-]{2,30}?)"
            rf"(?:\s*,\s*(?P<pub2>[A-Za-z][\w.]*\.{classic}))?"
            r"(?:\s*\((?P<agency>[A-Za-z]+)\))?\s*[-–—.:]+\s+",
        ),
        "domain": re.compile(rf"^[\w-]+(?:\.[\w-]+)*\.{suffix}$", re.I),
        "web_start": re.compile(rf"^(?P<pub>[\w-]+(?:\.[\w-]+)*\.{suffix})\b[,]?\s*", re.I),
    }


@dataclass(frozen=True)
class Dateline:
    """Where the report's own text starts on the line, and what the dateline named."""

    end: int
    city: str | None
    publisher: str | None


def dateline(line: str, *, loose: bool = True) -> Dateline | None:
    """The dateline a line opens with, or None; ``loose`` allows every form (near the top of
    a report), else only the classic ``CITY -`` and ``CITY (AGENCY) -``. A link to another
    report (``BACA: …``, rules ``signing_date.starts``) opens none.

    >>> dateline("BACA: Bupati Teken MoU") is None
    True
    """
    if _link_start(line):
        return None
    found = _one(line, loose)
    if found is not None and loose:  # "Barometer Bali | Denpasar –": publisher, then place
        more = _one(line[found.end :], loose) or _place_after(line[found.end :])
        if more is not None:
            found = Dateline(
                found.end + more.end, found.city or more.city, found.publisher or more.publisher
            )
    return found


_PLACE_COMMA = re.compile(r"^(?P<city>[A-Z][\w'-]*(?: [A-Z][\w'-]*)?)\s*,\s+")


def _place_after(rest: str) -> Dateline | None:
    """``Kabar.com – Surabaya, Pemkot …``: a bare place and a comma right after a publisher's
    dateline end it; a body named by its place (``Pemkot Surabaya,``) does not.

    >>> _place_after("Surabaya, Pemkab Sleman meneken MoU.").city
    'Surabaya'
    >>> _place_after("Pemkot Surabaya, Pemkab Sleman meneken MoU.") is None
    True
    """
    found = _PLACE_COMMA.match(rest)
    if found is None or not _is_place(found["city"]):
        return None
    body_words = set(_rules()["body_words"])
    if any(w.lower() in body_words for w in found["city"].split()):
        return None
    return Dateline(found.end(), found["city"].title(), None)


def _rules() -> dict:
    from govkg.extract.rules import Rules

    return Rules.load().data["datelines"]


def _link_start(line: str) -> bool:
    from govkg.extract.clauses import opens_with_link
    from govkg.extract.text import phrase_keys

    return opens_with_link(tuple(phrase_keys(line[:30])))


def _one(line: str, loose: bool) -> Dateline | None:
    classic = _patterns()["classic"].match(line)
    if classic:
        city = classic["city"].strip().title()
        return Dateline(classic.end(), city, classic["pub"] or classic["pub2"])
    agency = _AGENCY.match(line)
    if agency and _is_place(agency["city"]):
        return Dateline(agency.end(), agency["city"], agency["agency"])
    dated = _patterns()["dated"].match(line)
    if dated:
        city = dated["city"]
        return Dateline(dated.end(), city if _is_place(city) else None, None)
    return (_marked(line) or _web_start(line) or _glued(line)) if loose else None


def _glued(line: str) -> Dateline | None:
    """``JAKARTA-Pemprov …``, ``KABARKITA-Universitas …``: a place, or a long word the
    gazetteer does not know (a publisher), glued to the first word by a hyphen.

    >>> _glued("KABARKITANEWS-Universitas Pattimura meneken MoU.").publisher
    'KABARKITANEWS'
    >>> _glued("KPK-Polri meneken MoU.") is None
    True
    """
    from govkg.extract.orgs import gazetteer_index

    glued = _GLUED.match(line)
    if glued is None:
        return None
    head = glued["head"]
    if _is_place(head):
        return Dateline(glued.end(), head.title(), None)
    if len(head) < 8 or gazetteer_index().lookup(head):
        return None
    return Dateline(glued.end(), None, head)


def _marked(line: str) -> Dateline | None:
    mark = _MARK.search(line, 0, MAX_HEAD + 3)
    if mark is None or mark.start() < 2:
        return None
    parts = [p.strip() for p in re.split(r"[,|/()]", line[: mark.start()]) if p.strip()]
    if not parts or not all(_heading_part(p) for p in parts):
        return None
    if mark.group().strip() == "-" and " " not in mark.group() and not line[0].isupper():
        return None
    return Dateline(mark.end(), _city(parts), _publisher(parts))


def _web_start(line: str) -> Dateline | None:
    web = _patterns()["web_start"].match(line)
    if web is None:
        return None
    end, city = web.end(), None
    words = line[end:].split(" ")
    for count in (3, 2, 1):
        place = " ".join(words[:count])
        if len(words) > count and _is_place(place):
            end, city = end + len(place) + 1, place
            break
    return Dateline(end, city, web["pub"])


def _heading_part(part: str) -> bool:
    words = part.split()
    if len(words) > 4:
        return False
    return all(
        _patterns()["domain"].match(w) or (w[0].isupper() and not w.isdigit()) for w in words
    )


def _city(parts: list[str]) -> str | None:
    for part in parts:
        if not _patterns()["domain"].match(part) and _is_place(part):
            return part.title() if part.isupper() else part
    return None


def _publisher(parts: list[str]) -> str | None:
    return next((p for p in parts if _patterns()["domain"].match(p)), None)


def _is_place(text: str) -> bool:
    from govkg.extract.orgs import gazetteer_index

    index = gazetteer_index()
    keys = index.lookup(text)
    return bool(keys) and all(index.gazetteer.entry(k).is_local for k in keys)
