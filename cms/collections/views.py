"""A collection's exports (CSV, .xlsx) and "save this search as a collection"."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.views.decorators.http import require_GET, require_POST

from cms.press.access import press_view
from cms.press.exports import file_stem
from cms.press.views import _download

from .drafts import collection_parent, create_draft
from .exports import csv_bytes, xlsx_bytes
from .feeds import collection_for
from .query import all_hits

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _export(request, page_id, extension):
    page = collection_for(request, page_id)
    hits, _messages = all_hits(page, request)
    if extension == "csv":
        content, content_type = csv_bytes(hits, request.build_absolute_uri), "text/csv; charset=utf-8"
    else:
        content, content_type = xlsx_bytes(page.title, hits, request.build_absolute_uri), XLSX_TYPE
    return _download(content, f"{file_stem(page)}.{extension}", content_type)


@require_GET
@press_view(anonymous="login")
def csv_view(request, page_id):
    return _export(request, page_id, "csv")


@require_GET
@press_view(anonymous="login")
def xlsx_view(request, page_id):
    return _export(request, page_id, "xlsx")


@require_POST
def save_search(request):
    """Make a draft collection of the search posted from /tim-kiem/ and open it in the editor."""
    parent = collection_parent(request.user)
    if parent is None:
        raise PermissionDenied("Bạn không có quyền tạo bộ sưu tập.")
    page = create_draft(request.user, parent, request.POST)
    messages.success(
        request,
        f"Đã lưu tìm kiếm thành bản nháp bộ sưu tập “{page.title}” trong “{parent.title}”. "
        "Xem trước để kiểm tra kết quả, rồi gửi duyệt hoặc xuất bản.",
    )
    return redirect("wagtailadmin_pages:edit", page.pk)
