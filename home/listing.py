"""Pagination for section listings: a bad page number becomes a Vietnamese
notice and a sensible fallback (page 1, or the last page), never an error."""

from django.core.paginator import Paginator

from cms.content.filters import bounded_int

MAX_PAGE = 1_000_000


def paginate(queryset, raw_page, per_page, notices):
    """The requested page, or page 1 / the last page with a notice."""
    paginator = Paginator(queryset, per_page)
    raw_page = str(raw_page or "1").strip()
    number = bounded_int(raw_page, 1, MAX_PAGE)
    if number is None:
        notices.append(f"Số trang “{raw_page[:20]}” không hợp lệ; đang hiển thị trang 1.")
        return paginator.page(1)
    if number > paginator.num_pages:
        if paginator.count:
            notices.append(
                f"Trang {number} vượt quá số trang hiện có ({paginator.num_pages}); đang hiển thị trang cuối."
            )
        return paginator.page(paginator.num_pages)
    return paginator.page(number)
