"""What the press channels may hand out, and to whom.

Every channel (API, feeds, downloads, images, attachments) starts from
``press_pages``: the content the request may see by the site's one
visibility rule (``cms.content.visibility``: published, neither embargoed
nor past its expiry, and not hidden by page privacy), whoever asks.
"""

import functools
import json
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.shortcuts import redirect

from cms.content.models import ContentPage
from cms.content.visibility import visible_pages

from .tokens import InvalidToken, authenticate_request


class PressError(Exception):
    """An error a press endpoint answers with a JSON body and an HTTP status."""

    def __init__(self, status, message, code="error"):
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code


def json_error(status, message, code="error"):
    response = HttpResponse(
        json.dumps({"message": message, "code": code}, ensure_ascii=False),
        status=status,
        content_type="application/json; charset=utf-8",
    )
    if status == 401:
        response["WWW-Authenticate"] = 'Bearer realm="api"'
    return response


def press_pages(request, queryset=None):
    """Content pages the press channels may show this request."""
    if queryset is None:
        queryset = ContentPage.objects.all()
    return visible_pages(queryset, request)


def is_number(raw):
    """ASCII digits only: str.isdigit() also accepts "²", which int() refuses.
    (Read the value with ``cms.content.filters.bounded_int``.)"""
    return raw.isascii() and raw.isdigit()


# Larger ids cannot exist, and SQLite refuses to even compare them (OverflowError).
MAX_ID = 2**63 - 1


def press_page(request, page_id):
    """The specific page ``page_id`` if the request may have it, else a 404 PressError."""
    page = press_pages(request).filter(pk=page_id).first() if page_id <= MAX_ID else None
    if page is None:
        raise PressError(
            404, f"Không tìm thấy nội dung số {page_id}, hoặc bạn không có quyền xem nội dung này.", "not_found"
        )
    return page.specific


def press_view(anonymous="json"):
    """Decorate a press view: authenticate by key or session, turn PressError into JSON.

    The intranet's login middleware would redirect a feed reader or a script
    to the login page; these views are exempt from it and answer for
    themselves. ``anonymous="login"`` keeps the redirect for pages people
    open in a browser (downloads), ``"json"`` answers 401 (feeds).
    """

    def decorator(view):
        @login_not_required
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            try:
                user, presented = authenticate_request(request)
            except InvalidToken as error:
                return json_error(401 if error.code == "invalid_token" else 403, error.message, error.code)
            if not user.is_authenticated:
                if anonymous == "login":
                    query = urlencode({REDIRECT_FIELD_NAME: request.get_full_path()})
                    return redirect(f"{settings.LOGIN_URL}?{query}")
                return json_error(
                    401,
                    "Cần đăng nhập, hoặc thêm khoá cá nhân vào địa chỉ (?token=...) hay tiêu đề Authorization: Bearer.",
                    "not_authenticated",
                )
            request.user = user
            request.press_token_used = presented
            try:
                return view(request, *args, **kwargs)
            except PressError as error:
                return json_error(error.status, error.message, error.code)

        return wrapped

    return decorator
