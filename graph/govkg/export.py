"""Export a built dataset (``out/govkg.trig``) in another serialization, verified by re-parsing.

>>> import tempfile
>>> from govkg.build import build
>>> out = tempfile.mkdtemp()
>>> _ = build(None, out)
>>> b"govkg/id/org/lan" in export_graphs(out, "nt", None)
True
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset, URIRef

from govkg.errors import GovkgError
from govkg.namespaces import INFERRED_GRAPH, ONTOLOGY_GRAPH
from govkg.serialize import to_bytes, write_graphs


def read_dataset(data_dir: str | Path) -> dict[URIRef, set[tuple]]:
    """The named graphs of ``data_dir/govkg.trig``.

    :raises GovkgError: when the folder holds no build.
    """
    path = Path(data_dir) / "govkg.trig"
    if not path.is_file():
        raise GovkgError(f"no built graph at {path}", fix="run 'govkg build' first or pass --data")
    dataset = Dataset()
    dataset.parse(path, format="trig")
    graphs: dict[URIRef, set[tuple]] = {}
    for s, p, o, g in dataset.quads((None, None, None, None)):
        if g is None:
            continue
        graphs.setdefault(URIRef(g), set()).add((s, p, o))
    return graphs


def select(graphs: dict[URIRef, set[tuple]], *, inferred: bool, ontology: bool) -> dict:
    """Asserted graphs, plus the inferred and ontology graphs when asked for."""
    skip = set()
    if not inferred:
        skip.add(INFERRED_GRAPH)
    if not ontology:
        skip.add(ONTOLOGY_GRAPH)
    return {g: t for g, t in graphs.items() if g not in skip}


def export_graphs(
    data_dir: str | Path,
    fmt: str,
    output: Path | None,
    *,
    inferred: bool = False,
    ontology: bool = False,
) -> bytes:
    """Serialize the chosen graphs; with ``output``, write it atomically after a re-parse check."""
    chosen = select(read_dataset(data_dir), inferred=inferred, ontology=ontology)
    if output is not None:
        write_graphs(chosen, Path(output), fmt)
        return Path(output).read_bytes()
    return to_bytes(chosen, fmt)
