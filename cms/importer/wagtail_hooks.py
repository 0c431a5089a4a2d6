from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views


@hooks.register("register_admin_urls")
def register_import_urls():
    # Wagtail wraps these in its admin access check (wagtailadmin.access_admin).
    return [
        path("nhap-van-ban/", views.import_view, name="importer_upload"),
        path("nhap-van-ban/<str:token>/", views.review_view, name="importer_review"),
    ]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return views.can_import(request.user)


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(
        "Nhập văn bản", reverse("importer_upload"), name="importer", icon_name="upload", order=250
    )
