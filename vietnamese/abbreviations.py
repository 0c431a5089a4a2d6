"""Query expansion by the abbreviations of party and state documents.

Cadres type "UBND", documents print "Ủy ban nhân dân" (or the reverse), and
some type neither accents nor capitals ("mttq", "uy ban nhan dan"). The
vocabulary's table maps each abbreviation to its spelled-out form;
``expand_query`` uses it in both directions so a search can OR the phrasings
together. Pure Python.
"""

from __future__ import annotations

import itertools
from bisect import bisect_right
from functools import lru_cache

from .numbers import is_code_token
from .text import TOKEN_RE, fold, is_syllable, memo_map, normalize
from .vocabulary import ABBREVIATIONS

__all__ = ["compound_extras", "compound_parts", "text_compound_extras", "expand_query", "expand_query_phrases", "expansions"]


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

# -- compound forms ----------------------------------------------------------
#
# Documents glue abbreviations together ("UBMTTQVN" = UB + MTTQ + VN, "BCĐTW")
# or split them ("UB MTTQ" for "UBMTTQ"). Parts are the table's letter-only
# short forms (folded); their meaning in full is the first long form listed.
_PART_LONG: dict[str, str] = {}
for _a in ABBREVIATIONS:
    _short = fold(_a.short).lower()
    if _short.isalpha() and len(_short) >= 2:
        _PART_LONG.setdefault(_short, normalize(_a.long))
_MAX_PARTS = 5


@lru_cache(maxsize=50_000)
def compound_parts(folded: str) -> tuple[str, ...] | None:
    """The abbreviations a folded token is glued from, fewest parts first:
    "ubmttqvn" -> ("ub", "mttq", "vn"). None when it is not a compound: a
    syllable, or a table entry whose meaning is not its parts' meanings
    ("ubnd" is not UB + NĐ, but "ubmttq" is UB + MTTQ)."""
    if len(folded) < 4 or not folded.isalpha() or is_syllable(folded):
        return None
    best: tuple[str, ...] | None = None
    # Fewest parts: breadth-first over split points.
    frontier: list[tuple[int, tuple[str, ...]]] = [(0, ())]
    for _ in range(_MAX_PARTS):
        nxt = []
        for pos, parts in frontier:
            for end in range(len(folded), pos + 1, -1):
                piece = folded[pos:end]
                if piece in _PART_LONG and (parts or end < len(folded)):
                    if end == len(folded):
                        best = best or (*parts, piece)
                    else:
                        nxt.append((end, (*parts, piece)))
        if best:
            break
        frontier = nxt
    if best is None:
        return None
    if folded in _PART_LONG and fold(_PART_LONG[folded]) != fold(" ".join(_PART_LONG[p] for p in best)):
        return None
    # Down to the smallest parts: "ubmttqvn" is UBMTTQ + VN, and UBMTTQ is UB + MTTQ.
    return tuple(q for p in best for q in (compound_parts(p) or (p,)))


def _part_run(folded: str) -> tuple[str, ...] | None:
    """The parts a token brings to a run of glued or spaced abbreviations."""
    if folded in _PART_LONG and not is_syllable(folded):
        return compound_parts(folded) or (folded,)
    return compound_parts(folded)


# The parts each folded token brings to a run, or None: memoised, since a text
# repeats its syllables and an archive has a few thousand.
_RUNS: dict[str, tuple[str, ...] | None] = {}


def _run_parts(folded: str) -> tuple[str, ...] | None:
    return _part_run(folded) if folded.isalpha() else None


def compound_extras(tokens: list[str] | tuple[str, ...], folded: list[str] | tuple[str, ...]) -> list[tuple[str, str]]:
    """(folded, exact) tokens a phrase also holds through its abbreviations:
    the parts of glued forms and every run of adjacent parts glued
    ("UBMTTQVN" adds ub, mttq, vn, ubmttq, mttqvn; "UB MTTQ" adds ubmttq).
    ``tokens`` are the phrase's normalised syllables, ``folded`` the same folded."""
    return text_compound_extras(tokens, folded, (0,) if tokens else ())


