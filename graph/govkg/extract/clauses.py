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

import functools
from collections.abc import Sequence
from dataclasses import dataclass, field

from govkg.extract.orgs import Lexicon, Org, OrgMatch, _gazetteer, area_in_longer_name, org_at
from govkg.extract.people import Official, officials
from govkg.extract.rules import Phrases, Rules
from govkg.extract.text import Sentence, token_key

LIST_GAP = 3  # words between a word opening a list and its first body


@functools.cache
def multi_words() -> dict[str, frozenset[str]]:
    """The word lists of the ``agreements`` section of ``rules.yaml``, as sets of token keys.

    >>> "serta" in multi_words()["chain_words"], "kedua" in multi_words()["definite_numbers"]
    (True, True)
    """
    section = Rules.load().data["agreements"]
    return {name: frozenset(token_key(str(w)) for w in words) for name, words in section.items()}


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
    def quoted(self) -> bool:
        """True for a sentence opening with a quotation mark: someone's words."""
        marks = Rules.load().data["agreements"]["quote_marks"]
        return self.sentence.text.lstrip()[:1] in marks

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
    if opens_with_link(keys):
        return facts  # "Baca juga: …": another report's title, nothing of this signing
    for name, phrases in rules.cues.items():
        hits = [(at, length) for at, length, _ in phrases.find(keys)]
        if name == "background":
            hits = [(at, n) for at, n in hits if not _this_period(keys, at, at + n)]
        if hits:
            facts.cues[name] = [at for at, _ in hits]
            facts.cue_ends[name] = [at + length for at, length in hits]
    facts.signing = facts.has("signing")
    facts.officials = officials(sentence, lexicon, lang)
    _zones(facts)
    facts.kinds = _kinds(facts)
    facts.parties = _parties(facts, lexicon)
    return facts


def opens_with_link(keys: Sequence[str]) -> bool:
    """Token keys that open with a link to another report (``Baca juga: …``, ``BACA: …``;
    the words are ``signing_date.starts`` in the rules): page layout, not the story. The one
    check for a sentence (here), a line (:func:`govkg.extract.signing_date.link_line`) and a
    dateline (:mod:`govkg.extract.dateline`).

    >>> opens_with_link(("baca", "juga", ":", "bupati", "teken")), opens_with_link(("bupati",))
    (True, False)
    """
    return _link_starts().match(keys, 0) is not None


def _this_period(keys: Sequence[str], cue: int, after: int) -> bool:
    """A period the report is published in (``this month``, ``hari ini``: the ``relative_*``
    phrases counted 0) starts at the cue (``earlier today``) or right after it (``earlier this
    month``): it dates this signing, it does not make the clause an earlier one.

    >>> _this_period(("earlier", "this", "month"), 0, 1), _this_period(("earlier", "we"), 0, 1)
    (True, False)
    """
    periods = _periods_of_publication()
    return periods.match(keys, cue) is not None or periods.match(keys, after) is not None


@functools.cache
def _periods_of_publication() -> Phrases:
    data = Rules.load().data
    lists = (data["relative_days"], data["relative_weeks"], data["relative_months"])
    return Phrases([phrase for words in lists for phrase, back in words.items() if back == 0])


@functools.cache
def _link_starts() -> Phrases:
    return Phrases(Rules.load().data["signing_date"]["starts"])


def _zones(facts: Facts) -> None:
    toks = facts.sentence.tokens
    n = len(toks)
    signing_at = facts.cues.get("signing", [])
    articles = frozenset(Rules.load().data["signatories"]["signing_noun_en"]["after"])
    for cue in ("witness", "attendee"):
        for at, cue_end in zip(facts.cues.get(cue, []), facts.cue_ends.get(cue, []), strict=True):
            if cue == "attendee" and cue_end < n and toks[cue_end].key in articles:
                cue_end += 1  # "Present at the signing …": the signing attended
            later = [s for s in signing_at if s > max(at + 1, cue_end)]  # not the one witnessed
            facts.zones.append((at, later[0] if later else n, cue))
    _accompanied(facts)
    for cue in ("implements", "background"):
        for at in facts.cues.get(cue, []):
            ends = multi_words()["clause_ends"]
            end = next((k for k in range(at, n) if toks[k].text in ends), n)
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


