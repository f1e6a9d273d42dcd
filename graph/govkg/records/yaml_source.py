"""Read YAML record text into a :class:`~govkg.records.tree.Node` tree, safely and with lines.

The text is *composed* (never constructed) by :class:`RecordLoader`, which has
``yaml.safe_load``'s resolver and scalar constructors; this module then walks the
nodes itself so that it can keep line numbers, refuse duplicate keys, tags other
than the plain YAML ones, and alias expansion beyond a small budget.

>>> tree = yaml_tree("a: 1\\nb: [x, 2019-02-01]\\n", "t.yaml")
>>> tree.value["b"].value[1].value, tree.value["b"].line
(datetime.date(2019, 2, 1), 2)
>>> try:
...     yaml_tree("a: 1\\nb: !!python/object:os.system x\\n", "t.yaml")
... except RecordError as err:
...     print(err.field, err.line, err.fix)
b 2 remove the tag; records hold only text, numbers, dates, lists and mappings
"""

from __future__ import annotations

import yaml

from govkg.errors import RecordError
from govkg.records.readers import join
from govkg.records.tree import Node

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_ALIASES = 100
"""Alias uses (``*name``) allowed in one file."""
MAX_ALIAS_VALUES = 10_000
"""Values an alias may expand to, all aliases together (stops "billion laughs" files)."""
MAX_DEPTH = 64
"""Nesting depth of mappings and lists."""

_CORE = "tag:yaml.org,2002:"
_TEXT = {_CORE + "str", _CORE + "value"}  # PyYAML resolves a plain "=" to !!value
_SCALARS = _TEXT | {_CORE + name for name in ("int", "float", "bool", "null", "timestamp")}


class RecordLoader(_Base):  # type: ignore[misc, valid-type]
    """``yaml.SafeLoader`` semantics (libyaml-backed when available), used to compose nodes only."""


def yaml_tree(text: str, file: str) -> Node:
    """The record tree of one YAML document.

    :raises RecordError: syntax errors, several documents, unknown tags, duplicate
        keys, too many aliases or too deep nesting, each with its line.
    """
    loader = RecordLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(exc, file) from None
    except yaml.YAMLError as exc:
        raise _reader_error(exc, text, file) from None
    finally:
        loader.dispose()
    if node is None:
        raise RecordError(
            file,
            "(document)",
            "the file holds no YAML document",
            fix="start from the example in docs/records.md",
            line=1,
        )
    return _Walker(loader, file).node(node, "", 0)


def _syntax_error(exc: yaml.MarkedYAMLError, file: str) -> RecordError:
    mark = exc.problem_mark or exc.context_mark
    problem = " ".join(str(part) for part in (exc.context, exc.problem) if part)
    if "expected a single document" in str(exc.context):
        fix = "keep one document per file: remove the '---' separator or split the file"
    else:
        fix = "check quoting and indentation around that line (quote text containing ': ' or '#')"
    return RecordError(
        file, "(yaml)", f"not valid YAML: {problem}", fix=fix, line=mark.line + 1 if mark else 1
    )


def _reader_error(exc: yaml.YAMLError, text: str, file: str) -> RecordError:
    char = getattr(exc, "character", None)
    offset = text.find(chr(char)) if isinstance(char, int) and 0 <= char < 0x110000 else -1
    line = text.count("\n", 0, offset) + 1 if offset >= 0 else 1
    shown = f"U+{char:04X}" if isinstance(char, int) else "a character"
    return RecordError(
        file,
        "(yaml)",
        f"{shown} is not allowed in YAML text",
        fix="remove the control character, or write it as an escape in quotes",
        line=line,
    )


