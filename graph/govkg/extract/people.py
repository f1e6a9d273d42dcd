"""Officials named in a sentence: post, body and name, in the orders news reports use.

* post, body, name: ``Kepala LAN Adi Suryanto``, ``Bupati Serang Ratu Tatu Chasanah``,
  ``Direktur Jenderal Kependudukan dan Pencatatan Sipil Kemendagri Teguh Prasetya``;
* name, then post: ``TGH. Muhammad Sukri, S.Ag., selaku Bupati Lombok Timur``;
* English, body first: ``BPPT head Lukman Hakim``, ``Kulon Progo Regent Joko Susilo``.

Posts come from ``ontology/roles.ttl`` (every label, in both languages) and the rules file.

>>> from govkg.extract.text import read_article
>>> from govkg.extract.orgs import Lexicon
>>> art = read_article("Diteken oleh Kepala LAN Adi Suryanto dan Bupati Serang Ratu Tatu.")
>>> [(o.post, o.role, o.org.org.ident, o.name.name) for o in officials(art.sentences[0], Lexicon())]
[('Kepala', 'kepala', 'lan', 'Adi Suryanto'), ('Bupati', 'bupati', 'kabupaten-36-04', 'Ratu Tatu')]
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, replace

from govkg.entity_resolution import post_role
from govkg.extract.foreign import _data as _foreign_data
from govkg.extract.foreign_local import foreign_head_place
from govkg.extract.foreign_posts import (
    _subject_words,
    country_marker,
    foreign_body,
    is_country,
    subject_end,
)
from govkg.extract.names import Name, is_degree, is_title, name_after, name_before
from govkg.extract.orgs import (
    Lexicon,
    Org,
    OrgMatch,
    _gazetteer,
    _keys,
    declared,
    foreign_org,
    gazetteer_index,
    office_after_post,
    office_of_post,
    org_at,
    scan,
)
from govkg.extract.rules import Phrases, Rules
from govkg.extract.text import Sentence, Token, phrase_keys, token_key, tokens
from govkg.ids import key_of
from govkg.vocab import Vocabulary

MAX_UNIT_WORDS = 12
MAX_NAME_RUN = 6


@dataclass(frozen=True)
class Official:
    """A person named with a post (and usually a body) in one sentence."""

    sentence: int
    start: int
    end: int
    post: str
    role: str
    org: OrgMatch | None
    name: Name | None
    acting: str | None = None
    pattern: str = "post-org-name"

    @property
    def key(self) -> tuple[str, str | None]:
        """``(role, body)``: who the post is, to join mentions of one official."""
        return self.role, self.org.org.ident if self.org else None


@functools.cache
def _posts() -> Phrases:
    roles = Vocabulary.roles()
    phrases: dict[str, str] = {}
    for concept in roles.concepts():
        for label in roles._names(concept):
            phrases.setdefault(label, key_of(concept))
    for post in Rules.load().data["posts"]["extra"]:
        role = resolve_role(post)
        if role:
            phrases.setdefault(post, role)
    return Phrases(phrases)


def is_post_word(key: str) -> bool:
    """A post written as one word (``bupati``, ``rektor``, ``regent``).

    >>> is_post_word("bupati"), is_post_word("usman")
    (True, False)
    """
    return (key,) in _posts()


def is_post_phrase(keys: tuple[str, ...]) -> bool:
    """Words that are a post (``wali kota``, ``bupati``).

    >>> is_post_phrase(("wali", "kota")), is_post_phrase(("kota",))
    (True, False)
    """
    return keys in _posts()


@functools.cache
def _unit_joiners() -> frozenset[str]:
    """Lower-case words inside a unit's name (``Kerja Sama dan Sistem Informasi``)."""
    return frozenset(Rules.load().data["people"]["unit_joiners"])


@functools.cache
def _branch_words() -> Phrases:
    """Words opening a body's branch or area (``Cabang``, ``Kantor Cabang``)."""
    return Phrases(Rules.load().data["people"]["branch_words"])


@functools.cache
def _never_in_names() -> frozenset[str]:
    return frozenset(token_key(w) for w in Rules.load().data["signatories"]["never_in_names"])


@functools.cache
def _name_connectors() -> frozenset[str]:
    """Words between a name and the post written after it (``Adi, selaku Kepala``)."""
    return frozenset(Rules.load().data["people"]["name_connectors"])


@functools.cache
def resolve_role(post: str) -> str | None:
    """The role key of a post as written, resolved as the build does (an acting prefix dropped,
    the longest leading words, then the longest run elsewhere, as English writes posts).

    >>> resolve_role("Kepala Dinas Kesehatan"), resolve_role("Vice Rector for Research")
    ('kepala-dinas', 'wakil-rektor')
    >>> resolve_role("Plt Gubernur"), resolve_role("Education and Culture Minister")
    ('gubernur', 'menteri')
    """
    found = post_role(post, Vocabulary.roles())
    return key_of(found) if found is not None else None


@functools.cache
def _post_table() -> dict[str, object]:
    posts = Rules.load().data["posts"]
    return {
        "with_unit": Phrases(posts["with_unit"]),
        "implied": {
            phrase_keys(k): [" ".join(phrase_keys(p)) for p in v]
            for k, v in posts["implied_org"].items()
        },
        "with_org": Phrases({k: tuple(v) for k, v in posts["with_org"].items()}),
        "region_forms": {phrase_keys(k): v for k, v in posts["region_forms"].items()},
        "org_forms": list(posts["org_forms"]),
        "office": {phrase_keys(k): v for k, v in posts["office_posts"].items()},
        "branch": Phrases(posts["branch_posts"]),
    }


def officials(sentence: Sentence, lexicon: Lexicon, lang: str = "id") -> list[Official]:
    """Every official named in ``sentence``, left to right."""
    toks, keys = sentence.tokens, sentence.keys
    found: list[Official] = []
    i = 0
    while i < len(toks):
        mention = _foreign_first(sentence, toks, keys, i, lexicon)
        mention = mention or _foreign_after(sentence, toks, keys, i, lexicon, lang)
        mention = mention or _post_first(sentence, toks, keys, i, lexicon)
        if mention is None and lang == "en":
            mention = _org_first(sentence, toks, keys, i, lexicon)
        if mention is None and found:
            mention = _counterpart(sentence, toks, i, lexicon, found[-1])
        if mention is not None:
            found.append(mention)
            i = mention.end
        else:
            i += 1
    found = [_for_country(toks, keys, m, lexicon) for m in found]
    return [_name_first(toks, m, found[k - 1].end if k else 0) for k, m in enumerate(found)]