def _accompanied(facts: Facts) -> None:
    """``Bupati X didampingi Sekda Y dan Kepala Dinas Z meneken MoU dengan …``: those named
    after the cue only accompanied; they attend, up to the next signing word, kind,
    ``dengan`` or lower-case verb."""
    cues = facts.cues.get("accompanied", [])
    if not cues:
        return
    keys, words = facts.sentence.keys, multi_words()
    ends = [*facts.cues.get("signing", []), *(at for at, _, _ in Rules.load().kinds.find(keys))]
    ends += [k for k, key in enumerate(keys) if key in words["accompanied_until"]]
    ends += [k for k, tok in enumerate(facts.sentence.tokens) if _verb(tok.text, words)]
    for at in cues:
        later = [e for e in ends if e > at + 1]
        facts.zones.append((at, min(later, default=len(keys)), "attendee"))


def _verb(word: str, words: dict[str, frozenset[str]]) -> bool:
    """A lower-case word with a verb prefix (``berkunjung``, ``melakukan``).

    >>> words = multi_words()
    >>> _verb("berkunjung", words), _verb("beberapa", words), _verb("Dinas", words)
    (True, False, False)
    """
    if not word.islower() or len(word) < 6 or word in words["not_verbs"]:
        return False
    return any(word.startswith(p) for p in words["verb_prefixes"])


def _org_after(toks, k: int) -> int | None:
    return k + 4 if k < len(toks) else None


def _place_end(facts: Facts, at: int) -> int:
    """A place zone runs over capitalised words and commas after ``di``/``at``/``in``."""
    toks = facts.sentence.tokens
    k = at + 1
    if k < len(toks) and toks[k].key in multi_words()["articles"]:
        k += 1
    k = _past_place_head(toks, k)
    if k >= len(toks) or not toks[k].capitalised or toks[k].text[0].isdigit():
        return at
    rules = Rules.load()
    marks = multi_words()["place_marks"]
    posts = {o.start for o in facts.officials}  # ``di Provinsi NTB, Gubernur NTB, NAME``
    while k < len(toks):
        tok = toks[k]
        if (
            tok.key in rules.weekdays
            or tok.text[0].isdigit()
            or (tok.text == "," and k + 1 in posts)
        ):
            break
        if tok.capitalised or tok.text in marks or tok.key in multi_words()["place_joiners"]:
            k += 1
            continue
        break
    while k > at and toks[k - 1].text in marks:
        k -= 1
    return k


def _past_place_head(toks, k: int) -> int:
    """After a place head written in lower case (``di aula X``, ``di ruang rapat X``), where
    the place's name begins.

    >>> from govkg.extract.text import tokens
    >>> _past_place_head(tokens("di ruang rapat Balai Kota"), 1)
    3
    >>> _past_place_head(tokens("di sini"), 1)
    1
    """
    heads = _place_heads()
    if k >= len(toks) or toks[k].capitalised or toks[k].key not in heads:
        return k
    j = k + 1
    while j < min(len(toks), k + 3) and toks[j].is_word and not toks[j].capitalised:
        j += 1
    return j if j < len(toks) and toks[j].capitalised else k


