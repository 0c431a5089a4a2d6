"""Content rules in the admin: "on publish under section X, notify group Y"."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import NotificationRule


class NotificationRuleViewSet(SnippetViewSet):
    model = NotificationRule
    icon = "mail"
    menu_label = "Quy tắc thông báo"
    menu_order = 320
    add_to_admin_menu = True
    list_display = ["name", "section", "group", "frequency", "active"]
    list_filter = ["active", "frequency"]


register_snippet(NotificationRuleViewSet)
