"""The build: records → resolved → triples per named graph → inferences → SHACL → files.

:func:`assemble` does all the work in memory and writes nothing; :func:`build` then
writes every output into a staging folder, checks each file by re-parsing it, and
only then moves them into the output folder — invalid records or a crash leave the
previous outputs untouched.

Triples are tuples of Oxigraph terms (``docs/decisions/0005-one-way.md``) from the ontology
files to the sorted N-Triples; rdflib is met only on the ``--reference`` paths (owlrl and
pySHACL), through :mod:`govkg.terms`.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

import pyoxigraph as ox

from govkg import ids
from govkg.engines import STORE_DIR, load_with_union, write_store
from govkg.entity_resolution import ResolvedRecords, resolve_records
from govkg.errors import GovkgError, RecordError, RecordErrors, ValidationFailed
from govkg.evidence import record_evidence_triples
from govkg.fastreason import infer_fast
from govkg.files import output_folder, replace_files
from govkg.gazetteer import Gazetteer
from govkg.memory import gc_paused
from govkg.names import NAMES_FILE, name_lines, write_names
from govkg.namespaces import ox_graph
from govkg.reason import infer
from govkg.records.load import load_paths
from govkg.records.model import RecordSet
from govkg.reference import concept_triples, reference_triples
from govkg.resources import default_record_paths, ontology_dir
from govkg.serialize import (
    StatementFiles,
    merged,
    sorted_lines,
    write_document,
    write_ntriples_files,
    write_statement_files,
)
from govkg.shacl.fast import check_store
from govkg.shacl.shapes import Finding, check_graph, violations
from govkg.shared_agreements import reconcile
from govkg.timing import StageTimes
from govkg.triples import record_triples
from govkg.vocab import Vocabulary

ONTOLOGY_FILES = ("govkg.ttl", "fields.ttl", "roles.ttl")
ONTOLOGY_GRAPH, REFERENCE_GRAPH, INFERRED_GRAPH = map(
    ox_graph, ("ontology", "reference", "inferred")
)
GraphName = ox.NamedNode


@dataclass
class Built:
    """A built dataset: graph name → triples, plus what SHACL said about it."""

    graphs: dict[GraphName, set[tuple]]
    """Graph name → triples (Oxigraph terms); emptied by :meth:`release`."""
    sources: list[str]
    findings: list[Finding] = field(default_factory=list)
    timings: StageTimes = field(default_factory=StageTimes, repr=False)
    names: list[str] = field(default_factory=list, repr=False)
    """The lines of ``names.tsv`` (:mod:`govkg.names`)."""
    _lines: dict[GraphName, list[str]] | None = field(default=None, repr=False)
    _counts: dict[str, int] | None = field(default=None, repr=False)

    def asserted(self) -> dict[GraphName, set[tuple]]:
        """Reference and source graphs: the data as stated, without ontology or inferences."""
        return {g: t for g, t in self.graphs.items() if g not in (ONTOLOGY_GRAPH, INFERRED_GRAPH)}

    def lines(self, *, release: bool = False) -> dict[GraphName, list[str]]:
        """Each graph's statements as sorted N-Triples texts, graphs by IRI (computed once).

        ``release``: free each graph's triples once its texts are made (see :meth:`release`)."""
        if self._lines is None:
            self.counts()
            take = self.graphs.pop if release else self.graphs.__getitem__
            with self.timings.stage("triples → sorted N-Triples texts"):
                self._lines = {name: sorted_lines(take(name)) for name in self.graph_names()}
        return self._lines

    def graph_names(self) -> list[GraphName]:
        """The graph names, sorted by IRI."""
        return sorted(self.graphs, key=lambda name: name.value)

    def counts(self) -> dict[str, int]:
        """Triples per named graph, by graph IRI (computed once; kept by :meth:`release`)."""
        if self._counts is None:
            self._counts = {name.value: len(self.graphs[name]) for name in self.graph_names()}
        return self._counts

    def release(self) -> None:
        """Free the triples and their texts, a big build's largest objects, once the files
        hold them; :meth:`counts` still answers."""
        self.counts()
        self.graphs, self._lines = {}, None


