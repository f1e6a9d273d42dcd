"""The notebooks run top to bottom, and are committed without outputs.

Each notebook runs in a fresh kernel of this interpreter (a kernel spec written into a temporary
folder, so a ``python3`` kernel installed elsewhere on the machine cannot be picked instead), in a
temporary working folder and with ``TMPDIR`` pointing into pytest's own temporary folder, so
nothing lands in the repository and nothing is left behind.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from pathlib import Path

import nbformat
import pytest
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
PATHS = sorted(NOTEBOOKS.glob("*.ipynb"))
TIMEOUT = 120  # seconds per cell; a notebook takes a few seconds on a loaded 2-CPU machine


def _strip_module():
    spec = importlib.util.spec_from_file_location("notebook_strip", NOTEBOOKS / "strip.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def kernel_dirs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """A ``python3`` kernel spec that starts this interpreter (the venv's)."""
    folder = tmp_path_factory.mktemp("kernels")
    spec = {
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
    }
    (folder / "python3").mkdir()
    (folder / "python3" / "kernel.json").write_text(json.dumps(spec), encoding="utf-8")
    return [str(folder)]


def test_there_are_notebooks() -> None:
    assert [p.name for p in PATHS] == [
        "01-quickstart.ipynb",
        "02-cooperation-network.ipynb",
        "03-from-news-to-graph.ipynb",
    ]


@pytest.mark.slow
@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.stem)
def test_notebook_runs(path: Path, tmp_path: Path, kernel_dirs: list[str]) -> None:
    cwd, tmp = tmp_path / "cwd", tmp_path / "tmp"
    cwd.mkdir()
    tmp.mkdir()
    notebook = nbformat.read(path, as_version=4)
    manager = KernelManager(
        kernel_name="python3", kernel_spec_manager=KernelSpecManager(kernel_dirs=kernel_dirs)
    )
    client = NotebookClient(
        notebook,
        km=manager,
        timeout=TIMEOUT,
        resources={"metadata": {"path": str(cwd)}},
        extra_arguments=["--HistoryManager.enabled=False"],
    )
    # cleanup_kc: stop the kernel afterwards (nbclient leaves a kernel it was handed running)
    client.execute(cleanup_kc=True, env={**os.environ, "TMPDIR": str(tmp)})
    errors = [o for c in notebook.cells for o in c.get("outputs", []) if o.output_type == "error"]
    assert not errors
    assert not list(cwd.iterdir()), "the notebook wrote into its working folder"


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.stem)
def test_notebook_is_stripped(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    notebook = nbformat.reads(text, as_version=4)
    nbformat.validate(notebook)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, cell.id
        assert set(cell.metadata) <= {"tags"}, cell.id
    assert set(notebook.metadata) <= {"kernelspec", "language_info"}
    assert text == _strip_module().stripped_text(text), (
        f"{path.name} has outputs or metadata noise: run .venv/bin/python notebooks/strip.py"
    )
