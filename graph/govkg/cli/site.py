"""``govkg site``: a thin command over :mod:`govkg.site.write`."""

from __future__ import annotations

from pathlib import Path

import click

from govkg.cli.common import EXIT_CODES_HELP, out_console, reports_errors


@click.command(epilog=EXIT_CODES_HELP)
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to write the site into; what the site holds is replaced once it is complete.",
)
@click.option(
    "--data",
    default=Path("out"),
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="The build folder (written by 'govkg build').",
)
@click.option(
    "--site-url",
    metavar="URL",
    help="Where the site will be published (for void.ttl and the w3id redirect rules; "
    "default: https://example.org/govkg/).",
)
@reports_errors
def site(output: Path, data: Path, site_url: str | None) -> None:
    """Write a static site: a page plus Turtle and JSON-LD for every entity, an index with
    an offline search, the dataset's DCAT/VoID description and sample w3id redirect rules
    (see docs/publishing.md). The same build gives the same bytes."""
    from govkg.site.write import write_site

    if site_url is not None and not site_url.endswith("/"):
        site_url += "/"
    report = write_site(data, output, site_url=site_url)
    out_console.print(
        f"wrote {report.entities} entities, {report.pages} pages, {report.files} files → "
        f"{output}/ ({report.seconds:.1f} s, {report.pages / report.seconds:.0f} pages/s)"
    )
