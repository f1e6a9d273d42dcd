"""docs/serve.md stays in step with the code: every option, every error code, every route."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from govkg.cli.serve import EXIT_CODES_HELP, serve

ROOT = Path(__file__).resolve().parents[2]
DOC = (ROOT / "docs" / "serve.md").read_text(encoding="utf-8")
SERVER = ROOT / "graph" / "govkg" / "server"


def test_the_epilog_is_the_one_every_command_has():
    from govkg.cli import EXIT_CODES_HELP as everywhere

    assert everywhere == EXIT_CODES_HELP
    assert serve.epilog == everywhere


@pytest.mark.parametrize("option", sorted(o for p in serve.params for o in p.opts if o[:2] == "--"))
def test_every_option_is_documented(option):
    if option in ("--help", "--verbose"):
        return
    assert f"`{option}" in DOC or f"{option} " in DOC


def _codes() -> set[str]:
    found = set()
    for path in SERVER.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        found |= set(re.findall(r'HttpError\(\s*\d{3},\s*"([a-z-]+)"', text))
        found |= set(re.findall(r'code="([a-z-]+)"', text))
    return found - {
        "bad-request",
        "server-error",
        "internal-error",
        "shutting-down",
        "query-failed",
    }


@pytest.mark.parametrize("code", sorted(_codes()))
def test_every_error_code_is_documented(code):
    assert f"`{code}`" in DOC


@pytest.mark.parametrize(
    "route", ["/sparql", "/about", "/network", "/api/queries", "/ontology.ttl"]
)
def test_every_route_is_documented(route):
    assert f"`{route}" in DOC
