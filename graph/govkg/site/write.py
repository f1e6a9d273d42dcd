"""``govkg site -o DIR``: every entity's page and description files, an index, an offline
search, the dataset's DCAT/VoID description and sample w3id redirect rules.

Layout (``DIR``)::

    index.html  search-index.js  index/<kind>.html  static/…  w3id.htaccess
    id/<kind>/<slug>.html  .ttl  .jsonld  (.2.html .2.ttl .2.jsonld … for long pages)
    data/govkg.ttl  data/void.ttl  data/shapes.ttl …     (as ``govkg export --describe``)

The site is written into a folder beside ``DIR`` and moved into place when complete
(:func:`govkg.files.replace_files`); the same build gives the same bytes.
"""

from __future__ import annotations

import gc
import json
import multiprocessing
import os
import shutil
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from govkg.engines import STORE_DIR, OxigraphEngine
from govkg.errors import GovkgError
from govkg.files import output_folder, replace_files
from govkg.site.describe import describe
from govkg.site.links import Links, entity_path
from govkg.site.pages import entity_page, kind_of
from govkg.site.prefetch import prefetch, shared_tables
from govkg.site.queries import Source, Tables, rows
from govkg.site.render import nav, render_page, render_template

ASSETS = {  # file in static/ → where it ships in the package
    "style.css": ("server", "static", "style.css"),
    "site.css": ("server", "static", "site.css"),
    "favicon.svg": ("server", "static", "favicon.svg"),
    "search.js": ("site", "static", "search.js"),
}
EXTENSIONS = ("ttl", "jsonld")
"""Description files written beside each page (``govkg serve`` also answers N-Triples)."""
HTACCESS = """# Sample rules for a w3id.org-style namespace (https://github.com/perma-id/w3id.org):
# put this file at w3id.org/govkg/.htaccess and set SITE to where this site is published.
# https://w3id.org/govkg/id/org/lan answers 303 See Other to the page or the description the
# client asked for (Cool URIs for the Semantic Web, section 4.3).
Options +FollowSymLinks
RewriteEngine on
Header append Vary Accept
RewriteRule ^ - [E=SITE:{site}]

RewriteCond %{{HTTP_ACCEPT}} text/turtle
RewriteRule ^id/(.+)$ %{{ENV:SITE}}id/$1.ttl [R=303,L]
RewriteCond %{{HTTP_ACCEPT}} application/ld\\+json
RewriteRule ^id/(.+)$ %{{ENV:SITE}}id/$1.jsonld [R=303,L]
RewriteRule ^id/(.+)$ %{{ENV:SITE}}id/$1.html [R=303,L]
RewriteRule ^$ %{{ENV:SITE}}index.html [R=303,L]
"""
DEFAULT_SITE_URL = "https://example.org/govkg/"


@dataclass(frozen=True)
class SiteReport:
    """What a site run wrote: entities, pages (HTML files), all files, seconds taken."""

    entities: int
    pages: int
    files: int
    seconds: float


