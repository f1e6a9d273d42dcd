"""Read JSON record text into a :class:`~govkg.records.tree.Node` tree, with lines.

A small recursive-descent reader over the standard library's string and number
scanners, so that every value keeps its line and duplicate keys are refused
(``json.loads`` would silently keep the last one). Only strict JSON is read: no
``NaN``/``Infinity``, no comments, no trailing commas.

>>> tree = json_tree('{"a": 1,\\n "b": ["x", null]}', "t.json")
>>> tree.value["b"].line, [item.value for item in tree.value["b"].value]
(2, ['x', None])
>>> try:
...     json_tree('{"a": 1,\\n "a": 2}', "t.json")
... except RecordError as err:
...     print(err)
t.json:2: a: field 'a' is given twice (lines 1 and 2) (fix: keep only one of them)
"""

from __future__ import annotations

import bisect
import re
from json.decoder import scanstring
from json.scanner import NUMBER_RE

from govkg.errors import RecordError
from govkg.records.readers import join
from govkg.records.tree import Node

MAX_DEPTH = 64
_SPACE = re.compile(r"[ \t\n\r]*")
_WORDS = {"true": True, "false": False, "null": None}


def json_tree(text: str, file: str) -> Node:
    """The record tree of one JSON document.

    :raises RecordError: syntax errors and duplicate keys, with their line.
    """
    reader = _Reader(text, file)
    node, end = reader.value(reader.skip(0), "", 0)
    end = reader.skip(end)
    if end != len(text):
        raise reader.fail(
            end, "", "unexpected text after the JSON value", fix="keep one JSON object per file"
        )
    return node


class _Reader:
    def __init__(self, text: str, file: str) -> None:
        self.text, self.file = text, file
        self.newlines = [match.start() for match in re.finditer("\n", text)]

    def line(self, pos: int) -> int:
        return bisect.bisect_left(self.newlines, pos) + 1

    def fail(self, pos: int, path: str, message: str, *, fix: str) -> RecordError:
        return RecordError(self.file, path or "(document)", message, fix=fix, line=self.line(pos))

    def skip(self, pos: int) -> int:
        return _SPACE.match(self.text, pos).end()

    def value(self, pos: int, path: str, depth: int) -> tuple[Node, int]:
        if depth > MAX_DEPTH:
            raise self.fail(
                pos, path, f"nested deeper than {MAX_DEPTH} levels", fix="flatten the structure"
            )
        char = self.text[pos : pos + 1]
        if char == "{":
            value, end = self.mapping(pos + 1, path, depth)
        elif char == "[":
            value, end = self.sequence(pos + 1, path, depth)
        elif char == '"':
            value, end = self.string(pos, path)
        else:
            value, end = self.scalar(pos, path)
        return Node(value, self.line(pos)), end

    def string(self, pos: int, path: str) -> tuple[str, int]:
        try:
            return scanstring(self.text, pos + 1, True)
        except ValueError as exc:
            reason = str(getattr(exc, "msg", "invalid text")).removesuffix(" at")
            raise self.fail(
                getattr(exc, "pos", pos),
                path,
                f"bad JSON string: {reason}",
                fix="close the quotes and escape control characters (\\n, \\t)",
            ) from None

    def scalar(self, pos: int, path: str) -> tuple[object, int]:
        for word, value in _WORDS.items():
            if self.text.startswith(word, pos):
                return value, pos + len(word)
        match = NUMBER_RE.match(self.text, pos)
        if match is None:
            shown = repr(self.text[pos : pos + 1]) if pos < len(self.text) else "the end"
            raise self.fail(
                pos,
                path,
                f"expected a JSON value, found {shown}",
                fix="check commas, brackets and quotes around that line",
            )
        whole, frac, exp = match.groups()
        try:
            number = float(whole + (frac or "") + (exp or "")) if frac or exp else int(whole)
        except ValueError:
            raise self.fail(pos, path, "number too long", fix="shorten the number") from None
        return number, match.end()

    def sequence(self, pos: int, path: str, depth: int) -> tuple[list[Node], int]:
        items: list[Node] = []
        pos = self.skip(pos)
        if self.text.startswith("]", pos):
            return items, pos + 1
        while True:
            item, pos = self.value(pos, join(path, len(items)), depth + 1)
            items.append(item)
            pos = self.expect(self.skip(pos), ",]", path)
            if self.text[pos - 1] == "]":
                return items, pos
            pos = self.skip(pos)

    def mapping(self, pos: int, path: str, depth: int) -> tuple[dict[str, Node], int]:
        result: dict[str, Node] = {}
        pos = self.skip(pos)
        if self.text.startswith("}", pos):
            return result, pos + 1
        while True:
            if not self.text.startswith('"', pos):
                raise self.fail(
                    pos,
                    path,
                    "expected a field name in double quotes",
                    fix="quote every field name and remove trailing commas",
                )
            key, key_end = self.string(pos, path)
            child, end = self.value(
                self.skip(self.expect(self.skip(key_end), ":", path)), join(path, key), depth + 1
            )
            self.add(result, key, child, self.line(pos), path)
            pos = self.expect(self.skip(end), ",}", path)
            if self.text[pos - 1] == "}":
                return result, pos
            pos = self.skip(pos)

    def add(self, result: dict[str, Node], key: str, child: Node, line: int, path: str) -> None:
        if key in result:
            raise RecordError(
                self.file,
                join(path, key),
                f"field {key!r} is given twice (lines {result[key].key_line} and {line})",
                fix="keep only one of them",
                line=line,
            )
        child.key_line = line
        result[key] = child

    def expect(self, pos: int, chars: str, path: str) -> int:
        if pos < len(self.text) and self.text[pos] in chars:
            return pos + 1
        wanted = " or ".join(repr(char) for char in chars)
        raise self.fail(
            pos,
            path,
            f"expected {wanted}",
            fix="check commas, brackets and quotes around that line",
        )
