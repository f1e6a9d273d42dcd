"""From drafts to a record in the normal format (``docs/records.md``), with evidence.

The record is a plain mapping; :func:`record_yaml` writes it. Every name stays as the report
wrote it or as the gazetteer names it, so ``govkg build`` resolves it unchanged; bodies the
gazetteer lacks are declared under ``organizations:`` with their closest gazetteer entries in a
note, and fields are written in words that resolve in ``ontology/fields.ttl``.

>>> from govkg.extract.text import read_article
>>> from govkg.extract.agreements import analyse_article
>>> from datetime import date
>>> art = read_article("Kepala LAN Adi dan Kepala LIPI Budi meneken MoU, Jumat (1/2).")
>>> record = build_record(art, analyse_article(art, "id"), date(2019, 2, 1), "id", "demo")
>>> record["events"][0]["date"], record["events"][0]["agreements"][0]["parties"]
('2019-02-01', ['LAN', 'LIPI'])
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import yaml

from govkg.extract.agreements import Analysis, Draft, Scope
from govkg.extract.clauses import Facts
from govkg.extract.dates import find_dates, resolve
from govkg.extract.events import agreement_days
from govkg.extract.fallback import fallback_drafts
from govkg.extract.fields import FieldHit, preferred_label
from govkg.extract.implied_fields import implied_fields, narrowed
from govkg.extract.orgs import Org, candidates, gazetteer_index
from govkg.extract.party_model import capped, screen
from govkg.extract.rules import Rules
from govkg.extract.signatories import Signer
from govkg.extract.signing_date import event_date
from govkg.extract.signing_date import evidence_entry as _evidence
from govkg.extract.sure import agreement_confidence, scaled
from govkg.extract.text import Article
from govkg.gazetteer.forms import name_key
from govkg.ids import agreement_slug
from govkg.text_hygiene import slugify

MAX_EVIDENCE = 4


@dataclass
class Split:
    """One agreement cut from a draft: its parties, signers, scopes and supporting sentences."""

    draft: Draft
    parties: list[Org]
    signers: list[Signer]
    scopes: list[Scope]
    sentences: dict[int, float]
    item: int | None = None

    @property
    def kind(self) -> str:
        """The agreement's kind (an MoU when the report names none)."""
        return self.draft.kind or "mou"


def build_record(
    article: Article,
    analysis: Analysis,
    published: date | None,
    lang: str,
    source_id: str,
) -> dict[str, Any]:
    """The record mapping of one report.

    :raises ValueError: the report tells of no signing at all.
    """
    screen(analysis.drafts, analysis.facts)
    splits = [s for draft in analysis.drafts for s in split(draft)]
    splits = [s for s in splits if len(s.parties) >= 2]
    if not splits:
        splits = [s for d in fallback_drafts(analysis) for s in split(d) if len(s.parties) >= 2]
    splits = distinct(splits)
    day, date_evidence, date_note = event_date(article, analysis.facts, published)
    place, city = event_place(article, analysis, date_evidence)
    apart = agreement_days(article, analysis.facts, splits, published, day)
    events = []
    main = [s for n, s in enumerate(splits) if n not in apart]
    if main:
        events.append(_event(article, main, (day, date_evidence, date_note), analysis, lang))
    for day_of in dict.fromkeys(d[0] for d in apart.values()):
        group = [n for n in sorted(apart) if apart[n][0] == day_of]
        events.append(_event(article, [splits[n] for n in group], apart[group[0]], analysis, lang))
    if place:
        events[0]["place"] = place
    if city:
        events[0]["city"] = city
    record: dict[str, Any] = {
        "govkg": 1,
        "source": _source(article, published, lang, source_id),
        "events": [_ordered(event) for event in events],
    }
    declared = _declarations(splits, analysis.lexicon.orgs)
    if declared:
        record["organizations"] = declared
    return record


