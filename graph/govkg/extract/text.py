"""Reading a report: header lines, the cleaned text, sentences and tokens with their offsets.

Offsets count characters of the *cleaned* text (:func:`govkg.text_hygiene.clean_text` with line
breaks kept: NFC, no control or zero-width characters, each line trimmed, runs of spaces
collapsed); every quote in the evidence is ``text[start:end]`` of that text.

>>> art = read_article("Judul\\nhttps://x.example/a\\n\\nLAN dan LIPI meneken MoU. Dr. Adi hadir.")
>>> art.title, art.url, [s.text for s in art.sentences]
('Judul', 'https://x.example/a', ['LAN dan LIPI meneken MoU.', 'Dr. Adi hadir.'])
>>> [t.text for t in art.sentences[1].tokens]
['Dr.', 'Adi', 'hadir', '.']
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from govkg.extract.dateline import dateline
from govkg.gazetteer.forms import name_key
from govkg.text_hygiene import clean_text

DATELINE_LINES = 8
"""Lines of the body, from its first, that may open with a dateline."""
_TOKEN = re.compile(r"\w+(?:[.'’&/-]\w+)*\.?|[^\w\s]")
_URL_DATE = re.compile(
    r"/(?P<y>20\d\d)(?P<sep>[/-]?)(?P<m>[01]\d)(?P=sep)(?P<d>[0-3]\d)(?=[/_.-]|$)"
)
_URL_PERIOD = re.compile(r"(?<=[^/])/(?P<y>(?:19|20)\d\d)/(?:(?P<m>0[1-9]|1[0-2])/)?")


def _labels(words) -> str:
    return "|".join(re.escape(str(w)) for w in words)


@functools.cache
def _header_patterns() -> dict[str, re.Pattern[str]]:
    """The header lines' patterns, with the labels of ``rules.yaml`` ``header``.

    >>> _header_patterns()["credit"].match("Reporter: Ani")["name"]
    'Ani'
    """
    from govkg.extract.rules import Rules

    header = Rules.load().data["header"]
    return {
        "url": re.compile(
            rf"^(?:(?:{_labels(header['url_labels'])})\s*:\s*)?(https?://\S+)$", re.I
        ),
        "published": re.compile(
            rf"^(?:{_labels(header['published_labels'])})\s*:\s*(\d{{4}}-\d{{2}}-\d{{2}})$", re.I
        ),
        "credit": re.compile(
            rf"^(?P<role>{_labels(header['credit_roles'])})\s*:\s*(?P<name>[^|]+?)\s*$", re.I
        ),
    }


@functools.lru_cache(maxsize=65536)
def token_key(text: str) -> str:
    """The comparison key of one token: folded (case, accents, punctuation inside ignored).

    Punctuation tokens keep their character so that phrases may contain it.

    >>> token_key("ATR/BPN"), token_key("Jum'at"), token_key(",")
    ('atr bpn', 'jum at', ',')
    """
    key = name_key(text)
    return key if key else text


@dataclass(frozen=True, slots=True)
class Token:
    """A word or a punctuation mark, with its character offsets in the article text."""

    text: str
    start: int
    end: int
    key: str

    @property
    def is_word(self) -> bool:
        """True for words and numbers, False for punctuation."""
        return self.text[0].isalnum()

    @property
    def capitalised(self) -> bool:
        """True when the word starts with a capital letter or a digit."""
        return self.text[0].isupper() or self.text[0].isdigit()


@dataclass(frozen=True)
class Sentence:
    """One sentence (never spanning lines), its tokens, and its list marker if it opens an item."""

    index: int
    start: int
    end: int
    text: str
    tokens: tuple[Token, ...]
    line: int
    marker: str | None = None

    @property
    def keys(self) -> tuple[str, ...]:
        """The tokens' keys."""
        return tuple(t.key for t in self.tokens)


