"""The archive search's requests, as plain dicts for one ``_msearch``.

The match is the embedded engine's (the same query plan, ``search.queryplan``),
so both find the same pages, totals and facet counts (tests/search/engines/
test_agreement.py); the ranking is Elasticsearch's own over our pre-analysed
fields, held to the search issue's quality bar rather than to the embedded
engine's order:

- match: every folded syllable (and quoted pair) of one of the plan's groups,
  or the document the number names (a term of ``number_keys``); never a page
  under a refused restriction;
- score: a plain sum of term and phrase clauses, exact and folded, head and
  text, with the shared weights (``scoring_units``) times the term's idf
  (the index's "presence" BM25: a term in every page is worth nothing and
  Lucene skips it), the tiers as constant scores (``match_query``), the
  named document's NUMBER_BOOST; the pairs and recency (a ``distance_feature``)
  rescore the best ``RESCORE_WINDOW`` pages. No function_score and no
  scripts: Lucene can skip the pages that cannot reach the top, and the
  core-only cluster has no painless;
- counts (``counts_request``): unscored, size 0, each facet counted with every
  filter but its own (the embedded engine's disjunctive counts), its top
  values only, the full list when asked (``SearchQuery.full_facet``).

Query text only ever reaches the cluster as analysed tokens in term and
two-term phrase queries: no query syntax to escape or to trip over.
"""

from __future__ import annotations

import datetime as dt

from elasticsearch_dsl import Q

from search.documents import ALL_EXACT, FREQUENT, HEAD_EXACT, HEAD_FOLDED
from search.engines.base import FACETS, LITERAL_BOOST, NUMBER_BOOST, RECENCY, scoring_units, tiers
from search.query import NEWEST, SearchQuery
from search.queryplan import QueryPlan

# Values per facet: the page shows 12 and the rest behind "Thêm … mục"
# (``search.views``); a reader who opens it asks for that facet's full list
# (``SearchQuery.full_facet``). Regions are shown a level at a time
# (``search.service._region_values``): the provinces must all be there.
FACET_SIZE = 40
FACET_SIZES = {"region": 400}
FULL_FACET = 10_000
NUMBER_HITS = 5
RESCORE_WINDOW = 200  # best pages (by terms and tiers) whose pairs and recency are scored
MAX_WINDOW = 10_000  # the index's max_result_window: deeper pages come back empty
SHOWN = ["page_id", "url", "title", "content", "kind", "number", "number_key", "issuer", "date", "original"]
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


def literal_query(qplan: QueryPlan) -> Q | None:
    """``base.tiers``' first: the query as typed (an abbreviation literally)."""
    literal = tiers(qplan).literal
    return Q("constant_score", filter=holds_all(literal), boost=LITERAL_BOOST) if literal else None


def _group_query(match: list[str], units: list[tuple[list[str], float]]) -> Q:
    """A page matching one of the plan's groups, scored by that group's
    phrase units (``base.tiers``). A unit all of whose tokens the group
    requires (an expansion's phrase: "mặt trận tổ quốc" for "MTTQ") is held
    by every page the group matches: its value is a constant, not a second
    pass over the same phrases' positions."""
    required = set(match)
    held = sum(value for unit, value in units if set(unit) <= required)
    rest = [Q("constant_score", filter=holds_all(unit), boost=value) for unit, value in units if not set(unit) <= required]
    base = Q("constant_score", filter=holds_all(match), boost=held)
    return Q("bool", must=[base], should=rest) if rest else base


def match_query(qplan: QueryPlan, named: Q | None) -> Q:
    """The match as a scoring clause: a page holding one of the plan's groups
    (or the document a number names), scored by the best group's phrase tier
    (a dis_max of each group's, ``_group_query``) plus NUMBER_BOOST for the
    named document. The same pages as ``_base_filters``' match, but each
    group's tokens are read once, for the match and the tier together,
    instead of once as a filter and again under each tier clause."""
    units = {tuple(match): group_units for match, group_units in tiers(qplan).phrases}
    groups = [_group_query(match, units.get(tuple(match), [])) for match in qplan.match if match]
    alternatives = []
    if len(groups) == 1:
        alternatives.append(groups[0])
    elif groups:
        alternatives.append(Q("dis_max", queries=groups, tie_breaker=0))
    if named is not None:
        alternatives.append(Q("constant_score", filter=named, boost=NUMBER_BOOST))
    if len(alternatives) == 1:
        return alternatives[0]
    return Q("bool", should=alternatives, minimum_should_match=1)