def _event(
    article: Article,
    splits: Sequence[Split],
    dated: tuple[str | None, dict[str, Any] | None, str | None],
    analysis: Analysis,
    lang: str,
) -> dict[str, Any]:
    """One signing event: its date (with evidence) and its agreements."""
    day, evidence, note = dated
    ids = _agreement_ids(splits, day)
    agreements = [_agreement(article, s, day, ids, analysis, lang) for s in splits]
    if note:
        for agreement in agreements:
            agreement.setdefault("notes", []).insert(0, note)
    event: dict[str, Any] = {"date": day} if day else {}
    if evidence:
        event["evidence"] = [evidence]
    event["agreements"] = agreements
    return event


def _ordered(event: dict[str, Any]) -> dict[str, Any]:
    """The event's keys in the order records write them."""
    order = ("date", "place", "city", "evidence", "agreements")
    return {key: event[key] for key in order if key in event}


# ── splitting ───────────────────────────────────────────────────────────────────────────────────


def split(draft: Draft) -> list[Split]:
    """One agreement, or one per partner when the draft is a set of bilateral agreements.

    >>> from govkg.extract.agreements import draft_agreements
    >>> from govkg.extract.text import read_article
    >>> (draft,) = draft_agreements(read_article(
    ...     "LAN meneken MoU secara terpisah dengan LIPI, BPS dan BPOM."), "id")
    >>> [[p.ident for p in s.parties] for s in split(draft)]
    [['lan', 'lipi'], ['lan', 'bps'], ['lan', 'bpom']]
    """
    parties = list(draft.parties.values())
    hub = draft.hub if draft.hub in draft.parties else None
    bilateral = draft.bilateral and not draft.multilateral and len(parties) >= 3
    if draft.items and hub is None:
        hub = next((p.ident for p in parties if p.ident not in draft.items), None)
    if not bilateral or hub is None:
        if bilateral:
            draft.notes.append(
                "the report may describe one agreement per partner, but names no body that "
                "signs with all of them; kept as one agreement"
            )
        signers = [s for s in draft.signers if s.org is not None and s.org.ident in draft.parties]
        return [Split(draft, parties, signers, _shared_scopes(draft), dict(draft.sentences))]
    result = []
    for partner in parties:
        if partner.ident == hub:
            continue
        pair = [draft.parties[hub], partner]
        idents = {hub, partner.ident}
        signers = [s for s in draft.signers if s.org is not None and s.org.ident in idents]
        scopes = _partner_scopes(draft, partner.ident, hub)
        sentences = {
            i: c
            for i, c in draft.sentences.items()
            if i == draft.items.get(partner.ident) or i in _mentioning(draft, partner.ident)
        }
        result.append(
            Split(draft, pair, signers, scopes, sentences, draft.items.get(partner.ident))
        )
    return result


def distinct(splits: Sequence[Split]) -> list[Split]:
    """One agreement per kind and set of parties: a pair the report names twice (a list that
    ends with a partner named before) is one agreement with both mentions' signers and sentences.

    >>> from govkg.extract.agreements import draft_agreements
    >>> from govkg.extract.text import read_article
    >>> (draft,) = draft_agreements(read_article(
    ...     "LAN meneken MoU secara terpisah dengan LIPI, BPS dan BPOM."), "id")
    >>> twice = split(draft) + split(draft)[:1]
    >>> [[p.ident for p in s.parties] for s in distinct(twice)]
    [['lan', 'lipi'], ['lan', 'bps'], ['lan', 'bpom']]
    """
    kept: dict[tuple, Split] = {}
    for s in splits:
        key = (s.draft.kind, frozenset(_keys(s)), s.draft.copy)
        first = kept.setdefault(key, s)
        if first is not s:
            first.signers += [x for x in s.signers if x not in first.signers]
            first.scopes += [x for x in s.scopes if x not in first.scopes]
            first.sentences = {**s.sentences, **first.sentences}
    return list(kept.values())


def _mentioning(draft: Draft, ident: str) -> set[int]:
    found = {i for scope in draft.scopes if ident in scope.bodies for i in [scope.sentence]}
    found |= {i for s in draft.signers if s.org and s.org.ident == ident for i, _ in s.sentences}
    return found | set(draft.party_sentences.get(ident, ()))