def _for_country(toks, keys, mention: Official, lexicon: Lexicon) -> Official:
    """English: an official whose name the country they sign for follows (``Foreign Minister
    NAME for Japan``, ``… on behalf of Japan``; rules ``people.for_country``) is that
    country's: its government, or its ministry of the post's subject.

    >>> from govkg.extract.text import read_article
    >>> sentence = read_article("Health Minister Adi Nugroho for Japan signed.").sentences[0]
    >>> (mention,) = officials(sentence, Lexicon(), "en")
    >>> mention.org.org.name, mention.name.name
    ('Ministry of Health of Japan', 'Adi Nugroho')
    """
    if mention.name is None or mention.pattern == "foreign" or mention.end >= len(toks):
        return mention
    cue = _for_country_cues().match(keys, mention.end)
    at = mention.end + cue[0] if cue is not None else len(toks)
    country = _foreign_data()[0].match(keys, at) if at < len(toks) else None
    if country is None or not toks[at].capitalised:
        return mention
    end = at + country[0]
    if end < len(toks) and toks[end].is_word and toks[end].capitalised:
        return mention  # "for Japan Airlines"
    start, subjects = mention.start, _subject_words()[0]
    while start > 0 and toks[start - 1].capitalised and toks[start - 1].key in subjects:
        start -= 1  # "Environment Minister NAME": the subject written before the post
    before = toks[start : mention.name.span_start]  # the post and its subject
    words = [t.text for t in before if t.capitalised and t.key in subjects]
    found = foreign_body(country[1], mention.role, " ".join(words) or None)
    org = OrgMatch(at, end, foreign_org(found, lexicon), via="foreign")
    return replace(mention, org=org, end=end)


@functools.cache
def _for_country_cues() -> Phrases:
    return Phrases(Rules.load().data["people"]["for_country"])


def _post_at(toks: Sequence[Token], keys: Sequence[str], p: int) -> list[tuple[int, str]]:
    """``(length, role)`` of every post phrase starting at ``p``, longest first."""
    posts = _posts()
    if p < len(toks) and " " in keys[p]:  # ``Vice-Chancellor``, one token of two words
        role = posts.index.get(tuple(keys[p].split()))
        return [(1, role)] if role is not None else []
    if p >= len(toks) or keys[p] not in posts.firsts:
        return []
    found = []
    for length in posts.lengths:
        role = posts.index.get(tuple(keys[p : p + length])) if p + length <= len(keys) else None
        if role is not None:
            found.append((length, role))
    if not found:
        return []
    text = toks[p].text
    if len(text) <= 3 and found[-1][0] == 1 and not text.isupper() and text.lower() != text:
        return [f for f in found if f[0] > 1]
    return found


def _post_first(sentence, toks, keys, i, lexicon) -> Official | None:
    acting = Rules.load().acting.match(keys, i)
    p = _after_brackets(toks, i + acting[0]) if acting else i  # ``Penjabat (Pj) Bupati``
    heads = _post_at(toks, keys, p)
    with_org = _post_table()["with_org"].match(keys, p) or _slashed(toks, keys, p)
    if with_org and (not heads or with_org[0] >= heads[0][0]):
        return _with_org(sentence, toks, i, p, with_org, acting)
    if not heads:
        return None
    best = None
    for length, role in heads:
        for candidate in _orgs_after(toks, keys, p, p + length, role, lexicon):
            rank = (candidate.end, -(candidate.start - p - length), -length)
            if best is None or rank > best[0]:
                best = (rank, length, role, candidate)
    named = None
    if best is not None:
        _, length, role, org = best
        post_end = org.start if org.start > p else p + length
        named = _name_then_of(toks, p + length, org.start)
        post_end = p + length if named is not None else post_end
    elif toks[p].capitalised or _after_agent(keys, p):
        length, role = heads[0]
        unit = toks[p].capitalised  # ``by the rector Prof. NAME``: no unit's name follows
        org, post_end = None, _unit_end(toks, keys, p, p + length) if unit else p + length
    else:
        return None
    post = _post_text(toks, p, post_end, org, role)
    after = _past_home_country(toks, org.end) if org is not None else post_end
    name = named or _past_country(toks, _name_after(toks, after, lexicon))
    if org is not None and name is None:
        org, name = _known_body_then_name(toks, org, lexicon)
    if org is None and name is not None and toks[p].capitalised:
        org = _body_after_name(toks, name, lexicon)
        named = name if org is not None else None
    if org is None and name is not None:
        org, name = _place_for_name(toks, name, lexicon)
    if org is None and name is not None and toks[p].capitalised:
        org = _region_before_name(toks, after, name)
    if org is None and name is not None and _acronym_before_name(toks, name):
        name = name_after(toks, name.span_end + 1)
    if org is None and name is not None and toks[p].capitalised:
        org, name = _body_before_comma(toks, name, lexicon)
    if name is not None and name.start == after:
        name = _past_unit_field(toks, name)
    if org is None and name is not None and toks[p].capitalised:
        org, name = _unknown_body_before_name(toks, after, name, lexicon)
    if org is None and name is None and not (toks[p].capitalised and p > 0):
        return None  # a post alone ("… juga meneken", "Bupati") is kept for coreference
    if org is None and name is not None and _title_then_post(toks, keys, p, name):
        return None  # "Professor NAME, Vice-Chancellor of X": a title, the post comes after
    end = name.span_end if name else after
    end = org.end if named is not None else end
    return Official(
        sentence.index,
        i,
        end,
        post,
        resolve_role(post) or role,
        org,
        name,
        " ".join(t.text for t in toks[i : i + acting[0]]) if acting else None,
        "post-org-name" if org else "post-name",
    )


def _past_home_country(toks, at: int) -> int:
    """Past the home country written after a body or post (``Minister of Health of
    Indonesia, NAME``; rules ``people.home_country_tails``).

    >>> from govkg.extract.text import tokens
    >>> _past_home_country(tokens("Health of the Republic of Indonesia Budi"), 1)
    6
    """
    hit = _home_country_tails().match(_keys(toks), at)
    return at + hit[0] if hit is not None else at


@functools.cache
def _home_country_tails() -> Phrases:
    return Phrases(Rules.load().data["people"]["home_country_tails"])


def _name_then_of(toks, at: int, body: int) -> Name | None:
    """English: the person written between the post and ``of`` its body (``Rector NAME of
    UGM``; tokens from ``at``, the body at ``body``), or None.

    >>> from govkg.extract.text import tokens
    >>> _name_then_of(tokens("Rector Budi Santoso of UGM"), 1, 4).name
    'Budi Santoso'
    """
    of = next((k for k in (body, body - 1, body - 2) if k > at and toks[k].key == "of"), None)
    if of is None or any(t.key not in {"of", "the"} for t in toks[of:body]):
        return None
    name = name_after(toks, at)
    return name if name is not None and name.span_end == of and name.start == at else None


def _body_after_name(toks, name: Name, lexicon: Lexicon) -> OrgMatch | None:
    """English: the body written after the person with ``of`` (``Mayor NAME of the City of
    Geelong``), or None.

    >>> from govkg.extract.text import tokens
    >>> toks = tokens("Mayor Jane Roe of the City of Geelong signed")
    >>> _body_after_name(toks, name_after(toks, 1), Lexicon()).org.name
    'City of Geelong'
    """
    at = name.span_end
    if at + 1 >= len(toks) or toks[at].key != "of":
        return None
    at += 2 if toks[at + 1].key == "the" else 1
    found = org_at(toks, at, lexicon, weak=False) if at < len(toks) else None
    return found if found is not None and toks[at].capitalised else None


