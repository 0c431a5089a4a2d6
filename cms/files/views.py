"""/media/…: every uploaded file, served only after ``access.may_have_file``.

Originals of documents and images and image renditions all live under
MEDIA_ROOT; the web server must not serve that folder itself (production sends
it through here, then X-Accel-Redirect; see ``sendfile``).
"""

import os

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.http import Http404
from django.utils._os import safe_join
from django.views.decorators.http import require_GET
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from .access import may_have_file
from .sendfile import sendfile

NOT_FOUND = "Không tìm thấy tệp này, hoặc bạn không có quyền tải tệp này."


def owner_of(path):
    """The document or image that ``path`` (relative to MEDIA_ROOT) belongs to, or None."""
    image_model = get_image_model()
    for model in (get_document_model(), image_model):
        found = model.objects.filter(file=path).first()
        if found is not None:
            return found
    rendition = image_model.get_rendition_model().objects.filter(file=path).select_related("image").first()
    return rendition.image if rendition is not None else None


@require_GET
def serve_media(request, path):
    owner = owner_of(path)
    if owner is None or not may_have_file(request, owner):
        raise Http404(NOT_FOUND)
    try:
        full_path = safe_join(settings.MEDIA_ROOT, path)
    except SuspiciousFileOperation:
        raise Http404(NOT_FOUND)
    if not default_storage.exists(path) or not os.path.isfile(full_path):
        raise Http404(NOT_FOUND)
    response = sendfile(request, full_path)
    # Personal (page privacy): no shared cache may keep it; never run as a page.
    response["Cache-Control"] = "private, max-age=3600"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'"
    if owner.__class__ is get_document_model():
        response["Content-Disposition"] = "attachment"
    return response