def _shared_scopes(draft: Draft) -> list[Scope]:
    return [s for s in draft.scopes if not (s.item and s.bodies)]


def _partner_scopes(draft: Draft, partner: str, hub: str) -> list[Scope]:
    own = [s for s in draft.scopes if s.bodies and s.bodies - {hub} == {partner}]
    if draft.items:
        own = [s for s in own if s.sentence == draft.items.get(partner)] or own
    if own:
        return own
    return [s for s in draft.scopes if not (s.bodies - {hub})]


# ── the event ───────────────────────────────────────────────────────────────────────────────────


def event_place(
    article: Article, analysis: Analysis, date_evidence: dict[str, Any] | None
) -> tuple[str | None, str | None]:
    """Venue and city: the place named where the date is (or in a signing sentence).

    >>> from govkg.extract.agreements import analyse_article
    >>> from govkg.extract.text import read_article
    >>> art = read_article("LAN dan BPS meneken MoU di Ruang Rapat, Kantor LAN, Jakarta.")
    >>> event_place(art, analyse_article(art, "id"), None)
    ('Ruang Rapat, Kantor LAN', 'Jakarta')
    """
    attached = {i for draft in analysis.drafts for i in draft.sentences}
    ordered = sorted(
        analysis.facts,
        key=lambda f: (
            not (date_evidence and f.sentence.start == date_evidence["start"]),
            not f.signing,
            f.sentence.index,
        ),
    )
    for f in ordered:
        if f.sentence.index not in attached:
            continue
        for start, end, name in f.zones:
            if name == "place":
                found = _place_parts(f, start, end, article)
                if found != (None, None):
                    return found
    return None, article.city


def _place_parts(f: Facts, start: int, end: int, article: Article) -> tuple[str | None, str | None]:
    toks = f.sentence.tokens
    k = start + 1
    while k < end and toks[k].key in {"the", "di", "bertempat"}:
        k += 1
    parts: list[list[str]] = [[]]
    for tok in toks[k:end]:
        if tok.text == ",":
            parts.append([])
        else:
            parts[-1].append(tok.text)
    names = [" ".join(p) for p in parts if p]
    if not names:
        return None, None
    index = gazetteer_index()
    heads = Rules.load().data["orgs"]["place_heads"]
    last = names[-1]
    is_city = bool(index.weak.get(last.lower())) or (article.city or "").lower() == last.lower()
    if len(names) > 1 and is_city:
        return ", ".join(names[:-1]), last
    if any(last.lower().startswith(h) for h in heads) or len(names) > 1:
        return ", ".join(names), article.city
    return None, last


# ── agreements ──────────────────────────────────────────────────────────────────────────────────


def _agreement_ids(splits: Sequence[Split], day: str | None) -> dict[int, str]:
    """Ids for agreements another one implements (the slug the build would give them), and for
    a further agreement of the same kind between the same parties (the slug and its number)."""
    ids = {}
    for target in {id(s.draft.implements) for s in splits if s.draft.implements is not None}:
        owned = [s for s in splits if id(s.draft) == target]
        if len(owned) == 1:
            s = owned[0]
            ids[target] = agreement_slug(None, day or "undated", s.kind, _keys(s))
    seen: dict[str, int] = {}
    for s in splits:  # two documents between the same parties (counted_documents)
        slug = agreement_slug(None, day or "undated", s.kind, _keys(s))
        seen[slug] = seen.get(slug, 0) + 1
        if seen[slug] > 1:
            ids[id(s.draft)] = f"{slug}-{seen[slug]}"
    return ids


def _keys(s: Split) -> list[str]:
    return [declared_id(p) if not p.known else p.ident for p in s.parties]


