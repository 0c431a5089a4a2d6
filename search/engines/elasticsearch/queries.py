"""The archive search as an elasticsearch-dsl FacetedSearch.

It asks the cluster what the embedded engine asks its own index, with the
same query plan (``search.queryplan``) and the same weights:

- match: every folded syllable (and quoted pair) of one of the plan's groups,
  or the document the number names; never a page under a refused restriction;
- score: the embedded engine's ``body + head * coverage² + number + recency``.
  One clause per place a term occurs, boosted by the embedded engine's weight;
  the index's "presence" similarity multiplies it by the term's idf. The head
  clauses are scaled by the square of the share of the query's syllables the
  head holds (``coverage_functions``). The named document gets NUMBER_BOOST,
  and the date adds up to RECENCY (``recency_functions``). No scripts: the
  cluster may lack painless, as the integration-test distribution does;
- facets: each counted with every filter but its own (FacetedSearch's filter
  aggregations plus a post_filter), the embedded engine's disjunctive counts.

Query text only ever reaches the cluster as analysed tokens in term and
two-term phrase queries: no query syntax to escape or to trip over.
"""

from __future__ import annotations

import datetime as dt

from elasticsearch_dsl import FacetedSearch, Q, TermsFacet

from search.documents import ALL_EXACT, FREQUENT, HEAD_EXACT, HEAD_FOLDED
from search.engines.base import FACETS, LITERAL_BOOST, NUMBER_BOOST, RECENCY, scoring_units, tiers
from search.engines.elasticsearch.documents import ArchiveEntry
from search.query import NEWEST, SearchQuery
from search.queryplan import QueryPlan

FACET_SIZE = 5000  # every value, as the embedded engine counts them (regions are the most: ~800)
MAX_WINDOW = 10_000  # the index's max_result_window: deeper pages come back empty
SHOWN = ["page_id", "url", "title", "content", "kind", "number", "issuer", "date", "original", "restrictions"]
# Index-token prefixes of ``search.documents`` -> the field holding those
# tokens, and whether it is text (a pair is then a phrase) or keyword.
_FIELDS = (
    (HEAD_EXACT, "head_exact", True),
    (HEAD_FOLDED, "head_folded", True),
    (ALL_EXACT, "text_exact", True),
    (FREQUENT, "frequent", False),
    ("", "text_folded", True),
)


def token_query(field: str, token: str, boost: float | None = None) -> Q:
    """A syllable is a term; a pair "a_b" a two-term phrase, which the field's
    index_phrases turns into one term of its ``._index_phrase`` field."""
    extra = {"boost": boost} if boost is not None else {}
    if "_" in token:
        return Q("match_phrase", **{field: {"query": token.replace("_", " "), **extra}})
    return Q("term", **{field: {"value": token, **extra}})


def unit_query(unit: str, weight: float | None = None) -> Q:
    """One index token as a query: a scoring unit (``scoring_units``:
    "_hx_hàng", 6.0) or, without a weight, a token a page must hold."""
    for prefix, field, text in _FIELDS:
        if unit.startswith(prefix):
            token = unit[len(prefix) :]
            if text:
                return token_query(field, token, weight)
            return Q("term", **{field: {"value": token, **({"boost": weight} if weight is not None else {})}})
    raise ValueError(f"no Elasticsearch field for the index token {unit!r}")


def holds_all(tokens: list[str]) -> Q:
    return Q("bool", filter=[unit_query(t) for t in tokens])


def tier_queries(qplan: QueryPlan) -> list[Q]:
    """``base.tiers`` as constant scores: the literal query, then the phrase
    units of the best group a page matches (a dis_max of each group's sum)."""
    plan_tiers = tiers(qplan)
    queries = []
    if plan_tiers.literal:
        queries.append(Q("constant_score", filter=holds_all(plan_tiers.literal), boost=LITERAL_BOOST))
    groups = [
        Q(
            "bool",
            filter=[holds_all(match)],
            should=[Q("constant_score", filter=holds_all(unit), boost=value) for unit, value in units],
            minimum_should_match=1,
        )
        for match, units in plan_tiers.phrases
    ]
    if len(groups) == 1:
        queries.append(groups[0])
    elif groups:
        queries.append(Q("dis_max", queries=groups, tie_breaker=0))
    return queries


def scoring_queries(qplan: QueryPlan) -> list[Q]:
    """The embedded engine's ``_scores``, as queries whose scores add up."""
    body, head = [], []
    # The shared units and weights (``search.engines.base``): one ranking, two engines.
    for token, weight, in_head in scoring_units(qplan):
        (head if in_head else body).append(unit_query(token, weight))
    queries = [Q("bool", should=body)] if body else []
    if head:
        coverage = coverage_functions(qplan)
        queries.append(Q("function_score", query=Q("bool", should=head), functions=coverage, score_mode="max", boost_mode="multiply"))
    return queries


