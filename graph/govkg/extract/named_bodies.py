"""Bodies the gazetteer does not know, named in full: found by the head word of their name.

A report names a foundation, a college, a company or a chapter of a national organization by
its full name; the gazetteer cannot list them all. The ``named_bodies`` rules give the words a
body's name begins with (``Yayasan …``, ``Sekolah Tinggi …``), ends with (``… Nickel``,
``… Foundation``), or that name a chapter ending with its region (``PMI Kota Bogor``). The
name is taken as the report writes it and declared with its kind, so a reviewer sees it.

>>> from govkg.extract.orgs import Lexicon
>>> from govkg.extract.text import tokens
>>> found = named_body(tokens("dengan Yayasan Cahaya Pelita Bangsa tentang beasiswa"), 1, Lexicon())
>>> found.org.name, found.org.kind, found.end
('Yayasan Cahaya Pelita Bangsa', 'Organization', 5)
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import replace

from govkg.extract.orgs import (
    Lexicon,
    OrgMatch,
    _capitalised_run,
    _gazetteer,
    _keys,
    _new,
    _span,
    _words,
    bracket_close,
    closed_by,
    known_prefix_end,
)
from govkg.extract.rules import Phrases, Rules
from govkg.extract.text import Token

MAX_WORDS = 8
"""Capitalised words a name may run over after its head."""


@functools.cache
def _rules() -> dict[str, Phrases]:
    data = Rules.load().data["named_bodies"]
    names = ("heads", "tails", "chapters", "english_religious_universities", "national_heads")
    return {name: Phrases(data[name]) for name in names}


@functools.cache
def first_words() -> frozenset[str]:
    """Keys a name found here may start with (the heads and chapters; tails need a capital).

    >>> "yayasan" in first_words()
    True
    """
    rules = _rules()
    heads = rules["heads"].firsts | rules["english_religious_universities"].firsts
    return frozenset(heads | rules["chapters"].firsts | rules["national_heads"].firsts)


def named_body(toks: Sequence[Token], i: int, lexicon: Lexicon) -> OrgMatch | None:
    """The body whose name starts at token ``i`` by its head, its last word or as a chapter."""
    if not toks[i].capitalised:
        return None
    return (
        _chapter(toks, i, lexicon)
        or _religious_university(toks, i, lexicon)
        or _headed(toks, i, lexicon)
        or _national(toks, i, lexicon)
        or _tailed(toks, i, lexicon)
    )


def _national(toks: Sequence[Token], i: int, lexicon: Lexicon) -> OrgMatch | None:
    """``Komisi Kejaksaan RI``: a head of a state body's name, capitalised words, and the
    country (or ``Nasional``) closing the name; not a gazetteer name with the country after it
    (``Badan Pusat Statistik Indonesia`` is BPS). One body with ``RI`` or ``Republik Indonesia``.

    >>> from govkg.extract.text import tokens
    >>> toks = tokens("dengan Komisi Pengawas Sungai Republik Indonesia pada Jumat")
    >>> found = named_body(toks, 1, Lexicon())
    >>> found.org.name, found.org.kind, found.end
    ('Komisi Pengawas Sungai Republik Indonesia', 'StateInstitution', 6)
    >>> named_body(tokens("dengan Badan Pusat Statistik Indonesia"), 1, Lexicon()) is None
    True
    """
    hit = _rules()["national_heads"].match(_keys(toks), i)
    if hit is None:
        return None
    length, kind = hit
    keys, tails = _keys(toks), _national_tails()
    end = _capitalised_run(toks, i + length, MAX_WORDS, joiners=("dan",))
    for start in range(i + length + 1, end):
        tail = tails.match(keys, start, end)
        if tail is None:
            continue
        stop = start + tail[0]
        known = _gazetteer(toks, i)
        if known is not None and known.end >= start:
            return None
        words = " ".join(keys[i:start])
        org = _new(lexicon, _span(toks, i, stop), kind, same=f"national:{words}")
        return OrgMatch(i, stop, org, via="named")
    return None


@functools.cache
def _national_tails() -> Phrases:
    return Phrases(Rules.load().data["named_bodies"]["national_tails"])


def _religious_university(toks: Sequence[Token], i: int, lexicon: Lexicon) -> OrgMatch | None:
    """``State Islamic University (UIN) of Jakarta``, ``State Islamic Institute of Manado``:
    the university named as in Indonesian (``UIN Jakarta``), one body with that form.

    >>> from govkg.extract.text import tokens
    >>> toks = tokens("with the State Islamic Institute (IAIN) of Kendari on Monday")
    >>> found = named_body(toks, 2, Lexicon())
    >>> found.org.name, found.org.kind, found.end
    ('IAIN Kendari', 'StateUniversity', 10)
    """
    from govkg.extract.orgs import gazetteer_index, university_key

    hit = _rules()["english_religious_universities"].match(_keys(toks), i)
    if hit is None:
        return None
    length, acronym = hit
    at = i + length
    close = bracket_close(toks, at)
    at = close + 1 if close is not None else at
    at += 1 if at < len(toks) and toks[at].key == "of" else 0
    end = _capitalised_run(toks, at, 4, joiners=())
    if end == at:
        return None
    name = f"{acronym} {_span(toks, at, end)}"
    keys = gazetteer_index().lookup(name)
    if len(keys) == 1:
        org = lexicon.add(_span(toks, i, end), gazetteer_index().org(keys[0]))
    else:
        org = _new(lexicon, name, "StateUniversity", same=university_key(name))
    return OrgMatch(i, end, org, via="university")


def _headed(toks: Sequence[Token], i: int, lexicon: Lexicon) -> OrgMatch | None:
    """``Yayasan Cahaya Pelita Bangsa``: the head and the capitalised words after it."""
    hit = _rules()["heads"].match(_keys(toks), i)
    if hit is None:
        return None
    length, kind = hit
    end = name_end(toks, i, i + length, lexicon)
    if end == i + length:
        return None
    return OrgMatch(i, end, _new(lexicon, _span(toks, i, end), kind), via="named")


def _tailed(toks: Sequence[Token], i: int, lexicon: Lexicon) -> OrgMatch | None:
    """``Teluk Weda Nickel``: capitalised words closed by a word that ends bodies' names."""
    keys, tails = _keys(toks), _rules()["tails"]
    if i > 0 and toks[i - 1].is_word and toks[i - 1].capitalised:
        from govkg.extract.people import is_post_word

        if not is_post_word(toks[i - 1].key):
            return None  # the name starts earlier ("Direktur Teluk Weda Nickel": it does not)
    end = _capitalised_run(toks, i, MAX_WORDS, joiners=())
    for stop in range(end, i + 1, -1):
        hit = tails.match(keys, stop - 1, stop)
        if hit is not None and hit[0] == 1:
            if _gazetteer(toks, i) is not None:
                return None  # "Bank Mandiri …" and other known names are found as such
            return OrgMatch(i, stop, _new(lexicon, _span(toks, i, stop), hit[1]), via="named")
    return None


