"""Who signs: the officials of a sentence that put their names to the agreement, and for whom.

A person named in a sentence reporting a signing signs, unless a cue says otherwise: a
witness (``disaksikan``), an attendee (``turut hadir``), a head who is represented
(``Kepala BPOM diwakili oleh …``, ``… mewakili Bupati Serang``), a speaker (``…, ujarnya``).
Someone named after ``diwakili oleh`` signs for the body of the head before the cue. A post
without a name takes the name given to the same post elsewhere in the report.

>>> from govkg.extract.text import read_article
>>> from govkg.extract.orgs import Lexicon
>>> from govkg.extract.clauses import analyse
>>> art = read_article("Kepala BPOM diwakili oleh Sekretaris Utama Elin Herlina meneken MoU.")
>>> facts = [analyse(s, Lexicon()) for s in art.sentences]
>>> [(s.name, s.post, s.org.ident) for s in signers(facts[0], facts)]
[('Elin Herlina', 'Sekretaris Utama', 'bpom')]
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from govkg.extract.clauses import Facts
from govkg.extract.names import is_title
from govkg.extract.orgs import Org, gazetteer_index
from govkg.extract.people import (
    Official,
    fold_name,
    is_post_phrase,
    is_post_word,
    spelled_out,
)
from govkg.extract.rules import Phrases, Rules
from govkg.extract.text import Token, token_key


@functools.cache
def _not_signing() -> frozenset[str]:
    """Zones whose officials do not sign (witnesses, attendees, heads who are represented)."""
    return frozenset(Rules.load().data["signatories"]["not_signing_zones"])


@functools.cache
def _region_roles() -> dict[str, str]:
    """Roles whose body can be told from the post alone, when only one party is of that kind."""
    return dict(Rules.load().data["signatories"]["body_kind_of_role"])


@dataclass
class Signer:
    """A person signing, in a post, for a body; with the sentences that say so."""

    name: str
    post: str
    role: str
    org: Org | None
    honorifics: tuple[str, ...]
    sentences: list[tuple[int, float]]
    notes: list[str] = field(default_factory=list)
    acting: str | None = None

    @property
    def key(self) -> str:
        """The person as a comparison key (their folded name)."""
        return fold_name(self.name)


def signers(facts: Facts, everyone: Sequence[Facts]) -> list[Signer]:
    """The people who sign in one sentence (``everyone``: all sentences, for names given
    elsewhere).

    >>> from govkg.extract.text import read_article
    >>> from govkg.extract.orgs import Lexicon
    >>> from govkg.extract.clauses import analyse
    >>> art = read_article("Disaksikan Gubernur Banten Budi.")
    >>> facts = [analyse(s, Lexicon()) for s in art.sentences]
    >>> signers(facts[0], facts)
    []
    """
    found = _signers(facts, everyone, facts.signing)
    following = _continuation(facts, everyone) if not found else None
    return _signers(following, everyone, True) if following is not None else found


def _continuation(facts: Facts, everyone: Sequence[Facts]) -> Facts | None:
    """The next sentence when it goes on naming the signers of this one (``… dilakukan
    penandatanganan nota kesepahaman. Antara Kepala X, NAME, dan Rektor Y, NAME …``, ``Dua pihak
    yang terlibat yakni …``)."""
    if not facts.signing or facts.zone_of(len(facts.sentence.tokens) - 1) in _not_signing():
        return None  # "… disaksikan pejabat tinggi. Yakni, …" names witnesses
    at = next((k for k, f in enumerate(everyone) if f is facts), None)
    if at is None or at + 1 >= len(everyone):
        return None
    following = everyone[at + 1]
    starts = Rules.load().cue("continuation") if "continuation" in Rules.load().cues else None
    keys = following.sentence.keys
    if following.signing or starts is None or not keys:
        return None
    return following if starts.match(keys, 0) or _parties_listed(following) else None


def _parties_listed(facts: Facts) -> bool:
    """``Tiga pihak yang terlibat yakni Gubernur …, Kepala …``: a word for the parties, then a
    continuation word before every official."""
    cues = facts.cues.get("continuation", [])
    if not cues or not facts.officials or cues[0] > facts.officials[0].start:
        return False
    words = frozenset(Rules.load().data["signatories"]["party_words"])
    return any(key in words for key in facts.sentence.keys[: cues[0]])


def _signers(facts: Facts, everyone: Sequence[Facts], signing: bool) -> list[Signer]:
    found = []
    conf = Rules.load().confidence
    for official in facts.officials:
        zone = facts.zone_of(_anchor(official))
        if zone == "witness" and _signs_after_witnessed_signing(facts, official):
            zone = None
        if zone == "represented_head" and _partner_after_body(facts, official):
            zone = None
        speaking = _is_speaker(facts, official)
        if speaking and not speaker_signs(facts, official):
            continue
        if zone in _not_signing() or _witnesses(facts, official):
            continue
        if zone != "representative" and not signing:
            continue
        if zone is None and signing_as_event(facts) and _does_other(facts, official):
            continue
        sure = conf["signer_represented"] if zone == "representative" else _confidence(official)
        sure = min(sure, conf["signer_speaking"]) if speaking else sure
        org = official.org.org if official.org else None
        if org is not None and zone == "representative":
            org = _unit_of_represented(facts, official, org)
        if org is None and _named(official):
            org, official = _place_in_name(official, everyone)
        if org is None and not _named(official):
            other = coreferent(official, everyone)
            org = other.org.org if other is not None and other.org is not None else None
        notes: list[str] = []
        if _named(official) and zone != "representative":
            org, sure = _body_elsewhere(official, org, sure, everyone, notes)
        if org is None and zone == "representative":
            org = _represented_org(facts, official)
        if org is None:
            org = _behalf_body(facts, official) or _body_just_before(facts, official)
        if org is not None and not org.known:
            org = spelled_out(org, _bodies_named(everyone)) or org
        name, honorifics = _name(official, everyone)
        if name is None:
            continue
        if not _named(official):
            sure = min(sure, conf["signer_coreference"])
            notes.append(f"{name} is named as {official.post} elsewhere in the report")
        if official.acting:
            notes.append(f"{name} signed as acting {official.post} ({official.acting})")
        found.append(
            Signer(
                name,
                official.post,
                official.role,
                org,
                honorifics,
                [(facts.sentence.index, sure)],
                notes,
                official.acting,
            )
        )
    return found


def _place_in_name(official: Official, everyone: Sequence[Facts]) -> tuple[Org | None, Official]:
    """A post's place read into the name of a person without a body (``Gubernur Morobe Ginson
    Sauno``): when the first word is a word of a body of the post's kind, or a local government
    of another country, that the report names, the body, and the official without that word.

    >>> from govkg.extract.text import read_article
    >>> from govkg.extract.orgs import Lexicon
    >>> from govkg.extract.clauses import analyse
    >>> from govkg.extract.names import name_after
    >>> art = read_article("Provinsi Bali meneken MoU. Diteken Gubernur Bali Adi Nugroho.")
    >>> facts = [analyse(s, Lexicon()) for s in art.sentences]
    >>> o = replace(facts[1].officials[0], org=None, name=name_after(facts[1].sentence.tokens, 2))
    >>> org, o = _place_in_name(o, facts)
    >>> org.ident, o.name.name
    ('provinsi-51', 'Adi Nugroho')
    """
    words = official.name.name.split()
    if len(words) < 3 or token_key(words[0]) in _given_names():
        return None, official
    kinds = {_region_roles().get(official.role), "ForeignLocalGovernment"}
    first = token_key(words[0])
    found = {
        org.ident: org
        for org in _bodies_named(everyone)
        if org.kind in kinds and first in fold_name(org.name).split()
    }
    if len(found) != 1:
        return None, official
    name = replace(official.name, name=" ".join(words[1:]), start=official.name.start + 1)
    return next(iter(found.values())), replace(official, name=name)


def _body_elsewhere(
    official: Official, org: Org | None, sure: float, everyone: Sequence[Facts], notes: list[str]
) -> tuple[Org | None, float]:
    """The body of a signer named without one (or with only the body its office belongs to),
    from elsewhere in the report: the same person in the same post with a body (``Kapolres
    Magelang Kota AKBP Yolanda``), else the one body of the post's kind the report names."""
    conf = Rules.load().confidence
    other = same_person_body(official, org, everyone)
    if other is not None:
        if org is None:
            name = official.name.name
            notes.append(f"{name} is named as {official.post} of {other.name} elsewhere")
        return other, min(sure, conf["signer_org_elsewhere"]) if org is None else sure
    if org is not None:
        return org, sure
    taken = {  # ``Wali Kota Bandung dan Wali Kota X``: another person holds that post
        o.org.org.ident
        for f in everyone
        if f.sentence.index == official.sentence
        for o in f.officials
        if o is not official and o.role == official.role and o.org is not None
    }
    only = only_body_of_kind(official.role, everyone)
    if only is None or only.ident in taken:
        return None, sure
    notes.append(
        f"the report does not say which body {official.name.name} signed for; {only.name} is "
        f"the one body it names that a {official.post} heads"
    )
    return only, min(sure, conf["signer_org_in_report"])