@functools.cache
def _place_heads() -> frozenset[str]:
    return frozenset(token_key(w) for w in Rules.load().data["orgs"]["place_heads"])


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
    nameless = {o.start: o for o in facts.officials if o.name is None and o.org is not None}
    found: list[PartyMention] = []
    counted = partners_counted_after_with(keys)
    previous: PartyMention | None = None
    previous_end = place_end = -1
    k = 0
    while k < len(toks):
        if k in nameless and _post_after_with(facts, k):
            found.append(PartyMention(nameless[k].org, "with"))  # "dengan Ketua BPH Migas"
        elif k in nameless and not found and _post_as_subject(facts, k):
            found.append(PartyMention(nameless[k].org, "subject"))  # "Bupati Sleman meneken"
        elif k in nameless and _post_listed(facts, k):
            found.append(PartyMention(nameless[k].org, "enumeration"))  # "yakni bupati A, B"
        if k in inside:
            k += 1
            continue
        match = org_at(toks, k, lexicon)
        if match is None:
            k += 1
            continue
        if _in_rank(toks, match):
            k = match.end
            continue
        zone = facts.zone_of(k)
        role = (
            None
            if zone in {"witness", "attendee", "place", "background", "implements"}
            else (_role(facts, k, keys))
        )
        if role == "enumeration" and not _in_list(facts, k, found):
            role = None  # "… berada pada jalan yang sama yaitu Jalan X, Jakarta Pusat"
        if role is None and previous is not None and _chained(toks, previous_end, k):
            role = previous.role
        if role is None and counted is not None:  # "X dengan tiga kabupaten: A, B dan C"
            role = "with" if k > counted else "subject"
        if zone in {"witness", "attendee", "place", "background", "implements"}:
            role = None
        if _seat(match, previous, toks, previous_end) or _dateline_city(toks, match):
            role = None
        if k < place_end:
            role = None  # the province of ``Medan, Sumatera Utara``
        elif (province_end := _place_with_province(toks, match, lexicon)) is not None:
            role, place_end = None, province_end
        if area_in_longer_name(toks, match):
            role = None
        mention = PartyMention(match, role)
        if role is not None and _university(match):
            lexicon.universities.setdefault(match.org.ident, match)
        found.append(mention)
        previous, previous_end = mention, match.end
        k = match.end
    return found


def _university(match: OrgMatch) -> bool:
    """A university itself (not one of its units) named as a party."""
    return match.via == "university" or (
        match.via != "university unit" and match.org.kind == "StateUniversity"
    )


def _post_listed(facts: Facts, k: int) -> bool:
    """A post without its holder in a list after a word that opens it (``Mereka adalah bupati
    Sleman, Bantul dan Kulon Progo``, ``yakni Wali Kota Solo dan Bupati Klaten``) names a body
    of the list, as the bodies after it are.

    >>> from govkg.extract.text import read_article
    >>> sentence = read_article("Mereka adalah bupati Sleman, Bantul dan Kulon Progo.").sentences[0]
    >>> [p.match.org.ident for p in analyse(sentence, Lexicon()).parties]
    ['kabupaten-34-04', 'kabupaten-34-02', 'kabupaten-34-01']
    """
    if facts.zone_of(k) in {"witness", "attendee", "place", "background", "implements"}:
        return False
    return _role(facts, k, facts.sentence.keys) == "enumeration"


def _post_after_with(facts: Facts, k: int) -> bool:
    """A post without its holder right after ``dengan``/``with`` (no ``antara`` before, whose
    pairs are read apart) names the body signed with.

    >>> from govkg.extract.text import read_article
    >>> sentence = read_article("Gubernur NTB meneken PKS dengan Ketua BPH Migas.").sentences[0]
    >>> facts = analyse(sentence, Lexicon())
    >>> _post_after_with(facts, 5), [p.match.org.name for p in facts.parties][1:]
    (True, ['BPH Migas'])
    >>> sentence = read_article("Jakarta signed an MoU with the Minister of Transportation.")
    >>> [p.match.org.name for p in analyse(sentence.sentences[0], Lexicon(), "en").parties]
    ['Pemerintah Provinsi DKI Jakarta', 'Kemenhub']
    """
    keys = facts.sentence.keys
    words = multi_words()
    before = k - 1 if k > 1 and keys[k - 1] in words["articles"] else k  # "with the Minister"
    if before == 0 or keys[before - 1] not in _words_of("post_party_words") or facts.zone_of(k):
        return False
    return not any(key in words["between_words"] for key in keys[:k])


