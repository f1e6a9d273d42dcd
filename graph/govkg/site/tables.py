"""A page's tables: a heading, columns, rows of cells; long ones are cut into pages.

>>> len(page_slice(list(range(250)), 3)), page_count(250)
(50, 3)
"""

from __future__ import annotations

from dataclasses import dataclass

from govkg.site.links import Cell

PAGE_SIZE = 100
"""Rows of a long table (a body's agreements, what points at an entity) per page."""


@dataclass
class Section:
    """One table: a heading, column names, rows of cells (each cell a list of values)."""

    title: str
    columns: list[str]
    rows: list[list[list[Cell]]]
    total: int = 0  # rows before paging (0: not paged)


def page_slice(items: list, page: int) -> list:
    """The rows of ``items`` on page ``page`` (from 1) of :data:`PAGE_SIZE` rows."""
    size = PAGE_SIZE
    return items[(page - 1) * size : page * size]


def page_count(total: int) -> int:
    """How many pages ``total`` rows take (at least one)."""
    return max(1, (total + PAGE_SIZE - 1) // PAGE_SIZE)