def same_person_body(official: Official, org: Org | None, everyone: Sequence[Facts]) -> Org | None:
    """The body another mention of the same person in the same post gives, when this mention
    gives none or only the body that one belongs to.

    >>> from govkg.extract.text import read_article
    >>> from govkg.extract.orgs import Lexicon
    >>> from govkg.extract.clauses import analyse
    >>> art = read_article("Bupati Adi Nugroho meneken MoU. Bupati Serang Adi Nugroho senang.")
    >>> facts = [analyse(s, Lexicon()) for s in art.sentences]
    >>> same_person_body(facts[0].officials[0], None, facts).ident
    'kabupaten-36-04'
    """
    words = fold_name(official.name.name).split()
    for f in everyone:
        for o in f.officials:
            if o is official or o.org is None or o.role != official.role or not _named(o):
                continue
            other = fold_name(o.name.name).split()
            same = other == words or _part_of(words, other) or _part_of(other, words)
            if same and (org is None or o.org.org.parent == org.ident):
                return o.org.org
    return None


def only_body_of_kind(role: str, everyone: Sequence[Facts]) -> Org | None:
    """The one body of the kind a post heads (``Gubernur``: a province) that the report names
    outside witnesses and guests (a place may be the body's: ``di Kabupaten Serang``), or None.

    >>> from govkg.extract.text import read_article
    >>> from govkg.extract.orgs import Lexicon
    >>> from govkg.extract.clauses import analyse
    >>> art = read_article("Pemerintah Provinsi Bali meneken MoU. Gubernur Adi senang.")
    >>> only_body_of_kind("gubernur", [analyse(s, Lexicon()) for s in art.sentences]).ident
    'provinsi-51'
    """
    kind = _region_roles().get(role)
    if kind is None:
        return None
    found = {}
    for f in everyone:
        matches = [p.match for p in f.parties] + [o.org for o in f.officials if o.org]
        for m in matches:
            if m.org.kind == kind and f.zone_of(m.start) not in {"witness", "attendee"}:
                found[m.org.ident] = m.org
    return next(iter(found.values())) if len(found) == 1 else None


