"""The CSV writer's shortcut for rows with nothing to quote writes what the csv module writes."""

import csv
import io
import itertools

import pyoxigraph as ox

from govkg.results import csv_rows

CELLS = ["", "a", "a b", "a,b", 'say "hi"', "x\ny", "x\r\ny", "\r", ",", " lead", "é,ü", "'=1"]


def csv_module(rows: list[list[str]], newline: str) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator=newline).writerows(rows)
    return buffer.getvalue().encode()


def test_every_row_is_written_as_the_csv_module_writes_it():
    rows = [list(r) for n in (1, 2, 3) for r in itertools.product(CELLS, repeat=n)]
    for newline in ("\n", "\r\n"):
        terms = [[ox.Literal(cell) for cell in row] for row in rows]
        start, lines, _ = csv_rows(["a"], terms, newline=newline)
        assert b"".join(lines) == csv_module(rows, newline)
        assert start == csv_module([["a"]], newline)


def test_an_unbound_cell_alone_is_quoted_as_the_csv_module_does():
    _, lines, _ = csv_rows(["a"], [[None], [None, None]])
    assert list(lines) == [b'""\r\n', b",\r\n"]
