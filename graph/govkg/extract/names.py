"""People's names with their titles kept apart: ``Prof. Dr. H. Fikri Ramadhan, M.Pd.``.

>>> from govkg.extract.text import tokens
>>> from govkg.extract.rules import Rules
>>> rules = Rules.load()
>>> toks = tokens("oleh Dra. Lestari Wulandari, Apt., M.Kes., dan", keep=rules.prefix_titles
...               | rules.suffix_titles)
>>> found = name_after(toks, 1)
>>> found.name, found.honorifics
('Lestari Wulandari', ('Dra.', 'Apt.', 'M.Kes.'))
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from govkg.extract.rules import Phrases, Rules
from govkg.extract.text import Token, token_key

MAX_NAME_WORDS = 5
_DEGREE = re.compile(r"^(?:[A-Z][A-Za-z]{0,4}\.){1,4}(?:[A-Za-z]{1,4})?$")


@dataclass(frozen=True)
class Name:
    """A person's name at tokens ``[start, end)``; ``span`` covers the titles too."""

    name: str
    honorifics: tuple[str, ...]
    start: int
    end: int
    span_start: int
    span_end: int


@functools.cache
def _stop_words() -> frozenset[str]:
    rules = Rules.load()
    words = set(rules.months) | set(rules.weekdays)
    words |= {token_key(w) for w in rules.data["names"]["stops"]}
    words |= {k for phrase in rules.cues["signing"].index for k in phrase}
    words |= {k for phrase in rules.kinds.index for k in phrase}
    return frozenset(words)


@functools.cache
def _plain_titles() -> tuple[frozenset[str], frozenset[str]]:
    """Titles and degrees written without full stops (``Prof Dr H``, ``SH``, ``MSi``)."""
    names = Rules.load().data["names"]
    return frozenset(names["plain_titles"]), frozenset(names["plain_degrees"])


def _trim(words: list[Token]) -> tuple[list[str], list[Token], list[str]]:
    """Split plain titles off the front and plain degrees off the back of a name's words,
    keeping at least one word."""
    titles, degrees = _plain_titles()
    front = []
    while len(words) > 1 and words[0].text in titles:
        front.append(words.pop(0).text)
    back = []
    while len(words) > 1 and (words[-1].text in degrees or is_degree(words[-1].text)):
        back.insert(0, words.pop().text)
    return front, words, back


@functools.cache
def _ranks() -> Phrases:
    return Phrases(Rules.load().data["titles"]["ranks"])


def title_length(toks: Sequence[Token], k: int) -> int:
    """How many tokens from ``k`` form a title or rank (``Dr.``; ``Commissioner General``); 0
    when none does.

    >>> from govkg.extract.text import tokens
    >>> title_length(tokens("Commissioner General Agus"), 0), title_length(tokens("Agus"), 0)
    (2, 0)
    """
    if k >= len(toks):
        return 0
    if is_title(toks[k].text):
        return 1
    hit = _ranks().match([t.key for t in toks[k : k + 4]], 0)
    return hit[0] if hit and toks[k].capitalised else 0


def _degree_before(toks: Sequence[Token], k: int) -> bool:
    """A degree at ``k``, or one written without full stops before a comma (``Sri Wati SH,
    MM, bupati``: read from the post back to the name).

    >>> from govkg.extract.text import tokens
    >>> toks = tokens("Sri Wati SH, MM, bupati")
    >>> _degree_before(toks, 4), _degree_before(toks, 2), _degree_before(toks, 1)
    (True, True, False)
    """
    text = toks[k].text
    comma = k + 1 < len(toks) and toks[k + 1].text == ","
    return is_degree(text) or (comma and text in _plain_titles()[1])


def is_degree(text: str) -> bool:
    """A degree or title written after a name (``S.H.``, ``M.Si.``, ``Ph.D.``, ``MPA``).

    >>> is_degree("M.Si."), is_degree("Sp.OG"), is_degree("Suryanto")
    (True, True, False)
    """
    return text in Rules.load().suffix_titles or bool(_DEGREE.match(text))


def is_title(text: str) -> bool:
    """A title written before a name (``Dr.``, ``dr.``, ``Hj.``, ``Prof.``).

    >>> is_title("Dr."), is_title("dr."), is_title("Adi")
    (True, True, False)
    """
    return text in Rules.load().prefix_titles


