"""The signing date of a report: the first date, in a sentence about the signing, that is
neither a background date nor a piece of the page around the report.

Page furniture is never a signing date: a machine date (``2017-09-08``), a date with a clock
time or a sharing/updating word on a short line of its own (``Rabu, 26 Juni 2019 12:47``,
``Pada 9 September 2021 Bagikan ke :``), a date alone on its line, a link to another report
(``Baca juga: …``). Its year still helps to place a date written without one when the
publication date is unknown. A report that dates its signing nowhere gets no date and a note.

>>> from govkg.extract.agreements import analyse_article
>>> from govkg.extract.text import read_article
>>> art = read_article("27 Jun 2022\\n\\nLAN dan BPS meneken MoU, Senin, 27 Juni di Jakarta.")
>>> event_date(art, analyse_article(art, "id").facts, None)[0]
'2022-06-27'
"""

from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from govkg.extract.clauses import Facts, opens_with_link
from govkg.extract.dates import DateMention, Resolved, find_dates, resolve
from govkg.extract.rules import Phrases, Rules
from govkg.extract.text import Article, Sentence, tokens, url_period

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_YEAR = re.compile(r"(?<![\w/-])((?:19|20)\d\d)(?![\w/-])")
_YEARS = re.compile(r"(?<![\w/-])((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)(?![\w/-])")
_CLOCK = re.compile(r"(?<!\d)\d{1,2}[:.]\d{2}(?!\d)")
_DATELINE_HEAD = re.compile(r"^\s*(?:[A-Z][\w.'-]*[ ,]*){1,4}\(?\s*$")
_DATELINE_DIGIT = re.compile(r"\d.*(?:[-–—:|]|--)")
_DATELINE_MARK = re.compile(  # a news agency may stand before the dash: "(ANTARA) -"
    r"\s*\)?\s*(?:\([A-Z][\w .]{0,30}\)\s*)?(?:[-–—:|]|--)"
)
SHORT_LINE = 12
"""Most words, besides the date, of a line of page furniture."""
DATELINE_HEAD, DATELINE_DATE = 80, 40
"""Most characters before a dateline's date on its line, and in the date itself."""


def event_date(
    article: Article, facts: Sequence[Facts], published: date | None
) -> tuple[str | None, dict[str, Any] | None, str | None]:
    """The signing date as a record writes it (``YYYY-MM-DD``, ``YYYY-MM``, or None when the
    report allows no date), its evidence, and a note for the reviewer (or None).

    A date to the day in a sentence about the signing wins over a month (``Maret 2021``,
    ``pekan lalu``); then come dates of other sentences, with a lower confidence, then a year
    alone (``pada tahun 2023``), then the date of the dateline (``JAKARTA, 3 Mei 2024 –``),
    which also anchors ``hari ini`` and dates without a year; without any, the record has no
    date and a note gives the publication date to check.

    >>> from govkg.extract.agreements import analyse_article
    >>> from govkg.extract.text import read_article
    >>> art = read_article("LAN dan BPS meneken MoU, Jumat (1/2).")
    >>> event_date(art, analyse_article(art, "id").facts, date(2019, 2, 1))[0]
    '2019-02-01'
    >>> art = read_article("LAN dan BPS meneken MoU pada Maret 2021.")
    >>> event_date(art, analyse_article(art, "id").facts, None)[0]
    '2021-03'
    """
    lined = _dateline_date(article, published)
    anchor = lined[2].day if lined is not None and lined[2].precision == "day" else published
    years = _hints(article, anchor)
    about = [f for f in facts if f.signing or f.current_kinds]
    others = [f for f in facts if not (f.signing or f.current_kinds or _looks_back(f))]
    found = _first(article, about, anchor, years)
    if found is not None and _signed_first(found[0]):
        later = [f for f in about if f.sentence.index > found[0].sentence.index]
        completed = _dated(article, later, anchor, years)
        if completed is not None:
            return _written(article, completed, published, "in turn")
    if found is None and not any(_new_signing(f) for f in facts):
        found = _dated(article, about, anchor, years, earlier=True)
        if found is not None:
            return _written(article, found, published, "earlier")
    elsewhere = found is None
    if elsewhere:
        found = _first(article, others, anchor, years)
    if found is not None:
        return _written(article, found, published, "elsewhere" if elsewhere else None)
    found = _dated(article, about, anchor, years, level="year")
    if found is not None and (anchor is None or found[2].day.year <= anchor.year):
        return _written(article, found, published, None)
    if lined is not None:
        return _written(article, lined, published, "dateline")
    found = _weekday_year(article, about, years) if anchor is None else None
    if found is not None:
        return _written(article, found, published, None)
    if published is None:
        return None, None, "the report gives no date of signing (nor a publication date); add it"
    note = (
        f"the report gives no date of signing; it was published on {published}: "
        "add the date if that is the day of signing"
    )
    return None, None, note