def _agreement(
    article: Article, s: Split, day: str | None, ids: dict[int, str], analysis: Analysis, lang: str
) -> dict[str, Any]:
    draft = s.draft
    kind = s.kind
    names = {p.ident: written_name(p) for p in s.parties}
    out: dict[str, Any] = {"kind": kind}
    if id(draft) in ids:
        out["id"] = ids[id(draft)]
    out["parties"] = [names[p.ident] for p in s.parties]
    signatories = _signatories(article, s, names)
    if signatories:
        out["signatories"] = signatories
    hits, scope = _fields(s)
    named = _named_fields(hits, narrowed(s.parties))
    implied = [f for f in implied_fields(s.parties) if f not in named]
    fields = [*named.values(), *map(preferred_label, implied)]
    if fields:
        out["fields"] = fields
    if scope:
        out["scope"] = scope
    if draft.implements is not None and id(draft.implements) in ids:
        out["implements"] = ids[id(draft.implements)]
    notes = list(
        dict.fromkeys(
            [
                *draft.notes,
                *_implements_note(draft, s, analysis),
                *_scope_notes(s, analysis),
                *_party_notes(s),
                *([_implied_note(implied)] if implied else []),
            ]
        )
    )
    if notes:
        out["notes"] = notes
    evidence = _agreement_evidence(article, s, analysis.facts)
    if evidence:
        out["evidence"] = evidence
    return out


def written_name(org: Org) -> str:
    """How a record names a party so that the build resolves it to the same body.

    >>> index = gazetteer_index()
    >>> written_name(index.org("kabupaten-36-04")), written_name(index.org("lan"))
    ('Pemerintah Kabupaten Serang', 'LAN')
    """
    if not org.known:
        return org.name
    index = gazetteer_index()
    if index.lookup(org.name) == [org.ident]:
        return org.name
    return org.entry.name if org.entry else org.name


def declared_id(org: Org) -> str:
    """The id under which a body the gazetteer lacks is declared.

    >>> declared_id(Org("new:x", "Universitas Sultan Ageng Tirtayasa", "StateUniversity"))
    'universitas-sultan-ageng-tirtayasa'
    """
    return slugify(org.name)[:60].strip("-")


def _signatories(article: Article, s: Split, names: dict[str, str]) -> list[dict[str, Any]]:
    """One entry per person: the build keys people by the slug of their name (``Mi'an`` and
    ``Mian`` are one person to it), so a second spelling is dropped; so is a second holder of
    a party's post named in other sentences (:func:`_second_holder`)."""
    out = []
    seen = set()
    posts: dict[tuple[str, str], Signer] = {}
    for signer in s.signers:
        if signer.org is None or signer.org.ident not in names:
            continue
        if signer.key in seen or slugify(signer.name) in seen:
            continue
        if _second_holder(signer, posts.setdefault((signer.org.ident, signer.role), signer)):
            continue
        seen.update((signer.key, slugify(signer.name)))
        entry: dict[str, Any] = {
            "name": signer.name,
            "post": signer.post,
            "party": names[signer.org.ident],
        }
        if signer.honorifics:
            entry["honorifics"] = list(signer.honorifics)
        sentences = article.sentences
        entry["evidence"] = [
            _evidence(article, sentences[i].start, sentences[i].end, c)
            for i, c in signer.sentences[:MAX_EVIDENCE]
        ]
        out.append(entry)
        s.draft.notes.extend(n for n in signer.notes if n not in s.draft.notes)
    return out


def _second_holder(signer: Signer, first: Signer) -> bool:
    """A second person in the post of a party's first signer, found in none of the sentences
    that name the first, is that person again under another name (``Gubernur Joko Widodo``,
    later ``Gubernur Jokowi``): reports name one holder per post and party. Two holders in one
    sentence (``Pendeta A dan Pendeta B selaku anggota majelis``) both sign.

    >>> a = Signer("Joko Widodo", "Gubernur", "gubernur", None, (), [(0, 0.8)])
    >>> b = Signer("Jokowi", "Gubernur", "gubernur", None, (), [(3, 0.8)])
    >>> _second_holder(b, a), _second_holder(a, a)
    (True, False)
    >>> _second_holder(Signer("Budi", "Gubernur", "gubernur", None, (), [(0, 0.8)]), a)
    False
    """
    if signer is first or not signer.role:
        return False
    named = {i for i, _ in first.sentences}
    return not any(i in named for i, _ in signer.sentences)