def ontology_triples() -> set[tuple]:
    """The ontology, cooperation fields and roles, as one set of triples.

    >>> from govkg.namespaces import OX
    >>> (OX.GOVKG.party, OX.RDF.type, OX.OWL.ObjectProperty) in ontology_triples()
    True
    """
    return {
        (quad.subject, quad.predicate, quad.object)
        for name in ONTOLOGY_FILES
        for quad in ox.parse(path=str(ontology_dir() / name), format=ox.RdfFormat.TURTLE)
    }


def resolve_all(record_sets: Sequence[RecordSet]) -> tuple[list[ResolvedRecords], Gazetteer]:
    """Resolve every file against one gazetteer (with all files' declarations); an agreement
    that several files describe gets one date and one set of titles."""
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
    return reconcile(resolved), gazetteer


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


def _assemble(paths: Iterable[str | Path] | None, reference: bool, check: bool = True) -> Built:
    times = StageTimes()
    with times.stage("read records"):
        record_sets = load_paths(list(paths) if paths else default_record_paths())
    with times.stage("resolve against the gazetteer"):
        resolved, gazetteer = resolve_all(record_sets)
    with times.stage("triples"):
        graphs = _graphs(record_sets, resolved, gazetteer)
    sources = sorted(r.source.id for r in resolved)
    del record_sets, resolved  # the triples say all that is needed from here on
    with times.stage("reason (owlrl)" if reference else "reason"):
        everything = set().union(*graphs.values())
        graphs[INFERRED_GRAPH] = infer(everything) if reference else infer_fast(everything)
        del everything
    built = Built(graphs, sources, timings=times)
    with times.stage("names.tsv lines"):
        built.names = list(name_lines(gazetteer, Vocabulary.fields(), ids.org))
    if check:
        with times.stage("SHACL"):
            built.findings = validate(built, reference=reference)
    return built


def _graphs(record_sets, resolved, gazetteer: Gazetteer) -> dict[GraphName, set[tuple]]:
    """The ontology, reference and source graphs (no inferences yet)."""
    graphs: dict[GraphName, set[tuple]] = {ONTOLOGY_GRAPH: ontology_triples()}
    used = {p.key for r in resolved for a in r.agreements for p in a.parties}
    graphs[REFERENCE_GRAPH] = set(reference_triples(gazetteer, used))
    for record_set, records in zip(record_sets, resolved, strict=True):
        graphs[ox_graph(f"source/{records.source.id}")] = set(record_triples(records)) | set(
            record_evidence_triples(record_set, records)
        )
    data = chain.from_iterable(t for g, t in graphs.items() if g != ONTOLOGY_GRAPH)
    graphs[REFERENCE_GRAPH] |= set(concept_triples(graphs[ONTOLOGY_GRAPH], data))
    return graphs


def validate(built: Built, *, reference: bool = False) -> list[Finding]:
    """SHACL findings: shapes compiled to SPARQL on Oxigraph, or pySHACL (the reference)."""
    if reference:
        from rdflib import Graph

        from govkg.terms import to_rdflib

        data = Graph()
        for triples in built.graphs.values():
            for triple in triples:
                data.add(tuple(map(to_rdflib, triple)))
        return check_graph(data)
    store = ox.Store()
    load_with_union(store, built.lines())
    return check_store(store, union=False)


Step = Callable[[Path], object]
"""A step that writes more files into the staged build folder (e.g. the network page)."""


