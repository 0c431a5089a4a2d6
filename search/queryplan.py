"""From what a cadre types to what the engines look up. Pure Python, no Django.

A query becomes:
- match groups (``match``): a page matches when it holds every index token
  of at least one group. The first group is the query as typed; the others
  are its abbreviation expansions ("MTTQ" / "mặt trận tổ quốc"). A syllable
  typed with diacritics must be held in that spelling ("Tân" is not "tấn"),
  one typed without them matches folded; an expansion must be held as a
  phrase (its syllable pairs, folded: case and accents do not matter), and
  so must text in double quotes. Nothing else is syntax: *, -, NEAR,
  parentheses and stray quotes are just characters, so no input can reach
  an engine as an operator.
- phrase units (``phrases``): per group, the names it holds (a place of the
  gazetteer, a body, a term of the vocabulary) and, between them, each pair
  of adjacent syllables; a unit is held when all its pairs are. Pages
  holding the units rank above pages holding only the loose syllables
  (``search.engines.base.tiers``).
- scoring terms: each syllable and syllable pair, folded, plus its exact
  form when the reader typed diacritics, so "hàng" ranks "hàng" above "hạng".
- a document-number key when the query is a number in any spelling.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from search.documents import ALL_EXACT
from vietnamese.abbreviations import expand_query_phrases
from vietnamese.gazetteer import gazetteer
from vietnamese.numbers import iter_numbers, parse_number_query
from vietnamese.text import TOKEN_RE, bigrams, fold, normalize, phrases, tokenize
from vietnamese.vocabulary import ABBREVIATIONS, DOCUMENT_KINDS, SEARCH_UNITS, THEMES

MAX_TOKENS = 32  # longer queries are cut, with a message: nobody types more
MAX_ALTERNATIVES = 4
_QUOTED_RE = re.compile(r'"([^"]+)"')


@dataclass(frozen=True)
class Term:
    folded: str
    exact: str | None  # set only when typed with diacritics that folding removes
    pair: bool  # a syllable pair: a phrase match, worth more


@dataclass
class QueryPlan:
    text: str = ""
    groups: list[list[str]] = field(default_factory=list)  # folded syllables per group: head coverage
    match: list[list[str]] = field(default_factory=list)  # index tokens a page must hold, per group
    phrases: list[list[list[str]]] = field(default_factory=list)  # per group, its units' pair tokens
    terms: list[Term] = field(default_factory=list)
    number_key: str | None = None
    highlight: list[str] = field(default_factory=list)  # syllables to mark in snippets, as typed
    alternatives: list[str] = field(default_factory=list)  # expansions, shown to the reader
    required: list[tuple[str, str]] = field(default_factory=list)  # (word typed, its index token)
    truncated: bool = False

    @property
    def is_empty(self) -> bool:
        return not self.match and not self.number_key


def index_token(exact: str, folded: str) -> str:
    """The index token a typed syllable or pair must match: its spelling when
    typed with diacritics, else folded (``search.documents``)."""
    return ALL_EXACT + exact if exact != folded else folded


@lru_cache(maxsize=1)
def _lexicon() -> tuple[frozenset[tuple[str, ...]], int]:
    """Folded names read as one unit: places, bodies, kinds, themes."""
    gaz = gazetteer()
    names = [*gaz.provinces, *gaz.districts]
    names += [a.long for a in ABBREVIATIONS] + [k.label for k in DOCUMENT_KINDS] + [t.name for t in THEMES]
    names += list(SEARCH_UNITS)
    units = {tuple(fold(t) for t in TOKEN_RE.findall(normalize(n))) for n in names}
    units = frozenset(u for u in units if len(u) > 1)
    return units, max(map(len, units), default=2)


def unit_spans(folded: list[str]) -> list[tuple[int, int]]:
    """(start, end) of the phrase units of one phrase of folded syllables:
    the longest known name at each point, and each adjacent pair of the
    syllables between names."""
    units, longest = _lexicon()
    spans: list[tuple[int, int]] = []
    loose: list[int] = []

    def close_loose():
        spans.extend((a, a + 2) for a, b in zip(loose, loose[1:]) if b == a + 1)
        loose.clear()

    i = 0
    while i < len(folded):
        for n in range(min(longest, len(folded) - i), 1, -1):
            if tuple(folded[i : i + n]) in units:
                close_loose()
                spans.append((i, i + n))
                i += n
                break
        else:
            loose.append(i)
            i += 1
    close_loose()
    return spans


def _pair_tokens(exact: list[str], folded: list[str], start: int, end: int, loose: bool = False) -> list[str]:
    pairs = zip(bigrams(exact[start:end]), bigrams(folded[start:end]))
    return [f if loose else index_token(x, f) for x, f in pairs]


def _number_positions(query: str, tokens: list[str]) -> set[int]:
    """Indexes of the tokens that belong to a document number in the query."""
    upper = query.upper()  # the grammar reads printed numbers: codes in capitals
    spans = [m.span(1) for m in iter_numbers(upper if len(upper) == len(query) else query)]
    if not spans:
        return set()
    starts = [m.start() for m in TOKEN_RE.finditer(query)]
    return {i for i, s in enumerate(starts[: len(tokens)]) if any(a <= s < b for a, b in spans)}


def _phrase_units(text: str, skip: set[int]) -> list[list[str]]:
    """The phrase units of ``text`` (normalised), each as the pair tokens it needs."""
    out = []
    pos = 0
    for part in phrases(text):
        folded = [fold(t) for t in part]
        start = 0
        # Number tokens and expansions split the phrase: they are matched otherwise.
        for j in range(len(part) + 1):
            if j == len(part) or pos + j in skip:
                for a, b in unit_spans(folded[start:j]):
                    out.append(_pair_tokens(part, folded, start + a, start + b))
                start = j + 1
        pos += len(part)
    return [u for u in out if u]


def _terms(tokens: list[str], folded: list[str], accented: bool) -> list[Term]:
    def exact_of(t, f):
        return t if accented and t != f else None

    terms = [Term(f, exact_of(t, f), False) for t, f in zip(tokens, folded)]
    terms += [Term(f, exact_of(t, f), True) for t, f in zip(bigrams(tokens), bigrams(folded))]
    return terms


def _expansion_positions(tokens: list[str], used: list[str]) -> list[tuple[int, int]]:
    """(start, end) of each replacement ``used`` in an alternative's tokens."""
    spans, pos = [], 0
    for phrase in used:
        want = tokenize(phrase)
        for i in range(pos, len(tokens) - len(want) + 1):
            if tokens[i : i + len(want)] == want:
                spans.append((i, i + len(want)))
                pos = i + len(want)
                break
    return spans