def signing_day(
    article: Article, facts: Sequence[Facts], published: date | None
) -> tuple[str, dict[str, Any], str | None] | None:
    """The first date to the day in ``facts`` (sentences about one signing), as
    :func:`event_date` writes it, or None.

    >>> from govkg.extract.agreements import analyse_article
    >>> from govkg.extract.text import read_article
    >>> art = read_article("LAN meneken MoU, Jumat (1/2).")
    >>> signing_day(art, analyse_article(art, "id").facts, date(2019, 2, 1))[0]
    '2019-02-01'
    """
    years = _hints(article, published)
    found = _dated(article, facts, published, years, level="day", quoted=False)
    return _written(article, found, published, None) if found is not None else None


def kind_dates(
    article: Article, facts: Sequence[Facts], kinds: Sequence[str], published: date | None
) -> dict[str, tuple[str, dict[str, Any]]]:
    """Signings of different kinds on different days (``diawali penandatanganan LoI pada 28
    Maret 2022, … menandatangani MoU … pada Senin, 10 Juli 2023``): for each kind, the date
    written right after it (before another kind is named), when at least two kinds have one
    and their dates differ; else nothing (the report's one date holds for all).

    >>> from govkg.extract.agreements import analyse_article
    >>> from govkg.extract.text import read_article
    >>> art = read_article("LAN meneken LoI pada 3 Mei 2021 dan MoU pada 9 Juni 2022 dengan BPS.")
    >>> {k: v[0] for k, v in kind_dates(art, analyse_article(art, "id").facts,
    ...     ["loi", "mou"], None).items()}
    {'loi': '2021-05-03', 'mou': '2022-06-09'}
    """
    found: dict[str, tuple[str, dict[str, Any]]] = {}
    for f in facts:
        if not f.signing:
            continue
        for kind, resolved in _dates_after_kinds(article, f, published).items():
            if kind in kinds and kind not in found:
                sure = resolved.confidence
                found[kind] = (
                    resolved.text,
                    evidence_entry(article, f.sentence.start, f.sentence.end, sure),
                )
    return found if len({text for text, _ in found.values()}) > 1 else {}


def _dates_after_kinds(article: Article, f: Facts, published: date | None) -> dict:
    """Each kind the sentence names, with the first date to the day or month written after
    it and before the next kind (anywhere in the sentence when it names one kind only)."""
    toks, kinds = f.sentence.tokens, f.kinds
    mentions = [
        m
        for m in find_dates(f.sentence.text, f.sentence.start)
        if m.level != "year" and not page_furniture(article, f.sentence, m)
    ]
    found = {}
    for k, kind in enumerate(kinds):
        start = toks[kind.end - 1].end if len(kinds) > 1 else f.sentence.start
        end = toks[kinds[k + 1].start].start if k + 1 < len(kinds) else f.sentence.end
        for mention in mentions:
            if start <= mention.start < end:
                resolved = resolve(mention, published)
                if resolved is not None:
                    found.setdefault(kind.kind, resolved)
                break
    return found


def _first(article: Article, facts: Sequence[Facts], published: date | None, years):
    """A date to the day not said to be a statement's, then any date to the day, then a
    month, then the month of a date a quoted source bears (``dikutip dari video …, Selasa,
    12 Agustus 2025``; ``IRNA reported on Wednesday``)."""
    return (
        _dated(article, facts, published, years, quoted=False)
        or _dated(article, facts, published, years)
        or _dated(article, facts, published, years, level="month")
        or _dated(article, facts, published, years, sourced=True)
    )


def _signed_first(f: Facts) -> bool:
    """The sentence tells of a signature put first, the other side signing later (``The MoU
    was first signed by …``; ``lebih dahulu ditandatangani``): the agreement is dated by the
    signature that completes it.

    >>> from govkg.extract.agreements import analyse_article
    >>> from govkg.extract.text import read_article
    >>> art = read_article("The MoU was first signed by the minister in Jakarta.")
    >>> _signed_first(analyse_article(art, "en").facts[0])
    True
    """
    return any(True for _ in _page_words()["in_turn"].find(f.sentence.keys))


