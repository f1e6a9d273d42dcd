"""Export a build (``out/``) or RDF files in another serialization, verified by re-parsing.

>>> import tempfile
>>> from govkg.build import build
>>> out = tempfile.mkdtemp()
>>> _ = build(None, out)
>>> b"govkg/id/org/lan" in export_graphs(out, "nt", None)
True
>>> written = export_files(out, ["ttl", "nt"], Path(out) / "dist", describe=Description())
>>> [p.name for p in written]
['govkg.ttl', 'govkg.nt', 'shapes.ttl', 'ontology.ttl', 'reused-terms.ttl', 'void.ttl']
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pyoxigraph as ox

from govkg.engines import data_files, load_quads
from govkg.errors import GovkgError
from govkg.files import write_atomic
from govkg.namespaces import INFERRED_GRAPH, ONTOLOGY_GRAPH
from govkg.resources import ontology_dir
from govkg.serialize import FORMATS, serialize_items, statements, write_quads
from govkg.void import Description, write_description

VALIDATION_FILES = {
    "shapes.ttl": "shapes.ttl",
    "ontology.ttl": "govkg.ttl",
    "reused-terms.ttl": "imports/reused-terms.ttl",
}
"""What ``--describe`` ships beside the data so that it validates on its own (issue 19): the
SHACL shapes, the ontology for the inference an export without ``--inferred`` needs, and the
declarations of the reused terms the ontology imports (so OWL tools read it offline); the
field and role concepts the data uses are in its reference graph already. Name → file in
``ontology/``."""


def read_dataset(data: str | Path | Sequence[str | Path]) -> list[ox.Quad]:
    """The quads of ``data``: a build folder (its ``govkg.trig``) or RDF files of any kind
    ``--data`` takes, read by :func:`govkg.engines.load_quads`, the reader of the one store
    loader (so ``export`` sees the graphs ``query``, ``serve`` and ``network`` see).

    :raises GovkgError: when a folder holds no build, or a file is refused or malformed.
    """
    paths = [data] if isinstance(data, str | Path) else list(data)
    return load_quads(data_files([Path(p) for p in paths]))


def select(quads: list[ox.Quad], *, inferred: bool, ontology: bool) -> list[ox.Quad]:
    """Asserted graphs, plus the inferred and ontology graphs when asked for."""
    skip = set()
    if not inferred:
        skip.add(str(INFERRED_GRAPH))
    if not ontology:
        skip.add(str(ONTOLOGY_GRAPH))
    return [q for q in quads if q.graph_name.value not in skip]


def export_graphs(
    data_dir: str | Path | Sequence[str | Path],
    fmt: str,
    output: Path | None,
    *,
    inferred: bool = False,
    ontology: bool = False,
) -> bytes:
    """Serialize the chosen graphs; with ``output``, write it atomically after a re-parse check."""
    if fmt not in FORMATS:
        raise GovkgError(f"unknown format {fmt!r}", fix=f"use one of {', '.join(FORMATS)}")
    chosen = select(read_dataset(data_dir), inferred=inferred, ontology=ontology)
    if output is not None:
        write_quads(chosen, Path(output), fmt)
        return Path(output).read_bytes()
    ox_format, keep_graphs = FORMATS[fmt]
    return serialize_items(statements(chosen, keep_graphs), ox_format)


def output_files(formats: list[str], output: str | Path) -> list[tuple[Path, str]]:
    """Where each format goes: ``output`` itself for one format and a file name, else
    ``output/govkg.<format>`` when ``output`` is a folder (existing, ending in ``/``, or
    given several formats)."""
    folder = Path(output).is_dir() or str(output).endswith("/") or len(formats) > 1
    if not folder:
        return [(Path(output), formats[0])]
    return [(Path(output) / f"govkg.{fmt}", fmt) for fmt in formats]


def export_files(
    data_dir: str | Path | Sequence[str | Path],
    formats: list[str],
    output: str | Path,
    *,
    inferred: bool = False,
    ontology: bool = False,
    describe: Description | None = None,
) -> list[Path]:
    """Write the chosen graphs in each format (each re-parsed and compared), and with
    ``describe`` the shapes and the ontology (:data:`VALIDATION_FILES`) and a DCAT/VoID
    ``void.ttl`` beside them. Returns the paths written.

    :raises GovkgError: for an unknown format, a missing build, an unwritable folder or, with
        ``describe``, an output named like a file shipped beside it.
    """
    for fmt in formats:
        if fmt not in FORMATS:
            raise GovkgError(f"unknown format {fmt!r}", fix=f"use one of {', '.join(FORMATS)}")
    chosen = select(read_dataset(data_dir), inferred=inferred, ontology=ontology)
    targets = output_files(list(dict.fromkeys(formats)), output)
    folder = targets[0][0].parent
    if describe is not None:
        _check_names([path for path, _ in targets])
    for path, fmt in targets:
        write_quads(chosen, path, fmt)
    written = [path for path, _ in targets]
    if describe is not None:
        shipped = write_validation_files(folder)
        written += [*shipped, write_description(chosen, targets, folder, describe, shipped)]
    return written


def _check_names(paths: list[Path]) -> None:
    for path in paths:
        if path.name in (*VALIDATION_FILES, "void.ttl"):
            raise GovkgError(
                f"{path}: --describe writes a file of that name beside the export",
                fix="name the output govkg.<format> or give -o a folder",
            )


def write_validation_files(folder: Path) -> list[Path]:
    """Copy :data:`VALIDATION_FILES` into ``folder``, each atomically.

    :raises OutputError: when the folder cannot be written.
    """
    written = []
    for name, source in VALIDATION_FILES.items():
        write_atomic(Path(folder) / name, (ontology_dir() / source).read_bytes())
        written.append(Path(folder) / name)
    return written
