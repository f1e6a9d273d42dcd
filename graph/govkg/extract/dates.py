"""Dates as Indonesian and English news write them, resolved against the publication date.

A date without a year ("Jumat (1/2)") takes the latest year that puts it on or before the
publication date, preferring a year in which the weekday fits; a weekday that contradicts the
date is reported in :attr:`Resolved.note`, never corrected.

>>> from datetime import date
>>> found = find_dates("diteken di Jakarta, Jumat (1/2).")
>>> found[0].text
'Jumat (1/2)'
>>> resolve(found[0], date(2019, 2, 1)).day
datetime.date(2019, 2, 1)
>>> resolve(find_dates("Rabu (12/3/2019)")[0], None).note
'the article says Rabu (12/3/2019), but 2019-03-12 was a Tuesday'
"""

from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from govkg.extract.rules import Rules

_EN_DAYS = tuple(calendar.day_name)  # Monday first, in English (the C locale)
AHEAD_DAYS = 31
"""Most days after publication a date without a year may name (a signing still to come)."""


@dataclass(frozen=True)
class DateMention:
    """A date written in the text: what it gives (day, month, year, weekday) and where."""

    start: int
    end: int
    text: str
    day: int | None = None
    month: int | None = None
    year: int | None = None
    weekday: int | None = None
    weekday_text: str | None = None
    relative: int | None = None
    weeks: int | None = None
    months: int | None = None
    numeric: bool = False
    """The month is written as a figure (``12/3``), so day and month may be read the other
    way round; a month written as a word never is."""
    span: bool = False
    """The mention is a span of days (``7–8 Oktober 2024``): it dates the month only."""

    @property
    def partial(self) -> bool:
        """True for a mention that gives no day (``Maret 2021``, ``pekan lalu``)."""
        return self.level != "day"

    @property
    def level(self) -> str:
        """What the mention can date: ``"day"`` (a day, a weekday, ``kemarin``), ``"month"``
        (``Maret 2021``, ``pekan lalu``, ``bulan lalu``) or ``"year"`` (``pada tahun 2023``).

        >>> [m.level for m in find_dates("Kamis pekan lalu, bulan lalu, pada tahun 2023")]
        ['day', 'month', 'year']
        """
        if self.day is not None or self.weekday is not None or self.relative is not None:
            return "day"
        if self.month is not None or self.weeks is not None or self.months is not None:
            return "month"
        return "year"


@dataclass(frozen=True)
class Resolved:
    """A calendar day for a mention, how sure, and what a reviewer should check;
    ``precision`` is ``"month"`` when only the month is known (``day`` is then its first)."""

    day: date
    confidence: float
    note: str | None = None
    precision: str = "day"

    @property
    def text(self) -> str:
        """The date as a record writes it (``2021-03-05`` or ``2021-03``).

        >>> Resolved(date(2021, 3, 1), 0.8, precision="month").text
        '2021-03'
        """
        return self.day.isoformat()[: {"month": 7, "year": 4}.get(self.precision, 10)]