class _Walker:
    """Turns composed YAML nodes into a tree, counting aliases as it goes."""

    def __init__(self, loader: RecordLoader, file: str) -> None:
        self.loader, self.file = loader, file
        self.seen: set[int] = set()
        self.open: set[int] = set()
        self.aliases = self.alias_values = self.in_alias = 0
        self.outside, self.alias_at = 1, ""  # last line read outside aliases; last alias path

    def fail(
        self, node: yaml.Node, path: str, message: str, fix: str, line: int | None = None
    ) -> RecordError:
        line = line or node.start_mark.line + 1
        return RecordError(self.file, path or "(document)", message, fix=fix, line=line)

    def node(self, node: yaml.Node, path: str, depth: int) -> Node:
        alias = id(node) in self.seen
        self._count(node, path, depth, alias)
        self.seen.add(id(node))
        if not alias and not self.in_alias:
            self.outside = node.start_mark.line + 1
        self.in_alias += alias
        self.open.add(id(node))
        try:
            value = self._value(node, path, depth)
        finally:
            self.open.discard(id(node))
            self.in_alias -= alias
        return Node(value, node.start_mark.line + 1)

    def _count(self, node: yaml.Node, path: str, depth: int, alias: bool) -> None:
        if depth > MAX_DEPTH:
            raise self.fail(
                node,
                path,
                f"nested deeper than {MAX_DEPTH} levels",
                fix="flatten the structure; records are at most a few levels deep",
            )
        if alias and not self.in_alias:
            self.aliases, self.alias_at = self.aliases + 1, path
        self.alias_values += 1 if self.in_alias or alias else 0
        if id(node) in self.open:
            raise self.fail(
                node,
                self.alias_at,
                "an alias refers to a value that contains it",
                fix="remove the recursive alias (*name)",
                line=self.outside,
            )
        if self.aliases > MAX_ALIASES or self.alias_values > MAX_ALIAS_VALUES:
            raise self.fail(
                node,
                self.alias_at,
                f"too many aliases (at most {MAX_ALIASES} uses, "
                f"expanding to at most {MAX_ALIAS_VALUES} values)",
                fix="write the values out instead of using anchors and aliases",
                line=self.outside,
            )

    def _value(self, node: yaml.Node, path: str, depth: int) -> object:
        if isinstance(node, yaml.MappingNode) and node.tag == _CORE + "map":
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode) and node.tag == _CORE + "seq":
            return [self.node(item, join(path, i), depth + 1) for i, item in enumerate(node.value)]
        if isinstance(node, yaml.ScalarNode) and node.tag in _SCALARS:
            return self._scalar(node, path)
        shown = node.tag.replace(_CORE, "!!")
        raise self.fail(
            node,
            path,
            f"YAML tag {shown!r} is not allowed",
            fix="remove the tag; records hold only text, numbers, dates, lists and mappings",
        )

    def _mapping(self, node: yaml.MappingNode, path: str, depth: int) -> dict[str, Node]:
        result: dict[str, Node] = {}
        for key_node, value_node in node.value:
            key = self._key(key_node, path)
            key_line = key_node.start_mark.line + 1
            if key in result:
                raise self.fail(
                    key_node,
                    join(path, key),
                    f"field {key!r} is given twice (lines {result[key].key_line} and {key_line})",
                    fix="keep only one of them",
                )
            child = self.node(value_node, join(path, key), depth + 1)
            child.key_line = key_line
            result[key] = child
        return result

    def _key(self, key_node: yaml.Node, path: str) -> str:
        if key_node.tag == _CORE + "merge":
            raise self.fail(
                key_node,
                path,
                "merge keys ('<<') are not supported",
                fix="write the fields out in full",
            )
        if not isinstance(key_node, yaml.ScalarNode):
            raise self.fail(
                key_node,
                path,
                "a field name must be plain text",
                fix="write 'name: value'; lists and mappings cannot be field names",
            )
        return key_node.value

    def _scalar(self, node: yaml.ScalarNode, path: str) -> object:
        if node.tag in _TEXT:
            return node.value
        try:
            return self.loader.yaml_constructors[node.tag](self.loader, node)
        except Exception:
            if node.tag == _CORE + "timestamp":
                return node.value  # an impossible date: the date reader reports it
            kind = node.tag.replace(_CORE, "")
            raise self.fail(
                node,
                path,
                f"{node.value[:80]!r} cannot be read as {kind}",
                fix="remove the tag or correct the value",
            ) from None
