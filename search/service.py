"""The one search service: the search page, the API, the feeds and the
``search_archive`` command all come here.

It picks the engine from settings, falls back to the embedded engine with a
visible notice when another engine cannot answer, turns facet values into
Vietnamese labels, and works out what to suggest when nothing is found.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from cms.content.filters import CHOICES
from cms.content.visibility import refused_restrictions as refused_by
from cms.taxonomy.models import Region, Theme
from home.caching import cached_row
from search.engines.base import EngineUnavailable
from search.engines.registry import get_engine
from search.query import FacetValue, SearchQuery, SearchResults, Suggestion
from search.spelling import correct
from vietnamese.text import tokenize

logger = logging.getLogger(__name__)

FALLBACK_NOTICE = (
    "Máy chủ tìm kiếm Elasticsearch tạm thời không trả lời; kết quả dưới đây lấy từ chỉ mục tích hợp "
    "và có thể xếp hạng khác đôi chút."
)


def refused_restrictions(request) -> frozenset[int]:
    """Restrictions this request fails: their pages are never found."""
    return frozenset(r.id for r in refused_by(request))


def search(query: SearchQuery, engine: str | None = None) -> SearchResults:
    results = _run(query, engine)
    results = _corrected(results, engine)
    _label(results)
    _suggest_when_empty(results)
    return results


def _run(query: SearchQuery, engine: str | None) -> SearchResults:
    chosen = get_engine(engine)
    try:
        return chosen.search(query)
    except EngineUnavailable as exc:
        if chosen.name == "embedded":
            raise
        logger.warning("search engine %s unavailable, using the embedded index: %s", chosen.name, exc)
        results = get_engine("embedded").search(query)
        results.messages.insert(0, FALLBACK_NOTICE)
        return results


def _corrected(results: SearchResults, engine: str | None) -> SearchResults:
    """A query with words the archive does not hold gets a correction
    ("Có phải bạn muốn tìm"); when it finds nothing, the corrected query's
    results are shown instead, with a notice."""
    if not results.unknown_terms:
        return results
    fixed = correct(results.query.text, results.unknown_terms)
    if not fixed:
        return results
    results.correction = fixed
    if results.total:
        return results
    retry = _run(replace(results.query, text=fixed), engine)
    if not retry.total:
        return results
    retry.correction = fixed
    retry.corrected_from = results.query.text
    retry.messages = results.messages + retry.messages
    retry.messages.append(
        f"Không tìm thấy kết quả cho “{results.query.text[:100]}”. Dưới đây là kết quả cho “{fixed}”."
    )
    return retry


def suggest(prefix: str, request=None, limit: int = 8, engine: str | None = None) -> list[Suggestion]:
    refused = refused_restrictions(request)
    chosen = get_engine(engine)
    try:
        return chosen.suggest(prefix, refused, limit)
    except EngineUnavailable:
        return get_engine("embedded").suggest(prefix, refused, limit)


# -- labels ------------------------------------------------------------------


def _region_values(values: list[FacetValue], selected: str | None) -> list[FacetValue]:
    """The units one level below the chosen one (provinces when none is chosen)."""
    regions = {r.slug: r for r in Region.objects.filter(slug__in=[v.value for v in values])}
    parent = Region.objects.filter(slug=selected).first() if selected else None
    shown = []
    for v in values:
        r = regions.get(v.value)
        if r is None:
            continue
        v.label = r.name
        if v.selected:
            shown.append(v)
        elif parent is None and r.depth == 2:
            shown.append(v)
        elif parent is not None and r.depth == parent.depth + 1 and r.path.startswith(parent.path):
            shown.append(v)
    return shown


def facet_label(name: str, value: str) -> str:
    """Vietnamese label of one facet value (for chips and messages)."""
    if name in CHOICES:
        return CHOICES[name].get(value, value)
    if name in ("theme", "region"):
        return getattr(cached_row(Theme if name == "theme" else Region, slug=value), "name", None) or value
    return value


def _label(results: SearchResults) -> None:
    for hit in results.hits + results.number_hits:
        hit.content_label = CHOICES["content"].get(hit.content, "")
        hit.kind_label = CHOICES["kind"].get(hit.kind, "")
    facets = results.facets
    for name, values in facets.items():
        if name in CHOICES:
            for v in values:
                v.label = CHOICES[name].get(v.value, v.value)
        elif name == "theme":
            names = dict(Theme.objects.filter(slug__in=[v.value for v in values]).values_list("slug", "name"))
            for v in values:
                v.label = names.get(v.value, v.value)
        else:
            for v in values:
                v.label = v.value
    if "region" in facets:
        facets["region"] = _region_values(facets["region"], results.query.filters.get("region"))
    if "year" in facets:
        facets["year"].sort(key=lambda v: v.value, reverse=True)


# -- when nothing is found ---------------------------------------------------


def _suggest_when_empty(results: SearchResults) -> None:
    if results.total:
        return
    if results.correction:
        results.suggestions.append(results.correction)
    query = results.query
    unknown = set(results.unknown_terms)
    if unknown:
        words = ", ".join(f"“{w[:40]}”" for w in results.unknown_terms[:5])
        results.messages.append(f"Không văn bản nào có từ {words}.")
        kept = [t for t in tokenize(query.text) if t not in unknown]
        if kept and not results.correction:
            results.suggestions.append(" ".join(kept))
    for alternative in results.alternatives:
        if alternative not in results.suggestions:
            results.suggestions.append(alternative)
