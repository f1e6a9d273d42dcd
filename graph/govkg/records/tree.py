"""The neutral tree every record format is read into: values with the line they came from.

YAML, JSON and CSV readers each build a tree of :class:`Node` objects; one
parser (:mod:`govkg.records.parse`) turns that tree into the record model, so
all three formats are checked by the same rules and report the same field paths.

>>> describe(36.04), describe(["LAN"]), describe(True)
('a number (36.04)', 'a list', 'true/false (True)')
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any


@dataclass(slots=True, eq=False)
class Node:
    """One value of a record tree.

    ``value`` is a ``dict[str, Node]``, a ``list[Node]`` or a scalar (str, int,
    float, bool, None, date, datetime). ``line`` is where the value starts,
    ``key_line`` where its key was written (mapping entries only), and ``column``
    the CSV column it came from (CSV only).
    """

    value: Any
    line: int | None = None
    key_line: int | None = None
    column: str | None = None


def describe(value: Any) -> str:
    """Say what kind of value this is, for messages such as ``expected text, got a list``."""
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return f"true/false ({value})"
    if isinstance(value, int | float):
        return f"a number ({value})"
    if isinstance(value, datetime):
        return f"a date and time ({value.isoformat()})"
    if isinstance(value, date):
        return f"a date ({value.isoformat()})"
    if value is None:
        return "nothing (null)"
    return "text"