def text_compound_extras(
    tokens: list[str] | tuple[str, ...], folded: list[str] | tuple[str, ...], starts: tuple[int, ...]
) -> list[tuple[str, str]]:
    """``compound_extras`` of each phrase of a text, in order; ``starts`` are
    the indexes of the tokens that begin a phrase. Only the runs of parts are
    looked at: most syllables are none."""
    runs = memo_map(_RUNS, folded, _run_parts)
    if not any(runs):
        return []
    extras: list[tuple[str, str]] = []
    ends = (*starts[1:], len(tokens))
    have: set[str] = set()
    phrase = -1
    i, n = 0, len(tokens)
    while i < n:
        if runs[i] is None:
            i += 1
            continue
        p = bisect_right(starts, i) - 1
        end = ends[p]
        j = i
        while j < end and runs[j] is not None:
            j += 1
        run_f: list[str] = []
        run_x: list[str] = []
        for token, parts in zip(tokens[i:j], runs[i:j]):
            pos = 0
            for part in parts:  # fold keeps one letter per letter: slice the exact form alike
                run_f.append(part)
                run_x.append(token[pos : pos + len(part)])
                pos += len(part)
        if len(run_f) > 1:
            if p != phrase:
                phrase, have = p, set(folded[starts[p] : end])
            _glued_runs(run_f, run_x, have, extras)
        i = j
    return extras


def _glued_runs(run_f: list[str], run_x: list[str], have: set[str], extras: list[tuple[str, str]]) -> None:
    """Every run of up to ``_MAX_PARTS`` adjacent parts glued, not already in the phrase."""
    n = len(run_f)
    for i in range(n):
        for j in range(i + 1, min(n, i + _MAX_PARTS) + 1):
            f = "".join(run_f[i:j])
            if f not in have:
                have.add(f)
                extras.append((f, "".join(run_x[i:j])))


def expansions(term: str) -> list[str]:
    """The other side of the table for one whole term: "UBND" -> ["ủy ban nhân dân"].

    Normalised forms; matched like ``expand_query`` (folded only when the
    term is typed without diacritics). Empty if the term isn't in the table.
    """
    tokens = tuple(TOKEN_RE.findall(normalize(term)))
    return list(_lookup(tokens) or [])


def _lookup(tokens: tuple[str, ...]) -> list[str] | None:
    """Replacements for exactly these tokens; folded forms only match tokens
    typed without diacritics, so "tư" is not taken for "TU" but "tu" is. A
    single glued form not in the table reads as its parts spelled out
    ("UBMTTQVN" -> "ủy ban mặt trận tổ quốc việt nam")."""
    if tokens in _EXACT:
        return _EXACT[tokens]
    folded = tuple(fold(t) for t in tokens)
    if folded == tokens:
        found = _FOLDED.get(folded)
        if found:
            return found
    if len(tokens) == 1:
        parts = compound_parts(folded[0])
        if parts and folded[0] not in _PART_LONG:
            return [" ".join(_PART_LONG[p] for p in parts)]
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


def _render(text: str, spans: list[tuple[int, int, list[str]]], choice: tuple[int, ...]) -> tuple[str, list[str], list[tuple[int, int]]]:
    """``text`` with span k replaced by its replacement ``choice[k] - 1`` (0 = keep),
    the replacements put in, and the (start, end) in ``text`` of what they replaced."""
    out, pos, used, where = [], 0, [], []
    for (start, end, replacements), c in zip(spans, choice):
        if c:
            out.append(text[pos:start])
            out.append(replacements[c - 1])
            used.append(normalize(replacements[c - 1]))
            where.append((start, end))
            pos = end
    out.append(text[pos:])
    return normalize("".join(out)), used, where


def expand_query(text: str, max_alternatives: int = MAX_ALTERNATIVES) -> list[str]:
    """Alternative phrasings of a query (see ``expand_query_phrases``)."""
    return [alternative for alternative, _, _ in expand_query_phrases(text, max_alternatives)]


def expand_query_phrases(
    text: str, max_alternatives: int = MAX_ALTERNATIVES, keep=None
) -> list[tuple[str, list[str], list[tuple[int, int]]]]:
    """Alternative phrasings of a query, abbreviations expanded both ways.

    "UBND tỉnh" -> ["ủy ban nhân dân tỉnh"]; "ban chi dao cvd" ->
    ["bcđ cuộc vận động", ...]. Whole tokens/phrases only, matched on
    normalised forms and, for tokens typed without diacritics, on folded
    forms. Codes after a serial ("03 ct tw") are left alone. The original
    query is not included. Order: everything replaced first, then one
    replacement at a time, then the other combinations; at most
    ``max_alternatives`` results, each normalised, each with the
    replacements it put in (a search matches those as phrases) and the
    (start, end) in ``normalize(text)`` of what they replace; ``keep(spans,
    replacements)`` may turn a combination down before it counts.
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
        alternative, used, where = _render(query, spans, choice)
        if alternative not in seen and (keep is None or keep(where, used)):
            seen.add(alternative)
            alternatives.append((alternative, used, where))
            if len(alternatives) >= max_alternatives:
                break
    return alternatives
