"""How many agreements, of which kind, between whom: sentences grouped into drafts, then split.

Sentences are read in order. One naming a kind (``nota kesepahaman``, ``PKS``) joins the latest
draft of that kind, or opens a new one; other sentences about the signing join the latest
draft. A draft with three or more parties stays one agreement when the report says so
(``tiga pihak``, ``nota kesepahaman bersama``), and becomes one bilateral agreement per
partner when it names a hub and its partners (``dengan empat instansi``, ``masing-masing``,
``secara terpisah``, a numbered list of partners, ``X … dengan A dan B``).

>>> from govkg.extract.text import read_article
>>> art = read_article("Kepala LAN Adi dan Kepala LIPI Budi meneken nota kesepahaman, Jumat (1/2).")
>>> drafts = draft_agreements(art, "id")
>>> [(d.kind, [p.ident for p in d.parties.values()]) for d in drafts]
[('mou', ['lan', 'lipi'])]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from govkg.extract.clauses import (
    Facts,
    analyse,
    multi_words,
    partner_count_at,
    partners_counted_after_with,
)
from govkg.extract.documents import (
    by_pairs,
    counted_documents,
    distinct_families,
    joined_drafts,
    one_document,
    own_partner_parts,
)
from govkg.extract.drafts import Draft, Scope, family, formal_kinds
from govkg.extract.fields import cue_spans, scope_fields, topic_span
from govkg.extract.joint import note_joint_signing, settle_joint
from govkg.extract.kinds import glossed, unnamed_kind
from govkg.extract.levels import same_bodies
from govkg.extract.orgs import Lexicon, Org, OrgMatch, org_at
from govkg.extract.rules import Rules
from govkg.extract.signatories import (
    Signer,
    infer_org,
    may_sign_for,
    merge_short_names,
    signers,
    spelled_out,
)
from govkg.extract.signing_date import link_line
from govkg.extract.text import Article, token_key

EXCLUDED = frozenset({"witness", "attendee", "place", "background", "implements"})


@dataclass
class Analysis:
    """The sentences of a report, analysed, with the drafts they make."""

    facts: list[Facts]
    drafts: list[Draft]
    lexicon: Lexicon


def draft_agreements(article: Article, lang: str) -> list[Draft]:
    """The agreements a report describes (before splitting and writing).

    >>> from govkg.extract.text import read_article
    >>> [d.kind for d in draft_agreements(read_article("LAN dan BPS meneken PKS."), "id")]
    ['pks']
    """
    return analyse_article(article, lang).drafts


def analyse_article(article: Article, lang: str) -> Analysis:
    """Analyse every sentence, then group them into drafts.

    >>> from govkg.extract.text import read_article
    >>> len(analyse_article(read_article("LAN dan BPS meneken PKS. Cuaca cerah."), "id").facts)
    2
    """
    lexicon = Lexicon()
    facts = glossed([analyse(s, lexicon, lang) for s in article.sentences])
    drafts = one_document(_unsigned_dropped(_group(facts, lexicon, article), facts), facts)
    drafts = joined_drafts(drafts, facts)
    for draft in drafts:
        _settle_kind(draft, facts)
        _settle_parties(draft)
        settle_joint(draft)
        _unnamed_partners(draft)
        _settle_hub(draft)
    for draft in further_parties(drafts, facts):
        _settle_parties(draft)
    drafts = [part for draft in drafts for part in by_pairs(draft, facts)]
    drafts = [one for draft in drafts for one in counted_documents(draft, facts)]
    return Analysis(facts, drafts, lexicon)


def _unsigned_dropped(drafts: list[Draft], facts: list[Facts]) -> list[Draft]:
    """A further agreement that no sentence reports signed and that every sentence naming its
    kind speaks of as planned (``… akan ditindaklanjuti dengan PKS``, ``diharapkan segera
    dilakukan PKS``) is not an agreement of this report."""
    return [d for d in drafts if not (d.secondary and _only_planned(d, facts))]


def _only_planned(draft: Draft, facts: list[Facts]) -> bool:
    if draft.implements is not None or any(facts[i].signing for i in draft.sentences):
        return False
    naming = [facts[i] for i in draft.sentences if facts[i].current_kinds]
    return bool(naming) and all(f.has("planned") for f in naming)


def _relevant(f: Facts) -> bool:
    return bool(
        f.signing
        or f.current_kinds
        or any(p.role for p in f.parties)
        or f.has("represented_by")
        or f.sentence.marker is not None
        or f.sentence.text.rstrip().endswith(":")
        or _speaks_of_agreement(f)
    )


def _group(facts: list[Facts], lexicon: Lexicon, article: Article) -> list[Draft]:
    drafts: list[Draft] = []
    pending: list[Facts] = []
    intro: Facts | None = None
    for f in facts:
        if f.background_only or not _relevant(f) or link_line(article, f.sentence):
            continue
        if f.sentence.marker is None:
            intro = f if f.sentence.text.rstrip().endswith(":") else None
        for part in own_partner_parts(f):
            target = _target(drafts, part, facts)
            if target is None:
                pending.append(part)
                continue
            for early in pending:
                _attach(target, early, facts, None, lexicon)
            pending = []
            _attach(target, part, facts, intro if f.sentence.marker is not None else None, lexicon)
            if f.sentence.text.rstrip().endswith(":"):
                _intro(target, part)
    if pending and not drafts and any(f.signing for f in pending):
        kind, note = unnamed_kind(facts)
        draft = Draft(kind)
        draft.notes.append(note)
        for early in pending:
            _attach(draft, early, facts, None, lexicon)
        drafts.append(draft)
    return drafts


def further_parties(drafts: list[Draft], facts: list[Facts]) -> list[Draft]:
    """A further agreement of another kind signed at the same event (``Selain itu … juga
    menandatangani perjanjian kerja sama``) whose sentences name fewer than two bodies is
    between the parties of the first agreement; returns the drafts so completed."""
    if len(drafts) < 2 or len(drafts[0].parties) < 2:
        return []
    first, completed = drafts[0], []
    joined = distinct_families(facts)
    for draft in drafts[1:]:
        if draft.kind == first.kind or len(draft.parties) >= 2:
            continue
        pair = frozenset({family(first.kind), family(draft.kind)})
        own = [facts[i] for i in draft.sentences if i not in first.sentences]
        beside = pair in joined and not any(_own_sides(f) for f in own)
        further = len(first.parties) == 2 and any(
            _further_signing(facts[i]) for i in draft.sentences
        )
        if not (beside or further):
            continue
        if beside:  # "MoU dan PKS dengan empat provinsi": a PKS with each, as the MoUs
            draft.bilateral, draft.hub, draft.counted = first.bilateral, first.hub, first.counted
            draft.multilateral = first.multilateral
        for ident, org in _first_sides(first, draft, facts).items():
            if ident not in draft.parties:
                draft.add_party(org, "further", min(first.party_sentences[ident]))
        draft.notes.append(
            "the report names no parties for this agreement; those of the first one signed at "
            "the same event were taken"
        )
        sure = Rules.load().confidence["agreement_secondary"]
        draft.sentences = {i: min(c, sure) for i, c in draft.sentences.items()}
        completed.append(draft)
    return completed


def _first_sides(first: Draft, draft: Draft, facts: list[Facts]) -> dict[str, Org]:
    """The parties of the first agreement a further one takes: all of them, or only the host
    (else the first party) when the further one names its own partner (``… juga PKS dengan
    B``), who signs with one side, not with both."""
    roles = [draft.roles.get(ident, set()) for ident in draft.parties]
    if not roles or not all(r and r <= {"with"} for r in roles):
        return first.parties
    hub = _host(first, facts) or next(iter(first.parties.values()))
    return {hub.ident: hub}


def _further_signing(f: Facts) -> bool:
    """A further signing whose sentence does not name its own sides (``antara …``: bodies
    the gazetteer may not know, such as two offices of the parties)."""
    if not (f.signing and f.has("further_signing") and f.current_kinds):
        return False
    return not _own_sides(f)


def _own_sides(f: Facts) -> bool:
    """The sentence names the sides of an agreement (``antara …``)."""
    return any(key in multi_words()["between_words"] for key in f.sentence.keys)


def _target(drafts: list[Draft], f: Facts, facts: Sequence[Facts] = ()) -> Draft | None:
    """The draft a sentence is about: a sentence naming no kind goes with the latest draft,
    unless it names further partners only, or two officials signing, one for a body new to a
    draft two bodies have signed already (``… Kepala C dan Kepala B menandatangani dokumen
    …``): another agreement of the latest kind."""
    kinds = f.current_kinds
    if not kinds:
        if drafts and _further_partners(drafts[-1], f):
            return _further_draft(drafts, f, facts)
        if drafts and drafts[-1].kind is not None and _other_signers(drafts[-1], f):
            draft = Draft(drafts[-1].kind, secondary=True)
            drafts.append(draft)
            return draft
        return drafts[-1] if drafts else None
    if drafts and _further_listed(drafts[-1], f):
        return _further_draft(drafts, f, facts)
    kind = _further_kind(f) or kinds[0].kind
    untyped = [d for d in drafts if d.kind is None]
    if untyped:
        untyped[-1].kind = kind
        return untyped[-1]
    same = [d for d in drafts if family(d.kind) == family(kind)]
    if same and not _other_pair(same[-1], f):
        if kind in formal_kinds() and not f.quoted and (f.signing or not _remark(f)):
            same[-1].kind = kind
        return same[-1]
    draft = Draft(kind, secondary=bool(drafts))
    _link_earlier(draft, drafts, f)
    drafts.append(draft)
    return draft


def _further_partners(draft: Draft, f: Facts) -> bool:
    """``Pada acara itu juga dilaksanakan penandatanganan dengan Provinsi A dan Provinsi B``: a
    further signing at the same event, naming no kind and only partners new to an agreement
    that has its parties."""
    bodies = set(draft.parties) | {s.org.ident for s in draft.signers if s.org is not None}
    if not (f.signing and f.has("further_signing")) or len(bodies) < 2:
        return False
    roles = {p.match.org.ident: p.role for p in f.parties if p.role}
    partners = {ident for ident, role in roles.items() if role == "with"}
    return bool(partners) and set(roles) == partners and not partners & bodies


def _further_listed(draft: Draft, f: Facts) -> bool:
    """``Hadir pula dan juga meneken MoU, yaitu Kota A, Kabupaten B dan Kabupaten C``: a
    further signing of the latest agreement's kind, naming a list of partners all new to an
    agreement that has its two parties (and no side of its own: no ``antara``)."""
    bodies = set(draft.parties) | {s.org.ident for s in draft.signers if s.org is not None}
    if not (f.signing and f.has("further_signing")) or len(bodies) < 2 or draft.kind is None:
        return False
    if _own_sides(f) or any(family(k.kind) != family(draft.kind) for k in f.current_kinds):
        return False
    roles = {p.match.org.ident: p.role for p in f.parties if p.role}
    listed = {ident for ident, role in roles.items() if role in {"with", "enumeration"}}
    return len(listed) >= 2 and set(roles) == listed and not listed & bodies


def _further_draft(drafts: list[Draft], f: Facts, facts: Sequence[Facts] = ()) -> Draft:
    """The agreements of a further signing with new partners: of the kind of the latest
    agreement, each partner with the host of the report's first agreement (the party named in
    the place of its signing: ``di Balai Kota Pemkot X``), else its first body."""
    host = _host(drafts[0], facts)
    hub = host or next(iter(drafts[0].parties.values()))
    draft = Draft(drafts[-1].kind, secondary=True)
    draft.add_party(hub, "further", f.sentence.index)
    draft.bilateral, draft.hub, draft.hub_taken = True, hub.ident, True
    why = "the host of" if host is not None else "the first party of"
    draft.notes.append(
        f"a further signing at the same event names only its partners; {hub.name}, {why} "
        "the first agreement, was taken as the other side: check it"
    )
    drafts.append(draft)
    return draft


def _host(draft: Draft, facts: Sequence[Facts]) -> Org | None:
    """The one party of ``draft`` named in the place of one of its sentences (``bertempat di
    Auditorium Balai Kota Pemkot Bandung``), or None."""
    named = {
        p.match.org.ident
        for i in draft.sentences
        if i < len(facts)
        for p in facts[i].parties
        if facts[i].zone_of(p.match.start) == "place"
    }
    hosts = [org for ident, org in draft.parties.items() if ident in named]
    return hosts[0] if len(hosts) == 1 else None


def _remark(f: Facts) -> bool:
    """Someone's words (``… kata Bupati``, a sentence opening with a quotation mark): a kind
    named there does not rename the agreement."""
    return f.has("reporting") or f.quoted


def _settle_kind(draft: Draft, facts: list[Facts]) -> None:
    """A formal kind (``nota kesepakatan``) named only in remarks gives way to the common kind
    of its family (``MoU``) when a sentence of the agreement names that one too.

    >>> from govkg.extract.text import read_article
    >>> art = read_article("Kepala LAN menyebut nota kesepakatan dengan BPS itu penting. "
    ...     "“Penandatanganan MoU ini langkah awal,” katanya.")
    >>> [d.kind for d in draft_agreements(art, "id")]
    ['mou']
    """
    if draft.kind not in formal_kinds():
        return
    named = [facts[i] for i in sorted(draft.sentences) if facts[i].current_kinds]
    own = [f for f in named if any(k.kind == draft.kind for k in f.current_kinds)]
    common = formal_kinds()[draft.kind]
    also = any(k.kind == common for f in named for k in f.current_kinds)
    if own and also and all(_remark(f) for f in own):
        draft.kind = common


def _further_kind(f: Facts) -> str | None:
    """``Selain MoU, … juga menandatangani PKS``: the kind named after a cue of a further
    signing at the same event."""
    cues = f.cues.get("further_signing", [])
    if not (f.signing and cues) or f.quoted:
        return None
    later = [k.kind for k in f.current_kinds if k.start > cues[-1]]
    return later[0] if later else None


def _other_pair(draft: Draft, f: Facts) -> bool:
    """A sentence naming a kind is about another agreement of that kind when the draft has
    its two parties and the sentence names none of them, or names two bodies by name (not
    a bare area name) of which one is new (``… MoU antara A dan B. … A dan C membuat MoU``);
    never someone's remark that names no party by its place in the sentence (the speaker's
    body is not a side of another agreement)."""
    if _other_signers(draft, f):
        return True
    if _remark(f) and not any(p.role for p in f.parties):
        return False  # "Wakil Gubernur X berharap penandatanganan MoU …": the speaker's words
    parties = set(draft.parties)
    own = _own_bodies(f)
    if not own or len(parties) < 2:
        return False
    named = {p.match.org.ident for p in f.parties if p.role and not p.match.weak}
    return not own & parties or (len(named) >= 2 and bool(named - parties))


def _other_signers(draft: Draft, f: Facts) -> bool:
    """The sentence has two officials or more sign, one of them for a body new to a draft that
    two bodies have signed already: another agreement of the same kind at the same event
    (``A and B signed the MoU on X. The MoU on Y was signed by C and B.``)."""
    signed = {s.org.ident for s in draft.signers if s.org is not None}
    if not f.signing or len(signed) < 2:
        return False
    named = [o for o in f.officials if o.name is not None and f.zone_of(o.start) is None]
    bodies = {o.org.org.ident for o in named if o.org is not None}
    return len(named) >= 2 and bool(bodies - set(draft.parties) - signed)


def _own_bodies(f: Facts) -> set[str]:
    bodies = {p.match.org.ident for p in f.parties if p.role}
    bodies |= {o.org.org.ident for o in f.officials if o.org is not None and f.signing}
    return bodies


def _link_earlier(draft: Draft, drafts: list[Draft], f: Facts) -> None:
    """A new agreement that carries out another (``tindak lanjut nota kesepahaman …``)."""
    earlier = [k for k in f.kinds if k.background and f.zone_of(k.start) == "implements"]
    if not earlier:
        return
    kind = earlier[0].kind
    same = [d for d in drafts if d.kind == kind]
    if same:
        draft.implements = same[-1]
    else:
        draft.earlier = (kind, f.sentence.index)


def _attach(
    draft: Draft, f: Facts, everyone: Sequence[Facts], intro: Facts | None, lexicon: Lexicon
) -> None:
    conf = Rules.load().confidence
    index = f.sentence.index
    weight = conf["agreement_signing"] if f.signing else conf["agreement_enumeration"]
    if f.sentence.marker is not None:
        weight = conf["agreement_list_item"]
    draft.sentences[index] = max(draft.sentences.get(index, 0.0), weight)
    if draft.kind is not None and draft.implements is None and draft.earlier is None:
        _link_earlier(draft, [], f)
    for mention in f.parties if not _remark_in_passing(f) else ():
        if mention.role is not None:
            org = settled_org(mention.match, draft)
            draft.add_party(org, mention.role, index)
    for org in _sides_by_post(f):
        draft.add_party(org, "between", index)
    for signer in signers(f, everyone):
        draft.signers.append(signer)  # their bodies become parties in _settle_parties
    if f.has("multilateral"):
        draft.multilateral = True
    note_joint_signing(draft, f)
    counted = _counted_partners(f)
    if counted and partners_counted_after_with(f.sentence.keys) is not None:
        draft.counted = True
    if counted and draft.partner_count is None:
        draft.partner_count = counted
    if f.has("bilateral_set") or counted:
        draft.split_cue = draft.split_cue or f.has("bilateral_set")
        draft.bilateral = True
        hub = _hub_of(f)
        if hub is not None and draft.hub is None:
            draft.hub = hub
    elif not f.has("multilateral"):
        _subject_with_partners(draft, f)
    if f.sentence.marker is not None and intro is not None:
        _item(draft, f)
    _scopes(draft, f, lexicon)


def _sides_by_post(f: Facts) -> list[Org]:
    """``penandatanganan PKS antara Kepala Kanwil X dengan …``: a side of a signing named by
    its head's post alone, right after ``antara``/``between``, is a party (its head, unnamed,
    is no signer), also when the signing is the one witnessed (``menyaksikan penandatanganan
    PKS antara …``: those named after ``antara`` sign, they do not witness)."""
    if not f.signing:
        return []
    sides = set(f.cue_ends.get("between", []))
    return [
        o.org.org
        for o in f.officials
        if o.name is None
        and o.org is not None
        and o.start in sides
        and f.zone_of(o.start) in {None, "witness", "attendee"}
    ]


def _remark_in_passing(f: Facts) -> bool:
    """Someone's account of other work (``ia menjelaskan program … yang dikembangkan bersama
    Kementerian X``, or a quotation: ``“Pola ini sama dengan kerja sama kami bersama Kota
    X …``): a sentence that reports or quotes words, with no signing word, no kind and no list
    marker, names no party by its place in the sentence."""
    return (f.has("reporting") or f.quoted) and not (
        f.signing or f.current_kinds or f.sentence.marker
    )


def settled_org(match: OrgMatch, draft: Draft) -> Org:
    """A bare area name (``Aceh Tengah``) is the party already named that it fits, if any."""
    if not match.weak:
        return match.org
    options = (match.org, *match.alternatives)
    for org in options:
        if org.ident in draft.parties:
            return org
    if len(options) > 1:
        names = " or ".join(o.name for o in options)
        draft.notes.append(f"{match.org.name!r} may be {names}; the first was chosen, check it")
    return match.org


def _counted_partners(f: Facts) -> int | None:
    """``empat instansi``, ``tiga pemerintah daerah``, ``4 mitra``: a count of partners. A
    definite count (``kedua lembaga``, ``the three regions``, ``tiga provinsi ini``) counts
    every party, not partners."""
    at = partner_count_at(f.sentence.keys)
    if at is None:
        return None
    keys = f.sentence.keys
    if keys[at + 1] in multi_words()["party_nouns"] and f.has("multilateral"):
        return None
    rules = Rules.load()
    return rules.numbers.get(keys[at]) or int(keys[at])


def _hub_of(f: Facts) -> str | None:
    """The body every partner signs with: alone after ``dengan`` when the partners were counted
    first (``empat instansi … dengan LAN``), else the subject (``LAN … dengan empat instansi``)."""
    roles: dict[str, list[str]] = {}
    for mention in f.parties:
        if mention.role:
            roles.setdefault(mention.role, []).append(mention.match.org.ident)
    keys = f.sentence.keys
    words = multi_words()["hub_with_words"]
    with_at = next((k for k, key in enumerate(keys) if key in words), None)
    counted = partner_count_at(keys)
    if counted is not None and with_at is not None and counted < with_at:
        candidates = roles.get("with", [])
    else:
        candidates = roles.get("subject", []) or _subject_officials(f)
    return candidates[0] if len(set(candidates)) == 1 else None


def _subject_officials(f: Facts) -> list[str]:
    """The bodies of the officials named before the first signing word (``Kepala BPKP NAME
    menandatangani … secara terpisah dengan Gubernur A, Bupati B …``)."""
    first = min(f.cues.get("signing", []), default=None)
    if first is None:
        return []
    return [o.org.org.ident for o in f.officials if o.org is not None and o.end <= first]


def _subject_with_partners(draft: Draft, f: Facts) -> None:
    """``PLN menandatangani nota kesepahaman dengan ITS dan Pemprov Jatim``: one subject and
    two or more bodies after ``dengan`` make one agreement per partner."""
    subjects = {p.match.org.ident for p in f.parties if p.role == "subject"}
    subjects = subjects or set(_subject_officials(f))
    partners = {p.match.org.ident for p in f.parties if p.role == "with"}
    partners = (partners | _partner_officials(f)) - subjects
    about = f.signing or f.current_kinds
    if not (subjects or about) and len(partners) >= 2 and _talks_of_agreement(f):
        subjects = _cooperating(draft, f)
        about = bool(subjects)
    if len(subjects) == 1 and len(partners) >= 2 and about:
        draft.bilateral = draft.split_cue = True
        draft.hub = draft.hub or next(iter(subjects))


def _partner_officials(f: Facts) -> set[str]:
    """The bodies of the named officials after ``dengan`` (``… dengan Gubernur A, Bupati B dan
    Wali Kota C``), when no body is named between."""
    words = multi_words()["hub_with_words"]
    with_at = next((k for k, key in enumerate(f.sentence.keys) if key in words), None)
    if with_at is None or any(with_at < p.match.start for p in f.parties if p.role):
        return set()
    after = [o for o in f.officials if o.start > with_at and o.org and o.name]
    return {o.org.org.ident for o in after if f.zone_of(o.start) is None}


def _cooperating(draft: Draft, f: Facts) -> set[str]:
    """``Pemkab X menjalin kerja sama dengan A dan B`` (no signing word, no kind): the one
    body named before the words of cooperation is the subject, a party of the agreements."""
    first = next(Rules.load().agreement_words.find(f.sentence.keys), None)
    before = [p for p in f.parties if p.role is None and first and p.match.end <= first[0]]
    if len({p.match.org.ident for p in before}) != 1 or f.has("reporting"):
        return set()
    draft.add_party(settled_org(before[0].match, draft), "subject", f.sentence.index)
    return {before[0].match.org.ident}


def _intro(draft: Draft, f: Facts) -> None:
    """A line ending with ``:`` opens a list: of partners (hub = the body it names) or of
    the scope (``Ruang lingkup … meliputi:``)."""
    bodies = {p.match.org.ident for p in f.parties if f.zone_of(p.match.start) not in EXCLUDED}
    if len(bodies) == 1:
        draft.hub = next(iter(bodies))
    if Rules.load().field_cues.find(f.sentence.keys):
        draft.scope_items = True


def _item(draft: Draft, f: Facts) -> None:
    heads = [p for p in f.parties if p.match.start <= 1]
    if heads:
        org = settled_org(heads[0].match, draft)
        draft.add_party(org, "item", f.sentence.index)
        draft.items[org.ident] = f.sentence.index
        draft.bilateral = True


def _scopes(draft: Draft, f: Facts, lexicon: Lexicon) -> None:
    if not (f.current_kinds or f.signing or f.sentence.marker or _speaks_of_agreement(f)):
        return
    if f.has("reporting") and not (f.current_kinds or f.signing):
        return
    skip = set()
    for official in f.officials:
        skip.update(range(official.start, official.end))
    for start, end, name in f.zones:
        if name in {"background", "implements", "witness", "attendee"}:
            skip.update(range(start, end))
    bodies = frozenset(
        p.match.org.ident
        for p in f.parties
        if f.zone_of(p.match.start) not in EXCLUDED and p.match.org.ident in draft.parties
    )
    if f.sentence.marker is not None:
        bodies = frozenset(k for k, i in draft.items.items() if i == f.sentence.index)
    spans = cue_spans(f.sentence, skip)
    for kind in f.current_kinds:
        topic = topic_span(f.sentence, kind.end)
        if topic is not None and topic[0] not in skip:
            spans.append(topic)
    item = f.sentence.marker is not None and draft.scope_items and not bodies
    if item:
        spans = [(0, len(f.sentence.tokens), 0.8)]
    for start, end, _ in sorted(spans):
        hits, text = scope_fields(f.sentence, start, end)
        if hits or text:
            places = _local_governments(f, start, end, lexicon)
            draft.scopes.append(Scope(f.sentence.index, hits, text, bodies, item, places))


def _local_governments(f: Facts, start: int, end: int, lexicon: Lexicon) -> tuple[Org, ...]:
    """Regional governments a scope names (``penguatan kapasitas pemerintah kabupaten X``)."""
    found = []
    k = start
    while k < end:
        match = org_at(f.sentence.tokens, k, lexicon, weak=False)
        if match is not None and match.org.is_local and match.end <= end:
            found.append(match.org)
            k = match.end
        else:
            k += 1
    return tuple(found)


def _speaks_of_agreement(f: Facts) -> bool:
    """The sentence names an agreement in general words or gives a scope."""
    return _talks_of_agreement(f) or _gives_scope(f)


def _gives_scope(f: Facts) -> bool:
    """The sentence gives a scope (``… will work together on traffic safety``), and is not
    someone's remark."""
    return not f.has("reporting") and bool(cue_spans(f.sentence))