def _anchor(official: Official) -> int:
    """The token whose zone decides the official's part: the post, not a name written before."""
    if official.pattern == "name-post" and official.name is not None:
        return official.name.span_end
    return official.start


def _confidence(official: Official) -> float:
    conf = Rules.load().confidence
    if official.pattern == "name-post":
        return conf["signer_name_post"]
    if official.pattern == "foreign":
        return conf["signer_foreign_post"]
    return conf["signer_post_org_name"] if official.org else conf["signer_inferred_org"]


def _is_speaker(facts: Facts, official: Official) -> bool:
    """The official is quoted, not signing: ``X, ujarnya``; ``…, ujar Wagub X``; ``Menurut X,``;
    or attends (``Kapolda X menghadiri acara penandatanganan``)."""
    reporting = facts.cues.get("reporting", [])
    if any(official.end <= at <= official.end + 1 for at in reporting):
        return True
    keys = facts.sentence.keys
    words = Rules.load().data["signatories"]
    before = official.start > 0 and keys[official.start - 1] in words["speaker_before"]
    after = official.end < len(keys) and keys[official.end] in words["attending_verbs"]
    return before or after


def speaker_signs(facts: Facts, official: Official) -> bool:
    """A speaker who says they signed (``kata Bupati X usai menandatangani MoU``, ``X said after
    signing``, ``X mengatakan hari ini pihaknya telah menandatangani …``): after the speaker, at
    most a few words, then ``usai``/``after`` or a word for the speaker's side, auxiliaries, and
    a signing verb.

    >>> from govkg.extract.text import read_article
    >>> from govkg.extract.orgs import Lexicon
    >>> from govkg.extract.clauses import analyse
    >>> art = read_article("Kata Bupati Serang Adi Nugroho usai meneken MoU dengan BPS.")
    >>> facts = analyse(art.sentences[0], Lexicon())
    >>> speaker_signs(facts, facts.officials[0])
    True
    >>> art = read_article("Kata Bupati Serang Adi Nugroho usai penandatanganan MoU.")
    >>> facts = analyse(art.sentences[0], Lexicon())
    >>> speaker_signs(facts, facts.officials[0])
    False
    """
    words = Rules.load().data["signatories"]["speaker_signs"]
    keys = facts.sentence.keys
    opens = frozenset(words["after"]) | frozenset(words["self"])
    skip = frozenset(words["auxiliaries"])
    for k in range(official.end, min(len(keys), official.end + words["gap"] + 1)):
        if keys[k] not in opens:
            continue
        v = k + 1
        while v < len(keys) and keys[v] in skip:
            v += 1
        return v < len(keys) and keys[v] in words["verbs"]
    return False