def write_site(
    data: Path, output: Path, *, site_url: str | None = None, jobs: int | None = None
) -> SiteReport:
    """Write the static site of the build folder ``data`` into ``output``, the entities'
    pages in ``jobs`` processes (default: one per CPU; each opens the store read-only).

    :raises GovkgError: ``data`` holds no build, or ``output`` cannot be written.
    """
    started = time.perf_counter()
    store = Path(data) / STORE_DIR
    if not store.is_dir():
        raise GovkgError(f"{data} holds no built store", fix="run 'govkg build' first")
    engine = OxigraphEngine.open(store)
    target = output_folder(output)
    target.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        entities, pages = _write_all(
            engine, Path(data), staging, site_url or DEFAULT_SITE_URL, jobs or os.cpu_count() or 1
        )
        files = sum(len(names) for _, _, names in os.walk(staging))  # no stat per file
        replace_files(staging, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return SiteReport(entities, pages, files, time.perf_counter() - started)


def _write_all(
    engine: OxigraphEngine, data: Path, folder: Path, site_url: str, jobs: int
) -> tuple[int, int]:
    select = engine.select
    found = [
        (str(r["entity"]), str(r["label"] or ""))
        for r in rows(select, "entities", {})
        if entity_path(str(r["entity"]))
    ]
    known = {iri for iri, _ in found}
    segments: dict[str, list[str]] = defaultdict(list)
    for iri, _ in found:
        segments[entity_path(iri).split("/")[1]].append(iri)
    for parent in sorted({(folder / entity_path(iri)).parent for iri in known}):
        parent.mkdir(parents=True, exist_ok=True)  # once here, not per entity
    shared = shared_tables(select)
    pages = 0
    for segment, iris in sorted(segments.items()):
        tables = prefetch(engine, segment, iris, shared)
        pages += _write_kind(tables, iris, known, folder, jobs)
    _write_index(found, folder)
    _write_assets(folder)
    _write_dataset(data, folder, site_url)
    (folder / "w3id.htaccess").write_text(HTACCESS.format(site=site_url), encoding="utf-8")
    return len(found), pages + 1 + len({kind_of(iri) for iri in known})


_SHARE: dict = {}
"""What the page-writing processes inherit: one kind's tables, its IRIs, the IRIs with pages
and the folder (set before they are forked, read-only after)."""


def _write_kind(tables: Tables, iris: list[str], known: set[str], folder: Path, jobs: int) -> int:
    """The pages of one kind's entities, from ``tables``, written by ``jobs`` processes forked
    with the tables (pages are CPU-bound: rendering and serializing hold the GIL). Process
    ``k`` writes every ``jobs``-th entity from the ``k``-th, each file whole, so the bytes do
    not depend on the split. The children never touch the store the parent holds open."""
    _SHARE.update(tables=tables, iris=iris, known=known, folder=folder, jobs=jobs)
    try:
        if jobs == 1 or len(iris) < 2 * CHUNK:
            return _write_share(0, 1)
        gc.freeze()  # the children's collections need not walk (and copy) the tables
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            return sum(pool.starmap(_write_share, [(k, jobs) for k in range(jobs)]))
    finally:
        gc.unfreeze()
        _SHARE.clear()
        _LINKS.clear()


_LINKS: dict[str, Links] = {}
"""The links from the pages of each depth (``../`` chain) of the kind being written."""

CHUNK = 64
"""Fewer than twice this many entities of a kind are written in the process itself."""


def _write_share(k: int, jobs: int) -> int:
    tables, known, folder = _SHARE["tables"], _SHARE["known"], _SHARE["folder"]
    return sum(_write_entity(tables, iri, known, folder) for iri in _SHARE["iris"][k::jobs])


def _write_entity(select: Source, iri: str, known: set[str], folder: Path) -> int:
    """One entity's page(s) and description files (``.n.html``, ``.n.ttl`` … for page
    ``n > 1``, each description with that page of what points at the entity); returns the
    number of HTML pages."""
    path = entity_path(iri)
    root = "../" * path.count("/")
    links = _LINKS.get(root)
    if links is None:  # one per depth: its cells are made once
        links = _LINKS[root] = Links(root, known)
    base = os.path.join(folder, path)  # its folder made by _write_all
    number, pages = 1, 1
    while number <= pages:
        about = describe(select, iri, number)
        page = entity_page(select, iri, links, number, about)
        pages = page.pages if number == 1 else pages
        suffix = f".{number}" if number > 1 else ""
        for ext, fmt in (("ttl", "turtle"), ("jsonld", "jsonld")):
            _write(f"{base}{suffix}.{ext}", about.serialize(fmt))
        html = render_page(page, root, served=False, extensions=EXTENSIONS)
        _write(f"{base}{suffix}.html", html)
        number += 1
    return pages


def _write(path: str, data: bytes) -> None:
    """A new file of the staging folder (no one else writes there), as ``Path.write_bytes``
    writes it but without its Python layers (a site writes some 100,000)."""
    fd = os.open(path, _NEW_FILE, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_CLOEXEC", 0)


def _write_index(found: list[tuple[str, str]], folder: Path) -> None:
    """``index.html``, one ``index/<kind>.html`` per kind, and the search index."""
    kinds = Counter(kind_of(iri) for iri, _ in found)
    entries = [[label or entity_path(iri), entity_path(iri), kind_of(iri)] for iri, label in found]
    script = "window.GOVKG_SEARCH = " + json.dumps(entries, ensure_ascii=True, indent=0) + ";\n"
    (folder / "search-index.js").write_text(script, encoding="utf-8")
    index = render_template(
        "index.html",
        title="govkg",
        root="",
        nav=nav("", served=False),
        total=len(found),
        kinds=sorted(kinds.items()),
    )
    (folder / "index.html").write_bytes(index)
    (folder / "index").mkdir()
    for kind in sorted(kinds):
        listed = sorted(
            (label or entity_path(iri), f"../{entity_path(iri)}.html")
            for iri, label in found
            if kind_of(iri) == kind
        )
        html = render_template(
            "kind.html",
            title=f"{kind} ({len(listed)})",
            root="../",
            nav=nav("../", served=False),
            entries=listed,
        )
        (folder / "index" / f"{kind}.html").write_bytes(html)


def _write_assets(folder: Path) -> None:
    package = Path(__file__).resolve().parents[1]
    (folder / "static").mkdir()
    for name, parts in ASSETS.items():
        shutil.copyfile(package.joinpath(*parts), folder / "static" / name)


def _write_dataset(data: Path, folder: Path, site_url: str) -> None:
    """``data/``: the statements in Turtle, the shapes and ontology, and ``void.ttl``."""
    from govkg.dataset_export import export_files
    from govkg.void import Description

    (folder / "data").mkdir()
    export_files(data, ["ttl"], folder / "data", describe=Description(base_url=site_url + "data/"))