def _talks_of_agreement(f: Facts) -> bool:
    """The sentence names an agreement in general words (``kerja sama``, ``kesepakatan``)."""
    return next(Rules.load().agreement_words.find(f.sentence.keys), None) is not None


def _unnamed_partners(draft: Draft) -> None:
    """``… dengan 34 pemerintah daerah se-Provinsi Sumatera Utara`` naming one or two of them:
    the partners counted are not named, so the count makes no set of bilateral agreements
    (the bodies named stay parties of one agreement).

    >>> from govkg.extract.text import read_article
    >>> art = read_article("BPK meneken MoU dengan 34 Pemda, antara lain Pemprov Sumut dan "
    ...     "Pemkot Medan.")
    >>> [(len(d.parties), d.bilateral) for d in draft_agreements(art, "id")]
    [(3, False)]
    """
    count = draft.partner_count
    if not count or draft.split_cue or draft.items or not draft.bilateral:
        return
    if (len(draft.parties) - 1) * 2 >= count:
        return
    draft.bilateral = draft.counted = False
    draft.notes.append(
        f"the report counts {count} partners but names {len(draft.parties) - 1}; "
        "kept as one agreement"
    )


def _settle_hub(draft: Draft) -> None:
    """A set of bilateral agreements whose sentences named no hub: the body the draft's
    sentences name most often (the first named on a tie) signs with every other one."""
    if not draft.counted or draft.multilateral or draft.hub in draft.parties:
        return
    if len(draft.parties) < 3:
        return
    counts = {ident: len(draft.party_sentences.get(ident, ())) for ident in draft.parties}
    draft.hub = max(counts, key=lambda ident: counts[ident])
    draft.hub_guessed = True
    draft.notes.append(
        f"no sentence names the body that signs with every partner; "
        f"{draft.parties[draft.hub].name}, named most often, was taken"
    )