def _past_country(toks, name: Name | None) -> Name | None:
    """A country is no person: the name written after it and a comma (``Sekretaris Komite
    Provinsi Hainan, Republik Rakyat Tiongkok, Shen Xiaoming``), else none (``Vice Chancellor of
    UCYP Malaysia``: the person is named before the post). Words ending in a country before a
    comma and a person are a place too (``Chief Minister Northern Territory Australia, NAME``).

    >>> from govkg.extract.text import read_article
    >>> toks = read_article("Gubernur Hainan, Tiongkok, Shen Xiaoming hadir.").sentences[0].tokens
    >>> _past_country(toks, name_after(toks, 3)).name
    'Shen Xiaoming'
    """
    if name is None:
        return None
    comma, whole = name.span_end, is_country(name.name)
    if not whole and not is_country(name.name.split()[-1]):
        return name
    if comma + 1 < len(toks) and toks[comma].text == ",":
        person = name_after(toks, comma + 1)
        if person is not None and person.span_start == comma + 1 and not is_country(person.name):
            return person
    return None if whole else name


def _after_agent(keys: Sequence[str], p: int) -> bool:
    """A post in lower case after an agent word and a determiner (``represented by its mayor,
    NAME``, ``signed by the rector NAME``) is a post as much as a capitalised one.

    >>> _after_agent(["represented", "by", "its", "mayor"], 3), _after_agent(["the", "mayor"], 1)
    (True, False)
    """
    if p < 2:
        return False
    words = Rules.load().data["people"]["post_after_agent"]
    return keys[p - 1] in words["determiners"] and keys[p - 2] in words["agents"]


def _foreign_first(sentence, toks, keys, i, lexicon) -> Official | None:
    """A foreign official: the country, maybe the subject, the post, maybe ``for``/``of`` and
    the subject, then the name (``Singapore's Minister for Education (Schools) Tan Ah Kow``,
    ``Iranian Health Minister Reza Tehrani``, ``German Ambassador to Indonesia Karl Weber``)."""
    marker = country_marker(toks, i)
    if marker is None:
        return None
    k = marker.end
    while k < marker.end + 2 and k < len(toks) and subject_end(toks, k) == k:
        if not toks[k].capitalised or _post_at(toks, keys, k):
            break
        k += 1  # ``Basic Education Minister``: a word of the subject the rules do not list
    subject = (k, subject_end(toks, k))
    heads = _post_at(toks, keys, subject[1])
    if not heads:
        return None
    length, role = heads[0]
    post_start, at = subject[1], subject[1] + length
    if subject[0] == subject[1] and at < len(toks) and keys[at] in {"for", "of"}:
        subject = (at + 1, subject_end(toks, at + 1))
        at = subject[1] if subject[1] > at + 1 else at
    at = _after_destination(toks, keys, at) or at
    name = name_after(toks, _past_bracket_and_comma(toks, at))
    if name is None or subject[1] - subject[0] > MAX_UNIT_WORDS:
        return None
    if subject[0] == subject[1]:  # ``Secretary of State``: the post names the subject
        of = next((k for k in range(post_start, at) if keys[k] in {"for", "of"}), at)
        subject = (of + 1, subject_end(toks, of + 1)) if of < at else subject
    words = " ".join(t.text for t in toks[subject[0] : subject[1]]).replace(" ,", ",")
    found = foreign_body(marker.country, role, words or None)
    org = foreign_org(found, lexicon)
    post = " ".join(t.text for t in toks[min(post_start, subject[0]) : max(at, subject[1])])
    post = post.replace(" ,", ",")
    match = OrgMatch(marker.start, marker.end, org, via="foreign")
    return Official(sentence.index, i, name.span_end, post, role, match, name, None, "foreign")


def _counterpart(sentence, toks, i, lexicon, previous: Official) -> Official | None:
    """``Iranian Health Minister A and his Indonesian counterpart B``: B holds the post of the
    official named before, for the country written before ``counterpart`` (rules
    ``foreign_posts.counterpart_words``).

    >>> from govkg.extract.text import read_article
    >>> text = "Iranian Health Minister Reza Tehrani and his Malaysian counterpart Aziz Rahman met."
    >>> found = officials(read_article(text).sentences[0], Lexicon(), "en")
    >>> [(o.name.name, o.org.org.name) for o in found][1]
    ('Aziz Rahman', 'Ministry of Health of Malaysia')
    >>> text = "Iranian Health Minister Reza Tehrani and his Indonesian counterpart, Rina, met."
    >>> found = officials(read_article(text).sentences[0], Lexicon(), "en")
    >>> [(o.name.name, o.org.org.ident) for o in found][1]
    ('Rina', 'kemenkes')
    """
    if previous.name is None or previous.org is None or not toks[i].capitalised:
        return None
    marker = country_marker(toks, i)
    home = marker is None and toks[i].key in Rules.load().data["people"]["home_adjectives"]
    end = marker.end if marker is not None else i + 1
    words = _foreign_rules()["counterpart_words"]
    if home and end < len(toks) and toks[end].key in words:
        end += 2 if end + 1 < len(toks) and toks[end + 1].text == "," else 1
    passed = [t.key for t in toks[i:end] if t.key in words]
    name = name_after(toks, end) if passed else None
    if name is None or name.span_start != end:
        return None
    subjects = _subject_words()[0]
    subject = " ".join(w for w in previous.post.split() if token_key(w) in subjects)
    if home:
        keys = gazetteer_index().lookup(f"ministry of {subject.lower()}") if subject else []
        if len(keys) != 1:
            return None
        match = OrgMatch(i, end, gazetteer_index().org(keys[0]), via="gazetteer")
    else:
        found = foreign_body(marker.country, previous.role, subject or None)
        match = OrgMatch(i, end, foreign_org(found, lexicon), via="foreign")
    return Official(
        sentence.index, i, name.span_end, previous.post, previous.role, match, name, None, "foreign"
    )


@functools.cache
def _foreign_rules() -> dict:
    return Rules.load().data["foreign_posts"]


def _foreign_after(sentence, toks, keys, i, lexicon, lang) -> Official | None:
    """A foreign official whose post names the country after it: ``Duta Besar Australia untuk
    Indonesia Jane Smith``, ``Menteri Pendidikan Singapura Tan Ah Kow``, ``Minister of Health of
    Malaysia Aziz Rahman``."""
    heads = _post_at(toks, keys, i)
    if not heads or not toks[i].capitalised:
        return None
    length, role = heads[0]
    start = i + length + (1 if i + length < len(toks) and keys[i + length] in {"of", "for"} else 0)
    end = subject_end(toks, start)
    c = end + 1 if end < len(toks) and keys[end] == "of" and end > start else end
    marker = country_marker(toks, c) if c < len(toks) and toks[c].capitalised else None
    if marker is None or marker.end == marker.start or (c > end and end == start):
        return None
    at = _after_destination(toks, keys, marker.end) or marker.end
    name = name_after(toks, _past_bracket_and_comma(toks, at))
    if name is None or (name.end - name.start < 2 and name.span_start == name.start):
        return None
    if any(token_key(w) in _never_in_names() for w in name.name.split()):
        return None
    words = " ".join(t.text for t in toks[start:end]).replace(" ,", ",") or None
    found = foreign_body(marker.country, role, words, lang)
    match = OrgMatch(marker.start, marker.end, foreign_org(found, lexicon), via="foreign")
    post = " ".join(t.text for t in toks[i : end if end > start else i + length])
    post = post.replace(" ,", ",")
    return Official(sentence.index, i, name.span_end, post, role, match, name, None, "foreign")


