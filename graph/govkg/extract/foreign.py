"""Foreign bodies a report names: governments of countries, their ministries, foreign regional
governments, international organizations. The gazetteer lists Indonesian bodies only, so these
are declared; their names follow the forms the ``orgs`` rules give (``Government of Germany``).

>>> from govkg.extract.text import tokens
>>> toks = tokens("Indonesia and Germany have signed")
>>> found = foreign_at(toks, tuple(t.key for t in toks), 2)
>>> found.name, found.kind, found.country, found.end
('Government of Germany', 'ForeignGovernment', 'DE', 3)
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from govkg.extract.rules import Phrases, Rules
from govkg.extract.text import Token

BILATERAL = frozenset({"and", "dan", ",", "-"})
"""Words between ``Indonesia`` and a country that make the country a party (``Indonesia and
Germany have signed``), in a sentence about a signing."""


GOVERNMENT_OF = "Government of "
"""How the name of a foreign country's government begins (``Government of Mexico``)."""


@dataclass(frozen=True)
class Foreign:
    """A foreign body named at tokens ``[start, end)``."""

    end: int
    name: str
    kind: str
    acronym: str | None = None
    aliases: tuple[str, ...] = ()
    country: str | None = None


@dataclass(frozen=True)
class _Country:
    name: str
    code: str
    local: str
    formal: str | None

    def government(self, end: int, *more: str) -> Foreign:
        aliases = [f"Pemerintah {self.local}", *more]
        if self.formal:
            aliases.append(f"Government of the {self.formal}")
        name = f"{GOVERNMENT_OF}{self.name}"
        return Foreign(end, name, "ForeignGovernment", None, tuple(aliases), self.code)


@functools.cache
def _data() -> tuple[Phrases, Phrases, dict[str, tuple], frozenset[str]]:
    orgs = Rules.load().data["orgs"]
    countries = {}
    for name, (code, local, *formal) in orgs["countries"].items():
        country = _Country(name, code, local, formal[0] if formal else None)
        countries.update({name: country, local: country})
    bodies = {name: (name, *spec) for name, spec in orgs["foreign_bodies"].items()}
    acronyms = {spec[0]: (name, *spec) for name, spec in orgs["foreign_bodies"].items() if spec[0]}
    firsts = Phrases(countries).firsts | Phrases(bodies).firsts | {a.lower() for a in acronyms}
    heads = frozenset(orgs["foreign_ministry_heads"])
    return (
        Phrases(countries),
        Phrases(bodies),
        acronyms,
        firsts | heads | {"government", "pemerintah"},
    )


def first_words() -> frozenset[str]:
    """Keys a foreign body's name may start with (countries, bodies, ``ministry`` …)."""
    return _data()[3]


def foreign_at(toks: Sequence[Token], keys: Sequence[str], i: int) -> Foreign | None:
    """The foreign body whose name starts at token ``i``, or None."""
    countries, bodies, acronyms, _ = _data()
    body = bodies.match(keys, i)
    if body is not None:
        return _body(i + body[0], body[1])
    if toks[i].text in acronyms:
        return _body(i + 1, acronyms[toks[i].text])
    return _government(toks, keys, i, countries) or _ministry(toks, keys, i, countries)


def _body(end: int, spec: tuple) -> Foreign:
    name, acronym, kind, *country = spec
    return Foreign(end, name, kind, acronym, (), country[0] if country else None)


