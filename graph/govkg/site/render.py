"""Pages as HTML through Jinja2 templates (``site/templates/``), autoescaped: every label is
text, never markup. The same page serves ``govkg serve`` (root ``/``) and the static site
(a relative root), and loads nothing but its own style sheets.

>>> from govkg.site.pages import Page
>>> from govkg.site.links import Cell
>>> html = render_page(Page("urn:x", "org", "<script>", [Cell("<b>")], []), "/").decode()
>>> "<script>" in html, "&lt;script&gt;" in html
(False, True)
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from govkg import __version__
from govkg.site.links import Cell, Links
from govkg.site.pages import Page
from govkg.site.tables import Section

TEMPLATES = Path(__file__).resolve().parent / "templates"
LAYOUT = Path(__file__).resolve().parents[1] / "server" / "templates"
"""Where ``layout.html`` is: the one layout of the UI's pages and of the entity pages."""
SHEETS = ("style.css", "site.css")
"""The style sheets of an entity page (the UI's, then the pages' own)."""
DATA_FORMATS = (
    ("Turtle", "ttl", "text/turtle"),
    ("JSON-LD", "jsonld", "application/ld+json"),
    ("N-Triples", "nt", "application/n-triples"),
)
"""The data files beside each page: label, extension, media type."""
STATIC_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'"
)
"""The UI's policy (:data:`govkg.server.app.HTML_CSP`) as a static page can carry it: a
``<meta>`` cannot say ``frame-ancestors`` (a host's header should)."""


@cache
def environment() -> Environment:
    """The template environment: autoescape on for every template, undefined names fail;
    templates are loaded once (no file check per page: a site renders tens of thousands)."""
    env = Environment(
        loader=FileSystemLoader([TEMPLATES, LAYOUT]),
        autoescape=True,
        auto_reload=False,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    env.globals.update(cells=cells, sections=sections)
    return env


def cells(found: list[Cell]) -> Markup:
    """Values in a line, as HTML (:func:`_cell`), between middle dots (Python, not a template
    loop: the names and classes of every page).

    >>> str(cells([Cell("LAN", lang="id"), Cell("x")]))
    '<span lang="id">LAN</span> <span class="tag">@id</span> · x'
    """
    return Markup(" · ".join(map(_cell, found)))


def _cell(c: Cell) -> str:
    """One value as HTML: a link, or text with its language; then its language and note as
    tags. Every text and address is escaped (this runs for each of a site's millions of cells,
    so it is Python rather than a template macro).

    >>> _cell(Cell("<b>", "/id/x.html", "id"))
    '<a href="/id/x.html" lang="id">&lt;b&gt;</a> <span class="tag">@id</span>'
    """
    text, lang = _escape(c.text), c.lang and _escape(c.lang)
    if c.href:
        out = f'<a href="{_escape(c.href)}"' + (f' lang="{lang}"' if lang else "")
        out += f">{text}</a>"
    elif lang:
        out = f'<span lang="{lang}">{text}</span>'
    else:
        out = text
    if lang:
        out += f' <span class="tag">@{lang}</span>'
    if c.note:
        out += f' <span class="tag">{_escape(c.note)}</span>'
    return out


def _escape(text: str) -> str:
    """``markupsafe.escape`` as a plain string (the same five characters, the same entities).

    >>> _escape("<a title='x'>&")
    '&lt;a title=&#39;x&#39;&gt;&amp;'
    """
    if (  # most texts (IRIs, names) hold none of the five
        "&" not in text and "<" not in text and ">" not in text and '"' not in text
    ) and "'" not in text:
        return text
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&#34;")
        .replace("'", "&#39;")
    )


def table_rows(rows: list[list[list[Cell]]]) -> str:
    """A table's body rows: each value's cells joined by line breaks.

    >>> table_rows([[[Cell("a"), Cell("b")], []]])
    '<tr><td>a<br>b</td><td></td></tr>\\n'
    """
    return "".join(
        "<tr>"
        + "".join("<td>" + "<br>".join(map(_cell, value)) + "</td>" for value in row)
        + "</tr>\n"
        for row in rows
    )


def sections(found: list[Section]) -> Markup:
    """A page's tables, each in a ``<section>`` with its heading and count (Python, like
    :func:`table_rows`: a template loop costs a site seconds; the output is the same).

    >>> print(sections([Section("Referred to by", ["entity"], [], 250)]))
    <BLANKLINE>
    <section id="referred-to-by">
    <h2>Referred to by <span class="count">(250)</span></h2>
    <p class="none">none on this page</p>
    </section>
    <BLANKLINE>
    """
    return Markup("".join(map(_section, found)))


def _section(section: Section) -> str:
    total = section.total
    out = f'\n<section id="{_escape(section.title.lower().replace(" ", "-"))}">\n'
    out += f"<h2>{_escape(section.title)}"
    out += f' <span class="count">({total})</span></h2>\n' if total else "</h2>\n"
    if not section.rows:
        return out + f'<p class="none">none{" on this page" if total else ""}</p>\n</section>\n'
    heads = "".join(f"<th>{_escape(column)}</th>" for column in section.columns)
    out += f"\n<table>\n<thead><tr>{heads}</tr></thead>\n<tbody>\n{table_rows(section.rows)}"
    return out + "</tbody>\n</table>\n\n</section>\n"


def nav(root: str, served: bool) -> list[tuple[str, str]]:
    """The header links: the UI's pages when served, the site index when static."""
    if served:
        return [(f"{root}", "Query"), (f"{root}network", "Network"), (f"{root}about", "About")]
    return [(f"{root}index.html", "Index"), (f"{root}data/void.ttl", "Dataset (VoID)")]


def render_page(
    page: Page,
    root: str,
    *,
    served: bool = True,
    extensions: tuple[str, ...] = ("ttl", "jsonld", "nt"),
) -> bytes:
    """The HTML of one entity page; ``root`` leads to the site root from the page. A static
    page (``served=False``) carries the UI's Content-Security-Policy in a ``<meta>``."""
    links = Links(root)
    formats = [
        (name, links.href(page.iri, page.page, ext=ext), media)
        for name, ext, media in DATA_FORMATS
        if ext in extensions and links.href(page.iri, ext=ext)
    ]
    pager = [(n, links.href(page.iri, page=n)) for n in range(1, page.pages + 1)]
    text = (
        environment()
        .get_template("entity.html")
        .render(
            page=page,
            title=page.title,
            root=root,
            nav=nav(root, served),
            formats=formats,
            pager_links=pager,
            version=__version__,
            csp=None if served else STATIC_CSP,
            sheets=SHEETS,
            footer="every value links to its own page; data under the dataset's licence",
        )
    )
    return text.encode("utf-8")


def render_template(name: str, **context) -> bytes:
    """Any other template of the static site (the index) with ``context``."""
    context = {
        "version": __version__,
        "csp": STATIC_CSP,
        "footer": "static site",
        "sheets": SHEETS,
    } | context
    return environment().get_template(name).render(**context).encode("utf-8")
