"""Which drafts are one document and which are several: one document named by two kinds
(``PKS atau MoU``), two kinds named side by side (``MoU dan PKS``), sides named in pairs
(``antara A dan B serta C dan D``).

>>> from govkg.extract.agreements import draft_agreements
>>> from govkg.extract.text import read_article
>>> art = read_article("LAN dan BPS meneken PKS atau MoU, Senin (3/3/2025). MoU ini berlaku.")
>>> [d.kind for d in draft_agreements(art, "id")]
['pks']
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise

from govkg.extract.clauses import (
    Facts,
    between_groups,
    between_pairs,
    clause_pairs,
    multi_words,
)
from govkg.extract.drafts import Draft, family
from govkg.extract.kinds import later_stage, own_words, rank
from govkg.extract.orgs import Org
from govkg.extract.rules import Rules
from govkg.extract.text import Token


def one_document(drafts: list[Draft], facts: list[Facts]) -> list[Draft]:
    """A report that names one document by two kinds (``perjanjian kerja sama atau MoU``; a
    PKS in the headline, ``MoU ini`` in the body) made a draft per kind: a later draft of
    another kind joins the first one unless the report says there are two documents (``MoU
    dan PKS``, ``juga menandatangani PKS``), it carries out an earlier one, or it is between
    other bodies."""
    apart = distinct_families(facts)
    kept: list[Draft] = []
    for draft in drafts:
        first = next((k for k in kept if _same_document(k, draft, facts, apart)), None)
        if first is None:
            kept.append(draft)
        else:
            if _renames(draft, first, facts):
                first.kind, draft.kind = draft.kind, first.kind
            _merge(first, draft)
    return kept


def _renames(later: Draft, first: Draft, facts: list[Facts]) -> bool:
    """The later name of one document is its own: only it is reported signed, or it is the
    more formal one (:func:`_more_formal`)."""
    signed = _signed_as(later, facts) and not _signed_as(first, facts)
    return signed or _more_formal(later, first, facts)


def _more_formal(later: Draft, first: Draft, facts: list[Facts]) -> bool:
    """The later name of one document is the more formal one and the report writes it about
    the signing in its own words (``Teken MoU`` in a headline, ``penandatanganan perjanjian
    kerja sama …`` in the body): it is the document's own name."""
    if rank(later.kind) >= rank(first.kind):
        return False
    return any(
        own_words(facts[i], later.kind or "") and not later_stage(facts[i], facts)
        for i in later.sentences
    )


def _signed_as(draft: Draft, facts: list[Facts]) -> bool:
    """A sentence reports the signing of the draft under its own kind."""
    return any(
        facts[i].signing and any(k.kind == draft.kind for k in facts[i].current_kinds)
        for i in draft.sentences
    )


def _same_document(
    first: Draft, later: Draft, facts: list[Facts], apart: set[frozenset[str | None]]
) -> bool:
    families = frozenset({family(first.kind), family(later.kind)})
    if len(families) < 2 or families in apart:
        return False
    if not {first.kind, later.kind} <= set(Rules.load().data["agreements"]["loose_kinds"]):
        return False
    if later.implements is not None or later.earlier is not None or later.counted:
        return False
    if any(_further_named(facts[i]) for i in later.sentences):
        return False
    own, other = _bodies(first), _bodies(later)
    return len(own) < 2 or len(other - own) < 2


def _further_named(f: Facts) -> bool:
    """A kind named with a cue of a further signing (``juga menandatangani PKS``), outside a
    quote: in a quote (``“Penandatanganan PKS ini juga untuk …,” kata …``) the word means
    'also' of something else."""
    return f.has("further_signing") and bool(f.current_kinds) and not f.quoted


def _bodies(draft: Draft) -> set[str]:
    return set(draft.parties) | {s.org.ident for s in draft.signers if s.org is not None}


def distinct_families(facts: list[Facts]) -> set[frozenset[str | None]]:
    """Pairs of kinds the report names as two documents: side by side (``MoU dan PKS``) or
    each with its own partner (:func:`own_partner_parts`)."""
    pairs = {frozenset({family(a), family(b)}) for _, a, b in _joined_kinds(facts)}
    for f in facts:
        parts = own_partner_parts(f)
        kinds = [part.current_kinds[0].kind for part in parts] if len(parts) > 1 else []
        pairs |= {frozenset({family(a), family(b)}) for a, b in pairwise(kinds)}
    return pairs


def _joined_kinds(facts: list[Facts]) -> list[tuple[int, str, str]]:
    """``(sentence, kind, kind)`` for two kinds of other families joined by nothing but
    ``dan``/``serta``/``and`` and articles (``MoU dan PKS``, ``the MoU and the PKS``; not ``PKS
    atau MoU``): two documents."""
    words = multi_words()
    found = []
    for f in facts:
        kinds = f.current_kinds
        for a, b in pairwise(kinds):
            between = _name_rest_dropped(f.sentence.tokens[a.end : b.start])
            keys = {t.key for t in between if t.is_word} - words["articles"]
            if family(a.kind) != family(b.kind) and keys and keys <= words["document_joiners"]:
                found.append((f.sentence.index, a.kind, b.kind))
    return found


