"""Text hygiene for untrusted input: NFC, no control or zero-width characters, folded keys.

>>> clean_text("Badan\\u200b Pengawas\\x07 Obat  ")
'Badan Pengawas Obat'
>>> fold("Pemerintah  Kabupaten  SERANG")
'pemerintah kabupaten serang'
>>> slugify("Kabupaten Aceh Tengah (Takengon)")
'kabupaten-aceh-tengah-takengon'
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_INVISIBLE = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"}
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_NON_WORD = re.compile(r"[^\w]+")
_NON_SLUG = re.compile(r"[^a-z0-9]+")
_MEMO_SIZE = 1 << 16
"""Folded keys and slugs remembered (names repeat across thousands of records)."""


def clean_text(value: str, *, multiline: bool = False) -> str:
    """NFC-normalise, drop control and zero-width characters, collapse runs of spaces.

    Newlines survive only when ``multiline`` is true (scope texts, notes).

    >>> clean_text("Kepala\\u00a0 Badan\\n", multiline=True), clean_text("a\\tb\\r\\nc")
    ('Kepala Badan', 'a b c')
    """
    if value.isprintable() and unicodedata.is_normalized("NFC", value):
        # Printable text has no control, zero-width or newline characters and no space
        # but U+0020: only runs of spaces are left to collapse.
        return " ".join(value.split())
    return _clean_any(value, multiline)


def _clean_any(value: str, multiline: bool) -> str:
    value = unicodedata.normalize("NFC", value)
    kept = []
    for ch in value:
        if ch in _INVISIBLE:
            continue
        if ch in "\n\r" and multiline:
            kept.append("\n" if ch == "\n" else "")
            continue
        if unicodedata.category(ch) in {"Cc", "Cf", "Cs", "Co"}:
            kept.append(" " if ch in "\t\n\r" else "")
            continue
        kept.append(ch)
    lines = [_SPACES.sub(" ", line).strip() for line in "".join(kept).split("\n")]
    return "\n".join(lines).strip()


@lru_cache(maxsize=_MEMO_SIZE)
def fold(value: str) -> str:
    """A comparison key: cleaned, case-folded, accents kept, punctuation as spaces."""
    value = _NON_WORD.sub(" ", clean_text(value).casefold())
    return " ".join(value.split())


@lru_cache(maxsize=_MEMO_SIZE)
def slugify(value: str) -> str:
    """An IRI-safe slug: ASCII letters and digits joined by hyphens."""
    ascii_text = unicodedata.normalize("NFKD", clean_text(value)).encode("ascii", "ignore")
    slug = _NON_SLUG.sub("-", ascii_text.decode().lower()).strip("-")
    return slug or "x"


def name_key(name: str) -> str:
    """The comparison key of a name: folded, and without accents.

    >>> name_key("  Kementerian  Luar Negéri ")
    'kementerian luar negeri'
    """
    folded = fold(name)
    if folded.isascii():
        return folded
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
