"""``fold`` memoised for the parser: the same short strings (a line, its first words, a kind
word) are folded by several parts of the parse, so each is folded once per file."""

from __future__ import annotations

from functools import lru_cache

from vietnamese.text import fold


@lru_cache(maxsize=32768)
def folded(text: str) -> str:
    """``vietnamese.text.fold(text)``, memoised (for short strings: lines, words, names)."""
    return fold(text)


@lru_cache(maxsize=4096)
def folds_to_vowel(char: str) -> bool:
    """Whether ``char`` folds to a vowel letter ("ữ" -> "u"), or to nothing (a lone mark)."""
    return fold(char) in "aeiouy"
