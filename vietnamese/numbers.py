"""Document numbers ("số hiệu văn bản"): the one grammar of the project.

How a number is printed (``NUMBER_RE``, ``find_numbers``, ``clean_number``),
its comparison key (``normalize_doc_number``, ``number_key``), the partial
keys a query names ("chỉ thị 03" -> "ct:3": ``parse_number_query``,
``number_keys``, ``doc_number_matches``) and what a number says about its
document (``number_type``, ``kind_from_number``). The importer, the page
models and the search all read numbers here. Pure Python.
"""

from __future__ import annotations

import re
import unicodedata

from .text import TOKEN_RE, fold, fold_normalized, normalize
from .vocabulary import ABBREVIATIONS, DOCUMENT_KINDS, KIND_LABELS, PARTY_SUFFIX_LEVEL

__all__ = [
    "NUMBER_RE",
    "clean_number",
    "doc_number_matches",
    "find_numbers",
    "is_code_token",
    "iter_numbers",
    "kind_from_number",
    "normalize_doc_number",
    "number_key",
    "number_keys",
    "number_type",
    "parse_number_query",
]

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

# Kind words ("chi thi", folded) and the code their numbers print ("ct"),
# from the vocabulary; "văn bản" names no kind.
_KIND_WORDS = {
    fold(phrase): fold(kind.number_code).lower()
    for kind in DOCUMENT_KINDS
    if kind.number_code
    for phrase in (kind.label, *kind.words)
} | {"van ban": ""}
_KIND_PHRASES = sorted(((tuple(k.split()), v) for k, v in _KIND_WORDS.items()), key=lambda kv: -len(kv[0]))
_KIND_CODES = frozenset(v for v in _KIND_WORDS.values() if v)

