"""Never an empty hand: a report that tells of a signing always gives a draft to review.

When the sentences about the signing name fewer than two parties, the draft takes the bodies
its signers sign for, then other bodies named in those sentences, then bodies named elsewhere
in the report, until it has two; failing that, a body to be named by the reviewer. The draft
carries a low confidence and a note saying what is missing. Only a report that tells of no
signing at all (no signing word, no kind of agreement) is refused.

>>> from govkg.extract.text import read_article
>>> from govkg.extract.agreements import analyse_article
>>> art = read_article("Pemprov Bali menjalin kerja sama. Dokumen diteken hari ini oleh BPKP.")
>>> draft = fallback_draft(analyse_article(art, "id"))
>>> [p.name for p in draft.parties.values()], draft.kind
(['BPKP', 'Pemerintah Provinsi Bali'], 'mou')
"""

from __future__ import annotations

from govkg.extract.agreements import EXCLUDED, Analysis, Draft, further_parties, settled_org
from govkg.extract.clauses import Facts
from govkg.extract.kinds import unnamed_kind
from govkg.extract.orgs import Org, known_org
from govkg.extract.rules import Rules
from govkg.text_hygiene import slugify

UNKNOWN_PARTIES = (
    Org("new:pihak-belum-dikenali", "Pihak yang belum dikenali", "Organization"),
    Org("new:pihak-lain-belum-dikenali", "Pihak lain yang belum dikenali", "Organization"),
)
"""Stand for parties the report does not name in a way the rules recognise."""


def fallback_drafts(analysis: Analysis) -> list[Draft]:
    """The fallback draft, and the further agreements signed at the same event (``MoU dan
    PKS``) that name no parties of their own, between the same parties (found the same way).

    >>> from govkg.extract.text import read_article
    >>> from govkg.extract.agreements import analyse_article
    >>> art = read_article("Universitas Khairun menjalin kerja sama melalui penandatanganan "
    ...     "nota kesepahaman (MoU) dan perjanjian kerja sama (PKS), Jumat.")
    >>> [(d.kind, len(d.parties)) for d in fallback_drafts(analyse_article(art, "id"))]
    [('mou', 2), ('pks', 2)]
    """
    first = fallback_draft(analysis)
    others = [d for d in analysis.drafts if d is not first]
    completed = further_parties([first, *others], analysis.facts)
    for draft in completed:
        for ident in draft.parties:
            if ident in first.roles:
                draft.roles[ident] = set(first.roles[ident])
    return [first, *completed]


def fallback_draft(analysis: Analysis) -> Draft:
    """The best draft the report allows, completed to two parties.

    :raises ValueError: the report tells of no signing.
    """
    facts = analysis.facts
    if not any(f.signing or f.current_kinds for f in facts):
        raise ValueError("the report tells of no signing of an agreement")
    draft = max(analysis.drafts, key=lambda d: len(d.parties), default=None)
    if draft is None:
        kinds = [k.kind for f in facts for k in f.current_kinds]
        draft = Draft(kinds[0] if kinds else None)
    sure = Rules.load().confidence["agreement_fallback"]
    if len(draft.parties) < 2:
        _attending_governments(draft, facts)
    for org, index in _candidates(draft, facts):
        if len(draft.parties) >= 2:
            break
        if org.ident not in draft.parties:
            draft.add_party(org, "mentioned", index)
    for index in list(draft.sentences):
        draft.sentences[index] = min(draft.sentences[index] or sure, sure)
    named = [] if len(draft.parties) >= 2 else list(_named_in_partner_slot(facts, draft))
    for org, index in named[: 2 - len(draft.parties)]:
        draft.add_party(org, "named", index)
        draft.notes.append(
            f"{org.name!r} is taken as a party by its place in the sentence (after a word such "
            "as 'dengan' or 'with'); no rule knows the name: check the name and its kind"
        )
    if len(draft.parties) < 2:
        missing = UNKNOWN_PARTIES[: 2 - len(draft.parties)]
        for org in missing:
            draft.add_party(org, "unknown", _first_signing(facts))
        names = " and ".join(repr(org.name) for org in missing)
        draft.notes.append(
            "the report tells of a signing but names fewer than two parties the rules "
            f"recognise; {names} stand(s) for the others: name them (or drop the record)"
        )
    else:
        draft.notes.append(
            "the sentences about the signing name fewer than two parties; parties were taken "
            "from elsewhere in the report: check them"
        )
    if draft.kind is None:
        draft.kind, note = unnamed_kind(facts)
        draft.notes.append(note)
    return draft