def _post_as_subject(facts: Facts, k: int) -> bool:
    """A post without its holder, the first body of a sentence, right before the signing word
    (``Bupati Sleman meneken nota kesepahaman dengan …``) names a side of the signing; not
    when the sentence names its sides after ``antara`` (a host opening the event).

    >>> from govkg.extract.text import read_article
    >>> sentence = read_article("Bupati Sleman meneken MoU dengan Pemkot Yogyakarta.").sentences[0]
    >>> [(p.match.org.ident, p.role) for p in analyse(sentence, Lexicon()).parties]
    [('kabupaten-34-04', 'subject'), ('kota-34-71', 'with')]
    """
    first = min(facts.cues.get("signing", []), default=None)
    official = next(o for o in facts.officials if o.start == k)
    if facts.zone_of(k) is None and _agent_with(facts, official):
        return True
    if official.end != first or facts.zone_of(k) is not None:
        return False
    return not any(key in multi_words()["between_words"] for key in facts.sentence.keys)


def _agent_with(facts: Facts, official: Official) -> bool:
    """A post without its holder between the agent of a signing and a with-word (``MoU diteken
    oleh Bupati Sleman bersama perwakilan dari …``) names the side that signs with the others.

    >>> from govkg.extract.text import read_article
    >>> sentence = read_article("MoU diteken oleh Bupati Sleman bersama Rektor UGM.").sentences[0]
    >>> [(p.match.org.ident, p.role) for p in analyse(sentence, Lexicon()).parties]
    [('kabupaten-34-04', 'subject')]
    """
    keys = facts.sentence.keys
    if not facts.signing or official.start == 0 or official.end >= len(keys):
        return False
    agents = frozenset(Rules.load().data["signatories"]["agent_words"])
    return keys[official.start - 1] in agents and keys[official.end] in multi_words()["with_words"]


@functools.cache
def _words_of(name: str) -> frozenset[str]:
    return frozenset(token_key(w) for w in Rules.load().data["orgs"][name])


def _in_rank(toks, match: OrgMatch) -> bool:
    """A body written right after a title is part of a rank (``Mayjen TNI (Purn) NAME``,
    ``Irjen Pol NAME``), not a party.

    >>> from govkg.extract.orgs import Lexicon, org_at
    >>> from govkg.extract.text import tokens
    >>> toks = tokens("Gubernur NTB Mayjen TNI (Purn) Hasan")
    >>> _in_rank(toks, org_at(toks, 3, Lexicon())), _in_rank(toks, org_at(toks, 1, Lexicon()))
    (True, False)
    """
    return match.start > 0 and toks[match.start - 1].text in Rules.load().prefix_titles


def _seat(match: OrgMatch, previous: PartyMention | None, toks, previous_end: int) -> bool:
    """An area named right after a body that lies in it is where that body sits
    (``Universitas Sam Ratulangi, Manado``; ``Pemkab Melawi, Kalimantan Barat``;
    ``Kabupaten Bintan (Provinsi Kepri)``; ``di kampus ITB, Kota Bandung, …``), not another
    party. A full name (``Kota Bandung``) after a body that is no area counts only as an
    aside between commas, not as an item of a list (``ITB, Kota Bandung, dan …``)."""
    if previous is None or not match.org.is_local:
        return False
    between = toks[previous_end : match.start]
    if len(between) > 1 or any(t.text not in multi_words()["seat_marks"] for t in between):
        return False
    if not (match.weak or previous.match.org.is_local or _aside(toks, match.end)):
        return False
    return _lies_in(previous.match.org, match.org) or _lies_in(
        _closing_region(toks, previous.match), match.org
    )


def _closing_region(toks, match: OrgMatch) -> Org | None:
    """The region that closes a body's name as written (``Universitas X (UX) Kendari``), whose
    seat it gives when the gazetteer does not know the body.

    >>> from govkg.extract.orgs import Lexicon, org_at
    >>> from govkg.extract.text import tokens
    >>> toks = tokens("Universitas Bumi Raya (UBR) Kendari, Sulawesi Tenggara")
    >>> _closing_region(toks, org_at(toks, 0, Lexicon())).ident
    'kota-74-71'
    """
    for k in range(match.start + 1, match.end):
        region = _gazetteer(toks, k)
        if region is not None and region.end == match.end and region.org.is_local:
            return region.org
    return None