def _alternative_group(text: str, used: list[str]) -> tuple[list[str], list[list[str]], list[str]]:
    """Match tokens, phrase units and tokens of one expansion of the query."""
    tokens = tokenize(text)
    folded = [fold(t) for t in tokens]
    expanded = _expansion_positions(tokens, used)
    inside = {i for a, b in expanded for i in range(a, b)}
    match = [index_token(t, f) for i, (t, f) in enumerate(zip(tokens, folded)) if i not in inside]
    units = []
    for a, b in expanded:
        match += folded[a:b] if b - a == 1 else _pair_tokens(tokens, folded, a, b, loose=True)
        if b - a > 1:
            units.append(_pair_tokens(tokens, folded, a, b, loose=True))
    units += _phrase_units(text, inside)
    return list(dict.fromkeys(match)), units, tokens


def _keeps_names(query: str):
    """A test for expansions: one that cuts a name of the query apart is no
    reading of it ("Ban Tuyên giáo Trung ương" is not "ban tuyên giáo TW",
    which the TW of every "03-CT/TW" would match), unless what it replaces
    is itself a name and its abbreviation no code of two letters ("Ủy ban
    Trung ương MTTQ" is a reading of "Ủy ban Trung ương Mặt trận Tổ quốc")."""
    names = []
    pos = 0
    for part in phrases(query):
        names += [(pos + a, pos + b) for a, b in unit_spans([fold(t) for t in part]) if b - a > 2 or _is_name(part[a:b])]
        pos += len(part)
    if not names:
        return None
    matches = list(TOKEN_RE.finditer(query))
    starts = [m.start() for m in matches]

    def keep(replaced: list[tuple[int, int]], used: list[str]) -> bool:
        for (start, end), replacement in zip(replaced, used):
            cut = {i for i, s in enumerate(starts) if start <= s < end}
            for a, b in names:
                whole = set(range(a, b))
                if not cut & whole or whole <= cut:
                    continue
                inner = [m.group() for m in matches if start <= m.start() < end]
                if not (_is_name(inner) and len(replacement.replace(" ", "")) > 2):
                    return False
        return True

    return keep


def _is_name(tokens: list[str]) -> bool:
    units, _ = _lexicon()
    return tuple(fold(t) for t in tokens) in units


def plan(text: str) -> QueryPlan:
    query = normalize(text or "")
    tokens = tokenize(query)
    truncated = len(tokens) > MAX_TOKENS
    if truncated:
        tokens = tokens[:MAX_TOKENS]
        query = " ".join(tokens)
    if not tokens:
        return QueryPlan(text=query)
    folded = [fold(t) for t in tokens]
    numbered = _number_positions(query, tokens)
    first = list(dict.fromkeys(folded))
    match = [index_token(t, f) for t, f in zip(tokens, folded)]
    for phrase in _QUOTED_RE.findall(query):
        quoted = tokenize(phrase)
        quoted_folded = [fold(t) for t in quoted]
        first += bigrams(quoted_folded)
        match += _pair_tokens(quoted, quoted_folded, 0, len(quoted))
    groups = [first]
    matches = [list(dict.fromkeys(match))]
    units = [_phrase_units(query, numbered)]
    terms = _terms(tokens, folded, accented=tokens != folded)
    marks = [t for i, t in enumerate(tokens) if i not in numbered]
    expanded = expand_query_phrases(query, MAX_ALTERNATIVES, keep=_keeps_names(query)) if not truncated else []
    for alternative, used, _ in expanded:
        alt_match, alt_units, alt_tokens = _alternative_group(alternative, used)
        alt_folded = [fold(t) for t in alt_tokens]
        groups.append(list(dict.fromkeys(alt_folded)))
        matches.append(alt_match)
        units.append(alt_units)
        terms += _terms(alt_tokens, alt_folded, accented=True)
        marks += [t for t in alt_tokens if t not in tokens]
    return QueryPlan(
        text=query,
        groups=groups,
        match=matches,
        phrases=units,
        terms=list(dict.fromkeys(terms)),
        number_key=parse_number_query(query),
        highlight=list(dict.fromkeys(marks)),
        alternatives=[a for a, _, _ in expanded],
        required=list(dict.fromkeys((t, index_token(t, f)) for t, f in zip(tokens, folded))),
        truncated=truncated,
    )
