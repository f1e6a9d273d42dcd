"""Dates known to the day, the month or the year only, as real reports give them.

A :class:`PartialDate` keeps the precision a source gives (``"2022-07-18"``,
``"2022-07"``, ``"2022"``); two dates are compared at the coarser of their precisions,
so a signing in ``"2022-07"`` is not later than a report published on 2022-07-19.

>>> PartialDate.parse("2022-07").precision
'month'
>>> PartialDate.parse("2022-07").later_than(PartialDate.parse("2022-07-19"))
False
>>> PartialDate.parse("2022-08").later_than(PartialDate.parse("2022-07-19"))
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
"""``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""

PRECISIONS = ("year", "month", "day")
"""Precision names, coarsest first; the index + 1 is the number of parts known."""


@dataclass(frozen=True)
class PartialDate:
    """A calendar date whose month and day may be unknown (``month``/``day`` None)."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """The date written as ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

        :raises ValueError: the text has another form, or names no real month or day.

        >>> PartialDate.parse("2019-02-01").isoformat()
        '2019-02-01'
        >>> PartialDate.parse("2019-13")
        Traceback (most recent call last):
        ValueError: 2019-13 has no month 13
        """
        match = PARTIAL_DATE.match(text)
        if match is None:
            raise ValueError(f"{text} is not written as YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = (int(part) if part else None for part in match.groups())
        if day is not None:
            return cls.of(date(year, month, day))
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"{text} has no month {month}")
        return cls(year, month)

    @classmethod
    def of(cls, day: date) -> PartialDate:
        """A full calendar date.

        >>> PartialDate.of(date(2019, 2, 1)).precision
        'day'
        """
        return cls(day.year, day.month, day.day)

    @property
    def parts(self) -> tuple[int, ...]:
        """The known parts, year first."""
        return tuple(p for p in (self.year, self.month, self.day) if p is not None)

    @property
    def precision(self) -> str:
        """``"day"``, ``"month"`` or ``"year"``."""
        return PRECISIONS[len(self.parts) - 1]

    def isoformat(self) -> str:
        """The date as written in records and in XSD (``2019``, ``2019-02``, ``2019-02-01``)."""
        return "-".join([f"{self.year:04d}", *(f"{p:02d}" for p in self.parts[1:])])

    def as_date(self) -> date | None:
        """The calendar date when the day is known, else None."""
        return date(*self.parts) if self.day is not None else None

    def later_than(self, other: PartialDate) -> bool:
        """True when this date is later than ``other`` at the coarser of the two precisions."""
        n = min(len(self.parts), len(other.parts))
        return self.parts[:n] > other.parts[:n]

    def __str__(self) -> str:
        return self.isoformat()
