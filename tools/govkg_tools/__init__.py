"""Tools that live beside govkg, not in it: the docs generator (``python -m govkg_tools.docs``,
``make docs``), the Chromium launcher of the browser tests and ``scripts/screenshot.py``, and
the private Virtuoso of the remote tests and benchmarks. Tests, benchmarks and scripts import
them with ``tools/`` on the path; the govkg wheel does not ship them."""
