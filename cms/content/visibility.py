"""The one visibility rule: which pages a reader may see.

A page is shown when it is **published** (live, its go-live date not ahead,
its expiry date not passed) and no Wagtail page privacy above it refuses the
request. Wagtail checks privacy when it serves a page and the scheduler
publishes and expires pages on its own clock; a page can still be live with a
go-live date ahead (set by hand or by an import) or past its expiry before
``publish_scheduled`` runs, so every channel that lists, finds or serves a page
(sections, home, search and its index, API, feeds, downloads) applies this
rule rather than ``live`` alone.
"""

from django.db.models import Q
from django.utils import timezone
from wagtail.models import PageViewRestriction


def _now(now=None):
    return now or timezone.now()


def published_filter(now=None):
    """The time part of the rule, as a filter on pages."""
    now = _now(now)
    return Q(live=True) & ~Q(go_live_at__gt=now) & ~Q(expire_at__lte=now)


def is_published(page, now=None):
    """Whether one page passes the time part of the rule (``published_filter``)."""
    now = _now(now)
    return bool(
        page.live
        and not (page.go_live_at and page.go_live_at > now)
        and not (page.expire_at and page.expire_at <= now)
    )


def refused_restrictions(request):
    """The page-privacy restrictions ``request`` fails (all of them without a request)."""
    restrictions = PageViewRestriction.objects.select_related("page")
    if request is None:
        return list(restrictions)
    return [r for r in restrictions if not r.accept_request(request)]


def visible_pages(queryset, request):
    """The pages of ``queryset`` the request may see: published, and not hidden
    by a privacy restriction it fails."""
    queryset = queryset.filter(published_filter())
    for restriction in refused_restrictions(request):
        queryset = queryset.not_descendant_of(restriction.page, inclusive=True)
    return queryset