def _looks_back(f: Facts) -> bool:
    """The sentence opens with a word of an earlier time (``Sebelumnya, pada 1 Juli …``,
    ``Earlier, …``): its dates are of another event, never the signing's.

    >>> from govkg.extract.agreements import analyse_article
    >>> from govkg.extract.text import read_article
    >>> art = read_article("LAN meneken MoU. Sebelumnya, pada 1 Juli 2024, LAN rapat.")
    >>> [_looks_back(f) for f in analyse_article(art, "id").facts]
    [False, True]
    """
    return 0 in f.cues.get("background", [])


def _new_signing(f: Facts) -> bool:
    """The sentence tells of a signing of this report: it names a kind, or a signing word,
    outside a background clause (``menindaklanjuti penandatanganan MoU pada …``)."""
    quiet = {"background", "implements"}
    return bool(f.current_kinds) or any(
        f.zone_of(at) not in quiet for at in f.cues.get("signing", [])
    )


def _written(article: Article, found, published: date | None, where: str | None):
    """The record's date, evidence and note; ``where`` is ``"elsewhere"`` for a date in no
    sentence about the signing, ``"earlier"`` for the date of an earlier agreement that is
    the only one the report names."""
    f, mention, resolved = found
    note, text = resolved.note, resolved.text
    if published is not None and resolved.day > published:
        note = (
            f"the article dates the signing {mention.text} ({text}), after its publication "
            f"on {published}; the publication date is used, check it"
        )
        text = published.isoformat()
    sure = resolved.confidence
    if published is not None and resolved.day > published:  # still to come, or a slip
        sure = min(sure, Rules.load().confidence["date_ahead"])
    if where == "elsewhere":  # a date in no sentence about the signing
        cap = "date_elsewhere" if resolved.precision == "day" else "date_elsewhere_partial"
        sure = min(sure, Rules.load().confidence[cap])
        note = note or "the date is not in a sentence about the signing: check it"
    if where == "in turn":
        sure = min(sure, Rules.load().confidence["date_in_turn"])
        note = note or (
            "the parties signed in turn; the date is that of the later signature, which "
            "completes the agreement: check it"
        )
    if where is None and _after_speech(f, mention) and not _from_source(f, mention):
        sure = min(sure, Rules.load().confidence["date_statement"])
        note = note or (
            f"the date ({mention.text}) is the day of a statement about the signing; the "
            "signing may be earlier: check it"
        )
    if where == "dateline":
        sure = min(sure, Rules.load().confidence["date_dateline"])
        note = note or (
            f"only the dateline dates the report ({mention.text}); that day is taken as the "
            "day of signing: check it"
        )
    if where == "earlier":
        sure = min(sure, Rules.load().confidence["date_earlier"])
        note = note or (
            "the report tells of no new signing; the date is the one written with the earlier "
            "agreement it names: check it"
        )
    return text, evidence_entry(article, f.sentence.start, f.sentence.end, sure), note


def _dated(
    article: Article,
    facts: Sequence[Facts],
    published: date | None,
    years,
    *,
    level: str = "day",
    quoted: bool = True,
    sourced: bool = False,
    earlier: bool = False,
) -> tuple[Facts, DateMention, Resolved] | None:
    """The first date of the wanted ``level`` (``"day"``, ``"month"``, ``"year"``, see
    :attr:`~govkg.extract.dates.DateMention.level`) in a sentence about this signing; with
    ``quoted`` False, none that follows a speech verb (``kata …, Selasa (5/8)``: the day of
    the statement, which may be later than the signing). A date a quoted source bears is
    taken only with ``sourced``, and then to the month (:func:`_source_month`). With
    ``earlier``, only dates written with an earlier agreement (background zones) count. A date
    that bounds a period (:func:`_in_period`) is skipped; one after publication is taken only
    when no other is found."""
    late = None
    for f in facts:
        if f.background_only and not earlier:
            continue
        for mention in _signing_first(f):
            if mention.level != level:
                continue
            if not quoted and _after_speech(f, mention):
                continue
            if _from_source(f, mention) != sourced:
                continue
            token = next(
                (k for k, t in enumerate(f.sentence.tokens) if t.start >= mention.start), 0
            )
            if (f.zone_of(token) in {"background", "implements"}) != earlier:
                continue
            if page_furniture(article, f.sentence, mention) or _in_period(f, mention):
                continue
            planned = _in_period(f, mention, "planned")
            resolved = next(
                (
                    r
                    for group in years.groups or [()]
                    if (r := resolve(mention, published, group, years.latest))
                ),
                None,
            )
            if resolved is None:
                continue
            found = f, mention, _source_month(mention, resolved) if sourced else resolved
            if (published is None or resolved.day <= published) and not planned:
                return found
            late = late or found  # after publication, or planned: only if no other is found
    return late