def scoring_queries(qplan: QueryPlan, common: frozenset[str] = frozenset()) -> list[Q]:
    """One clause per place a query term occurs, with the shared weights
    (``search.engines.base.scoring_units``) times the term's idf. A plain
    sum of term scores, no function_score around it: Lucene then knows each
    clause's best score and skips the pages that cannot reach the top
    (block-max WAND), which matters when common syllables ("hàng", "việt")
    match the whole archive: a term in nearly every page has an idf near 0,
    so its clause is never what lets a page in. The ``common`` units (in
    nearly every page: ``frequencies``) are left out: worth next to nothing,
    they are the costliest clauses to score."""
    return [unit_query(token, weight) for token, weight, _head in scoring_units(qplan) if token not in common]


def _is_phrase(clause: Q) -> bool:
    return clause.name == "match_phrase"


def page_scoring(qplan: QueryPlan, common: frozenset[str]) -> tuple[list[Q], list[Q]]:
    """The scoring clauses as (terms, pairs). A pair is a phrase query on
    positions: at 100,000 pages scoring them over every match cost 5 to 10
    times the rest of the request (measured: "UBND tỉnh" 451 -> 36 ms
    without them), so they only rescore the best ``RESCORE_WINDOW`` pages,
    already ranked by the terms and by the phrase tiers."""
    clauses = scoring_queries(qplan, common)
    return [c for c in clauses if not _is_phrase(c)], [c for c in clauses if _is_phrase(c)]


def recency_query(bounds: tuple[dt.date, dt.date] | None) -> Q | None:
    """Up to RECENCY for the newest pages, falling off with age: a tie-break
    below any real difference in match, as ``distance_feature`` (which
    Lucene can skip by, unlike a function_score)."""
    if not bounds or bounds[1] <= bounds[0]:
        return None
    return Q("distance_feature", field="date", origin=bounds[1].isoformat(), pivot=f"{_pivot_days(bounds)}d", boost=RECENCY)


