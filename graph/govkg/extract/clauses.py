"""What one sentence says about a signing: its cues, its zones, the kinds and bodies it names.

A *zone* is a stretch of tokens governed by a cue: people and bodies in a witness or
attendee zone are not parties; an agreement in a background zone was signed earlier; a body
in a place zone (``di Balai Kota Bogor``) is where the signing happened.

>>> from govkg.extract.text import read_article
>>> from govkg.extract.orgs import Lexicon
>>> art = read_article("MoU diteken Bupati Serang Ratu, disaksikan Gubernur Banten Budi.")
>>> facts = analyse(art.sentences[0], Lexicon())
>>> facts.signing, [k.kind for k in facts.kinds], [o.name.name for o in facts.officials]
(True, ['mou'], ['Ratu', 'Budi'])
>>> [facts.zone_of(o.start) for o in facts.officials]
[None, 'witness']
"""

from __future__ import annotations

from dataclasses import dataclass, field

from govkg.extract.orgs import Lexicon, OrgMatch, org_at
from govkg.extract.people import Official, officials
from govkg.extract.rules import Rules
from govkg.extract.text import Sentence

CLAUSE_WORDS = frozenset({"sedangkan", "sementara", "while", "whereas", "adapun"})
CHAIN_WORDS = frozenset({",", "dan", "serta", "and", "&", "maupun"})


@dataclass(frozen=True)
class KindMention:
    """An agreement kind named at tokens ``[start, end)``; ``background`` if signed earlier."""

    start: int
    end: int
    kind: str
    background: bool = False


@dataclass(frozen=True)
class PartyMention:
    """A body named outside any official's mention, with the role its position gives it."""

    match: OrgMatch
    role: str | None


@dataclass
class Facts:
    """The analysis of one sentence."""

    sentence: Sentence
    signing: bool = False
    zones: list[tuple[int, int, str]] = field(default_factory=list)
    kinds: list[KindMention] = field(default_factory=list)
    officials: list[Official] = field(default_factory=list)
    parties: list[PartyMention] = field(default_factory=list)
    cues: dict[str, list[int]] = field(default_factory=dict)
    cue_ends: dict[str, list[int]] = field(default_factory=dict)

    def zone_of(self, token: int) -> str | None:
        """The innermost zone holding a token (``witness``, ``background`` …), or None."""
        found = None
        for start, end, name in self.zones:
            if start <= token < end:
                found = name
        return found

    def has(self, cue: str) -> bool:
        """True when the sentence has a cue of this kind."""
        return bool(self.cues.get(cue))

    @property
    def current_kinds(self) -> list[KindMention]:
        """The kinds named outside background zones."""
        return [k for k in self.kinds if not k.background]

    @property
    def background_only(self) -> bool:
        """True when every agreement the sentence names was signed earlier."""
        return bool(self.kinds) and not self.current_kinds


def analyse(sentence: Sentence, lexicon: Lexicon, lang: str = "id") -> Facts:
    """Cues, zones, kinds, officials and party mentions of one sentence.

    >>> from govkg.extract.text import read_article
    >>> sentence = read_article("Turut hadir Kepala BPS Retno.").sentences[0]
    >>> analyse(sentence, Lexicon()).has("attendee")
    True
    """
    rules = Rules.load()
    keys = sentence.keys
    facts = Facts(sentence)
    for name, phrases in rules.cues.items():
        hits = [(at, length) for at, length, _ in phrases.find(keys)]
        if hits:
            facts.cues[name] = [at for at, _ in hits]
            facts.cue_ends[name] = [at + length for at, length in hits]
    facts.signing = facts.has("signing")
    facts.officials = officials(sentence, lexicon, lang)
    _zones(facts)
    facts.kinds = _kinds(facts)
    facts.parties = _parties(facts, lexicon)
    return facts


