"""Where queries run: Oxigraph (embedded, the default) or rdflib's own engine (the reference).

Both answer SELECT queries with the same shape — variable names and rows — so results,
tests and views do not care which engine ran: :meth:`~Engine.solutions` binds Oxigraph
terms and answers with Oxigraph terms (what ``govkg query`` uses: rdflib is not even
imported on that path), :meth:`~Engine.select` does the same with rdflib terms. Parameters
are bound through each engine's API (Oxigraph ``substitutions``, rdflib ``initBindings``).

>>> engine = OxigraphEngine.from_turtle(
...     "<https://w3id.org/govkg/id/org/lan> <urn:p> 'x' .")
>>> engine.solutions("SELECT ?s WHERE { ?s <urn:p> ?o }", {})
(['s'], [[<NamedNode value=https://w3id.org/govkg/id/org/lan>]])
>>> engine.select("SELECT ?s WHERE { ?s <urn:p> ?o }", {})
(['s'], [[rdflib.term.URIRef('https://w3id.org/govkg/id/org/lan')]])
"""

from __future__ import annotations

import gc
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import pyoxigraph as ox

from govkg.errors import GovkgError
from govkg.files import open_input
from govkg.memory import gc_paused
from govkg.order import ordered

if TYPE_CHECKING:  # rdflib and the writers are imported where they are used
    from rdflib import Dataset
    from rdflib.term import Node

    from govkg.serialize import StatementFiles

Row = list["Node | None"]
STORE_DIR = "store"
MAX_DATA_BYTES = 64 * 1024**3
"""Largest RDF file read with ``--data`` (64 GiB: a bound, not a budget; files are streamed)."""
_FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".trig": ox.RdfFormat.TRIG,
    ".nq": ox.RdfFormat.N_QUADS,
    ".jsonld": ox.RdfFormat.JSON_LD,
}
_RDFLIB_FORMATS = {
    ".ttl": "turtle",
    ".nt": "nt",
    ".trig": "trig",
    ".nq": "nquads",
    ".jsonld": "json-ld",
}
_DATASET_FORMATS = (ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS, ox.RdfFormat.JSON_LD)


class Engine(Protocol):
    """What the query runner needs from an engine."""

    name: str

    def solutions(self, text: str, bindings: Mapping[str, ox.Term]) -> tuple[list[str], list]:
        """Run a SELECT query with bound variables (Oxigraph terms); return variable names
        and rows of Oxigraph terms (or None)."""
        ...

    def select(self, text: str, bindings: dict[str, Node]) -> tuple[list[str], list[Row]]:
        """:meth:`solutions` with rdflib terms in and out."""
        ...


def _read_quads(path: Path) -> list[ox.Quad]:
    """A file's statements; triples of a Turtle/N-Triples file go into a graph named after it."""
    fmt = _FORMATS.get(path.suffix)
    if fmt is None:
        raise GovkgError(
            f"cannot read {path}: unknown RDF format", fix=f"use one of {', '.join(_FORMATS)}"
        )
    try:
        with open_data(path) as stream:
            parsed = list(ox.parse(stream, format=fmt))
    except (SyntaxError, ValueError, OSError) as err:
        raise GovkgError(f"cannot read {path}: {err}", fix="check the file") from err
    if fmt in _DATASET_FORMATS:
        return parsed
    graph = ox.NamedNode(_file_graph(path))
    return [ox.Quad(q.subject, q.predicate, q.object, graph) for q in parsed]


def _file_graph(path: Path) -> str:
    """The graph a Turtle or N-Triples file's triples go into: the file's own IRI."""
    return path.resolve().as_uri()


def open_data(path: Path, within: Path | None = None):
    """An RDF data file opened through :func:`govkg.files.open_input` (a regular file of at
    most :data:`MAX_DATA_BYTES`; with ``within``, not a link out of that folder).

    :raises GovkgError: the file is refused.
    """
    return open_input(path, limit=MAX_DATA_BYTES, within=within)


