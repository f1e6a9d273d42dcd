"""Local governments of other countries: sister cities and provinces (``City of Melbourne``,
``Heilongjiang Province``, ``Pemerintah Kota Yokohama``).

A name of the shape of a local government (a head such as ``City of``/``Pemerintah Kota`` before
the place, or a tail such as ``Province``/``Provincial Government`` after it) whose place is no
Indonesian region, nor close to the name of one, is a foreign local government: declared under
the name the ``foreign_local`` rules give its kind of area, with the form written as an alias, and
the country named in the same sentence.

>>> from govkg.extract.orgs import Lexicon
>>> from govkg.extract.text import tokens
>>> toks = tokens("Jawa Barat menjalin kerja sama dengan Heilongjiang Province, China")
>>> found = foreign_local_at(toks, 6, Lexicon())
>>> found.org.name, found.org.kind, found.org.country, found.end
('Heilongjiang Provincial Government', 'ForeignLocalGovernment', 'CN', 8)
>>> found.org.aliases
('Heilongjiang Province', 'Heilongjiang')
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Sequence
from dataclasses import dataclass, replace

from govkg.extract.foreign import _data as _foreign_data
from govkg.extract.orgs import (
    Lexicon,
    OrgMatch,
    _capitalised_run,
    _gazetteer,
    _keys,
    _new,
    _span,
    closed_by,
    gazetteer_index,
)
from govkg.extract.rules import Phrases, Rules
from govkg.extract.text import Token, token_key

MAX_PLACE_WORDS = 3


@functools.cache
def _rules() -> tuple[Phrases, Phrases, dict[str, str]]:
    data = Rules.load().data["foreign_local"]
    return Phrases(data["heads"]), Phrases(data["tails"]), data["names"]


@functools.cache
def first_words() -> frozenset[str]:
    """Keys a head of such a name starts with (``city``, ``pemerintah``, ``kota`` …), and
    countries' names and adjectives (an agency's name starts with them)."""
    from govkg.extract.foreign_posts import _firsts

    return frozenset(_rules()[0].firsts) | _firsts() | _regions().firsts


def tail_ahead(toks: Sequence[Token], i: int) -> bool:
    """A tail (``Province``, ``City``) closes the capitalised words from ``i``.

    >>> from govkg.extract.text import tokens
    >>> tail_ahead(tokens("with Heilongjiang Province"), 1), tail_ahead(tokens("with Harbin"), 1)
    (True, False)
    """
    return closed_by(toks, i, _rules()[1].firsts, MAX_PLACE_WORDS + 1)


def foreign_local_at(toks: Sequence[Token], i: int, lexicon: Lexicon) -> OrgMatch | None:
    """The foreign local government named at token ``i`` (head first or place first), or an
    agency of a foreign government."""
    if not toks[i].capitalised or toks[i].key in _generic_words():
        return None  # "The West Java Provincial Government" is named from "West"
    agency = foreign_agency_at(toks, i, lexicon) or region_at(toks, i, lexicon)
    if agency is not None:
        return agency
    heads, tails, _ = _rules()
    keys = _keys(toks)
    hit = heads.match(keys, i)
    if hit is not None:
        length, area = hit
        end = _capitalised_run(toks, i + length, MAX_PLACE_WORDS, joiners=())
        return _found(toks, i, i + length, end, end, area, lexicon)
    end = _capitalised_run(toks, i, MAX_PLACE_WORDS + 2, joiners=())
    for stop in range(i + 1, end):
        tail = tails.match(keys, stop, end)
        if tail is not None:
            return _found(toks, i, i, stop, stop + tail[0], tail[1], lexicon)
    return None


@dataclass(frozen=True)
class _Regions:
    """The ``foreign_local`` regions: their forms (→ government's name, country, region's
    name), the words around them, and the words a region written alone never follows."""

    forms: Phrases
    heads: Phrases
    tails: Phrases
    not_after: frozenset[str]

    @property
    def firsts(self) -> set[str]:
        return self.forms.firsts | self.heads.firsts


@functools.cache
def _regions() -> _Regions:
    data = Rules.load().data["foreign_local"]
    forms: dict[str, tuple[str, str, str, str]] = {}
    for country, regions in data["regions"].items():
        for region, (name, *others) in regions.items():
            for form in (region, *others):
                forms.setdefault(form, (name, country, region, form))
    return _Regions(
        Phrases(forms),
        Phrases(data["region_heads"]),
        Phrases(data["region_tails"]),
        frozenset(token_key(w) for w in data["region_not_after"]),
    )


def region_at(toks: Sequence[Token], i: int, lexicon: Lexicon) -> OrgMatch | None:
    """The government of a region of the ``foreign_local`` list named at ``i``: with a head
    or a tail (``Government of the State of Victoria``, ``Pemerintah Northern Territory``,
    ``NSW Government``), or alone where it is no place (not after ``in``/``di``), nor a word
    of a longer name; declared under the government's own name.

    >>> from govkg.extract.text import tokens
    >>> toks = tokens("a letter between Yogyakarta and Victoria was signed in Melbourne")
    >>> found = region_at(toks, 5, Lexicon())
    >>> found.org.name, found.org.country, found.end
    ('Victorian Government', 'AU', 6)
    >>> region_at(tokens("he lives in Victoria"), 3, Lexicon()) is None
    True
    >>> region_at(tokens("the Victoria Hotel"), 1, Lexicon()) is None
    True
    >>> region_at(tokens("with the Pemerintah NT"), 2, Lexicon()).org.name
    'Northern Territory Government'
    """
    regions, keys = _regions(), _keys(toks)
    head = regions.heads.match(keys, i)
    at = i + head[0] if head is not None else i
    hit = regions.forms.match(keys, at)
    if hit is None or not _written_as(toks, at, hit[1][3]):
        return None
    end = at + hit[0]
    tail = regions.tails.match(keys, end)
    end += tail[0] if tail is not None else 0
    if head is None and tail is None and not _region_alone(toks, keys, i, end):
        return None
    return _region_org(toks, i, end, hit[1], lexicon)


def _region_named(toks: Sequence[Token], i: int, lexicon: Lexicon) -> OrgMatch | None:
    """The region of the list named at ``i`` after its head's post (``Premier of Victoria
    NAME``: the person's name may follow), or None."""
    if i >= len(toks):
        return None
    hit = _regions().forms.match(_keys(toks), i)
    if hit is None or not _written_as(toks, i, hit[1][3]):
        return None
    return _region_org(toks, i, i + hit[0], hit[1], lexicon)


