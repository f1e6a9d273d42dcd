"""Agreements and their signatories, read from a record tree with their cross-checks.

Parties must be two or more and distinct (compared with :func:`govkg.text_hygiene.fold`);
a signatory signs for one of them; ids are unique within the file. Events, agreements
and signatories may carry ``evidence``: quotes from the source with their offsets.
"""

from __future__ import annotations

from govkg.records.model import (
    AGREEMENT_KINDS,
    Agreement,
    Evidence,
    Represented,
    Signatory,
    Witness,
)
from govkg.records.readers import Context, Obj, open_obj, read_object
from govkg.records.schema import SHAPES
from govkg.records.tree import Node, describe
from govkg.text_hygiene import fold


def agreement(ctx: Context, node: Node, path: str) -> Agreement | None:
    """The agreement at ``path``, or None when any of its fields had an error."""
    return read_object(ctx, node, path, "agreement", _agreement_fields, Agreement)


def _agreement_fields(obj: Obj) -> dict[str, object]:
    ctx, parties = obj.ctx, _parties(obj)
    return dict(
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
        witnesses=tuple(_witness(ctx, n, p) for p, n in obj.items("witnesses")),
        evidence=evidence_items(obj),
    )


def evidence_items(owner: Obj) -> tuple[Evidence, ...]:
    """The ``evidence`` list of an event, agreement or signatory (bad items left out, reported).

    Each item needs a ``quote``; ``start`` and ``end`` (character offsets into the source
    text, end exclusive) come together with ``0 <= start < end``; ``confidence`` is a
    number from 0 to 1.
    """
    found = []
    for path, node in owner.items("evidence"):
        obj = open_obj(owner.ctx, node, path, SHAPES["evidence"])
        if obj is None:
            continue
        start = owner.ctx.count
        quote = obj.text("quote", multiline=True)
        begin, end = _offset(obj, "start"), _offset(obj, "end")
        if (begin is None) != (end is None) and not owner.ctx.failed_since(start):
            missing = "end" if end is None else "start"
            obj.ctx.error(
                obj.at(missing),
                "'start' and 'end' are given together or not at all",
                fix=f"add '{missing}' (character offsets of the quote), or remove both",
                node=node,
            )
        elif begin is not None and end is not None and begin >= end:
            obj.error(
                "end",
                f"end {end} is not after start {begin}",
                fix="give the offset just after the quote's last character as 'end'",
            )
        confidence = _confidence(obj)
        if not owner.ctx.failed_since(start):
            found.append(Evidence(quote, begin, end, confidence, owner.ctx.where(node, path)))
    return tuple(found)


def _number(obj: Obj, key: str) -> int | float | None:
    node = obj.get(key)
    if node is None:
        return None
    if isinstance(node.value, bool) or not isinstance(node.value, int | float):
        obj.error(
            key,
            f"expected a number, got {describe(node.value)}",
            fix=f"write {key} as a plain number without quotes",
        )
        return None
    return node.value


def _offset(obj: Obj, key: str) -> int | None:
    value = _number(obj, key)
    if value is not None and (not isinstance(value, int) or value < 0):
        obj.error(
            key,
            f"{value!r} is not a character offset",
            fix="write a whole number, 0 or more (0 is the first character of the text)",
        )
        return None
    return value


def _confidence(obj: Obj) -> float | None:
    value = _number(obj, "confidence")
    if value is not None and not 0 <= value <= 1:
        obj.error(
            "confidence",
            f"confidence {value!r} is outside 0..1",
            fix="write a number from 0 (a guess) to 1 (certain)",
        )
        return None
    return None if value is None else float(value)


def _implements(obj: Obj) -> str | None:
    value = obj.slug("implements")
    if value is not None and value == obj.node.value.get("id", Node(None)).value:
        obj.error(
            "implements",
            f"agreement {value!r} cannot implement itself",
            fix="name the agreement this one carries out (e.g. the MoU of a PKS)",
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
        obj.error(
            "parties",
            f"an agreement needs two or more distinct parties, got {len(seen)}",
            fix="list every party that signed, e.g. [LAN, LIPI]",
        )
    return tuple(value for value, _, _ in items)


def _signatory(
    ctx: Context, node: Node, path: str, parties: tuple[str, ...] | None
) -> Signatory | None:
    def fields(obj: Obj) -> dict[str, object]:
        return _signatory_fields(obj, parties)

    return read_object(ctx, node, path, "signatory", fields, Signatory)


def _signatory_fields(obj: Obj, parties: tuple[str, ...] | None) -> dict[str, object]:
    party = obj.text("party")
    if party is not None and parties and fold(party) not in {fold(p) for p in parties}:
        obj.error(
            "party",
            f"{party!r} is not one of this agreement's parties",
            fix=f"use one of {', '.join(parties)}, or add the party to 'parties'",
        )
    person = obj.slug("person")
    if person is not None and person not in obj.ctx.people:
        obj.error(
            "person",
            f"person {person!r} is not declared",
            fix="declare it under 'people:' (id, name) or remove 'person'",
        )
    return dict(
        name=obj.text("name"),
        post=obj.text("post"),
        party=party,
        person_id=person,
        honorifics=obj.texts("honorifics"),
        on_behalf_of=_represented(obj),
        evidence=evidence_items(obj),
    )


def _represented(signatory: Obj) -> Represented | None:
    """The official the signatory signed for (``on_behalf_of: {post, name?}``)."""
    node = signatory.get("on_behalf_of")
    path = signatory.at("on_behalf_of")
    obj = open_obj(signatory.ctx, node, path, SHAPES["on_behalf_of"]) if node is not None else None
    if obj is None:
        return None
    start = signatory.ctx.count
    post, name = obj.text("post"), obj.text("name")
    return None if signatory.ctx.failed_since(start) else Represented(post, name)


def _witness(ctx: Context, node: Node, path: str) -> Witness | None:
    """A person who witnessed the signing (not a signatory); the organization as written."""
    return read_object(ctx, node, path, "witness", _witness_fields, Witness)


def _witness_fields(obj: Obj) -> dict[str, object]:
    return dict(name=obj.text("name"), post=obj.text("post"), organization=obj.text("organization"))