def _signs_after_witnessed_signing(facts: Facts, official: Official) -> bool:
    """``X menyaksikan penandatanganan MoU oleh A dan B``: A and B, after the agent word that
    follows the witnessed signing, sign."""
    witness = [at for at in facts.cues.get("witness", []) if at < official.start]
    if not witness:
        return False
    signing = [at for at in facts.cues.get("signing", []) if witness[-1] < at <= witness[-1] + 3]
    if not signing:
        return False
    agents = frozenset(Rules.load().data["signatories"]["agent_words"])
    keys = facts.sentence.keys
    return any(keys[k] in agents for k in range(signing[0] + 1, official.start))


def _partner_after_body(facts: Facts, official: Official) -> bool:
    """``X, NAME mewakili BPS dengan Kepala LAN, NAME`` (or ``dan``): the one represented is
    the body right after ``mewakili``; the named official after ``dengan`` is the other
    signer."""
    cue = max(
        (at for at in facts.cues.get("on_behalf_of", []) if at < official.start), default=None
    )
    if cue is None:
        return False
    between = [p for p in facts.parties if cue < p.match.start and p.match.end <= official.start]
    keys = facts.sentence.keys
    joins = [*facts.cues.get("with", []), *(k for k, key in enumerate(keys) if key in _ands())]
    return (
        bool(between)
        and official.name is not None
        and any(cue < at < official.start for at in joins)
    )


@functools.cache
def _ands() -> frozenset[str]:
    """Words joining two signers (``… mewakili Bappenas dan Gubernur Bali NAME``)."""
    return frozenset(Rules.load().data["signatories"]["signer_joiners"])


@functools.cache
def _event_words() -> dict[str, frozenset[str]]:
    words = Rules.load().data["signatories"]
    english = words["signing_noun_en"]
    agents = frozenset(words["agent_words"])
    return {
        "en": frozenset(english["words"]),
        "en_after": frozenset(english["after"]),
        "en_before": frozenset(english["before"]),
        "light": frozenset(words["light_verbs"]),
        "passives": frozenset(words["light_passives"]),
        "not_passives": frozenset(words["not_passives"]),
        "agents": agents,
        "places": frozenset(w for w in Rules.load().data["cues"]["continuation"] if " " not in w)
        - agents,
        "attending": frozenset(words["attending_verbs"]),
    }


@functools.cache
def _signing_nouns() -> Phrases:
    return Phrases(Rules.load().data["signatories"]["signing_nouns"])


def signing_as_event(facts: Facts) -> bool:
    """Every signing word of the sentence is a noun: the sentence names the signing as an
    event (``… saat menghadiri penandatanganan MoU``, ``the signing of the MoU``).

    >>> from govkg.extract.text import read_article
    >>> from govkg.extract.orgs import Lexicon
    >>> from govkg.extract.clauses import analyse
    >>> art = read_article("Bupati Adi hadir pada penandatanganan MoU. Bupati Adi meneken MoU.")
    >>> [signing_as_event(analyse(s, Lexicon())) for s in art.sentences]
    [True, False]
    """
    hits = facts.cues.get("signing", [])
    return bool(hits) and all(_signing_noun(facts.sentence.keys, at) for at in hits)