def _region_org(toks, i: int, end: int, region_spec, lexicon: Lexicon) -> OrgMatch:
    """The government of a region of the list, written ``toks[i:end]``."""
    name, country, region, _ = region_spec
    written = _span(toks, i, end)
    org = _new(
        lexicon, name, "ForeignLocalGovernment", same=f"foreign-local:{name}", country=country
    )
    return OrgMatch(i, end, _aliased(lexicon, org, written, region), via="foreign")


def _written_as(toks: Sequence[Token], at: int, form: str) -> bool:
    """The region's form is written capitalised (an abbreviation in capitals, as listed)."""
    if form.isupper():
        return toks[at].text == form
    return toks[at].capitalised


def _region_alone(toks: Sequence[Token], keys: Sequence[str], i: int, end: int) -> bool:
    """A region written alone names its government: not after a word of a place (``in``,
    ``di``; ``state of`` is a head), nor inside a longer capitalised name."""
    if end < len(toks) and toks[end].is_word and toks[end].capitalised:
        return False  # "Victoria Hotel", "Victoria Smith"
    if i == 0:
        return True
    heads = _regions().heads
    if any(heads.match(keys, i - n, i) == (n, True) for n in heads.lengths if n <= i):
        return True  # "the Australian state of New South Wales"
    return keys[i - 1] not in _regions().not_after and not _inside_longer_name(toks, i)


def _found(toks, i: int, place: int, place_end: int, end: int, area: str, lexicon: Lexicon):
    """The match for the place ``toks[place:place_end]`` of a name ``toks[i:end]``."""
    if place_end <= place or any(_gazetteer(toks, k) is not None for k in range(place, place_end)):
        return None  # "Provinsi Jawa Tengah Tanda …": an Indonesian region and more words
    if not foreign_place(_span(toks, place, place_end)):
        return None
    countries = _foreign_data()[0]
    if any(countries.match(_keys(toks), k, place_end) for k in range(place, place_end)):
        return None  # "Negara Bagian Australia Barat": a region of a country (foreign.py)
    if _inside_longer_name(toks, i):
        return None  # "Ibu Kota Nusantara"
    country, stop = _country(toks, end)
    name = _rules()[2][area].format(_span(toks, place, place_end))
    written = _span(toks, i, end)
    kind, same = "ForeignLocalGovernment", f"foreign-local:{name}"
    org = _aliased(lexicon, _new(lexicon, name, kind, same=same, country=country), written)
    if org.country is None and country is not None:
        org = lexicon.update(replace(org, country=country))
    return OrgMatch(i, stop, org, via="foreign")


