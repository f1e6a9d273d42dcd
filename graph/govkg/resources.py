"""Where the files that ship with govkg live, installed or in a checkout.

In a wheel, ``ontology/`` and ``queries/`` sit inside the package; in an editable
checkout they stay at the repository root. Callers never need to know which.

>>> (ontology_dir() / "govkg.ttl").is_file()
True
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def _shipped(name: str) -> Path:
    inside = PACKAGE_DIR / name
    if inside.is_dir():
        return inside
    return PACKAGE_DIR.parents[1] / name


def ontology_dir() -> Path:
    """The folder holding ``govkg.ttl``, ``shapes.ttl``, ``fields.ttl`` and ``roles.ttl``."""
    return _shipped("ontology")


def queries_dir() -> Path:
    """The folder of canned SPARQL queries (``<name>.rq``)."""
    return _shipped("queries")


def data_dir() -> Path:
    """Package data: the bundled records and the gazetteer."""
    return PACKAGE_DIR / "data"


def bundled_records_dir() -> Path:
    """The records that ``govkg build`` reads when given no paths."""
    return data_dir() / "records"


def default_record_paths() -> list[Path]:
    """What ``govkg build`` reads when given no paths: the seed record and the real corpus."""
    return [bundled_records_dir(), corpus_records_dir()]


def seed_record() -> Path:
    """The record of the report that started the project (LAN's four MoUs of 1 February 2019)."""
    return bundled_records_dir() / "kontan-2019-02-01-lan-mou.yaml"


def corpus_records_dir() -> Path:
    """The bundled corpus of real reports, one record file per report (see its README)."""
    return data_dir() / "corpus" / "records"


def gazetteer_dir() -> Path:
    """Reference data: agencies, regions, change events."""
    return PACKAGE_DIR / "gazetteer" / "data"