def _weekday_year(article: Article, facts: Sequence[Facts], years: _Hints):
    """A signing dated by a weekday alone (``…, Kamis.``) in a report with no publication day:
    the year its address files it under, else the one year written in the same sentence (an
    occasion named with its year: ``di sela Pameran 2019``), else the year of the page's
    copyright line (``Copyright © ANTARA 2013``); year precision, flagged.

    >>> from govkg.extract.agreements import analyse_article
    >>> from govkg.extract.text import read_article
    >>> art = read_article("LAN dan BPS meneken MoU di sela Pameran 2019, Kamis.")
    >>> facts = analyse_article(art, "id").facts
    >>> _weekday_year(art, facts, _hints(art, None))[2].text
    '2019'
    """
    page = _copyright_year(article)
    for f in facts:
        written = {int(y) for y in _YEAR.findall(f.sentence.text)}
        year = years.latest.year if years.latest else written.pop() if len(written) == 1 else page
        if f.background_only or year is None:
            continue
        for mention in find_dates(f.sentence.text, f.sentence.start):
            if mention.weekday is None or mention.day is not None or mention.weeks is not None:
                continue
            if page_furniture(article, f.sentence, mention):
                continue
            note = (
                f"the report dates the signing {mention.text!r} only and gives no publication "
                f"day; only the year ({year}) is given, check it"
            )
            sure = Rules.load().confidence["date_year"]
            return f, mention, Resolved(date(year, 1, 1), sure, note, "year")
    return None


def _copyright_year(article: Article) -> int | None:
    """The year of a copyright line at the foot of the page (``COPYRIGHT © ANTARA News Aceh
    2020``; the words are ``signing_date.copyright``): the year the page was made.

    >>> from govkg.extract.text import read_article
    >>> _copyright_year(read_article("LAN meneken MoU, Senin.\\n\\nCopyright © ANTARA 2013"))
    2013
    """
    for sentence in reversed(article.sentences):
        if any(True for _ in _page_words()["copyright"].find(sentence.keys)):
            found = _YEAR.findall(sentence.text)
            if found:
                return int(found[-1])
    return None


def _signing_first(f: Facts) -> list[DateMention]:
    """The sentence's dates, those written after its first signing word or kind first
    (``Usai rapat pada Kamis (11/7), … meneken MoU, Senin (15/7)``: the meeting's day comes
    before the signing word).

    >>> from govkg.extract.agreements import analyse_article
    >>> from govkg.extract.text import read_article
    >>> art = read_article("Usai rapat pada Kamis (11/7), LAN dan BPS meneken MoU, Senin (15/7).")
    >>> [m.text for m in _signing_first(analyse_article(art, "id").facts[0])]
    ['Senin (15/7)', 'Kamis (11/7)']
    """
    mentions = find_dates(f.sentence.text, f.sentence.start)
    cues = [*f.cues.get("signing", []), *(k.start for k in f.current_kinds)]
    if not cues:
        return mentions
    toks = f.sentence.tokens
    at = toks[min(cues)].start if min(cues) < len(toks) else f.sentence.end
    return sorted(mentions, key=lambda m: m.start < at)


def _source_month(mention: DateMention, resolved: Resolved) -> Resolved:
    """The date of a source the report quotes (a video, another outlet's report) says when
    the source appeared, not when the signing was: its month, flagged.

    >>> _source_month(find_dates("Selasa, 12 Agustus 2025")[0], resolve(find_dates(
    ...     "Selasa, 12 Agustus 2025")[0], None)).text
    '2025-08'
    """
    note = (
        f"the report dates only a source it quotes ({mention.text}), not the signing: "
        "the month is given, check it"
    )
    sure = Rules.load().confidence["date_source"]
    return Resolved(resolved.day.replace(day=1), sure, note, "month")


