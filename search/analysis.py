"""Vietnamese text analysis for the document archive's search.

Pure Python (standard library only, no Django) so it can be unit-tested and
reused by the indexer, the query parser and the templates' snippet builder.

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

import html
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = [
    "Analysis",
    "analyze",
    "bigrams",
    "doc_number_matches",
    "find_doc_numbers",
    "fix_tones",
    "fold",
    "highlight",
    "is_code_token",
    "normalize",
    "normalize_doc_number",
    "parse_number_query",
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


_FOLD_TABLE = _build_fold_table()

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
    if text.isascii():
        return " ".join(text.casefold().split())
    s = unicodedata.normalize("NFC", text)
    for variant, plain in _PUNCT:
        if variant in s:
            s = s.replace(variant, plain)
    # NFC again: casefolding, or deleting an invisible character between a
    # letter and a combining mark, can leave composable sequences.
    s = unicodedata.normalize("NFC", s.casefold())
    s = _TONE_CANDIDATE_RE.sub(_fix_tone, s)
    return " ".join(s.split())


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


def _fold_normalized(s: str) -> str:
    """``fold`` for a string that is already ``normalize``d."""
    if s.isascii():
        return s
    return " ".join(s.translate(_FOLD_TABLE).split())


def fold(text: str) -> str:
    """``normalize`` then drop every diacritic and map đ -> d.

    What an unaccented query is compared with: "Đảng ủy" -> "dang uy".
    """
    return _fold_normalized(normalize(text))


# ---------------------------------------------------------------------------
# tokens
# ---------------------------------------------------------------------------

# A token is a run of letters/digits (a syllable, a number, or a code like
# "ubnd"); stray combining marks (only in odd input) stay attached to their
# token. The simpler pattern is used when there are none: it's faster.
_TOKEN_RE = re.compile(rf"[^\W_]+(?:[{_MARKS}]+[^\W_]*)*")
_PLAIN_TOKEN_RE = re.compile(r"[^\W_]+")
_MARK_RE = re.compile(rf"[{_MARKS}]")


def _tokens(normalized: str) -> list[str]:
    pattern = _TOKEN_RE if _MARK_RE.search(normalized) else _PLAIN_TOKEN_RE
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
_FOLD_CACHE_MAX = 100_000


def _fold_tokens(tokens: list[str]) -> list[str]:
    cache = _FOLD_CACHE
    if len(cache) > _FOLD_CACHE_MAX:
        cache.clear()
    table = _FOLD_TABLE
    out = []
    for token in tokens:
        folded = cache.get(token)
        if folded is None:
            folded = cache[token] = token.translate(table)
        out.append(folded)
    return out


@dataclass(frozen=True, slots=True)
class Analysis:
    """What the index stores for one text.

    ``folded_tokens[i]`` is ``tokens[i]`` without diacritics (same length, same
    order), and likewise for the bigrams.
    """

    normalized: str
    tokens: tuple[str, ...]
    folded_tokens: tuple[str, ...]
    bigrams: tuple[str, ...]
    folded_bigrams: tuple[str, ...]


def analyze(text: str) -> Analysis:
    """Exact and folded tokens and bigrams of ``text``: what the index stores.

    Normalises once and folds each distinct syllable once (cached), which is
    what makes indexing a large archive cheap.
    """
    normalized = normalize(text)
    tokens = _tokens(normalized)
    folded = _fold_tokens(tokens)
    return Analysis(
        normalized=normalized,
        tokens=tuple(tokens),
        folded_tokens=tuple(folded),
        bigrams=tuple(bigrams(tokens)),
        folded_bigrams=tuple(bigrams(folded)),
    )


# ---------------------------------------------------------------------------
# Document numbers ("số hiệu văn bản")
# ---------------------------------------------------------------------------
#
# Key format: the number's parts, folded, joined with "-":
#     "03-CT/TW" -> "3-ct-tw"     "1557/UBND-KTN" -> "1557-ubnd-ktn"
#     "01/2021/NĐ-CP" -> "1-2021-nd-cp"
# Leading zeros of the serial are stripped ("03" and "3" are the same
# document, and both spellings are printed), the year is kept, "Đ" folds to
# "d" and "TƯ" (the printed abbreviation of Trung ương) becomes "tw".
# Separators don't matter: "03/CT-TW", "03 ct tw", "số 03-CT/TW" are one key.
#
# Partial key (from a query such as "chỉ thị 03"): "<kind>:<serial>", e.g.
# "ct:3"; the kind is empty (":351") for "số 351" / "văn bản 351".
# ``doc_number_matches`` says whether a full key satisfies a (partial) key.

# Kind words and the kind code they are printed as.
_KIND_WORDS = {
    "chi thi": "ct",
    "ke hoach": "kh",
    "cong van": "cv",
    "quyet dinh": "qd",
    "thong tri": "tt",
    "thong tu": "tt",
    "nghi quyet": "nq",
    "nghi dinh": "nd",
    "huong dan": "hd",
    "thong bao": "tb",
    "ket luan": "kl",
    "chuong trinh": "ctr",
    "bao cao": "bc",
    "quy dinh": "qdi",
    "to trinh": "ttr",
    "cong dien": "cd",
    "van ban": "",
}
_KIND_PHRASES = sorted(((tuple(k.split()), v) for k, v in _KIND_WORDS.items()), key=lambda kv: -len(kv[0]))
_KIND_CODES = frozenset(v for v in _KIND_WORDS.values() if v)

# Codes that are also plain Vietnamese syllables once folded, so the syllable
# test below would reject them, plus the field's common ones for clarity.
_KNOWN_CODES = frozenset(
    _KIND_CODES
    | {"tw", "tu", "hu", "qu", "du", "ubnd", "hdnd", "mttq", "ubmttq", "bcd", "cvd", "btv", "ttg", "cp"}
    | {"dn", "htx", "btg", "bbt", "bct", "ccb", "ldld", "dtn", "dtncs", "hlhpn", "hnd", "ocop", "xh", "kt"}
)

# A syllable of Vietnamese written without diacritics.
_VN_SYLLABLE_RE = re.compile(
    r"(?:ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?"
)
_CODE_RE = re.compile(r"[a-zđ]{1,10}")


def is_code_token(token: str) -> bool:
    """Whether a token can be a code of a document number ("ct", "ubnd", "tư").

    Known codes, or letter runs that can't be a Vietnamese syllable ("ktn",
    "ttg"); keeps "chi thi 03 ve hang viet" from reading "ve" as an issuer.
    """
    t = normalize(token)
    if t == "tư":
        return True
    if not _CODE_RE.fullmatch(t):
        return False
    f = t.replace("đ", "d")
    return f in _KNOWN_CODES or not _VN_SYLLABLE_RE.fullmatch(f)


_DN_BODY_RE = re.compile(r"(?:s[oố]\b\s*:?\s*)?(?P<body>[0-9][0-9a-zđư\s/\-]*?)[\s.]*")
_DN_PART_RE = re.compile(r"[0-9]+|[^\W\d_]+")
_HAS_SEP_RE = re.compile(r"[0-9]\s*[-/]|[-/]\s*[a-zđư]")


def _is_year(part: str) -> bool:
    return len(part) == 4 and part[:2] in ("19", "20") and part.isdigit()


def _code_key(part: str) -> str:
    return "tw" if part == "tư" else part.replace("đ", "d")


def _number_parts(parts: list[str]) -> tuple[list[str], list[str]] | None:
    """Split ``["03", "2021", "ct", "tw"]`` into serial[/year] and codes."""
    if not parts or not parts[0].isascii() or not parts[0].isdigit():
        return None
    serial = parts[0].lstrip("0") or "0"
    if len(serial) > 6:
        return None
    nums = [serial]
    rest = parts[1:]
    if rest and _is_year(rest[0]):
        nums.append(rest[0])
        rest = rest[1:]
    codes = []
    for part in rest:
        if part != "tư" and not _CODE_RE.fullmatch(part):
            return None
        codes.append(_code_key(part))
    return nums, codes


def normalize_doc_number(text: str) -> str | None:
    """Canonical key of a printed document number, or None if it isn't one.

    Format: see the comment above; "số 03-CT/TW", "03/CT-TW", "03 ct tw" and
    "3-CT/TƯ" all give "3-ct-tw". A number needs at least one code; written
    with spaces only (no "-" or "/") it needs two codes that look like codes,
    so "2021 hàng" or "3 cái" are not numbers.
    """
    s = normalize(text)
    m = _DN_BODY_RE.fullmatch(s)
    if not m:
        return None
    body = m.group("body")
    split = _number_parts(_DN_PART_RE.findall(body))
    if split is None:
        return None
    nums, codes = split
    if not codes:
        return None
    if not _HAS_SEP_RE.search(body) and (len(codes) < 2 or not all(map(is_code_token, codes))):
        return None
    return "-".join(nums + codes)


# Printed numbers in running text: serial[/year] then codes joined by - or /.
# A code is upper case ("CT", "UBND", "BCĐ", "TƯ") possibly with one lower-case
# letter ("CTr", "TTg", "QĐi"), so "Điều 3-Ban" is not taken for a number.
_P_SEP = r"[-/\u2010-\u2015\u2212]"
_P_CODE = r"(?:[A-ZĐ][a-z]?[A-ZĐƯ][A-Za-zĐƯ]{0,8}|[A-ZĐ](?![A-Za-zĐđƯư]))"
_PRINTED_RE = re.compile(
    rf"(?<![\w/.,\-])(?P<num>[0-9]{{1,6}}(?:/(?:19|20)[0-9][0-9])?(?P<codes>(?:{_P_SEP}{_P_CODE}){{1,6}}))(?![\w\-/])"
)
_P_SEP_RE = re.compile(_P_SEP)
_SO_BEFORE_RE = re.compile(r"(?<!\w)[Ss][ốỐoO]\s*:?\s*\Z")


def find_doc_numbers(text: str) -> list[str]:
    """Document numbers printed in running text, as printed (NFC).

    "Chỉ thị số 03-CT/TW ngày 19/5/2021" -> ["03-CT/TW"]; dates are skipped
    because a number must carry upper-case codes. One entry per key (first
    spelling wins), in order of appearance. A single code ("123/UBND") is
    only accepted right after "số", to avoid "Điều 3-UBND ...".
    """
    text = unicodedata.normalize("NFC", text)
    found: dict[str, str] = {}
    for m in _PRINTED_RE.finditer(text):
        printed = m.group("num")
        if len(_P_SEP_RE.findall(m.group("codes"))) < 2 and not _SO_BEFORE_RE.search(
            text, max(0, m.start() - 8), m.start()
        ):
            continue
        key = normalize_doc_number(printed)
        if key and key not in found:
            found[key] = printed
    return list(found.values())


def parse_number_query(text: str) -> str | None:
    """The number key a query is looking up, or None for an ordinary query.

    Returns a full key ("03 ct tw", "chi thi 03-CT/TW", "ct 03/tw" ->
    "3-ct-tw") or a partial key "<kind>:<serial>" ("chỉ thị 03" -> "ct:3",
    "cv 610" -> "cv:610", "số 351" -> ":351"). A kind word before a number
    with codes is added to the codes unless already there ("quyết định 386
    ttg" -> "386-qd-ttg"), except "công văn": state công văn carry no kind
    code ("1557/UBND-KTN"). A bare number ("2021") is not a lookup.
    """
    s = normalize(text)
    parts = _DN_PART_RE.findall(s)
    if not parts:
        return None
    folded = [_fold_normalized(p) for p in parts]
    i = 0
    kind = None
    for phrase, code in _KIND_PHRASES:
        if tuple(folded[: len(phrase)]) == phrase:
            kind, i = code, len(phrase)
            break
    else:
        if folded[0] in _KIND_CODES and len(parts) > 1:
            kind, i = folded[0], 1
    if i < len(parts) and parts[i] in ("số", "so"):
        i += 1
        kind = "" if kind is None else kind
    split = _number_parts(parts[i:])
    if split is None:
        return None
    nums, codes = split
    if not codes:
        return f"{kind}:{'-'.join(nums)}" if kind is not None else None
    if not all(map(is_code_token, codes)):
        return None
    if kind is None and len(codes) < 2 and not _HAS_SEP_RE.search(s):
        return None
    if kind and kind != "cv" and kind not in codes:
        codes.insert(0, kind)
    return "-".join(nums + codes)


def _split_key(key: str) -> tuple[list[str], list[str]]:
    parts = key.split("-") if key else []
    n = 0
    while n < len(parts) and parts[n].isdigit():
        n += 1
    return parts[:n], parts[n:]


def doc_number_matches(query_key: str, doc_key: str) -> bool:
    """Whether a document's full key satisfies a full or partial query key.

    Serial (and year, if given) must agree; the query's codes must all be
    among the document's, so "3-tw" and "ct:3" both match "3-ct-tw".
    """
    if not doc_key or not query_key:
        return False
    d_nums, d_codes = _split_key(doc_key)
    if ":" in query_key:
        kind, _, nums = query_key.partition(":")
        q_nums, q_codes = nums.split("-"), ([kind] if kind else [])
    else:
        q_nums, q_codes = _split_key(query_key)
    return bool(q_nums) and d_nums[: len(q_nums)] == q_nums and set(q_codes) <= set(d_codes)


# ---------------------------------------------------------------------------
# Snippets
# ---------------------------------------------------------------------------

_MERGE_GAP_RE = re.compile(r"[ \t\-/]{0,3}")
_WS_RE = re.compile(r"\s+")
_LAST_WS_RE = re.compile(r".*\s", re.S)


def _query_terms(query: str | Iterable[str]) -> set[str]:
    if isinstance(query, str):
        query = [query]
    terms: set[str] = set()
    for q in query:
        terms.update(_tokens(fold(q)))
    return terms


def _find_matches(text: str, terms: set[str]) -> list[tuple[int, int, str]]:
    """(start, end, folded term) of every whole-token match in ``text``."""
    lowered = text.lower()
    if len(lowered) == len(text):
        folded = lowered.translate(_FOLD_TABLE)
        if len(folded) == len(text):
            # Fast path: folding kept offsets, let the regex engine search.
            alt = "|".join(map(re.escape, sorted(terms, key=len, reverse=True)))
            pattern = re.compile(rf"(?<![^\W_])(?:{alt})(?![^\W_])")
            return [(m.start(), m.end(), m.group()) for m in pattern.finditer(folded)]
    out = []
    for m in _TOKEN_RE.finditer(text):
        f = _fold_normalized(unicodedata.normalize("NFC", m.group().casefold()))
        if f in terms:
            out.append((m.start(), m.end(), f))
    return out


def _best_window(matches: list[tuple[int, int, str]], width: int) -> tuple[int, int]:
    """Indexes [i, j) of the matches to show: most distinct terms, then most
    adjacent pairs (phrases), then most matches, within ``width`` chars."""
    best, best_ij = (-1, -1, -1), (0, 1)
    counts: dict[str, int] = {}
    adjacent = 0
    j = 0
    for i in range(len(matches)):
        if j < i + 1:
            j, counts, adjacent = i, {}, 0
        while j < len(matches) and matches[j][1] - matches[i][0] <= width:
            counts[matches[j][2]] = counts.get(matches[j][2], 0) + 1
            if j > i and matches[j][0] - matches[j - 1][1] <= 3 and matches[j][2] != matches[j - 1][2]:
                adjacent += 1
            j += 1
        if j == i:  # a single match longer than the window
            j = i + 1
            counts[matches[i][2]] = 1
        score = (len(counts), adjacent, j - i)
        if score > best:
            best, best_ij = score, (i, j)
        # drop match i before moving on
        t = matches[i][2]
        counts[t] -= 1
        if not counts[t]:
            del counts[t]
        if i + 1 < j and matches[i + 1][0] - matches[i][1] <= 3 and matches[i + 1][2] != t:
            adjacent -= 1
    return best_ij


def _escape(segment: str) -> str:
    return html.escape(_WS_RE.sub(" ", segment))


def highlight(
    original_text: str,
    query_tokens_folded: str | Iterable[str],
    *,
    max_chars: int = 200,
    tag: str = "mark",
) -> str:
    """An HTML snippet of ``original_text`` around the best match of the query.

    Matching is on folded syllables, so "hang viet" marks "hàng Việt" in the
    original spelling. Returns about ``max_chars`` characters, whitespace
    collapsed, "…" where cut, matches wrapped in ``<mark>`` (runs of adjacent
    matches such as "03-CT/TW" in one mark). All text is HTML-escaped, so the
    result is safe to mark safe. Without a match, the text's beginning.
    """
    text = unicodedata.normalize("NFC", original_text or "")
    if not text:
        return ""
    width = max(int(max_chars), 20)
    terms = _query_terms(query_tokens_folded)
    matches = _find_matches(text, terms) if terms else []
    if matches:
        i, j = _best_window(matches, width)
        shown = matches[i:j]
        first, last = shown[0][0], shown[-1][1]
        lead = max(0, min(60, (width - (last - first)) // 2))
        start = max(0, first - lead)
        end = min(len(text), max(start + width, last))
        if end == len(text):
            start = max(0, min(first, end - width))
    else:
        shown, start, end = [], 0, min(len(text), width)
        first = last = 0
    # Cut at whitespace so the snippet doesn't begin or end mid-word.
    if start > 0 and (ws := _WS_RE.search(text, start, first)):
        start = ws.end()
    if end < len(text) and (ws := _LAST_WS_RE.match(text, last, end)) and ws.end() - 1 > last:
        end = ws.end() - 1
    # Merge runs of adjacent matches into one mark.
    spans: list[list[int]] = []
    for s, e, _ in shown:
        if spans and _MERGE_GAP_RE.fullmatch(text, spans[-1][1], s):
            spans[-1][1] = e
        else:
            spans.append([s, e])
    out = ["…"] if start > 0 else []
    pos = start
    for s, e in spans:
        out.append(_escape(text[pos:s]))
        out.append(f"<{tag}>{_escape(text[s:e])}</{tag}>")
        pos = e
    out.append(_escape(text[pos:end]))
    if end < len(text):
        out.append("…")
    return "".join(out).strip()
