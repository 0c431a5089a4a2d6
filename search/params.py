"""Reading a search from URL parameters, the same way on the page, in the
API and in feeds.

Every bad value becomes a Vietnamese message and is left out, never an
error: an unknown theme, a year that is not a year, page=abc, a date the
wrong way round, a query of 10,000 characters.
"""

from __future__ import annotations

import datetime as dt

from cms.directives.models import KIND_LABELS, VALIDITY_CHOICES
from cms.taxonomy.models import ISSUER_LEVEL_CHOICES, IssuingBody, Region, Theme
from home.models import CONTENT_KINDS
from search.query import NEWEST, RELEVANCE, SearchQuery
from search.queryplan import MAX_TOKENS, plan

MAX_QUERY_CHARS = 1000  # the analysis never sees more than this

CHOICES = {
    "content": (dict(CONTENT_KINDS), "loại nội dung"),
    "kind": (KIND_LABELS, "loại văn bản"),
    "level": (dict(ISSUER_LEVEL_CHOICES), "cấp ban hành"),
    "validity": (dict(VALIDITY_CHOICES), "tình trạng hiệu lực"),
}
LOOKUPS = {
    "theme": (lambda v: Theme.objects.filter(slug=v).exists(), "chủ đề"),
    "region": (lambda v: Region.objects.filter(slug=v).exists(), "địa bàn"),
    "issuer": (lambda v: IssuingBody.objects.filter(name=v).exists(), "cơ quan ban hành"),
}
FILTER_PARAMS = ("content", "kind", "theme", "region", "issuer", "level", "validity", "year")


def parse_date(raw: str) -> dt.date | None:
    """dd/mm/yyyy (as Vietnamese write it) or yyyy-mm-dd."""
    for fmt in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y"):
        try:
            return dt.datetime.strptime(raw, fmt).date()
        except ValueError:
            continue
    return None


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

    for name in FILTER_PARAMS:
        value = str(params.get(name, "") or "").strip()
        if not value:
            continue
        if name in CHOICES:
            labels, what = CHOICES[name]
            ok = value in labels
        elif name in LOOKUPS:
            exists, what = LOOKUPS[name]
            ok = len(value) <= 200 and exists(value)
        else:
            what = "năm"
            ok = value.isdigit() and 1945 <= int(value) <= 2100
        if ok:
            query.filters[name] = value
        else:
            messages.append(f"Không có {what} “{value[:60]}”; đã bỏ qua bộ lọc này.")

    for name, attr, label in (("from", "date_from", "Từ ngày"), ("to", "date_to", "Đến ngày")):
        raw = str(params.get(name, "") or "").strip()
        if raw:
            day = parse_date(raw)
            if day is None:
                messages.append(f"{label} “{raw[:30]}” không đúng dạng ngày/tháng/năm (ví dụ 05/09/2024); đã bỏ qua.")
            setattr(query, attr, day)
    if query.date_from and query.date_to and query.date_from > query.date_to:
        query.date_from, query.date_to = query.date_to, query.date_from
        messages.append("Ngày bắt đầu sau ngày kết thúc: đã đổi chỗ hai ngày.")

    sort = str(params.get("sort", "") or "").strip()
    if sort in (RELEVANCE, NEWEST):
        query.sort = sort
    elif sort:
        messages.append(f"Không có cách sắp xếp “{sort[:30]}”; đang xếp theo mức độ liên quan.")
    if not text and not sort:
        query.sort = NEWEST

    raw_page = str(params.get("page", "") or "").strip()
    if raw_page:
        if raw_page.isdigit() and int(raw_page) >= 1:
            query.page = min(int(raw_page), 10_000)
        else:
            messages.append(f"Trang “{raw_page[:30]}” không hợp lệ; đang hiển thị trang 1.")
    return query, messages
