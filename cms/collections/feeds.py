"""A collection's RSS and Atom feeds: cms.press's feed, fed with the collection's own hits."""

from cms.content.visibility import visible_pages
from cms.press.access import MAX_ID, PressError, press_pages
from cms.press.feeds import SITE_TITLE, Source, feed_views

from .models import CollectionPage
from .query import all_hits


def collection_for(request, page_id):
    """The live collection ``page_id`` if the request may see it, else a 404 PressError."""
    page = visible_pages(CollectionPage.objects.filter(pk=page_id), request).first() if page_id <= MAX_ID else None
    if page is None:
        raise PressError(404, f"Không có bộ sưu tập số {page_id}, hoặc bạn không có quyền xem.", "not_found")
    return page


def collection_source(request, page_id):
    page = collection_for(request, page_id)
    hits, _messages = all_hits(page, request)
    pages = press_pages(request).filter(pk__in=[hit.page_id for hit in hits])
    description = page.intro or f"Bộ sưu tập “{page.title}”"
    return Source(f"{page.title} · {SITE_TITLE}", page.get_url(request), description, pages, request, None)


collection_rss, collection_atom = feed_views(collection_source)