def _signing_noun(keys: Sequence[str], at: int) -> bool:
    """A signing word used as a noun, not taken by a light verb (``melakukan
    penandatanganan`` is ``menandatangani``)."""
    words = _event_words()
    if any(keys[k] in words["light"] for k in range(max(0, at - 2), at)):
        return False
    if _signing_nouns().match(keys, at) is not None:
        return True
    if keys[at] not in words["en"]:
        return False
    after = at > 0 and keys[at - 1] in words["en_after"]
    return after or (at + 1 < len(keys) and keys[at + 1] in words["en_before"])


def _does_other(facts: Facts, official: Official) -> bool:
    """In a sentence naming the signing as an event, the official attends or visits it (a verb
    of attending between the official and the signing noun, no agent word after it: ``Gubernur
    X saat menghadiri penandatanganan``, ``X berkunjung … dalam rangka penandatanganan``), or is
    the agent of another passive (``disampaikan Kepala Dinas X, bahwa penandatanganan …``,
    ``welcomed by the Rector X``).

    >>> from govkg.extract.text import read_article
    >>> from govkg.extract.orgs import Lexicon
    >>> from govkg.extract.clauses import analyse
    >>> art = read_article("Bupati Serang Adi Nugroho menghadiri penandatanganan MoU.")
    >>> facts = analyse(art.sentences[0], Lexicon())
    >>> _does_other(facts, facts.officials[0])
    True
    """
    keys = facts.sentence.keys
    if _after_other_passive(keys, official.start) and not _at_the_event(keys, official.end):
        return True
    nouns = facts.cues.get("signing", [])
    after = [at for at in nouns if at >= official.end]
    before = [at for at in nouns if at < official.start]
    if after and _attends_between(keys, official.end, after[0]):
        return True
    return bool(before) and _attends_between(keys, before[-1] + 1, official.start)


def _after_other_passive(keys: Sequence[str], start: int) -> bool:
    """The official is the agent of a passive verb other than a light one, told by its form
    (``di-``, ``-ed``), an agent word or an article between."""
    words = _event_words()
    at = start - 1
    while at >= 0 and keys[at] in words["en_after"]:
        at -= 1
    if at >= 0 and keys[at] in words["agents"]:
        at -= 1
    if at < 0 or keys[at] in words["passives"] or keys[at] in words["not_passives"]:
        return False
    key = keys[at]
    return (key.startswith("di") and len(key) > 5) or (key.endswith("ed") and len(key) > 4)


def _at_the_event(keys: Sequence[str], end: int) -> bool:
    """Right after the official, the words placing what was said at the signing (``disampaikan
    Bupati X pada acara penandatanganan``: a speaker at the ceremony may sign)."""
    return _at_event().match(keys, end) is not None


@functools.cache
def _at_event() -> Phrases:
    return Phrases(Rules.load().data["signatories"]["at_the_event"])


def _attends_between(keys: Sequence[str], start: int, end: int) -> bool:
    """A verb of attending between two tokens, with no agent word (``oleh``, ``antara``, a
    light passive) after it."""
    words = _event_words()
    found = False
    for key in keys[start:end]:
        if key in words["places"] or key in words["agents"] or key in words["passives"]:
            found = False
        elif key in words["attending"]:
            found = True
    return found


def _witnesses(facts: Facts, official: Official) -> bool:
    """The official is the subject of a witnessing verb that comes before any signing word
    (``Presiden Joko Widodo menyaksikan penandatanganan …``, ``X and Y witnessed the signing``)."""
    after = [at for at in facts.cues.get("witness", []) if at >= official.end]
    if not after:
        return False
    return all(at > after[0] for at in facts.cues.get("signing", []))


def _named(official: Official) -> bool:
    return official.name is not None and plausible_name(official.name.name)


def plausible_name(name: str) -> bool:
    """A person's name, not a number, a short acronym, a phrase the rules list, or one word of
    a body's or a unit's name read as a name (``Head of the … Education and Culture Office``,
    ``Asisten Pemerintahan``).

    >>> plausible_name("Retno Marsudi"), plausible_name("DPRD"), plausible_name("Pemilu 2024")
    (True, False, False)
    >>> plausible_name("Education"), plausible_name("Fakultas"), plausible_name("Medie")
    (False, False, True)
    """
    words = name.split()
    if any(any(c.isdigit() for c in w) for w in words):
        return False
    if len(words) == 1 and words[0].isupper() and len(words[0]) <= 4:
        return False
    if len(words) == 1 and token_key(words[0]) in _body_words():
        return False
    never = _never_in_names()
    return not any(token_key(w) in never for w in words)