class OxigraphEngine:
    """Queries on a pyoxigraph Store, the default graph being the union of all graphs."""

    name = "oxigraph"

    def __init__(self, store: ox.Store) -> None:
        self.store = store

    @classmethod
    def open(cls, path: Path) -> OxigraphEngine:
        """Open a store written by ``govkg build`` (read-only, milliseconds)."""
        try:
            return cls(ox.Store.read_only(str(path)))
        except OSError as err:
            raise GovkgError(
                f"cannot open the store {path}: {err}", fix="rebuild it with 'govkg build'"
            ) from err

    @classmethod
    def from_files(cls, paths: list[Path]) -> OxigraphEngine:
        """Load RDF files (Turtle, N-Triples, TriG, N-Quads, JSON-LD) into a new in-memory
        store, as :func:`load_store` does."""
        return cls(load_store(paths))

    @classmethod
    def from_turtle(cls, text: str) -> OxigraphEngine:
        """A store holding one Turtle document (handy in examples and tests)."""
        store = ox.Store()
        store.bulk_extend(
            with_union(list(ox.parse(text.encode("utf-8"), format=ox.RdfFormat.TURTLE)))
        )
        return cls(store)

    def solutions(self, text: str, bindings: Mapping[str, ox.Term]) -> tuple[list[str], list]:
        """Rows of Oxigraph terms; a final ``ORDER BY`` of plain variables is sorted in
        Python (:mod:`govkg.order`), which is faster on the on-disk store.

        The garbage collector is paused meanwhile: 25,000 rows of new lists set off
        collections that walk everything the process holds (0.6-1.1 s per query at 1M
        triples with earlier results alive, as in a notebook).
        """
        subs = {ox.Variable(k): v for k, v in bindings.items()}
        with gc_paused():  # rows are new lists: collections would walk every live object
            return ordered(lambda query: self._solutions(query, subs), text)

    def select(self, text: str, bindings: dict[str, Node]) -> tuple[list[str], list[Row]]:
        """:meth:`solutions` with rdflib terms in and out."""
        from govkg.terms import to_oxigraph, to_rdflib

        names, rows = self.solutions(text, {k: to_oxigraph(v) for k, v in bindings.items()})
        with gc_paused():
            return names, [[to_rdflib(term) for term in row] for row in rows]

    def _solutions(self, text: str, subs: dict) -> tuple[list[str], list[list]]:
        result = None
        try:  # the result is dropped here, also on errors (it is thread-bound)
            result = self.store.query(text, substitutions=subs or None)
            if not isinstance(result, ox.QuerySolutions):
                raise GovkgError("only SELECT queries return rows", fix="use a SELECT query")
            return [v.value for v in result.variables], [list(solution) for solution in result]
        except (SyntaxError, RuntimeError, OSError) as err:
            raise GovkgError(f"query failed: {err}", fix="check the query") from None
        finally:
            del result


class RdflibEngine:
    """Queries on rdflib's own engine over a Dataset (default graph = union), the reference."""

    name = "rdflib"

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset

    @classmethod
    def from_files(cls, paths: list[Path]) -> RdflibEngine:
        """Parse RDF files into a Dataset whose default graph is the union of its graphs."""
        from rdflib import Dataset, URIRef

        dataset = Dataset(default_union=True)
        for path in paths:
            fmt = _RDFLIB_FORMATS.get(path.suffix)
            if fmt is None:
                raise GovkgError(
                    f"cannot read {path}: unknown RDF format",
                    fix=f"use one of {', '.join(_RDFLIB_FORMATS)}",
                )
            dataset_format = fmt in ("trig", "nquads", "json-ld")
            iri = URIRef(_file_graph(path))
            graph = dataset if dataset_format else dataset.graph(iri)
            with open_data(path) as stream:
                graph.parse(file=stream, format=fmt, publicID=iri)
        return cls(dataset)

    def solutions(self, text: str, bindings: Mapping[str, ox.Term]) -> tuple[list[str], list]:
        """:meth:`select` with Oxigraph terms in and out."""
        from govkg.terms import to_oxigraph, to_rdflib

        names, rows = self.select(text, {k: to_rdflib(v) for k, v in bindings.items()})
        with gc_paused():
            return names, [[None if t is None else to_oxigraph(t) for t in row] for row in rows]

    def select(self, text: str, bindings: dict[str, Node]) -> tuple[list[str], list[Row]]:
        try:
            result = self.dataset.query(text, initBindings=bindings or None)
        except Exception as err:  # rdflib raises parser and evaluation errors of many types
            raise GovkgError(f"query failed: {err}", fix="check the query") from err
        if result.type != "SELECT":
            raise GovkgError("only SELECT queries return rows", fix="use a SELECT query")
        names = [str(v) for v in result.vars]
        return names, [list(row) for row in result]


def data_files(paths: list[Path]) -> list[Path]:
    """RDF files to load: a build folder stands for its ``govkg.trig``.

    Each is checked as :func:`open_data` will read it: a regular file (a build folder's
    ``govkg.trig`` not a link out of the folder), so a bad one is named before any loading.

    :raises GovkgError: a path is missing, a folder holds no build, or a file is refused.
    """
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            trig = path / "govkg.trig"
            if not trig.exists() and not trig.is_symlink():
                raise GovkgError(
                    f"{path} holds no built graph",
                    fix="run 'govkg build' first or pass RDF files with --data",
                )
            open_data(trig, within=path).close()
            files.append(trig)
        elif path.exists() or path.is_symlink():
            open_data(path).close()
            files.append(path)
        else:
            raise GovkgError(
                f"no such file or folder: {path}", fix="run 'govkg build' first, or check --data"
            )
    return files


