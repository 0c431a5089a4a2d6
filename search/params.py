"""Reading a search from URL parameters, for the search page and the
``search_archive`` command (the archive filters are ``cms.content.filters``',
as on every channel).

Every bad value becomes a Vietnamese message and is left out, never an
error: an unknown theme, a year that is not a year, page=abc, a date the
wrong way round, a query of 10,000 characters.
"""

from __future__ import annotations

from cms.content.filters import FILTER_LABELS, bounded_int, parse_filters
from search.query import NEWEST, RELEVANCE, SearchQuery
from search.queryplan import MAX_TOKENS, plan

MAX_QUERY_CHARS = 1000  # the analysis never sees more than this
MAX_PAGE = 10_000
FILTER_PARAMS = tuple(FILTER_LABELS)


def parse_search(params, refused_restrictions=frozenset(), per_page: int = 10) -> tuple[SearchQuery, list[str]]:
    """A SearchQuery from a QueryDict-like mapping, and messages about what was ignored."""
    messages: list[str] = []
    query = SearchQuery(per_page=per_page, refused_restrictions=frozenset(refused_restrictions))

    text = str(params.get("q", "") or "").strip()
    cut = len(text) > MAX_QUERY_CHARS
    if cut:
        text = text[:MAX_QUERY_CHARS]
    if plan(text).truncated:
        messages.append(f"Câu tìm kiếm quá dài: chỉ dùng {MAX_TOKENS} từ đầu tiên.")
    elif cut:
        messages.append(f"Câu tìm kiếm quá dài: chỉ dùng {MAX_QUERY_CHARS} ký tự đầu tiên.")
    query.text = text

    filters, problems = parse_filters(params)
    messages.extend(problem.notice for problem in problems)
    query.filters = dict(filters.values)
    query.date_from, query.date_to = filters.date_from, filters.date_to

    sort = str(params.get("sort", "") or "").strip()
    if sort in (RELEVANCE, NEWEST):
        query.sort = sort
    elif sort:
        messages.append(f"Không có cách sắp xếp “{sort[:30]}”; đang xếp theo mức độ liên quan.")
    if not text and not sort:
        query.sort = NEWEST

    raw_page = str(params.get("page", "") or "").strip()
    if raw_page:
        page = bounded_int(raw_page, 1, 10**9)
        if page is None:
            messages.append(f"Trang “{raw_page[:30]}” không hợp lệ; đang hiển thị trang 1.")
        else:
            query.page = min(page, MAX_PAGE)
    return query, messages
