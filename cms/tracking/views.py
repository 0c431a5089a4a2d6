"""The tracking page ("Theo dõi thực hiện") of a document, and its .xlsx report."""

from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from cms.press.exports import file_stem
from cms.press.views import _download
from vietnamese.text import slugify

from .coverage import STATUS_LABELS
from .exports import xlsx_bytes
from .report import report_for_number, report_for_page
from .tiles import tiles

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _page(request, report, xlsx_url):
    placed, size = tiles(report.coverage.provinces)
    return render(
        request,
        "tracking/tracking_page.html",
        {"report": report, "subject": report.subject, "tiles": placed, "map": size, "xlsx_url": xlsx_url, "status_labels": STATUS_LABELS},
    )


@require_GET
def page_view(request, page_id):
    report = report_for_page(request, page_id)
    return _page(request, report, reverse("tracking:page_xlsx", args=[page_id]))


@require_GET
def number_view(request, key):
    report = report_for_number(request, key)
    if report.subject.page is not None:
        # The document is in the archive: its own address, the one the document page links to.
        return redirect("tracking:page", report.subject.page.pk)
    return _page(request, report, reverse("tracking:number_xlsx", args=[report.subject.number_key]))


def _xlsx(request, report):
    subject = report.subject
    stem = file_stem(subject.page) if subject.page else slugify(subject.title) or "van-ban"
    return _download(xlsx_bytes(report, request.build_absolute_uri), f"theo-doi-thuc-hien-{stem}.xlsx", XLSX_TYPE)


@require_GET
def page_xlsx(request, page_id):
    return _xlsx(request, report_for_page(request, page_id))


@require_GET
def number_xlsx(request, key):
    return _xlsx(request, report_for_number(request, key))
