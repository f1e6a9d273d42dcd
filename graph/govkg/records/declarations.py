"""Organizations and people a record declares because the gazetteer does not know them."""

from __future__ import annotations

from govkg.records.model import ORGANIZATION_KINDS, OrganizationDecl, PersonDecl
from govkg.records.readers import Context, Obj, as_text, matched, read_object
from govkg.records.schema import COUNTRY_CODE, REGION_CODE
from govkg.records.tree import Node, describe


def organization(ctx: Context, node: Node, path: str) -> OrganizationDecl | None:
    """The organization declared at ``path``, or None when any of its fields had an error."""
    return read_object(ctx, node, path, "organization", _organization_fields, OrganizationDecl)


def _organization_fields(obj: Obj) -> dict[str, object]:
    return dict(
        id=obj.unique_id("organization"),
        name=obj.text("name"),
        kind=obj.choice("kind", ORGANIZATION_KINDS),
        name_en=obj.text("name_en"),
        acronyms=obj.texts("acronyms"),
        aliases=obj.texts("aliases"),
        region_code=_region_code(obj),
        province=obj.text("province"),
        parent=obj.slug("parent"),
        country=_country(obj),
    )


def _region_code(obj: Obj) -> str | None:
    node = obj.get("region_code")
    if node is None:
        return None
    if isinstance(node.value, int | float) and not isinstance(node.value, bool):
        obj.error(
            "region_code",
            f"a region code is text, got {describe(node.value)}",
            fix='put it in quotes, e.g. region_code: "36.04" (as numbers 36.40 and '
            "36.4 are the same)",
        )
        return None
    value = as_text(obj.ctx, node, obj.at("region_code"))
    fix = 'write "PP" for a province or "PP.KK" for a regency or city, e.g. "36.04"'
    what = "a Kemendagri region code"
    return matched(obj.ctx, value, REGION_CODE, obj.at("region_code"), node, what=what, fix=fix)


def _country(obj: Obj) -> str | None:
    """An ISO 3166-1 alpha-2 code (its shape is checked: two capital letters)."""
    fix = 'write two capital letters, e.g. "JP" or "AU"; leave it out for Indonesian bodies'
    return obj.matching("country", COUNTRY_CODE, what="an ISO 3166-1 alpha-2 country code", fix=fix)


def person(ctx: Context, node: Node, path: str) -> PersonDecl | None:
    """The person declared at ``path`` (its id is registered for signatories to refer to)."""
    return read_object(ctx, node, path, "person", _person_fields, PersonDecl)


def _person_fields(obj: Obj) -> dict[str, object]:
    person_id = obj.unique_id("person")
    if person_id is not None:
        obj.ctx.people.add(person_id)
    return dict(id=person_id, name=obj.text("name"), aliases=obj.texts("aliases"))
