"""Did you mean: corrections of mistyped words from the archive's own vocabulary.

A word the archive does not hold ("tiin", "vịet", "ocpo") is compared, folded,
with the words it does: Vietnamese syllables (onset + rhyme, see
``vietnamese.text.is_syllable``) within two edits, and any word one edit away
(a letter dropped, added, changed, or two swapped: "ocpo" -> "ocop"). Those
the index holds are ranked by how often they occur as a pair with the words
next to them ("ưu tiên", "tiên dùng"), then by closeness and frequency; a word
typed with diacritics gets back the spelling the archive prints most with its
neighbours ("vịet" -> "việt").

The vocabulary is the embedded index's (``search.engines.embedded.postings``),
which is kept whatever engine answers: the same suggestions on every engine.
"""

from __future__ import annotations

import itertools
import unicodedata

from search.engines.embedded.postings import store_for_connection
from search.queryplan import index_token
from vietnamese.text import fold, normalize, syllables, tokenize

MAX_DISTANCE = 2
COUNT_CAP = 1000  # pair counts past this say nothing more (and cost more on PostgreSQL)
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_MARKED = {"a": "aăâ", "e": "eê", "o": "oôơ", "u": "uư", "d": "dđ"}
_TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
_VOWELS = set("aeiouy")


def distance(a: str, b: str, limit: int = MAX_DISTANCE) -> int:
    """Edits from ``a`` to ``b`` (insert, delete, change, swap of neighbours),
    or ``limit + 1`` once it is sure to be more than ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        row = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = ca != cb
            row[j] = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                row[j] = min(row[j], prev2[j - 2] + 1)
        if min(row) > limit:
            return limit + 1
        prev2, prev = prev, row
    return prev[-1]


def _edits1(word: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    out |= {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
    out |= {a + c + b for a, b in splits for c in _LETTERS}
    out.discard(word)
    return out


MIN_LENGTH = 3  # shorter words are too close to too many others
TWO_EDITS_FROM = 5  # letters a word needs before two edits are tried


def candidates(folded: str) -> dict[str, int]:
    """Folded words close to ``folded`` -> their distance: any word one edit
    away, and for a word of ``TWO_EDITS_FROM`` letters or more the syllables
    within two."""
    if len(folded) < MIN_LENGTH:
        return {}
    found = {w: 1 for w in _edits1(folded)}
    if folded.isalpha() and TWO_EDITS_FROM <= len(folded) <= 8:
        for syllable in syllables():
            d = distance(folded, syllable)
            if 0 < d <= MAX_DISTANCE:
                found[syllable] = min(found.get(syllable, d), d)
    return found


def spellings(folded: str) -> list[str]:
    """The ways ``folded`` can be written with diacritics ("viet" -> "việt", "viết", ...)."""
    choices = [_MARKED.get(c, c) if c != "d" or i == 0 else c for i, c in enumerate(folded)]
    out = set()
    vowels = [i for i, c in enumerate(folded) if c in _VOWELS]
    for letters in itertools.product(*choices):
        base = "".join(letters)
        out.add(base)
        for i in vowels:
            for tone in _TONES[1:]:
                out.add(normalize(unicodedata.normalize("NFC", base[: i + 1] + tone + base[i + 1 :])))
        if len(out) > 400:
            break
    return sorted(out)


def correct(text: str, unknown: list[str]) -> str | None:
    """The query with each unknown word replaced by its best correction, or
    None when none is found."""
    store = store_for_connection()

    def freq(tokens):
        return store.doc_freq(list(dict.fromkeys(tokens)), cap=COUNT_CAP) if tokens else {}

    typed = tokenize(text)
    out = list(typed)
    missing = set(unknown)
    changed = False
    # A query typed with diacritics gets its corrections spelled with them.
    spelled = any(t != fold(t) for t in typed)
    for i, word in enumerate(typed):
        folded = fold(word)
        if word not in missing or not folded.isalpha():
            continue
        accented = word != folded
        close = candidates(folded)
        if accented:
            close[folded] = 0  # the same letters, other marks: "vịet" -> "việt"
        counts = freq(list(close))
        close = {c: d for c, d in close.items() if counts.get(c)}
        if not close:
            continue
        before = fold(out[i - 1]) if i else None
        after = fold(typed[i + 1]) if i + 1 < len(typed) else None
        pairs = [p for c in close for p in (f"{before}_{c}" if before else None, f"{c}_{after}" if after else None) if p]
        pair_counts = freq(pairs)

        def paired(c, counts=pair_counts, before=before, after=after):
            return (counts.get(f"{before}_{c}", 0) if before else 0) + (counts.get(f"{c}_{after}", 0) if after else 0)

        if before or after:
            # Among other words, a correction must make a pair the archive holds.
            close = {c: d for c, d in close.items() if paired(c)}
            if not close:
                continue
        best = max(close, key=lambda c: (-close[c], paired(c), counts[c], c))
        choice = best
        if spelled:
            choice = _spelled(best, out[i - 1] if i else None, typed[i + 1] if i + 1 < len(typed) else None, freq) or best
        if choice != word:
            out[i] = choice
            changed = True
    return " ".join(out) if changed else None


def _spelled(folded: str, before: str | None, after: str | None, freq) -> str | None:
    """The archive's spelling of ``folded`` that goes best with its neighbours."""
    forms = spellings(folded)
    tokens = {v: index_token(v, folded) for v in forms}
    counts = freq(list(tokens.values()))
    held = [v for v in forms if counts.get(tokens[v])]
    if not held:
        return None
    pair_tokens = {}
    for v in held:
        pair_tokens[v] = [
            index_token(f"{x}_{v}" if side == "before" else f"{v}_{x}", f"{fold(x)}_{folded}" if side == "before" else f"{folded}_{fold(x)}")
            for side, x in (("before", before), ("after", after))
            if x
        ]
    pair_counts = freq([t for ts in pair_tokens.values() for t in ts])
    return max(held, key=lambda v: (sum(pair_counts.get(t, 0) for t in pair_tokens[v]), counts[tokens[v]], v))
