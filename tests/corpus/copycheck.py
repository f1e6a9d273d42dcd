"""Checks that corpus records hold facts in the team's own words, not a report's sentences.

Free text in a record (scope, notes) is short, and shares no run of ``RUN`` words with the
report it was made from (when the report's text is on this machine, in ``corpus-texts/``).

>>> shared_runs("The two parties agreed on joint training.", "they agreed on joint training")
[]
>>> shared_runs("a b c d e f g h i j k", "x a b c d e f g h i j y", run=10)
['a b c d e f g h i j']
"""

from __future__ import annotations

import re
from collections.abc import Iterator

RUN = 10
"""Words in a row that a record may not share with its report (names rarely run this long)."""

LIMITS = {"scope": 200, "notes": 300}
"""Longest free text, in characters, per field; any other text field: ``OTHER_LIMIT``."""
OTHER_LIMIT = 300
EXEMPT = {"title", "url"}
"""Bibliographic fields that are the report's own by nature (its headline and address)."""

_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """Lower-cased word tokens: ``words("Kepala LAN, Adi")`` → ``['kepala', 'lan', 'adi']``."""
    return [w.lower() for w in _WORD.findall(text)]


def shared_runs(mine: str, report: str, run: int = RUN) -> list[str]:
    """Runs of ``run`` words that ``mine`` shares with ``report``, in ``mine``'s order."""
    theirs = words(report)
    seen = {tuple(theirs[i : i + run]) for i in range(len(theirs) - run + 1)}
    ours = words(mine)
    return [
        " ".join(ours[i : i + run])
        for i in range(len(ours) - run + 1)
        if tuple(ours[i : i + run]) in seen
    ]


def free_texts(node: object, path: str = "") -> Iterator[tuple[str, str, str]]:
    """(path, field name, text) of every string in a parsed record, titles and URLs left out."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in EXEMPT:
                continue
            yield from free_texts(value, f"{path}.{key}" if path else str(key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from free_texts(value, f"{path}[{i}]")
    elif isinstance(node, str):
        yield path, path.rsplit(".", 1)[-1].split("[")[0], node


def too_long(node: object) -> list[str]:
    """Paths of texts over their field's length limit, with their lengths."""
    return [
        f"{path}: {len(text)} characters (limit {LIMITS.get(field, OTHER_LIMIT)})"
        for path, field, text in free_texts(node)
        if len(text) > LIMITS.get(field, OTHER_LIMIT)
    ]


def copied(node: object, report: str) -> list[str]:
    """Paths of scope and note texts that share a run of words with the report."""
    return [
        f"{path}: {run!r}"
        for path, field, text in free_texts(node)
        if field in LIMITS
        for run in shared_runs(text, report)[:1]
    ]
