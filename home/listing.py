"""Filters and pagination for section listings.

Every bad value (unknown slug, a year that is not a year, page=abc, a page
past the end) becomes a Vietnamese message and a sensible fallback, never
an error page.
"""

from dataclasses import dataclass, field

from django.core.paginator import Paginator

from cms.directives.models import KIND_LABELS
from cms.taxonomy.models import Region, Theme


@dataclass
class Filters:
    kind: str = ""
    theme: Theme | None = None
    region: Region | None = None
    year: int | None = None
    messages: list = field(default_factory=list)

    def active(self):
        """(label, value-removed query string key) for the chips above the list."""
        chips = []
        if self.kind:
            chips.append(("kind", KIND_LABELS[self.kind]))
        if self.theme:
            chips.append(("theme", self.theme.name))
        if self.region:
            chips.append(("region", self.region.name))
        if self.year:
            chips.append(("year", str(self.year)))
        return chips


def parse_filters(params):
    """Read kind, theme, region and year from a QueryDict-like mapping."""
    filters = Filters()
    kind = params.get("kind", "").strip()
    if kind:
        if kind in KIND_LABELS:
            filters.kind = kind
        else:
            filters.messages.append(f"Không có loại văn bản “{kind}”; đang hiển thị mọi loại văn bản.")
    theme = params.get("theme", "").strip()
    if theme:
        filters.theme = Theme.objects.filter(slug=theme).first()
        if filters.theme is None:
            filters.messages.append(f"Không tìm thấy chủ đề “{theme}”; đang hiển thị mọi chủ đề.")
    region = params.get("region", "").strip()
    if region:
        filters.region = Region.objects.filter(slug=region).first()
        if filters.region is None:
            filters.messages.append(f"Không tìm thấy địa bàn “{region}”; đang hiển thị mọi địa bàn.")
    year = params.get("year", "").strip()
    if year:
        if year.isdigit() and 1945 <= int(year) <= 2100:
            filters.year = int(year)
        else:
            filters.messages.append(f"Năm “{year}” không hợp lệ (ví dụ đúng: 2021); đang hiển thị mọi năm.")
    return filters


def apply_filters(queryset, filters):
    if filters.kind:
        queryset = queryset.filter(officialdocumentpage__kind=filters.kind)
    if filters.theme:
        queryset = queryset.filter(theme_items__tag=filters.theme)
    if filters.region:
        # A unit includes everything beneath it (old provinces, districts).
        queryset = queryset.filter(regions__path__startswith=filters.region.path)
    if filters.year:
        queryset = queryset.filter(issued_date__year=filters.year)
    return queryset.distinct()


def paginate(queryset, raw_page, per_page, messages):
    """The requested page, or page 1 / the last page with a message."""
    paginator = Paginator(queryset, per_page)
    raw_page = (raw_page or "1").strip()
    if not raw_page.isdigit() or int(raw_page) < 1:
        messages.append(f"Số trang “{raw_page[:20]}” không hợp lệ; đang hiển thị trang 1.")
        return paginator.page(1)
    number = int(raw_page)
    if number > paginator.num_pages:
        if paginator.count:
            messages.append(
                f"Trang {number} vượt quá số trang hiện có ({paginator.num_pages}); đang hiển thị trang cuối."
            )
        return paginator.page(paginator.num_pages)
    return paginator.page(number)
