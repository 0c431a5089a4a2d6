"""Shared caching of what readers see, within the one visibility rule.

A cached fragment or result is shared only between requests that may see
exactly the same thing: its key holds

- the **content version**, a random token replaced whenever anything a page
  shows may have changed (a page saved, published, unpublished, moved or
  deleted; privacy, themes, regions, issuers, documents, images: see
  ``WATCHED_APPS``), and at the next go-live or expiry time of any page, since
  the clock changes what the rule lets through without any signal; and
- the **visibility class** of the request: the page-privacy restrictions it
  fails (``cms.content.visibility.refused_restrictions``; the time part of the
  rule is the same for everybody at one content version).

A new token is taken on the change and again once its transaction commits, so a
request that read the old rows in between cannot keep them under the new token.
"""

import hashlib
from uuid import uuid4

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import transaction
from django.db.models import Min, Q
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

VERSION_KEY = "content:version"
# Apps whose rows pages show or whose rows decide who sees them.
WATCHED_APPS = frozenset(
    {"wagtailcore", "wagtaildocs", "wagtailimages", "taggit", "taxonomy", "content", "directives", "cases", "materials", "home"}
)


def _next_boundary(now):
    """The next moment a page's go-live or expiry time passes (None: no such page)."""
    times = Page.objects.aggregate(
        go_live=Min("go_live_at", filter=Q(go_live_at__gt=now)),
        expiry=Min("expire_at", filter=Q(expire_at__gt=now)),
    )
    upcoming = [t for t in times.values() if t is not None]
    return min(upcoming) if upcoming else None


def content_version():
    """The current content version token (read from the shared cache)."""
    state = cache.get(VERSION_KEY)
    now = timezone.now()
    if state is None or (state[1] is not None and now >= state[1]):
        state = (uuid4().hex, _next_boundary(now))
        cache.set(VERSION_KEY, state, None)
    return state[0]


def invalidate():
    """Pages may show something else now: take a new token, and again after the commit."""
    cache.delete(VERSION_KEY)
    transaction.on_commit(lambda: cache.delete(VERSION_KEY))


def version_key(kind, *parts):
    """A cache key for something true of every request until the content version changes."""
    return ":".join(["content", kind, content_version(), *map(str, parts)])


def kept(key, compute):
    """``compute()``, kept in the shared cache under ``key``, a key holding the content
    version (``version_key``, ``shared_key``) so that no change is missed; None is kept too."""
    return cache.get_or_set(key, compute)


def _restrictions():
    """Every page-privacy restriction with its groups, cached per content version."""
    return kept(
        version_key("restrictions"),
        lambda: list(PageViewRestriction.objects.select_related("page").prefetch_related("groups")),
    )


def refused_restrictions(request):
    """``cms.content.visibility.refused_restrictions`` from the cached list of
    restrictions, once per request: Wagtail's own ``accept_request`` decides."""
    refused = getattr(request, "_refused_restrictions", None)
    if refused is None:
        refused = [r for r in _restrictions() if not r.accept_request(request)]
        request._refused_restrictions = refused
    return refused


def visibility_class(request):
    """What tells apart requests that may see different things: the restrictions refused."""
    return ".".join(str(r.pk) for r in sorted(refused_restrictions(request), key=lambda r: r.pk)) or "all"


def shared_key(kind, request, *parts):
    """A cache key for something shown to every request of the same visibility class."""
    return ":".join(["shared", kind, content_version(), visibility_class(request), *map(str, parts)])


def _changed(sender, **kwargs):
    if sender is not None and getattr(getattr(sender, "_meta", None), "app_label", None) in WATCHED_APPS:
        invalidate()


def _page_event(sender, **kwargs):
    invalidate()


def connect():
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_changed, dispatch_uid=f"home.caching.{id(signal)}")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_page_event, dispatch_uid=f"home.caching.page.{id(signal)}")


def routed_page(url_path):
    """The specific page at ``url_path`` (None: no page), cached per content version:
    any change to a page takes a new version, and so does the clock at its go-live or
    expiry time, so the cached copy is the row as it is now."""
    # Hashed: a path may hold any character and any length, a cache key may not.
    digest = hashlib.sha1(url_path.encode("utf-8", "surrogatepass")).hexdigest()
    return kept(version_key("page-at", digest), lambda: _specific_page_at(url_path))


def _specific_page_at(url_path):
    row = Page.objects.filter(url_path=url_path).values_list("content_type_id", "pk").first()
    model = ContentType.objects.get_for_id(row[0]).model_class() if row else None
    return model.objects.filter(pk=row[1]).first() if model is not None else None


def cached_row(model, **lookup):
    """``model.objects.filter(**lookup).first()``, cached per content version: only for the
    models of ``WATCHED_APPS`` (taxonomy terms a URL names, for instance), whose every
    change takes a new version."""
    if model._meta.app_label not in WATCHED_APPS:
        raise ValueError(f"{model._meta.label} is not watched by the content version")
    asked = hashlib.sha1(repr(sorted(lookup.items())).encode("utf-8", "surrogatepass")).hexdigest()
    return kept(version_key("row-of", model._meta.label_lower, asked), lambda: model.objects.filter(**lookup).first())
