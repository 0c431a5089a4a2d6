"""Vietnamese text: normalisation, tone placement, folding, syllable tokens.

The base of every layer (the importer's parser, the page models, the search
index and its queries, the snippets): standard library only, nothing of the
project, so each layer can use it and it can be tested on its own.

Vietnamese is written as space-separated syllables carrying diacritics, and the
same word reaches us in several spellings: precomposed or decomposed Unicode,
two tone-mark placements ("hoá"/"hóa", "uỷ"/"ủy"), UPPERCASE headings, typed
without any diacritics by a user in a hurry. Everything here exists to map
those spellings onto one key, cheaply enough for ~100,000 documents:
precompiled regexes and ``str.translate`` tables do the per-character work.

Tone placement
    We canonicalise to the placement used by the official documents we archive
    and by most search engines: in an *open* syllable whose rhyme is
    oa / oe / uy the tone sits on the FIRST vowel: "hóa", "khỏe", "thủy", "ủy",
    "òa", "úy". Vietnamese orthography calls this the traditional ("kiểu cũ")
    placement; the reform placement ("kiểu mới") writes "hoá", "thuỷ", "uỷ".
    Both are accepted as input; output is always the former. In a *closed*
    syllable ("hoàn", "toán", "huỳnh") the tone can only sit on the second
    vowel, so misplaced input like "hòan" is moved there. The "u" of "qu" and
    the "i" of "gi" are part of the consonant, so "quý", "quả", "giá" keep the
    tone on the following vowel ("qủa" -> "quả", "gíup" -> "giúp").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from itertools import chain

__all__ = [
    "FOLD_TABLE",
    "TOKEN_RE",
    "Analysis",
    "analyze",
    "bigrams",
    "fix_tones",
    "fold",
    "fold_normalized",
    "is_syllable",
    "memo_map",
    "normalize",
    "phrases",
    "slugify",
    "syllables",
    "tokenize",
]

# ---------------------------------------------------------------------------
# Character tables
# ---------------------------------------------------------------------------

# Combining marks that can trail a letter; used so regexes treat a letter
# followed by a stray mark as still "inside" the word.
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_WORDCH = rf"[\w{_MARKS}]"

_TONE_MARKS = "\u0300\u0301\u0309\u0303\u0323"  # huyền, sắc, hỏi, ngã, nặng
_VOWELS = "aăâeêioôơuưy"
# (base vowel, tone mark) -> precomposed toned vowel, and the reverse.
_TONED = {(b, m): unicodedata.normalize("NFC", b + m) for b in _VOWELS for m in _TONE_MARKS}
_TONE_OF = {v: bm for bm, v in _TONED.items()}


def _toned(base: str, tone_mark_of: str) -> str:
    """``base`` carrying the tone of the toned vowel ``tone_mark_of``."""
    return _TONED[(base, _TONE_OF[tone_mark_of][1])]


def _with_tones(vowels: str) -> str:
    """All five toned forms of each vowel in ``vowels``, for regex classes."""
    return "".join(_TONED[(v, m)] for v in vowels for m in _TONE_MARKS)


# Punctuation variants that Word, PDFs and phones produce for the same thing,
# and invisible characters that would otherwise split or glue words.
_PUNCT = tuple(
    {
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\ufe58\ufe63\uff0d", "-"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\uff02\u301d\u301e", '"'),
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\uff07\u2039\u203a", "'"),
        "\u2026": "...",
        **dict.fromkeys("\u00ad\u200b\u200c\u200d\u2060\ufeff", ""),
    }.items()
)


def _build_fold_table() -> list[str | None]:
    """Code point -> ASCII base letter (Latin letters), None (combining marks).

    Built once from Unicode's canonical decompositions (so every Vietnamese
    letter is covered), plus the letters that have no decomposition (đ...).
    A list rather than a dict: ``str.translate`` indexes it three times
    faster, and code points past its end are left alone.
    """
    table: list[str | None] = [chr(cp) for cp in range(0x1F00)]
    for start, end in ((0x00C0, 0x0250), (0x1E00, 0x1F00)):
        for cp in range(start, end):
            decomposed = unicodedata.normalize("NFD", chr(cp))
            base = "".join(c for c in decomposed if not unicodedata.combining(c))
            if base != chr(cp) and base.isascii() and base:
                table[cp] = base
    for cp in range(0x0300, 0x0370):
        table[cp] = None
    for letter, base in {"đ": "d", "Đ": "D", "ð": "d", "ø": "o", "ł": "l", "ħ": "h", "ı": "i"}.items():
        table[ord(letter)] = base
    return table


FOLD_TABLE = _build_fold_table()

# ---------------------------------------------------------------------------
# normalize / fold
# ---------------------------------------------------------------------------

_ONSET = frozenset("bcdđghklmnprstvx")  # onset consonant letters, deliberately without "q"
_IS_WORDCH = re.compile(_WORDCH).match
# Vowel pairs whose tone placement may need moving; the context (start of
# syllable, what follows) is checked in ``_fix_tone`` so the regex engine can
# scan for these literal pairs quickly.
_TONE_CANDIDATE_RE = re.compile(
    rf"o[{_with_tones('ae')}]|u[{_with_tones('y')}]"  # tone on the 2nd vowel
    rf"|[{_with_tones('o')}][ae]|[{_with_tones('u')}]y"  # tone on the 1st vowel
    rf"|q[{_with_tones('u')}][aăâeêioôơy]|g[{_with_tones('i')}][aăâeêoôơuư]"  # qu / gi
)
_CLOSED_AFTER = {"a": "cmnptiyou", "e": "cmnptiyou", "y": "ntu"}


def _begins_word(s: str, i: int) -> bool:
    return i == 0 or not _IS_WORDCH(s, i - 1)


def _fix_tone(m: re.Match) -> str:
    """Move the tone of one candidate pair to its canonical vowel, if needed."""
    pair, s, start, end = m.group(), m.string, m.start(), m.end()
    after = s[end] if end < len(s) else ""
    if pair[0] in "qg":
        # the u of "qu" and the i of "gi" are consonant: tone the next vowel
        if not _begins_word(s, start) or (after and _MARK_RE.match(after)):
            return pair
        return pair[0] + _TONE_OF[pair[1]][0] + _toned(pair[2], pair[1])
    onset = start
    while onset > 0 and s[onset - 1] in _ONSET:
        onset -= 1
    if not _begins_word(s, onset):
        return pair
    if pair[1] in _TONE_OF:
        # tone on the 2nd vowel is wrong only in an open syllable: hoá -> hóa
        if after and _IS_WORDCH(after):
            return pair
        return _toned(pair[0], pair[1]) + _TONE_OF[pair[1]][0]
    # tone on the 1st vowel is wrong only in a closed syllable: hòan -> hoàn
    if after and after in _CLOSED_AFTER[pair[1]]:
        return _TONE_OF[pair[0]][0] + _toned(pair[1], pair[0])
    return pair


def normalize(text: str) -> str:
    """Canonical form of Vietnamese text for exact (accent-sensitive) matching.

    NFC, casefolded, one tone placement (see module docstring), ASCII dashes
    and quotes, no invisible characters, single spaces. Idempotent, so values
    can be normalised again at any layer without drifting.
    """
    return " ".join(_normalized_words(text))


# Each word's tone placement fixed once: a text repeats its words, an archive
# has some tens of thousands. The placement rules look no further than the
# word (``_fix_tone`` stops at a non-letter), so a word is fixed alone.
_TONE_FIXED: dict[str, str] = {}
_WORDS_MAX = 50_000


def _normalized_words(text: str) -> list[str]:
    """The words (whitespace-separated) of ``normalize(text)``."""
    if text.isascii():
        return text.casefold().split()
    s = unicodedata.normalize("NFC", text)
    for variant, plain in _PUNCT:
        if variant in s:
            s = s.replace(variant, plain)
    # NFC again: casefolding, or deleting an invisible character between a
    # letter and a combining mark, can leave composable sequences.
    return memo_map(_TONE_FIXED, unicodedata.normalize("NFC", s.casefold()).split(), _tone_fixed)


def _tone_fixed(word: str) -> str:
    return _TONE_CANDIDATE_RE.sub(_fix_tone, word)


def memo_map(cache: dict, keys, compute, limit: int = _WORDS_MAX) -> list:
    """``[compute(k) for k in keys]``, each distinct key computed once and kept
    in ``cache`` (emptied when it grows past ``limit``): texts repeat their
    words, so the per-word work runs once per word and the rest at C speed."""
    missing = set(keys).difference(cache)
    if missing:
        if len(cache) > limit:
            cache.clear()
            missing = set(keys)
        cache.update((k, compute(k)) for k in missing)
    try:
        return list(map(cache.__getitem__, keys))
    except KeyError:  # emptied by another thread meanwhile
        return [compute(k) for k in keys]


def fix_tones(text: str) -> str:
    """NFC and the tone placement of ``normalize``, with case, punctuation and spacing kept.

    "Uỷ ban" -> "Ủy ban", "HOÁ" -> "HÓA", "hòan" -> "hoàn", "qủa" -> "quả": for text that is
    shown or stored as written (issuer names, signers), where ``normalize`` would also lower
    the case and rewrite punctuation. Idempotent; on lower-case Vietnamese letters and single
    spaces it equals ``normalize``, and ``normalize(fix_tones(x)) == normalize(x)``.
    """
    s = unicodedata.normalize("NFC", text)
    if s.isascii():
        return s
    # The placement rules (``_TONE_CANDIDATE_RE`` and ``_fix_tone``, shared with ``normalize``)
    # work on lower case; a same-length lower-case copy maps each change back to its position
    # in ``s``, where the original letter's case is restored.
    low = s.lower()
    if len(low) != len(s):  # "İ" and the like lower-case to two code points
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in s)
    out: list[str] = []
    pos = 0
    for m in _TONE_CANDIDATE_RE.finditer(low):
        new = _fix_tone(m)
        if new == m.group():
            continue
        start, end = m.span()
        out.append(s[pos:start])
        out.extend(n.upper() if c.isupper() else n for c, n in zip(s[start:end], new))
        pos = end
    if not out:
        return s
    out.append(s[pos:])
    return "".join(out)


def fold_normalized(s: str) -> str:
    """``fold`` for a string that is already ``normalize``d."""
    if s.isascii():
        return s
    return " ".join(s.translate(FOLD_TABLE).split())


def fold(text: str) -> str:
    """``normalize`` then drop every diacritic and map đ -> d.

    What an unaccented query is compared with: "Đảng ủy" -> "dang uy".
    """
    return fold_normalized(normalize(text))


# ---------------------------------------------------------------------------
# tokens
# ---------------------------------------------------------------------------

# A token is a run of letters/digits (a syllable, a number, or a code like
# "ubnd"); stray combining marks (only in odd input) stay attached to their
# token. The simpler pattern is used when there are none: it's faster.
TOKEN_RE = re.compile(rf"[^\W_]+(?:[{_MARKS}]+[^\W_]*)*")
_PLAIN_TOKEN_RE = re.compile(r"[^\W_]+")
_MARK_RE = re.compile(rf"[{_MARKS}]")


def _tokens(normalized: str) -> list[str]:
    pattern = TOKEN_RE if _MARK_RE.search(normalized) else _PLAIN_TOKEN_RE
    return pattern.findall(normalized)


def tokenize(text: str) -> list[str]:
    """Syllable tokens of ``normalize(text)``; punctuation is dropped.

    Vietnamese words are space-separated syllables, so a syllable is the unit.
    Digits are kept and separators split, so "03-CT/TW" -> ["03", "ct", "tw"]
    and a number search still finds its pieces.
    """
    return _tokens(normalize(text))


def bigrams(tokens: list[str] | tuple[str, ...]) -> list[str]:
    """Adjacent syllable pairs joined with "_" ("hàng", "giả" -> "hàng_giả").

    Most Vietnamese words are two syllables; pairs let phrase-like queries
    ("hàng giả" vs "giả hàng") rank the right documents first.
    """
    return list(map("_".join, zip(tokens, tokens[1:])))


# Folded form of each token seen. Vietnamese has a few thousand syllables, so
# indexing a large archive folds each one once instead of once per occurrence.
_FOLD_CACHE: dict[str, str] = {}


def _fold_token(token: str) -> str:
    return token.translate(FOLD_TABLE)


def _fold_tokens(tokens: list[str]) -> list[str]:
    return memo_map(_FOLD_CACHE, tokens, _fold_token)


# Where a phrase ends: any punctuation but the hyphen ("Hỏi - đáp", "Bà Rịa - Vũng Tàu"
# are one phrase), and line breaks (marked before ``normalize`` joins the lines).
# Syllable pairs are only taken within a phrase: "… Long, vĩnh …" holds no "long vĩnh".
_LINE = "\u00b6"
_BREAK_RE = re.compile(rf"(?:_|[^\w\s\-{_MARKS}])+")


def phrases(text: str) -> list[list[str]]:
    """Syllable tokens of ``normalize(text)``, one list per phrase (split at
    punctuation other than "-" and at line breaks)."""
    return _phrases(_marked(text))


def _marked(text: str) -> str:
    """``normalize(text)`` with line breaks kept as a break character."""
    return " ".join(_marked_words(text))


def _marked_words(text: str) -> list[str]:
    """The words of ``_marked(text)``."""
    return _normalized_words(text.replace("\n", f" {_LINE} ") if "\n" in text else text)


def _phrases(marked: str) -> list[list[str]]:
    out = []
    for piece in _BREAK_RE.split(marked):
        tokens = _tokens(piece)
        if tokens:
            out.append(tokens)
    return out


@dataclass(frozen=True, slots=True)
class Analysis:
    """What the index stores for one text.

    ``folded_tokens[i]`` is ``tokens[i]`` without diacritics (same length, same
    order), and likewise for the bigrams. Bigrams are taken within phrases
    only; ``phrase_starts`` are the indexes of the tokens that begin one.
    """

    normalized: str
    tokens: tuple[str, ...]
    folded_tokens: tuple[str, ...]
    bigrams: tuple[str, ...]
    folded_bigrams: tuple[str, ...]
    phrase_starts: tuple[int, ...] = ()

    def phrase_slices(self) -> list[slice]:
        ends = (*self.phrase_starts[1:], len(self.tokens))
        return [slice(a, b) for a, b in zip(self.phrase_starts, ends)]


# ``analyze`` tokenises a whole text in one C-level pass: each item a token, or
# "" for a phrase break (the group is empty there).
_TOKEN_OR_BREAK_RE = re.compile(rf"([^\W_]+)|{_BREAK_RE.pattern}")


def analyze(text: str) -> Analysis:
    """Exact and folded tokens and bigrams of ``text``: what the index stores.

    Normalises once, tokenises and folds the whole text at C speed: what
    makes indexing a large archive cheap. Pairs never span punctuation or a
    line break.
    """
    words = _marked_words(text)
    marked = " ".join(words)
    normalized = marked.replace(f" {_LINE}", "").replace(_LINE, "").strip() if _LINE in marked else marked
    if _MARK_RE.search(marked):  # stray combining marks: the token-by-token path
        return _analysis(normalized, _phrases(marked))
    # No match spans a space, so a text's items are its words' items.
    items = list(chain.from_iterable(memo_map(_WORD_ITEMS, words, _word_items)))
    tokens = tuple(filter(None, items))
    if not tokens:
        return Analysis(normalized, (), (), (), ())
    folded_items = memo_map(_FOLD_CACHE, items, _fold_token)
    join = "_".join
    return Analysis(
        normalized=normalized,
        tokens=tokens,
        folded_tokens=tuple(filter(None, folded_items)),
        # a pair is two tokens in a row: a break ("") fails ``all``
        bigrams=tuple(map(join, filter(all, zip(items, items[1:])))),
        folded_bigrams=tuple(map(join, filter(all, zip(folded_items, folded_items[1:])))),
        phrase_starts=_phrase_starts(items, len(tokens)),
    )


_WORD_ITEMS: dict[str, tuple[str, ...]] = {}


def _word_items(word: str) -> tuple[str, ...]:
    return tuple(_TOKEN_OR_BREAK_RE.findall(word))


def _phrase_starts(items: list[str], count: int) -> tuple[int, ...]:
    """The index of each phrase's first token, from the items (tokens and ""
    breaks) and the number of tokens."""
    starts = dict.fromkeys(i - k for k, i in enumerate(i for i, t in enumerate(items) if not t))
    if items[0]:
        starts = {0: None, **starts}
    return tuple(s for s in starts if s < count)


def _analysis(normalized: str, parts: list[list[str]]) -> Analysis:
    """``analyze`` phrase by phrase, token by token: for text with stray marks."""
    tokens: list[str] = []
    starts: list[int] = []
    for part in parts:
        starts.append(len(tokens))
        tokens += part
    folded = _fold_tokens(tokens)
    pairs: list[str] = []
    folded_pairs: list[str] = []
    join = "_".join
    ends = (*starts[1:], len(tokens))
    for a, b in zip(starts, ends):
        if b - a > 1:
            pairs += map(join, zip(tokens[a : b - 1], tokens[a + 1 : b]))
            folded_pairs += map(join, zip(folded[a : b - 1], folded[a + 1 : b]))
    return Analysis(
        normalized=normalized,
        tokens=tuple(tokens),
        folded_tokens=tuple(folded),
        bigrams=tuple(pairs),
        folded_bigrams=tuple(folded_pairs),
        phrase_starts=tuple(starts),
    )


# ---------------------------------------------------------------------------
# syllable structure (folded): onset + rhyme
# ---------------------------------------------------------------------------

_ONSETS = ("", "b", "c", "ch", "d", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh", "p", "ph",
           "qu", "r", "s", "t", "th", "tr", "v", "x")
# Every rhyme of the language, diacritics dropped ("ương" -> "uong", "oăn" -> "oan").
_RHYMES = frozenset(
    """a ac ach ai am an ang anh ao ap at au ay e ec ech em en eng enh eo ep et eu i ia ich iec iem ien ieng iep
    iet ieu im in inh ip it iu o oa oac oach oai oam oan oang oanh oao oap oat oay oc oe oen oeo oet oi om on ong
    ooc oong op ot u ua uan uang uat uay uc ue uech uen uenh uet ui um un ung uo uoc uoi uom uon uong uop uot uou
    up ut uu uy uya uych uyen uyet uynh uyt uyu y yem yen yet yeu""".split()
)


def is_syllable(folded: str) -> bool:
    """Whether a folded token is shaped like a Vietnamese syllable (onset + rhyme):
    "tien", "nghieng", "qua" are; "tiin", "ocop", "ubnd" are not."""
    for onset in _ONSETS:
        if folded.startswith(onset):
            rest = folded[len(onset):]
            if rest in _RHYMES or (onset == "gi" and rest in ("", *_GI_RHYMES)):
                return True
    return False


_GI_RHYMES = ("n", "ng", "t", "c", "m", "p", "u")  # "gin", "giup": the i of gi doubles as the vowel


def syllables() -> frozenset[str]:
    """Every folded string of syllable shape (a few thousand): typo candidates."""
    global _SYLLABLES
    if _SYLLABLES is None:
        _SYLLABLES = frozenset(o + r for o in _ONSETS for r in _RHYMES if o + r) | {"gi"}
    return _SYLLABLES


_SYLLABLES: frozenset[str] | None = None


def slugify(text: str) -> str:
    """ASCII slug of a Vietnamese name: "Đức Thọ" -> "duc-tho", "Bà Rịa - Vũng Tàu" -> "ba-ria-vung-tau"."""
    return "-".join(re.findall(r"[a-z0-9]+", fold(text)))