@dataclass(frozen=True)
class Article:
    """A report as read: its header facts and its sentences (offsets into ``text``)."""

    name: str
    text: str
    sentences: tuple[Sentence, ...]
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    city: str | None = None
    contributors: tuple[tuple[str, str], ...] = ()
    published: date | None = None
    notes: tuple[str, ...] = field(default=())
    period: tuple[int, int | None] | None = None
    """The year, and the month when known, the report was published in when its day is not
    known (``published: 2017-09`` of a corpus record): read as a web address's period."""


@functools.cache
def abbreviations() -> frozenset[str]:
    """Titles, degrees and acting prefixes from the rules file: their full stop ends no
    sentence (``Dr. Adi``, ``Plt. Bupati``).

    >>> {"Dr.", "M.Si.", "Plt."} <= abbreviations()
    True
    """
    from govkg.extract.rules import Rules

    rules = Rules.load()
    acting = frozenset(a for a in rules.data["posts"]["acting"] if a.endswith("."))
    return rules.prefix_titles | rules.suffix_titles | acting


@functools.cache
def short_forms() -> frozenset[str]:
    """Words written with a full stop that does not end a sentence, besides titles and
    initials (``rules.yaml``, ``agreements.abbreviations``).

    >>> {"kab", "jl", "tbk"} <= short_forms()
    True
    """
    from govkg.extract.rules import Rules

    return frozenset(str(w) for w in Rules.load().data["agreements"]["abbreviations"])


def phrase_keys(phrase: str) -> tuple[str, ...]:
    """The token keys of a phrase written in the rules (``"di bidang"`` → ``("di", "bidang")``).

    >>> phrase_keys("Perjanjian Kerja Sama (PKS)")
    ('perjanjian', 'kerja', 'sama', '(', 'pks', ')')
    """
    return tuple(token_key(t) for t in _split_tokens(phrase))


def tokens(text: str, offset: int = 0, *, keep: frozenset[str] = frozenset()) -> list[Token]:
    """The tokens of ``text``; ``offset`` is added to every position.

    A full stop stays on a word that is an abbreviation (initials such as ``M.Si.``, the
    words in ``keep`` and :func:`short_forms`), otherwise it is a token of its own.

    >>> [t.text for t in tokens("oleh Dr. Adi, M.Si. di LAN.", keep=frozenset({"Dr."}))]
    ['oleh', 'Dr.', 'Adi', ',', 'M.Si.', 'di', 'LAN', '.']
    >>> [t.text for t in tokens("oleh Ir. SA. Adi", keep=frozenset({"Ir."}))]
    ['oleh', 'Ir.', 'SA.', 'Adi']
    """
    found = []
    for match in _TOKEN.finditer(text):
        word, start = match.group(), match.start() + offset
        initials = bool(found) and found[-1].text in keep and _initials(word)  # ``Ir. SA. Adi``
        if len(word) > 1 and word.endswith(".") and not initials and not _keeps_stop(word, keep):
            found.append(Token(word[:-1], start, start + len(word) - 1, token_key(word[:-1])))
            found.append(Token(".", start + len(word) - 1, start + len(word), "."))
        else:
            found.append(Token(word, start, start + len(word), token_key(word)))
    return found


_SPACE_BEFORE = re.compile(r"\s+([,;:.!?%)\]])")
_SPACE_AFTER = re.compile(r"([(\[])\s+")


def tidy(text: str) -> str:
    """``text`` with one space between words, none before ``, ; : . ! ? % ) ]`` nor after
    ``( [`` (for values taken from the text; evidence quotes stay as written).

    >>> tidy("meteorologi , klimatologi ,  dan geofisika ( MKG )")
    'meteorologi, klimatologi, dan geofisika (MKG)'
    """
    return _SPACE_AFTER.sub(r"\1", _SPACE_BEFORE.sub(r"\1", " ".join(text.split())))


