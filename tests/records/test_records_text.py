"""Text cleaning: the fast path for already-clean text gives what the full cleaning gives.

``clean_text`` skips the character-by-character pass for printable NFC text; ``fold`` and
``slugify`` are memoised. These tests hold them to the full, unmemoised functions.
"""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govkg.text_hygiene import _clean_any, clean_text, fold, slugify

TRICKY = [
    "",
    " ",
    "Badan Pengawas Obat",
    "  Badan   Pengawas  Obat  ",
    "Cafe\u0301 de Me\u0301dan",  # decomposed accents: NFC composes them
    "Café de Médan",
    "ﬁeld ﬀ",  # compatibility ligatures stay (NFC, not NFKC)
    "Badan\u200b Pengawas\u200c\u200d\u2060\ufeff Obat\u00ad",
    "Kepala\tBadan\t\tPOM",
    "baris satu\nbaris dua\r\nbaris tiga\r",
    "  \n  kosong di atas\n\n\n  ",
    "bell\x07 escape\x1b del\x7f nul\x00",
    "\x1c\x1d\x1e\x1f\x85 separators",
    "Kepala\u00a0Badan\u2002Pusat\u202fStatistik\u3000Jakarta\u205f!",
    "Ogham\u1680space and line\u2028para\u2029sep",
    "private\ue000use and surrogate \ud800",
    "Dr.\u00a0H.\u00a0Abdullah,\u00a0M.Si.",
    "KEMENTERIAN  PENDIDIKAN, KEBUDAYAAN, RISET, DAN TEKNOLOGI",
    "Pemkab.   Serang (Banten) — 2019/02/01",
    "ǅemal İstanbul ß straße ΣΑΣ",
    "日本語\u3000テキスト",
]
SOME_TEXT = st.text(
    st.characters(codec="utf-8")
    | st.sampled_from(" \t\n\r\x00\x07\x85\u00a0\u00ad\u0301\u200b\u2002\u2028\ufeff"),
    max_size=40,
)


def full_fold(value: str) -> str:
    """``fold`` as written before memoising, on the full cleaning."""
    value = re.sub(r"[^\w]+", " ", _clean_any(value, False).casefold())
    return " ".join(value.split())


def full_slugify(value: str) -> str:
    """``slugify`` as written before memoising, on the full cleaning."""
    ascii_text = unicodedata.normalize("NFKD", _clean_any(value, False)).encode("ascii", "ignore")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.decode().lower()).strip("-")
    return slug or "x"


@pytest.mark.parametrize("text", TRICKY)
@pytest.mark.parametrize("multiline", [False, True])
def test_clean_text_matches_full_cleaning(text, multiline):
    assert clean_text(text, multiline=multiline) == _clean_any(text, multiline)


@pytest.mark.parametrize("text", TRICKY)
def test_fold_and_slugify_match_full_cleaning(text):
    assert fold(text) == full_fold(text)
    assert slugify(text) == full_slugify(text)


def test_examples():
    assert clean_text("Cafe\u0301") == "Caf\u00e9"
    assert clean_text("a\u200bb\x07c\u00a0 d\t e") == "abc d e"
    assert clean_text(" x \r\n\n y \r", multiline=True) == "x\n\ny"
    assert clean_text(" x \r\n y ") == "x y"
    assert fold("Pemkab.  SERANG\u00a0(Banten)") == "pemkab serang banten"


@settings(max_examples=500, deadline=None)
@given(SOME_TEXT, st.booleans())
def test_clean_text_matches_full_cleaning_on_any_text(text, multiline):
    assert clean_text(text, multiline=multiline) == _clean_any(text, multiline)


@settings(max_examples=500, deadline=None)
@given(SOME_TEXT)
def test_fold_and_slugify_match_full_cleaning_on_any_text(text):
    assert fold(text) == full_fold(text)
    assert slugify(text) == full_slugify(text)
