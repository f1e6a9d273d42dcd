"""A learned screen of a draft's parties: which bodies the report names are not parties.

Each party of a draft (a body the rules took as a party) gets a few numbers saying how the
report names it (:func:`features`): the roles its places in sentences gave it, whether someone
signs for it, how often and how early the report names it, whether it is named in quotes, in a
sentence about an earlier agreement or among witnesses and places, what kind of body it is.
A logistic model (weights in ``party_model.yaml`` beside this file, trained offline by
``tools/govkg_tools/party_model_train.py`` on the development reports) turns them into the
chance that the body is a party. When the model is enabled, a draft of three parties or more
loses the parties below the threshold (never going below two, never a body someone
signs for). The runtime is a dot product.

>>> from govkg.extract.agreements import analyse_article
>>> from govkg.extract.text import read_article
>>> art = read_article("Kepala LAN Adi dan Kepala BPS Retno meneken MoU, Kamis (19/5/2022).")
>>> analysis = analyse_article(art, "id")
>>> rows = candidates(analysis.drafts, analysis.facts)
>>> [(org.ident, row["signed"]) for _, org, row in rows]
[('lan', 1.0), ('bps', 1.0)]
"""

from __future__ import annotations

import contextlib
import functools
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from govkg.extract.clauses import Facts
from govkg.extract.drafts import Draft
from govkg.extract.orgs import Org

MODEL_FILE = Path(__file__).with_name("party_model.yaml")
ROLES = ("subject", "with", "between", "enumeration", "party-role", "item", "signer", "further")
ELSEWHERE = frozenset({"mentioned", "named", "unknown"})
ASIDE = frozenset({"witness", "attendee", "place", "background", "implements"})


