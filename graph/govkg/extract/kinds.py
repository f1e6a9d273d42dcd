"""Which kind a document is when a report gives it several names, or none.

A report may name one document twice: a name and its gloss in brackets (``Memorandum of
Agreement (PKS)``), the MoU of a headline and the ``perjanjian kerja sama`` of the body.
Journalists call any agreement an MoU; the more formal name (``rules.yaml``, ``kind_names.
formal``, most formal first) is the document's own when the report writes it in its own words
about the signing. A report that names no kind at all may still call the document by a word
that gives its kind (``signed an agreement``: a cooperation agreement); else an MoU is assumed.

>>> from govkg.extract.agreements import draft_agreements
>>> from govkg.extract.text import read_article
>>> art = read_article("LAN dan BPS meneken Memorandum of Agreement (PKS), Senin (3/3/2025).")
>>> [d.kind for d in draft_agreements(art, "id")]
['pks']
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from govkg.extract.dates import find_dates, resolve
from govkg.extract.rules import Phrases, Rules

if TYPE_CHECKING:
    from govkg.extract.clauses import Facts, KindMention
    from govkg.extract.text import Sentence


@functools.cache
def _names() -> dict:
    return Rules.load().data["kind_names"]


def rank(kind: str | None) -> int:
    """How formal a kind's name is: 0 for the most formal, larger for looser names.

    >>> rank("pks") < rank("mou") < rank(None)
    True
    """
    formal = _names()["formal"]
    return formal.index(kind) if kind in formal else len(formal)


def glossed(facts: list[Facts]) -> list[Facts]:
    """The report's sentences with each name and its gloss in brackets (``A (B)``) made one
    mention of the more formal kind, and the looser name renamed so in every sentence: the
    report uses it for that document (``MoU and Memorandum of Agreement`` in a headline,
    ``Memorandum of Agreement (PKS)`` in the body: a PKS).

    >>> from govkg.extract.agreements import analyse_article
    >>> from govkg.extract.text import read_article
    >>> art = read_article("LAN meneken Perjanjian Kerja Sama (MoU). MoU itu berlaku.")
    >>> [[k.kind for k in f.kinds] for f in analyse_article(art, "id").facts]
    [['pks'], ['pks']]
    """
    renamed: dict[str, str] = {}
    for f in facts:
        f.kinds = _collapsed(f.sentence, f.kinds, renamed)
    if renamed:
        for f in facts:
            f.kinds = [replace(k, kind=renamed.get(k.kind, k.kind)) for k in f.kinds]
    return facts


def _collapsed(
    sentence: Sentence, found: list[KindMention], renamed: dict[str, str]
) -> list[KindMention]:
    kept: list[KindMention] = []
    for mention in found:
        last = kept[-1] if kept else None
        if last is not None and _in_apposition(last, mention):
            renamed.setdefault(last.kind, mention.kind)
            kept[-1] = replace(last, end=mention.end, kind=mention.kind)
            continue
        if last is None or not _is_gloss(sentence, last, mention):
            kept.append(mention)
            continue
        end = mention.end + (_closes(sentence, mention.end))
        loose, formal = sorted((last.kind, mention.kind), key=rank, reverse=True)
        if loose != formal:
            renamed.setdefault(loose, formal)
        kept[-1] = replace(last, end=end, kind=formal)
    return kept


def _in_apposition(name: KindMention, then: KindMention) -> bool:
    """Two names of other kinds written one right after the other (``perjanjian kerja sama
    Letter of Intent``, ``MoU kesepakatan bersama``): the second says which document the
    first, looser one is.

    >>> from govkg.extract.agreements import draft_agreements
    >>> from govkg.extract.text import read_article
    >>> art = read_article("Provinsi Papua dan Provinsi Maluku meneken perjanjian kerja sama "
    ...     "Letter of Intent (LoI) tentang perdagangan. LoI itu berlaku dua tahun.")
    >>> [d.kind for d in draft_agreements(art, "id")]
    ['loi']
    """
    return name.end == then.start and name.kind != then.kind


def _is_gloss(sentence: Sentence, name: KindMention, gloss: KindMention) -> bool:
    """``gloss`` is written in brackets right after ``name``."""
    between = [t.text for t in sentence.tokens[name.end : gloss.start]]
    return len(between) == 1 and between[0] in _names()["gloss_open"]


def _closes(sentence: Sentence, at: int) -> int:
    toks = sentence.tokens
    return int(at < len(toks) and toks[at].text in _names()["gloss_close"])


def own_words(f: Facts, kind: str) -> bool:
    """The sentence reports the signing of a document of this kind in the report's own words:
    not someone's remark, a quote, or a plan.

    >>> from govkg.extract.clauses import analyse
    >>> from govkg.extract.orgs import Lexicon
    >>> from govkg.extract.text import read_article
    >>> s = read_article("LAN dan BPS meneken PKS.").sentences[0]
    >>> own_words(analyse(s, Lexicon()), "pks")
    True
    """
    if not f.signing or f.quoted or f.has("reporting") or f.has("planned"):
        return False
    return any(k.kind == kind for k in f.current_kinds)


def later_stage(f: Facts, facts: Sequence[Facts]) -> bool:
    """The sentence dates its signing after every day other signing sentences give (``tahap
    akhir penandatanganan PKS pada 22 Desember``, the MoU signed on 25 November): a later
    stage, not this signing.

    >>> from govkg.extract.agreements import analyse_article
    >>> from govkg.extract.text import read_article
    >>> facts = analyse_article(read_article("LAN dan BPS meneken MoU pada 5 Mei 2025. "
    ...     "Penandatanganan PKS pada 9 Juni 2025."), "id").facts
    >>> later_stage(facts[1], facts), later_stage(facts[0], facts)
    (True, False)
    """
    own = _days(f)
    others = [d for g in facts if g is not f and g.signing for d in _days(g)]
    return bool(own and others) and min(own) > max(others)


def _days(f: Facts) -> list:
    found = (resolve(m, None) for m in find_dates(f.sentence.text) if m.year and m.day)
    return [r.day for r in found if r is not None]


def unnamed_kind(facts: Sequence[Facts]) -> tuple[str, str]:
    """The kind of a document the report names by no kind, and a note for the reviewer: the
    kind a word for the document after a signing word gives (``signed an agreement``), else
    an MoU.

    >>> from govkg.extract.agreements import analyse_article
    >>> from govkg.extract.text import read_article
    >>> art = read_article("Indonesia and Japan signed an agreement on health.")
    >>> unnamed_kind(analyse_article(art, "en").facts)[0]
    'pks'
    """
    reach = _names()["unnamed_reach"]
    for f in facts:
        if f.quoted:
            continue
        keys = f.sentence.keys
        for end in f.cue_ends.get("signing", []):
            for word_at, length, kind in _unnamed_words().find(keys, end, end + reach):
                word = " ".join(keys[word_at : word_at + length])
                return kind, (
                    f"the report names no kind of agreement; it calls the document "
                    f"{word!r}, taken as {kind}: check it"
                )
    return "mou", "the report does not name the kind of agreement; MoU assumed"


@functools.cache
def _unnamed_words() -> Phrases:
    words = _names()["unnamed"]
    return Phrases({phrase: kind for kind, phrases in words.items() for phrase in phrases})


__all__ = ["glossed", "later_stage", "own_words", "rank", "unnamed_kind"]