# Codes that are also plain Vietnamese syllables once folded, so the syllable
# test below would reject them: kind codes, the parts of the abbreviations a
# query may use ("ubnd", "tw", "xh" of "CT-XH") and party committees' suffixes.
_KNOWN_CODES = frozenset(
    _KIND_CODES
    | {fold(part) for a in ABBREVIATIONS if a.query for part in TOKEN_RE.findall(normalize(a.short))}
    | {fold(suffix) for suffix in PARTY_SUFFIX_LEVEL}
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
    folded = [fold_normalized(p) for p in parts]
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


def number_keys(key: str) -> list[str]:
    """The full number key and the partial keys that name it.

    "3-ct-tw" is found by "3-ct-tw", ":3" ("số 3"), "ct:3" ("chỉ thị 03") and
    "tw:3"; a serial with a year ("1-2021-nq-hdnd") by ":1" and ":1-2021" too.
    Partial keys are those of ``parse_number_query``.
    """
    if not key:
        return []
    parts = key.split("-")
    nums = [p for p in parts if p.isdigit()]
    codes = [""] + [p for p in parts if not p.isdigit()]
    keys = [key]
    for n in range(1, len(nums) + 1):
        serial = "-".join(nums[:n])
        keys += [f"{code}:{serial}" for code in codes]
    return keys


# ---------------------------------------------------------------------------
# Numbers as printed
# ---------------------------------------------------------------------------

# Party style 610-CV/TU, 14-TT/QU, 37-CTr/TU; state style 1557/UBND-KTN,
# 06/CV-BCĐ, 28/CT-TTg, 30/2020/NĐ-CP. Spaces are tolerated around the first
# separator only ("351 -CV/TU"), so "03-CT/TW - Hướng dẫn" does not swallow
# the next words. A date ("19/5/2021") carries no letter code: never a number.
_NUM_CORE = (
    r"\d{1,5}[a-z]?(?:\s?/\s?\d{4})?\s?[-/–]\s?"
    # the type code: capitals with at most one small letter among the first three ("CT",
    # "CTr", "TTg", "QĐi"), or one capital alone, so "Điều 3-Ban" is not a number
    r"(?:[A-ZĐÐ][a-zđ]?[A-ZĐÐƯ][A-Za-zĐđÐƯ]*|[A-ZĐÐ](?![A-Za-zĐđÐ]))"
    r"(?:[-/–][A-ZĐÐ0-9][A-Za-zĐđÐ0-9]*)*"
)
NUMBER_RE = re.compile(r"(?<![\w/.\-])(" + _NUM_CORE + r")(?![\w/])")
# The same without the leading look-behind, which makes the regex engine slow
# on long texts: ``iter_numbers`` checks the preceding character itself.
_NUMBER_SCAN_RE = re.compile(r"(" + _NUM_CORE + r")(?![\w/])")
_NOT_ALNUM_RE = re.compile(r"[^a-z0-9]+")


def iter_numbers(text: str):
    for m in _NUMBER_SCAN_RE.finditer(text):
        start = m.start()
        if start:
            prev = text[start - 1]
            if prev.isalnum() or prev in "_/.-":
                continue
        yield m


def clean_number(raw: str) -> str | None:
    """The number as printed, cleaned: "351 -CV/TU" -> "351-CV/TU", "06/CV-BCÐ" -> "06/CV-BCĐ"."""
    if not raw:
        return None
    text = unicodedata.normalize("NFC", raw).replace("Ð", "Đ").replace("–", "-").replace("—", "-")
    m = NUMBER_RE.search(text)
    if not m:
        return None
    number = re.sub(r"\s+", "", m.group(1))
    return number.strip(".,;:")


def number_key(number: str) -> str:
    """Comparison key: case, separators, spaces, leading zeros and Đ/D do not matter.

    ``normalize_doc_number`` ("03/CT-TW" = "3-CT/TW" -> "3-ct-tw", what
    ``OfficialDocumentPage.number_key`` stores); for a string it does not read
    as a number, the folded letters and digits ("12/QĐ-UBND.VX" -> "12qdubndvx").
    The two forms cannot collide: the first always holds a "-", the second never.
    """
    return normalize_doc_number(number or "") or _NOT_ALNUM_RE.sub("", fold(number or ""))


def find_numbers(text: str) -> list[str]:
    """All document numbers in ``text``, cleaned, in order, one per key (first spelling wins).

    "Chỉ thị số 03-CT/TW ngày 19/5/2021" -> ["03-CT/TW"].
    """
    seen: dict[str, str] = {}
    for m in iter_numbers(unicodedata.normalize("NFC", text or "")):
        number = clean_number(m.group(1))
        if number and number_key(number) not in seen:
            seen[number_key(number)] = number
    return list(seen.values())


def number_type(number: str) -> tuple[str | None, str | None, str]:
    """(type code, issuer suffix, style) of a number: "610-CV/TU" -> ("CV", "TU", "party")."""
    body = re.sub(r"^\d+[a-z]?(?:/\d{4})?", "", number)
    folded = fold(body).upper()
    if folded.startswith("-"):  # party style N-TYPE/ISSUER
        parts = folded[1:].split("/")
        return parts[0], (parts[1] if len(parts) > 1 else None), "party"
    parts = folded.lstrip("/").split("-")  # state style N/TYPE-ISSUER or N/ISSUER-UNIT
    return parts[0], (parts[-1] if len(parts) > 1 else None), "state"


# Printed type code, folded upper case ("QD"), -> the archive's kind.
_KIND_OF_CODE = {
    fold(kind.number_code).upper(): kind.code
    for kind in DOCUMENT_KINDS
    if kind.number_code and kind.code in KIND_LABELS
}


def kind_from_number(number: str | None) -> str | None:
    """The archive's kind a number's type code names, or None."""
    if not number:
        return None
    code, _suffix, style = number_type(number)
    if code is None:
        return None
    if style == "state" and code == "TT":
        return None  # Thông tư, not in the archive's kinds
    if code in _KIND_OF_CODE:
        return _KIND_OF_CODE[code]
    if style == "state":
        # NĐ 30/2020: a công văn carries only the issuer's abbreviation ("1557/UBND-KTN")
        return "cong_van"
    return None
