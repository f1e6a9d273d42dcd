"""The site's queries: ``queries/site/<name>.rq`` files in the canned-query format.

Each takes its parameters bound by the engine (never written into the text) and runs on
anything with the :class:`govkg.engines.Engine` ``select`` verb: the embedded store, or the
server's worker pool. A line ``#page`` in a query marks where the rows of one page are cut
(``LIMIT``/``OFFSET`` written from the page number, a checked integer: SPARQL has no bound
parameter there). A line ``#values ?a ?b`` takes a list of rows of terms (the items of a page
the hub index gives, :mod:`govkg.site.hubs`): a ``VALUES`` block of their SPARQL text, each
term checked by :func:`govkg.terms.sparql_term` (a variable binds one term, not a list).

>>> [p.name for p in site_query("statements").params]
['entity']
>>> paged("SELECT ?s WHERE { ?s ?p ?o }\\n#page", 3).splitlines()[-1]
'LIMIT 100 OFFSET 200'
>>> from rdflib import URIRef
>>> with_values("SELECT ?s WHERE {\\n#values ?s\\n?s ?p ?o }", [[URIRef("urn:a")]]).splitlines()[1]
'VALUES (?s) { (<urn:a>) }'
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import cache, partial

from rdflib.term import Node

from govkg.canned import CannedQuery, find_query, parse_header
from govkg.engines import Row
from govkg.errors import GovkgError
from govkg.query import bind
from govkg.resources import queries_dir
from govkg.site import tables
from govkg.terms import rdflib_bindings, sparql_term, to_oxigraph

VALUES_MARK = "#values"
"""The line where a query takes a list of rows of terms (``#values ?a ?b``)."""
PAGE_MARK = "#page"
"""The line where a query's rows are cut into pages (``#page`` or ``#page ORDER BY …``)."""
MAX_PAGE = 100_000
"""The last page number a query is cut at (10 million rows)."""

Select = Callable[[str, dict[str, Node]], tuple[list[str], list[Row]]]
"""What runs a SELECT with bound variables: ``Engine.select`` or an adapter."""
CANNED = ("partners",)
"""Queries of the canned library (``queries/<name>.rq``) the pages reuse."""


class Tables:
    """Rows read beforehand (:class:`govkg.site.prefetch.Prefetched`): :func:`rows` asks
    them instead of running the query."""

    def rows(self, name: str, params: Mapping[str, str], page: int = 1) -> list[dict]:
        raise NotImplementedError


Source = Select | Tables
"""Where the pages' rows come from: the store (a ``select`` verb) or rows read before."""


@cache
def site_query(name: str) -> CannedQuery:
    """The site query ``name``.

    :raises GovkgError: no such file in ``queries/site/``.
    """
    if name in CANNED:
        return find_query(name)
    path = queries_dir() / "site" / f"{name}.rq"
    if not path.is_file():
        raise GovkgError(f"no site query {path}", fix="reinstall govkg (queries/site/ is missing)")
    return parse_header(path)


def gather(
    select: Source, calls: Sequence[tuple[str, Mapping[str, str], int]]
) -> list[list[dict[str, Node | None]]]:
    """:func:`rows` of each ``(name, params, page)`` in ``calls``, in their order: at once
    when ``select`` can run queries side by side (``govkg serve``'s worker pool offers a
    ``gather`` verb), else one after the other.

    >>> from govkg.engines import OxigraphEngine
    >>> select = OxigraphEngine.from_turtle("<https://x.org/a> <urn:p> <https://x.org/b> .").select
    >>> calls = [("incoming-count", {"entity": f"https://x.org/{x}"}, 1) for x in "ab"]
    >>> [len(found) for found in gather(select, calls)]
    [0, 1]
    """
    side_by_side = getattr(select, "gather", None)
    if side_by_side is None:
        return [rows(select, *call) for call in calls]
    return side_by_side([partial(rows, select, *call) for call in calls])


def paged(text: str, page: int) -> str:
    """``text`` with its ``#page`` line replaced by the ``LIMIT``/``OFFSET`` of ``page``,
    after the ``ORDER BY`` the line holds if any (a subquery's order matters only for its
    cut, so a bulk query reading every row leaves both out: :func:`unpaged`).

    >>> paged("SELECT ?s WHERE { ?s ?p ?o }\\n#page ORDER BY ?s", 2).splitlines()[-1]
    'ORDER BY ?s LIMIT 100 OFFSET 100'

    :raises GovkgError: ``page`` is not a whole number from 1 to :data:`MAX_PAGE`.
    """
    check_page(page)
    size = tables.PAGE_SIZE  # read here: tests shorten it
    cut = f"LIMIT {size} OFFSET {(page - 1) * size}"
    return "\n".join(
        f"{line.strip()[len(PAGE_MARK) :].strip()} {cut}".lstrip() if _is_mark(line) else line
        for line in text.splitlines()
    )


def unpaged(text: str) -> str:
    """``text`` with its ``#page`` line left out: every row, in no order (the prefetched
    site's bulk queries group and sort them in Python).

    >>> unpaged("SELECT ?s WHERE { { SELECT ?s WHERE { ?s ?p ?o }\\n#page ORDER BY ?s\\n} }")
    'SELECT ?s WHERE { { SELECT ?s WHERE { ?s ?p ?o }\\n} }'
    """
    return "\n".join(line for line in text.splitlines() if not _is_mark(line))


def with_values(text: str, values: Sequence[Sequence[Node]]) -> str:
    """``text`` with its ``#values ?a …`` line replaced by a ``VALUES`` block of ``values``
    (rows of rdflib terms, one per variable).

    :raises GovkgError: a term cannot be written (a blank node, an invalid IRI or tag).
    """

    def block(line: str) -> str:
        names = line.strip()[len(VALUES_MARK) :].split()
        cells = (" ".join(sparql_term(to_oxigraph(term)) for term in row) for row in values)
        return f"VALUES ({' '.join(names)}) {{ {' '.join(f'({c})' for c in cells)} }}"

    return "\n".join(
        block(line) if line.strip().startswith(VALUES_MARK + " ") else line
        for line in text.splitlines()
    )


def _is_mark(line: str) -> bool:
    mark = line.strip()
    return mark == PAGE_MARK or mark.startswith(PAGE_MARK + " ")


def check_page(page: int) -> None:
    """Refuse anything but a whole number from 1 to :data:`MAX_PAGE` (not text, not a bool).

    :raises GovkgError: ``page`` is not a page number.
    """
    if isinstance(page, bool) or not isinstance(page, int) or not 1 <= page <= MAX_PAGE:
        raise GovkgError(f"page {page!r} is not a page number", fix=f"use 1 to {MAX_PAGE}")


def rows(
    select: Source,
    name: str,
    params: Mapping[str, str],
    page: int = 1,
    values: Sequence[Sequence[Node]] | None = None,
) -> list[dict[str, Node | None]]:
    """Run site query ``name`` with ``params`` bound (the rows of ``page`` when the query has
    a ``#page`` line, ``values`` at its ``#values`` line); its rows as dicts of the declared
    columns. A ``select`` with a ``values`` verb (``govkg serve``'s) is handed the text with
    the ``#values`` line and the values, to check the text once and write them after.

    With prefetched ``select`` (:class:`Tables`), its rows for ``params``.

    :raises GovkgError: a parameter is missing or not of its type, the page number is not
        one, or the query fails.
    """
    if isinstance(select, Tables):
        check_page(page)
        return select.rows(name, params, page)
    query = site_query(name)
    text = paged(query.text_for(set(params)), page)
    bindings = rdflib_bindings(bind(query, params))
    if values is None:
        names, found = select(text, bindings)
    elif hasattr(select, "values"):
        names, found = select.values(text, bindings, values)
    else:
        names, found = select(with_values(text, values), bindings)
    columns = [c for c in query.columns if c in names]
    where = [names.index(c) for c in columns]
    return [dict(zip(columns, (row[i] for i in where), strict=True)) for row in found]
