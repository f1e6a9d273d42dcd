"""Remote tests: a private Virtuoso Open Source 7 per session, on loopback.

Tests marked ``remote`` need Virtuoso. They run when ``GOVKG_REMOTE_TESTS=1`` (what
``make test-remote`` sets) or when ``tests/remote`` is named on the pytest command line;
a whole-suite run (``make test``) skips them, and ``GOVKG_REMOTE_TESTS=0`` always does.
Without ``virtuoso-t`` they skip, naming ``make test-remote``, which installs it. The
other tests in this folder need no server and always run.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from govkg.build import build
from govkg.remote import push
from govkg.synth import write_synthetic
from govkg_tools import virtuoso as vt

HERE = Path(__file__).parent
ENV = "GOVKG_REMOTE_TESTS"
SYNTHETIC_AGREEMENTS = 1300  # ≈ 100k triples


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "remote: needs a private Virtuoso on loopback (run with make test-remote)"
    )


def _named_here(config: pytest.Config) -> bool:
    base = config.invocation_params.dir
    for arg in config.args:
        path = (base / arg.split("::")[0]).resolve()
        if path == HERE or HERE in path.parents:
            return True
    return False


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    wanted = os.environ.get(ENV)
    if wanted == "1" or (wanted != "0" and _named_here(config)):
        return
    skip = pytest.mark.skip(reason=f"remote tests run with 'make test-remote' ({ENV}=1)")
    for item in items:
        if item.get_closest_marker("remote"):
            item.add_marker(skip)


class Remote:
    """The session's Virtuoso and what was last pushed to it (pushes mirror a build)."""

    def __init__(self, instance: vt.Virtuoso) -> None:
        self.instance = instance
        self.current: tuple[str, ...] | None = None

    @property
    def endpoint(self) -> str:
        return self.instance.endpoint

    @property
    def credentials(self):
        return self.instance.credentials

    def push(self, *data: Path, **options):
        """Push ``data`` (mirroring it on the store) and remember it."""
        report = push(list(data), self.endpoint, credentials=self.credentials, **options)
        self.current = tuple(str(d) for d in data) if not options else None
        return report

    def ensure(self, *data: Path) -> None:
        """Push ``data`` unless it is what the store holds now."""
        if self.current != tuple(str(d) for d in data):
            self.push(*data)


@pytest.fixture(scope="session")
def remote(tmp_path_factory: pytest.TempPathFactory):
    if not vt.available():
        pytest.skip("virtuoso-t is not installed: run 'make test-remote', which installs it")
    instance = vt.start_virtuoso(tmp_path_factory.mktemp("virtuoso"))
    try:
        yield Remote(instance)
    finally:
        instance.stop()


@pytest.fixture(scope="session")
def synthetic_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A build of ≈1300 synthetic agreements (≈100k triples), once per session."""
    records = tmp_path_factory.mktemp("remote-synth-records")
    write_synthetic(records, agreements=SYNTHETIC_AGREEMENTS, seed=23)
    out = tmp_path_factory.mktemp("remote-synth") / "out"
    build([records], out)
    return out
