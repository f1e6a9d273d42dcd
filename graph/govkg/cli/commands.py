"""The ``govkg`` command: a thin layer over the library; every command has --help.

Exit codes: 0 ok; 1 findings (SHACL violations); 2 bad input or usage (malformed
records, unknown names, unwritable outputs). Expected failures print one message
that says what to fix, never a traceback.
"""

from __future__ import annotations

import importlib
import sys
import time
from itertools import islice
from pathlib import Path

import click

from govkg import __version__
from govkg.cli.common import (
    EXIT_CODES_HELP,
    data_option,
    default_data,
    endpoint_option,
    engine_option,
    err_console,
    escape,
    out_console,
    reports_errors,
)
from govkg.errors import EXIT_FINDINGS, EXIT_OK, GovkgError

__all__ = ["EXIT_CODES_HELP", "err_console", "main", "out_console", "reports_errors"]


LAZY_COMMANDS = {
    "extract": (
        "govkg.cli.extract",
        "Extract records, with evidence, from plain-text news reports of signings.",
    ),
    "network": (
        "govkg.cli.network",
        "Cooperation network views: an offline page, Gephi/Cytoscape files or pictures.",
    ),
    "push": (
        "govkg.cli.push",
        "Push the built graph to a SPARQL 1.1 store, replacing each named graph there.",
    ),
    "serve": (
        "govkg.cli.serve",
        "Serve built data read-only: SPARQL 1.1 at /sparql, a web UI at /.",
    ),
    "site": (
        "govkg.cli.site",
        "Write a static site: a page plus Turtle and JSON-LD for every entity, an index with an "
        "offline search, the dataset's DCAT/VoID description and sample w3id redirect rules "
        "(see docs/publishing.md). The same build gives the same bytes.",
    ),
}
"""Commands of other modules: name → (module, the first paragraph of its help). The module
is imported when the command runs or prints its help; ``govkg --help`` lists the paragraph
(a test keeps it in step with the command)."""


