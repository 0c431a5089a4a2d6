"""The API's filters, read strictly: a bad value is a 400 with a Vietnamese message.

(Section listings are forgiving and fall back with a notice; a script asking
the API for region=ha-nol must learn about its typo, not get everything.)
"""

from cms.content.filters import API_PARAMS, filter_pages, parse_filters
from search import service
from search.query import SearchQuery

from .access import PressError

MAX_QUERY_LENGTH = 200
TEXT_MATCHES = 1000  # search hits a free-text filter keeps, best first
ORDERS = {
    "-issued_date": ("-issued_date", "-first_published_at", "pk"),
    "issued_date": ("issued_date", "first_published_at", "pk"),
    "-first_published_at": ("-first_published_at", "pk"),
    "first_published_at": ("first_published_at", "pk"),
    "title": ("title", "pk"),
    "-title": ("-title", "pk"),
}


def bad_request(message):
    return PressError(400, message, "invalid_filter")


def text_filter(queryset, q):
    """Pages the archive search finds for ``q``: the service behind /tim-kiem/,
    so diacritics, tone placement, abbreviations and document numbers in any
    spelling work here as there. Its best TEXT_MATCHES pages; who may see them
    is decided by ``queryset`` (the press channels' own visibility rules)."""
    results = service.search(SearchQuery(text=q, per_page=TEXT_MATCHES, with_facets=False))
    return queryset.filter(pk__in=[hit.page_id for hit in results.hits])


def apply_api_filters(queryset, params, request):
    """Filter content pages by the archive filters (the API's names: kind, doc_kind, theme,
    region, issuer, level, validity, year, date_from, date_to), q and order."""
    filters, problems = parse_filters(params, API_PARAMS)
    if problems:
        raise bad_request(problems[0].error)
    queryset = filter_pages(queryset, filters)
    q = params.get("q", "").strip()
    if q:
        if len(q) > MAX_QUERY_LENGTH or "\x00" in q:
            raise bad_request(f"Từ khoá tìm kiếm quá dài hoặc có ký tự không hợp lệ (tối đa {MAX_QUERY_LENGTH} ký tự).")
        queryset = text_filter(queryset, q)
    order = params.get("order", "-issued_date").strip()
    if order not in ORDERS:
        raise bad_request(f"Không sắp xếp được theo “{order[:40]}”. Dùng một trong: " + ", ".join(ORDERS) + ".")
    return queryset.distinct().order_by(*ORDERS[order])
