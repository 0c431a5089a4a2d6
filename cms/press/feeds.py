"""RSS 2.0 and Atom feeds for every section, theme, region and saved search.

Each item carries the full clean content (summary, images with their credit
lines, body) and its images as enclosures. Image and enclosure URLs carry the
reader's own feed key, so a feed reader on the intranet can fetch them too.
A saved search is the query string of a section listing or /tim-kiem/
(q and the archive filters of cms.content.filters) put after a feed URL.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed

from cms.content.bodytext import clean_line
from cms.content.filters import filter_pages, parse_filters
from cms.content.visibility import visible_pages
from cms.taxonomy.models import Region, Theme
from home.models import SectionPage

from .access import MAX_ID, PressError, press_pages, press_view
from .filters import MAX_QUERY_LENGTH, text_filter
from .images import MIME_TYPES, image_url, page_images, rendition_file
from .text import feed_html
from .tokens import feed_token_for

SITE_TITLE = "Cổng thông tin Cuộc vận động"


class PressRssFeed(Rss201rev2Feed):
    """RSS 2.0; the description holds the full HTML content."""


class PressAtomFeed(Atom1Feed):
    """Atom with the full HTML in <content> beside the short <summary>."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content_html"):
            handler.addQuickElement("content", item["content_html"], {"type": "html"})


@dataclass
class Source:
    title: str
    link: str
    description: str
    pages: QuerySet
    request: object
    token: str | None


@dataclass
class Entry:
    page: object
    source: Source


def saved_search(request, pages):
    """Apply a listing's or the search page's query string (q and the archive
    filters, named as on those pages); bad values are a 400."""
    filters, problems = parse_filters(request.GET)
    if problems:
        raise PressError(400, " ".join(problem.error for problem in problems), "invalid_filter")
    pages = filter_pages(pages, filters)
    labels = [label for _name, label in filters.chips()]
    q = request.GET.get("q", "").strip()
    if q:
        if len(q) > MAX_QUERY_LENGTH or "\x00" in q:
            raise PressError(400, f"Từ khoá tìm kiếm quá dài (tối đa {MAX_QUERY_LENGTH} ký tự).", "invalid_filter")
        pages = text_filter(pages, q)
        labels.insert(0, f"“{q}”")
    return pages, labels


def _listing_link(request, base, **fixed):
    """The HTML listing a feed mirrors: ``base`` with the feed's own filters, never the key."""
    query = request.GET.copy()
    query.pop("token", None)
    for name, value in fixed.items():
        query[name] = value
    return f"{base}?{query.urlencode()}" if query else base


def _title(base, labels):
    return f"{base} – {', '.join(labels)} · {SITE_TITLE}" if labels else f"{base} · {SITE_TITLE}"


def section_source(request, section_id):
    # The section itself must be visible too: a private section's name is not for everyone.
    section = None
    if section_id <= MAX_ID:
        section = visible_pages(SectionPage.objects.filter(pk=section_id), request).first()
    if section is None:
        raise PressError(404, f"Không có chuyên mục số {section_id}, hoặc bạn không có quyền xem.", "not_found")
    pages, labels = saved_search(request, press_pages(request).descendant_of(section))
    link = _listing_link(request, section.get_url(request))
    return Source(_title(section.title, labels), link, section.intro or section.title, pages, request, None)


def theme_source(request, slug):
    theme = Theme.objects.filter(slug=slug).first()
    if theme is None:
        raise PressError(404, f"Không tìm thấy chủ đề “{slug}”.", "not_found")
    pages, labels = saved_search(request, press_pages(request).filter(theme_items__tag=theme).distinct())
    link = _listing_link(request, "/tim-kiem/", theme=theme.slug)
    return Source(_title(f"Chủ đề {theme.name}", labels), link, theme.description or theme.name, pages, request, None)


def region_source(request, slug):
    region = Region.objects.filter(slug=slug).first()
    if region is None:
        raise PressError(404, f"Không tìm thấy địa bàn “{slug}”.", "not_found")
    # A unit includes everything beneath it (old provinces, districts).
    pages = press_pages(request).filter(regions__path__startswith=region.path).distinct()
    pages, labels = saved_search(request, pages)
    link = _listing_link(request, "/tim-kiem/", region=region.slug)
    return Source(_title(region.full_name, labels), link, region.full_name, pages, request, None)


def search_source(request):
    pages, labels = saved_search(request, press_pages(request))
    if not labels:
        return Source(f"Nội dung mới · {SITE_TITLE}", "/", "Nội dung mới của Cuộc vận động", pages, request, None)
    link = _listing_link(request, "/tim-kiem/")
    return Source(_title("Tìm kiếm", labels), link, "Kết quả tìm kiếm đã lưu", pages, request, None)


class PressFeed(Feed):
    """One feed class for every source; ``source`` builds what to list from the request."""

    feed_type = PressRssFeed

    def __init__(self, source, feed_type):
        self.source = source
        self.feed_type = feed_type

    @property
    def is_atom(self):
        return issubclass(self.feed_type, Atom1Feed)

    def get_object(self, request, **kwargs):
        source = self.source(request, **kwargs)
        source.token = feed_token_for(request.user)
        return source

    def title(self, source):
        return source.title

    def link(self, source):
        return source.link

    def description(self, source):
        return source.description

    def subtitle(self, source):
        return source.description

    def feed_url(self, source):
        # The feed's own address, without the key: feeds get shared, keys must not be.
        return source.request.path

    def items(self, source):
        pages = source.pages.order_by("-first_published_at", "-pk").specific()[: settings.PRESS_FEED_ITEMS]
        return [Entry(page, source) for page in pages]

    def item_title(self, entry):
        return entry.page.title

    def item_link(self, entry):
        return entry.page.get_url(entry.source.request)

    def _image_src(self, entry, size="web"):
        return lambda image: image_url(entry.source.request, entry.page, image, size, entry.source.token)

    def item_description(self, entry):
        if self.is_atom:
            return clean_line(entry.page.summary) or entry.page.title
        return feed_html(entry.page, self._image_src(entry))

    def item_extra_kwargs(self, entry):
        if self.is_atom:
            return {"content_html": feed_html(entry.page, self._image_src(entry))}
        return {}

    def item_pubdate(self, entry):
        return entry.page.first_published_at

    def item_updateddate(self, entry):
        return entry.page.last_published_at

    def item_categories(self, entry):
        return [theme.name for theme in entry.page.themes.all()]

    def item_enclosures(self, entry):
        enclosures = []
        for item in page_images(entry.page):
            _file, length, ext = rendition_file(item.image, "web")
            enclosures.append(
                Enclosure(
                    image_url(entry.source.request, entry.page, item.image, "web", entry.source.token),
                    str(length),
                    MIME_TYPES.get(ext, "image/jpeg"),
                )
            )
        # RSS 2.0 allows one enclosure per item; Atom takes them all.
        return enclosures if self.is_atom else enclosures[:1]


def feed_views(source):
    """(rss view, atom view) for a source, authenticated by feed key or session."""
    return (
        press_view()(PressFeed(source, PressRssFeed)),
        press_view()(PressFeed(source, PressAtomFeed)),
    )


section_rss, section_atom = feed_views(section_source)
theme_rss, theme_atom = feed_views(theme_source)
region_rss, region_atom = feed_views(region_source)
search_rss, search_atom = feed_views(search_source)
