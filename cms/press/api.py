"""The JSON API: Wagtail's API v2 pages endpoint, narrowed to what the press may have.

Mounted at /api/v2/. Only content pages the caller may see (live, not
embargoed, not hidden by page privacy) are ever listed or found; callers
authenticate with a personal key (Authorization: Bearer, or ?token=) or
with their site session. Every refusal is JSON with a Vietnamese message.
"""

import logging

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.db import DatabaseError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from rest_framework import exceptions, status
from rest_framework.authentication import BaseAuthentication, SessionAuthentication
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet

from cms.content.filters import bounded_int
from cms.content.models import ContentPage

from . import serializers
from .access import MAX_ID, PressError, is_number, press_pages
from .filters import apply_api_filters
from .tokens import InvalidToken, authenticate_token, token_from_request

logger = logging.getLogger(__name__)


class PressTokenAuthentication(BaseAuthentication):
    """A personal key in ``Authorization: Bearer`` or ``?token=``; a wrong one is refused, not ignored."""

    def authenticate(self, request):
        raw = token_from_request(request._request)
        if raw is None:
            return None
        try:
            user = authenticate_token(raw)
        except InvalidToken as error:
            raise exceptions.AuthenticationFailed(error.message, code=error.code) from error
        # Page privacy checks read request.user on the Django request.
        request._request.user = user
        return user, raw

    def authenticate_header(self, request):
        return 'Bearer realm="api"'


MAX_OFFSET = 10**9


class PressPagination(WagtailPagination):
    """Wagtail's offset/limit pagination with Vietnamese messages."""

    def paginate_queryset(self, queryset, request, view=None):
        limit_max = settings.WAGTAILAPI_LIMIT_MAX
        for name in ("offset", "limit"):
            raw = request.GET.get(name)
            if raw is not None and not is_number(raw):
                message = f"Tham số {name} phải là số nguyên không âm (nhận được “{raw[:20]}”)."
                raise PressError(400, message, "invalid_page")
        offset = request.GET.get("offset")
        if offset is not None and bounded_int(offset, 0, MAX_OFFSET) is None:
            raise PressError(400, f"Tham số offset tối đa là {MAX_OFFSET}.", "invalid_page")
        limit = request.GET.get("limit")
        if limit is not None and bounded_int(limit, 0, limit_max) is None:
            message = f"Tham số limit tối đa là {limit_max} (nhận được {limit[:20]}); dùng offset để lấy tiếp."
            raise PressError(400, message, "limit_too_large")
        return super().paginate_queryset(queryset, request, view)


# Wagtail's own messages (English), for the few it can still raise here.
WAGTAIL_MESSAGES = {
    "unknown fields": "Trường không có trong API",
    "fields error": "Tham số fields sai cú pháp",
    "does not support nested fields": "Trường này không có trường con",
}