def _aliased(lexicon: Lexicon, org, *forms: str):
    """``org`` with each written form that is not its name among its aliases, taught to the
    lexicon."""
    for form in forms:
        if form != org.name and form not in org.aliases:
            org = lexicon.update(replace(org, aliases=(*org.aliases, form)))
            lexicon.add(form, org)
    return org


def foreign_head_place(
    toks: Sequence[Token], i: int, role: str, lexicon: Lexicon
) -> OrgMatch | None:
    """The foreign local government whose place follows the post of its head (``Mayor of
    Melbourne``, ``Governor of Khartoum``; tokens from ``i``, after ``of``): the one the report
    already named for that place, else one declared for the kind of area the post heads.

    >>> from govkg.extract.text import tokens
    >>> lexicon = Lexicon()
    >>> toks = tokens("LoI with the City of Sibu. Mayor of Sibu Tiong Ah Kow signed")
    >>> foreign_local_at(toks, 3, lexicon).org.name
    'City of Sibu'
    >>> found = foreign_head_place(toks, 9, "wali-kota", lexicon)
    >>> found.org.name, found.start, found.end
    ('City of Sibu', 9, 10)
    >>> foreign_head_place(tokens("Mayor of Semarang Adi"), 2, "wali-kota", lexicon) is None
    True
    >>> foreign_head_place(tokens("Premier of Victoria Jane Roe"), 2, "gubernur", lexicon).org.name
    'Victorian Government'
    """
    i += 1 if i < len(toks) and toks[i].key == "the" else 0
    region = _region_named(toks, i, lexicon)
    if region is not None:
        return region
    area = Rules.load().data["foreign_local"]["head_areas"].get(role)
    if area is None or i >= len(toks) or not toks[i].capitalised:
        return None
    end = _capitalised_run(toks, i, MAX_PLACE_WORDS, joiners=())
    names = _rules()[2]
    for stop in range(end, i, -1):  # "Melbourne Sally Capp": the longest place known first
        place = _span(toks, i, stop)
        known = (lexicon.same.get(f"foreign-local:{f.format(place)}") for f in names.values())
        ident = next((k for k in known if k is not None), None)
        if ident is not None:
            return OrgMatch(i, stop, lexicon.orgs[ident], via="foreign")
    stop = i + 1  # a place not named before: its first word (the name of the head may follow)
    place = _span(toks, i, stop)
    if _gazetteer(toks, i) is not None or not foreign_place(place):
        return None
    name = names[area].format(place)
    country, _ = _country(toks, stop)
    org = _new(
        lexicon, name, "ForeignLocalGovernment", same=f"foreign-local:{name}", country=country
    )
    return OrgMatch(i, stop, org, via="foreign")


def foreign_agency_at(toks: Sequence[Token], i: int, lexicon: Lexicon) -> OrgMatch | None:
    """``US Department of Health and Human Services``, ``UK Home Office``: a country (its name,
    adjective or possessive), then capitalised words ending with an agency's head and what it
    is of or for. Declared under the country's name (``US`` → ``United States``).

    >>> from govkg.extract.text import tokens
    >>> toks = tokens("with the US Department of Health and Human Services on Monday")
    >>> found = foreign_agency_at(toks, 2, Lexicon())
    >>> found.org.name, found.org.country, found.end
    ('United States Department of Health and Human Services', 'US', 9)
    >>> found.org.aliases
    ('US Department of Health and Human Services',)
    """
    from govkg.extract.foreign_posts import country_marker

    marker = country_marker(toks, i)
    if marker is None or marker.end >= len(toks):
        return None
    ministry = _country_ministry(toks, i, marker, lexicon)
    if ministry is not None:
        return ministry
    data = Rules.load().data["foreign_local"]
    joiners = tuple(data["agency_joiners"])
    end = _capitalised_run(toks, marker.end, 8, joiners=joiners)
    heads = [k for k in range(marker.end, end) if toks[k].key in data["agency_heads"]]
    if not heads:
        return None
    end = _agency_end(toks, heads[-1] + 1, end, joiners)
    country = marker.country
    name = f"{_country_words(toks, i, marker)} {_span(toks, marker.end, end)}"
    same = f"foreign-agency:{name}"
    org = _new(lexicon, name, "ForeignGovernment", same=same, country=country.code)
    return OrgMatch(i, end, _aliased(lexicon, org, _span(toks, i, end)), via="foreign")


