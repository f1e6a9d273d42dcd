"""Bodies named in a report: gazetteer names found in the tokens, and bodies known by their shape.

:func:`org_at` finds the longest name starting at a token: a gazetteer form (``LAN``,
``Pemerintah Kabupaten Serang``, ``Bupati Serang``), a name the article itself introduced
(``Universitas Diponegoro (Undip)`` makes ``Undip`` a name), or a shape from the rules: a unit
of a regional government (``Dinas Pendidikan Kabupaten Serang``), a regional office
(``Kejaksaan Negeri Gunungkidul``), a unit of a central body (``Ditjen Dukcapil Kemendagri`` →
Kemendagri), a university, an enterprise.

>>> from govkg.extract.text import tokens
>>> lexicon = Lexicon()
>>> found = org_at(tokens("Kepala Dinas Pendidikan Kabupaten Serang Asep"), 1, lexicon)
>>> found.org.name, found.org.kind, found.org.parent, found.end
('Dinas Pendidikan Kabupaten Serang', 'GovernmentUnit', 'kabupaten-36-04', 5)
>>> org_at(tokens("Bupati Aceh Tengah Shabela"), 0, lexicon).org.ident
'kabupaten-11-04'
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from govkg.extract.foreign import Foreign, foreign_at
from govkg.extract.foreign import first_words as foreign_words
from govkg.extract.names import split_glued
from govkg.extract.rules import Phrases, Rules
from govkg.extract.text import Token, phrase_keys, token_key, tokens
from govkg.gazetteer import Entry, Gazetteer
from govkg.gazetteer.forms import entry_forms, labels
from govkg.text_hygiene import slugify

INNER_PUNCTUATION = frozenset({",", "/", "-", "&", "'", "’"})
"""Marks that may stand inside a name (``Badan Meteorologi, Klimatologi, dan Geofisika``)."""
MAX_NAME_TOKENS = 14


@dataclass(frozen=True)
class Org:
    """A body a report names: a gazetteer entry (``entry``), or a new one to declare."""

    ident: str
    name: str
    kind: str
    entry: Entry | None = None
    acronym: str | None = None
    parent: str | None = None
    region_code: str | None = None
    aliases: tuple[str, ...] = ()
    country: str | None = None

    @property
    def known(self) -> bool:
        """True when the gazetteer has the body."""
        return self.entry is not None

    @property
    def is_local(self) -> bool:
        """True for a provincial, regency or city government."""
        return self.entry is not None and self.entry.is_local


@dataclass(frozen=True)
class OrgMatch:
    """A name found at tokens ``[start, end)``; ``weak`` for a bare area name (``Serang``)."""

    start: int
    end: int
    org: Org
    weak: bool = False
    alternatives: tuple[Org, ...] = ()
    via: str = "gazetteer"


@dataclass
class Lexicon:
    """Names one article introduces (acronyms in brackets, short names of enterprises)."""

    names: dict[str, Org] = field(default_factory=dict)
    prefixes: set[str] = field(default_factory=set)
    orgs: dict[str, Org] = field(default_factory=dict)
    same: dict[str, str] = field(default_factory=dict)
    units: dict[str, Org] = field(default_factory=dict)
    """Units of a regional government by their acronym (``pupr``), as their name gave it."""
    universities: dict[str, OrgMatch] = field(default_factory=dict)
    """Universities named as parties so far, by ident (a bare faculty is of the one named)."""

    def add(self, name: str, org: Org) -> Org:
        """Teach a name; an org already known under its ident is kept (and returned)."""
        org = self.orgs.setdefault(org.ident, org)
        key = " ".join(token_key(word) for word in name.split())
        if key and key not in self.names:
            self.names[key] = org
            words = key.split()
            self.prefixes.update(" ".join(words[:i]) for i in range(1, len(words) + 1))
        return org

    def update(self, org: Org) -> Org:
        """Replace the stored copy of an org (e.g. once its acronym is known)."""
        self.orgs[org.ident] = org
        for key, value in list(self.names.items()):
            if value.ident == org.ident:
                self.names[key] = org
        return org


class GazetteerIndex:
    """Folded gazetteer forms with their prefixes, for scanning tokens left to right."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.strong: dict[str, list[str]] = {}
        self.weak: dict[str, list[str]] = {}
        for entry in gazetteer.entries():
            strong, weak = entry_forms(entry)
            for form in strong:
                if not form.replace(" ", "").isdigit():
                    self.strong.setdefault(form, []).append(entry.key)
            for form in weak:
                self.weak.setdefault(form, []).append(entry.key)
        self.prefixes: set[str] = set()
        for form in (*self.strong, *self.weak):
            words = form.split()
            self.prefixes.update(" ".join(words[:i]) for i in range(1, len(words) + 1))
        self.by_word: dict[str, set[str]] = {}
        self.short: dict[str, list[str]] = {}
        for entry in gazetteer.entries():
            names = labels(entry)
            for word in {w for label in names for w in label.split()} - _words("common_words"):
                self.by_word.setdefault(word, set()).add(entry.key)
            for label in names:
                if len(label.split()) <= 2:
                    self.short.setdefault(label, []).append(entry.key)

    def org(self, key: str) -> Org:
        """The :class:`Org` of a gazetteer key."""
        return _org_of(self.gazetteer.entry(key))

    def lookup(self, name: str) -> list[str]:
        """Keys a whole name resolves to (strong forms first)."""
        key = " ".join(token_key(w) for w in name.split())
        return self.strong.get(key) or self.weak.get(key) or []


@functools.cache
def gazetteer_index() -> GazetteerIndex:
    """The bundled gazetteer's index (built once, about 0.2 s).

    >>> gazetteer_index().lookup("Pemkab Serang")
    ['kabupaten-36-04']
    """
    return GazetteerIndex(Gazetteer.bundled())


@functools.lru_cache(maxsize=4096)
def candidates(name: str, limit: int = 5) -> list[str]:
    """Display strings of the gazetteer entries closest to an unknown name, best first.

    Only entries sharing a word with the name are compared (difflib over their labels), so
    a miss costs milliseconds instead of a pass over every label; with no shared word, the
    gazetteer's own :meth:`~govkg.gazetteer.Gazetteer.candidates` answers.

    >>> candidates("Lembaga Ilmu Pengetahuan Indonesai", 1)
    ['LIPI — Lembaga Ilmu Pengetahuan Indonesia']
    """
    import difflib

    from govkg.gazetteer import display
    from govkg.gazetteer.forms import name_key

    index = gazetteer_index()
    key = name_key(name)
    scores: dict[str, float] = {}
    for word in set(key.split()):
        for entry_key in index.by_word.get(word, ()):
            if entry_key not in scores:
                entry = index.gazetteer.entry(entry_key)
                scores[entry_key] = max(
                    difflib.SequenceMatcher(None, key, label).ratio() for label in labels(entry)
                )
    best = sorted((k for k, s in scores.items() if s >= 0.5), key=lambda k: (-scores[k], k))
    if not best:  # no word in common: a misspelt acronym or short name ("Bapenas")?
        close = difflib.get_close_matches(key, list(index.short), n=limit, cutoff=0.75)
        best = list(dict.fromkeys(k for label in close for k in index.short[label]))
    return [display(index.gazetteer.entry(k)) for k in best[:limit]]


def known_org(name: str) -> Org | None:
    """The gazetteer's body of a name written in full, when the name points to one body.

    >>> known_org("Manado State University").ident, known_org("Lembaga Kajian Nusa Raya")
    ('universitas-negeri-manado', None)
    """
    found = gazetteer_index().gazetteer.matches(name)
    return _org_of(found[0]) if len(found) == 1 else None


@functools.cache
def _org_of(entry: Entry) -> Org:
    return Org(entry.key, _written_name(entry), entry.kind, entry)


def _written_name(entry: Entry) -> str:
    return entry.acronyms[0] if entry.acronyms and not entry.is_local else entry.name


@functools.cache
def _words(name: str) -> frozenset[str]:
    """A word list of the ``orgs`` rules, as token keys (``office_numbers`` as written).

    >>> "kabupaten" in _words("area_words")
    True
    """
    words = Rules.load().data["orgs"][name]
    return frozenset(words if name == "office_numbers" else (token_key(w) for w in words))


@functools.cache
def _shapes() -> dict[str, Phrases]:
    orgs = Rules.load().data["orgs"]
    return {
        "place": Phrases(orgs["place_heads"]),
        "unit": Phrases(orgs["regional_units"]),
        "office": Phrases(orgs["regional_offices"]),
        "office_head": Phrases(orgs["office_heads"]),
        "central_unit": Phrases(orgs["central_units"]),
        "university_unit": Phrases(orgs["university_units"]),
        "university": Phrases(orgs["universities"]),
        "state_university": Phrases(orgs["state_universities"]),
        "enterprise": Phrases(orgs["enterprises"]),
        "soe": Phrases({k: v for k, v in orgs["state_enterprises"].items()}),
        "association": Phrases(orgs["associations"]),
        "state_mark": Phrases(orgs["state_marks"]),
        "central_unit_name": Phrases(orgs["central_unit_names"]),
        "unknown": Phrases(orgs["unknown_bodies"]),
        "english_name": Phrases(orgs["english_names"]),
        "office_word": Phrases(orgs["office_words"]),
        "enterprise_unit": Phrases(orgs["enterprise_units"]),
        "collective": Phrases(orgs["collective_heads"]),
    }