def _short_names_merged(draft: Draft) -> None:
    """A party known only by a short name that another party's name spells out (``UNIB`` and
    ``Universitas Bengkulu``) is that party.

    >>> from govkg.extract.text import read_article
    >>> art = read_article("Bupati Kaur Budi berkunjung ke Universitas Nusa Bangsa dan meneken "
    ...     "MoU dengan Rektor UNB Dr. Rina Wati. MoU antara Pemkab Kaur dengan UNB berlaku.")
    >>> [list(d.parties) for d in draft_agreements(art, "id")]
    [['new:universitas-nusa-bangsa', 'kabupaten-17-04']]
    """
    for ident, org in list(draft.parties.items()):
        full = spelled_out(org, [p for p in draft.parties.values() if p.ident != ident])
        if full is not None:
            _merge_party(draft, ident, full)


def _units_merged(draft: Draft) -> None:
    """A unit of a regional government beside that government among the parties, named only
    in a list after the government was named by its place in the sentence, is where one of
    its people works (``mewakili Bupati X, NAME, Staf Ahli Sekretariat Daerah Kabupaten X``):
    the government is the party; and the other way round (``dengan Dinas Pariwisata
    Kabupaten X`` … ``Kabupaten X, Y dan Z``), the unit is. A regional parliament (rules
    ``orgs.region_named_units``) stays a party of its own.

    >>> from govkg.extract.text import read_article
    >>> art = read_article("PKS antara Pemerintah Kabupaten Merauke dengan Universitas Bumi "
    ...     "Raya. Hadir mewakili Bupati Merauke adalah Ir. Budi Santoso yang merupakan Staf "
    ...     "Ahli Bidang Perekonomian Sekretariat Daerah Kabupaten Merauke.")
    >>> [list(d.parties) for d in draft_agreements(art, "id")]
    [['kabupaten-93-01', 'new:universitas-bumi-raya']]
    """
    own = {token_key(w) for w in Rules.load().data["orgs"]["region_named_units"]}
    for ident, org in list(draft.parties.items()):
        parent = draft.parties.get(org.parent or "")
        if org.kind != "GovernmentUnit" or parent is None or not parent.is_local:
            continue
        if token_key(org.name.split()[0]) in own:
            continue
        listed = {"enumeration"}
        unit_listed = draft.roles.get(ident, set()) <= listed
        parent_listed = draft.roles.get(parent.ident, set()) <= listed
        signs = any(s.org is not None and s.org.ident == parent.ident for s in draft.signers)
        if unit_listed and not parent_listed:
            _merge_party(draft, ident, parent)
        elif parent_listed and not unit_listed and not signs:
            _merge_party(draft, parent.ident, org)


