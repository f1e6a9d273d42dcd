"""What the endpoint refuses, and the limits it keeps: one place, named settings.

Refused before any evaluation (rdflib opens sockets and local files for these, and
Oxigraph itself sends ``SERVICE`` calls over HTTP):

- ``SERVICE`` anywhere (``SILENT``, nested in subqueries, ``EXISTS``, ``OPTIONAL``),
- ``FROM`` / ``FROM NAMED`` dataset clauses (and the protocol's graph-uri parameters),
- SPARQL Update in any form (the store is opened read-only as well).

The check is a SPARQL tokenizer that skips strings, comments and IRIs, so a keyword
inside a literal or an IRI is not a false alarm, and ``ex:service`` or ``?from`` are
names, not keywords. It runs twice when the text holds ``\\u`` escapes: once as written
and once with the escapes decoded, refusing if either reading finds a keyword.

>>> check_query("SELECT * WHERE { ?s ?p 'SERVICE' }").form
'SELECT'
>>> try:
...     check_query("ask { filter exists { service silent <http://x/> { } } }")
... except HttpError as err:
...     print(err.status, err.code)
403 service-refused
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from govkg.server.errors import HttpError

QUERY_FORMS = ("SELECT", "CONSTRUCT", "DESCRIBE", "ASK")
UPDATE_WORDS = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}
)


@dataclass(frozen=True)
class Limits:
    """The endpoint's limits, each a named setting (CLI: ``govkg serve --help``).

    >>> Limits().timeout, Limits(rows=5).rows
    (10.0, 5)
    """

    query_chars: int = 20_000  # longest query text accepted
    body_bytes: int = 100_000  # largest request body accepted
    rows: int = 10_000  # result rows (or triples) returned; more are cut, with a header
    response_bytes: int = 16 * 1024 * 1024  # largest response body; more is cut, with a header
    timeout: float = 10.0  # wall-clock seconds per query; the worker is killed after it
    memory_mb: int = 2048  # cap on the memory each worker process may write (RLIMIT_DATA)
    workers: int = 3  # worker processes (each runs one query at a time)
    queue_wait: float = 30.0  # longest wait for a free worker before answering 503 busy

    def __post_init__(self) -> None:
        for name, value in vars(self).items():
            if value <= 0:
                raise ValueError(f"limit {name} must be positive, not {value!r}")


@dataclass(frozen=True)
class QueryInfo:
    """What the policy learnt about an accepted query: its form (SELECT, ASK, …)."""

    form: str


@dataclass(frozen=True)
class Token:
    """One SPARQL token: its kind, its text and where it starts."""

    kind: str
    text: str
    pos: int


_PN = r"(?:[^\W]|[\-\u00B7\u0300-\u036F\u203F-\u2040]|%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%])"
_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<comment>\#[^\n\r]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
              |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][^\W]+)
  | (?P<bnode>_:[^\W](?:[\w.\-]*[\w\-])?)
  | (?P<pname>(?:[^\W\d](?:[\w.\-]*[\w\-])?)?:(?:(?:PN|[:.])*(?:PN|:))?)
  | (?P<lang>@[a-zA-Z]+(?:-[a-zA-Z0-9]+)*)
  | (?P<number>[+-]?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?))
  | (?P<word>[^\W\d]\w*)
  | (?P<quote>['"])
  | (?P<punct>.)
    """.replace("PN", _PN),
    re.VERBOSE | re.DOTALL,
)
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


class _Unterminated(ValueError):
    """A quote that opens no complete string: the text is not SPARQL."""


def tokens(text: str) -> Iterator[Token]:
    """The significant tokens of a SPARQL text (no spaces or comments), in one linear pass.

    >>> [t.text for t in tokens("SELECT ?s { ?s a ex:Thing } # SERVICE")]
    ['SELECT', '?s', '{', '?s', 'a', 'ex:Thing', '}']

    :raises ValueError: on a quote that opens no string (no SPARQL parser accepts that).
    """
    pos = 0
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        kind = match.lastgroup
        if kind == "quote":
            raise _Unterminated(f"unterminated string at character {pos}")
        if kind not in ("space", "comment"):
            yield Token(kind, match.group(), pos)
        pos = match.end()


def decode_escapes(text: str) -> str:
    r"""The text with SPARQL ``\u``/``\U`` code point escapes replaced by their characters.

    >>> decode_escapes(r"\u0053ERVICE")
    'SERVICE'
    """

    def char(match: re.Match) -> str:
        code = int(match.group(1) or match.group(2), 16)
        return chr(code) if code <= 0x10FFFF else match.group()

    return _ESCAPE.sub(char, text)


def check_query(text: str, limits: Limits | None = None) -> QueryInfo:
    """Accept a query text or refuse it before it reaches an engine.

    :raises HttpError: 413 too long, 400 not a query, 403 SERVICE, FROM or an update.
    """
    limits = limits or Limits()
    if len(text) > limits.query_chars:
        raise HttpError(
            413,
            "query-too-long",
            f"the query has {len(text)} characters; the limit is {limits.query_chars}",
            fix="shorten the query (or restart the server with a larger --max-query-chars)",
        )
    try:
        readings = [_scan(tokens(text))]
    except _Unterminated as err:
        raise HttpError(
            400, "malformed-query", f"syntax error: {err}", fix="close the string"
        ) from None
    if _ESCAPE.search(text):
        readings.append(_scan_decoded(decode_escapes(text)))
    for reading in readings:
        _refuse(reading)
    form = next((r.first for r in readings if r.first in QUERY_FORMS), None)
    if form is None:
        raise HttpError(
            400,
            "malformed-query",
            "the text has no SELECT, CONSTRUCT, DESCRIBE or ASK",
            fix="send a SPARQL 1.1 query",
        )
    return QueryInfo(form)


@dataclass
class _Reading:
    first: str | None = None  # the first keyword after BASE/PREFIX declarations
    keywords: set[str] = field(default_factory=set)  # SERVICE, FROM


def _scan(stream: Iterator[Token]) -> _Reading:
    reading = _Reading()
    for token in stream:
        if token.kind != "word":
            continue
        word = token.text.upper()
        if word in ("SERVICE", "FROM"):
            reading.keywords.add(word)
        if reading.first is None and word not in ("BASE", "PREFIX"):
            reading.first = word
    return reading


def _scan_decoded(text: str) -> _Reading:
    try:
        return _scan(tokens(text))
    except _Unterminated:  # a decoded quote broke the strings: fall back to a plain search
        words = re.findall(r"(?<![?$:\w])(service|from)\b", text, re.IGNORECASE)
        return _Reading(None, {w.upper() for w in words})


def _refuse(reading: _Reading) -> None:
    if reading.first in UPDATE_WORDS:
        raise HttpError(
            403,
            "update-refused",
            "SPARQL Update is refused: this endpoint is read-only",
            fix="change the records and run 'govkg build' instead",
        )
    if "SERVICE" in reading.keywords:
        raise HttpError(
            403,
            "service-refused",
            "SERVICE is refused by this endpoint",
            fix="query the other endpoint yourself and join the results locally",
        )
    if "FROM" in reading.keywords:
        raise HttpError(
            403,
            "dataset-refused",
            "FROM and FROM NAMED are refused: the dataset is fixed",
            fix="remove FROM; use GRAPH <name> { … } to pick a named graph",
        )
