"""The extraction rules (``rules.yaml``) loaded once, with phrase lists ready to match tokens.

Every phrase list becomes a :class:`Phrases` index over token keys (see
:mod:`govkg.extract.text`), so matching a cue at a token is a few dict look-ups.

>>> rules = Rules.load()
>>> rules.kind_of(("nota", "kesepahaman"))
'mou'
>>> rules.months["maret"], rules.weekdays["jumat"]
(3, 4)
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from govkg.extract.text import phrase_keys


class Phrases:
    """Phrases as tuples of token keys, each with a value; the longest match at a token wins.

    >>> p = Phrases({"di bidang": "cue", "bidang": "cue"})
    >>> p.match(("di", "bidang", "pendidikan"), 0)
    (2, 'cue')
    >>> p.match(("kerja",), 0) is None
    True
    """

    def __init__(self, phrases: dict[str, Any] | Iterable[str]) -> None:
        items = phrases.items() if isinstance(phrases, dict) else ((p, True) for p in phrases)
        self.index: dict[tuple[str, ...], Any] = {}
        for phrase, value in items:
            if not isinstance(phrase, str):
                raise TypeError(f"rule phrase {phrase!r} is not text (quote it in rules.yaml)")
            keys = phrase_keys(phrase)
            if keys:
                self.index.setdefault(keys, value)
        self.lengths = sorted({len(k) for k in self.index}, reverse=True)
        self.firsts = {k[0] for k in self.index}

    def __contains__(self, keys: object) -> bool:
        return keys in self.index

    def match(self, keys: Sequence[str], at: int, end: int | None = None) -> tuple[int, Any] | None:
        """``(length, value)`` of the longest phrase starting at ``keys[at]`` (and ending by
        ``end``), or None.

        >>> Phrases(["kerja sama"]).match(("kerja", "sama"), 0, end=1) is None
        True
        """
        end = len(keys) if end is None else end
        if at >= end or keys[at] not in self.firsts:
            return None
        index = self.index
        for length in self.lengths:
            if at + length <= end:
                found = index.get(tuple(keys[at : at + length]))
                if found is not None:
                    return length, found
        return None

    def find(self, keys: Sequence[str], start: int = 0, end: int | None = None):
        """Every ``(position, length, value)`` match in ``keys[start:end]``, left to right.

        An ``end`` past the last word stops at it.

        >>> list(Phrases(["mou", "pks"]).find(("mou", "dan", "pks"), 1, 9))
        [(2, 1, True)]
        """
        end = len(keys) if end is None else min(end, len(keys))
        firsts = self.firsts
        at = start
        while at < end:
            hit = self.match(keys, at, end) if keys[at] in firsts else None
            if hit:
                yield at, hit[0], hit[1]
                at += hit[0]
            else:
                at += 1


@dataclass(frozen=True)
class Rules:
    """The rules file, as phrase indexes and tables."""

    data: dict[str, Any]
    months: dict[str, int]
    weekdays: dict[str, int]
    kinds: Phrases
    cues: dict[str, Phrases]
    numbers: dict[str, int]
    field_cues: Phrases
    field_stops: Phrases
    field_separators: Phrases
    field_qualifiers: Phrases
    field_fillers: Phrases
    agreement_words: Phrases
    prefix_titles: frozenset[str]
    suffix_titles: frozenset[str]
    particles: frozenset[str]
    acting: Phrases
    confidence: dict[str, float]

    @classmethod
    def load(cls) -> Rules:
        """The bundled ``rules.yaml`` (read once, then cached).

        >>> Rules.load() is Rules.load()
        True
        """
        return _load()

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Rules:
        """Rules from an already parsed rules mapping (for tests of alternative rules).

        >>> import copy
        >>> data = copy.deepcopy(Rules.load().data)
        >>> data["kinds"]["mou"].append("piagam")
        >>> Rules.from_data(data).kind_of(("piagam",))
        'mou'
        """
        cues = {name: Phrases(words) for name, words in data["cues"].items() if name != "numbers"}
        kinds = {phrase: kind for kind, phrases in data["kinds"].items() for phrase in phrases}
        fields = data["fields"]
        titles = data["titles"]
        return cls(
            data=data,
            months={str(k): int(v) for k, v in data["months"].items()},
            weekdays={str(k): int(v) for k, v in data["weekdays"].items()},
            kinds=Phrases(kinds),
            cues=cues,
            numbers={str(k): int(v) for k, v in data["cues"]["numbers"].items()},
            field_cues=Phrases(fields["cues"]),
            field_stops=Phrases(fields["stops"]),
            field_separators=Phrases(fields["separators"]),
            field_qualifiers=Phrases(fields["qualifiers"]),
            field_fillers=Phrases(fields["fillers"]),
            agreement_words=Phrases(data["agreement_words"]),
            prefix_titles=frozenset(titles["prefix"]),
            suffix_titles=frozenset(titles["suffix"]),
            particles=frozenset(titles["particles"]),
            acting=Phrases(data["posts"]["acting"]),
            confidence={str(k): float(v) for k, v in data["confidence"].items()},
        )

    def kind_of(self, keys: Sequence[str]) -> str | None:
        """The record kind a whole phrase names (``("mou",)`` → ``"mou"``), or None.

        >>> Rules.load().kind_of(("pks",)), Rules.load().kind_of(("kerja",))
        ('pks', None)
        """
        hit = self.kinds.match(keys, 0)
        return hit[1] if hit and hit[0] == len(keys) else None

    def cue(self, name: str) -> Phrases:
        """The phrases of one cue list (``signing``, ``witness`` …).

        >>> Rules.load().cue("witness").match(("disaksikan", "oleh"), 0)
        (2, True)
        """
        return self.cues[name]


@functools.cache
def _load() -> Rules:
    text = resources.files("govkg.extract").joinpath("rules.yaml").read_text(encoding="utf-8")
    return Rules.from_data(yaml.safe_load(text))
