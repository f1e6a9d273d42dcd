"""Shared fixtures: one build of the bundled records per test session, golden-file switch."""

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


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def seed_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An ``out/`` folder built from the seed record alone."""
    out = tmp_path_factory.mktemp("seed") / "out"
    build([seed_record()], out)
    return out


@pytest.fixture(scope="session")
def seed_built(seed_out: Path) -> Built:
    from govkg.build import assemble

    return assemble([seed_record()])