def _government(toks, keys, i: int, countries: Phrases) -> Foreign | None:
    """``Government of Germany``, ``Pemerintah Jerman``, ``Germany Government``, ``Germany``
    beside ``Indonesia``; ``Pemerintah Wilayah Australia Utara`` (a region of a country)."""
    if keys[i] in {"government", "pemerintah"}:
        at = i + 2 if _of(keys, i + 1) else i + 1
        at += 1 if at < len(keys) and keys[at] == "the" else 0
        hit = countries.match(keys, at)
        if hit is not None:
            return hit[1].government(at + hit[0], _text(toks, i, at + hit[0]))
        return _region_of_country(toks, keys, i, countries)
    hit = countries.match(keys, i)
    if hit is None:
        return None
    end = i + hit[0]
    if end < len(keys) and keys[end] == "government":
        return hit[1].government(end + 1, _text(toks, i, end + 1))
    before = keys[max(0, i - 2) : i]
    after = keys[end : end + 2]
    beside = (len(before) == 2 and before[0] == "indonesia" and before[1] in BILATERAL) or (
        len(after) == 2 and after[1] == "indonesia" and after[0] in BILATERAL
    )
    return hit[1].government(end) if beside and _tells_of_signing(tuple(keys)) else None


@functools.lru_cache(maxsize=64)
def _tells_of_signing(keys: tuple[str, ...]) -> bool:
    """The sentence has a signing word or names a kind of agreement."""
    rules = Rules.load()
    return any(True for _ in rules.cue("signing").find(keys)) or any(
        True for _ in rules.kinds.find(keys)
    )


def _region_of_country(toks, keys, i: int, countries: Phrases) -> Foreign | None:
    """``Pemerintah Wilayah Australia Utara``: capitalised words holding a country's name;
    a country after the name is where the region lies (``Pemerintah Prefektur Ehime Jepang``).

    >>> from govkg.extract.text import tokens
    >>> toks = tokens("dan Pemerintah Prefektur Ehime Jepang, sebagai")
    >>> found = _region_of_country(toks, [t.key for t in toks], 1, _data()[0])
    >>> found.name, found.country, found.end
    ('Pemerintah Prefektur Ehime', 'JP', 5)
    """
    end = i + 1
    while end < len(toks) and end - i < 6 and toks[end].is_word and toks[end].capitalised:
        end += 1
    inside = [k for k in range(i + 1, end) if countries.match(keys, k, end)]
    if end - i < 3 or not inside:
        return None
    at = inside[-1]
    country = countries.match(keys, at, end)
    if at >= i + 3 and at + country[0] == end:  # the country after the name: where it lies
        name = _text(toks, i, at)
        return Foreign(end, name, "ForeignLocalGovernment", None, (), country[1].code)
    return Foreign(end, _text(toks, i, end), "ForeignLocalGovernment")


def _ministry(toks, keys, i: int, countries: Phrases) -> Foreign | None:
    """``Ministry of Health of Iran``, ``Ministry of Education (Singapore)``."""
    heads = Rules.load().data["orgs"]["foreign_ministry_heads"]
    if keys[i] not in heads or not _of(keys, i + 1):
        return None
    end = i + 2
    while end < len(toks) and end - i < 14:
        tok = toks[end]
        if tok.text == "(" and end + 2 < len(toks):
            hit = countries.match(keys, end + 1)
            if hit is not None and toks[end + 1 + hit[0]].text == ")":
                name = _text(toks, i, end + 2 + hit[0])
                bare = f"{_text(toks, i, end)} of {hit[1].name}"
                stop = end + 2 + hit[0]
                return Foreign(stop, name, "ForeignGovernment", None, (bare,), hit[1].code)
            return None
        if keys[end] == "of" and countries.match(keys, end + 1):
            hit = countries.match(keys, end + 1)
            stop = end + 1 + hit[0]
            return Foreign(stop, _text(toks, i, stop), "ForeignGovernment", None, (), hit[1].code)
        if keys[end] in heads or not (
            tok.capitalised or keys[end] in {"and", "the", "of", ",", "&"}
        ):
            return None  # another ministry begins: this one was not named with its country
        end += 1
    return None


def _of(keys: Sequence[str], k: int) -> bool:
    return k < len(keys) and keys[k] == "of"


def _text(toks: Sequence[Token], i: int, end: int) -> str:
    text = " ".join(t.text for t in toks[i:end])
    return text.replace(" ,", ",").replace("( ", "(").replace(" )", ")")
