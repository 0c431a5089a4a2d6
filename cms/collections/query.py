"""A collection's saved query, run through the search service behind /tim-kiem/.

The saved fields become /tim-kiem/'s query string and go through the same
reader (search.params.parse_search, which uses the one filter parser), so a
collection and the search page ask the engine the very same question. The
reader may narrow a collection by the facets the saved query leaves open
(and page and sort through it); the saved filters always win.
"""

from __future__ import annotations

from dataclasses import replace

from django.conf import settings
from django.db import DatabaseError
from django.http import QueryDict

from cms.content.filters import FILTER_LABELS, PAGE_PARAMS, parse_filters
from search import service
from search.params import parse_search
from search.query import SearchResults
from search.views import FACET_ORDER, SORT_LABELS, _chips, _facets, _url

EXPORT_LIMIT = 1000  # the most pages a feed or an export of one collection holds, best first
SAVED_NOTICE = "Điều kiện lọc đã lưu của bộ sưu tập này không còn hợp lệ"
# The reader's own parameters on a collection page (beside the facets the saved query leaves open).
READER_PARAMS = ("page", "sort", "from", "to")


def params_of(page) -> dict[str, str]:
    """The saved query of ``page`` as /tim-kiem/'s parameters (empty ones left out)."""
    params = {"q": page.query.strip(), "sort": page.sort}
    for name in FACET_ORDER:
        params[PAGE_PARAMS[name]] = str(getattr(page, name) or "").strip()
    for name in ("date_from", "date_to"):
        day = getattr(page, name)
        params[PAGE_PARAMS[name]] = f"{day:%d/%m/%Y}" if day else ""
    return {key: value for key, value in params.items() if value}


def saved_problems(page) -> list[str]:
    """Vietnamese notices about saved filters the parser refuses (a theme deleted since, ...)."""
    _filters, problems = parse_filters(params_of(page))
    return [f"{SAVED_NOTICE}: {problem.notice}" for problem in problems]


def open_params(page, reader_params) -> dict[str, str]:
    """What the reader may add: facets and dates the saved query leaves open, page, sort."""
    saved = params_of(page)
    allowed = [*READER_PARAMS, *FACET_ORDER]
    if "from" in saved or "to" in saved:
        allowed = [p for p in allowed if p not in ("from", "to")]
    if "sort" in saved:
        allowed.remove("sort")
    return {key: str(reader_params.get(key, "")).strip() for key in allowed if key not in saved and str(reader_params.get(key, "")).strip()}


def _as_querydict(params: dict[str, str]) -> QueryDict:
    query = QueryDict(mutable=True)
    query.update(params)
    return query


def run(page, request, reader_params=None, per_page=None, with_facets=True):
    """(SearchQuery, SearchResults, messages) for ``page``'s saved query narrowed by ``reader_params``,
    as the request's reader may see it."""
    reader = open_params(page, reader_params or {})
    merged = {**reader, **params_of(page)}
    refused = service.refused_restrictions(request)
    query, messages = parse_search(_as_querydict(merged), refused, per_page=per_page or settings.SEARCH_PAGE_SIZE)
    query.with_facets = with_facets
    saved = saved_problems(page)
    # The saved filters' problems are said once, as the collection's; the reader's as on /tim-kiem/.
    repeated = {notice.removeprefix(f"{SAVED_NOTICE}: ") for notice in saved}
    messages = saved + [m for m in messages if m not in repeated]
    try:
        results = service.search(query)
        if query.page > results.pages:
            messages.append(f"Không có trang {reader.get('page', '')[:30]}; đang hiển thị trang cuối ({results.pages}).")
            query = replace(query, page=results.pages)
            results = service.search(query)
    except DatabaseError:
        messages.append("Tạm thời không tìm được. Vui lòng thử lại sau ít phút.")
        results = SearchResults(query=query)
    return query, results, messages + results.messages


def all_hits(page, request):
    """Every hit of the saved query (up to EXPORT_LIMIT), in the collection's order: for feeds and exports."""
    _query, results, messages = run(page, request, per_page=EXPORT_LIMIT, with_facets=False)
    return results.hits, messages


def saved_chips(page) -> list[str]:
    """The saved query in words: the text, then each accepted filter."""
    filters, _problems = parse_filters(params_of(page))
    chips = [f"“{page.query.strip()}”"] if page.query.strip() else []
    chips += [f"{FILTER_LABELS[name]}: {label}" for name, label in filters.chips()]
    if filters.date_from:
        chips.append(f"Từ ngày {filters.date_from:%d/%m/%Y}")
    if filters.date_to:
        chips.append(f"Đến ngày {filters.date_to:%d/%m/%Y}")
    return chips


def page_context(page, request) -> dict:
    """The template context of a collection page: results, facets, chips, paging, notices."""
    query, results, messages = run(page, request, request.GET)
    reader = open_params(page, request.GET)
    saved = params_of(page)
    # Only the reader's own narrowing is removable; the facets of saved filters are not offered.
    narrowed = replace(
        query,
        filters={name: value for name, value in query.filters.items() if name in reader},
        date_from=query.date_from if "from" in reader else None,
        date_to=query.date_to if "to" in reader else None,
    )
    return {
        "query": query,
        "results": results,
        "messages_search": messages,
        "facets": [group for group in _facets(results, reader) if PAGE_PARAMS[group["name"]] not in saved],
        "chips": _chips(narrowed, reader),
        "clear_filters_url": "?",
        "saved_chips": saved_chips(page),
        "dates_open": "from" not in saved and "to" not in saved,
        "sorts": [] if "sort" in saved else [
            {"label": label, "url": _url(reader, sort=key, page=""), "current": query.sort == key} for key, label in SORT_LABELS.items()
        ],
        "prev_url": _url(reader, page=query.page - 1) if query.page > 1 else None,
        "next_url": _url(reader, page=query.page + 1) if query.page < results.pages else None,
        "search_url": "/tim-kiem/?" + _as_querydict(saved).urlencode(),
    }
