"""Keep Python's cyclic garbage collector out of the build's bulk steps.

A build holds millions of small objects (rdflib terms, triple tuples, Oxigraph quads). Each
batch of fresh objects triggers a collection that walks all of them, although the build makes
no reference cycles; at a million triples those walks took longer than the work itself.

>>> import gc
>>> with gc_paused():
...     gc.isenabled()
False
>>> gc.isenabled()
True
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection inside (nests: only the outermost one turns it back on)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