def _alternatives(words) -> str:
    """A regex alternation of phrases, longest first, with runs of spaces allowed."""
    ordered = sorted((str(w) for w in words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


def _after(words) -> str:
    """Look-behinds for a phrase and a space before the match (``pada ``, ``on ``)."""
    return "|".join(rf"(?<={re.escape(str(w))} )" for w in words)


@functools.cache
def _patterns() -> list[re.Pattern[str]]:
    rules = Rules.load()
    months = _alternatives(rules.months)
    days = _alternatives(rules.weekdays)
    relative = _alternatives(rules.data["relative_days"])
    weeks = _alternatives(rules.data["relative_weeks"])
    back_months = _alternatives(rules.data["relative_months"])
    weekday = rf"(?P<wd>{days})"
    cues = rules.data["weekday_cues"]
    forms = rules.data["date_forms"]
    lead = _after(cues["before"])
    week_before, after = _alternatives(cues["week_before"]), _alternatives(cues["after"])
    trail = rf"(?:\s+(?:(?P<tw>{week_before})|{after}))"
    plain = _alternatives(d for d in rules.weekdays if d not in cues["ambiguous"])
    between = "|".join(re.escape(str(m)) for m in cues["between"])
    of = _alternatives(forms["of"])
    part = _alternatives(forms["part_of_day"])
    span = _alternatives(forms["span"])
    return [
        re.compile(
            rf"(?:{weekday}(?:\s+(?:{part}|{after}))?\s*,?\s*)?\(\s*(?P<d>\d{{1,2}})\s*/\s*(?P<m>\d{{1,2}})"
            rf"(?:\s*/\s*(?P<y>\d{{4}}|\d{{2}}))?\s*\)",
            re.I,
        ),
        re.compile(
            rf"(?:{weekday}\s*,?\s*)(?P<d>\d{{1,2}})\s*/\s*(?P<m>\d{{1,2}})(?!\d)"
            rf"(?:\s*/\s*(?P<y>\d{{4}}|\d{{2}}))?(?![\d/])",
            re.I,
        ),
        re.compile(
            rf"(?:(?:{weekday}\s*,?\s*)|{_after(forms['numeric_before'])}|(?<=\())"
            rf"(?P<d>\d{{1,2}})(?P<sep>[/.-])(?P<m>\d{{1,2}})(?P=sep)(?P<y>\d{{4}})(?!\d)",
            re.I,
        ),
        re.compile(
            rf"(?:{weekday}\s*[,(]?\s*)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+(?:{of}))?\s+"
            rf"(?P<mn>{months})\.?(?:\s*,?\s+(?P<y>\d{{4}}))?(?!\w)\)?",
            re.I,
        ),
        re.compile(
            rf"(?:{weekday}\s*[,(]?\s*)?(?P<mn>{months})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?"
            rf"(?:\s*,\s*(?P<y>\d{{4}}))?(?!\w)\)?",
            re.I,
        ),
        re.compile(r"(?P<iso>(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2}))(?!\d)"),
        re.compile(  # (dates s13) figures before a clock time: "05/08/2024 14:20 WIB"
            r"(?<![\w/.-])(?P<d>\d{1,2})(?P<sep>[/.-])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4})"
            r"(?=\s*,?\s*\d{1,2}[:.]\d{2}(?!\d))"
        ),
        re.compile(rf"(?:{lead}){weekday}{trail}?(?!\w)", re.I),
        re.compile(rf"(?<=, ){weekday}(?=\s*[.;]?\s*$)", re.I),
        re.compile(rf"(?:{_after(cues['between'])}){weekday}{trail}?(?=\s*(?:{between}))", re.I),
        re.compile(rf"(?<!\w)(?P<wd>{plain}){trail}(?!\w)", re.I),
        re.compile(rf"(?<!\w)(?P<rel>{relative})(?!\w)", re.I),
        re.compile(
            rf"(?<![\w/])(?:{weekday}\s*,?\s*)?(?P<mn>{months})\.?\s+(?P<y>(?:19|20)\d\d)(?!\w)",
            re.I,
        ),
        re.compile(
            rf"(?<![\w/.,-])(?P<d0>\d{{1,2}})\s*(?:{span})\s*(?P<d>\d{{1,2}})\s+(?P<mn>{months})"
            rf"\.?(?:\s*,?\s+(?P<y>\d{{4}}))?(?!\w)",
            re.I,
        ),
        re.compile(  # (dates s13) "August 5-6, 2024", "from August 5 to 7"
            rf"(?<![\w/])(?P<mn>{months})\.?\s+(?P<d0>\d{{1,2}})\s*(?:{span})\s*(?P<d>\d{{1,2}})"
            rf"(?:st|nd|rd|th)?(?:\s*,?\s+(?P<y>\d{{4}}))?(?!\w)",
            re.I,
        ),
        re.compile(  # (dates s13) "Senin-Selasa (5-6/8/2024)", "(5-6/8)"
            rf"(?:{weekday}\s*[-–]\s*(?:{days})\s*,?\s*)?\(\s*(?P<d0>\d{{1,2}})\s*[-–]\s*"
            r"(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})(?:\s*/\s*(?P<y>\d{4}))?\s*\)",
            re.I,
        ),
        re.compile(rf"(?<!\w)(?P<wk>{weeks})(?!\w)", re.I),
        re.compile(rf"(?<!\w)(?P<mo>{back_months})(?!\w)", re.I),
        re.compile(rf"(?:{_after(forms['month_before'])})(?P<mn>{months})(?!\w)(?!\.?\s*\d)", re.I),
        re.compile(
            rf"(?<![\w/])(?P<mn>{months})\s+(?:{_alternatives(forms['month_after'])})(?!\w)",
            re.I,
        ),
        re.compile(rf"(?:{_after(forms['year_before'])})(?P<yo>(?:19|20)\d\d)(?![\w/.-]\w)", re.I),
    ]


def find_dates(text: str, offset: int = 0) -> list[DateMention]:
    """Every date mention in ``text``, left to right, the longest where two overlap.

    >>> [m.text for m in find_dates("on Tuesday, March 12, 2019, and Senin (29/3/21)")]
    ['Tuesday, March 12, 2019', 'Senin (29/3/21)']
    """
    return list(_found(text, offset))


@functools.lru_cache(maxsize=4096)
def _found(text: str, offset: int) -> tuple[DateMention, ...]:
    """:func:`find_dates`, remembered: a report's sentences are searched several times."""
    rules = Rules.load()
    found: list[DateMention] = []
    for pattern in _patterns():
        for match in pattern.finditer(text):
            mention = _mention(match, rules, offset)
            if mention is not None:
                found.append(mention)
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[DateMention] = []
    for mention in found:
        if kept and mention.start < kept[-1].end:
            continue
        last = kept[-1] if kept else None
        if last and _range(last, mention, text[last.end - offset : mention.start - offset]):
            kept[-1] = _spanned(last, mention, text[last.start - offset : mention.end - offset])
            continue
        kept.append(mention)
    return tuple(kept)


def _range(first: DateMention, then: DateMention, between: str) -> bool:
    """Two days written whole with only a word of a range between (``Senin (5/8) sampai Rabu
    (7/8)``, ``5 Agustus hingga 7 Agustus 2024``), the second later: one span of days (not a
    dateline's date and the signing's: ``SOLO, 6 Agustus 2024 - Senin (5/8) …``)."""
    if first.day is None or then.day is None or first.span or then.span:
        return False
    if None in (first.month, then.month):
        return False
    order = ((first.year or 0, first.month, first.day), (then.year or 0, then.month, then.day))
    return order[0] < order[1] and _range_words().fullmatch(between) is not None


@functools.cache
def _range_words() -> re.Pattern[str]:
    words = _alternatives(Rules.load().data["date_forms"]["range"])
    return re.compile(rf"\s*(?:{words})\s*", re.I)


def _spanned(first: DateMention, then: DateMention, text: str) -> DateMention:
    """The span from one whole date to another, dated by the first's month (and the year
    either gives).

    >>> [(m.text, m.level) for m in find_dates("pada Senin (5/8/2024) hingga Rabu (7/8/2024)")]
    [('Senin (5/8/2024) hingga Rabu (7/8/2024)', 'month')]
    """
    year = first.year or then.year
    return DateMention(first.start, then.end, text, month=first.month, year=year, span=True)


def _mention(match: re.Match[str], rules: Rules, offset: int) -> DateMention | None:
    groups = {k: v for k, v in match.groupdict().items() if v is not None}
    weekday_text = groups.get("wd")
    weekday = rules.weekdays.get(_fold_day(weekday_text)) if weekday_text else None
    text, start = match.group().strip(" ,("), match.start() + offset
    start += match.group().index(text) if text else 0
    if "rel" in groups:
        relative = rules.data["relative_days"][groups["rel"].lower()]
        return DateMention(start, start + len(text), text, relative=relative)
    if "wk" in groups:
        weeks = rules.data["relative_weeks"][" ".join(groups["wk"].lower().split())]
        return DateMention(start, start + len(text), text, weeks=weeks)
    if "mo" in groups:
        months = rules.data["relative_months"][" ".join(groups["mo"].lower().split())]
        return DateMention(start, start + len(text), text, months=months)
    if "yo" in groups:
        return DateMention(start, start + len(text), text, year=int(groups["yo"]))
    month = int(groups["m"]) if "m" in groups else rules.months.get(groups.get("mn", "").lower())
    if ("d" not in groups or "d0" in groups) and month:  # "(Rabu,) Juni 2024", "7–8 Oktober"
        year = int(groups["y"]) if "y" in groups else None
        if "d0" in groups and not 1 <= int(groups["d0"]) < int(groups["d"]) <= 31:
            return None
        span = "d0" in groups
        return DateMention(start, start + len(text), text, month=month, year=year, span=span)
    if "d" not in groups:
        weeks = rules.data["relative_weeks"].get(_words(groups["tw"])) if "tw" in groups else None
        return DateMention(
            start,
            start + len(text),
            text,
            weekday=weekday,
            weekday_text=weekday_text,
            weeks=weeks,
        )
    day, year = int(groups["d"]), groups.get("y")
    if month is not None and 12 < month <= 31 and 1 <= day <= 12 and "m" in groups:
        day, month = month, day  # "Tuesday (5/26)": month first, as in American English
    if month is None or not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    if text.endswith(")") and "(" not in text:
        text = text[:-1]
    return DateMention(
        start,
        start + len(text),
        text,
        day=day,
        month=month,
        year=int(year) if year else None,
        weekday=weekday,
        weekday_text=weekday_text,
        numeric="m" in groups,
    )


def _words(text: str) -> str:
    return " ".join(text.lower().split())


def _fold_day(text: str) -> str:
    return text.lower().replace("’", "'")


def resolve(
    mention: DateMention,
    published: date | None,
    years: Iterable[int] = (),
    latest: date | None = None,
) -> Resolved | None:
    """The calendar day a mention means, given the publication date (None when it has none).

    Two-digit years are 20xx unless that is after the publication year. Without a
    publication day, a day without a year is placed up to ``latest`` (the last day of the
    year or month the report is filed under) as up to a publication day; without either, a
    day and weekday take the one year next to ``years`` (the years the report writes
    elsewhere) in which the weekday fits. Returns None when the mention cannot be placed
    (no year and no publication date, or no such day).

    >>> resolve(find_dates("Senin (29/3/21)")[0], date(2021, 3, 30)).day
    datetime.date(2021, 3, 29)
    >>> resolve(find_dates("Rabu (27/9)")[0], None, [2018]).day
    datetime.date(2017, 9, 27)
    >>> resolve(find_dates("Senin (25/7)")[0], None, latest=date(2022, 12, 31)).day
    datetime.date(2022, 7, 25)
    """
    conf = Rules.load().confidence
    if mention.level == "year":
        note = f"the report says {mention.text!r}: only the year is given, check it"
        return Resolved(date(mention.year or 1, 1, 1), conf["date_year"], note, "year")
    if mention.level == "month":
        if mention.year is None or mention.month is None:
            return _back(mention, published, years, conf)
        first = date(mention.year, mention.month, 1)
        if mention.span:
            note = f"the report gives a span of days ({mention.text}): only the month is given"
            return Resolved(first, conf["date_span"], note, "month")
        return Resolved(first, conf["date_month"], None, "month")
    if mention.weeks is not None:
        return _weekday_of_week(mention, published, conf)
    if mention.relative is not None:
        if published is None:
            return None
        return Resolved(published + timedelta(days=mention.relative), conf["date_relative"])
    if mention.day is None:
        return _weekday_only(mention, published, conf)
    if mention.year is not None:
        year = _full_year(mention.year, published)
        day = _day(year, mention.month, mention.day)
        if day is None:
            return None
        return _year_slip(mention, day, published, conf) or _checked(
            mention, day, conf["date_full"], conf
        )
    bound = published or latest
    if bound is None:
        return _year_from_text(mention, years, conf)
    candidates = [
        d
        for year in (bound.year, bound.year - 1)
        if (d := _day(year, mention.month, mention.day)) is not None and d <= bound
    ]
    if not candidates:
        return None
    if mention.weekday is None:
        return Resolved(candidates[0], conf["date_no_weekday"])
    fitting = [d for d in candidates if d.weekday() == mention.weekday]
    if fitting and published is None:
        note = (
            f"the report gives no year for {mention.text}; {fitting[0].year} is the year, up to "
            "the one its address files it under, in which the weekday fits: check it"
        )
        return Resolved(fitting[0], conf["date_weekday_fits"], note)
    if fitting:
        return Resolved(fitting[0], conf["date_weekday_fits"])
    ahead = _ahead(mention, published)
    if ahead is not None:
        return Resolved(ahead, conf["date_weekday_fits"])
    if published is None:  # an address's year is no publication day: the weekday must fit
        return _year_from_text(mention, years, conf)
    return _checked(mention, candidates[0], conf["date_weekday_fits"], conf)


def _back(mention: DateMention, published: date | None, years, conf: dict) -> Resolved | None:
    """A month counted back from publication (``bulan lalu``), or a month named without a
    year (``Juli lalu``, ``pada bulan Juli``): the latest such month up to publication; a week
    counted back (``pekan lalu``): its month. Month precision, flagged.

    >>> resolve(find_dates("pada bulan Desember")[0], date(2024, 7, 17)).text
    '2023-12'
    >>> resolve(find_dates("bulan lalu")[0], date(2024, 1, 5)).text
    '2023-12'
    """
    if mention.weeks is not None:
        if published is None:
            return None
        day = published + timedelta(days=7 * mention.weeks)
        monday = day - timedelta(days=day.weekday())
        split = monday.month != (monday + timedelta(days=6)).month
        note = f"the report says {mention.text!r}: only the month is given, check it"
        return Resolved(
            day.replace(day=1), conf["date_week_split" if split else "date_week"], note, "month"
        )
    if mention.months is not None:
        if published is None:
            return None
        count = published.year * 12 + published.month - 1 + mention.months
        first = date(count // 12, count % 12 + 1, 1)
    else:
        if mention.month is None:
            return None
        if published is not None:
            year = published.year - (mention.month > published.month)
        else:
            year = _one_year(years)
            if year is None:
                return None
        first = date(year, mention.month, 1)
    note = f"the report says {mention.text!r}: only the month is given, check it"
    return Resolved(first, conf["date_month_back"], note, "month")


def _one_year(years: Iterable[int]) -> int | None:
    found = set(years)
    return found.pop() if len(found) == 1 else None


def _weekday_of_week(mention: DateMention, published: date | None, conf: dict) -> Resolved | None:
    """``Kamis pekan lalu``: that weekday of the week (Monday first) before publication's.

    >>> resolve(find_dates("Kamis pekan lalu")[0], date(2024, 7, 17)).day
    datetime.date(2024, 7, 11)
    """
    if published is None or mention.weekday is None:
        return None
    monday = published - timedelta(days=published.weekday() - 7 * (mention.weeks or 0))
    note = f"the report says {mention.text!r}; the day is counted from publication, check it"
    return Resolved(monday + timedelta(days=mention.weekday), conf["date_weekday_only"], note)


def _year_from_text(mention: DateMention, years: Iterable[int], conf: dict) -> Resolved | None:
    if mention.weekday is None:
        return None
    near = {y + step for y in years for step in (-1, 0, 1)}
    fitting = {
        d
        for year in near
        if (d := _day(year, mention.month, mention.day)) and d.weekday() == mention.weekday
    }
    if len(fitting) != 1:
        return None
    (day,) = fitting
    note = (
        f"the report gives no year for {mention.text}; {day.year} is the year near those the "
        "report names in which the weekday fits: check it"
    )
    return Resolved(day, conf["date_year_from_text"], note)


def _year_slip(
    mention: DateMention, day: date, published: date | None, conf: dict
) -> Resolved | None:
    """A date early in the year written with the year before (``Rabu 3 Januari 2023`` in a
    report of January 2024): when the weekday does not fit the year written but fits the
    publication's year, up to publication, the year written is a slip.

    >>> resolve(find_dates("Rabu 3 Januari 2023")[0], date(2024, 1, 3)).day
    datetime.date(2024, 1, 3)
    """
    if published is None or mention.weekday is None or day.weekday() == mention.weekday:
        return None
    if day.year != published.year - 1:
        return None
    fixed = _day(published.year, day.month, day.day)
    if fixed is None or fixed > published or fixed.weekday() != mention.weekday:
        return None
    note = (
        f"the report writes {mention.text}, but {day.isoformat()} was a "
        f"{_EN_DAYS[day.weekday()]}; {fixed.isoformat()}, up to publication, is the "
        f"{_EN_DAYS[mention.weekday]}: the year written is taken for a slip, check it"
    )
    return Resolved(fixed, conf["date_year_slip"], note)


def _checked(mention: DateMention, day: date, sure: float, conf: dict) -> Resolved:
    if mention.weekday is not None and day.weekday() != mention.weekday:
        swapped = _day(day.year, mention.day, mention.month) if mention.numeric else None
        if swapped is not None and swapped.weekday() == mention.weekday:
            note = (
                f"the report writes {mention.text}; read day and month the other way round, "
                f"{swapped.isoformat()} is the {_EN_DAYS[mention.weekday]}: check it"
            )
            return Resolved(swapped, conf["date_swapped"], note)
        note = (
            f"the article says {mention.text}, but {day.isoformat()} was a "
            f"{_EN_DAYS[day.weekday()]}"
        )
        if _days_apart(day.weekday(), mention.weekday) > 1:
            note += "; weekday and day are too far apart to trust either, only the month is given"
            return Resolved(day.replace(day=1), conf["date_weekday_far"], note, "month")
        return Resolved(day, conf["date_weekday_wrong"], note)
    return Resolved(day, sure)


def _ahead(mention: DateMention, published: date | None) -> date | None:
    """A day without a year a few weeks after publication whose weekday fits that year (``akan
    diteken Jumat (9/8)`` in a report of 7 August 2024): a signing still to come, not one a
    year earlier nor one read with day and month the other way round.

    >>> _ahead(find_dates("Jumat (9/8)")[0], date(2024, 8, 7))
    datetime.date(2024, 8, 9)
    >>> _ahead(find_dates("Kamis (9/8)")[0], date(2024, 8, 7)) is None
    True
    """
    if published is None or mention.weekday is None:
        return None
    day = _day(published.year, mention.month, mention.day)
    soon = day is not None and published < day <= published + timedelta(days=AHEAD_DAYS)
    return day if soon and day.weekday() == mention.weekday else None


def _days_apart(one: int, other: int) -> int:
    """Days between two weekdays, either way round the week: a slip of one day (``Sabtu``
    for a Friday) keeps the date; more makes both doubtful.

    >>> _days_apart(4, 5), _days_apart(6, 0), _days_apart(1, 6)
    (1, 1, 2)
    """
    apart = abs(one - other) % 7
    return min(apart, 7 - apart)


def _weekday_only(mention: DateMention, published: date | None, conf: dict) -> Resolved | None:
    if published is None or mention.weekday is None:
        return None
    back = (published.weekday() - mention.weekday) % 7
    day = published - timedelta(days=back)
    note = (
        f"the report says {mention.text!r} only: {day.isoformat()} is the last such day up to "
        f"publication ({published.isoformat()}), check it"
    )
    return Resolved(day, conf["date_relative"], note)


def _full_year(year: int, published: date | None) -> int:
    if year >= 100:
        return year
    limit = (published.year if published else date.today().year) % 100
    return 2000 + year if year <= limit else 1900 + year


def _day(year: int, month: int | None, day: int | None) -> date | None:
    try:
        return date(year, month or 0, day or 0)
    except ValueError:
        return None