def org_at(
    toks: Sequence[Token], i: int, lexicon: Lexicon, *, weak: bool = True
) -> OrgMatch | None:
    """The longest name of a body starting at token ``i``, or None.

    ``weak`` allows bare area names (``Serang``, ``Jakarta``), which are marked as such.
    """
    if i >= len(toks) or not toks[i].is_word:
        return None
    first = toks[i].key.split(" ", 1)[0]
    known = first in gazetteer_index().prefixes or first in _shape_firsts() or _before_head(toks, i)
    known = known or first in lexicon.units or _named().tail_ahead(toks, i)
    known = known or _foreign_local().tail_ahead(toks, i) or _ministry_ahead(toks, i)
    if not known and not (toks[i].capitalised and first in lexicon.prefixes):
        return None
    found = [m for m in (_gazetteer(toks, i), _lexicon(toks, i, lexicon)) if m is not None]
    found.extend(_shaped(toks, i, lexicon))
    collective = _collective(toks, i)
    if collective is not None:
        found.append(collective)
    if not weak:
        found = [m for m in found if not m.weak]
    if not found:
        return _unit_by_acronym(toks, i, lexicon) if lexicon.units else None
    best = max(found, key=lambda m: (m.end, not m.weak, m.via == "gazetteer"))
    unit = _unit_by_acronym(toks, i, lexicon) if lexicon.units else None
    if unit is not None and unit.end >= best.end:
        return unit
    best = _enterprise_unit(toks, best, lexicon) or best
    return _acronym_name(toks, best) or _with_acronym(toks, best, lexicon)


def _collective(toks: Sequence[Token], i: int) -> OrgMatch | None:
    """The governments of a province named together (``Pemerintah Daerah se-Provinsi Maluku``,
    ``pemerintah kabupaten/kota se-Sulawesi Utara``, ``Pemerintah Daerah (Pemda) di Provinsi
    Jambi``; rules ``orgs.collective_heads`` and ``collective_marks``): the province's
    government stands for them, as the corpus records such agreements.

    >>> toks = tokens("dengan pemerintah kabupaten/kota se-Sulawesi Utara dan Bank X")
    >>> found = _collective(toks, 1)
    >>> found.org.ident, found.end
    ('provinsi-71', 5)
    >>> _collective(tokens("Pemerintah Daerah se-Kabupaten Sleman"), 0) is None
    True
    """
    hit = _shapes()["collective"].match(_keys(toks), i)
    if hit is None:
        return None
    j = i + hit[0]
    if j < len(toks) and toks[j].text == "(":
        close = bracket_close(toks, j)
        j = close + 1 if close is not None else j
    if j >= len(toks):
        return None
    marks = _words("collective_marks")
    mark, _, rest = toks[j].text.partition("-")
    if toks[j].key in marks:
        words, first = [t.text for t in toks[j + 1 : j + 5]], j + 1
    elif token_key(mark) in marks and rest:
        words, first = [rest, *(t.text for t in toks[j + 1 : j + 4])], j
    else:
        return None
    for n in range(len(words), 0, -1):
        text = " ".join(words[:n])
        region = tokens(text if token_key(words[0]) == "provinsi" else f"Provinsi {text}")
        found = _gazetteer(region, 0)
        whole = found is not None and found.end == len(region) and not found.weak
        if whole and found.org.kind == "ProvincialGovernment":
            return OrgMatch(i, first + n, found.org, via="collective")
    return None


def _enterprise_unit(toks: Sequence[Token], match: OrgMatch, lexicon: Lexicon) -> OrgMatch | None:
    """``PT PLN (Persero) Unit Induk Pembangunan Maluku dan Papua``: a state enterprise, the
    head of one of its units (rules ``orgs.enterprise_units``) and the unit's area; the unit
    is declared under its enterprise (it signs for the enterprise when that is the party).

    >>> toks = tokens("PT PLN (Persero) Unit Induk Distribusi Jawa Barat dan")
    >>> found = org_at(toks, 0, Lexicon())
    >>> found.org.name, found.org.parent, found.end
    ('PT PLN (Persero) Unit Induk Distribusi Jawa Barat', 'pln', 10)
    """
    org, at = match.org, match.end
    if not org.known or token_key(org.kind) not in _words("enterprise_kinds"):
        return None
    head = _shapes()["enterprise_unit"].match(_keys(toks), at) if at < len(toks) else None
    if head is None or not toks[at].capitalised:
        return None
    end = _capitalised_run(toks, at + head[0], 6)
    if end == at + head[0]:
        return None
    name = _span(toks, match.start, end)
    unit = _new(lexicon, name, org.kind, org.ident, same=f"unit:{org.ident}:{_span(toks, at, end)}")
    return OrgMatch(match.start, end, unit, via="enterprise")


def _acronym_name(toks: Sequence[Token], match: OrgMatch) -> OrgMatch | None:
    """``Badan Penyelenggara Jaminan Sosial (BPJS) Kesehatan``: the acronym in brackets and the
    words after it name a gazetteer body (``BPJS Kesehatan``), which the whole stands for; the
    acronym may be several words (``Universitas … (UIN STS) Jambi`` is ``UIN STS Jambi``)."""
    end = match.end
    close = bracket_close(toks, end)
    if close is None or close + 1 >= len(toks):
        return None
    index = gazetteer_index()
    key, found = " ".join(t.key for t in toks[end + 1 : close]), None
    for k in range(close + 1, min(len(toks), close + 4)):
        if not (toks[k].is_word and toks[k].capitalised):
            break
        key = f"{key} {toks[k].key}"
        keys = index.strong.get(key)
        if keys is not None and len(keys) == 1:
            found = OrgMatch(match.start, k + 1, index.org(keys[0]), via="gazetteer")
    return found


def bracket_close(toks: Sequence[Token], at: int, *, most: int = 3) -> int | None:
    """The ``)`` closing a bracket at ``at`` that holds an acronym: a capitalised word
    (``(LIPI)``, ``(Baznas)``) or up to ``most`` words in capitals (``(UIN STS)``), or None.

    >>> from govkg.extract.text import tokens
    >>> bracket_close(tokens("Sinode (MPH GPM) Maluku"), 1), bracket_close(tokens("X (kata)"), 1)
    (4, None)
    >>> bracket_close(tokens("Pusat (UP3B Kalimantan)"), 1) is None
    True
    """
    if at + 2 >= len(toks) or toks[at].text != "(":
        return None
    if toks[at + 2].text == ")":
        first = toks[at + 1]
        return at + 2 if first.is_word and first.text[:1].isupper() else None
    for k in range(at + 1, min(len(toks), at + most + 2)):
        if toks[k].text == ")":
            return k
        if not (toks[k].is_word and toks[k].text.isupper()):
            return None
    return None


def _before_head(toks: Sequence[Token], i: int) -> bool:
    """A capitalised word a few words before an English head (``… University``), or the head
    before ``of``."""
    if not toks[i].text[:1].isupper():
        return False
    heads = (
        _ENGLISH_HEADS or _ENGLISH_HEADS.update(_words("english_universities")) or _ENGLISH_HEADS
    )
    if toks[i].key in heads:  # "University of Melbourne"
        return i + 1 < len(toks) and toks[i + 1].key == "of"
    for tok in toks[i + 1 : i + 5]:
        if tok.key in heads:
            return toks[i].capitalised
    return False


_ENGLISH_HEADS: set[str] = set()


def scan(toks: Sequence[Token], i: int, *, brackets: bool = False):
    """``(end, key)`` for each word run from ``i`` that could still be (part of) a name, lazily
    (callers stop as soon as the key is no longer the beginning of a name). With ``brackets``,
    a short form in brackets inside the name is passed over (``Pemerintah Kota (Pemkot)
    Serang`` reads as ``Pemerintah Kota Serang``).

    >>> from govkg.extract.text import tokens
    >>> list(scan(tokens("Badan POM, Jakarta"), 0))[:2]
    [(1, 'badan'), (2, 'badan pom')]
    >>> list(scan(tokens("Pemerintah Kota (Pemkot) Serang"), 0, brackets=True))[-1]
    (6, 'pemerintah kota serang')
    """
    key = ""
    j = i
    while j < len(toks) and j - i < MAX_NAME_TOKENS:
        tok = toks[j]
        if tok.is_word:
            key = f"{key} {tok.key}" if key else tok.key
            yield j + 1, key
        elif brackets and key and _short_form_bracket(toks, j):
            j += 3
            continue
        elif tok.text not in INNER_PUNCTUATION or j == i:
            return
        j += 1


def _short_form_bracket(toks: Sequence[Token], j: int) -> bool:
    """``(Pemkot)`` at ``j``: one capitalised word in brackets, with a word after it."""
    return (
        toks[j].text == "("
        and j + 3 < len(toks)
        and toks[j + 2].text == ")"
        and toks[j + 1].is_word
        and toks[j + 1].text[:1].isupper()
        and toks[j + 3].is_word
    )


def _gazetteer(toks: Sequence[Token], i: int) -> OrgMatch | None:
    """The longest gazetteer name at ``i``; an area word before the place that ends a body's
    name may be left out of it (``Kantor Wilayah Hukum dan HAM Provinsi Papua`` is the
    gazetteer's ``Kantor Wilayah Hukum dan HAM Papua``)."""
    index = gazetteer_index()
    best: OrgMatch | None = None
    dropped = ""
    for end, key in scan(toks, i, brackets=True):
        key = key.replace(dropped, " ", 1) if dropped else key
        if key not in index.prefixes:
            last = toks[end - 1].key
            if dropped or last not in _words("area_words") or end - i < 2:
                break
            dropped, key = f" {last} ", key.rsplit(" ", 1)[0]
            continue
        keys = index.strong.get(key)
        weak = False
        if keys is None and key in index.weak:
            keys, weak = index.weak[key], True
        if keys and (_case_ok(toks, i, end) or _lower_government(toks, i, end, keys, index)):
            orgs = tuple(index.org(k) for k in keys)
            if dropped and _level_dropped(dropped, orgs):
                continue
            best = OrgMatch(i, end, orgs[0], weak or len(orgs) > 1, orgs if len(orgs) > 1 else ())
    return best


