"""The ontology reference: ``docs/ontology/index.html`` (one offline page), ``index.md`` and
two SVG diagrams, rendered from ``ontology/*.ttl`` with Jinja2.

>>> pages = ontology_pages()
>>> sorted(pages)
['classes.svg', 'core.svg', 'index.html', 'index.md']
>>> "<script" in pages["index.html"]
False
"""

from __future__ import annotations

import re
from functools import cache

import jinja2
from rdflib import URIRef

from govkg_tools.docs.constraints import shape_groups
from govkg_tools.docs.diagram import class_hierarchy, core_relations
from govkg_tools.docs.model import reference
from govkg_tools.docs.schemes import concepts
from govkg_tools.docs.sources import example_graphs, ontology_graph, shapes_graph

_MD_SPECIAL = re.compile(r"([\\`*_|<>\[\]])")


def md(text: str) -> str:
    """Escape text for a Markdown table cell.

    >>> md("a | b <c> *d*")
    'a \\\\| b \\\\<c\\\\> \\\\*d\\\\*'
    """
    return _MD_SPECIAL.sub(r"\\\1", str(text)).replace("\n", " ")


@cache
def _environment(autoescape: bool) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("govkg_tools.docs", "templates"),
        autoescape=autoescape,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters["md"] = md
    return env


def ontology_pages() -> dict[str, str]:
    """File name → text of every file of ``docs/ontology/``."""
    graph, shapes = ontology_graph(), shapes_graph()
    ref = reference(graph, shapes, example_graphs())
    diagrams = {"core": core_relations(graph, shapes), "classes": class_hierarchy(graph)}
    lists = {t.link.anchor: concepts(graph, URIRef(t.link.iri)) for t in ref.schemes}
    context = {"ref_": ref, "diagrams": diagrams, "concepts": lists, "shapes": shape_groups(shapes)}
    return {
        "index.html": _environment(True).get_template("ontology.html.j2").render(context),
        "index.md": _environment(False).get_template("ontology.md.j2").render(context),
        "core.svg": diagrams["core"],
        "classes.svg": diagrams["classes"],
    }
