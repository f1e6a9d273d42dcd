"""Turn a record tree (from YAML, JSON or CSV) into the record model, checking every field.

All errors of a file are collected; if there are any, :func:`parse_tree` raises
them together instead of returning a half-checked :class:`RecordSet`.

>>> from govkg.records.tree import Node
>>> root = Node({"govkg": Node(1), "source": Node({"id": Node("demo"), "kind": Node("news"),
...     "language": Node("id")}), "events": Node([Node({"date": Node("2019-02-01"),
...     "agreements": Node([Node({"kind": Node("mou"), "parties": Node([Node("LAN"),
...     Node("LIPI")])})])})])})
>>> parse_tree(root, "demo.yaml").events[0].agreements[0].parties
('LAN', 'LIPI')
"""

from __future__ import annotations

from urllib.parse import urlsplit

from govkg.records.agreements import agreement, evidence_items
from govkg.records.dates import PartialDate
from govkg.records.declarations import organization, person
from govkg.records.model import SOURCE_KINDS, Contributor, Event, RecordSet, Source
from govkg.records.readers import Context, Obj, open_obj, read_object
from govkg.records.schema import (
    CONTRIBUTOR_ROLES,
    FORMAT_VERSION,
    INDEPENDENCE,
    LANGUAGE_TAG,
    MAX_URL_LENGTH,
    SHAPES,
)
from govkg.records.tree import Node


def parse_tree(root: Node, file: str) -> RecordSet:
    """The record set a tree describes.

    :raises RecordError: one problem, with file, field path and line.
    :raises RecordErrors: several problems, all listed.
    """
    ctx = Context(file)
    record = open_obj(ctx, root, "", SHAPES["record"])
    result = _record(ctx, record) if record is not None else None
    if ctx.count or result is None:
        raise ctx.failure()
    return result


def _record(ctx: Context, record: Obj) -> RecordSet | None:
    start = ctx.count
    _version(record)
    source = _source(ctx, record)
    people = tuple(person(ctx, node, path) for path, node in record.items("people"))
    organizations = tuple(
        organization(ctx, node, path) for path, node in record.items("organizations")
    )
    events = tuple(_event(ctx, node, path) for path, node in record.items("events", least=1))
    if ctx.failed_since(start):
        return None
    return RecordSet(ctx.file, source, events, organizations, people)


def _version(record: Obj) -> None:
    node = record.get("govkg")
    if node is not None and (type(node.value) is not int or node.value != FORMAT_VERSION):
        record.ctx.error(
            "govkg",
            f"unsupported format version {node.value!r}",
            fix=f"write 'govkg: {FORMAT_VERSION}' at the top of the file",
            node=node,
        )


def _source(ctx: Context, record: Obj) -> Source | None:
    node = record.get("source")
    return (
        None if node is None else read_object(ctx, node, "source", "source", _source_fields, Source)
    )


def _source_fields(src: Obj) -> dict[str, object]:
    ctx = src.ctx
    ctx.published = src.date("published")
    return dict(
        id=src.slug("id"),
        kind=src.choice("kind", SOURCE_KINDS),
        title=src.text("title"),
        url=_url(src),
        publisher=src.text("publisher"),
        published=ctx.published,
        language=_language(src),
        contributors=tuple(_contributor(ctx, n, p) for p, n in src.items("contributors")),
    )


def _url(src: Obj) -> str | None:
    value = src.text("url")
    if value is None:
        return None
    try:
        parts = urlsplit(value)
    except ValueError:
        parts = None
    if (
        parts is None
        or parts.scheme not in ("http", "https")
        or not parts.netloc
        or any(ch.isspace() or ch in '<>"{}|\\^`' for ch in value)
        or len(value) > MAX_URL_LENGTH
    ):
        src.error(
            "url",
            f"{value[:80]!r} is not a usable web address",
            fix=f'give a full http:// or https:// URL without spaces or <>"{{}}|\\^` '
            f"characters, at most {MAX_URL_LENGTH} long (percent-encode them: a space is %20)",
        )
        return None
    return value


def _language(src: Obj) -> str | None:
    fix = "use a tag such as 'id' (Indonesian) or 'en' (English)"
    return src.matching("language", LANGUAGE_TAG, what="a BCP 47 language tag", fix=fix)


def _contributor(ctx: Context, node: Node, path: str) -> Contributor | None:
    return read_object(ctx, node, path, "contributor", _contributor_fields, Contributor)


def _contributor_fields(obj: Obj) -> dict[str, object]:
    return dict(name=obj.text("name"), role=obj.choice("role", CONTRIBUTOR_ROLES, default="author"))


def _event(ctx: Context, node: Node, path: str) -> Event | None:
    return read_object(ctx, node, path, "event", _event_fields, Event)


def _event_fields(obj: Obj) -> dict[str, object]:
    return dict(
        date=_event_date(obj),
        place=obj.text("place"),
        city=obj.text("city"),
        notes=obj.texts("notes", multiline=True),
        agreements=tuple(agreement(obj.ctx, n, p) for p, n in obj.items("agreements", least=1)),
        evidence=evidence_items(obj),
    )


def _event_date(obj: Obj) -> PartialDate | None:
    """The signing date; refused before independence or after publication (coarser precision)."""
    when = obj.date("date")
    if when is None:
        return None
    published = obj.ctx.published
    if INDEPENDENCE.later_than(when):
        obj.error(
            "date",
            f"{when} is before 17 August 1945",
            fix="check the year; records cover agreements of the Republic",
        )
    elif published is not None and when.later_than(published):
        obj.error(
            "date",
            f"signed on {when}, after the source was published "
            f"({published}); a source cannot report a later signing",
            fix=f"check both dates: {obj.at('date')} and source.published",
        )
    return when