class LazyGroup(click.Group):
    """A group whose :data:`LAZY_COMMANDS` are imported only when used, so that
    ``govkg --help`` and ``govkg query`` do not import the server, push, network, extraction
    and site commands (and what they import).

    >>> main.list_commands(None)[:3]
    ['build', 'export', 'extract']
    """

    def list_commands(self, ctx: click.Context | None) -> list[str]:
        """Every command's name, sorted."""
        return sorted({*self.commands, *LAZY_COMMANDS})

    def get_command(self, ctx: click.Context | None, name: str) -> click.Command | None:
        """The command called ``name``, imported now if it is one of :data:`LAZY_COMMANDS`."""
        if name in LAZY_COMMANDS and name not in self.commands:
            module = importlib.import_module(LAZY_COMMANDS[name][0])
            self.add_command(getattr(module, name))
        return self.commands.get(name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The "Commands" section as click writes it, without importing the lazy commands."""
        names = self.list_commands(ctx)
        limit = formatter.width - 6 - max(len(name) for name in names)
        rows = []
        for name in names:
            if name in self.commands:
                if not self.commands[name].hidden:
                    rows.append((name, self.commands[name].get_short_help_str(limit)))
            else:
                stand_in = click.Command(name, help=LAZY_COMMANDS[name][1])
                rows.append((name, stand_in.get_short_help_str(limit)))
        with formatter.section("Commands"):
            formatter.write_dl(rows)


records_argument = click.argument(
    "records", nargs=-1, type=click.Path(exists=True, dir_okay=True, path_type=Path)
)


@click.group(
    cls=LazyGroup,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog=EXIT_CODES_HELP,
)
@click.version_option(__version__, prog_name="govkg")
def main() -> None:
    """govkg: government bodies, their officials and the agreements they sign, as a graph.

    Files: every -o output is written to a temporary file beside it and renamed over it. Onto a
    symlink, the link's target is written and the link kept; a FIFO, a device or a folder where
    a file belongs (or a file where a folder belongs) is refused (exit 2) and left as it was.
    Inputs (records, reports, .rq files, --data) must be regular files within a size limit; a
    file in a folder you give may not be a symlink leading out of it (docs/records.md).
    """


@main.command(epilog=EXIT_CODES_HELP)
@records_argument
@click.option(
    "-o",
    "--out",
    "out_dir",
    default="out",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Output folder.",
)
@click.option(
    "--reference",
    is_flag=True,
    help="Use the slow references: owlrl for inferences and pySHACL for validation.",
)
@click.option("-v", "--verbose", is_flag=True, help="Print the wall time of each stage.")
@reports_errors
def build(records: tuple[Path, ...], out_dir: Path, reference: bool, verbose: bool) -> None:
    """Build the graph from RECORDS (files or folders; default: the bundled records).

    Writes OUT/govkg.ttl (asserted data and the reference entities it uses),
    OUT/govkg-inferred.ttl (inferences only) and OUT/govkg.trig (all named graphs).
    Invalid records or SHACL violations leave OUT as it was.
    """
    from govkg.build import build as run_build
    from govkg.network import write_build_page

    started = time.perf_counter()
    built = run_build(
        records or None, out_dir, reference=reference, also=[write_build_page], keep_triples=False
    )
    _print_findings(built.findings)
    if verbose:
        err_console.print(built.timings.table(), markup=False)
    counts = built.counts()
    out_console.print(
        f"built {len(built.sources)} source(s), {sum(counts.values())} triples in "
        f"{len(counts)} graphs → {out_dir}/ ({time.perf_counter() - started:.1f} s)"
    )


@main.command(epilog=EXIT_CODES_HELP)
@click.argument(
    "records", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=True, path_type=Path)
)
@click.option(
    "--reference",
    is_flag=True,
    help="Use the slow references: owlrl for inferences and pySHACL for validation.",
)
@reports_errors
def validate(records: tuple[Path, ...], reference: bool) -> None:
    """Check RECORDS and the graph they make (SHACL); writes nothing."""
    from govkg.build import assemble
    from govkg.shacl.shapes import violations

    built = assemble(records, reference=reference)
    _print_findings(built.findings)
    failed = violations(built.findings)
    if failed:
        err_console.print(f"{len(failed)} violation(s)")
        sys.exit(EXIT_FINDINGS)
    out_console.print(f"ok: {len(built.sources)} source(s), no violations")
    sys.exit(EXIT_OK)


@main.command(epilog=EXIT_CODES_HELP)
@click.option(
    "--format",
    "formats",
    type=click.Choice(["ttl", "nt", "trig", "nq", "jsonld"]),
    default=["ttl"],
    multiple=True,
    show_default=True,
    help="Serialization (repeatable: several formats go into the folder -o names).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(),
    help="File to write, or a folder (existing, ending in /, or with several formats) that gets "
    "govkg.<format> files (default: standard output).",
)
@data_option()
@click.option(
    "--inferred/--no-inferred", default=False, show_default=True, help="Include the inferred graph."
)
@click.option(
    "--ontology/--no-ontology",
    "with_ontology",
    default=False,
    show_default=True,
    help="Include the ontology, fields and roles.",
)
@click.option(
    "--describe",
    is_flag=True,
    help="Also write void.ttl beside the output: a DCAT/VoID description with counts, "
    "license, dates and one distribution per file; and shapes.ttl, ontology.ttl and "
    "reused-terms.ttl, so that "
    "the files validate with pySHACL alone.",
)
@click.option(
    "--base-url",
    metavar="URL",
    help="Where the files will be published (download URLs; default: relative to void.ttl).",
)
@click.option("--sparql-endpoint", metavar="URL", help="A SPARQL endpoint serving the data.")
@click.option(
    "--issued",
    metavar="YYYY-MM-DD",
    help="Publication date (default: the date of the newest source in the data).",
)
@click.option(
    "--license",
    "license_iri",
    metavar="IRI",
    default="https://spdx.org/licenses/MIT",
    show_default=True,
    help="License of the data, as an IRI.",
)
@reports_errors
def export(
    formats: tuple[str, ...],
    output: str | None,
    data: tuple[Path, ...],
    inferred: bool,
    with_ontology: bool,
    describe: bool,
    base_url: str | None,
    sparql_endpoint: str | None,
    issued: str | None,
    license_iri: str,
) -> None:
    """Export the built graph (or the RDF files given with --data, read as query and serve
    read them); every file is re-parsed and compared before it replaces one.

    ttl and nt hold the union of the chosen graphs (nt sorted, byte-identical across
    rebuilds); trig, nq and jsonld keep the named graphs. With --describe, void.ttl
    describes the written files (DCAT 3 and VoID), and the SHACL shapes and the ontology are
    written beside them (see docs/publishing.md).
    """
    from govkg.dataset_export import export_files, export_graphs
    from govkg.void import Description

    paths = default_data(data)
    options = {"--base-url": base_url, "--sparql-endpoint": sparql_endpoint, "--issued": issued}
    stray = [name for name, value in options.items() if value]
    if stray and not describe:
        raise GovkgError(f"{', '.join(stray)}: only with --describe", fix="add --describe")
    if output is None:
        if describe or len(formats) > 1:
            raise GovkgError("--describe and several --format need -o", fix="add -o FOLDER/")
        text = export_graphs(paths, formats[0], None, inferred=inferred, ontology=with_ontology)
        sys.stdout.buffer.write(text)
        return
    about = Description(base_url, sparql_endpoint, issued, license_iri) if describe else None
    written = export_files(
        paths, list(formats), output, inferred=inferred, ontology=with_ontology, describe=about
    )
    for path in written:
        err_console.print(f"wrote {path} ({path.stat().st_size} bytes)", markup=False)


def _print_findings(findings) -> None:
    for finding in findings:
        err_console.print(str(finding), markup=False)


def _parse_params(values: tuple[str, ...]) -> dict[str, str]:
    params: dict[str, str] = {}
    for item in values:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise GovkgError(f"parameter {item!r} is not NAME=VALUE", fix="write -p agency=LAN")
        if name.strip() in params:
            raise GovkgError(f"parameter {name.strip()!r} given twice", fix="give it once")
        params[name.strip()] = value
    return params


@main.command(epilog=EXIT_CODES_HELP)
@click.argument("name_or_file")
@click.option(
    "-p",
    "--param",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help="A query parameter (repeatable). Organizations: acronym, label or IRI.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "tsv", "json", "md"]),
    default="table",
    show_default=True,
    help="Output format (json: SPARQL 1.1 JSON).",
)
@data_option()
@engine_option
@click.option(
    "--raw-csv",
    is_flag=True,
    help="CSV without the spreadsheet guard (cells starting = + - @ kept as they are).",
)
@endpoint_option
@reports_errors
def query(
    name_or_file: str,
    params: tuple[str, ...],
    fmt: str,
    data: tuple[Path, ...],
    engine: str,
    raw_csv: bool,
    endpoint: str | None,
) -> None:
    """Run a canned query by NAME (see 'govkg queries') or a SPARQL SELECT in FILE.rq.

    Parameters are bound by the engine, never written into the query text.
    """
    from govkg.memory import gc_paused
    from govkg.query import run_query

    # No cyclic collection while the rows live, and none of them left when it resumes: a
    # collection would walk every row (0.05 s at 25,000 rows); rows and cells make no cycles.
    with gc_paused():
        given = _parse_params(params)
        _write_result(
            run_query(name_or_file, given, default_data(data), engine, endpoint), fmt, raw_csv
        )


def _write_result(result, fmt: str, raw_csv: bool) -> None:
    """Write a query's rows to standard output in ``fmt``, as they are rendered."""
    from govkg.results import rendered

    start, lines, end = rendered(result.columns, result.terms, fmt, raw_csv=raw_csv)
    sys.stdout.flush()
    out = sys.stdout.buffer  # written as the rows come, not joined first
    if fmt == "table":
        out.write(f"{result.query.title}\n\n".encode())
    out.write(start)
    while chunk := b"".join(islice(lines, 1000)):  # a write per 1,000 rows, not per row
        out.write(chunk)  # not writelines: click's test runner copies only what write() gets
    out.write(end)
    out.flush()


@main.command(epilog=EXIT_CODES_HELP)
@reports_errors
def queries() -> None:
    """List the canned queries with their parameters and result columns."""
    from govkg.canned import canned_queries
    from govkg.query import describe_params

    for q in canned_queries().values():
        out_console.print(f"[bold]{q.name}[/]: {escape(q.title)}")
        out_console.print(f"  {escape(q.description)}", markup=False)
        out_console.print(f"  parameters: {describe_params(q)}", markup=False)
        for p in q.params:
            out_console.print(f"    {p.name}: {p.description}", markup=False)
        out_console.print(f"  columns: {', '.join(q.columns)}", markup=False)


@main.command(epilog=EXIT_CODES_HELP)
@click.option(
    "--agreements",
    type=click.IntRange(1, 10_000_000),
    required=True,
    help="How many agreements to generate.",
)
@click.option("--seed", type=int, default=0, show_default=True, help="Random seed.")
@click.option(
    "-o",
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the records.",
)
@reports_errors
def synth(agreements: int, seed: int, out_dir: Path) -> None:
    """Write deterministic synthetic records (JSON, one file per source) for scale tests."""
    from govkg.files import output_folder
    from govkg.synth import write_synthetic

    if output_folder(out_dir).exists() and any(out_dir.iterdir()):
        raise GovkgError(f"{out_dir} is not empty", fix="give a new or empty folder")
    written = write_synthetic(out_dir, agreements, seed)
    out_console.print(f"wrote {agreements} agreements in {len(written)} files → {out_dir}/")
