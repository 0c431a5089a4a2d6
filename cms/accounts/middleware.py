"""Login required everywhere on the intranet, except the login page itself."""

from django.conf import settings
from django.contrib.auth.middleware import LoginRequiredMiddleware


class IntranetLoginRequiredMiddleware(LoginRequiredMiddleware):
    """Django's LoginRequiredMiddleware, plus exempt paths from settings.

    Wagtail's views are not marked with login_not_required, so the few
    public paths (the login page) are listed in LOGIN_EXEMPT_PATHS instead.
    """

    def process_view(self, request, view_func, view_args, view_kwargs):
        if any(request.path.startswith(path) for path in settings.LOGIN_EXEMPT_PATHS):
            return None
        return super().process_view(request, view_func, view_args, view_kwargs)
