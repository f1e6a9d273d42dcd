"""The canned query library: ``queries/<name>.rq`` files with a header that says what they take.

Header lines (comments at the top of the file)::

    # title: Partners of an organization
    # description: …            (continuation lines are indented)
    # param agency (organization, required): the organization — acronym, label or IRI
    # columns: partner, label, parties[]     ([] marks a "; "-separated list column)

A parameter is bound by the engine (rdflib ``initBindings``, Oxigraph
``substitutions``), never written into the query text. Lines between ``#if NAME`` and
``#endif`` (or ``#else``) are kept only when the optional parameter NAME is given, lines
between ``#else`` and ``#endif`` only when it is not (its presence, never its value, shapes
the text).

>>> q = canned_queries()["partners"]
>>> q.title, [p.name for p in q.params], q.params[0].required
('Partners of an organization', ['agency'], True)
>>> "#if" in q.text_for({"agency"})
False
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from govkg.errors import GovkgError
from govkg.files import read_input
from govkg.resources import queries_dir

PARAM_TYPES = ("organization", "field", "date", "integer", "string", "iri")
MAX_QUERY_BYTES = 1024 * 1024
"""Largest ``.rq`` file read (1 MiB)."""
_PARAM = re.compile(r"^(\w+) \((\w+), (required|optional)\): (.+)$")


@dataclass(frozen=True)
class Param:
    """A query parameter: its name, type, whether it must be given, and what it means."""

    name: str
    type: str
    required: bool
    description: str


@dataclass(frozen=True)
class CannedQuery:
    """One canned query: header metadata and the SPARQL text."""

    name: str
    path: Path
    title: str
    description: str
    params: tuple[Param, ...]
    columns: tuple[str, ...]
    list_columns: frozenset[str]
    text: str

    def param(self, name: str) -> Param | None:
        """The parameter called ``name``, or None."""
        return next((p for p in self.params if p.name == name), None)

    def text_for(self, given: set[str]) -> str:
        """The query text with ``#if`` blocks kept for the given parameters only."""
        kept, keep = [], True
        for line in self.text.splitlines():
            stripped = line.strip()
            if stripped.startswith("#if "):
                keep = stripped[4:].strip() in given
            elif stripped == "#else":
                keep = not keep
            elif stripped == "#endif":
                keep = True
            elif keep:
                kept.append(line)
        return "\n".join(kept) + "\n"


def query_text(path: Path) -> str:
    """The text of a ``.rq`` file: a regular UTF-8 file of at most :data:`MAX_QUERY_BYTES`.

    :raises GovkgError: not a regular file, too large, or not UTF-8.
    """
    try:
        return read_input(path, limit=MAX_QUERY_BYTES).decode("utf-8")
    except UnicodeDecodeError as err:
        raise GovkgError(f"cannot read {path}: {err}", fix="save the query as UTF-8") from None


def parse_header(path: Path) -> CannedQuery:
    """Read one ``.rq`` file and its header.

    :raises GovkgError: when the header lacks a title or columns, or a parameter line is malformed.
    """
    text = query_text(path)
    fields: dict[str, str] = {}
    params: list[Param] = []
    last = None
    for line in text.splitlines():
        if not line.startswith("#") or line.startswith(("#if ", "#else", "#endif")):
            if line.strip():
                break
            continue
        body = line[1:].strip()
        if line.startswith("#   ") and last:
            fields[last] += " " + body
        elif body.startswith("param "):
            params.append(_param(body[6:], path))
        elif ":" in body:
            last, _, value = body.partition(":")
            fields[last] = value.strip()
    return _query(path, fields, params, text)


def _param(line: str, path: Path) -> Param:
    match = _PARAM.match(line)
    if not match or match.group(2) not in PARAM_TYPES:
        raise GovkgError(
            f"{path}: malformed parameter line {line!r}",
            fix=f"write 'param NAME (TYPE, required|optional): what it is' with TYPE "
            f"one of {', '.join(PARAM_TYPES)}",
        )
    name, kind, need, description = match.groups()
    return Param(name, kind, need == "required", description)


def _query(path: Path, fields: dict[str, str], params: list[Param], text: str) -> CannedQuery:
    for key in ("title", "description", "columns"):
        if not fields.get(key):
            raise GovkgError(
                f"{path}: the header has no '{key}:' line",
                fix=f"add '# {key}: …' at the top of the query",
            )
    raw = [c.strip() for c in fields["columns"].split(",")]
    columns = tuple(c.removesuffix("[]") for c in raw)
    lists = frozenset(c.removesuffix("[]") for c in raw if c.endswith("[]"))
    return CannedQuery(
        path.stem, path, fields["title"], fields["description"], tuple(params), columns, lists, text
    )


@cache
def canned_queries() -> dict[str, CannedQuery]:
    """Every canned query shipped with govkg, by name (sorted)."""
    found = (parse_header(p) for p in sorted(queries_dir().glob("*.rq")))
    return {q.name: q for q in found}


def find_query(name_or_path: str) -> CannedQuery:
    """A canned query by name, or any ``.rq`` file by path.

    :raises GovkgError: when neither exists (the message lists the canned names).
    """
    if name_or_path.endswith(".rq"):
        path = Path(name_or_path)
        if not path.exists() and not path.is_symlink():
            raise GovkgError(f"no query file {path}", fix="check the path")
        text = query_text(path)
        if not text.lstrip().startswith("# title:"):
            return CannedQuery(path.stem, path, path.stem, "", (), (), frozenset(), text)
        return parse_header(path)
    queries = canned_queries()
    if name_or_path not in queries:
        raise GovkgError(
            f"no canned query {name_or_path!r}",
            fix=f"use one of: {', '.join(queries)} (see 'govkg queries')",
        )
    return queries[name_or_path]