def _level_dropped(dropped: str, orgs: Sequence[Org]) -> bool:
    """The area word left out names a city or regency (``Bawaslu Kota Jambi``) and the body
    found is a province's office (``Bawaslu Provinsi Jambi``): another office, not this one.

    >>> _gazetteer(tokens("Bawaslu Kota Jambi"), 0).end  # "Bawaslu" alone
    1
    """
    if dropped.strip() not in _words("lower_area_words"):
        return False
    codes = [gazetteer_index().gazetteer.entry(o.ident).region_code for o in orgs]
    return all(code and "." not in code for code in codes)


def _lower_government(toks, i: int, end: int, keys, index) -> bool:
    """A regional government's full name written in lower case (``pemerintah kota bandung``):
    its area word and its place, after a head of rules ``orgs.lowercase_government_heads``.

    >>> _gazetteer(tokens("dengan pemerintah kota bandung melaksanakan"), 1).org.ident
    'kota-32-73'
    >>> _gazetteer(tokens("pemerintah kota"), 0) is None
    True
    """
    heads = Rules.load().data["orgs"]["lowercase_government_heads"]
    words = [t.key for t in toks[i:end] if t.is_word]
    head = next((h.split() for h in heads if words[: len(h.split())] == h.split()), None)
    if head is None or len(words) <= len(head) or len(keys) != 1:
        return False
    return index.org(keys[0]).is_local


def _case_ok(toks: Sequence[Token], i: int, end: int) -> bool:
    """Names start with a capital; a short single word is all capitals (``LAN``, not ``lan``)."""
    words = [t for t in toks[i:end] if t.is_word]
    if len(words) == 1:
        text = words[0].text
        return words[0].capitalised and (len(text) > 3 or text.isupper())
    return any(w.capitalised for w in words) and (words[0].capitalised or len(words) > 2)


def _lexicon(toks: Sequence[Token], i: int, lexicon: Lexicon) -> OrgMatch | None:
    if not lexicon.names or not toks[i].capitalised:
        return None
    best = None
    for end, key in scan(toks, i):
        if key not in lexicon.prefixes:
            break
        if key in lexicon.names:
            best = OrgMatch(i, end, lexicon.names[key], via="lexicon")
    return best


def _with_acronym(toks: Sequence[Token], match: OrgMatch, lexicon: Lexicon) -> OrgMatch:
    """Take in a bracketed acronym that follows (``… Indonesia (LIPI)``) and learn it."""
    end = match.end
    close = bracket_close(toks, end)
    if close is None:
        return match
    acronym = " ".join(t.text for t in toks[end + 1 : close])
    index = gazetteer_index()
    keys = index.strong.get(" ".join(t.key for t in toks[end + 1 : close]), [])
    org = match.org
    if org.known and keys and keys != [org.ident]:
        return match
    if not org.known and not keys:
        org = lexicon.update(replace(lexicon.orgs.get(org.ident, org), acronym=acronym))
        lexicon.add(acronym, org)
    elif not org.known:
        return match
    return replace(match, end=close + 1, org=org)


@functools.cache
def _shape_firsts() -> frozenset[str]:
    shaped = (word for phrases in _shapes().values() for word in phrases.firsts)
    named = _named().first_words() | _foreign_local().first_words()
    return frozenset(shaped) | foreign_words() | named


def _named():
    """The module of bodies named in full (imported late: it builds on this one)."""
    from govkg.extract import named_bodies

    return named_bodies


def _foreign_local():
    """The module of foreign local governments (imported late: it builds on this one)."""
    from govkg.extract import foreign_local

    return foreign_local


def _shaped(toks: Sequence[Token], i: int, lexicon: Lexicon) -> list[OrgMatch]:
    if not toks[i].capitalised:
        return []
    shapes = _shapes()
    keys = _keys(toks)
    found = []
    for name, finder in (
        ("central_unit_name", _central_unit_name),
        ("english_name", _central_unit_name),
        ("unknown", _unknown_body),
        ("soe", _soe),
        ("state_university", _state_university),
        ("university_unit", _university_unit),
        ("university", _university),
        ("enterprise", _enterprise),
        ("office", _office),
        ("office_head", _office_head),
        ("central_unit", _central_unit),
        ("unit", _regional_unit),
    ):
        hit = shapes[name].match(keys, i) if keys[i] in shapes[name].firsts else None
        if hit:
            match = finder(toks, i, hit, lexicon)
            if match is not None:
                found.append(match)
    finders = [_central_office, _english_ministry]
    if keys[i] in _named().first_words() or _named().tail_ahead(toks, i):
        finders.append(_named().named_body)
    if keys[i] in _foreign_local().first_words() or _foreign_local().tail_ahead(toks, i):
        finders.append(_foreign_local().foreign_local_at)
    if _before_head(toks, i):
        finders.append(_english_university)
    if keys[i] in foreign_words():
        finders.append(_foreign_body)
    for finder in finders:
        match = finder(toks, i, lexicon)
        if match is not None:
            found.append(match)
    return found


_KEYS: dict[int, tuple[Sequence[Token], tuple[str, ...]]] = {}


def _keys(toks: Sequence[Token]) -> tuple[str, ...]:
    """The tokens' keys (kept for the last sentences seen, which are scanned many times)."""
    cached = _KEYS.get(id(toks))
    if cached is not None and cached[0] is toks:
        return cached[1]
    if len(_KEYS) > 64:
        _KEYS.clear()
    keys = tuple(t.key for t in toks)
    _KEYS[id(toks)] = (toks, keys)
    return keys


def _central_unit_name(toks, i, hit, lexicon) -> OrgMatch | None:
    """``Direktorat Jenderal Pajak``, ``DJP``: a unit named alone stands for its body."""
    length, key = hit
    if not toks[i].capitalised:
        return None
    return OrgMatch(i, i + length, gazetteer_index().org(key), via="central unit")


def _unknown_body(toks, i, hit, lexicon) -> OrgMatch | None:
    """``Badan Amil Zakat Nasional (Baznas)``: a body named in full with its acronym."""
    length, kind = hit
    if not toks[i].capitalised:
        return None
    end = _capitalised_run(toks, i + length, 8)
    close = bracket_close(toks, end)
    if close is None:
        return None
    acronym = " ".join(t.key for t in toks[end + 1 : close])
    index = gazetteer_index()
    known = _gazetteer(toks, i)
    if end == i + length or acronym in index.strong or (known and known.end >= end):
        return None
    if toks[end - 1].key in _words("regional_apparatus_ends"):
        return _apparatus(toks, i, close + 1)
    org = _new(lexicon, _span(toks, i, end), kind)
    return OrgMatch(i, end, org, via="shape")


def _apparatus(toks: Sequence[Token], i: int, after: int) -> OrgMatch | None:
    """``Badan Perencanaan Pembangunan Daerah (Bappeda) Kalsel``: a regional government's own
    agency signs for that government, named by the region after it; with no region the name is
    a generic noun (``Badan Usaha Milik Daerah (BUMD)``), no body of its own."""
    region = _gazetteer(toks, after) if after < len(toks) else None
    if region is None or not region.org.is_local or region.alternatives:
        return None
    return OrgMatch(i, region.end, region.org, via="unit")


_MINISTRY_HEADS = ("ministry", "ministry s")


def _ministry_ahead(toks: Sequence[Token], i: int) -> bool:
    """A capitalised word a few words before ``Ministry`` (``Health Ministry's``): maybe an
    English name of a ministry (:func:`_english_ministry`), whatever its first word."""
    return toks[i].capitalised and any(t.key in _MINISTRY_HEADS for t in toks[i + 1 : i + 5])


def _english_ministry(toks, i, lexicon) -> OrgMatch | None:
    """``Home Affairs Ministry`` → ``Ministry of Home Affairs``; also possessive (``the
    Finance Ministry’s director general``)."""
    heads = _MINISTRY_HEADS
    if not any(key in heads for key in _keys(toks)[i + 1 : i + 6]):
        return None
    end = _capitalised_run(toks, i, 4, joiners=("and", "&"))
    for stop in range(min(end, len(toks) - 1), i, -1):
        if toks[stop].key in heads:
            words = " ".join(t.key for t in toks[i:stop])
            keys = gazetteer_index().lookup(f"ministry of {words}")
            if len(keys) == 1:
                return OrgMatch(i, stop + 1, gazetteer_index().org(keys[0]), via="gazetteer")
    return None


def _english_university(toks, i, lexicon) -> OrgMatch | None:
    """``Paramadina University``, ``University of Melbourne``: declared as written, with the
    Indonesian form as an alias (``Universitas Paramadina``); a gazetteer university if either
    form names one."""
    heads = Rules.load().data["orgs"]["english_universities"]
    keys = _keys(toks)
    if keys[i] == "the":
        return None
    if keys[i] in heads and i + 2 < len(toks) and keys[i + 1] == "of":
        end = _capitalised_run(toks, i + 2, 5, joiners=())
        words, head = _span(toks, i + 2, end), heads[keys[i]]
    else:
        at = next((k for k in range(i + 1, min(len(toks), i + 5)) if keys[k] in heads), None)
        if at is None or _capitalised_run(toks, i, at - i, joiners=()) != at:
            return None
        end, words, head = at + 1, _span(toks, i, at), heads[keys[at]]
    if not {token_key(w) for w in words.split()} - _university_words():
        return None  # "Indonesian University", "State Islamic Institute": no name
    name, local = _span(toks, i, end), f"{head} {words}"
    keys_found = gazetteer_index().lookup(local)
    if len(keys_found) == 1:
        return OrgMatch(i, end, lexicon.add(name, gazetteer_index().org(keys_found[0])))
    org = _new(lexicon, name, "Organization", same=f"university:{token_key(local)}")
    if not org.known and local not in org.aliases:
        org = lexicon.update(replace(org, aliases=(*org.aliases, local)))
    return OrgMatch(i, end, org, via="university")


