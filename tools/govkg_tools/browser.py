"""How govkg's tests, benchmarks and screenshots start a real browser: Debian's Chromium,
driven by Playwright, kept offline (no background networking, no component updates).

Playwright is a development dependency; this module only holds the settings and the launch.

>>> CHROMIUM.name, "--disable-background-networking" in CHROMIUM_ARGS
('chromium', True)
"""

from __future__ import annotations

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
)
PAGE_READY = "() => window.govkg !== undefined && window.govkg.ready !== null"
"""True once a govkg network page has drawn its graph (``page.wait_for_function``)."""


def launch_chromium(playwright):
    """A headless Chromium from ``sync_playwright()``'s object, with the offline flags."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS))
