"""The database away (restarted, failed over): a Vietnamese 503, never a 500, and no restart needed.

Django drops a connection that failed at the end of the request
(``close_if_unusable_or_obsolete``) and opens a new one for the next, so the
site recovers by itself when the database is back; until then every request
that needs it gets this answer: the 503 page, or the API's JSON shape.
"""

import json
import logging
import sys

from django.db import InterfaceError, OperationalError, connections
from django.http import HttpResponse
from django.template import loader
from django.views import defaults

logger = logging.getLogger(__name__)

MESSAGE = "Cơ sở dữ liệu tạm thời không trả lời. Vui lòng thử lại sau ít phút."
RETRY_AFTER = "30"


def outage_response(request):
    if request.path.startswith("/api/"):
        body = json.dumps({"message": MESSAGE, "code": "database_unavailable"}, ensure_ascii=False)
        response = HttpResponse(body, status=503, content_type="application/json; charset=utf-8")
    else:
        # Rendered without a request context: the context processors would query the database.
        response = HttpResponse(loader.render_to_string("503.html"), status=503)
    response["Retry-After"] = RETRY_AFTER
    response["Cache-Control"] = "no-store"
    return response


def server_error(request):
    """handler500: a database outage is a 503 (it passes); anything else the usual 500,
    as JSON in the project's shape under /api/. Django calls it while handling the
    exception, so ``sys.exc_info()`` names it, wherever it was raised (a view, or
    the session and login middleware, which query the database first)."""
    error = sys.exc_info()[1]
    if isinstance(error, (OperationalError, InterfaceError)):
        logger.warning("database unavailable on %s: %s", request.path, error)
        for connection in connections.all(initialized_only=True):
            # Drop the broken connection now; the next request opens a fresh one.
            try:
                connection.close()
            except Exception:  # noqa: BLE001 - already broken; closing is best effort
                pass
        return outage_response(request)
    if request.path.startswith("/api/"):
        body = json.dumps({"message": "Lỗi máy chủ. Vui lòng thử lại sau.", "code": "server_error"}, ensure_ascii=False)
        return HttpResponse(body, status=500, content_type="application/json; charset=utf-8")
    return defaults.server_error(request)