@functools.cache
def _body_words() -> frozenset[str]:
    """Single words of bodies' and units' names: a unit's field, a regional unit's or a
    university unit's head, a ministry's subject (rules ``people.unit_field_words``,
    ``orgs.regional_units``, ``orgs.university_units``, ``foreign_posts.subject_words``)."""
    data = Rules.load().data
    lists = (
        data["people"]["unit_field_words"],
        data["orgs"]["regional_units"],
        data["orgs"]["university_units"],
        data["foreign_posts"]["subject_words"],
    )
    return frozenset(token_key(w) for words in lists for w in words if " " not in str(w))


@functools.cache
def _never_in_names() -> frozenset[str]:
    return frozenset(token_key(w) for w in Rules.load().data["signatories"]["never_in_names"])


def merge_short_names(found: Sequence[Signer]) -> list[Signer]:
    """Signers of one body whose name is the start or end of another's are one person
    (``Menhan Prabowo`` and ``Menteri Pertahanan Prabowo Subianto``): the longer name stays.

    >>> a = Signer("Prabowo", "Menteri", "menteri", None, (), [(1, 0.8)])
    >>> b = Signer("Prabowo Subianto", "Menteri", "menteri", None, (), [(0, 0.8)])
    >>> [s.name for s in merge_short_names([a, b])]
    ['Prabowo Subianto']
    """
    kept: list[Signer] = []
    for signer in sorted(found, key=lambda s: -len(s.key.split())):
        words = signer.key.split()
        longer = next(
            (k for k in kept if _part_of(words, k.key.split()) and k.org == signer.org), None
        )
        if longer is None:
            kept.append(signer)
        else:
            longer.sentences.extend(x for x in signer.sentences if x not in longer.sentences)
    order = {id(s): i for i, s in enumerate(found)}
    return sorted(kept, key=lambda s: order[id(s)])


def _part_of(short: list[str], long: list[str]) -> bool:
    n = len(short)
    return n < len(long) and (long[:n] == short or long[-n:] == short)


def _behalf_body(facts: Facts, official: Official) -> Org | None:
    """The body named right after ``mewakili``/``atas nama`` that follows an official without
    one: ``Direktur Jenderal Dukcapil, NAME mewakili Kemendagri`` signs for Kemendagri.

    >>> from govkg.extract.text import read_article
    >>> from govkg.extract.orgs import Lexicon
    >>> from govkg.extract.clauses import analyse
    >>> art = read_article("Direktur Umum, Adi Nugroho mewakili BPS meneken MoU dengan LAN.")
    >>> facts = analyse(art.sentences[0], Lexicon())
    >>> _behalf_body(facts, facts.officials[0]).ident
    'bps'
    >>> art = read_article("Sekda Adi Nugroho mewakili Gubernur Bali meneken MoU dengan LAN.")
    >>> facts = analyse(art.sentences[0], Lexicon())
    >>> _behalf_body(facts, facts.officials[0]).ident
    'provinsi-51'
    """
    keys = facts.sentence.keys
    end = (
        official.end + 1 if official.end < len(keys) and keys[official.end] == "," else official.end
    )
    starts, ends = facts.cues.get("on_behalf_of", []), facts.cue_ends.get("on_behalf_of", [])
    cues = dict(zip(starts, ends, strict=True))
    if end not in cues:
        return None
    after = next((p.match for p in facts.parties if p.match.start == cues[end]), None)
    if after is None:  # ``Sekda NAME mewakili Gubernur Kalimantan Barat``: the head's body
        head = next((o for o in facts.officials if o.start == cues[end] and o.org), None)
        return head.org.org if head is not None and head.name is None else None
    return after.org if not after.weak else None