def _past_bracket_and_comma(toks, at: int) -> int:
    """Past a bracket after a post (``(Higher Education and Skills)``) and a comma."""
    if at < len(toks) and toks[at].text == "(":
        close = next((k for k in range(at + 1, min(len(toks), at + 9)) if toks[k].text == ")"), 0)
        at = close + 1 if close else at
    return at + 1 if at < len(toks) and toks[at].text == "," else at


def _place_for_name(toks, name: Name, lexicon: Lexicon) -> tuple[OrgMatch | None, Name | None]:
    """``Sekda Kendal, Sugiono``: a bare area name read as a name is the post's region, and
    the person is named after the comma."""
    region = _gazetteer(toks, name.start)
    if region is None or region.end != name.end or not region.org.is_local:
        return None, name
    if region.end < len(toks) and toks[region.end].text == ",":
        return region, _name_after(toks, region.end, lexicon)
    return None, name


def _region_before_name(toks, at: int, name: Name) -> OrgMatch | None:
    """``Sekda Kendal Sugiono``, ``Sekkab Mateng H Askary Anwar``: the region written alone
    between the post and the person (which the name skips) is the post's body.

    >>> from govkg.extract.text import read_article
    >>> art = read_article("Diteken Sekda Kendal H Sugiono Hadi di ruang rapat.")
    >>> [(o.org.org.ident, o.name.name) for o in officials(art.sentences[0], Lexicon())]
    [('kabupaten-33-24', 'Sugiono Hadi')]
    """
    region = _gazetteer(toks, at) if at < len(toks) and toks[at].capitalised else None
    if region is None or not region.org.is_local or region.end > name.span_start:
        return None
    return region


def _past_unit_field(toks, name: Name) -> Name | None:
    """The person after a unit's field read into the name (``Wakil Rektor Bidang Penelitian
    Mirwan Ushada`` → ``Mirwan Ushada``), when two words or more are left.

    >>> from govkg.extract.text import read_article
    >>> art = read_article("Diteken Wakil Rektor Bidang Riset dan Inovasi Rina Dewi.")
    >>> toks = art.sentences[0].tokens
    >>> _past_unit_field(toks, name_after(toks, 3)).name
    'Rina Dewi'
    >>> toks = read_article("Diteken Direktur Pemasaran Korporat Rina Dewi.").sentences[0].tokens
    >>> _past_unit_field(toks, name_after(toks, 2)).name
    'Rina Dewi'
    """
    words = Rules.load().data["people"]
    field = frozenset(words["unit_field_words"])
    opener = toks[name.start].key in words["unit_field_openers"]
    if not opener and toks[name.start].key not in field:
        return name  # ``Direktur Pemasaran Korporat Adi Nugroho``: a field without ``Bidang``
    k = name.start + 1 if opener else name.start
    while k < min(len(toks), name.start + MAX_UNIT_WORDS) and toks[k].key in field:
        k += 1
    rest = name_after(toks, k) if k > name.start + 1 or not opener else None
    return rest if rest is not None and rest.end - rest.start >= 2 else name


def _unknown_body_before_name(
    toks, at: int, name: Name, lexicon: Lexicon
) -> tuple[OrgMatch | None, Name]:
    """A body the gazetteer does not know, written between a post and its holder, by one or two
    words before the holder's titles (``Rektor Unimed Prof. Dr. Adi Nugroho``) or by an acronym
    before a name of two words or more (``Rektor UNS Jamal Wiwoho``): the body is declared as
    written, the person named after it.

    >>> from govkg.extract.text import read_article
    >>> toks = read_article("Diteken Rektor UNS Adi Nugroho Putra.").sentences[0].tokens
    >>> org, name = _unknown_body_before_name(toks, 2, name_after(toks, 2), Lexicon())
    >>> org.org.name, name.name
    ('UNS', 'Adi Nugroho Putra')
    """
    title = next((k for k in range(at, name.start) if is_title(toks[k].text)), name.start)
    if 0 < title - at <= 2 and name.start > title:
        words = toks[at:title]
    elif name.start == at and _acronym(toks[at].text) and name.end - name.start >= 3:
        words, name = toks[at : at + 1], name_after(toks, at + 1)
    else:
        return None, name
    if name is None or not all(t.is_word and t.capitalised for t in words):
        return None, name
    if any(is_post_word(t.key) or t.key in _never_in_names() for t in words):
        return None, name
    org = _short_named(" ".join(t.text for t in words), lexicon)
    return OrgMatch(at, at + len(words), org, via="post"), name


def _short_named(text: str, lexicon: Lexicon) -> Org:
    """A body written by a short name: the body named in full it abbreviates, else declared."""
    full = spelled_out(Org(f"new:{text}", text, "Organization"), list(lexicon.orgs.values()))
    # "Universitas Bengkulu" … "Rektor UNIB Retno": the same body
    return lexicon.add(text, full) if full is not None else declared(lexicon, text)


def _body_before_comma(toks, name: Name, lexicon: Lexicon) -> tuple[OrgMatch | None, Name]:
    """A body's short name (one word, maybe after a unit's field), a comma, then the person and
    no more capitalised words: ``Rektor Unikaya, Rina menandatangani``, ``General Manager
    Operasi PTBA, Adi Nugroho di …``. The body is declared as written.

    >>> from govkg.extract.text import read_article
    >>> toks = read_article("Diteken Rektor Unikaya, Rina Wati di Padang.").sentences[0].tokens
    >>> org, name = _body_before_comma(toks, name_after(toks, 2), Lexicon())
    >>> org.org.name, name.name
    ('Unikaya', 'Rina Wati')
    """
    comma = name.span_end
    if name.span_start != name.start or comma + 1 >= len(toks) or toks[comma].text != ",":
        return None, name
    person = name_after(toks, comma + 1)
    if person is None or person.span_start != comma + 1:
        return None, name
    nxt = toks[person.span_end] if person.span_end < len(toks) else None
    if nxt is not None and nxt.is_word and nxt.capitalised:
        return None, name
    field = frozenset(Rules.load().data["people"]["unit_field_words"])
    start = name.start
    while start < name.end - 1 and toks[start].key in field:
        start += 1
    if name.end - start != 1 or toks[start].key in _never_in_names():
        return None, name
    if len(toks[start].text) < 3 or is_post_word(toks[start].key):
        return None, name
    org = _short_named(toks[start].text, lexicon)
    return OrgMatch(start, name.end, org, via="post"), person


def _acronym(text: str) -> bool:
    """A word written in capitals, two to six letters (``UNS``, ``ULM``).

    >>> _acronym("UNS"), _acronym("Adi"), _acronym("A")
    (True, False, False)
    """
    return text.isalpha() and text.isupper() and 2 <= len(text) <= 6


def _acronym_before_name(toks, name: Name) -> bool:
    """``Vice-Chancellor CDU, Professor Scott Bowman``: an acronym the gazetteer does not know,
    read as the name, is the post's body; the person is named after the comma."""
    word = toks[name.start].text
    single = name.end - name.start == 1 and word.isupper() and len(word) <= 5
    comma = name.span_end < len(toks) and toks[name.span_end].text == ","
    return single and comma and _starts_name(toks, name.span_end)