@dataclass(frozen=True)
class Model:
    """Weights per feature, a bias, the threshold below which a party is dropped."""

    weights: dict[str, float]
    bias: float
    threshold: float
    enabled: bool = False
    cap_below: float | None = None
    cap: float = 0.6

    def chance(self, row: dict[str, float]) -> float:
        """The chance that a body with these features is a party.

        >>> Model({"signed": 2.0}, -1.0, 0.5).chance({"signed": 1.0})
        0.7310585786300049
        """
        z = self.bias + sum(w * row.get(name, 0.0) for name, w in self.weights.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@functools.cache
def shipped() -> Model:
    """The model of ``party_model.yaml``."""
    data = yaml.safe_load(MODEL_FILE.read_text(encoding="utf-8"))
    return Model(
        {str(k): float(v) for k, v in data["weights"].items()},
        float(data["bias"]),
        float(data["threshold"]),
        bool(data.get("enabled", False)),
        data.get("cap_below"),
        float(data.get("cap", 0.6)),
    )


_override: list[Model | None] = []


@contextlib.contextmanager
def using(model: Model | None) -> Iterator[None]:
    """Extract with another model (or none) inside the block: for training and measuring."""
    _override.append(model)
    try:
        yield
    finally:
        _override.pop()


def current() -> Model | None:
    """The model extraction uses now: the overriding one, else the shipped one if enabled."""
    if _override:
        return _override[-1]
    model = shipped()
    return model if model.enabled else None


def features(draft: Draft, org: Org, facts: Sequence[Facts]) -> dict[str, float]:
    """The numbers the model reads about one party of a draft."""
    ident = org.ident
    roles = draft.roles.get(ident, set())
    row = {f"role_{r}": float(r in roles) for r in ROLES}
    row["role_elsewhere"] = float(bool(roles) and roles <= ELSEWHERE)
    row["roles"] = float(len(roles - ELSEWHERE))
    signers = [s for s in draft.signers if s.org is not None and s.org.ident == ident]
    best = max((c for s in signers for _, c in s.sentences), default=0.0)
    row["signed"] = float(bool(signers))
    row["signer_conf"] = best
    seen, aside, weak, quoted = _mentions(ident, facts)
    n = max(len(facts), 1)
    row["mentions"] = math.log1p(len(seen))
    row["first_pos"] = min(seen, default=n) / n
    row["headline"] = float(0 in seen)
    row["aside_share"] = aside / max(len(seen), 1) if seen else 0.0
    row["weak"] = float(weak)
    own = draft.party_sentences.get(ident, set())
    row["signing_sentence"] = float(any(facts[i].signing for i in own if i < len(facts)))
    row["only_quoted"] = float(bool(own) and all(facts[i].quoted for i in own if i < len(facts)))
    row["quoted_share"] = quoted / max(len(seen), 1) if seen else 0.0
    row["rule_conf"] = max((draft.sentences.get(i, 0.0) for i in own), default=0.0)
    row["known"] = float(org.known)
    row["local"] = float(org.is_local)
    row["foreign"] = float(org.country is not None or org.kind.startswith("Foreign"))
    row["unit"] = float(org.kind in {"GovernmentUnit", "RegionalOffice"})
    row["hub"] = float(draft.hub == ident)
    row["many"] = float(len(draft.parties) >= 3)
    return row


def _mentions(ident: str, facts: Sequence[Facts]) -> tuple[set[int], int, bool, int]:
    """The sentences naming the body (as a party mention or an official's body), how many of
    them name it only in a zone set aside (witness, place, background …), whether every
    mention is a bare area name, how many of them are quotes."""
    seen: set[int] = set()
    aside = quoted = 0
    weak = True
    for f in facts:
        zones = []
        for p in f.parties:
            if p.match.org.ident == ident:
                zones.append(f.zone_of(p.match.start))
                weak = weak and p.match.weak
        for o in f.officials:
            if o.org is not None and o.org.org.ident == ident:
                zones.append(f.zone_of(o.start))
                weak = False
        if zones:
            seen.add(f.sentence.index)
            aside += all(z in ASIDE or f.background_only for z in zones)
            quoted += f.quoted
    return seen, aside, weak and bool(seen), quoted


def candidates(
    drafts: Sequence[Draft], facts: Sequence[Facts]
) -> list[tuple[int, Org, dict[str, float]]]:
    """Every party of every draft with its features: (draft number, body, features)."""
    return [
        (n, org, features(draft, org, facts))
        for n, draft in enumerate(drafts)
        for org in list(draft.parties.values())
    ]


def screen(drafts: Sequence[Draft], facts: Sequence[Facts], model: Model | None = None) -> None:
    """Drop from each draft of three parties or more the parties the model (default:
    :func:`current`) finds unlikely, keeping at least the two likeliest, the hub and every
    body someone signs for (the signatory rules settle those)."""
    model = model or current()
    if model is None:
        return
    for draft in drafts:
        if len(draft.parties) < 3:
            continue
        chances = {o.ident: model.chance(features(draft, o, facts)) for o in draft.parties.values()}
        ranked = sorted(chances, key=lambda i: -chances[i])
        signed = {s.org.ident for s in draft.signers if s.org is not None}
        kept = signed | {draft.hub}
        low = [i for i in ranked[2:] if chances[i] < model.threshold and i not in kept]
        for ident in low:
            name = draft.parties.pop(ident).name
            draft.roles.pop(ident, None)
            draft.party_sentences.pop(ident, None)
            draft.items.pop(ident, None)
            draft.notes.append(
                f"{name} is named in the report but its place there looks like that of a body "
                f"that is not a party (party model: {chances[ident]:.2f}); it was left out: check"
            )


def capped(sure: float, parties: Sequence[Org], draft: Draft, facts: Sequence[Facts]) -> float:
    """An agreement's confidence, no higher than the model's ``cap`` when one of its parties
    has a chance below ``cap_below`` (when the model is enabled and sets one)."""
    model = current()
    if model is None or model.cap_below is None:
        return sure
    low = min(model.chance(features(draft, org, facts)) for org in parties)
    return min(sure, model.cap) if low < model.cap_below else sure
