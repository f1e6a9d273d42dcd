"""Reading single fields out of a record tree, collecting every error with its path and line.

>>> from govkg.records.tree import Node
>>> ctx = Context("a.yaml")
>>> as_date(ctx, Node("2019-02-30", line=7), "events[0].date") is None
True
>>> error = ctx.errors[0]
>>> error.field, error.line, error.fix
('events[0].date', 7, 'check the day and month; write the date as YYYY-MM-DD')
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, TypeVar

from govkg.errors import RecordError, RecordErrors
from govkg.records.dates import PARTIAL_DATE, PartialDate
from govkg.records.model import Where
from govkg.records.schema import SHAPES, SLUG, Shape
from govkg.records.tree import Node, describe
from govkg.text_hygiene import clean_text, slugify

T = TypeVar("T")

MAX_ERRORS = 200
"""Errors kept per file; later ones are counted but not listed."""
FIX = "compare the file with the example in docs/records.md"
MORE = "fix the errors listed, then load the file again"
DATE_FIX = (
    'write the date as YYYY-MM-DD, or as "YYYY-MM" or "YYYY" in quotes when the source gives '
    "only the month or the year"
)


@dataclass
class Context:
    """One file being parsed: its name, its errors, and facts later fields are checked with."""

    file: str
    errors: list[RecordError] = field(default_factory=list)
    count: int = 0
    published: PartialDate | None = None
    people: set[str] = field(default_factory=set)
    ids: dict[tuple[str, str], int | None] = field(default_factory=dict)

    def error(
        self,
        path: str,
        message: str,
        *,
        fix: str,
        node: Node | None = None,
        line: int | None = None,
    ) -> None:
        """Record one error; ``node`` supplies the line (and the CSV column) when given."""
        self.count += 1
        if len(self.errors) >= MAX_ERRORS:
            return
        if node is not None:
            line = node.line if line is None else line
            message = f"column {node.column!r}: {message}" if node.column else message
        self.errors.append(RecordError(self.file, path, message, fix=fix, line=line))

    def failed_since(self, start: int) -> bool:
        """True when errors were added since ``count`` was ``start`` (the object is not built)."""
        return self.count > start

    def where(self, node: Node, path: str) -> Where:
        """The model location of an object read from ``node``, with its sub-fields' lines."""
        return Where(self.file, node.line, path, tuple(_sub_lines(node)))

    def failure(self) -> RecordError | RecordErrors:
        """The exception to raise: the single error, or all of them together."""
        errors = list(self.errors) or [RecordError(self.file, "(document)", "unreadable", fix=FIX)]
        if self.count > len(errors):
            more = self.count - len(errors)
            errors.append(
                RecordError(self.file, "(more)", f"{more} more errors not listed", fix=MORE)
            )
        return errors[0] if len(errors) == 1 else RecordErrors(errors)


def join(path: str, key: str | int) -> str:
    """Extend a field path: ``join("events", 0) == "events[0]"``."""
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def did_you_mean(word: str, options: Iterable[str]) -> str:
    """``"did you mean 'x'? "`` for the closest option, or "" when none is close."""
    close = difflib.get_close_matches(word, list(options), n=1)
    return f"did you mean {close[0]!r}? " if close else ""


def suggest(word: str, options: Iterable[str]) -> str:
    """A fix listing the allowed values, with the closest one first when there is one."""
    options = list(options)
    return f"{did_you_mean(word, options)}allowed: {', '.join(options)}"


def clean(value: str, *, multiline: bool = False) -> str:
    """:func:`govkg.text_hygiene.clean_text`, skipped for plain ASCII it would leave as it is."""
    if value.isascii() and value.isprintable() and "  " not in value and value == value.strip():
        return value
    return clean_text(value, multiline=multiline)


def type_fix(value: Any) -> str:
    """How to turn a wrongly typed value into text."""
    if isinstance(value, list | dict):
        return "write a single text value here, not a list or mapping"
    if isinstance(value, bool):
        return "put the value in quotes (YAML reads yes/no/on/off/true/false as true/false)"
    if value is None:
        return "write a value or remove the field"
    return "put the value in quotes so that it is read as text"


def as_text(ctx: Context, node: Node, path: str, *, multiline: bool = False) -> str | None:
    """Cleaned text, or None (with an error) when the value is not text or cleans to nothing."""
    if not isinstance(node.value, str):
        ctx.error(
            path, f"expected text, got {describe(node.value)}", fix=type_fix(node.value), node=node
        )
        return None
    value = clean(node.value, multiline=multiline)
    if not value:
        ctx.error(
            path,
            "is empty (after removing invisible and control characters)",
            fix="write a value, or remove the field if it is optional",
            node=node,
        )
        return None
    return value