def _unit_end(toks, keys, p, h) -> int:
    """Without a body, a post may still name its unit before a comma and the person
    (``Vice Rector for Research and Community Service, Prof. Dr. Maria Sitompul``), or before its
    acronym in brackets and the person."""
    destination = _after_destination(toks, keys, h)
    if destination is not None:
        return destination
    with_unit = _post_table()["with_unit"].match(keys[p:h], 0)
    if not with_unit or with_unit[0] != h - p:
        return h
    titled = _titled_name_after_unit(toks, h)
    if titled is not None:
        return titled
    t = h = _after_brackets(toks, h)
    while t < len(toks) and t - h < MAX_UNIT_WORDS:
        tok = toks[t]
        if not (tok.is_word and (tok.capitalised or tok.key in _unit_joiners())):
            break
        if t > h and _post_at(toks, keys, t):
            return h  # another official's post: the words before are this one's name
        t += 1
    if t > h and t + 1 < len(toks) and toks[t].text == "," and toks[t + 1].capitalised:
        return t
    bracket = t > h and t < len(toks) and toks[t].text == "("
    if bracket and _starts_name(toks, _after_brackets(toks, t)):
        return t  # ``Kepala Dinas Pariwisata Dan Budaya (Disparbud) Adi Nugroho``
    return h


def _titled_name_after_unit(toks, h) -> int | None:
    """The end of a unit's name written with commas (``Wakil Rektor Bidang Perencanaan, Kerja
    sama, dan TIK Prof. Suharso``), when a title starts the person's name right after it.

    >>> from govkg.extract.text import read_article
    >>> art = read_article("Wakil Rektor Bidang Riset, dan Kerja sama Dr. Adi Nugroho")
    >>> toks = art.sentences[0].tokens
    >>> _titled_name_after_unit(toks, 2)
    8
    """
    t = h
    while t < len(toks) and t - h < MAX_UNIT_WORDS and not is_title(toks[t].text):
        tok = toks[t]
        unit = tok.is_word and (tok.capitalised or tok.key in _unit_joiners())
        if not (unit or tok.text == ",") or is_degree(tok.text):
            return None  # a degree or an initial: a person is named before the title
        t += 1
    if t == h or t >= len(toks) or not is_title(toks[t].text) or not _starts_name(toks, t):
        return None
    return t - 1 if toks[t - 1].text == "," else t


def _after_destination(toks, keys, h) -> int | None:
    """Past the place a post is held for (``Ambassador to Japan``), when a name of two words
    or more follows it."""
    words = frozenset(Rules.load().data["people"]["post_destinations"])
    if h + 2 >= len(toks) or keys[h] not in words or not toks[h + 1].capitalised:
        return None
    name = name_after(toks, h + 2) if toks[h + 1].is_word else None
    return h + 2 if name is not None and name.end - name.start >= 2 else None


def _with_org(sentence, toks, i, p, hit, acting) -> Official:
    length, (post, key) = hit
    org = OrgMatch(p, p + length, gazetteer_index().org(key), via="post")
    name = _name_after(toks, _past_second_post(toks, p + length), None)
    return Official(
        sentence.index,
        i,
        name.span_end if name else p + length,
        post,
        resolve_role(post) or "menteri",
        org,
        name,
        " ".join(t.text for t in toks[i : i + acting[0]]) if acting else None,
    )


def _slashed(toks, keys, p) -> tuple[int, tuple[str, str]] | None:
    """``Menristek/Kepala``, one token: the first post names the body."""
    if p >= len(toks) or "/" not in toks[p].text or " " not in keys[p]:
        return None
    hit = _post_table()["with_org"].match([keys[p].split()[0]], 0)
    return (1, hit[1]) if hit else None


def _past_second_post(toks, at: int) -> int:
    """Past a second post joined by a slash (``Menristek/Kepala BRIN Bambang``): the person
    holds both; the first names the body.

    >>> from govkg.extract.text import tokens
    >>> _past_second_post(tokens("Menristek / Kepala BRIN Bambang"), 1)
    4
    >>> _past_second_post(tokens("Menristek/Kepala BRIN Bambang"), 1)
    2
    """
    keys = _keys(toks)
    if "/" in toks[at - 1].text and " " in keys[at - 1]:
        k = at  # ``Menristek/Kepala BRIN``: the second post's body follows
    elif at + 1 >= len(toks) or toks[at].text != "/" or not _post_at(toks, keys, at + 1):
        return at
    else:
        k = at + 1 + _post_at(toks, keys, at + 1)[0][0]
    org = _gazetteer(toks, k) if k < len(toks) and toks[k].capitalised else None
    return org.end if org is not None else k


def _known_body_then_name(toks, org: OrgMatch, lexicon: Lexicon) -> tuple[OrgMatch, Name | None]:
    """A body read by its shape (``Bank …``, ``PT …``: capitalised words) over the person
    named after a name the gazetteer knows (``Direktur Utama Bank Mandiri Budi Santoso``:
    not a body ``Bank Mandiri Budi Santoso``): the known body, and the person.

    >>> from govkg.extract.text import tokens
    >>> toks = tokens("Direktur Utama Bank Mandiri Budi Santoso menandatangani")
    >>> found, name = _known_body_then_name(toks, org_at(toks, 2, Lexicon()), Lexicon())
    >>> found.org.ident, name.name
    ('bank-mandiri', 'Budi Santoso')
    """
    known = _gazetteer(toks, org.start) if org.via == "enterprise" else None
    if known is None or known.weak or known.end >= org.end:
        return org, None
    name = _name_after(toks, known.end, lexicon)
    return (known, name) if name is not None and name.span_end >= org.end else (org, None)


def _orgs_after(toks, keys, p, h, role, lexicon) -> list[OrgMatch]:
    """Bodies that may follow a post ending at ``h``: right after it, after a unit's name, or
    (for local heads) the post and place as one gazetteer name (``Bupati Serang``)."""
    found = []
    branch = _post_table()["branch"].match(keys, p)  # ``Kepala Kantor Cabang BPJS … X``
    at = p + branch[0] if branch is not None else len(toks)
    if branch is not None and at >= h and at < len(toks) and toks[at].capitalised:
        match = office_after_post(toks, at, branch[1], lexicon)
        if match is not None:
            found.append(match)
    office = _post_table()["office"].get(tuple(keys[p:h]))
    if office is not None and h < len(toks) and toks[h].capitalised:
        match = _office_of_post(toks, h, office, lexicon)
        if match is not None:
            found.append(match)
    merged = org_at(toks, p, lexicon, weak=False) or _lower_case_head(toks, p, h)
    if merged is not None and merged.end > h and merged.org.is_local:
        found.append(replace(merged, start=h))
    implied = _implied(toks, keys, p, h)
    if implied is not None:
        found.append(implied)
    with_unit = _post_table()["with_unit"].match(keys[p:h], 0)
    limit = h + (MAX_UNIT_WORDS if with_unit and with_unit[0] == h - p else 0)
    if h < len(toks) and keys[h] == "of":
        place = _place_org(toks, h + 1, _capitalised_end(toks, h + 1), (h - p, role), p)
        place = place or foreign_head_place(toks, h + 1, role, lexicon)
        if place is not None:
            found.append(replace(place, start=h))
    t = _after_brackets(toks, h)
    limit += t - h
    while t <= limit and t < len(toks):
        if t > h and _post_at(toks, keys, t):
            break  # ``Direktur Pemasaran Adi dan Gubernur Bali …``: the next official
        j = t + 1 if keys[t] in {"of", "the"} else t
        j = j + 1 if j < len(toks) and keys[j] == "the" else j
        org = org_at(toks, j, lexicon, weak=False) if j < len(toks) else None
        if org is not None and (toks[j].capitalised or org.end - j > 1):
            body = _body_after_field(toks, org, lexicon)
            found.append(replace(body, start=t if body is org else body.start))
            break
        tok = toks[t]
        if not (tok.is_word and (tok.capitalised or tok.key in _unit_joiners())):
            break
        t += 1
    bracketed = _bracketed_org(toks, keys, h, lexicon)
    if bracketed is not None:
        found.append(bracketed)
    return found


