"""The search page (/tim-kiem/) and its autocomplete endpoint."""

import hashlib
import logging
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError
from django.http import JsonResponse
from django.shortcuts import render

from cms.content.filters import FILTER_LABELS
from home.caching import refused_restrictions, shared_key
from search import service
from search.params import parse_search
from search.models import IndexVersion
from search.query import NEWEST, RELEVANCE, SearchResults
from search.service import facet_label

logger = logging.getLogger(__name__)

FACET_ORDER = tuple(FILTER_LABELS)
FACET_SHOWN = 12  # values per facet before "more" (the rest stay reachable by URL)
FULL_FACET_PARAM = "tat_ca"  # ?tat_ca=issuer: that facet's whole list (an engine may send only its top values)
SORT_LABELS = {RELEVANCE: "Liên quan nhất", NEWEST: "Mới nhất"}
SEARCH_CACHE_SECONDS = 300


def _url(params: dict, **changes) -> str:
    merged = {**params, **changes}
    return "?" + urlencode({k: v for k, v in merged.items() if v not in ("", None)})


def _params(request) -> dict:
    keep = ("q", "sort", "from", "to", *FACET_ORDER)
    return {k: request.GET.get(k, "") for k in keep if request.GET.get(k, "")}


def _facets(results: SearchResults, params: dict) -> list[dict]:
    groups = []
    for name in FACET_ORDER:
        values = results.facets.get(name) or []
        if not values:
            continue
        items = [
            {
                "label": v.label or v.value,
                "count": v.count,
                "selected": v.selected,
                "url": _url(params, page="", **{name: "" if v.selected else v.value}),
            }
            for v in values
        ]
        groups.append(
            {
                "name": name,
                "label": FILTER_LABELS[name],
                "items": items[:FACET_SHOWN],
                "more": items[FACET_SHOWN:],
                # Only the top values came: the whole list is a request of its own.
                "all_url": _url(params, page="", **{FULL_FACET_PARAM: name}) if name in results.cut_facets else None,
            }
        )
    return groups


def _chips(query, params: dict) -> list[dict]:
    chips = [
        {"label": f"{FILTER_LABELS[name]}: {facet_label(name, value)}", "url": _url(params, page="", **{name: ""})}
        for name, value in query.filters.items()
    ]
    if query.date_from:
        chips.append({"label": f"Từ ngày {query.date_from:%d/%m/%Y}", "url": _url(params, page="", **{"from": ""})})
    if query.date_to:
        chips.append({"label": f"Đến ngày {query.date_to:%d/%m/%Y}", "url": _url(params, page="", to="")})
    return chips


def _search(request, query):
    """The results, the notice of a page number past the end, and the page shown."""
    results = service.search(query)
    page_messages = []
    if query.page > results.pages:
        # The number asked for, not the one parse_search capped it to.
        asked = request.GET.get("page", "").strip()[:30]
        page_messages.append(f"Không có trang {asked}; đang hiển thị trang cuối ({results.pages}).")
        query.page = results.pages
        results = service.search(query)
    return results, page_messages, query.page


def _cached_search(request, query):
    """``_search``, shared by every reader of one visibility class at one index and content
    version (home/caching.py); not kept when the engine fell back or said it failed."""
    asked = hashlib.sha1(repr(sorted(request.GET.lists())).encode()).hexdigest()
    key = shared_key("search", request, IndexVersion.current(), asked)
    found = cache.get(key)
    if found is None:
        found = _search(request, query)
        if service.FALLBACK_NOTICE not in found[0].messages:
            cache.set(key, found, SEARCH_CACHE_SECONDS)
    return found


def search_page(request):
    # The restrictions this request fails, read once per request from the cached list.
    refused = frozenset(r.id for r in refused_restrictions(request))
    query, messages = parse_search(request.GET, refused, per_page=settings.SEARCH_PAGE_SIZE)
    if request.GET.get(FULL_FACET_PARAM) in FACET_ORDER:
        query.full_facet = request.GET[FULL_FACET_PARAM]
    params = _params(request)
    try:
        results, page_messages, query.page = _cached_search(request, query)
        messages += page_messages
    except DatabaseError:
        logger.exception("archive search failed for %r", query.text)
        messages.append("Tạm thời không tìm được. Vui lòng thử lại sau ít phút.")
        results = SearchResults(query=query)
    context = {
        "query": query,
        "results": results,
        "messages_search": messages + results.messages,
        "facets": _facets(results, params),
        "chips": _chips(query, params),
        "clear_filters_url": _url({"q": query.text}) if query.text else "?",
        "sorts": [{"label": label, "url": _url(params, sort=key, page=""), "current": query.sort == key} for key, label in SORT_LABELS.items()],
        "suggestions": [{"text": s, "url": _url({"q": s})} for s in results.suggestions if s != results.correction or results.total],
        # Corrected results already on the page say so in their notice: no link to them as well.
        "correction_url": _url({**params, "q": results.correction, "page": ""}) if results.correction and not results.corrected_from else None,
        "prev_url": _url(params, page=query.page - 1) if query.page > 1 else None,
        "next_url": _url(params, page=query.page + 1) if query.page < results.pages else None,
        "searched": bool(request.GET),
    }
    return render(request, "search/search_page.html", context)


def suggest(request):
    prefix = request.GET.get("q", "")[:200]
    items = service.suggest(prefix, request)
    return JsonResponse({"suggestions": [{"title": s.title, "url": s.url, "number": s.number} for s in items]})