def _foreign_body(toks, i, lexicon) -> OrgMatch | None:
    """A foreign government, ministry or international organization (:mod:`.foreign`)."""
    found = foreign_at(toks, _keys(toks), i)
    if found is None:
        return None
    return OrgMatch(i, found.end, foreign_org(found, lexicon), via="foreign")


def foreign_org(found: Foreign, lexicon: Lexicon) -> Org:
    """The body of a foreign government, ministry or organization (declared: the gazetteer
    lists Indonesian bodies only)."""
    return _new(
        lexicon,
        found.name,
        found.kind,
        same=f"foreign:{found.name}",
        acronym=found.acronym,
        aliases=found.aliases,
        country=found.country,
    )


def _new(
    lexicon: Lexicon,
    name: str,
    kind: str,
    parent: str | None = None,
    same: str | None = None,
    **more,
) -> Org:
    """A body found by its shape; ``same`` identifies it across spellings (a regional office
    is its parent and its place: ``Kanwil Kemenkumham Jatim`` = ``Kantor Wilayah … Jawa Timur``).

    A shaped name the gazetteer knows as a whole is that entry (``PT PLN (Persero)``, whose
    brackets end a gazetteer scan, or ``Universitas Islam Negeri (UIN) Mataram``):

    >>> _new(Lexicon(), "PT PLN (Persero)", "StateOwnedEnterprise").ident
    'pln'
    """
    keys = gazetteer_index().lookup(name.replace("(", " ").replace(")", " "))
    if len(keys) == 1:
        org = lexicon.add(name, gazetteer_index().org(keys[0]))
        if same is not None:
            lexicon.same.setdefault(same, org.ident)
        return org
    office = gazetteer_offices().get(same) if same is not None else None
    if office is not None and same not in lexicon.same:
        lexicon.same[same] = office
        return lexicon.add(name, gazetteer_index().org(office))
    if same is not None and same in lexicon.same:
        org = lexicon.orgs[lexicon.same[same]]
        if name != org.name and name not in org.aliases:
            org = lexicon.update(replace(org, aliases=(*org.aliases, name)))
        return lexicon.add(name, org)
    org = lexicon.add(name, Org(f"new:{slugify(name)}", name, kind, parent=parent, **more))
    if same is not None:
        lexicon.same[same] = org.ident
    return org


_OFFICES: dict[str, str] = {}


def gazetteer_offices() -> dict[str, str]:
    """The gazetteer's regional offices by the key their shape gives them (parent, head and
    place), so that ``Kejaksaan Tinggi Sumbar`` is the entry named ``Kejaksaan Tinggi Sumatera
    Barat`` (acronyms: ``Kejati Sumbar``).

    >>> gazetteer_offices()["kejagung:kejaksaan tinggi:provinsi-13"]
    'kejati-sumbar'
    """
    if _OFFICES:
        return _OFFICES
    _OFFICES["building"] = ""  # _new must not consult the index while it is being built
    found: dict[str, set[str]] = {}
    for entry in gazetteer_index().gazetteer.entries():
        if entry.kind != "RegionalOffice":
            continue
        for form in (entry.name, *entry.acronyms, *entry.aliases):
            lexicon = Lexicon()
            org_at(tokens(form), 0, lexicon)
            for same, ident in lexicon.same.items():
                if ident == entry.key:
                    found.setdefault(same, set()).add(ident)
        if entry.parent and entry.province and "." not in (entry.region_code or "."):
            found.setdefault(_office_same(entry.parent, entry.province), set()).add(entry.key)
    _OFFICES.update({same: keys.pop() for same, keys in found.items() if len(keys) == 1})
    del _OFFICES["building"]
    return _OFFICES


@functools.cache
def _office_parents() -> frozenset[str]:
    """Central bodies the gazetteer lists regional offices of. The corpus names a regional office
    of any other body by that body (``BPK Perwakilan Kalteng`` signs as BPK).

    >>> "kejagung" in _office_parents(), "bpk" in _office_parents()
    (True, False)
    """
    entries = gazetteer_index().gazetteer.entries()
    return frozenset(e.parent for e in entries if e.kind == "RegionalOffice" and e.parent)


def _run(toks: Sequence[Token], i: int, end: int):
    return ((k, toks[k]) for k in range(i, end) if toks[k].is_word)


def _span(toks: Sequence[Token], i: int, end: int) -> str:
    return (
        " ".join(t.text for t in toks[i:end])
        .replace(" ,", ",")
        .replace("( ", "(")
        .replace(" )", ")")
    )


def closed_by(toks: Sequence[Token], i: int, tails: frozenset[str] | set[str], limit: int) -> bool:
    """One of ``tails`` closes the run of capitalised words from ``i`` (at most ``limit``).

    >>> from govkg.extract.text import tokens
    >>> closed_by(tokens("with Harbin City"), 1, {"city"}, 3)
    True
    """
    if not toks[i].capitalised:
        return False
    end = _capitalised_run(toks, i, limit, joiners=())
    return any(toks[k].key in tails for k in range(i + 1, end))


def _capitalised_run(toks: Sequence[Token], j: int, limit: int, *, joiners=("dan", "&")) -> int:
    """The end of a run of capitalised words from ``j`` (with ``dan``/``&`` inside), at most
    ``limit`` tokens; a title (``Dr.``, also written onto the name: ``Prof.Dr.Ani``), a
    capitalised word after a comma or a joiner not in ``joiners`` written in capitals
    (``UNIVERSITAS X DAN PEMPROV Y``) ends it."""
    titles = Rules.load().prefix_titles
    end = j
    while end < len(toks) and end - j < limit:
        tok = toks[end]
        if tok.text in titles or (tok.key in _words("capital_joiners") and tok.key not in joiners):
            break  # a title; "DAN" in a headline in capitals
        if end > j and tok.is_word and split_glued(tok.text)[0]:
            break  # "Rektor UIN X Prof.Dr.Ani": the person starts
        if (tok.is_word and tok.capitalised) or (
            tok.key in joiners and end + 1 < len(toks) and toks[end + 1].capitalised
        ):
            end += 1
        else:
            break
    return end


def _soe(toks, i, hit, lexicon) -> OrgMatch | None:
    length, full = hit
    if not toks[i].capitalised:
        return None
    org = _new(lexicon, full, "StateOwnedEnterprise")
    return OrgMatch(i, i + length, org, via="soe")


def _state_university(toks, i, hit, lexicon) -> OrgMatch | None:
    length, _ = hit
    name = _span(toks, i, i + length)
    return OrgMatch(i, i + length, _new(lexicon, name, "StateUniversity"), via="university")


def _university(toks, i, hit, lexicon) -> OrgMatch | None:
    length, _ = hit
    if not toks[i].capitalised:
        return None
    end = known_prefix_end(toks, i, _capitalised_run(toks, i + length, 6, joiners=()), lexicon)
    owner = next((k for k in range(i + length, end) if toks[k].key.endswith(" s")), None)
    if owner is not None:  # "Universitas Terbuka's Regional Office": a unit of the university
        name = f"{_span(toks, i, owner)} {toks[owner].text[:-2]}".strip()
        return OrgMatch(
            i, end, _new(lexicon, name, _university_kind(toks, i, name)), via="university"
        )
    known = _lexicon(toks, i + length, lexicon) if i + length < end else None
    if known is not None and known.end == end:  # "Universitas Unimerz" after "… (Unimerz)"
        return OrgMatch(i, end, known.org, via="lexicon")
    alias = None
    if end + 3 < len(toks) and toks[end].text == "(" and toks[end + 2].text == ")":
        after = _capitalised_run(toks, end + 3, 3, joiners=())
        place = _trailing_place(toks, end + 2, after)
        distinctive = any(t.key not in _university_words() for t in toks[i + length : end])
        if after > end + 3 and place == end + 3 and distinctive:
            # "Universitas Hasanuddin (Unhas) Makassar": the city after the acronym
            org = _new_university(lexicon, _span(toks, i, end), toks, i)
            lexicon.add(toks[end + 1].text, org)
            return OrgMatch(i, after, org, via="university")
        if after > end + 3 and not distinctive:  # "Universitas Islam Negeri (UIN) Mataram";
            # not "Universitas Sebelas Maret (UNS) Jamal Wiwoho": a person follows
            alias = " ".join(t.text for t in (toks[end + 1], *toks[end + 3 : after]))
            name = _span(toks, i, end) + " " + _span(toks, end + 3, after)
            end = after
    if end == i + length and length == 1:
        return None
    if alias is None:
        end = _person_after_place(toks, i + length, end)
        name = _span(toks, i, end)
        place = _trailing_place(toks, i + length, end)
        if place < end:  # "Universitas Pattimura Ambon": the university is named without its city
            alias, name = name, _span(toks, i, place)
    org = _new_university(lexicon, name, toks, i)
    if alias:
        if alias not in org.aliases and alias != org.name:
            org = lexicon.update(replace(org, aliases=(*org.aliases, alias)))
        lexicon.add(alias, org)
    return OrgMatch(i, end, org, via="university")


def _new_university(lexicon: Lexicon, name: str, toks: Sequence[Token], i: int) -> Org:
    """A university, one body whether its head is written in full or as its acronym
    (``Institut Agama Islam Negeri Ketapang`` = ``IAIN Ketapang``)."""
    return _new(lexicon, name, _university_kind(toks, i, name), same=university_key(name))


def university_key(name: str) -> str:
    """The key a university's name gives it, its head spelt out.

    >>> university_key("IAIN Ketapang") == university_key("Institut Agama Islam Negeri Ketapang")
    True
    """
    words = [token_key(w) for w in name.split()]
    full = _words_map("university_acronyms").get(words[0]) if words else None
    return "university:" + " ".join([full, *words[1:]] if full else words)