def _aside(toks, end: int) -> bool:
    """The name ends an aside: ``)``, or a comma followed by a word that continues no list."""
    if end >= len(toks):
        return False
    if toks[end].text == ")":
        return True
    if toks[end].text != "," or end + 1 >= len(toks):
        return False
    nxt = toks[end + 1]
    return nxt.is_word and not nxt.capitalised and nxt.key not in multi_words()["chain_words"]


def _dateline_city(toks, match: OrgMatch) -> bool:
    """A bare city name that opens a dateline (``Jakarta, 16 April 2014``; ``Padang,
    Situs.com ~``; ``Situs.com, Jakarta``) is where the report was written, not a party."""
    if not match.weak:
        return False
    rules = Rules.load()
    after = [t for t in toks[match.end : match.end + 2]]
    if len(after) == 2 and after[0].text in multi_words()["dateline_marks"]:
        nxt = after[1]
        if nxt.text[0].isdigit() or nxt.key in rules.months or _site(nxt.text):
            return True
    before = toks[max(0, match.start - 2) : match.start]
    return len(before) == 2 and before[1].text == "," and _site(before[0].text)


def _place_with_province(toks, match: OrgMatch, lexicon: Lexicon) -> int | None:
    """A bare name of a city or regency, a comma, then the bare name of the province it lies
    in (``…, 12 Juli 2012, Medan, Sumatera Utara``) is a place, as reports write where
    something happened: the end of the province's name, else None.

    >>> from govkg.extract.text import tokens
    >>> toks = tokens("pada Kamis, Medan, Sumatera Utara.")
    >>> _place_with_province(toks, org_at(toks, 3, Lexicon()), Lexicon())
    7
    >>> toks = tokens("dengan Medan, Aceh dan Bali")
    >>> _place_with_province(toks, org_at(toks, 1, Lexicon()), Lexicon()) is None
    True
    """
    if not match.weak or match.end + 1 >= len(toks) or toks[match.end].text != ",":
        return None
    province = org_at(toks, match.end + 1, lexicon)
    if province is None or not province.weak or province.org.kind != "ProvincialGovernment":
        return None
    places = match.alternatives or (match.org,)
    inside = any(o.entry is not None and o.entry.province == province.org.ident for o in places)
    return province.end if inside else None


def _site(word: str) -> bool:
    """``Liputan6.com``, ``REPUBLIKA.CO.ID``: a news site's name."""
    return (
        "." in word.rstrip(".")
        and word.rstrip(".").rsplit(".", 1)[1].lower() in multi_words()["site_endings"]
    )


def _lies_in(body: Org | None, area: Org) -> bool:
    """True when ``body`` (a region or a body with a seat) lies inside ``area`` (a region)."""
    if body is None or body.entry is None or area.entry is None or body.ident == area.ident:
        return False
    inner, outer = body.entry.region_code or "", area.entry.region_code or ""
    return bool(outer) and ((inner == outer and not body.is_local) or inner.startswith(outer + "."))


def partners_counted_after_with(keys: Sequence[str]) -> int | None:
    """``… with three regencies: A, B and C``: the bodies after the count are the partners."""
    at = partner_count_at(keys)
    if at is None or at == 0 or keys[at - 1] not in multi_words()["with_words"]:
        return None
    return at


def partner_count_at(keys: Sequence[str]) -> int | None:
    """Where an indefinite count of partners starts (``dengan empat instansi``), or None; a
    definite count (``kedua lembaga``, ``the two institutions``, ``tiga provinsi ini``) counts
    bodies already named.

    >>> partner_count_at(("dengan", "empat", "instansi")), partner_count_at(("kedua", "lembaga"))
    (1, None)
    """
    rules = Rules.load()
    partners = rules.cues["partner_nouns"]
    for k, key in enumerate(keys[:-1]):
        number = rules.numbers.get(key) or (int(key) if key.isdigit() and len(key) < 3 else None)
        if not number or number < 2:
            continue
        noun = partners.match(keys, k + 1)
        if noun and not _definite(keys, k, k + 1 + noun[0]):
            return k
    return None


