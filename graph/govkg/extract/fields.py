"""Fields of cooperation: scopes after ``di bidang``, ``meliputi``, ``ruang lingkup`` …, cut into
items and matched to the SKOS concepts of ``ontology/fields.ttl``.

A scope runs from its cue to the end of the clause (``agar``, ``sehingga``, ``untuk`` before a
verb … end it); separators (``,``, ``dan``, ``serta``, ``melalui`` …) cut it into items. In each
item the words before a qualifier (``bagi``, ``di``, ``untuk`` …) are searched for field labels,
longest first, left to right: ``pelatihan dan pengembangan kompetensi`` gives two fields, and
``pengembangan dan pemanfaatan ilmu pengetahuan dan teknologi`` one.

>>> from govkg.extract.text import read_article
>>> art = read_article("Kerja sama di bidang pelatihan dan pengembangan kompetensi bagi ASN.")
>>> ((start, end, _),) = cue_spans(art.sentences[0])
>>> [(f.text, f.concept) for f in scope_fields(art.sentences[0], start, end)[0]]
[('pelatihan', 'pelatihan'), ('pengembangan kompetensi', 'pengembangan-kompetensi')]
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from govkg.extract.rules import Phrases, Rules
from govkg.extract.text import Sentence, Token, tidy, written
from govkg.ids import key_of
from govkg.vocab import Vocabulary

MAX_SKIPPED = 3
"""Words skipped at the start of an item before giving up (``penyelenggaraan kegiatan …``)."""


@dataclass(frozen=True)
class FieldHit:
    """A field named in the text: the words as written, the concept key, where."""

    text: str
    concept: str
    start: int
    end: int
    resolves: bool


NOT_A_FIELD = ()
"""The value of a phrase of ``fields.not_fields``: words that look like a field but are not."""


@functools.cache
def _labels() -> Phrases:
    """Field labels → concept key; a bundle (``tri dharma perguruan tinggi``) → a tuple of
    keys; a phrase of ``not_fields`` → :data:`NOT_A_FIELD`. Bundles and not-fields win over
    the labels of ``fields.ttl`` of the same words.

    >>> _labels().match(("tri", "dharma", "perguruan", "tinggi"), 0)[1][1]
    'penelitian'
    """
    rules = Rules.load().data["fields"]
    labels: dict[str, str | tuple[str, ...]] = dict.fromkeys(rules["not_fields"], NOT_A_FIELD)
    for phrase, concepts in rules["bundles"].items():
        labels.setdefault(phrase, tuple(concepts))
    fields = Vocabulary.fields()
    for concept in fields.concepts():
        for label in fields._names(concept):  # every label of the concept
            labels.setdefault(label, key_of(concept))
    for label, concept in list(labels.items()):
        if label[-1:].isalpha() and label.isascii() and not label.endswith("s"):
            labels.setdefault(label + "s", concept)  # English plurals: "government systems"
    return Phrases(labels)


@functools.cache
def _resolves(text: str) -> bool:
    try:
        Vocabulary.fields().resolve(text)
    except Exception:
        return False
    return True


def preferred_label(concept: str) -> str:
    """The Indonesian preferred label of a field concept (written when the text's own words do
    not resolve at build time).

    >>> preferred_label("penguatan-kapasitas-pemerintah-daerah")
    'Penguatan Kapasitas Pemerintah Daerah'
    """
    fields = Vocabulary.fields()
    return fields.label(fields.resolve(concept))


def cue_spans(sentence: Sentence, skip: set[int] | None = None) -> list[tuple[int, int, float]]:
    """``(start, end, confidence)`` token spans of the scopes a sentence gives.

    ``skip`` holds tokens (background clauses, other people's quotes) no scope starts in.

    >>> from govkg.extract.text import read_article
    >>> cue_spans(read_article("Kerja sama meliputi pelatihan, untuk meningkatkan.").sentences[0])
    [(3, 5, 0.8)]
    """
    rules = Rules.load()
    keys = sentence.keys
    spans = []
    for at, length, _ in rules.field_cues.find(keys):
        if (skip and at in skip) or (at > 0 and sentence.tokens[at].capitalised):
            continue
        start = at + length
        if keys[at] == "on" and (start >= len(keys) or sentence.tokens[start].capitalised):
            continue
        end = _scope_end(sentence.tokens, keys, start)
        if end > start:
            spans.append((at, start, end, rules.confidence["fields_cue"]))
    return _merge(spans, keys)


def topic_span(sentence: Sentence, kind_end: int) -> tuple[int, int, float] | None:
    """The words right after a kind (``MoU pencegahan korupsi``) when they name its subject.

    >>> from govkg.extract.text import read_article
    >>> topic_span(read_article("MoU pencegahan korupsi di Jakarta").sentences[0], 1)
    (1, 3, 0.7)
    """
    toks, keys = sentence.tokens, sentence.keys
    if kind_end >= len(toks) or not toks[kind_end].is_word or toks[kind_end].capitalised:
        return None
    rules = Rules.load()
    if keys[kind_end] in _topic_words()["not_topic"] or rules.field_cues.match(keys, kind_end):
        return None
    if rules.field_stops.match(keys, kind_end) or keys[kind_end] in rules.numbers:
        return None
    end = _scope_end(toks, keys, kind_end)
    end = next((k for k in range(kind_end, end) if keys[k] in _topic_words()["topic_end"]), end)
    if end <= kind_end:
        return None
    return kind_end, end, rules.confidence["fields_topic"]


@functools.cache
def _topic_words() -> dict[str, frozenset[str]]:
    """The word lists of ``rules.yaml`` ``field_topics`` (see there)."""
    return {k: frozenset(map(str, v)) for k, v in Rules.load().data["field_topics"].items()}


def _scope_end(toks: Sequence[Token], keys: Sequence[str], start: int) -> int:
    """A scope ends at a purpose clause (``untuk meningkatkan``), a full stop, a bracket, or
    where a place or date follows (``di Balai Kota``, ``, Rabu (6/7)``)."""
    rules = Rules.load()
    words = _topic_words()
    k = start
    while k < len(toks):
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        if keys[k] in words["purpose"]:
            if nxt is not None and nxt.key.startswith(tuple(words["verb_prefixes"])):
                break
        elif rules.field_stops.match(keys, k) or toks[k].text in {".", "!", "?", '"', "“", "”"}:
            break
        if toks[k].text == "(" and nxt is not None and nxt.capitalised:
            break
        before_place = keys[k] in words["before_place"] and k > start and nxt is not None
        if before_place and nxt.capitalised and (not nxt.text.isupper() or keys[k] == ","):
            break
        if keys[k] in rules.weekdays or keys[k] in {"ditandatangani", "diteken", "signed"}:
            break
        k += 1
    return k


def _merge(
    spans: list[tuple[int, int, int, float]], keys: Sequence[str]
) -> list[tuple[int, int, float]]:
    """``(cue, start, end, confidence)`` spans → ``(start, end, confidence)``. A cue inside a
    scope (``di bidang X meliputi …``) does not start a second scope; but when only cue words
    come before it (``ruang lingkup kerja sama meliputi …``), the scope starts after it.

    >>> _merge([(0, 2, 9, 0.8), (4, 5, 9, 0.8)], ("ruang", "lingkup", "kerja", "sama", "meliputi"))
    [(5, 9, 0.8)]
    """
    merged: list[tuple[int, int, float]] = []
    for cue, start, end, confidence in sorted(spans):
        if merged and start <= merged[-1][1]:
            last = merged[-1]
            first = start if _no_field(keys, last[0], cue) else last[0]
            merged[-1] = (first, max(last[1], end), last[2])
        else:
            merged.append((start, end, confidence))
    return merged


def _no_field(keys: Sequence[str], start: int, end: int) -> bool:
    """No field label among ``keys[start:end]`` (the words between two cues)."""
    return not any(value for _, _, value in _labels().find(keys, start, end))


def scope_fields(sentence: Sentence, start: int, end: int | None) -> tuple[list[FieldHit], str]:
    """The fields named in tokens ``[start, end)`` of a sentence, and the scope as written.

    >>> from govkg.extract.text import read_article
    >>> sentence = read_article("riset dan magang mahasiswa.").sentences[0]
    >>> hits, scope = scope_fields(sentence, 0, None)
    >>> [h.concept for h in hits], scope
    (['penelitian', 'magang'], 'riset dan magang mahasiswa')
    """
    toks, keys = sentence.tokens, sentence.keys
    end = len(toks) if end is None else end
    while end > start and toks[end - 1].text in {".", ",", ";", ":"}:
        end -= 1
    hits: list[FieldHit] = []
    for item_start, item_end in _items(keys, start, end):
        hits.extend(_item_fields(toks, keys, item_start, item_end))
    if end <= start:
        return hits, ""
    scope = sentence.text[toks[start].start - sentence.start : toks[end - 1].end - sentence.start]
    return hits, tidy(scope)


def _items(keys: Sequence[str], start: int, end: int) -> list[tuple[int, int]]:
    """Item spans between separators; a field label may run across a separator, so an item
    starts at each separator and ends at the scope's end (the matcher stops early)."""
    separators = Rules.load().field_separators
    starts = [start]
    k = start
    while k < end:
        hit = separators.match(keys, k, end)
        if hit:
            k += hit[0]
            starts.append(k)
        else:
            k += 1
    return [(s, end) for s in dict.fromkeys(starts) if s < end]


def _item_fields(toks, keys, start: int, end: int) -> list[FieldHit]:
    rules = Rules.load()
    labels = _labels()
    separators = rules.field_separators
    stop = start
    while stop < end and not separators.match(keys, stop, end):
        if stop > start and rules.field_qualifiers.match(keys, stop):
            break
        stop += 1
    hits: list[FieldHit] = []
    k = start
    skipped = 0
    while k < stop:
        hit = labels.match(keys, k, end)
        if hit and hit[1] and (k + hit[0] <= stop or _whole_label_crosses(keys, k, hit[0], end)):
            hits.extend(_hits(toks[k : k + hit[0]], hit[1]))
            k += hit[0]
            continue
        if hit and hit[1] == NOT_A_FIELD:  # "kerja sama pembangunan daerah": no field
            break
        if hits:  # after a field, only a field right next to it counts ("riset energi …")
            break
        skipped += 1
        if skipped > MAX_SKIPPED:
            break
        k += 1
    return hits


def _hits(words: Sequence[Token], value: str | tuple[str, ...]) -> list[FieldHit]:
    """The field (or the fields of a bundle, by their preferred labels) a label names."""
    start, end = words[0].start, words[-1].end
    if isinstance(value, tuple):
        return [FieldHit(preferred_label(c), c, start, end, True) for c in value]
    text = written(words)
    return [FieldHit(text, value, start, end, _resolves(text))]


def _whole_label_crosses(keys, k: int, length: int, end: int) -> bool:
    """A label reaching past a separator is kept only when it spans the separator as a whole
    phrase (``pengembangan dan pemanfaatan ilmu pengetahuan dan teknologi``)."""
    return k + length <= end and length >= 3