def _fields(s: Split) -> tuple[dict[str, FieldHit], str | None]:
    """The fields the scopes name (first hit per concept) and the scopes as written."""
    seen: dict[str, FieldHit] = {}
    texts = []
    for scope in s.scopes:
        for hit in scope.hits:
            seen.setdefault(hit.concept, hit)
        if scope.text and scope.text not in texts:
            texts.append(scope.text)
    return seen, "; ".join(texts) or None


def _named_fields(hits: dict[str, FieldHit], narrows: dict[str, str]) -> dict[str, str]:
    """Concept → the field as the report writes it, or the preferred label of the narrower
    field it means for these parties."""
    out: dict[str, str] = {}
    for concept, hit in hits.items():
        if concept in narrows:
            out.setdefault(narrows[concept], preferred_label(narrows[concept]))
        else:
            out.setdefault(concept, _field_text(hit))
    return out


def _implied_note(concepts: list[str]) -> str:
    """The review note of fields added because of who the parties are.

    >>> _implied_note(["statistik"])[-51:]
    'rules.yaml fields.by_party): Statistik; check them.'
    """
    labels = "; ".join(map(preferred_label, concepts))
    return (
        "Fields not written in the report, implied by the parties (rules.yaml "
        f"fields.by_party): {labels}; check them."
    )


def _field_text(hit: FieldHit) -> str:
    return hit.text if hit.resolves else preferred_label(hit.concept)


def _implements_note(draft: Draft, s: Split, analysis: Analysis) -> list[str]:
    if draft.earlier is None:
        return []
    kind, sentence = draft.earlier
    facts = analysis.facts[sentence]
    when = None
    for mention in find_dates(facts.sentence.text, facts.sentence.start):
        resolved = resolve(mention, None)
        if resolved is not None:
            when = resolved.day
    labels = {"mou": "MoU", "pks": "PKS", "moa": "MoA", "soi": "statement of intent"}
    label = labels.get(kind, kind)
    if when is None:
        return [
            f"This agreement carries out an earlier {label} of the same parties (not dated "
            "in the report); link it with 'implements' once that agreement is recorded."
        ]
    slug = agreement_slug(None, when.isoformat(), kind, _keys(s))
    return [
        f"This agreement carries out the {label} signed on {when}; a record of it without an "
        f"id would be named {slug} (add 'implements: {slug}' once it is recorded)."
    ]


def _scope_notes(s: Split, analysis: Analysis) -> list[str]:
    notes = []
    parties = {p.ident for p in s.parties}
    for scope in s.scopes:
        for org in scope.locals:
            if org.ident not in parties:
                notes.append(
                    f"The scope names {org.name}, which is not a party of this agreement; "
                    "check the source (a copy error?). The scope text is kept as written."
                )
    return notes


def _party_notes(s: Split) -> list[str]:
    notes = []
    for org in s.parties:
        if org.known:
            continue
        candidates = _candidates(org.name)
        closest = "; ".join(candidates) if candidates else "none close"
        notes.append(
            f"{org.name!r} is not in the gazetteer (closest: {closest}); it is declared under "
            f"'organizations' as a {org.kind}: check the declaration, or use a candidate."
        )
    return notes


def _candidates(name: str) -> list[str]:
    """The closest gazetteer entries (:func:`govkg.extract.orgs.candidates`)."""

    return candidates(name, 3)


