"""The site's queries: ``queries/site/<name>.rq`` files in the canned-query format.

Each takes its parameters bound by the engine (never written into the text) and runs on
anything with the :class:`govkg.engines.Engine` ``select`` verb: the embedded store, or the
server's worker pool.

>>> [p.name for p in site_query("statements").params]
['entity']
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache

from rdflib.term import Node

from govkg.canned import CannedQuery, parse_header
from govkg.engines import Row
from govkg.errors import GovkgError
from govkg.query import bind
from govkg.resources import queries_dir

Select = Callable[[str, dict[str, Node]], tuple[list[str], list[Row]]]
"""What runs a SELECT with bound variables: ``Engine.select`` or an adapter."""


@cache
def site_query(name: str) -> CannedQuery:
    """The site query ``name``.

    :raises GovkgError: no such file in ``queries/site/``.
    """
    path = queries_dir() / "site" / f"{name}.rq"
    if not path.is_file():
        raise GovkgError(f"no site query {path}", fix="reinstall govkg (queries/site/ is missing)")
    return parse_header(path)


def rows(select: Select, name: str, params: Mapping[str, str]) -> list[dict[str, Node | None]]:
    """Run site query ``name`` with ``params`` bound; its rows as dicts of the declared columns.

    :raises GovkgError: a parameter is missing or not of its type, or the query fails.
    """
    query = site_query(name)
    names, found = select(query.text_for(set(params)), bind(query, params))
    columns = [c for c in query.columns if c in names]
    where = [names.index(c) for c in columns]
    return [dict(zip(columns, (row[i] for i in where), strict=True)) for row in found]