def written(toks: Sequence[Token]) -> str:
    """Tokens as the text wrote them (a space only where the text has one), tidied.

    >>> written(tokens("desa-desa ,  kelas 3,5 (K)"))
    'desa-desa, kelas 3,5 (K)'
    """
    parts = []
    for k, tok in enumerate(toks):
        if k and tok.start > toks[k - 1].end:
            parts.append(" ")
        parts.append(tok.text)
    return tidy("".join(parts))


def _split_tokens(text: str) -> list[str]:
    return [t.text for t in tokens(text, keep=frozenset({text.strip()}))]


def _initials(word: str) -> bool:
    """Two or three capitals with a full stop (``SA.``): initials after a title.

    >>> _initials("SA."), _initials("Adi."), _initials("SA")
    (True, False, False)
    """
    bare = word[:-1]
    return word.endswith(".") and 2 <= len(bare) <= 3 and bare.isalpha() and bare.isupper()


def _keeps_stop(word: str, keep: frozenset[str]) -> bool:
    if word in keep or "." in word[:-1]:
        return True
    bare = word[:-1]
    return (len(bare) == 1 and bare.isalpha() and bare.isupper()) or bare.lower() in short_forms()


_ITEM = re.compile(r"^(?P<marker>\d{1,2}|[a-z])[.)]\s*(?=\S)|^[-•*·]\s+")


def read_article(raw: str, name: str = "article", *, keep: frozenset[str] | None = None) -> Article:
    """Read a report: an optional title line, URL line and credit lines, then the text.

    ``keep`` lists abbreviations whose full stop ends no sentence (default: the titles,
    degrees and acting prefixes of the rules file).

    :raises ValueError: the text is empty.

    >>> read_article("Reporter: Ani | Editor: Budi\\nJAKARTA - LAN meneken MoU.").contributors
    (('Ani', 'reporter'), ('Budi', 'editor'))
    """
    if keep is None:
        keep = abbreviations()
    text = clean_text(raw.replace("\r\n", "\n").replace("\r", "\n"), multiline=True)
    if not text:
        raise ValueError(f"{name} is empty")
    lines = _lines(text)
    title, url, contributors, published, first = _header(lines)
    sentences: list[Sentence] = []
    publisher = city = None
    listing = False
    for number, (start, line) in enumerate(lines[first:], start=first + 1):
        if not line:
            continue
        skip = 0
        opening = dateline(line, loose=number <= first + DATELINE_LINES)
        if opening:  # usually the first paragraph's, but lines may be reordered or prefixed
            if city is None:
                publisher, city = opening.publisher, opening.city
            skip = opening.end
        listing = listing and _bare_item(line)
        found = _sentences(line, start, skip, number, len(sentences), keep)
        if listing and len(found) == 1 and found[0].marker is None:
            found = [replace(found[0], marker="-")]
        sentences.extend(found)
        listing = listing or line.rstrip().endswith(":")
    return Article(
        name=name,
        text=text,
        sentences=tuple(sentences),
        title=title,
        url=url,
        publisher=publisher,
        city=city,
        contributors=tuple(contributors),
        published=published,
    )


def url_date(url: str | None) -> date | None:
    """The publication day a report's address gives (``/2021/09/02/``, ``/2021-09-02-``,
    ``/20210902``), or None.

    >>> url_date("https://x.example/2021/09/02/teken-mou/"), url_date("https://x.example/p=80")
    (datetime.date(2021, 9, 2), None)
    """
    match = _URL_DATE.search(url or "")
    if match is None:
        return None
    try:
        return date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:
        return None


def url_period(url: str | None) -> tuple[int, int | None] | None:
    """The year, and the month when given, that a report's address files it under when it
    gives no day (``/2022/140-teken-mou``, ``/2017/09/9232/``), or None.

    >>> url_period("https://x.example/2017/09/9232/"), url_period("https://x.example/2022/140-a")
    ((2017, 9), (2022, None))
    """
    match = _URL_PERIOD.search(url or "")
    if match is None:
        return None
    return int(match["y"]), int(match["m"]) if match["m"] else None


