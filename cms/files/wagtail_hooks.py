"""Wagtail's /documents/<id>/<file> follows the pages the document belongs to."""

from django.http import Http404
from wagtail import hooks

from .access import may_have_file
from .views import NOT_FOUND


@hooks.register("before_serve_document")
def serve_only_documents_of_visible_pages(document, request):
    if not may_have_file(request, document):
        raise Http404(NOT_FOUND)