def load_store(files: list[Path], folder: Path | None = None) -> ox.Store:
    """The one way govkg loads RDF files into Oxigraph (``query``, ``network``, ``push`` and
    ``serve`` all come here): each file's statements, Turtle and N-Triples in a graph named
    after the file, and their union once more as the default graph (:func:`with_union`).

    In memory, or on disk in ``folder`` (compacted, then closed and reopened read-only by
    whoever serves it).

    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "a.trig"
    >>> _ = path.write_text("<urn:g> { <urn:a> <urn:b> <urn:c> }")
    >>> store = load_store([path])
    >>> len(store), bool(store.query("ASK { <urn:a> <urn:b> <urn:c> }"))
    (2, True)

    :raises GovkgError: a file is refused, of an unknown format or malformed.
    """
    store = ox.Store() if folder is None else ox.Store(str(folder))
    store.bulk_extend(with_union(load_quads(files)))
    if folder is not None:
        store.flush()
        store.optimize()
    return store


def load_quads(files: list[Path]) -> list[ox.Quad]:
    """The statements of ``files`` as :func:`load_store` reads them, before the union: TriG,
    N-Quads and JSON-LD with their graphs, Turtle and N-Triples in a graph named after the file.
    ``export`` writes these (it needs the named graphs, not the union default graph).

    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "a.ttl"
    >>> _ = path.write_text("<urn:a> <urn:b> <urn:c> .")
    >>> [quad] = load_quads([path])
    >>> quad.graph_name.value == path.resolve().as_uri()
    True

    :raises GovkgError: a file is refused, of an unknown format or malformed.
    """
    quads: list[ox.Quad] = []
    for path in files:
        quads.extend(_read_quads(path))
    return quads


def open_engine(paths: list[Path], engine: str = "oxigraph") -> Engine:
    """The engine over ``paths``: a build folder's store when there is one, else loaded files."""
    if engine == "rdflib":
        return RdflibEngine.from_files(data_files(paths))
    if len(paths) == 1 and (paths[0] / STORE_DIR).is_dir():
        return OxigraphEngine.open(paths[0] / STORE_DIR)
    return OxigraphEngine.from_files(data_files(paths))


def with_union(quads: list[ox.Quad]) -> list[ox.Quad]:
    """``quads`` plus each distinct triple once in the default graph.

    Oxigraph's "default graph as union" counts a triple once per named graph holding it,
    which multiplies joins when many sources restate one fact; a default graph holding the
    deduplicated union gives set semantics, as rdflib and the SPARQL spec's merge do. (The
    store keeps a set, so a triple that several graphs hold lands in the default graph once.)
    """
    return [*quads, *(ox.Quad(q.subject, q.predicate, q.object) for q in quads)]


def load_with_union(store: ox.Store, graph_lines: Mapping) -> None:
    """Bulk-load each graph's statement texts into its named graph and their union, once
    per distinct triple, into the default graph (see :func:`with_union`).

    ``graph_lines`` maps graph names to :func:`govkg.serialize.sorted_lines` texts.

    >>> store = ox.Store()
    >>> line = "<urn:a> <urn:b> <urn:c>"
    >>> load_with_union(store, {ox.NamedNode("urn:g1"): [line], ox.NamedNode("urn:g2"): [line]})
    >>> len(store), len(list(store.quads_for_pattern(None, None, None, ox.DefaultGraph())))
    (3, 1)
    """
    import tempfile

    from govkg.serialize import write_statement_files

    with tempfile.TemporaryDirectory(prefix="govkg-load-") as folder:
        load_files(store, write_statement_files(graph_lines, Path(folder)))


def load_files(store: ox.Store, files: StatementFiles) -> None:
    """Bulk-load the named graphs and, as the default graph, their union, file by file
    (one bulk load of a million quads takes ~1.5 GB; one of 250k, a few hundred MB).

    Loaded leniently: the files are Oxigraph's own texts of terms it has already checked, so
    their IRIs are not validated again (12 % less CPU per file at 1M triples).
    """
    for path in files.named:
        store.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS, lenient=True)
    for path in files.union:
        store.bulk_load(path=str(path), format=ox.RdfFormat.N_TRIPLES, lenient=True)


def write_store(files: StatementFiles, folder: Path) -> None:
    """Write an on-disk Oxigraph store holding the graphs and their union as default graph.

    The store is compacted after the bulk load: queries on it run 2-3x faster.
    """
    store = ox.Store(str(folder))
    load_files(store, files)
    store.flush()
    store.optimize()
    del store
    gc.collect()  # closes the store before anyone opens the folder again
