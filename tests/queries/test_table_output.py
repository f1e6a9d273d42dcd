"""``govkg query``'s default table: plain aligned text, safe for a terminal."""

import pyoxigraph as ox

from govkg.results import render


def table(names, rows) -> list[str]:
    return render(names, rows, "table").splitlines()


def test_columns_are_padded_to_their_widest_cell():
    rows = [
        [ox.Literal("Lembaga Administrasi Negara"), ox.Literal("4")],
        [ox.Literal("BPOM"), None],
    ]
    head, rule, first, second, count = table(["label", "n"], rows)
    assert head.index("n") == first.index("4") == len("Lembaga Administrasi Negara") + 2
    assert rule == "-" * len("Lembaga Administrasi Negara") + "  " + "-"
    assert second == "BPOM" and count == "2 row(s)"


def test_our_iris_are_shortened():
    iri = ox.NamedNode("https://w3id.org/govkg/id/org/lan")
    assert table(["org"], [[iri]])[2] == "id:org/lan"


def test_terminal_escapes_and_line_breaks_in_labels_do_not_reach_the_terminal():
    hostile = ox.Literal("\x1b]0;owned\x07Badan\nBaru\x1b[2J")
    line = table(["label"], [[hostile]])[2]
    assert "\x1b" not in line and "\x07" not in line
    assert line == "]0;ownedBadan Baru[2J"


def test_wide_characters_count_twice():
    _head, _rule, first, second, _count = table(
        ["name", "x"],
        [[ox.Literal("東京都"), ox.Literal("1")], [ox.Literal("abc"), ox.Literal("2")]],
    )
    assert first == "東京都  1"  # three characters, six terminal columns
    assert second == "abc     2"  # padded to six columns, then the gap


def test_no_rows_still_has_a_header_and_a_count():
    assert table(["a", "b"], []) == ["a  b", "-  -", "0 row(s)"]
