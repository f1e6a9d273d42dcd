"""A PNG of a network page, taken by headless Chromium (Debian's, driven by Playwright).

    python scripts/screenshot.py out/network.html docs/images/network.png

Used for the README's picture (``make screenshot``). The page is opened from the file, offline
(any request that leaves the file is aborted and reported), and shot once the page says it is
ready and the layout has settled.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
from govkg_tools.browser import PAGE_READY, launch_chromium


def screenshot(page_file: Path, target: Path, width: int = 1200, height: int = 720) -> None:
    """Open ``page_file`` in headless Chromium and write a PNG of it to ``target``."""
    outside: list[str] = []
    with sync_playwright() as pw:
        browser = launch_chromium(pw)
        page = browser.new_page(viewport={"width": width, "height": height})
        page.route(
            "**/*",
            lambda route: (
                route.continue_()
                if route.request.url.startswith("file:")
                else (outside.append(route.request.url), route.abort())
            ),
        )
        page.goto(page_file.resolve().as_uri())
        page.wait_for_function(PAGE_READY, timeout=60_000)
        page.wait_for_timeout(3000)  # let the physics settle
        target.parent.mkdir(parents=True, exist_ok=True)
        temp = target.with_suffix(".tmp.png")
        page.screenshot(path=str(temp))
        temp.replace(target)
        browser.close()
    if outside:
        sys.exit(f"the page asked for outside resources: {outside}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", type=Path)
    parser.add_argument("target", type=Path)
    parser.add_argument("--width", type=int, default=1200)
    parser.add_argument("--height", type=int, default=720)
    args = parser.parse_args()
    screenshot(args.page, args.target, args.width, args.height)
    print(f"wrote {args.target}")


if __name__ == "__main__":
    main()