def coverage_functions(qplan: QueryPlan) -> list[dict]:
    """Score functions worth (k / m)² when the head holds at least k of a
    group's m syllables; the best one counts (``score_mode: max``). That is
    ``EmbeddedEngine._head_coverage`` squared. A page whose head holds none
    has no head score to scale, since every head term is made of them."""
    functions = []
    for group in qplan.groups:
        syllables = [t for t in group if "_" not in t]
        held = [Q("term", head_folded=t) for t in syllables]
        for k in range(1, len(syllables) + 1):
            at_least = Q("bool", should=held, minimum_should_match=k)
            functions.append({"filter": at_least.to_dict(), "weight": (k / len(syllables)) ** 2})
    return functions


def recency_functions(bounds: tuple[dt.date, dt.date] | None) -> list[dict]:
    """Score functions adding 1 + RECENCY * (date - oldest) / (newest - oldest).

    A function_score gives 1 to a page no function matches (an undated one),
    so dated pages get 1 too: the constant shifts every score alike, and the
    rest is the embedded engine's recency, linear from 0 (oldest) to 1 (newest).
    """
    if not bounds or bounds[1] <= bounds[0]:
        return []
    low, high = bounds
    hours = (high - low).days * 24
    dated = Q("exists", field="date")
    # Linear decay is 1 at origin and reaches 0 at scale / (1 - decay) away.
    decay = {"origin": high.isoformat(), "scale": f"{hours // 2}h", "decay": 0.5}
    return [
        {"filter": dated.to_dict(), "weight": 1},
        {"filter": dated.to_dict(), "linear": {"date": decay}, "weight": RECENCY},
    ]


def recency(date: dt.date | None, bounds: tuple[dt.date, dt.date] | None) -> float:
    """What ``recency_functions`` add to a page's score, minus the constant 1."""
    if not date or not bounds or bounds[1] <= bounds[0]:
        return 0.0
    low, high = bounds
    return RECENCY * min(max((date - low).days / (high - low).days, 0.0), 1.0)


class ArchiveSearch(FacetedSearch):
    doc_types = [ArchiveEntry]
    facets = {name: TermsFacet(field=name, size=FACET_SIZE) for name in FACETS}

    def __init__(self, client, index: str, query: SearchQuery, qplan: QueryPlan, number_ids: list[int], bounds):
        self.using = client
        self.index = index
        self.request = query
        self.qplan = qplan
        self.number_ids = [str(i) for i in number_ids]
        self.bounds = bounds
        self.scored = self.is_scored(query, qplan)
        filters = {name: value for name, value in query.filters.items() if name in FACETS}
        super().__init__(query=qplan, filters=filters, sort=self._order())
        start = min(query.offset, MAX_WINDOW)
        self._s = self._s[start : min(query.offset + query.per_page, MAX_WINDOW)]

    @staticmethod
    def is_scored(query: SearchQuery, qplan: QueryPlan) -> bool:
        """Ranked by relevance (else newest first, as the embedded engine does)."""
        return query.sort != NEWEST and not qplan.is_empty

    def _order(self) -> list:
        newest = [{"date": {"order": "desc", "missing": "_last"}}, {"page_id": "desc"}]
        return [{"_score": "desc"}, {"page_id": "desc"}] if self.scored else newest

    def search(self):
        return super().search().extra(track_total_hits=True).source(SHOWN)

    def query(self, search, qplan: QueryPlan):
        request = self.request
        filters = []
        if request.refused_restrictions:
            filters.append(~Q("terms", restrictions=sorted(request.refused_restrictions)))
        if request.date_from or request.date_to:
            bounds = {"gte": request.date_from, "lte": request.date_to}
            filters.append(Q("range", date={k: v.isoformat() for k, v in bounds.items() if v}))
        if not qplan.is_empty:
            alternatives = [holds_all(group) for group in qplan.match if group]
            if self.number_ids:
                alternatives.append(Q("ids", values=self.number_ids))
            filters.append(Q("bool", should=alternatives, minimum_should_match=1))
        should = []
        if self.scored:
            should = scoring_queries(qplan) + tier_queries(qplan)
            if self.number_ids:
                should.append(Q("constant_score", filter=Q("ids", values=self.number_ids), boost=NUMBER_BOOST))
        query = Q("bool", filter=filters, should=should, minimum_should_match=0) if should else Q("bool", filter=filters)
        functions = recency_functions(self.bounds) if self.scored else []
        if functions:
            query = Q("function_score", query=query, functions=functions, score_mode="sum", boost_mode="sum")
        return search.query(query)

    def aggregate(self, search):
        if self.request.with_facets:
            super().aggregate(search)
        words = list(dict.fromkeys(token for _, token in self.qplan.required))
        if words:
            # How many pages hold each word, in the whole archive: the words
            # found nowhere are reported (``unknown_terms``), as the embedded engine does.
            counts = {t: unit_query(t) for t in words}
            search.aggs.bucket("_everywhere", "global").bucket("words", "filters", filters=counts)