def _pivot_days(bounds: tuple[dt.date, dt.date]) -> int:
    return max((bounds[1] - bounds[0]).days // 2, 1)


def recency(date: dt.date | None, bounds: tuple[dt.date, dt.date] | None) -> float:
    """What ``recency_query`` adds to a page's score."""
    if not date or not bounds or bounds[1] <= bounds[0]:
        return 0.0
    pivot = _pivot_days(bounds)
    return RECENCY * pivot / (pivot + abs((bounds[1] - date).days))


def is_scored(query: SearchQuery, qplan: QueryPlan) -> bool:
    """Ranked by relevance (else newest first, as the embedded engine does)."""
    return query.sort != NEWEST and not qplan.is_empty


def number_query(key: str | None, number_ids: list[int]) -> Q | None:
    """The pages a number query names: those printing ``key`` (a term of
    ``number_keys``, so no round trip first), or, for a full key printed
    otherwise, the ids found by ``ElasticsearchEngine._number_fallback``."""
    if number_ids:
        return Q("ids", values=[str(i) for i in number_ids])
    return Q("term", number_keys=key) if key else None


def _visible_filters(query: SearchQuery) -> list[Q]:
    """Visibility and dates: what every part of a search shares."""
    filters = []
    if query.refused_restrictions:
        filters.append(~Q("terms", restrictions=sorted(query.refused_restrictions)))
    if query.date_from or query.date_to:
        bounds = {"gte": query.date_from, "lte": query.date_to}
        filters.append(Q("range", date={k: v.isoformat() for k, v in bounds.items() if v}))
    return filters


def _base_filters(query: SearchQuery, qplan: QueryPlan, named: Q | None) -> list[Q]:
    """Visibility, dates and the match, unscored."""
    filters = _visible_filters(query)
    if not qplan.is_empty:
        alternatives = [holds_all(group) for group in qplan.match if group]
        if named is not None:
            alternatives.append(named)
        filters.append(Q("bool", should=alternatives, minimum_should_match=1))
    return filters


def facet_filters(query: SearchQuery) -> dict[str, Q]:
    return {name: Q("term", **{name: value}) for name, value in query.filters.items() if name in FACETS}


def page_request(query: SearchQuery, qplan: QueryPlan, named: Q | None, bounds, common: frozenset[str] = frozenset()) -> dict:
    """The page of hits: scored (or newest first), no total, no aggregations,
    without the scoring clauses of the ``common`` units."""
    scored = is_scored(query, qplan)
    rescoring: list[Q] = []
    if not scored:
        q = Q("bool", filter=_base_filters(query, qplan, named) + list(facet_filters(query).values()))
    else:
        should, rescoring = page_scoring(qplan, common)
        literal = literal_query(qplan)
        if literal is not None:
            should.append(literal)
        # Recency only rescores, with the pairs: in the first pass it gave
        # every page its own score, so Lucene had to score all the pages
        # tied on the match instead of skipping them (measured at 100,000
        # pages, the bench's 26 queries without the rescore: 785 -> 220 ms
        # of server time summed). Ties at the window's edge go by index order.
        dated = recency_query(bounds)
        if dated is not None:
            rescoring.append(dated)
        filters = _visible_filters(query) + list(facet_filters(query).values())
        q = Q("bool", must=[match_query(qplan, named)], filter=filters, should=should)
    newest = [{"date": {"order": "desc", "missing": "_last"}}, {"page_id": "desc"}]
    start = min(query.offset, MAX_WINDOW)
    end = min(query.offset + query.per_page, MAX_WINDOW)
    body = {
        "query": q.to_dict(),
        "sort": [{"_score": "desc"}, {"page_id": "desc"}] if scored else newest,
        "from": start,
        "size": max(end - start, 0),
        "_source": SHOWN,
        "track_total_hits": False,
    }
    if rescoring:
        # Rescoring takes no sort: ties go by index order (one segment, the load's order).
        del body["sort"]
        body["rescore"] = {
            "window_size": max(RESCORE_WINDOW, end),
            "query": {"rescore_query": Q("bool", should=rescoring).to_dict(), "score_mode": "total"},
        }
    return body


def counts_request(query: SearchQuery, qplan: QueryPlan, named: Q | None, present: frozenset[str] = frozenset()) -> dict:
    """Total and facets, unscored: the match as a filter, each facet counted
    with every facet filter but its own (the embedded engine's disjunctive
    counts), a plain terms aggregation when no other filter applies (a
    ``filter`` wrapper around it costs as much again). The query's words
    not known to be ``present`` in the archive (``Frequencies.present``) are
    counted in the whole archive, for ``unknown_terms``."""
    selected = facet_filters(query)
    aggs: dict = {}
    if selected:
        aggs["_total"] = {"filter": Q("bool", filter=list(selected.values())).to_dict()}
    if query.with_facets:
        for name in FACETS:
            size = FULL_FACET if name == query.full_facet else FACET_SIZES.get(name, FACET_SIZE)
            terms = {"terms": {"field": name, "size": size}}
            others = [f for other, f in selected.items() if other != name]
            if name not in selected and not others:
                aggs[name] = terms
                continue
            inner = {"v": terms}
            if name in selected:  # counted even when outside the top values
                inner["chosen"] = {"filter": selected[name].to_dict()}
            aggs[name] = {"filter": Q("bool", filter=others).to_dict() if others else {"match_all": {}}, "aggs": inner}
    words = [t for t in dict.fromkeys(token for _, token in qplan.required) if t not in present]
    if words:
        # How many pages hold each word, in the whole archive: the words
        # found nowhere are reported (``unknown_terms``), as the embedded engine does.
        counts = {t: unit_query(t).to_dict() for t in words}
        aggs["_everywhere"] = {"global": {}, "aggs": {"words": {"filters": {"filters": counts}}}}
    return {
        "query": Q("bool", filter=_base_filters(query, qplan, named)).to_dict(),
        "size": 0,
        "track_total_hits": not selected,
        "aggs": aggs,
    }


def number_request(query: SearchQuery, named: Q) -> dict:
    """The documents a number names, in page order, those the reader may see."""
    filters = [named]
    if query.refused_restrictions:
        filters.append(~Q("terms", restrictions=sorted(query.refused_restrictions)))
    return {
        "query": Q("bool", filter=filters).to_dict(),
        "sort": [{"page_id": "asc"}],
        "size": NUMBER_HITS,
        "_source": SHOWN,
        "track_total_hits": False,
    }