def name_after(
    toks: Sequence[Token], at: int, *, stops: frozenset[str] = frozenset()
) -> Name | None:
    """The name (with titles before and degrees after it) starting at token ``at``.

    A title inside a run of capitalised words starts the name afresh
    (``Kapolresta Malang Kota Kombes Pol Budi Santoso`` → ``Budi Santoso``).
    """
    rules = Rules.load()
    stop = _stop_words() | stops
    titles: list[str] = []
    k = at
    start = None
    words: list[Token] = []
    while k < len(toks) and len(words) < MAX_NAME_WORDS:
        tok = toks[k]
        length = title_length(toks, k) or _inner_title(toks, k, words)
        length = length or (_bracketed_title(toks, k) if titles and not words else 0)
        glued, rest = split_glued(tok.text) if tok.is_word else ((), tok.text)
        split = _title_and_initial().get(tok.text) if not words else None
        if split and _next_capital(toks, k):  # ``HM. Prasetyo``: Haji, then M. Prasetyo
            titles, start = [*titles, split[0]], k
            words.append(replace(tok, text=split[1], key=token_key(split[1])))
        elif length == 1 and titles and words and _initial(toks, k):
            words.append(tok)  # ``Drs. Djafar H. Achmad``: H. is his initial
        elif length:
            title = " ".join(t.text for t in toks[k : k + length])
            title = title.replace("( ", "(").replace(" )", ")")
            titles, words, start = ([] if words else titles) + [title], [], None
            k += length
            continue
        elif glued and not words:
            titles, start = [*titles, *glued], k
            words.append(replace(tok, text=rest, key=token_key(rest)))
        elif tok.is_word and tok.capitalised and not tok.text.isdigit() and tok.key not in stop:
            start = k if start is None else start
            words.append(tok)
        elif words and tok.text in rules.particles and _next_capital(toks, k):
            words.append(tok)
        else:
            break
        k += 1
    if not words:
        return None
    end = start + len(words)
    front, words, back = _trim(words)
    start = end - len(words) - len(back)
    end = start + len(words)
    degrees, span_end = _degrees(toks, end + len(back))
    if len(words) == 1 and words[0].key in _not_names():
        return None
    return Name(
        " ".join(w.text for w in words),
        (*titles, *front, *back, *degrees),
        start,
        end,
        at if titles or front else start,
        span_end,
    )


def split_glued(text: str) -> tuple[tuple[str, ...], str]:
    """Titles written onto a name without a space (``Prof.Dr.Ahmad`` → ``Prof.``, ``Dr.``
    and ``Ahmad``); no titles when the word does not start with them.

    >>> split_glued("Prof.Dr.Ahmad"), split_glued("H.panca"), split_glued("M.Si.")
    ((('Prof.', 'Dr.'), 'Ahmad'), (('H.',), 'panca'), ((), 'M.Si.'))
    """
    parts = text.split(".")
    titles: list[str] = []
    while len(parts) > 1 and is_title(parts[0] + "."):
        titles.append(parts.pop(0) + ".")
    rest = ".".join(parts)
    if not titles or not rest.isalpha() or len(rest) < 2:
        return (), text
    return tuple(titles), rest


def _inner_title(toks: Sequence[Token], k: int, words: list[Token]) -> int:
    """A title written without a full stop inside a run of capitalised words starts the name
    afresh, as a title with a full stop does (``Sekkab Mateng H Askary Anwar``): 1 if so."""
    inner = Rules.load().data["names"]["inner_plain_titles"]
    following = toks[k + 1] if k + 1 < len(toks) else None
    nxt = following is not None and following.is_word and following.capitalised
    return 1 if words and toks[k].text in inner and nxt else 0


def _bracketed_title(toks: Sequence[Token], k: int) -> int:
    """A title in brackets after a rank (``Mayjen TNI (Purn) Dr. Adi``): 3 tokens, else 0.

    >>> from govkg.extract.text import tokens
    >>> _bracketed_title(tokens("( Purn ) Adi"), 0), _bracketed_title(tokens("( BPS ) Adi"), 0)
    (3, 0)
    """
    inside = Rules.load().data["names"]["bracketed_titles"]
    shaped = k + 2 < len(toks) and toks[k].text == "(" and toks[k + 2].text == ")"
    return 3 if shaped and toks[k + 1].text in inside else 0


@functools.cache
def _not_names() -> frozenset[str]:
    """Single words never a person's name alone (``RI``, ``Utara``)."""
    return frozenset(token_key(w) for w in Rules.load().data["names"]["not_alone"])