def page_furniture(article: Article, sentence: Sentence, mention: DateMention) -> bool:
    """True for a date that belongs to the page, not to the report's story.

    >>> from govkg.extract.text import read_article
    >>> art = read_article("LAN dan BPS meneken MoU.\\n\\nSelasa, 3 Mei 2022 10:15 WIB")
    >>> page_furniture(art, art.sentences[1], find_dates(art.sentences[1].text)[0])
    True
    """
    if _ISO.match(mention.text) or in_dateline(article, mention):
        return True
    words = _page_words()
    keys = sentence.keys
    if link_line(article, sentence):
        return True
    if not _alone_on_line(article, sentence):
        return False
    offset = sentence.start if mention.start >= sentence.start else 0
    text = sentence.text
    rest = (text[: mention.start - offset] + " " + text[mention.end - offset :]).split()
    if len(rest) > SHORT_LINE:
        return False
    clock = _CLOCK.search(text) is not None
    return clock or not rest or any(True for _ in words["words"].find(keys))


def link_line(article: Article, sentence: Sentence) -> bool:
    """A sentence on a line that links to another report (``Baca juga: …``, ``BACA: …``):
    page layout, not the story. The line is read from its start, before any dateline cut.

    >>> from govkg.extract.text import read_article
    >>> art = read_article("LAN dan BPS teken MoU.\\nBACA: Dua kota teken MoU.")
    >>> [link_line(art, s) for s in art.sentences]
    [False, True]
    """
    line_start = article.text.rfind("\n", 0, sentence.start) + 1
    return opens_with_link(tuple(t.key for t in tokens(article.text[line_start : sentence.end])))


@functools.cache
def _page_words() -> dict[str, Phrases]:
    data = Rules.load().data["signing_date"]
    return {
        name: Phrases(data[name])
        for name in ("words", "speech", "source", "in_turn", "period", "planned", "copyright")
    }


def _from_source(f: Facts, mention: DateMention) -> bool:
    """The date follows a word that quotes a source (``dikutip dari``, ``dilansir``,
    ``reported``) with no signing word between: the day of the source.

    >>> from govkg.extract.agreements import analyse_article
    >>> from govkg.extract.text import read_article
    >>> art = read_article("LAN dan BPS meneken MoU, IRNA reported on Wednesday.")
    >>> f = analyse_article(art, "en").facts[0]
    >>> _from_source(f, find_dates(f.sentence.text, f.sentence.start)[0])
    True
    """
    before = [t.key for t in f.sentence.tokens if t.end <= mention.start]
    cues = [at for at, _, _ in _page_words()["source"].find(before)]
    if not cues:
        return False
    return not any(at > cues[-1] for at in f.cues.get("signing", []) if at < len(before))


def _in_period(f: Facts, mention: DateMention, cues: str = "period") -> bool:
    """The date bounds a period (``berlaku hingga 31 Desember 2026``, ``valid until``,
    ``paling lambat tanggal …``): a cue of ``signing_date.period`` ends at most one word
    before it; with ``cues="planned"``, the day a signing was planned for (``dijadwalkan pada``).

    >>> from govkg.extract.agreements import analyse_article
    >>> from govkg.extract.text import read_article
    >>> art = read_article("LAN dan BPS meneken MoU yang berlaku hingga 31 Desember 2026.")
    >>> f = analyse_article(art, "id").facts[0]
    >>> _in_period(f, find_dates(f.sentence.text, f.sentence.start)[0])
    True
    """
    before = [t.key for t in f.sentence.tokens if t.end <= mention.start][-4:]
    return any(at + length >= len(before) - 1 for at, length, _ in _page_words()[cues].find(before))


def _after_speech(f: Facts, mention: DateMention) -> bool:
    before = [t.key for t in f.sentence.tokens if t.end <= mention.start]
    return any(True for _ in _page_words()["speech"].find(before))


def in_dateline(article: Article, mention: DateMention) -> bool:
    """True for a date in a dateline (``SLEMAN, 17 Juli 2024 –``, ``Sleman, Rabu (17/7/2024)
    -``): a few capitalised words before it on its line, a dash or colon after it. It dates
    the report, not the signing.

    >>> from govkg.extract.text import read_article
    >>> art = read_article("SLEMAN, 17 Juli 2024 – LAN meneken MoU, Senin (15/7).")
    >>> [in_dateline(art, m) for m in find_dates(art.text)]
    [True, False]
    >>> art = read_article("SOLO, Aug 6 (Reuters) - LAN signed a MoU yesterday.")
    >>> [in_dateline(art, m) for m in find_dates(art.text)]
    [True, False]
    """
    text = article.text
    line_start = text.rfind("\n", 0, mention.start) + 1
    head = text[line_start : mention.start]
    return bool(_DATELINE_HEAD.match(head)) and bool(_DATELINE_MARK.match(text, mention.end))