def _chapter(toks: Sequence[Token], i: int, lexicon: Lexicon) -> OrgMatch | None:
    """``Palang Merah Indonesia (PMI) Kota Bogor``, ``PMI Provinsi Aceh``: a national
    organization's chapter, named by the region that ends its name."""
    keys = _keys(toks)
    hit = _rules()["chapters"].match(keys, i)
    if hit is None:
        return None
    length, full = hit
    after = i + length
    close = bracket_close(toks, after)
    if close is not None:
        after = close + 1
    region = _gazetteer(toks, after) if after < len(toks) else None
    if region is None or not region.org.is_local or region.alternatives:
        return None
    name = f"{_span(toks, i, i + length)} {_span(toks, after, region.end)}"
    org = _new(lexicon, name, "Organization", same=f"chapter:{full}:{region.org.ident}")
    if close is not None:
        short = f"{_span(toks, i + length + 1, close)} {_span(toks, after, region.end)}"
        if short not in org.aliases:
            org = lexicon.update(replace(org, aliases=(*org.aliases, short)))
        lexicon.add(short, org)
    return OrgMatch(i, region.end, org, via="named")


def name_end(toks: Sequence[Token], i: int, start: int, lexicon: Lexicon) -> int:
    """The end of a name whose head ends at ``start``: capitalised words (with ``dan``) up to
    another body's name, a title or a name this report already gave in full (``Ketua Yayasan X
    Budi`` after ``Yayasan X`` is named: ``Budi`` is the chairman).

    >>> from govkg.extract.text import tokens
    >>> toks = tokens("Yayasan Pelita dan Pemerintah Kota Bogor")
    >>> name_end(toks, 0, 1, Lexicon())
    2
    """
    joiners = tuple(Rules.load().data["named_bodies"]["joiners"])
    end = _capitalised_run(toks, start, MAX_WORDS, joiners=joiners)
    for k in range(start + 1, end):
        if toks[k - 1].key in _words("name_joiners") and _starts_body(toks, k):
            end = k - 1
            break
    return known_prefix_end(toks, i, end, lexicon)


def tail_ahead(toks: Sequence[Token], i: int) -> bool:
    """A word that ends bodies' names closes the capitalised words from ``i``.

    >>> from govkg.extract.text import tokens
    >>> tail_ahead(tokens("dengan Teluk Weda Nickel"), 1), tail_ahead(tokens("Teluk Weda"), 0)
    (True, False)
    """
    return closed_by(toks, i, _rules()["tails"].firsts, MAX_WORDS)


def _starts_body(toks: Sequence[Token], k: int) -> bool:
    """Another body's name begins at ``k`` (a gazetteer name or a head of this module)."""
    found = _gazetteer(toks, k)
    return (found is not None and not found.weak) or _keys(toks)[k] in first_words()