def _zones(facts: Facts) -> None:
    toks = facts.sentence.tokens
    n = len(toks)
    signing_at = facts.cues.get("signing", [])
    for cue in ("witness", "attendee"):
        for at in facts.cues.get(cue, []):
            later = [s for s in signing_at if s > at + 1]
            facts.zones.append((at, later[0] if later else n, cue))
    for cue in ("implements", "background"):
        for at in facts.cues.get(cue, []):
            end = next((k for k in range(at, n) if toks[k].text in {",", ";"}), n)
            facts.zones.append((at, end, cue))
    for at in facts.cues.get("on_behalf_of", []):
        nxt = next((o for o in facts.officials if o.start > at), None)
        if nxt is not None and nxt.start - at <= 3:
            facts.zones.append((nxt.start, nxt.end, "represented_head"))
        else:
            org = _org_after(toks, at + 1)
            if org is not None:
                facts.zones.append((at, org, "represented_head"))
    for at in facts.cues.get("represented_by", []):
        nxt = next((o for o in facts.officials if o.start > at), None)
        if nxt is not None and nxt.start - at <= 4:
            facts.zones.append((nxt.start, nxt.end, "representative"))
        head = next((o for o in facts.officials if at - 2 <= o.end <= at), None)
        if head is not None:
            facts.zones.append((head.start, head.end, "represented_head"))
    places = zip(facts.cues.get("place", []), facts.cue_ends.get("place", []), strict=True)
    for at, cue_end in places:
        end = _place_end(facts, cue_end - 1)
        if end > cue_end:
            facts.zones.append((at, end, "place"))


def _org_after(toks, k: int) -> int | None:
    return k + 4 if k < len(toks) else None


def _place_end(facts: Facts, at: int) -> int:
    """A place zone runs over capitalised words and commas after ``di``/``at``/``in``."""
    toks = facts.sentence.tokens
    k = at + 1
    if k < len(toks) and toks[k].key == "the":
        k += 1
    if k >= len(toks) or not toks[k].capitalised or toks[k].text[0].isdigit():
        return at
    rules = Rules.load()
    while k < len(toks):
        tok = toks[k]
        if tok.key in rules.weekdays or tok.text[0].isdigit():
            break
        if tok.capitalised or tok.text in {",", "-"} or tok.key in {"dan", "of"}:
            k += 1
            continue
        break
    while k > at and toks[k - 1].text in {",", "-"}:
        k -= 1
    return k


def _kinds(facts: Facts) -> list[KindMention]:
    rules = Rules.load()
    keys = facts.sentence.keys
    found = []
    for at, length, kind in rules.kinds.find(keys):
        zone = facts.zone_of(at)
        background = zone in {"implements", "background"} or _background_after(facts, at + length)
        found.append(KindMention(at, at + length, kind, background))
    return found


def _background_after(facts: Facts, end: int) -> bool:
    """``nota kesepahaman sebelumnya``, ``MoU yang telah ditandatangani``: an earlier one."""
    return any(end <= at <= end + 2 for at in facts.cues.get("background", []))


def _parties(facts: Facts, lexicon: Lexicon) -> list[PartyMention]:
    toks = facts.sentence.tokens
    keys = facts.sentence.keys
    inside = set()
    for official in facts.officials:
        inside.update(range(official.start, official.end))
    found: list[PartyMention] = []
    previous: PartyMention | None = None
    previous_end = -1
    k = 0
    while k < len(toks):
        if k in inside:
            k += 1
            continue
        match = org_at(toks, k, lexicon)
        if match is None:
            k += 1
            continue
        zone = facts.zone_of(k)
        role = (
            None
            if zone in {"witness", "attendee", "place", "background", "implements"}
            else (_role(facts, k, keys))
        )
        if role is None and previous is not None and _chained(toks, previous_end, k):
            role = previous.role
        if zone in {"witness", "attendee", "place", "background", "implements"}:
            role = None
        mention = PartyMention(match, role)
        found.append(mention)
        previous, previous_end = mention, match.end
        k = match.end
    return found


def _chained(toks, end: int, start: int) -> bool:
    between = [t.key for t in toks[end:start]]
    return 0 < len(between) <= 2 and all(word in CHAIN_WORDS for word in between)


def _role(facts: Facts, k: int, keys) -> str | None:
    """Why a body at token ``k`` may be a party: its place in the sentence."""
    before = keys[max(0, k - 3) : k]
    last = before[-1] if before else ""
    if last in {"antara", "between", "among"}:
        return "between"
    if last in {"dengan", "with", "bersama"} or before[-2:] == ["dengan", "the"]:
        return "with"
    if facts.has("enumeration") and any(at < k for at in facts.cues["enumeration"]):
        return "enumeration"
    party_cues = [c for c in ("first_party", "second_party", "third_party") if facts.has(c)]
    if party_cues:
        return "party-role"
    cues = [*facts.cues.get("signing", []), *(m.start for m in facts.current_kinds)]
    cues = [at for at in cues if facts.zone_of(at) not in {"background", "implements"}]
    first_cue = min(cues, default=None)
    if first_cue is not None and k < first_cue:
        return "subject"
    if facts.sentence.marker is not None and k <= 1:
        return "item"
    return None