def _attending_governments(draft: Draft, facts: list[Facts]) -> None:
    """A signing whose sentences name no two parties, attended by the heads of two regional
    governments or more (``… dihadiri oleh Gubernur A, Bupati B, Wali Kota C``): the report
    names the signing's parties by the officials who came to sign, so their governments are
    parties."""
    found: dict[str, tuple[Org, int]] = {}
    for f in facts:
        for official in f.officials:
            org = official.org.org if official.org is not None else None
            if org is not None and org.is_local and f.zone_of(official.start) == "attendee":
                found.setdefault(org.ident, (org, f.sentence.index))
    if len(found) < 2:
        return
    for org, index in found.values():
        draft.add_party(org, "attendee", index)
    draft.notes.append(
        "no sentence names the parties; the regional governments whose heads attended the "
        "signing were taken: check them"
    )
    others = [ident for ident in draft.parties if ident not in found]
    if draft.bilateral and draft.hub is None and len(others) == 1:
        draft.hub = others[0]  # one agreement each: the body they all came to sign with


def _candidates(draft: Draft, facts: list[Facts]):
    """Bodies that may be parties, most likely first, with the sentence naming them."""
    for signer in draft.signers:
        if signer.org is not None:
            yield signer.org, signer.sentences[0][0]
    about = [f for f in facts if f.signing or f.current_kinds]
    others = [f for f in facts if not (f.signing or f.current_kinds)]
    for group, strong_only in ((about, False), (about, True), (others, True)):
        for f in group:
            for mention in f.parties:
                if f.zone_of(mention.match.start) in EXCLUDED or f.background_only:
                    continue
                if (strong_only or mention.role is None) and mention.match.weak:
                    continue
                if strong_only or mention.role is not None:
                    yield settled_org(mention.match, draft), f.sentence.index


def _named_in_partner_slot(facts: list[Facts], draft: Draft):
    """Capitalised words right after ``dengan``/``with``/``antara`` in a sentence about the
    signing that no rule recognised as a body (``dengan Lembaga Kajian Nusa Raya``): the
    name as the report gives it, declared as an organization, with the sentence naming it."""
    for f in facts:
        if not (f.signing or f.current_kinds) or f.background_only:
            continue
        toks = f.sentence.tokens
        for at in (*f.cue_ends.get("with", ()), *f.cue_ends.get("between", ())):
            if f.zone_of(at) in EXCLUDED:
                continue
            official = _official_at(f, toks, at)
            name = partner_name(toks, at) if official is None else None
            if official is not None:
                org = official
            elif name:
                org = known_org(name) or Org(f"new:{slugify(name)}", name, "Organization")
            else:
                continue
            if org.ident not in draft.parties:
                yield org, f.sentence.index


def _official_at(f: Facts, toks, at: int) -> Org | None:
    """The body of the official named right after ``with``/``dengan`` (``signed with Sleman
    Regent NAME, represented by …``): the partner is that body, not the words of the mention."""
    if at < len(toks) and toks[at].key in Rules.load().data["fallback"]["articles"]:
        at += 1
    return next((o.org.org for o in f.officials if o.start == at and o.org is not None), None)


def partner_name(toks, at: int) -> str | None:
    """The capitalised words from ``at`` (a title or an article skipped before them, joiners
    inside), when they start no post, date or person's title.

    >>> from govkg.extract.text import tokens
    >>> toks = tokens("MoU dengan Lembaga Kajian Nusa Raya tentang riset")
    >>> partner_name(toks, 2), partner_name(tokens("dengan Bupati Sinjai"), 1)
    ('Lembaga Kajian Nusa Raya', None)
    """
    from govkg.extract.orgs import _capitalised_run, _span
    from govkg.extract.people import is_post_word

    rules = Rules.load()
    if at < len(toks) and toks[at].key in rules.data["fallback"]["articles"]:
        at += 1
    if at >= len(toks) or not (toks[at].is_word and toks[at].text[:1].isupper()):
        return None
    first = toks[at].key
    if (
        is_post_word(first)
        or first in rules.weekdays
        or first in rules.data["fallback"]["not_names"]
    ):
        return None
    end = _capitalised_run(toks, at, 8, joiners=tuple(rules.data["fallback"]["joiners"]))
    while end > at and toks[end - 1].key in rules.data["fallback"]["joiners"]:
        end -= 1
    if any(is_post_word(t.key) for t in toks[at:end]):
        return None  # ``Papua New Guinea Prime Minister NAME``: an official, not a body's name
    return _span(toks, at, end) if end - at >= 2 else None


def _first_signing(facts: list[Facts]) -> int:
    return next((f.sentence.index for f in facts if f.signing or f.current_kinds), 0)