def _body_after_field(toks, org: OrgMatch, lexicon: Lexicon) -> OrgMatch:
    """A body named in a unit's field and right after it the body the unit belongs to
    (``Direktur Kerja Sama ASEAN Kemenlu``): the second.

    >>> from govkg.extract.text import read_article
    >>> toks = read_article("Direktur Kerja Sama ASEAN Kemenlu Adi Nugroho").sentences[0].tokens
    >>> _body_after_field(toks, org_at(toks, 3, Lexicon(), weak=False), Lexicon()).org.ident
    'kemenlu'
    """
    after = org_at(toks, org.end, lexicon, weak=False) if org.end < len(toks) else None
    return after if after is not None and toks[org.end].capitalised else org


def _lower_case_head(toks, p: int, h: int) -> OrgMatch | None:
    """A head's post written in lower case before its region (``bupati Sleman``, ``wali kota
    Kendari``), which the gazetteer knows written with capitals (``Bupati Sleman``).

    >>> from govkg.extract.text import read_article
    >>> toks = read_article("Diteken bupati Sleman Kustini Purnomo.").sentences[0].tokens
    >>> _lower_case_head(toks, 1, 2).org.ident
    'kabupaten-34-04'
    """
    if toks[p].capitalised or h >= len(toks) or not toks[h].capitalised:
        return None
    index = gazetteer_index()
    best = None
    for end in range(h + 1, min(len(toks), h + 4) + 1):
        if not (toks[end - 1].is_word and toks[end - 1].capitalised):
            break
        keys = index.strong.get(" ".join(t.key for t in toks[p:end]))
        if keys is not None and len(keys) == 1:
            best = OrgMatch(p, end, index.org(keys[0]), via="post")
    return best


def _bracketed_org(toks, keys, h, lexicon) -> OrgMatch | None:
    """A body written out in words the gazetteer does not know, then by an acronym in brackets
    that it knows: ``Chairman of the National Disaster Agency (BNPB) Adi``. The match spans the
    brackets, so the post is the words before them and the person comes after."""
    t = h
    while t < len(toks) and t - h <= MAX_UNIT_WORDS and toks[t].text != "(":
        tok = toks[t]
        unit = tok.capitalised or keys[t] in _unit_joiners() or keys[t] == "the"
        if not (tok.is_word and unit):
            return None
        t += 1
    if t == h or t + 2 >= len(toks) or toks[t].text != "(":
        return None
    org = org_at(toks, t + 1, lexicon, weak=False)
    if org is None or org.end >= len(toks) or toks[org.end].text != ")":
        return None
    return OrgMatch(t, org.end + 1, org.org, via=org.via)


def _office_of_post(toks, h, office: str, lexicon: Lexicon) -> OrgMatch | None:
    """The office a post names with the place after it, when the words after the post are a
    place and not the person: a region the gazetteer knows (``Kajari Wajo Budi``); else one
    word before a name (``Kajari Madina Novan Hadian``) or before a comma; two unknown words
    and nothing more are the person (``Kajati Ketut Sumedana di …``)."""
    region = _gazetteer(toks, h)
    if region is not None and region.org.is_local:
        return office_of_post(toks, h, office, lexicon)
    run = _capitalised_end(toks, h, MAX_NAME_RUN) - h
    comma = h + 1 < len(toks) and toks[h + 1].text == ","
    if run >= 3 or (run == 1 and comma):
        return office_of_post(toks[: h + 1], h, office, lexicon)
    return None


def _implied(toks, keys, p, h) -> OrgMatch | None:
    """``Menteri Dalam Negeri`` → ``Kementerian Dalam Negeri``; ``Minister of X`` →
    ``Ministry of X``."""
    prefixes = _post_table()["implied"].get(tuple(keys[p:h]))
    if not prefixes:
        return None
    index = gazetteer_index()
    start = h + 1 if h < len(keys) and keys[h] == "of" else h
    best = None
    for prefix in prefixes:
        for end, key in scan(toks, start):
            form = f"{prefix} {key}"
            if form not in index.prefixes:
                break
            if form in index.strong:
                best = OrgMatch(h, end, index.org(index.strong[form][0]), via="post")
    return best


def _post_text(toks, p, post_end, org: OrgMatch | None, role: str) -> str:
    """The post as written; ``Kepala`` before ``Dinas Pendidikan …`` becomes ``Kepala Dinas``."""
    if post_end - 1 > p and toks[post_end - 1].text == ")":
        post_end = next(k for k in range(post_end - 1, p, -1) if toks[k].text == "(")
    post = " ".join(t.text for t in toks[p:post_end]).replace(" , ", ", ")
    if org is None or org.start != post_end:
        return post
    posts = _posts()
    keys = _keys(toks)
    for extra in range(min(3, org.end - org.start - 1), 0, -1):
        found = posts.index.get(tuple(keys[p : post_end + extra]))
        if found and found != role:
            return " ".join(t.text for t in toks[p : post_end + extra])
    return post


def _name_after(toks, at: int, lexicon: Lexicon | None) -> Name | None:
    at = _after_brackets(toks, at)
    k = at + 1 if at < len(toks) and toks[at].text in {",", "("} else at
    k = _past_branch(toks, k)
    region = _gazetteer(toks, k) if k < len(toks) and toks[k].capitalised else None
    if region is not None and region.org.is_local and _starts_name(toks, region.end):
        k = region.end + 1 if toks[region.end].text == "," else region.end
    if (
        k < len(toks)
        and toks[k].capitalised
        and not is_title(toks[k].text)  # ``Bpk.`` is a form of address, not BPK
        and lexicon is not None
        and org_at(toks, k, lexicon, weak=False) is not None
    ):
        return None
    if k < len(toks) and _post_at(toks, _keys(toks), k) and not _rank_before_name(toks, k):
        return None
    name = _square_bracketed(toks, k) or name_after(toks, k)
    return None if name is not None and _a_region(toks, name) else name


def _square_bracketed(toks, k: int) -> Name | None:
    """A name written in square brackets (``Rektor Universitas X, [Rina Wati], dan …``, as
    pages filled from a template show it): the name inside, its span with the brackets.

    >>> from govkg.extract.text import read_article
    >>> toks = read_article("Diteken Bupati Serang, [Rina Wati], kemarin.").sentences[0].tokens
    >>> name = _square_bracketed(toks, 4)
    >>> name.name, toks[name.span_end].text
    ('Rina Wati', ',')
    """
    if k + 1 >= len(toks) or toks[k].text != "[":
        return None
    name = name_after(toks, k + 1)
    if name is None or name.span_end >= len(toks) or toks[name.span_end].text != "]":
        return None
    return replace(name, span_start=k, span_end=name.span_end + 1)


