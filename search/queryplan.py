"""From what a cadre types to what the engines look up. Pure Python, no Django.

A query becomes:
- match groups: a page matches when it holds every folded syllable of at
  least one group. The first group is the query as typed; the others are its
  abbreviation expansions ("MTTQ" / "mặt trận tổ quốc"). Text in double quotes
  must also appear as a phrase (its syllable pairs). Nothing else is syntax:
  *, -, NEAR, parentheses and stray quotes are just characters, so no input
  can reach an engine as an operator.
- scoring terms: each syllable and syllable pair, folded, plus its exact
  form when the reader typed diacritics, so "hàng" ranks "hàng" above "hạng".
- a document-number key when the query is a number in any spelling.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from vietnamese.abbreviations import expand_query
from vietnamese.numbers import parse_number_query
from vietnamese.text import bigrams, fold, normalize, tokenize

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
    groups: list[list[str]] = field(default_factory=list)
    terms: list[Term] = field(default_factory=list)
    number_key: str | None = None
    highlight: list[str] = field(default_factory=list)  # folded syllables to mark in snippets
    alternatives: list[str] = field(default_factory=list)  # expansions, shown to the reader
    truncated: bool = False

    @property
    def is_empty(self) -> bool:
        return not self.groups and not self.number_key


def _terms(tokens: list[str], folded: list[str], accented: bool) -> list[Term]:
    def exact_of(t, f):
        return t if accented and t != f else None

    terms = [Term(f, exact_of(t, f), False) for t, f in zip(tokens, folded)]
    terms += [Term(f, exact_of(t, f), True) for t, f in zip(bigrams(tokens), bigrams(folded))]
    return terms


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
    first = list(dict.fromkeys(folded))
    for phrase in _QUOTED_RE.findall(query):
        first += bigrams([fold(t) for t in tokenize(phrase)])
    groups = [first]
    terms = _terms(tokens, folded, accented=tokens != folded)
    alternatives = expand_query(query, MAX_ALTERNATIVES) if not truncated else []
    for alternative in alternatives:
        alt_tokens = tokenize(alternative)
        alt_folded = [fold(t) for t in alt_tokens]
        groups.append(list(dict.fromkeys(alt_folded)))
        terms += _terms(alt_tokens, alt_folded, accented=True)
    return QueryPlan(
        text=query,
        groups=groups,
        terms=list(dict.fromkeys(terms)),
        number_key=parse_number_query(query),
        highlight=list(dict.fromkeys(f for g in groups for f in g if "_" not in f)),
        alternatives=alternatives,
        truncated=truncated,
    )