def _same_bodies_merged(draft: Draft) -> None:
    """A party named again by a cut-off name, or by the body its office belongs to, is merged
    into it (:mod:`~govkg.extract.levels`); the hub keeps its place.

    >>> from govkg.extract.text import read_article
    >>> art = read_article("Pemkot Magelang dan Polres Magelang Kota meneken MoU. Wali Kota "
    ...     "Magelang Budi dan Kapolres Magelang Kota AKBP Rina Wati meneken MoU itu. “Kerja "
    ...     "sama Pemkot Magelang dengan Polri makin erat,” kata Budi.")
    >>> [list(d.parties) for d in draft_agreements(art, "id")]
    [['kota-33-71', 'polres-magelang-kota']]
    """
    signed = {s.org.ident for s in draft.signers if s.org is not None}
    if draft.hub is not None:
        signed.add(draft.hub)
    for org, into in list(same_bodies(list(draft.parties.values()), signed)):
        _merge_party(draft, org.ident, into)


def _merge_party(draft: Draft, ident: str, into: Org) -> None:
    """The party ``ident`` is ``into``: its roles, sentences and signers go there."""
    del draft.parties[ident]
    draft.roles.setdefault(into.ident, set()).update(draft.roles.pop(ident, set()))
    sentences = draft.party_sentences.pop(ident, set())
    draft.party_sentences.setdefault(into.ident, set()).update(sentences)
    for signer in draft.signers:
        if signer.org is not None and signer.org.ident == ident:
            signer.org = into