def _country_ministry(toks: Sequence[Token], i: int, marker, lexicon: Lexicon) -> OrgMatch | None:
    """``Japan's Ministry of Health, Labour and Welfare``: a country, then a ministry (not an
    agency's head: ``US Department of …`` is one) and its subject, named as its minister's
    post names it (``Ministry of … of Japan``).

    >>> from govkg.extract.text import tokens
    >>> toks = tokens("with Japan's Ministry of Health, Labour and Welfare on Monday")
    >>> found = foreign_agency_at(toks, 1, Lexicon())
    >>> found.org.name, found.end
    ('Ministry of Health, Labour and Welfare of Japan', 9)
    """
    from govkg.extract.foreign_posts import foreign_body, subject_end

    data = Rules.load().data
    heads = set(data["orgs"]["foreign_ministry_heads"]) - set(data["foreign_local"]["agency_heads"])
    at = marker.end
    if at + 2 >= len(toks) or toks[at].key not in heads or toks[at + 1].key not in {"of", "for"}:
        return None
    end = subject_end(toks, at + 2)
    if end == at + 2:
        return None
    found = foreign_body(marker.country, "menteri", _span(toks, at + 2, end))
    if found.kind != "ForeignGovernment" or found.name.startswith("Government of"):
        return None
    org = _new(lexicon, found.name, found.kind, same=f"foreign:{found.name}", country=found.country)
    org = _aliased(lexicon, org, *found.aliases, _span(toks, i, end))
    return OrgMatch(i, end, org, via="foreign")


def _agency_end(toks: Sequence[Token], after: int, end: int, joiners: tuple[str, ...]) -> int:
    """The end of an agency's name whose last head ends at ``after``, in a capitalised run
    ending at ``end``: capitalised words right after the head are a person's name (``… Civil
    Defence Force Eric Yap``); after a joiner, the words of a ministry's subject end it when
    it has some (``Agency for International Development Jane Doe``), else the run does.

    >>> from govkg.extract.text import tokens
    >>> toks = tokens("Singapore Civil Defence Force Eric Yap")
    >>> _agency_end(toks, 4, 6, ("of", "for"))
    4
    >>> toks = tokens("US Agency for International Development Jane Doe")
    >>> _agency_end(toks, 2, 7, ("of", "for"))
    5
    """
    from govkg.extract.foreign_posts import subject_end

    if after >= end or toks[after].key not in joiners:
        return after
    stop = subject_end(toks, after + 1)
    if stop > after + 1:
        return stop
    return end - 1 if toks[end - 1].key in joiners else end


def _country_words(toks: Sequence[Token], i: int, marker) -> str:
    """The country as an agency's name writes it: an abbreviation spelt out (``US`` →
    ``United States``), a possessive dropped (``Japan's`` → ``Japan``), an adjective kept
    (``Australian``)."""
    text = " ".join(t.text for t in toks[i : marker.end] if t.is_word)
    if text.replace(".", "").isupper() or text.endswith(("'s", "’s")):
        return marker.country.name
    return text


def _inside_longer_name(toks: Sequence[Token], i: int) -> bool:
    """A capitalised word before ``i`` that is no post: the name began before."""
    from govkg.extract.people import is_post_word

    before = toks[i - 1] if i > 0 else None
    return (
        before is not None
        and before.is_word
        and before.capitalised
        and not is_post_word(before.key)
    )


def _country(toks: Sequence[Token], end: int) -> tuple[str | None, int]:
    """The country named in the sentence (its code), and the end of the name: ``of China``
    right after it belongs to the name."""
    countries = _foreign_data()[0]
    keys = _keys(toks)
    if end + 1 < len(toks) and keys[end] == "of":
        hit = countries.match(keys, end + 1)
        if hit is not None:
            return hit[1].code, end + 1 + hit[0]
    for _, _, country in countries.find(keys):
        return country.code, end
    return None, end


@functools.lru_cache(maxsize=4096)
def foreign_place(place: str) -> bool:
    """A place that is no Indonesian region, nor a likely misspelling of one.

    >>> foreign_place("Heilongjiang"), foreign_place("Surabaya"), foreign_place("Surabya")
    (True, False, False)
    """
    index = gazetteer_index()
    key = " ".join(token_key(w) for w in place.split())
    if not key or index.lookup(place) or set(key.split()) & _generic_words():
        return False
    names = _area_names().get(key[0], [])
    return not difflib.get_close_matches(key, names, n=1, cutoff=0.85)


@functools.cache
def _area_names() -> dict[str, list[str]]:
    """Indonesian area names by their first letter (a misspelling keeps it, mostly)."""
    by_letter: dict[str, list[str]] = {}
    for name in gazetteer_index().weak:
        by_letter.setdefault(name[0], []).append(name)
    return by_letter


@functools.cache
def _generic_words() -> frozenset[str]:
    return frozenset(token_key(w) for w in Rules.load().data["foreign_local"]["not_places"])
