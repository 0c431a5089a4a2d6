"""The document's kind from its title line."""

from __future__ import annotations


from vietnamese.text import fold
from vietnamese.vocabulary import DOCUMENT_KINDS, KIND_WORDS


def kind_title(line: str) -> tuple[str | None | bool, str]:
    """(kind, rest) of a title line: "KẾ HOẠCH" -> ("ke_hoach", ""); "BÁO CÁO TỔNG KẾT NĂM 2023"
    -> ("bao_cao", "TỔNG KẾT NĂM 2023"); (False, "") for any other line."""
    exact = kind_from_words(line)
    if exact is not False:
        return exact, ""
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


def kind_from_words(text: str) -> str | None | bool:
    """Kind code named by ``text`` (a title line); False if it names none."""
    return KIND_KEYS.get(fold(text), False)
