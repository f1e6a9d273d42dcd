"""Shared fixtures: one build of the seed and one of the corpus per test session, golden switch.

The corpus build (``govkg build``'s default: the seed and the corpus of real reports) is the
slowest fixture of the suite; tests in several folders read it, so it is made once here. Tests
must not write into the folders these fixtures return.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from govkg.build import Built, build
from govkg.resources import seed_record

TESTS = Path(__file__).parent
DATA = TESTS / "data"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/data/golden/*.ttl from the current code instead of comparing",
    )


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests that read the corpus build run on one pytest-xdist worker (``--dist loadgroup``),
    so it is built once, not once per worker. (``built_out`` of tests/ontology names it at
    run time, so it counts too.)"""
    for item in items:
        if {"corpus_build", "built_out"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.xdist_group("corpus"))


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def _built_into(folder: Path, paths: list[Path] | None) -> tuple[Built, Path]:
    out = folder / "out"
    return build(paths, out), out


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Built, Path]:
    """The seed record alone, built once: what ``build`` returned (graphs and findings, as
    ``assemble([seed_record()])`` returns them) and its ``out/`` folder."""
    return _built_into(tmp_path_factory.mktemp("seed"), [seed_record()])


@pytest.fixture(scope="session")
def seed_out(seed_build: tuple[Built, Path]) -> Path:
    """An ``out/`` folder built from the seed record alone."""
    return seed_build[1]


@pytest.fixture(scope="session")
def corpus_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Built, Path]:
    """``govkg build``'s default (the seed and the corpus of real reports), built once."""
    return _built_into(tmp_path_factory.mktemp("corpus"), None)


@pytest.fixture(scope="session")
def corpus_out(corpus_build: tuple[Built, Path]) -> Path:
    """The ``out/`` folder of the corpus build."""
    return corpus_build[1]