def own_partner_parts(f: Facts) -> list[Facts]:
    """``… menandatangani PKS dengan A serta kesepakatan bersama dengan B``: a sentence naming
    kinds joined by ``dan``/``serta``, each followed by its own partner (``dengan …``), tells
    of one agreement per kind; the sentence is cut into one part per kind, each with the bodies
    and officials named before the first kind (the subject) and those of its own stretch.
    Any other sentence is its only part.

    >>> from govkg.extract.clauses import analyse
    >>> from govkg.extract.orgs import Lexicon
    >>> from govkg.extract.text import read_article
    >>> s = read_article("Pemkot Madiun meneken PKS dengan BPS serta MoU dengan UGM.").sentences[0]
    >>> parts = own_partner_parts(analyse(s, Lexicon()))
    >>> [[p.match.org.ident for p in part.parties] for part in parts]
    [['kota-35-77', 'bps'], ['kota-35-77', 'universitas-gadjah-mada']]
    """
    kinds = f.current_kinds
    if len(kinds) < 2 or f.quoted:
        return [f]
    words = multi_words()
    keys = f.sentence.keys
    stops = [k.start for k in kinds[1:]] + [len(keys)]
    for kind, stop in zip(kinds, stops, strict=True):
        if not any(kind.end <= p.match.start < stop and p.role == "with" for p in f.parties):
            return [f]
        if stop < len(keys) and keys[stop - 1] not in words["document_joiners"]:
            return [f]
    first = kinds[0].start
    return [
        replace(
            f,
            kinds=[k for k in f.kinds if k.background or k is kind],
            parties=[p for p in f.parties if _in_part(p.match.start, first, kind.start, stop)],
            officials=[o for o in f.officials if _in_part(o.start, first, kind.start, stop)],
        )
        for kind, stop in zip(kinds, stops, strict=True)
    ]


def _in_part(at: int, first: int, start: int, stop: int) -> bool:
    """A token before the first kind (the subject's), or in the stretch ``[start, stop)``."""
    return at < first or start <= at < stop


def _name_rest_dropped(between: Sequence[Token]) -> Sequence[Token]:
    """The words between two kinds without what still belongs to the first one's name: the
    capitalised words that go on with its title and a short name in brackets (``Nota
    Kesepakatan Sinergi (NKS) dan Perjanjian Kerja Sama``).

    >>> from govkg.extract.text import tokens
    >>> [t.text for t in _name_rest_dropped(tokens("Sinergi (NKS) dan"))]
    ['dan']
    """
    k = 0
    while k < len(between) and between[k].is_word and between[k].capitalised:
        k += 1
    if k < len(between) and between[k].text == "(":
        close = next((j for j in range(k, len(between)) if between[j].text == ")"), None)
        k = k if close is None else close + 1
    return between[k:]


def joined_drafts(drafts: list[Draft], facts: list[Facts]) -> list[Draft]:
    """A kind named only beside another (``meneken MoU dan PKS``) is a further agreement of
    its own; its parties are completed by :func:`~govkg.extract.agreements.further_parties`."""
    for index, _, kind in _joined_kinds(facts):
        if drafts and not any(family(d.kind) == family(kind) for d in drafts):
            draft = Draft(kind, secondary=True)
            draft.sentences[index] = Rules.load().confidence["agreement_secondary"]
            drafts.append(draft)
    return drafts


def _merge(into: Draft, other: Draft) -> None:
    for index, weight in other.sentences.items():
        into.sentences[index] = max(into.sentences.get(index, 0.0), weight)
    for ident, org in other.parties.items():
        for role in other.roles.get(ident, {"further"}):
            for index in other.party_sentences.get(ident, {min(other.sentences)}):
                into.add_party(org, role, index)
    into.signers.extend(other.signers)
    into.scopes.extend(other.scopes)
    into.notes.extend(other.notes)
    into.notes.append(
        f"the report names this agreement both {into.kind} and {other.kind}; one document assumed"
    )
    into.bilateral = into.bilateral or other.bilateral
    into.multilateral = into.multilateral or other.multilateral
    into.hub = into.hub or other.hub
    into.items.update({k: v for k, v in other.items.items() if k not in into.items})


