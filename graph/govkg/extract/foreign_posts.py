"""Posts of foreign officials and the bodies they name: ``Singapore's Minister for Education``
signs for Singapore's education ministry, ``Iranian Health Minister`` for Iran's health ministry,
a head of state or government, an envoy or a foreign minister for the country's government.

The gazetteer lists Indonesian bodies only, so these bodies are declared (``foreign.py`` gives
their kinds and the forms of a government's names). The words are data: ``foreign_posts`` in
``rules.yaml`` (countries by adjective, words of a ministry's subject, posts that sign for the
government, a country's own form of a ministry's name).

>>> from govkg.extract.text import tokens
>>> toks = tokens("and Singapore's Minister for Education Tan Ah Kow signed")
>>> marker = country_marker(toks, 1)
>>> marker.country.name, marker.end
('Singapore', 2)
>>> body = foreign_body(marker.country, "menteri", "Education")
>>> body.name, body.kind
('Ministry of Education of Singapore', 'ForeignGovernment')
>>> body.aliases[:2]
('Ministry of Education Singapore', 'Singapore Ministry of Education')
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from govkg.extract.foreign import Foreign, _Country, _data
from govkg.extract.rules import Rules
from govkg.extract.text import Token, token_key


@dataclass(frozen=True)
class Marker:
    """Words naming the country of the post that follows, at tokens ``[start, end)``."""

    start: int
    end: int
    country: _Country


@functools.cache
def _rules() -> dict:
    return Rules.load().data["foreign_posts"]


@functools.cache
def _countries() -> dict[str, _Country]:
    """Every country by the folded words of its names and its adjectives."""
    countries, *_ = _data()
    by_key = {" ".join(k): c for k, c in countries.index.items()}
    for adjective, name in _rules()["adjectives"].items():
        by_key[_fold(adjective)] = by_key[_fold(name)]
    return by_key


def _fold(text: str) -> str:
    return " ".join(token_key(w) for w in text.replace("-", " ").split())


@functools.cache
def _firsts() -> frozenset[str]:
    """First words of every country's names and adjectives (a quick test before the lookup)."""
    return frozenset(key.split()[0] for key in _countries())


def country_marker(toks: Sequence[Token], i: int) -> Marker | None:
    """The country named at token ``i`` before a post: an adjective (``Iranian``), a possessive
    (``Singapore's``, also written ``Singapores``), then maybe ``counterpart,``."""
    first = toks[i].key.split()[0] if toks[i].key else ""
    if first not in _firsts() and first[:-1] not in _firsts():
        return None
    countries = _countries()
    for length in (3, 2, 1):
        if i + length > len(toks) or not all(t.is_word for t in toks[i : i + length]):
            continue
        words = _fold(" ".join(t.text for t in toks[i : i + length]))
        country = countries.get(words) or _possessive(words, countries)
        if country is not None and toks[i].capitalised:
            return Marker(i, _past_counterpart(toks, i + length), country)
    return None


@functools.cache
def is_country(text: str) -> bool:
    """``text`` is the name of a country or its adjective, never a person's name.

    >>> is_country("Malaysia"), is_country("Republik Rakyat Tiongkok"), is_country("Adi Nugroho")
    (True, True, False)
    """
    words = _fold(text)
    return words in _countries() or any(
        words.startswith(form) and words[len(form) :] in _countries() for form in _country_forms()
    )


@functools.cache
def _country_forms() -> tuple[str, ...]:
    return tuple(_fold(form) + " " for form in _rules()["country_forms"])


def _possessive(words: str, countries: dict[str, _Country]) -> _Country | None:
    if words.endswith(" s"):
        return countries.get(words[:-2])
    return countries.get(words[:-1]) if words.endswith("s") else None


def _past_counterpart(toks: Sequence[Token], k: int) -> int:
    """Past ``counterpart,`` (``his Singaporean counterpart, Minister for …``)."""
    if k < len(toks) and toks[k].key in _rules()["counterpart_words"]:
        k += 1
        if k < len(toks) and toks[k].text == ",":
            k += 1
    return k


@functools.cache
def _subject_words() -> tuple[frozenset[str], frozenset[str]]:
    rules = _rules()
    return frozenset(_fold(w) for w in rules["subject_words"]), frozenset(rules["subject_joiners"])


def subject_end(toks: Sequence[Token], k: int) -> int:
    """The end of the subject of a ministry written from ``k`` (``Foreign Affairs and Law``):
    its words, joined by ``and``, ``&`` or commas; ``k`` when none.

    >>> from govkg.extract.text import tokens
    >>> subject_end(tokens("Transport and Communications , Adi"), 0)
    3
    """
    words, joiners = _subject_words()
    end = t = k
    while t < len(toks):
        if toks[t].is_word and toks[t].capitalised and toks[t].key in words:
            end = t = t + 1
        elif t > k and toks[t].key in joiners and t + 1 < len(toks) and toks[t + 1].capitalised:
            t += 1
        else:
            break
    return end


def foreign_body(country: _Country, role: str, subject: str | None, lang: str = "en") -> Foreign:
    """The body a foreign official in ``role`` signs for: the government for a head of state or
    government, an envoy or a foreign minister, else the ministry of ``subject`` (``lang``: the
    language the subject is written in).

    >>> from govkg.extract.text import tokens
    >>> singapore = country_marker(tokens("Singapura"), 0).country
    >>> foreign_body(singapore, "menteri", "Pendidikan", "id").name
    'Kementerian Pendidikan Singapura'
    >>> foreign_body(singapore, "duta-besar", None).name
    'Government of Singapore'
    """
    rules = _rules()
    government = role in rules["government_roles"] or not subject
    if government or _fold(subject) in {_fold(s) for s in rules["government_subjects"]}:
        return country.government(0)
    if lang == "id":
        name = f"Kementerian {subject} {country.local}"
        aliases = (f"Kementerian {subject} {country.name}",)
        return Foreign(0, name, "ForeignGovernment", None, aliases, country.code)
    form = rules["ministry_forms"].get(country.name)
    name = form.format(subject=subject) if form else f"Ministry of {subject} of {country.name}"
    aliases = (
        f"Ministry of {subject} {country.name}",
        f"{country.name} Ministry of {subject}",
        f"Ministry of {subject} ({country.name})",
    )
    return Foreign(0, name, "ForeignGovernment", None, aliases, country.code)