def as_date(ctx: Context, node: Node, path: str) -> PartialDate | None:
    """A date known to the day, month or year: a YAML date or a 'YYYY[-MM[-DD]]' string.

    Date-times are refused; so are numbers (write a year alone in quotes, ``"2019"``).
    """
    value = node.value
    if isinstance(value, datetime):
        ctx.error(
            path,
            f"expected a date, got {describe(value)}",
            fix="write the date only, as YYYY-MM-DD (or YYYY-MM, YYYY in quotes)",
            node=node,
        )
        return None
    if isinstance(value, date):
        return PartialDate.of(value)
    if not isinstance(value, str) or not PARTIAL_DATE.match(value.strip()):
        shown = repr(value) if isinstance(value, str) else describe(value)
        ctx.error(path, f"{shown} is not a date", fix=DATE_FIX, node=node)
        return None
    try:
        return PartialDate.parse(value.strip())
    except ValueError:
        ctx.error(
            path,
            f"{value.strip()!r} is not a real calendar date",
            fix="check the day and month; write the date as YYYY-MM-DD",
            node=node,
        )
        return None


def matched(
    ctx: Context,
    value: str | None,
    pattern: re.Pattern,
    path: str,
    node: Node,
    *,
    what: str,
    fix: str,
) -> str | None:
    """``value`` when ``pattern`` matches it (or it is None); else an error saying it is not
    ``what`` (the one check of a text field's shape: ids, codes, language tags).

    >>> ctx = Context("a.yaml")
    >>> matched(ctx, "36-04", re.compile(r"\\d\\d\\.\\d\\d$"), "region_code", Node("36-04", line=3),
    ...         what="a region code", fix='write "36.04"') is None
    True
    >>> ctx.errors[0].line, str(ctx.errors[0]).count("'36-04' is not a region code")
    (3, 1)
    """
    if value is None or pattern.match(value):
        return value
    ctx.error(path, f"{value!r} is not {what}", fix=fix, node=node)
    return None


def as_slug(ctx: Context, node: Node, path: str) -> str | None:
    """An identifier: lowercase ASCII letters, digits and hyphens."""
    value = as_text(ctx, node, path)
    if value is None:
        return None
    fix = f"use lowercase letters, digits and hyphens, e.g. {slugify(value)!r}"
    return matched(ctx, value, SLUG, path, node, what="a valid id", fix=fix)


class Obj:
    """A mapping checked against its :class:`Shape`, handing out typed fields with their paths."""

    def __init__(self, ctx: Context, node: Node, path: str, shape: Shape) -> None:
        self.ctx, self.node, self.path, self.shape = ctx, node, path, shape

    def at(self, key: str) -> str:
        """The field path of ``key`` in this object."""
        return join(self.path, key)

    def child(self, key: str) -> Node:
        """The node of ``key`` (the object's own node when the key is absent), for messages."""
        return self.node.value.get(key) or self.node

    def error(self, key: str, message: str, *, fix: str) -> None:
        """Record an error about the field ``key`` (its path, and its line when it is given)."""
        self.ctx.error(self.at(key), message, fix=fix, node=self.child(key))

    def get(self, key: str) -> Node | None:
        """The value node of ``key``; None when absent or null (an error if it is required)."""
        child = self.node.value.get(key)
        if child is not None and child.value is not None:
            return child
        if key in self.shape.required:
            state = "is empty" if child is not None else "is missing"
            self.ctx.error(
                self.at(key),
                f"required field {key!r} {state}",
                fix=f"add {key!r} to the {self.shape.name}",
                node=child or self.node,
            )
        return None

    def text(self, key: str, *, multiline: bool = False) -> str | None:
        """Cleaned text of ``key``; an optional empty text counts as absent."""
        child = self.get(key)
        if child is None:
            return None
        optional = key not in self.shape.required and isinstance(child.value, str)
        if optional and not clean(child.value, multiline=multiline):
            return None
        return as_text(self.ctx, child, self.at(key), multiline=multiline)

    def date(self, key: str) -> PartialDate | None:
        """The date of ``key``, to the precision written."""
        child = self.get(key)
        return None if child is None else as_date(self.ctx, child, self.at(key))

    def slug(self, key: str) -> str | None:
        """The identifier in ``key``."""
        child = self.get(key)
        return None if child is None else as_slug(self.ctx, child, self.at(key))

    def matching(self, key: str, pattern: re.Pattern, *, what: str, fix: str) -> str | None:
        """The text of ``key`` when ``pattern`` matches it (:func:`matched`)."""
        value = self.text(key)
        return matched(self.ctx, value, pattern, self.at(key), self.child(key), what=what, fix=fix)

    def choice(self, key: str, choices: Iterable[str], default: str | None = None) -> str | None:
        """Text of ``key`` that must be one of ``choices``."""
        value = self.text(key)
        if value is None:
            return default if key not in self.shape.required else None
        choices = list(choices)
        if value not in choices:
            self.error(
                key,
                f"{value!r} is not a known {self.shape.name} {key}",
                fix=suggest(value, choices),
            )
            return None
        return value

    def unique_id(self, kind: str) -> str | None:
        """The ``id`` field, refused when another object of the same ``kind`` already used it."""
        value = self.slug("id")
        if value is None:
            return None
        node, key = self.child("id"), (kind, value)
        if key in self.ctx.ids:
            self.ctx.error(
                self.at("id"),
                f"{kind} id {value!r} is used twice (first on line {self.ctx.ids[key]})",
                fix=f"give every {kind} its own id",
                node=node,
            )
        self.ctx.ids.setdefault(key, node.line)
        return value

    def items(self, key: str, *, least: int = 0) -> list[tuple[str, Node]]:
        """The (path, node) pairs of the list in ``key``; [] when absent or wrong."""
        child = self.get(key)
        if child is None:
            return []
        if not isinstance(child.value, list):
            self.ctx.error(
                self.at(key),
                f"expected a list, got {describe(child.value)}",
                fix="write the values as a list, one '- ' item per line",
                node=child,
            )
            return []
        if len(child.value) < least:
            self.ctx.error(
                self.at(key),
                f"needs at least {least} item(s), got {len(child.value)}",
                fix=f"add the missing {key}",
                node=child,
            )
        path = self.at(key)
        return [(join(path, i), item) for i, item in enumerate(child.value)]

    def text_items(self, key: str, *, multiline: bool = False) -> list[tuple[str, Node, str]]:
        """The cleaned texts of a list field with their nodes and paths (bad items left out)."""
        found = []
        for path, node in self.items(key):
            value = as_text(self.ctx, node, path, multiline=multiline)
            if value is not None:
                found.append((value, node, path))
        return found

    def texts(self, key: str, *, multiline: bool = False) -> tuple[str, ...]:
        """The cleaned texts of a list field."""
        return tuple(value for value, _, _ in self.text_items(key, multiline=multiline))


