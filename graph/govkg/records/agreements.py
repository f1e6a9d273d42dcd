"""Agreements and their signatories, read from a record tree with their cross-checks.

Parties must be two or more and distinct (compared with :func:`govkg.text.fold`);
a signatory signs for one of them; ids are unique within the file.
"""

from __future__ import annotations

from govkg.records.fields import SHAPES
from govkg.records.model import AGREEMENT_KINDS, Agreement, Signatory
from govkg.records.readers import Context, Obj, open_obj
from govkg.records.tree import Node
from govkg.text import fold


def agreement(ctx: Context, node: Node, path: str) -> Agreement | None:
    """The agreement at ``path``, or None when any of its fields had an error."""
    obj = open_obj(ctx, node, path, SHAPES["agreement"])
    if obj is None:
        return None
    start = ctx.count
    parties = _parties(obj)
    values = dict(
        kind=obj.choice("kind", AGREEMENT_KINDS),
        parties=parties,
        signatories=tuple(_signatory(ctx, n, p, parties) for p, n in obj.items("signatories")),
        fields=obj.texts("fields"),
        scope=obj.text("scope", multiline=True),
        id=obj.unique_id("agreement"),
        title=obj.text("title"),
        number=obj.text("number"),
        implements=_implements(obj),
        notes=obj.texts("notes", multiline=True),
    )
    return None if ctx.failed_since(start) else Agreement(**values, where=ctx.where(node, path))


def _implements(obj: Obj) -> str | None:
    value = obj.slug("implements")
    if value is not None and value == obj.node.value.get("id", Node(None)).value:
        obj.ctx.error(
            obj.at("implements"),
            f"agreement {value!r} cannot implement itself",
            fix="name the agreement this one carries out (e.g. the MoU of a PKS)",
            node=obj.child("implements"),
        )
    return value


def _parties(obj: Obj) -> tuple[str, ...] | None:
    items = obj.text_items("parties")
    seen: dict[str, str] = {}
    for value, node, path in items:
        key = fold(value)
        if not key:
            obj.ctx.error(
                path,
                f"party {value!r} has no letters or digits",
                fix="write the party's name or acronym",
                node=node,
            )
        elif key in seen:
            obj.ctx.error(
                path,
                f"party {value!r} is listed twice (also as {seen[key]!r})",
                fix="list each party once",
                node=node,
            )
        seen.setdefault(key, value)
    if obj.get("parties") is not None and len(seen) < 2:
        obj.ctx.error(
            obj.at("parties"),
            f"an agreement needs two or more distinct parties, got {len(seen)}",
            fix="list every party that signed, e.g. [LAN, LIPI]",
            node=obj.child("parties"),
        )
    return tuple(value for value, _, _ in items)


def _signatory(
    ctx: Context, node: Node, path: str, parties: tuple[str, ...] | None
) -> Signatory | None:
    obj = open_obj(ctx, node, path, SHAPES["signatory"])
    if obj is None:
        return None
    start = ctx.count
    party = obj.text("party")
    if party is not None and parties and fold(party) not in {fold(p) for p in parties}:
        ctx.error(
            obj.at("party"),
            f"{party!r} is not one of this agreement's parties",
            fix=f"use one of {', '.join(parties)}, or add the party to 'parties'",
            node=obj.child("party"),
        )
    person = obj.slug("person")
    if person is not None and person not in ctx.people:
        ctx.error(
            obj.at("person"),
            f"person {person!r} is not declared",
            fix="declare it under 'people:' (id, name) or remove 'person'",
            node=obj.child("person"),
        )
    values = dict(
        name=obj.text("name"),
        post=obj.text("post"),
        party=party,
        person_id=person,
        honorifics=obj.texts("honorifics"),
    )
    return None if ctx.failed_since(start) else Signatory(**values, where=ctx.where(node, path))