def _definite(keys: Sequence[str], number: int, end: int) -> bool:
    words = multi_words()
    return (
        keys[number] in words["definite_numbers"]
        or (number > 0 and keys[number - 1] in words["determiners"])
        or (end < len(keys) and keys[end] in words["demonstratives"])
    )


def _in_list(facts: Facts, k: int, found: list[PartyMention]) -> bool:
    """The body at ``k`` is in a list of bodies after a word that opens one (``yaitu``,
    ``antara lain``): right after it (at most ``LIST_GAP`` words between: a count, a noun of
    partners), after a body of the list, or after short items the gazetteer does not know
    (``yaitu Kota makasar, Kab. Dharma swara, Kabupaten Buleleng``); not after other words
    (``jalan yang sama yaitu Jalan Merdeka Selatan, Jakarta Pusat``: an address).

    >>> from govkg.extract.text import read_article
    >>> text = "Kantor itu ada di jalan yang sama yaitu Medan Merdeka Selatan, Jakarta Pusat."
    >>> [p.role for p in analyse(read_article(text).sentences[0], Lexicon()).parties]
    [None, None]
    >>> text = "Peserta MoU itu yaitu Kab. Slemann, Kab. Gunungkidull, Kabupaten Bantul dan Klaten."
    >>> [p.role for p in analyse(read_article(text).sentences[0], Lexicon()).parties]
    ['enumeration', 'enumeration']
    """
    ends = [end for end in facts.cue_ends.get("enumeration", []) if end <= k]
    if not ends:
        return False
    opened = max(ends)
    if k - opened <= LIST_GAP:
        return True
    listed = [p for p in found if p.match.start >= opened]
    if listed:
        return any(p.role == "enumeration" for p in listed)
    items = " ".join(t.key for t in facts.sentence.tokens[opened:k]).replace(";", ",").split(",")
    return all(len(item.split()) <= LIST_GAP + 1 for item in items)


def _chained(toks, end: int, start: int) -> bool:
    between = [t.key for t in toks[end:start]]
    return 0 < len(between) <= 2 and all(word in multi_words()["chain_words"] for word in between)


def _role(facts: Facts, k: int, keys) -> str | None:
    """Why a body at token ``k`` may be a party: its place in the sentence."""
    before = keys[max(0, k - 3) : k]
    last = before[-1] if before else ""
    words = multi_words()
    if last in words["between_words"]:
        return "between"
    if last in words["with_words"] or (
        len(before) >= 2 and before[-2] in words["with_words"] and last in words["articles"]
    ):
        return "with"
    if _after_representatives(facts.sentence.tokens, k):
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


def _after_representatives(toks, k: int) -> bool:
    """``bersama perwakilan dari A``, ``with representatives of A``: A is a partner, and so
    is each name of a list that opens there (``… dari XYZ, Universitas B dan C``), whether or
    not the names before it are known.

    >>> from govkg.extract.text import read_article
    >>> article = read_article("Bupati meneken MoU bersama perwakilan dari XYZ, UGM.")
    >>> toks = article.sentences[0].tokens
    >>> _after_representatives(toks, 8), _after_representatives(toks, 2)
    (True, False)
    """
    keys = [t.key for t in toks]
    start = k
    while (
        start > 0
        and k - start < 12
        and (toks[start - 1].capitalised or keys[start - 1] in {",", *_list_joiners()})
    ):
        start -= 1  # back over the names listed before this one
    for at in range(start, k + 1):
        for phrase in _representatives():
            n = len(phrase)
            if at > n and tuple(keys[at - n : at]) == phrase:
                return keys[at - n - 1] in multi_words()["with_words"]
    return False


@functools.cache
def _list_joiners() -> frozenset[str]:
    return frozenset(token_key(w) for w in Rules.load().data["orgs"]["name_joiners"])


@functools.cache
def _representatives() -> tuple[tuple[str, ...], ...]:
    phrases = Rules.load().data["agreements"]["representatives"]
    return tuple(sorted((tuple(token_key(w) for w in p.split()) for p in phrases), key=len)[::-1])


