"""``govkg network``: a thin command over :mod:`govkg.network`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from govkg.cli.common import (
    EXIT_CODES_HELP,
    data_option,
    default_data,
    endpoint_option,
    err_console,
    reports_errors,
    shown,
)
from govkg.errors import GovkgError


@click.command(epilog=EXIT_CODES_HELP)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="File to write (default: JSON on standard output). The suffix gives the format.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["html", "graphml", "gexf", "json", "png", "svg"]),
    help="Output format (default: from the suffix of -o, else json).",
)
@data_option()
@endpoint_option
@shown(
    "--view",
    type=click.Choice(["cooperation", "bipartite", "signatories"]),
    default="cooperation",
    help="cooperation: body–body, weighted by shared agreements; bipartite: body–agreement; "
    "signatories: person → body they signed for.",
)
@click.option("--field", help="Only agreements in this cooperation field or a narrower one.")
@click.option("--since", metavar="YYYY-MM-DD", help="Only agreements signed on or after this date.")
@click.option(
    "--until", metavar="YYYY-MM-DD", help="Only agreements signed on or before this date."
)
@click.option(
    "--kind",
    type=click.Choice(["central", "local"]),
    help="Only central bodies or only local governments (and the ties among them).",
)
@click.option("--province", help="Only bodies in this province (name, code or IRI).")
@click.option(
    "--partners",
    is_flag=True,
    help="With --kind/--province: also keep the partners of the selected bodies.",
)
@click.option("--ego", metavar="BODY", help="Only BODY and what lies within --depth steps of it.")
@shown("--depth", type=click.IntRange(0, 20), default=1, help="Steps from the --ego body.")
@click.option(
    "--successors",
    is_flag=True,
    help="Draw bodies merged into or renamed as another (org:ChangeEvent) as their successor.",
)
@click.option(
    "--rollup",
    is_flag=True,
    help="Draw units (a dinas, a regional office: org:OrganizationalUnit) as the body they "
    "belong to.",
)
@shown(
    "--chart",
    type=click.Choice(["network", "years"]),
    default="network",
    help="png/svg only: the network, or agreements per year.",
)
@click.option("--no-metrics", is_flag=True, help="Skip the metrics (faster on very large graphs).")
@reports_errors
def network(
    output: Path | None,
    fmt: str | None,
    data: tuple[Path, ...],
    endpoint: str | None,
    view: str,
    field: str | None,
    since: str | None,
    until: str | None,
    kind: str | None,
    province: str | None,
    partners: bool,
    ego: str | None,
    depth: int,
    successors: bool,
    rollup: bool,
    chart: str,
    no_metrics: bool,
) -> None:
    """Cooperation network views: an offline page, Gephi/Cytoscape files or pictures.

    Nodes carry degree, weighted degree, betweenness, PageRank, Louvain community and
    component; edges carry the number of agreements, their fields, first and last dates,
    agreement IRIs and sources. HTML is one self-contained file that works offline.

    \b
    Examples:
      govkg network -o network.html
      govkg network --field pendidikan --since 2015-01-01 -o pendidikan.gexf
      govkg network --ego LAN --depth 2 --format graphml -o lan.graphml
      govkg network --view signatories --format png -o signatories.png
      govkg network --endpoint http://localhost:8890/sparql -o network.html
    """
    from govkg.network import Filters, format_for, network_from_data, write_network

    chosen = format_for(output, fmt)
    if output is None and chosen in ("html", "png", "svg"):
        raise GovkgError(f"{chosen} needs an output file", fix=f"add -o FILE.{chosen}")
    filters = Filters(
        field=field,
        since=since,
        until=until,
        kind=kind,
        province=province,
        ego=ego,
        depth=depth,
        partners=partners,
    )
    graph = network_from_data(
        default_data(data),
        view=view,
        filters=filters,
        successors=successors,
        rollup=rollup,
        metrics=not no_metrics,
        endpoint=endpoint,
    )
    if output is None:
        from govkg.network.export import export_bytes

        sys.stdout.buffer.write(export_bytes(graph, chosen))
    else:
        write_network(graph, output, chosen, chart=chart)
    summary = f"{len(graph)} nodes, {graph.number_of_edges()} edges ({view} view)"
    if not graph.number_of_edges():
        summary += "; nothing matches these filters"
    err_console.print(f"wrote {output or 'standard output'}: {summary}", markup=False)
