"""Hand a checked file to the web server (Wagtail's SENDFILE_BACKEND, and /media/).

Django decides who may have a file; the bytes need not pass through Python.
With ``MEDIA_ACCEL_REDIRECT`` set (e.g. "/protected-media/"), the answer is an
empty response whose ``X-Accel-Redirect`` header names the file under that
internal nginx location (see README, production); without it (development,
tests, a server without nginx) Django streams the file itself.
"""

import os
from mimetypes import guess_type
from urllib.parse import quote

from django.conf import settings
from django.http import FileResponse, HttpResponse


def sendfile(request, filename, mimetype=None, **kwargs):
    """A response for the file at the absolute path ``filename`` (inside MEDIA_ROOT)."""
    mimetype = mimetype or guess_type(filename)[0] or "application/octet-stream"
    if settings.MEDIA_ACCEL_REDIRECT:
        relative = os.path.relpath(filename, settings.MEDIA_ROOT)
        response = HttpResponse(content_type=mimetype)
        response["X-Accel-Redirect"] = settings.MEDIA_ACCEL_REDIRECT.rstrip("/") + "/" + quote(relative)
        return response
    return FileResponse(open(filename, "rb"), content_type=mimetype)