def _office_for_body(draft: Draft, signer: Signer) -> bool:
    """A regional office or branch signs in its own name for the central body the report
    named as the party (``BPJS Ketenagakerjaan memperpanjang kerja sama …``, signed by the
    ``Kepala Kantor Wilayah Sulawesi Maluku BPJS Ketenagakerjaan``): the office is the party,
    unless someone else signs for the central body itself."""
    org = signer.org
    if org is None or org.kind != "RegionalOffice":
        return False
    return not any(s.org is not None and s.org.ident == org.parent for s in draft.signers)


def _replace_party(draft: Draft, ident: str, org: Org) -> None:
    """``org`` takes the place of the party ``ident`` (same position, roles and sentences)."""
    parties = draft.parties.items()
    draft.parties = dict((org.ident, org) if k == ident else (k, v) for k, v in parties)
    draft.roles.setdefault(org.ident, set()).update(draft.roles.pop(ident, set()))
    sentences = draft.party_sentences.pop(ident, set())
    draft.party_sentences.setdefault(org.ident, set()).update(sentences)


def _settle_parties(draft: Draft) -> None:
    """Give signers without a body the party their post implies; map a unit to the body it
    signs for when the unit is not itself a party."""
    _short_names_merged(draft)
    _units_merged(draft)
    parties = list(draft.parties.values())
    for signer in draft.signers:
        if signer.org is not None and signer.org.ident not in draft.parties:
            signer.org = spelled_out(signer.org, parties) or signer.org
        if signer.org is not None and signer.org.ident not in draft.parties:
            parent = draft.parties.get(signer.org.parent or "")
            if parent is not None and _office_for_body(draft, signer):
                _replace_party(draft, parent.ident, signer.org)
            elif parent is not None:  # a unit signing for its body
                signer.org = parent
            else:
                draft.add_party(signer.org, "signer", signer.sentences[0][0])
    signed = {s.org.ident for s in draft.signers if s.org is not None}
    for signer in draft.signers:
        if signer.org is None:
            signer.org = infer_org(signer, parties)
            unsigned = [p for p in draft.parties.values() if p.ident not in signed]
            if signer.org is None and len(unsigned) == 1 and may_sign_for(signer, unsigned[0]):
                signer.org = unsigned[0]
                signer.notes.append(
                    f"the report does not say which body {signer.name} signed for; "
                    f"{unsigned[0].name} is the one party without another signer"
                )
            if signer.org is not None:
                signed.add(signer.org.ident)
                cap = Rules.load().confidence["signer_org_from_parties"]
                signer.sentences = [(i, min(c, cap)) for i, c in signer.sentences]
    unique: dict[tuple[str, str | None], Signer] = {}
    for signer in draft.signers:
        key = (signer.key, signer.org.ident if signer.org else None)
        if key in unique:
            unique[key].sentences.extend(
                s for s in signer.sentences if s not in unique[key].sentences
            )
        else:
            unique[key] = signer
    draft.signers = merge_short_names(list(unique.values()))
    _same_bodies_merged(draft)