def _a_region(toks, name: Name) -> bool:
    """The words read as a name are a region (``Bupati Aceh Tenggara, Aceh Selatan, dan …``).

    >>> from govkg.extract.text import read_article
    >>> toks = read_article("Bupati Aceh Tenggara, Aceh Selatan dan Aceh Barat").sentences[0].tokens
    >>> _a_region(toks, name_after(toks, 4)), _a_region(toks, name_after(toks, 1))
    (True, True)
    """
    region = _gazetteer(toks, name.start)
    return region is not None and region.org.is_local and region.end == name.end


def _past_branch(toks, k: int) -> int:
    """Past the branch or area of a body written before the person (``Cabang Sleman,``,
    ``Kantor Cabang Kudus``), when a comma or a title follows it.

    >>> from govkg.extract.text import read_article
    >>> toks = read_article("Kepala BPJS Kesehatan Cabang Sleman, Rina Wati.").sentences[0].tokens
    >>> toks[_past_branch(toks, 3)].text
    'Rina'
    """
    branch = _branch_words().match(_keys(toks), k)
    if branch is None or k == 0 or not toks[k].capitalised:
        return k
    end = _joined_end(toks, k + branch[0])
    if end == k + branch[0] or end >= len(toks):
        return k
    if toks[end].text == ",":
        return end + 1
    return end if is_title(toks[end].text) else k


def _joined_end(toks, j: int) -> int:
    """The end of capitalised words from ``j``, maybe joined by ``dan`` (``Pembangunan Maluku
    dan Papua``), at most a unit's length.

    >>> from govkg.extract.text import tokens
    >>> _joined_end(tokens("Induk Pembangunan Maluku dan Papua , Adi"), 0)
    5
    """
    end = k = j
    while k < len(toks) and k - j < MAX_UNIT_WORDS and toks[k].is_word:
        if toks[k].capitalised:
            end = k = k + 1
        elif toks[k].key in _unit_joiners() and k > j:
            k += 1
        else:
            break
    return end


def _rank_before_name(toks, k: int) -> bool:
    """A rank that is also a post's short form (``Irjen``, ``Kombes``), written as a title before
    a name: ``Kapolda Jambi Irjen Pol. Adi Nugroho``.

    >>> from govkg.extract.text import read_article
    >>> toks = read_article("Diteken Kapolda Jambi Irjen Pol. Adi Nugroho.").sentences[0].tokens
    >>> _rank_before_name(toks, 3)
    True
    >>> toks = read_article("Diteken Irjen Kemendagri Adi Nugroho.").sentences[0].tokens
    >>> _rank_before_name(toks, 1)
    False
    """
    if not is_title(toks[k].text):
        return False
    name = name_after(toks, k)
    known = k + 1 < len(toks) and org_at(toks, k + 1, Lexicon(), weak=False) is not None
    return name is not None and name.span_start == k and not known


def _after_brackets(toks, at: int) -> int:
    """Past a short bracket after a post or body (``Menteri Komunikasi dan Informatika
    (Menkominfo) Rudiantara``), unless it holds the person's name (``Kepala BPS (Adi
    Suryanto)``)."""
    if at < len(toks) and toks[at].text == "(" and _bracketed_name(toks, at) is None:
        close = next((k for k in range(at + 1, min(len(toks), at + 5)) if toks[k].text == ")"), 0)
        if close:
            return close + 1
    return at


def _bracketed_name(toks, at: int) -> Name | None:
    """The name of two words or more written alone in brackets from ``at`` (not a body, a post
    or an acronym: ``(UIN Surakarta)``, ``(Menko PMK)``)."""
    k = at + 1
    if k >= len(toks) or _gazetteer(toks, k) is not None or _post_at(toks, _keys(toks), k):
        return None
    if _post_table()["with_org"].match(_keys(toks), k) or toks[k].text.isupper():
        return None
    name = name_after(toks, k)
    if name is None or name.end - name.start < 2 or name.span_end >= len(toks):
        return None
    return name if toks[name.span_end].text == ")" else None


def _starts_name(toks, k: int) -> bool:
    """A person's name (two words at least, or titled) starts at ``k``, maybe after a comma:
    the region written before it is the post's, not part of the name."""
    k = k + 1 if k < len(toks) and toks[k].text == "," else k
    name = name_after(toks, k) if k < len(toks) else None
    return name is not None and (name.end - name.start >= 2 or name.span_start < name.start)


def _name_first(toks: Sequence[Token], mention: Official, floor: int) -> Official:
    """``Adi Suryanto, Kepala LAN`` / ``… selaku Bupati …``: take the name written before."""
    if mention.name is not None or mention.start == 0:
        return mention
    k = mention.start - 1
    connectors = _name_connectors()
    skipped = 0
    while k > floor and toks[k].key in connectors and skipped < 3:
        k -= 1
        skipped += 1
    if skipped == 0:
        return mention
    name = name_before(toks, k + 1, floor)
    if name is None or (name.end - name.start == 1 and name.span_start == name.start):
        return mention
    return replace(mention, start=name.span_start, name=name, pattern="name-post")


def _title_then_post(toks, keys, p: int, name: Name) -> bool:
    """A post word that is also a title (``Professor``), before a name that a comma and
    another post follow (``Professor Jane Roe, Vice-Chancellor of X``): the title's.

    >>> from govkg.extract.text import tokens
    >>> toks = tokens("by Professor Jane Roe, the Vice-Chancellor of X")
    >>> _title_then_post(toks, [t.key for t in toks], 1, name_after(toks, 2))
    True
    """
    after = name.span_end
    if toks[p].text not in Rules.load().prefix_titles or after + 1 >= len(toks):
        return False
    k = after + 2 if keys[after + 1] == "the" else after + 1
    return toks[after].text == "," and bool(_post_at(toks, keys, k))


def _org_first(sentence, toks, keys, i, lexicon) -> Official | None:
    """English: ``BPPT head Lukman Hakim``, ``Kulon Progo Regent Joko Susilo``."""
    if not toks[i].capitalised or keys[i] == "the":
        return None
    for find in (org_at, _possessive_org):
        org = find(toks, i, lexicon, weak=False)
        if org is None:
            continue
        at = _past_country_office(toks, org.end)
        heads = _post_at(toks, keys, at)
        if heads:
            return _finish_org_first(sentence, toks, i, org, at, heads[0], lexicon)
    for k in range(i + 1, min(len(toks), i + 5)):
        joined = k - 1 > i and toks[k - 1].key in _unit_joiners() and toks[k].capitalised
        if not (toks[k - 1].is_word and (toks[k - 1].capitalised or joined)):
            break
        heads = _post_at(toks, keys, k)
        if heads:
            place = _place_org(toks, i, k, heads[0], k)
            place = place or _named_before_post(toks, i, k, heads[0][1], lexicon)
            if place is not None:
                return _finish_org_first(sentence, toks, i, place, k, heads[0], lexicon)
            return None
    return None