def between_pairs(facts: Facts) -> list[tuple[Org, Org]]:
    """The sides named after ``antara`` as pairs: ``antara A dan B serta C dengan D`` gives
    (A, B) and (C, D); ``antara A dan B`` gives (A, B); ``antara A dengan B dan C`` names no
    pairs. A side may be a body or an official named by post (``Kapolda Jambi``). Signers
    named in pairs after ``oleh`` (``oleh Kepala A, NAME, dengan Rektor B, NAME, serta …``)
    give pairs too, when there are two pairs or more.

    >>> from govkg.extract.text import read_article
    >>> art = read_article("MoU antara LAN dan BPS serta LIPI dengan BPOM diteken.")
    >>> [(a.ident, b.ident) for a, b in between_pairs(analyse(art.sentences[0], Lexicon()))]
    [('lan', 'bps'), ('lipi', 'bpom')]
    """
    words = multi_words()
    keys = facts.sentence.keys
    sides = _sides(facts)
    agents = frozenset(Rules.load().data["signatories"]["agent_words"])
    pairs = []
    for at in (k for k, key in enumerate(keys) if key in words["between_words"] | agents):
        chain = _side_chain(facts, sides, at + 1)
        if not _paired(chain) or (keys[at] in agents and len(chain) < 4):
            continue  # "oleh A dan B": the signers of one agreement
        orgs = [org for org, _ in chain]
        pairs += [(a, b) for a, b in zip(orgs[0::2], orgs[1::2], strict=False)]
    return pairs


def between_groups(facts: Facts) -> list[tuple[Org, ...]]:
    """The sides of each ``antara`` clause when a sentence has two such clauses or more, each
    naming two sides or more (``… antara A dengan B; dan MoU antara C dengan D serta E``): one
    agreement per clause, three sides in one clause a document of three. Clauses naming their
    sides in pairs give those pairs (``between_pairs``).

    >>> from govkg.extract.text import read_article
    >>> art = read_article("MoU antara LAN dengan BPS; dan MoU antara LIPI dengan BPOM serta BPS.")
    >>> [[o.ident for o in g] for g in between_groups(analyse(art.sentences[0], Lexicon()))]
    [['lan', 'bps'], ['lipi', 'bpom', 'bps']]
    """
    keys = facts.sentence.keys
    sides = _sides(facts)
    groups: list[tuple[Org, ...]] = []
    for at in (k for k, key in enumerate(keys) if key in multi_words()["between_words"]):
        chain = _side_chain(facts, sides, at + 1)
        orgs = tuple({org.ident: org for org, _ in chain}.values())
        if _paired(chain):
            groups += [(a, b) for a, b in zip(orgs[0::2], orgs[1::2], strict=False)]
        elif len(orgs) >= 2:
            groups.append(orgs)
    clauses = sum(1 for k in keys if k in multi_words()["between_words"])
    return groups if clauses >= 2 and len(groups) >= 2 else []


def between_sides(facts: Facts) -> list[Org]:
    """The bodies named in a row after ``antara`` when they are not named in pairs: ``antara A
    dengan B, C dan D`` names the four sides of one document.

    >>> from govkg.extract.text import read_article
    >>> art = read_article("MoU antara LAN dengan BPS, LIPI dan BPOM diteken.")
    >>> [o.ident for o in between_sides(analyse(art.sentences[0], Lexicon()))]
    ['lan', 'bps', 'lipi', 'bpom']
    >>> between_sides(analyse(read_article("MoU antara LAN dan BPS serta LIPI dengan BPOM.")
    ...     .sentences[0], Lexicon()))
    []
    """
    keys = facts.sentence.keys
    sides = _sides(facts)
    best: list[Org] = []
    for at in (k for k, key in enumerate(keys) if key in multi_words()["between_words"]):
        chain = _side_chain(facts, sides, at + 1)
        orgs = list({org.ident: org for org, _ in chain}.values())
        if not _paired(chain) and len(orgs) > len(best):
            best = orgs
    return best


