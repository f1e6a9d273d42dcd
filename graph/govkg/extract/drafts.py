"""Drafts: agreements being put together from a report's sentences, before splitting.

>>> draft = Draft("pks")
>>> draft.sentences, family("kesepakatan-bersama")
({}, 'mou')
"""

from __future__ import annotations

from dataclasses import dataclass, field

from govkg.extract.fields import FieldHit
from govkg.extract.orgs import Org
from govkg.extract.rules import Rules
from govkg.extract.signatories import Signer


@dataclass
class Scope:
    """Fields named in one sentence, and the bodies that sentence names."""

    sentence: int
    hits: list[FieldHit]
    text: str
    bodies: frozenset[str]
    item: bool = False
    locals: tuple[Org, ...] = ()


@dataclass
class Draft:
    """An agreement (or a set of bilateral ones) being put together from sentences."""

    kind: str | None
    sentences: dict[int, float] = field(default_factory=dict)
    parties: dict[str, Org] = field(default_factory=dict)
    roles: dict[str, set[str]] = field(default_factory=dict)
    signers: list[Signer] = field(default_factory=list)
    scopes: list[Scope] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    bilateral: bool = False
    multilateral: bool = False
    hub: str | None = None
    items: dict[str, int] = field(default_factory=dict)
    implements: Draft | None = None
    earlier: tuple[str, int] | None = None
    secondary: bool = False
    scope_items: bool = False
    party_sentences: dict[str, set[int]] = field(default_factory=dict)
    counted: bool = False
    partner_count: int | None = None
    split_cue: bool = False
    joint_list: bool = False
    joint_count: int | None = None
    joint_between: bool = False
    copy: int = 0  # the n-th of several documents the report counts between the same parties
    hub_guessed: bool = False
    hub_taken: bool = False  # the hub of further partners taken from the first agreement

    def add_party(self, org: Org, role: str, sentence: int) -> None:
        """Add a body as a party (once), remembering why and where."""
        self.parties.setdefault(org.ident, org)
        self.roles.setdefault(org.ident, set()).add(role)
        self.party_sentences.setdefault(org.ident, set()).add(sentence)
        self.sentences.setdefault(sentence, 0.0)


def formal_kinds() -> dict[str, str]:
    return Rules.load().data["agreements"]["same_kind"]


def family(kind: str | None) -> str | None:
    """``kesepakatan-bersama`` and ``mou`` name the same document when a report uses both."""
    return formal_kinds().get(kind or "", kind)