def open_obj(ctx: Context, node: Node, path: str, shape: Shape) -> Obj | None:
    """Check that ``node`` is a mapping with only ``shape``'s fields; None (and errors) if not."""
    if not isinstance(node.value, dict):
        ctx.error(
            path or "(document)",
            f"expected the {shape.name} as a mapping of fields, got {describe(node.value)}",
            fix=f"write 'field: value' lines; fields: {', '.join(shape.fields)}",
            node=node,
        )
        return None
    fields = shape.fields
    for key, child in node.value.items():
        if key not in fields:
            ctx.error(
                join(path, key),
                f"unknown field {key!r} in {shape.name}",
                fix=suggest(key, shape.fields),
                line=child.key_line or child.line,
            )
    return Obj(ctx, node, path, shape)


def read_object(
    ctx: Context,
    node: Node,
    path: str,
    kind: str,
    fields: Callable[[Obj], dict[str, Any]],
    make: Callable[..., T],
) -> T | None:
    """``make(**fields(obj), where=…)`` for the ``kind`` mapping at ``path`` (see
    :data:`~govkg.records.schema.SHAPES`); None when it, or any field ``fields`` read, had an error.

    >>> from govkg.records.model import Contributor
    >>> def contributor(obj):
    ...     return dict(name=obj.text("name"), role=obj.choice("role", ["author"], "author"))
    >>> ctx, kind = Context("a.yaml"), "contributor"
    >>> ani = read_object(ctx, Node({"name": Node("Ani")}), "c", kind, contributor, Contributor)
    >>> ani.name, ani.role
    ('Ani', 'author')
    >>> read_object(ctx, Node({"role": Node("author")}), "c", kind, contributor, Contributor)
    >>> ctx.errors[0].message
    "a.yaml: c.name: required field 'name' is missing"
    """
    obj = open_obj(ctx, node, path, SHAPES[kind])
    if obj is None:
        return None
    start = ctx.count
    values = fields(obj)
    return None if ctx.failed_since(start) else make(**values, where=ctx.where(node, path))


def _sub_lines(node: Node):
    """``(key, line)`` for each field of a mapping node, and ``(key[i], line)`` for list items."""
    if not isinstance(node.value, dict):
        return
    for key, child in node.value.items():
        if child.line is not None:
            yield key, child.line
        if isinstance(child.value, list):
            for i, item in enumerate(child.value):
                if item.line is not None:
                    yield f"{key}[{i}]", item.line
