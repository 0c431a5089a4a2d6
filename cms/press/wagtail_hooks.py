"""Admin menu link to the personal keys page.

The page itself lives on the site (/tai-khoan/khoa-api/), not in the admin:
readers (Cán bộ) and press officers (Báo chí) have no admin access, and they
are the ones who need keys. Staff who do use the admin find it in the menu.
"""

from django.urls import reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .tokens import can_use_tokens


class TokensMenuItem(MenuItem):
    def is_shown(self, request):
        return can_use_tokens(request.user)


@hooks.register("register_admin_menu_item")
def register_tokens_menu_item():
    return TokensMenuItem("Khoá API của tôi", reverse("press:tokens"), name="press_tokens", icon_name="key", order=900)