def by_pairs(draft: Draft, facts: list[Facts]) -> list[Draft]:
    """A draft whose sentences name two or more pairs of sides (``antara A dan B serta C dan
    D``; ``antara Kota X dan Konsel`` … ``antara Kota X dan Konut``) covering all its parties
    is one agreement per pair, each with the signers of its two bodies; pairs named so win over
    the sides named together after ``antara`` (``antara A dengan B dan C`` … ``antara A dan
    B`` … ``antara A dan C``)."""
    if (draft.multilateral and not draft.joint_between) or draft.items:
        return [draft]
    pairs: dict[frozenset[str], tuple[tuple[Org, ...], set[int]]] = {}
    for i in sorted(draft.sentences):
        if facts[i].background_only:
            continue
        found = between_groups(facts[i]) or between_pairs(facts[i]) or clause_pairs(facts[i])
        for group in found:
            key = frozenset(org.ident for org in group)
            if len(key) >= 2:
                pairs.setdefault(key, (group, set()))[1].add(i)
    covered = set().union(*pairs) if pairs else set()
    if len(pairs) < 2 or not set(draft.parties) <= covered:
        return [draft]
    return [_pair_draft(draft, orgs, stated) for orgs, stated in pairs.values()]


def _pair_draft(draft: Draft, orgs: tuple[Org, ...], stated: set[int]) -> Draft:
    idents = {org.ident for org in orgs}
    part = Draft(draft.kind, secondary=draft.secondary, implements=draft.implements)
    part.earlier = draft.earlier
    for org in orgs:
        for index in sorted(draft.party_sentences.get(org.ident, stated)):
            part.add_party(org, "between", index)
    part.signers = [s for s in draft.signers if s.org is not None and s.org.ident in idents]
    mine = stated | {i for s in part.signers for i, _ in s.sentences}
    part.sentences = {i: c for i, c in draft.sentences.items() if i in mine}
    part.scopes = [s for s in draft.scopes if s.bodies <= idents or s.sentence in stated]
    part.notes = [
        *draft.notes,
        "the report names several pairs of sides; this agreement is between one of them",
    ]
    return part


def counted_documents(draft: Draft, facts: list[Facts]) -> list[Draft]:
    """``Gubernur menandatangani dua MoU dengan PLN, di antaranya …``, ``… tertuang dalam dua
    dokumen nota kesepakatan`` and a later ``… juga melakukan nota kesepakatan …``: a count of
    documents of the agreement's kind, in a sentence naming one of its two parties, is that many
    agreements between them when the report tells them apart (lists them after the count, or
    tells of a further one in a sentence of its own); a count alone (``tujuh naskah PKS``) is
    kept as one agreement, as the development records keep it.

    >>> from govkg.extract.agreements import draft_agreements
    >>> from govkg.extract.text import read_article
    >>> art = read_article("Kepala LAN meneken dua MoU dengan BPS, yaitu MoU data dan MoU SDM.")
    >>> [sorted(d.parties) for d in draft_agreements(art, "id")]
    [['bps', 'lan'], ['bps', 'lan']]
    >>> len(draft_agreements(read_article("Kepala LAN meneken dua MoU dengan BPS."), "id"))
    1
    """
    if len(draft.parties) != 2 or draft.multilateral:
        return [draft]
    counts = [(_documents_counted(facts[i], draft), i) for i in sorted(draft.sentences)]
    count, at = max(counts, default=(0, -1))
    if count < 2 or not _told_apart(draft, facts, at):
        return [draft]
    note = f"the report counts {count} documents between the same parties; one of them"
    return [draft, *(_another(draft, note, n) for n in range(1, count))]


def _told_apart(draft: Draft, facts: list[Facts], at: int) -> bool:
    """The documents counted in sentence ``at`` are listed after the count (``yaitu``, ``di
    antaranya``), or another sentence tells of a further one (``Selain itu … juga …``)."""
    counting = facts[at]
    first = min((k.start for k in counting.current_kinds), default=0)
    if any(cue > first for cue in counting.cues.get("enumeration", [])):
        return True
    return any(
        i != at and _further_named(facts[i]) and _names_family(facts[i], draft)
        for i in draft.sentences
    )


def _names_family(f: Facts, draft: Draft) -> bool:
    return any(family(k.kind) == family(draft.kind) for k in f.current_kinds)


def _another(draft: Draft, note: str, n: int) -> Draft:
    return replace(
        draft,
        sentences=dict(draft.sentences),
        signers=list(draft.signers),
        scopes=list(draft.scopes),
        notes=[*draft.notes, note],
        secondary=True,
        copy=n,
    )


def _documents_counted(f: Facts, draft: Draft) -> int:
    """The count written right before a kind of the draft's family (``dua MoU``, ``dua
    dokumen nota kesepakatan``), in a sentence about the signing that names a party of the
    draft; 0 when there is none. ``Kedua MoU`` (both) counts documents named before."""
    if (
        f.background_only
        or f.quoted
        or not any(p.role and p.match.org.ident in draft.parties for p in f.parties)
    ):
        return 0
    words, numbers = multi_words(), Rules.load().numbers
    keys = f.sentence.keys
    for kind in f.current_kinds:
        at = kind.start - 1
        while at > 0 and keys[at] in words["document_nouns"]:
            at -= 1
        key = keys[at] if at >= 0 else ""
        counted = numbers.get(key) or (int(key) if key.isdigit() and len(key) == 1 else 0)
        same = family(kind.kind) == family(draft.kind)
        if same and counted >= 2 and key not in words["definite_numbers"]:
            return counted
    return 0
