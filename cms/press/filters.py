"""The API's filters, read strictly: a bad value is a 400 with a Vietnamese message.

(Section listings are forgiving and fall back with a notice; a script asking
the API for region=ha-nol must learn about its typo, not get everything.)
"""

import re
from datetime import datetime

from django.db.models import Q

from cms.directives.models import KIND_LABELS
from cms.taxonomy.models import Region, Theme
from search import service
from search.query import SearchQuery

from .access import PressError
from .text import CONTENT_KIND_LABELS

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
DATE_FORMATS = ("%d/%m/%Y", "%Y-%m-%d")


def bad_request(message):
    return PressError(400, message, "invalid_filter")


def parse_date(raw, name):
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(raw, fmt).date()
        except ValueError:
            continue
    raise bad_request(f"Giá trị “{raw[:40]}” của {name} không phải ngày hợp lệ (dd/mm/yyyy hoặc yyyy-mm-dd).")


def kind_filter(raw):
    if raw == "van_ban":
        return Q(officialdocumentpage__isnull=False) & Q(officialdocumentpage__planpage__isnull=True)
    if raw == "ke_hoach":
        return Q(officialdocumentpage__planpage__isnull=False)
    if raw == "guong":
        return Q(exemplarycasepage__isnull=False)
    if raw == "tai_lieu":
        return Q(propagandamaterialpage__isnull=False)
    raise bad_request(
        f"Không có loại nội dung “{raw[:40]}”. Dùng một trong: " + ", ".join(CONTENT_KIND_LABELS) + "."
    )


def text_filter(queryset, q):
    """Pages the archive search finds for ``q``: the service behind /tim-kiem/,
    so diacritics, tone placement, abbreviations and document numbers in any
    spelling work here as there. Its best TEXT_MATCHES pages; who may see them
    is decided by ``queryset`` (the press channels' own visibility rules)."""
    results = service.search(SearchQuery(text=q, per_page=TEXT_MATCHES, with_facets=False))
    return queryset.filter(pk__in=[hit.page_id for hit in results.hits])


def apply_api_filters(queryset, params, request):
    """Filter content pages by kind, doc_kind, theme, region, year, date range and q."""
    kind = params.get("kind", "").strip()
    if kind:
        queryset = queryset.filter(kind_filter(kind))
    doc_kind = params.get("doc_kind", "").strip()
    if doc_kind:
        if doc_kind not in KIND_LABELS:
            raise bad_request(
                f"Không có loại văn bản “{doc_kind[:40]}”. Dùng một trong: " + ", ".join(KIND_LABELS) + "."
            )
        queryset = queryset.filter(officialdocumentpage__kind=doc_kind)
    theme = params.get("theme", "").strip()
    if theme:
        found = Theme.objects.filter(slug=theme).first()
        if found is None:
            raise bad_request(f"Không tìm thấy chủ đề “{theme[:60]}” (dùng mã chủ đề, ví dụ: tet).")
        queryset = queryset.filter(theme_items__tag=found)
    region = params.get("region", "").strip()
    if region:
        found = Region.objects.filter(slug=region).first()
        if found is None:
            raise bad_request(f"Không tìm thấy địa bàn “{region[:60]}” (dùng mã địa bàn, ví dụ: ha-noi).")
        # A unit includes everything beneath it (old provinces, districts).
        queryset = queryset.filter(regions__path__startswith=found.path)
    year = params.get("year", "").strip()
    if year:
        if not (re.fullmatch(r"\d{4}", year) and 1945 <= int(year) <= 2100):
            raise bad_request(f"Năm “{year[:20]}” không hợp lệ (ví dụ đúng: 2021).")
        queryset = queryset.filter(issued_date__year=int(year))
    date_from = params.get("date_from", "").strip()
    date_to = params.get("date_to", "").strip()
    start = parse_date(date_from, "date_from") if date_from else None
    end = parse_date(date_to, "date_to") if date_to else None
    if start and end and start > end:
        raise bad_request("date_from phải trước hoặc bằng date_to.")
    if start:
        queryset = queryset.filter(issued_date__gte=start)
    if end:
        queryset = queryset.filter(issued_date__lte=end)
    q = params.get("q", "").strip()
    if q:
        if len(q) > MAX_QUERY_LENGTH or "\x00" in q:
            raise bad_request(f"Từ khoá tìm kiếm quá dài hoặc có ký tự không hợp lệ (tối đa {MAX_QUERY_LENGTH} ký tự).")
        queryset = text_filter(queryset, q)
    order = params.get("order", "-issued_date").strip()
    if order not in ORDERS:
        raise bad_request(f"Không sắp xếp được theo “{order[:40]}”. Dùng một trong: " + ", ".join(ORDERS) + ".")
    return queryset.distinct().order_by(*ORDERS[order])
