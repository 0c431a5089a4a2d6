from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks

from .page_cache import shared_page

# Wagtail's Vietnamese translation leaves some menu items in English.
MENU_LABELS = {
    "images": "Ảnh",
    "documents": "Tệp tài liệu",
    "snippets": "Danh mục",
    "reports": "Báo cáo",
    "help": "Trợ giúp",
}


@hooks.register("construct_main_menu")
def translate_menu_labels(request, menu_items):
    for item in menu_items:
        if item.name in MENU_LABELS:
            item.label = MENU_LABELS[item.name]


@hooks.register("insert_global_admin_css")
def admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))


@hooks.register("insert_global_admin_js")
def admin_labels_js():
    # region-tree.js too: admin views of our own (the import review) render forms without their media.
    return format_html(
        '<script src="{}" defer></script><script src="{}" defer></script>', static("js/admin-labels.js"), static("js/region-tree.js")
    )


# Inside Wagtail's privacy check (order 0): a page is taken from the shared cache only
# for a request that check let through (home/page_cache.py).
hooks.register("on_serve_page", shared_page, order=100)