def _lines(text: str) -> list[tuple[int, str]]:
    lines, position = [], 0
    for line in text.split("\n"):
        lines.append((position, line))
        position += len(line) + 1
    return lines


def _header(lines: list[tuple[int, str]]) -> tuple:
    """Title, URL, credit and publication-date lines at the top (any order); the index of the
    first body line."""
    title = url = published = None
    contributors: list[tuple[str, str]] = []
    index = 0
    while index < len(lines):
        line = lines[index][1]
        url_match = _header_patterns()["url"].match(line)
        credits = _credits(line)
        day = _header_patterns()["published"].match(line)
        if not line:
            pass
        elif day and published is None:
            try:
                published = date.fromisoformat(day.group(1))
            except ValueError:
                break
        elif url_match and url is None:
            url = url_match.group(1)
        elif credits:
            contributors.extend(credits)
        elif title is None and url is None and _looks_like_title(line, _next_text(lines, index)):
            title = line
        else:
            break
        index += 1
    return title, url, contributors, published, index


def _next_text(lines: list[tuple[int, str]], index: int) -> str | None:
    return next((line for _, line in lines[index + 1 :] if line), None)


def _looks_like_title(line: str, following: str | None) -> bool:
    """A short line without a closing full stop, before a URL line or more text."""
    if len(line) > 200 or line.endswith((".", ":", '"', "”")) or following is None:
        return False
    return bool(_header_patterns()["url"].match(following)) or len(line) < 150


def _credits(line: str) -> list[tuple[str, str]]:
    """``Reporter: A | Editor: B`` → ``[("A", "reporter"), ("B", "editor")]``."""
    from govkg.extract.rules import Rules

    roles = Rules.load().data["header"]["credit_roles"]
    found = []
    for part in line.split("|"):
        match = _header_patterns()["credit"].match(part.strip())
        if match is None:
            return []
        found.append((match["name"].strip(), roles[match["role"].lower()]))
    return found


def _bare_item(line: str) -> bool:
    """A line of a list written without markers, one item a line, after a line ending with
    ``:`` (``Universitas Airlangga (Unair)``): short, with no colon, not opening with a
    quotation mark nor ending as a sentence.

    >>> _bare_item("Institut Pertanian Bogor (IPB)"), _bare_item("Ia berkata: “Baik.”")
    (True, False)
    """
    from govkg.extract.rules import Rules

    words = line.split()
    limits = Rules.load().data["bare_list"]
    if not words or len(words) > limits["max_words"] or ":" in line:
        return False
    return not line.startswith(tuple(limits["quotes"])) and not line.endswith(
        tuple(limits["not_at_end"])
    )


def _sentences(
    line: str, start: int, skip: int, number: int, index: int, keep: frozenset[str]
) -> list[Sentence]:
    marker = None
    item = _ITEM.match(line, skip)
    if item:
        marker = item["marker"] or "-"
        skip = item.end()
    words = tokens(line[skip:], start + skip, keep=keep)
    pieces: list[list[Token]] = [[]]
    for i, token in enumerate(words):
        pieces[-1].append(token)
        following = words[i + 1] if i + 1 < len(words) else None
        if following is not None and _ends_sentence(token, following, keep):
            pieces.append([])
    result = []
    for piece in pieces:
        if not piece:
            continue
        begin, end = piece[0].start, piece[-1].end
        result.append(
            Sentence(
                index + len(result),
                begin,
                end,
                line[begin - start : end - start],
                tuple(piece),
                number,
                marker if not result else None,
            )
        )
    return result


def _ends_sentence(token: Token, following: Token, keep: frozenset[str]) -> bool:
    starts = (
        following.text[0].isupper() or following.text[0] in "\"“'(" or following.text[0].isdigit()
    )
    if token.text in {".", "!", "?"}:
        return starts and not following.text[0].isdigit()
    if token.text.endswith(".") and token.text in keep and following.text[0].isupper():
        return token.text[0].isupper() and token.text.count(".") > 1 and following.text not in keep
    return False