def _agreement_evidence(article: Article, s: Split, facts: Sequence[Facts]) -> list[dict[str, Any]]:
    """The quotes of the agreement, the best one with the confidence its parties' evidence
    gives (:func:`~govkg.extract.sure.agreement_confidence`)."""
    ranked = sorted(s.sentences.items(), key=lambda item: (item[0] != s.item, item[0]))
    ranked = ranked[:MAX_EVIDENCE]
    sure = capped(agreement_confidence(s.parties, s.signers, s.draft), s.parties, s.draft, facts)
    weights = scaled([c or 0.7 for _, c in ranked], sure)
    return [
        _evidence(article, article.sentences[i].start, article.sentences[i].end, w)
        for (i, _), w in zip(ranked, weights, strict=True)
    ]


# ── source and declarations ────────────────────────────────────────────────────────────────────


def _source(article: Article, published: date | None, lang: str, source_id: str) -> dict:
    source: dict[str, Any] = {"id": source_id, "kind": "news"}
    title = article.title
    if not (title or article.url or (article.publisher and published)):
        first = article.sentences[0].text if article.sentences else article.name
        title = first if len(first) <= 120 else first[:117].rsplit(" ", 1)[0] + " …"
    if title:
        source["title"] = title
    if article.url:
        source["url"] = article.url
    if article.publisher:
        source["publisher"] = article.publisher
    if published:
        source["published"] = published.isoformat()
    source["language"] = lang
    if article.contributors:
        source["contributors"] = [{"name": n, "role": r} for n, r in article.contributors]
    return source


def _declarations(splits: Iterable[Split], learnt: dict[str, Org]) -> list[dict[str, Any]]:
    """The bodies to declare, as the report's lexicon knows them at its end (``learnt``: with
    every name a later sentence gave them)."""
    orgs: dict[str, Org] = {}
    for s in splits:
        for org in s.parties:
            if not org.known:
                orgs.setdefault(org.ident, learnt.get(org.ident, org))
    declared = []
    for org in orgs.values():
        entry: dict[str, Any] = {"id": declared_id(org), "name": org.name, "kind": org.kind}
        if org.acronym:
            entry["acronyms"] = [org.acronym]
        if org.aliases:
            entry["aliases"] = [a for a in org.aliases if a != org.name]
        if org.country:
            entry["country"] = org.country
        if org.region_code:
            entry["region_code"] = org.region_code
        if org.parent and (org.parent in orgs or not org.parent.startswith("new:")):
            parent = orgs.get(org.parent)  # (a body found in the text but no party: none)
            entry["parent"] = declared_id(parent) if parent else org.parent
        declared.append(entry)
    return _without_clashes(declared)


def _without_clashes(declared: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Drop acronyms and aliases that already name another body (the gazetteer would refuse
    the declaration), so that the record builds as is."""
    index = gazetteer_index()
    taken: set[str] = set()
    kept = []
    for entry in declared:
        names = [entry["name"], *entry.get("acronyms", ()), *entry.get("aliases", ())]
        if entry["id"] in index.gazetteer:
            entry = {**entry, "id": f"{entry['id']}-declared"}
        clean = {k: v for k, v in entry.items() if k not in {"acronyms", "aliases"}}
        for field in ("acronyms", "aliases"):
            free = [n for n in entry.get(field, ()) if not _taken(n, index, taken)]
            if free:
                clean[field] = free
        if _taken(entry["name"], index, taken):
            clean["name"] = f"{entry['name']} ({entry['kind']})"
        taken.update(name_key(n) for n in names)
        kept.append(clean)
    return kept


def _taken(name: str, index, taken: set[str]) -> bool:
    form = name_key(name)
    return form in index.strong or form in index.weak or form in taken


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    def ignore_aliases(self, data: Any) -> bool:
        return True


def _str(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", data)


_Dumper.add_representer(str, _str)


def record_yaml(record: dict[str, Any], header: Sequence[str] = ()) -> str:
    """The record as YAML text (no anchors, keys in record order), after comment lines.

    >>> print(record_yaml({"govkg": 1, "source": {"id": "x"}}, ["made by hand"]))
    # made by hand
    govkg: 1
    source:
      id: x
    <BLANKLINE>
    """
    body = yaml.dump(
        record, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100, indent=2
    )
    comments = "".join(f"# {line}\n" if line else "#\n" for line in header)
    return comments + body
