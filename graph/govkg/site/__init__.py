"""Entity pages and the static site: every ``https://w3id.org/govkg/id/…`` IRI answers.

Modules: :mod:`~govkg.site.queries` (the ``queries/site/*.rq`` files, bound and run),
:mod:`~govkg.site.describe` (an entity's description: statements, labels, provenance),
:mod:`~govkg.site.pages` (what each kind of page shows), :mod:`~govkg.site.render` (Jinja2
templates to HTML), :mod:`~govkg.site.write` (``govkg site -o DIR``).
"""