@functools.cache
def _words_map(name: str) -> dict[str, str]:
    """A table of the ``orgs`` rules with its keys and values as token keys."""
    table = Rules.load().data["orgs"][name]
    return {token_key(k): " ".join(token_key(w) for w in v.split()) for k, v in table.items()}


def known_prefix_end(toks: Sequence[Token], i: int, end: int, lexicon: Lexicon) -> int:
    """Where a name this report already gave in full ends inside ``toks[i:end]`` (``Ketua
    Yayasan X Budi`` after ``Yayasan X`` was named: ``Budi`` is no part of the name), else
    ``end``.

    >>> lexicon = Lexicon()
    >>> _ = lexicon.add("Yayasan Pelita", Org("new:y", "Yayasan Pelita", "Organization"))
    >>> known_prefix_end(tokens("Yayasan Pelita Budi Santoso"), 0, 4, lexicon)
    2
    """
    key, found = "", end
    for k in range(i, end):
        if toks[k].is_word:
            key = f"{key} {toks[k].key}" if key else toks[k].key
            if key not in lexicon.prefixes:
                break
            if key in lexicon.names and k + 1 < end and _gazetteer(toks, k + 1) is None:
                found = k + 1  # (a place after the name may be part of it: its city)
    return found


def _person_after_place(toks: Sequence[Token], start: int, end: int) -> int:
    """A university's run of capitalised words that goes on two words or more past a place
    name ends at the place: a person follows (``Politeknik Negeri Bandung Rina Wati``).

    >>> from govkg.extract.text import tokens
    >>> toks = tokens("Rektor Universitas Negeri Manado Deitje Katuuk hadir")
    >>> _person_after_place(toks, 2, 6), _person_after_place(toks, 2, 4)
    (4, 4)
    """
    for k in range(start, end):
        region = _gazetteer(toks, k)
        if region is not None and region.org.is_local and end - region.end >= 2:
            return region.end
    return end


def declared(lexicon: Lexicon, name: str, kind: str = "Organization") -> Org:
    """A body the report names as written, to be declared (or the gazetteer's, when it knows
    the name as a whole).

    >>> declared(Lexicon(), "Unimed").ident
    'new:unimed'
    """
    return _new(lexicon, name, kind)


def _university_kind(toks: Sequence[Token], i: int, name: str) -> str:
    words = {token_key(w) for w in name.split()}
    state = bool(words & _words("state_university_words")) or toks[i].key in _words(
        "state_university_heads"
    )
    return "StateUniversity" if state else "Organization"


def _trailing_place(toks: Sequence[Token], start: int, end: int) -> int:
    """Where a place name closing a university's name begins (``end`` when there is none, or
    when the words before it are only generic ones: ``Universitas Negeri Makassar``)."""
    generic = _university_words()
    for k in range(start + 1, end):
        region = _gazetteer(toks, k)
        if region is not None and region.end == end and region.org.is_local:
            if any(t.key not in generic for t in toks[start:k]):
                return k
            return end
    return end


@functools.cache
def _unit_abbreviations() -> dict[str, str]:
    return {token_key(k): v for k, v in Rules.load().data["orgs"]["unit_abbreviations"].items()}


@functools.cache
def _university_words() -> frozenset[str]:
    return frozenset(token_key(w) for w in Rules.load().data["orgs"]["university_generic_words"])


def _university_unit(toks, i, hit, lexicon) -> OrgMatch | None:
    length, _ = hit
    if not toks[i].capitalised:
        return None
    for j in range(i + length, min(len(toks), i + length + 12)):
        inner = org_at(toks, j, lexicon, weak=False) if toks[j].capitalised else None
        university = inner is not None and inner.org.kind in {"StateUniversity", "Organization"}
        known = (
            inner is not None and inner.via == "gazetteer" and inner.org.kind == "StateUniversity"
        )
        if university and (inner.via in {"university", "lexicon"} or known):
            if " ".join(_keys(toks)[i : i + length]) in _words("faculty_heads"):
                return _faculty(toks, i, inner, lexicon)
            return OrgMatch(i, inner.end, inner.org, via="university unit")
        if not (toks[j].capitalised or toks[j].key in _words("university_unit_joiners")):
            break
        if toks[j].key in _shapes()["university_unit"].firsts:
            break  # "Fakultas Hukum, Fakultas Ekonomi …": another unit begins
    return _bare_faculty(toks, i, length, lexicon)


def _bare_faculty(toks, i: int, length: int, lexicon: Lexicon) -> OrgMatch | None:
    """``… MoA antara Fakultas Kedokteran dengan …`` after the report has named one university
    as a party: the faculty of that university (reports name a faculty bare once its
    university is known), a body of its own as ``Fakultas Kedokteran Universitas X`` is.

    >>> lexicon = Lexicon()
    >>> uni = org_at(tokens("Universitas Bumi Raya"), 0, lexicon)
    >>> lexicon.universities[uni.org.ident] = uni
    >>> found = org_at(tokens("antara Fakultas Teknik dengan Dinas X"), 1, lexicon)
    >>> found.org.name, found.org.parent, found.end
    ('Fakultas Teknik Universitas Bumi Raya', 'new:universitas-bumi-raya', 3)
    >>> found = org_at(tokens("antara Fakultas Teknik dengan Dinas X"), 1, Lexicon())
    >>> found is None
    True
    """
    if len(lexicon.universities) != 1:
        return None
    if " ".join(_keys(toks)[i : i + length]) not in _words("faculty_heads"):
        return None
    end = _capitalised_run(toks, i + length, 6, joiners=())
    while end < len(toks) - 1 and toks[end].key in _words("name_joiners"):
        after = _capitalised_run(toks, end + 1, 4, joiners=())
        if after == end + 1 or org_at(toks, end + 1, lexicon, weak=False) is not None:
            break  # "Fakultas Kedokteran dan Dinas X": the faculty ends before "dan"
        end = after  # "Fakultas Ekonomi dan Bisnis"
    if end == i + length or (end < len(toks) and toks[end].capitalised):
        return None
    if any(t.text.isupper() or org_at(toks, k, lexicon) for k, t in _run(toks, i + length, end)):
        return None  # "Fakultas Tarbiyah UINSU Medan": a university or a place named after all
    university = next(iter(lexicon.universities.values()))
    full = university.org.entry.name if university.org.entry is not None else university.org.name
    name = f"{_span(toks, i, end)} {full}"
    unit = " ".join(t.key for t in toks[i:end] if t.is_word)
    same = f"faculty:{unit}:{university.org.ident}"
    org = _new(lexicon, name, university.org.kind, parent=university.org.ident, same=same)
    return OrgMatch(i, end, org, via="university unit")


def _faculty(toks, i: int, university: OrgMatch, lexicon: Lexicon) -> OrgMatch:
    """``Fakultas Hukum Universitas X``: the faculty, a body of its own under its university
    (it signs for the university when the university is a party).

    >>> from govkg.extract.text import tokens
    >>> found = org_at(tokens("Fakultas Hukum Universitas Bumi Raya dan"), 0, Lexicon())
    >>> found.org.name, found.org.parent, found.end
    ('Fakultas Hukum Universitas Bumi Raya', 'new:universitas-bumi-raya', 5)
    """
    end = university.end
    if end - 3 > i and toks[end - 1].text == ")" and toks[end - 3].text == "(":
        end -= 3  # "… Sam Ratulangi University (UNSRAT)": the acronym is the university's
    name = _span(toks, i, end)
    if "(" in name:  # "Faculty of … (FTIK), State Islamic Institute (IAIN) of Manado"
        unit_words = _span(toks, i, university.start).split("(")[0].strip(" ,")
        comma = toks[university.start - 1].text == ","
        name = f"{unit_words}{',' if comma else ''} {university.org.name}"
    unit = " ".join(t.key for t in toks[i : university.start] if t.is_word)
    same = f"faculty:{unit}:{university.org.ident}"
    org = _new(lexicon, name, university.org.kind, parent=university.org.ident, same=same)
    return OrgMatch(i, university.end, org, via="university unit")


def _enterprise(toks, i, hit, lexicon) -> OrgMatch | None:
    length, _ = hit
    if not toks[i].capitalised:
        return None
    regional = " ".join(_keys(toks)[i : i + length]) in _words("regional_enterprise_heads")
    end = i + length
    while end < len(toks) and end - i < 10:
        tok = toks[end]
        if tok.text == "(" and end + 2 < len(toks) and toks[end + 2].text == ")":
            if regional and end > i + length:
                found = _regional_enterprise(toks, i, end, lexicon)
                if found is not None:
                    return found
            if toks[end + 1].key in _words("enterprise_brackets"):
                end += 3  # "(Persero)" ends the name, but for "Tbk": a person may follow
                tbk = end < len(toks) and toks[end].key == "tbk"
                end += 1 if tbk else 0
            break
        if tok.is_word and tok.capitalised and tok.text not in Rules.load().prefix_titles:
            end += 1
            if tok.key == "tbk":
                break
            continue
        break
    if end == i + length:
        return None
    branch = _branch_of(toks, i + length, end)
    if branch is not None:
        return OrgMatch(i, end, branch, via="enterprise")
    name = _span(toks, i, end)
    marks = _shapes()["state_mark"]
    state = any(marks.match([t.key for t in toks[i:end]], k) for k in range(end - i))
    kind = "StateOwnedEnterprise" if state else "Organization"
    if regional:
        return _regional_enterprise_named(toks, i, i + length, end, lexicon)
    org = _new(lexicon, name, kind)
    core = [
        t.text
        for t in toks[i + length : end]
        if t.key not in _words("enterprise_marks") and t.text not in "()"
    ]
    if core and toks[i].key in _words("enterprise_short_heads"):
        lexicon.add(" ".join(core), org)
    return OrgMatch(i, end, org, via="enterprise")


