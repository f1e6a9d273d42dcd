"""A small synthetic build shared by the query tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from govkg.build import build
from govkg.synth import write_synthetic


@pytest.fixture(scope="session")
def synthetic_out(tmp_path_factory) -> Path:
    """80 synthetic agreements (seed 11), built once."""
    records = tmp_path_factory.mktemp("synth-records")
    write_synthetic(records, agreements=80, seed=11)
    out = tmp_path_factory.mktemp("synth") / "out"
    build([records], out)
    return out
