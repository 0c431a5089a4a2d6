from wagtail import hooks

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