def _regional_enterprise(toks, i: int, bracket: int, lexicon: Lexicon) -> OrgMatch | None:
    """``Perusahaan Umum Daerah Air Minum (Perumdam) Tirta Jaya Kabupaten Bumi``: a regional
    enterprise's name goes on past its acronym up to its region; the acronym with the rest is
    a short name of it.

    >>> from govkg.extract.text import tokens
    >>> toks = tokens("Perusahaan Umum Daerah Air Minum (Perumdam) Tirta Jaya Kabupaten Serang")
    >>> found = org_at(toks, 0, Lexicon())
    >>> found.org.name, found.end
    ('Perusahaan Umum Daerah Air Minum Tirta Jaya Kabupaten Serang', 12)
    >>> found.org.kind, found.org.parent, found.org.aliases
    ('RegionalOwnedEnterprise', 'kabupaten-36-04', ('Perumdam Tirta Jaya Kabupaten Serang',))
    """
    after = bracket + 3
    end = _capitalised_run(toks, after, 6, joiners=())
    region = next((r for r in map(lambda k: _gazetteer(toks, k), range(after + 1, end)) if r), None)
    if region is None or not region.org.is_local or region.alternatives:
        return None
    rest = _span(toks, after, region.end)
    name = f"{_span(toks, i, bracket)} {rest}"
    org = _new(
        lexicon,
        name,
        "RegionalOwnedEnterprise",
        region.org.ident,
        same=_regional_enterprise_key(toks, after, region),
    )
    short = f"{toks[bracket + 1].text} {rest}"
    if short not in org.aliases and short != org.name:
        org = lexicon.update(replace(org, aliases=(*org.aliases, short)))
    lexicon.add(short, org)
    return OrgMatch(i, region.end, org, via="enterprise")


def _regional_enterprise_named(toks, i: int, start: int, end: int, lexicon) -> OrgMatch:
    """A regional enterprise named without an acronym in brackets (``Perumdam Tirta Jaya
    Serang``): its region, when its name ends with one, is its parent and keys it."""
    region = next((r for r in map(lambda k: _gazetteer(toks, k), range(start, end)) if r), None)
    local = region is not None and region.org.is_local and not region.alternatives
    if local and region.end < end:
        end = region.end
    parent = region.org.ident if local else None
    same = _regional_enterprise_key(toks, start, region) if local else None
    org = _new(lexicon, _span(toks, i, end), "RegionalOwnedEnterprise", parent, same=same)
    return OrgMatch(i, end, org, via="enterprise")


def _regional_enterprise_key(toks, start: int, region: OrgMatch) -> str:
    """One key for a regional enterprise however its head is written: its own name's words
    and its region (``Tirta Jaya`` of ``kabupaten-36-04``)."""
    generic = _words("regional_enterprise_generic")
    words = [t.key for t in toks[start : region.start] if t.is_word and t.key not in generic]
    return f"regional-enterprise:{' '.join(words)}:{region.org.ident}"


def _branch_of(toks: Sequence[Token], start: int, end: int) -> Org | None:
    """``Bank NTT Bajawa``: a gazetteer enterprise followed by a town is its branch there, which
    signs for it (``None`` when the whole name, or no shorter one, is known)."""
    index = gazetteer_index()
    if index.lookup(_span(toks, start - 1, end)):
        return None
    for stop in range(end - 1, start, -1):
        keys = index.lookup(_span(toks, start - 1, stop))
        if len(keys) == 1:
            org = index.org(keys[0])
            kinds = _words("enterprise_kinds")
            return org if token_key(org.kind) in kinds and end - stop <= 3 else None
    return None


def _place_after(toks, j, lexicon, *, limit: int = 3) -> tuple[int, str]:
    """The end of a place name after a regional office's head (a region name, or up to
    ``limit`` capitalised words) and the place as a comparison key."""
    if j >= len(toks):
        return j, ""
    if toks[j].key in _words("place_prepositions") and j + 1 < len(toks):
        j += 1
    region = _gazetteer(toks, j)
    if region is not None and region.org.is_local:
        region = _area_after(toks, region, lexicon)
        end, place = region.end, region.org.ident
    else:
        end = _capitalised_run(toks, j, limit, joiners=())
        if _headline_words(toks, j, end + 1):
            return j, ""  # "Kejari Teken MoU", "Kejati Resmi Tandatangani …": a title, no place
        place = " ".join(t.key for t in toks[j:end])
    if end < len(toks) and toks[end].text in _words("office_numbers"):  # "Kanwil DJP Jawa Tengah I"
        place = f"{place} {toks[end].key}"
        end += 1
    return end, place


def _area_after(toks, region: OrgMatch, lexicon: Lexicon) -> OrgMatch:
    """Which government an ambiguous place after an office's head is: the one an area word
    after it names (``Polres Magelang Kota``, rules ``orgs.place_area_after``), else the one
    where the report already placed an office (``Kapolres Magelang`` after ``Polres Magelang
    Kota``).

    >>> from govkg.extract.text import tokens
    >>> toks = tokens("Polres Magelang Kota")
    >>> _area_after(toks, _gazetteer(toks, 1), Lexicon()).org.ident
    'kota-33-71'
    """
    if not region.alternatives:
        return region
    kind = (
        Rules.load()
        .data["orgs"]["place_area_after"]
        .get(toks[region.end].key if region.end < len(toks) else "")
    )
    for org in region.alternatives:
        if kind is not None and org.kind == kind:
            return replace(region, end=region.end + 1, org=org, alternatives=())
    offices = lexicon.same
    placed = [o for o in region.alternatives if any(s.endswith(f":{o.ident}") for s in offices)]
    return replace(region, org=placed[0], alternatives=()) if len(placed) == 1 else region


def _regions_after(toks, j: int) -> tuple[int, str, str | None]:
    """The region or list of regions a branch of a central body covers (``Cabang Bukittinggi``,
    ``wilayah Sumatera Barat, Riau, dan Kepulauan Riau``): its end, its comparison key (the
    regions' keys, sorted) and the region code of a single region; ``(j, "", None)`` if none.

    >>> from govkg.extract.text import tokens
    >>> _regions_after(tokens("wilayah Sumbar, Riau, dan Kepri, Eko"), 1)
    (7, 'provinsi-13 provinsi-14 provinsi-21', None)
    """
    found: list[OrgMatch] = []
    k = end = j
    while k < len(toks):
        region = _gazetteer(toks, k)
        if region is None or not region.org.is_local or region.alternatives:
            break
        found.append(region)
        end = k = region.end
        while k < len(toks) and toks[k].key in {",", *_words("name_joiners")}:
            k += 1
        if k == end:
            break
    if not found:
        return j, "", None
    codes = [m.org.entry.region_code for m in found if m.org.entry is not None]
    place = " ".join(sorted(m.org.ident for m in found))
    return end, place, codes[0] if len(found) == 1 and codes else None


def area_in_longer_name(toks: Sequence[Token], match: OrgMatch) -> bool:
    """A bare area name that opens a longer proper name (``The Jakarta Post``, ``Papua New
    Guinea``): followed by a capitalised word that is no joiner, signing word or kind.

    >>> from govkg.extract.text import tokens
    >>> toks = tokens("he told The Jakarta Post")
    >>> area_in_longer_name(toks, OrgMatch(3, 4, Org("x", "Jakarta", "CityGovernment"), True))
    True
    """
    end = match.end
    if match.weak and _closes_longer_name(toks, match.start):
        return True
    if not match.weak or end >= len(toks) or not toks[end].is_word:
        return False
    nxt = toks[end]
    if not nxt.text[:1].isupper() or nxt.key in _words("capital_joiners"):
        return False
    return not _headline_words(toks, end, end + 1)


def _closes_longer_name(toks: Sequence[Token], start: int) -> bool:
    """A bare area name that closes a longer proper name (``Unit Induk Distribusi Kalimantan
    Barat``): after a capitalised word inside the sentence that is no post, joiner, article or
    signing word.

    >>> from govkg.extract.text import tokens
    >>> _closes_longer_name(tokens("hadir Unit Distribusi Kalimantan Barat"), 3)
    True
    >>> _closes_longer_name(tokens("MoU Dengan Kalimantan Barat"), 2)
    False
    """
    from govkg.extract.people import is_post_word

    if start < 2 or not (toks[start - 1].is_word and toks[start - 1].text[:1].isupper()):
        return False
    key = toks[start - 1].key
    if key in _words("longer_name_breaks") or is_post_word(key):
        return False
    return not _headline_words(toks, start - 1, start)


def _headline_words(toks: Sequence[Token], j: int, end: int) -> bool:
    """A signing word or a kind of agreement among ``toks[j:end]`` (a title written in capitals
    runs a place name into the verb: ``Kejati Resmi Tandatangani``)."""
    rules = Rules.load()
    keys = _keys(toks)
    signing = rules.cue("signing")
    return any(
        signing.match(keys, k) is not None or rules.kinds.match(keys, k) is not None
        for k in range(j, min(end, len(toks)))
    )