def name_before(toks: Sequence[Token], end: int, floor: int) -> Name | None:
    """The name that ends just before token ``end`` (``Adi Suryanto, M.Si.,`` ←), not
    reaching before ``floor``.

    >>> from govkg.extract.text import tokens
    >>> toks = tokens("oleh Adi Suryanto, M.Si., selaku Kepala")
    >>> found = name_before(toks, 6, 1)
    >>> found.name, found.honorifics
    ('Adi Suryanto', ('M.Si.',))
    >>> name_before(tokens("dengan Sri Wati SH, MM, bupati"), 7, 0).honorifics
    ('SH', 'MM')
    >>> toks = tokens("oleh Dr Hj Rina Wati MSi selaku Rektor")
    >>> found = name_before(toks, 6, 1)
    >>> found.name, found.honorifics
    ('Rina Wati', ('Dr', 'Hj', 'MSi'))
    """
    k = end - 1
    degrees: list[str] = []
    while k > floor and (toks[k].text in {",", ")"} or _degree_before(toks, k)):
        if toks[k].text == ")" and k - 3 >= floor and toks[k - 2].text == "(":
            if is_degree(toks[k - 3].text):
                degrees.insert(0, f"{toks[k - 3].text}({toks[k - 1].text})")
                k -= 4
                continue
            break
        if toks[k].text != ",":
            degrees.insert(0, toks[k].text)
        k -= 1
    stop = _stop_words()
    particles = Rules.load().particles
    words: list[Token] = []
    while k >= floor and len(words) < MAX_NAME_WORDS:
        tok = toks[k]
        name_word = tok.is_word and tok.capitalised and tok.key not in stop
        if words and _initial(toks, k) and _titled_before(toks, k - 1, floor):
            name_word = True  # ``Drs. Djafar H. Achmad``: H. is his initial
        elif is_title(tok.text):
            name_word = False
        if name_word or (words and tok.text in particles):
            words.insert(0, tok)
        else:
            break
        k -= 1
    if not words:
        return None
    titles: list[str] = []
    first = k + 1
    while k >= floor and is_title(toks[k].text):
        titles.insert(0, toks[k].text)
        first = k
        k -= 1
    front, words, back = _trim(words)  # ``Dr Hj Hasnati``, ``Aras Mulyadi MSc``
    start = next(i for i in range(first, end) if toks[i] is words[0])
    return Name(
        " ".join(w.text for w in words),
        (*titles, *front, *back, *degrees),
        start,
        start + len(words),
        first,
        end,
    )


@functools.cache
def _title_and_initial() -> dict[str, tuple[str, str]]:
    """A title and the first initial of a name written as one word (``HM.``: ``H.``, ``M.``)."""
    return {k: tuple(v) for k, v in Rules.load().data["names"]["title_and_initial"].items()}


@functools.cache
def _initials() -> frozenset[str]:
    return frozenset(Rules.load().data["names"]["initials"])


def _initial(toks: Sequence[Token], k: int) -> bool:
    """A one-letter title between two words of a name is an initial (``Djafar H. Achmad``).

    >>> from govkg.extract.text import tokens
    >>> toks = tokens("Drs. Djafar H. Achmad", keep=Rules.load().prefix_titles)
    >>> _initial(toks, 2), _titled_before(toks, 1, 0)
    (True, True)
    """
    return toks[k].text in _initials() and _next_capital(toks, k)


def _titled_before(toks: Sequence[Token], k: int, floor: int) -> bool:
    """Capitalised words ending at ``k`` come right after a title (``Drs. Djafar``)."""
    while k >= floor and toks[k].is_word and toks[k].capitalised and not is_title(toks[k].text):
        k -= 1
    return k >= floor and k < len(toks) and is_title(toks[k].text)


def _next_capital(toks: Sequence[Token], k: int) -> bool:
    return k + 1 < len(toks) and toks[k + 1].capitalised


def _degrees(toks: Sequence[Token], k: int) -> tuple[list[str], int]:
    """Degrees after a name: ``, S.H., M.Si.`` (each after a comma, or directly); not a
    title that starts the next name (``, Dr. Adi``).

    >>> from govkg.extract.text import tokens
    >>> keep = Rules.load().prefix_titles | Rules.load().suffix_titles
    >>> _degrees(tokens("Adi , S.H. , M.Si. di", keep=keep), 1)
    (['S.H.', 'M.Si.'], 5)
    >>> _degrees(tokens("Uncen , Dr. Adi", keep=keep), 1)
    ([], 1)
    """
    found: list[str] = []
    end = k
    while k < len(toks):
        if toks[k].text == "," and k + 1 < len(toks) and is_degree(toks[k + 1].text):
            if is_title(toks[k + 1].text) and _next_capital(toks, k + 1):
                break  # ``Rektor Uncen, Dr. Adi``: the title of the next name
            k += 1
        if is_degree(toks[k].text) and (found or toks[k - 1].text == ","):
            degree = toks[k].text
            k += 1
            bracket = k + 2 < len(toks) and toks[k].text == "(" and toks[k + 2].text == ")"
            if bracket and len(toks[k + 1].text) <= 3 and toks[k + 1].text.isupper():
                degree += f"({toks[k + 1].text})"  # Sp.OG(K)
                k += 3
            found.append(degree)
            end = k
            continue
        break
    return found, end