@method_decorator(login_not_required, name="dispatch")
class PressPagesAPIViewSet(PagesAPIViewSet):
    model = ContentPage
    authentication_classes = [PressTokenAuthentication, SessionAuthentication]
    permission_classes = [IsAuthenticated]
    pagination_class = PressPagination
    # Filtering is ours (filters.py): no field filters, no Wagtail search, no tree walking.
    filter_backends = []
    known_query_parameters = frozenset(
        ["limit", "offset", "fields", "order", "format", "token", "_"]
        + ["kind", "doc_kind", "theme", "region", "year", "date_from", "date_to", "q"]
    )
    find_query_parameters = frozenset(["id", "html_path"])
    detail_only_fields = []

    @classmethod
    def get_body_fields(cls, model):
        return serializers.BODY_FIELDS

    @classmethod
    def get_meta_fields(cls, model):
        return serializers.META_FIELDS

    @classmethod
    def get_listing_default_fields(cls, model):
        return list(serializers.LISTING_FIELDS)

    @classmethod
    def get_detail_default_fields(cls, model):
        return cls.get_available_fields(model)

    def get_base_queryset(self):
        return press_pages(self.request._request)

    def get_queryset(self):
        return self.get_base_queryset()

    def check_query_parameters(self, queryset):
        unknown = set(self.request.GET.keys()) - self.known_query_parameters
        if unknown:
            raise PressError(
                400,
                "Tham số không được hỗ trợ: "
                + ", ".join(sorted(name[:40] for name in unknown))
                + ". Dùng: "
                + ", ".join(sorted(self.known_query_parameters - {"_", "format"}))
                + ".",
                "unknown_parameter",
            )

    def filter_queryset(self, queryset):
        return apply_api_filters(queryset, self.request.GET, self.request._request).specific()

    def get_object(self):
        if not hasattr(self, "_press_object"):
            pk = self.kwargs["pk"]
            page = self.get_queryset().filter(pk=pk).first() if pk <= MAX_ID else None
            if page is None:
                raise Http404(f"Không tìm thấy nội dung số {pk}, hoặc bạn không có quyền xem nội dung này.")
            self._press_object = page.specific
        return self._press_object

    def find_view(self, request):
        """Redirect to the detail URL on the host the caller used (Wagtail's uses the Site's hostname)."""
        page = self.find_object(self.get_queryset(), request)
        if page is None:
            raise Http404("Không tìm thấy nội dung theo id hoặc html_path, hoặc bạn không có quyền xem nội dung này.")
        query = request.GET.copy()
        for name in self.find_query_parameters:
            query.pop(name, None)
        url = request.build_absolute_uri(reverse("press:api:pages:detail", args=[page.pk]))
        return redirect(f"{url}?{query.urlencode()}" if query else url)

    def find_object(self, queryset, request):
        raw = request.GET.get("id")
        if raw is not None and bounded_int(raw, 0, MAX_ID) is None:
            raise PressError(400, f"Tham số id phải là số nội dung (nhận được “{raw[:20]}”).", "invalid_id")
        try:
            return super().find_object(queryset, request)
        except ContentPage.DoesNotExist:
            return None

    def handle_exception(self, exc):
        if isinstance(exc, PressError):
            return Response({"message": exc.message, "code": exc.code}, status=exc.status)
        if isinstance(exc, Http404):
            message = str(exc)
            if not message.startswith("Không tìm thấy"):
                message = "Không tìm thấy nội dung, hoặc bạn không có quyền xem nội dung này."
            return Response({"message": message, "code": "not_found"}, status=status.HTTP_404_NOT_FOUND)
        if isinstance(exc, BadRequestError):
            message = str(exc)
            for english, vietnamese in WAGTAIL_MESSAGES.items():
                if message.startswith(english) or english in message:
                    message = f"{vietnamese}: {message.split(':', 1)[-1].strip()}"
                    break
            return Response({"message": message, "code": "bad_request"}, status=status.HTTP_400_BAD_REQUEST)
        if isinstance(exc, exceptions.AuthenticationFailed):
            response = super(PagesAPIViewSet, self).handle_exception(exc)
            code = exc.get_codes() if isinstance(exc.get_codes(), str) else "invalid_token"
            response.data = {"message": str(exc.detail), "code": code}
            if code == "not_allowed":
                response.status_code = status.HTTP_403_FORBIDDEN
            return response
        if isinstance(exc, exceptions.NotAuthenticated):
            response = super(PagesAPIViewSet, self).handle_exception(exc)
            response.data = {
                "message": "Cần đăng nhập, hoặc gửi khoá API trong tiêu đề Authorization: Bearer <khoá>.",
                "code": "not_authenticated",
            }
            return response
        if isinstance(exc, exceptions.MethodNotAllowed):
            body = {"message": "API chỉ cho đọc (GET).", "code": "method_not_allowed"}
            return Response(body, status=status.HTTP_405_METHOD_NOT_ALLOWED)
        if isinstance(exc, exceptions.PermissionDenied) and "CSRF" in str(exc.detail):
            # A session POST without the CSRF token (DRF's English {"detail": ...} otherwise).
            body = {
                "message": "Thiếu hoặc sai mã chống giả mạo (CSRF). Tải lại trang rồi thử lại, hoặc dùng khoá API.",
                "code": "csrf_failed",
            }
            return Response(body, status=status.HTTP_403_FORBIDDEN)
        if isinstance(exc, exceptions.APIException):
            response = super().handle_exception(exc)
            codes = exc.get_codes()
            response.data = {"message": API_MESSAGES.get(type(exc), str(exc.detail)), "code": codes if isinstance(codes, str) else "error"}
            return response
        if isinstance(exc, DatabaseError):
            # The database away: handler500 (cms.accounts.outage) answers 503 in this JSON shape.
            return super().handle_exception(exc)
        # Anything else is our fault: still JSON in the project's shape, never Django's HTML page.
        logger.exception("API error on %s", self.request.get_full_path())
        body = {"message": "Lỗi máy chủ khi trả lời yêu cầu API. Vui lòng thử lại sau.", "code": "server_error"}
        return Response(body, status=status.HTTP_500_INTERNAL_SERVER_ERROR)


API_MESSAGES = {
    exceptions.PermissionDenied: "Bạn không có quyền thực hiện thao tác này.",
    exceptions.Throttled: "Quá nhiều yêu cầu; vui lòng thử lại sau.",
    exceptions.UnsupportedMediaType: "Kiểu dữ liệu gửi lên không được hỗ trợ.",
    exceptions.NotAcceptable: "Không trả lời được theo định dạng yêu cầu; API trả JSON.",
    exceptions.ParseError: "Dữ liệu gửi lên sai cú pháp.",
}


api_router = WagtailAPIRouter("press:api")
api_router.register_endpoint("pages", PressPagesAPIViewSet)
