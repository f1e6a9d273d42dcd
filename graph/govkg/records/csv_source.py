"""Read the CSV form of a record (one row per signatory) into a record tree.

Rows are grouped into events by ``(event_date, event_place, event_city)`` and
into agreements by ``agreement_id``; a row without an ``agreement_id`` is an
agreement of its own. Cells repeated across the rows of one agreement must
agree, and every row must name the same source. Declarations of organizations
and people have no CSV form (write YAML for those).

>>> text = ("source_id,source_kind,source_title,source_url,source_publisher,"
...     "source_published,source_language,source_contributors,event_date,event_place,"
...     "event_city,agreement_id,agreement_kind,agreement_title,agreement_number,parties,"
...     "fields,scope,implements,notes,signatory_name,signatory_post,signatory_party,"
...     "signatory_honorifics\\n"
...     "demo,news,,,,,id,,2019-02-01,,,,mou,,,LAN; LIPI,,,,,,,,\\n")
>>> tree = csv_tree(text, "demo.csv")
>>> [p.value for p in tree.value["events"].value[0].value["agreements"].value[0]
...     .value["parties"].value]
['LAN', 'LIPI']
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

from govkg.errors import RecordError
from govkg.records.readers import did_you_mean
from govkg.records.schema import FORMAT_VERSION
from govkg.records.tree import Node

SOURCE_COLUMNS = {
    "source_id": "id",
    "source_kind": "kind",
    "source_title": "title",
    "source_url": "url",
    "source_publisher": "publisher",
    "source_published": "published",
    "source_language": "language",
    "source_contributors": "contributors",
}
EVENT_COLUMNS = {"event_date": "date", "event_place": "place", "event_city": "city"}
AGREEMENT_COLUMNS = {
    "agreement_id": "id",
    "agreement_kind": "kind",
    "agreement_title": "title",
    "agreement_number": "number",
    "parties": "parties",
    "fields": "fields",
    "scope": "scope",
    "implements": "implements",
    "notes": "notes",
}
SIGNATORY_COLUMNS = {
    "signatory_name": "name",
    "signatory_post": "post",
    "signatory_party": "party",
    "signatory_honorifics": "honorifics",
}
COLUMNS = (*SOURCE_COLUMNS, *EVENT_COLUMNS, *AGREEMENT_COLUMNS, *SIGNATORY_COLUMNS)
"""Every column of the CSV form, in the documented order."""
LIST_COLUMNS = frozenset({"parties", "fields", "notes", "signatory_honorifics"})
"""Columns holding several values separated by ';'."""

_CONTRIBUTOR = re.compile(r"^(?P<name>.*?)\s*\((?P<role>[^()]*)\)$")


@dataclass
class _Row:
    line: int
    cells: dict[str, str]


def csv_tree(text: str, file: str) -> Node:
    """The record tree of one CSV file.

    :raises RecordError: bad header, ragged rows, rows that disagree about the
        source or about one agreement, each with the row's line.
    """
    rows = _read(text, file)
    _same(rows[0], rows[1:], tuple(SOURCE_COLUMNS), file, "every row must name the same source")
    first = rows[0]
    source = Node(_cells(first, SOURCE_COLUMNS), first.line)
    events = Node(_events(rows, file), first.line)
    return Node({"govkg": Node(FORMAT_VERSION, 1), "source": source, "events": events}, 1)


def _read(text: str, file: str) -> list[_Row]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = _header(next(reader, []), file)
        rows, previous = [], reader.line_num
        for cells in reader:
            start, previous = previous + 1, reader.line_num
            if any(cell.strip() for cell in cells):
                rows.append(_row(header, cells, start, file))
    except csv.Error as exc:
        raise RecordError(
            file,
            "(csv)",
            f"not valid CSV: {exc}",
            fix="check the quotes on that line",
            line=reader.line_num,
        ) from None
    if not rows:
        raise RecordError(
            file, "(csv)", "no data rows after the header", fix="add one row per signatory", line=1
        )
    return rows


def _header(names: list[str], file: str) -> list[str]:
    names = [name.strip() for name in names]
    unknown = [name for name in names if name not in COLUMNS]
    missing = [name for name in COLUMNS if name not in names]
    twice = sorted({name for name in names if names.count(name) > 1})
    problems = [
        f"unknown column(s) {', '.join(map(repr, unknown))}" if unknown else "",
        f"missing column(s) {', '.join(missing)}" if missing else "",
        f"column(s) {', '.join(twice)} given twice" if twice else "",
    ]
    if any(problems):
        hint = did_you_mean(unknown[0], missing or COLUMNS) if unknown else ""
        raise RecordError(
            file,
            "(header)",
            "; ".join(problem for problem in problems if problem),
            fix=f"{hint}the header must name each of: {', '.join(COLUMNS)}",
            line=1,
        )
    return names


def _row(header: list[str], cells: list[str], line: int, file: str) -> _Row:
    if len(cells) != len(header):
        raise RecordError(
            file,
            "(row)",
            f"row has {len(cells)} cells, the header {len(header)}",
            fix="give every row one cell per column (quote cells holding commas)",
            line=line,
        )
    return _Row(line, {name: cell.strip() for name, cell in zip(header, cells, strict=True)})


def _same(first: _Row, others: list[_Row], columns: tuple[str, ...], file: str, rule: str) -> None:
    for row in others:
        for column in columns:
            if row.cells[column] != first.cells[column]:
                raise RecordError(
                    file,
                    column,
                    f"{column} is {row.cells[column]!r} here but "
                    f"{first.cells[column]!r} on line {first.line}; {rule}",
                    fix="make the two cells equal (or split the file)",
                    line=row.line,
                )


def _events(rows: list[_Row], file: str) -> list[Node]:
    events: dict[tuple[str, ...], dict[str, list[_Row]]] = {}
    named: dict[str, _Row] = {}
    for row in rows:
        agreement_id = row.cells["agreement_id"]
        if agreement_id in named:
            rule = f"rows of agreement {agreement_id!r} must agree"
            _same(named[agreement_id], [row], (*EVENT_COLUMNS, *AGREEMENT_COLUMNS), file, rule)
        if agreement_id:
            named.setdefault(agreement_id, row)
        event = events.setdefault(tuple(row.cells[c] for c in EVENT_COLUMNS), {})
        event.setdefault(agreement_id or f"line {row.line}", []).append(row)
    return [_event(list(agreements.values())) for agreements in events.values()]


def _event(agreements: list[list[_Row]]) -> Node:
    first = agreements[0][0]
    items = Node([_agreement(rows) for rows in agreements], first.line, first.line)
    return Node({**_cells(first, EVENT_COLUMNS), "agreements": items}, first.line)


def _agreement(rows: list[_Row]) -> Node:
    first = rows[0]
    fields = _cells(first, AGREEMENT_COLUMNS)
    signing = [row for row in rows if any(row.cells[c] for c in SIGNATORY_COLUMNS)]
    if signing:
        signatories = [Node(_cells(row, SIGNATORY_COLUMNS), row.line) for row in signing]
        fields["signatories"] = Node(signatories, signing[0].line, signing[0].line)
    return Node(fields, first.line)


def _cells(row: _Row, columns: dict[str, str]) -> dict[str, Node]:
    """The non-empty cells of ``columns`` as tree fields (lists split on ';')."""
    fields = {}
    for column, key in columns.items():
        cell = row.cells[column]
        if not cell:
            continue
        if column in LIST_COLUMNS:
            value = [Node(part, row.line, column=column) for part in _split(cell)]
        elif column == "source_contributors":
            value = [_contributor(part, row.line) for part in _split(cell)]
        else:
            value = cell
        fields[key] = Node(value, row.line, row.line, column)
    return fields


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(";") if part.strip()]


def _contributor(text: str, line: int) -> Node:
    """``"Jane Doe (reporter)"`` as a contributor mapping; no parentheses: no role."""
    match = _CONTRIBUTOR.match(text)
    column = "source_contributors"
    fields = {"name": Node(match["name"] if match else text, line, line, column)}
    if match:
        fields["role"] = Node(match["role"].strip(), line, line, column)
    return Node(fields, line, line, column)
