"""Who may be told of a page: the one visibility rule (cms/content/visibility.py)
asked on behalf of each reader, as if the reader requested the page."""

from django.contrib.sessions.backends.base import SessionBase
from django.http import HttpRequest
from wagtail.models import Page

from cms.content.visibility import visible_pages


def request_for(user, path="/"):
    """A request as ``user`` would make it, with an empty session: a page behind
    a password is never announced, since no password was given."""
    request = HttpRequest()
    request.method, request.path = "GET", path
    request.user = user
    request.session = SessionBase()
    return request


def may_see(user, page) -> bool:
    if not user.is_active:
        return False
    return visible_pages(Page.objects.filter(pk=page.pk), request_for(user, page.url or "/")).exists()


def visible_page_ids(user, page_ids) -> set[int]:
    if not user.is_active:
        return set()
    return set(visible_pages(Page.objects.filter(pk__in=page_ids), request_for(user)).values_list("pk", flat=True))
