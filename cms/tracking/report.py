"""One tracking report: the subject, its tree of implementing documents, their coverage."""

from dataclasses import dataclass

from django.http import Http404

from cms.content.visibility import visible_pages
from cms.directives.models import OfficialDocumentPage

from .coverage import Coverage, coverage
from .tree import Subject, all_nodes, implementing_tree, subject_for_number, subject_for_page


@dataclass
class Report:
    subject: Subject
    roots: list
    coverage: Coverage

    @property
    def total(self):
        return len(all_nodes(self.roots))


def _report(subject, request):
    roots = implementing_tree(subject, request)
    return Report(subject, roots, coverage(subject, roots))


def report_for_page(request, page_id):
    page = (
        visible_pages(OfficialDocumentPage.objects.filter(pk=page_id), request)
        .select_related("issuer__region")
        .prefetch_related("regions")
        .first()
    )
    if page is None:
        raise Http404("Không có văn bản này, hoặc bạn không có quyền xem.")
    return _report(subject_for_page(page), request)


def report_for_number(request, key):
    subject = subject_for_number(key, request)
    if subject is None:
        raise Http404("Không có văn bản nào có số hiệu này hoặc thực hiện văn bản có số hiệu này.")
    return _report(subject, request)