def _office(toks, i, hit, lexicon) -> OrgMatch | None:
    length, parent = hit
    if not toks[i].capitalised:
        return None
    j, acronym = i + length, None
    if j + 2 < len(toks) and toks[j].text == "(" and toks[j + 2].text == ")":
        j, acronym = j + 3, toks[j + 1].text  # "Kejaksaan Negeri (Kejari) Kendal"
    end, place = _place_after(toks, j, lexicon, limit=2)
    if end == j:
        return None
    head = " ".join(t.key for t in toks[i : i + length])
    name = _span(toks, i, i + length) + " " + _span(toks, j, end)
    key = _office_key(parent, head, place)
    org = _new(lexicon, name, "RegionalOffice", parent, key, region_code=_code(place))
    if acronym:  # "Kejaksaan Negeri (Kejari) Kendal": "Kejari Kendal" is another name of it
        short = f"{acronym} {_span(toks, j, end)}"
        if short != org.name and short not in org.aliases:
            org = lexicon.update(replace(org, aliases=(*org.aliases, short)))
        lexicon.add(short, org)
    return OrgMatch(i, end, org, via="office")


def _regional_office(
    lexicon: Lexicon, name: str, parent: str, place: str, code: str | None = None
) -> Org:
    """The regional office of ``parent`` at ``place``, one body however its name is written
    (its ``same`` key is the parent and the place)."""
    return _new(
        lexicon, name, "RegionalOffice", parent, _office_same(parent, place), region_code=code
    )


def _office_same(parent: str, place: str) -> str:
    return f"{parent}:office:{place}"


def _office_key(parent: str, head: str, place: str) -> str:
    """One key for one office however it is written (``Kejari X`` = ``Kejaksaan Negeri X``)."""
    canonical = Rules.load().data["orgs"]["office_aliases"].get(head, head)
    return f"{parent}:{canonical}:{place}"


def office_of_post(toks, h: int, office: str, lexicon: Lexicon) -> OrgMatch | None:
    """The office a post names with its place: ``Kajari Wajo`` → Kejaksaan Negeri Wajo.

    >>> from govkg.extract.text import tokens
    >>> match = office_of_post(tokens("Kajari Wajo Budi"), 1, "kejaksaan negeri", Lexicon())
    >>> match.org.name, match.org.parent, match.end
    ('Kejaksaan Negeri Wajo', 'kejagung', 2)
    """
    parent = _shapes()["office"].match(phrase_keys(office), 0)
    if parent is None:
        return None
    end, place = _place_after(toks, h, lexicon, limit=2)
    if end == h:
        return None
    name = f"{office.title()} {_span(toks, h, end)}"
    key = _office_key(parent[1], office, place)
    org = _new(lexicon, name, "RegionalOffice", parent[1], key, region_code=_code(place))
    return OrgMatch(h, end, org, via="office")


def office_after_post(toks, h: int, head: str, lexicon: Lexicon) -> OrgMatch | None:
    """The office a branch post heads, written as its body and place after the post:
    ``Kakanwil Kemenkumham Jawa Tengah`` → Kanwil Kemenkumham Jawa Tengah.

    >>> from govkg.extract.text import tokens
    >>> match = office_after_post(tokens("Kakanwil Kemenkumham Jawa Tengah Budi"), 1, "kanwil",
    ...                           Lexicon())
    >>> match.org.name, match.org.parent, match.end
    ('Kanwil Kemenkumham Jawa Tengah', 'kemenkumham', 4)
    """
    central = _gazetteer(toks, h)
    if central is None or central.org.is_local or central.weak:
        return None
    if token_key(central.org.kind) in _words("enterprise_kinds"):
        return None
    end, place, code = _regions_after(toks, central.end)
    if end == central.end:
        return None
    words = " ".join(w.upper() if len(w) <= 3 else w.title() for w in head.split())
    name = f"{words} {_span(toks, h, end)}"
    return OrgMatch(
        h, end, _regional_office(lexicon, name, central.org.ident, place, code), via="office"
    )


def _office_head(toks, i, hit, lexicon) -> OrgMatch | None:
    length, _ = hit
    if not toks[i].capitalised:
        return None
    central = _gazetteer(toks, i + length)
    unit = _shapes()["central_unit_name"].match(_keys(toks), i + length)
    if unit is not None and (central is None or unit[0] + i + length > central.end):
        org = gazetteer_index().org(unit[1])
        central = OrgMatch(i + length, i + length + unit[0], org, via="central unit")
    if central is None or central.org.is_local:
        own = " ".join(_keys(toks)[i : i + length]) in _words("own_office_heads")
        return _office_before_body(toks, i, i + length, lexicon) if own else None
    if central.weak:
        return None
    after = central.end
    if after + 2 < len(toks) and toks[after].text == "(":
        close = next(
            (k for k in range(after, min(len(toks), after + 6)) if toks[k].text == ")"), None
        )
        after = close + 1 if close is not None else after
    own = " ".join(_keys(toks)[i : i + length]) in _words("own_office_heads")
    end, place, code = _regions_after(toks, after) if own else (after, "", None)
    if end == after or place.count(" ") == 0:  # one region: as written, maybe not a region
        end, place = _place_after(toks, after, lexicon)
        code = _code(place)
    name = _span(toks, i, central.end) + (" " + _span(toks, after, end) if end > after else "")
    same = _office_same(central.org.ident, place)
    own = own and end > after
    if same not in gazetteer_offices() and central.org.ident not in _office_parents() and not own:
        return OrgMatch(i, end, central.org, via="gazetteer")
    return OrgMatch(
        i, end, _regional_office(lexicon, name, central.org.ident, place, code), via="office"
    )


def _office_before_body(toks, i: int, j: int, lexicon) -> OrgMatch | None:
    """``Kantor Wilayah Sulawesi Maluku BPJS Ketenagakerjaan``: an office's head, the regions it
    covers (up to three capitalised words), then its central body.

    >>> from govkg.extract.text import tokens
    >>> toks = tokens("Kepala Kantor Wilayah Sulawesi Maluku BPJS Ketenagakerjaan, Mintje")
    >>> match = org_at(toks, 1, Lexicon())
    >>> match.org.name, match.org.parent, match.end
    ('Kantor Wilayah Sulawesi Maluku BPJS Ketenagakerjaan', 'bpjs-ketenagakerjaan', 7)
    """
    end = _capitalised_run(toks, j, 3, joiners=())
    for stop in range(end, j, -1):
        body = _gazetteer(toks, stop) if stop < len(toks) else None
        if body is None or body.org.is_local or body.weak:
            continue
        if token_key(body.org.kind) in _words("enterprise_kinds") or _headline_words(toks, j, stop):
            return None
        place = " ".join(t.key for t in toks[j:stop])
        org = _regional_office(lexicon, _span(toks, i, body.end), body.org.ident, place)
        return OrgMatch(i, body.end, org, via="office")
    return None


def _code(place: str) -> str | None:
    """The region code of an office's place when it is one region of the gazetteer."""
    index = gazetteer_index()
    if place not in index.gazetteer:
        return None
    entry = index.gazetteer.entry(place)
    return entry.region_code if entry.is_local else None


def _central_office(toks, i, lexicon) -> OrgMatch | None:
    """``BPS Provinsi Jawa Barat``: a central body followed by a region is its regional office."""
    central = _gazetteer(toks, i)
    if central is None or central.org.is_local or central.weak or central.end >= len(toks):
        return None
    after, acronym = central.end, None
    if after + 3 < len(toks) and toks[after].text == "(" and toks[after + 2].text == ")":
        after, acronym = after + 3, toks[after + 1].text  # "Badan Pusat Statistik (BPS) Provinsi …"
    office = _shapes()["office_word"].match(_keys(toks), after)
    if office is not None:
        branch = _branch(toks, i, central, after, after + office[0], lexicon)
        if branch is not None:
            return branch
        after += office[0]  # "BPKP Perwakilan Sulawesi Tenggara", "… Kantor Cabang Kudus"
    region = _gazetteer(toks, after)
    if region is None or not region.org.is_local:
        return None
    if central.org.kind == "StateUniversity":  # "ULM Banjarmasin": the university and its city
        return OrgMatch(i, region.end, central.org, via="gazetteer")
    if region.alternatives:
        return None
    place = _span(toks, after, region.end)
    name = _span(toks, i, central.end) + " " + place
    same = _office_same(central.org.ident, region.org.ident)
    if same not in gazetteer_offices() and central.org.ident not in _office_parents():
        return OrgMatch(i, region.end, central.org, via="gazetteer")
    code = region.org.entry.region_code if region.org.entry is not None else None
    org = _regional_office(lexicon, name, central.org.ident, region.org.ident, code)
    if acronym:
        short = f"{acronym} {place}"
        org = lexicon.update(replace(org, aliases=tuple(dict.fromkeys((*org.aliases, short)))))
        lexicon.add(short, org)
    return OrgMatch(i, region.end, org, via="office")


def _branch(toks, i: int, central: OrgMatch, at: int, after: int, lexicon) -> OrgMatch | None:
    """``BPJS Ketenagakerjaan Cabang Bukittinggi``, ``… KCP Halmahera Selatan``, ``… wilayah
    Sumbar, Riau, dan Kepri``: a central body's branch or regional office (an office word of
    ``orgs.own_office_heads`` and the regions it covers) is a body of its own, the gazetteer's
    entry or declared under the central body; an enterprise's branch is the enterprise.

    >>> from govkg.extract.text import tokens
    >>> match = org_at(tokens("BPJS Ketenagakerjaan Cabang Bukittinggi"), 0, Lexicon())
    >>> match.org.name, match.org.parent, match.org.region_code, match.end
    ('BPJS Ketenagakerjaan Cabang Bukittinggi', 'bpjs-ketenagakerjaan', '13.75', 4)
    """
    words = " ".join(_keys(toks)[at:after])
    if words not in _words("own_office_heads") or token_key(central.org.kind) in _words(
        "enterprise_kinds"
    ):
        return None
    end, place, code = _regions_after(toks, after)
    if end == after:
        return None
    name = _span(toks, i, end)
    return OrgMatch(
        i, end, _regional_office(lexicon, name, central.org.ident, place, code), via="office"
    )


