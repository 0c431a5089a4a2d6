"""Snippets: a passage of a text around the best match of a query, marked.

A term typed without diacritics matches folded, so "hang viet" marks "hàng
Việt" where it is printed; one typed with them marks that spelling ("tư"
marks "tư", not "tự" or "từ"), or its folded matches when the text has no
such spelling. Syllables inside a document number are marked only as the
whole number the query names: searching "351-CV/TU" marks "351-CV/TU",
never a "tự" nearby or the "TU" of another number. The snippet keeps the
original spelling. Pure Python.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable

from .numbers import clean_number, doc_number_matches, iter_numbers, normalize_doc_number
from .text import FOLD_TABLE, TOKEN_RE, fold, fold_normalized, normalize, tokenize

__all__ = ["highlight"]

_MERGE_GAP_RE = re.compile(r"[ \t\-/]{0,3}")
_WS_RE = re.compile(r"\s+")
_LAST_WS_RE = re.compile(r".*\s", re.S)


_NUMBER = "#"  # the term of a marked number (no syllable is "#")


def _query_terms(query: str | Iterable[str]) -> tuple[set[str], dict[str, set[str]]]:
    """Folded terms, and for those typed with diacritics the spellings typed."""
    if isinstance(query, str):
        query = [query]
    terms: set[str] = set()
    spellings: dict[str, set[str]] = {}
    for q in query:
        for token in tokenize(q):
            folded = fold_normalized(token)
            terms.add(folded)
            if folded != token:
                spellings.setdefault(folded, set()).add(token)
    return terms, spellings


_DIGIT_RE = re.compile(r"\d")


def _number_spans(text: str, number_key: str | None, terms: set[str]) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(numbers the query names, every other number) as spans of ``text``.
    A number is named by ``number_key``, or by a query holding all its parts."""
    named: list[tuple[int, int]] = []
    other: list[tuple[int, int]] = []
    if not _DIGIT_RE.search(text):
        return named, other
    upper = text.upper()
    if len(upper) != len(text):
        upper = text
    for m in iter_numbers(upper):
        raw = m.group(1)
        parts = {fold_normalized(t) for t in _PLAIN_RE.findall(raw.lower())}
        if parts and parts <= terms:
            named.append(m.span(1))
            continue
        if number_key:
            number = clean_number(raw)
            key = normalize_doc_number(number) if number else None
            if key and doc_number_matches(number_key, key):
                named.append(m.span(1))
                continue
        other.append(m.span(1))
    return named, other


_PLAIN_RE = re.compile(r"[^\W_]+")


def _select(matches: list[tuple[int, int, str]], text: str, spellings: dict[str, set[str]]) -> list[tuple[int, int, str]]:
    """Keep, for a term typed with diacritics, its matches in that spelling
    when the text has any."""
    if not spellings:
        return matches
    forms: dict[str, str] = {}  # printed form -> normalised: texts repeat their words

    def spelled(s: int, e: int) -> str:
        printed = text[s:e]
        if printed not in forms:
            forms[printed] = normalize(printed)
        return forms[printed]

    exact = {(s, e) for s, e, f in matches if f in spellings and spelled(s, e) in spellings[f]}
    found = {f for s, e, f in matches if (s, e) in exact}
    return [m for m in matches if m[2] not in found or (m[0], m[1]) in exact]


def _find_matches(text: str, terms: set[str]) -> list[tuple[int, int, str]]:
    """(start, end, folded term) of every whole-token match in ``text``."""
    lowered = text.lower()
    if len(lowered) == len(text):
        folded = lowered.translate(FOLD_TABLE)
        if len(folded) == len(text):
            # Fast path: folding kept offsets, let the regex engine search.
            alt = "|".join(map(re.escape, sorted(terms, key=len, reverse=True)))
            pattern = re.compile(rf"(?<![^\W_])(?:{alt})(?![^\W_])")
            return [(m.start(), m.end(), m.group()) for m in pattern.finditer(folded)]
    out = []
    for m in TOKEN_RE.finditer(text):
        f = fold_normalized(unicodedata.normalize("NFC", m.group().casefold()))
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
    number_key: str | None = None,
    max_chars: int = 200,
    tag: str = "mark",
) -> str:
    """An HTML snippet of ``original_text`` around the best match of the query.

    Matching is on folded syllables, so "hang viet" marks "hàng Việt" in the
    original spelling. Returns about ``max_chars`` characters, whitespace
    collapsed, "…" where cut, matches wrapped in ``<mark>`` (runs of adjacent
    matches such as "03-CT/TW" in one mark). All text is HTML-escaped, so the
    result is safe to mark safe. Without a match, the text's beginning.
    ``number_key`` (``vietnamese.numbers``): the number the query names, marked whole.
    """
    text = unicodedata.normalize("NFC", original_text or "")
    if not text:
        return ""
    width = max(int(max_chars), 20)
    terms, spellings = _query_terms(query_tokens_folded)
    matches = _find_matches(text, terms) if terms else []
    if matches or number_key:
        named, other = _number_spans(text, number_key, terms)
        numbers = named + other
        if numbers:
            # No syllable inside a number is a match; a number named is one.
            matches = [m for m in matches if not any(a <= m[0] < b for a, b in numbers)]
            matches = sorted(matches + [(a, b, _NUMBER) for a, b in named])
        matches = _select(matches, text, spellings)
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
