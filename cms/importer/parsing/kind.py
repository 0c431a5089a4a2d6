"""The document's kind from its title line."""

from __future__ import annotations


from vietnamese.text import fold
from vietnamese.vocabulary import DOCUMENT_KINDS, KIND_WORDS

from .folding import folded


def kind_title(line: str) -> tuple[str | None | bool, str]:
    """(kind, rest) of a title line: "KẾ HOẠCH" -> ("ke_hoach", ""); "BÁO CÁO TỔNG KẾT NĂM 2023"
    -> ("bao_cao", "TỔNG KẾT NĂM 2023"); (False, "") for any other line."""
    exact = kind_from_words(line)
    if exact is not False:
        return exact, ""
    if _first_word(line) not in KIND_FIRST_WORDS:
        return False, ""  # no kind starts with this word (a prefix folds to the same first word)
    words = line.split()
    for n in (4, 3, 2):
        if len(words) > n:
            kind = kind_from_words(" ".join(words[:n]))
            if kind is not False:
                return kind, " ".join(words[n:])
    return False, ""


# Folded kind words -> kind code, for every kind a document can be (a "Quy định" too, though the
# archive files it without a kind of its own); "văn bản" names none.
KIND_KEYS: dict[str, str | None] = {}
for _kind in DOCUMENT_KINDS:
    for _words in (_kind.label, *_kind.words):
        KIND_KEYS.setdefault(fold(_words), _kind.code)
for _words, _code in KIND_WORDS:
    KIND_KEYS.setdefault(fold(_words), _code)


KIND_FIRST_WORDS = frozenset(key.split(" ", 1)[0] for key in KIND_KEYS)


def _first_word(text: str) -> str:
    """The first word of ``fold(text)``, folding only that word where it folds to one."""
    words = text.split(None, 1)
    if not words:
        return ""
    first = folded(words[0])
    return first if first and " " not in first else folded(text).split(" ", 1)[0]


def kind_from_words(text: str) -> str | None | bool:
    """Kind code named by ``text`` (a title line); False if it names none."""
    if len(text) > 80 and len(" ".join(text.split())) > 80:
        return False  # far longer than any kind's words: body text, no folding
    if _first_word(text) not in KIND_FIRST_WORDS:
        return False  # most lines: no kind starts with their first word
    return KIND_KEYS.get(folded(text), False)
