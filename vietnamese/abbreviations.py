"""Query expansion by the abbreviations of party and state documents.

Cadres type "UBND", documents print "Ủy ban nhân dân" (or the reverse), and
some type neither accents nor capitals ("mttq", "uy ban nhan dan"). The
vocabulary's table maps each abbreviation to its spelled-out form;
``expand_query`` uses it in both directions so a search can OR the phrasings
together. Pure Python.
"""

from __future__ import annotations

import itertools

from .numbers import is_code_token
from .text import TOKEN_RE, fold, normalize
from .vocabulary import ABBREVIATIONS

__all__ = ["expand_query", "expansions"]


MAX_ALTERNATIVES = 8


def _build_indexes() -> tuple[dict, dict, int]:
    """Token tuple -> replacement phrases, keyed on normalised and on folded
    tokens. Each form is replaced by the forms on the other side of the
    table, never by its siblings: "tỉnh ủy" -> "tu", not "thành ủy"."""
    exact: dict[tuple[str, ...], list[str]] = {}
    folded: dict[tuple[str, ...], list[str]] = {}
    longest = 1
    for entry in (a for a in ABBREVIATIONS if a.query):
        short, long = normalize(entry.short), normalize(entry.long)
        for form, other in ((short, long), (long, short)):
            tokens = tuple(TOKEN_RE.findall(form))
            longest = max(longest, len(tokens))
            for index, key in ((exact, tokens), (folded, tuple(fold(t) for t in tokens))):
                replacements = index.setdefault(key, [])
                if other not in replacements:
                    replacements.append(other)
    return exact, folded, longest


_EXACT, _FOLDED, _LONGEST = _build_indexes()


def expansions(term: str) -> list[str]:
    """The other side of the table for one whole term: "UBND" -> ["ủy ban nhân dân"].

    Normalised forms; matched like ``expand_query`` (folded only when the
    term is typed without diacritics). Empty if the term isn't in the table.
    """
    tokens = tuple(TOKEN_RE.findall(normalize(term)))
    return list(_lookup(tokens) or [])


def _lookup(tokens: tuple[str, ...]) -> list[str] | None:
    """Replacements for exactly these tokens; folded forms only match tokens
    typed without diacritics, so "tư" is not taken for "TU" but "tu" is."""
    if tokens in _EXACT:
        return _EXACT[tokens]
    folded = tuple(fold(t) for t in tokens)
    if folded == tokens:
        return _FOLDED.get(folded)
    return None


def _number_tail(tokens: list[str]) -> set[int]:
    """Indexes of the code tokens after a serial ("03 ct tw"): these are part
    of a document number, so "ct" there must not become "chỉ thị"."""
    protected: set[int] = set()
    for i, token in enumerate(tokens):
        if token.isdigit():
            j = i + 1
            while j < len(tokens) and (tokens[j].isdigit() or is_code_token(tokens[j])):
                protected.add(j)
                j += 1
    return protected


def _spans(text: str) -> list[tuple[int, int, list[str]]]:
    """(start, end, replacements) of table entries found in normalised text,
    longest match first, left to right, whole tokens only."""
    matches = list(TOKEN_RE.finditer(text))
    tokens = [m.group() for m in matches]
    protected = _number_tail(tokens)
    spans = []
    i = 0
    while i < len(tokens):
        for n in range(min(_LONGEST, len(tokens) - i), 0, -1):
            if protected.intersection(range(i, i + n)):
                continue
            replacements = _lookup(tuple(tokens[i : i + n]))
            if replacements:
                spans.append((matches[i].start(), matches[i + n - 1].end(), replacements))
                i += n
                break
        else:
            i += 1
    return spans


def _render(text: str, spans: list[tuple[int, int, list[str]]], choice: tuple[int, ...]) -> str:
    """``text`` with span k replaced by its replacement ``choice[k] - 1`` (0 = keep)."""
    out, pos = [], 0
    for (start, end, replacements), c in zip(spans, choice):
        if c:
            out.append(text[pos:start])
            out.append(replacements[c - 1])
            pos = end
    out.append(text[pos:])
    return normalize("".join(out))


def expand_query(text: str, max_alternatives: int = MAX_ALTERNATIVES) -> list[str]:
    """Alternative phrasings of a query, abbreviations expanded both ways.

    "UBND tỉnh" -> ["ủy ban nhân dân tỉnh"]; "ban chi dao cvd" ->
    ["bcđ cuộc vận động", ...]. Whole tokens/phrases only, matched on
    normalised forms and, for tokens typed without diacritics, on folded
    forms. Codes after a serial ("03 ct tw") are left alone. The original
    query is not included. Order: everything replaced first, then one
    replacement at a time, then the other combinations; at most
    ``max_alternatives`` results, each normalised.
    """
    query = normalize(text)
    spans = _spans(query)
    if not spans or max_alternatives <= 0:
        return []
    n = len(spans)
    everything = (tuple([1] * n),)
    singles = (
        tuple(r + 1 if k == i else 0 for k in range(n)) for i, (_, _, rs) in enumerate(spans) for r in range(len(rs))
    )
    rest = itertools.product(*(range(len(rs) + 1) for _, _, rs in spans))
    seen = {query}
    alternatives = []
    for choice in itertools.chain(everything, singles, rest):
        if not any(choice):
            continue
        alternative = _render(query, spans, choice)
        if alternative not in seen:
            seen.add(alternative)
            alternatives.append(alternative)
            if len(alternatives) >= max_alternatives:
                break
    return alternatives
