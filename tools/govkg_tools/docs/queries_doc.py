"""``docs/queries.md``: the canned query library, from the header comments of ``queries/*.rq``
(read by :func:`govkg.canned.parse_header`, the same parser ``govkg query`` uses).

>>> text = queries_reference()
>>> "## partners" in text and "govkg query partners -p agency=LAN" in text
True
"""

from __future__ import annotations

from govkg.canned import CannedQuery, canned_queries
from govkg_tools.docs.ontology_page import md

EXAMPLES = {"organization": "LAN", "date": "2019-01-01", "integer": "10", "string": "…"}
"""An example value per parameter type, for the command line shown with each query."""


def example(query: CannedQuery) -> str:
    """A command that runs the query, with its required parameters filled in."""
    params = "".join(
        f" -p {p.name}={EXAMPLES.get(p.type, '…')}" for p in query.params if p.required
    )
    return f"govkg query {query.name}{params}"


def queries_reference() -> str:
    """The Markdown text of ``docs/queries.md``."""
    queries = list(canned_queries().values())
    lines = [
        "# Canned queries",
        "",
        "The SPARQL queries that ship with govkg (`queries/<name>.rq`). Run one with",
        "`govkg query NAME [-p NAME=VALUE]...`, list them with `govkg queries`. Parameters are",
        "bound by the engine, never written into the query text; an organization can be given by",
        "acronym, label or IRI. Generated from the queries' header comments by",
        "`python -m govkg_tools.docs` (`make docs`); do not edit by hand.",
        "",
        "| query | answers | parameters |",
        "|---|---|---|",
        *(
            f"| [`{q.name}`](#{q.name}) | {md(q.title)} | "
            f"{', '.join(f'`{p.name}`' for p in q.params) or '—'} |"
            for q in queries
        ),
        "",
    ]
    for query in queries:
        lines += section(query)
    return "\n".join(lines)


def section(query: CannedQuery) -> list[str]:
    """One query's section: title, description, parameters, columns, a command."""
    lines = [f"## {query.name}", "", f"**{md(query.title)}.** {md(query.description)}", ""]
    if query.params:
        lines += ["| parameter | type | required | meaning |", "|---|---|---|---|"]
        lines += [
            f"| `{p.name}` | {p.type} | {'yes' if p.required else 'no'} | {md(p.description)} |"
            for p in query.params
        ]
        lines.append("")
    columns = ", ".join(
        f"`{c}`" + (" (list, `; `-separated)" if c in query.list_columns else "")
        for c in query.columns
    )
    lines += [f"Columns: {columns}.", ""]
    lines += ["```sh", example(query), "```", ""]
    lines += [f"Source: [`queries/{query.name}.rq`](../queries/{query.name}.rq)", ""]
    return lines
