"""The build: records → resolved → triples per named graph → inferences → SHACL → files.

:func:`assemble` does all the work in memory and writes nothing; :func:`build` then
writes every output into a staging folder, checks each file by re-parsing it, and
only then moves them into the output folder — invalid records or a crash leave the
previous outputs untouched.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, URIRef

from govkg.engines import STORE_DIR, write_store
from govkg.errors import GovkgError, RecordError, RecordErrors, ValidationFailed
from govkg.extract.evidence import record_evidence_triples
from govkg.fastreason import infer_fast
from govkg.files import replace_files
from govkg.gazetteer import Gazetteer
from govkg.memory import gc_paused
from govkg.namespaces import INFERRED_GRAPH, ONTOLOGY_GRAPH, REFERENCE_GRAPH, graph_iri
from govkg.network import write_build_page
from govkg.reason import infer
from govkg.records.load import load_paths
from govkg.records.model import RecordSet
from govkg.reference import reference_triples
from govkg.resolve import ResolvedRecords, resolve_records
from govkg.resources import bundled_records_dir, ontology_dir
from govkg.serialize import to_oxigraph, write_quads
from govkg.shacl_sparql import check_store
from govkg.shapes import Finding, check_graph, violations
from govkg.triples import record_triples
from govkg.vocab import Vocabulary

ONTOLOGY_FILES = ("govkg.ttl", "fields.ttl", "roles.ttl")


@dataclass
class Built:
    """A built dataset: graph name → triples, plus what SHACL said about it."""

    graphs: dict[URIRef, set[tuple]]
    sources: list[str]
    findings: list[Finding] = field(default_factory=list)
    _quads: list | None = field(default=None, repr=False)

    def asserted(self) -> dict[URIRef, set[tuple]]:
        """Reference and source graphs: the data as stated, without ontology or inferences."""
        return {g: t for g, t in self.graphs.items() if g not in (ONTOLOGY_GRAPH, INFERRED_GRAPH)}

    def quads(self) -> list:
        """All graphs as Oxigraph quads (computed once)."""
        if self._quads is None:
            self._quads = to_oxigraph(self.graphs)
        return self._quads

    def counts(self) -> dict[str, int]:
        """Triples per named graph, by graph IRI."""
        return {str(g): len(t) for g, t in sorted(self.graphs.items())}


def ontology_triples() -> set[tuple]:
    """The ontology, cooperation fields and roles, as one set of triples."""
    graph = Graph()
    for name in ONTOLOGY_FILES:
        graph.parse(ontology_dir() / name, format="turtle")
    return set(graph)


def resolve_all(record_sets: Sequence[RecordSet]) -> tuple[list[ResolvedRecords], Gazetteer]:
    """Resolve every file against one gazetteer (with all files' declarations)."""
    _check_source_ids(record_sets)
    gazetteer = Gazetteer.bundled().with_declarations(
        d for records in record_sets for d in records.organizations
    )
    fields, roles = Vocabulary.fields(), Vocabulary.roles()
    errors: list[RecordError] = []
    resolved = []
    for records in record_sets:
        try:
            resolved.append(resolve_records(records, gazetteer, fields=fields, roles=roles))
        except RecordErrors as err:
            errors.extend(err.errors)
    if errors:
        raise RecordErrors(errors)
    return resolved, gazetteer


def _check_source_ids(record_sets: Sequence[RecordSet]) -> None:
    first: dict[str, str] = {}
    for records in record_sets:
        other = first.setdefault(records.source.id, records.path)
        if other != records.path:
            where = records.source.where
            raise RecordError(
                where.file,
                "source.id",
                f"source id {records.source.id!r} is also used by {other}",
                fix="give each source its own id",
                line=where.line,
            )


def assemble(paths: Iterable[str | Path] | None = None, *, reference: bool = False) -> Built:
    """Load, resolve, make triples, infer and validate; nothing is written.

    :raises RecordErrors: records that are malformed or name unknown bodies.
    """
    with gc_paused():
        return _assemble(paths, reference)


def _assemble(paths: Iterable[str | Path] | None, reference: bool) -> Built:
    record_sets = load_paths(list(paths) if paths else [bundled_records_dir()])
    resolved, gazetteer = resolve_all(record_sets)
    graphs: dict[URIRef, set[tuple]] = {ONTOLOGY_GRAPH: ontology_triples()}
    used = {p.key for r in resolved for a in r.agreements for p in a.parties}
    graphs[REFERENCE_GRAPH] = set(reference_triples(gazetteer, used))
    for record_set, records in zip(record_sets, resolved, strict=True):
        graphs[graph_iri(f"source/{records.source.id}")] = set(record_triples(records)) | set(
            record_evidence_triples(record_set, records)
        )
    everything = set().union(*graphs.values())
    graphs[INFERRED_GRAPH] = infer(everything) if reference else infer_fast(everything)
    built = Built(graphs, sorted(r.source.id for r in resolved))
    built.findings = validate(built, reference=reference)
    return built


def validate(built: Built, *, reference: bool = False) -> list[Finding]:
    """SHACL findings: shapes compiled to SPARQL on Oxigraph, or pySHACL (the reference)."""
    if reference:
        data = Graph()
        for triples in built.graphs.values():
            for triple in triples:
                data.add(triple)
        return check_graph(data)
    store = ox.Store()
    store.bulk_extend(built.quads())
    return check_store(store)


def write_outputs(built: Built, out_dir: Path) -> list[Path]:
    """Write the build's files into ``out_dir`` through a staging folder; returns their paths."""
    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    quads = built.quads()
    hidden = {str(ONTOLOGY_GRAPH), str(INFERRED_GRAPH)}
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.staging-", dir=out_dir.parent))
    try:
        write_quads(
            [q for q in quads if q.graph_name.value not in hidden], staging / "govkg.ttl", "ttl"
        )
        write_quads(
            [q for q in quads if q.graph_name.value == str(INFERRED_GRAPH)],
            staging / "govkg-inferred.ttl",
            "ttl",
        )
        write_quads(quads, staging / "govkg.trig", "trig")
        write_store(quads, staging / STORE_DIR)
        write_build_page(staging)
        names = sorted(p.name for p in staging.iterdir())
        replace_files(staging, out_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return [out_dir / name for name in names]


def build(
    paths: Iterable[str | Path] | None = None,
    out_dir: str | Path = "out",
    *,
    reference: bool = False,
) -> Built:
    """Build the graph from records (default: the bundled ones) and write ``out_dir``.

    :raises RecordErrors: bad records (exit 2); :raises ValidationFailed: SHACL violations (exit 1).
    """
    built = assemble(paths, reference=reference)
    failed = violations(built.findings)
    if failed:
        raise ValidationFailed("\n".join(f"  {f}" for f in failed), len(failed))
    with gc_paused():
        write_outputs(built, Path(out_dir))
    return built


__all__ = ["Built", "GovkgError", "assemble", "build", "write_outputs"]
