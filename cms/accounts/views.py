from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.template.response import TemplateResponse
from django.utils.decorators import method_decorator

from .forms import IntranetLoginForm


def refused(request, next_url="", reason=""):
    """The Vietnamese 403 page for a logged-in user sent somewhere they may not go.

    The English "You do not have permission" messages Wagtail queued on each
    redirect are dropped: the page says it once, in Vietnamese."""
    for _message in messages.get_messages(request):
        pass
    context = {"next": next_url or request.get_full_path(), "reason": reason, "messages": []}
    return TemplateResponse(request, "403.html", context, status=403)


@method_decorator(login_not_required, name="dispatch")
class IntranetLoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = IntranetLoginForm
    redirect_authenticated_user = True

    def dispatch(self, request, *args, **kwargs):
        # A logged-in user lands here with ?next= when the admin or a page's
        # privacy refused them; sending them back would loop until the browser
        # gives up. Say why instead.
        if request.method == "GET" and request.user.is_authenticated and self.get_redirect_url():
            return refused(request, self.get_redirect_url())
        return super().dispatch(request, *args, **kwargs)


class IntranetLogoutView(auth_views.LogoutView):
    pass