def write_outputs(
    built: Built,
    out_dir: Path,
    *,
    reference: bool = False,
    also: Sequence[Step] = (),
    keep_triples: bool = True,
) -> list[Path]:
    """Validate and write the build's files into ``out_dir`` through a staging folder.

    The store is bulk-loaded in a second thread while the files are written; it is then
    validated in place while the ``also`` steps (``govkg build`` passes the network page)
    read it in another thread, and nothing replaces ``out_dir`` unless it holds no
    violation and every step succeeded. Returns the written paths. ``keep_triples=False``
    frees ``built``'s triples and texts as soon as they are written (:meth:`Built.release`).

    :raises ValidationFailed: SHACL violations (``built.findings`` holds every finding).
    """
    out_dir = output_folder(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.staging-", dir=out_dir.parent))
    try:
        _stage(built, staging, reference, also, keep_triples)
        names = sorted(p.name for p in staging.iterdir())
        replace_files(staging, out_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return [out_dir / name for name in names]


def _stage(
    built: Built, staging: Path, reference: bool, also: Sequence[Step], keep_triples: bool
) -> None:
    """Write every output into ``staging``; raise on violations (staging is then dropped).

    Without ``keep_triples`` the triples are freed once their texts are made, and the texts
    once the files are written (pySHACL, with ``reference``, still needs the triples)."""
    times = built.timings
    release = not (keep_triples or reference)
    lines = built.lines(release=release)
    with times.stage("statement files for the store"):
        files = write_statement_files(lines, staging)
    with ThreadPoolExecutor(max_workers=1) as loader:
        loaded = loader.submit(
            _timed, times, "store: bulk load + compaction", write_store, files, staging / STORE_DIR
        )
        with times.stage("govkg.trig, govkg.ttl, govkg-inferred.ttl (beside the store)"):
            _write_files(built, staging, files)
            write_names(built.names, staging / NAMES_FILE)
        loaded.result()
    del lines
    if release:
        built.release()
    for scratch in files.all():
        scratch.unlink()
    with ThreadPoolExecutor(max_workers=1) as runner:  # the extra steps, while SHACL runs
        steps = [runner.submit(_timed, times, _step_name(s), s, staging) for s in also]
        with times.stage("SHACL"):
            built.findings = _check(built, staging / STORE_DIR, reference)
        failures = [f for f in (step.exception() for step in steps) if f is not None]
    _raise_violations(built.findings)
    if failures:
        raise failures[0]


def _timed(times: StageTimes, name: str, function: Callable, *args) -> object:
    with times.stage(name):
        return function(*args)


def _step_name(step: Step) -> str:
    return f"{getattr(step, '__name__', 'step')} (beside SHACL)"


def _check(built: Built, store_dir: Path, reference: bool) -> list[Finding]:
    if reference:
        return validate(built, reference=True)
    return check_store(ox.Store.read_only(str(store_dir)), union=False)


def _raise_violations(findings: list[Finding]) -> None:
    failed = violations(findings)
    if failed:
        raise ValidationFailed("\n".join(f"  {f}" for f in failed), len(failed))


def _write_files(built: Built, staging: Path, files: StatementFiles) -> None:
    """govkg.trig (every named graph), govkg.ttl (the asserted union) and govkg-inferred.ttl,
    from N-Triples/N-Quads files in ``staging`` that are removed afterwards."""
    lines = built.lines()
    count = sum(len(part) for part in lines.values())
    write_document(files.named, count, staging / "govkg.trig", "trig")
    hidden = (ONTOLOGY_GRAPH, INFERRED_GRAPH)
    asserted = merged(part for name, part in lines.items() if name not in hidden)
    inferred = lines.get(INFERRED_GRAPH, [])
    for name, part in (("govkg.ttl", asserted), ("govkg-inferred.ttl", inferred)):
        sources = write_ntriples_files(part, staging / "part-{:04d}.nt")
        write_document(sources, len(part), staging / name, "ttl")
        for source in sources:
            source.unlink()


def build(
    paths: Iterable[str | Path] | None = None,
    out_dir: str | Path = "out",
    *,
    reference: bool = False,
    also: Sequence[Step] = (),
    keep_triples: bool = True,
) -> Built:
    """Build the graph from records (default: the bundled ones) and write ``out_dir``.

    ``also``: steps that add files to the build from its staged store, run while SHACL
    checks it (``govkg build`` passes :func:`govkg.network.write_build_page`).
    ``keep_triples=False``: the returned build holds no triples, only their counts, the
    findings and the timings (``govkg build`` passes it: at 10M triples the triples and
    their texts are most of the memory).

    :raises RecordErrors: bad records (exit 2); :raises ValidationFailed: SHACL violations (exit 1).
    """
    with gc_paused():
        built = _assemble(paths, reference, check=False)
        write_outputs(
            built, Path(out_dir), reference=reference, also=also, keep_triples=keep_triples
        )
    return built


__all__ = ["Built", "GovkgError", "assemble", "build", "write_outputs"]