def _body_just_before(facts: Facts, official: Official) -> Org | None:
    """A head named by post alone right after a body of the kind the post heads, with only a
    signing word between (``dengan Kabupaten Bantul oleh Bupati NAME``, ``Kota Batu diteken
    Wali Kota NAME``): that body.

    >>> from govkg.extract.text import read_article
    >>> from govkg.extract.orgs import Lexicon
    >>> from govkg.extract.clauses import analyse
    >>> art = read_article("MoU dengan Kabupaten Bantul diteken Bupati Adi Nugroho.")
    >>> facts = analyse(art.sentences[0], Lexicon())
    >>> _body_just_before(facts, facts.officials[0]).ident
    'kabupaten-34-02'
    """
    kind = _region_roles().get(official.role)
    if kind is None:
        return None
    keys = facts.sentence.keys
    agents = frozenset(Rules.load().data["signatories"]["agent_words"])
    signing = set(facts.cues.get("signing", []))
    k = official.start
    while k > 0 and official.start - k < 3 and (keys[k - 1] in agents or k - 1 in signing):
        k -= 1
    before = next((p.match for p in facts.parties if p.match.end == k), None)
    return before.org if k < official.start and before and before.org.kind == kind else None


def _represented_org(facts: Facts, official: Official) -> Org | None:
    """The body before ``diwakili oleh``/``represented by``: a party mention or a head's body."""
    cue = max(
        (at for at in facts.cues.get("represented_by", []) if at < official.start), default=None
    )
    if cue is None:
        return None
    before = [p.match for p in facts.parties if p.match.end <= cue]
    heads = [o.org for o in facts.officials if o.end <= cue and o.org is not None]
    candidates = [(m.end, m.org) for m in before] + [(m.end, m.org) for m in heads]
    return max(candidates, key=lambda c: c[0])[1] if candidates else None


def _unit_of_represented(facts: Facts, official: Official, org: Org) -> Org:
    """A representative whose post names a unit of the body represented signs for that body
    (``Rektor UGM yang diwakili oleh Dekan Fakultas Geografi UGM, NAME``: UGM signs).

    >>> from govkg.extract.text import read_article
    >>> from govkg.extract.orgs import Lexicon
    >>> from govkg.extract.clauses import analyse
    >>> text = "Diteken Rektor UGM yang diwakili oleh Dekan Fakultas Hukum UGM, Adi Nugroho."
    >>> facts = analyse(read_article(text).sentences[0], Lexicon())
    >>> o = facts.officials[-1]
    >>> o.org.org.ident, _unit_of_represented(facts, o, o.org.org).ident
    ('new:fakultas-hukum-ugm', 'universitas-gadjah-mada')
    """
    represented = _represented_org(facts, official)
    return represented if represented is not None and org.parent == represented.ident else org


def _name(official: Official, everyone: Sequence[Facts]) -> tuple[str | None, tuple[str, ...]]:
    if _named(official):
        return shortest_form(official.name.name, everyone), official.name.honorifics
    other = coreferent(official, everyone)
    return (other.name.name, other.name.honorifics) if other is not None else (None, ())


def shortest_form(name: str, everyone: Sequence[Facts]) -> str:
    """The name without leading words that the report writes it without elsewhere, right
    after a post, a title or a lower-case word: a place or unit read into the name
    (``Bupati Halsel Usman Sidik`` … ``Bupati Usman Sidik mengatakan``).

    >>> from govkg.extract.text import read_article
    >>> from govkg.extract.orgs import Lexicon
    >>> from govkg.extract.clauses import analyse
    >>> art = read_article("Bupati Halsel Usman Sidik meneken MoU. Bupati Usman Sidik senang.")
    >>> shortest_form("Halsel Usman Sidik", [analyse(s, Lexicon()) for s in art.sentences])
    'Usman Sidik'
    >>> art = read_article("Bupati Nyoman Giri Prasta meneken MoU. Bupati Giri Prasta senang.")
    >>> shortest_form("Nyoman Giri Prasta", [analyse(s, Lexicon()) for s in art.sentences])
    'Nyoman Giri Prasta'
    """
    words = name.split()
    given = _given_names()
    for cut in range(1, len(words) - 1):
        if all(token_key(w) in given for w in words[:cut]):
            break  # ``Nyoman Giri Prasta`` … ``Bupati Giri Prasta``: a given name, kept
        rest = tuple(token_key(w) for w in words[cut:])
        place = _a_place(words[:cut], everyone)  # then its first word alone is enough
        if any(_written_alone(f.sentence.tokens, rest[:1] if place else rest) for f in everyone):
            return " ".join(words[cut:])
    return name