def _dateline_date(article: Article, published: date | None):
    """The first date of a dateline (:func:`in_dateline`), as a found signing date; only the
    opening of a line is searched."""
    text = article.text
    for sentence in article.sentences:
        line_start = text.rfind("\n", 0, sentence.start) + 1
        if sentence.start - line_start > DATELINE_HEAD:
            continue
        # from the line's start: a dateline read as such (``Samarinda (10/9/2021): …``) is
        # cut from the sentence
        head = text[line_start : min(sentence.end, line_start + DATELINE_HEAD + DATELINE_DATE)]
        if not _DATELINE_DIGIT.search(head):
            continue
        for mention in find_dates(head, line_start):
            if in_dateline(article, mention):
                resolved = resolve(mention, published)
                if resolved is not None:
                    return _Found(sentence), mention, resolved
    return None


@dataclass(frozen=True)
class _Found:
    """A sentence standing for the facts of a date found outside the signing sentences."""

    sentence: Sentence


def header_date(article: Article, lines: int = 8) -> date | None:
    """The publication day a page header gives: the first full date that is page furniture
    in the first ``lines`` lines of the report.

    >>> from govkg.extract.text import read_article
    >>> header_date(read_article("LAN dan BPS\\nKamis, 6 Maret 2025 10:15 WIB\\nLAN meneken MoU."))
    datetime.date(2025, 3, 6)
    """
    for sentence in article.sentences:
        if sentence.line > lines:
            break
        for mention in find_dates(sentence.text, sentence.start):
            if mention.year and mention.day and page_furniture(article, sentence, mention):
                resolved = resolve(mention, None)
                if resolved is not None:
                    return resolved.day
    return None


def _alone_on_line(article: Article, sentence: Sentence) -> bool:
    start, end = sentence.start, sentence.end
    before = article.text.rfind("\n", 0, start) + 1
    after = article.text.find("\n", end)
    after = len(article.text) if after < 0 else after
    return not article.text[before:start].strip() and not article.text[end:after].strip(" .")


@dataclass(frozen=True)
class _Hints:
    """What places a date written without a year when the publication day is unknown: the
    report's years (:func:`_years`), and the last day of the year or month its address files
    it under (``/2022/``, ``/2017/09/``; no signing is later)."""

    groups: tuple[list[int], ...] = ()
    latest: date | None = None


def _hints(article: Article, anchor: date | None) -> _Hints:
    """No hints when the publication day is known; else the report's years and its address's
    period (or the year and month of publication, when only they are known).

    >>> from govkg.extract.text import read_article
    >>> _hints(read_article("https://x.example/2017/09/1/\\nLAN meneken MoU."), None).latest
    datetime.date(2017, 9, 30)
    """
    if anchor is not None:
        return _Hints()
    period = url_period(article.url) or article.period
    latest = None
    if period is not None:
        year, month = period
        month = month or 12
        latest = date(year, month, calendar.monthrange(year, month)[1])
    return _Hints(_years(article), latest)


def _years(article: Article) -> tuple[list[int], ...]:
    """The years the report writes in full dates (``27 Jun 2022``, page furniture included),
    then every year it writes (``tahun 2018``, both ends of ``RPJMD 2025-2029``): a
    year-less date is placed near the first group if it can be, else near the second."""
    dated = sorted(
        {m.year for m in find_dates(article.text) if m.year and m.month and m.year >= 1900}
    )
    spans = [y for pair in _YEARS.findall(article.text) for y in pair]
    return dated, sorted({int(y) for y in [*_YEAR.findall(article.text), *spans]})


def evidence_entry(article: Article, start: int, end: int, confidence: float) -> dict[str, Any]:
    """An ``evidence`` item of a record: the quote ``text[start:end]``, its offsets and how sure.

    >>> from govkg.extract.text import read_article
    >>> evidence_entry(read_article("LAN meneken MoU."), 0, 3, 0.904)["confidence"]
    0.9
    """
    return {
        "quote": article.text[start:end],
        "start": start,
        "end": end,
        "confidence": round(confidence, 2),
    }


__all__ = ["event_date", "evidence_entry", "header_date", "page_furniture"]
