"""Generated documentation: the ontology reference, the CLI and query references, and the
ontology pitfall check. ``python -m govkg_tools.docs`` (``make docs``) regenerates every file."""

from govkg_tools.docs.pitfalls import Finding, pitfalls

__all__ = ["Finding", "pitfalls"]
