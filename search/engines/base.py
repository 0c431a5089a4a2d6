"""What a search engine is to the rest of the site, and what engines share.

The service asks an ``Engine`` to search and suggest; index upkeep
(``search.indexing``, ``search.outbox``) asks it to write. An engine knows
search documents, never pages, and keeps no record of what it missed: a
write says what did not reach the index (``WriteResult``) and upkeep keeps
that for later. The ranking lives here so that both engines rank alike
without one importing the other.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from search.documents import ALL_EXACT, FREQUENT, HEAD_EXACT, HEAD_FOLDED, SearchDocument
from search.query import SearchQuery, SearchResults, Suggestion
from search.queryplan import QueryPlan
from vietnamese.vocabulary import FILTERS

Progress = Callable[[int], None]

# The facets every engine counts and filters on: the vocabulary's filters, a
# page having one value of each but several themes and regions.
MULTI_VALUED = ("theme", "region")
SINGLE_VALUED = tuple(name for name in FILTERS if name not in MULTI_VALUED)
FACETS = SINGLE_VALUED + MULTI_VALUED

# Ranking: weights per place a term occurs.
W_HEAD_EXACT = 6.0
W_HEAD_FOLDED = 4.0
W_ALL_EXACT = 2.0
W_ALL_FOLDED = 1.0
W_FREQUENT = 1.5  # the term is repeated in the text (see documents.FREQUENT)
PAIR_BOOST = 2.0  # a syllable pair is a phrase match ("hàng giả" over "hàng ... giả")
# Tiers, above any sum of the weights: the document a number query names,
# then pages holding the query as typed (an abbreviation literally) over those
# holding only an expansion, then pages holding the query's phrase units
# (a share of PHRASE_BOOST per unit) over those holding loose syllables.
NUMBER_BOOST = 10_000.0
LITERAL_BOOST = 2_000.0
PHRASE_BOOST = 1_000.0
RECENCY = 0.1  # at most this much: below any real difference in match


def scoring_units(qplan: QueryPlan) -> list[tuple[str, float, bool]]:
    """(index token, weight, in the head) for every place a query term may
    occur: one list of what scores, for both engines."""
    units = []
    for term in qplan.terms:
        boost = PAIR_BOOST if term.pair else 1.0
        if term.exact:
            units += [
                (HEAD_EXACT + term.exact, W_HEAD_EXACT * boost, True),
                (HEAD_FOLDED + term.folded, W_HEAD_FOLDED * boost, True),
                (ALL_EXACT + term.exact, W_ALL_EXACT * boost, False),
                (term.folded, W_ALL_FOLDED * boost, False),
            ]
        else:
            # Typed without diacritics: a folded match is as exact as it gets.
            units += [
                (HEAD_FOLDED + term.folded, W_HEAD_EXACT * boost, True),
                (term.folded, W_ALL_EXACT * boost, False),
            ]
        units.append((FREQUENT + term.folded, W_FREQUENT * boost, False))
    return units


@dataclass
class Tiers:
    """What lifts a page above others whatever its weights (``tiers``)."""

    literal: list[str] | None  # tokens of the query as typed, when it has expansions
    # Per group: the tokens a page must hold to match it, and (unit's tokens, value) of its
    # phrase units; a page's best group among those it matches counts.
    phrases: list[tuple[list[str], list[tuple[list[str], float]]]]


def tiers(qplan: QueryPlan) -> Tiers:
    """The tier clauses of a query, for both engines."""
    literal = qplan.match[0] if len(qplan.match) > 1 and qplan.match[0] else None
    phrases = [
        (match, [(unit, PHRASE_BOOST / len(units)) for unit in units])
        for match, units in zip(qplan.match, qplan.phrases)
        if units and match
    ]
    return Tiers(literal, phrases)


class EngineUnavailable(Exception):
    """The engine cannot answer now (down, slow, refusing): fall back."""


@dataclass
class WriteResult:
    """What one write reached: an engine's writes never raise for its server,
    so the caller learns here what to keep for later."""

    written: int = 0  # pages indexed (or, for a delete, removed)
    refused: list[int] = field(default_factory=list)  # page ids the engine turned down
    unreachable: bool = False  # nothing was written: the engine could not be asked
    reason: str = ""  # why, in Vietnamese, when anything was missed

    def missed(self, page_ids: Iterable[int]) -> list[int]:
        """Of the pages this write was given, those not in the index as asked."""
        return list(page_ids) if self.unreachable else list(self.refused)


@runtime_checkable
class Engine(Protocol):
    name: str  # settings' SEARCH_ENGINE value, and the outbox's key
    label: str  # shown to editors

    def index(self, docs: Iterable[SearchDocument], progress: Progress | None = None) -> WriteResult:
        """Add or replace documents."""

    def delete(self, page_ids: Iterable[int]) -> WriteResult:
        """Drop pages from the index (those already absent are no failure)."""

    def search(self, query: SearchQuery) -> SearchResults:
        """Raises ``EngineUnavailable`` when the engine cannot answer."""

    def suggest(self, prefix: str, refused_restrictions: frozenset[int] = frozenset(), limit: int = 8) -> list[Suggestion]:
        """Titles and numbers starting with ``prefix``; raises ``EngineUnavailable``."""

    def rebuild(self, docs: Iterable[SearchDocument], progress: Progress | None = None) -> int:
        """Replace the whole index, readers never seeing it half built;
        returns how many pages. Raises ``EngineUnavailable``."""

    def indexed(self) -> dict[int, str]:
        """page id -> fingerprint of what is indexed, for reconciling."""

    def health(self) -> tuple[bool, str]:
        """Whether the engine answers, and what it holds, in Vietnamese."""