def clause_pairs(facts: Facts) -> list[tuple[Org, Org]]:
    """One pair per clause when clauses set apart by ``sedangkan``/``while``/``;`` each name one
    body before the signing word and one after ``dengan`` (``A meneken MoU dengan B,
    sedangkan C meneken MoU dengan D``); two such clauses or more, else none.

    >>> from govkg.extract.text import read_article
    >>> art = read_article("LAN meneken MoU dengan BPS, sedangkan LIPI meneken MoU dengan BPOM.")
    >>> [(a.ident, b.ident) for a, b in clause_pairs(analyse(art.sentences[0], Lexicon()))]
    [('lan', 'bps'), ('lipi', 'bpom')]
    """
    keys = facts.sentence.keys
    cuts = [k for k, key in enumerate(keys) if key in multi_words()["clause_separators"]]
    bounds = list(zip([0, *cuts], [*cuts, len(keys)], strict=True))
    pairs = []
    for start, end in bounds:
        inside = [p for p in facts.parties if start <= p.match.start < end and p.role]
        sides = {
            role: {p.match.org.ident: p.match.org for p in inside if p.role == role}
            for role in ("subject", "with")
        }
        signing = any(start <= at < end for at in facts.cues.get("signing", []))
        if len(sides["with"]) == 1 and len(sides["subject"]) <= 1 and signing:
            subject = next(iter(sides["subject"].values()), None)
            subject = subject or _clause_subject(facts, start, end)
            if subject is not None:
                pairs.append((subject, next(iter(sides["with"].values()))))
    return pairs if len(pairs) >= 2 else []


def _clause_subject(facts: Facts, start: int, end: int) -> Org | None:
    """The one body named in a clause before its signing word (a role-less mention after a
    clause separator: ``…, sedangkan Pemprov DIY meneken …``)."""
    first = min((at for at in facts.cues.get("signing", []) if start <= at < end), default=end)
    before = {
        p.match.org.ident: p.match.org for p in facts.parties if start <= p.match.start < first
    }
    return next(iter(before.values())) if len(before) == 1 else None


def _paired(chain: list[tuple[Org, str]]) -> bool:
    """Sides joined in pairs: a joining word inside each pair, a separator between pairs; pairs
    set apart by commas only (``A dengan B, C dengan D``) join each pair by the same word, as
    ``A dengan B, C dan D`` names one body and its three partners."""
    words = multi_words()
    inside = {joiner for _, joiner in chain[1::2]}
    between = {joiner for _, joiner in chain[2::2]}
    if len(chain) % 2 or not inside <= words["pair_joiners"]:
        return False
    if not between <= words["pair_separators"]:
        return False
    return "," not in between or len(inside) == 1


def _sides(facts: Facts) -> dict[int, tuple[int, Org]]:
    """Bodies and officials' bodies by the token they start at: ``start → (end, org)``."""
    found = {}
    for mention in facts.parties:
        if facts.zone_of(mention.match.start) is None:
            found[mention.match.start] = (mention.match.end, mention.match.org)
    for official in facts.officials:
        if official.org is not None and facts.zone_of(official.start) is None:
            found[official.start] = (official.end, official.org.org)
    return found


def _side_chain(facts: Facts, sides: dict, at: int) -> list[tuple[Org, str]]:
    """The sides named in a row from token ``at``, each with the word before it (``""`` for
    the first); a side must follow the previous one after one joining word, or after a comma or
    semicolon and a chain word (``…; serta C dengan D``: the mark counts) or a joining word
    (``Kepala A, NAME, dengan Rektor B``: the word counts)."""
    keys = facts.sentence.keys
    chain: list[tuple[Org, str]] = []
    joiner = ""
    while at in sides:
        end, org = sides[at]
        chain.append((org, joiner))
        if end + 1 >= len(keys):
            break
        joiner, at = keys[end], end + 1
        if joiner in {",", ";"} and at + 1 in sides:
            if keys[at] in multi_words()["chain_words"]:
                at += 1  # "…; serta C": the mark separates
            elif keys[at] in multi_words()["pair_joiners"]:
                joiner, at = keys[at], at + 1  # "Kepala A, NAME, dengan Rektor B": the word joins
    return chain