def _central_unit(toks, i, hit, lexicon) -> OrgMatch | None:
    length, _ = hit
    if not toks[i].capitalised:
        return None
    j = i + length
    while j < len(toks) and j - i < 12:
        tok = toks[j]
        if tok.capitalised:
            body = _gazetteer(toks, j)
            if body is not None and not body.org.is_local and not body.weak:
                match = OrgMatch(i, body.end, body.org, via="central unit")
                return _after_unit_acronym(toks, match, lexicon, i, length)
        if tok.text == "(":
            close = next((k for k in range(j, min(len(toks), j + 6)) if toks[k].text == ")"), None)
            if close is None:
                return None
            j = close + 1
            body = _gazetteer(toks, j) if j < len(toks) else None
            if body is None or body.org.is_local or body.weak:
                return None  # "Badan Amil Zakat Nasional (Baznas) Noor Achmad": no body follows
            continue
        if not (tok.capitalised or tok.key in _words("name_joiners")):
            return None
        if tok.key in _words("name_joiners") and _named_in_full(toks, i, j):
            return None  # ``Badan Pusat Statistik dan Kementerian X``: two bodies
        j += 1
    return None


def _named_in_full(toks, i: int, j: int) -> bool:
    """The words ``[i, j)`` are the whole name of a body the gazetteer knows.

    >>> toks = tokens("Badan Pusat Statistik serta Kementerian Pertanian")
    >>> _named_in_full(toks, 0, 3), _named_in_full(toks, 0, 2)
    (True, False)
    """
    known = _gazetteer(toks, i)
    return known is not None and known.end == j and not known.weak


def _after_unit_acronym(toks, match: OrgMatch, lexicon: Lexicon, i: int, length: int) -> OrgMatch:
    """Learn ``Ditjen Dukcapil`` (in brackets inside the unit's name) as a name of the body."""
    for k in range(i + length, match.start):
        if toks[k].text == "(":
            close = next((m for m in range(k, match.start) if toks[m].text == ")"), None)
            if close is not None and close > k + 1:
                lexicon.add(" ".join(t.text for t in toks[k + 1 : close]), match.org)
    return match


def _regional_unit(toks, i, hit, lexicon) -> OrgMatch | None:
    length, _ = hit
    if not toks[i].capitalised:
        return None
    j, bracket = i + length, None
    while j < len(toks) and j - i < 12:
        tok = toks[j]
        region = _gazetteer(toks, j) if tok.capitalised else None
        if region is not None and not region.org.is_local and not region.weak:
            return None
        if region is not None and region.org.is_local and tok.key in _words("area_words"):
            return _unit(toks, i, bracket, region, lexicon)
        if region is not None and _bare_region_ends(toks, region, j - i, lexicon):
            return _unit(toks, i, bracket, region, lexicon)  # "Dinas Pangan Aceh"
        if tok.key in _words("name_joiners") and _another_name(toks, j + 1):
            return None  # "Dinas X dan Kepala Dinas Y …": two names, neither with its region
        if tok.text == "(" and bracket is None and j + 2 < len(toks) and toks[j + 2].text == ")":
            bracket, j = j, j + 3  # "Dinas Pekerjaan Umum … (PUPR) Kabupaten X"
            continue
        if tok.text == "," and bracket is None and _unit_word_after_comma(toks, j + 1):
            j += 1  # "Dinas Komunikasi, Informatika, Statistik dan Persandian Kabupaten X"
            continue
        if bracket is not None or not (tok.capitalised or tok.key in _words("name_joiners")):
            return None  # only the region follows the acronym in brackets
        j += 1
    return None


def _bare_region_ends(toks: Sequence[Token], region: OrgMatch, words: int, lexicon) -> bool:
    """A region named without its area word (``Aceh``, ``Jawa Barat``) ends a unit's name of
    at least two words: one region only, and no capitalised word after it (unless the report
    named the unit so before: ``Kepala Dinas Pangan Aceh Cut Huzaimah``).

    >>> from govkg.extract.text import tokens
    >>> toks = tokens("Dinas Pangan Aceh dan Dinas Pertanian")
    >>> _bare_region_ends(toks, _gazetteer(toks, 2), 2, Lexicon())
    True

    A head that alone names one unit per region needs no second word (``DPRD Riau``):

    >>> toks = tokens("dengan DPRD Riau, Kamis")
    >>> _bare_region_ends(toks, _gazetteer(toks, 2), 1, Lexicon())
    True
    """
    end, start = region.end, region.start - words
    alone = words == 1 and toks[start].key in _words("region_named_units")
    if (words < 2 and not alone) or not region.org.is_local or region.alternatives:
        return False
    if end >= len(toks) or not (toks[end].is_word and toks[end].capitalised):
        return True
    return " ".join(t.key for t in toks[start:end] if t.is_word) in lexicon.names


def _another_name(toks: Sequence[Token], k: int) -> bool:
    """A post or the head of a unit's name at ``k`` (after ``dan``): another name begins."""
    from govkg.extract.people import is_post_word

    if k >= len(toks) or not toks[k].capitalised:
        return False
    return toks[k].key in _shapes()["unit"].firsts or is_post_word(toks[k].key)


def _unit_word_after_comma(toks: Sequence[Token], k: int) -> bool:
    """A comma inside a unit's name: a capitalised word follows that starts no other unit, post
    or place (``Dinas Komunikasi, Informatika dan Persandian Kabupaten X``, not ``Dinas
    Kesehatan, Dinas Pendidikan Kabupaten X`` or ``Dinas Kesehatan, Kepala Bappeda …``)."""
    from govkg.extract.people import is_post_word

    if k >= len(toks) or not (toks[k].is_word and toks[k].capitalised):
        return False
    word = toks[k].key
    return not (word in _shapes()["unit"].firsts or is_post_word(word) or _gazetteer(toks, k))


def _unit(toks, i: int, bracket: int | None, region: OrgMatch, lexicon: Lexicon) -> OrgMatch:
    """A unit of a regional government, named without the acronym in brackets inside its name,
    which with the unit's head gives a short name (``Dinas PUPR Kabupaten X``)."""
    place = _span(toks, region.start, region.end)
    if bracket is None:  # one unit with or without the area word ("DPRD Provinsi Riau")
        words = " ".join(t.key for t in toks[i : region.start] if t.is_word)
        words = _unit_abbreviations().get(words, words)  # "Dinkes" = "Dinas Kesehatan"
        same = f"unit:{words}:{region.org.ident}"
        name = _span(toks, i, region.end)
        org = _new(lexicon, name, "GovernmentUnit", region.org.ident, same=same)
        full = _unit_full_name(toks, i, region)
        if words != " ".join(t.key for t in toks[i : region.start] if t.is_word):
            head = " ".join(w if w in _words("name_joiners") else w.title() for w in words.split())
            full = f"{head} {full.split(' ', 1)[1]}"  # "Dinkes Maluku Utara": "Dinas Kesehatan …"
        if full not in (org.name, *org.aliases):  # "Dinas Pangan Aceh": "… Provinsi Aceh"
            org = lexicon.update(replace(org, aliases=(*org.aliases, full)))
        return OrgMatch(i, region.end, org, via="unit")
    name = f"{_span(toks, i, bracket)} {_span(toks, bracket + 3, region.end)}"
    org = _new(lexicon, name, "GovernmentUnit", region.org.ident)
    short = f"{toks[i].text} {toks[bracket + 1].text} {place}"
    if short not in org.aliases and short != org.name:
        org = lexicon.update(replace(org, aliases=(*org.aliases, short)))
    lexicon.add(short, org)
    lexicon.units.setdefault(toks[bracket + 1].key, org)
    end = region.end
    if bracket_close(toks, end) is not None and _names_region(toks, end, region.org):
        end = bracket_close(toks, end) + 1  # "… Kabupaten Mandailing Natal (Madina)"
    return OrgMatch(i, end, org, via="unit")


def _unit_full_name(toks: Sequence[Token], i: int, region: OrgMatch) -> str:
    """A unit's name with its region's area word (``Dinas Pangan Aceh`` → ``Dinas Pangan
    Provinsi Aceh``), as the region's own name writes it.

    >>> toks = tokens("Dinas Pangan Aceh")
    >>> _unit_full_name(toks, 0, _gazetteer(toks, 2))
    'Dinas Pangan Provinsi Aceh'
    """
    area = region.org.name.split(" ", 1)[-1] if region.org.name.startswith("Pemerintah ") else ""
    return f"{_span(toks, i, region.start)} {area or _span(toks, region.start, region.end)}"


def _names_region(toks: Sequence[Token], at: int, region: Org) -> bool:
    """The bracket at ``at`` holds another name of ``region`` (``(Madina)``)."""
    close = bracket_close(toks, at)
    return close is not None and gazetteer_index().lookup(_span(toks, at + 1, close)) == [
        region.ident
    ]


def _unit_by_acronym(toks, i, lexicon) -> OrgMatch | None:
    """A unit named earlier with its acronym, named again by the acronym, with or without its
    head and its region (``Dinas PUPR``, ``PUPR Madina`` after ``Dinas Pekerjaan Umum dan
    Penataan Ruang (PUPR) Kabupaten Mandailing Natal``)."""
    j = i
    if toks[j].key in _shapes()["unit"].firsts and j + 1 < len(toks):
        j += 1
    org = lexicon.units.get(toks[j].key)
    if org is None or not toks[j].text[:1].isupper():
        return None
    if j == i and toks[j].key == token_key(org.name.split()[0]):
        return None
    region = _gazetteer(toks, j + 1) if j + 1 < len(toks) else None
    if region is not None and region.org.ident == org.parent:
        return OrgMatch(i, region.end, org, via="unit")
    if region is not None and region.org.is_local:
        return None  # the same unit of another region
    return OrgMatch(i, j + 1, org, via="unit") if j > i else None
