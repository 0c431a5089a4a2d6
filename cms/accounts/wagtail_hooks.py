"""Admin hooks of the accounts app: audit-log actions (login lockouts), the page chooser."""

from django.db.models import Q
from wagtail import hooks
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from cms.content.visibility import visible_pages

from .throttling import LOCKED_OUT, UNLOCKED


@hooks.register("register_log_actions")
def register_login_actions(actions):
    actions.register_action(LOCKED_OUT, "Khoá đăng nhập", "Tạm khoá đăng nhập sau nhiều lần nhập sai mật khẩu")
    actions.register_action(UNLOCKED, "Mở khoá đăng nhập", "Quản trị viên mở khoá đăng nhập")


@hooks.register("construct_page_chooser_queryset")
def chooser_shows_only_permitted_pages(pages, request):
    """The page chooser (links, related content) lists what the editor may see as a
    reader (``visible_pages``) and what their page permissions let them edit; not
    another region's drafts or pages hidden by privacy."""
    user = request.user
    if user.is_superuser:
        return pages
    editable = PagePermissionPolicy().instances_user_has_any_permission_for(user, ["add", "change", "publish"])
    readable = visible_pages(Page.objects.all(), request)
    return pages.filter(Q(pk__in=editable.values("pk")) | Q(pk__in=readable.values("pk")))
