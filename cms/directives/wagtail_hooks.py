"""Link integrity in the admin: deleting, unpublishing or moving a document that
other pages cite or link to first shows those pages, then lets the editor go on."""

from django.template.response import TemplateResponse
from wagtail import hooks

from .links import citing_pages

SEEN = "lien_ket"  # set once the editor has read the warning
SEEN_VALUE = "da_xem"

ACTIONS = {
    "delete": ("Xoá trang", "xoá"),
    "unpublish": ("Ngừng đăng trang", "ngừng đăng"),
    "move": ("Chuyển trang", "chuyển"),
}


def _seen(request):
    return request.GET.get(SEEN) == SEEN_VALUE or request.POST.get(SEEN) == SEEN_VALUE


def _continue_url(request):
    query = request.GET.copy()
    query[SEEN] = SEEN_VALUE
    return f"{request.path}?{query.urlencode()}"


def warning(request, page, action, pages):
    """The warning page, or None when nothing cites ``pages`` or the editor read it already."""
    if _seen(request):
        return None
    citing = citing_pages(pages)
    if not citing:
        return None
    title, verb = ACTIONS[action]
    return TemplateResponse(
        request,
        "directives/admin/link_warning.html",
        {
            "page": page,
            "citing": citing,
            "title": title,
            "verb": verb,
            "continue_url": _continue_url(request),
            # Unpublishing asks on the POST itself: it is resent with the flag.
            "resend": [(k, v) for k, values in request.POST.lists() if k != "csrfmiddlewaretoken" for v in values]
            if request.method == "POST"
            else None,
            "seen": (SEEN, SEEN_VALUE),
        },
    )


@hooks.register("before_delete_page")
def warn_before_delete(request, page):
    if request.method != "GET":
        return None  # the editor went through the GET confirmation
    return warning(request, page, "delete", [page, *page.get_descendants()])


@hooks.register("before_move_page")
def warn_before_move(request, page, destination):
    if request.method != "GET":
        return None
    return warning(request, page, "move", [page])


@hooks.register("before_unpublish_page")
def warn_before_unpublish(request, page):
    pages = [page, *page.get_descendants()] if request.POST.get("include_descendants") else [page]
    return warning(request, page, "unpublish", pages)