@functools.cache
def _given_names() -> frozenset[str]:
    """Given names a report may leave out when it names the person again (``Nyoman``)."""
    return frozenset(token_key(w) for w in Rules.load().data["names"]["droppable_given_names"])


def _a_place(words: Sequence[str], everyone: Sequence[Facts]) -> bool:
    """The words are a body's or place's name, or its start, in the gazetteer (``Halsel``,
    ``Banda`` of ``Banda Aceh``), or words of a body the report names (``Sangihe`` of
    ``Kabupaten Kepulauan Sangihe``); not a given name (``Nyoman``).

    >>> _a_place(["Halsel"], []), _a_place(["Banda"], []), _a_place(["Nyoman"], [])
    (True, True, False)
    """
    keys = tuple(token_key(w) for w in words)
    if " ".join(keys) in gazetteer_index().prefixes:
        return True
    for f in everyone:
        spans = [p.match for p in f.parties] + [o.org for o in f.officials if o.org]
        for m in spans:
            inside = f.sentence.keys[m.start : m.end]
            n = len(keys)
            if any(tuple(inside[k : k + n]) == keys for k in range(len(inside) - n + 1)):
                return True
    return False


def _written_alone(toks: Sequence[Token], rest: tuple[str, ...]) -> bool:
    n = len(rest)
    for i in range(1, len(toks) - n + 1):
        if toks[i].key == rest[0] and tuple(t.key for t in toks[i : i + n]) == rest:
            before = toks[i - 1]
            if not before.capitalised or is_title(before.text) or is_post_word(before.key):
                return True
            if i >= 2 and is_post_phrase((toks[i - 2].key, before.key)):  # ``Wali Kota Rina``
                return True
    return False


def coreferent(official: Official, everyone: Sequence[Facts]) -> Official | None:
    """The named mention of the same official elsewhere: same post and body, or (for a post
    written alone, ``Bupati``) the one named official with that post.

    >>> from govkg.extract.text import read_article
    >>> from govkg.extract.orgs import Lexicon
    >>> from govkg.extract.clauses import analyse
    >>> art = read_article("Bupati Klaten Sri Mulyani meneken MoU. Lalu Bupati juga meneken PKS.")
    >>> facts = [analyse(s, Lexicon()) for s in art.sentences]
    >>> coreferent(facts[1].officials[0], facts).name.name
    'Sri Mulyani'
    """
    named = [o for f in everyone for o in f.officials if _named(o)]
    if official.org is not None:
        return next((o for o in named if o.key == official.key), None)
    same_role = {(o.name.name, o.key) for o in named if o.role == official.role and o.org}
    if len(same_role) == 1:
        name, key = next(iter(same_role))
        return next(o for o in named if o.name.name == name and o.key == key)
    return None


def may_sign_for(signer: Signer, org: Org) -> bool:
    """False when the post tells the kind of body and ``org`` is of another kind (a governor
    does not sign for a prosecutors' office).

    >>> from govkg.extract.orgs import gazetteer_index
    >>> signer = Signer("Adi", "Gubernur", "gubernur", None, (), [])
    >>> may_sign_for(signer, gazetteer_index().org("lan"))
    False
    """
    kind = _region_roles().get(signer.role)
    return kind is None or org.kind == kind


def _bodies_named(everyone: Sequence[Facts]) -> list[Org]:
    """Every body the report names, once each."""
    found = {p.match.org.ident: p.match.org for f in everyone for p in f.parties}
    found.update((o.org.org.ident, o.org.org) for f in everyone for o in f.officials if o.org)
    return list(found.values())


def infer_org(signer: Signer, parties: Sequence[Org]) -> Org | None:
    """The party a signer without a body signs for, told from the post (``Bupati`` and one
    regency among the parties).

    >>> from govkg.extract.orgs import gazetteer_index
    >>> signer = Signer("Adi", "Bupati", "bupati", None, (), [])
    >>> parties = [gazetteer_index().org("lan"), gazetteer_index().org("kabupaten-36-04")]
    >>> infer_org(signer, parties).ident
    'kabupaten-36-04'
    """
    kind = _region_roles().get(signer.role)
    if kind is None:
        return None
    matching = [p for p in parties if p.kind == kind]
    return matching[0] if len(matching) == 1 else None