def _possessive_org(
    toks: Sequence[Token], i: int, lexicon: Lexicon, *, weak: bool = False
) -> OrgMatch | None:
    """A body whose name ends with a possessive, before its official's post (``Monash
    University's Vice-Chancellor NAME``, ``UGM's Rector, NAME``): the name without ``'s``
    names the body as a whole.

    >>> from govkg.extract.text import tokens
    >>> found = _possessive_org(tokens("UGM's Rector Ova Emilia"), 0, Lexicon())
    >>> found.org.ident, found.end
    ('universitas-gadjah-mada', 1)
    """
    joiners = _unit_joiners()
    for k in range(i, min(len(toks), i + 8)):
        tok = toks[k]
        if not tok.is_word or not (tok.capitalised or (k > i and tok.key in joiners)):
            return None
        if tok.text.endswith(("'s", "’s")):
            words = tokens(" ".join(t.text for t in toks[i : k + 1])[:-2])
            found = org_at(words, 0, lexicon, weak=weak)
            if found is None or found.end != len(words):
                return None
            return OrgMatch(i, k + 1, found.org, via=found.via)
    return None


def _named_before_post(toks, i: int, k: int, role: str, lexicon: Lexicon) -> OrgMatch | None:
    """English: the first words of a body the report has named, before a post (``Deakin
    Vice-Chancellor NAME`` after ``Deakin University``), or a foreign place before the post of
    its head (``Kitakyushu Mayor NAME``: the ``City of Kitakyushu``).

    >>> from govkg.extract.text import tokens
    >>> lexicon = Lexicon()
    >>> toks = tokens("Kitakyushu Mayor Kazuhisa Takeuchi")
    >>> _named_before_post(toks, 0, 1, "wali-kota", lexicon).org.name
    'City of Kitakyushu'
    """
    words = " ".join(t.key for t in toks[i:k])
    if is_country(_span_text(toks, i, k)) or words in _not_places():
        return None
    named = {
        org.ident: org
        for name, org in lexicon.names.items()
        if name.startswith(words + " ") and not org.known
    }
    if len(named) == 1:
        return OrgMatch(i, k, next(iter(named.values())), via="lexicon")
    place = foreign_head_place(toks, i, role, lexicon)
    return place if place is not None and place.end == k and not named else None


def _span_text(toks, i: int, k: int) -> str:
    return " ".join(t.text for t in toks[i:k])


@functools.cache
def _not_places() -> frozenset[str]:
    return frozenset(token_key(w) for w in Rules.load().data["foreign_local"]["not_places"])


def _past_country_office(toks, at: int) -> int:
    """Past the country of a body's office in it, written between the body and the post
    (``USAID Indonesia Director NAME``, ``UNDP Indonesia Resident Representative NAME``): the
    body signs.

    >>> from govkg.extract.text import tokens
    >>> _past_country_office(tokens("USAID Indonesia Director"), 1)
    2
    """
    if at >= len(toks) or not toks[at].capitalised or not toks[at].is_word:
        return at
    home = toks[at].key in Rules.load().data["people"]["home_country"]
    return at + 1 if home or is_country(toks[at].text) else at


def _capitalised_end(toks, j: int, limit: int = 4) -> int:
    end = j
    while end < len(toks) and end - j < limit and toks[end].is_word and toks[end].capitalised:
        end += 1
    return end


def _place_org(toks, i, k, head, post_at) -> OrgMatch | None:
    """The body an English post names with a place: ``Serang Regent``, ``Regent of Serang``,
    ``Home Affairs Minister`` (tokens ``[i, k)``; the longest fitting beginning wins)."""
    length, _ = head
    index = gazetteer_index()
    post_keys = tuple(t.key for t in toks[post_at : post_at + length])
    table = _post_table()
    forms = table["region_forms"].get(post_keys, table["org_forms"])
    for stop in range(k, i, -1):
        words = " ".join(t.key for t in toks[i:stop])
        if toks[stop - 1].text.endswith(("'s", "’s")):
            words = words.removesuffix(" s")  # ``West Nusa Tenggara's Governor``
        for form in forms:
            keys = index.lookup(form.format(words))
            if len(keys) == 1:
                return OrgMatch(i, stop, index.org(keys[0]), via="post")
        if post_at < i:
            continue
        break
    return None


def _finish_org_first(sentence, toks, i, org, k, head, lexicon) -> Official | None:
    length, role = head
    keys = _keys(toks)
    while toks[k + length - 1].capitalised and (more := _post_at(toks, keys, k + length)):
        length += more[0][0]  # "Deputy Chief"
    end = _unit_in_words(toks, keys, k + length)
    post = " ".join(t.text for t in toks[k:end]).replace(" ,", ",")
    name = _name_after(toks, end + 1 if end > k + length else end, lexicon)
    if name is None:
        return None
    return Official(
        sentence.index, i, name.span_end, post, role, org, name, pattern="org-post-name"
    )


def _unit_in_words(toks, keys, h: int) -> int:
    """English: after a body and its official's post, the post's unit written after ``for`` or
    ``of`` in any case, then a comma and the person (``the Finance Ministry's director general
    for financing and risk management, NAME``): where the unit ends (the comma), else ``h``.

    >>> from govkg.extract.text import tokens
    >>> toks = tokens("director general for budget and risk, Adi Nugroho")
    >>> _unit_in_words(toks, _keys(toks), 2)
    6
    >>> toks = tokens("director general for the last time")
    >>> _unit_in_words(toks, _keys(toks), 2)
    2
    """
    if h >= len(toks) or keys[h] not in {"for", "of"}:
        return h
    t = h + 1
    while t < len(toks) and t - h <= MAX_UNIT_WORDS and toks[t].is_word:
        t += 1
    comma = t > h + 1 and t + 1 < len(toks) and toks[t].text == ","
    return t if comma and _starts_name(toks, t + 1) else h


def spelled_out(org: Org, parties: Sequence[Org]) -> Org | None:
    """The one party whose name a body known only by a short name abbreviates (``Unhas``:
    ``Universitas Hasanuddin``; ``UNS``: ``Universitas Sebelas Maret``), or None.

    >>> unhas = Org("new:unhas", "Unhas", "Organization")
    >>> full = Org("new:universitas-hasanuddin", "Universitas Hasanuddin", "StateUniversity")
    >>> spelled_out(unhas, [full]).name
    'Universitas Hasanuddin'
    """
    if org.known or " " in org.name:
        return None
    short = fold_name(org.name)
    found = [p for p in parties if p.ident != org.ident and _abbreviates(short, p.name)]
    return found[0] if len(found) == 1 else None


def _abbreviates(short: str, name: str) -> bool:
    """``short`` is made of the beginnings of words of ``name``, in order, from its first word
    (words may be left out: ``unimed`` for ``Universitas Negeri Medan``).

    >>> _abbreviates("uns", "Universitas Sebelas Maret")
    True
    >>> _abbreviates("unimed", "Universitas Negeri Medan")
    True
    >>> _abbreviates("unhas", "Universitas Indonesia")
    False
    """
    words = fold_name(name.replace("(", " ").replace(")", " ")).split()
    if len(short) < 2 or len(words) < 2:
        return False

    @functools.cache
    def fits(i: int, j: int) -> bool:
        if i == len(short):
            return True
        if j == len(words):
            return False
        word = words[j]
        taken = next(
            (k for k in range(len(word)) if k >= len(short) - i or word[k] != short[i + k]),
            len(word),
        )
        return any(fits(i + k, j + 1) for k in range(taken, 0, -1)) or (j > 0 and fits(i, j + 1))

    return fits(0, 0)


def fold_name(name: str) -> str:
    """A person's name as a comparison key.

    >>> fold_name("Ratu  Tatu Chasanah")
    'ratu tatu chasanah'
    """
    return " ".join(token_key(w) for w in name.split())
